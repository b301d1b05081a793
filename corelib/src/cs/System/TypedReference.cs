namespace System
{
    // A managed pointer and its type (__makeref). Not supported yet; mcs
    // needs the type.
    public struct TypedReference
    {
#pragma warning disable 169
        private IntPtr Value;
        private IntPtr Type;
#pragma warning restore 169
    }
}
