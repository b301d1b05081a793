namespace System
{
    public class DivideByZeroException : ArithmeticException
    {
        public DivideByZeroException()
            : base("Attempted to divide by zero.")
        {
            HResult = unchecked((int)0x80020012);
        }

        public DivideByZeroException(string message)
            : base(message)
        {
            HResult = unchecked((int)0x80020012);
        }

        public DivideByZeroException(string message, Exception innerException)
            : base(message, innerException)
        {
            HResult = unchecked((int)0x80020012);
        }
    }
}
