// A young object held only by a frame that returns from a QCall and polls
// there: the frame is walked both from the poll's stub frame and from the
// QCall's transition frame (still linked), so its slots are reported
// twice. A collection at that poll must update each slot once (it used to
// add the move twice: a stale reference, caught by the heap verifier).
using System;
using System.Runtime.InteropServices;

class Box
{
    public int Value;
    public Box(int v) { Value = v; }
}

class Program
{
    [DllImport("QCall", EntryPoint = "Thread_Yield")]
    static extern void Yield();

    int Use(Box b)
    {
        Yield();
        return b.Value;
    }

    static int Main()
    {
        Program p = new Program();
        int bad = 0;
        for (int i = 0; i < 300; i++)
            if (p.Use(new Box(i)) != i)
                bad++;
        Console.WriteLine("bad " + bad);
        return bad;
    }
}
