namespace System
{
    public class ArgumentException : SystemException
    {
        private string _paramName;

        private const int COR_E_ARGUMENT = unchecked((int)0x80070057);

        public ArgumentException()
            : base("Value does not fall within the expected range.")
        {
            HResult = COR_E_ARGUMENT;
        }

        public ArgumentException(string message)
            : base(message)
        {
            HResult = COR_E_ARGUMENT;
        }

        public ArgumentException(string message, Exception innerException)
            : base(message, innerException)
        {
            HResult = COR_E_ARGUMENT;
        }

        public ArgumentException(string message, string paramName)
            : base(message)
        {
            _paramName = paramName;
            HResult = COR_E_ARGUMENT;
        }

        public ArgumentException(string message, string paramName, Exception innerException)
            : base(message, innerException)
        {
            _paramName = paramName;
            HResult = COR_E_ARGUMENT;
        }

        // The message, then "Parameter name: <name>" on a new line (Mono's
        // format).
        public override string Message
        {
            get
            {
                string s = base.Message;
                if (!String.IsNullOrEmpty(_paramName))
                    return String.Concat(s, "\nParameter name: ", _paramName);
                return s;
            }
        }

        public virtual string ParamName
        {
            get { return _paramName; }
        }
    }
}
