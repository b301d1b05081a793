namespace System
{
    public class NullReferenceException : SystemException
    {
        public NullReferenceException()
            : base("Object reference not set to an instance of an object.")
        {
            HResult = unchecked((int)0x80004003);
        }

        public NullReferenceException(string message)
            : base(message)
        {
            HResult = unchecked((int)0x80004003);
        }

        public NullReferenceException(string message, Exception innerException)
            : base(message, innerException)
        {
            HResult = unchecked((int)0x80004003);
        }
    }
}
