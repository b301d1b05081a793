// When the Enumerable operators run their delegates and read their
// sources: deferred execution, re-enumeration, the calls .NET makes (and
// skips) for Count/First/Last/ElementAt/Skip/Take over indexable sources,
// OrderBy's key computation, Dispose of source enumerators.
using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;

class Noisy : IEnumerable<int>
{
    private readonly int[] _items;
    public Noisy(params int[] items) { _items = items; }
    public IEnumerator<int> GetEnumerator()
    {
        Console.Write("[open] ");
        try
        {
            foreach (int i in _items)
            {
                Console.Write("<" + i + "> ");
                yield return i;
            }
        }
        finally
        {
            Console.Write("[close] ");
        }
    }
    IEnumerator IEnumerable.GetEnumerator() { return GetEnumerator(); }
}

static class Program
{
    static int F(int x) { Console.Write("f" + x + " "); return x * 10; }
    static bool P(int x) { Console.Write("p" + x + " "); return x % 2 == 1; }
    static int K(int x) { Console.Write("k" + x + " "); return -x; }
    static int K2(int x) { Console.Write("t" + x + " "); return x % 2; }

    static void Run(string what, Func<object> f)
    {
        Console.Write(what + ": ");
        try
        {
            object r = f();
            var e = r as IEnumerable;
            if (e != null && !(r is string))
            {
                var parts = new List<string>();
                foreach (object o in e)
                    parts.Add(o == null ? "null" : o.ToString());
                r = "[" + string.Join(", ", parts.ToArray()) + "]";
            }
            Console.WriteLine("=> " + r);
        }
        catch (Exception ex)
        {
            Console.WriteLine("=> " + ex.GetType().Name + ": " + ex.Message);
        }
    }

