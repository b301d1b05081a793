using System.Globalization;

namespace System
{
    // A 96-bit integer scaled by a power of ten (0 to 28), with a sign:
    // CoreCLR's layout and .NET's rules. Addition, subtraction and
    // multiplication are exact while the result fits in 96 bits at some
    // scale; otherwise digits are dropped from the right, rounding half to
    // even, and a result too large even at scale 0 is an
    // OverflowException. Division keeps as many digits as fit (up to scale
    // 28), rounds half to even and drops the trailing zeros the extra
    // digits brought, unless the quotient was exact at the operands'
    // scales. The arithmetic is DecimalCalc.cs; formatting and parsing go
    // through System.Number like the other numbers.
    public partial struct Decimal : IFormattable, IComparable, IConvertible
    {
        private const int SignMask = unchecked((int)0x80000000);
        private const int ScaleMask = 0x00FF0000;
        private const int ScaleShift = 16;
        internal const int MaxScale = 28;

        // (Not `const`: mcs cannot compile decimal constants inside
        // System.Decimal itself. Programs see them as mono's mscorlib
        // declares them and read these fields.)
        public static readonly decimal Zero = new decimal(0);
        public static readonly decimal One = new decimal(1);
        public static readonly decimal MinusOne = new decimal(-1);
        public static readonly decimal MaxValue = new decimal(-1, -1, -1, false, 0);
        public static readonly decimal MinValue = new decimal(-1, -1, -1, true, 0);

        internal const string OverflowMessage = "Value was either too large or too small for a Decimal.";

        // Bits 16-23: the scale; bit 31: the sign.
        private readonly int _flags;
        private readonly uint _hi32;
        private readonly ulong _lo64;

        public Decimal(int value)
        {
            if (value >= 0)
            {
                _flags = 0;
                _lo64 = (uint)value;
            }
            else
            {
                _flags = SignMask;
                _lo64 = 0u - (uint)value;
            }
            _hi32 = 0;
        }

        [CLSCompliant(false)]
        public Decimal(uint value)
        {
            _flags = 0;
            _hi32 = 0;
            _lo64 = value;
        }

        public Decimal(long value)
        {
            if (value >= 0)
            {
                _flags = 0;
                _lo64 = (ulong)value;
            }
            else
            {
                _flags = SignMask;
                _lo64 = 0ul - (ulong)value;
            }
            _hi32 = 0;
        }

        [CLSCompliant(false)]
        public Decimal(ulong value)
        {
            _flags = 0;
            _hi32 = 0;
            _lo64 = value;
        }

        public Decimal(float value)
        {
            this = DecimalCalc.FromDouble(value, 7);
        }

        public Decimal(double value)
        {
            this = DecimalCalc.FromDouble(value, 15);
        }

        public Decimal(int lo, int mid, int hi, bool isNegative, byte scale)
        {
            if (scale > MaxScale)
                throw new ArgumentOutOfRangeException("scale", "Decimal's scale value must be between 0 and 28, inclusive.");
            _lo64 = (uint)lo | ((ulong)(uint)mid << 32);
            _hi32 = (uint)hi;
            _flags = (scale << ScaleShift) | (isNegative ? SignMask : 0);
        }

        // lo, mid, hi, flags: what GetBits returns.
        public Decimal(int[] bits)
        {
            if (bits == null)
                throw new ArgumentNullException("bits");
            if (bits.Length != 4)
                throw new ArgumentException("Decimal constructor requires an array or span of four valid decimal bytes.");
            int f = bits[3];
            if ((f & ~(SignMask | ScaleMask)) != 0 || (f & ScaleMask) > (MaxScale << ScaleShift))
                throw new ArgumentException("Decimal constructor requires an array or span of four valid decimal bytes.");
            _lo64 = (uint)bits[0] | ((ulong)(uint)bits[1] << 32);
            _hi32 = (uint)bits[2];
            _flags = f;
        }

