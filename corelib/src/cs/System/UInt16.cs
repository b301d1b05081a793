namespace System
{
    [CLSCompliant(false)]
    public struct UInt16 : IComparable, IFormattable, IComparable<ushort>, IEquatable<ushort>
    {
        // The value itself. The runtime relies on this being the only
        // instance field.
        internal ushort m_value;

        public const ushort MaxValue = 65535;
        public const ushort MinValue = 0;

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
        public static ushort Parse(string s)
        {
            return (ushort)Number.ParseSmallInteger(s, 0, 65535, "Value was either too large or too small for a UInt16.");
        }

        public static ushort Parse(string s, IFormatProvider provider)
        {
            return Parse(s);
        }

        public static bool TryParse(string s, out ushort result)
        {
            int value;
            bool ok = Number.TryParseSmallInteger(s, 0, 65535, out value);
            result = (ushort)value;
            return ok;
        }

        public override bool Equals(object obj)
        {
            if (!(obj is ushort))
                return false;
            return m_value == (ushort)obj;
        }

        public bool Equals(ushort obj)
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
            if (!(value is ushort))
                throw new ArgumentException("Object must be of type UInt16.");
            return CompareTo((ushort)value);
        }

        public int CompareTo(ushort value)
        {
            return m_value - value;
        }
    }
}
