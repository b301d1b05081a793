// Hot methods tier up while the program runs: small methods called far
// more than the tier-up count (30) from several threads at once, with
// allocation in between (so collections run while the tier-up thread
// compiles), then an exit with tier-ups still queued. Each thread checks
// its own sums; Main prints them (the same on every runtime) and exits with
// the code given as the first argument, through Environment.Exit when the
// second argument is "exit" (methods may still be waiting to tier up).
using System;
using System.Runtime.CompilerServices;
using System.Threading;

class Node {
    public int Value;
    public Node Next;
    public Node(int value, Node next) { Value = value; Next = next; }
}

static class Hot {
    // Never inlined, so its baseline code is what callers run until it
    // tiers up (tests/tiering.rs watches it).
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static int Square(int x) { return x * x; }
    public static long Mix(long a, int b) { return (a * 31 + b) % 1000003; }
    public static Node Push(Node list, int v) { return new Node(v, list); }
    public static int Sum(Node list) {
        int s = 0;
        for (Node n = list; n != null; n = n.Next) s += n.Value;
        return s;
    }
    public static string Label(int i) { return "item" + i; }
}

class Worker {
    public long Result;
    readonly int seed;
    public Worker(int seed) { this.seed = seed; }
    public void Run() {
        long acc = seed;
        for (int round = 0; round < 200; round++) {
            Node list = null;
            for (int i = 0; i < 50; i++) list = Hot.Push(list, Hot.Square(i + round));
            acc = Hot.Mix(acc, Hot.Sum(list));
            acc = Hot.Mix(acc, Hot.Label(round).Length);
        }
        Result = acc;
    }
}

class Program {
    static int Main(string[] args) {
        int code = args.Length > 0 ? int.Parse(args[0]) : 0;
        var workers = new Worker[3];
        var threads = new Thread[3];
        for (int t = 0; t < 3; t++) {
            workers[t] = new Worker(t + 1);
            threads[t] = new Thread(workers[t].Run);
            threads[t].Start();
        }
        var mine = new Worker(7);
        mine.Run();
        for (int t = 0; t < 3; t++) threads[t].Join();
        for (int t = 0; t < 3; t++) Console.WriteLine("worker " + t + ": " + workers[t].Result);
        Console.WriteLine("main: " + mine.Result);
        if (args.Length > 1 && args[1] == "exit") {
            // Newly hot methods, queued right before the process ends.
            long late = 0;
            for (int i = 0; i < 100; i++) late += Later.One(i) + Later.Two(i);
            Console.WriteLine("late: " + late);
            Environment.Exit(code);
        }
        return code;
    }
}

static class Later {
    public static int One(int i) { return i + 1; }
    public static int Two(int i) { return i * 2; }
}
