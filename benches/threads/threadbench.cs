// Thread and lock micro-benchmarks (docs/kernel.md, "Benchmarks"), the same
// program on mono and on Osprey. `threadbench KIND N` runs KIND N times
// after a warm-up and prints one line: "KIND ns_per_op".
//
//   lock          uncontended lock { counter++ } on one thread
//   lock2         contended: two threads, each N/2 times
//   interlocked   Interlocked.Increment on one thread
//   interlocked2  contended: two threads, each N/2 times
//   thread        new Thread(...).Start() + Join()
//   event         signal-to-wake: two threads ping-pong two AutoResetEvents;
//                 ns per one-way wake
//   monitor       Monitor.Wait/Pulse ping-pong; ns per one-way wake
using System;
using System.Diagnostics;
using System.Threading;

class Program
{
    static readonly object gate = new object();
    static int counter;
    static int n;
    static AutoResetEvent ping = new AutoResetEvent(false), pong = new AutoResetEvent(false);
    static bool turn;

    static void LockLoop()
    {
        for (int i = 0; i < n; i++)
            lock (gate)
                counter++;
    }

    static void InterlockedLoop()
    {
        for (int i = 0; i < n; i++)
            Interlocked.Increment(ref counter);
    }

    static void Nothing()
    {
    }

    static void EventPeer()
    {
        for (int i = 0; i < n; i++)
        {
            ping.WaitOne();
            pong.Set();
        }
    }

    static void MonitorPeer()
    {
        lock (gate)
        {
            for (int i = 0; i < n; i++)
            {
                while (!turn)
                    Monitor.Wait(gate);
                turn = false;
                Monitor.Pulse(gate);
            }
        }
    }

    static double Run(string kind, int count)
    {
        n = count;
        long t0 = Stopwatch.GetTimestamp();
        // (An if chain: mcs turns a long string switch into a generic
        // Dictionary.)
        if (kind == "lock")
        {
            LockLoop();
        }
        else if (kind == "interlocked")
        {
            InterlockedLoop();
        }
        else if (kind == "lock2" || kind == "interlocked2")
        {
            n = count / 2;
            ThreadStart body = kind == "lock2" ? (ThreadStart)LockLoop : InterlockedLoop;
            Thread a = new Thread(body), b = new Thread(body);
            t0 = Stopwatch.GetTimestamp();
            a.Start();
            b.Start();
            a.Join();
            b.Join();
        }
        else if (kind == "thread")
        {
            for (int i = 0; i < count; i++)
            {
                Thread t = new Thread(Nothing);
                t.Start();
                t.Join();
            }
        }
        else if (kind == "event")
        {
            Thread peer = new Thread(EventPeer);
            peer.Start();
            t0 = Stopwatch.GetTimestamp();
            for (int i = 0; i < count; i++)
            {
                ping.Set();
                pong.WaitOne();
            }
            peer.Join();
            count *= 2;
        }
        else if (kind == "monitor")
        {
            Thread peer = new Thread(MonitorPeer);
            peer.Start();
            t0 = Stopwatch.GetTimestamp();
            lock (gate)
            {
                for (int i = 0; i < count; i++)
                {
                    turn = true;
                    Monitor.Pulse(gate);
                    while (turn)
                        Monitor.Wait(gate);
                }
            }
            peer.Join();
            count *= 2;
        }
        else
        {
            throw new ArgumentException("unknown benchmark " + kind);
        }
        return Seconds(t0) * 1e9 / count;
    }

    // Seconds since the Stopwatch timestamp `t0`.
    static double Seconds(long t0)
    {
        return (double)(Stopwatch.GetTimestamp() - t0) / Stopwatch.Frequency;
    }

    static int Main(string[] args)
    {
        string kind = args[0];
        int count = int.Parse(args[1]);
        Run(kind, Math.Max(1, count / 10));
        double ns = Run(kind, count);
        Console.WriteLine(kind + " " + ns.ToString("F1"));
        return 0;
    }
}
