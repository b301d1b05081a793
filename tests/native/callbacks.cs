// Delegates as C function pointers (reverse P/Invoke): callbacks from C on
// the calling thread and on threads C starts, that allocate (so the
// collector runs while C frames are on the stack); a callback C keeps and
// calls later; Marshal.GetFunctionPointerForDelegate and
// GetDelegateForFunctionPointer over C functions.
// Compared with mono by tests/native.rs.
using System;
using System.Runtime.InteropServices;
using System.Text;

struct Point { public int X, Y; }

delegate int IntFn(int x);
delegate double DoubleFn(double x);
delegate void VisitFn(int x);
delegate bool BoolFn(int x);
delegate int PointFn(Point p);
delegate int AddFn(int a, int b);
delegate double ScaleFn(double x);
delegate int StringLenFn(string s);

static class Native
{
    const string Lib = "ospreytest";
    [DllImport(Lib)] public static extern int ot_apply(IntFn f, int x);
    [DllImport(Lib)] public static extern int ot_apply_twice(IntFn f, int x);
    [DllImport(Lib)] public static extern double ot_integrate(DoubleFn f, double a, double b, int n);
    [DllImport(Lib)] public static extern void ot_for_each(int[] a, int n, VisitFn cb);
    [DllImport(Lib)] public static extern int ot_count_if(int[] a, int n, BoolFn pred);
    [DllImport(Lib)] public static extern int ot_call_with_point(PointFn f, int x, int y);
    [DllImport(Lib)] public static extern void ot_store_callback(IntFn f);
    [DllImport(Lib)] public static extern int ot_call_stored(int x);
    [DllImport(Lib, EntryPoint = "ot_store_callback")] public static extern void StoreRaw(IntPtr f);
    [DllImport(Lib)] public static extern IntPtr ot_get_adder();
    [DllImport(Lib)] public static extern IntPtr ot_get_scaler();
    [DllImport(Lib)] public static extern IntPtr ot_get_string_len();
    [DllImport(Lib)] public static extern long ot_run_on_threads(IntFn f, int n, int threads);
}

class Counter
{
    public int Calls;
    public int Offset;
    public int Add(int x) { Calls++; return x + Offset; }
}

static class Program
{
    static int visited;
    static StringBuilder log = new StringBuilder();

    static int Square(int x) { return x * x; }
    static double Parabola(double x) { return x * x; }
    static void Visit(int x) { visited += x; log.Append(x).Append(','); }
    static bool IsEven(int x) { return x % 2 == 0; }
    static int PointSum(Point p) { return p.X * 100 + p.Y; }

    // Allocates: collections run while C frames are on the stack.
    static int Allocating(int x)
    {
        string s = "";
        for (int i = 0; i < 5; i++) s = s + (char)('a' + (x + i) % 26);
        int[] junk = new int[64];
        junk[x % 64] = x;
        return s.Length + junk[x % 64] - x;
    }

    static int OnThread(int x)
    {
        // No lock in corelib yet: count with a race-free proxy instead (the
        // result is the sum, computed by C).
        object[] garbage = new object[16];
        for (int i = 0; i < garbage.Length; i++) garbage[i] = new int[8];
        return x + garbage.Length - 16;
    }

    static int Main()
    {
        Console.WriteLine("apply {0} {1}", Native.ot_apply(Square, 12), Native.ot_apply_twice(Square, 3));
        Console.WriteLine("integrate {0:F6}", Native.ot_integrate(Parabola, 0, 3, 1000));
        int[] a = { 3, 1, 4, 1, 5, 9, 2, 6 };
        Native.ot_for_each(a, a.Length, Visit);
        Console.WriteLine("visited {0} [{1}]", visited, log);
        Console.WriteLine("even {0}", Native.ot_count_if(a, a.Length, IsEven));
        Console.WriteLine("point {0}", Native.ot_call_with_point(PointSum, 7, 8));

        // An instance method as the callback: the delegate's target travels too.
        Counter c = new Counter();
        c.Offset = 1000;
        IntFn bound = c.Add;
        Console.WriteLine("bound {0} {1} calls {2}", Native.ot_apply(bound, 1), Native.ot_apply_twice(bound, 2), c.Calls);

        // C keeps the pointer; the delegate must stay alive meanwhile.
        IntFn kept = Allocating;
        Native.ot_store_callback(kept);
        int total = 0;
        for (int i = 0; i < 300; i++) total += Native.ot_call_stored(i);
        Console.WriteLine("stored {0}", total);
        GC.Collect();
        Console.WriteLine("after collect {0}", Native.ot_call_stored(7));
        GC.KeepAlive(kept);

        // The same through an explicit function pointer.
        IntFn sq = Square;
        // (Delegate): the non-generic overload; without it, the generic one.
        IntPtr fp = Marshal.GetFunctionPointerForDelegate((Delegate)sq);
        Console.WriteLine("pointer nonzero {0} same {1}", fp != IntPtr.Zero, fp == Marshal.GetFunctionPointerForDelegate(sq));
        Native.StoreRaw(fp);
        Console.WriteLine("raw {0}", Native.ot_call_stored(9));
        GC.KeepAlive(sq);

        // Delegates over C function pointers.
        AddFn add = (AddFn)Marshal.GetDelegateForFunctionPointer(Native.ot_get_adder(), typeof(AddFn));
        ScaleFn scale = (ScaleFn)Marshal.GetDelegateForFunctionPointer(Native.ot_get_scaler(), typeof(ScaleFn));
        StringLenFn len = (StringLenFn)Marshal.GetDelegateForFunctionPointer(Native.ot_get_string_len(), typeof(StringLenFn));
        AddFn add2 = Marshal.GetDelegateForFunctionPointer<AddFn>(Native.ot_get_adder());
        Console.WriteLine("generic adder {0}", add2(5, 6));
        int sum = 0;
        for (int i = 0; i < 100; i++) sum += add(i, 1);
        Console.WriteLine("adder {0} {1} scaler {2} len {3}", add(40, 2), sum, scale(1.5), len("five\u00e9"));

        // Callbacks from threads C starts (the runtime attaches them).
        long fromThreads = Native.ot_run_on_threads(OnThread, 200, 4);
        Console.WriteLine("threads {0}", fromThreads);
        long again = Native.ot_run_on_threads(Allocating, 100, 3);
        Console.WriteLine("threads again {0}", again);
        return 0;
    }
}
