// Dictionary<TKey, TValue>: order of enumeration (including reuse of
// removed entries), comparers, key and value views, exceptions, enumerator
// invalidation, the non-generic IDictionary, growth and trimming.
using System;
using System.Collections;
using System.Collections.Generic;

struct Key : IEquatable<Key>
{
    public int A;
    public string B;
    public Key(int a, string b) { A = a; B = b; }
    // Equality through IEquatable only: Equals(object) is ValueType's.
    public bool Equals(Key other) { return A == other.A && B == other.B; }
    public override int GetHashCode() { return A; }
    public override string ToString() { return A + B; }
}

class Token
{
    public readonly string Text;
    public Token(string text) { Text = text; }
    public override bool Equals(object obj) { Token t = obj as Token; return t != null && t.Text == Text; }
    public override int GetHashCode() { return Text.Length; }
    public override string ToString() { return "<" + Text + ">"; }
}

class Mod10 : IEqualityComparer<int>
{
    public bool Equals(int x, int y) { return x % 10 == y % 10; }
    public int GetHashCode(int x) { return x % 10; }
}

enum Day { Sunday, Monday, Tuesday, Wednesday, Thursday, Friday, Saturday }

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

    static string Show<K, V>(IEnumerable<KeyValuePair<K, V>> items)
    {
        var parts = new List<string>();
        foreach (var kv in items)
            parts.Add(kv.Key + "=" + kv.Value);
        return "{" + string.Join(", ", parts.ToArray()) + "}";
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
        var d = new Dictionary<string, int>();
        for (int i = 0; i < 12; i++)
            d["k" + i] = i * i;
        Console.WriteLine(Show(d) + " " + d.Count);
        d.Remove("k3");
        d.Remove("k7");
        d.Remove("k0");
        d.Add("x", -1);
        d["y"] = -2;
        Console.WriteLine("reused " + Show(d));
        d["z"] = -3;
        d["w"] = -4;
        Console.WriteLine("appended " + Show(d));
        d["k5"] = 555;
        Console.WriteLine("overwritten " + Show(d));
        int value;
        Console.WriteLine("trygetvalue k5 " + d.TryGetValue("k5", out value) + " " + value + " missing " + d.TryGetValue("nope", out value) + " " + value);
        Console.WriteLine("containskey x " + d.ContainsKey("x") + " k3 " + d.ContainsKey("k3") + " containsvalue 555 " + d.ContainsValue(555) + " 9 " + d.ContainsValue(9));
        Console.WriteLine("tryadd x " + d.TryAdd("x", 0) + " tryadd v " + d.TryAdd("v", 9) + " " + d["v"]);
        Console.WriteLine("remove out " + d.Remove("v", out value) + " " + value + " again " + d.Remove("v", out value) + " " + value);
        Try("missing key", () => { int x = d["missing"]; });
        Try("duplicate add", () => d.Add("x", 1));
        Try("null key add", () => d.Add(null, 1));
        Try("null key get", () => { int x = d[null]; });
        Try("null key set", () => d[null] = 1);
        Try("null key containskey", () => d.ContainsKey(null));
        Try("null key remove", () => d.Remove(null));
        Try("null key trygetvalue", () => d.TryGetValue(null, out value));
        Try("negative capacity", () => new Dictionary<int, int>(-1));
        Try("null dictionary", () => new Dictionary<int, int>((IDictionary<int, int>)null));

        // Views.
        Dictionary<string, int>.KeyCollection keys = d.Keys;
        Dictionary<string, int>.ValueCollection values = d.Values;
        Console.WriteLine("keys " + Show(keys) + " values " + Show(values) + " " + keys.Count + " " + values.Count);
        d["live"] = 1;
        Console.WriteLine("live view " + keys.Count + " same object " + ReferenceEquals(keys, d.Keys));
        string[] karr = new string[keys.Count + 1];
        keys.CopyTo(karr, 1);
        Console.WriteLine("keys copyto " + Show(karr));
        Try("keys copyto small", () => keys.CopyTo(new string[2], 0));
        Try("keys copyto negative", () => keys.CopyTo(karr, -1));
        Try("keys add", () => ((ICollection<string>)keys).Add("q"));
        Try("keys remove", () => ((ICollection<string>)keys).Remove("x"));
        Try("keys clear", () => ((ICollection<string>)keys).Clear());
        Try("values add", () => ((ICollection<int>)values).Add(1));
        Console.WriteLine("keys contains x " + ((ICollection<string>)keys).Contains("x") + " values contains -3 " + ((ICollection<int>)values).Contains(-3) + " readonly " + ((ICollection<string>)keys).IsReadOnly);
        Try("add while enumerating keys", () => { foreach (var k in keys) d["new" + k] = 0; });
        Try("remove while enumerating values", () => { foreach (var v in values) d.Remove("x"); });

        // Invalidation.
        var e = new Dictionary<int, int> { { 1, 10 }, { 2, 20 }, { 3, 30 } };
        Try("add while enumerating", () => { foreach (var kv in e) e[kv.Key + 100] = 0; });
        e = new Dictionary<int, int> { { 1, 10 }, { 2, 20 } };
        Try("set existing while enumerating", () => { foreach (var kv in e) e[kv.Key] = 5; });
        Try("remove while enumerating", () => { foreach (var kv in e) e.Remove(kv.Key); });
        e = new Dictionary<int, int> { { 1, 10 } };
        Try("remove missing while enumerating", () => { foreach (var kv in e) e.Remove(99); });
        Try("trygetvalue while enumerating", () => { foreach (var kv in e) e.TryGetValue(1, out value); });
        Try("clear while enumerating", () => { foreach (var kv in e) e.Clear(); });
        var en = new Dictionary<int, int> { { 1, 1 } }.GetEnumerator();
        Console.WriteLine("current before " + en.Current + " movenext " + en.MoveNext() + " " + en.Current + " " + en.MoveNext() + " after " + en.Current);
        IEnumerator ie = new Dictionary<int, int> { { 1, 1 } }.GetEnumerator();
        Try("ienumerator current before", () => { object o = ie.Current; });
        ie.MoveNext();
        Console.WriteLine("ienumerator current " + ie.Current);
        IDictionaryEnumerator ide = ((IDictionary)new Dictionary<string, int> { { "a", 1 } }).GetEnumerator();
        ide.MoveNext();
        Console.WriteLine("idictionaryenumerator " + ide.Key + " " + ide.Value + " " + ide.Entry.Key + " " + ((DictionaryEntry)ide.Current).Value);

        // Comparers and key types.
        var ci = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        ci["Hello"] = "first";
        ci["HELLO"] = "second";
        ci["world"] = "w";
        Console.WriteLine("ignore case " + Show(ci) + " " + ci["hello"] + " " + ci.ContainsKey("WORLD") + " comparer " + (ci.Comparer == StringComparer.OrdinalIgnoreCase));
        var mod = new Dictionary<int, string>(new Mod10());
        mod[3] = "three";
        mod[13] = "thirteen";
        mod[4] = "four";
        Console.WriteLine("mod10 " + Show(mod) + " [23] " + mod[23]);
        var structKeys = new Dictionary<Key, int>();
        structKeys[new Key(1, "a")] = 1;
        structKeys[new Key(1, "b")] = 2;
        structKeys[new Key(1, "a")] = 3;
        Console.WriteLine("struct keys " + Show(structKeys) + " " + structKeys.ContainsKey(new Key(1, "b")));
        var tokens = new Dictionary<Token, int>();
        tokens[new Token("ab")] = 1;
        tokens[new Token("cd")] = 2;
        tokens[new Token("ab")] = 3;
        Console.WriteLine("token keys " + Show(tokens) + " " + tokens[new Token("cd")]);
        var enumKeys = new Dictionary<Day, int> { { Day.Friday, 5 }, { Day.Monday, 1 } };
        enumKeys[Day.Friday]++;
        Console.WriteLine("enum keys " + Show(enumKeys));
        var nullValues = new Dictionary<int, string> { { 1, null }, { 2, "two" } };
        Console.WriteLine("null values " + nullValues.ContainsValue(null) + " " + (nullValues[1] == null));
        var tupleKeys = new Dictionary<Tuple<int, string>, int>();
        tupleKeys[Tuple.Create(1, "a")] = 1;
        tupleKeys[Tuple.Create(1, "a")] = 2;
        Console.WriteLine("tuple keys " + tupleKeys.Count + " " + tupleKeys[Tuple.Create(1, "a")]);

        // Copies and the collection interfaces.
        var src = new Dictionary<int, string> { { 5, "five" }, { 1, "one" }, { 3, "three" } };
        src.Remove(1);
        src[2] = "two";
        var copy = new Dictionary<int, string>(src);
        Console.WriteLine("copy " + Show(copy));
        IDictionary<int, string> asInterface = new SortedList<int, string>(src);
        var fromInterface = new Dictionary<int, string>(asInterface);
        Console.WriteLine("from sortedlist " + Show(fromInterface));
        ICollection<KeyValuePair<int, string>> coll = copy;
        Console.WriteLine("contains pair " + coll.Contains(new KeyValuePair<int, string>(5, "five")) + " " + coll.Contains(new KeyValuePair<int, string>(5, "FIVE")) + " readonly " + coll.IsReadOnly);
        Console.WriteLine("remove pair " + coll.Remove(new KeyValuePair<int, string>(5, "nope")) + " " + coll.Remove(new KeyValuePair<int, string>(5, "five")) + " " + Show(copy));
        coll.Add(new KeyValuePair<int, string>(9, "nine"));
        var pairs = new KeyValuePair<int, string>[4];
        coll.CopyTo(pairs, 1);
        Console.WriteLine("pairs " + Show(pairs));
        Try("pairs copyto small", () => coll.CopyTo(new KeyValuePair<int, string>[1], 0));
        Try("pairs copyto past end", () => coll.CopyTo(pairs, 5));
        IReadOnlyDictionary<int, string> ro = copy;
        Console.WriteLine("readonly dictionary " + Show(ro.Keys) + " " + Show(ro.Values) + " " + ro[9]);

        IDictionary nd = new Dictionary<string, int>();
        nd.Add("a", 1);
        nd["b"] = 2;
        Console.WriteLine("idictionary " + nd.Count + " " + nd["a"] + " missing " + (nd["zz"] == null) + " wrong key type " + (nd[5] == null) + " contains " + nd.Contains("b") + " " + nd.Contains(3));
        nd.Remove("a");
        nd.Remove(7);
        Console.WriteLine("idictionary keys " + Show(new List<object>(Cast(nd.Keys))) + " fixed " + nd.IsFixedSize + " readonly " + nd.IsReadOnly);
        Try("idictionary add wrong key", () => nd.Add(1, 1));
        Try("idictionary add wrong value", () => nd.Add("c", "x"));
        Try("idictionary add null value", () => nd.Add("c", null));
        Try("idictionary set null key", () => nd[null] = 1);
        Try("idictionary get null key", () => { object o = nd[null]; });
        Try("idictionary contains null", () => nd.Contains(null));
        object[] entries = new object[2];
        ((ICollection)nd).CopyTo(entries, 0);
        Console.WriteLine("icollection copyto " + entries[0]);
        DictionaryEntry[] des = new DictionaryEntry[1];
        ((ICollection)nd).CopyTo(des, 0);
        Console.WriteLine("dictionaryentry copyto " + des[0].Key + "=" + des[0].Value);
        Try("icollection copyto wrong type", () => ((ICollection)nd).CopyTo(new string[1], 0));

        // Capacity.
        var grow = new Dictionary<int, int>();
        Console.WriteLine("ensurecapacity " + grow.EnsureCapacity(0) + " " + grow.EnsureCapacity(10) + " " + grow.EnsureCapacity(5) + " " + grow.EnsureCapacity(100));
        for (int i = 0; i < 1000; i++)
            grow[i] = i;
        for (int i = 0; i < 1000; i += 3)
            grow.Remove(i);
        grow.TrimExcess();
        int total = 0;
        foreach (var kv in grow)
            total += kv.Value;
        Console.WriteLine("after trim " + grow.Count + " " + total + " first " + First(grow));
        grow.TrimExcess(2000);
        Try("trimexcess below count", () => grow.TrimExcess(1));
        Try("ensurecapacity negative", () => grow.EnsureCapacity(-1));
        grow.Clear();
        Console.WriteLine("cleared " + grow.Count + " " + Show(grow));
        grow[7] = 7;
        Console.WriteLine("after clear " + Show(grow));

        var big = new Dictionary<int, int>();
        for (int i = 0; i < 200000; i++)
            big[i * 7] = i;
        long check = 0;
        for (int i = 0; i < 200000; i++)
            check += big[i * 7];
        Console.WriteLine("big " + big.Count + " " + check + " " + big.ContainsKey(7 * 199999) + " " + big.ContainsKey(1));
    }

    static IEnumerable<object> Cast(IEnumerable items)
    {
        foreach (object o in items)
            yield return o;
    }

    static string First(Dictionary<int, int> d)
    {
        foreach (var kv in d)
            return kv.ToString();
        return "none";
    }
}
