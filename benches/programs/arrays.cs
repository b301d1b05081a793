// Integer loops over arrays: a sieve, prefix sums and a histogram.
using System;

static class Program
{
    static int Sieve(bool[] composite)
    {
        int n = composite.Length, count = 0;
        for (int i = 2; i < n; i++)
        {
            if (composite[i]) continue;
            count++;
            for (long j = (long)i * i; j < n; j += i) composite[j] = true;
        }
        return count;
    }

    static long Sums(int[] a, int rounds)
    {
        long total = 0;
        for (int r = 0; r < rounds; r++)
        {
            for (int i = 0; i < a.Length; i++) a[i] = (i * 7 + r) & 1023;
            for (int i = 1; i < a.Length; i++) a[i] += a[i - 1];
            total += a[a.Length - 1];
        }
        return total;
    }

    static int Histogram(int[] a, int[] bins)
    {
        for (int i = 0; i < a.Length; i++) bins[a[i] % bins.Length]++;
        int max = 0;
        for (int i = 0; i < bins.Length; i++) if (bins[i] > max) max = bins[i];
        return max;
    }

    static int Main()
    {
        int primes = Sieve(new bool[4000000]);
        int[] a = new int[1 << 16];
        long sums = Sums(a, 300);
        int max = Histogram(a, new int[97]);
        Console.WriteLine(primes + " " + sums + " " + max);
        return primes == 283146 && sums == 10056499200L && max == 716 ? 0 : 1;
    }
}
