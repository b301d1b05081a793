namespace System
{
    public sealed class IndexOutOfRangeException : SystemException
    {
        public IndexOutOfRangeException()
            : base("Index was outside the bounds of the array.")
        {
            HResult = unchecked((int)0x80131508);
        }

        public IndexOutOfRangeException(string message)
            : base(message)
        {
            HResult = unchecked((int)0x80131508);
        }

        public IndexOutOfRangeException(string message, Exception innerException)
            : base(message, innerException)
        {
            HResult = unchecked((int)0x80131508);
        }
    }
}
