namespace System
{
    public class SystemException : Exception
    {
        public SystemException()
            : base("System error.")
        {
            HResult = unchecked((int)0x80131501);
        }

        public SystemException(string message)
            : base(message)
        {
            HResult = unchecked((int)0x80131501);
        }

        public SystemException(string message, Exception innerException)
            : base(message, innerException)
        {
            HResult = unchecked((int)0x80131501);
        }
    }
}