        // From the magnitude's words, the scale and the sign (no checks).
        internal Decimal(uint lo, uint mid, uint hi, int scale, bool negative)
        {
            _lo64 = lo | ((ulong)mid << 32);
            _hi32 = hi;
            _flags = (scale << ScaleShift) | (negative ? SignMask : 0);
        }

        internal uint Lo
        {
            get { return (uint)_lo64; }
        }

        internal uint Mid
        {
            get { return (uint)(_lo64 >> 32); }
        }

        internal uint Hi
        {
            get { return _hi32; }
        }

        internal ulong Low64
        {
            get { return _lo64; }
        }

        internal int Scale
        {
            get { return (_flags & ScaleMask) >> ScaleShift; }
        }

        internal bool IsNegative
        {
            get { return _flags < 0; }
        }

        internal bool IsZero
        {
            get { return _lo64 == 0 && _hi32 == 0; }
        }

        public static int[] GetBits(decimal d)
        {
            return new int[] { (int)d.Lo, (int)d.Mid, (int)d.Hi, d._flags };
        }

        // ----- Arithmetic ------------------------------------------------------

        public static decimal Add(decimal d1, decimal d2)
        {
            return DecimalCalc.Add(d1, d2, false);
        }

        public static decimal Subtract(decimal d1, decimal d2)
        {
            return DecimalCalc.Add(d1, d2, true);
        }

        public static decimal Multiply(decimal d1, decimal d2)
        {
            return DecimalCalc.Multiply(d1, d2);
        }

        public static decimal Divide(decimal d1, decimal d2)
        {
            return DecimalCalc.Divide(d1, d2);
        }

        public static decimal Remainder(decimal d1, decimal d2)
        {
            return DecimalCalc.Remainder(d1, d2);
        }

        public static decimal Negate(decimal d)
        {
            return new decimal(d.Lo, d.Mid, d.Hi, d.Scale, !d.IsNegative);
        }

        public static decimal operator +(decimal d)
        {
            return d;
        }

        public static decimal operator -(decimal d)
        {
            return Negate(d);
        }

        public static decimal operator ++(decimal d)
        {
            return Add(d, One);
        }

        public static decimal operator --(decimal d)
        {
            return Subtract(d, One);
        }

        public static decimal operator +(decimal d1, decimal d2)
        {
            return Add(d1, d2);
        }

        public static decimal operator -(decimal d1, decimal d2)
        {
            return Subtract(d1, d2);
        }

        public static decimal operator *(decimal d1, decimal d2)
        {
            return Multiply(d1, d2);
        }

        public static decimal operator /(decimal d1, decimal d2)
        {
            return Divide(d1, d2);
        }

        public static decimal operator %(decimal d1, decimal d2)
        {
            return Remainder(d1, d2);
        }

        // ----- Rounding ---------------------------------------------------------

        public static decimal Round(decimal d)
        {
            return DecimalCalc.Round(d, 0, DecimalCalc.RoundToEven);
        }

        public static decimal Round(decimal d, int decimals)
        {
            return Round(d, decimals, MidpointRounding.ToEven);
        }

        public static decimal Round(decimal d, MidpointRounding mode)
        {
            return Round(d, 0, mode);
        }

        public static decimal Round(decimal d, int decimals, MidpointRounding mode)
        {
            if (decimals < 0 || decimals > MaxScale)
                throw new ArgumentOutOfRangeException("decimals", "Decimal can only round to between 0 and 28 digits of precision.");
            if (mode != MidpointRounding.ToEven && mode != MidpointRounding.AwayFromZero)
                throw new ArgumentException("The value '" + ((int)mode).ToString() + "' is not valid for this usage of the type MidpointRounding.", "mode");
            return DecimalCalc.Round(d, decimals, mode == MidpointRounding.ToEven ? DecimalCalc.RoundToEven : DecimalCalc.RoundAwayFromZero);
        }

        public static decimal Truncate(decimal d)
        {
            return DecimalCalc.Round(d, 0, DecimalCalc.RoundTruncate);
        }

        public static decimal Floor(decimal d)
        {
            return DecimalCalc.Round(d, 0, DecimalCalc.RoundFloor);
        }

