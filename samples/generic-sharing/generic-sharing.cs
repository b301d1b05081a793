using System;
using System.Collections.Generic;
delegate R Fn<T, R>(T x);
interface IGet<T> { T Get(); }
class Holder<T> : IGet<T> {
    public T V;
    public static int Made;
    public static string Tag = "tag:" + typeof(T).Name;
    public Holder(T v) { V = v; Made++; }
    public T Get() { return V; }
    public static Holder<T> Make(T v) { return new Holder<T>(v); }
    public T[] Repeat(int n) { var a = new T[n]; for (int i = 0; i < n; i++) a[i] = V; return a; }
    public bool IsMine(object o) { return o is Holder<T>; }
    public Type MyType() { return typeof(T); }
    public Fn<int, T> Getter() { return x => V; }
    public U Convert<U>(Fn<T, U> f) { return f(V); }
}
class Precise<T> {
    public static string Log = "";
    static Precise() { Log = "cctor " + typeof(T).Name; Console.WriteLine("Precise<" + typeof(T).Name + "> cctor"); }
    public static string Hello() { return "hello from " + typeof(T).Name + " (" + Log + ")"; }
}
class Base<T> { public T B; public virtual string Show() { return "Base<" + typeof(T).Name + ">:" + B + " " + (B is T); } public List2<T> Wrap() { return new List2<T>(B); } }
class Derived<T, U> : Base<T> { public U D; public override string Show() { return "Derived " + base.Show() + " " + D + " " + typeof(U).Name; } }
class List2<T> { public T Item; public List2(T t) { Item = t; } }
struct SBox<T> { public T X; public override string ToString() { return "SBox(" + X + ")"; } }
class Program {
    static string Describe<T>(T x) { return x + ":" + typeof(T).Name + ":" + Inner<T>(x).GetType().Name; }
    static List2<T> Inner<T>(T x) { return new List2<T>(x); }
    static T First<T>(IGet<T> g) { return g.Get(); }
    static string Boxes<T>(T x) { var s = new SBox<T> { X = x }; object o = s; return s.ToString() + " " + o.ToString() + " " + ((SBox<T>)o).X; }
    static T Cast<T>(object o) { return (T)o; }
    static int Main() {
        var hs = new Holder<string>("s");
        var ho = new Holder<object>(42);
        var hi = new Holder<int>(7);
        Console.WriteLine(hs.Get() + " " + ho.Get() + " " + hi.Get());
        Console.WriteLine(Holder<string>.Made + " " + Holder<object>.Made + " " + Holder<int>.Made);
        Console.WriteLine(Holder<string>.Make("x").V + " " + Holder<string>.Made + " " + Holder<object>.Made);
        Console.WriteLine(Holder<string>.Tag + " " + Holder<object>.Tag + " " + Holder<int>.Tag);
        Console.WriteLine(hs.Repeat(3).GetType() + " " + ho.Repeat(2).Length + " " + hs.Repeat(2)[1]);
        Console.WriteLine(hs.IsMine(hs) + " " + hs.IsMine(ho) + " " + ho.IsMine(ho));
        Console.WriteLine(hs.MyType() + " " + ho.MyType());
        Console.WriteLine(hs.Getter()(1) + " " + ho.Getter()(2));
        Console.WriteLine(hs.Convert<int>(s => s.Length + 10) + " " + hs.Convert<string>(s => s + "!"));
        Console.WriteLine(Precise<string>.Hello());
        Console.WriteLine(Precise<object>.Hello());
        Console.WriteLine(new Derived<string, object> { B = "b", D = 3 }.Show());
        Console.WriteLine(new Derived<object, string> { B = "b2", D = "d" }.Show());
        Console.WriteLine(new Derived<string, string> { B = "b3" }.Wrap().GetType());
        Console.WriteLine(Describe("a") + " " + Describe(new object()) + " " + Describe(5));
        Console.WriteLine(First<string>(hs) + " " + First<object>(ho));
        Console.WriteLine(Boxes("q") + " | " + Boxes(1.5));
        Console.WriteLine(Cast<string>("c"));
        try { Cast<string>(3); } catch (InvalidCastException) { Console.WriteLine("ICE"); }
        IGet<object> cov = new Holder<object>("cov");
        Console.WriteLine(cov.Get());
        return 0;
    }
}
