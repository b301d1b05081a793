// Keeps everything it allocates until the heap limit is reached.
using System;

class Chunk
{
    public Chunk Next;
    public long[] Data;
}

class Program
{
    static int Main(string[] args)
    {
        Chunk head = null;
        int n = 0;
        bool big = args.Length > 0 && args[0] == "big";
        while (true)
        {
            Chunk c = new Chunk();
            c.Data = new long[big ? 100000 : 100];
            c.Next = head;
            head = c;
            n++;
            if (n % 100000 == 0)
                Console.WriteLine(n);
        }
    }
}
