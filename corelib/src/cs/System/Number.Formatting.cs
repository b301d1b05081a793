using System.Runtime.CompilerServices;
using System.Text;

namespace System
{
    // Formatting numbers with a format string: the standard formats (D, X,
    // G, F, N, E, P, C and R, each with an optional precision: "D5",
    // "F2") and custom formats ("0.00", "#,##0", "0.###E+0",
    // "pos;neg;zero"). This is .NET's algorithm (CoreCLR's
    // Number.Formatting.cs, which Mono 6.8 also uses), with the invariant
    // culture's symbols built in: Osprey has no other culture.
    //
    // A number is first converted to a NumberBuffer: its significant
    // decimal digits, the decimal exponent and the sign. Integers convert
    // exactly. A double converts to 15 significant digits (17 when a
    // format asks for more, or for "R" when 15 do not round-trip), a float
    // to 7 (9), rounded half away from zero; that one step, the correctly
    // rounded digit generation, is the DoubleToDigits FCall. Then the
    // format rounds the digits again to what it shows, also half away
    // from zero: 0.125.ToString("F2") is "0.13".
    //
    // This file is also compiled against Mono's mscorlib by
    // corelib/tests/managed_logic.rs (with DoubleToDigits replaced by a
    // stand-in), which compares it with Mono for many values and formats.
    internal static partial class Number
    {
        // The invariant culture's NumberFormatInfo.
        private const string NegativeSign = "-";
        private const string PositiveSign = "+";
        private const string DecimalSeparator = ".";
        private const string GroupSeparator = ",";
        private const int GroupSize = 3;
        private const int DecimalDigits = 2;
        private const string CurrencySymbol = "\u00A4";
        private const string PercentSymbol = "%";
        private const string PerMilleSymbol = "\u2030";
        internal const string NaNSymbol = "NaN";
        internal const string PositiveInfinitySymbol = "Infinity";
        internal const string NegativeInfinitySymbol = "-Infinity";

        // Patterns: '#' is the number, '-' the negative sign, '$' the
        // currency symbol, '%' the percent symbol.
        private const string PositiveCurrencyPattern = "$#";
        private const string NegativeCurrencyPattern = "($#)";
        private const string PositivePercentPattern = "# %";
        private const string NegativePercentPattern = "-# %";
        private const string NegativeNumberPattern = "-#";

        // Significant digits of each type's conversion to a NumberBuffer.
        private const int Int32Precision = 10;
        private const int UInt32Precision = 10;
        private const int Int64Precision = 19;
        private const int UInt64Precision = 20;
        private const int DoublePrecision = 15;
        private const int DoubleRoundTripPrecision = 17;
        private const int SinglePrecision = 7;
        private const int SingleRoundTripPrecision = 9;

        // NumberBuffer.scale of NaN and of the infinities.
        private const int ScaleNaN = unchecked((int)0x80000000);
        private const int ScaleInfinity = 0x7FFFFFFF;

        private const string BadFormatSpecifier = "Format specifier was invalid.";

        // A number in decimal: the value is 0.d1d2d3... * 10^scale,
        // negative if `sign`. `digits` holds the significant digits as
        // '0'-'9', ended by '\0'; no digits at all means zero.
        internal sealed class NumberBuffer
        {
            // Digits kept by parsing; formatting needs at most 20.
            internal const int MaxDigits = 50;

            internal int precision;
            internal int scale;
            internal bool sign;
            internal readonly char[] digits = new char[MaxDigits + 1];

            // The number of digits before the '\0'.
            internal int DigitCount
            {
                get
                {
                    int count = 0;
                    while (digits[count] != '\0')
                        count++;
                    return count;
                }
            }
        }

