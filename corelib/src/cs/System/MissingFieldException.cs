namespace System
{
    public class MissingFieldException : MissingMemberException
    {
        public MissingFieldException()
            : base("Attempted to access a non-existing field.")
        {
            HResult = unchecked((int)0x80131511);
        }

        public MissingFieldException(string message)
            : base(message)
        {
            HResult = unchecked((int)0x80131511);
        }

        public MissingFieldException(string message, Exception innerException)
            : base(message, innerException)
        {
            HResult = unchecked((int)0x80131511);
        }
    }
}
