// Lazy<T> (factories run once, exceptions cached or not by mode,
// recursion detected, ToString) and ArraySegment<T> (a window on an
// array: indexing, slicing, copying, equality, the list interfaces).
using System;
using System.Collections.Generic;
using System.Threading;

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

    // Mono prints resource keys (Argument_InvalidOffLen,
    // ArgumentOutOfRange_NeedNonNegNum) or nothing (InvalidOperation_
    // NullArray) as the messages of some ArraySegment exceptions; .NET prints
    // the text. Only the type is compared.
    static void TryType(string what, Action action)
    {
        try
        {
            action();
            Console.WriteLine(what + ": ok");
        }
        catch (Exception e)
        {
            Console.WriteLine(what + ": " + e.GetType().Name);
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
        int calls = 0;
        var lazy = new Lazy<int>(() => { calls++; return 42; });
        Console.WriteLine("before " + lazy.IsValueCreated + " " + lazy.ToString() + " calls " + calls);
        Console.WriteLine("value " + lazy.Value + " " + lazy.Value + " created " + lazy.IsValueCreated + " calls " + calls + " " + lazy.ToString());
        var ready = new Lazy<string>("ready");
        Console.WriteLine("from value " + ready.IsValueCreated + " " + ready.Value);
        foreach (var mode in new[] { LazyThreadSafetyMode.None, LazyThreadSafetyMode.PublicationOnly, LazyThreadSafetyMode.ExecutionAndPublication })
        {
            int attempts = 0;
            var failing = new Lazy<int>(() => { attempts++; if (attempts < 3) throw new FormatException("attempt " + attempts); return attempts; }, mode);
            for (int i = 0; i < 4; i++)
            {
                try
                {
                    Console.Write(failing.Value + " ");
                }
                catch (FormatException e)
                {
                    Console.Write("(" + e.Message + ") ");
                }
            }
            Console.WriteLine(mode + " created " + failing.IsValueCreated + " attempts " + attempts);
        }
        Lazy<int> self = null;
        self = new Lazy<int>(() => self.Value + 1);
        Try("recursive", () => { int v = self.Value; });
        Try("recursive again", () => { int v = self.Value; });
        Lazy<int> selfNone = null;
        selfNone = new Lazy<int>(() => selfNone.Value, false);
        Try("recursive none", () => { int v = selfNone.Value; });
        Try("null factory", () => new Lazy<int>((Func<int>)null));
        Try("bad mode", () => new Lazy<int>(() => 1, (LazyThreadSafetyMode)5));
        var threadSafe = new Lazy<string>(() => "ts", true);
        Console.WriteLine("thread safe " + threadSafe.Value);
        var nullValue = new Lazy<string>(() => null);
        Console.WriteLine("null value " + (nullValue.Value == null) + " " + nullValue.IsValueCreated);

        int[] data = { 0, 1, 2, 3, 4, 5, 6, 7 };
        var seg = new ArraySegment<int>(data, 2, 4);
        Console.WriteLine("segment " + Show(seg) + " offset " + seg.Offset + " count " + seg.Count + " array " + ReferenceEquals(seg.Array, data) + " [1] " + seg[1]);
        seg[0] = 20;
        Console.WriteLine("write through " + data[2] + " toarray " + Show(seg.ToArray()));
        Console.WriteLine("slice " + Show(seg.Slice(1)) + " " + Show(seg.Slice(1, 2)) + " " + Show(seg.Slice(4)));
        Try("slice past end", () => seg.Slice(5));
        Try("slice count", () => seg.Slice(1, 4));
        Try("index past end", () => { int x = seg[4]; });
        Try("index negative", () => seg[-1] = 0);
        int[] dest = new int[6];
        seg.CopyTo(dest);
        seg.CopyTo(dest, 2);
        Console.WriteLine("copyto " + Show(dest));
        var target = new ArraySegment<int>(new int[5], 1, 4);
        seg.CopyTo(target);
        Console.WriteLine("copyto segment " + Show(target.Array));
        Try("copyto short segment", () => seg.CopyTo(new ArraySegment<int>(new int[2])));
        Try("copyto short array", () => seg.CopyTo(new int[3]));
        var whole = new ArraySegment<int>(data);
        ArraySegment<int> implicitSeg = data;
        Console.WriteLine("whole " + whole.Count + " implicit " + implicitSeg.Count + " equal " + whole.Equals(implicitSeg) + " " + (whole == implicitSeg) + " " + (whole != seg) + " " + whole.Equals((object)seg) + " " + seg.Equals(new ArraySegment<int>(data, 2, 4)));
        Console.WriteLine("hash agrees " + (seg.GetHashCode() == new ArraySegment<int>(data, 2, 4).GetHashCode()) + " default hash " + default(ArraySegment<int>).GetHashCode());
        Console.WriteLine("empty " + ArraySegment<int>.Empty.Count + " " + Show(ArraySegment<int>.Empty));
        IList<int> list = seg;
        Console.WriteLine("ilist " + list.Count + " " + list[0] + " indexof 4 " + list.IndexOf(4) + " indexof 0 " + list.IndexOf(0) + " contains 5 " + list.Contains(5) + " readonly " + list.IsReadOnly);
        list[3] = 50;
        Console.WriteLine("ilist set " + data[5]);
        Try("ilist add", () => list.Add(1));
        Try("ilist insert", () => list.Insert(0, 1));
        Try("ilist remove", () => list.Remove(3));
        Try("ilist removeat", () => list.RemoveAt(0));
        Try("ilist clear", () => list.Clear());
        Try("ilist index past end", () => { int x = list[4]; });
        IReadOnlyList<int> rol = seg;
        Console.WriteLine("ireadonlylist " + rol.Count + " " + rol[3]);
        var en = seg.GetEnumerator();
        Try("enumerator current before", () => { int x = en.Current; });
        while (en.MoveNext())
            Console.Write(en.Current + " ");
        Console.WriteLine();
        Try("enumerator current after", () => { int x = en.Current; });
        ArraySegment<int> none = default(ArraySegment<int>);
        Console.WriteLine("default " + none.Count + " " + (none.Array == null) + " " + none.Offset + " equals " + none.Equals(default(ArraySegment<int>)));
        TryType("default enumerate", () => { foreach (int x in none) { } });
        TryType("default toarray", () => none.ToArray());
        TryType("default slice", () => none.Slice(0));
        TryType("default copyto", () => none.CopyTo(new int[1]));
        Try("default index", () => { int x = none[0]; });
        Try("null array", () => new ArraySegment<int>(null));
        Try("null array with range", () => new ArraySegment<int>(null, 0, 0));
        TryType("negative offset", () => new ArraySegment<int>(data, -1, 2));
        TryType("negative count", () => new ArraySegment<int>(data, 1, -2));
        TryType("range past end", () => new ArraySegment<int>(data, 5, 4));
        var strings = new ArraySegment<string>(new[] { "a", null, "c" }, 1, 2);
        Console.WriteLine("strings " + Show(strings) + " indexof null " + ((IList<string>)strings).IndexOf(null));
    }
}
