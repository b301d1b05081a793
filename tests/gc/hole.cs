// Calls a test FCall that holds a new string across an allocation: with
// argument "hole" the FCall does not protect it (a deliberate GC hole).
using System;
using Osprey;

class Program
{
    static int Main(string[] args)
    {
        bool hole = args.Length > 0 && args[0] == "hole";
        int total = 0;
        for (int i = 0; i < 50; i++)
        {
            int n = 3 + i % 5;
            string back = hole ? GcProbe.HoleAcrossAllocation(n) : GcProbe.KeepAcrossAllocation(n);
            object o = new object();
            total += back.Length + (o == null ? 1 : 0);
        }
        Console.WriteLine("total " + total);
        return 0;
    }
}
