namespace System
{
    // Walks a varargs argument list. Varargs are not supported yet; mcs
    // needs the type.
    public struct ArgIterator
    {
    }
}
