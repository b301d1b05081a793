// The Enumerable operators' exceptions: ArgumentNullException with .NET's
// parameter names (thrown when the operator is called, not when it is
// enumerated), InvalidOperationException for empty and ambiguous
// sequences, ArgumentOutOfRangeException, InvalidCastException,
// OverflowException, duplicate keys.
using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;

enum Kind { Unspecified, Utc, Local }

static class Program
{
    static void Try(string what, Func<object> f)
    {
        try
        {
            object r = f();
            Console.WriteLine(what + ": returned " + (r == null ? "null" : r is ValueType || r is string ? r.ToString() : "a sequence"));
        }
        catch (ArgumentException e)
        {
            Console.WriteLine(what + ": " + e.GetType().Name + " (" + e.ParamName + ")");
        }
        catch (Exception e)
        {
            Console.WriteLine(what + ": " + e.GetType().Name + ": " + e.Message);
        }
    }

    static void Enumerate(string what, Func<IEnumerable> f)
    {
        IEnumerable e;
        try
        {
            e = f();
        }
        catch (Exception ex)
        {
            Console.WriteLine(what + ": at call " + ex.GetType().Name);
            return;
        }
        try
        {
            int n = 0;
            foreach (object o in e)
                n++;
            Console.WriteLine(what + ": " + n + " elements");
        }
        catch (Exception ex)
        {
            Console.WriteLine(what + ": while enumerating " + ex.GetType().Name + ": " + ex.Message);
        }
    }

