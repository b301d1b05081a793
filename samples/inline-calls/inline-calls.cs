// Calls the optimizing tier turns into direct calls, inlines or
// devirtualizes (docs/jit.md, "Inlining" and "Devirtualization"): property
// getters and setters, constructor chains, small static methods, virtual
// calls on sealed classes, on final methods and on objects of an exact
// type from `new`, and corelib accessors. Run in a loop so that tiering
// optimizes them; the results, and the stack traces of exceptions raised
// at or near would-be-inlined calls, must match mono's.
using System;
using System.Runtime.CompilerServices;

class Shape
{
    protected int size;
    public Shape(int size) { this.size = size; }
    public virtual int Area() { return size; }
    public virtual int Scale(int k) { return size * k; }
}

sealed class Square : Shape
{
    public Square(int side) : base(side) { }
    public override int Area() { return size * size; }
    public int Side { get { return size; } set { size = value; } }
}

class Rect : Shape
{
    int width;
    public Rect(int h, int w) : base(h) { width = w; }
    public override int Area() { return size * width; }
    public sealed override int Scale(int k) { return size * width * k; }
}

class Counter
{
    int count;
    long total;
    public int Count { get { return count; } }
    public long Total { get { return total; } set { total = value; } }
    public void Add(int v) { count++; total += v; }
    // Can throw (a division): the tier does not inline it, and mono does
    // not either with NoInlining (without it mono inlines it and its trace
    // loses the getter's frame).
    public int Ratio { [MethodImpl(MethodImplOptions.NoInlining)] get { return (int)(total / count); } }
    public int Fixed { [MethodImpl(MethodImplOptions.NoInlining)] get { return count * 2; } }
}

class Program
{
    static int Twice(int x) { return x + x; }
    static int Clamp(int x) { return Math.Max(0, Math.Min(x, 100)); }
    static double Half(double d) { return d / 2; }

    static long Work(int n)
    {
        long sum = 0;
        var c = new Counter();
        for (int i = 0; i < n; i++)
        {
            Shape s = new Square(i & 15);
            sum += s.Area();
            var q = new Square(3);
            q.Side = q.Side + 1;
            sum += q.Area() + q.Side;
            Shape r = new Rect(i & 7, 3);
            sum += r.Area() + r.Scale(2);
            var rr = new Rect(2, i & 3);
            sum += rr.Scale(3);
            c.Add(i);
            sum += c.Count + Twice(i) + Clamp(i - 50) + c.Fixed;
            sum += "hello".Length + "hello"[i % 5];
            sum += (long)Half(i);
        }
        c.Total = c.Total + 1;
        return sum + c.Total + c.Ratio;
    }

    static void Trace(Exception e)
    {
        Console.WriteLine(e.GetType().Name);
        foreach (var line in e.StackTrace.Split('\n'))
        {
            var t = line.Trim();
            int paren = t.IndexOf(" (");
            int bracket = t.IndexOf(" [");
            int cut = paren >= 0 ? paren : (bracket >= 0 ? bracket : t.Length);
            Console.WriteLine("  " + t.Substring(0, cut));
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    static int ThroughNull(Counter c) { return c.Count; }

    [MethodImpl(MethodImplOptions.NoInlining)]
    static int ThroughRatio(Counter c) { return c.Ratio; }

    [MethodImpl(MethodImplOptions.NoInlining)]
    static int ThroughIndex(string s, int i) { return s[i]; }

    static void Main()
    {
        for (int round = 0; round < 3; round++)
            Console.WriteLine(Work(1000 + round));
        for (int round = 0; round < 40; round++)
        {
            var c = new Counter();
            c.Add(round + 1);
            if (ThroughNull(c) + ThroughRatio(c) + ThroughIndex("abc", round % 3) < 0)
                Console.WriteLine("never");
        }
        try { ThroughNull(null); } catch (Exception e) { Trace(e); }
        try { ThroughRatio(new Counter()); } catch (Exception e) { Trace(e); }
    }
}
