// An exception that leaves a finalizer ends the process (exit code 255, as
// on mono), even while Main is still running managed code: Main's loop
// never ends on its own.
using System;

class Bomb
{
    ~Bomb()
    {
        throw new InvalidOperationException("thrown by a finalizer");
    }
}

class Program
{
    static int spins;

    static void Arm()
    {
        new Bomb();
    }

    static int Main()
    {
        Console.WriteLine("arming");
        Arm();
        GC.Collect();
        while (true)
        {
            spins++;
            if (spins % 1000000 == 0)
                GC.Collect();
        }
    }
}
