// Fields of struct array elements reached through `ldelema` (arr[i].f),
// which the optimizing tier compiles: element sizes that are and are not
// powers of two, reference fields stored into elements (the write barrier)
// with collections between, out-of-range indices. Every method has a loop,
// so tiered mode optimizes it on its first call.
using System;
using System.Collections.Generic;

struct Three { public int A, B, C; }
struct Pair { public long X; public long Y; }
struct Named { public string Name; public int Count; public double Weight; }
struct Tiny { public byte V; }

static class Program
{
    static int FillThree(Three[] t)
    {
        int s = 0;
        for (int i = 0; i < t.Length; i++)
        {
            t[i].A = i;
            t[i].B = i * 2;
            t[i].C = t[i].A + t[i].B;
            s += t[i].C;
        }
        return s;
    }

    static long SumPairs(Pair[] p)
    {
        long s = 0;
        for (int i = 0; i < p.Length; i++)
        {
            p[i].X = i;
            p[i].Y = -3L * i;
            s += p[i].X * 7 + p[i].Y;
        }
        return s;
    }

    static string Names(Named[] n)
    {
        for (int i = 0; i < n.Length; i++)
        {
            n[i].Name = "n" + i;
            n[i].Count += i;
            n[i].Weight = i / 4.0;
            if (i % 5 == 0)
                GC.Collect();
        }
        string all = "";
        for (int i = 0; i < n.Length; i++)
            all += n[i].Name + ":" + n[i].Count + ":" + n[i].Weight + " ";
        return all;
    }

    static int Bytes(Tiny[] t)
    {
        int s = 0;
        for (int i = 0; i < t.Length; i++)
        {
            t[i].V = (byte)(i * 37);
            s += t[i].V;
        }
        return s;
    }

    // (Baseline: it has exception clauses; Read is optimized.)
    static string OutOfRange(Three[] t, int i)
    {
        try
        {
            return "ok " + Read(t, i);
        }
        catch (IndexOutOfRangeException)
        {
            return "IndexOutOfRangeException";
        }
        catch (NullReferenceException)
        {
            return "NullReferenceException";
        }
    }

    static int Read(Three[] t, int i)
    {
        int s = 0;
        for (int k = 0; k < 1; k++)
            s += t[i].B;
        return s;
    }

    static int Main()
    {
        var three = new Three[100];
        Console.WriteLine(FillThree(three) + " " + three[99].C);
        Console.WriteLine(SumPairs(new Pair[1000]));
        var named = new Named[12];
        named[3].Count = 100;
        Console.WriteLine(Names(named));
        Console.WriteLine(Bytes(new Tiny[300]));
        Console.WriteLine(OutOfRange(three, 5) + " " + OutOfRange(three, 100) + " " + OutOfRange(three, -1) + " " + OutOfRange(null, 0));
        var d = new Dictionary<int, int>();
        for (int i = 0; i < 5000; i++)
            d[i * 7 % 1013] = i;
        int hit = 0;
        for (int i = 0; i < 2000; i++)
        {
            int v;
            if (d.TryGetValue(i, out v))
                hit += v % 3;
        }
        Console.WriteLine(d.Count + " " + hit);
        return 0;
    }
}
