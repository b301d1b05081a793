// Finalizers (C# destructors) run after their objects become unreachable:
// GC.Collect, GC.WaitForPendingFinalizers, GC.SuppressFinalize,
// GC.ReRegisterForFinalize; a finalizer that allocates.
using System;

class Finalizable
{
    public static int Finalized;
    public static int Sum;
    public static bool ReRegisteredRan;
    public int Id;

    public Finalizable(int id)
    {
        Id = id;
    }

    ~Finalizable()
    {
        Finalized++;
        Sum += Id;
        if (Id == 1000)
            ReRegisteredRan = true;
        string s = "finalizing " + Id;   // allocation inside a finalizer
        if (s.Length == 0)
            Console.WriteLine(s);
    }
}

class Program
{
    static void MakeGarbage(int n, int first)
    {
        for (int i = 0; i < n; i++)
            new Finalizable(first + i);
    }

    static Finalizable MakeSuppressed()
    {
        Finalizable f = new Finalizable(1000);
        GC.SuppressFinalize(f);
        return f;
    }

    static int Main()
    {
        MakeGarbage(10, 1);
        MakeSuppressed();
        GC.Collect();
        GC.WaitForPendingFinalizers();
        Console.WriteLine("finalized " + Finalizable.Finalized + ", sum " + Finalizable.Sum);

        Finalizable again = MakeSuppressed();
        GC.ReRegisterForFinalize(again);
        again = null;
        MakeGarbage(5, 100);
        GC.Collect();
        GC.WaitForPendingFinalizers();
        // mono scans stacks conservatively and may keep the last garbage
        // object alive: count at least 4 of the 5.
        Console.WriteLine("re-registered finalized: " + Finalizable.ReRegisteredRan);
        Console.WriteLine("second round: " + (Finalizable.Finalized >= 15));
        return 0;
    }
}
