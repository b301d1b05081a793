namespace System
{
    // Parsing numbers, as .NET's Parse(string) and TryParse(string, out T)
    // do with the invariant culture:
    //
    // - integers (NumberStyles.Integer): optional white space, an optional
    //   '+' or '-', decimal digits, optional white space;
    // - double and float (NumberStyles.Float | AllowThousands): the same
    //   with a decimal point, ',' group separators in the integer part and
    //   an exponent ("1,234.5e-3"), or exactly "NaN", "Infinity" or
    //   "-Infinity" (with white space around).
    //
    // White space here is ' ' and '\t' to '\r'; trailing '\0' characters
    // are also accepted. A malformed string throws FormatException; a
    // number out of range OverflowException (a malformed string wins). The
    // decimal-to-binary conversion is .NET Core 2's (which Mono 6.8 uses):
    // it reads the first 18 significant digits and is not always correctly
    // rounded in the last bit, and that is what programs see on Mono.
    //
    // This file is also compiled against Mono's mscorlib by
    // corelib/tests/managed_logic.rs and checked against Mono's Parse.
    internal static partial class Number
    {
        internal const string BadFormat = "Input string was not in a correct format.";

        // Results of the integer parser.
        private const int ParseOK = 0;
        private const int ParseFormatError = 1;
        private const int ParseOverflow = 2;

        internal static int ParseInt32(string s)
        {
            int result;
            int status = TryParseInt32Core(s, out result);
            if (status != ParseOK)
                ThrowParseError(s, status, "Value was either too large or too small for an Int32.");
            return result;
        }

        internal static bool TryParseInt32(string s, out int result)
        {
            return TryParseInt32Core(s, out result) == ParseOK;
        }

        private static int TryParseInt32Core(string s, out int result)
        {
            ulong magnitude;
            bool negative;
            result = 0;
            int status = ParseInteger(s, out magnitude, out negative);
            if (status != ParseOK)
                return status;
            if (magnitude > (negative ? 0x80000000UL : 0x7FFFFFFFUL))
                return ParseOverflow;
            result = negative ? (int)(0u - (uint)magnitude) : (int)magnitude;
            return ParseOK;
        }

        internal static uint ParseUInt32(string s)
        {
            uint result;
            int status = TryParseUInt32Core(s, out result);
            if (status != ParseOK)
                ThrowParseError(s, status, "Value was either too large or too small for a UInt32.");
            return result;
        }

        internal static bool TryParseUInt32(string s, out uint result)
        {
            return TryParseUInt32Core(s, out result) == ParseOK;
        }

        private static int TryParseUInt32Core(string s, out uint result)
        {
            ulong magnitude;
            bool negative;
            result = 0;
            int status = ParseInteger(s, out magnitude, out negative);
            if (status != ParseOK)
                return status;
            // "-0" is zero; any other negative number overflows.
            if (magnitude > 0xFFFFFFFFUL || (negative && magnitude != 0))
                return ParseOverflow;
            result = (uint)magnitude;
            return ParseOK;
        }

        internal static long ParseInt64(string s)
        {
            long result;
            int status = TryParseInt64Core(s, out result);
            if (status != ParseOK)
                ThrowParseError(s, status, "Value was either too large or too small for an Int64.");
            return result;
        }

        internal static bool TryParseInt64(string s, out long result)
        {
            return TryParseInt64Core(s, out result) == ParseOK;
        }

        private static int TryParseInt64Core(string s, out long result)
        {
            ulong magnitude;
            bool negative;
            result = 0;
            int status = ParseInteger(s, out magnitude, out negative);
            if (status != ParseOK)
                return status;
            if (magnitude > (negative ? 0x8000000000000000UL : 0x7FFFFFFFFFFFFFFFUL))
                return ParseOverflow;
            result = negative ? (long)(0ul - magnitude) : (long)magnitude;
            return ParseOK;
        }

        internal static ulong ParseUInt64(string s)
        {
            ulong result;
            int status = TryParseUInt64Core(s, out result);
            if (status != ParseOK)
                ThrowParseError(s, status, "Value was either too large or too small for a UInt64.");
            return result;
        }

        internal static bool TryParseUInt64(string s, out ulong result)
        {
            return TryParseUInt64Core(s, out result) == ParseOK;
        }

        private static int TryParseUInt64Core(string s, out ulong result)
        {
            ulong magnitude;
            bool negative;
            result = 0;
            int status = ParseInteger(s, out magnitude, out negative);
            if (status != ParseOK)
                return status;
            if (negative && magnitude != 0)
                return ParseOverflow;
            result = magnitude;
            return ParseOK;
        }

        // The small types parse as Int32 and then check their range.
        internal static int ParseSmallInteger(string s, int minValue, int maxValue, string overflowMessage)
        {
            int result;
            int status = TryParseInt32Core(s, out result);
            if (status == ParseOK && (result < minValue || result > maxValue))
                status = ParseOverflow;
            if (status != ParseOK)
                ThrowParseError(s, status, overflowMessage);
            return result;
        }

        internal static bool TryParseSmallInteger(string s, int minValue, int maxValue, out int result)
        {
            if (TryParseInt32Core(s, out result) != ParseOK || result < minValue || result > maxValue)
            {
                result = 0;
                return false;
            }
            return true;
        }

        private static void ThrowParseError(string s, int status, string overflowMessage)
        {
            if (s == null)
                throw new ArgumentNullException("s");
            if (status == ParseOverflow)
                throw new OverflowException(overflowMessage);
            throw new FormatException(BadFormat);
        }

        // [white space][+|-]digits[white space][\0...]: the magnitude (or
        // ParseOverflow when it exceeds 64 bits) and the sign.
        private static int ParseInteger(string s, out ulong magnitude, out bool negative)
        {
            magnitude = 0;
            negative = false;
            if (s == null)
                return ParseFormatError;
            int length = s.Length;
            int i = 0;
            while (i < length && IsWhite(s[i]))
                i++;
            if (i < length && (s[i] == '-' || s[i] == '+'))
            {
                negative = s[i] == '-';
                i++;
            }
            if (i == length || !IsAsciiDigit(s[i]))
                return ParseFormatError;

            bool overflow = false;
            while (i < length && IsAsciiDigit(s[i]))
            {
                uint digit = (uint)(s[i] - '0');
                if (magnitude > (ulong.MaxValue - digit) / 10)
                    overflow = true;
                else
                    magnitude = magnitude * 10 + digit;
                i++;
            }

            // Trailing white space, then nothing but '\0's.
            while (i < length && IsWhite(s[i]))
                i++;
            if (!TrailingZeros(s, i))
                return ParseFormatError;
            return overflow ? ParseOverflow : ParseOK;
        }

        // ' ' and '\t' to '\r'.
        private static bool IsWhite(char c)
        {
            return c == ' ' || (c >= '\t' && c <= '\r');
        }

        // Whether s[index ..] is all '\0'.
        private static bool TrailingZeros(string s, int index)
        {
            for (int i = index; i < s.Length; i++)
            {
                if (s[i] != '\0')
                    return false;
            }
            return true;
        }

        // "True" or "False" in any case, with white space (Char.IsWhiteSpace)
        // and '\0' around.
        internal static bool TryParseBoolean(string value, out bool result)
        {
            result = false;
            if (value == null)
                return false;
            int start = 0;
            int end = value.Length - 1;
            while (start <= end && (Char.IsWhiteSpace(value[start]) || value[start] == '\0'))
                start++;
            while (end >= start && (Char.IsWhiteSpace(value[end]) || value[end] == '\0'))
                end--;
            int length = end - start + 1;
            if (String.Compare(value, start, "True", 0, length, StringComparison.OrdinalIgnoreCase) == 0 && length == 4)
            {
                result = true;
                return true;
            }
            return String.Compare(value, start, "False", 0, length, StringComparison.OrdinalIgnoreCase) == 0 && length == 5;
        }

        internal static double ParseDouble(string s)
        {
            if (s == null)
                throw new ArgumentNullException("s");
            NumberBuffer number = new NumberBuffer();
            double result;
            if (!TryStringToNumber(s, number))
            {
                if (TryParseSymbol(s, out result))
                    return result;
                throw new FormatException(BadFormat);
            }
            if (!NumberBufferToDouble(number, out result))
                throw new OverflowException("Value was either too large or too small for a Double.");
            return result;
        }

        internal static bool TryParseDouble(string s, out double result)
        {
            result = 0;
            if (s == null)
                return false;
            NumberBuffer number = new NumberBuffer();
            if (TryStringToNumber(s, number) && NumberBufferToDouble(number, out result))
                return true;
            result = 0;
            return TryParseSymbol(s, out result);
        }

        internal static float ParseSingle(string s)
        {
            if (s == null)
                throw new ArgumentNullException("s");
            NumberBuffer number = new NumberBuffer();
            double result;
            if (!TryStringToNumber(s, number))
            {
                if (TryParseSymbol(s, out result))
                    return (float)result;
                throw new FormatException(BadFormat);
            }
            if (!NumberBufferToDouble(number, out result) || Single.IsInfinity((float)result))
                throw new OverflowException("Value was either too large or too small for a Single.");
            return (float)result;
        }

        internal static bool TryParseSingle(string s, out float result)
        {
            result = 0;
            if (s == null)
                return false;
            NumberBuffer number = new NumberBuffer();
            double value;
            if (TryStringToNumber(s, number) && NumberBufferToDouble(number, out value) && !Single.IsInfinity((float)value))
            {
                result = (float)value;
                return true;
            }
            if (!TryParseSymbol(s, out value))
                return false;
            result = (float)value;
            return true;
        }

        // "Infinity", "-Infinity" or "NaN", with white space
        // (Char.IsWhiteSpace) around.
        private static bool TryParseSymbol(string s, out double result)
        {
            string trimmed = s.Trim();
            if (trimmed == PositiveInfinitySymbol)
                result = Double.PositiveInfinity;
            else if (trimmed == NegativeInfinitySymbol)
                result = Double.NegativeInfinity;
            else if (trimmed == NaNSymbol)
                result = Double.NaN;
            else
            {
                result = 0;
                return false;
            }
            return true;
        }

        // The whole string as a number (NumberStyles.Float |
        // AllowThousands); false if it is malformed.
        private static bool TryStringToNumber(string s, NumberBuffer number)
        {
            int end;
            return ParseNumber(s, number, out end) && TrailingZeros(s, end);
        }

        private const int StateSign = 0x0001;
        private const int StateDigits = 0x0004;
        private const int StateNonZero = 0x0008;
        private const int StateDecimal = 0x0010;

        // Reads a number from the start of `s` into `number` (at most
        // MaxDigits significant digits; more only move the scale) and where
        // it ends; false if there is no number there.
        private static bool ParseNumber(string s, NumberBuffer number, out int end)
        {
            int length = s.Length;
            int p = 0;
            int state = 0;
            number.scale = 0;
            number.sign = false;
            char ch = p < length ? s[p] : '\0';

            // White space, then one sign; no white space after the sign.
            while (true)
            {
                if (!IsWhite(ch) || (state & StateSign) != 0)
                {
                    if ((state & StateSign) == 0 && (ch == '+' || ch == '-'))
                    {
                        state |= StateSign;
                        number.sign = ch == '-';
                    }
                    else
                    {
                        break;
                    }
                }
                ch = ++p < length ? s[p] : '\0';
            }

            // Digits, one decimal point, and ',' before the decimal point.
            int digitCount = 0;
            int digitEnd = 0;
            while (true)
            {
                if (IsAsciiDigit(ch))
                {
                    state |= StateDigits;
                    if (ch != '0' || (state & StateNonZero) != 0)
                    {
                        if (digitCount < NumberBuffer.MaxDigits)
                        {
                            number.digits[digitCount++] = ch;
                            if (ch != '0')
                                digitEnd = digitCount;
                        }
                        if ((state & StateDecimal) == 0)
                            number.scale++;
                        state |= StateNonZero;
                    }
                    else if ((state & StateDecimal) != 0)
                    {
                        number.scale--;
                    }
                }
                else if ((state & StateDecimal) == 0 && ch == '.')
                {
                    state |= StateDecimal;
                }
                else if ((state & StateDigits) != 0 && (state & StateDecimal) == 0 && ch == ',')
                {
                    // A group separator: skipped.
                }
                else
                {
                    break;
                }
                ch = ++p < length ? s[p] : '\0';
            }

            number.precision = digitEnd;
            number.digits[digitEnd] = '\0';
            if ((state & StateDigits) != 0)
            {
                if (ch == 'E' || ch == 'e')
                {
                    int beforeExponent = p;
                    ch = ++p < length ? s[p] : '\0';
                    bool negativeExponent = false;
                    if (ch == '+')
                    {
                        ch = ++p < length ? s[p] : '\0';
                    }
                    else if (ch == '-')
                    {
                        ch = ++p < length ? s[p] : '\0';
                        negativeExponent = true;
                    }
                    if (IsAsciiDigit(ch))
                    {
                        int exponent = 0;
                        do
                        {
                            exponent = exponent * 10 + (ch - '0');
                            ch = ++p < length ? s[p] : '\0';
                            if (exponent > 1000)
                            {
                                exponent = 9999;
                                while (IsAsciiDigit(ch))
                                    ch = ++p < length ? s[p] : '\0';
                            }
                        }
                        while (IsAsciiDigit(ch));
                        if (negativeExponent)
                            exponent = -exponent;
                        number.scale += exponent;
                    }
                    else
                    {
                        // Not an exponent after all: the number ends
                        // before the 'E'.
                        p = beforeExponent;
                        ch = p < length ? s[p] : '\0';
                    }
                }

                while (IsWhite(ch))
                    ch = ++p < length ? s[p] : '\0';

                if ((state & StateNonZero) == 0)
                {
                    number.scale = 0;
                    if ((state & StateDecimal) == 0)
                        number.sign = false;
                }
                end = p;
                return true;
            }
            end = p;
            return false;
        }

        // False if the number is too large for a double. (-0 parses as 0.)
        private static unsafe bool NumberBufferToDouble(NumberBuffer number, out double value)
        {
            double d = NumberToDouble(number);
            ulong bits = *(ulong*)&d;
            if (((bits >> 52) & 0x7FF) == 0x7FF)
            {
                value = 0;
                return false;
            }
            if ((bits & 0x7FFFFFFFFFFFFFFF) == 0)
                d = 0;
            value = d;
            return true;
        }

        // .NET Core 2's conversion of decimal digits to a double: up to 18
        // significant digits as a 64-bit integer, scaled by powers of ten
        // from two tables of 64-bit mantissas, then rounded to 53 bits.
        private static unsafe double NumberToDouble(NumberBuffer number)
        {
            char[] digits = number.digits;
            int total = number.DigitCount;
            int remaining = total;
            int src = 0;

            // Skip leading zeros.
            while (digits[src] == '0')
            {
                remaining--;
                src++;
            }
            if (remaining == 0)
                return 0;

            int count = Math.Min(remaining, 9);
            remaining -= count;
            ulong val = DigitsToInt(digits, src, count);
            if (remaining > 0)
            {
                count = Math.Min(remaining, 9);
                remaining -= count;
                // The denormalized power of 10.
                uint mult = (uint)(Power10Mantissa(count - 1) >> (64 - Power10Exponent(count - 1)));
                val = (ulong)(uint)val * mult + DigitsToInt(digits, src + 9, count);
            }

            int scale = number.scale - (total - remaining);
            int absscale = scale < 0 ? -scale : scale;
            if (absscale >= 22 * 16)
            {
                // Overflow or underflow.
                ulong result = scale > 0 ? 0x7FF0000000000000 : 0ul;
                if (number.sign)
                    result |= 0x8000000000000000;
                return *(double*)&result;
            }

            int exp = 64;

            // Normalize the mantissa.
            if ((val & 0xFFFFFFFF00000000) == 0)
            {
                val <<= 32;
                exp -= 32;
            }
            if ((val & 0xFFFF000000000000) == 0)
            {
                val <<= 16;
                exp -= 16;
            }
            if ((val & 0xFF00000000000000) == 0)
            {
                val <<= 8;
                exp -= 8;
            }
            if ((val & 0xF000000000000000) == 0)
            {
                val <<= 4;
                exp -= 4;
            }
            if ((val & 0xC000000000000000) == 0)
            {
                val <<= 2;
                exp -= 2;
            }
            if ((val & 0x8000000000000000) == 0)
            {
                val <<= 1;
                exp -= 1;
            }

            int index = absscale & 15;
            if (index != 0)
            {
                int multexp = Power10Exponent(index - 1);
                // The exponents are shared by 10^n and 10^-n.
                exp += scale < 0 ? -multexp + 1 : multexp;
                ulong multval = Power10Mantissa(index + (scale < 0 ? 15 : 0) - 1);
                val = Mul64Lossy(val, multval, ref exp);
            }

            index = absscale >> 4;
            if (index != 0)
            {
                int multexp = Power10By16Exponent(index - 1);
                exp += scale < 0 ? -multexp + 1 : multexp;
                ulong multval = Power10By16Mantissa(index + (scale < 0 ? 21 : 0) - 1);
                val = Mul64Lossy(val, multval, ref exp);
            }

            // Round (to even) and scale down to 53 bits.
            if (((int)val & (1 << 10)) != 0)
            {
                ulong tmp = val + ((1 << 10) - 1) + (ulong)(((int)val >> 11) & 1);
                if (tmp < val)
                {
                    // Overflow.
                    tmp = (tmp >> 1) | 0x8000000000000000;
                    exp += 1;
                }
                val = tmp;
            }

            // The biased exponent.
            exp += 0x3FE;

            if (exp <= 0)
            {
                if (exp == -52 && val >= 0x8000000000000058)
                {
                    // Epsilon > x >= 2.47032822920623273E-324 rounds up to
                    // Epsilon rather than down to zero.
                    val = 0x0000000000000001;
                }
                else if (exp <= -52)
                {
                    // Underflow.
                    val = 0;
                }
                else
                {
                    // A denormal.
                    val >>= (-exp + 11 + 1);
                }
            }
            else if (exp >= 0x7FF)
            {
                // Overflow.
                val = 0x7FF0000000000000;
            }
            else
            {
                val = ((ulong)exp << 52) + ((val >> 11) & 0x000FFFFFFFFFFFFF);
            }

            if (number.sign)
                val |= 0x8000000000000000;
            return *(double*)&val;
        }

        // The number formed by `count` (at most 9) digits from digits[start].
        private static uint DigitsToInt(char[] digits, int start, int count)
        {
            uint value = 0;
            for (int i = 0; i < count; i++)
                value = value * 10 + (uint)(digits[start + i] - '0');
            return value;
        }

        // The high 64 bits of a * b, normalized; it loses a bit or two of
        // precision, which the conversion tolerates.
        private static ulong Mul64Lossy(ulong a, ulong b, ref int exp)
        {
            ulong val = (a >> 32) * (b >> 32)
                + (((a >> 32) * (uint)b) >> 32)
                + (((uint)a * (b >> 32)) >> 32);
            if ((val & 0x8000000000000000) == 0)
            {
                val <<= 1;
                exp -= 1;
            }
            return val;
        }

        // 10^1 ... 10^15 (indexes 0-14) and 10^-1 ... 10^-15 (15-29), as
        // 64-bit mantissas with the top bit set.
        private static ulong Power10Mantissa(int index)
        {
            switch (index)
            {
                case 0: return 0xa000000000000000;
                case 1: return 0xc800000000000000;
                case 2: return 0xfa00000000000000;
                case 3: return 0x9c40000000000000;
                case 4: return 0xc350000000000000;
                case 5: return 0xf424000000000000;
                case 6: return 0x9896800000000000;
                case 7: return 0xbebc200000000000;
                case 8: return 0xee6b280000000000;
                case 9: return 0x9502f90000000000;
                case 10: return 0xba43b74000000000;
                case 11: return 0xe8d4a51000000000;
                case 12: return 0x9184e72a00000000;
                case 13: return 0xb5e620f480000000;
                case 14: return 0xe35fa931a0000000;
                case 15: return 0xcccccccccccccccd;
                case 16: return 0xa3d70a3d70a3d70b;
                case 17: return 0x83126e978d4fdf3c;
                case 18: return 0xd1b71758e219652e;
                case 19: return 0xa7c5ac471b478425;
                case 20: return 0x8637bd05af6c69b7;
                case 21: return 0xd6bf94d5e57a42be;
                case 22: return 0xabcc77118461ceff;
                case 23: return 0x89705f4136b4a599;
                case 24: return 0xdbe6fecebdedd5c2;
                case 25: return 0xafebff0bcb24ab02;
                case 26: return 0x8cbccc096f5088cf;
                case 27: return 0xe12e13424bb40e18;
                case 28: return 0xb424dc35095cd813;
                default: return 0x901d7cf73ab0acdc;
            }
        }

        // The binary exponents of 10^1 ... 10^15 (and, negated, of the
        // inverses).
        private static int Power10Exponent(int index)
        {
            switch (index)
            {
                case 0: return 4;
                case 1: return 7;
                case 2: return 10;
                case 3: return 14;
                case 4: return 17;
                case 5: return 20;
                case 6: return 24;
                case 7: return 27;
                case 8: return 30;
                case 9: return 34;
                case 10: return 37;
                case 11: return 40;
                case 12: return 44;
                case 13: return 47;
                default: return 50;
            }
        }

        // 10^16 ... 10^336 (indexes 0-20) and 10^-16 ... 10^-336 (21-41).
        private static ulong Power10By16Mantissa(int index)
        {
            switch (index)
            {
                case 0: return 0x8e1bc9bf04000000;
                case 1: return 0x9dc5ada82b70b59e;
                case 2: return 0xaf298d050e4395d6;
                case 3: return 0xc2781f49ffcfa6d4;
                case 4: return 0xd7e77a8f87daf7fa;
                case 5: return 0xefb3ab16c59b14a0;
                case 6: return 0x850fadc09923329c;
                case 7: return 0x93ba47c980e98cde;
                case 8: return 0xa402b9c5a8d3a6e6;
                case 9: return 0xb616a12b7fe617a8;
                case 10: return 0xca28a291859bbf90;
                case 11: return 0xe070f78d39275566;
                case 12: return 0xf92e0c3537826140;
                case 13: return 0x8a5296ffe33cc92c;
                case 14: return 0x9991a6f3d6bf1762;
                case 15: return 0xaa7eebfb9df9de8a;
                case 16: return 0xbd49d14aa79dbc7e;
                case 17: return 0xd226fc195c6a2f88;
                case 18: return 0xe950df20247c83f8;
                case 19: return 0x81842f29f2cce373;
                case 20: return 0x8fcac257558ee4e2;
                case 21: return 0xe69594bec44de160;
                case 22: return 0xcfb11ead453994c3;
                case 23: return 0xbb127c53b17ec165;
                case 24: return 0xa87fea27a539e9b3;
                case 25: return 0x97c560ba6b0919b5;
                case 26: return 0x88b402f7fd7553ab;
                case 27: return 0xf64335bcf065d3a0;
                case 28: return 0xddd0467c64bce4c4;
                case 29: return 0xc7caba6e7c5382ed;
                case 30: return 0xb3f4e093db73a0b7;
                case 31: return 0xa21727db38cb0053;
                case 32: return 0x91ff83775423cc29;
                case 33: return 0x8380dea93da4bc82;
                case 34: return 0xece53cec4a314f00;
                case 35: return 0xd5605fcdcf32e217;
                case 36: return 0xc0314325637a1978;
                case 37: return 0xad1c8eab5ee43ba2;
                case 38: return 0x9becce62836ac5b0;
                case 39: return 0x8c71dcd9ba0b495c;
                case 40: return 0xfd00b89747823938;
                default: return 0xe3e27a444d8d991a;
            }
        }

        private static int Power10By16Exponent(int index)
        {
            switch (index)
            {
                case 0: return 54;
                case 1: return 107;
                case 2: return 160;
                case 3: return 213;
                case 4: return 266;
                case 5: return 319;
                case 6: return 373;
                case 7: return 426;
                case 8: return 479;
                case 9: return 532;
                case 10: return 585;
                case 11: return 638;
                case 12: return 691;
                case 13: return 745;
                case 14: return 798;
                case 15: return 851;
                case 16: return 904;
                case 17: return 957;
                case 18: return 1010;
                case 19: return 1064;
                default: return 1117;
            }
        }
    }
}
