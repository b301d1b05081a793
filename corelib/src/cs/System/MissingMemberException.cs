namespace System
{
    public class MissingMemberException : MemberAccessException
    {
        public MissingMemberException()
            : base("Attempted to access a missing member.")
        {
            HResult = unchecked((int)0x80131512);
        }

        public MissingMemberException(string message)
            : base(message)
        {
            HResult = unchecked((int)0x80131512);
        }

        public MissingMemberException(string message, Exception innerException)
            : base(message, innerException)
        {
            HResult = unchecked((int)0x80131512);
        }
    }
}
