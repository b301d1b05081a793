// Finalizers run on the finalizer thread, concurrently with Main: Main
// keeps allocating (and collecting) while finalizers that allocate run;
// GC.WaitForPendingFinalizers waits for the thread to drain the queue.
using System;
using System.Threading;

class Resource
{
    public static int Finalized;
    public static int OnMainThread;
    public static long Sum;
    public int Id;
    public string Name;

    public Resource(int id)
    {
        Id = id;
        Name = "resource " + id;
    }

    ~Resource()
    {
        if (Thread.CurrentThread.ManagedThreadId == 1)
            OnMainThread++;
        // Allocates on the finalizer thread while Main allocates too.
        string s = Name + " finalized";
        Sum += s.Length > 0 ? Id : 0;
        Finalized++;
    }
}

// A finalizer that waits for pending finalizers (it returns at once on the
// finalizer thread, as in the CLR) and collects from the finalizer thread.
class Collector
{
    public static int Finalized;

    ~Collector()
    {
        GC.WaitForPendingFinalizers();
        GC.Collect();
        Finalized++;
    }
}

class Program
{
    static void MakeCollectors()
    {
        for (int i = 0; i < 3; i++)
            new Collector();
    }

    static void Churn(int round)
    {
        for (int i = 0; i < 2000; i++)
        {
            new Resource(round * 2000 + i);
            string junk = "junk " + i;
            if (junk.Length == 0)
                Console.WriteLine(junk);
        }
    }

    static int Main(string[] args)
    {
        int rounds = args.Length > 0 ? int.Parse(args[0]) : 20;
        long expected = 0;
        for (int r = 0; r < rounds; r++)
        {
            Churn(r);
            GC.Collect();
            for (int i = 0; i < 2000; i++)
                expected += r * 2000 + i;
        }
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        GC.WaitForPendingFinalizers();
        Console.WriteLine("main thread id: " + Thread.CurrentThread.ManagedThreadId);
        Console.WriteLine("finalized on the main thread: " + Resource.OnMainThread);
        // mono scans stacks conservatively and may keep a few objects alive.
        Console.WriteLine("almost all finalized: " + (Resource.Finalized >= rounds * 2000 - 10));
        Console.WriteLine("sum plausible: " + (Resource.Sum <= expected && Resource.Sum > expected / 2));
        MakeCollectors();
        GC.Collect();
        GC.WaitForPendingFinalizers();
        Console.WriteLine("collectors finalized: " + (Collector.Finalized >= 2));
        GC.WaitForPendingFinalizers();
        return 0;
    }
}
