namespace System.Threading
{
    public class SynchronizationLockException : SystemException
    {
        public SynchronizationLockException()
            : base("Object synchronization method was called from an unsynchronized block of code.")
        {
            HResult = unchecked((int)0x80131518);
        }

        public SynchronizationLockException(string message)
            : base(message)
        {
            HResult = unchecked((int)0x80131518);
        }

        public SynchronizationLockException(string message, Exception innerException)
            : base(message, innerException)
        {
            HResult = unchecked((int)0x80131518);
        }
    }
}
