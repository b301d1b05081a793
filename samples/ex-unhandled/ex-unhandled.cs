// An exception nobody catches: the program prints a few lines (and passes
// through a catch that does not match), then dies. No finally blocks lie on
// the unhandled exception's path: whether they run is up to the runtime
// (mono runs them). mono exits with code 1; only stdout and the exit code
// are compared (the stack trace goes to stderr).
using System;

class Program
{
    static int depth;

    static void Level(int n)
    {
        depth++;
        if (n == 0)
        {
            Console.WriteLine("throwing at depth " + depth);
            throw new InvalidOperationException("boom");
        }
        Level(n - 1);
        Console.WriteLine("never printed " + n);
    }

    static void Guarded()
    {
        try
        {
            Level(3);
        }
        catch (ArgumentException)
        {
            Console.WriteLine("wrong handler, never printed");
        }
    }

    static int Main()
    {
        Console.WriteLine("start");
        int total = 0;
        for (int i = 1; i <= 10; i++) total += i;
        Console.WriteLine("total " + total);
        try
        {
            throw new InvalidOperationException("caught one");
        }
        catch (InvalidOperationException e)
        {
            Console.WriteLine("handled: " + e.Message);
        }
        Console.WriteLine("about to fail");
        Guarded();
        Console.WriteLine("not reached");
        return 7;
    }
}
