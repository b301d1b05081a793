namespace System.Threading
{
    public class ThreadStateException : SystemException
    {
        public ThreadStateException()
            : base("Thread is in an invalid state for this operation.")
        {
            HResult = unchecked((int)0x80131520);
        }

        public ThreadStateException(string message)
            : base(message)
        {
            HResult = unchecked((int)0x80131520);
        }

        public ThreadStateException(string message, Exception innerException)
            : base(message, innerException)
        {
            HResult = unchecked((int)0x80131520);
        }
    }
}
