// Four threads allocate at once (lists, arrays, strings, boxed values),
// hand objects to each other through a locked queue and collect, while
// the main thread checks everything they built.
using System;
using System.Threading;

class Item
{
    public int Owner;
    public int Seq;
    public string Label;
    public int[] Payload;
    public Item Next;
}

class Queue
{
    Item head, tail;
    int count;
    readonly object gate = new object();

    public void Add(Item it)
    {
        lock (gate)
        {
            if (tail == null) head = it; else tail.Next = it;
            tail = it;
            count++;
            Monitor.Pulse(gate);
        }
    }

    public Item Take()
    {
        lock (gate)
        {
            while (head == null)
                Monitor.Wait(gate);
            Item it = head;
            head = it.Next;
            if (head == null) tail = null;
            it.Next = null;
            count--;
            return it;
        }
    }
}

class Program
{
    static int rounds = 3000;
    static Queue queue = new Queue();
    static long[] checksums = new long[4];
    static object[] keep = new object[4];

    static void Producer(object o)
    {
        int id = (int)o;
        object[] mine = new object[64];
        for (int i = 0; i < rounds; i++)
        {
            Item it = new Item { Owner = id, Seq = i, Label = "item " + id + "/" + i, Payload = new int[i % 17 + 1] };
            for (int k = 0; k < it.Payload.Length; k++)
                it.Payload[k] = i + k;
            mine[i % mine.Length] = it.Label + (object)i;
            queue.Add(it);
            if (i % 500 == 0)
                GC.Collect(i % 1000 == 0 ? 1 : 0);
        }
        keep[id] = mine;
    }

    static void Consumer(object o)
    {
        int id = (int)o;
        long sum = 0;
        for (int i = 0; i < rounds; i++)
        {
            Item it = queue.Take();
            int expectedLength = it.Seq % 17 + 1;
            if (it.Payload.Length != expectedLength || it.Label != "item " + it.Owner + "/" + it.Seq)
                sum = -1000000000;
            for (int k = 0; k < it.Payload.Length; k++)
                sum += it.Payload[k];
        }
        checksums[id] = sum;
    }

    static int Main(string[] args)
    {
        if (args.Length > 0)
            rounds = int.Parse(args[0]);
        Thread[] ts = { new Thread(Producer), new Thread(Producer), new Thread(Consumer), new Thread(Consumer) };
        for (int i = 0; i < 4; i++)
            ts[i].Start(i);
        long own = 0;
        for (int i = 0; i < rounds; i++)
        {
            string s = "main " + i;
            own += s.Length;
        }
        foreach (Thread t in ts)
            t.Join();
        long expected = 0;
        for (int i = 0; i < rounds; i++)
        {
            int len = i % 17 + 1;
            for (int k = 0; k < len; k++)
                expected += i + k;
        }
        Console.WriteLine("consumed: " + (checksums[2] + checksums[3]));
        Console.WriteLine("expected: " + 2 * expected);
        Console.WriteLine("main strings: " + own);
        int kept = 0;
        foreach (object o in keep)
            if (o != null)
                foreach (object x in (object[])o)
                    if (x != null) kept++;
        Console.WriteLine("kept: " + kept);
        return checksums[2] + checksums[3] == 2 * expected ? 0 : 1;
    }
}
