namespace System
{
    // Raised at the first call of a P/Invoke whose library cannot be loaded
    // (the message names the library and what the dynamic loader said).
    public class DllNotFoundException : TypeLoadException
    {
        private const int COR_E_DLLNOTFOUND = unchecked((int)0x80131524);

        public DllNotFoundException()
            : base("Dll was not found.")
        {
            HResult = COR_E_DLLNOTFOUND;
        }

        public DllNotFoundException(string message)
            : base(message)
        {
            HResult = COR_E_DLLNOTFOUND;
        }

        public DllNotFoundException(string message, Exception inner)
            : base(message, inner)
        {
            HResult = COR_E_DLLNOTFOUND;
        }
    }
}