        public static decimal Ceiling(decimal d)
        {
            return DecimalCalc.Round(d, 0, DecimalCalc.RoundCeiling);
        }

        // ----- Comparison ---------------------------------------------------

        public static int Compare(decimal d1, decimal d2)
        {
            return DecimalCalc.Compare(d1, d2);
        }

        public int CompareTo(object value)
        {
            if (value == null)
                return 1;
            if (!(value is decimal))
                throw new ArgumentException("Object must be of type Decimal.");
            return DecimalCalc.Compare(this, (decimal)value);
        }

        public int CompareTo(decimal value)
        {
            return DecimalCalc.Compare(this, value);
        }

        public override bool Equals(object value)
        {
            return value is decimal && DecimalCalc.Compare(this, (decimal)value) == 0;
        }

        public bool Equals(decimal value)
        {
            return DecimalCalc.Compare(this, value) == 0;
        }

        public static bool Equals(decimal d1, decimal d2)
        {
            return DecimalCalc.Compare(d1, d2) == 0;
        }

        // Equal values (1.0 and 1.00) hash alike: the hash of the value as a
        // double, as .NET.
        public override int GetHashCode()
        {
            double d = ToDouble(this);
            if (d == 0.0)
                return 0;
            return d.GetHashCode();
        }

        public static bool operator ==(decimal d1, decimal d2)
        {
            return DecimalCalc.Compare(d1, d2) == 0;
        }

        public static bool operator !=(decimal d1, decimal d2)
        {
            return DecimalCalc.Compare(d1, d2) != 0;
        }

        public static bool operator <(decimal d1, decimal d2)
        {
            return DecimalCalc.Compare(d1, d2) < 0;
        }

        public static bool operator <=(decimal d1, decimal d2)
        {
            return DecimalCalc.Compare(d1, d2) <= 0;
        }

        public static bool operator >(decimal d1, decimal d2)
        {
            return DecimalCalc.Compare(d1, d2) > 0;
        }

        public static bool operator >=(decimal d1, decimal d2)
        {
            return DecimalCalc.Compare(d1, d2) >= 0;
        }

        // ----- Conversions --------------------------------------------------------

        public static implicit operator decimal(byte value)
        {
            return new decimal((uint)value);
        }

        [CLSCompliant(false)]
        public static implicit operator decimal(sbyte value)
        {
            return new decimal((int)value);
        }

        public static implicit operator decimal(short value)
        {
            return new decimal((int)value);
        }

        [CLSCompliant(false)]
        public static implicit operator decimal(ushort value)
        {
            return new decimal((uint)value);
        }

        public static implicit operator decimal(char value)
        {
            return new decimal((uint)value);
        }

        public static implicit operator decimal(int value)
        {
            return new decimal(value);
        }

        [CLSCompliant(false)]
        public static implicit operator decimal(uint value)
        {
            return new decimal(value);
        }

        public static implicit operator decimal(long value)
        {
            return new decimal(value);
        }

        [CLSCompliant(false)]
        public static implicit operator decimal(ulong value)
        {
            return new decimal(value);
        }

        public static explicit operator decimal(float value)
        {
            return new decimal(value);
        }

        public static explicit operator decimal(double value)
        {
            return new decimal(value);
        }

        public static explicit operator byte(decimal value)
        {
            return ToByte(value);
        }

        [CLSCompliant(false)]
        public static explicit operator sbyte(decimal value)
        {
            return ToSByte(value);
        }

        public static explicit operator char(decimal value)
        {
            ushort v;
            try
            {
                v = ToUInt16(value);
            }
            catch (OverflowException e)
            {
                throw new OverflowException("Value was either too large or too small for a character.", e);
            }
            return (char)v;
        }

        public static explicit operator short(decimal value)
        {
            return ToInt16(value);
        }

        [CLSCompliant(false)]
        public static explicit operator ushort(decimal value)
        {
            return ToUInt16(value);
        }

        public static explicit operator int(decimal value)
        {
            return ToInt32(value);
        }

