// The Enumerable operators over arrays, lists, other collections and lazy
// sequences: results and their order.
using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;

class Pet
{
    public string Name;
    public string Owner;
    public int Age;
    public Pet(string name, string owner, int age) { Name = name; Owner = owner; Age = age; }
    public override string ToString() { return Name; }
}

class Comparers : IEqualityComparer<string>
{
    public bool Equals(string x, string y) { return string.Equals(x, y, StringComparison.OrdinalIgnoreCase); }
    public int GetHashCode(string s) { return s.ToLowerInvariant().GetHashCode(); }
}

static class Program
{
    static string Show<T>(IEnumerable<T> items)
    {
        var parts = new List<string>();
        foreach (T item in items)
            parts.Add(item == null ? "null" : item.ToString());
        return "[" + string.Join(", ", parts.ToArray()) + "]";
    }

    static IEnumerable<int> Lazy(params int[] items)
    {
        foreach (int i in items)
            yield return i;
    }

    static void Main()
    {
        int[] nums = { 5, 3, 8, 1, 9, 2, 7, 3, 6 };
        var list = new List<int>(nums);
        IEnumerable<int> lazy = Lazy(nums);
        foreach (var source in new[] { Tuple.Create("array", (IEnumerable<int>)nums), Tuple.Create("list", (IEnumerable<int>)list), Tuple.Create("lazy", lazy), Tuple.Create("hashset", (IEnumerable<int>)new HashSet<int>(nums)) })
        {
            IEnumerable<int> s = source.Item2;
            Console.WriteLine("--- " + source.Item1);
            Console.WriteLine("where " + Show(s.Where(x => x > 4)) + " indexed " + Show(s.Where((x, i) => i % 2 == 0)));
            Console.WriteLine("select " + Show(s.Select(x => x * 10)) + " indexed " + Show(s.Select((x, i) => x + ":" + i)));
            Console.WriteLine("selectmany " + Show(s.SelectMany(x => Enumerable.Repeat(x, x % 3))) + " indexed " + Show(s.SelectMany((x, i) => new[] { i, x }).Take(6)) + " result " + Show(s.SelectMany(x => new[] { 'a', 'b' }, (x, c) => x + "" + c).Take(4)));
            Console.WriteLine("take " + Show(s.Take(3)) + " skip " + Show(s.Skip(6)) + " take 0 " + Show(s.Take(0)) + " skip -1 " + Show(s.Skip(-1).Take(2)) + " take more " + Show(s.Take(100).Skip(7)));
            Console.WriteLine("takewhile " + Show(s.TakeWhile(x => x != 1)) + " skipwhile " + Show(s.SkipWhile(x => x != 9)) + " indexed " + Show(s.TakeWhile((x, i) => i < 2)) + " " + Show(s.SkipWhile((x, i) => i < 7)));
            Console.WriteLine("skiplast " + Show(s.SkipLast(2)) + " takelast " + Show(s.TakeLast(2)) + " " + Show(s.TakeLast(100)) + " " + Show(s.SkipLast(100)));
            Console.WriteLine("first " + s.First() + " " + s.First(x => x > 7) + " last " + s.Last() + " " + s.Last(x => x < 3) + " ordefault " + s.FirstOrDefault(x => x > 100) + " " + s.LastOrDefault(x => x > 100));
            Console.WriteLine("elementat " + s.ElementAt(4) + " ordefault " + s.ElementAtOrDefault(100) + " " + s.ElementAtOrDefault(-1) + " single " + s.Single(x => x == 9) + " " + s.SingleOrDefault(x => x == 99));
            Console.WriteLine("count " + s.Count() + " " + s.Count(x => x % 2 == 0) + " longcount " + s.LongCount() + " " + s.LongCount(x => x > 5) + " any " + s.Any() + s.Any(x => x > 8) + s.Any(x => x > 9) + " all " + s.All(x => x > 0) + s.All(x => x > 1) + " contains " + s.Contains(7) + s.Contains(4));
            Console.WriteLine("distinct " + Show(s.Distinct()) + " reverse " + Show(s.Reverse()) + " concat " + Show(s.Concat(new[] { 100, 101 })) + " append " + Show(s.Append(0).Prepend(-1).Append(10).Prepend(-2)));
            Console.WriteLine("union " + Show(s.Union(new[] { 3, 10, 11, 10 })) + " intersect " + Show(s.Intersect(new[] { 9, 3, 4, 3, 1 })) + " except " + Show(s.Except(new[] { 3, 5 })));
            Console.WriteLine("zip " + Show(s.Zip(new[] { "a", "b", "c" }, (x, y) => y + x)) + " defaultifempty " + Show(s.DefaultIfEmpty(-1).Take(2)) + " " + Show(s.Where(x => x > 100).DefaultIfEmpty(-1)) + " " + Show(s.Where(x => x > 100).DefaultIfEmpty()));
            Console.WriteLine("orderby " + Show(s.OrderBy(x => x)) + " desc " + Show(s.OrderByDescending(x => x)) + " by mod " + Show(s.OrderBy(x => x % 3).ThenByDescending(x => x)));
            Console.WriteLine("aggregate " + s.Aggregate((a, b) => a * 10 + b) + " seed " + s.Aggregate("", (acc, x) => acc + x) + " result " + s.Aggregate(0, (acc, x) => acc + x, acc => "sum=" + acc));
            Console.WriteLine("toarray " + Show(s.ToArray()) + " tolist " + Show(s.ToList()) + " tohashset " + Show(s.ToHashSet()) + " todictionary " + Show(s.Distinct().ToDictionary(x => x, x => x * x).Take(3)));
            Console.WriteLine("sequenceequal " + s.SequenceEqual(nums) + s.SequenceEqual(nums.Take(3)) + s.SequenceEqual(new int[0]));
            Console.WriteLine("groupby " + Show(s.GroupBy(x => x % 3).Select(g => g.Key + ":" + Show(g))) + " tolookup " + Show(s.ToLookup(x => x > 5)[true]));
            Console.WriteLine("min " + s.Min() + " max " + s.Max() + " sum " + s.Sum() + " average " + s.Average() + " selectors " + s.Min(x => -x) + " " + s.Max(x => x * 1.5) + " " + s.Sum(x => (long)x) + " " + s.Average(x => (float)x));
        }

        // Collections of objects: joins, grouping, ordering by several keys.
        var pets = new List<Pet> {
            new Pet("Rex", "ann", 3), new Pet("Tom", "bob", 5), new Pet("Kit", "ann", 1), new Pet("Bo", "cy", 5),
            new Pet("Zed", null, 2), new Pet("Ace", "bob", 3), new Pet("Max", "ann", 3) };
        var owners = new[] { "bob", "ann", "dan", null };
        Console.WriteLine("orderby thenby " + Show(pets.OrderBy(p => p.Age).ThenBy(p => p.Name)));
        Console.WriteLine("orderbydescending thenbydescending " + Show(pets.OrderByDescending(p => p.Age).ThenByDescending(p => p.Name.Length).ThenBy(p => p.Name)));
        Console.WriteLine("stable " + Show(pets.OrderBy(p => p.Age)) + " " + Show(pets.OrderByDescending(p => p.Age)));
        Console.WriteLine("comparer " + Show(pets.OrderBy(p => p.Name, StringComparer.Ordinal)) + " " + Show(pets.OrderBy(p => p.Name, Comparer<string>.Create((a, b) => a.Length - b.Length))));
        Console.WriteLine("groupby " + Show(pets.GroupBy(p => p.Owner).Select(g => (g.Key ?? "nobody") + "=" + Show(g) + "/" + g.Count())));
        Console.WriteLine("groupby element " + Show(pets.GroupBy(p => p.Age, p => p.Name).Select(g => g.Key + ":" + string.Join("+", g))));
        Console.WriteLine("groupby result " + Show(pets.GroupBy(p => p.Age, (age, ps) => age + "x" + ps.Count())));
        Console.WriteLine("groupby element result " + Show(pets.GroupBy(p => p.Age, p => p.Name.Length, (age, lengths) => age + "~" + lengths.Sum())));
        Console.WriteLine("groupby comparer " + Show(new[] { "a", "A", "b", "B", "a" }.GroupBy(x => x, new Comparers()).Select(g => g.Key + g.Count())));
        var lookup = pets.ToLookup(p => p.Owner, p => p.Name);
        Console.WriteLine("lookup " + lookup.Count + " ann " + Show(lookup["ann"]) + " missing " + Show(lookup["zoe"]) + " null " + Show(lookup[null]) + " contains bob " + lookup.Contains("bob") + " zoe " + lookup.Contains("zoe"));
        foreach (IGrouping<string, string> g in lookup)
            Console.Write((g.Key ?? "-") + ":" + g.Count() + " ");
        Console.WriteLine();
        Console.WriteLine("join " + Show(owners.Join(pets, o => o, p => p.Owner, (o, p) => o + "-" + p.Name)));
        Console.WriteLine("groupjoin " + Show(owners.GroupJoin(pets, o => o, p => p.Owner, (o, ps) => (o ?? "null") + "[" + string.Join(",", ps) + "]")));
        Console.WriteLine("left join " + Show(owners.GroupJoin(pets, o => o, p => p.Owner, (o, ps) => new { o, ps }).SelectMany(x => x.ps.DefaultIfEmpty(), (x, p) => (x.o ?? "null") + ":" + (p == null ? "none" : p.Name))));
        Console.WriteLine("join comparer " + Show(new[] { "A", "b" }.Join(new[] { "a", "B", "a" }, x => x, y => y, (x, y) => x + y, new Comparers())));
        Console.WriteLine("distinct comparer " + Show(new[] { "a", "A", "b" }.Distinct(new Comparers())) + " union " + Show(new[] { "a" }.Union(new[] { "A", "c" }, new Comparers())) + " intersect " + Show(new[] { "a", "B" }.Intersect(new[] { "b" }, new Comparers())) + " except " + Show(new[] { "a", "B", "c" }.Except(new[] { "b" }, new Comparers())));
        Console.WriteLine("contains comparer " + new[] { "a" }.Contains("A", new Comparers()) + " sequenceequal comparer " + new[] { "a", "b" }.SequenceEqual(new[] { "A", "B" }, new Comparers()));
        Console.WriteLine("todictionary comparer " + new[] { "a", "B" }.ToDictionary(x => x, new Comparers()).ContainsKey("b") + " tohashset comparer " + new[] { "a", "A" }.ToHashSet(new Comparers()).Count);
        Console.WriteLine("tolookup comparer " + new[] { "a", "A", "b" }.ToLookup(x => x, new Comparers())["A"].Count());

        // Generation, casting, filtering by type.
        Console.WriteLine("range " + Show(Enumerable.Range(-2, 5)) + " repeat " + Show(Enumerable.Repeat("x", 3)) + " empty " + Enumerable.Empty<int>().Count() + " " + ReferenceEquals(Enumerable.Empty<string>(), Enumerable.Empty<string>()));
        Console.WriteLine("range ops " + Enumerable.Range(1, 10).Sum() + " " + Show(Enumerable.Range(1, 10).Skip(3).Take(2)) + " " + Enumerable.Range(5, 3).Last() + " " + Enumerable.Range(0, 100).ElementAt(42) + " " + Show(Enumerable.Range(0, 5).Select(i => i * i).Skip(1).Take(3)));
        object[] mixed = { 1, "two", 3, null, 4.5, "six", 7 };
        Console.WriteLine("oftype " + Show(mixed.OfType<int>()) + " " + Show(mixed.OfType<string>()) + " cast " + Show(new object[] { "a", "b" }.Cast<string>().Select(x => x.ToUpper())));
        object[] objs = { "x", "y" };
        Console.WriteLine("cast same " + ReferenceEquals(objs.Cast<object>(), objs) + " asenumerable " + ReferenceEquals(objs.AsEnumerable(), objs));
        IEnumerable<string> strings = new[] { "a" };
        IEnumerable<object> covariant = strings;
        Console.WriteLine("covariance " + covariant.Count() + " " + Show(covariant.Cast<string>()));
        var anon = pets.Where(p => p.Age > 2).Select(p => new { p.Name, Twice = p.Age * 2 }).OrderBy(a => a.Twice).ThenBy(a => a.Name).ToList();
        Console.WriteLine("anonymous " + Show(anon));
        Console.WriteLine("string source " + Show("hello".Where(c => c != 'l')) + " " + new string("banana".Distinct().ToArray()) + " " + "abc".Select(c => (int)c).Sum());
        var dict = new Dictionary<string, int> { { "b", 2 }, { "a", 1 }, { "c", 3 } };
        Console.WriteLine("dictionary source " + Show(dict.OrderBy(kv => kv.Key).Select(kv => kv.Key + kv.Value)) + " " + dict.Where(kv => kv.Value > 1).Count() + " " + dict.Values.Max() + " " + dict.Keys.OrderByDescending(k => k).First());
        var nested = new List<List<int>> { new List<int> { 1, 2 }, new List<int>(), new List<int> { 3 } };
        Console.WriteLine("flatten " + Show(nested.SelectMany(l => l)) + " nonempty " + nested.Count(l => l.Any()));
    }
}
