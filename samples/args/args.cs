// Prints the command-line arguments, which the harness takes from the
// `args` file beside this one (one argument per line).
using System;

class Program
{
    static int Main(string[] args)
    {
        Console.Write("args.Length = ");
        Console.WriteLine(args.Length);
        for (int i = 0; i < args.Length; i++)
        {
            Console.Write("args[");
            Console.Write(i);
            Console.Write("] = [");
            Console.Write(args[i]);
            Console.WriteLine("]");
        }
        // Backwards too, with a while loop.
        int j = args.Length;
        while (j > 0)
        {
            j--;
            Console.WriteLine("<" + args[j] + ">");
        }
        Console.WriteLine();
        return args.Length;
    }
}
