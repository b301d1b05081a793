// Kernel wait handles: auto- and manual-reset events, a mutex (recursive,
// owned, abandoned), a semaphore, WaitAny and WaitAll with timeouts, and
// disposed handles.
using System;
using System.Threading;

class Program
{
    static void Show(string what, Exception e)
    {
        Console.WriteLine(what + ": " + e.GetType().FullName + ": " + e.Message);
    }

    static int Main()
    {
        AutoResetEvent auto = new AutoResetEvent(false);
        ManualResetEvent manual = new ManualResetEvent(false);
        Console.WriteLine("auto unset: " + auto.WaitOne(0));
        auto.Set();
        auto.Set();
        Console.WriteLine("auto set twice: " + auto.WaitOne(0) + " " + auto.WaitOne(0));
        manual.Set();
        Console.WriteLine("manual set: " + manual.WaitOne(0) + " " + manual.WaitOne(10));
        manual.Reset();
        Console.WriteLine("manual reset: " + manual.WaitOne(0));

        // Signal to wake: a thread waits, another sets.
        int woken = 0;
        Thread[] waiters = new Thread[3];
        for (int i = 0; i < 3; i++)
        {
            waiters[i] = new Thread(() => { manual.WaitOne(); Interlocked.Increment(ref woken); });
            waiters[i].Start();
        }
        Thread.Sleep(50);
        manual.Set();
        foreach (Thread w in waiters)
            w.Join();
        Console.WriteLine("manual woke all: " + woken);

        int autoWoken = 0;
        for (int i = 0; i < 3; i++)
        {
            waiters[i] = new Thread(() => { if (auto.WaitOne(2000)) Interlocked.Increment(ref autoWoken); });
            waiters[i].Start();
        }
        Thread.Sleep(50);
        auto.Set();
        for (int k = 0; k < 500 && Volatile.Read(ref autoWoken) == 0; k++)
            Thread.Sleep(10);
        Thread.Sleep(50);
        Console.WriteLine("auto woke one: " + autoWoken);
        for (int n = 2; n <= 3; n++)
        {
            auto.Set();
            for (int k = 0; k < 500 && Volatile.Read(ref autoWoken) < n; k++)
                Thread.Sleep(10);
        }
        foreach (Thread w in waiters)
            w.Join();
        Console.WriteLine("auto woke the rest, one per set: " + autoWoken);

        // Mutex: recursive, owned by a thread.
        Mutex m = new Mutex();
        Console.WriteLine("mutex free: " + m.WaitOne(0) + " again: " + m.WaitOne(0));
        bool otherGot = true;
        Thread other = new Thread(() => { otherGot = m.WaitOne(20); });
        other.Start();
        other.Join();
        Console.WriteLine("another thread while held: " + otherGot);
        m.ReleaseMutex();
        m.ReleaseMutex();
        try { m.ReleaseMutex(); } catch (Exception e) { Show("release unowned", e); }
        Thread taker = new Thread(() => { m.WaitOne(); });
        taker.Start();
        taker.Join();
        try { m.WaitOne(); Console.WriteLine("abandoned: no exception"); }
        catch (AbandonedMutexException e) { Show("abandoned", e); }
        m.ReleaseMutex();
        Mutex owned = new Mutex(true);
        owned.ReleaseMutex();
        Console.WriteLine("initially owned released");

        // Semaphore.
        Semaphore s = new Semaphore(2, 3);
        Console.WriteLine("semaphore: " + s.WaitOne(0) + " " + s.WaitOne(0) + " " + s.WaitOne(0));
        Console.WriteLine("release(3) returned " + s.Release(3));
        try { s.Release(); } catch (Exception e) { Show("over the maximum", e); }
        try { new Semaphore(4, 3); } catch (Exception e) { Show("initial above max", e); }

        // WaitAny and WaitAll.
        AutoResetEvent a = new AutoResetEvent(false), b = new AutoResetEvent(false);
        WaitHandle[] both = { a, b };
        Console.WriteLine("WaitAny timeout: " + WaitHandle.WaitAny(both, 10) + " (" + WaitHandle.WaitTimeout + ")");
        b.Set();
        Console.WriteLine("WaitAny: " + WaitHandle.WaitAny(both));
        a.Set();
        Console.WriteLine("WaitAll with one set: " + WaitHandle.WaitAll(both, 10));
        b.Set();
        Console.WriteLine("WaitAll: " + WaitHandle.WaitAll(both, 1000));
        Console.WriteLine("both consumed: " + WaitHandle.WaitAny(both, 0));
        Thread setter = new Thread(() => { Thread.Sleep(30); a.Set(); Thread.Sleep(30); b.Set(); });
        setter.Start();
        Console.WriteLine("WaitAll across a thread: " + WaitHandle.WaitAll(both, 5000));
        setter.Join();
        try { WaitHandle.WaitAll(new WaitHandle[] { a, a }); } catch (Exception e) { Show("duplicate", e); }
        try { WaitHandle.WaitAny(new WaitHandle[0]); } catch (Exception e) { Show("empty", e); }

        // Disposed handles.
        ManualResetEvent gone = new ManualResetEvent(true);
        gone.Dispose();
        try { gone.WaitOne(0); } catch (Exception e) { Show("wait on disposed", e); }
        try { gone.Set(); } catch (Exception e) { Show("set disposed", e); }
        gone.Close();
        Console.WriteLine("double dispose is harmless");
        return 0;
    }
}
