namespace System
{
    // The base class of every array type. The runtime implements arrays
    // (ldlen, ldelem, stelem); Array's own members come later.
    public abstract class Array
    {
        private Array()
        {
        }
    }
}
