namespace System
{
    public class MemberAccessException : SystemException
    {
        public MemberAccessException()
            : base("Cannot access member.")
        {
            HResult = unchecked((int)0x8013151A);
        }

        public MemberAccessException(string message)
            : base(message)
        {
            HResult = unchecked((int)0x8013151A);
        }

        public MemberAccessException(string message, Exception innerException)
            : base(message, innerException)
        {
            HResult = unchecked((int)0x8013151A);
        }
    }
}
