// Math and Convert: corelib's (HostMath, HostConvert) against Mono's.
// HostMath's FCalls are Mono's own Math (see managed_logic.rs), so this
// checks the managed parts: Round with digits and modes, IEEERemainder,
// Log with a base, Abs, Sign, Min, Max, BigMul and DivRem.

using System;
using System.Collections.Generic;
using System.Globalization;

internal static class MathTests
{
    internal static void Run()
    {
        Doubles();
        Integers();
        Conversions();
    }

    private static void Check(string label, string ours, string mono)
    {
        Driver.Check(label, ours, mono);
    }

    private static string Try(Func<object> f)
    {
        return Driver.Try(() => Driver.Show(f()));
    }

    private static void Doubles()
    {
        List<double> values = new List<double>
        {
            0.0, -0.0, 0.5, -0.5, 1.5, 2.5, -2.5, 3.5, 0.49999999999999994, 2.345, 2.675, 1.005, 0.125, 0.135, 1e15 + 0.5,
            1e16, 1e17, 123.456789, -123.456789, double.NaN, double.PositiveInfinity, double.NegativeInfinity, double.MaxValue,
            double.Epsilon, 10, 3, -3, 7.5, 0.1, 1e-10, 2, 8, 100, -1,
        };
        foreach (double d in NumberTests.InterestingDoubles(150))
            values.Add(d);

        foreach (double x in values)
        {
            double v = x;
            string shown = Driver.Show(v);
            Check("math Round " + shown, Try(() => HostMath.Round(v)), Try(() => Math.Round(v)));
            Check("math Round away " + shown, Try(() => HostMath.Round(v, MidpointRounding.AwayFromZero)), Try(() => Math.Round(v, MidpointRounding.AwayFromZero)));
            Check("math Round even " + shown, Try(() => HostMath.Round(v, MidpointRounding.ToEven)), Try(() => Math.Round(v, MidpointRounding.ToEven)));
            foreach (int digits in new int[] { -1, 0, 1, 2, 3, 15, 16 })
            {
                int n = digits;
                Check("math Round digits " + shown + " " + n, Try(() => HostMath.Round(v, n)), Try(() => Math.Round(v, n)));
                Check("math Round digits away " + shown + " " + n, Try(() => HostMath.Round(v, n, MidpointRounding.AwayFromZero)), Try(() => Math.Round(v, n, MidpointRounding.AwayFromZero)));
            }
            Check("math Round bad mode " + shown, Try(() => HostMath.Round(v, 1, (MidpointRounding)7)), Try(() => Math.Round(v, 1, (MidpointRounding)7)));
            Check("math Abs " + shown, Try(() => HostMath.Abs(v)), Try(() => Math.Abs(v)));
            Check("math Abs float " + shown, Try(() => HostMath.Abs((float)v)), Try(() => Math.Abs((float)v)));
            Check("math Sign " + shown, Try(() => HostMath.Sign(v)), Try(() => Math.Sign(v)));
            Check("math Sign float " + shown, Try(() => HostMath.Sign((float)v)), Try(() => Math.Sign((float)v)));
            Check("math Truncate " + shown, Try(() => HostMath.Truncate(v)), Try(() => Math.Truncate(v)));
            foreach (double y in new double[] { 0.0, -0.0, 1, -1, 2, 3, 10, 0.5, 2.5, double.NaN, double.PositiveInfinity, double.NegativeInfinity, v, -v })
            {
                double w = y;
                string pair = shown + " " + Driver.Show(w);
                Check("math Max " + pair, Try(() => HostMath.Max(v, w)), Try(() => Math.Max(v, w)));
                Check("math Min " + pair, Try(() => HostMath.Min(v, w)), Try(() => Math.Min(v, w)));
                Check("math Max float " + pair, Try(() => HostMath.Max((float)v, (float)w)), Try(() => Math.Max((float)v, (float)w)));
                Check("math Min float " + pair, Try(() => HostMath.Min((float)v, (float)w)), Try(() => Math.Min((float)v, (float)w)));
                Check("math IEEERemainder " + pair, Try(() => HostMath.IEEERemainder(v, w)), Try(() => Math.IEEERemainder(v, w)));
                Check("math Log base " + pair, Try(() => HostMath.Log(v, w)), Try(() => Math.Log(v, w)));
            }
        }
    }

