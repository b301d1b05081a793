// Monitor misuse and edge cases: Exit, Wait and Pulse without the lock
// (SynchronizationLockException), Exit by a thread that does not own the
// lock, null arguments, TryEnter with timeouts while another thread holds
// the lock, recursion, IsEntered, Wait with a timeout, PulseAll, and locks
// on strings, arrays, boxed values and Type objects.
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
        object o = new object();
        try { Monitor.Exit(o); } catch (Exception e) { Show("exit unowned", e); }
        try { Monitor.Wait(o); } catch (Exception e) { Show("wait unowned", e); }
        try { Monitor.Pulse(o); } catch (Exception e) { Show("pulse unowned", e); }
        try { Monitor.PulseAll(o); } catch (Exception e) { Show("pulseall unowned", e); }
        try { Monitor.Enter(null); } catch (Exception e) { Show("enter null", e); }
        try { bool t = false; Monitor.Enter(o, ref t); Monitor.Enter(o, ref t); } catch (Exception e) { Show("lockTaken already true", e); }
        Console.WriteLine("entered once: " + Monitor.IsEntered(o));
        Monitor.Exit(o);
        Console.WriteLine("after exit: " + Monitor.IsEntered(o));

        // Held by main: another thread can neither enter nor exit it.
        Monitor.Enter(o);
        Monitor.Enter(o);
        string other = "";
        Thread t1 = new Thread(() =>
        {
            other += "tryenter " + Monitor.TryEnter(o) + ", ";
            other += "tryenter(30) " + Monitor.TryEnter(o, 30) + ", ";
            other += "entered " + Monitor.IsEntered(o) + ", ";
            try { Monitor.Exit(o); } catch (SynchronizationLockException) { other += "exit by a non-owner refused"; }
        });
        t1.Start();
        t1.Join();
        Console.WriteLine(other);
        Monitor.Exit(o);
        Console.WriteLine("recursive: still entered " + Monitor.IsEntered(o));
        Monitor.Exit(o);
        try { Monitor.Exit(o); } catch (Exception e) { Show("one exit too many", e); }

        // Released by main while another thread waits to enter.
        Monitor.Enter(o);
        bool got = false;
        Thread t2 = new Thread(() => { got = Monitor.TryEnter(o, 5000); if (got) Monitor.Exit(o); });
        t2.Start();
        Thread.Sleep(30);
        Monitor.Exit(o);
        t2.Join();
        Console.WriteLine("entered after the owner left: " + got);

        // Wait with a timeout and nobody pulsing; recursion survives a Wait.
        lock (o)
        {
            lock (o)
            {
                Console.WriteLine("wait(20) with no pulse: " + Monitor.Wait(o, 20));
                Console.WriteLine("still entered after wait: " + Monitor.IsEntered(o));
            }
            Console.WriteLine("outer lock held: " + Monitor.IsEntered(o));
        }

        // PulseAll wakes every waiter.
        int woken = 0;
        bool go = false;
        Thread[] ws = new Thread[4];
        for (int i = 0; i < ws.Length; i++)
        {
            ws[i] = new Thread(() =>
            {
                lock (o)
                {
                    while (!go)
                        Monitor.Wait(o);
                    woken++;
                }
            });
            ws[i].Start();
        }
        Thread.Sleep(50);
        lock (o)
        {
            go = true;
            Monitor.PulseAll(o);
        }
        foreach (Thread w in ws)
            w.Join();
        Console.WriteLine("PulseAll woke " + woken);

        // Pulse wakes one at a time.
        int served = 0;
        int tickets = 0;
        Thread[] qs = new Thread[3];
        for (int i = 0; i < qs.Length; i++)
        {
            qs[i] = new Thread(() =>
            {
                lock (o)
                {
                    while (tickets == 0)
                        Monitor.Wait(o);
                    tickets--;
                    served++;
                }
            });
            qs[i].Start();
        }
        Thread.Sleep(30);
        for (int i = 0; i < 3; i++)
        {
            lock (o)
            {
                tickets++;
                Monitor.Pulse(o);
            }
            Thread.Sleep(10);
        }
        foreach (Thread q in qs)
            q.Join();
        Console.WriteLine("Pulse served " + served);

        // Anything can be locked; the lock does not disturb hash codes.
        string s = "a string";
        int[] arr = new int[3];
        object boxed = 42;
        int hash = o.GetHashCode();
        lock (s) lock (arr) lock (boxed) lock (typeof(Program)) lock (o)
        {
            Console.WriteLine("nested locks on five kinds of object: " + Monitor.IsEntered(s) + Monitor.IsEntered(arr) + Monitor.IsEntered(boxed) + Monitor.IsEntered(typeof(Program)));
            Console.WriteLine("hash code unchanged inside: " + (o.GetHashCode() == hash));
        }
        Console.WriteLine("hash code unchanged after: " + (o.GetHashCode() == hash));
        try { lock (null) { } } catch (Exception e) { Show("lock (null)", e); }
        return 0;
    }
}
