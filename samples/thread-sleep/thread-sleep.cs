// Thread.Sleep blocks the calling thread in a QCall (preemptive mode), so
// the collector does not wait for a sleeping thread: here the finalizer
// thread sleeps inside finalizers while Main collects again and again.
using System;
using System.Diagnostics;
using System.Threading;

class Sleeper
{
    public static int Done;

    ~Sleeper()
    {
        Thread.Sleep(60);
        Done++;
    }
}

class Program
{
    static void Make()
    {
        for (int i = 0; i < 5; i++)
            new Sleeper();
    }

    static int Main()
    {
        Stopwatch watch = Stopwatch.StartNew();
        Thread.Sleep(50);
        Console.WriteLine("slept at least 50 ms: " + (watch.ElapsedMilliseconds >= 45));
        Thread.Sleep(0);
        try
        {
            Thread.Sleep(-2);
        }
        catch (ArgumentOutOfRangeException e)
        {
            Console.WriteLine("Sleep(-2): " + e.GetType().Name + " (" + e.ParamName + ")");
        }

        Make();
        GC.Collect();
        // The finalizer thread is sleeping now; these collections run while
        // it sits in the QCall.
        for (int i = 0; i < 20; i++)
        {
            string s = new string('x', 1000 + i);
            if (s.Length == 0)
                Console.WriteLine(s);
            GC.Collect();
        }
        Console.WriteLine("collected while finalizers slept");
        GC.WaitForPendingFinalizers();
        // mono scans stacks conservatively and may keep the last one alive.
        Console.WriteLine("finalizers done: " + (Sleeper.Done >= 4) + ", Timeout.Infinite = " + Timeout.Infinite);
        return 0;
    }
}
