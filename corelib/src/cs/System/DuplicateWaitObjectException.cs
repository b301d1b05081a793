namespace System
{
    // WaitHandle.WaitAll was given the same handle twice.
    public class DuplicateWaitObjectException : ArgumentException
    {
        public DuplicateWaitObjectException()
            : base("Duplicate objects in argument.")
        {
            HResult = unchecked((int)0x80131529);
        }

        public DuplicateWaitObjectException(string parameterName)
            : base("Duplicate objects in argument.", parameterName)
        {
            HResult = unchecked((int)0x80131529);
        }
    }
}
