namespace System
{
    public struct Int16 : IComparable, IFormattable, IComparable<short>, IEquatable<short>
    {
        // The value itself. The runtime relies on this being the only
        // instance field.
        internal short m_value;

        public const short MaxValue = 32767;
        public const short MinValue = -32768;

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
                return Number.FormatUInt32((uint)(m_value & 0xFFFF), format);
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
        public static short Parse(string s)
        {
            return (short)Number.ParseSmallInteger(s, -32768, 32767, "Value was either too large or too small for an Int16.");
        }

        public static short Parse(string s, IFormatProvider provider)
        {
            return Parse(s);
        }

        public static bool TryParse(string s, out short result)
        {
            int value;
            bool ok = Number.TryParseSmallInteger(s, -32768, 32767, out value);
            result = (short)value;
            return ok;
        }

        public override bool Equals(object obj)
        {
            if (!(obj is short))
                return false;
            return m_value == (short)obj;
        }

        public bool Equals(short obj)
        {
            return m_value == obj;
        }

        // Mono's hash (what programs print): the 16 bits in both halves.
        public override int GetHashCode()
        {
            return (int)(ushort)m_value | ((int)m_value << 16);
        }

        public int CompareTo(object value)
        {
            if (value == null)
                return 1;
            if (!(value is short))
                throw new ArgumentException("Object must be of type Int16.");
            return CompareTo((short)value);
        }

        public int CompareTo(short value)
        {
            return m_value - value;
        }
    }
}
