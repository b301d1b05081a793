namespace System
{
    // Raised by the runtime when a method's IL is invalid (malformed, or
    // type-unsafe in code the runtime does not trust: docs/verification.md),
    // or when a method cannot be compiled as its IL says: for instance a
    // direct call of a method marked [UnmanagedCallersOnly].
    public sealed class InvalidProgramException : SystemException
    {
        private const int COR_E_INVALIDPROGRAM = unchecked((int)0x8013153A);

        public InvalidProgramException()
            : base("Common Language Runtime detected an invalid program.")
        {
            HResult = COR_E_INVALIDPROGRAM;
        }

        public InvalidProgramException(string message)
            : base(message)
        {
            HResult = COR_E_INVALIDPROGRAM;
        }

        public InvalidProgramException(string message, Exception inner)
            : base(message, inner)
        {
            HResult = COR_E_INVALIDPROGRAM;
        }
    }
}
