namespace System.Runtime.InteropServices
{
    // The exception native code raises; the runtime uses it for a Rust
    // panic caught at a QCall's boundary (qcall/src/lib.rs, `run`).
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
