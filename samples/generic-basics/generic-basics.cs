using System;
class Box<T> {
    public T Value;
    public Box(T v) { Value = v; }
    public T Get() { return Value; }
    public static int Count;
    public override string ToString() { return "Box(" + Value + ")"; }
}
struct Pair<A, B> {
    public A First; public B Second;
    public Pair(A a, B b) { First = a; Second = b; }
    public override string ToString() { return "(" + First + ", " + Second + ")"; }
}
interface IShape<T> { T Area(); }
class Sq : IShape<int> { public int S; public int Area() { return S * S; } }
class Base<T> { public virtual string Describe(T x) { return "base " + x; } }
class Derived : Base<int> { public override string Describe(int x) { return "derived " + x; } }
class Program {
    static T Id<T>(T x) { return x; }
    static void Swap<T>(ref T a, ref T b) { T t = a; a = b; b = t; }
    static int Main() {
        var b = new Box<int>(42);
        Console.WriteLine(b.Get());
        var s = new Box<string>("hi");
        Console.WriteLine(s.Get());
        Console.WriteLine(b);
        Box<int>.Count = 3; Box<string>.Count = 5;
        Console.WriteLine(Box<int>.Count + " " + Box<string>.Count);
        var p = new Pair<int, string>(1, "one");
        Console.WriteLine(p.First + " " + p.Second);
        Console.WriteLine(p.ToString());
        Console.WriteLine(Id(7) + Id(8));
        Console.WriteLine(Id("str"));
        int x = 1, y = 2; Swap(ref x, ref y); Console.WriteLine(x + " " + y);
        string u = "a", v = "b"; Swap(ref u, ref v); Console.WriteLine(u + v);
        IShape<int> sh = new Sq { S = 5 };
        Console.WriteLine(sh.Area());
        Base<int> d = new Derived();
        Console.WriteLine(d.Describe(3));
        Console.WriteLine(new Base<string>().Describe("q"));
        object o = b;
        Console.WriteLine(o is Box<int>);
        Console.WriteLine(o is Box<string>);
        return 0;
    }
}
