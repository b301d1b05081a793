// Regression: a `constrained.` call whose last argument the JIT kept in a
// register (a field load, a call result) lost that argument when it
// dereferenced the managed pointer `this` (a.CompareTo(n.V) compared a with
// itself). Shared (string) and specialized (int, double) instantiations.
using System;

class Holder<T> { public T V; }

class Ops<T> where T : IComparable<T>, IEquatable<T>
{
    public int FromField(T a, T b) { var n = new Holder<T> { V = b }; return a.CompareTo(n.V); }
    public int FromLocal(T a, T b) { var n = new Holder<T> { V = b }; T x = n.V; return a.CompareTo(x); }
    public int FromParamField(T a, Holder<T> n) { return a.CompareTo(n.V); }
    public int FromCall(T a, T b) { return a.CompareTo(Id(b)); }
    public bool EqualsField(T a, Holder<T> n) { return a.Equals(n.V); }
    public int FromArray(T a, T[] xs, int i) { return a.CompareTo(xs[i]); }
    static T Id(T x) { return x; }

    public string All(T a, T b)
    {
        var h = new Holder<T> { V = b };
        return FromField(a, b) + " " + FromLocal(a, b) + " " + FromParamField(a, h) + " "
            + FromCall(a, b) + " " + EqualsField(a, h) + " " + FromArray(a, new[] { a, b }, 1);
    }
}

class Program
{
    static void Main()
    {
        Console.WriteLine(new Ops<string>().All("apple", "pear"));
        Console.WriteLine(new Ops<string>().All("pear", "pear"));
        Console.WriteLine(new Ops<int>().All(1, 2));
        Console.WriteLine(new Ops<double>().All(2.5, -1.0));
        Console.WriteLine(new Ops<long>().All(5L, 5L));
    }
}
