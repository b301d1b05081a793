namespace System
{
    [CLSCompliant(false)]
    public struct UInt64 : IComparable, IFormattable, IComparable<ulong>, IEquatable<ulong>
    {
        // The value itself. The runtime relies on this being the only
        // instance field.
        internal ulong m_value;

        public const ulong MaxValue = 18446744073709551615;
        public const ulong MinValue = 0;

        // Restricted path (see Number.cs): a static call only.
        public override string ToString()
        {
            return Number.UInt64ToDecStr(m_value);
        }

        // A standard or custom numeric format string: "D5", "X8", "N0",
        // "0.00", ... (see Number.Formatting.cs).
        public string ToString(string format)
        {
            return Number.FormatUInt64(m_value, format);
        }

        // Osprey formats with the invariant culture whatever the provider.
        public string ToString(IFormatProvider provider)
        {
            return Number.UInt64ToDecStr(m_value);
        }

        public string ToString(string format, IFormatProvider provider)
        {
            return ToString(format);
        }

        // Optional white space, an optional sign and decimal digits (see
        // Number.Parsing.cs).
        public static ulong Parse(string s)
        {
            return Number.ParseUInt64(s);
        }

        public static ulong Parse(string s, IFormatProvider provider)
        {
            return Parse(s);
        }

        public static bool TryParse(string s, out ulong result)
        {
            return Number.TryParseUInt64(s, out result);
        }

        public override bool Equals(object obj)
        {
            if (!(obj is ulong))
                return false;
            return m_value == (ulong)obj;
        }

        public bool Equals(ulong obj)
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
            if (!(value is ulong))
                throw new ArgumentException("Object must be of type UInt64.");
            return CompareTo((ulong)value);
        }

        public int CompareTo(ulong value)
        {
            if (m_value < value)
                return -1;
            if (m_value > value)
                return 1;
            return 0;
        }
    }
}
