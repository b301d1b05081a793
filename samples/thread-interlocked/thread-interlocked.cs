// Interlocked: every form (int, long, IntPtr, object, and the generic
// reference forms on a class and in shared generic code), through direct
// calls (compiled inline) and a delegate (the method bodies), with two
// threads racing on counters and a lock-free stack (args[0]: pushes per
// racing thread, default 10000).
using System;
using System.Threading;

class Node
{
    public int V;
    public Node Next;
    public Node(int v) { V = v; }
    public override string ToString() { return "N" + V; }
}

class Holder<T> where T : class
{
    public T Top;

    public bool TrySwap(T expected, T value)
    {
        return Interlocked.CompareExchange(ref Top, value, expected) == expected;
    }

    public T Swap(T value)
    {
        return Interlocked.Exchange(ref Top, value);
    }
}

class Program
{
    static int c;
    static long l;
    static object o;
    static IntPtr p;
    static Node head;
    static Node stack;

    delegate int IncFn(ref int x);
    delegate Node XchgFn(ref Node l, Node v);

    static void Work()
    {
        for (int i = 0; i < 100000; i++)
        {
            Interlocked.Increment(ref c);
            Interlocked.Add(ref l, 2);
        }
    }

    static void Push(int v)
    {
        Node n = new Node(v);
        do
            n.Next = stack;
        while (Interlocked.CompareExchange(ref stack, n, n.Next) != n.Next);
    }

    static int Main(string[] args)
    {
        int rounds = args.Length > 0 ? int.Parse(args[0]) : 10000;
        Thread a = new Thread(Work), b = new Thread(Work);
        a.Start(); b.Start(); a.Join(); b.Join();
        Console.WriteLine(c + " " + l);
        Console.WriteLine(Interlocked.Exchange(ref c, 7) + " " + c);
        Console.WriteLine(Interlocked.CompareExchange(ref c, 9, 7) + " " + c);
        Console.WriteLine(Interlocked.CompareExchange(ref c, 11, 7) + " " + c);
        Console.WriteLine(Interlocked.Decrement(ref c) + " " + Interlocked.Decrement(ref l));
        Console.WriteLine(Interlocked.Exchange(ref l, -5L) + " " + Interlocked.Read(ref l));
        Console.WriteLine(Interlocked.CompareExchange(ref l, 100L, -5L) + " " + l);
        object x = "x", y = "y";
        Console.WriteLine(Interlocked.Exchange(ref o, x) == null);
        Console.WriteLine(Interlocked.CompareExchange(ref o, y, x) + " " + o);
        Console.WriteLine(Interlocked.CompareExchange(ref o, "z", x) + " " + o);
        Console.WriteLine(Interlocked.Exchange(ref p, (IntPtr)5) + " " + p);
        Console.WriteLine(Interlocked.CompareExchange(ref p, (IntPtr)6, (IntPtr)5) + " " + p);
        Interlocked.MemoryBarrier();
        Thread.MemoryBarrier();
        int[] arr = new int[3];
        Interlocked.Increment(ref arr[1]);
        Interlocked.Add(ref arr[2], 40);
        Console.WriteLine(arr[0] + " " + arr[1] + " " + arr[2]);
        IncFn inc = Interlocked.Increment;
        int z = 41;
        Console.WriteLine("through a delegate: " + inc(ref z) + " " + z);

        Node na = new Node(1), nb = new Node(2);
        Console.WriteLine(Interlocked.Exchange(ref head, na) == null);
        Console.WriteLine(Interlocked.CompareExchange(ref head, nb, na) + " " + head);
        Console.WriteLine(Interlocked.CompareExchange(ref head, na, na) + " " + head);
        string s = "x";
        Console.WriteLine(Interlocked.Exchange(ref s, "y") + s);
        Holder<string> h = new Holder<string>();
        Console.WriteLine(h.TrySwap(null, "first") + " " + h.Top + " " + h.TrySwap(null, "second") + " " + h.Top);
        Console.WriteLine(h.Swap("third") + " " + h.Top);
        Holder<Node> hn = new Holder<Node>();
        Console.WriteLine(hn.TrySwap(null, na) + " " + hn.Top);
        XchgFn f = Interlocked.Exchange<Node>;
        Console.WriteLine("generic through a delegate: " + f(ref head, na) + " " + head);

        // Two threads race: a counter in a node chain, and a lock-free stack.
        Thread[] ts = new Thread[2];
        for (int i = 0; i < 2; i++)
        {
            int me = i;
            ts[i] = new Thread(() =>
            {
                for (int k = 0; k < rounds; k++)
                {
                    Node n;
                    do
                        n = head;
                    while (Interlocked.CompareExchange(ref head, new Node(n.V + 1), n) != n);
                    Push(me * 100000 + k);
                }
            });
            ts[i].Start();
        }
        ts[0].Join();
        ts[1].Join();
        Console.WriteLine("chained counter: " + head.V);
        int count = 0;
        long sum = 0;
        for (Node n = stack; n != null; n = n.Next)
        {
            count++;
            sum += n.V;
        }
        Console.WriteLine("stack: " + count + " nodes, sum " + sum);
        return 0;
    }
}
