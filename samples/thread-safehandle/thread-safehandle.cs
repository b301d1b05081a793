// SafeHandle's reference counting from several threads at once: the handle
// is released exactly once, by whoever drops the last reference, however
// DangerousAddRef/DangerousRelease, Dispose and the finalizer interleave.
// Also the single-thread rules: a disposed handle still in use is released
// when its last user lets go (IsClosed turns true only then). The
// optional argument scales the races (tests/gc.rs runs it smaller).
using System;
using System.Runtime.InteropServices;
using System.Threading;

class CountingHandle : SafeHandle
{
    public static int Released;

    public CountingHandle()
        : base(IntPtr.Zero, true)
    {
        SetHandle((IntPtr)1);
    }

    public override bool IsInvalid
    {
        get { return handle == IntPtr.Zero; }
    }

    protected override bool ReleaseHandle()
    {
        Interlocked.Increment(ref Released);
        return true;
    }
}

static class Program
{
    static void Rules()
    {
        CountingHandle.Released = 0;
        var h = new CountingHandle();
        bool added = false;
        h.DangerousAddRef(ref added);
        Console.WriteLine("added: " + added);
        h.Dispose();
        Console.WriteLine("disposed with a reference held: closed " + h.IsClosed + ", released " + CountingHandle.Released);
        bool again = false;
        h.DangerousAddRef(ref again);
        Console.WriteLine("a second reference after Dispose: " + again);
        h.DangerousRelease();
        Console.WriteLine("one of two dropped: closed " + h.IsClosed + ", released " + CountingHandle.Released);
        h.DangerousRelease();
        Console.WriteLine("last dropped: closed " + h.IsClosed + ", released " + CountingHandle.Released);
        h.Dispose();
        Console.WriteLine("Dispose again: released " + CountingHandle.Released);
        try
        {
            bool late = false;
            h.DangerousAddRef(ref late);
            Console.WriteLine("AddRef after close succeeded?");
        }
        catch (ObjectDisposedException)
        {
            Console.WriteLine("AddRef after close: ObjectDisposedException");
        }
        try
        {
            h.DangerousRelease();
            Console.WriteLine("Release after close succeeded?");
        }
        catch (ObjectDisposedException)
        {
            Console.WriteLine("Release after close: ObjectDisposedException");
        }
        var invalid = new CountingHandle();
        invalid.SetHandleAsInvalid();
        Console.WriteLine("SetHandleAsInvalid: closed " + invalid.IsClosed);
        invalid.Dispose();
        Console.WriteLine("and disposed: released " + CountingHandle.Released);
    }

    // Two threads take and drop references on each handle while the main
    // thread disposes it; a thread that finds it closed stops.
    static void Race(int handles, int rounds)
    {
        CountingHandle.Released = 0;
        for (int i = 0; i < handles; i++)
        {
            var h = new CountingHandle();
            var go = new ManualResetEvent(false);
            var users = new Thread[2];
            for (int t = 0; t < users.Length; t++)
            {
                users[t] = new Thread(() =>
                {
                    go.WaitOne();
                    for (int r = 0; r < rounds; r++)
                    {
                        bool ok = false;
                        try
                        {
                            h.DangerousAddRef(ref ok);
                        }
                        catch (ObjectDisposedException)
                        {
                            return;
                        }
                        h.DangerousRelease();
                    }
                });
                users[t].Start();
            }
            go.Set();
            Thread.Sleep(i % 3);
            h.Dispose();
            foreach (var u in users)
                u.Join();
            if (!h.IsClosed)
                Console.WriteLine("handle " + i + " is not closed");
            go.Close();
        }
        Console.WriteLine("race: " + handles + " handles, released " + CountingHandle.Released);
    }

    // Several threads dispose one handle at once.
    static void DisposeRace(int handles)
    {
        CountingHandle.Released = 0;
        for (int i = 0; i < handles; i++)
        {
            var h = new CountingHandle();
            var threads = new Thread[3];
            for (int t = 0; t < threads.Length; t++)
            {
                threads[t] = new Thread(() => h.Dispose());
                threads[t].Start();
            }
            foreach (var t in threads)
                t.Join();
        }
        Console.WriteLine("dispose race: " + handles + " handles, released " + CountingHandle.Released);
    }

    static int Main(string[] args)
    {
        int scale = args.Length > 0 ? int.Parse(args[0]) : 1;
        Rules();
        Race(20 * scale, 2000 * scale);
        DisposeRace(20 * scale);
        return 0;
    }
}
