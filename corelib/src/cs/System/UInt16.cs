namespace System
{
    [CLSCompliant(false)]
    public struct UInt16 : IComparable
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