        // FCall. Writes the first `precision` significant decimal digits of
        // |value| (finite) to `digits`, as '0'-'9', and returns the decimal
        // exponent plus one (value = 0.d1d2... * 10^result; 1 for zero).
        // The digits are rounded as Mono rounds them: the exact value is
        // rounded to 41 significant digits (half to even), and that is
        // rounded to `precision` digits half away from zero.
        [MethodImpl(MethodImplOptions.InternalCall)]
        private static extern unsafe int DoubleToDigits(double value, int precision, char* digits);

        internal static string FormatInt32(int value, string format)
        {
            int digits;
            char fmt = ParseFormatSpecifier(format, out digits);
            char fmtUpper = (char)(fmt & 0xFFDF);
            if ((fmtUpper == 'G' && digits < 1) || fmtUpper == 'D')
            {
                if (value >= 0)
                    return UInt64ToDecStr((uint)value, digits, false);
                return UInt64ToDecStr(0u - (uint)value, digits, true);
            }
            if (fmtUpper == 'X')
                return ToHexStr((uint)value, fmt, digits);
            NumberBuffer number = new NumberBuffer();
            number.precision = Int32Precision;
            number.sign = value < 0;
            UInt64ToNumber(value < 0 ? 0u - (uint)value : (uint)value, number);
            return FormatNumberBuffer(number, fmt, digits, format);
        }

        internal static string FormatUInt32(uint value, string format)
        {
            int digits;
            char fmt = ParseFormatSpecifier(format, out digits);
            char fmtUpper = (char)(fmt & 0xFFDF);
            if ((fmtUpper == 'G' && digits < 1) || fmtUpper == 'D')
                return UInt64ToDecStr(value, digits, false);
            if (fmtUpper == 'X')
                return ToHexStr(value, fmt, digits);
            NumberBuffer number = new NumberBuffer();
            number.precision = UInt32Precision;
            UInt64ToNumber(value, number);
            return FormatNumberBuffer(number, fmt, digits, format);
        }

        internal static string FormatInt64(long value, string format)
        {
            int digits;
            char fmt = ParseFormatSpecifier(format, out digits);
            char fmtUpper = (char)(fmt & 0xFFDF);
            if ((fmtUpper == 'G' && digits < 1) || fmtUpper == 'D')
            {
                if (value >= 0)
                    return UInt64ToDecStr((ulong)value, digits, false);
                return UInt64ToDecStr(0ul - (ulong)value, digits, true);
            }
            if (fmtUpper == 'X')
                return ToHexStr((ulong)value, fmt, digits);
            NumberBuffer number = new NumberBuffer();
            number.precision = Int64Precision;
            number.sign = value < 0;
            UInt64ToNumber(value < 0 ? 0ul - (ulong)value : (ulong)value, number);
            return FormatNumberBuffer(number, fmt, digits, format);
        }

        internal static string FormatUInt64(ulong value, string format)
        {
            int digits;
            char fmt = ParseFormatSpecifier(format, out digits);
            char fmtUpper = (char)(fmt & 0xFFDF);
            if ((fmtUpper == 'G' && digits < 1) || fmtUpper == 'D')
                return UInt64ToDecStr(value, digits, false);
            if (fmtUpper == 'X')
                return ToHexStr(value, fmt, digits);
            NumberBuffer number = new NumberBuffer();
            number.precision = UInt64Precision;
            UInt64ToNumber(value, number);
            return FormatNumberBuffer(number, fmt, digits, format);
        }

        internal static string FormatDouble(double value, string format)
        {
            int digits;
            char fmt = ParseFormatSpecifier(format, out digits);
            int precision = DoublePrecision;
            NumberBuffer number = new NumberBuffer();
            switch (fmt)
            {
                case 'R':
                case 'r':
                    // The shortest of 15 and 17 digits that reads back as
                    // the same double.
                    DoubleToNumber(value, DoublePrecision, number);
                    if (number.scale == ScaleNaN || number.scale == ScaleInfinity)
                        return NonFiniteSymbol(number);
                    if (NumberToDouble(number) == value)
                        return NumberToString(number, 'G', DoublePrecision);
                    DoubleToNumber(value, DoubleRoundTripPrecision, number);
                    return NumberToString(number, 'G', DoubleRoundTripPrecision);
                case 'E':
                case 'e':
                    if (digits > 14)
                        precision = DoubleRoundTripPrecision;
                    break;
                case 'G':
                case 'g':
                    if (digits > 15)
                        precision = DoubleRoundTripPrecision;
                    break;
            }
            DoubleToNumber(value, precision, number);
            if (number.scale == ScaleNaN || number.scale == ScaleInfinity)
                return NonFiniteSymbol(number);
            return FormatNumberBuffer(number, fmt, digits, format);
        }

