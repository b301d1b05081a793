// Composite formatting (string.Format, Console.WriteLine with holes) and
// the standard and custom numeric format strings, for integers and
// doubles.
using System;

class Program
{
    static readonly string[] IntegerFormats = { "G", "D", "D6", "X", "x8", "N0", "N2", "F1", "E2", "P0", "C", "0000", "#,##0", "0.00", "00;(00);zero" };
    static readonly string[] DoubleFormats = { "G", "G3", "R", "F0", "F2", "F4", "N1", "N3", "E", "E0", "E3", "e5", "P1", "C2", "0.###", "#,##0.00", "0.0E+00", "00.0;[00.0]" };

    static int Main()
    {
        // Holes, repeated and reordered.
        Console.WriteLine(string.Format("{0} + {1} = {2}", 2, 3, 5));
        Console.WriteLine(string.Format("{2}{1}{0}{0}", "a", "b", "c"));
        Console.WriteLine(string.Format("{0}, {1}, {2}, {3}, {4}", 1, 2L, 3.5, 'x', "five"));
        Console.WriteLine(string.Format("null: [{0}] bool: {1}", null, false));

        // Alignment.
        Console.WriteLine(string.Format("[{0,6}]", 42));
        Console.WriteLine(string.Format("[{0,-6}]", 42));
        Console.WriteLine(string.Format("[{0,8:F2}] [{1,-8:X}]", 3.14159, 255));
        Console.WriteLine(string.Format("[{0,3}]", "longer than three"));

        // Escaped braces.
        Console.WriteLine(string.Format("{{0}} is {0}, {{{0}}} in braces", 7));
        Console.WriteLine(string.Format("}}{{{0}", ""));

        // Console's own overloads.
        Console.WriteLine("{0}", 1);
        Console.WriteLine("{0} {1}", 1, 2);
        Console.WriteLine("{0} {1} {2}", 1, 2, 3);
        Console.WriteLine("{0} {1} {2} {3}", 1, 2, 3, 4);
        Console.Write("{0}-{1}", "no", "newline");
        Console.WriteLine();
        int n = 1234;
        Console.WriteLine($"interpolated: {n} {n,8} {n:X4} {n * 2.5:F1}");

        // Table of integers by format.
        int[] ints = { 0, 7, -42, 1234567, int.MaxValue, int.MinValue };
        foreach (int v in ints)
        {
            Console.Write(v);
            foreach (string f in IntegerFormats)
                Console.Write(" | " + f + ":" + v.ToString(f));
            Console.WriteLine();
        }
        long big = 9876543210123L;
        Console.WriteLine(big.ToString("N0") + " " + big.ToString("X") + " " + big.ToString("D20"));
        ulong ubig = ulong.MaxValue;
        Console.WriteLine(ubig.ToString("N0") + " " + ubig.ToString("x"));
        short sh = -1;
        byte by = 200;
        Console.WriteLine(sh.ToString("X") + " " + by.ToString("X") + " " + by.ToString("D5") + " " + ((sbyte)-5).ToString("x"));

        // Table of doubles by format.
        double[] doubles = { 0, 1, -1.5, 0.125, 2.5, 3.14159265358979, 1234567.891, -0.000123456, 1e21, 6.02214076e23 };
        foreach (double v in doubles)
        {
            Console.Write(v);
            foreach (string f in DoubleFormats)
                Console.Write(" | " + f + ":" + v.ToString(f));
            Console.WriteLine();
        }
        float fl = 1.1f;
        Console.WriteLine(fl.ToString() + " " + fl.ToString("R") + " " + fl.ToString("F3") + " " + fl.ToString("E2"));
        return 0;
    }
}
