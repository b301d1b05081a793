// SortedSet<T>, SortedDictionary<TKey, TValue> and SortedList<TKey, TValue>:
// order under comparers, views (GetViewBetween), Min/Max/Reverse, set
// operations, exceptions, invalidation, and thousands of random inserts
// and removals checked against a sorted List<T>.
using System;
using System.Collections;
using System.Collections.Generic;

class Descending : IComparer<int>
{
    public int Compare(int x, int y) { return y.CompareTo(x); }
}

// A fixed pseudo-random sequence (the same on every runtime).
class Lcg
{
    private uint _state;
    public Lcg(uint seed) { _state = seed; }
    // 0 <= result < max
    public int Next(int max) { _state = _state * 1664525u + 1013904223u; return (int)((_state >> 8) % (uint)max); }
    public int Next(int min, int max) { return min + Next(max - min); }
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

    // The argument: how many random operations the last part makes
    // (default 20000; tests/gc.rs runs fewer under GC stress).
    static void Main(string[] args)
    {
        int steps = args.Length > 0 ? int.Parse(args[0]) : 20000;
        // SortedSet.
        var set = new SortedSet<int> { 5, 1, 9, 3, 7, 3, 1 };
        Console.WriteLine("set " + Show(set) + " count " + set.Count + " min " + set.Min + " max " + set.Max + " reverse " + Show(set.Reverse()));
        Console.WriteLine("add 4 " + set.Add(4) + " add 4 " + set.Add(4) + " remove 9 " + set.Remove(9) + " remove 9 " + set.Remove(9) + " " + Show(set));
        int actual;
        Console.WriteLine("contains 7 " + set.Contains(7) + " trygetvalue " + set.TryGetValue(7, out actual) + " " + actual);
        SortedSet<int> view = set.GetViewBetween(3, 6);
        Console.WriteLine("view " + Show(view) + " count " + view.Count + " min " + view.Min + " max " + view.Max);
        set.Add(6);
        set.Add(20);
        Console.WriteLine("view after add " + Show(view) + " " + view.Count + " contains 20 " + view.Contains(20));
        view.Add(5);
        view.Remove(4);
        Console.WriteLine("through view " + Show(set));
        Try("view add out of range", () => view.Add(100));
        Try("view of view out of range", () => view.GetViewBetween(0, 5));
        Console.WriteLine("view of view " + Show(view.GetViewBetween(5, 6)));
        Try("view lower > upper", () => set.GetViewBetween(5, 1));
        var emptyView = set.GetViewBetween(10, 15);
        Console.WriteLine("empty view " + emptyView.Count + " min " + emptyView.Min + " " + Show(emptyView));
        view.Clear();
        Console.WriteLine("view cleared " + Show(set));
        var desc = new SortedSet<int>(new[] { 1, 2, 3, 4 }, new Descending());
        Console.WriteLine("descending " + Show(desc) + " min " + desc.Min + " view " + Show(desc.GetViewBetween(3, 2)));
        var words = new SortedSet<string>(StringComparer.OrdinalIgnoreCase) { "b", "A", "a", "C" };
        Console.WriteLine("words " + Show(words));

        var s1 = new SortedSet<int> { 1, 2, 3, 4, 5 };
        s1.UnionWith(new[] { 9, 0, 0 });
        Console.WriteLine("union " + Show(s1));
        s1.IntersectWith(new[] { 0, 2, 4, 4, 8 });
        Console.WriteLine("intersect " + Show(s1));
        s1.ExceptWith(new[] { 4 });
        Console.WriteLine("except " + Show(s1));
        s1.SymmetricExceptWith(new[] { 2, 3, 3, 10 });
        Console.WriteLine("symmetric " + Show(s1));
        var small = new SortedSet<int> { 1, 2 };
        var dup = new[] { 2, 1, 1, 3 };
        Console.WriteLine("predicates " + small.IsSubsetOf(dup) + small.IsProperSubsetOf(dup) + small.IsSupersetOf(new[] { 1, 1 }) + small.IsProperSupersetOf(new[] { 1, 1 }) + small.Overlaps(new[] { 5, 2 }) + small.SetEquals(new[] { 2, 2, 1 }) + small.SetEquals(dup));
        Console.WriteLine("removewhere " + s1.RemoveWhere(v => v > 2) + " " + Show(s1));
        int[] arr = new int[4];
        new SortedSet<int> { 3, 1, 2 }.CopyTo(arr, 1);
        Console.WriteLine("copyto " + Show(arr));
        Try("copyto small", () => new SortedSet<int> { 3, 1, 2 }.CopyTo(new int[2]));
        Try("null collection", () => new SortedSet<int>((IEnumerable<int>)null));
        var inv = new SortedSet<int> { 1, 2, 3 };
        Try("add while enumerating", () => { foreach (int v in inv) inv.Add(v + 10); });
        inv = new SortedSet<int> { 1, 2, 3 };
        Try("add existing while enumerating", () => { foreach (int v in inv) inv.Add(v); });
        Try("remove while enumerating", () => { foreach (int v in inv) inv.Remove(v); });
        Try("reverse while modifying", () => { foreach (int v in inv.Reverse()) inv.Add(-v); });
        IEnumerator ie = new SortedSet<int> { 1 }.GetEnumerator();
        Try("ienumerator current before", () => { object o = ie.Current; });
        var setComparer = SortedSet<int>.CreateSetComparer();
        Console.WriteLine("set comparer " + setComparer.Equals(new SortedSet<int> { 1, 2 }, new SortedSet<int> { 2, 1 }) + setComparer.Equals(new SortedSet<int> { 1 }, new SortedSet<int> { 2 }));

        // SortedDictionary.
        var sd = new SortedDictionary<string, int>();
        foreach (string w in "the quick brown fox jumps over the lazy dog".Split(' '))
        {
            int n;
            sd.TryGetValue(w, out n);
            sd[w] = n + 1;
        }
        Console.WriteLine("sorted dictionary " + Show(sd) + " count " + sd.Count);
        Console.WriteLine("keys " + Show(sd.Keys) + " values " + Show(sd.Values) + " contains fox " + sd.ContainsKey("fox") + " value 2 " + sd.ContainsValue(2));
        Try("duplicate add", () => sd.Add("fox", 1));
        Try("missing key", () => { int x = sd["cat"]; });
        Try("null key", () => sd.Add(null, 1));
        Try("null key get", () => { int x = sd[null]; });
        Console.WriteLine("remove fox " + sd.Remove("fox") + " " + sd.Remove("fox") + " " + sd.Count);
        Try("set while enumerating", () => { foreach (var kv in sd) sd[kv.Key] = 0; });
        Try("add while enumerating", () => { foreach (var kv in sd) sd["zzz" + kv.Key] = 0; });
        Try("keys add", () => ((ICollection<string>)sd.Keys).Add("x"));
        var sdDesc = new SortedDictionary<int, string>(new Descending()) { { 1, "one" }, { 3, "three" }, { 2, "two" } };
        Console.WriteLine("descending " + Show(sdDesc) + " comparer " + (sdDesc.Comparer is Descending));
        var sdCopy = new SortedDictionary<int, string>(new Dictionary<int, string> { { 9, "nine" }, { 4, "four" } });
        Console.WriteLine("copy " + Show(sdCopy));
        var pairs = new KeyValuePair<int, string>[3];
        sdDesc.CopyTo(pairs, 0);
        Console.WriteLine("copyto " + Show(pairs));
        IDictionary nd = sdDesc;
        Console.WriteLine("idictionary " + nd[2] + " " + (nd[7] == null) + " " + (nd["x"] == null) + " " + nd.Contains(3));
        Try("idictionary wrong key type", () => nd.Add("x", "y"));
        IDictionaryEnumerator ide = nd.GetEnumerator();
        ide.MoveNext();
        Console.WriteLine("idictionaryenumerator " + ide.Key + " " + ide.Value + " " + ((DictionaryEntry)ide.Current).Key);

        // SortedList.
        var sl = new SortedList<int, string>();
        sl.Add(30, "thirty");
        sl.Add(10, "ten");
        sl[20] = "twenty";
        sl[40] = "forty";
        Console.WriteLine("sorted list " + Show(sl) + " capacity " + sl.Capacity + " keys " + Show(sl.Keys) + " values " + Show(sl.Values));
        Console.WriteLine("indexofkey 20 " + sl.IndexOfKey(20) + " 25 " + sl.IndexOfKey(25) + " indexofvalue forty " + sl.IndexOfValue("forty") + " keys[1] " + sl.Keys[1] + " values[2] " + sl.Values[2]);
        sl.RemoveAt(0);
        Console.WriteLine("removeat 0 " + Show(sl) + " remove 30 " + sl.Remove(30) + " " + Show(sl));
        Try("duplicate add", () => sl.Add(20, "again"));
        Try("missing key", () => { string x = sl[99]; });
        Try("removeat out of range", () => sl.RemoveAt(5));
        Try("keys index out of range", () => { int k = sl.Keys[9]; });
        Try("keys add", () => sl.Keys.Add(1));
        Try("values set", () => sl.Values[0] = "x");
        Try("keys set", () => sl.Keys[0] = 1);
        Try("capacity below count", () => sl.Capacity = 1);
        Try("negative capacity", () => new SortedList<int, int>(-1));
        Try("set while enumerating", () => { foreach (var kv in sl) sl[kv.Key] = "x"; });
        Try("keys while adding", () => { foreach (int k in sl.Keys) sl[k + 1] = "y"; });
        sl.TrimExcess();
        Console.WriteLine("trimmed " + sl.Capacity + " " + Show(sl));
        var fromDict = new SortedList<string, int>(new Dictionary<string, int> { { "b", 2 }, { "a", 1 }, { "c", 3 } });
        Console.WriteLine("from dictionary " + Show(fromDict) + " " + fromDict.Keys.IndexOf("c") + " contains b " + fromDict.Keys.Contains("b") + " values contains 9 " + fromDict.Values.Contains(9));
        Try("duplicate keys under comparer", () => new SortedList<string, int>(new Dictionary<string, int> { { "a", 1 }, { "A", 2 } }, StringComparer.OrdinalIgnoreCase));
        var slDesc = new SortedList<int, int>(new Descending()) { { 1, 1 }, { 5, 5 }, { 3, 3 } };
        Console.WriteLine("descending " + Show(slDesc));
        IEnumerator<KeyValuePair<int, int>> sle = slDesc.GetEnumerator();
        Console.WriteLine("enumerator current before " + sle.Current);
        IEnumerator slie = slDesc.GetEnumerator();
        Try("ienumerator current before", () => { object o = slie.Current; });

        // Random operations against a sorted List<int>.
        var random = new Lcg(12345);
        var tree = new SortedSet<int>();
        var dict = new SortedDictionary<int, int>();
        var sorted = new SortedList<int, int>();
        var reference = new List<int>();
        bool ok = true;
        for (int step = 0; step < steps; step++)
        {
            int v = random.Next(3000);
            int at = reference.BinarySearch(v);
            if (random.Next(3) == 0)
            {
                bool present = at >= 0;
                if (tree.Remove(v) != present || dict.Remove(v) != present || sorted.Remove(v) != present)
                    ok = false;
                if (present)
                    reference.RemoveAt(at);
            }
            else
            {
                bool absent = at < 0;
                if (tree.Add(v) != absent)
                    ok = false;
                dict[v] = step;
                sorted[v] = step;
                if (absent)
                    reference.Insert(~at, v);
            }
        }
        int i = 0;
        foreach (int v in tree)
            if (v != reference[i++])
                ok = false;
        i = 0;
        foreach (var kv in dict)
            if (kv.Key != reference[i++])
                ok = false;
        i = 0;
        foreach (var kv in sorted)
            if (kv.Key != reference[i++])
                ok = false;
        Console.WriteLine("random " + ok + " " + tree.Count + " " + dict.Count + " " + sorted.Count + " " + reference.Count + " min " + tree.Min + " max " + tree.Max);
        var between = tree.GetViewBetween(1000, 1100);
        int expected = 0;
        foreach (int v in reference)
            if (v >= 1000 && v <= 1100)
                expected++;
        Console.WriteLine("view count " + between.Count + " " + expected + " first " + between.Min + " last " + between.Max);
    }
}
