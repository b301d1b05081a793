// GC.Collect, WeakReference, GCHandle (normal and pinned), GC.KeepAlive,
// GC.GetTotalMemory, and a long linked list built across many collections.
using System;
using System.Runtime.InteropServices;

class Node { public Node Left; public int Value; public Node(int v) { Value = v; } }


class Program
{
    static WeakReference MakeWeak() { return new WeakReference(new Node(7)); }

    static int Main(string[] args)
    {
        int count = args.Length > 0 ? int.Parse(args[0]) : 200000;
        Node keep = new Node(1);
        WeakReference wkeep = new WeakReference(keep);
        WeakReference wdead = MakeWeak();
        GC.Collect();
        Console.WriteLine("alive: " + wkeep.IsAlive + " " + (wkeep.Target == keep));
        Console.WriteLine("dead: " + wdead.IsAlive);
        GC.KeepAlive(keep);


        GCHandle h = GCHandle.Alloc(new Node(5));
        GC.Collect();
        Console.WriteLine("handle: " + ((Node)h.Target).Value + " " + h.IsAllocated);
        h.Free();
        Console.WriteLine("freed: " + h.IsAllocated);

        int[] arr = new int[] { 1, 2, 3 };
        GCHandle p = GCHandle.Alloc(arr, GCHandleType.Pinned);
        IntPtr before = p.AddrOfPinnedObject();
        for (int i = 0; i < count / 2; i++) new Node(i);
        GC.Collect();
        Console.WriteLine("pinned stays: " + (before == p.AddrOfPinnedObject()));
        p.Free();

        long mem = GC.GetTotalMemory(true);
        Console.WriteLine("memory positive: " + (mem > 0));
        Console.WriteLine("max generation >= 1: " + (GC.MaxGeneration >= 1));

        // A linked structure across many collections.
        Node head = null;
        for (int i = 0; i < count; i++)
        {
            Node n = new Node(i);
            n.Left = head;
            if (i % 3 == 0) head = n;
        }
        long sum = 0;
        for (Node n = head; n != null; n = n.Left) sum += n.Value;
        Console.WriteLine("sum: " + sum);
        return 0;
    }
}
