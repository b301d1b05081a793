namespace System.Runtime.InteropServices
{
    // An HRESULT that names no more specific exception
    // (Marshal.ThrowExceptionForHR, a P/Invoke with PreserveSig = false).
    public class COMException : ExternalException
    {
        public COMException()
            : base("Error HRESULT E_FAIL has been returned from a call to a COM component.")
        {
        }

        public COMException(string message)
            : base(message)
        {
        }

        public COMException(string message, Exception inner)
            : base(message, inner)
        {
        }

        public COMException(string message, int errorCode)
            : base(message, errorCode)
        {
        }
    }
}
