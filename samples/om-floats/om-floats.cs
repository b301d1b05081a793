// float and double: arithmetic, IEEE comparisons with NaN, infinities,
// division by zero, conversions in every direction (only in-range values for
// floating-point to integer), Math functions, and how values print.
using System;

class Program
{
    static string Cmp(double a, double b)
    {
        string r = "";
        r += (a == b) ? "1" : "0";
        r += (a != b) ? "1" : "0";
        r += (a < b) ? "1" : "0";
        r += (a <= b) ? "1" : "0";
        r += (a > b) ? "1" : "0";
        r += (a >= b) ? "1" : "0";
        r += " ";
        r += !(a < b) ? "1" : "0";
        r += !(a <= b) ? "1" : "0";
        r += !(a > b) ? "1" : "0";
        r += !(a >= b) ? "1" : "0";
        return r;
    }

    static string CmpF(float a, float b)
    {
        string r = "";
        if (a == b) r += "eq ";
        if (a != b) r += "ne ";
        if (a < b) r += "lt ";
        if (a <= b) r += "le ";
        if (a > b) r += "gt ";
        if (a >= b) r += "ge ";
        if (!(a < b)) r += "!lt ";
        if (!(a >= b)) r += "!ge ";
        return r;
    }

    static double Zero() { return 0.0; }
    static double D(double x) { return x; }
    static float F(float x) { return x; }
    static int I(int x) { return x; }

