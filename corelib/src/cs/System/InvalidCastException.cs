namespace System
{
    public class InvalidCastException : SystemException
    {
        public InvalidCastException()
            : base("Specified cast is not valid.")
        {
            HResult = unchecked((int)0x80004002);
        }

        public InvalidCastException(string message)
            : base(message)
        {
            HResult = unchecked((int)0x80004002);
        }

        public InvalidCastException(string message, Exception innerException)
            : base(message, innerException)
        {
            HResult = unchecked((int)0x80004002);
        }
    }
}
