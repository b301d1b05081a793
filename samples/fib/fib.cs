// Fibonacci numbers: recursive int, iterative long, ulong past long.MaxValue
// and uint wrap-around.
using System;

class Program
{
    static int Fib(int n)
    {
        if (n < 2)
            return n;
        return Fib(n - 1) + Fib(n - 2);
    }

    static long FibLong(int n)
    {
        long a = 0, b = 1;
        for (int i = 0; i < n; i++)
        {
            long t = a + b;
            a = b;
            b = t;
        }
        return a;
    }

    static ulong FibULong(int n)
    {
        ulong a = 0, b = 1;
        int i = 0;
        while (i < n)
        {
            ulong t = a + b;
            a = b;
            b = t;
            i++;
        }
        return a;
    }

    // Wraps modulo 2^32 from F(48) on.
    static uint FibUInt(int n)
    {
        uint a = 0, b = 1;
        if (n == 0)
            return 0;
        do
        {
            uint t = a + b;
            a = b;
            b = t;
            n--;
        } while (n > 0);
        return a;
    }

    // Wraps like int arithmetic does (F(47) is the first past int.MaxValue).
    static int FibIntIter(int n)
    {
        int a = 0, b = 1;
        for (int i = 0; i < n; i++)
        {
            int t = a + b;
            a = b;
            b = t;
        }
        return a;
    }

    static void Main()
    {
        for (int n = 0; n <= 25; n++)
        {
            Console.Write("fib(");
            Console.Write(n);
            Console.Write(") = ");
            Console.WriteLine(Fib(n));
        }

        Console.WriteLine("iterative long:");
        for (int n = 40; n <= 92; n += 4)
        {
            Console.Write(n);
            Console.Write(" ");
            Console.WriteLine(FibLong(n));
        }
        Console.WriteLine(FibLong(92));
        Console.WriteLine(FibLong(93)); // wraps negative

        Console.WriteLine("iterative ulong:");
        Console.WriteLine(FibULong(92));
        Console.WriteLine(FibULong(93)); // 12200160415121876738 > long.MaxValue
        Console.WriteLine(FibULong(94)); // wraps

        Console.WriteLine("uint and int wrap:");
        for (int n = 44; n <= 52; n++)
        {
            Console.Write(FibUInt(n));
            Console.Write(" ");
            Console.WriteLine(FibIntIter(n));
        }

        bool agree = true;
        for (int n = 0; n <= 25; n++)
        {
            if (Fib(n) != (int)FibLong(n))
                agree = false;
        }
        Console.Write("recursive and iterative agree: ");
        Console.WriteLine(agree);
    }
}
