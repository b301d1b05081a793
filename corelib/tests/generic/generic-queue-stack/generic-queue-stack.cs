// Queue<T> and Stack<T>: order, wrap-around in the circular buffer,
// growth, ToArray/CopyTo (oldest first / top first), Contains, the
// enumerators' Current before and after enumeration, exceptions.
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

    static void Main()
    {
        var q = new Queue<int>();
        for (int i = 0; i < 5; i++)
            q.Enqueue(i);
        Console.WriteLine("queue " + Show(q) + " peek " + q.Peek() + " count " + q.Count);
        Console.WriteLine("dequeue " + q.Dequeue() + q.Dequeue() + " " + Show(q));
        for (int i = 10; i < 16; i++)
            q.Enqueue(i);
        Console.WriteLine("wrapped " + Show(q) + " toarray " + Show(q.ToArray()) + " contains 12 " + q.Contains(12) + " 1 " + q.Contains(1));
        int[] arr = new int[12];
        q.CopyTo(arr, 2);
        Console.WriteLine("copyto " + Show(arr));
        Try("copyto small", () => q.CopyTo(new int[3], 0));
        Try("copyto negative", () => q.CopyTo(arr, -1));
        Try("copyto null", () => q.CopyTo(null, 0));
        object[] objs = new object[10];
        ((ICollection)q).CopyTo(objs, 0);
        Console.WriteLine("icollection copyto " + Show(objs));
        Try("icollection copyto wrong type", () => ((ICollection)q).CopyTo(new string[10], 0));
        int result;
        Console.WriteLine("trydequeue " + q.TryDequeue(out result) + " " + result + " trypeek " + q.TryPeek(out result) + " " + result);
        while (q.Count > 0)
            q.Dequeue();
        Console.WriteLine("trydequeue empty " + q.TryDequeue(out result) + " " + result + " trypeek " + q.TryPeek(out result));
        Try("dequeue empty", () => q.Dequeue());
        Try("peek empty", () => q.Peek());
        q.Enqueue(1);
        q.TrimExcess();
        q.Enqueue(2);
        q.Clear();
        q.Enqueue(3);
        Console.WriteLine("after clear " + Show(q));
        Try("negative capacity", () => new Queue<int>(-1));
        Try("null collection", () => new Queue<int>(null));
        var fromList = new Queue<string>(new List<string> { "a", "b", null });
        Console.WriteLine("from list " + Show(fromList) + " contains null " + fromList.Contains(null) + " dequeue " + fromList.Dequeue());
        var fromSeq = new Queue<int>(Gen(6));
        fromSeq.Enqueue(100);
        Console.WriteLine("from sequence " + Show(fromSeq));

        var qe = new Queue<int>(new[] { 1, 2 }).GetEnumerator();
        Try("queue current before", () => { int c = qe.Current; });
        qe.MoveNext();
        Console.WriteLine("queue current " + qe.Current);
        qe.MoveNext();
        qe.MoveNext();
        Try("queue current after", () => { int c = qe.Current; });
        var qi = new Queue<int>(new[] { 1, 2 });
        Try("enqueue while enumerating", () => { foreach (int v in qi) qi.Enqueue(v); });
        Try("dequeue while enumerating", () => { foreach (int v in qi) qi.Dequeue(); });
        Try("peek while enumerating", () => { foreach (int v in qi) qi.Peek(); });

        var s = new Stack<string>();
        s.Push("a");
        s.Push("b");
        s.Push(null);
        s.Push("d");
        Console.WriteLine("stack " + Show(s) + " peek " + s.Peek() + " count " + s.Count + " toarray " + Show(s.ToArray()));
        Console.WriteLine("pop " + s.Pop() + " " + (s.Pop() == null) + " " + Show(s) + " contains a " + s.Contains("a") + " null " + s.Contains(null));
        string[] sarr = new string[5];
        s.CopyTo(sarr, 1);
        Console.WriteLine("copyto " + Show(sarr));
        object[] sobjs = new object[3];
        ((ICollection)s).CopyTo(sobjs, 1);
        Console.WriteLine("icollection copyto " + Show(sobjs));
        Try("copyto small", () => s.CopyTo(new string[1], 0));
        Try("copyto past end", () => s.CopyTo(sarr, 6));
        string top;
        Console.WriteLine("trypop " + s.TryPop(out top) + " " + top + " trypeek " + s.TryPeek(out top) + " " + top);
        s.Clear();
        Console.WriteLine("trypop empty " + s.TryPop(out top) + " " + (top == null));
        Try("pop empty", () => s.Pop());
        Try("peek empty", () => s.Peek());
        var ints = new Stack<int>(new[] { 1, 2, 3 });
        Console.WriteLine("from array " + Show(ints) + " pop " + ints.Pop());
        for (int i = 0; i < 10; i++)
            ints.Push(i * i);
        ints.TrimExcess();
        Console.WriteLine("grown " + Show(ints));
        Try("negative capacity", () => new Stack<int>(-1));
        var se = ints.GetEnumerator();
        Try("stack current before", () => { int c = se.Current; });
        se.MoveNext();
        Console.WriteLine("stack current " + se.Current);
        while (se.MoveNext()) { }
        Try("stack current after", () => { int c = se.Current; });
        Try("push while enumerating", () => { foreach (int v in ints) ints.Push(v); });
        Try("pop while enumerating", () => { foreach (int v in ints) ints.Pop(); });
        IEnumerator ie = ints.GetEnumerator();
        ie.MoveNext();
        ie.Reset();
        ie.MoveNext();
        Console.WriteLine("after reset " + ie.Current);

        // A queue and a stack together: evaluate postfix expressions.
        var tokens = new Queue<string>("3 4 + 2 * 7 - 10 5 / +".Split(' '));
        var operands = new Stack<int>();
        while (tokens.Count > 0)
        {
            string t = tokens.Dequeue();
            int n;
            if (int.TryParse(t, out n))
            {
                operands.Push(n);
                continue;
            }
            int b = operands.Pop();
            int a = operands.Pop();
            operands.Push(t == "+" ? a + b : t == "-" ? a - b : t == "*" ? a * b : a / b);
        }
        Console.WriteLine("postfix " + operands.Pop());

        var bigq = new Queue<int>();
        long sum = 0;
        for (int i = 0; i < 100000; i++)
        {
            bigq.Enqueue(i);
            if (i % 3 == 0)
                sum += bigq.Dequeue();
        }
        Console.WriteLine("big queue " + bigq.Count + " " + sum + " " + bigq.Peek());
    }

    static IEnumerable<int> Gen(int n)
    {
        for (int i = 0; i < n; i++)
            yield return i;
    }
}
