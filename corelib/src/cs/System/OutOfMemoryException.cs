namespace System
{
    public class OutOfMemoryException : SystemException
    {
        public OutOfMemoryException()
            : base("Insufficient memory to continue the execution of the program.")
        {
            HResult = unchecked((int)0x8007000E);
        }

        public OutOfMemoryException(string message)
            : base(message)
        {
            HResult = unchecked((int)0x8007000E);
        }

        public OutOfMemoryException(string message, Exception innerException)
            : base(message, innerException)
        {
            HResult = unchecked((int)0x8007000E);
        }
    }
}
