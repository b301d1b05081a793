// `fixed` over arrays and strings. For `fixed (T* p = array)` mcs pushes
// `0` (`conv.u`, a native int) when the array is null or empty and
// `&array[0]` (a managed pointer) otherwise, and the two paths merge on the
// evaluation stack; Osprey used to reject that as invalid IL. Found by the
// differential fuzzer (tests/differential.rs).
using System;

struct Pair { public int A; public long B; }

unsafe class Program
{
    static int[] Ints = { 1, 2, 3, 4 };
    static long[] Empty = new long[0];
    static short[] Missing;
    static double[] Doubles = { 1.5, 2.5 };
    static Pair[] Pairs = new Pair[3];
    static byte[] Bytes = { 1, 2, 3, 4, 5, 6, 7, 8 };

    static int Sum(int[] a)
    {
        int s = 0;
        fixed (int* p = a)
        {
            if (p == null)
                return -1;
            for (int i = 0; i < a.Length; i++)
                s += p[i];
        }
        return s;
    }

    static long Pick(bool which)
    {
        // The merge as a value of a conditional expression too.
        fixed (int* p = which ? Ints : null)
        {
            return p == null ? -7 : p[3];
        }
    }

    static int Main()
    {
        fixed (int* p = Ints)
        {
            p[1] = 20;
            *(p + 2) += 10;
            Console.WriteLine(p[0] + " " + p[1] + " " + p[2] + " " + p[3]);
        }
        fixed (long* q = Empty)
            Console.WriteLine(q == null);
        fixed (short* q = Missing)
            Console.WriteLine(q == null);
        fixed (double* q = Doubles)
        {
            q[0] *= 3;
            Console.WriteLine(q[0] + q[1]);
        }
        fixed (Pair* q = Pairs)
        {
            for (int i = 0; i < 3; i++)
            {
                q[i].A = i * 10;
                (q + i)->B = -i;
            }
        }
        Console.WriteLine(Pairs[2].A + " " + Pairs[2].B);
        Console.WriteLine(Sum(Ints) + " " + Sum(new int[0]) + " " + Sum(null));
        Console.WriteLine(Pick(true) + " " + Pick(false));
        fixed (int* p = Ints, r = &Ints[3])
            Console.WriteLine(r - p);
        fixed (byte* b = Bytes)
        {
            long* l = (long*)b;
            Console.WriteLine(l[0].ToString("X16"));
        }
        string s = "hello";
        fixed (char* c = s)
            Console.WriteLine(c[1] + " " + (int)c[5]);
        int total = 0;
        for (int k = 0; k < 3; k++)
        {
            int[] a = k == 1 ? null : Ints;
            fixed (int* p = a)
                total += p == null ? 100 : p[k];
        }
        Console.WriteLine(total);
        return Sum(Ints) % 50;
    }
}
