// Math.Sqrt, Abs, Floor, Ceiling, Round and Truncate, which the JIT compiles
// inline (sqrtsd, roundsd with SSE4.1, the sign bit cleared), on edge values:
// halves, negative zero, infinities, NaN, values too large to have a
// fraction. Results are printed as bits (so -0 shows) and as text. The
// values come from an array, not constants: Mono folds Math.Round of a
// constant at compile time with C's round(), which rounds halves away
// from zero (.NET and a computed Round round them to even).
using System;

static class Program
{
    static string Bits(double d)
    {
        return BitConverter.DoubleToInt64Bits(d).ToString("X16");
    }

    static string Bits(float f)
    {
        return BitConverter.DoubleToInt64Bits((double)f).ToString("X16");
    }

    static int Main()
    {
        // (Main itself stays in the baseline tier: array initializers use
        // ldtoken; the methods below are optimized.)
        double[] xs = {
            0.0, -0.0, 0.5, -0.5, 1.5, -1.5, 2.5, -2.5, 0.49999999999999994,
            -0.49999999999999994, 3.7, -3.7, 1e16 + 1, -1e16 - 3, 4503599627370497.0,
            double.MaxValue, double.MinValue, double.Epsilon, -double.Epsilon,
            double.PositiveInfinity, double.NegativeInfinity, double.NaN, 2.0, 1e-300,
        };
        float[] fs = { 0f, -0f, -1.5f, 2.25f, float.MinValue, float.NegativeInfinity, float.NaN };
        double acc = Show(xs);
        ShowSingles(fs);
        double s = Loop();
        Console.WriteLine(acc.ToString("R") + " " + s.ToString("R"));
        return s < 0 ? 0 : 1;
    }

    static double Show(double[] xs)
    {
        double acc = 0;
        for (int i = 0; i < xs.Length; i++)
        {
            double x = xs[i];
            Console.WriteLine(Bits(x) + " sqrt " + Bits(Math.Sqrt(x)) + " abs " + Bits(Math.Abs(x))
                + " floor " + Bits(Math.Floor(x)) + " ceiling " + Bits(Math.Ceiling(x))
                + " round " + Bits(Math.Round(x)) + " truncate " + Bits(Math.Truncate(x)));
            Console.WriteLine("  " + Math.Sqrt(x) + " " + Math.Abs(x) + " " + Math.Floor(x) + " "
                + Math.Ceiling(x) + " " + Math.Round(x) + " " + Math.Truncate(x));
            if (!double.IsNaN(x) && !double.IsInfinity(x) && Math.Abs(x) < 1e10)
                acc += Math.Sqrt(Math.Abs(x)) + Math.Floor(x) * 2 + Math.Ceiling(x) * 3 + Math.Round(x) * 5;
        }
        return acc;
    }

    static void ShowSingles(float[] fs)
    {
        for (int i = 0; i < fs.Length; i++)
            Console.WriteLine(Bits(fs[i]) + " abs " + Bits(Math.Abs(fs[i])) + " " + Math.Abs(fs[i]));
    }

    // A loop with a float kept across the calls (in registers in the
    // optimizing tier).
    static double Loop()
    {
        double s = 0;
        for (int i = 1; i <= 1000; i++)
            s += Math.Sqrt(i) - Math.Floor(Math.Sqrt(i)) + Math.Round(i / 8.0) - Math.Ceiling(i / 3.0);
        return s;
    }
}
