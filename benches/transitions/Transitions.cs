// The transition loops of Osprey.TransitionProbe (corelib), for mono and
// CoreCLR: a managed static call, P/Invokes of the C library (blittable,
// with a string argument, with a struct by value) and C calling a managed
// callback (bsearch over one element minus bsearch over none). Same loop
// shapes, same C functions and the same measurement as osprey_vm::bench:
// each run's time minus the median of its baseline loop, per call; the
// median, quartiles and extremes of the runs, printed as CSV in the format
// of `osprey bench transitions --format csv`. Run by benches/mono/run.sh.
// (No SuppressGCTransition row: mono ignores the attribute and CoreCLR
// 2.0 predates it.)
using System;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

static class Transitions
{
    [MethodImpl(MethodImplOptions.NoInlining)]
    static int ManagedNop(int x) { return x + 1; }

    [DllImport("libc", EntryPoint = "abs")] static extern int PInvokeAbs(int x);
    [DllImport("libc", EntryPoint = "strlen")] static extern IntPtr PInvokeStrlen(string s);
    struct Complex { public double Re; public double Im; }
    [DllImport("libm.so.6", EntryPoint = "cabs")] static extern double PInvokeCabs(Complex z);
    [DllImport("libc", EntryPoint = "bsearch")] static extern IntPtr PInvokeBsearch(IntPtr key, IntPtr items, IntPtr count, IntPtr size, IntPtr compare);

    delegate int Comparison(IntPtr a, IntPtr b);
    static int CompareEqual(IntPtr a, IntPtr b) { return 0; }
    static Comparison comparer = CompareEqual;
    static IntPtr comparerPointer = Marshal.GetFunctionPointerForDelegate((Delegate)comparer);
    static IntPtr searchBlock = Marshal.AllocHGlobal(8);

    [MethodImpl(MethodImplOptions.NoInlining)]
    static int LoopEmpty(int n) { int s = 0; for (int i = 0; i < n; i++) s = s + 1; return s; }

    [MethodImpl(MethodImplOptions.NoInlining)]
    static int LoopManaged(int n) { int s = 0; for (int i = 0; i < n; i++) s = ManagedNop(s); return s; }

    [MethodImpl(MethodImplOptions.NoInlining)]
    static int LoopPInvoke(int n) { int s = 0; for (int i = 0; i < n; i++) s = PInvokeAbs(s) + 1; return s; }

    [MethodImpl(MethodImplOptions.NoInlining)]
    static int LoopPInvokeString(int n) { int s = 0; string text = "x"; for (int i = 0; i < n; i++) s = s + (int)PInvokeStrlen(text); return s; }

    [MethodImpl(MethodImplOptions.NoInlining)]
    static int LoopPInvokeStruct(int n) { int s = 0; Complex z = new Complex(); z.Re = 1; for (int i = 0; i < n; i++) s = s + (int)PInvokeCabs(z); return s; }

    [MethodImpl(MethodImplOptions.NoInlining)]
    static int LoopReversePInvoke(int n)
    {
        IntPtr key = searchBlock, items = new IntPtr((long)searchBlock + 4), one = new IntPtr(1), size = new IntPtr(4);
        int s = 0;
        for (int i = 0; i < n; i++) s = s + (PInvokeBsearch(key, items, one, size, comparerPointer) != IntPtr.Zero ? 1 : 0);
        return s;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    static int LoopReversePInvokeBaseline(int n)
    {
        IntPtr key = searchBlock, items = new IntPtr((long)searchBlock + 4), none = IntPtr.Zero, size = new IntPtr(4);
        int s = 0;
        for (int i = 0; i < n; i++) s = s + (PInvokeBsearch(key, items, none, size, comparerPointer) == IntPtr.Zero ? 1 : 0);
        return s;
    }

    delegate int Loop(int n);

    static double Time(Loop loop, int n)
    {
        long t0 = Stopwatch.GetTimestamp();
        if (loop(n) != n) throw new Exception("wrong result");
        long t1 = Stopwatch.GetTimestamp();
        return (t1 - t0) * 1e9 / Stopwatch.Frequency;
    }

    static void Sort(double[] v)
    {
        for (int i = 1; i < v.Length; i++)
            for (int j = i; j > 0 && v[j - 1] > v[j]; j--) { double t = v[j]; v[j] = v[j - 1]; v[j - 1] = t; }
    }

    static double Quantile(double[] sorted, double p)
    {
        int i = (int)Math.Round((sorted.Length - 1) * p);
        return sorted[Math.Min(i, sorted.Length - 1)];
    }

    static int Main(string[] args)
    {
        int n = args.Length > 0 ? int.Parse(args[0]) : 100000;
        int runs = args.Length > 1 ? int.Parse(args[1]) : 15;
        string[] keys = { "managed", "pinvoke", "pinvoke_string", "pinvoke_struct", "reverse_pinvoke" };
        string[] labels = { "managed -> managed static call", "P/Invoke, blittable (abs)", "P/Invoke, string argument (strlen)", "P/Invoke, struct by value (cabs)", "reverse P/Invoke (C calls a delegate)" };
        Loop[] loops = { LoopManaged, LoopPInvoke, LoopPInvokeString, LoopPInvokeStruct, LoopReversePInvoke };
        Loop[] baselines = { LoopEmpty, LoopEmpty, LoopEmpty, LoopEmpty, LoopReversePInvokeBaseline };
        Marshal.WriteInt32(searchBlock, 0, 7);
        Marshal.WriteInt32(searchBlock, 4, 7);
        // Warm up (compile everything, bind every P/Invoke).
        for (int k = 0; k < loops.Length; k++) { Time(loops[k], 1000); Time(baselines[k], 1000); }
        double[][] raw = new double[loops.Length][];
        double[][] baseRaw = new double[loops.Length][];
        for (int k = 0; k < loops.Length; k++) { raw[k] = new double[runs]; baseRaw[k] = new double[runs]; }
        for (int r = 0; r < runs; r++)
            for (int k = 0; k < loops.Length; k++)
            {
                baseRaw[k][r] = Time(baselines[k], n);
                raw[k][r] = Time(loops[k], n);
            }
        Console.WriteLine("kind,label,median_ns,q1_ns,q3_ns,min_ns,max_ns,runs,x_managed");
        double managed = 1;
        for (int k = 0; k < loops.Length; k++)
        {
            double[] b = (double[])baseRaw[k].Clone();
            Sort(b);
            double baseline = b[b.Length / 2];
            double[] ns = new double[runs];
            for (int r = 0; r < runs; r++) ns[r] = Math.Max(0, raw[k][r] - baseline) / n;
            Sort(ns);
            double median = Quantile(ns, 0.5);
            if (k == 0) managed = Math.Max(median, 1e-9);
            Console.WriteLine("{0},\"{1}\",{2:F3},{3:F3},{4:F3},{5:F3},{6:F3},{7},{8:F3}", keys[k], labels[k], median,
                Quantile(ns, 0.25), Quantile(ns, 0.75), ns[0], ns[runs - 1], runs, median / managed);
        }
        return 0;
    }
}
