// C# whose IL merges object types where control flow meets, compiled
// without -unsafe: the policy verifies it in full (tests/verify.rs), and it
// must run as on mono. mcs leaves the conditional's interface conversion
// implicit, so the stack holds a Square on one path and a Circle on the
// other when the value is used as an ISized.
using System;

interface ISized { int Size(); }
interface INamed { string Name(); }
class Shape { public virtual string Kind() { return "shape"; } }
class Square : Shape, ISized, INamed {
    public int Size() { return 4; }
    public string Name() { return "square"; }
    public override string Kind() { return "square:" + base.Kind(); }
}
class Circle : Shape, ISized, INamed {
    public int Size() { return 7; }
    public string Name() { return "circle"; }
}
class Loner : INamed { public string Name() { return "loner"; } }
struct Point : INamed {
    public int X, Y;
    public Point(int x, int y) { X = x; Y = y; }
    public string Name() { return "point " + X + "," + Y; }
}
delegate int Op(int x);

class Program {
    readonly int seed;
    int total;
    Program(int seed) { this.seed = seed; total = seed * 2; }
    Program() : this(5) { total++; }

    static int Twice(int x) { return 2 * x; }
    int AddSeed(int x) { return x + seed; }
    static void Bump(ref int x) { x++; }
    static void Fill(out int x) { x = 9; }

    static int Size(bool b) { ISized s = b ? (ISized)new Square() : new Circle(); return s.Size(); }
    static string Name(int k) {
        INamed n = k == 0 ? (INamed)new Square() : k == 1 ? (INamed)new Circle() : new Loner();
        return n.Name();
    }
    static string Kind(bool b) { return (b ? new Square() : (Shape)new Circle()).Kind(); }
    static int Length(bool b) { object[] a = b ? new string[2] : new object[3]; return a.Length; }

    static int Main() {
        Console.WriteLine(Size(true) + Size(false));
        for (int k = 0; k < 3; k++) Console.WriteLine(Name(k));
        Console.WriteLine(Kind(true) + " " + Kind(false));
        Console.WriteLine(Length(true) + Length(false));
        Point p = new Point(1, 2);
        INamed boxed = p;
        Console.WriteLine(p.Name() + " / " + boxed.Name() + " / " + p.ToString().Length);
        var prog = new Program();
        Op op = Twice;
        op += prog.AddSeed;
        Op closure = x => x + prog.total;
        Console.WriteLine(op(10) + " " + closure(1));
        int n = 1;
        Bump(ref n);
        Fill(out int m);
        Console.WriteLine(n + m);
        int[] arr = { 3, 1, 2 };
        int sum = 0;
        foreach (int v in arr) sum += v;
        Point[] pts = { new Point(1, 1), new Point(2, 3) };
        pts[1].X += 10;
        Console.WriteLine(sum + " " + pts[1].Name());
        object o = n;
        string s = o is int ? "int" : o as string;
        Console.WriteLine(s + " " + (int)o);
        try {
            checked { int big = int.MaxValue; big += n; Console.WriteLine(big); }
        } catch (OverflowException e) {
            Console.WriteLine(e.GetType().Name);
        } finally {
            Console.WriteLine("finally");
        }
        switch (Name(2)) {
            case "loner": Console.WriteLine("switched"); break;
            default: Console.WriteLine("default"); break;
        }
        return sum;
    }
}
