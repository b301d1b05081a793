// The Monitor-based primitives: ManualResetEventSlim, SemaphoreSlim,
// CountdownEvent, Barrier, SpinWait, and ThreadPool.QueueUserWorkItem.
using System;
using System.Threading;

class Program
{
    static void Show(string what, Exception e)
    {
        Console.WriteLine(what + ": " + e.GetType().FullName + ": " + e.Message);
    }

    static int poolSum;
    static CountdownEvent poolDone;

    static void PoolItem(object state)
    {
        Interlocked.Add(ref poolSum, (int)state);
        poolDone.Signal();
    }

    static int Main()
    {
        ManualResetEventSlim mres = new ManualResetEventSlim(false);
        Console.WriteLine("slim unset: " + mres.IsSet + " " + mres.Wait(0));
        int released = 0;
        Thread[] ts = new Thread[3];
        for (int i = 0; i < 3; i++)
        {
            ts[i] = new Thread(() => { mres.Wait(); Interlocked.Increment(ref released); });
            ts[i].Start();
        }
        Thread.Sleep(30);
        mres.Set();
        foreach (Thread t in ts)
            t.Join();
        Console.WriteLine("slim released: " + released + " set: " + mres.IsSet);
        mres.Reset();
        Console.WriteLine("slim timeout: " + mres.Wait(20));

        SemaphoreSlim sem = new SemaphoreSlim(1, 2);
        Console.WriteLine("semaphore slim: " + sem.Wait(0) + " " + sem.Wait(0) + " count " + sem.CurrentCount);
        Console.WriteLine("release: " + sem.Release() + " count " + sem.CurrentCount);
        Console.WriteLine("release: " + sem.Release() + " count " + sem.CurrentCount);
        try { sem.Release(); } catch (Exception e) { Show("over the maximum", e); }
        int inside = 0, maxInside = 0;
        object gate = new object();
        SemaphoreSlim two = new SemaphoreSlim(2);
        Thread[] users = new Thread[6];
        for (int i = 0; i < users.Length; i++)
        {
            users[i] = new Thread(() =>
            {
                for (int k = 0; k < 50; k++)
                {
                    two.Wait();
                    lock (gate) { inside++; if (inside > maxInside) maxInside = inside; }
                    Thread.Yield();
                    lock (gate) inside--;
                    two.Release();
                }
            });
            users[i].Start();
        }
        foreach (Thread u in users)
            u.Join();
        Console.WriteLine("at most two inside: " + (maxInside <= 2) + ", final count " + two.CurrentCount);

        CountdownEvent cd = new CountdownEvent(3);
        for (int i = 0; i < 3; i++)
            new Thread(() => cd.Signal()).Start();
        cd.Wait();
        Console.WriteLine("countdown: " + cd.IsSet + " " + cd.CurrentCount + " of " + cd.InitialCount);
        try { cd.Signal(); } catch (Exception e) { Show("signal below zero", e); }
        try { cd.AddCount(); } catch (Exception e) { Show("add to a set event", e); }
        cd.Reset(2);
        cd.AddCount(1);
        Console.WriteLine("after reset and add: " + cd.CurrentCount + " " + cd.Signal(3));

        Barrier barrier = new Barrier(3);
        int[] phaseSeen = new int[3];
        long[] sums = new long[3];
        Thread[] parts = new Thread[3];
        for (int i = 0; i < 3; i++)
        {
            int me = i;
            parts[i] = new Thread(() =>
            {
                for (int phase = 0; phase < 5; phase++)
                {
                    sums[me] += phase * (me + 1);
                    barrier.SignalAndWait();
                    phaseSeen[me] = (int)barrier.CurrentPhaseNumber;
                }
            });
            parts[i].Start();
        }
        foreach (Thread p in parts)
            p.Join();
        Console.WriteLine("barrier phases: " + barrier.CurrentPhaseNumber + " seen " + phaseSeen[0] + phaseSeen[1] + phaseSeen[2]);
        Console.WriteLine("barrier sums: " + sums[0] + " " + sums[1] + " " + sums[2]);
        Console.WriteLine("participants: " + barrier.ParticipantCount + " remaining " + barrier.ParticipantsRemaining);

        // The post-phase action runs once per phase, on the last arrival.
        int actions = 0;
        long seenPhases = 0;
        Barrier withAction = new Barrier(2, b => { actions++; seenPhases += b.CurrentPhaseNumber; });
        Thread partner = new Thread(() => { for (int i = 0; i < 3; i++) withAction.SignalAndWait(); });
        partner.Start();
        for (int i = 0; i < 3; i++)
            withAction.SignalAndWait();
        partner.Join();
        Console.WriteLine("post-phase actions: " + actions + ", phases seen " + seenPhases + ", now " + withAction.CurrentPhaseNumber);
        Barrier failing = new Barrier(1, b => { throw new InvalidOperationException("action failed"); });
        try { failing.SignalAndWait(); } catch (BarrierPostPhaseException e) { Console.WriteLine("post-phase exception: " + e.InnerException.Message); }

        SpinWait sw = new SpinWait();
        for (int i = 0; i < 20; i++)
            sw.SpinOnce();
        Console.WriteLine("spins: " + sw.Count);

        poolDone = new CountdownEvent(100);
        for (int i = 1; i <= 100; i++)
            ThreadPool.QueueUserWorkItem(PoolItem, i);
        poolDone.Wait();
        Console.WriteLine("thread pool: " + poolSum);
        ManualResetEvent noState = new ManualResetEvent(false);
        ThreadPool.QueueUserWorkItem(o => { Console.WriteLine("state is null: " + (o == null)); noState.Set(); });
        noState.WaitOne();
        try { ThreadPool.QueueUserWorkItem(null); } catch (Exception e) { Show("null callback", e); }
        return 0;
    }
}
