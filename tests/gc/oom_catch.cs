// Fills the heap until OutOfMemoryException, catches it, lets go of
// everything and shows the heap is usable again.
using System;

class Chunk
{
    public Chunk Next;
    public long[] Data;
}

class Program
{
    static Chunk head;

    static int Fill(int size)
    {
        int n = 0;
        while (true)
        {
            Chunk c = new Chunk();
            c.Data = new long[size];
            c.Next = head;
            head = c;
            n++;
        }
    }

    static int Main()
    {
        int caught = 0;
        for (int round = 0; round < 3; round++)
        {
            try
            {
                Fill(round == 1 ? 50000 : 50);
            }
            catch (OutOfMemoryException)
            {
                head = null;
                caught++;
            }
            GC.Collect();
        }
        Chunk keep = new Chunk();
        keep.Data = new long[1000];
        Console.WriteLine("caught " + caught + ", then allocated " + keep.Data.Length);
        return 0;
    }
}
