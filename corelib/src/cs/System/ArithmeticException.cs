namespace System
{
    public class ArithmeticException : SystemException
    {
        public ArithmeticException()
            : base("Overflow or underflow in the arithmetic operation.")
        {
            HResult = unchecked((int)0x80070216);
        }

        public ArithmeticException(string message)
            : base(message)
        {
            HResult = unchecked((int)0x80070216);
        }

        public ArithmeticException(string message, Exception innerException)
            : base(message, innerException)
        {
            HResult = unchecked((int)0x80070216);
        }
    }
}
