// ThreadLocal<T>: a value per thread and per instance, with and without a
// value factory, tracking every thread's value, disposed instances, and
// instances made and disposed in a loop (a disposed instance's slot is
// reused without showing its old values). A factory that reads its own
// Value is left out: .NET raises InvalidOperationException (as Osprey
// does), mono overflows the stack.
using System;
using System.Collections.Generic;
using System.Threading;

class Program
{
    static int Main()
    {
        ThreadLocal<int> plain = new ThreadLocal<int>();
        Console.WriteLine("plain: " + plain.IsValueCreated + " " + plain.Value + " " + plain.IsValueCreated);
        plain.Value = 5;
        Console.WriteLine("set: " + plain.Value + " " + plain);

        int made = 0;
        ThreadLocal<int> counted = new ThreadLocal<int>(() => Interlocked.Increment(ref made) * 10, true);
        Thread[] ts = new Thread[4];
        for (int i = 0; i < ts.Length; i++)
        {
            ts[i] = new Thread(() =>
            {
                counted.Value += 1;
                plain.Value = 99;
            });
            ts[i].Start();
        }
        foreach (Thread t in ts)
            t.Join();
        List<int> values = new List<int>(counted.Values);
        values.Sort();
        Console.WriteLine("tracked: " + string.Join(",", values) + "; factory ran " + made + " times");
        Console.WriteLine("main's plain value untouched: " + plain.Value);
        Console.WriteLine("main's counted value (made now): " + counted.Value + ", " + counted.Values.Count + " values");

        ThreadLocal<string> names = new ThreadLocal<string>(() => "thread " + Thread.CurrentThread.Name);
        Thread.CurrentThread.Name = "main";
        string other = null;
        Thread named = new Thread(() => { other = names.Value; });
        named.Name = "worker";
        named.Start();
        named.Join();
        Console.WriteLine(names.Value + " / " + other);

        try
        {
            IList<int> v = plain.Values;
            Console.WriteLine(v.Count);
        }
        catch (InvalidOperationException e)
        {
            Console.WriteLine("not tracking: " + e.GetType().FullName);
        }
        plain.Dispose();
        plain.Dispose();
        try
        {
            Console.WriteLine(plain.Value);
        }
        catch (ObjectDisposedException e)
        {
            Console.WriteLine("disposed: " + e.Message);
        }
        try
        {
            new ThreadLocal<int>((Func<int>)null);
        }
        catch (ArgumentNullException e)
        {
            Console.WriteLine("null factory: " + e.GetType().FullName);
        }

        // Instances made and disposed in a loop: none sees another's value.
        int stale = 0;
        for (int i = 0; i < 200; i++)
        {
            ThreadLocal<int> tl = new ThreadLocal<int>();
            if (tl.IsValueCreated || tl.Value != 0)
                stale++;
            tl.Value = i + 1;
            tl.Dispose();
        }
        Console.WriteLine("stale values seen: " + stale);
        return 0;
    }
}
