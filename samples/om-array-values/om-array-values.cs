// System.Array as a program sees it through the base class: GetValue and
// SetValue (boxing, unboxing and mono's widening conversions), walking an
// IEnumerable that is an array through its enumerator by hand (`foreach`:
// samples/om-array-foreach), and Array.Empty. (The failing cases:
// samples/om-array-setvalue.)
// The last statement stores a string into an int[] through SetValue:
// InvalidCastException, unhandled, exit code 1 (as on mono).
using System;
using System.Collections;

enum Color { Red, Green = 5, Blue }

enum Small : byte { One = 1, Two = 2 }

struct Point
{
    public int X, Y;
    public Point(int x, int y) { X = x; Y = y; }
    public override string ToString() { return "(" + X + ", " + Y + ")"; }
}

class Program
{
    static void Show(string label, object value)
    {
        Console.WriteLine(label + " = " + (value == null ? "null" : value.ToString() + " : " + value.GetType()));
    }

    static void Walk(string label, IEnumerable items)
    {
        Console.Write(label + ":");
        IEnumerator e = items.GetEnumerator();
        while (e.MoveNext())
        {
            object x = e.Current;
            Console.Write(" " + (x == null ? "null" : x.ToString()));
        }
        Console.WriteLine();
    }

    static int Count(params object[] items) { return items.Length; }

    static int Main()
    {
        int[] ints = { 10, 20, 30 };
        Array a = ints;
        Show("ints[1]", a.GetValue(1));
        a.SetValue(42, 0);
        a.SetValue((short)-7, 1);
        a.SetValue((byte)200, 2);
        Walk("ints", a);
        a.SetValue('A', 0);
        a.SetValue((ushort)65535, 1);
        a.SetValue(Color.Blue, 2);
        Walk("ints", ints);
        a.SetValue(null, 0);
        a.SetValue(Small.Two, 1);
        Walk("ints", ints);

        long[] longs = new long[4];
        Array l = longs;
        l.SetValue(1, 0);
        l.SetValue(4000000000u, 1);
        l.SetValue(-5L, 2);
        l.SetValue('z', 3);
        Walk("longs", longs);
        Show("longs[1]", l.GetValue(1));

        double[] doubles = new double[5];
        Array d = doubles;
        d.SetValue(3, 0);
        d.SetValue(2.5f, 1);
        d.SetValue(ulong.MaxValue, 2);
        d.SetValue(long.MinValue, 3);
        d.SetValue('A', 4);
        Walk("doubles", doubles);
        float[] floats = new float[3];
        floats.SetValue(long.MaxValue, 0);
        floats.SetValue(16777217, 1);
        floats.SetValue(0.1f, 2);
        Walk("floats", floats);
        Show("floats[2]", floats.GetValue(2));

        char[] chars = new char[3];
        chars.SetValue((byte)97, 0);
        chars.SetValue((ushort)98, 1);
        chars.SetValue('c', 2);
        Walk("chars", chars);
        ushort[] ushorts = new ushort[2];
        ushorts.SetValue('a', 0);
        ushorts.SetValue((byte)255, 1);
        Walk("ushorts", ushorts);
        short[] shorts = new short[2];
        shorts.SetValue((sbyte)-1, 0);
        shorts.SetValue((byte)255, 1);
        Walk("shorts", shorts);
        uint[] uints = new uint[2];
        uints.SetValue((ushort)65535, 0);
        uints.SetValue('q', 1);
        Walk("uints", uints);
        bool[] bools = new bool[2];
        bools.SetValue(true, 1);
        Walk("bools", bools);
        Show("bools[1]", bools.GetValue(1));

        Color[] colors = { Color.Red, Color.Green };
        Array c = colors;
        Show("colors[1]", c.GetValue(1));
        Console.WriteLine("colors[1] is Color: " + (c.GetValue(1) is Color));
        c.SetValue(6, 0);
        Walk("colors", colors);
        c.SetValue(Small.One, 1);
        Walk("colors", colors);

        string[] strings = { "a", null, "c" };
        Array s = strings;
        Show("strings[0]", s.GetValue(0));
        Show("strings[1]", s.GetValue(1));
        s.SetValue("b", 1);
        s.SetValue(null, 2);
        Walk("strings", strings);
        object[] objects = new object[4];
        objects.SetValue(1, 0);
        objects.SetValue("two", 1);
        objects.SetValue(new Point(3, 4), 2);
        objects.SetValue(new int[] { 5 }, 3);
        Walk("objects", objects);
        Show("objects[2]", objects.GetValue(2));
        IComparable[] comparables = new IComparable[2];
        comparables.SetValue(7, 0);
        comparables.SetValue("eight", 1);
        Walk("comparables", comparables);

        Point[] points = { new Point(1, 2), new Point(3, 4) };
        Array p = points;
        object boxed = p.GetValue(1);
        Show("points[1]", boxed);
        points[1].X = 99;
        Show("the box is a copy", boxed);
        p.SetValue(new Point(5, 6), 0);
        Walk("points", points);
        p.SetValue(null, 1);
        Walk("points", points);

        int[,] grid = { { 1, 2, 3 }, { 4, 5, 6 } };
        Walk("grid", grid);
        int[][] jagged = { new int[] { 1 }, new int[] { 2, 3 } };
        Walk("jagged", jagged);
        Walk("empty", new string[0]);

        IEnumerator e = ((IEnumerable)strings).GetEnumerator();
        Console.WriteLine("enumerator: " + e.GetType());
        Console.WriteLine("MoveNext: " + e.MoveNext() + " " + e.Current);
        IEnumerator copy = (IEnumerator)((ICloneable)e).Clone();
        Console.WriteLine("MoveNext: " + e.MoveNext() + " " + e.Current);
        Console.WriteLine("clone still at: " + copy.Current);
        Console.WriteLine("MoveNext: " + e.MoveNext() + " " + (e.Current == null));
        Console.WriteLine("MoveNext at end: " + e.MoveNext() + " " + e.MoveNext());
        e.Reset();
        Console.WriteLine("after Reset: " + e.MoveNext() + " " + e.Current);
        IEnumerator ie = ints.GetEnumerator();
        int sum = 0;
        while (ie.MoveNext())
            sum += (int)ie.Current;
        Console.WriteLine("sum = " + sum);

        Console.WriteLine("Count() = " + Count());
        Console.WriteLine("Array.Empty<int>() = " + Array.Empty<int>().Length + " " + Array.Empty<int>().GetType());
        Console.WriteLine("same instance: " + ReferenceEquals(Array.Empty<string>(), Array.Empty<string>()));
        Console.WriteLine("Split() = " + "a b  c".Split().Length);

        Console.WriteLine("storing a string into an int[]:");
        a.SetValue("text", 0);
        Console.WriteLine("not reached");
        return 0;
    }
}
