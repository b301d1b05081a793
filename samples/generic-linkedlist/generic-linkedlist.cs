// LinkedList<T> and LinkedListNode<T>: adding nodes and values at both ends
// and around nodes, Find/FindLast, removal, node ownership errors,
// enumeration, CopyTo, invalidation.
using System;
using System.Collections;
using System.Collections.Generic;

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

    static string Backwards<T>(LinkedList<T> list)
    {
        var parts = new List<string>();
        for (LinkedListNode<T> n = list.Last; n != null; n = n.Previous)
            parts.Add(n.Value == null ? "null" : n.Value.ToString());
        return "[" + string.Join(", ", parts.ToArray()) + "]";
    }

    static void Main()
    {
        var list = new LinkedList<string>();
        Console.WriteLine("empty " + list.Count + " " + (list.First == null) + " " + (list.Last == null));
        LinkedListNode<string> b = list.AddLast("b");
        list.AddFirst("a");
        list.AddLast("d");
        LinkedListNode<string> c = list.AddBefore(list.Last, "c");
        list.AddAfter(list.Last, "e");
        list.AddAfter(b, "b2");
        list.AddBefore(list.First, "0");
        Console.WriteLine(Show(list) + " back " + Backwards(list) + " count " + list.Count);
        Console.WriteLine("first " + list.First.Value + " last " + list.Last.Value + " c.prev " + c.Previous.Value + " c.next " + c.Next.Value + " first.prev " + (list.First.Previous == null) + " last.next " + (list.Last.Next == null) + " c.list " + (c.List == list));
        var loose = new LinkedListNode<string>("loose");
        Console.WriteLine("loose node list " + (loose.List == null) + " next " + (loose.Next == null));
        list.AddAfter(c, loose);
        list.AddFirst(new LinkedListNode<string>("start"));
        list.AddLast(new LinkedListNode<string>("end"));
        list.AddBefore(b, new LinkedListNode<string>("before b"));
        Console.WriteLine("with nodes " + Show(list));
        Try("add attached node", () => list.AddLast(loose));
        Try("add null node", () => list.AddLast((LinkedListNode<string>)null));
        var other = new LinkedList<string>();
        LinkedListNode<string> foreign = other.AddLast("foreign");
        Try("add after foreign node", () => list.AddAfter(foreign, "x"));
        Try("remove foreign node", () => list.Remove(foreign));
        Try("add before null", () => list.AddBefore(null, "x"));

        list.AddLast("b");
        Console.WriteLine("find b " + (list.Find("b") == b) + " findlast b " + (list.FindLast("b") == b) + " find zz " + (list.Find("zz") == null) + " contains e " + list.Contains("e"));
        list.AddLast((string)null);
        Console.WriteLine("find null " + (list.Find(null) == list.Last) + " findlast null " + (list.FindLast(null) == list.Last));
        Console.WriteLine("remove b " + list.Remove("b") + " remove zz " + list.Remove("zz") + " " + Show(list));
        list.Remove(c);
        Console.WriteLine("removed node " + (c.List == null) + " " + (c.Next == null) + " " + Show(list));
        Try("remove removed node", () => list.Remove(c));
        list.RemoveFirst();
        list.RemoveLast();
        Console.WriteLine("remove ends " + Show(list) + " " + list.Count);
        list.AddFirst(c);
        Console.WriteLine("re-added " + Show(list) + " " + (c.List == list));
        c.Value = "C";
        Console.WriteLine("value set " + list.First.Value);

        string[] arr = new string[list.Count + 2];
        list.CopyTo(arr, 1);
        Console.WriteLine("copyto " + Show(arr));
        Try("copyto small", () => list.CopyTo(new string[2], 0));
        Try("copyto negative", () => list.CopyTo(arr, -1));
        Try("copyto past end", () => list.CopyTo(arr, arr.Length + 1));
        object[] objs = new object[list.Count];
        ((ICollection)list).CopyTo(objs, 0);
        Console.WriteLine("icollection copyto " + Show(objs));

        var inv = new LinkedList<int>(new[] { 1, 2, 3 });
        Try("add while enumerating", () => { foreach (int v in inv) inv.AddLast(v); });
        Try("remove while enumerating", () => { foreach (int v in inv) inv.Remove(v); });
        Try("set value while enumerating", () => { foreach (int v in inv) inv.First.Value = 9; });
        var en = inv.GetEnumerator();
        Console.WriteLine("current before " + en.Current);
        IEnumerator ie = inv.GetEnumerator();
        Try("ienumerator current before", () => { object o = ie.Current; });
        while (ie.MoveNext())
            Console.Write(ie.Current + " ");
        Console.WriteLine();
        Try("ienumerator current after", () => { object o = ie.Current; });

        var empty = new LinkedList<int>();
        Try("removefirst empty", () => empty.RemoveFirst());
        Try("removelast empty", () => empty.RemoveLast());
        Try("null collection", () => new LinkedList<int>(null));
        inv.Clear();
        Console.WriteLine("cleared " + inv.Count + " " + (inv.First == null) + " " + Show(inv));

        var big = new LinkedList<int>();
        for (int i = 0; i < 10000; i++)
        {
            if (i % 2 == 0)
                big.AddLast(i);
            else
                big.AddFirst(i);
        }
        for (LinkedListNode<int> n = big.First; n != null;)
        {
            LinkedListNode<int> next = n.Next;
            if (n.Value % 3 == 0)
                big.Remove(n);
            n = next;
        }
        long sum = 0;
        foreach (int v in big)
            sum += v;
        Console.WriteLine("big " + big.Count + " " + sum + " " + big.First.Value + " " + big.Last.Value);
    }
}
