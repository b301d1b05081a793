using System.Runtime.CompilerServices;

namespace System
{
    // The rest of Math: the inverse hyperbolic functions and the cube root
    // (FCalls to the C library, like Math.cs's), decimal overloads, Clamp.
    // (Math.cs is shared with corelib/tests/managed_logic.rs; this part is
    // tested by samples.)
    public static partial class Math
    {
        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern double Asinh(double d);

        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern double Acosh(double d);

        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern double Atanh(double d);

        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern double Cbrt(double d);

        public static decimal Abs(decimal value)
        {
            return value < 0 ? -value : value;
        }

        public static int Sign(decimal value)
        {
            return value < 0 ? -1 : value > 0 ? 1 : 0;
        }

        public static decimal Max(decimal val1, decimal val2)
        {
            return val1 >= val2 ? val1 : val2;
        }

        public static decimal Min(decimal val1, decimal val2)
        {
            return val1 <= val2 ? val1 : val2;
        }

        public static decimal Round(decimal d)
        {
            return Decimal.Round(d);
        }

        public static decimal Round(decimal d, int decimals)
        {
            return Decimal.Round(d, decimals);
        }

        public static decimal Round(decimal d, MidpointRounding mode)
        {
            return Decimal.Round(d, mode);
        }

        public static decimal Round(decimal d, int decimals, MidpointRounding mode)
        {
            return Decimal.Round(d, decimals, mode);
        }

        public static decimal Floor(decimal d)
        {
            return Decimal.Floor(d);
        }

        public static decimal Ceiling(decimal d)
        {
            return Decimal.Ceiling(d);
        }

        public static decimal Truncate(decimal d)
        {
            return Decimal.Truncate(d);
        }

        // The bounds must be in order (ArgumentException otherwise, with
        // .NET's message).
        private static ArgumentException ClampOrder(object min, object max)
        {
            return new ArgumentException(String.Concat("'", min.ToString(), "' cannot be greater than ", max.ToString(), "."));
        }

        public static byte Clamp(byte value, byte min, byte max)
        {
            if (min > max)
                throw ClampOrder(min, max);
            if (value < min)
                return min;
            if (value > max)
                return max;
            return value;
        }

        [CLSCompliant(false)]
        public static sbyte Clamp(sbyte value, sbyte min, sbyte max)
        {
            if (min > max)
                throw ClampOrder(min, max);
            if (value < min)
                return min;
            if (value > max)
                return max;
            return value;
        }

        public static short Clamp(short value, short min, short max)
        {
            if (min > max)
                throw ClampOrder(min, max);
            if (value < min)
                return min;
            if (value > max)
                return max;
            return value;
        }

        [CLSCompliant(false)]
        public static ushort Clamp(ushort value, ushort min, ushort max)
        {
            if (min > max)
                throw ClampOrder(min, max);
            if (value < min)
                return min;
            if (value > max)
                return max;
            return value;
        }

        public static int Clamp(int value, int min, int max)
        {
            if (min > max)
                throw ClampOrder(min, max);
            if (value < min)
                return min;
            if (value > max)
                return max;
            return value;
        }

        [CLSCompliant(false)]
        public static uint Clamp(uint value, uint min, uint max)
        {
            if (min > max)
                throw ClampOrder(min, max);
            if (value < min)
                return min;
            if (value > max)
                return max;
            return value;
        }

        public static long Clamp(long value, long min, long max)
        {
            if (min > max)
                throw ClampOrder(min, max);
            if (value < min)
                return min;
            if (value > max)
                return max;
            return value;
        }

        [CLSCompliant(false)]
        public static ulong Clamp(ulong value, ulong min, ulong max)
        {
            if (min > max)
                throw ClampOrder(min, max);
            if (value < min)
                return min;
            if (value > max)
                return max;
            return value;
        }

        public static float Clamp(float value, float min, float max)
        {
            if (min > max)
                throw ClampOrder(min, max);
            if (value < min)
                return min;
            if (value > max)
                return max;
            return value;
        }

        public static double Clamp(double value, double min, double max)
        {
            if (min > max)
                throw ClampOrder(min, max);
            if (value < min)
                return min;
            if (value > max)
                return max;
            return value;
        }

        public static decimal Clamp(decimal value, decimal min, decimal max)
        {
            if (min > max)
                throw ClampOrder(min, max);
            if (value < min)
                return min;
            if (value > max)
                return max;
            return value;
        }
    }
}
