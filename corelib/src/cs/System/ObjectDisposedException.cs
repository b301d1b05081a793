namespace System
{
    // Raised when an object is used after it was disposed (a closed wait
    // handle, or a closed SafeHandle passed to a P/Invoke, for instance).
    public class ObjectDisposedException : InvalidOperationException
    {
        private const int COR_E_OBJECTDISPOSED = unchecked((int)0x80131622);
        private readonly string _objectName;

        // What the runtime raises (it then sets the message).
        private ObjectDisposedException()
            : this((string)null)
        {
        }

        public ObjectDisposedException(string objectName)
            : this(objectName, "Cannot access a disposed object.")
        {
        }

        public ObjectDisposedException(string objectName, string message)
            : base(message)
        {
            HResult = COR_E_OBJECTDISPOSED;
            _objectName = objectName;
        }

        public ObjectDisposedException(string message, Exception innerException)
            : base(message, innerException)
        {
            HResult = COR_E_OBJECTDISPOSED;
        }

        public string ObjectName
        {
            get { return _objectName == null ? "" : _objectName; }
        }

        // The message, and the object's name when there is one.
        public override string Message
        {
            get
            {
                string name = ObjectName;
                if (name.Length == 0)
                    return base.Message;
                return base.Message + "\nObject name: '" + name + "'.";
            }
        }
    }
}
