// A contention stress: four threads hammer shared locks and Interlocked
// counters at once while allocating inside the locks, so that collections
// (under OSPREY_GCSTRESS: at every allocation) happen while locks are held,
// while other threads wait to enter them and while lock objects move
// (they are young, and some are replaced by new ones as the run goes on).
// Thin locks, inflated locks (Wait/Pulse, contention) and nested locks
// taken in a fixed order all take part. Every total must be exact.
//
// Optional argument: rounds per thread (tests/gc.rs runs fewer at stress).
using System;
using System.Threading;

class Node
{
    public int Value;
    public Node Next;
    public string Tag;
}

class Box
{
    public long Sum;
    public int Count;
    public object[] Junk = new object[4];
}

static class Program
{
    const int Threads = 4;
    const int Slots = 8;

    static int rounds = 20000;

    // Shared state, one lock each.
    static readonly object Gate = new object();
    static int gated;
    static Node chain;
    static int chainLength;

    // Per-slot locks: a slot's lock object is replaced (by a thread that
    // holds it) every so often, so threads lock young objects.
    static object[] slotLocks = new object[Slots];
    static readonly object TableLock = new object();
    static Box[] slots = new Box[Slots];

    // Interlocked counters.
    static int incremented;
    static int decremented;
    static long added;
    static long casSum;
    static int maxSeen;
    static Node swapped;
    static int swaps;
    static Node stack;

    // A hand-off through Monitor.Wait/Pulse (inflates its lock).
    static readonly object Baton = new object();
    static int batonHolder;
    static int batonPasses;

    static object SlotLock(int s)
    {
        lock (TableLock)
        {
            return slotLocks[s];
        }
    }

    // Enters slot s's current lock: a lock object replaced between the
    // read and the enter is let go and the new one tried.
    static object EnterSlot(int s)
    {
        while (true)
        {
            object l = SlotLock(s);
            Monitor.Enter(l);
            if (SlotLock(s) == l)
                return l;
            Monitor.Exit(l);
        }
    }

    // A small deterministic generator (xorshift).
    static int Next(ref uint state, int bound)
    {
        state ^= state << 13;
        state ^= state >> 17;
        state ^= state << 5;
        return (int)(state % (uint)bound);
    }

    static void Work(object arg)
    {
        int id = (int)arg;
        uint rng = (uint)(id * 7919 + 1);
        for (int i = 0; i < rounds; i++)
        {
            // One shared lock, allocation inside it.
            lock (Gate)
            {
                gated++;
                if ((i & 15) == 0)
                {
                    chain = new Node { Value = id, Next = chain, Tag = "n" + i };
                    chainLength++;
                }
            }

            // Two slot locks in index order (no deadlock), allocation
            // inside both.
            int a = Next(ref rng, Slots), b = Next(ref rng, Slots);
            if (a > b) { int t = a; a = b; b = t; }
            object la = EnterSlot(a);
            try
            {
                Box box = slots[a];
                box.Sum += i;
                box.Count++;
                box.Junk[i & 3] = new int[(i & 7) + 1];
                if (b != a)
                {
                    object lb = EnterSlot(b);
                    try
                    {
                        slots[b].Count++;
                        slots[b].Sum += i;
                        slots[b].Junk[i & 3] = "x" + id;
                    }
                    finally
                    {
                        Monitor.Exit(lb);
                    }
                }
                else
                {
                    box.Count++;
                    box.Sum += i;
                }
                // Now and then the slot gets a fresh (young) lock object,
                // swapped while its current one is held.
                if ((i & 255) == id)
                {
                    lock (TableLock)
                    {
                        slotLocks[a] = new object();
                    }
                }
            }
            finally
            {
                Monitor.Exit(la);
            }

            // Interlocked.
            Interlocked.Increment(ref incremented);
            Interlocked.Decrement(ref decremented);
            Interlocked.Add(ref added, i);
            long seen;
            do
            {
                seen = Interlocked.Read(ref casSum);
            }
            while (Interlocked.CompareExchange(ref casSum, seen + 2, seen) != seen);
            int v = id * rounds + i, cur;
            while ((cur = Volatile.Read(ref maxSeen)) < v
                && Interlocked.CompareExchange(ref maxSeen, v, cur) != cur)
            {
            }
            Node mine = new Node { Value = i };
            Node old = Interlocked.Exchange(ref swapped, mine);
            if (old != null)
                Interlocked.Increment(ref swaps);
            Node top;
            Node push = new Node { Value = 1 };
            do
            {
                top = Volatile.Read(ref stack);
                push.Next = top;
            }
            while (Interlocked.CompareExchange(ref stack, push, top) != top);

            // The baton: a thread that holds it passes it on.
            if ((i & 63) == 0)
            {
                lock (Baton)
                {
                    while (batonHolder != id && batonHolder != -1)
                    {
                        if (!Monitor.Wait(Baton, 50))
                            break;
                    }
                    batonPasses++;
                    batonHolder = (id + 1) % Threads;
                    Monitor.PulseAll(Baton);
                }
            }
        }
        // Release anyone still waiting for this thread's turn.
        lock (Baton)
        {
            batonHolder = -1;
            Monitor.PulseAll(Baton);
        }
    }

