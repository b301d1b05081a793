namespace System.Security
{
    // Raised by the runtime, before a method runs, when the method must be
    // verifiable IL (`osprey run --verify`, untrusted processes, assemblies
    // not compiled as unsafe) and is not (docs/verification.md).
    public class VerificationException : SystemException
    {
        private const int COR_E_VERIFICATION = unchecked((int)0x8013150D);

        public VerificationException()
            : base("Operation could destabilize the runtime.")
        {
            HResult = COR_E_VERIFICATION;
        }

        public VerificationException(string message)
            : base(message)
        {
            HResult = COR_E_VERIFICATION;
        }

        public VerificationException(string message, Exception innerException)
            : base(message, innerException)
        {
            HResult = COR_E_VERIFICATION;
        }
    }
}
