// EqualityComparer<T>.Default and Comparer<T>.Default for primitives,
// strings, enums, nullables, structs and classes that implement
// IEquatable<T>/IComparable<T> (or only the non-generic interfaces),
// Comparer<T>.Create, StringComparer, Nullable.Compare/Equals, the
// non-generic IComparer/IEqualityComparer views.
using System;
using System.Collections;
using System.Collections.Generic;

// IEquatable<T> only: Equals(object) stays ValueType's (all fields).
struct Loose : IEquatable<Loose>
{
    public int Id;
    public string Note;
    public Loose(int id, string note) { Id = id; Note = note; }
    public bool Equals(Loose other) { return Id == other.Id; }
    public override int GetHashCode() { return Id; }
}

// IEquatable<T> without overriding Equals(object): reference equality
// through object, value equality through the interface.
class Tag : IEquatable<Tag>
{
    public string Name;
    public Tag(string name) { Name = name; }
    public bool Equals(Tag other) { return other != null && other.Name == Name; }
    public override int GetHashCode() { return Name.GetHashCode(); }
}

// Only the non-generic IComparable.
class Version : IComparable
{
    public int Major, Minor;
    public Version(int major, int minor) { Major = major; Minor = minor; }
    public int CompareTo(object obj)
    {
        Version v = (Version)obj;
        return Major != v.Major ? Major.CompareTo(v.Major) : Minor.CompareTo(v.Minor);
    }
    public override string ToString() { return Major + "." + Minor; }
}

struct Money : IComparable<Money>
{
    public long Cents;
    public Money(long cents) { Cents = cents; }
    public int CompareTo(Money other) { return Cents.CompareTo(other.Cents); }
    public override string ToString() { return (Cents / 100) + "." + (Cents % 100).ToString("00"); }
}

