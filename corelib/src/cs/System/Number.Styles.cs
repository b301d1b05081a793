using System.Globalization;
using System.Text;

namespace System
{
    // Parsing with NumberStyles (the Parse(string, NumberStyles[,
    // IFormatProvider]) and TryParse(string, NumberStyles, IFormatProvider,
    // out T) overloads of every number type, and Decimal.Parse), with the
    // invariant culture's symbols: '-', '+', '.', ',' and the currency
    // symbol U+00A4. This is CoreCLR's ParseNumber state machine; the
    // digits are kept in full, so each type rounds (decimal) or checks
    // (integers: no nonzero fraction, in range) them itself.
    internal static partial class Number
    {
        private const int SSign = 0x0001;
        private const int SParens = 0x0002;
        private const int SDigits = 0x0004;
        private const int SNonZero = 0x0008;
        private const int SDecimal = 0x0010;
        private const int SCurrency = 0x0020;

        // A parsed number: its significant digits (no leading zeros), the
        // position of the decimal point relative to them (value =
        // 0.digits * 10^Exponent), and the sign.
        internal sealed class ParsedNumber
        {
            internal readonly StringBuilder Digits = new StringBuilder();
            internal int Exponent;
            internal bool Negative;
            // For a zero: the digits written after the decimal point minus
            // the exponent (what scale decimal.Parse gives "0.00").
            internal int ZeroScale;

            internal bool IsZero
            {
                get { return Digits.Length == 0; }
            }

            // Any nonzero digit after the decimal point.
            internal bool HasFraction
            {
                get
                {
                    for (int i = Exponent < 0 ? 0 : Exponent; i < Digits.Length; i++)
                    {
                        if (Digits[i] != '0')
                            return true;
                    }
                    return false;
                }
            }
        }

        // The whole of `s` as a number of `styles`; null if it is not one.
        internal static ParsedNumber ParseStyled(string s, NumberStyles styles)
        {
            if (s == null)
                return null;
            ParsedNumber number = new ParsedNumber();
            int length = s.Length;
            int p = 0;
            int state = 0;
            char ch = p < length ? s[p] : '\0';
            while (true)
            {
                if ((styles & NumberStyles.AllowLeadingWhite) != 0 && IsWhite(ch) && ((state & SSign) == 0 || (state & SCurrency) != 0))
                {
                }
                else if ((styles & NumberStyles.AllowLeadingSign) != 0 && (state & SSign) == 0 && (ch == '+' || ch == '-'))
                {
                    state |= SSign;
                    number.Negative = ch == '-';
                }
                else if ((styles & NumberStyles.AllowParentheses) != 0 && (state & SSign) == 0 && ch == '(')
                {
                    state |= SSign | SParens;
                    number.Negative = true;
                }
                else if ((styles & NumberStyles.AllowCurrencySymbol) != 0 && (state & SCurrency) == 0 && ch == '\u00A4')
                {
                    state |= SCurrency;
                }
                else
                {
                    break;
                }
                ch = ++p < length ? s[p] : '\0';
            }
            int integerDigits = 0;
            int fractionDigits = 0;
            while (true)
            {
                if (IsAsciiDigit(ch))
                {
                    if ((state & SDecimal) != 0)
                        fractionDigits++;
                    state |= SDigits;
                    if (ch != '0' || (state & SNonZero) != 0)
                    {
                        number.Digits.Append(ch);
                        if ((state & SDecimal) == 0)
                            integerDigits++;
                        state |= SNonZero;
                    }
                    else if ((state & SDecimal) != 0)
                    {
                        integerDigits--;
                    }
                }
                else if ((styles & NumberStyles.AllowDecimalPoint) != 0 && (state & SDecimal) == 0 && ch == '.')
                {
                    state |= SDecimal;
                }
                else if ((styles & NumberStyles.AllowThousands) != 0 && (state & SDigits) != 0 && (state & SDecimal) == 0 && ch == ',')
                {
                }
                else
                {
                    break;
                }
                ch = ++p < length ? s[p] : '\0';
            }
            if ((state & SDigits) == 0)
                return null;
            number.Exponent = integerDigits;
            int exponentPart = 0;
            if ((styles & NumberStyles.AllowExponent) != 0 && (ch == 'E' || ch == 'e'))
            {
                int before = p;
                ch = ++p < length ? s[p] : '\0';
                bool negativeExponent = false;
                if (ch == '+' || ch == '-')
                {
                    negativeExponent = ch == '-';
                    ch = ++p < length ? s[p] : '\0';
                }
                if (IsAsciiDigit(ch))
                {
                    int exponent = 0;
                    while (IsAsciiDigit(ch))
                    {
                        if (exponent < 100000)
                            exponent = exponent * 10 + (ch - '0');
                        ch = ++p < length ? s[p] : '\0';
                    }
                    exponentPart = negativeExponent ? -exponent : exponent;
                    number.Exponent += exponentPart;
                }
                else
                {
                    p = before;
                    ch = p < length ? s[p] : '\0';
                }
            }
            while (true)
            {
                if ((styles & NumberStyles.AllowTrailingWhite) != 0 && IsWhite(ch))
                {
                }
                else if ((styles & NumberStyles.AllowTrailingSign) != 0 && (state & SSign) == 0 && (ch == '+' || ch == '-'))
                {
                    state |= SSign;
                    number.Negative = ch == '-';
                }
                else if (ch == ')' && (state & SParens) != 0)
                {
                    state &= ~SParens;
                }
                else if ((styles & NumberStyles.AllowCurrencySymbol) != 0 && (state & SCurrency) == 0 && ch == '\u00A4')
                {
                    state |= SCurrency;
                }
                else
                {
                    break;
                }
                ch = ++p < length ? s[p] : '\0';
            }
            if ((state & SParens) != 0 || !TrailingZeros(s, p))
                return null;
            // The digits keep their trailing zeros (decimal's scale).
            if (number.Digits.Length == 0)
            {
                number.Exponent = 0;
                number.ZeroScale = fractionDigits - exponentPart;
            }
            return number;
        }

