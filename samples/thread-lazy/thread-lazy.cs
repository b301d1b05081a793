// Lazy<T> from several threads at once. ExecutionAndPublication: the
// factory runs once while the other threads wait, and every thread gets
// its value, or the same cached exception. PublicationOnly: factories may
// race, but every thread gets the one value that was published first.
// Also a factory that reads its own Value. The optional argument is the
// number of lazies per race (tests/gc.rs runs fewer).
using System;
using System.Threading;

static class Program
{
    const int Threads = 4;

    // Starts `Threads` threads that wait for one signal and then run
    // `body(i)`; returns when all have finished.
    static void RaceOn(Action<int> body)
    {
        var go = new ManualResetEvent(false);
        var all = new Thread[Threads];
        for (int i = 0; i < Threads; i++)
        {
            int index = i;
            all[i] = new Thread(() =>
            {
                go.WaitOne();
                body(index);
            });
            all[i].Start();
        }
        go.Set();
        foreach (var t in all)
            t.Join();
        go.Close();
    }

    static void ExecutionAndPublication(int rounds)
    {
        int runs = 0;
        bool sameValue = true;
        for (int r = 0; r < rounds; r++)
        {
            var lazy = new Lazy<object>(() =>
            {
                Interlocked.Increment(ref runs);
                Thread.Sleep(5);
                return new object();
            }, LazyThreadSafetyMode.ExecutionAndPublication);
            var seen = new object[Threads];
            RaceOn(i => seen[i] = lazy.Value);
            for (int i = 1; i < Threads; i++)
                sameValue &= ReferenceEquals(seen[0], seen[i]);
            sameValue &= lazy.IsValueCreated;
        }
        Console.WriteLine("ExecutionAndPublication: " + rounds + " lazies, factory runs " + runs + ", one value each: " + sameValue);
    }

    static void CachedException()
    {
        int runs = 0;
        var lazy = new Lazy<int>(() =>
        {
            Interlocked.Increment(ref runs);
            Thread.Sleep(5);
            throw new FormatException("factory failed");
        });
        var caught = new Exception[Threads];
        RaceOn(i =>
        {
            try
            {
                Console.WriteLine("value? " + lazy.Value);
            }
            catch (Exception e)
            {
                caught[i] = e;
            }
        });
        bool same = true;
        for (int i = 1; i < Threads; i++)
            same &= ReferenceEquals(caught[0], caught[i]);
        Console.WriteLine("cached exception: factory runs " + runs + ", " + caught[0].GetType().Name + " '" + caught[0].Message + "', the same object on every thread: " + same + ", created " + lazy.IsValueCreated);
    }

    static void PublicationOnly(int rounds)
    {
        int runs = 0;
        bool sameValue = true;
        for (int r = 0; r < rounds; r++)
        {
            var lazy = new Lazy<object>(() =>
            {
                Interlocked.Increment(ref runs);
                Thread.Sleep(2);
                return new object();
            }, LazyThreadSafetyMode.PublicationOnly);
            var seen = new object[Threads];
            RaceOn(i => seen[i] = lazy.Value);
            for (int i = 1; i < Threads; i++)
                sameValue &= ReferenceEquals(seen[0], seen[i]);
            sameValue &= ReferenceEquals(seen[0], lazy.Value);
        }
        // How often the factories ran depends on the timing; at least once
        // per lazy, at most once per thread.
        Console.WriteLine("PublicationOnly: " + rounds + " lazies, factory runs in range: " + (runs >= rounds && runs <= rounds * Threads) + ", one value each: " + sameValue);
    }

    static void Recursion()
    {
        Lazy<int> self = null;
        self = new Lazy<int>(() => self.Value + 1, LazyThreadSafetyMode.ExecutionAndPublication);
        try
        {
            Console.WriteLine(self.Value);
        }
        catch (InvalidOperationException e)
        {
            Console.WriteLine("recursion: " + e.Message);
        }
    }

    static int Main(string[] args)
    {
        int rounds = args.Length > 0 ? int.Parse(args[0]) : 20;
        ExecutionAndPublication(rounds);
        CachedException();
        PublicationOnly(rounds);
        Recursion();
        return 0;
    }
}
