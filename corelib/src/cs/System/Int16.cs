namespace System
{
    public struct Int16 : IComparable
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

        public override int GetHashCode()
        {
            return m_value;
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
