// Channel benchmarks between two Osprey processes (docs/kernel.md,
// "Benchmarks"): `channelbench CHILD KIND N` starts CHILD (this program's
// child mode) and prints "KIND value":
//
//   roundtrip   N round trips of a 16-byte message; ns per round trip
//   stream      N one-way 64-byte messages, then one acknowledgement;
//               messages per second
using System;
using System.Diagnostics;
using Osprey.Isolation;

class Program
{
    // Seconds since the Stopwatch timestamp `t0`.
    static double Seconds(long t0)
    {
        return (double)(Stopwatch.GetTimestamp() - t0) / Stopwatch.Frequency;
    }

    static unsafe int Main(string[] args)
    {
        if (args[0] == "child")
        {
            Channel ch = Channel.Startup(0);
            string kind = args[1];
            int n = int.Parse(args[2]);
            byte* buf = stackalloc byte[64];
            if (kind == "roundtrip")
            {
                for (int i = 0; i < n; i++)
                {
                    ch.Receive(buf, 16, -1);
                    ch.Send(buf, 16);
                }
            }
            else
            {
                for (int i = 0; i < n; i++)
                    ch.Receive(buf, 64, -1);
                ch.Send(buf, 1);
            }
            return 0;
        }
        string which = args[1];
        int count = int.Parse(args[2]);
        double result = 0;
        for (int pass = 0; pass < 2; pass++)
        {
            int runs = pass == 0 ? Math.Max(1, count / 10) : count;
            Channel mine, theirs;
            Channel.CreatePair(out mine, out theirs);
            ChildProcess child = ChildProcess.Start(args[0], new string[] { "child", which, runs.ToString() }, theirs);
            byte* buf = stackalloc byte[64];
            long t0 = Stopwatch.GetTimestamp();
            if (which == "roundtrip")
            {
                for (int i = 0; i < runs; i++)
                {
                    mine.Send(buf, 16);
                    mine.Receive(buf, 16, -1);
                }
                result = Seconds(t0) * 1e9 / runs;
            }
            else
            {
                for (int i = 0; i < runs; i++)
                    mine.Send(buf, 64);
                mine.Receive(buf, 1, -1);
                result = runs / Seconds(t0);
            }
            child.Join();
            mine.Dispose();
            child.Dispose();
        }
        Console.WriteLine(which + " " + result.ToString("F0"));
        return 0;
    }
}
