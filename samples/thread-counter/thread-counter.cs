// Two threads increment shared counters: under `lock`, with Interlocked,
// with Monitor.TryEnter, and with a nested (recursive) lock. Every total
// must be exact.
using System;
using System.Threading;

class Counter
{
    public int Value;
}

class Program
{
    static readonly object Gate = new object();
    static int locked;
    static int interlocked;
    static long wide;
    static int tried;
    static int nested;
    static Counter perObject = new Counter();
    static int rounds = 200000;

    static void Work()
    {
        for (int i = 0; i < rounds; i++)
        {
            lock (Gate)
            {
                locked++;
            }
            Interlocked.Increment(ref interlocked);
            Interlocked.Add(ref wide, 3);
            lock (perObject)
            {
                perObject.Value++;
            }
        }
        for (int i = 0; i < rounds / 10; i++)
        {
            while (!Monitor.TryEnter(Gate, 10)) { }
            try
            {
                tried++;
                lock (Gate)
                {
                    lock (Gate)
                    {
                        nested++;
                    }
                }
            }
            finally
            {
                Monitor.Exit(Gate);
            }
        }
    }

    static int Main(string[] args)
    {
        if (args.Length > 0)
            rounds = int.Parse(args[0]);
        Thread a = new Thread(Work);
        Thread b = new Thread(Work);
        a.Start();
        b.Start();
        a.Join();
        b.Join();
        Console.WriteLine("lock:        " + locked);
        Console.WriteLine("interlocked: " + interlocked);
        Console.WriteLine("wide:        " + wide);
        Console.WriteLine("per object:  " + perObject.Value);
        Console.WriteLine("tryenter:    " + tried);
        Console.WriteLine("nested:      " + nested);
        Console.WriteLine("entered now: " + Monitor.IsEntered(Gate));
        bool ok = locked == 2 * rounds && interlocked == 2 * rounds && wide == 6L * rounds
            && perObject.Value == 2 * rounds && tried == 2 * (rounds / 10) && nested == tried;
        Console.WriteLine(ok ? "exact" : "LOST UPDATES");
        return ok ? 0 : 1;
    }
}
