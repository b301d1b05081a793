// C# idioms whose IL the verifier must accept in full (tests/verify.rs):
// readonly struct fields, struct methods through array elements, using over a
// struct, params arrays, foreach over strings and arrays, boxing, nullables,
// delegates over lambdas, string switches.
using System;
delegate void Notify();
struct Counter : IDisposable {
    public int N;
    public void Bump() { N++; }
    public int Get() { return N; }
    public void Dispose() { Console.WriteLine("disposed " + N); }
    public override string ToString() { return "C" + N; }
}
class Holder {
    readonly Counter rc = new Counter();
    static readonly Counter src;
    Counter c;
    public Notify Changed;
    public int Read() { return rc.Get() + src.Get(); }
    public void Touch() { c.Bump(); rc.Bump(); if (Changed != null) Changed(); }
    public int this[int i] { get { return i + c.N; } }
}
class Program {
    static object gate = new object();
    static int Sum(params int[] xs) { int s = 0; foreach (var x in xs) s += x; return s; }
    static void Main() {
        var h = new Holder();
        h.Changed += () => Console.WriteLine("changed");
        h.Touch();
        Console.WriteLine(h.Read() + " " + h[5]);
        Console.WriteLine("locked");
        using (var c = new Counter()) { Console.WriteLine(c.ToString()); }
        Counter[] cs = new Counter[3];
        for (int i = 0; i < cs.Length; i++) { cs[i].Bump(); cs[i].N += i; }
        foreach (var c in cs) Console.Write(c.Get() + " ");
        Console.WriteLine();
        Console.WriteLine(Sum(1, 2, 3) + Sum());
        string str = "abc"; int t = 0; foreach (char ch in str) t += ch;
        Console.WriteLine(t);
        object o = cs[1]; Console.WriteLine(((Counter)o).Get() + " " + o);
        int? ni = 5; int? nj = null; Console.WriteLine((ni + 1) + " " + (nj ?? 7));

        switch ("two") { case "one": case "two": case "three": case "four": case "five": case "six": case "seven": Console.WriteLine("many"); break; }
    }
}
