// HashSet<T>: order of enumeration (slot reuse, reset when emptied), set
// operations against sets, lists with duplicates and other comparers,
// the subset/superset predicates, exceptions and invalidation.
using System;
using System.Collections;
using System.Collections.Generic;

class CaseInsensitive : IEqualityComparer<string>
{
    public bool Equals(string x, string y) { return string.Equals(x, y, StringComparison.OrdinalIgnoreCase); }
    public int GetHashCode(string s) { return s.ToUpperInvariant().GetHashCode(); }
}

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

    static string Show<T>(IEnumerable<T> items)
    {
        var parts = new List<string>();
        foreach (T item in items)
            parts.Add(item == null ? "null" : item.ToString());
        return "[" + string.Join(", ", parts.ToArray()) + "]";
    }

    static HashSet<int> Set(params int[] items)
    {
        return new HashSet<int>(items);
    }

    static void Main()
    {
        var s = new HashSet<int>();
        Console.WriteLine("add " + s.Add(5) + s.Add(3) + s.Add(5) + s.Add(-1) + s.Add(100) + " " + Show(s) + " " + s.Count);
        Console.WriteLine("remove " + s.Remove(3) + s.Remove(3) + " " + Show(s));
        s.Add(42);
        s.Add(43);
        Console.WriteLine("reuse " + Show(s));
        s.Remove(5);
        s.Remove(-1);
        s.Remove(100);
        s.Remove(42);
        s.Remove(43);
        s.Add(7);
        s.Add(8);
        Console.WriteLine("after emptying " + Show(s));
        Console.WriteLine("contains 7 " + s.Contains(7) + " 9 " + s.Contains(9));
        int actual;
        Console.WriteLine("trygetvalue " + s.TryGetValue(8, out actual) + " " + actual + " " + s.TryGetValue(1, out actual));

        var withNull = new HashSet<string> { "a", null, "b", null };
        Console.WriteLine("null element " + Show(withNull) + " " + withNull.Contains(null) + " " + withNull.Remove(null) + " " + Show(withNull));

        // Set operations.
        var a = Set(1, 2, 3, 4, 5);
        a.UnionWith(new[] { 4, 9, 9, 6 });
        Console.WriteLine("union " + Show(a));
        a.IntersectWith(new List<int> { 9, 1, 1, 5, 77 });
        Console.WriteLine("intersect list " + Show(a));
        a = Set(1, 2, 3, 4, 5);
        a.IntersectWith(Set(5, 3, 8));
        Console.WriteLine("intersect set " + Show(a));
        a = Set(1, 2, 3, 4, 5);
        a.IntersectWith(new int[0]);
        Console.WriteLine("intersect empty " + Show(a));
        a = Set(1, 2, 3, 4, 5);
        a.IntersectWith(Gen(2, 4, 6));
        Console.WriteLine("intersect sequence " + Show(a));
        a = Set(1, 2, 3, 4, 5);
        a.ExceptWith(new[] { 2, 4, 4, 10 });
        a.Add(20);
        a.Add(21);
        Console.WriteLine("except then add " + Show(a));
        a.ExceptWith(a);
        Console.WriteLine("except self " + Show(a) + " " + a.Count);
        a = Set(1, 2, 3, 4, 5);
        a.SymmetricExceptWith(new[] { 4, 5, 6, 6, 7 });
        Console.WriteLine("symmetric except array " + Show(a));
        a.Add(100);
        Console.WriteLine("then add " + Show(a));
        a = Set(1, 2, 3, 4, 5);
        a.SymmetricExceptWith(Set(7, 1, 6));
        Console.WriteLine("symmetric except set " + Show(a));
        a = Set();
        a.SymmetricExceptWith(new[] { 3, 3, 1 });
        Console.WriteLine("symmetric except into empty " + Show(a));
        a.SymmetricExceptWith(a);
        Console.WriteLine("symmetric except self " + Show(a));

        var x = Set(1, 2, 3);
        var y = Set(1, 2, 3, 4);
        var dup = new[] { 1, 1, 2, 3, 3 };
        Console.WriteLine("subset " + x.IsSubsetOf(y) + y.IsSubsetOf(x) + x.IsSubsetOf(dup) + Set().IsSubsetOf(x) + x.IsSubsetOf(x));
        Console.WriteLine("proper subset " + x.IsProperSubsetOf(y) + x.IsProperSubsetOf(dup) + x.IsProperSubsetOf(new[] { 1, 2, 3, 3, 9 }) + Set().IsProperSubsetOf(new int[0]) + Set().IsProperSubsetOf(dup) + x.IsProperSubsetOf(x));
        Console.WriteLine("superset " + y.IsSupersetOf(x) + x.IsSupersetOf(y) + x.IsSupersetOf(dup) + x.IsSupersetOf(new int[0]) + x.IsSupersetOf(x));
        Console.WriteLine("proper superset " + y.IsProperSupersetOf(x) + x.IsProperSupersetOf(dup) + y.IsProperSupersetOf(dup) + x.IsProperSupersetOf(new int[0]) + Set().IsProperSupersetOf(new int[0]) + x.IsProperSupersetOf(x));
        Console.WriteLine("overlaps " + x.Overlaps(new[] { 9, 3 }) + x.Overlaps(new[] { 9 }) + Set().Overlaps(x) + x.Overlaps(x));
        Console.WriteLine("setequals " + x.SetEquals(dup) + x.SetEquals(y) + x.SetEquals(new[] { 3, 2, 1 }) + Set().SetEquals(new int[0]) + Set().SetEquals(dup) + x.SetEquals(Set(3, 1, 2)) + x.SetEquals(x));
        Try("union null", () => x.UnionWith(null));
        Try("intersect null", () => x.IntersectWith(null));
        Try("except null", () => x.ExceptWith(null));
        Try("symmetric null", () => x.SymmetricExceptWith(null));
        Try("subset null", () => x.IsSubsetOf(null));
        Try("overlaps null", () => x.Overlaps(null));
        Try("setequals null", () => x.SetEquals(null));
        Try("null collection", () => new HashSet<int>((IEnumerable<int>)null));
        Try("negative capacity", () => new HashSet<int>(-1));

        // Comparers.
        var ci = new HashSet<string>(new CaseInsensitive()) { "Apple", "APPLE", "banana", "Banana", "cherry" };
        Console.WriteLine("case insensitive " + Show(ci) + " " + ci.Contains("CHERRY"));
        var ordinal = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "x", "X", "y" };
        Console.WriteLine("ordinal ignore case " + Show(ordinal));
        ci.IntersectWith(new HashSet<string> { "apple", "CHERRY" });
        Console.WriteLine("intersect other comparer " + Show(ci));
        var copyOfCi = new HashSet<string>(ci, new CaseInsensitive());
        Console.WriteLine("copy with comparer " + Show(copyOfCi) + " " + copyOfCi.Contains("APPLE"));
        var sameComparer = new HashSet<int>(Set(5, 6, 7));
        Console.WriteLine("copy of set " + Show(sameComparer));
        var sparse = Set(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
        for (int i = 2; i <= 10; i++)
            sparse.Remove(i);
        var sparseCopy = new HashSet<int>(sparse);
        sparseCopy.Add(50);
        sparseCopy.Add(51);
        Console.WriteLine("copy of sparse set " + Show(sparseCopy));

        // Removal, copying, trimming.
        var r = new HashSet<int>();
        for (int i = 0; i < 30; i++)
            r.Add(i);
        Console.WriteLine("removewhere " + r.RemoveWhere(v => v % 3 != 0) + " " + Show(r));
        Try("removewhere null", () => r.RemoveWhere(null));
        int[] arr = new int[12];
        r.CopyTo(arr);
        Console.WriteLine("copyto " + Show(arr));
        r.CopyTo(arr, 2, 3);
        Console.WriteLine("copyto count " + Show(arr));
        Try("copyto small", () => r.CopyTo(new int[3]));
        Try("copyto negative", () => r.CopyTo(arr, -1));
        Try("copyto count negative", () => r.CopyTo(arr, 0, -1));
        r.TrimExcess();
        r.Add(1000);
        Console.WriteLine("after trim " + Show(r));
        Console.WriteLine("ensurecapacity " + new HashSet<int>().EnsureCapacity(20));
        r.Clear();
        r.Add(3);
        Console.WriteLine("after clear " + Show(r));

        // Invalidation.
        var inv = Set(1, 2, 3);
        Try("add while enumerating", () => { foreach (int v in inv) inv.Add(v + 10); });
        inv = Set(1, 2, 3);
        Try("add existing while enumerating", () => { foreach (int v in inv) inv.Add(v); });
        Try("remove missing while enumerating", () => { foreach (int v in inv) inv.Remove(99); });
        Try("remove while enumerating", () => { foreach (int v in inv) inv.Remove(v); });
        Try("clear empty while enumerating", () => { var e = new HashSet<int>(); var en = e.GetEnumerator(); e.Clear(); en.MoveNext(); });
        IEnumerator ie = Set(4).GetEnumerator();
        Try("ienumerator current before", () => { object o = ie.Current; });
        ie.MoveNext();
        Console.WriteLine("ienumerator current " + ie.Current);
        ie.MoveNext();
        Try("ienumerator current after", () => { object o = ie.Current; });

        // Set comparer.
        var setComparer = HashSet<int>.CreateSetComparer();
        Console.WriteLine("set comparer " + setComparer.Equals(Set(1, 2), Set(2, 1)) + setComparer.Equals(Set(1, 2), Set(1)) + setComparer.Equals(null, null) + setComparer.Equals(Set(1), null) + " hash " + (setComparer.GetHashCode(Set(1, 2)) == setComparer.GetHashCode(Set(2, 1))));
        var setOfSets = new HashSet<HashSet<int>>(setComparer) { Set(1, 2), Set(2, 1), Set(3) };
        Console.WriteLine("set of sets " + setOfSets.Count);

        var big = new HashSet<long>();
        for (long i = 0; i < 100000; i++)
            big.Add(i * i % 50021);
        Console.WriteLine("big " + big.Count);
    }

    static IEnumerable<int> Gen(params int[] items)
    {
        foreach (int i in items)
            yield return i;
    }
}
