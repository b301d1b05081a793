namespace System
{
    [CLSCompliant(false)]
    public struct UInt32 : IComparable, IFormattable, IComparable<uint>, IEquatable<uint>
    {
        // The value itself. The runtime relies on this being the only
        // instance field.
        internal uint m_value;

        public const uint MaxValue = 4294967295;
        public const uint MinValue = 0;

        // Restricted path (see Number.cs): a static call only.
        public override string ToString()
        {
            return Number.UInt32ToDecStr(m_value);
        }

        // A standard or custom numeric format string: "D5", "X8", "N0",
        // "0.00", ... (see Number.Formatting.cs).
        public string ToString(string format)
        {
            return Number.FormatUInt32(m_value, format);
        }

        // Osprey formats with the invariant culture whatever the provider.
        public string ToString(IFormatProvider provider)
        {
            return Number.UInt32ToDecStr(m_value);
        }

        public string ToString(string format, IFormatProvider provider)
        {
            return ToString(format);
        }

        // Optional white space, an optional sign and decimal digits (see
        // Number.Parsing.cs).
        public static uint Parse(string s)
        {
            return Number.ParseUInt32(s);
        }

        public static uint Parse(string s, IFormatProvider provider)
        {
            return Parse(s);
        }

        public static bool TryParse(string s, out uint result)
        {
            return Number.TryParseUInt32(s, out result);
        }

        public override bool Equals(object obj)
        {
            if (!(obj is uint))
                return false;
            return m_value == (uint)obj;
        }

        public bool Equals(uint obj)
        {
            return m_value == obj;
        }

        public override int GetHashCode()
        {
            return (int)m_value;
        }

        public int CompareTo(object value)
        {
            if (value == null)
                return 1;
            if (!(value is uint))
                throw new ArgumentException("Object must be of type UInt32.");
            return CompareTo((uint)value);
        }

        public int CompareTo(uint value)
        {
            if (m_value < value)
                return -1;
            if (m_value > value)
                return 1;
            return 0;
        }
    }
}
