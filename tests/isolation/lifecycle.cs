// Starts children that misbehave in every way child.exe knows (the first
// argument is its path), kills the ones that never end wherever they are
// stuck, and checks that the kernel's counters of what other processes
// hold (processes, threads, pages, exchange blocks, endpoints) are back
// where they were.
using System;
using Osprey.Isolation;

class Program
{
    static string childPath;

    static ChildProcess Start(string mode, ChildSettings settings, out Channel ch)
    {
        Channel theirs;
        Channel.CreatePair(out ch, out theirs);
        ChildProcess child = ChildProcess.Create(childPath, new string[] { mode }, settings, new Channel[] { theirs });
        child.Start();
        return child;
    }

    static void Kill(string mode)
    {
        Channel ch;
        ChildProcess child = Start(mode, null, out ch);
        string ready = ch.ReceiveString();
        bool killed = child.Kill(77);
        bool ended = child.Wait(20000);
        string after;
        try
        {
            ch.ReceiveString();
            after = "still open";
        }
        catch (ChannelClosedException)
        {
            after = "channel closed";
        }
        Console.WriteLine(mode + ": " + ready + ", killed " + killed + ", ended " + ended + ", exit code " + child.ExitCode + ", " + after);
        Console.WriteLine("  killing it again: " + child.Kill(1));
        ch.Dispose();
        child.Dispose();
    }

    static int Run(string mode, ChildSettings settings)
    {
        Channel ch;
        ChildProcess child = Start(mode, settings, out ch);
        string first = ch.ReceiveString();
        string second = null;
        try
        {
            second = ch.ReceiveString(20000);
        }
        catch (ChannelClosedException)
        {
        }
        int code = child.Join();
        Console.WriteLine(mode + ": " + first + (second == null ? "" : ", then " + second) + "; exit code " + code);
        ch.Dispose();
        child.Dispose();
        return code;
    }

    static int Main(string[] args)
    {
        childPath = args[0];
        // A first child warms up what the kernel keeps for good (nothing a
        // process holds, but the exchange heap's bookkeeping). Its
        // collector is chosen explicitly: the settings win over OSPREY_GC.
        ChildSettings gen = new ChildSettings();
        gen.Collector = Collector.Generational;
        Run("gc", gen);
        string before = KernelCounters.Read().Others();

        Kill("spin");
        Kill("receive");
        Kill("sleep");
        Kill("wait");
        Kill("lock");
        Kill("finally");
        Kill("threads");

        Run("throw", null);
        ChildSettings small = new ChildSettings();
        small.HeapLimit = 16 << 20;
        Run("oom", small);
        Run("oom-die", small);
        Run("exit", null);

        ChildSettings ms = new ChildSettings();
        ms.Collector = Collector.MarkSweep;
        Run("gc", ms);
        Run("gc", gen);

        // Forged and foreign handles: our own handle values mean nothing to
        // the child.
        Channel[] mine = new Channel[40];
        string values = "";
        for (int i = 0; i < 20; i++)
        {
            Channel.CreatePair(out mine[2 * i], out mine[2 * i + 1]);
            if (i >= 10)
                values += (values.Length == 0 ? "" : ",") + mine[2 * i].RawHandle;
        }
        values += ",0,-1,123456789";
        Channel fc;
        ChildProcess forger = Start("forged", null, out fc);
        fc.Send(values);
        Console.WriteLine("forged: " + fc.ReceiveString() + "; exit code " + forger.Join());
        int stolen = 0;
        for (int i = 0; i < 40; i += 2)
            if (mine[i + 1].ReceiveBytes(0) != null)
                stolen++;
        Console.WriteLine("messages that reached our channels: " + stolen);
        foreach (Channel c in mine)
            c.Dispose();
        fc.Dispose();
        forger.Dispose();

        // A child that never starts, and a bad path.
        Channel nc, theirs2;
        Channel.CreatePair(out nc, out theirs2);
        ChildProcess never = ChildProcess.Create(childPath, new string[] { "spin" }, null, new Channel[] { theirs2 });
        Console.WriteLine("unstarted: exited " + never.HasExited + ", kill " + never.Kill(1));
        never.Dispose();
        try
        {
            nc.ReceiveBytes();
        }
        catch (ChannelClosedException)
        {
            Console.WriteLine("unstarted child dropped: its channel is closed");
        }
        nc.Dispose();
        try
        {
            ChildProcess.Start("/nonexistent/child.exe", null);
        }
        catch (System.IO.FileNotFoundException)
        {
            Console.WriteLine("missing assembly: FileNotFoundException");
        }

        string after = KernelCounters.Read().Others();
        Console.WriteLine("counters back where they were: " + (before == after));
        if (before != after)
            Console.WriteLine("  before: " + before + "\n  after:  " + after);
        return 0;
    }
}
