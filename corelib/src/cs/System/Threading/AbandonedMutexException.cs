namespace System.Threading
{
    public class AbandonedMutexException : SystemException
    {
        public AbandonedMutexException()
            : base("The wait completed due to an abandoned mutex.")
        {
            HResult = unchecked((int)0x8013152D);
        }

        public AbandonedMutexException(string message)
            : base(message)
        {
            HResult = unchecked((int)0x8013152D);
        }

        public AbandonedMutexException(string message, Exception innerException)
            : base(message, innerException)
        {
            HResult = unchecked((int)0x8013152D);
        }
    }
}
