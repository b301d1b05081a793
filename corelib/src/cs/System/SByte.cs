namespace System
{
    [CLSCompliant(false)]
    public struct SByte : IComparable
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

        public override int GetHashCode()
        {
            return m_value;
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
