namespace System.Threading
{
    public class SemaphoreFullException : SystemException
    {
        public SemaphoreFullException()
            : base("Adding the specified count to the semaphore would cause it to exceed its maximum count.")
        {
            HResult = unchecked((int)0x80131500);
        }

        public SemaphoreFullException(string message)
            : base(message)
        {
            HResult = unchecked((int)0x80131500);
        }

        public SemaphoreFullException(string message, Exception innerException)
            : base(message, innerException)
        {
            HResult = unchecked((int)0x80131500);
        }
    }
}
