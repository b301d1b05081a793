namespace System
{
    public class NotSupportedException : SystemException
    {
        public NotSupportedException()
            : base("Specified method is not supported.")
        {
            HResult = unchecked((int)0x80131515);
        }

        public NotSupportedException(string message)
            : base(message)
        {
            HResult = unchecked((int)0x80131515);
        }

        public NotSupportedException(string message, Exception innerException)
            : base(message, innerException)
        {
            HResult = unchecked((int)0x80131515);
        }
    }
}
