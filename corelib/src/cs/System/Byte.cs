namespace System
{
    public struct Byte : IComparable, IFormattable, IComparable<byte>, IEquatable<byte>
    {
        // The value itself. The runtime relies on this being the only
        // instance field.
        internal byte m_value;

        public const byte MaxValue = 255;
        public const byte MinValue = 0;

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
        public static byte Parse(string s)
        {
            return (byte)Number.ParseSmallInteger(s, 0, 255, "Value was either too large or too small for an unsigned byte.");
        }

        public static byte Parse(string s, IFormatProvider provider)
        {
            return Parse(s);
        }

        public static bool TryParse(string s, out byte result)
        {
            int value;
            bool ok = Number.TryParseSmallInteger(s, 0, 255, out value);
            result = (byte)value;
            return ok;
        }

        public override bool Equals(object obj)
        {
            if (!(obj is byte))
                return false;
            return m_value == (byte)obj;
        }

        public bool Equals(byte obj)
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
            if (!(value is byte))
                throw new ArgumentException("Object must be of type Byte.");
            return CompareTo((byte)value);
        }

        public int CompareTo(byte value)
        {
            return m_value - value;
        }
    }
}
