// String.Join and String.Concat over sequences (the generic overloads
// and IEnumerable<string>), next to the array overloads they sit beside.
using System;
using System.Collections.Generic;
using System.Linq;

class Point
{
    public int X, Y;
    public Point(int x, int y) { X = x; Y = y; }
    public override string ToString() { return "(" + X + "," + Y + ")"; }
}

class NullText
{
    public override string ToString() { return null; }
}

static class Program
{
    static void Try(string what, Func<string> f)
    {
        try
        {
            string s = f();
            Console.WriteLine(what + ": \"" + s + "\"" + (s == null ? " null" : ""));
        }
        catch (Exception e)
        {
            Console.WriteLine(what + ": " + e.GetType().Name + ": " + e.Message);
        }
    }

    static IEnumerable<string> Words()
    {
        yield return "alpha";
        yield return null;
        yield return "";
        yield return "omega";
    }

    static void Main()
    {
        var ints = new List<int> { 1, 2, 3 };
        Try("join ints", () => string.Join(", ", ints));
        Try("join ints char", () => string.Join('|', ints));
        Try("join one", () => string.Join(", ", new List<int> { 7 }));
        Try("join none", () => string.Join(", ", new List<int>()));
        Try("join null separator", () => string.Join(null, ints));
        Try("join objects", () => string.Join("; ", new List<Point> { new Point(1, 2), null, new Point(3, 4) }));
        Try("join null tostring", () => string.Join("-", new[] { new NullText(), new NullText() }.ToList()));
        Try("join nullables", () => string.Join(",", new List<int?> { 1, null, 3 }));
        Try("join chars", () => string.Join("/", "abc".ToList()));
        Try("join doubles", () => string.Join(" ", new List<double> { 1.5, -0.25, 1e21 }));
        Try("join bools", () => string.Join("", new[] { true, false }.AsEnumerable()));
        Try("join strings enumerable", () => string.Join("+", Words()));
        Try("join strings list", () => string.Join("+", new List<string> { "a", "b" }));
        Try("join strings one", () => string.Join("+", new List<string> { "only" }));
        Try("join strings one null", () => string.Join("+", new List<string> { null }));
        Try("join strings empty", () => string.Join("+", Enumerable.Empty<string>()));
        Try("join string array", () => string.Join(", ", new[] { "x", "y" }));
        Try("join params objects", () => string.Join(", ", 1, "two", 3.0));
        Try("join params strings", () => string.Join(", ", "p", "q"));
        Try("join array range", () => string.Join("-", new[] { "a", "b", "c", "d" }, 1, 2));
        Try("join linq", () => string.Join(",", ints.Select(i => i * i)));
        Try("join where", () => string.Join(",", ints.Where(i => i > 1)));
        Try("join null values", () => string.Join(",", (IEnumerable<int>)null));
        Try("join null strings", () => string.Join(",", (IEnumerable<string>)null));
        Try("concat strings", () => string.Concat(Words()));
        Try("concat list", () => string.Concat(new List<string> { "a", null, "c" }));
        Try("concat ints", () => string.Concat(ints));
        Try("concat objects", () => string.Concat(new List<object> { 1, null, "x", 2.5 }));
        Try("concat empty", () => string.Concat(new List<int>()));
        Try("concat chars", () => string.Concat("hello".Reverse()));
        Try("concat linq", () => string.Concat(ints.Select(i => i.ToString() + ";")));
        Try("concat null", () => string.Concat((IEnumerable<string>)null));
        Try("concat null values", () => string.Concat((IEnumerable<int>)null));
        Try("concat two", () => string.Concat("a", "b"));
        Try("concat params", () => string.Concat("a", "b", "c", "d", "e"));
        Try("concat object", () => string.Concat((object)5));
        Try("concat array", () => string.Concat(new[] { "x", "y", "z" }));
        Try("System.String", () => String.Join("|", ints) + String.Concat(ints));
    }
}
