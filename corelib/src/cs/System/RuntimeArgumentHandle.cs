namespace System
{
    // The argument list of a varargs method (__arglist). Varargs are not
    // supported yet; mcs needs the type.
    public struct RuntimeArgumentHandle
    {
#pragma warning disable 169
        private IntPtr m_ptr;
#pragma warning restore 169
    }
}