    static void Main()
    {
        var list = new List<int> { 1, 2, 3, 4, 5 };
        int[] array = { 1, 2, 3, 4, 5 };
        IEnumerable<int> seq = list.Where(x => true);
        var noisy = new Noisy(1, 2, 3, 4, 5);

        // Nothing runs until enumeration; each enumeration runs again.
        var q = list.Where(P).Select(F);
        Console.WriteLine("query built");
        Run("first pass", () => q.ToList());
        list.Add(7);
        Run("second pass sees the change", () => q.Count());
        list.RemoveAt(5);
        var e1 = q.GetEnumerator();
        var e2 = q.GetEnumerator();
        e1.MoveNext();
        e2.MoveNext();
        e2.MoveNext();
        Console.WriteLine("two enumerators " + e1.Current + " " + e2.Current);
        Run("reset", () => { ((IEnumerator)e1).Reset(); return 0; });
        e1.Dispose();
        Console.WriteLine("after dispose " + e1.MoveNext() + " " + e1.Current);

        // Indexable sources: .NET runs the selector only where needed.
        Run("list select last", () => list.Select(F).Last());
        Run("array select last", () => array.Select(F).Last());
        Run("sequence select last", () => seq.Select(F).Last());
        Run("list select elementat", () => list.Select(F).ElementAt(2));
        Run("list select elementatordefault", () => list.Select(F).ElementAtOrDefault(9));
        Run("list select first", () => list.Select(F).First());
        Run("list select count", () => list.Select(F).Count());
        Run("list select skip first", () => list.Select(F).Skip(3).First());
        Run("list select take last", () => list.Select(F).Take(2).Last());
        Run("list select skip count", () => list.Select(F).Skip(1).Count());
        Run("list skip select last", () => list.Skip(1).Select(F).Last());
        Run("list take select toarray", () => list.Take(3).Select(F).ToArray());
        Run("range select last", () => Enumerable.Range(1, 5).Select(F).Last());
        Run("range select skip take", () => Enumerable.Range(1, 9).Select(F).Skip(2).Take(3));
        Run("repeat select last", () => Enumerable.Repeat(3, 3).Select(F).Last());
        Run("select select last", () => list.Select(F).Select(F).Last());
        Run("where select last", () => list.Where(P).Select(F).Last());
        Run("select where first", () => list.Select(F).Where(x => x > 20).First());
        Run("indexed select last", () => list.Select((x, i) => F(x + i)).Last());
        Run("select any", () => list.Select(F).Any());
        Run("select contains", () => list.Select(F).Contains(30));
        Run("select reverse first", () => list.Select(F).Reverse().First());
        Run("select tolist", () => list.Select(F).ToList());
        Run("select concat count", () => list.Select(F).Concat(array.Select(F)).Count());
        Run("concat select last", () => list.Concat(array).Select(F).Last());
        Run("select concat toarray", () => list.Select(F).Concat(seq.Select(F)).ToArray());
        Run("select concat tolist", () => list.Select(F).Concat(seq.Select(F)).ToList());
        Run("concat three count", () => list.Select(F).Concat(seq.Select(F)).Concat(array.Select(F)).Count());
        Run("select append count", () => list.Select(F).Append(6).Count());
        Run("append select last", () => list.Append(6).Select(F).Last());
        Run("select defaultifempty count", () => list.Select(F).DefaultIfEmpty().Count());
        Run("select reverse count", () => list.Select(F).Reverse().Count());
        Run("distinct select last", () => list.Distinct().Select(F).Last());
        Run("hashset select last", () => new HashSet<int>(list).Select(F).Last());
        Run("list last predicate", () => list.Last(P));
        Run("sequence last predicate", () => seq.Last(P));
        Run("list first predicate", () => list.First(P));
        Run("list single predicate", () => list.Single(x => P(x) && x > 4));
        Run("list count predicate", () => list.Count(P));

        // OrderBy: keys once per element; Count without keys; First and
        // Last without sorting (ThenBy keys only on ties).
        Run("orderby count", () => list.OrderBy(K).Count());
        Run("orderby first", () => list.OrderBy(K).First());
        Run("orderby last", () => list.OrderBy(K).Last());
        Run("orderby elementat", () => list.OrderBy(K).ElementAt(1));
        Run("orderby toarray", () => list.OrderBy(K).ToArray());
        Run("orderby thenby toarray", () => list.OrderBy(K2).ThenBy(K).ToArray());
        Run("orderby thenby first", () => list.OrderBy(K2).ThenBy(K).First());
        Run("orderby thenby last", () => list.OrderBy(K2).ThenBy(K).Last());
        Run("orderby first predicate", () => list.OrderBy(K).First(P));
        Run("orderby last predicate", () => list.OrderBy(K).Last(P));
        Run("orderby skip take", () => list.OrderBy(K).Skip(1).Take(2));
        Run("orderby take last", () => list.OrderBy(K).Take(3).Last());
        Run("orderby skip first", () => list.OrderBy(K).Skip(2).First());
        Run("orderby select last", () => list.OrderBy(K).Select(F).Last());
        Run("orderby empty first", () => new int[0].OrderBy(K).FirstOrDefault());

        // The operators that read a whole source on the first MoveNext.
        var grouped = list.GroupBy(K2, (k, g) => { Console.Write("r" + k + " "); return k + ":" + g.Count(); });
        Console.WriteLine("groupby built");
        foreach (var g in grouped)
            Console.Write("{" + g + "} ");
        Console.WriteLine();
        Run("join", () => new[] { 1, 2 }.Join(list, o => { Console.Write("o" + o + " "); return o; }, i => { Console.Write("i" + i + " "); return i % 2; }, (o, i) => o * 100 + i));
        Run("join empty outer", () => new int[0].Join(list, o => o, i => { Console.Write("i" + i + " "); return i; }, (o, i) => o));
        Run("join empty inner", () => new[] { 1 }.Join(new int[0], o => { Console.Write("o" + o + " "); return o; }, i => i, (o, i) => o));
        Run("groupjoin", () => new[] { 0, 1, 2 }.GroupJoin(list, o => o, i => { Console.Write("i" + i + " "); return i % 3; }, (o, items) => o + "=" + items.Count()));
        Run("except", () => list.Where(P).Except(array.Where(x => { Console.Write("e" + x + " "); return x > 3; })));
        Run("intersect", () => list.Where(P).Intersect(array.Where(x => { Console.Write("e" + x + " "); return x > 2; })));
        Run("union", () => list.Where(P).Union(array.Where(x => { Console.Write("u" + x + " "); return true; })));
        Run("reverse", () => list.Where(P).Reverse());
        Run("zip", () => list.Select(F).Zip(array.Where(P), (a, b) => a + b));
        Run("skiplast", () => list.Select(F).SkipLast(2));
        Run("takelast", () => list.Select(F).TakeLast(2));
        Run("distinct", () => list.Select(x => F(x % 3)).Distinct());
        Run("selectmany", () => list.Take(3).SelectMany(x => Enumerable.Range(0, x).Select(F)));
        Run("takewhile", () => list.TakeWhile(P));
        Run("skipwhile", () => list.SkipWhile(P));
        Run("aggregate", () => list.Aggregate(0, (a, x) => a + F(x)));
        Run("todictionary", () => list.ToDictionary(K, F).Count);
        Run("tolookup", () => list.ToLookup(K2, F).Count);

        // Source enumerators are disposed when the operator finishes or the
        // loop ends early.
        Run("noisy first", () => noisy.First());
        Run("noisy take", () => noisy.Take(2));
        Run("noisy where first", () => noisy.Where(x => x > 2).First());
        Run("noisy any", () => noisy.Any());
        Run("noisy count", () => noisy.Count());
        Run("noisy skip elementat", () => noisy.Skip(1).ElementAt(1));
        Run("noisy elementat past end", () => noisy.ElementAt(7));
        Run("noisy single", () => noisy.Single());
        Run("noisy contains", () => noisy.Contains(2));
        Run("noisy sequenceequal", () => noisy.SequenceEqual(new[] { 1, 2, 9 }));
        Run("noisy concat take", () => noisy.Concat(noisy).Take(6));
        Run("noisy zip", () => noisy.Zip(new[] { 1, 2 }, (a, b) => a + b));
        Console.Write("noisy foreach break: ");
        foreach (int x in noisy.Select(F))
            if (x > 10)
                break;
        Console.WriteLine();
        Run("noisy orderby take", () => noisy.OrderBy(x => -x).Take(2));
        Run("noisy groupby", () => noisy.GroupBy(x => x % 2).Count());
        Run("noisy tolist", () => noisy.ToList().Count);
    }
}
