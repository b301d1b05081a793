namespace System
{
    public class TypeLoadException : SystemException
    {
        public TypeLoadException()
            : base("Failure has occurred while loading a type.")
        {
            HResult = unchecked((int)0x80131522);
        }

        public TypeLoadException(string message)
            : base(message)
        {
            HResult = unchecked((int)0x80131522);
        }

        public TypeLoadException(string message, Exception innerException)
            : base(message, innerException)
        {
            HResult = unchecked((int)0x80131522);
        }
    }
}