enum Color : byte { Red = 3, Green = 1, Blue = 200 }
enum Signed : long { Low = -5, Zero = 0, High = 5 }

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

    static int Sign(int c)
    {
        return c < 0 ? -1 : c > 0 ? 1 : 0;
    }

    static void Equality<T>(string what, T a, T b)
    {
        var c = EqualityComparer<T>.Default;
        bool hashesAgree = !c.Equals(a, b) || c.GetHashCode(a) == c.GetHashCode(b);
        Console.WriteLine(what + ": " + c.Equals(a, b) + " " + c.Equals(a, a) + " hashes agree " + hashesAgree + " same default " + ReferenceEquals(c, EqualityComparer<T>.Default));
    }

    static void Order<T>(string what, T a, T b)
    {
        var c = Comparer<T>.Default;
        Console.WriteLine(what + ": " + Sign(c.Compare(a, b)) + " " + Sign(c.Compare(b, a)) + " " + c.Compare(a, a));
    }

    static void Main()
    {
        Equality("int", 3, 3);
        Equality("int differ", 3, 4);
        Equality("double nan", double.NaN, double.NaN);
        Equality("string", "ab", "a" + "b");
        Equality("string null", (string)null, null);
        Equality("string vs null", "x", null);
        Equality("enum", Color.Red, Color.Red);
        Equality("enum differ", Color.Red, Color.Blue);
        Equality("nullable", (int?)5, 5);
        Equality("nullable null", (int?)null, null);
        Equality("nullable vs null", (int?)5, null);
        Equality("struct IEquatable", new Loose(1, "a"), new Loose(1, "b"));
        Equality("class IEquatable", new Tag("t"), new Tag("t"));
        Equality("object", new object(), new object());
        Equality("boxed", (object)3, (object)3);
        Equality("tuple", Tuple.Create(1, "a"), Tuple.Create(1, "a"));
        Equality("char", 'a', 'a');
        Equality("bool", true, false);
        Equality("long", 1L << 40, 1L << 40);
        Console.WriteLine("int hash " + EqualityComparer<int>.Default.GetHashCode(42) + " null hash " + EqualityComparer<string>.Default.GetHashCode(null));

        Order("int", 1, 2);
        Order("negative", -5, 3);
        Order("long", long.MinValue, long.MaxValue);
        Order("double", 1.5, -0.5);
        Order("double nan", double.NaN, 0.0);
        Order("string", "apple", "banana");
        Order("string case", "a", "B");
        Order("string null", null, "x");
        Order("enum", Color.Red, Color.Blue);
        Order("enum byte order", Color.Green, Color.Red);
        Order("enum signed", Signed.Low, Signed.High);
        Order("nullable", (int?)null, 1);
        Order("nullable both", (int?)3, (int?)2);
        Order("struct IComparable<T>", new Money(150), new Money(99));
        Order("class IComparable", new Version(1, 10), new Version(1, 9));
        Order("char", 'z', 'a');
        Order("bool", false, true);
        Try("no IComparable", () => Comparer<object>.Default.Compare(new object(), new object()));
        Try("mixed types", () => Comparer<object>.Default.Compare(1, "x"));
        Console.WriteLine("object nulls " + Comparer<object>.Default.Compare(null, new object()) + " " + Comparer<object>.Default.Compare(null, null));

        var versions = new List<Version> { new Version(2, 0), new Version(1, 10), new Version(1, 2) };
        versions.Sort();
        Console.WriteLine("versions " + Show(versions));
        var colors = new List<Color> { Color.Blue, Color.Red, Color.Green };
        colors.Sort();
        Console.WriteLine("colors " + Show(colors) + " index of Red " + colors.IndexOf(Color.Red));
        var money = new[] { new Money(500), new Money(5), new Money(50) };
        Array.Sort(money);
        Console.WriteLine("money " + Show(money));
        var tags = new List<Tag> { new Tag("a"), new Tag("b") };
        Console.WriteLine("tag indexof " + tags.IndexOf(new Tag("b")) + " contains " + tags.Contains(new Tag("a")));
        var looses = new List<Loose> { new Loose(1, "x"), new Loose(2, "y") };
        Console.WriteLine("loose indexof " + looses.IndexOf(new Loose(2, "other")));
        var tagSet = new HashSet<Tag> { new Tag("q"), new Tag("q") };
        Console.WriteLine("tag set " + tagSet.Count);

        // Comparer<T>.Create and custom comparers.
        Comparer<string> byLength = Comparer<string>.Create((x, y) => x.Length.CompareTo(y.Length));
        var byLen = new List<string> { "ccc", "a", "bb" };
        byLen.Sort(byLength);
        Console.WriteLine("create " + Show(byLen) + " " + byLength.Compare("aa", "b"));
        Try("create null", () => Comparer<int>.Create(null));
        IComparer nonGeneric = Comparer<int>.Default;
        Console.WriteLine("icomparer " + Sign(nonGeneric.Compare(1, 2)) + " " + nonGeneric.Compare(null, null) + " " + nonGeneric.Compare(null, 1) + " " + nonGeneric.Compare(1, null));
        Try("icomparer wrong type", () => nonGeneric.Compare(1, "x"));
        IEqualityComparer nonGenericEq = EqualityComparer<string>.Default;
        Console.WriteLine("iequalitycomparer " + nonGenericEq.Equals("a", "a") + " " + nonGenericEq.Equals(null, null) + " " + nonGenericEq.Equals("a", null) + " " + nonGenericEq.GetHashCode(null));
        Try("iequalitycomparer wrong type", () => nonGenericEq.Equals("a", 1));
        Try("iequalitycomparer hash wrong type", () => nonGenericEq.GetHashCode(1));
        Console.WriteLine("comparers equal " + EqualityComparer<int>.Default.Equals(EqualityComparer<int>.Default) + " " + Comparer<string>.Default.Equals(Comparer<string>.Default));
        Console.WriteLine("non-generic default " + Sign(System.Collections.Comparer.Default.Compare("a", "b")) + " " + Sign(System.Collections.Comparer.Default.Compare(2, 1)) + " " + System.Collections.Comparer.Default.Compare(null, null));
        Try("non-generic default no IComparable", () => System.Collections.Comparer.Default.Compare(new object(), new object()));

        // StringComparer.
        string[] names = { "b", "A", "a", "B", "c", "_x", "10", "9" };
        foreach (var pair in new[] {
            Tuple.Create("Ordinal", StringComparer.Ordinal), Tuple.Create("OrdinalIgnoreCase", StringComparer.OrdinalIgnoreCase),
            Tuple.Create("InvariantCulture", StringComparer.InvariantCulture), Tuple.Create("InvariantCultureIgnoreCase", StringComparer.InvariantCultureIgnoreCase),
            Tuple.Create("CurrentCulture", StringComparer.CurrentCulture), Tuple.Create("CurrentCultureIgnoreCase", StringComparer.CurrentCultureIgnoreCase) })
        {
            string[] sorted = (string[])names.Clone();
            Array.Sort(sorted, pair.Item2);
            StringComparer c = pair.Item2;
            Console.WriteLine(pair.Item1 + " " + Show(sorted) + " equals a/A " + c.Equals("a", "A") + " null " + c.Equals(null, null) + c.Equals("a", null) + " compare " + Sign(c.Compare("a", "B")) + " " + c.Compare(null, "a") + " hash agrees " + (!c.Equals("a", "A") || c.GetHashCode("a") == c.GetHashCode("A")));
        }
        var ignoreCase = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase) { { "Key", 1 } };
        Console.WriteLine("dictionary ignore case " + ignoreCase.ContainsKey("KEY") + " " + ignoreCase.ContainsKey("kEy"));
        var culture = new HashSet<string>(StringComparer.InvariantCultureIgnoreCase) { "Straße", "straße", "ABC", "abc" };
        Console.WriteLine("culture set " + culture.Count);
        Console.WriteLine("object compare " + Sign(StringComparer.Ordinal.Compare((object)"a", (object)"b")) + " " + StringComparer.Ordinal.Equals((object)"a", (object)"a") + " " + StringComparer.Ordinal.Equals((object)1, (object)1) + " " + Sign(StringComparer.Ordinal.Compare((object)1, (object)2)));
        Try("compare no IComparable", () => StringComparer.Ordinal.Compare(new object(), new object()));
        Try("hash null", () => StringComparer.Ordinal.GetHashCode(null));
        Try("hash null object", () => StringComparer.Ordinal.GetHashCode((object)null));
        Try("fromcomparison bad", () => StringComparer.FromComparison((StringComparison)42));
        Console.WriteLine("fromcomparison " + (StringComparer.FromComparison(StringComparison.Ordinal) == StringComparer.Ordinal) + " " + StringComparer.FromComparison(StringComparison.OrdinalIgnoreCase).Equals("x", "X"));
        Try("create null culture", () => StringComparer.Create(null, true));
        Console.WriteLine("create invariant " + StringComparer.Create(System.Globalization.CultureInfo.InvariantCulture, true).Equals("q", "Q"));

        // Nullable statics.
        Console.WriteLine("nullable compare " + Nullable.Compare<int>(null, 1) + " " + Nullable.Compare<int>(2, null) + " " + Nullable.Compare<int>(null, null) + " " + Sign(Nullable.Compare<int>(3, 7)));
        Console.WriteLine("nullable equals " + Nullable.Equals<int>(null, null) + " " + Nullable.Equals<int>(1, null) + " " + Nullable.Equals<int>(4, 4) + " " + Nullable.Equals<double>(double.NaN, double.NaN));
    }
}