    static int Main(string[] args)
    {
        if (args.Length > 0)
            rounds = int.Parse(args[0]);
        for (int s = 0; s < Slots; s++)
        {
            slotLocks[s] = new object();
            slots[s] = new Box();
        }
        batonHolder = 0;
        var all = new Thread[Threads];
        for (int t = 0; t < Threads; t++)
        {
            all[t] = new Thread(Work);
            all[t].Start(t);
        }
        foreach (var t in all)
            t.Join();

        long expectedAdded = (long)Threads * rounds * (rounds - 1) / 2;
        int slotCount = 0;
        long slotSum = 0;
        foreach (var box in slots)
        {
            slotCount += box.Count;
            slotSum += box.Sum;
        }
        int chainSeen = 0;
        for (Node n = chain; n != null; n = n.Next)
            chainSeen++;
        int stackSeen = 0;
        for (Node n = stack; n != null; n = n.Next)
            stackSeen += n.Value;

        Console.WriteLine("lock:            " + gated);
        Console.WriteLine("chain:           " + chainLength + " nodes, walked " + chainSeen);
        Console.WriteLine("slots:           " + slotCount + " updates");
        Console.WriteLine("slot sums exact: " + (slotSum == 2 * expectedAdded));
        Console.WriteLine("increment:       " + incremented);
        Console.WriteLine("decrement:       " + decremented);
        Console.WriteLine("add exact:       " + (added == expectedAdded));
        Console.WriteLine("cas sum:         " + casSum);
        Console.WriteLine("max:             " + maxSeen);
        Console.WriteLine("swaps:           " + swaps);
        Console.WriteLine("stack:           " + stackSeen);
        Console.WriteLine("baton passes:    " + batonPasses);
        Console.WriteLine("locks free:      " + !(Monitor.IsEntered(Gate) || Monitor.IsEntered(Baton) || Monitor.IsEntered(TableLock)));

        int total = Threads * rounds;
        bool ok = gated == total
            && chainSeen == chainLength && chainLength == Threads * ((rounds + 15) / 16)
            && slotCount == 2 * total && slotSum == 2 * expectedAdded
            && incremented == total && decremented == -total
            && added == expectedAdded && casSum == 2L * total
            && maxSeen == (Threads - 1) * rounds + rounds - 1
            && swaps == total - 1 && stackSeen == total
            && batonPasses == Threads * ((rounds + 63) / 64);
        Console.WriteLine(ok ? "exact" : "LOST UPDATES");
        return ok ? 0 : 1;
    }
}
