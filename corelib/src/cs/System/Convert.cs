namespace System
{
    // Conversions between the base types (a small part of .NET's Convert).
    // Unlike a cast, converting a floating-point number to an integer
    // rounds to the nearest integer (halves to even) and throws
    // OverflowException when the result does not fit; converting a null
    // string gives 0.
    //
    // This file is also compiled against Mono's mscorlib by
    // corelib/tests/managed_logic.rs (the class renamed) and checked
    // against Mono's Convert.
    public static partial class Convert
    {
        public static int ToInt32(double value)
        {
            if (value >= 0)
            {
                if (value < 2147483647.5)
                {
                    int result = (int)value;
                    double dif = value - result;
                    if (dif > 0.5 || (dif == 0.5 && (result & 1) != 0))
                        result++;
                    return result;
                }
            }
            else
            {
                if (value >= -2147483648.5)
                {
                    int result = (int)value;
                    double dif = value - result;
                    if (dif < -0.5 || (dif == -0.5 && (result & 1) != 0))
                        result--;
                    return result;
                }
            }
            throw new OverflowException("Value was either too large or too small for an Int32.");
        }

        public static int ToInt32(float value)
        {
            return ToInt32((double)value);
        }

        public static int ToInt32(long value)
        {
            if (value < int.MinValue || value > int.MaxValue)
                throw new OverflowException("Value was either too large or too small for an Int32.");
            return (int)value;
        }

        public static int ToInt32(bool value)
        {
            return value ? 1 : 0;
        }

        public static int ToInt32(char value)
        {
            return value;
        }

        public static int ToInt32(int value)
        {
            return value;
        }

        // int.Parse, except that null gives 0.
        public static int ToInt32(string value)
        {
            if (value == null)
                return 0;
            return Int32.Parse(value);
        }

        // Math.Round(value), checked (as Mono computes it).
        public static long ToInt64(double value)
        {
            double rounded = Math.Round(value);
            if (!(rounded >= -9223372036854775808.0 && rounded < 9223372036854775808.0))
                throw new OverflowException();
            return (long)rounded;
        }

        public static long ToInt64(int value)
        {
            return value;
        }

        public static long ToInt64(string value)
        {
            if (value == null)
                return 0;
            return Int64.Parse(value);
        }

        public static double ToDouble(int value)
        {
            return value;
        }

        public static double ToDouble(long value)
        {
            return value;
        }

        public static double ToDouble(string value)
        {
            if (value == null)
                return 0;
            return Double.Parse(value);
        }

        public static bool ToBoolean(string value)
        {
            if (value == null)
                return false;
            return Boolean.Parse(value);
        }

        public static bool ToBoolean(int value)
        {
            return value != 0;
        }

        public static char ToChar(int value)
        {
            if (value < 0 || value > 0xFFFF)
                throw new OverflowException("Value was either too large or too small for a character.");
            return (char)value;
        }

        public static string ToString(int value)
        {
            return Number.Int32ToDecStr(value);
        }

        public static string ToString(long value)
        {
            return Number.Int64ToDecStr(value);
        }

        public static string ToString(double value)
        {
            return Number.FormatDouble(value, null);
        }

        public static string ToString(bool value)
        {
            return Number.BooleanToString(value);
        }

        public static string ToString(char value)
        {
            return Number.CharToString(value);
        }

        // value.ToString(), "" for null.
        public static string ToString(object value)
        {
            if (value == null)
                return String.Empty;
            IFormattable formattable = value as IFormattable;
            if (formattable != null)
                return formattable.ToString(null, null);
            string s = value.ToString();
            return s ?? String.Empty;
        }

        // The digits of `value` in base 2, 8, 10 or 16 (lower-case hex).
        // Bases other than 10 show the two's complement bits of negative
        // numbers: ToString(-1, 16) is "ffffffff".
        public static string ToString(int value, int toBase)
        {
            CheckBase(toBase);
            if (toBase == 10)
                return Number.Int32ToDecStr(value);
            return ToBaseString((uint)value, toBase);
        }

        public static string ToString(long value, int toBase)
        {
            CheckBase(toBase);
            if (toBase == 10)
                return Number.Int64ToDecStr(value);
            return ToBaseString((ulong)value, toBase);
        }

        private static void CheckBase(int toBase)
        {
            if (toBase != 2 && toBase != 8 && toBase != 10 && toBase != 16)
                throw new ArgumentException("Invalid Base.");
        }

        private static string ToBaseString(ulong value, int toBase)
        {
            char[] buffer = new char[64];
            int position = buffer.Length;
            do
            {
                int digit = (int)(value % (ulong)toBase);
                buffer[--position] = (char)(digit < 10 ? '0' + digit : 'a' + digit - 10);
                value /= (ulong)toBase;
            }
            while (value != 0);
            return String.CopyChars(buffer, position, buffer.Length - position);
        }
    }
}
