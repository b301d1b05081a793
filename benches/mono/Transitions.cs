// The transition loops of Osprey.TransitionProbe, for mono: a managed static
// call, and a P/Invoke to a no-op C function (mono's closest equivalent of a
// QCall: a transition to preemptive mode and back). Same shapes, same
// measurement (median of runs, empty loop subtracted) as osprey_vm::bench.
// Run by benches/mono/run.sh.
using System;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Security;

static class Transitions
{
    [MethodImpl(MethodImplOptions.NoInlining)]
    static int ManagedNop(int x) { return x + 1; }

    [DllImport("ospreynop")]
    static extern int osprey_nop(int x);

    [DllImport("ospreynop", EntryPoint = "osprey_nop"), SuppressUnmanagedCodeSecurity]
    static extern int osprey_nop_unsecure(int x);

    [MethodImpl(MethodImplOptions.NoInlining)]
    static int LoopEmpty(int n) { int s = 0; for (int i = 0; i < n; i++) s = s + 1; return s; }

    [MethodImpl(MethodImplOptions.NoInlining)]
    static int LoopManaged(int n) { int s = 0; for (int i = 0; i < n; i++) s = ManagedNop(s); return s; }

    [MethodImpl(MethodImplOptions.NoInlining)]
    static int LoopPInvoke(int n) { int s = 0; for (int i = 0; i < n; i++) s = osprey_nop(s); return s; }

    static double Median(double[] v) { Array.Sort(v); return v[v.Length / 2]; }

    delegate int Loop(int n);

    static double Time(Loop loop, int n, int runs)
    {
        loop(1000);
        double[] samples = new double[runs];
        for (int r = 0; r < runs; r++)
        {
            long t0 = Stopwatch.GetTimestamp();
            if (loop(n) != n) throw new Exception("wrong result");
            long t1 = Stopwatch.GetTimestamp();
            samples[r] = (t1 - t0) * 1e9 / Stopwatch.Frequency;
        }
        return Median(samples);
    }

    static int Main(string[] args)
    {
        int n = args.Length > 0 ? int.Parse(args[0]) : 100000;
        int runs = args.Length > 1 ? int.Parse(args[1]) : 15;
        double empty = Time(LoopEmpty, n, runs);
        double managed = Math.Max(0, Time(LoopManaged, n, runs) - empty) / n;
        double pinvoke = Math.Max(0, Time(LoopPInvoke, n, runs) - empty) / n;
        Console.WriteLine("| call | ns per call | x managed call |");
        Console.WriteLine("|---|---:|---:|");
        Console.WriteLine("| managed -> managed static call | {0:F2} | 1.00 |", managed);
        Console.WriteLine("| P/Invoke (no-op C function) | {0:F2} | {1:F2} |", pinvoke, pinvoke / Math.Max(managed, 1e-9));
        return 0;
    }
}