        [CLSCompliant(false)]
        public static explicit operator uint(decimal value)
        {
            return ToUInt32(value);
        }

        public static explicit operator long(decimal value)
        {
            return ToInt64(value);
        }

        [CLSCompliant(false)]
        public static explicit operator ulong(decimal value)
        {
            return ToUInt64(value);
        }

        public static explicit operator float(decimal value)
        {
            return ToSingle(value);
        }

        public static explicit operator double(decimal value)
        {
            return ToDouble(value);
        }

        public static byte ToByte(decimal value)
        {
            uint v;
            try
            {
                v = ToUInt32(value);
            }
            catch (OverflowException e)
            {
                throw new OverflowException("Value was either too large or too small for an unsigned byte.", e);
            }
            if (v > byte.MaxValue)
                throw new OverflowException("Value was either too large or too small for an unsigned byte.");
            return (byte)v;
        }

        [CLSCompliant(false)]
        public static sbyte ToSByte(decimal value)
        {
            int v;
            try
            {
                v = ToInt32(value);
            }
            catch (OverflowException e)
            {
                throw new OverflowException("Value was either too large or too small for a signed byte.", e);
            }
            if (v < sbyte.MinValue || v > sbyte.MaxValue)
                throw new OverflowException("Value was either too large or too small for a signed byte.");
            return (sbyte)v;
        }

        public static short ToInt16(decimal value)
        {
            int v;
            try
            {
                v = ToInt32(value);
            }
            catch (OverflowException e)
            {
                throw new OverflowException("Value was either too large or too small for an Int16.", e);
            }
            if (v < short.MinValue || v > short.MaxValue)
                throw new OverflowException("Value was either too large or too small for an Int16.");
            return (short)v;
        }

        [CLSCompliant(false)]
        public static ushort ToUInt16(decimal value)
        {
            uint v;
            try
            {
                v = ToUInt32(value);
            }
            catch (OverflowException e)
            {
                throw new OverflowException("Value was either too large or too small for a UInt16.", e);
            }
            if (v > ushort.MaxValue)
                throw new OverflowException("Value was either too large or too small for a UInt16.");
            return (ushort)v;
        }

        // Truncated toward zero.
        public static int ToInt32(decimal d)
        {
            decimal t = Truncate(d);
            if (t.Hi == 0 && t.Mid == 0)
            {
                uint lo = t.Lo;
                if (!t.IsNegative)
                {
                    if (lo <= int.MaxValue)
                        return (int)lo;
                }
                else if (lo <= 0x80000000u)
                {
                    return (int)(0u - lo);
                }
            }
            throw new OverflowException("Value was either too large or too small for an Int32.");
        }

        [CLSCompliant(false)]
        public static uint ToUInt32(decimal d)
        {
            decimal t = Truncate(d);
            if (t.Hi == 0 && t.Mid == 0 && (!t.IsNegative || t.Lo == 0))
                return t.Lo;
            throw new OverflowException("Value was either too large or too small for a UInt32.");
        }

        public static long ToInt64(decimal d)
        {
            decimal t = Truncate(d);
            if (t.Hi == 0)
            {
                ulong v = t.Low64;
                if (!t.IsNegative)
                {
                    if (v <= long.MaxValue)
                        return (long)v;
                }
                else if (v <= 0x8000000000000000ul)
                {
                    return (long)(0ul - v);
                }
            }
            throw new OverflowException("Value was either too large or too small for an Int64.");
        }

        [CLSCompliant(false)]
        public static ulong ToUInt64(decimal d)
        {
            decimal t = Truncate(d);
            if (t.Hi == 0 && (!t.IsNegative || t.Low64 == 0))
                return t.Low64;
            throw new OverflowException("Value was either too large or too small for a UInt64.");
        }

        public static float ToSingle(decimal d)
        {
            return (float)ToDouble(d);
        }

