namespace System
{
    [CLSCompliant(false)]
    public struct SByte : IComparable, IFormattable, IComparable<sbyte>, IEquatable<sbyte>
    {
        // The value itself. The runtime relies on this being the only
        // instance field.
        internal sbyte m_value;

        public const sbyte MaxValue = 127;
        public const sbyte MinValue = -128;

        // Restricted path (see Number.cs): a static call only.
        public override string ToString()
        {
            return Number.Int32ToDecStr(m_value);
        }

        // A standard or custom numeric format string: "D5", "X8", "N0",
        // "0.00", ... (see Number.Formatting.cs).
        public string ToString(string format)
        {
            // Hexadecimal shows the bits of this type, not of an int.
            if (m_value < 0 && format != null && format.Length > 0 && (format[0] == 'X' || format[0] == 'x'))
                return Number.FormatUInt32((uint)(m_value & 0xFF), format);
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
        public static sbyte Parse(string s)
        {
            return (sbyte)Number.ParseSmallInteger(s, -128, 127, "Value was either too large or too small for a signed byte.");
        }

        public static sbyte Parse(string s, IFormatProvider provider)
        {
            return Parse(s);
        }

        public static bool TryParse(string s, out sbyte result)
        {
            int value;
            bool ok = Number.TryParseSmallInteger(s, -128, 127, out value);
            result = (sbyte)value;
            return ok;
        }

        public override bool Equals(object obj)
        {
            if (!(obj is sbyte))
                return false;
            return m_value == (sbyte)obj;
        }

        public bool Equals(sbyte obj)
        {
            return m_value == obj;
        }

        // Mono's hash (what programs print): the value xor itself shifted by 8.
        public override int GetHashCode()
        {
            return (int)m_value ^ ((int)m_value << 8);
        }

        public int CompareTo(object value)
        {
            if (value == null)
                return 1;
            if (!(value is sbyte))
                throw new ArgumentException("Object must be of type SByte.");
            return CompareTo((sbyte)value);
        }

        public int CompareTo(sbyte value)
        {
            return m_value - value;
        }
    }
}
