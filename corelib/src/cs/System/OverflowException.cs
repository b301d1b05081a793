namespace System
{
    public class OverflowException : ArithmeticException
    {
        public OverflowException()
            : base("Arithmetic operation resulted in an overflow.")
        {
            HResult = unchecked((int)0x80131516);
        }

        public OverflowException(string message)
            : base(message)
        {
            HResult = unchecked((int)0x80131516);
        }

        public OverflowException(string message, Exception innerException)
            : base(message, innerException)
        {
            HResult = unchecked((int)0x80131516);
        }
    }
}
