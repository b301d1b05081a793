namespace System
{
    public struct Char : IComparable
    {
        // The UTF-16 code unit. The runtime relies on this being the only
        // instance field.
        internal char m_value;

        public const char MaxValue = (char)0xFFFF;
        public const char MinValue = (char)0x00;

        // A one-character string. Restricted path (see Number.cs): a static
        // call only.
        public override string ToString()
        {
            return Number.CharToString(m_value);
        }

        public static string ToString(char c)
        {
            return Number.CharToString(c);
        }

        public override bool Equals(object obj)
        {
            if (!(obj is char))
                return false;
            return m_value == (char)obj;
        }

        public bool Equals(char obj)
        {
            return m_value == obj;
        }

        public override int GetHashCode()
        {
            return (int)m_value | ((int)m_value << 16);
        }

        public int CompareTo(object value)
        {
            if (value == null)
                return 1;
            if (!(value is char))
                throw new ArgumentException("Object must be of type Char.");
            return CompareTo((char)value);
        }

        public int CompareTo(char value)
        {
            return m_value - value;
        }
    }
}
