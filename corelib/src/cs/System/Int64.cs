namespace System
{
    public struct Int64 : IComparable, IFormattable, IComparable<long>, IEquatable<long>
    {
        // The value itself. The runtime relies on this being the only
        // instance field.
        internal long m_value;

        public const long MaxValue = 9223372036854775807;
        public const long MinValue = -9223372036854775808;

        // Restricted path (see Number.cs): a static call only.
        public override string ToString()
        {
            return Number.Int64ToDecStr(m_value);
        }

        // A standard or custom numeric format string: "D5", "X8", "N0",
        // "0.00", ... (see Number.Formatting.cs).
        public string ToString(string format)
        {
            return Number.FormatInt64(m_value, format);
        }

        // Osprey formats with the invariant culture whatever the provider.
        public string ToString(IFormatProvider provider)
        {
            return Number.Int64ToDecStr(m_value);
        }

        public string ToString(string format, IFormatProvider provider)
        {
            return ToString(format);
        }

        // Optional white space, an optional sign and decimal digits (see
        // Number.Parsing.cs).
        public static long Parse(string s)
        {
            return Number.ParseInt64(s);
        }

        public static long Parse(string s, IFormatProvider provider)
        {
            return Parse(s);
        }

        public static bool TryParse(string s, out long result)
        {
            return Number.TryParseInt64(s, out result);
        }

        public override bool Equals(object obj)
        {
            if (!(obj is long))
                return false;
            return m_value == (long)obj;
        }

        public bool Equals(long obj)
        {
            return m_value == obj;
        }

        public override int GetHashCode()
        {
            return unchecked((int)m_value ^ (int)(m_value >> 32));
        }

        public int CompareTo(object value)
        {
            if (value == null)
                return 1;
            if (!(value is long))
                throw new ArgumentException("Object must be of type Int64.");
            return CompareTo((long)value);
        }

        public int CompareTo(long value)
        {
            if (m_value < value)
                return -1;
            if (m_value > value)
                return 1;
            return 0;
        }
    }
}
