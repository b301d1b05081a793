// Generic C# compiled without -unsafe (tests/verify.rs): constrained calls,
// members of constraint types on T, interface constraints over arrays; shared
// code runs each instantiation verified exactly.
using System;
class Base { public virtual string Name() { return "base"; } public int V = 3; }
class Derived : Base { public override string Name() { return "derived"; } }
interface IScore { int Score(); }
class Player : Base, IScore { public int Score() { return 42; } }
struct Point : IComparable<Point> { public int X; public int CompareTo(Point o) { return X - o.X; } }
class Box<T> where T : Base {
    T item;
    public Box(T t) { item = t; }
    public string Describe() { return item.Name() + item.V; }
    public T Get() { return item; }
}
static class Algo {
    public static T Max<T>(T a, T b) where T : IComparable<T> { return a.CompareTo(b) >= 0 ? a : b; }
    public static int Total<T>(T[] xs) where T : IScore { int s = 0; foreach (var x in xs) s += x.Score(); return s; }
    public static T First<T>(T[] xs) { return xs.Length > 0 ? xs[0] : default(T); }
    public static bool IsNull<T>(T x) where T : class { return x == null; }
}
class Pair<A, B> { public A First; public B Second; public Pair(A a, B b) { First = a; Second = b; } public override string ToString() { return First + "/" + Second; } }
class Program {
    static void Main() {
        Console.WriteLine(new Box<Base>(new Derived()).Describe() + " " + new Box<Player>(new Player()).Describe());
        var p = Algo.Max(new Point { X = 3 }, new Point { X = 5 });
        Console.WriteLine(p.X + " " + Algo.Max("apple", "pear") + " " + Algo.Max(4, 9));
        Console.WriteLine(Algo.Total(new[] { new Player(), new Player() }));
        Console.WriteLine(Algo.First(new[] { "x", "y" }) + Algo.First(new int[0]) + Algo.IsNull<string>(null));
        Console.WriteLine(new Pair<string, int>("a", 1) + " " + new Pair<object, Base>(null, new Derived()).Second.Name());
    }
}