        // The mantissa as a double divided by the power of ten (CoreCLR's
        // conversion).
        public static double ToDouble(decimal d)
        {
            double dbl = ((double)d.Low64 + (double)d.Hi * 18446744073709551616.0) / DecimalCalc.DoublePowerOf10(d.Scale);
            return d.IsNegative ? -dbl : dbl;
        }

        // Currency: a 64-bit integer of ten-thousandths.
        public static long ToOACurrency(decimal value)
        {
            return ToInt64(Round(value * new decimal(10000), 0));
        }

        public static decimal FromOACurrency(long cy)
        {
            return new decimal(cy) / new decimal(10000);
        }

        // ----- Formatting and parsing (Number.Decimal.cs) ------------------------

        public override string ToString()
        {
            return Number.FormatDecimal(this, null);
        }

        public string ToString(string format)
        {
            return Number.FormatDecimal(this, format);
        }

        public string ToString(IFormatProvider provider)
        {
            return Number.FormatDecimal(this, null);
        }

        public string ToString(string format, IFormatProvider provider)
        {
            return Number.FormatDecimal(this, format);
        }

        public static decimal Parse(string s)
        {
            return Number.ParseDecimal(s, NumberStyles.Number);
        }

        public static decimal Parse(string s, NumberStyles style)
        {
            NumberFormatInfo.ValidateParseStyleFloatingPoint(style);
            return Number.ParseDecimal(s, style);
        }

        public static decimal Parse(string s, IFormatProvider provider)
        {
            return Number.ParseDecimal(s, NumberStyles.Number);
        }

        public static decimal Parse(string s, NumberStyles style, IFormatProvider provider)
        {
            NumberFormatInfo.ValidateParseStyleFloatingPoint(style);
            return Number.ParseDecimal(s, style);
        }

        public static bool TryParse(string s, out decimal result)
        {
            return Number.TryParseDecimal(s, NumberStyles.Number, out result);
        }

        public static bool TryParse(string s, NumberStyles style, IFormatProvider provider, out decimal result)
        {
            NumberFormatInfo.ValidateParseStyleFloatingPoint(style);
            return Number.TryParseDecimal(s, style, out result);
        }

        // ----- IConvertible ----------------------------------------------------

        public TypeCode GetTypeCode()
        {
            return TypeCode.Decimal;
        }

        bool IConvertible.ToBoolean(IFormatProvider provider)
        {
            return Convert.ToBoolean(this);
        }

        char IConvertible.ToChar(IFormatProvider provider)
        {
            throw Convert.InvalidCast("Decimal", "Char");
        }

        sbyte IConvertible.ToSByte(IFormatProvider provider)
        {
            return Convert.ToSByte(this);
        }

        byte IConvertible.ToByte(IFormatProvider provider)
        {
            return Convert.ToByte(this);
        }

        short IConvertible.ToInt16(IFormatProvider provider)
        {
            return Convert.ToInt16(this);
        }

        ushort IConvertible.ToUInt16(IFormatProvider provider)
        {
            return Convert.ToUInt16(this);
        }

        int IConvertible.ToInt32(IFormatProvider provider)
        {
            return Convert.ToInt32(this);
        }

        uint IConvertible.ToUInt32(IFormatProvider provider)
        {
            return Convert.ToUInt32(this);
        }

        long IConvertible.ToInt64(IFormatProvider provider)
        {
            return Convert.ToInt64(this);
        }

        ulong IConvertible.ToUInt64(IFormatProvider provider)
        {
            return Convert.ToUInt64(this);
        }

        float IConvertible.ToSingle(IFormatProvider provider)
        {
            return Convert.ToSingle(this);
        }

        double IConvertible.ToDouble(IFormatProvider provider)
        {
            return Convert.ToDouble(this);
        }

        decimal IConvertible.ToDecimal(IFormatProvider provider)
        {
            return this;
        }

        DateTime IConvertible.ToDateTime(IFormatProvider provider)
        {
            throw Convert.InvalidCast("Decimal", "DateTime");
        }

        object IConvertible.ToType(Type type, IFormatProvider provider)
        {
            return Convert.DefaultToType(this, type, provider);
        }
    }
}
