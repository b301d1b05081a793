// filetest: Arith::*
// Integer, long and floating-point arithmetic, checked arithmetic,
// conversions and comparisons.
using System;

static class Arith
{
    public static int Ints(int a, int b) { return (a + b) * (a - b) / (b | 1) % 7 ^ (a << 3) >> 1; }
    public static long Longs(long a, int b) { return (a >> b) + (long)(uint)b * 3L - ~a; }
    public static uint Unsigned(uint a, uint b) { return a / (b + 1) + (a >> 2) + a % (b + 1); }
    public static double Doubles(double x, float y) { return -x * y + x / 2.5 - (double)(int)x; }
    public static int Checked(int a, long b) { return checked(a * 2 + (int)b); }
    public static bool Compare(int a, double d) { return a > 3 && d <= 1.5 || a == (int)d; }
}

class Program
{
    static void Main()
    {
        Console.WriteLine(Arith.Ints(10, 3));
        Console.WriteLine(Arith.Longs(1L << 40, 5));
        Console.WriteLine(Arith.Unsigned(100u, 6u));
        Console.WriteLine(Arith.Doubles(7.25, 2f));
        Console.WriteLine(Arith.Checked(5, 6L));
        Console.WriteLine(Arith.Compare(4, 1.0));
    }
}
