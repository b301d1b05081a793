namespace System
{
    public class UnauthorizedAccessException : SystemException
    {
        public UnauthorizedAccessException()
            : base("Attempted to perform an unauthorized operation.")
        {
            HResult = unchecked((int)0x80070005);
        }

        public UnauthorizedAccessException(string message)
            : base(message)
        {
            HResult = unchecked((int)0x80070005);
        }

        public UnauthorizedAccessException(string message, Exception inner)
            : base(message, inner)
        {
            HResult = unchecked((int)0x80070005);
        }
    }
}
