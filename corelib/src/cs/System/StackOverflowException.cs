namespace System
{
    public sealed class StackOverflowException : SystemException
    {
        public StackOverflowException()
            : base("Operation caused a stack overflow.")
        {
            HResult = unchecked((int)0x800703E9);
        }

        public StackOverflowException(string message)
            : base(message)
        {
            HResult = unchecked((int)0x800703E9);
        }

        public StackOverflowException(string message, Exception innerException)
            : base(message, innerException)
        {
            HResult = unchecked((int)0x800703E9);
        }
    }
}
