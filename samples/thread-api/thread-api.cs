// System.Threading.Thread: starting (ThreadStart, ParameterizedThreadStart,
// lambdas), Join with and without timeout, IsAlive, IsBackground, Name,
// ManagedThreadId, CurrentThread, ThreadState, Sleep, Yield, SpinWait, and
// the exceptions misuse raises.
using System;
using System.Threading;

class Program
{
    static int seen;
    static Thread inner;
    static int innerId;

    static void Show(string what, Exception e)
    {
        Console.WriteLine(what + ": " + e.GetType().FullName + ": " + e.Message);
    }

    static void Record()
    {
        inner = Thread.CurrentThread;
        innerId = Thread.CurrentThread.ManagedThreadId;
        seen++;
    }

    static int Main()
    {
        Thread main = Thread.CurrentThread;
        Console.WriteLine("main id 1: " + (main.ManagedThreadId == 1));
        Console.WriteLine("main alive: " + main.IsAlive + ", background: " + main.IsBackground + ", state: " + main.ThreadState);
        Console.WriteLine("main name null: " + (main.Name == null));
        main.Name = "the main thread";
        Console.WriteLine("main name: " + Thread.CurrentThread.Name);
        try { main.Name = "again"; } catch (Exception e) { Show("rename", e); }

        Thread t = new Thread(Record);
        Console.WriteLine("unstarted: alive " + t.IsAlive + ", state " + t.ThreadState);
        int id = t.ManagedThreadId;
        Console.WriteLine("new id differs: " + (id != main.ManagedThreadId));
        try { t.Join(); } catch (Exception e) { Show("join unstarted", e); }
        t.Name = "worker";
        t.Start();
        t.Join();
        Console.WriteLine("ran: " + seen + ", alive after join: " + t.IsAlive + ", state " + t.ThreadState);
        Console.WriteLine("CurrentThread on the thread: " + (inner == t) + ", id " + (innerId == id) + ", name " + inner.Name);
        Console.WriteLine("join again: " + t.Join(0));
        try { t.Start(); } catch (Exception e) { Show("restart", e); }
        try { bool b = t.IsBackground; Console.WriteLine(b); } catch (Exception e) { Show("background of a dead thread", e); }

        // ParameterizedThreadStart and lambdas capturing locals.
        int sum = 0;
        Thread p = new Thread(o => { sum = (int)o * 2; });
        p.Start(21);
        p.Join();
        Console.WriteLine("parameterized: " + sum);
        Thread q = new Thread(() => { sum += 100; });
        try { q.Start("arg"); } catch (Exception e) { Show("argument to ThreadStart", e); }
        q.Start();
        q.Join();
        Console.WriteLine("lambda: " + sum);

        // Join with a timeout on a sleeping thread.
        Thread sleeper = new Thread(() => Thread.Sleep(300));
        sleeper.Start();
        Console.WriteLine("sleeper alive: " + sleeper.IsAlive);
        Console.WriteLine("join(10) before it wakes: " + sleeper.Join(10));
        Console.WriteLine("join(-1): " + sleeper.Join(-1));
        try { sleeper.Join(-2); } catch (Exception e) { Show("join(-2)", e); }
        try { Thread.Sleep(-5); } catch (Exception e) { Show("sleep(-5)", e); }

        // IsBackground before and during the run.
        ManualResetEvent go = new ManualResetEvent(false);
        Thread bg = new Thread(() => go.WaitOne());
        bg.IsBackground = true;
        Console.WriteLine("background set before start: " + bg.IsBackground + " " + bg.ThreadState);
        bg.Start();
        bg.IsBackground = false;
        Console.WriteLine("cleared while running: " + bg.IsBackground);
        go.Set();
        bg.Join();

        try { new Thread((ThreadStart)null); } catch (Exception e) { Show("null start", e); }
        try { new Thread(Record, -1); } catch (Exception e) { Show("negative stack", e); }
        Thread big = new Thread(Record, 1 << 20);
        big.Start();
        big.Join();
        Console.WriteLine("with a 1 MiB stack: " + seen);

        Thread.Sleep(0);
        Console.WriteLine("yield: " + Thread.Yield());
        Thread.SpinWait(1000);
        Thread.MemoryBarrier();

        // Many short threads, each joined.
        int total = 0;
        object gate = new object();
        for (int i = 0; i < 200; i++)
        {
            Thread s = new Thread(() => { lock (gate) total++; });
            s.Start();
            s.Join();
        }
        Console.WriteLine("200 threads: " + total);
        return 0;
    }
}
