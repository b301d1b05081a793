// P/Invoke into the C library and the math library: strlen, getpid, qsort
// with a managed comparer (C calling back into managed code), cos and pow.
// (snprintf and other variadic functions are out of scope: P/Invoke
// declarations cannot express C varargs portably.) The library names are
// ones mono resolves on Linux too: "libc" and "libm.so.6".
using System;
using System.Runtime.InteropServices;

delegate int Comparison(IntPtr a, IntPtr b);

static class LibC
{
    [DllImport("libc")] public static extern IntPtr strlen(string s);
    [DllImport("libc")] public static extern int getpid();
    [DllImport("libc")] public static extern void qsort(int[] items, IntPtr count, IntPtr size, Comparison compare);
    [DllImport("libc", EntryPoint = "qsort")] public static extern void QsortDoubles(double[] items, IntPtr count, IntPtr size, Comparison compare);
    [DllImport("libc")] public static extern int abs(int x);
    [DllImport("libc")] public static extern long labs(long x);
    [DllImport("libc")] public static extern int atoi(string s);
    [DllImport("libc")] public static extern int toupper(int c);
}

static class LibM
{
    [DllImport("libm.so.6")] public static extern double cos(double x);
    [DllImport("libm.so.6")] public static extern double pow(double x, double y);
    [DllImport("libm.so.6")] public static extern double sqrt(double x);
    [DllImport("libm.so.6")] public static extern float cosf(float x);
}

static class Program
{
    static int comparisons;

    static int Ascending(IntPtr a, IntPtr b)
    {
        comparisons++;
        int x = Marshal.ReadInt32(a), y = Marshal.ReadInt32(b);
        return x < y ? -1 : x > y ? 1 : 0;
    }

    static int Descending(IntPtr a, IntPtr b)
    {
        double x = BitConverterDouble(a), y = BitConverterDouble(b);
        return x < y ? 1 : x > y ? -1 : 0;
    }

    static unsafe double BitConverterDouble(IntPtr p)
    {
        return *(double*)p;
    }

    static int Main()
    {
        Console.WriteLine("strlen: {0} {1} {2}", LibC.strlen("hello"), LibC.strlen(""), LibC.strlen("caf\u00e9 \u20ac"));
        int pid = LibC.getpid();
        Console.WriteLine("getpid is positive: {0}", pid > 0);
        Console.WriteLine("getpid is stable: {0}", pid == LibC.getpid());

        int[] numbers = { 42, -7, 19, 0, 1000, 3, 3, -250, 88, 1 };
        LibC.qsort(numbers, new IntPtr(numbers.Length), new IntPtr(sizeof(int)), Ascending);
        Console.Write("sorted:");
        foreach (int n in numbers) Console.Write(" " + n);
        Console.WriteLine();
        Console.WriteLine("comparer was called: {0}", comparisons > 0);

        double[] ds = { 0.5, -1.25, 3.75, 2.0, -0.0 };
        LibC.QsortDoubles(ds, new IntPtr(ds.Length), new IntPtr(sizeof(double)), Descending);
        Console.Write("descending:");
        foreach (double d in ds) Console.Write(" " + d);
        Console.WriteLine();

        Console.WriteLine("abs: {0} {1} labs: {2}", LibC.abs(-12), LibC.abs(12), LibC.labs(-5000000000L));
        Console.WriteLine("atoi: {0} {1}", LibC.atoi("1234"), LibC.atoi("-99 bottles"));
        Console.WriteLine("toupper: {0}", (char)LibC.toupper('q'));

        Console.WriteLine("cos: {0} {1} {2}", LibM.cos(0), LibM.cos(Math.PI), LibM.cos(1.0));
        Console.WriteLine("pow: {0} {1} {2}", LibM.pow(2, 10), LibM.pow(2, -1), LibM.pow(10, 0.5));
        Console.WriteLine("sqrt: {0} cosf: {1}", LibM.sqrt(2), LibM.cosf(0.5f));
        return 0;
    }
}
