// Compiler-generated code over generics: iterators (yield return / yield
// break, try/finally inside an iterator, Dispose on early exit), closures
// and lambdas inside generic methods, foreach over struct and IDisposable
// enumerators, collection and object initializers.
using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;

class Log
{
    public static List<string> Lines = new List<string>();
    public static void Add(string s) { Lines.Add(s); Console.WriteLine(s); }
}

class Point
{
    public int X { get; set; }
    public int Y { get; set; }
    public List<string> Tags { get; } = new List<string>();
    public override string ToString() { return "(" + X + "," + Y + ":" + string.Join("|", Tags) + ")"; }
}

class Tree<T> : IEnumerable<T> where T : IComparable<T>
{
    class Node { public T Value; public Node Left, Right; }
    Node root;
    int count;

    public void Add(T value)
    {
        count++;
        if (root == null) { root = new Node { Value = value }; return; }
        Node n = root;
        while (true)
        {
            if (value.CompareTo(n.Value) < 0)
            {
                if (n.Left == null) { n.Left = new Node { Value = value }; return; }
                n = n.Left;
            }
            else
            {
                if (n.Right == null) { n.Right = new Node { Value = value }; return; }
                n = n.Right;
            }
        }
    }

    // A recursive iterator: each level is its own enumerator object.
    static IEnumerable<T> Walk(Node n)
    {
        if (n == null) yield break;
        foreach (T x in Walk(n.Left)) yield return x;
        yield return n.Value;
        foreach (T x in Walk(n.Right)) yield return x;
    }

    public IEnumerator<T> GetEnumerator() { return Walk(root).GetEnumerator(); }
    IEnumerator IEnumerable.GetEnumerator() { return GetEnumerator(); }
    public int Count { get { return count; } }
}

static class Iter
{
    public static IEnumerable<int> Range(int start, int count)
    {
        for (int i = 0; i < count; i++) yield return start + i;
    }

    public static IEnumerable<T> Guarded<T>(string name, IEnumerable<T> source)
    {
        Log.Add("enter " + name);
        try
        {
            foreach (T x in source) yield return x;
        }
        finally
        {
            Log.Add("finally " + name);
        }
    }

    public static IEnumerable<TOut> Map<TIn, TOut>(IEnumerable<TIn> source, Func<TIn, TOut> f)
    {
        foreach (TIn x in source) yield return f(x);
    }

    public static IEnumerable<T> TakeUntil<T>(IEnumerable<T> source, Predicate<T> stop)
    {
        foreach (T x in source)
        {
            if (stop(x)) yield break;
            yield return x;
        }
    }

    public static IEnumerable<KeyValuePair<int, T>> Indexed<T>(IEnumerable<T> source)
    {
        int i = 0;
        foreach (T x in source) yield return new KeyValuePair<int, T>(i++, x);
    }

    // A non-generic IEnumerable iterator.
    public static IEnumerable Mixed()
    {
        yield return 1;
        yield return "two";
        yield return 3.5;
        yield return null;
    }

    // Closures over locals and parameters of a generic method.
    public static List<Func<T>> Capture<T>(T[] items)
    {
        var result = new List<Func<T>>();
        foreach (T item in items)
        {
            T copy = item;
            result.Add(() => copy);
        }
        return result;
    }

    public static Func<T, bool> EqualsTo<T>(T target)
    {
        var cmp = EqualityComparer<T>.Default;
        return x => cmp.Equals(x, target);
    }

    public static Func<int> Counter()
    {
        int n = 0;
        return () => ++n;
    }

    public static T Fold<T, TAcc>(IEnumerable<T> xs, TAcc seed, Func<TAcc, T, TAcc> f, Func<TAcc, T> done)
    {
        TAcc acc = seed;
        foreach (T x in xs) acc = f(acc, x);
        return done(acc);
    }
}

struct Pair<A, B>
{
    public A First; public B Second;
    public Pair(A a, B b) { First = a; Second = b; }
    public IEnumerable<object> Items() { yield return First; yield return Second; }
}