        internal static string FormatSingle(float value, string format)
        {
            int digits;
            char fmt = ParseFormatSpecifier(format, out digits);
            int precision = SinglePrecision;
            NumberBuffer number = new NumberBuffer();
            switch (fmt)
            {
                case 'R':
                case 'r':
                    DoubleToNumber(value, SinglePrecision, number);
                    if (number.scale == ScaleNaN || number.scale == ScaleInfinity)
                        return NonFiniteSymbol(number);
                    if ((float)NumberToDouble(number) == value)
                        return NumberToString(number, 'G', SinglePrecision);
                    DoubleToNumber(value, SingleRoundTripPrecision, number);
                    return NumberToString(number, 'G', SingleRoundTripPrecision);
                case 'E':
                case 'e':
                    if (digits > 6)
                        precision = SingleRoundTripPrecision;
                    break;
                case 'G':
                case 'g':
                    if (digits > 7)
                        precision = SingleRoundTripPrecision;
                    break;
            }
            DoubleToNumber(value, precision, number);
            if (number.scale == ScaleNaN || number.scale == ScaleInfinity)
                return NonFiniteSymbol(number);
            return FormatNumberBuffer(number, fmt, digits, format);
        }

        private static string NonFiniteSymbol(NumberBuffer number)
        {
            if (number.scale == ScaleNaN)
                return NaNSymbol;
            return number.sign ? NegativeInfinitySymbol : PositiveInfinitySymbol;
        }

        // A standard format when `fmt` is a letter, else the custom format.
        private static string FormatNumberBuffer(NumberBuffer number, char fmt, int digits, string format)
        {
            if (fmt != '\0')
                return NumberToString(number, fmt, digits);
            return NumberToStringFormat(number, format);
        }

        // The digits of `value` ('-' first if `negative`), at least
        // `minDigits` of them (padded with leading zeros).
        private static unsafe string UInt64ToDecStr(ulong value, int minDigits, bool negative)
        {
            int digits = 1;
            for (ulong rest = value / 10; rest != 0; rest /= 10)
                digits++;
            if (digits < minDigits)
                digits = minDigits;
            int length = negative ? digits + 1 : digits;
            string result = string.FastAllocateString(length);
            fixed (char* start = result)
            {
                char* p = start + length;
                for (int i = 0; i < digits; i++)
                {
                    ulong quotient = value / 10;
                    *--p = (char)('0' + (int)(value - quotient * 10));
                    value = quotient;
                }
                if (negative)
                    start[0] = '-';
            }
            return result;
        }

        // Hexadecimal digits, upper case for 'X' and lower case for 'x', at
        // least `minDigits` of them. Negative numbers show their two's
        // complement (the caller passes the bits).
        private static unsafe string ToHexStr(ulong value, char fmt, int minDigits)
        {
            char letterBase = (char)(fmt - ('X' - 'A' + 10));
            int digits = 1;
            for (ulong rest = value >> 4; rest != 0; rest >>= 4)
                digits++;
            if (digits < minDigits)
                digits = minDigits;
            string result = string.FastAllocateString(digits);
            fixed (char* start = result)
            {
                char* p = start + digits;
                for (int i = 0; i < digits; i++)
                {
                    int digit = (int)(value & 0xF);
                    *--p = (char)(digit < 10 ? '0' + digit : letterBase + digit);
                    value >>= 4;
                }
            }
            return result;
        }

