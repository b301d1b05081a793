// Reproducer R11 (the shared reproducer list): Console.ReadLine (fed "hello" by the
// `stdin` file when there are arguments) and Environment.Exit's exit code.
using System;
class Program {
    static void Main(string[] args) {
        if (args.Length > 0) { string l = Console.ReadLine(); Console.WriteLine(l == null); }
        Console.WriteLine("before");
        Environment.Exit(7);   // Osprey: MissingMethodException when Main is compiled; mono: exit 7
        Console.WriteLine("not reached");
    }
}
