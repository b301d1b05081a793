namespace System
{
    public struct Int64 : IComparable
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
