namespace System
{
    public struct Single : IComparable, IFormattable, IComparable<float>, IEquatable<float>
    {
        // The value itself. The runtime relies on this being the only
        // instance field.
        internal float m_value;

        public const float MinValue = (float)-3.40282346638528859e+38;
        public const float MaxValue = (float)3.40282346638528859e+38;
        public const float Epsilon = (float)1e-45;
        public const float NegativeInfinity = (float)(-1.0) / (float)0.0;
        public const float PositiveInfinity = (float)1.0 / (float)0.0;
        public const float NaN = (float)0.0 / (float)0.0;

#pragma warning disable 1718 // x != x is the NaN test
        public static bool IsNaN(float f)
        {
            return f != f;
        }
#pragma warning restore 1718

        public static bool IsInfinity(float f)
        {
            return f == PositiveInfinity || f == NegativeInfinity;
        }

        public static bool IsPositiveInfinity(float f)
        {
            return f == PositiveInfinity;
        }

        public static bool IsNegativeInfinity(float f)
        {
            return f == NegativeInfinity;
        }

        public static unsafe bool IsNegative(float f)
        {
            return *(int*)&f < 0;
        }

        public static unsafe bool IsFinite(float f)
        {
            int bits = *(int*)&f;
            return (bits & 0x7FFFFFFF) < 0x7F800000;
        }

        // 7 significant digits (see Double.ToString and
        // Number.Formatting.cs).
        public override string ToString()
        {
            return Number.FormatSingle(m_value, null);
        }

        public string ToString(string format)
        {
            return Number.FormatSingle(m_value, format);
        }

        public string ToString(IFormatProvider provider)
        {
            return Number.FormatSingle(m_value, null);
        }

        public string ToString(string format, IFormatProvider provider)
        {
            return Number.FormatSingle(m_value, format);
        }

        public static float Parse(string s)
        {
            return Number.ParseSingle(s);
        }

        public static float Parse(string s, IFormatProvider provider)
        {
            return Number.ParseSingle(s);
        }

        public static bool TryParse(string s, out float result)
        {
            return Number.TryParseSingle(s, out result);
        }

        // NaN equals NaN here (unlike ==), as in .NET.
        public override bool Equals(object obj)
        {
            if (!(obj is float))
                return false;
            return Equals((float)obj);
        }

        public bool Equals(float obj)
        {
            if (obj == m_value)
                return true;
            return IsNaN(obj) && IsNaN(m_value);
        }

        // Equal values hash equally: +0.0 and -0.0 share a hash, and so do
        // all NaNs.
        // Mono's hash (what programs print): the bits, with both zeros and
        // every NaN hashed alike (bits kept: the exponent's).
        public override unsafe int GetHashCode()
        {
            float value = m_value;
            int bits = *(int*)&value;
            if (((bits - 1) & 0x7FFFFFFF) >= 0x7F800000)
                bits &= 0x7F800000;
            return bits;
        }

        public int CompareTo(object value)
        {
            if (value == null)
                return 1;
            if (!(value is float))
                throw new ArgumentException("Object must be of type Single.");
            return CompareTo((float)value);
        }

        // NaN sorts before every other value, and equal to itself.
        public int CompareTo(float value)
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
