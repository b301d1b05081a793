// Matrix multiply of doubles (jagged arrays) and of ints (flat arrays).
using System;

static class Program
{
    static double[][] Make(int n, int seed)
    {
        var m = new double[n][];
        for (int i = 0; i < n; i++)
        {
            m[i] = new double[n];
            for (int j = 0; j < n; j++) m[i][j] = ((i * 31 + j * 17 + seed) % 100) / 10.0;
        }
        return m;
    }

    static double[][] Mul(double[][] a, double[][] b, int n)
    {
        var c = new double[n][];
        for (int i = 0; i < n; i++)
        {
            var ci = new double[n];
            var ai = a[i];
            for (int k = 0; k < n; k++)
            {
                double aik = ai[k];
                var bk = b[k];
                for (int j = 0; j < n; j++) ci[j] += aik * bk[j];
            }
            c[i] = ci;
        }
        return c;
    }

    static long MulInt(int n)
    {
        int[] a = new int[n * n], b = new int[n * n], c = new int[n * n];
        for (int i = 0; i < n * n; i++) { a[i] = i % 13; b[i] = i % 7; }
        for (int i = 0; i < n; i++)
            for (int k = 0; k < n; k++)
            {
                int aik = a[i * n + k];
                for (int j = 0; j < n; j++) c[i * n + j] += aik * b[k * n + j];
            }
        long s = 0;
        for (int i = 0; i < n * n; i++) s += c[i];
        return s;
    }

    static int Main()
    {
        int n = 300;
        var c = Mul(Make(n, 1), Make(n, 2), n);
        double trace = 0;
        for (int i = 0; i < n; i++) trace += c[i][i];
        long s = MulInt(300);
        Console.WriteLine(trace.ToString("F2") + " " + s);
        return s == 485989223L && trace.ToString("F2") == "2204100.00" ? 0 : 1;
    }
}
