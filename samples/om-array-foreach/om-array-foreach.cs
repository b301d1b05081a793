// `foreach` over an IEnumerable that is an array: mcs calls GetEnumerator,
// MoveNext and Current inside a try/finally (to dispose the enumerator when
// it is IDisposable); Array implements IEnumerable with mono's
// ArrayEnumerator.
using System;
using System.Collections;

struct Point
{
    public int X, Y;
    public Point(int x, int y) { X = x; Y = y; }
    public override string ToString() { return "(" + X + ", " + Y + ")"; }
}

enum Color { Red, Green }

class Program
{
    static void Walk(string label, IEnumerable items)
    {
        Console.Write(label + ":");
        foreach (object x in items)
            Console.Write(" " + (x == null ? "null" : x.ToString()));
        Console.WriteLine();
    }

    static int Main()
    {
        Walk("ints", new int[] { 1, 2, 3 });
        Walk("strings", new string[] { "a", null, "c" });
        Walk("points", new Point[] { new Point(1, 2), new Point(3, 4) });
        Walk("colors", new Color[] { Color.Green, Color.Red });
        Walk("grid", new int[,] { { 1, 2 }, { 3, 4 } });
        Walk("jagged", new int[][] { new int[] { 1 }, new int[0] });
        Walk("empty", new double[0]);
        int sum = 0;
        foreach (object o in (IEnumerable)new int[] { 5, 6, 7 })
            sum += (int)o;
        Console.WriteLine("sum = " + sum);
        return 0;
    }
}
