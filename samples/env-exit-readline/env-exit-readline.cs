// Reproducer R11 (the shared reproducer list): Console.ReadLine (fed "hello" by the
// `stdin` file when there are arguments) and Environment.Exit's exit code.
using System;
class Program {
    static void Main(string[] args) {
        if (args.Length > 0) { string l = Console.ReadLine(); Console.WriteLine(l == null); }
        Console.WriteLine("before");
        Environment.Exit(7);   // exit code 7 (R11: Osprey used to raise MissingMethodException when Main was compiled)
        Console.WriteLine("not reached");
    }
}
