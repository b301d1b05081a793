// Floating point to unsigned (and other integer) conversions of edge values:
// NaN, infinities, values at and beyond every integer range, in unchecked
// and checked contexts, from fields, locals, arguments, array elements and
// computed values. Unchecked conversions of out-of-range values follow
// mono's x86-64 code: `(ulong)NaN` is 0 (mono computes `v < 2^63 ?
// (long)v : 2^63 + (long)(v - 2^63)`), not 2^63 as a bare cvttsd2si gives.
// Found by the differential fuzzer (tests/differential.rs).
using System;

class Program
{
    static double[] Doubles = {
        double.NaN, -double.NaN, double.PositiveInfinity, double.NegativeInfinity,
        0.0, -0.0, 0.5, -0.5, -1.0, 255.5, 256.0, 65535.9, 65536.0,
        2147483647.0, 2147483648.0, -2147483648.0, -2147483649.0,
        4294967295.0, 4294967296.0, 9223372036854775807.0, 9.2233720368547758e18,
        -9.2233720368547758e18, 1.8446744073709552e19, 1e19, 1e20, -1e19, 1e300, double.Epsilon,
    };
    static double FieldD;
    static float FieldF;

    static ulong ToU8(double d) { return (ulong)d; }
    static ulong ToU8F(float f) { return (ulong)f; }
    static uint ToU4(double d) { return (uint)d; }
    static long ToI8(double d) { return (long)d; }

    static string Checked(double d)
    {
        string r = "";
        try { r += checked((ulong)d); } catch (OverflowException) { r += "ovf"; }
        r += " ";
        try { r += checked((uint)d); } catch (OverflowException) { r += "ovf"; }
        r += " ";
        try { r += checked((long)d); } catch (OverflowException) { r += "ovf"; }
        r += " ";
        try { r += checked((ushort)d); } catch (OverflowException) { r += "ovf"; }
        r += " ";
        try { r += checked((sbyte)d); } catch (OverflowException) { r += "ovf"; }
        return r;
    }

    static int Main()
    {
        ulong sum = 0;
        foreach (double d in Doubles)
        {
            FieldD = d;
            FieldF = (float)d;
            double local = d;
            float localF = (float)d;
            ulong a = (ulong)FieldD, b = (ulong)local, c = ToU8(d), e = ToU8F(localF), f = (ulong)FieldF;
            ulong g = (ulong)(local * 1.0), h = (ulong)(FieldD + 0.0);
            Console.WriteLine(d.ToString("R") + ": u8 " + a + " " + b + " " + c + " " + e + " " + f + " " + g + " " + h);
            Console.WriteLine("  u4 " + (uint)d + " " + ToU4(d) + " " + (uint)localF
                + " i8 " + (long)d + " " + ToI8(d)
                + " i4 " + (int)d + " u2 " + (ushort)d + " i2 " + (short)d + " u1 " + (byte)d + " i1 " + (sbyte)d
                + " c " + (int)(char)d);
            Console.WriteLine("  checked " + Checked(d));
            sum = sum * 31 + a + c + e + (uint)d;
        }
        double[] arr = { double.NaN, 3.5, 1e19 };
        for (int i = 0; i < arr.Length; i++)
            Console.WriteLine("arr " + (ulong)arr[i] + " " + (ulong)(float)arr[i] + " " + (uint)arr[i]);
        Console.WriteLine(sum);
        return (int)(sum % 100);
    }
}
