// Tuple<...> and ValueTuple<...> (mcs's tuple syntax): construction,
// equality, ordering, hash codes (Tuple's are fixed by .NET; ValueTuple's
// are randomized per process on .NET, so only their agreement is
// printed), ToString with nested and null elements, the eight-element
// forms, ITuple, and KeyValuePair.
//
// (In corelib/tests/generic_library.rs, mcs compiles tuple syntax to
// Mono's ValueTuple whatever the compilation defines; the checks written
// with `new ValueTuple<...>` and ValueTuple.Create reach corelib's.)
using System;
using System.Collections;
using System.Collections.Generic;
using System.Runtime.CompilerServices;

static class Program
{
    static void Try(string what, Action action)
    {
        try
        {
            action();
            Console.WriteLine(what + ": ok");
        }
        catch (Exception e)
        {
            Console.WriteLine(what + ": " + e.GetType().Name + ": " + e.Message);
        }
    }

    static (int sum, int product) SumAndProduct(int a, int b)
    {
        return (a + b, a * b);
    }

    static (string, int, double) Triple()
    {
        return ("x", 2, 3.5);
    }

    static int Sign(int c)
    {
        return c < 0 ? -1 : c > 0 ? 1 : 0;
    }

    static void Main()
    {
        var t1 = Tuple.Create(1);
        var t2 = Tuple.Create(1, "two");
        var t3 = Tuple.Create(1, "two", 3.0);
        var t7 = Tuple.Create(1, 2, 3, 4, 5, 6, 7);
        var t8 = Tuple.Create(1, 2, 3, 4, 5, 6, 7, 8);
        var nested = Tuple.Create(Tuple.Create(1, 2), (string)null, new int[0].Length);
        Console.WriteLine(t1 + " " + t2 + " " + t3 + " " + t7 + " " + t8 + " " + nested);
        Console.WriteLine("items " + t2.Item1 + t2.Item2 + " rest " + t8.Rest + " " + t8.Rest.Item1);
        var long10 = new Tuple<int, int, int, int, int, int, int, Tuple<int, int, int>>(1, 2, 3, 4, 5, 6, 7, Tuple.Create(8, 9, 10));
        var long15 = new Tuple<int, int, int, int, int, int, int, Tuple<int, int, int, int, int, int, int, Tuple<int>>>(1, 2, 3, 4, 5, 6, 7, Tuple.Create(8, 9, 10, 11, 12, 13, 14, 15));
        Console.WriteLine(long10 + " " + long15);
        Console.WriteLine("hash " + t1.GetHashCode() + " " + Tuple.Create(1, 2).GetHashCode() + " " + Tuple.Create(1, 2, 3).GetHashCode() + " " + Tuple.Create(1, 2, 3, 4).GetHashCode() + " " + Tuple.Create(1, 2, 3, 4, 5).GetHashCode() + " " + Tuple.Create(1, 2, 3, 4, 5, 6).GetHashCode() + " " + t7.GetHashCode() + " " + t8.GetHashCode() + " " + long10.GetHashCode() + " " + long15.GetHashCode());
        Console.WriteLine("hash with null " + Tuple.Create(5, (string)null).GetHashCode() + " bools " + Tuple.Create(true, false).GetHashCode());
        Console.WriteLine("equals " + t2.Equals(Tuple.Create(1, "two")) + t2.Equals(Tuple.Create(1, "TWO")) + t2.Equals(null) + t2.Equals("x") + t8.Equals(Tuple.Create(1, 2, 3, 4, 5, 6, 7, 8)) + Tuple.Create(1, 2).Equals(Tuple.Create(1L, 2)));
        Console.WriteLine("== is reference " + (Tuple.Create(1) == Tuple.Create(1)));
        IComparable c2 = Tuple.Create(1, "b");
        Console.WriteLine("compare " + Sign(c2.CompareTo(Tuple.Create(1, "a"))) + " " + Sign(c2.CompareTo(Tuple.Create(2, "a"))) + " " + c2.CompareTo(Tuple.Create(1, "b")) + " null " + c2.CompareTo(null));
        Try("compare wrong type", () => c2.CompareTo(Tuple.Create(1)));
        Try("eight elements with a non-tuple rest", () => new Tuple<int, int, int, int, int, int, int, int>(1, 2, 3, 4, 5, 6, 7, 8));
        var tuples = new List<Tuple<string, int>> { Tuple.Create("b", 2), Tuple.Create("a", 9), Tuple.Create("b", 1) };
        tuples.Sort();
        Console.WriteLine("sorted tuples " + string.Join(" ", tuples));
        IStructuralEquatable se = Tuple.Create("a", "B");
        Console.WriteLine("structural " + se.Equals(Tuple.Create("A", "b"), StringComparer.OrdinalIgnoreCase) + " " + se.Equals(Tuple.Create("A", "b"), EqualityComparer<object>.Default));
        ITuple it = t3;
        Console.WriteLine("ituple " + it.Length + " " + it[1] + " " + ((ITuple)t8).Length + " " + ((ITuple)t8)[7] + " " + ((ITuple)long15).Length + " " + ((ITuple)long15)[14]);
        Try("ituple index", () => { object o = it[3]; });

        // ValueTuple, written with mcs's tuple syntax.
        var v = (1, "a");
        var w = SumAndProduct(3, 4);
        (string s, int n, double d) = Triple();
        Console.WriteLine(v + " " + v.Item1 + v.Item2 + " " + w + " " + w.sum + " " + w.product + " " + s + n + d + " " + Triple());
        var v7 = (1, 2, 3, 4, 5, 6, 7);
        Console.WriteLine(v7 + " " + ValueTuple.Create() + " " + ValueTuple.Create(1) + " " + ValueTuple.Create(1, 2, 3, 4, 5, 6, 7, 8) + " " + ValueTuple.Create("x", (string)null));
        Console.WriteLine("vt equals " + v.Equals((1, "a")) + v.Equals((2, "a")) + v.Equals((object)(1, "a")) + v.Equals((object)"x") + ValueTuple.Create().Equals(ValueTuple.Create()));
        Console.WriteLine("vt compare " + Sign(v.CompareTo((1, "b"))) + " " + Sign((2, 0).CompareTo((1, 9))) + " " + (1, 1).CompareTo((1, 1)));
        IComparable vc = (1, 2);
        Try("vt compare wrong type", () => vc.CompareTo("x"));
        Console.WriteLine("vt compare null " + vc.CompareTo(null));
        Console.WriteLine("vt hash agrees " + ((1, "a").GetHashCode() == (1, "a").GetHashCode()) + " single " + ValueTuple.Create(42).GetHashCode() + " empty " + ValueTuple.Create().GetHashCode() + " null single " + ValueTuple.Create((string)null).GetHashCode());
        var mutable = (x: 1, y: 2);
        mutable.x = 10;
        mutable.Item2 = 20;
        Console.WriteLine("mutable " + mutable);
        var dict = new Dictionary<(int, string), int>();
        dict[(1, "a")] = 5;
        dict[(1, "a")] += 1;
        Console.WriteLine("tuple keys " + dict.Count + " " + dict[(1, "a")]);
        var vlist = new List<(string name, int age)> { ("bo", 30), ("al", 25), ("al", 20) };
        vlist.Sort();
        Console.WriteLine("sorted value tuples " + string.Join(" ", vlist));
        ITuple vit = (1, "b", 3.0);
        Console.WriteLine("value ituple " + vit.Length + " " + vit[2] + " " + ((ITuple)ValueTuple.Create(1, 2, 3, 4, 5, 6, 7, 8)).Length);
        Try("vt eight elements with a non-tuple rest", () => new ValueTuple<int, int, int, int, int, int, int, int>(1, 2, 3, 4, 5, 6, 7, 8));

        var e2 = new ValueTuple<int, string>(1, "a");
        var e3 = new ValueTuple<int, string, double>(1, null, 2.5);
        var e8 = new ValueTuple<int, int, int, int, int, int, int, ValueTuple<int, int>>(1, 2, 3, 4, 5, 6, 7, new ValueTuple<int, int>(8, 9));
        var e1 = new ValueTuple<string>("solo");
        Console.WriteLine("explicit " + e1 + " " + e2 + " " + e3 + " " + e8 + " " + e8.Rest.Item2 + " " + new ValueTuple<int, int, int, int, int>(5, 4, 3, 2, 1));
        Console.WriteLine("explicit equals " + e2.Equals(new ValueTuple<int, string>(1, "a")) + e2.Equals(new ValueTuple<int, string>(1, "b")) + e2.Equals((object)new ValueTuple<int, string>(1, "a")) + e2.Equals((object)5) + e8.Equals(new ValueTuple<int, int, int, int, int, int, int, ValueTuple<int, int>>(1, 2, 3, 4, 5, 6, 7, new ValueTuple<int, int>(8, 9))));
        Console.WriteLine("explicit compare " + Sign(e2.CompareTo(new ValueTuple<int, string>(1, "b"))) + " " + Sign(new ValueTuple<int, int>(2, 0).CompareTo(new ValueTuple<int, int>(1, 9))) + " " + e2.CompareTo(new ValueTuple<int, string>(1, "a")));
        IComparable ec = new ValueTuple<int, int>(1, 2);
        Try("explicit compare wrong type", () => ec.CompareTo("x"));
        Console.WriteLine("explicit compare null " + ec.CompareTo(null) + " hash agrees " + (e2.GetHashCode() == new ValueTuple<int, string>(1, "a").GetHashCode()) + " single " + new ValueTuple<int>(42).GetHashCode());
        ITuple eit = e8;
        Console.WriteLine("explicit ituple " + eit.Length + " " + eit[8] + " " + ((ITuple)e3)[1] + "|" + ((ITuple)e1).Length);
        Try("explicit ituple index", () => { object o = ((ITuple)e2)[2]; });
        var elist = new List<ValueTuple<string, int>> { new ValueTuple<string, int>("b", 1), new ValueTuple<string, int>("a", 2), new ValueTuple<string, int>("a", 1) };
        elist.Sort();
        Console.WriteLine("explicit sorted " + string.Join(" ", elist));
        var edict = new Dictionary<ValueTuple<int, int>, string> { { new ValueTuple<int, int>(1, 2), "x" } };
        Console.WriteLine("explicit keys " + edict[new ValueTuple<int, int>(1, 2)] + " " + edict.ContainsKey(new ValueTuple<int, int>(2, 1)));
        IStructuralEquatable ese = new ValueTuple<string, string>("a", "B");
        Console.WriteLine("explicit structural " + ese.Equals(new ValueTuple<string, string>("A", "b"), StringComparer.OrdinalIgnoreCase));

        // KeyValuePair.
        var kv = new KeyValuePair<string, int>("k", 3);
        var kvNull = new KeyValuePair<string, string>(null, null);
        string key;
        int value;
        kv.Deconstruct(out key, out value);
        Console.WriteLine(kv + " " + kvNull + " " + kv.Key + kv.Value + " " + key + value + " " + default(KeyValuePair<int, int>));
    }
}
