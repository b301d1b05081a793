namespace System
{
    [CLSCompliant(false)]
    public struct UInt64 : IComparable
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
