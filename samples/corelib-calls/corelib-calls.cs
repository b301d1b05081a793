// Two of corelib's calls into the runtime, as a program sees them:
// Stopwatch.GetTimestamp (an FCall over the kernel's cycle counter) and
// Environment.GetEnvironmentVariable (a QCall: string in, string out through
// a StringHandleOnStack). See docs/internal-calls.md for how they are built.
using System;
using System.Diagnostics;

class Program
{
    static long Work(int n)
    {
        long s = 0;
        for (int i = 0; i < n; i++)
            s += i % 7;
        return s;
    }

    static int Main()
    {
        // FCall: timestamps never go backwards, and measure real work.
        long t0 = Stopwatch.GetTimestamp();
        long result = Work(2000000);
        long t1 = Stopwatch.GetTimestamp();
        Console.WriteLine(result);
        Console.WriteLine(t1 >= t0);
        Console.WriteLine(t1 > t0);
        Console.WriteLine(Stopwatch.IsHighResolution);
        Console.WriteLine(Stopwatch.Frequency >= 1000000);

        Stopwatch sw = Stopwatch.StartNew();
        Work(1000);
        sw.Stop();
        Console.WriteLine(sw.IsRunning);
        Console.WriteLine(sw.ElapsedTicks > 0);
        Console.WriteLine(sw.ElapsedMilliseconds < 60000);

        // QCall: the harness runs both runtimes with LANG=C.UTF-8.
        Console.WriteLine(Environment.GetEnvironmentVariable("LANG"));
        Console.WriteLine(Environment.GetEnvironmentVariable("OSPREY_SURELY_UNSET_VARIABLE") == null);
        string path = Environment.GetEnvironmentVariable("PATH");
        Console.WriteLine(path != null && path.Length > 0);
        return 0;
    }
}
