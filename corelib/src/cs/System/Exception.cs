using System.Runtime.CompilerServices;

namespace System
{
    public class Exception
    {
        // The runtime and the binder read these fields (CoreCLR's names);
        // keep their names, types and order.
        private string _message;
        private Exception _innerException;
#pragma warning disable 649 // set by the runtime
        // Where the exception went, recorded by the runtime's exception
        // dispatcher: (method, IL offset) pairs, formatted on demand.
        private IntPtr[] _stackTrace;
        // A stack trace given as text (takes precedence when set).
        private string _stackTraceString;
#pragma warning restore 649
        private int _HResult;

        private const int COR_E_EXCEPTION = unchecked((int)0x80131500);

        public Exception()
        {
            _HResult = COR_E_EXCEPTION;
        }

        public Exception(string message)
        {
            _message = message;
            _HResult = COR_E_EXCEPTION;
        }

        public Exception(string message, Exception innerException)
        {
            _message = message;
            _innerException = innerException;
            _HResult = COR_E_EXCEPTION;
        }

        public virtual string Message
        {
            get
            {
                if (_message != null)
                    return _message;
                return String.Concat("Exception of type '", GetClassName(), "' was thrown.");
            }
        }

        public Exception InnerException
        {
            get { return _innerException; }
        }

        public virtual string StackTrace
        {
            get
            {
                if (_stackTraceString != null)
                    return _stackTraceString;
                if (_stackTrace == null)
                    return null;
                return FormatStackTrace(_stackTrace);
            }
        }

        [MethodImpl(MethodImplOptions.InternalCall)]
        private static extern string FormatStackTrace(IntPtr[] trace);

        public int HResult
        {
            get { return _HResult; }
            set { _HResult = value; }
        }

        public virtual Exception GetBaseException()
        {
            Exception inner = _innerException;
            Exception back = this;
            while (inner != null)
            {
                back = inner;
                inner = inner._innerException;
            }
            return back;
        }

        // "Type: message", then " ---> " and the inner exception, then the
        // stack trace, as .NET prints it.
        public override string ToString()
        {
            string s = GetClassName();
            string message = Message;
            if (!String.IsNullOrEmpty(message))
                s = String.Concat(s, ": ", message);
            if (_innerException != null)
                s = String.Concat(s, " ---> ", _innerException.ToString(), "\n   --- End of inner exception stack trace ---");
            string stackTrace = StackTrace;
            if (stackTrace != null)
                s = String.Concat(s, "\n", stackTrace);
            return s;
        }

        private string GetClassName()
        {
            return GetType().ToString();
        }
    }
}
