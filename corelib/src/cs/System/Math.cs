using System.Runtime.CompilerServices;

namespace System
{
    // Mathematical functions.
    //
    // The transcendental functions (and Floor, Ceiling, Truncate and
    // Round) are FCalls into Rust's f64 methods, which call the platform's
    // C math library as Mono does, so results agree bit for bit. The rest
    // is written here, following .NET (and Mono 6.8, which shares its
    // code): Abs of the minimum value of a signed type throws
    // OverflowException; Min and Max of doubles return NaN when the first
    // argument is NaN; Sign throws ArithmeticException for NaN.
    //
    // Known difference: Mono's JIT evaluates Math.Round of a constant at
    // compile time with C's round(), so `Math.Round(2.5)` prints 3 on Mono
    // although Math.Round rounds halves to even (2, as Osprey and Mono
    // print for a computed 2.5).
    //
    // This file is also compiled against Mono's mscorlib by
    // corelib/tests/managed_logic.rs (the class renamed, the FCalls
    // replaced by calls to Mono's Math), which checks it against Mono's
    // Math.
    public static partial class Math
    {
        public const double E = 2.7182818284590451;
        public const double PI = 3.1415926535897931;

        private const string AbsOverflow = "Negating the minimum value of a twos complement number is invalid.";
        private const string SignOfNaN = "Function does not accept floating point Not-a-Number values.";

        // The FCalls: each is the C library's function of the same name
        // (Ceiling is ceil; Log is log, the natural logarithm; Round rounds
        // halves to even).
        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern double Sqrt(double d);

        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern double Pow(double x, double y);

        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern double Exp(double d);

        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern double Log(double d);

        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern double Log10(double d);

        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern double Sin(double a);

        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern double Cos(double d);

        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern double Tan(double a);

        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern double Asin(double d);

        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern double Acos(double d);

        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern double Atan(double d);

        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern double Atan2(double y, double x);

        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern double Sinh(double value);

        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern double Cosh(double value);

        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern double Tanh(double value);

        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern double Floor(double d);

        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern double Ceiling(double a);

        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern double Truncate(double d);

        // The nearest integer; halves go to the even neighbour.
        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern double Round(double a);

        // The logarithm of `a` in base `newBase`.
        public static double Log(double a, double newBase)
        {
            if (Double.IsNaN(a))
                return a;
            if (Double.IsNaN(newBase))
                return newBase;
            if (newBase == 1)
                return Double.NaN;
            if (a != 1 && (newBase == 0 || Double.IsPositiveInfinity(newBase)))
                return Double.NaN;
            return Log(a) / Log(newBase);
        }

        // x - y * n, where n is x / y rounded to the nearest integer (to
        // the even one on a tie), as IEEE 754 defines the remainder.
        public static double IEEERemainder(double x, double y)
        {
            if (Double.IsNaN(x))
                return x;
            if (Double.IsNaN(y))
                return y;
            double regularMod = x % y;
            if (Double.IsNaN(regularMod))
                return Double.NaN;
            if (regularMod == 0 && Double.IsNegative(x))
                return -0.0;
            double alternativeResult = regularMod - (Abs(y) * Sign(x));
            if (Abs(alternativeResult) == Abs(regularMod))
            {
                double divisionResult = x / y;
                double roundedResult = Round(divisionResult);
                if (Abs(roundedResult) > Abs(divisionResult))
                    return alternativeResult;
                return regularMod;
            }
            if (Abs(alternativeResult) < Abs(regularMod))
                return alternativeResult;
            return regularMod;
        }

        // Rounding to a number of fractional digits (0-15), halves to even
        // or away from zero. As in .NET, the value is scaled by a power of
        // ten, rounded and scaled back, so a value like 2.675 (really
        // 2.67499999999999982236431605997495353221893310546875) rounds as
        // its double neighbour dictates.
        public static double Round(double value, int digits)
        {
            return Round(value, digits, MidpointRounding.ToEven);
        }

        public static double Round(double value, MidpointRounding mode)
        {
            return Round(value, 0, mode);
        }

        public static double Round(double value, int digits, MidpointRounding mode)
        {
            if (digits < 0 || digits > 15)
                throw new ArgumentOutOfRangeException("digits", "Rounding digits must be between 0 and 15, inclusive.");
            if (mode < MidpointRounding.ToEven || mode > MidpointRounding.AwayFromZero)
                throw new ArgumentException(String.Concat("The value '", Number.Int32ToDecStr((int)mode), "' is not valid for this usage of the type MidpointRounding."), "mode");
            if (Abs(value) < 1e16)
            {
                double power10 = PowerOfTen(digits);
                value *= power10;
                if (mode == MidpointRounding.AwayFromZero)
                {
                    double integral = Truncate(value);
                    double fraction = value - integral;
                    value = integral;
                    if (Abs(fraction) >= 0.5)
                        value += Sign(fraction);
                }
                else
                {
                    value = RoundAsMonoRuntime(value);
                }
                value /= power10;
            }
            return value;
        }

        // Rounds halves to even like Round(double), with the algorithm of
        // Mono's runtime function behind it, which Mono's own
        // Round(double, int, MidpointRounding) calls: it differs from
        // Round(double) for 0.49999999999999994, where x + 0.5 rounds up to
        // 1 (and so does the result).
        private static double RoundAsMonoRuntime(double x)
        {
            if (x == (double)(long)x)
                return x;
            double rounded = Floor(x + 0.5);
            if (x == Floor(x) + 0.5 && rounded % 2.0 != 0)
                rounded -= 1.0;
            return CopySign(rounded, x);
        }