class Program
{
    static void Main()
    {
        // Plain and generic iterators.
        Console.WriteLine(string.Join(",", Iter.Range(5, 4)));
        Console.WriteLine(string.Join(",", Iter.Map(Iter.Range(1, 5), x => x * x)));
        Console.WriteLine(string.Join(",", Iter.Map(new[] { "a", "bb", "ccc" }, s => s.Length + s)));
        Console.WriteLine(string.Join(",", Iter.TakeUntil(Iter.Range(0, 100), x => x * x > 30)));
        foreach (var kv in Iter.Indexed(new List<string> { "x", "y", "z" }))
            Console.WriteLine(kv.Key + "=" + kv.Value);
        foreach (object o in Iter.Mixed())
            Console.WriteLine(o == null ? "null" : o.GetType().Name + ":" + o);

        // An iterator enumerated twice gives fresh enumerators.
        IEnumerable<int> r = Iter.Range(0, 3);
        int pairs = 0;
        foreach (int a in r) foreach (int b in r) pairs += a * 10 + b;
        Console.WriteLine("pairs " + pairs);

        // try/finally in an iterator: finally runs at the end, and on an
        // early break (foreach disposes the enumerator).
        foreach (int x in Iter.Guarded("full", Iter.Range(0, 2))) Log.Add("got " + x);
        foreach (int x in Iter.Guarded("break", Iter.Range(0, 10)))
        {
            Log.Add("got " + x);
            if (x == 1) break;
        }
        using (IEnumerator<int> e = Iter.Guarded("manual", Iter.Range(7, 3)).GetEnumerator())
        {
            e.MoveNext();
            Log.Add("manual " + e.Current);
        }
        // Exceptions thrown from inside an iterator body still run its finally.
        try
        {
            foreach (int x in Iter.Guarded("throw", Iter.Map(Iter.Range(0, 5), v => 10 / (2 - v))))
                Log.Add("q " + x);
        }
        catch (DivideByZeroException) { Log.Add("caught DivideByZeroException"); }
        Console.WriteLine("log lines " + Log.Lines.Count);

        // A recursive generic iterator over a tree (value and reference T).
        var t = new Tree<int> { 50, 30, 70, 20, 40, 60, 80, 35 };
        Console.WriteLine("tree " + t.Count + ": " + string.Join(" ", t));
        var words = new Tree<string> { "pear", "apple", "fig", "banana", "cherry" };
        Console.WriteLine(string.Join(" ", words));
        Console.WriteLine(string.Join(" ", words.Where(w => w.Length > 4).Select(w => w.ToUpper())));

        // Iterators in a generic struct (boxed by the iterator's capture of this).
        var p = new Pair<int, string>(4, "four");
        foreach (object o in p.Items()) Console.WriteLine("item " + o);

        // Closures in generic methods.
        foreach (Func<string> f in Iter.Capture(new[] { "p", "q", "r" })) Console.Write(f());
        Console.WriteLine();
        int sum = 0;
        foreach (Func<int> f in Iter.Capture(new[] { 1, 2, 3, 4 })) sum += f();
        Console.WriteLine("sum " + sum);
        Console.WriteLine(Iter.EqualsTo(3)(3) + " " + Iter.EqualsTo("a")("b") + " " + Iter.EqualsTo<string>(null)(null));
        Func<int> c1 = Iter.Counter(), c2 = Iter.Counter();
        c1(); c1();
        Console.WriteLine("counters " + c1() + " " + c2());
        Console.WriteLine(Iter.Fold(new[] { 1, 2, 3, 4, 5 }, 0L, (acc, x) => acc + x * x, acc => (int)acc));
        Console.WriteLine(Iter.Fold(new[] { "a", "b", "c" }, new List<string>(), (acc, x) => { acc.Insert(0, x); return acc; }, acc => string.Concat(acc)));

        // Object and collection initializers.
        var pt = new Point { X = 1, Y = 2, Tags = { "red", "big" } };
        Console.WriteLine(pt);
        var dict = new Dictionary<string, List<int>>
        {
            { "odd", new List<int> { 1, 3, 5 } },
            { "even", new List<int> { 2, 4 } },
        };
        foreach (var kv in dict) Console.WriteLine(kv.Key + ": " + string.Join(",", kv.Value));
        var points = new List<Point> { new Point { X = 3 }, new Point { Y = 4, Tags = { "t" } } };
        Console.WriteLine(string.Join(" ", points));

        // foreach over struct enumerators and IDisposable ones.
        var list = new List<int> { 3, 1, 2 };
        int total = 0;
        foreach (int v in list) total += v;
        var set = new HashSet<string> { "a", "b", "a" };
        var q = new Queue<int>(Iter.Range(1, 3));
        var st = new Stack<int>(Iter.Range(1, 3));
        Console.WriteLine(total + " " + set.Count + " " + string.Join(",", q) + " " + string.Join(",", st));

        // Modifying a list while an iterator walks it.
        try
        {
            foreach (int v in Iter.Map(list, x => x)) list.Add(v);
        }
        catch (InvalidOperationException) { Console.WriteLine("InvalidOperationException"); }
    }
}
