namespace System.Runtime.InteropServices
{
    // Raised at the first call of a P/Invoke with a parameter (or result)
    // that has no native form; the message names the parameter.
    public class MarshalDirectiveException : SystemException
    {
        private const int COR_E_MARSHALDIRECTIVE = unchecked((int)0x80131535);

        public MarshalDirectiveException()
            : base("Marshaling directives are invalid.")
        {
            HResult = COR_E_MARSHALDIRECTIVE;
        }

        public MarshalDirectiveException(string message)
            : base(message)
        {
            HResult = COR_E_MARSHALDIRECTIVE;
        }

        public MarshalDirectiveException(string message, Exception inner)
            : base(message, inner)
        {
            HResult = COR_E_MARSHALDIRECTIVE;
        }
    }
}
