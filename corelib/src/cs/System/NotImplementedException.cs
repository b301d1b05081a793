namespace System
{
    public class NotImplementedException : SystemException
    {
        public NotImplementedException()
            : base("The method or operation is not implemented.")
        {
            HResult = unchecked((int)0x80004001);
        }

        public NotImplementedException(string message)
            : base(message)
        {
            HResult = unchecked((int)0x80004001);
        }

        public NotImplementedException(string message, Exception innerException)
            : base(message, innerException)
        {
            HResult = unchecked((int)0x80004001);
        }
    }
}
