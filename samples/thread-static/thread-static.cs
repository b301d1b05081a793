// [ThreadStatic] fields: each thread has its own copy, starting at the
// default value (a field initializer runs on the class constructor's
// thread only); references in them survive collections.
using System;
using System.Threading;

class Node
{
    public int Value;
    public Node Next;
}

class PerThread
{
    [ThreadStatic] public static int Count;
    [ThreadStatic] public static string Name;
    [ThreadStatic] public static Node List;
    [ThreadStatic] public static long Wide;
    [ThreadStatic] public static double Real;
    [ThreadStatic] static int initialized = 42;

    public static int Initialized
    {
        get { return initialized; }
    }
}

class Program
{
    static readonly object gate = new object();
    static string[] results = new string[4];

    static void Work(object o)
    {
        int id = (int)o;
        PerThread.Name = "thread " + id;
        for (int i = 0; i < 500; i++)
        {
            PerThread.Count++;
            PerThread.Wide += id;
            PerThread.Real += 0.5;
            PerThread.List = new Node { Value = i * id, Next = PerThread.List };
            if (i % 100 == 0)
                GC.Collect();
        }
        int length = 0;
        long sum = 0;
        for (Node n = PerThread.List; n != null; n = n.Next)
        {
            length++;
            sum += n.Value;
        }
        lock (gate)
            results[id] = PerThread.Name + ": count " + PerThread.Count + ", list " + length + " sum " + sum
                + ", wide " + PerThread.Wide + ", real " + PerThread.Real + ", initializer " + PerThread.Initialized;
    }

    static int Main()
    {
        PerThread.Name = "main";
        PerThread.Count = 7;
        Console.WriteLine("initializer on main: " + PerThread.Initialized);
        Thread[] ts = new Thread[3];
        for (int i = 0; i < 3; i++)
        {
            ts[i] = new Thread(Work);
            ts[i].Start(i + 1);
        }
        foreach (Thread t in ts)
            t.Join();
        for (int i = 1; i <= 3; i++)
            Console.WriteLine(results[i]);
        Console.WriteLine("main still: " + PerThread.Name + " " + PerThread.Count + " " + (PerThread.List == null));
        return 0;
    }
}