        // The digits of `value` into `number` (whose sign and precision the
        // caller sets).
        private static void UInt64ToNumber(ulong value, NumberBuffer number)
        {
            int count = 0;
            for (ulong rest = value; rest != 0; rest /= 10)
                count++;
            number.scale = count;
            char[] digits = number.digits;
            for (int i = count - 1; i >= 0; i--)
            {
                ulong quotient = value / 10;
                digits[i] = (char)('0' + (int)(value - quotient * 10));
                value = quotient;
            }
            digits[count] = '\0';
        }

        // A double's `precision` significant digits, as Mono computes them:
        // +0.0 gives `precision` zeros with scale 0.
        private static unsafe void DoubleToNumber(double value, int precision, NumberBuffer number)
        {
            number.precision = precision;
            number.sign = Double.IsNegative(value);
            if (!Double.IsFinite(value))
            {
                number.scale = Double.IsNaN(value) ? ScaleNaN : ScaleInfinity;
                number.digits[0] = '\0';
                return;
            }
            if (value == 0 && !number.sign)
            {
                number.scale = 0;
                for (int i = 0; i < precision; i++)
                    number.digits[i] = '0';
            }
            else
            {
                fixed (char* digits = &number.digits[0])
                    number.scale = DoubleToDigits(value, precision, digits);
            }
            number.digits[precision] = '\0';
        }

