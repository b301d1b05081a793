namespace System
{
    public class ObjectDisposedException : InvalidOperationException
    {
        private readonly string _objectName;

        public ObjectDisposedException(string objectName)
            : this(objectName, "Cannot access a disposed object.")
        {
        }

        public ObjectDisposedException(string objectName, string message)
            : base(message)
        {
            _objectName = objectName;
            HResult = unchecked((int)0x80131622);
        }

        public ObjectDisposedException(string message, Exception innerException)
            : base(message, innerException)
        {
            HResult = unchecked((int)0x80131622);
        }

        // The message, then "Object name: 'name'." on its own line.
        public override string Message
        {
            get
            {
                string name = ObjectName;
                if (String.IsNullOrEmpty(name))
                    return base.Message;
                return String.Concat(base.Message, "\nObject name: '", name, "'.");
            }
        }

        public string ObjectName
        {
            get { return _objectName == null ? "" : _objectName; }
        }
    }
}
