namespace System.Runtime.InteropServices
{
    // The base of exceptions from outside the runtime; Osprey raises it when
    // a QCall's native code fails without naming a managed exception type
    // (for instance a Rust panic caught at the QCall boundary).
    public class ExternalException : SystemException
    {
        private const int E_FAIL = unchecked((int)0x80004005);

        public ExternalException()
            : base("External component has thrown an exception.")
        {
            HResult = E_FAIL;
        }

        public ExternalException(string message)
            : base(message)
        {
            HResult = E_FAIL;
        }

        public ExternalException(string message, Exception inner)
            : base(message, inner)
        {
            HResult = E_FAIL;
        }

        public ExternalException(string message, int errorCode)
            : base(message)
        {
            HResult = errorCode;
        }

        public virtual int ErrorCode
        {
            get { return HResult; }
        }
    }
}
