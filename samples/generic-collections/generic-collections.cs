// corelib's collections and LINQ over them (not over arrays, which are
// not IEnumerable<T> on Osprey yet: issue 11, item 6): List, Dictionary,
// HashSet, Queue, Stack, LinkedList, the sorted collections, comparers,
// Lazy, and the Enumerable operators with deferred execution and their
// exceptions.
using System;
using System.Collections.Generic;
using System.Linq;

class Pet
{
    public string Name;
    public string Owner;
    public int Age;
    public override string ToString() { return Name + Age; }
}

struct Point : IEquatable<Point>
{
    public int X, Y;
    public Point(int x, int y) { X = x; Y = y; }
    public bool Equals(Point other) { return X == other.X && Y == other.Y; }
    public override int GetHashCode() { return X * 31 + Y; }
    public override string ToString() { return "(" + X + "," + Y + ")"; }
}

static class Program
{
    static int calls;

    static int Twice(int x)
    {
        calls++;
        return x * 2;
    }

    static void Main()
    {
        var l = new List<int>();
        for (int i = 0; i < 20; i++)
            l.Add((i * 7) % 11);
        Console.WriteLine(string.Join(",", l) + " count " + l.Count + " capacity " + l.Capacity);
        Console.WriteLine(string.Join(",", l.Where(x => x > 3).Select(x => x * 2)));
        Console.WriteLine(string.Join(",", l.OrderBy(x => x).ThenByDescending(x => -x)));
        Console.WriteLine(string.Join(",", l.Distinct().OrderByDescending(x => x).Take(4)));
        Console.WriteLine(l.Sum() + " " + l.Average() + " " + l.Max() + " " + l.Min(x => -x) + " " + l.Count(x => x % 2 == 0) + " " + l.First(x => x > 8) + " " + l.Last());
        Console.WriteLine(string.Join(" ", l.GroupBy(x => x % 3).Select(g => g.Key + ":" + g.Count() + "=" + g.Sum())));
        Console.WriteLine(string.Join(",", l.Skip(15)) + " | " + string.Join(",", l.TakeWhile(x => x < 10)) + " | " + string.Join(",", l.SkipWhile(x => x != 10).Take(3)));

        // Deferred execution: the selector runs when enumerated, once per
        // element (and only for the element Last needs, on a list).
        calls = 0;
        var query = l.Select(Twice);
        Console.WriteLine("built " + calls);
        Console.WriteLine("last " + query.Last() + " calls " + calls);
        Console.WriteLine("count " + query.Count() + " calls " + calls);
        l.Add(100);
        Console.WriteLine("sees the change " + query.Max() + " calls " + calls);
        l.Sort();
        Console.WriteLine("sorted " + string.Join(",", l) + " search 9 " + l.BinarySearch(9) + " search 12 " + l.BinarySearch(12));
        l.RemoveAll(x => x % 2 == 1);
        l.Reverse();
        Console.WriteLine("even, reversed " + string.Join(",", l) + " indexof 4 " + l.IndexOf(4) + " find " + l.Find(x => x < 5) + " findlastindex " + l.FindLastIndex(x => x > 5));
        try
        {
            foreach (int x in l)
                l.Add(x);
        }
        catch (InvalidOperationException e)
        {
            Console.WriteLine(e.Message);
        }

        var pets = new List<Pet> {
            new Pet { Name = "Rex", Owner = "ann", Age = 3 }, new Pet { Name = "Tom", Owner = "bob", Age = 5 },
            new Pet { Name = "Kit", Owner = "ann", Age = 1 }, new Pet { Name = "Bo", Owner = "cy", Age = 5 } };
        Console.WriteLine(string.Join(" ", pets.OrderBy(p => p.Age).ThenBy(p => p.Name)) + " | " + string.Join(" ", pets.OrderByDescending(p => p.Age)));
        var byName = pets.ToDictionary(p => p.Name, p => p.Age);
        Console.WriteLine(byName["Kit"] + " " + byName.Count + " " + byName.ContainsKey("Zed") + " " + string.Join(",", byName.Keys));
        var byOwner = pets.ToLookup(p => p.Owner);
        Console.WriteLine(string.Join(" ", byOwner["ann"]) + " " + byOwner.Count + " " + byOwner.Contains("zed"));
        var owners = new List<string> { "bob", "ann", "dan" };
        Console.WriteLine(string.Join(" ", owners.Join(pets, o => o, p => p.Owner, (o, p) => o + "-" + p.Name)));
        // (Only matching keys: a missing key's group is an empty array.)
        Console.WriteLine(string.Join(" ", owners.Take(2).GroupJoin(pets, o => o, p => p.Owner, (o, ps) => o + ps.Count())));
        Console.WriteLine(string.Join(" ", pets.Select(p => p.Owner).Distinct().Union(owners)) + " | " + string.Join(" ", owners.Except(pets.Select(p => p.Owner))) + " | " + string.Join(" ", owners.Intersect(pets.Select(p => p.Owner))));

        var d = new Dictionary<string, int>();
        foreach (string w in "the cat and the hat and the bat".Split(' '))
        {
            int n;
            d.TryGetValue(w, out n);
            d[w] = n + 1;
        }
        d.Remove("cat");
        d["cow"] = 7;
        Console.WriteLine(string.Join(" ", d) + " " + d.Count);
        try
        {
            d.Add("the", 0);
        }
        catch (ArgumentException e)
        {
            Console.WriteLine(e.Message);
        }
        try
        {
            Console.WriteLine(d["dog"]);
        }
        catch (KeyNotFoundException e)
        {
            Console.WriteLine(e.Message);
        }
        var points = new Dictionary<Point, string> { { new Point(1, 2), "a" }, { new Point(3, 4), "b" } };
        points[new Point(1, 2)] = "c";
        Console.WriteLine(points.Count + " " + points[new Point(1, 2)] + " " + points.ContainsKey(new Point(4, 3)));
        var ci = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase) { { "Key", 1 } };
        Console.WriteLine(ci.ContainsKey("KEY") + " " + ci["key"]);

