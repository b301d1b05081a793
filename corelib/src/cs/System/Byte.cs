namespace System
{
    public struct Byte : IComparable
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
