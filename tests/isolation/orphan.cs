// Leaves a child spinning and returns 4 (its first argument is the path of
// orphan_child.exe): `osprey run` stops the child when the program ends
// instead of hanging or exiting under it.
using System;
using Osprey.Isolation;

class Program
{
    static int Main(string[] args)
    {
        ChildProcess.Start(args[0], null);
        Console.WriteLine("the parent leaves its child running");
        return 4;
    }
}
