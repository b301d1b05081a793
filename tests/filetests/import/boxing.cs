// filetest: Boxing::*
// Boxing and unboxing of primitives, structs and nullables; casts
// (`castclass`, `isinst`).
using System;

struct Money { public long Cents; }

static class Boxing
{
    public static object Box(int x) { return x; }

    public static int Unbox(object o) { return (int)o + (o is int ? 1 : 0); }

    public static string Casts(object o)
    {
        string s = o as string;
        if (s != null) return s;
        return ((IComparable)o).CompareTo(o).ToString();
    }

    public static object Nullable(int? x) { return x; }

    public static int? FromObject(object o) { return (int?)o; }

    public static object Struct(Money m) { return m; }
}

class Program
{
    static void Main()
    {
        Console.WriteLine(Boxing.Box(3));
        Console.WriteLine(Boxing.Unbox(4));
        Console.WriteLine(Boxing.Casts("s") + Boxing.Casts(5));
        Console.WriteLine(Boxing.Nullable(null) == null);
        Console.WriteLine(Boxing.FromObject(6));
        Money m; m.Cents = 150;
        Console.WriteLine(Boxing.Struct(m) is Money);
    }
}
