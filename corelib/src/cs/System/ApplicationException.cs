namespace System
{
    // The base of exceptions defined by applications (kept for compatibility,
    // as in .NET).
    public class ApplicationException : Exception
    {
        private const int COR_E_APPLICATION = unchecked((int)0x80131600);

        public ApplicationException()
            : base("Error in the application.")
        {
            HResult = COR_E_APPLICATION;
        }

        public ApplicationException(string message)
            : base(message)
        {
            HResult = COR_E_APPLICATION;
        }

        public ApplicationException(string message, Exception innerException)
            : base(message, innerException)
        {
            HResult = COR_E_APPLICATION;
        }
    }
}
