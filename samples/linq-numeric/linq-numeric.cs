// Sum, Min, Max and Average over int, long, float and double and their
// nullable forms, with and without selectors; NaN and infinities; the
// generic Min and Max over comparable types and nulls.
using System;
using System.Collections.Generic;
using System.Linq;

class Box : IComparable<Box>
{
    public int V;
    public Box(int v) { V = v; }
    public int CompareTo(Box other) { return V.CompareTo(other.V); }
    public override string ToString() { return "Box" + V; }
}

enum Day { Sunday, Monday, Tuesday, Wednesday, Thursday, Friday, Saturday }
enum Kind { Unspecified, Utc, Local }

static class Program
{
    static string R(Func<object> f)
    {
        try
        {
            object r = f();
            return r == null ? "null" : r.ToString();
        }
        catch (Exception e)
        {
            return e.GetType().Name;
        }
    }

    static void Main()
    {
        int[] ints = { 3, -7, 12, 0, 5 };
        long[] longs = { 1L << 40, -3, 1L << 35 };
        float[] floats = { 1.5f, -2.25f, 3.125f };
        double[] doubles = { 0.1, 0.2, 0.3, -1e10, 1e10 };
        int?[] nints = { null, 4, null, -2, 9 };
        long?[] nlongs = { null, 10, 20 };
        float?[] nfloats = { 2.5f, null };
        double?[] ndoubles = { null, 1.25, 3.75, null };
        int?[] allNull = { null, null };

        Console.WriteLine("sum " + ints.Sum() + " " + longs.Sum() + " " + floats.Sum() + " " + doubles.Sum() + " " + nints.Sum() + " " + nlongs.Sum() + " " + nfloats.Sum() + " " + ndoubles.Sum() + " " + allNull.Sum());
        Console.WriteLine("min " + ints.Min() + " " + longs.Min() + " " + floats.Min() + " " + doubles.Min() + " " + nints.Min() + " " + nlongs.Min() + " " + nfloats.Min() + " " + ndoubles.Min() + " " + R(() => allNull.Min()));
        Console.WriteLine("max " + ints.Max() + " " + longs.Max() + " " + floats.Max() + " " + doubles.Max() + " " + nints.Max() + " " + nlongs.Max() + " " + nfloats.Max() + " " + ndoubles.Max() + " " + R(() => allNull.Max()));
        Console.WriteLine("average " + ints.Average() + " " + longs.Average() + " " + floats.Average() + " " + doubles.Average() + " " + nints.Average() + " " + nlongs.Average() + " " + nfloats.Average() + " " + ndoubles.Average() + " " + R(() => allNull.Average()));

        var words = new[] { "a", "bbb", "cc", null };
        Func<string, int> len = s => s == null ? 0 : s.Length;
        Console.WriteLine("selectors int " + words.Sum(len) + " " + words.Min(len) + " " + words.Max(len) + " " + words.Average(len));
        Console.WriteLine("selectors long " + words.Sum(s => (long)len(s) << 33) + " " + words.Min(s => (long)len(s) - 5) + " " + words.Max(s => (long)len(s)) + " " + words.Average(s => (long)len(s)));
        Console.WriteLine("selectors float " + words.Sum(s => len(s) / 4f) + " " + words.Min(s => len(s) / 4f) + " " + words.Max(s => len(s) / 4f) + " " + words.Average(s => len(s) / 4f));
        Console.WriteLine("selectors double " + words.Sum(s => len(s) / 3.0) + " " + words.Min(s => len(s) / 3.0) + " " + words.Max(s => len(s) / 3.0) + " " + words.Average(s => len(s) / 3.0));
        Console.WriteLine("selectors int? " + words.Sum(s => s == null ? (int?)null : s.Length) + " " + words.Min(s => s == null ? (int?)null : s.Length) + " " + words.Max(s => s == null ? (int?)null : s.Length) + " " + words.Average(s => s == null ? (int?)null : s.Length));
        Console.WriteLine("selectors long? " + words.Sum(s => s == null ? (long?)null : s.Length) + " " + words.Min(s => s == null ? (long?)null : s.Length) + " " + words.Max(s => s == null ? (long?)null : s.Length) + " " + words.Average(s => s == null ? (long?)null : s.Length));
        Console.WriteLine("selectors float? " + words.Sum(s => s == null ? (float?)null : s.Length * 0.5f) + " " + words.Min(s => s == null ? (float?)null : s.Length * 0.5f) + " " + words.Max(s => s == null ? (float?)null : s.Length * 0.5f) + " " + words.Average(s => s == null ? (float?)null : s.Length * 0.5f));
        Console.WriteLine("selectors double? " + words.Sum(s => s == null ? (double?)null : s.Length * 0.1) + " " + words.Min(s => s == null ? (double?)null : s.Length * 0.1) + " " + words.Max(s => s == null ? (double?)null : s.Length * 0.1) + " " + words.Average(s => s == null ? (double?)null : s.Length * 0.1));

        // NaN is the smallest double: Min returns it at once, Max only when
        // there is nothing else.
        double nan = double.NaN;
        Console.WriteLine("nan min " + new[] { 1.0, nan, -5.0 }.Min() + " " + new[] { nan, 1.0 }.Min() + " " + new[] { 1.0, 2.0, nan }.Min());
        Console.WriteLine("nan max " + new[] { 1.0, nan, -5.0 }.Max() + " " + new[] { nan, 1.0 }.Max() + " " + new[] { nan, nan }.Max() + " " + new[] { nan }.Max());
        Console.WriteLine("nan nullable " + new double?[] { null, 2, nan }.Min() + " " + new double?[] { nan, null, 3 }.Max() + " " + new double?[] { nan, null }.Max() + " " + new float?[] { 1, float.NaN }.Min() + " " + new float?[] { float.NaN, 2 }.Max());
        Console.WriteLine("nan float " + new[] { 1f, float.NaN }.Min() + " " + new[] { float.NaN, -1f }.Max() + " sum " + new[] { 1.0, nan }.Sum() + " average " + new[] { nan, 1.0 }.Average());
        Console.WriteLine("infinity " + new[] { double.PositiveInfinity, 1.0 }.Max() + " " + new[] { double.NegativeInfinity, 1.0 }.Min() + " " + new[] { double.PositiveInfinity, double.NegativeInfinity }.Sum() + " " + new[] { double.MaxValue, double.MaxValue }.Sum() + " " + new[] { double.MaxValue, double.MaxValue }.Average());
        Console.WriteLine("float accumulates in double " + new[] { 16777216f, 1f, 1f }.Sum() + " " + new[] { float.MaxValue, float.MaxValue }.Sum() + " " + new[] { float.MaxValue, float.MaxValue }.Average() + " " + new[] { 0.1f, 0.2f, 0.7f }.Average());
        Console.WriteLine("extremes " + new[] { int.MinValue, int.MaxValue }.Min() + " " + new[] { int.MinValue, int.MaxValue }.Max() + " " + new[] { long.MinValue, 0 }.Min() + " " + new[] { int.MinValue, int.MinValue }.Average() + " " + new[] { long.MaxValue, 0 }.Max());

        // The generic Min and Max.
        Console.WriteLine("strings " + new[] { "pear", "apple", null, "Zoo" }.Min() + " " + new[] { "pear", "apple", null, "Zoo" }.Max() + " " + R(() => new string[] { null, null }.Min()));
        Console.WriteLine("boxes " + new[] { new Box(5), null, new Box(-1) }.Min() + " " + new[] { new Box(5), null, new Box(-1) }.Max());
        Console.WriteLine("enums " + new[] { Day.Friday, Day.Monday, Day.Sunday }.Min() + " " + new[] { Day.Friday, Day.Monday }.Max());
        Console.WriteLine("chars " + "linq".Min() + " " + "linq".Max() + " bytes " + new byte[] { 3, 200, 7 }.Max() + " decimal-free tuples " + new[] { Tuple.Create(2, "b"), Tuple.Create(1, "z"), Tuple.Create(2, "a") }.Min());
        Console.WriteLine("nullable generic " + new Kind?[] { null, Kind.Utc, Kind.Local }.Min() + " " + new short?[] { 3, null, -4 }.Max() + " " + R(() => new short?[] { null }.Max()));
        Console.WriteLine("generic selector " + new[] { "bb", "a", "ccc" }.Min(s => s.Length) + " " + new[] { "bb", "a", "ccc" }.Max(s => s + "!") + " " + new[] { 1, 2 }.Max(x => (ushort)(x * 1000)));
        Console.WriteLine("bools " + new[] { true, false }.Min() + " " + new[] { true, false }.Max());

        // Aggregates over bigger inputs.
        var range = Enumerable.Range(1, 100000);
        Console.WriteLine("range " + range.Sum(x => (long)x) + " " + range.Average() + " " + range.Min() + " " + range.Max() + " " + range.Where(x => x % 7 == 0).Sum() + " " + range.Select(x => (double)x).Average());
        Console.WriteLine("aggregate " + range.Take(10).Aggregate(1L, (acc, x) => acc * x) + " " + range.Take(5).Aggregate("", (s, x) => s + x, s => s.Length));
    }
}