        var hs = new HashSet<string>(pets.Select(p => p.Owner));
        hs.UnionWith(new List<string> { "zed", "ann" });
        hs.Remove("bob");
        hs.Add("eve");
        Console.WriteLine(string.Join(",", hs) + " " + hs.Contains("cy") + " " + hs.IsSupersetOf(new List<string> { "ann", "cy" }));
        var sd = new SortedDictionary<string, int>(d);
        var sl = new SortedList<int, string> { { 3, "c" }, { 1, "a" }, { 2, "b" } };
        var ss = new SortedSet<int>(l);
        Console.WriteLine(string.Join(" ", sd) + " | " + string.Join(" ", sl) + " | " + string.Join(",", ss) + " min " + ss.Min + " max " + ss.Max + " view " + string.Join(",", ss.GetViewBetween(3, 9)));
        var q = new Queue<int>(l);
        var s = new Stack<int>(l);
        var ll = new LinkedList<int>(l);
        ll.AddFirst(-1);
        ll.AddLast(-2);
        Console.WriteLine(q.Dequeue() + " " + q.Peek() + " " + s.Pop() + " " + s.Peek() + " " + ll.First.Value + " " + ll.Last.Value + " " + ll.Count + " " + ll.Find(4).Next.Value);

        Console.WriteLine(EqualityComparer<string>.Default.Equals("a", "a") + " " + Comparer<int>.Default.Compare(1, 2) + " " + Comparer<string>.Default.Compare("b", "a") + " " + EqualityComparer<Point>.Default.Equals(new Point(1, 1), new Point(1, 1)) + " " + EqualityComparer<int?>.Default.Equals(null, 1));
        Console.WriteLine(Enumerable.Range(1, 10).Aggregate((a, b) => a * b) + " " + string.Join(",", Enumerable.Repeat("x", 3)) + " " + Enumerable.Range(0, 5).Select(i => i * i).ElementAt(3) + " " + string.Join(",", Enumerable.Range(1, 6).Reverse().Zip(Enumerable.Range(1, 3), (a, b) => a - b)));
        Console.WriteLine(string.Join(",", "banana".Distinct()) + " " + new string("hello".Where(c => c != 'l').ToArray()) + " " + string.Concat("olleh".Reverse()));
        try
        {
            new List<int>().First();
        }
        catch (InvalidOperationException e)
        {
            Console.WriteLine(e.Message);
        }
        try
        {
            l.Single();
        }
        catch (InvalidOperationException e)
        {
            Console.WriteLine(e.Message);
        }
        try
        {
            l.Where((Func<int, bool>)null);
        }
        catch (ArgumentNullException e)
        {
            Console.WriteLine(e.ParamName);
        }
        var lazy = new Lazy<int>(() => 42);
        Console.WriteLine(lazy.IsValueCreated + " " + lazy.Value + " " + lazy.IsValueCreated);
        var t = Tuple.Create(1, "x");
        Console.WriteLine(t + " " + Tuple.Create(1, 2).GetHashCode() + " " + t.Equals(Tuple.Create(1, "x")) + " " + ValueTuple.Create(2, "y"));
    }
}
