namespace System
{
    public struct Double : IComparable
    {
        // The value itself. The runtime relies on this being the only
        // instance field.
        internal double m_value;

        public const double MinValue = -1.7976931348623157E+308;
        public const double MaxValue = 1.7976931348623157E+308;
        public const double Epsilon = 4.9406564584124654E-324;
        public const double NegativeInfinity = (double)(-1.0) / (double)0.0;
        public const double PositiveInfinity = (double)1.0 / (double)0.0;
        public const double NaN = (double)0.0 / (double)0.0;

#pragma warning disable 1718 // x != x is the NaN test
        public static bool IsNaN(double f)
        {
            return f != f;
        }
#pragma warning restore 1718

        public static bool IsInfinity(double f)
        {
            return f == PositiveInfinity || f == NegativeInfinity;
        }

        public static bool IsPositiveInfinity(double f)
        {
            return f == PositiveInfinity;
        }

        public static bool IsNegativeInfinity(double f)
        {
            return f == NegativeInfinity;
        }

        // Floating-point formatting (the shortest round-trippable digits
        // .NET prints) is not implemented yet; fail clearly rather than
        // print the type name.
        public override string ToString()
        {
            throw new NotSupportedException("Formatting a System.Double is not supported yet.");
        }

        // NaN equals NaN here (unlike ==), as in .NET.
        public override bool Equals(object obj)
        {
            if (!(obj is double))
                return false;
            return Equals((double)obj);
        }

        public bool Equals(double obj)
        {
            if (obj == m_value)
                return true;
            return IsNaN(obj) && IsNaN(m_value);
        }

        // Equal values hash equally: +0.0 and -0.0 share a hash, and so do
        // all NaNs.
        public override unsafe int GetHashCode()
        {
            double value = m_value;
            if (value == 0 || IsNaN(value))
                value = value == 0 ? (double)0 : NaN;
            long bits = *(long*)&value;
            return unchecked((int)bits ^ (int)(bits >> 32));
        }

        public int CompareTo(object value)
        {
            if (value == null)
                return 1;
            if (!(value is double))
                throw new ArgumentException("Object must be of type Double.");
            return CompareTo((double)value);
        }

        // NaN sorts before every other value, and equal to itself.
        public int CompareTo(double value)
        {
            if (m_value < value)
                return -1;
            if (m_value > value)
                return 1;
            if (m_value == value)
                return 0;
            if (IsNaN(m_value))
                return IsNaN(value) ? 0 : -1;
            return 1;
        }
    }
}
