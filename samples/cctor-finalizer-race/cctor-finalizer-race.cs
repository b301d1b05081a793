// A static constructor raced by two threads: finalizers (on the finalizer
// thread) and Main touch the same uninitialized class at about the same
// time. The constructor runs exactly once, and whichever thread comes
// second waits for it to finish before it reads the statics.
using System;

class Table
{
    public static int Runs;
    public static int[] Squares;
    public static long Total;

    static Table()
    {
        Runs++;
        int[] squares = new int[200000];
        long total = 0;
        // Slow enough for the other thread to arrive while this runs.
        for (int round = 0; round < 20; round++)
            for (int i = 0; i < squares.Length; i++)
            {
                squares[i] = (i % 1000) * (i % 1000);
                total += squares[i] & 7;
            }
        Squares = squares;
        Total = total;
    }
}

class Reader
{
    public static int Checked;
    public static int Bad;
    int index;

    public Reader(int index)
    {
        this.index = index;
    }

    ~Reader()
    {
        // Sees the constructor's results, never a half-initialized class.
        if (Table.Squares == null || Table.Squares[index] != (index % 1000) * (index % 1000))
            Bad++;
        Checked++;
    }
}

class Program
{
    static void MakeReaders()
    {
        for (int i = 0; i < 100; i++)
            new Reader(i * 37);
    }

    static int Main()
    {
        MakeReaders();
        GC.Collect();
        // The finalizer thread is starting on the readers now.
        long total = Table.Total;
        GC.WaitForPendingFinalizers();
        Console.WriteLine("constructor runs: " + Table.Runs);
        Console.WriteLine("total: " + total);
        Console.WriteLine("readers checked: " + (Reader.Checked >= 95) + ", bad: " + Reader.Bad);
        return 0;
    }
}
