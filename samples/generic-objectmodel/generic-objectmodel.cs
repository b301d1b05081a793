// Collection<T> (its four protected hooks, over its own list or a given
// one) and ReadOnlyCollection<T> (a live read-only view).
using System;
using System.Collections;
using System.Collections.Generic;
using System.Collections.ObjectModel;

class Audited : Collection<string>
{
    public Audited() { }
    public Audited(IList<string> items) : base(items) { }

    protected override void InsertItem(int index, string item)
    {
        if (item == "forbidden")
            throw new ArgumentException("no forbidden items", "item");
        Console.Write("insert " + index + ":" + item + " ");
        base.InsertItem(index, item == null ? null : item.ToUpper());
    }

    protected override void SetItem(int index, string item)
    {
        Console.Write("set " + index + ":" + item + " ");
        base.SetItem(index, item);
    }

    protected override void RemoveItem(int index)
    {
        Console.Write("remove " + index + " ");
        base.RemoveItem(index);
    }

    protected override void ClearItems()
    {
        Console.Write("clear ");
        base.ClearItems();
    }

    public int Underlying { get { return Items.Count; } }
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
        var c = new Audited();
        c.Add("a");
        c.Add("b");
        c.Insert(1, "c");
        c[0] = "z";
        c.Remove("C");
        c.Remove("missing");
        c.RemoveAt(0);
        Console.WriteLine();
        Console.WriteLine("collection " + Show(c) + " count " + c.Count + " underlying " + c.Underlying + " contains B " + c.Contains("B") + " indexof B " + c.IndexOf("B"));
        Try("insert forbidden", () => c.Add("forbidden"));
        Try("insert past end", () => c.Insert(5, "x"));
        Try("set past end", () => c[5] = "x");
        Try("removeat past end", () => c.RemoveAt(5));
        Try("get past end", () => { string s = c[5]; });
        c.Clear();
        Console.WriteLine();
        Console.WriteLine("cleared " + c.Count);

        var backing = new List<string> { "x", "y" };
        var wrapped = new Audited(backing);
        wrapped.Add("w");
        Console.WriteLine();
        Console.WriteLine("wrapped list " + Show(backing) + " " + Show(wrapped));
        var overArray = new Collection<int>(new[] { 1, 2, 3 });
        Console.WriteLine("over array " + Show(overArray) + " " + overArray[1]);
        Try("add to fixed array", () => overArray.Add(4));
        Try("remove from fixed array", () => overArray.Remove(1));
        Try("clear fixed array", () => overArray.Clear());
        Try("set fixed array", () => overArray[0] = 9);
        Console.WriteLine("set through array " + overArray[0]);
        Try("null list", () => new Collection<int>(null));
        IList il = new Collection<int> { 5 };
        Console.WriteLine("ilist " + il.Add(6) + " " + il.Contains(6) + " " + il.Contains("x") + " " + il.IndexOf(5) + " fixed " + il.IsFixedSize + " readonly " + il.IsReadOnly);
        Try("ilist add wrong type", () => il.Add("x"));
        Try("ilist add null", () => il.Add(null));
        Console.WriteLine("ilist over array fixed " + ((IList)overArray).IsFixedSize + " readonly " + ((IList)overArray).IsReadOnly);
        object[] objs = new object[3];
        ((ICollection)il).CopyTo(objs, 1);
        Console.WriteLine("copyto " + Show(objs));
        Try("copyto too small", () => ((ICollection)il).CopyTo(new object[1], 0));
        Try("copyto wrong type", () => ((ICollection)il).CopyTo(new string[3], 0));

        var source = new List<int> { 3, 1, 2 };
        var ro = new ReadOnlyCollection<int>(source);
        source.Add(9);
        Console.WriteLine("readonly " + Show(ro) + " count " + ro.Count + " [3] " + ro[3] + " contains 1 " + ro.Contains(1) + " indexof 2 " + ro.IndexOf(2));
        int[] arr = new int[5];
        ro.CopyTo(arr, 1);
        Console.WriteLine("readonly copyto " + Show(arr));
        IList<int> roList = ro;
        Try("readonly add", () => roList.Add(1));
        Try("readonly insert", () => roList.Insert(0, 1));
        Try("readonly set", () => roList[0] = 1);
        Try("readonly remove", () => roList.Remove(3));
        Try("readonly removeat", () => roList.RemoveAt(0));
        Try("readonly clear", () => roList.Clear());
        Try("readonly get past end", () => { int x = ro[10]; });
        Try("readonly null", () => new ReadOnlyCollection<int>(null));
        IList roNonGeneric = ro;
        Console.WriteLine("readonly ilist " + roNonGeneric.IsReadOnly + " " + roNonGeneric.IsFixedSize + " " + roNonGeneric[0] + " " + roNonGeneric.Contains(9) + " " + roNonGeneric.IndexOf(1));
        Try("readonly ilist add", () => roNonGeneric.Add(1));
        Try("readonly enumerate while source changes", () => { foreach (int x in ro) source.Add(x); });
        var roObjects = new object[6];
        ((ICollection)ro).CopyTo(roObjects, 0);
        Console.WriteLine("readonly icollection copyto " + Show(roObjects));
        var fromList = source.AsReadOnly();
        Console.WriteLine("asreadonly " + fromList.Count);
    }
}
