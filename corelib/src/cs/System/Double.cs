namespace System
{
    public struct Double : IComparable, IFormattable, IComparable<double>, IEquatable<double>
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

        // Negative numbers, -0.0 and NaNs with the sign bit set.
        public static unsafe bool IsNegative(double d)
        {
            return *(long*)&d < 0;
        }

        // Neither infinite nor NaN.
        public static unsafe bool IsFinite(double d)
        {
            long bits = *(long*)&d;
            return (bits & 0x7FFFFFFFFFFFFFFF) < 0x7FF0000000000000;
        }

        // 15 significant digits, as .NET Framework and Mono print doubles:
        // 0.1 + 0.2 prints 0.3, 1.0 / 3 prints 0.333333333333333, 1e20
        // prints 1E+20 (see Number.Formatting.cs). "R" gives the digits
        // that read back as the same double.
        public override string ToString()
        {
            return Number.FormatDouble(m_value, null);
        }

        public string ToString(string format)
        {
            return Number.FormatDouble(m_value, format);
        }

        // Osprey formats with the invariant culture whatever the provider.
        public string ToString(IFormatProvider provider)
        {
            return Number.FormatDouble(m_value, null);
        }

        public string ToString(string format, IFormatProvider provider)
        {
            return Number.FormatDouble(m_value, format);
        }

        public static double Parse(string s)
        {
            return Number.ParseDouble(s);
        }

        public static double Parse(string s, IFormatProvider provider)
        {
            return Number.ParseDouble(s);
        }

        public static bool TryParse(string s, out double result)
        {
            return Number.TryParseDouble(s, out result);
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
        // Mono's hash (what programs print): the bits' halves xored, with
        // both zeros and every NaN hashed alike (bits kept: the exponent's).
        public override unsafe int GetHashCode()
        {
            double value = m_value;
            long bits = *(long*)&value;
            if (((bits - 1) & 0x7FFFFFFFFFFFFFFF) >= 0x7FF0000000000000)
                bits &= 0x7FF0000000000000;
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