        // Hex digits with optional white space around (AllowHexSpecifier):
        // the bits, or false when there are none or more than `bits`.
        private static int ParseHex(string s, NumberStyles styles, int bits, out ulong value)
        {
            value = 0;
            if (s == null)
                return ParseFormatError;
            int i = 0;
            int end = s.Length;
            if ((styles & NumberStyles.AllowLeadingWhite) != 0)
            {
                while (i < end && IsWhite(s[i]))
                    i++;
            }
            int start = i;
            bool overflow = false;
            while (i < end)
            {
                char c = s[i];
                int d;
                if (c >= '0' && c <= '9')
                    d = c - '0';
                else if (c >= 'a' && c <= 'f')
                    d = c - 'a' + 10;
                else if (c >= 'A' && c <= 'F')
                    d = c - 'A' + 10;
                else
                    break;
                if ((value >> (bits - 4)) != 0)
                    overflow = true;
                value = (value << 4) | (uint)d;
                i++;
            }
            if (i == start)
                return ParseFormatError;
            if ((styles & NumberStyles.AllowTrailingWhite) != 0)
            {
                while (i < end && IsWhite(s[i]))
                    i++;
            }
            if (!TrailingZeros(s, i))
                return ParseFormatError;
            if (bits < 64)
                value &= (1UL << bits) - 1;
            return overflow ? ParseOverflow : ParseOK;
        }

        // An integer of `bits` bits (signed or not) from `s` in `styles`;
        // hex gives the bits as they are.
        internal static int TryParseIntegerStyled(string s, NumberStyles styles, int bits, bool signed, out long result)
        {
            result = 0;
            if ((styles & NumberStyles.AllowHexSpecifier) != 0)
            {
                ulong raw;
                int status = ParseHex(s, styles, bits, out raw);
                if (status != ParseOK)
                    return status;
                if (signed && bits < 64 && (raw & (1UL << (bits - 1))) != 0)
                    result = (long)raw - (1L << bits);
                else
                    result = (long)raw;
                return ParseOK;
            }
            ParsedNumber n = ParseStyled(s, styles);
            if (n == null)
                return ParseFormatError;
            if (n.HasFraction || n.Exponent > 20)
                return ParseOverflow;
            ulong magnitude = 0;
            for (int i = 0; i < n.Exponent; i++)
            {
                uint digit = i < n.Digits.Length ? (uint)(n.Digits[i] - '0') : 0;
                if (magnitude > (ulong.MaxValue - digit) / 10)
                    return ParseOverflow;
                magnitude = magnitude * 10 + digit;
            }
            ulong max = bits == 64 ? (signed ? (ulong)long.MaxValue : ulong.MaxValue) : (signed ? (1UL << (bits - 1)) - 1 : (1UL << bits) - 1);
            if (n.Negative && !n.IsZero)
            {
                if (!signed)
                    return ParseOverflow;
                if (magnitude > max + 1)
                    return ParseOverflow;
                result = (long)(0 - magnitude);
                return ParseOK;
            }
            if (magnitude > max)
                return ParseOverflow;
            result = (long)magnitude;
            return ParseOK;
        }

