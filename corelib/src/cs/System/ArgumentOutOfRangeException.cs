namespace System
{
    public class ArgumentOutOfRangeException : ArgumentException
    {
        private object _actualValue;

        private const int COR_E_ARGUMENTOUTOFRANGE = unchecked((int)0x80131502);
        private const string DefaultMessage = "Specified argument was out of the range of valid values.";

        public ArgumentOutOfRangeException()
            : base(DefaultMessage)
        {
            HResult = COR_E_ARGUMENTOUTOFRANGE;
        }

        public ArgumentOutOfRangeException(string paramName)
            : base(DefaultMessage, paramName)
        {
            HResult = COR_E_ARGUMENTOUTOFRANGE;
        }

        public ArgumentOutOfRangeException(string paramName, string message)
            : base(message, paramName)
        {
            HResult = COR_E_ARGUMENTOUTOFRANGE;
        }

        public ArgumentOutOfRangeException(string message, Exception innerException)
            : base(message, innerException)
        {
            HResult = COR_E_ARGUMENTOUTOFRANGE;
        }

        public ArgumentOutOfRangeException(string paramName, object actualValue, string message)
            : base(message, paramName)
        {
            _actualValue = actualValue;
            HResult = COR_E_ARGUMENTOUTOFRANGE;
        }

        // ArgumentException's message, then "Actual value was <value>." on a
        // new line when there is an actual value (Mono's format).
        public override string Message
        {
            get
            {
                string s = base.Message;
                if (_actualValue == null)
                    return s;
                string valueMessage = String.Concat("Actual value was ", _actualValue.ToString(), ".");
                if (s == null)
                    return valueMessage;
                return String.Concat(s, "\n", valueMessage);
            }
        }

        public virtual object ActualValue
        {
            get { return _actualValue; }
        }
    }
}
