// System.Math: the transcendental functions, rounding in every mode,
// Abs/Sign/Min/Max of every type (with the NaN rules), IEEERemainder,
// BigMul and DivRem. Values come from arrays so that no call has constant
// arguments (Mono's JIT folds Math.Round of a constant with C's round(),
// which rounds halves away from zero).
using System;

class Program
{
    static int Main()
    {
        double[] xs = { 0, 0.5, 1, 2, -1.5, 3.7, 10, 100, 1e-3, 0.25 };
        foreach (double x in xs)
        {
            Console.WriteLine("x=" + x + " Sqrt=" + Math.Sqrt(x) + " Exp=" + Math.Exp(x) + " Log=" + Math.Log(x) + " Log10=" + Math.Log10(x)
                + " Log2=" + Math.Log(x, 2));
            Console.WriteLine("  Sin=" + Math.Sin(x) + " Cos=" + Math.Cos(x) + " Tan=" + Math.Tan(x) + " Atan=" + Math.Atan(x)
                + " Sinh=" + Math.Sinh(x) + " Cosh=" + Math.Cosh(x) + " Tanh=" + Math.Tanh(x));
            Console.WriteLine("  Asin=" + Math.Asin(x) + " Acos=" + Math.Acos(x) + " Atan2(x, 2)=" + Math.Atan2(x, 2) + " Pow(x, 3)=" + Math.Pow(x, 3)
                + " Pow(2, x)=" + Math.Pow(2, x));
        }
        Console.WriteLine("PI=" + Math.PI + " E=" + Math.E);

        double[] rounding = { 0.5, 1.5, 2.5, -0.5, -1.5, -2.5, 2.4, 2.6, -2.6, 1.005, 2.675, 0.125, 123.456789 };
        foreach (double x in rounding)
        {
            Console.WriteLine("x=" + x + " Floor=" + Math.Floor(x) + " Ceiling=" + Math.Ceiling(x) + " Truncate=" + Math.Truncate(x)
                + " Round=" + Math.Round(x) + " Away=" + Math.Round(x, MidpointRounding.AwayFromZero)
                + " Round(x, 2)=" + Math.Round(x, 2) + " Round(x, 2, Away)=" + Math.Round(x, 2, MidpointRounding.AwayFromZero)
                + " Round(x, 1)=" + Math.Round(x, 1));
        }

        int[] ints = { 0, 5, -5, int.MaxValue, int.MinValue + 1 };
        foreach (int i in ints)
            Console.WriteLine("Abs(" + i + ")=" + Math.Abs(i) + " Sign=" + Math.Sign(i) + " Max(i, 0)=" + Math.Max(i, 0) + " Min(i, 0)=" + Math.Min(i, 0));
        long[] longs = { -9000000000L, 9000000000L };
        foreach (long l in longs)
            Console.WriteLine("Abs(" + l + ")=" + Math.Abs(l) + " Sign=" + Math.Sign(l));
        try
        {
            Console.WriteLine(Math.Abs(ints[4] - 1));
        }
        catch (OverflowException e)
        {
            Console.WriteLine("Abs(int.MinValue): " + e.Message);
        }

        double nan = double.NaN;
        double[] pairs = { 1, 2, -0.0, 0.0, nan, 1, 1, nan, double.NegativeInfinity, 5 };
        for (int k = 0; k < pairs.Length; k += 2)
            Console.WriteLine("Max(" + pairs[k] + ", " + pairs[k + 1] + ")=" + Math.Max(pairs[k], pairs[k + 1])
                + " Min=" + Math.Min(pairs[k], pairs[k + 1]) + " IEEERemainder=" + Math.IEEERemainder(pairs[k], pairs[k + 1]));
        try
        {
            Math.Sign(nan);
        }
        catch (ArithmeticException e)
        {
            Console.WriteLine("Sign(NaN): " + e.Message);
        }
        Console.WriteLine("IEEERemainder(10, 3)=" + Math.IEEERemainder(10, 3) + " (11, 3)=" + Math.IEEERemainder(11, 3) + " (-10, 3)=" + Math.IEEERemainder(-10, 3));
        Console.WriteLine("BigMul=" + Math.BigMul(int.MaxValue, int.MaxValue));
        int remainder;
        int quotient = Math.DivRem(-17, 5, out remainder);
        Console.WriteLine("DivRem(-17, 5)=" + quotient + " r " + remainder);
        long lremainder;
        long lquotient = Math.DivRem(100000000000L, 7L, out lremainder);
        Console.WriteLine("DivRem(1e11, 7)=" + lquotient + " r " + lremainder);
        Console.WriteLine("Max(byte)=" + Math.Max((byte)3, (byte)200) + " Min(short)=" + Math.Min((short)-3, (short)2) + " Max(ulong)=" + Math.Max(1UL, ulong.MaxValue)
            + " Abs(float)=" + Math.Abs(-2.5f) + " Max(float)=" + Math.Max(1.5f, -2f));
        return 0;
    }
}
