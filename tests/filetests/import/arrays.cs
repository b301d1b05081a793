// filetest: Arrays::*
// Arrays: allocation, element loads and stores of primitives, references
// (with the covariance check) and structs, element addresses, lengths,
// a multi-dimensional array's accessors.
using System;

struct Pair { public int A; public int B; }

static class Arrays
{
    public static int Ints(int n)
    {
        int[] a = new int[n];
        for (int i = 0; i < a.Length; i++) a[i] = i * i;
        return a[n - 1];
    }

    public static object Refs(object[] xs, string s)
    {
        xs[0] = s;
        return xs[xs.Length - 1];
    }

    public static int Structs(Pair[] ps)
    {
        ps[0].A = 5;
        Pair p = ps[1];
        return ps[0].A + p.B;
    }

    public static double Matrix()
    {
        double[,] m = new double[2, 3];
        m[1, 2] = 1.5;
        return m[1, 2] + m.GetLength(1);
    }

    public static byte Bytes(byte[] b) { b[1] = (byte)(b[0] + 1); return b[1]; }
}

class Program
{
    static void Main()
    {
        Console.WriteLine(Arrays.Ints(5));
        Console.WriteLine(Arrays.Refs(new object[] { 1, 2 }, "x"));
        Console.WriteLine(Arrays.Structs(new Pair[2]));
        Console.WriteLine(Arrays.Matrix());
        Console.WriteLine(Arrays.Bytes(new byte[] { 7, 0 }));
    }
}
