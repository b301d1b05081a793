namespace System
{
    public class FormatException : SystemException
    {
        public FormatException()
            : base("One of the identified items was in an invalid format.")
        {
            HResult = unchecked((int)0x80131537);
        }

        public FormatException(string message)
            : base(message)
        {
            HResult = unchecked((int)0x80131537);
        }

        public FormatException(string message, Exception innerException)
            : base(message, innerException)
        {
            HResult = unchecked((int)0x80131537);
        }
    }
}
