namespace System
{
    public struct Int32 : IComparable, IFormattable, IComparable<int>, IEquatable<int>
    {
        // The value itself. The runtime relies on this being the only
        // instance field.
        internal int m_value;

        public const int MaxValue = 2147483647;
        public const int MinValue = -2147483648;

        // Restricted path (see Number.cs): a static call only.
        public override string ToString()
        {
            return Number.Int32ToDecStr(m_value);
        }

        // A standard or custom numeric format string: "D5", "X8", "N0",
        // "0.00", ... (see Number.Formatting.cs).
        public string ToString(string format)
        {
            return Number.FormatInt32(m_value, format);
        }

        // Osprey formats with the invariant culture whatever the provider.
        public string ToString(IFormatProvider provider)
        {
            return Number.Int32ToDecStr(m_value);
        }

        public string ToString(string format, IFormatProvider provider)
        {
            return ToString(format);
        }

        // Optional white space, an optional sign and decimal digits (see
        // Number.Parsing.cs).
        public static int Parse(string s)
        {
            return Number.ParseInt32(s);
        }

        public static int Parse(string s, IFormatProvider provider)
        {
            return Parse(s);
        }

        public static bool TryParse(string s, out int result)
        {
            return Number.TryParseInt32(s, out result);
        }

        public override bool Equals(object obj)
        {
            if (!(obj is int))
                return false;
            return m_value == (int)obj;
        }

        public bool Equals(int obj)
        {
            return m_value == obj;
        }

        public override int GetHashCode()
        {
            return m_value;
        }

        public int CompareTo(object value)
        {
            if (value == null)
                return 1;
            if (!(value is int))
                throw new ArgumentException("Object must be of type Int32.");
            return CompareTo((int)value);
        }

        public int CompareTo(int value)
        {
            if (m_value < value)
                return -1;
            if (m_value > value)
                return 1;
            return 0;
        }
    }
}
