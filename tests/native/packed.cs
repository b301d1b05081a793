// A Pack = 1 struct with an unaligned field by value: System V puts it in
// memory (on the stack as an argument, through a hidden buffer as a
// result), as gcc compiles ospreytest.c. mono 6.8 passes it in registers
// and reads garbage (and crashes on the result), so this program checks
// itself instead of being compared with mono: every line must say "ok",
// and the exit code is the number of failures.
using System;
using System.Runtime.InteropServices;

[StructLayout(LayoutKind.Sequential, Pack = 1)] struct Packed { public byte A; public int B; }

static class Program
{
    [DllImport("ospreytest")] static extern int ot_packed_sum(Packed p);
    [DllImport("ospreytest")] static extern Packed ot_make_packed(byte a, int b);

    static int failures;

    static void Check(string what, long got, long want)
    {
        Console.WriteLine("{0} {1}", what, got == want ? "ok" : "FAIL: got " + got + ", want " + want);
        if (got != want) failures++;
    }

    static int Main()
    {
        Packed p = new Packed();
        for (int i = 0; i < 5; i++)
        {
            p.A = (byte)(200 + i);
            p.B = 1000000 * i - 7;
            Check("sum " + i, ot_packed_sum(p), p.A + p.B);
            Packed q = ot_make_packed((byte)(9 + i), -9 * i);
            Check("make a " + i, q.A, 9 + i);
            Check("make b " + i, q.B, -9 * i);
        }
        Check("size", Marshal.SizeOf(typeof(Packed)), 5);
        return failures;
    }
}
