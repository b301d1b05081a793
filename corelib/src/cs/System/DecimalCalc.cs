namespace System
{
    // Decimal arithmetic on magnitudes held as little-endian arrays of
    // 32-bit words, wide enough for every intermediate result (a 96-bit
    // value times 10^56 in a division), so each operation is computed
    // exactly and rounded once.
    internal static class DecimalCalc
    {
        internal const int RoundToEven = 0;
        internal const int RoundAwayFromZero = 1;
        internal const int RoundTruncate = 2;
        internal const int RoundFloor = 3;
        internal const int RoundCeiling = 4;

        private const int Words = 12;

        private static readonly uint[] s_powers10 = { 1, 10, 100, 1000, 10000, 100000, 1000000, 10000000, 100000000, 1000000000 };

        private static readonly double[] s_doublePowers10 =
        {
            1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
            1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22, 1e23, 1e24, 1e25, 1e26, 1e27, 1e28,
        };

        internal static decimal FromDouble(double value, int precision)
        {
            return Number.DoubleToDecimal(value, precision);
        }

        internal static double DoublePowerOf10(int scale)
        {
            return s_doublePowers10[scale];
        }

        private static uint[] Magnitude(decimal d)
        {
            uint[] a = new uint[Words];
            a[0] = d.Lo;
            a[1] = d.Mid;
            a[2] = d.Hi;
            return a;
        }

        private static bool IsZero(uint[] a)
        {
            for (int i = 0; i < a.Length; i++)
            {
                if (a[i] != 0)
                    return false;
            }
            return true;
        }

        private static bool Fits96(uint[] a)
        {
            for (int i = 3; i < a.Length; i++)
            {
                if (a[i] != 0)
                    return false;
            }
            return true;
        }

        private static void MulSmall(uint[] a, uint m)
        {
            ulong carry = 0;
            for (int i = 0; i < a.Length; i++)
            {
                ulong p = (ulong)a[i] * m + carry;
                a[i] = (uint)p;
                carry = p >> 32;
            }
        }

        private static void MulPow10(uint[] a, int k)
        {
            while (k >= 9)
            {
                MulSmall(a, 1000000000);
                k -= 9;
            }
            if (k > 0)
                MulSmall(a, s_powers10[k]);
        }

        // a /= d; the remainder.
        private static uint DivSmall(uint[] a, uint d)
        {
            ulong rem = 0;
            for (int i = a.Length - 1; i >= 0; i--)
            {
                ulong cur = (rem << 32) | a[i];
                a[i] = (uint)(cur / d);
                rem = cur % d;
            }
            return (uint)rem;
        }

        private static void AddTo(uint[] a, uint[] b)
        {
            ulong carry = 0;
            for (int i = 0; i < a.Length; i++)
            {
                ulong s = (ulong)a[i] + b[i] + carry;
                a[i] = (uint)s;
                carry = s >> 32;
            }
        }

        // a -= b (a >= b).
        private static void SubFrom(uint[] a, uint[] b)
        {
            long borrow = 0;
            for (int i = 0; i < a.Length; i++)
            {
                long d = (long)a[i] - b[i] - borrow;
                if (d < 0)
                {
                    d += 0x100000000L;
                    borrow = 1;
                }
                else
                {
                    borrow = 0;
                }
                a[i] = (uint)d;
            }
        }

        private static int Cmp(uint[] a, uint[] b)
        {
            for (int i = a.Length - 1; i >= 0; i--)
            {
                if (a[i] != b[i])
                    return a[i] > b[i] ? 1 : -1;
            }
            return 0;
        }

        private static void AddSmall(uint[] a, uint value)
        {
            ulong carry = value;
            for (int i = 0; i < a.Length && carry != 0; i++)
            {
                ulong sum = a[i] + carry;
                a[i] = (uint)sum;
                carry = sum >> 32;
            }
        }

        private static void Increment(uint[] a)
        {
            for (int i = 0; i < a.Length; i++)
            {
                if (++a[i] != 0)
                    return;
            }
        }

        private static uint[] Copy(uint[] a)
        {
            uint[] c = new uint[a.Length];
            Array.Copy(a, c, a.Length);
            return c;
        }

        private static void ShiftLeft1(uint[] a)
        {
            uint carry = 0;
            for (int i = 0; i < a.Length; i++)
            {
                uint next = a[i] >> 31;
                a[i] = (a[i] << 1) | carry;
                carry = next;
            }
        }

        private static int BitLength(uint[] a)
        {
            for (int i = a.Length - 1; i >= 0; i--)
            {
                if (a[i] != 0)
                {
                    int bits = 32;
                    uint w = a[i];
                    while ((w & 0x80000000u) == 0)
                    {
                        w <<= 1;
                        bits--;
                    }
                    return i * 32 + bits;
                }
            }
            return 0;
        }

        // q = a / b, r = a % b (b != 0).
        private static void DivRem(uint[] a, uint[] b, out uint[] q, out uint[] r)
        {
            q = new uint[a.Length];
            r = new uint[a.Length];
            if (BitLength(b) <= 32)
            {
                q = Copy(a);
                r[0] = DivSmall(q, b[0]);
                return;
            }
            for (int bit = BitLength(a) - 1; bit >= 0; bit--)
            {
                ShiftLeft1(r);
                r[0] |= (a[bit >> 5] >> (bit & 31)) & 1;
                if (Cmp(r, b) >= 0)
                {
                    SubFrom(r, b);
                    q[bit >> 5] |= 1u << (bit & 31);
                }
            }
        }

        // a / 10^k, rounded by `mode` for a value of sign `negative`.
        private static uint[] DivPow10Round(uint[] a, int k, int mode, bool negative)
        {
            uint[] q = Copy(a);
            if (k == 0)
                return q;
            bool sticky = false;
            int rest = k - 1;
            while (rest >= 9)
            {
                if (DivSmall(q, 1000000000) != 0)
                    sticky = true;
                rest -= 9;
            }
            if (rest > 0 && DivSmall(q, s_powers10[rest]) != 0)
                sticky = true;
            uint digit = DivSmall(q, 10);
            bool up;
            switch (mode)
            {
                case RoundToEven:
                    up = digit > 5 || (digit == 5 && (sticky || (q[0] & 1) != 0));
                    break;
                case RoundAwayFromZero:
                    up = digit >= 5;
                    break;
                case RoundFloor:
                    up = negative && (digit != 0 || sticky);
                    break;
                case RoundCeiling:
                    up = !negative && (digit != 0 || sticky);
                    break;
                default:
                    up = false;
                    break;
            }
            if (up)
                Increment(q);
            return q;
        }

        private static decimal Make(uint[] a, int scale, bool negative)
        {
            return new decimal(a[0], a[1], a[2], scale, negative);
        }

        // `a` at `scale`, made to fit: digits dropped from the right (rounded
        // half to even) until it fits in 96 bits with a scale of at most 28.
        private static decimal Normalize(uint[] a, int scale, bool negative)
        {
            int drop = scale > Decimal.MaxScale ? scale - Decimal.MaxScale : 0;
            int bits = BitLength(a);
            if (bits > 96)
            {
                int estimate = (int)((bits - 97) * 0.30102999566398120);
                if (estimate > drop)
                    drop = estimate;
            }
            while (true)
            {
                if (drop > scale)
                    throw new OverflowException(Decimal.OverflowMessage);
                uint[] q = DivPow10Round(a, drop, RoundToEven, negative);
                if (Fits96(q))
                    return Make(q, scale - drop, negative);
                drop++;
            }
        }

        internal static decimal Add(decimal d1, decimal d2, bool subtract)
        {
            int s1 = d1.Scale;
            int s2 = d2.Scale;
            int scale = s1 > s2 ? s1 : s2;
            uint[] a = Magnitude(d1);
            uint[] b = Magnitude(d2);
            MulPow10(a, scale - s1);
            MulPow10(b, scale - s2);
            bool n1 = d1.IsNegative;
            bool n2 = d2.IsNegative != subtract;
            if (n1 == n2)
            {
                AddTo(a, b);
                return Normalize(a, scale, n1);
            }
            int c = Cmp(a, b);
            if (c >= 0)
            {
                SubFrom(a, b);
                return Normalize(a, scale, c == 0 ? false : n1);
            }
            SubFrom(b, a);
            return Normalize(b, scale, n2);
        }

        internal static decimal Multiply(decimal d1, decimal d2)
        {
            uint[] a = Magnitude(d1);
            uint[] r = new uint[Words];
            uint[] bw = { d2.Lo, d2.Mid, d2.Hi };
            for (int j = 0; j < 3; j++)
            {
                if (bw[j] == 0)
                    continue;
                ulong carry = 0;
                for (int i = 0; i + j < Words; i++)
                {
                    ulong p = (ulong)a[i] * bw[j] + r[i + j] + carry;
                    r[i + j] = (uint)p;
                    carry = p >> 32;
                }
            }
            bool negative = d1.IsNegative != d2.IsNegative;
            int scale = d1.Scale + d2.Scale;
            if (IsZero(r))
            {
                // As CoreCLR: a zero product of two 32-bit mantissas keeps
                // its sign and scale; any other zero product is plain 0.
                bool small = (d1.Hi | d1.Mid) == 0 && (d2.Hi | d2.Mid) == 0;
                if (!small || scale > Decimal.MaxScale)
                    return Make(r, 0, false);
                return Make(r, scale, negative);
            }
            // Two 32-bit mantissas whose product needs more than 19 digits
            // removed are zero (CoreCLR's early exit).
            if ((d1.Hi | d1.Mid) == 0 && (d2.Hi | d2.Mid) == 0 && scale > Decimal.MaxScale + 19)
                return Make(new uint[Words], 0, false);
            return Normalize(r, scale, negative);
        }

        internal static decimal Divide(decimal d1, decimal d2)
        {
            if (d2.IsZero)
                throw new DivideByZeroException("Attempted to divide by zero.");
            bool negative = d1.IsNegative != d2.IsNegative;
            int curScale = d1.Scale - d2.Scale;
            uint[] b = Magnitude(d2);
            uint[] q, r;
            // Exact at the operands' scales?
            int minK = curScale < 0 ? -curScale : 0;
            uint[] a = Magnitude(d1);
            MulPow10(a, minK);
            DivRem(a, b, out q, out r);
            if (IsZero(r))
            {
                if (!Fits96(q))
                    throw new OverflowException(Decimal.OverflowMessage);
                return Make(q, curScale + minK, negative);
            }
            // As many digits as fit.
            int k = Decimal.MaxScale - curScale;
            while (true)
            {
                if (k < minK)
                    throw new OverflowException(Decimal.OverflowMessage);
                a = Magnitude(d1);
                MulPow10(a, k);
                DivRem(a, b, out q, out r);
                if (Fits96(q))
                {
                    // Round half to even with the remainder.
                    ShiftLeft1(r);
                    int c = Cmp(r, b);
                    if (c > 0 || (c == 0 && (q[0] & 1) != 0))
                        Increment(q);
                    if (Fits96(q))
                        break;
                }
                k--;
            }
            int scale = curScale + k;
            // A quotient too small for any scale is plain 0 (CoreCLR).
            if (IsZero(q))
                return Make(q, 0, false);
            // Drop the trailing zeros the extra digits brought.
            while (scale > 0 && scale > curScale)
            {
                uint[] t = Copy(q);
                if (DivSmall(t, 10) != 0)
                    break;
                q = t;
                scale--;
            }
            return Make(q, scale, negative);
        }

        internal static decimal Remainder(decimal d1, decimal d2)
        {
            if (d2.IsZero)
                throw new DivideByZeroException("Attempted to divide by zero.");
            // As CoreCLR: a zero dividend, or one smaller in magnitude than
            // the divisor, is the result as it is; equal magnitudes give
            // zero at the larger scale; otherwise the remainder at the
            // larger scale, with the dividend's sign.
            if (d1.IsZero)
                return d1;
            int c = Compare(Abs(d1), Abs(d2));
            if (c < 0)
                return d1;
            int s1 = d1.Scale;
            int s2 = d2.Scale;
            int scale = s1 > s2 ? s1 : s2;
            if (c == 0)
                return new decimal(0, 0, 0, scale, d1.IsNegative);
            uint[] a = Magnitude(d1);
            uint[] b = Magnitude(d2);
            MulPow10(a, scale - s1);
            MulPow10(b, scale - s2);
            uint[] q, r;
            DivRem(a, b, out q, out r);
            return Normalize(r, scale, d1.IsNegative);
        }

        private static decimal Abs(decimal d)
        {
            return new decimal(d.Lo, d.Mid, d.Hi, d.Scale, false);
        }

        internal static int Compare(decimal d1, decimal d2)
        {
            bool z1 = d1.IsZero;
            bool z2 = d2.IsZero;
            if (z1 && z2)
                return 0;
            bool n1 = d1.IsNegative && !z1;
            bool n2 = d2.IsNegative && !z2;
            if (n1 != n2)
                return n1 ? -1 : 1;
            int s1 = d1.Scale;
            int s2 = d2.Scale;
            int scale = s1 > s2 ? s1 : s2;
            uint[] a = Magnitude(d1);
            uint[] b = Magnitude(d2);
            MulPow10(a, scale - s1);
            MulPow10(b, scale - s2);
            int c = Cmp(a, b);
            return n1 ? -c : c;
        }

        // `d` with at most `decimals` digits after the point, rounded by
        // `mode`; a smaller scale is kept as it is.
        internal static decimal Round(decimal d, int decimals, int mode)
        {
            int scale = d.Scale;
            if (scale <= decimals)
                return d;
            uint[] q = DivPow10Round(Magnitude(d), scale - decimals, mode, d.IsNegative);
            return Make(q, decimals, d.IsNegative);
        }

        // `digits` (the significant digits, '0'-'9') times 10^(exponent -
        // digits.Length): rounded to fit (half to even; `sticky` says
        // nonzero digits were cut off after them).
        internal static decimal FromDigits(char[] digits, int count, int exponent, bool negative, bool sticky, out bool overflow)
        {
            overflow = false;
            uint[] a = new uint[Words];
            int scale = count - exponent;
            // More digits than a decimal can hold are cut here, keeping a
            // sticky bit, so the magnitude stays small.
            int keep = count;
            if (keep > 40)
            {
                for (int i = 40; i < count; i++)
                {
                    if (digits[i] != '0')
                        sticky = true;
                }
                scale -= count - 40;
                keep = 40;
            }
            for (int i = 0; i < keep; i++)
            {
                MulSmall(a, 10);
                AddSmall(a, (uint)(digits[i] - '0'));
            }
            if (scale < 0)
            {
                if (-scale > 30)
                {
                    overflow = !IsZero(a);
                    return decimal.Zero;
                }
                MulPow10(a, -scale);
                scale = 0;
            }
            // A sticky tail only matters for an exact half: make it a hair
            // more than half by appending a 1.
            if (sticky)
            {
                MulSmall(a, 10);
                AddSmall(a, 1);
                scale++;
            }
            // Far too small for any scale: zero at the largest scale.
            if (scale > Decimal.MaxScale + 30)
                return new decimal(0, 0, 0, Decimal.MaxScale, false);
            try
            {
                return Normalize(a, scale, negative);
            }
            catch (OverflowException)
            {
                overflow = true;
                return decimal.Zero;
            }
        }
    }
}
