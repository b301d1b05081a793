namespace System
{
    public class ArgumentNullException : ArgumentException
    {
        private const int E_POINTER = unchecked((int)0x80004003);
        private const string DefaultMessage = "Value cannot be null.";

        public ArgumentNullException()
            : base(DefaultMessage)
        {
            HResult = E_POINTER;
        }

        public ArgumentNullException(string paramName)
            : base(DefaultMessage, paramName)
        {
            HResult = E_POINTER;
        }

        public ArgumentNullException(string message, Exception innerException)
            : base(message, innerException)
        {
            HResult = E_POINTER;
        }

        public ArgumentNullException(string paramName, string message)
            : base(message, paramName)
        {
            HResult = E_POINTER;
        }
    }
}
