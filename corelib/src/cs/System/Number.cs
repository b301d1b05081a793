namespace System
{
    // Formatting of the primitive types, in managed code: here the plain
    // decimal forms that ToString() prints; Number.Formatting.cs has the
    // format strings ("X8", "F2", ...) and the floating-point types, and
    // Number.Parsing.cs the Parse methods.
    //
    // Restricted path: everything here is used by the first runtime slice
    // (Console.Write/WriteLine and the primitives' ToString()), so it uses
    // only static calls, locals and arguments, integer arithmetic,
    // comparisons and branches, conversions, `fixed` over strings, char
    // pointer writes and the String.FastAllocateString FCall: no newobj,
    // newarr, boxing, virtual calls, exception handling, throw, generics,
    // static fields, stackalloc or string literals.
    //
    // This file is also compiled against Mono's mscorlib by
    // corelib/tests/managed_logic.rs and checked against Mono's own
    // ToString() output, with `string.FastAllocateString(` redirected to a
    // host allocator; allocate only through that spelling.
    internal static partial class Number
    {
        // Decimal digits, '-' for negatives ("-2147483648" for MinValue),
        // as int.ToString() prints with the invariant culture.
        internal static string Int32ToDecStr(int value)
        {
            if (value >= 0)
                return FormatUInt32((uint)value, false);
            // 0 - (uint)value is the magnitude, MinValue included.
            return FormatUInt32(0u - (uint)value, true);
        }

        internal static string UInt32ToDecStr(uint value)
        {
            return FormatUInt32(value, false);
        }

        internal static string Int64ToDecStr(long value)
        {
            if (value >= 0)
                return FormatUInt64((ulong)value, false);
            return FormatUInt64(0ul - (ulong)value, true);
        }

        internal static string UInt64ToDecStr(ulong value)
        {
            return FormatUInt64(value, false);
        }

        // "True" or "False".
        internal static unsafe string BooleanToString(bool value)
        {
            if (value)
            {
                string t = string.FastAllocateString(4);
                fixed (char* p = t)
                {
                    p[0] = 'T';
                    p[1] = 'r';
                    p[2] = 'u';
                    p[3] = 'e';
                }
                return t;
            }
            string f = string.FastAllocateString(5);
            fixed (char* p = f)
            {
                p[0] = 'F';
                p[1] = 'a';
                p[2] = 'l';
                p[3] = 's';
                p[4] = 'e';
            }
            return f;
        }

        // A one-character string.
        internal static unsafe string CharToString(char value)
        {
            string s = string.FastAllocateString(1);
            fixed (char* p = s)
                p[0] = value;
            return s;
        }

        private static unsafe string FormatUInt32(uint value, bool negative)
        {
            int digits = CountDigits(value);
            int length = negative ? digits + 1 : digits;
            string result = string.FastAllocateString(length);
            fixed (char* start = result)
            {
                char* p = start + length;
                do
                {
                    uint quotient = value / 10;
                    --p;
                    *p = (char)(value - quotient * 10 + '0');
                    value = quotient;
                }
                while (value != 0);
                if (negative)
                    start[0] = '-';
            }
            return result;
        }

        private static unsafe string FormatUInt64(ulong value, bool negative)
        {
            // 32-bit division is cheaper: use it once the value fits.
            if (value <= 0xFFFFFFFF)
                return FormatUInt32((uint)value, negative);

            int digits = CountDigits(value);
            int length = negative ? digits + 1 : digits;
            string result = string.FastAllocateString(length);
            fixed (char* start = result)
            {
                char* p = start + length;
                do
                {
                    ulong quotient = value / 10;
                    --p;
                    *p = (char)(value - quotient * 10 + '0');
                    value = quotient;
                }
                while (value != 0);
                if (negative)
                    start[0] = '-';
            }
            return result;
        }

        private static int CountDigits(uint value)
        {
            int digits = 1;
            while (value >= 10)
            {
                value = value / 10;
                digits++;
            }
            return digits;
        }

        private static int CountDigits(ulong value)
        {
            int digits = 1;
            while (value >= 10)
            {
                value = value / 10;
                digits++;
            }
            return digits;
        }
    }
}
