// A child whose behaviour the first argument picks; it reports over its
// startup channel (when it has one) before doing it:
//   spin        loops forever
//   receive     waits for a message forever (never sent)
//   sleep       sleeps forever (inside a QCall)
//   wait        waits on an event forever
//   lock        blocks on a lock its other thread holds forever
//   finally     loops forever inside a finally block
//   throw       throws an exception nobody catches
//   oom         allocates past its heap limit, catches the OutOfMemoryException, exits 7
//   oom-die     allocates past its heap limit and dies of it
//   gc          reports its collector: "generational" or "marksweep"
//   threads     starts three threads that spin, sleep and wait, then spins
//   forged      tries raw handle values its parent sent (not its own)
//   exit        calls Environment.Exit(42) from another thread
using System;
using System.Threading;
using Osprey.Isolation;

class Node
{
    public Node Next;
    public byte[] Payload;
}

class Program
{
    static Channel ch;
    static volatile int counter;

    static void Ready(string what)
    {
        if (ch != null)
            ch.Send(what);
    }

    static int Main(string[] args)
    {
        string mode = args[0];
        if (Channel.StartupChannels.Length > 0)
            ch = Channel.Startup(0);
        // Hold a block and some heap, so their reclamation is visible.
        ExchangeBlock held = new ExchangeBlock(4096);
        Node keep = new Node { Payload = new byte[100000] };
        // (An if chain: mcs compiles a long string switch to a generic
        // Dictionary, which needs generics.)
        if (mode == "spin")
        {
            Ready("spinning");
            while (true)
                counter++;
        }
        if (mode == "receive")
        {
            Channel a, b;
            Channel.CreatePair(out a, out b);
            Ready("receiving");
            a.ReceiveBytes();
            return 1;
        }
        if (mode == "sleep")
        {
            Ready("sleeping");
            Thread.Sleep(Timeout.Infinite);
            return 1;
        }
        if (mode == "wait")
        {
            ManualResetEvent never = new ManualResetEvent(false);
            Ready("waiting");
            never.WaitOne();
            return 1;
        }
        if (mode == "lock")
        {
            object gate = new object();
            ManualResetEvent taken = new ManualResetEvent(false);
            Thread holder = new Thread(() => { lock (gate) { taken.Set(); Thread.Sleep(Timeout.Infinite); } });
            holder.Start();
            taken.WaitOne();
            Ready("locking");
            lock (gate)
                return 1;
        }
        if (mode == "finally")
        {
            try
            {
                counter = 1;
            }
            finally
            {
                Ready("in finally");
                while (true)
                    counter++;
            }
        }
        if (mode == "throw")
        {
            Ready("throwing");
            throw new InvalidOperationException("the child gives up");
        }
        if (mode == "oom" || mode == "oom-die")
        {
            Ready("allocating");
            Node head = null;
            try
            {
                while (true)
                    head = new Node { Next = head, Payload = new byte[1 << 16] };
            }
            catch (OutOfMemoryException) when (mode == "oom")
            {
                head = null;
                GC.Collect();
                Ready("caught OutOfMemoryException");
                return 7;
            }
        }
        if (mode == "gc")
        {
            int before0 = GC.CollectionCount(0), before1 = GC.CollectionCount(1);
            GC.Collect(0);
            bool minor = GC.CollectionCount(1) == before1 && GC.CollectionCount(0) == before0 + 1;
            Ready(minor ? "generational" : "marksweep");
            return 0;
        }
        if (mode == "threads")
        {
            ManualResetEvent never = new ManualResetEvent(false);
            new Thread(() => { while (true) counter++; }).Start();
            new Thread(() => Thread.Sleep(Timeout.Infinite)).Start();
            new Thread(() => never.WaitOne()).Start();
            Ready("four threads");
            while (true)
                counter++;
        }
        if (mode == "forged")
        {
            string values = ch.ReceiveString();
            int refused = 0, total = 0;
            foreach (string v in values.Split(','))
            {
                total++;
                try
                {
                    Channel.FromRawHandle(int.Parse(v)).Send("stolen");
                }
                catch (ObjectDisposedException)
                {
                    refused++;
                }
            }
            ch.Send("refused " + refused + " of " + total);
            return 0;
        }
        if (mode == "exit")
        {
            new Thread(() => { Ready("exiting"); Environment.Exit(42); }).Start();
            while (true)
                counter++;
        }
        GC.KeepAlive(keep);
        GC.KeepAlive(held);
        return 2;
    }
}