        // The standard format letters and their precision: "X8" gives 'X'
        // and 8, "G" gives 'G' and -1, null and "" give 'G' and -1. A
        // custom format gives '\0'. The precision has at most two digits
        // ("D100" is a custom format).
        internal static char ParseFormatSpecifier(string format, out int digits)
        {
            digits = -1;
            if (format == null || CharAt(format, 0) == '\0')
                return 'G';
            char ch = format[0];
            if ((ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z'))
            {
                int i = 1;
                int n = -1;
                if (IsAsciiDigit(CharAt(format, i)))
                {
                    n = format[i++] - '0';
                    while (IsAsciiDigit(CharAt(format, i)))
                    {
                        n = n * 10 + format[i++] - '0';
                        if (n >= 10)
                            break;
                    }
                }
                if (CharAt(format, i) == '\0')
                {
                    digits = n;
                    return ch;
                }
            }
            return '\0';
        }

        private static bool IsAsciiDigit(char c)
        {
            return c >= '0' && c <= '9';
        }

        // s[index], or '\0' past the end (the formatting code reads its
        // format strings as .NET reads them, up to a terminating '\0').
        private static char CharAt(string s, int index)
        {
            return index < s.Length ? s[index] : '\0';
        }

        // A standard format.
        private static string NumberToString(NumberBuffer number, char format, int nMaxDigits)
        {
            StringBuilder sb = new StringBuilder();
            int nMinDigits;
            switch (format)
            {
                case 'C':
                case 'c':
                    nMinDigits = nMaxDigits >= 0 ? nMaxDigits : DecimalDigits;
                    if (nMaxDigits < 0)
                        nMaxDigits = DecimalDigits;
                    RoundNumber(number, number.scale + nMaxDigits);
                    FormatWithPattern(sb, number, nMinDigits, nMaxDigits, number.sign ? NegativeCurrencyPattern : PositiveCurrencyPattern);
                    break;

                case 'F':
                case 'f':
                    if (nMaxDigits < 0)
                        nMaxDigits = DecimalDigits;
                    RoundNumber(number, number.scale + nMaxDigits);
                    if (number.sign)
                        sb.Append(NegativeSign);
                    FormatFixed(sb, number, nMaxDigits, false);
                    break;

                case 'N':
                case 'n':
                    if (nMaxDigits < 0)
                        nMaxDigits = DecimalDigits;
                    RoundNumber(number, number.scale + nMaxDigits);
                    FormatWithPattern(sb, number, nMaxDigits, nMaxDigits, number.sign ? NegativeNumberPattern : "#");
                    break;

                case 'E':
                case 'e':
                    if (nMaxDigits < 0)
                        nMaxDigits = 6;
                    nMaxDigits++;
                    RoundNumber(number, nMaxDigits);
                    if (number.sign)
                        sb.Append(NegativeSign);
                    FormatScientific(sb, number, nMaxDigits, format);
                    break;

                case 'G':
                case 'g':
                    if (nMaxDigits < 1)
                        nMaxDigits = number.precision;
                    RoundNumber(number, nMaxDigits);
                    if (number.sign)
                        sb.Append(NegativeSign);
                    FormatGeneral(sb, number, nMaxDigits, (char)(format - ('G' - 'E')));
                    break;

                case 'P':
                case 'p':
                    if (nMaxDigits < 0)
                        nMaxDigits = DecimalDigits;
                    number.scale += 2;
                    RoundNumber(number, number.scale + nMaxDigits);
                    FormatWithPattern(sb, number, nMaxDigits, nMaxDigits, number.sign ? NegativePercentPattern : PositivePercentPattern);
                    break;

                default:
                    throw new FormatException(BadFormatSpecifier);
            }
            return sb.ToString();
        }

        // Expands a currency, number or percent pattern. Currency and
        // percent amounts are grouped in thousands like numbers.
        private static void FormatWithPattern(StringBuilder sb, NumberBuffer number, int nMinDigits, int nMaxDigits, string pattern)
        {
            for (int i = 0; i < pattern.Length; i++)
            {
                char ch = pattern[i];
                switch (ch)
                {
                    case '#':
                        FormatFixed(sb, number, nMaxDigits, true);
                        break;
                    case '-':
                        sb.Append(NegativeSign);
                        break;
                    case '$':
                        sb.Append(CurrencySymbol);
                        break;
                    case '%':
                        sb.Append(PercentSymbol);
                        break;
                    default:
                        sb.Append(ch);
                        break;
                }
            }
        }

        // The integer part (grouped in thousands if `grouped`), then
        // `nMaxDigits` fractional digits.
        private static void FormatFixed(StringBuilder sb, NumberBuffer number, int nMaxDigits, bool grouped)
        {
            int digPos = number.scale;
            char[] dig = number.digits;
            int d = 0;

            if (digPos > 0)
            {
                for (int i = 0; i < digPos; i++)
                {
                    if (grouped && i > 0 && (digPos - i) % GroupSize == 0)
                        sb.Append(GroupSeparator);
                    sb.Append(dig[d] != '\0' ? dig[d++] : '0');
                }
            }
            else
            {
                sb.Append('0');
            }

            if (nMaxDigits > 0)
            {
                sb.Append(DecimalSeparator);
                if (digPos < 0)
                {
                    int zeroes = Math.Min(-digPos, nMaxDigits);
                    sb.Append('0', zeroes);
                    nMaxDigits -= zeroes;
                }
                while (nMaxDigits > 0)
                {
                    sb.Append(dig[d] != '\0' ? dig[d++] : '0');
                    nMaxDigits--;
                }
            }
        }

        // d.ddddE+ddd
        private static void FormatScientific(StringBuilder sb, NumberBuffer number, int nMaxDigits, char expChar)
        {
            char[] dig = number.digits;
            int d = 0;
            sb.Append(dig[d] != '\0' ? dig[d++] : '0');
            if (nMaxDigits != 1)
                sb.Append(DecimalSeparator);
            while (--nMaxDigits > 0)
                sb.Append(dig[d] != '\0' ? dig[d++] : '0');
            int e = dig[0] == '\0' ? 0 : number.scale - 1;
            FormatExponent(sb, e, expChar, 3, true);
        }

        private static void FormatExponent(StringBuilder sb, int value, char expChar, int minDigits, bool positiveSign)
        {
            sb.Append(expChar);
            if (value < 0)
            {
                sb.Append(NegativeSign);
                value = -value;
            }
            else if (positiveSign)
            {
                sb.Append(PositiveSign);
            }
            sb.Append(UInt64ToDecStr((uint)value, minDigits, false));
        }

        // Fixed-point notation, or scientific when the exponent is below -5
        // or at least the precision.
        private static void FormatGeneral(StringBuilder sb, NumberBuffer number, int nMaxDigits, char expChar)
        {
            int digPos = number.scale;
            bool scientific = false;
            if (digPos > nMaxDigits || digPos < -3)
            {
                digPos = 1;
                scientific = true;
            }

            char[] dig = number.digits;
            int d = 0;
            if (digPos > 0)
            {
                do
                {
                    sb.Append(dig[d] != '\0' ? dig[d++] : '0');
                }
                while (--digPos > 0);
            }
            else
            {
                sb.Append('0');
            }

            if (dig[d] != '\0' || digPos < 0)
            {
                sb.Append(DecimalSeparator);
                while (digPos < 0)
                {
                    sb.Append('0');
                    digPos++;
                }
                while (dig[d] != '\0')
                    sb.Append(dig[d++]);
            }

            if (scientific)
                FormatExponent(sb, number.scale - 1, expChar, 2, true);
        }

        // Keeps the first `pos` digits, rounding half away from zero, and
        // drops trailing zeros. A number that rounds to zero loses its sign.
        private static void RoundNumber(NumberBuffer number, int pos)
        {
            char[] dig = number.digits;
            int i = 0;
            while (i < pos && dig[i] != '\0')
                i++;

            if (i == pos && dig[i] >= '5')
            {
                while (i > 0 && dig[i - 1] == '9')
                    i--;
                if (i > 0)
                {
                    dig[i - 1]++;
                }
                else
                {
                    number.scale++;
                    dig[0] = '1';
                    i = 1;
                }
            }
            else
            {
                while (i > 0 && dig[i - 1] == '0')
                    i--;
            }
            if (i == 0)
            {
                number.scale = 0;
                number.sign = false;
            }
            dig[i] = '\0';
        }

        // Custom formats: '0' and '#' digit placeholders, '.', ',' (thousands
        // separator, or scaling by 1000 before the decimal point), '%' and
        // '\u2030' (scaling by 100 and 1000), E+0/E-0/e0 exponents, quoted
        // literals, '\' escapes, and up to three sections separated by ';'
        // (positive; negative; zero).
        private static string NumberToStringFormat(NumberBuffer number, string format)
        {
            StringBuilder sb = new StringBuilder();
            int digitCount;
            int decimalPos;
            int firstDigit;
            int lastDigit;
            int digPos;
            bool scientific;
            int thousandPos;
            int thousandCount = 0;
            bool thousandSeps;
            int scaleAdjust;
            int adjust;
            int section;
            int src;
            char[] dig = number.digits;
            char ch;

            section = FindSection(format, dig[0] == '\0' ? 2 : number.sign ? 1 : 0);

            while (true)
            {
                digitCount = 0;
                decimalPos = -1;
                firstDigit = 0x7FFFFFFF;
                lastDigit = 0;
                scientific = false;
                thousandPos = -1;
                thousandSeps = false;
                scaleAdjust = 0;
                src = section;

                while ((ch = CharAt(format, src++)) != '\0' && ch != ';')
                {
                    switch (ch)
                    {
                        case '#':
                            digitCount++;
                            break;
                        case '0':
                            if (firstDigit == 0x7FFFFFFF)
                                firstDigit = digitCount;
                            digitCount++;
                            lastDigit = digitCount;
                            break;
                        case '.':
                            if (decimalPos < 0)
                                decimalPos = digitCount;
                            break;
                        case ',':
                            if (digitCount > 0 && decimalPos < 0)
                            {
                                if (thousandPos >= 0)
                                {
                                    if (thousandPos == digitCount)
                                    {
                                        thousandCount++;
                                        break;
                                    }
                                    thousandSeps = true;
                                }
                                thousandPos = digitCount;
                                thousandCount = 1;
                            }
                            break;
                        case '%':
                            scaleAdjust += 2;
                            break;
                        case '\u2030':
                            scaleAdjust += 3;
                            break;
                        case '\'':
                        case '"':
                            while (CharAt(format, src) != '\0' && format[src++] != ch)
                            {
                            }
                            break;
                        case '\\':
                            if (CharAt(format, src) != '\0')
                                src++;
                            break;
                        case 'E':
                        case 'e':
                            if (CharAt(format, src) == '0'
                                || ((CharAt(format, src) == '+' || CharAt(format, src) == '-') && CharAt(format, src + 1) == '0'))
                            {
                                while (CharAt(format, ++src) == '0')
                                {
                                }
                                scientific = true;
                            }
                            break;
                    }
                }

                if (decimalPos < 0)
                    decimalPos = digitCount;

                if (thousandPos >= 0)
                {
                    if (thousandPos == decimalPos)
                        scaleAdjust -= thousandCount * 3;
                    else
                        thousandSeps = true;
                }

                if (dig[0] != '\0')
                {
                    number.scale += scaleAdjust;
                    int pos = scientific ? digitCount : number.scale + digitCount - decimalPos;
                    RoundNumber(number, pos);
                    if (dig[0] == '\0')
                    {
                        src = FindSection(format, 2);
                        if (src != section)
                        {
                            section = src;
                            continue;
                        }
                    }
                }
                else
                {
                    // Zero: no sign, and scale 0 so that "0.00" shows it.
                    number.sign = false;
                    number.scale = 0;
                }
                break;
            }

            firstDigit = firstDigit < decimalPos ? decimalPos - firstDigit : 0;
            lastDigit = lastDigit > decimalPos ? decimalPos - lastDigit : 0;
            if (scientific)
            {
                digPos = decimalPos;
                adjust = 0;
            }
            else
            {
                digPos = number.scale > decimalPos ? number.scale : decimalPos;
                adjust = number.scale - decimalPos;
            }
            src = section;

            // Where the thousands separators go, counted in digits from the
            // decimal point: 3, 6, 9, ... up to the number of digits shown.
            int[] thousandsSepPos = new int[4];
            int thousandsSepCtr = -1;
            if (thousandSeps)
            {
                int totalDigits = digPos + (adjust < 0 ? adjust : 0);
                int numDigits = firstDigit > totalDigits ? firstDigit : totalDigits;
                int groupTotal = GroupSize;
                while (numDigits > groupTotal)
                {
                    ++thousandsSepCtr;
                    if (thousandsSepCtr >= thousandsSepPos.Length)
                    {
                        int[] larger = new int[thousandsSepPos.Length * 2];
                        for (int k = 0; k < thousandsSepPos.Length; k++)
                            larger[k] = thousandsSepPos[k];
                        thousandsSepPos = larger;
                    }
                    thousandsSepPos[thousandsSepCtr] = groupTotal;
                    groupTotal += GroupSize;
                }
            }

            if (number.sign && section == 0)
                sb.Append(NegativeSign);

            bool decimalWritten = false;
            int cur = 0;
            while ((ch = CharAt(format, src++)) != '\0' && ch != ';')
            {
                if (adjust > 0)
                {
                    switch (ch)
                    {
                        case '#':
                        case '0':
                        case '.':
                            // The digits that have no placeholder of their
                            // own go before the first one.
                            while (adjust > 0)
                            {
                                sb.Append(dig[cur] != '\0' ? dig[cur++] : '0');
                                if (thousandSeps && digPos > 1 && thousandsSepCtr >= 0)
                                {
                                    if (digPos == thousandsSepPos[thousandsSepCtr] + 1)
                                    {
                                        sb.Append(GroupSeparator);
                                        thousandsSepCtr--;
                                    }
                                }
                                digPos--;
                                adjust--;
                            }
                            break;
                    }
                }

                switch (ch)
                {
                    case '#':
                    case '0':
                        {
                            if (adjust < 0)
                            {
                                adjust++;
                                ch = digPos <= firstDigit ? '0' : '\0';
                            }
                            else
                            {
                                ch = dig[cur] != '\0' ? dig[cur++] : digPos > lastDigit ? '0' : '\0';
                            }
                            if (ch != '\0')
                            {
                                sb.Append(ch);
                                if (thousandSeps && digPos > 1 && thousandsSepCtr >= 0)
                                {
                                    if (digPos == thousandsSepPos[thousandsSepCtr] + 1)
                                    {
                                        sb.Append(GroupSeparator);
                                        thousandsSepCtr--;
                                    }
                                }
                            }
                            digPos--;
                            break;
                        }
                    case '.':
                        {
                            if (digPos != 0 || decimalWritten)
                                break;
                            // Only if digits or '0' placeholders follow.
                            if (lastDigit < 0 || (decimalPos < digitCount && dig[cur] != '\0'))
                            {
                                sb.Append(DecimalSeparator);
                                decimalWritten = true;
                            }
                            break;
                        }
                    case '\u2030':
                        sb.Append(PerMilleSymbol);
                        break;
                    case '%':
                        sb.Append(PercentSymbol);
                        break;
                    case ',':
                        break;
                    case '\'':
                    case '"':
                        while (CharAt(format, src) != '\0' && format[src] != ch)
                            sb.Append(format[src++]);
                        if (CharAt(format, src) != '\0')
                            src++;
                        break;
                    case '\\':
                        if (CharAt(format, src) != '\0')
                            sb.Append(format[src++]);
                        break;
                    case 'E':
                    case 'e':
                        {
                            bool positiveSign = false;
                            int i = 0;
                            if (scientific)
                            {
                                if (CharAt(format, src) == '0')
                                {
                                    // E0 formats as E-0 does.
                                    i++;
                                }
                                else if (CharAt(format, src) == '+' && CharAt(format, src + 1) == '0')
                                {
                                    positiveSign = true;
                                }
                                else if (CharAt(format, src) == '-' && CharAt(format, src + 1) == '0')
                                {
                                    // The default: a sign only when negative.
                                }
                                else
                                {
                                    sb.Append(ch);
                                    break;
                                }
                                while (CharAt(format, ++src) == '0')
                                    i++;
                                if (i > 10)
                                    i = 10;
                                int exp = dig[0] == '\0' ? 0 : number.scale - decimalPos;
                                FormatExponent(sb, exp, ch, i, positiveSign);
                                scientific = false;
                            }
                            else
                            {
                                sb.Append(ch);
                                if (CharAt(format, src) == '+' || CharAt(format, src) == '-')
                                    sb.Append(format[src++]);
                                while (CharAt(format, src) == '0')
                                    sb.Append(format[src++]);
                            }
                            break;
                        }
                    default:
                        sb.Append(ch);
                        break;
                }
            }
            return sb.ToString();
        }

        // Where section `section` (0, 1 or 2) of a ';'-separated custom
        // format starts; 0 when the format has no such (non-empty) section.
        private static int FindSection(string format, int section)
        {
            if (section == 0)
                return 0;
            int src = 0;
            while (true)
            {
                char ch = CharAt(format, src++);
                switch (ch)
                {
                    case '\'':
                    case '"':
                        while (CharAt(format, src) != '\0' && format[src++] != ch)
                        {
                        }
                        break;
                    case '\\':
                        if (CharAt(format, src) != '\0')
                            src++;
                        break;
                    case ';':
                        if (--section != 0)
                            break;
                        if (CharAt(format, src) != '\0' && format[src] != ';')
                            return src;
                        return 0;
                    case '\0':
                        return 0;
                }
            }
        }
    }
}
