// An exception that leaves a callback would unwind into C: as in .NET (the
// CLR's rule), it is reported as an unhandled exception and the process
// ends, instead of unwinding through qsort's frames. mono 6.8 unwinds
// through them and lets Main catch it, so tests/native.rs checks Osprey's
// report and exit code instead of comparing with mono.
using System;
using System.Runtime.InteropServices;

delegate int Comparer(IntPtr a, IntPtr b);

static class Program
{
    [DllImport("libc")] static extern void qsort(int[] a, IntPtr n, IntPtr size, Comparer cmp);

    static int Compare(IntPtr a, IntPtr b)
    {
        int x = Marshal.ReadInt32(a), y = Marshal.ReadInt32(b);
        if (x == 3 || y == 3) throw new InvalidOperationException("three is not comparable");
        return x.CompareTo(y);
    }

    static int Main()
    {
        int[] a = { 5, 3, 1, 4, 2 };
        Console.WriteLine("sorting");
        try
        {
            qsort(a, new IntPtr(a.Length), new IntPtr(4), Compare);
        }
        catch (InvalidOperationException e)
        {
            Console.WriteLine("caught in Main (mono's behaviour): " + e.Message);
        }
        Console.WriteLine("not reached on .NET or Osprey");
        return 0;
    }
}
