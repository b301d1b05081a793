// List<T>: every member, capacity growth, exceptions (.NET's messages),
// enumerator invalidation, sorting and searching, the non-generic IList.
using System;
using System.Collections;
using System.Collections.Generic;
using System.Collections.ObjectModel;

class Person : IComparable<Person>
{
    public string Name;
    public int Age;
    public Person(string name, int age) { Name = name; Age = age; }
    public int CompareTo(Person other) { return Age.CompareTo(other.Age); }
    public override string ToString() { return Name + "(" + Age + ")"; }
}

class ByNameLength : IComparer<string>
{
    public int Compare(string x, string y) { return x.Length.CompareTo(y.Length); }
}

struct Point
{
    public int X, Y;
    public Point(int x, int y) { X = x; Y = y; }
    public override string ToString() { return "(" + X + "," + Y + ")"; }
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

    // Mono prints the resource key (ArgumentOutOfRange_Count,
    // ArgumentOutOfRange_Index) as the message of some List<T> argument
    // exceptions; .NET prints the text ("Count must be positive...", "Index
    // was out of range..."). Only the type and parameter are compared.
    static void TryParam(string what, Action action)
    {
        try
        {
            action();
            Console.WriteLine(what + ": ok");
        }
        catch (ArgumentException e)
        {
            Console.WriteLine(what + ": " + e.GetType().Name + " (" + e.ParamName + ")");
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
        // Construction and capacity.
        var list = new List<int>();
        Console.WriteLine("empty: " + list.Count + " " + list.Capacity);
        for (int i = 0; i < 17; i++)
        {
            list.Add(i * 3 % 7);
            Console.Write(list.Capacity + " ");
        }
        Console.WriteLine();
        Console.WriteLine(Show(list));
        var copy = new List<int>(list);
        Console.WriteLine("copy " + copy.Count + " cap " + copy.Capacity);
        var fromSeq = new List<int>(Gen(5));
        Console.WriteLine("from iterator " + Show(fromSeq) + " cap " + fromSeq.Capacity);
        var sized = new List<string>(10);
        Console.WriteLine("sized " + sized.Count + " " + sized.Capacity);
        sized.Capacity = 3;
        Console.WriteLine("capacity 3: " + sized.Capacity);
        list.TrimExcess();
        Console.WriteLine("trimmed " + list.Capacity);
        Try("capacity below count", () => list.Capacity = 2);
        Try("negative capacity", () => new List<int>(-1));
        Try("null collection", () => new List<int>(null));

        // Indexer, insert, remove.
        list[0] = 100;
        Console.WriteLine("list[0] " + list[0] + " list[16] " + list[16]);
        Try("get [17]", () => { int x = list[17]; });
        Try("get [-1]", () => { int x = list[-1]; });
        Try("set [17]", () => list[17] = 1);
        list.Insert(0, -1);
        list.Insert(list.Count, -2);
        list.Insert(5, -3);
        Console.WriteLine(Show(list));
        Try("insert past end", () => list.Insert(list.Count + 1, 0));
        list.RemoveAt(0);
        list.RemoveAt(list.Count - 1);
        Console.WriteLine("remove 6 " + list.Remove(6) + " remove 99 " + list.Remove(99));
        Console.WriteLine(Show(list));
        Try("removeat count", () => list.RemoveAt(list.Count));
        list.RemoveRange(2, 3);
        Console.WriteLine("removerange " + Show(list));
        Try("removerange -1", () => list.RemoveRange(-1, 1));
        Try("removerange count -1", () => list.RemoveRange(0, -1));
        Try("removerange too long", () => list.RemoveRange(5, 100));
        list.InsertRange(1, new[] { 7, 8, 9 });
        list.InsertRange(0, Gen(2));
        list.AddRange(new List<int> { 50, 51 });
        list.AddRange(Gen(3));
        Console.WriteLine("insertrange " + Show(list));
        var self = new List<int> { 1, 2, 3 };
        self.InsertRange(1, self);
        Console.WriteLine("self insert " + Show(self));
        self.AddRange(self);
        Console.WriteLine("self add " + Show(self));
        Try("insertrange null", () => list.InsertRange(0, null));
        Try("insertrange past end", () => list.InsertRange(list.Count + 1, new int[0]));

        // Ranges and copies.
        Console.WriteLine("getrange " + Show(list.GetRange(2, 4)));
        Try("getrange too long", () => list.GetRange(3, 100));
        Try("getrange -1", () => list.GetRange(-1, 1));
        int[] arr = new int[list.Count + 2];
        list.CopyTo(arr, 1);
        Console.WriteLine("copyto " + Show(arr));
        list.CopyTo(1, arr, 0, 3);
        Console.WriteLine("copyto range " + Show(arr));
        Try("copyto small", () => list.CopyTo(new int[2]));
        Try("copyto range too long", () => list.CopyTo(5, arr, 0, 100));
        Console.WriteLine("toarray " + Show(list.ToArray()) + " empty " + new List<int>().ToArray().Length);

        // Searching.
        var words = new List<string> { "pear", "apple", "fig", "banana", "kiwi", "apple", null, "date" };
        Console.WriteLine("indexof apple " + words.IndexOf("apple") + " from 2 " + words.IndexOf("apple", 2) + " in [2,3) " + words.IndexOf("apple", 2, 3));
        Console.WriteLine("indexof null " + words.IndexOf(null) + " lastindexof apple " + words.LastIndexOf("apple") + " before 4 " + words.LastIndexOf("apple", 4) + " " + words.LastIndexOf("apple", 4, 2));
        Console.WriteLine("contains fig " + words.Contains("fig") + " null " + words.Contains(null) + " plum " + words.Contains("plum"));
        Try("indexof past end", () => words.IndexOf("x", 9));
        TryParam("indexof count", () => words.IndexOf("x", 2, 10));
        Try("lastindexof past end", () => words.LastIndexOf("x", 8));
        Try("lastindexof count too big", () => words.LastIndexOf("x", 2, 5));
        Try("lastindexof index negative", () => words.LastIndexOf("x", -1, 1));
        Console.WriteLine("empty lastindexof " + new List<int>().LastIndexOf(1) + " " + new List<int>().LastIndexOf(1, -1, 0));
        Predicate<string> longWord = w => w != null && w.Length > 4;
        Console.WriteLine("find " + words.Find(longWord) + " findlast " + words.FindLast(longWord) + " none " + (words.Find(w => w == "zzz") == null));
        Console.WriteLine("findindex " + words.FindIndex(longWord) + " from 2 " + words.FindIndex(2, longWord) + " [2,4) " + words.FindIndex(2, 2, longWord));
        Console.WriteLine("findlastindex " + words.FindLastIndex(longWord) + " from 4 " + words.FindLastIndex(4, longWord) + " 4 back 3 " + words.FindLastIndex(4, 3, longWord));
        Console.WriteLine("findall " + Show(words.FindAll(longWord)) + " exists " + words.Exists(w => w == "fig") + " trueforall " + words.TrueForAll(w => w != "zzz"));
        TryParam("findindex start past end", () => words.FindIndex(9, longWord));
        TryParam("findindex count", () => words.FindIndex(2, 7, longWord));
        TryParam("findlastindex start past end", () => words.FindLastIndex(8, longWord));
        TryParam("findlastindex count", () => words.FindLastIndex(2, 4, longWord));
        TryParam("findlastindex on empty", () => new List<int>().FindLastIndex(0, 0, x => true));
        Console.WriteLine("findlastindex on empty -1: " + new List<int>().FindLastIndex(-1, 0, x => true));
        Try("find null", () => words.Find(null));
        Try("findall null", () => words.FindAll(null));
        Try("findindex null", () => words.FindIndex(null));
        Try("exists null", () => words.Exists(null));
        Try("trueforall null", () => words.TrueForAll(null));

        // Sorting (stable results only where .NET promises them: no equal keys
        // compared by a test except through BinarySearch on distinct values).
        var nums = new List<int> { 5, -3, 9, 0, 12, 7, -8, 3, 3, 1, 20, -1, 4, 15, 6, 2, 11, 10, 19, 8 };
        nums.Sort();
        Console.WriteLine("sort " + Show(nums));
        nums.Sort((a, b) => b.CompareTo(a));
        Console.WriteLine("sort desc " + Show(nums));
        nums.Sort(3, 10, null);
        Console.WriteLine("sort range " + Show(nums));
        nums.Sort(Comparer<int>.Create((a, b) => (a % 5).CompareTo(b % 5) * 100 + a.CompareTo(b)));
        Console.WriteLine("sort by mod " + Show(nums));
        Try("sort range too long", () => nums.Sort(5, 100, null));
        Try("sort null comparison", () => nums.Sort((Comparison<int>)null));
        var people = new List<Person> { new Person("ann", 31), new Person("bob", 25), new Person("cy", 40), new Person("di", 19) };
        people.Sort();
        Console.WriteLine("people " + Show(people));
        var names = new List<string> { "ccc", "a", "bbbb", "dd" };
        names.Sort(new ByNameLength());
        Console.WriteLine("by length " + Show(names));
        names.Sort();
        Console.WriteLine("names " + Show(names));
        var objects = new List<object> { new object(), new object() };
        Try("sort non-comparable", () => objects.Sort());
        Try("comparer throws", () => nums.Sort((a, b) => { throw new FormatException("boom"); }));
        try
        {
            nums.Sort((a, b) => { throw new FormatException("inner"); });
        }
        catch (InvalidOperationException e)
        {
            Console.WriteLine("inner " + e.InnerException.GetType().Name + " " + e.InnerException.Message);
        }
        nums.Sort();
        Console.WriteLine("binarysearch 7 " + nums.BinarySearch(7) + " 13 " + nums.BinarySearch(13) + " -100 " + nums.BinarySearch(-100) + " 100 " + nums.BinarySearch(100));
        Console.WriteLine("binarysearch range " + nums.BinarySearch(2, 5, 3, null) + " comparer " + nums.BinarySearch(9, Comparer<int>.Default));
        Try("binarysearch range bad", () => nums.BinarySearch(10, 20, 1, null));
        Try("binarysearch -1", () => nums.BinarySearch(-1, 2, 1, null));
        nums.Reverse();
        Console.WriteLine("reverse " + Show(nums));
        nums.Reverse(2, 4);
        Console.WriteLine("reverse range " + Show(nums));
        Try("reverse range bad", () => nums.Reverse(10, 20));

        // Conversions and views.
        List<string> texts = nums.ConvertAll(n => "#" + n);
        Console.WriteLine("convertall " + Show(texts));
        Try("convertall null", () => nums.ConvertAll<string>(null));
        ReadOnlyCollection<int> ro = nums.AsReadOnly();
        nums[0] = 777;
        Console.WriteLine("readonly sees " + ro[0] + " count " + ro.Count);
        Try("readonly add", () => ((ICollection<int>)ro).Add(1));
        Console.WriteLine("removeall " + nums.RemoveAll(n => n % 2 == 0) + " " + Show(nums));
        Console.WriteLine("removeall none " + nums.RemoveAll(n => n > 10000));
        Try("removeall null", () => nums.RemoveAll(null));
        var sum = 0;
        nums.ForEach(n => sum += n);
        Console.WriteLine("foreach sum " + sum);
        Try("foreach modifies", () => nums.ForEach(n => nums.Add(1)));
        Try("foreach null", () => nums.ForEach(null));

        // Enumeration and invalidation.
        var small = new List<int> { 1, 2, 3 };
        Try("add while enumerating", () => { foreach (int x in small) small.Add(x); });
        Try("set while enumerating", () => { foreach (int x in small) small[0] = 5; });
        Try("sort while enumerating", () => { foreach (int x in small) small.Sort(); });
        Try("clear empty while enumerating", () => { var e = new List<int>(); var en = e.GetEnumerator(); e.Clear(); en.MoveNext(); });
        Try("reverse while enumerating", () => { foreach (int x in small) small.Reverse(); });
        Try("remove at end", () => { foreach (int x in small) if (x == 3) small.Remove(1); });
        Try("removeall none while enumerating", () => { foreach (int x in small) small.RemoveAll(y => false); });
        List<int>.Enumerator en2 = small.GetEnumerator();
        Console.WriteLine("current before " + en2.Current);
        while (en2.MoveNext())
            Console.Write(en2.Current + " ");
        Console.WriteLine("| after " + en2.Current + " " + en2.MoveNext());
        IEnumerator ie = small.GetEnumerator();
        Try("ienumerator current before", () => { object o = ie.Current; });
        ie.MoveNext();
        Console.WriteLine("ienumerator current " + ie.Current);
        ie.Reset();
        ie.MoveNext();
        Console.WriteLine("after reset " + ie.Current);
        while (ie.MoveNext()) { }
        Try("ienumerator current after", () => { object o = ie.Current; });
        small.Add(4);
        Try("reset after change", () => ie.Reset());

        // The non-generic IList.
        IList il = new List<string> { "x", "y" };
        Console.WriteLine("ilist add " + il.Add("z") + " contains y " + il.Contains("y") + " contains 5 " + il.Contains(5) + " indexof z " + il.IndexOf("z") + " indexof 1 " + il.IndexOf(1));
        il.Insert(0, "w");
        il.Remove("y");
        il.Remove(42);
        il[0] = null;
        Console.WriteLine("ilist " + il.Count + " " + il[0] + "|" + il[1] + " fixed " + il.IsFixedSize + " readonly " + il.IsReadOnly + " sync " + ((ICollection)il).IsSynchronized);
        Try("ilist add wrong type", () => il.Add(5));
        Try("ilist insert wrong type", () => il.Insert(0, 5.5));
        Try("ilist set wrong type", () => il[0] = 'c');
        IList ints = new List<int> { 1 };
        Try("ilist add null to ints", () => ints.Add(null));
        Try("ilist set null to ints", () => ints[0] = null);
        Console.WriteLine("ints contains null " + ints.Contains(null) + " indexof null " + ints.IndexOf(null));
        object[] objs = new object[4];
        ((ICollection)il).CopyTo(objs, 1);
        Console.WriteLine("icollection copyto " + Show(objs));
        Try("icollection copyto wrong type", () => ((ICollection)ints).CopyTo(new string[3], 0));
        Try("icollection copyto multi-dim", () => ((ICollection)ints).CopyTo(new int[2, 2], 0));
        ICollection<int> ic = new List<int>();
        Console.WriteLine("icollection readonly " + ic.IsReadOnly);

        // Structs and references.
        var points = new List<Point> { new Point(1, 2), new Point(3, 4) };
        Point p = points[0];
        p.X = 99;
        Console.WriteLine("struct copy " + points[0] + " " + p + " contains " + points.Contains(new Point(3, 4)) + " indexof " + points.IndexOf(new Point(1, 2)));
        var nested = new List<List<int>> { new List<int> { 1 }, new List<int>() };
        nested[1].Add(2);
        Console.WriteLine("nested " + nested[0].Count + nested[1].Count);
        var nullables = new List<int?> { 1, null, 3 };
        Console.WriteLine("nullables " + Show(nullables) + " indexof null " + nullables.IndexOf(null) + " contains 3 " + nullables.Contains(3));
        nullables.Sort();
        Console.WriteLine("sorted nullables " + Show(nullables));

        list.Clear();
        Console.WriteLine("cleared " + list.Count + " cap " + list.Capacity);
        var big = new List<int>();
        for (int i = 0; i < 100000; i++)
            big.Add((i * 7919) % 100003);
        big.Sort();
        bool sorted = true;
        for (int i = 1; i < big.Count; i++)
            if (big[i - 1] > big[i])
                sorted = false;
        Console.WriteLine("big sorted " + sorted + " " + big[0] + " " + big[big.Count - 1] + " cap " + big.Capacity);
    }

    static IEnumerable<int> Gen(int n)
    {
        for (int i = 0; i < n; i++)
            yield return i * 10;
    }
}
