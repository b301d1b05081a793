namespace System
{
    public class MissingMethodException : MissingMemberException
    {
        public MissingMethodException()
            : base("Attempted to access a missing method.")
        {
            HResult = unchecked((int)0x80131513);
        }

        public MissingMethodException(string message)
            : base(message)
        {
            HResult = unchecked((int)0x80131513);
        }

        public MissingMethodException(string message, Exception innerException)
            : base(message, innerException)
        {
            HResult = unchecked((int)0x80131513);
        }
    }
}
