namespace System
{
    public class ArrayTypeMismatchException : SystemException
    {
        public ArrayTypeMismatchException()
            : base("Attempted to access an element as a type incompatible with the array.")
        {
            HResult = unchecked((int)0x80131503);
        }

        public ArrayTypeMismatchException(string message)
            : base(message)
        {
            HResult = unchecked((int)0x80131503);
        }

        public ArrayTypeMismatchException(string message, Exception innerException)
            : base(message, innerException)
        {
            HResult = unchecked((int)0x80131503);
        }
    }
}