    static void Main()
    {
        IEnumerable<int> none = null;
        IEnumerable<int> some = new[] { 1, 2, 3 };
        IEnumerable<int> empty = new int[0];
        Func<int, bool> pred = x => true;
        Func<int, int> sel = x => x;
        Func<int, int, int> sel2 = (x, y) => x;
        IEqualityComparer<int> eq = EqualityComparer<int>.Default;

        Try("Where source", () => none.Where(pred));
        Try("Where predicate", () => some.Where((Func<int, bool>)null));
        Try("Where indexed predicate", () => some.Where((Func<int, int, bool>)null));
        Try("Select source", () => none.Select(sel));
        Try("Select selector", () => some.Select((Func<int, int>)null));
        Try("Select indexed selector", () => some.Select((Func<int, int, int>)null));
        Try("SelectMany source", () => none.SelectMany(x => new[] { x }));
        Try("SelectMany selector", () => some.SelectMany((Func<int, IEnumerable<int>>)null));
        Try("SelectMany collectionSelector", () => some.SelectMany((Func<int, IEnumerable<int>>)null, (x, y) => x));
        Try("SelectMany resultSelector", () => some.SelectMany(x => new[] { x }, (Func<int, int, int>)null));
        Try("Take source", () => none.Take(1));
        Try("Skip source", () => none.Skip(1));
        Try("TakeWhile predicate", () => some.TakeWhile((Func<int, bool>)null));
        Try("SkipWhile predicate", () => some.SkipWhile((Func<int, int, bool>)null));
        Try("SkipLast source", () => none.SkipLast(1));
        Try("TakeLast source", () => none.TakeLast(1));
        Try("OrderBy source", () => none.OrderBy(sel));
        Try("OrderBy keySelector", () => some.OrderBy((Func<int, int>)null));
        Try("OrderByDescending keySelector", () => some.OrderByDescending((Func<int, int>)null, Comparer<int>.Default));
        Try("ThenBy source", () => ((IOrderedEnumerable<int>)null).ThenBy(sel));
        Try("ThenBy keySelector", () => some.OrderBy(sel).ThenBy((Func<int, int>)null));
        Try("ThenByDescending keySelector", () => some.OrderBy(sel).ThenByDescending((Func<int, int>)null));
        Try("GroupBy source", () => none.GroupBy(sel));
        Try("GroupBy keySelector", () => some.GroupBy((Func<int, int>)null));
        Try("GroupBy elementSelector", () => some.GroupBy(sel, (Func<int, int>)null));
        Try("GroupBy resultSelector", () => some.GroupBy(sel, (Func<int, IEnumerable<int>, int>)null));
        Try("GroupBy element resultSelector", () => some.GroupBy(sel, sel, (Func<int, IEnumerable<int>, int>)null));
        Try("ToLookup source", () => none.ToLookup(sel));
        Try("ToLookup elementSelector", () => some.ToLookup(sel, (Func<int, int>)null));
        Try("Join outer", () => none.Join(some, sel, sel, sel2));
        Try("Join inner", () => some.Join((int[])null, sel, sel, sel2));
        Try("Join outerKeySelector", () => some.Join(some, null, sel, sel2));
        Try("Join innerKeySelector", () => some.Join(some, sel, null, sel2));
        Try("Join resultSelector", () => some.Join(some, sel, sel, (Func<int, int, int>)null));
        Try("GroupJoin inner", () => some.GroupJoin((int[])null, sel, sel, (x, ys) => x));
        Try("GroupJoin resultSelector", () => some.GroupJoin(some, sel, sel, (Func<int, IEnumerable<int>, int>)null));
        Try("Distinct source", () => none.Distinct());
        Try("Union first", () => none.Union(some));
        Try("Union second", () => some.Union(null));
        Try("Intersect first", () => none.Intersect(some));
        Try("Intersect second", () => some.Intersect(null, eq));
        Try("Except first", () => none.Except(some));
        Try("Except second", () => some.Except(null));
        Try("Concat first", () => none.Concat(some));
        Try("Concat second", () => some.Concat(null));
        Try("Zip first", () => none.Zip(some, sel2));
        Try("Zip second", () => some.Zip((int[])null, sel2));
        Try("Zip resultSelector", () => some.Zip(some, (Func<int, int, int>)null));
        Try("Reverse source", () => none.Reverse());
        Try("Append source", () => none.Append(1));
        Try("Prepend source", () => none.Prepend(1));
        Try("DefaultIfEmpty source", () => none.DefaultIfEmpty());
        Try("Cast source", () => ((IEnumerable)null).Cast<int>());
        Try("OfType source", () => ((IEnumerable)null).OfType<int>());
        Try("AsEnumerable null", () => none.AsEnumerable());
        Try("First source", () => none.First());
        Try("First predicate", () => some.First(null));
        Try("FirstOrDefault predicate", () => some.FirstOrDefault(null));
        Try("Last source", () => none.Last());
        Try("Last predicate", () => some.Last(null));
        Try("Single source", () => none.Single());
        Try("SingleOrDefault predicate", () => some.SingleOrDefault(null));
        Try("ElementAt source", () => none.ElementAt(0));
        Try("ElementAtOrDefault source", () => none.ElementAtOrDefault(0));
        Try("Any source", () => none.Any());
        Try("Any predicate", () => some.Any(null));
        Try("All predicate", () => some.All(null));
        Try("Count source", () => none.Count());
        Try("Count predicate", () => some.Count(null));
        Try("LongCount predicate", () => some.LongCount(null));
        Try("Contains source", () => none.Contains(1));
        Try("Contains comparer source", () => none.Contains(1, eq));
        Try("Aggregate source", () => none.Aggregate((a, b) => a));
        Try("Aggregate func", () => some.Aggregate(null));
        Try("Aggregate seed func", () => some.Aggregate(0, null));
        Try("Aggregate resultSelector", () => some.Aggregate(0, (a, b) => a, (Func<int, int>)null));
        Try("SequenceEqual first", () => none.SequenceEqual(some));
        Try("SequenceEqual second", () => some.SequenceEqual(null));
        Try("ToArray source", () => none.ToArray());
        Try("ToList source", () => none.ToList());
        Try("ToDictionary source", () => none.ToDictionary(sel));
        Try("ToDictionary keySelector", () => some.ToDictionary((Func<int, int>)null));
        Try("ToDictionary elementSelector", () => some.ToDictionary(sel, (Func<int, int>)null));
        Try("ToHashSet source", () => none.ToHashSet());
        Try("Sum source", () => none.Sum());
        Try("Sum selector", () => some.Sum((Func<int, int>)null));
        Try("Min source", () => none.Min());
        Try("Max selector", () => some.Max((Func<int, double>)null));
        Try("Average source", () => none.Average());
        Try("Average selector", () => some.Average((Func<int, long?>)null));
        Try("Min generic source", () => ((IEnumerable<string>)null).Min());
        Try("Max generic selector", () => some.Max((Func<int, string>)null));

        // Empty and ambiguous sequences.
        Try("First empty", () => empty.First());
        Try("First no match", () => some.First(x => x > 5));
        Try("Last empty", () => empty.Last());
        Try("Last no match", () => some.Last(x => x > 5));
        Try("Last lazy empty", () => empty.Where(pred).Last());
        Try("Single empty", () => empty.Single());
        Try("Single many", () => some.Single());
        Try("Single no match", () => some.Single(x => x > 5));
        Try("Single many matches", () => some.Single(x => x > 1));
        Try("SingleOrDefault many", () => some.SingleOrDefault());
        Try("SingleOrDefault many matches", () => some.SingleOrDefault(x => x > 1));
        Try("SingleOrDefault lazy many", () => some.Where(pred).SingleOrDefault());
        Try("SingleOrDefault empty", () => empty.SingleOrDefault());
        Try("ElementAt past end", () => some.ElementAt(3));
        Try("ElementAt negative", () => some.ElementAt(-1));
        Try("ElementAt list past end", () => new List<int> { 1 }.ElementAt(3));
        Try("ElementAt lazy past end", () => some.Where(pred).ElementAt(3));
        Try("ElementAt range past end", () => Enumerable.Range(0, 3).ElementAt(5));
        Try("ElementAt orderby past end", () => some.OrderBy(sel).ElementAt(5));
        Try("Aggregate empty", () => empty.Aggregate((a, b) => a + b));
        Try("Min empty", () => empty.Min());
        Try("Max empty", () => empty.Max());
        Try("Average empty", () => empty.Average());
        Try("Min empty long", () => new long[0].Min());
        Try("Max empty double", () => new double[0].Max());
        Try("Average empty float", () => new float[0].Average());
        Try("Min empty nullable", () => new int?[0].Min());
        Try("Average empty nullable", () => new double?[0].Average());
        Try("Min generic empty struct", () => new Kind[0].Min());
        Try("Min generic empty class", () => new string[0].Min());
        Try("Max generic selector empty", () => empty.Max(x => x.ToString()));
        Try("Sum empty", () => empty.Sum());
        Try("Range negative", () => Enumerable.Range(0, -1));
        Try("Range overflow", () => Enumerable.Range(int.MaxValue, 2));
        Try("Range max", () => Enumerable.Range(int.MaxValue, 1).Single());
        Try("Repeat negative", () => Enumerable.Repeat(1, -1));

        // Errors raised while enumerating.
        Enumerate("Cast wrong type", () => new object[] { 1, "x" }.Cast<int>());
        Enumerate("Cast null to value type", () => new object[] { null }.Cast<int>());
        Enumerate("Cast boxed int to long", () => new object[] { 1 }.Cast<long>());
        Enumerate("Select throws", () => some.Select(x => 10 / (x - 2)));
        Enumerate("SelectMany null inner", () => some.SelectMany(x => (int[])null));
        Enumerate("Where after modification", () => { var l = new List<int> { 1, 2 }; var q = l.Where(pred); foreach (var x in q) { l.Add(3); } return q; });
        Enumerate("OrderBy comparer throws", () => some.OrderBy(x => x, Comparer<int>.Create((a, b) => { throw new FormatException("cmp"); })));
        Enumerate("OrderBy key not comparable", () => some.OrderBy(x => new object()));
        Enumerate("GroupBy key throws", () => some.GroupBy(x => 1 / (x - 3)));
        Try("Sum overflow", () => new[] { int.MaxValue, 1 }.Sum());
        Try("Sum long overflow", () => new[] { long.MaxValue, 1 }.Sum());
        Try("Sum nullable overflow", () => new int?[] { int.MaxValue, null, 1 }.Sum());
        Try("Average int no overflow", () => new[] { int.MaxValue, int.MaxValue }.Average());
        Try("Average long overflow", () => new[] { long.MaxValue, long.MaxValue }.Average());
        Try("Count overflow-free", () => Enumerable.Range(0, 10).LongCount());
        Try("ToDictionary duplicate", () => new[] { 1, 2, 1 }.ToDictionary(x => x));
        Try("ToDictionary null key", () => new[] { "a", null }.ToDictionary(x => x));
        Try("ToLookup null key", () => new[] { "a", null }.ToLookup(x => x).Count);
        Try("GroupBy null key", () => new[] { "a", null, null }.GroupBy(x => x).Count());
        Try("Distinct nulls", () => new[] { "a", null, null }.Distinct().Count());
        Try("Join null keys", () => new[] { "a", null }.Join(new[] { null, "a" }, x => x, y => y, (x, y) => x).Count());
        Try("GroupJoin null keys", () => new[] { null, "a" }.GroupJoin(new[] { null, "a" }, x => x, y => y, (x, ys) => ys.Count()).Sum());
        Try("Reset", () => { var e = some.Where(pred).GetEnumerator(); e.Reset(); return 0; });
        Try("Select Reset", () => { IEnumerator e = some.Select(sel).GetEnumerator(); e.Reset(); return 0; });
        Try("Range Reset", () => { IEnumerator e = Enumerable.Range(1, 3).GetEnumerator(); e.Reset(); return 0; });
    }
}
