// Exception costs, for docs/exceptions.md: the same program runs on Osprey,
// mono (JIT) and mono --interpreter (benches/exceptions/run.sh). Each case is
// a loop timed with Stopwatch; the number is the median over runs of the
// time per iteration, with an empty loop's time subtracted.
using System;
using System.Diagnostics;
using System.Runtime.CompilerServices;

static class Exceptions
{
    static readonly Exception Shared = new InvalidOperationException("shared");

    [MethodImpl(MethodImplOptions.NoInlining)]
    static int Plain(int x) { return x + 1; }

    [MethodImpl(MethodImplOptions.NoInlining)]
    static void Throw(int x) { if (x >= 0) throw Shared; }

    [MethodImpl(MethodImplOptions.NoInlining)]
    static void ThrowNew(int x) { if (x >= 0) throw new InvalidOperationException("fresh"); }

    [MethodImpl(MethodImplOptions.NoInlining)]
    static void Deep(int depth)
    {
        try
        {
            if (depth == 0) throw Shared;
            Deep(depth - 1);
        }
        finally
        {
            counter++;
        }
    }

    static int counter;

    [MethodImpl(MethodImplOptions.NoInlining)]
    static int LoopEmpty(int n) { int s = 0; for (int i = 0; i < n; i++) s = Plain(s); return s; }

    // Entering and leaving a try/finally that never throws.
    [MethodImpl(MethodImplOptions.NoInlining)]
    static int LoopTryFinally(int n)
    {
        int s = 0;
        for (int i = 0; i < n; i++)
        {
            try { s = Plain(s); }
            finally { counter++; }
        }
        return s;
    }

    // Throw in a callee, catch one frame up (a preallocated exception).
    [MethodImpl(MethodImplOptions.NoInlining)]
    static int LoopThrowCatch(int n)
    {
        int s = 0;
        for (int i = 0; i < n; i++)
        {
            try { Throw(i); }
            catch (InvalidOperationException) { s++; }
        }
        return s;
    }

    // The same with a new exception object each time.
    [MethodImpl(MethodImplOptions.NoInlining)]
    static int LoopThrowNewCatch(int n)
    {
        int s = 0;
        for (int i = 0; i < n; i++)
        {
            try { ThrowNew(i); }
            catch (InvalidOperationException) { s++; }
        }
        return s;
    }

    // Through ten frames, each with a finally block.
    [MethodImpl(MethodImplOptions.NoInlining)]
    static int LoopDeep(int n)
    {
        int s = 0;
        for (int i = 0; i < n; i++)
        {
            try { Deep(10); }
            catch (InvalidOperationException) { s++; }
        }
        return s;
    }

    delegate int Loop(int n);

    static double Median(double[] v)
    {
        for (int i = 1; i < v.Length; i++)
        {
            double x = v[i];
            int j = i - 1;
            while (j >= 0 && v[j] > x) { v[j + 1] = v[j]; j--; }
            v[j + 1] = x;
        }
        return v[v.Length / 2];
    }

    static double Time(Loop loop, int n, int runs)
    {
        loop(100);
        double[] samples = new double[runs];
        for (int r = 0; r < runs; r++)
        {
            long t0 = Stopwatch.GetTimestamp();
            if (loop(n) != n) throw new Exception("wrong result");
            long t1 = Stopwatch.GetTimestamp();
            samples[r] = (t1 - t0) * 1e9 / Stopwatch.Frequency / n;
        }
        return Median(samples);
    }

    static int Main(string[] args)
    {
        int n = args.Length > 0 ? int.Parse(args[0]) : 20000;
        int runs = args.Length > 1 ? int.Parse(args[1]) : 9;
        double empty = Time(LoopEmpty, n * 10, runs);
        Console.WriteLine("| case | ns per iteration |");
        Console.WriteLine("|---|---:|");
        Console.WriteLine("| call in a loop (baseline, subtracted below) | " + empty.ToString("F1") + " |");
        Console.WriteLine("| try/finally entered and left, no throw | " + Math.Max(0, Time(LoopTryFinally, n * 10, runs) - empty).ToString("F1") + " |");
        Console.WriteLine("| throw + catch one frame up | " + Math.Max(0, Time(LoopThrowCatch, n, runs) - empty).ToString("F0") + " |");
        Console.WriteLine("| new exception + throw + catch one frame up | " + Math.Max(0, Time(LoopThrowNewCatch, n, runs) - empty).ToString("F0") + " |");
        Console.WriteLine("| throw through 10 frames with finally blocks + catch | " + Math.Max(0, Time(LoopDeep, n / 4, runs) - empty).ToString("F0") + " |");
        return 0;
    }
}