        // `magnitude` with the sign of `sign`.
        private static unsafe double CopySign(double magnitude, double sign)
        {
            ulong bits = (*(ulong*)&magnitude & 0x7FFFFFFFFFFFFFFF) | (*(ulong*)&sign & 0x8000000000000000);
            return *(double*)&bits;
        }

        // 10^digits for 0 <= digits <= 15, exactly.
        private static double PowerOfTen(int digits)
        {
            double power = 1;
            for (int i = 0; i < digits; i++)
                power *= 10;
            return power;
        }

        [CLSCompliant(false)]
        public static sbyte Abs(sbyte value)
        {
            if (value < 0)
            {
                value = (sbyte)-value;
                if (value < 0)
                    throw new OverflowException(AbsOverflow);
            }
            return value;
        }

        public static short Abs(short value)
        {
            if (value < 0)
            {
                value = (short)-value;
                if (value < 0)
                    throw new OverflowException(AbsOverflow);
            }
            return value;
        }

        public static int Abs(int value)
        {
            if (value < 0)
            {
                value = -value;
                if (value < 0)
                    throw new OverflowException(AbsOverflow);
            }
            return value;
        }

        public static long Abs(long value)
        {
            if (value < 0)
            {
                value = -value;
                if (value < 0)
                    throw new OverflowException(AbsOverflow);
            }
            return value;
        }

        // The sign bit cleared: Abs(-0.0) is 0.0, Abs(-NaN) is NaN.
        public static unsafe double Abs(double value)
        {
            ulong bits = *(ulong*)&value & 0x7FFFFFFFFFFFFFFF;
            return *(double*)&bits;
        }

        public static unsafe float Abs(float value)
        {
            uint bits = *(uint*)&value & 0x7FFFFFFF;
            return *(float*)&bits;
        }

        [CLSCompliant(false)]
        public static int Sign(sbyte value)
        {
            return value < 0 ? -1 : value > 0 ? 1 : 0;
        }

        public static int Sign(short value)
        {
            return value < 0 ? -1 : value > 0 ? 1 : 0;
        }

        public static int Sign(int value)
        {
            return value < 0 ? -1 : value > 0 ? 1 : 0;
        }

        public static int Sign(long value)
        {
            return value < 0 ? -1 : value > 0 ? 1 : 0;
        }

        public static int Sign(double value)
        {
            if (value < 0)
                return -1;
            if (value > 0)
                return 1;
            if (value == 0)
                return 0;
            throw new ArithmeticException(SignOfNaN);
        }

        public static int Sign(float value)
        {
            if (value < 0)
                return -1;
            if (value > 0)
                return 1;
            if (value == 0)
                return 0;
            throw new ArithmeticException(SignOfNaN);
        }

        public static byte Max(byte val1, byte val2)
        {
            return val1 >= val2 ? val1 : val2;
        }

        [CLSCompliant(false)]
        public static sbyte Max(sbyte val1, sbyte val2)
        {
            return val1 >= val2 ? val1 : val2;
        }

        public static short Max(short val1, short val2)
        {
            return val1 >= val2 ? val1 : val2;
        }

        [CLSCompliant(false)]
        public static ushort Max(ushort val1, ushort val2)
        {
            return val1 >= val2 ? val1 : val2;
        }

        public static int Max(int val1, int val2)
        {
            return val1 >= val2 ? val1 : val2;
        }

        [CLSCompliant(false)]
        public static uint Max(uint val1, uint val2)
        {
            return val1 >= val2 ? val1 : val2;
        }

        public static long Max(long val1, long val2)
        {
            return val1 >= val2 ? val1 : val2;
        }

        [CLSCompliant(false)]
        public static ulong Max(ulong val1, ulong val2)
        {
            return val1 >= val2 ? val1 : val2;
        }

        // val1 if it is greater or NaN, else val2.
        public static double Max(double val1, double val2)
        {
            if (val1 > val2)
                return val1;
            if (Double.IsNaN(val1))
                return val1;
            return val2;
        }

        public static float Max(float val1, float val2)
        {
            if (val1 > val2)
                return val1;
            if (Single.IsNaN(val1))
                return val1;
            return val2;
        }

        public static byte Min(byte val1, byte val2)
        {
            return val1 <= val2 ? val1 : val2;
        }

        [CLSCompliant(false)]
        public static sbyte Min(sbyte val1, sbyte val2)
        {
            return val1 <= val2 ? val1 : val2;
        }

        public static short Min(short val1, short val2)
        {
            return val1 <= val2 ? val1 : val2;
        }

        [CLSCompliant(false)]
        public static ushort Min(ushort val1, ushort val2)
        {
            return val1 <= val2 ? val1 : val2;
        }

        public static int Min(int val1, int val2)
        {
            return val1 <= val2 ? val1 : val2;
        }

        [CLSCompliant(false)]
        public static uint Min(uint val1, uint val2)
        {
            return val1 <= val2 ? val1 : val2;
        }

        public static long Min(long val1, long val2)
        {
            return val1 <= val2 ? val1 : val2;
        }

        [CLSCompliant(false)]
        public static ulong Min(ulong val1, ulong val2)
        {
            return val1 <= val2 ? val1 : val2;
        }

        // val1 if it is smaller or NaN, else val2.
        public static double Min(double val1, double val2)
        {
            if (val1 < val2)
                return val1;
            if (Double.IsNaN(val1))
                return val1;
            return val2;
        }

        public static float Min(float val1, float val2)
        {
            if (val1 < val2)
                return val1;
            if (Single.IsNaN(val1))
                return val1;
            return val2;
        }

        public static long BigMul(int a, int b)
        {
            return (long)a * b;
        }

        public static int DivRem(int a, int b, out int result)
        {
            int div = a / b;
            result = a - div * b;
            return div;
        }

        public static long DivRem(long a, long b, out long result)
        {
            long div = a / b;
            result = a - div * b;
            return div;
        }
    }
}
