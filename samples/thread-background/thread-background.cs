// Background threads do not keep the process alive: when Main returns, a
// spinning one, a sleeping one, one waiting on an event, one blocked on a
// lock, one in Monitor.Wait and one joining another are all stopped, and
// the exit code is Main's. A foreground thread is waited for.
using System;
using System.Threading;

class Program
{
    static readonly object held = new object();
    static readonly object waitGate = new object();
    static volatile int spins;

    static Thread Background(ThreadStart body)
    {
        Thread t = new Thread(body);
        t.IsBackground = true;
        t.Start();
        return t;
    }

    static int Main()
    {
        ManualResetEvent never = new ManualResetEvent(false);
        Monitor.Enter(held);
        Thread spinner = Background(() => { while (true) spins++; });
        Background(() => Thread.Sleep(Timeout.Infinite));
        Background(() => never.WaitOne());
        Background(() => { lock (held) { Console.WriteLine("never printed"); } });
        Background(() => { lock (waitGate) { Monitor.Wait(waitGate); } });
        Background(() => spinner.Join());
        Thread foreground = new Thread(() => { Thread.Sleep(100); Console.WriteLine("foreground thread finished"); });
        foreground.Start();
        while (spins == 0)
            Thread.Sleep(1);
        Console.WriteLine("Main returns while six background threads run");
        return 3;
    }
}