    private static void Integers()
    {
        foreach (int x in new int[] { 0, 1, -1, 7, -7, int.MaxValue, int.MinValue, int.MinValue + 1, 12345, -98765 })
        {
            int v = x;
            Check("math Abs int " + v, Try(() => HostMath.Abs(v)), Try(() => Math.Abs(v)));
            Check("math Abs long " + v, Try(() => HostMath.Abs((long)v)), Try(() => Math.Abs((long)v)));
            Check("math Abs short " + v, Try(() => HostMath.Abs((short)v)), Try(() => Math.Abs((short)v)));
            Check("math Abs sbyte " + v, Try(() => HostMath.Abs((sbyte)v)), Try(() => Math.Abs((sbyte)v)));
            Check("math Sign int " + v, Try(() => HostMath.Sign(v)), Try(() => Math.Sign(v)));
            Check("math Sign long " + v, Try(() => HostMath.Sign((long)v * 3)), Try(() => Math.Sign((long)v * 3)));
            Check("math Sign short " + v, Try(() => HostMath.Sign((short)v)), Try(() => Math.Sign((short)v)));
            Check("math Sign sbyte " + v, Try(() => HostMath.Sign((sbyte)v)), Try(() => Math.Sign((sbyte)v)));
            foreach (int y in new int[] { 0, 1, -1, 3, -3, int.MaxValue, int.MinValue, 1000 })
            {
                int w = y;
                string pair = v + " " + w;
                Check("math Max int " + pair, Try(() => HostMath.Max(v, w)), Try(() => Math.Max(v, w)));
                Check("math Min int " + pair, Try(() => HostMath.Min(v, w)), Try(() => Math.Min(v, w)));
                Check("math Max uint " + pair, Try(() => HostMath.Max((uint)v, (uint)w)), Try(() => Math.Max((uint)v, (uint)w)));
                Check("math Min ulong " + pair, Try(() => HostMath.Min((ulong)v, (ulong)w)), Try(() => Math.Min((ulong)v, (ulong)w)));
                Check("math Max long " + pair, Try(() => HostMath.Max((long)v * 5, (long)w)), Try(() => Math.Max((long)v * 5, (long)w)));
                Check("math Min short " + pair, Try(() => HostMath.Min((short)v, (short)w)), Try(() => Math.Min((short)v, (short)w)));
                Check("math Max byte " + pair, Try(() => HostMath.Max((byte)v, (byte)w)), Try(() => Math.Max((byte)v, (byte)w)));
                Check("math Min sbyte " + pair, Try(() => HostMath.Min((sbyte)v, (sbyte)w)), Try(() => Math.Min((sbyte)v, (sbyte)w)));
                Check("math Max ushort " + pair, Try(() => HostMath.Max((ushort)v, (ushort)w)), Try(() => Math.Max((ushort)v, (ushort)w)));
                Check("math BigMul " + pair, Try(() => HostMath.BigMul(v, w)), Try(() => Math.BigMul(v, w)));
                Check("math DivRem int " + pair, Try(() => { int r; int q = HostMath.DivRem(v, w, out r); return q + " " + r; }), Try(() => { int r; int q = Math.DivRem(v, w, out r); return q + " " + r; }));
                Check("math DivRem long " + pair, Try(() => { long r; long q = HostMath.DivRem((long)v * 7, w, out r); return q + " " + r; }), Try(() => { long r; long q = Math.DivRem((long)v * 7, w, out r); return q + " " + r; }));
            }
        }
        Check("math constants", Driver.Show(HostMath.PI) + " " + Driver.Show(HostMath.E), Driver.Show(Math.PI) + " " + Driver.Show(Math.E));
    }