    static int Main()
    {
        double a = 7.5, b = -2.0;
        Console.WriteLine(a + b);
        Console.WriteLine(a - b);
        Console.WriteLine(a * b);
        Console.WriteLine(a / b);
        Console.WriteLine(a % b);
        Console.WriteLine(-a % 2.0);
        Console.WriteLine(-a);
        float f = 7.5f, g = 3f;
        Console.WriteLine(f / g);
        Console.WriteLine(f * g + 0.1f);
        Console.WriteLine(f % g);

        double nan = Zero() / Zero();
        double pinf = 1.0 / Zero();
        double ninf = -1.0 / Zero();
        Console.WriteLine(nan + " " + pinf + " " + ninf);
        Console.WriteLine(pinf + ninf);
        Console.WriteLine(pinf * 0.0);
        Console.WriteLine(1.0 / pinf + " " + (1.0 / ninf));
        Console.WriteLine(double.IsNaN(nan) + " " + double.IsInfinity(ninf) + " " + double.IsPositiveInfinity(pinf) + " " + double.IsNegativeInfinity(pinf) + " " + double.IsNaN(pinf));
        Console.WriteLine("nan,nan " + Cmp(nan, nan));
        Console.WriteLine("nan,1   " + Cmp(nan, 1.0));
        Console.WriteLine("1,nan   " + Cmp(1.0, nan));
        Console.WriteLine("1,2     " + Cmp(1.0, 2.0));
        Console.WriteLine("2,1     " + Cmp(2.0, 1.0));
        Console.WriteLine("2,2     " + Cmp(2.0, 2.0));
        Console.WriteLine("-0,0    " + Cmp(-0.0, 0.0));
        Console.WriteLine("inf,max " + Cmp(pinf, double.MaxValue));
        Console.WriteLine("-inf,inf " + Cmp(ninf, pinf));
        Console.WriteLine("f nan: " + CmpF(float.NaN, 1f));
        Console.WriteLine("f 1,2: " + CmpF(1f, 2f));
        Console.WriteLine("f 2,2: " + CmpF(2f, 2f));
        double nan2 = nan;
        Console.WriteLine(nan.Equals(nan2) + " " + (nan == nan2));
        float fz = F(0f);
        Console.WriteLine(5.0f / fz + " " + (-5.0f / fz) + " " + (fz / fz));

        // floating-point to integer (in range only); values come through
        // D()/F() so the conversions happen at run time, not in the compiler
        Console.WriteLine((int)D(2.9) + " " + (int)D(-2.9) + " " + (int)D(0.999) + " " + (int)D(-0.5) + " " + (long)D(1e15) + " " + (long)D(-123456789012.75));
        Console.WriteLine((uint)D(3000000000.5) + " " + (ulong)D(1.8e19) + " " + (byte)D(255.9) + " " + (sbyte)D(-127.9) + " " + (short)D(-32000.1) + " " + (ushort)D(65535.4) + " " + (char)D(65.7));
        Console.WriteLine((int)D(2147483647.0) + " " + (int)D(-2147483648.0) + " " + (long)D(9.2e18) + " " + (int)F(7.9f) + " " + (long)F(-3.5f) + " " + (uint)F(4e9f) + " " + (ulong)F(1e19f));
        Console.WriteLine((int)D(-0.0) + " " + (long)D(4503599627370497.0) + " " + (ulong)D(9223372036854775808.0) + " " + (uint)D(0.9));

        // integer to floating point
        int imax = int.MaxValue, imin = int.MinValue;
        long lmax = long.MaxValue, lbig = 123456789012345678;
        uint umax = uint.MaxValue;
        ulong ulmax = ulong.MaxValue, ulhigh = 0x8000000000000001;
        int i2 = 16777217;
        long lneg = -1;
        char cA = 'A';
        byte b250 = 250;
        sbyte sm7 = -7;
        Console.WriteLine((double)imax + " " + (double)imin + " " + (float)imax + " " + (float)i2);
        Console.WriteLine((double)lmax + " " + (double)lbig + " " + (float)lbig);
        Console.WriteLine((double)umax + " " + (float)umax + " " + (double)ulmax + " " + (float)ulmax + " " + (double)ulhigh);
        Console.WriteLine((double)lneg + " " + (double)cA + " " + (float)b250 + " " + (double)sm7);
        float tenth = F(0.1f);
        double dtenth = tenth;
        Console.WriteLine(tenth + " " + dtenth + " " + (float)D(0.1) + " " + ((double)tenth == 0.1) + " " + ((float)dtenth == tenth));
        Console.WriteLine((float)D(1.0000001) + " " + (float)D(123456789.0) + " " + (float)D(1e40) + " " + (float)D(1e-50) + " " + (float)D(double.MaxValue));
        Console.WriteLine(F(1.0f) / F(3.0f) + " " + (double)(F(1.0f) / F(3.0f)));

        // Math: arguments go through D() so mono computes them at run time
        // (mono's JIT folds some Math calls on constants differently, e.g.
        // Math.Round(0.5) on a literal gives 1 but 0 on a variable)
        Console.WriteLine(Math.Sqrt(D(2)) + " " + Math.Sqrt(D(16)) + " " + Math.Sqrt(D(-1)) + " " + Math.Sqrt(D(0.25)));
        Console.WriteLine(Math.Abs(D(-3.25)) + " " + Math.Abs(I(-7)) + " " + Math.Abs((long)I(-7)) + " " + Math.Abs(D(-0.0)) + " " + Math.Abs(F(-2.5f)));
        Console.WriteLine(Math.Min(D(1.5), D(-2.5)) + " " + Math.Max(D(1.5), D(-2.5)) + " " + Math.Min(I(3), I(9)) + " " + Math.Max((long)I(3), (long)I(9)) + " " + Math.Max(nan, D(1.0)) + " " + Math.Min(D(1.0), nan));
        Console.WriteLine(Math.Floor(D(2.7)) + " " + Math.Floor(D(-2.7)) + " " + Math.Ceiling(D(2.1)) + " " + Math.Ceiling(D(-2.1)) + " " + Math.Floor(D(-0.5)) + " " + Math.Ceiling(D(5.0)));
        Console.WriteLine(Math.Round(D(0.5)) + " " + Math.Round(D(1.5)) + " " + Math.Round(D(2.5)) + " " + Math.Round(D(-0.5)) + " " + Math.Round(D(-1.5)) + " " + Math.Round(D(-2.5)) + " " + Math.Round(D(2.4999)) + " " + Math.Round(D(3.51)));
        Console.WriteLine(Math.Pow(D(2), D(10)) + " " + Math.Pow(D(2), D(-2)) + " " + Math.Pow(D(9), D(0.5)) + " " + Math.Pow(D(0), D(0)) + " " + Math.Pow(D(-8), D(1.0 / 3)) + " " + Math.Pow(D(10), D(15)));
        Console.WriteLine(Math.Sin(D(0)) + " " + Math.Cos(D(0)) + " " + Math.Sin(D(Math.PI / 2)) + " " + Math.Atan2(D(1), D(1)) + " " + Math.Atan2(D(-1), D(-1)) + " " + Math.Cos(D(Math.PI)));
        Console.WriteLine(Math.Sin(D(1)) + " " + Math.Cos(D(1)) + " " + Math.Sin(D(-0.5)));
        Console.WriteLine(Math.Exp(D(0)) + " " + Math.Exp(D(1)) + " " + Math.Log(D(1)) + " " + Math.Log(D(Math.E)) + " " + Math.Log(D(0)) + " " + Math.Log(D(-1)) + " " + Math.Log(D(1024)) / Math.Log(D(2)));
        Console.WriteLine(Math.PI + " " + Math.E);

        // printing
        Console.WriteLine(0.1 + 0.2);
        Console.WriteLine(1.0 / 3);
        Console.WriteLine(2.0 / 3);
        Console.WriteLine(1e20);
        Console.WriteLine(1e15);
        Console.WriteLine(1e16);
        Console.WriteLine(1.5e-7);
        Console.WriteLine(0.0001);
        Console.WriteLine(0.00001);
        Console.WriteLine(123456789012345678.0);
        Console.WriteLine(-0.0);
        Console.WriteLine(-D(0.0));
        Console.WriteLine(D(-1e-200) * D(1e-200));
        Console.WriteLine(0.0);
        Console.WriteLine(double.MaxValue);
        Console.WriteLine(double.MinValue);
        Console.WriteLine(double.Epsilon);
        Console.WriteLine(float.MaxValue);
        Console.WriteLine(float.Epsilon);
        Console.WriteLine(3.14159f);
        Console.WriteLine(100.0);
        Console.WriteLine(-1.25e-300);
        Console.WriteLine(1.0 - 0.9);
        Console.WriteLine(16777216f + 1f);

        double acc = 0;
        for (int i = 1; i <= 1000; i++) acc += 1.0 / i;
        Console.WriteLine(acc);
        float facc = 0;
        for (int i = 0; i < 1000; i++) facc += 0.1f;
        Console.WriteLine(facc);
        return (int)(acc * 10);
    }
}
