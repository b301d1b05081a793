namespace System
{
    public struct Boolean : IComparable, IComparable<bool>, IEquatable<bool>
    {
        // The value itself. The runtime relies on this being the only
        // instance field.
        internal bool m_value;

        public static readonly string TrueString = "True";
        public static readonly string FalseString = "False";

        // "True" or "False", as .NET prints them. Restricted path (see
        // Number.cs): a static call only.
        public override string ToString()
        {
            return Number.BooleanToString(m_value);
        }

        public string ToString(IFormatProvider provider)
        {
            return Number.BooleanToString(m_value);
        }

        // "True" or "False" in any case, with white space and '\0' around.
        public static bool Parse(string value)
        {
            if (value == null)
                throw new ArgumentNullException("value");
            bool result;
            if (!TryParse(value, out result))
                throw new FormatException("String was not recognized as a valid Boolean.");
            return result;
        }

        public static bool TryParse(string value, out bool result)
        {
            return Number.TryParseBoolean(value, out result);
        }

        public override bool Equals(object obj)
        {
            if (!(obj is bool))
                return false;
            return m_value == (bool)obj;
        }

        public bool Equals(bool obj)
        {
            return m_value == obj;
        }

        public override int GetHashCode()
        {
            return m_value ? 1 : 0;
        }

        public int CompareTo(object obj)
        {
            if (obj == null)
                return 1;
            if (!(obj is bool))
                throw new ArgumentException("Object must be of type Boolean.");
            return CompareTo((bool)obj);
        }

        // false < true
        public int CompareTo(bool value)
        {
            if (m_value == value)
                return 0;
            return m_value ? 1 : -1;
        }
    }
}
