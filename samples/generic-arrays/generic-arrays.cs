// The generic Array methods: Sort (with comparers, comparisons, ranges,
// keys and items), BinarySearch, IndexOf/LastIndexOf, Find*, Exists,
// TrueForAll, ForEach, ConvertAll, Reverse, Resize, Fill, Empty,
// AsReadOnly, with .NET's argument checks.
using System;
using System.Collections.Generic;

struct Item
{
    public int Key;
    public string Name;
    public Item(int key, string name) { Key = key; Name = name; }
    public override string ToString() { return Key + Name; }
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

    static void Main()
    {
        int[] a = { 9, -2, 7, 4, 4, 0, 13, -8, 5, 1, 22, 3, -1, 6, 8, 2, 17, 11 };
        int[] sorted = (int[])a.Clone();
        Array.Sort(sorted);
        Console.WriteLine("sort " + Show(sorted));
        int[] part = (int[])a.Clone();
        Array.Sort(part, 3, 8);
        Console.WriteLine("sort range " + Show(part));
        int[] desc = (int[])a.Clone();
        Array.Sort(desc, (x, y) => y.CompareTo(x));
        Console.WriteLine("sort comparison " + Show(desc));
        int[] desc2 = (int[])a.Clone();
        Array.Sort(desc2, Comparer<int>.Create((x, y) => y - x));
        Console.WriteLine("sort comparer " + Show(desc2));
        int[] desc3 = (int[])a.Clone();
        Array.Sort(desc3, 2, 6, Comparer<int>.Create((x, y) => y - x));
        Console.WriteLine("sort range comparer " + Show(desc3));
        string[] words = { "pear", "Apple", "fig", "apple", "Banana", null, "cherry" };
        Array.Sort(words);
        Console.WriteLine("sort strings " + Show(words));
        Array.Sort(words, StringComparer.Ordinal);
        Console.WriteLine("sort ordinal " + Show(words));
        int[] keys = { 3, 1, 2, 5, 4 };
        string[] items = { "c", "a", "b", "e", "d" };
        Array.Sort(keys, items);
        Console.WriteLine("sort keys items " + Show(keys) + " " + Show(items));
        Array.Sort(keys, items, Comparer<int>.Create((x, y) => y.CompareTo(x)));
        Console.WriteLine("sort keys items desc " + Show(keys) + " " + Show(items));
        Array.Sort(keys, items, 1, 3);
        Console.WriteLine("sort keys items range " + Show(keys) + " " + Show(items));
        Array.Sort(keys, (string[])null);
        Console.WriteLine("sort keys null items " + Show(keys));
        int[] longKeys = new int[40];
        int[] longItems = new int[40];
        for (int i = 0; i < 40; i++)
        {
            longKeys[i] = (i * 17) % 40;
            longItems[i] = i;
        }
        Array.Sort(longKeys, longItems);
        Console.WriteLine("sort long keys items " + Show(longItems));
        Try("sort null", () => Array.Sort((int[])null));
        Try("sort range negative", () => Array.Sort(new int[3], -1, 1));
        Try("sort length negative", () => Array.Sort(new int[3], 0, -1));
        Try("sort range too long", () => Array.Sort(new int[3], 1, 5));
        Try("sort null comparison", () => Array.Sort(new int[3], (Comparison<int>)null));
        Try("sort null keys", () => Array.Sort((int[])null, new int[1]));
        Try("sort items too short", () => Array.Sort(new int[3], new int[2]));
        Try("sort not comparable", () => Array.Sort(new[] { new object(), new object() }));
        Try("sort comparison throws", () => Array.Sort(new[] { 2, 1 }, (x, y) => { throw new InvalidCastException("no"); }));
        int[] single = { 1 };
        Array.Sort(single, (x, y) => { throw new Exception("never called"); });
        Console.WriteLine("sort single with throwing comparison ok");

        // Heapsort and insertion sort paths: large, reversed and sawtooth inputs.
        var rnd = new Lcg(7);
        foreach (int n in new[] { 0, 2, 3, 16, 17, 100, 1000, 5000 })
        {
            int[] r = new int[n];
            for (int i = 0; i < n; i++)
                r[i] = rnd.Next(-1000, 1000);
            int[] rev = new int[n];
            for (int i = 0; i < n; i++)
                rev[i] = n - i;
            int[] saw = new int[n];
            for (int i = 0; i < n; i++)
                saw[i] = i % 7;
            Array.Sort(r);
            Array.Sort(rev);
            Array.Sort(saw);
            Console.WriteLine("n=" + n + " " + IsSorted(r) + IsSorted(rev) + IsSorted(saw) + " " + (n > 0 ? r[0] + ".." + r[n - 1] : "-"));
        }

        // Distinct keys only: the order of equal keys is not specified by
        // .NET (Array.Sort is unstable) and differs between runtimes.
        Item[] structs = { new Item(5, "e"), new Item(1, "a"), new Item(3, "c"), new Item(2, "b"), new Item(4, "d") };
        Array.Sort(structs, (x, y) => x.Key.CompareTo(y.Key));
        Console.WriteLine("sort structs " + Show(structs));

        // Binary search.
        int[] s = { -5, -1, 0, 3, 8, 13, 21 };
        Console.WriteLine("binarysearch " + Array.BinarySearch(s, 8) + " " + Array.BinarySearch(s, 9) + " " + Array.BinarySearch(s, -10) + " " + Array.BinarySearch(s, 100) + " " + Array.BinarySearch(s, 1, 3, 3) + " " + Array.BinarySearch(s, 1, 3, 21));
        Console.WriteLine("binarysearch comparer " + Array.BinarySearch(new[] { 9, 5, 1 }, 5, Comparer<int>.Create((x, y) => y.CompareTo(x))));
        Try("binarysearch null", () => Array.BinarySearch((int[])null, 1));
        Try("binarysearch range", () => Array.BinarySearch(s, 5, 5, 1));
        Try("binarysearch negative", () => Array.BinarySearch(s, -1, 2, 1));
        Try("binarysearch not comparable", () => Array.BinarySearch(new[] { new object(), new object() }, new object()));

        // Searching by equality.
        string[] w = { "a", "b", null, "c", "b", "a" };
        Console.WriteLine("indexof " + Array.IndexOf(w, "b") + " " + Array.IndexOf(w, "b", 2) + " " + Array.IndexOf(w, "b", 2, 2) + " " + Array.IndexOf(w, null) + " " + Array.IndexOf(w, "z"));
        Console.WriteLine("lastindexof " + Array.LastIndexOf(w, "b") + " " + Array.LastIndexOf(w, "b", 3) + " " + Array.LastIndexOf(w, "a", 4, 4) + " " + Array.LastIndexOf(w, null) + " " + Array.LastIndexOf(new int[0], 1) + " " + Array.LastIndexOf(new int[0], 1, -1, 0));
        Try("indexof start past end", () => Array.IndexOf(w, "a", 7));
        Try("indexof count", () => Array.IndexOf(w, "a", 2, 5));
        Try("lastindexof start", () => Array.LastIndexOf(w, "a", 6));
        Try("lastindexof count", () => Array.LastIndexOf(w, "a", 2, 4));
        Try("lastindexof empty count", () => Array.LastIndexOf(new int[0], 1, 0, 1));
        Try("indexof null", () => Array.IndexOf((int[])null, 1));

        // Predicates.
        int[] p = { 4, 7, 10, 13, 16 };
        Predicate<int> odd = x => x % 2 == 1;
        Console.WriteLine("find " + Array.Find(p, odd) + " findlast " + Array.FindLast(p, odd) + " none " + Array.Find(p, x => x > 100) + " findall " + Show(Array.FindAll(p, odd)));
        Console.WriteLine("findindex " + Array.FindIndex(p, odd) + " " + Array.FindIndex(p, 2, odd) + " " + Array.FindIndex(p, 2, 1, odd) + " findlastindex " + Array.FindLastIndex(p, odd) + " " + Array.FindLastIndex(p, 2, odd) + " " + Array.FindLastIndex(p, 4, 2, odd));
        Console.WriteLine("exists " + Array.Exists(p, odd) + Array.Exists(p, x => x < 0) + " trueforall " + Array.TrueForAll(p, x => x > 0) + Array.TrueForAll(p, odd) + " empty " + Array.TrueForAll(new int[0], odd));
        Try("findindex start", () => Array.FindIndex(p, 6, odd));
        Try("findindex count", () => Array.FindIndex(p, 2, 4, odd));
        Try("findlastindex start", () => Array.FindLastIndex(p, 5, odd));
        Try("findlastindex count", () => Array.FindLastIndex(p, 1, 3, odd));
        Try("findlastindex empty", () => Array.FindLastIndex(new int[0], 0, odd));
        Console.WriteLine("findlastindex empty -1 " + Array.FindLastIndex(new int[0], -1, odd));
        Try("find null array", () => Array.Find((int[])null, odd));
        Try("find null match", () => Array.Find(p, null));
        Try("findall null", () => Array.FindAll(p, null));
        Try("exists null", () => Array.Exists((int[])null, odd));
        Try("trueforall null", () => Array.TrueForAll(p, null));
        int total = 0;
        Array.ForEach(p, x => total += x);
        Console.WriteLine("foreach " + total);
        Try("foreach null action", () => Array.ForEach(p, null));
        Console.WriteLine("convertall " + Show(Array.ConvertAll(p, x => "<" + x + ">")));
        Try("convertall null", () => Array.ConvertAll<int, string>(null, x => ""));

        // Reverse, resize, fill, empty, read-only.
        int[] r2 = { 1, 2, 3, 4, 5, 6 };
        Array.Reverse(r2);
        Console.WriteLine("reverse " + Show(r2));
        Array.Reverse(r2, 1, 3);
        Console.WriteLine("reverse range " + Show(r2));
        Try("reverse range bad", () => Array.Reverse(r2, 4, 3));
        Try("reverse negative", () => Array.Reverse(r2, -1, 3));
        Array.Resize(ref r2, 8);
        Console.WriteLine("resize up " + Show(r2));
        Array.Resize(ref r2, 3);
        Console.WriteLine("resize down " + Show(r2));
        int[] nothing = null;
        Array.Resize(ref nothing, 2);
        Console.WriteLine("resize null " + Show(nothing));
        int[] before = r2;
        Array.Resize(ref r2, 3);
        Console.WriteLine("resize same " + ReferenceEquals(before, r2));
        Try("resize negative", () => Array.Resize(ref r2, -1));
        int[] f = new int[6];
        Array.Fill(f, 7);
        Array.Fill(f, 1, 2, 3);
        Console.WriteLine("fill " + Show(f));
        Try("fill range", () => Array.Fill(f, 1, 5, 3));
        Try("fill start", () => Array.Fill(f, 1, 7, 0));
        Console.WriteLine("empty " + Array.Empty<int>().Length + " same " + ReferenceEquals(Array.Empty<string>(), Array.Empty<string>()));
        var ro = Array.AsReadOnly(new[] { 1, 2, 3 });
        Console.WriteLine("asreadonly " + Show(ro) + " " + ro.Count + " " + ro.IndexOf(3));
        Try("asreadonly null", () => Array.AsReadOnly<int>(null));
        Try("asreadonly modify", () => ((IList<int>)ro)[0] = 5);

        // Arrays through their generic interfaces.
        IList<int> list = new[] { 3, 1, 2 };
        Console.WriteLine("array as IList " + list.Count + " " + list[1] + " " + list.IndexOf(2) + " " + list.Contains(3) + " readonly " + list.IsReadOnly);
        Try("array as IList add", () => list.Add(4));
        var asList = new List<int>(list);
        asList.Sort();
        Console.WriteLine("list from array " + Show(asList));
    }

    static bool IsSorted(int[] a)
    {
        for (int i = 1; i < a.Length; i++)
            if (a[i - 1] > a[i])
                return false;
        return true;
    }
}
