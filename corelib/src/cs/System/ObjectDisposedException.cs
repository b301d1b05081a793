namespace System
{
    // An operation on an object that has been disposed (a closed wait
    // handle, say).
    public class ObjectDisposedException : InvalidOperationException
    {
        private string _objectName;

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
            HResult = unchecked((int)0x80131622);
            _objectName = objectName;
        }

        public ObjectDisposedException(string message, Exception innerException)
            : base(message, innerException)
        {
            HResult = unchecked((int)0x80131622);
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
