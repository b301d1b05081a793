// Pinning across real C calls: C keeps a pointer into a managed array
// (pinned by `fixed` for the duration of a call, or by a pinned GCHandle
// across many calls) and writes through it later, while callbacks (on this
// thread and on a thread C starts) allocate enough to make the collector
// run. The array must never move while C holds it. stackalloc memory and
// Marshal reads and writes go to C too.
// Compared with mono by tests/native.rs.
using System;
using System.Runtime.InteropServices;

delegate int IntFn(int x);

static class Native
{
    const string Lib = "ospreytest";
    [DllImport(Lib)] public static extern unsafe void ot_keep(int* p, int n);
    [DllImport(Lib, EntryPoint = "ot_keep")] public static extern void KeepPtr(IntPtr p, int n);
    [DllImport(Lib)] public static extern void ot_poke_kept(int i, int v);
    [DllImport(Lib)] public static extern int ot_peek_kept(int i);
    [DllImport(Lib)] public static extern int ot_poke_while_calling(IntFn f, int n);
    [DllImport(Lib)] public static extern int ot_poke_from_thread(IntFn f, int n);
    [DllImport(Lib)] public static extern unsafe int ot_sum_ints(int* a, int n);
}

class Node
{
    public Node Next;
    public int[] Payload;
}

static class Program
{
    static Node keepAlive;

    // Allocates a lot: young objects that die, and some that survive.
    static int Churn(int x)
    {
        Node head = null;
        for (int i = 0; i < 40; i++)
        {
            Node n = new Node();
            n.Payload = new int[16 + (i % 7)];
            n.Payload[0] = x + i;
            n.Next = head;
            head = n;
        }
        if (x % 10 == 0)
        {
            head.Next.Next = keepAlive;
            keepAlive = head;
        }
        int s = 0;
        for (Node n = head; n != null && s < 1000000; n = n.Next) s += n.Payload.Length;
        return s % 100;
    }

    static unsafe int Main()
    {
        // fixed: pinned for the calls made inside the block.
        int[] fixedArray = new int[8];
        for (int i = 0; i < fixedArray.Length; i++) fixedArray[i] = i;
        fixed (int* p = fixedArray)
        {
            Native.ot_keep(p, fixedArray.Length);
            int s = Native.ot_poke_while_calling(Churn, 50);
            Native.ot_poke_kept(2, 222);
            Console.WriteLine("fixed churn {0} peek {1}", s, Native.ot_peek_kept(2));
        }
        Console.WriteLine("fixed array {0} {1} {2} {3}", fixedArray[0], fixedArray[1], fixedArray[2], fixedArray[7]);

        // A pinned GCHandle: pinned across many calls and collections.
        int[] pinned = new int[16];
        GCHandle h = GCHandle.Alloc(pinned, GCHandleType.Pinned);
        IntPtr addr = h.AddrOfPinnedObject();
        Native.KeepPtr(addr, pinned.Length);
        for (int round = 0; round < 5; round++)
        {
            Native.ot_poke_while_calling(Churn, 32);
            GC.Collect();
            Console.WriteLine("round {0} same address {1} peek {2}", round, h.AddrOfPinnedObject() == addr, Native.ot_peek_kept(round));
        }
        // From a thread C starts, while this thread waits in C.
        int fromThread = Native.ot_poke_from_thread(Churn, 64);
        Console.WriteLine("thread churn {0} same address {1}", fromThread, h.AddrOfPinnedObject() == addr);
        int total = 0;
        for (int i = 0; i < pinned.Length; i++) total += pinned[i];
        Console.WriteLine("pinned total {0} first {1} last {2}", total, pinned[0], pinned[15]);
        Native.KeepPtr(IntPtr.Zero, 0);
        h.Free();

        // stackalloc memory to C.
        int* local = stackalloc int[10];
        for (int i = 0; i < 10; i++) local[i] = i * i;
        Console.WriteLine("stackalloc sum {0}", Native.ot_sum_ints(local, 10));

        // Native memory written from managed code, read by C.
        IntPtr block = Marshal.AllocHGlobal(10 * sizeof(int));
        for (int i = 0; i < 10; i++) Marshal.WriteInt32(block, 4 * i, 100 + i);
        Console.WriteLine("hglobal sum {0}", Native.ot_sum_ints((int*)block, 10));
        int[] copy = new int[10];
        Marshal.Copy(block, copy, 0, 10);
        Console.WriteLine("copied {0} {1}", copy[0], copy[9]);
        Marshal.FreeHGlobal(block);

        int kept = 0;
        for (Node n = keepAlive; n != null; n = n.Next) kept++;
        Console.WriteLine("survivors {0}", kept > 0);
        return 0;
    }
}
