namespace System
{
    public class InvalidOperationException : SystemException
    {
        public InvalidOperationException()
            : base("Operation is not valid due to the current state of the object.")
        {
            HResult = unchecked((int)0x80131509);
        }

        public InvalidOperationException(string message)
            : base(message)
        {
            HResult = unchecked((int)0x80131509);
        }

        public InvalidOperationException(string message, Exception innerException)
            : base(message, innerException)
        {
            HResult = unchecked((int)0x80131509);
        }
    }
}
