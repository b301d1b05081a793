// How doubles and floats print: 15 significant digits for double (7 for
// float) by default, "R" for round-tripping, the special values, and
// values computed by arithmetic, printed by Console.WriteLine,
// concatenation and ToString(format).
using System;

class Program
{
    static int Main()
    {
        double third = 1.0 / 3;
        double[] values =
        {
            0.1 + 0.2, third, 2 * third, 1e20, 1e15, 1e16, 123456789012345678.0, 1234567890123456.0, 0.0001, 0.00001,
            1.5e-10, 100, 2.5, -0.0, double.NaN, double.PositiveInfinity, double.NegativeInfinity, double.MaxValue,
            double.MinValue, double.Epsilon, 4.9406564584124654E-324, 2.2250738585072014E-308, 9007199254740993.0,
            0.30000000000000004, 1.0 / 7, 22.0 / 7, 299792458.0, 6.62607015e-34, 1e-7, 12345.678, -98765.4321,
        };
        foreach (double v in values)
        {
            Console.WriteLine(v);
            Console.WriteLine("  R=" + v.ToString("R") + " G17=" + v.ToString("G17") + " E16=" + v.ToString("E16") + " F3=" + v.ToString("F3"));
        }

        // Powers of ten and their neighbours.
        double p = 1;
        for (int i = 0; i <= 25; i++)
        {
            Console.WriteLine(i + ": " + p + " " + (p * 3) + " " + (1 / p) + " " + (p + 0.5));
            p *= 10;
        }

        // Halves: the last digit rounds away from zero.
        for (int i = 0; i < 10; i++)
        {
            double h = i + 0.5;
            Console.WriteLine(h.ToString("F0") + " " + (h / 10).ToString("F1") + " " + (h / 100).ToString("F2") + " " + (-h).ToString("F0"));
        }

        // A sequence computed step by step.
        double x = 1;
        for (int i = 0; i < 30; i++)
        {
            x = x * 1.1 + 0.01;
            Console.Write(x + " ");
        }
        Console.WriteLine();

        // Floats.
        float[] floats = { 0.1f, 1f / 3, 16777216f, 16777217f, 3.4028235e38f, 1e-45f, 0.3f, 1.5f, -7.25f, float.NaN, float.NegativeInfinity };
        foreach (float f in floats)
            Console.WriteLine(f + " R=" + f.ToString("R") + " F2=" + f.ToString("F2") + " E3=" + f.ToString("E3") + " as double=" + (double)f);
        Console.WriteLine(1.5f + 2.25);
        Console.Write(0.5);
        Console.Write(' ');
        Console.Write(0.25f);
        Console.WriteLine();
        return 0;
    }
}