    private static void Conversions()
    {
        List<double> values = new List<double> { 0, -0.0, 0.5, 1.5, 2.5, -0.5, -1.5, -2.5, 2147483647.4, 2147483647.5, 2147483646.5, -2147483648.5, -2147483648.6, -2147483647.5, double.NaN, double.PositiveInfinity, 1e19, 9.2233720368547758e18, -9.2233720368547758e18, 123.456 };
        foreach (double d in NumberTests.InterestingDoubles(80))
            values.Add(d);
        foreach (double x in values)
        {
            double v = x;
            string shown = Driver.Show(v);
            Check("convert ToInt32(double) " + shown, Try(() => HostConvert.ToInt32(v)), Try(() => Convert.ToInt32(v)));
            Check("convert ToInt32(float) " + shown, Try(() => HostConvert.ToInt32((float)v)), Try(() => Convert.ToInt32((float)v)));
            Check("convert ToInt64(double) " + shown, Try(() => HostConvert.ToInt64(v)), Try(() => Convert.ToInt64(v)));
        }
        foreach (string str in new string[] { null, "", "12", " -7 ", "abc", "99999999999", "1.5", "True", "false" })
        {
            string s = str;
            Check("convert ToInt32(string) " + Driver.Show(s), Try(() => HostConvert.ToInt32(s)), Try(() => Convert.ToInt32(s)));
            Check("convert ToInt64(string) " + Driver.Show(s), Try(() => HostConvert.ToInt64(s)), Try(() => Convert.ToInt64(s)));
            Check("convert ToDouble(string) " + Driver.Show(s), Try(() => HostConvert.ToDouble(s)), Try(() => Convert.ToDouble(s)));
            Check("convert ToBoolean(string) " + Driver.Show(s), Try(() => HostConvert.ToBoolean(s)), Try(() => Convert.ToBoolean(s)));
        }
        foreach (long x in new long[] { 0, 1, -1, 255, -256, 65536, int.MaxValue, int.MinValue, long.MaxValue, long.MinValue, 1234567890123 })
        {
            long v = x;
            foreach (int b in new int[] { 2, 8, 10, 16, 3 })
            {
                int toBase = b;
                Check("convert ToString(int, base) " + v + " " + toBase, Try(() => HostConvert.ToString((int)v, toBase)), Try(() => Convert.ToString((int)v, toBase)));
                Check("convert ToString(long, base) " + v + " " + toBase, Try(() => HostConvert.ToString(v, toBase)), Try(() => Convert.ToString(v, toBase)));
            }
            Check("convert ToInt32(long) " + v, Try(() => HostConvert.ToInt32(v)), Try(() => Convert.ToInt32(v)));
            Check("convert ToChar(int) " + v, Try(() => (int)HostConvert.ToChar((int)v)), Try(() => (int)Convert.ToChar((int)v)));
        }
        foreach (object o in new object[] { null, 5, "s", 2.5, true, 'c', new System.Text.StringBuilder("sb") })
        {
            object v = o;
            Check("convert ToString(object) " + Driver.Show(v), Try(() => HostConvert.ToString(v)), Try(() => Convert.ToString(v)));
        }
        Check("convert misc", Try(() => HostConvert.ToInt32(true) + " " + HostConvert.ToInt32('A') + " " + HostConvert.ToString(1.5) + " " + HostConvert.ToString(true) + " " + HostConvert.ToString('x') + " " + HostConvert.ToBoolean(0) + " " + HostConvert.ToDouble(3) + " " + HostConvert.ToInt64(7)),
              Try(() => Convert.ToInt32(true) + " " + Convert.ToInt32('A') + " " + Convert.ToString(1.5) + " " + Convert.ToString(true) + " " + Convert.ToString('x') + " " + Convert.ToBoolean(0) + " " + Convert.ToDouble(3) + " " + Convert.ToInt64(7)));
    }
}
