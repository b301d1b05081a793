using System.Globalization;
using System.Text;

namespace System
{
    // Decimal formatting and parsing (and the conversion from double):
    // the same NumberBuffer machinery as the other numbers.
    internal static partial class Number
    {
        private const int DecimalPrecision = 29;

        // "G" without a precision shows every digit of the mantissa, the
        // trailing zeros of the scale included ("1.50"); the other formats
        // are the numeric formats of the other types.
        internal static string FormatDecimal(decimal value, string format)
        {
            int digits;
            char fmt = ParseFormatSpecifier(format, out digits);
            string mantissa = MantissaDigits(value);
            if ((fmt == 'G' || fmt == 'g') && digits < 1)
            {
                int scale = value.Scale;
                StringBuilder sb = new StringBuilder();
                bool zero = value.IsZero;
                if (value.IsNegative && !zero)
                    sb.Append(NegativeSign);
                if (mantissa.Length <= scale)
                {
                    sb.Append('0');
                    if (scale > 0)
                    {
                        sb.Append(DecimalSeparator);
                        sb.Append('0', scale - mantissa.Length);
                        sb.Append(mantissa);
                    }
                }
                else
                {
                    sb.Append(mantissa, 0, mantissa.Length - scale);
                    if (scale > 0)
                    {
                        sb.Append(DecimalSeparator);
                        sb.Append(mantissa, mantissa.Length - scale, scale);
                    }
                }
                return sb.ToString();
            }
            if (fmt == 'R' || fmt == 'r')
                throw new FormatException(BadFormatSpecifier);
            NumberBuffer number = new NumberBuffer();
            number.precision = DecimalPrecision;
            number.sign = value.IsNegative && !value.IsZero;
            if (mantissa == "0")
            {
                number.scale = 0;
                number.digits[0] = '\0';
            }
            else
            {
                int end = mantissa.Length;
                while (end > 0 && mantissa[end - 1] == '0')
                    end--;
                for (int i = 0; i < end; i++)
                    number.digits[i] = mantissa[i];
                number.digits[end] = '\0';
                number.scale = mantissa.Length - value.Scale;
            }
            return FormatNumberBuffer(number, fmt, digits, format);
        }

        // The 96-bit mantissa in decimal ("0" for zero).
        private static string MantissaDigits(decimal value)
        {
            ulong lo = value.Low64;
            uint hi = value.Hi;
            if (hi == 0)
                return UInt64ToDecStr(lo);
            // Split off the low 19 digits: (hi * 2^64 + lo) = q * 10^19 + r.
            const ulong TenTo19 = 10000000000000000000UL;
            uint[] words = { (uint)lo, (uint)(lo >> 32), hi };
            ulong rem = 0;
            for (int i = 2; i >= 0; i--)
            {
                // Divide by 10^19 one word at a time, using 128-bit
                // division done as two 64-bit steps.
                ulong cur = rem;
                ulong q = 0;
                for (int bit = 31; bit >= 0; bit--)
                {
                    // cur = cur * 2 + next bit; cur < 2 * 10^19 fits in a ulong.
                    bool carry = cur >= 0x8000000000000000UL;
                    cur = (cur << 1) | ((words[i] >> bit) & 1);
                    q <<= 1;
                    if (carry || cur >= TenTo19)
                    {
                        cur -= TenTo19;
                        q |= 1;
                    }
                }
                words[i] = (uint)q;
                rem = cur;
            }
            ulong high = words[0] | ((ulong)words[1] << 32);
            string low = UInt64ToDecStr(rem);
            return String.Concat(UInt64ToDecStr(high), new string('0', 19 - low.Length), low);
        }

        internal static decimal ParseDecimal(string s, NumberStyles styles)
        {
            if (s == null)
                throw new ArgumentNullException("s");
            decimal result;
            int status = TryParseDecimalCore(s, styles, out result);
            if (status == ParseFormatError)
                throw new FormatException(BadFormat);
            if (status == ParseOverflow)
                throw new OverflowException(Decimal.OverflowMessage);
            return result;
        }

        internal static bool TryParseDecimal(string s, NumberStyles styles, out decimal result)
        {
            return TryParseDecimalCore(s, styles, out result) == ParseOK;
        }

        private static int TryParseDecimalCore(string s, NumberStyles styles, out decimal result)
        {
            result = decimal.Zero;
            ParsedNumber n = ParseStyled(s, styles);
            if (n == null)
                return ParseFormatError;
            if (n.IsZero)
            {
                int scale = n.ZeroScale < 0 ? 0 : n.ZeroScale > Decimal.MaxScale ? Decimal.MaxScale : n.ZeroScale;
                result = new decimal(0, 0, 0, scale, false);
                return ParseOK;
            }
            char[] digits = n.Digits.ToString().ToCharArray();
            bool overflow;
            result = DecimalCalc.FromDigits(digits, digits.Length, n.Exponent, n.Negative, false, out overflow);
            return overflow ? ParseOverflow : ParseOK;
        }

        // (decimal)double: the value rounded to `precision` significant
        // digits (15 for double, 7 for float), as .NET converts.
        internal static decimal DoubleToDecimal(double value, int precision)
        {
            if (Double.IsNaN(value) || Double.IsInfinity(value) || value >= 7.9228162514264338E+28 || value <= -7.9228162514264338E+28)
                throw new OverflowException(Decimal.OverflowMessage);
            if (value == 0)
                return decimal.Zero;
            NumberBuffer number = new NumberBuffer();
            DoubleToNumber(value, precision, number);
            int count = number.DigitCount;
            while (count > 0 && number.digits[count - 1] == '0')
                count--;
            bool overflow;
            decimal d = DecimalCalc.FromDigits(number.digits, count, number.scale, number.sign, false, out overflow);
            if (overflow)
                throw new OverflowException(Decimal.OverflowMessage);
            return d;
        }
    }
}
