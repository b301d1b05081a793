namespace System
{
    public struct Boolean : IComparable
    {
        // The value itself. The runtime relies on this being the only
        // instance field.
        internal bool m_value;

        // "True" or "False", as .NET prints them. Restricted path (see
        // Number.cs): a static call only.
        public override string ToString()
        {
            return Number.BooleanToString(m_value);
        }

        public override bool Equals(object obj)
        {
            if (!(obj is bool))
                return false;
            return m_value == (bool)obj;
        }

        public bool Equals(bool obj)
        {
            return m_value == obj;
        }

        public override int GetHashCode()
        {
            return m_value ? 1 : 0;
        }

        public int CompareTo(object obj)
        {
            if (obj == null)
                return 1;
            if (!(obj is bool))
                throw new ArgumentException("Object must be of type Boolean.");
            return CompareTo((bool)obj);
        }

        // false < true
        public int CompareTo(bool value)
        {
            if (m_value == value)
                return 0;
            return m_value ? 1 : -1;
        }
    }
}
