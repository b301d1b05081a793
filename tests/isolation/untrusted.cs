// Untrusted children run only verifiable code (docs/verification.md,
// "Trust policy"): the same child (untrusted_child.cs, its path the first
// argument) started trusted runs its unsafe method; started with
// ChildSettings.Untrusted, the method raises VerificationException naming
// it, the IL offset and the rule, before it runs, whether the child
// catches it or dies of it. The parent, trusted, is unaffected: it goes on
// to run unverifiable code of its own.
using System;
using Osprey.Isolation;

class Program
{
    static string childPath;

    static void Run(string mode, bool untrusted)
    {
        Channel mine, theirs;
        Channel.CreatePair(out mine, out theirs);
        ChildSettings settings = new ChildSettings();
        settings.Untrusted = untrusted;
        ChildProcess child = ChildProcess.Create(childPath, new string[] { mode }, settings, new Channel[] { theirs });
        child.Start();
        string first = mine.ReceiveString();
        string second = null;
        try
        {
            second = mine.ReceiveString(20000);
        }
        catch (ChannelClosedException)
        {
        }
        int code = child.Join();
        Console.WriteLine((untrusted ? "untrusted " : "trusted ") + mode + ": " + first
            + (second == null ? "" : ", then " + second) + "; exit code " + code);
        mine.Dispose();
        child.Dispose();
    }

    static unsafe int Main(string[] args)
    {
        childPath = args[0];
        Run("catch", false);
        Run("catch", true);
        Run("uncaught", true);
        Run("catch", false);
        int* p = stackalloc int[2];
        p[0] = 20;
        p[1] = 22;
        Console.WriteLine("parent's own stackalloc: " + (p[0] + p[1]));
        return 0;
    }
}