        // The same for ulong (whose values do not all fit in a long).
        internal static int TryParseUInt64Styled(string s, NumberStyles styles, out ulong result)
        {
            result = 0;
            if ((styles & NumberStyles.AllowHexSpecifier) != 0)
                return ParseHex(s, styles, 64, out result);
            ParsedNumber n = ParseStyled(s, styles);
            if (n == null)
                return ParseFormatError;
            if (n.HasFraction || n.Exponent > 20)
                return ParseOverflow;
            if (n.Negative && !n.IsZero)
                return ParseOverflow;
            ulong magnitude = 0;
            for (int i = 0; i < n.Exponent; i++)
            {
                uint digit = i < n.Digits.Length ? (uint)(n.Digits[i] - '0') : 0;
                if (magnitude > (ulong.MaxValue - digit) / 10)
                    return ParseOverflow;
                magnitude = magnitude * 10 + digit;
            }
            result = magnitude;
            return ParseOK;
        }

        internal static long ParseIntegerStyled(string s, NumberStyles styles, int bits, bool signed, string overflowMessage)
        {
            NumberFormatInfo.ValidateParseStyleInteger(styles);
            if (s == null)
                throw new ArgumentNullException("s");
            long result;
            int status = TryParseIntegerStyled(s, styles, bits, signed, out result);
            if (status != ParseOK)
                ThrowParseError(s, status, overflowMessage);
            return result;
        }

        internal static ulong ParseUInt64Styled(string s, NumberStyles styles)
        {
            NumberFormatInfo.ValidateParseStyleInteger(styles);
            if (s == null)
                throw new ArgumentNullException("s");
            ulong result;
            int status = TryParseUInt64Styled(s, styles, out result);
            if (status != ParseOK)
                ThrowParseError(s, status, "Value was either too large or too small for a UInt64.");
            return result;
        }

        // A double from `s` in `styles`; NaN and the infinities are the
        // invariant culture's symbols.
        internal static bool TryParseDoubleStyled(string s, NumberStyles styles, out double result)
        {
            result = 0;
            if (s == null)
                return false;
            ParsedNumber n = ParseStyled(s, styles);
            if (n == null)
                return TryParseSymbol(s, out result);
            NumberBuffer buffer = new NumberBuffer();
            int significant = n.Digits.Length;
            while (significant > 0 && n.Digits[significant - 1] == '0')
                significant--;
            int count = significant < NumberBuffer.MaxDigits ? significant : NumberBuffer.MaxDigits;
            for (int i = 0; i < count; i++)
                buffer.digits[i] = n.Digits[i];
            buffer.digits[count] = '\0';
            buffer.precision = count;
            buffer.scale = n.Exponent;
            buffer.sign = n.Negative;
            if (count == 0)
            {
                result = n.Negative ? -0.0 : 0.0;
                return true;
            }
            return NumberBufferToDouble(buffer, out result) || SignedInfinity(n.Negative, out result);
        }

        private static bool SignedInfinity(bool negative, out double result)
        {
            result = 0;
            return false;
        }

        internal static double ParseDoubleStyled(string s, NumberStyles styles, string overflowMessage)
        {
            NumberFormatInfo.ValidateParseStyleFloatingPoint(styles);
            if (s == null)
                throw new ArgumentNullException("s");
            double result;
            if (TryParseDoubleStyled(s, styles, out result))
                return result;
            if (ParseStyled(s, styles) != null)
                throw new OverflowException(overflowMessage);
            throw new FormatException(BadFormat);
        }
    }
}
