// Loop-invariant code motion in the optimizing tier (docs/jit.md, the
// `licm` pass): invariant arithmetic, array lengths and the checks at the
// top of a loop's test move out of the loop. The results, and the
// exceptions where an array is null, must be the same as in the baseline:
// a loop that never runs must not check (or read) what it would have used,
// and a null array must fail at the same place, with the same trace.
using System;

class Program {
    // a.Length in the body: the body may not run (n == 0), so the length
    // is not read before the first iteration.
    static int LengthTimes(int[] a, int n) {
        int s = 0;
        for (int i = 0; i < n; i++) s += a.Length * i;
        return s;
    }

    // The test's null check and length move to the preheader.
    static int Sum(int[] a) {
        int s = 0;
        for (int i = 0; i < a.Length; i++) s += a[i];
        return s;
    }

    // i * n + k: the row offset i * n is invariant in the inner loop.
    static long MatrixTrace(int[] m, int n, int k0) {
        long t = 0;
        for (int i = 0; i < n; i++)
            for (int k = k0; k < n; k++)
                t += m[i * n + k] * (n - 1) + (k0 << 3) / 5;
        return t;
    }

    // Invariant divisions, shifts and conversions inside a while loop.
    static double Mixed(int x, int y, int count) {
        double acc = 0;
        int j = 0;
        while (j < count) {
            acc += (double)(x / 7) + (y >> 2) + (long)x * y % 1000 + j;
            j++;
        }
        return acc;
    }

    static void Main() {
        var data = new int[64];
        for (int i = 0; i < data.Length; i++) data[i] = i * 3 - 50;
        Console.WriteLine(LengthTimes(data, 5));
        Console.WriteLine(LengthTimes(null, 0));
        Console.WriteLine(Sum(data));
        Console.WriteLine(MatrixTrace(data, 8, 2));
        Console.WriteLine(MatrixTrace(data, 8, 9));
        Console.WriteLine(Mixed(-1234, 98765, 10));
        Console.WriteLine(Mixed(1, 2, 0));
        try {
            Console.WriteLine(LengthTimes(null, 2));
        } catch (NullReferenceException e) {
            Console.WriteLine("null in LengthTimes: " + e.StackTrace.Contains("LengthTimes"));
        }
        try {
            Console.WriteLine(Sum(null));
        } catch (NullReferenceException e) {
            Console.WriteLine("null in Sum: " + e.StackTrace.Contains("Sum"));
        }
        // Hot enough to tier up in the default mode.
        long total = 0;
        for (int r = 0; r < 200; r++) total += Sum(data) + LengthTimes(data, r % 7) + MatrixTrace(data, 8, r % 8);
        Console.WriteLine(total);
    }
}
