// Collatz sequences: step counts, peaks and the longest chain below a bound.
using System;

class Program
{
    static int Steps(long n)
    {
        int steps = 0;
        while (n != 1)
        {
            if ((n & 1) == 0)
                n = n >> 1;
            else
                n = 3 * n + 1;
            steps++;
        }
        return steps;
    }

    static long Peak(long n)
    {
        long peak = n;
        while (n != 1)
        {
            n = (n % 2 == 0) ? n / 2 : 3 * n + 1;
            if (n > peak)
                peak = n;
        }
        return peak;
    }

    static void PrintSequence(int n)
    {
        Console.Write(n);
        while (n != 1)
        {
            n = n % 2 == 0 ? n / 2 : 3 * n + 1;
            Console.Write(" -> ");
            Console.Write(n);
        }
        Console.WriteLine();
    }

    static void Main()
    {
        for (int i = 1; i <= 30; i++)
        {
            Console.Write(i);
            Console.Write(": ");
            Console.Write(Steps(i));
            Console.Write(" steps, peak ");
            Console.WriteLine(Peak(i));
        }

        PrintSequence(27);
        PrintSequence(97);

        int best = 1;
        int bestSteps = 0;
        long totalSteps = 0;
        for (int i = 1; i < 300000; i++)
        {
            int s = Steps(i);
            totalSteps += s;
            if (s > bestSteps)
            {
                bestSteps = s;
                best = i;
                Console.Write("new record ");
                Console.Write(i);
                Console.Write(" with ");
                Console.WriteLine(s);
            }
        }
        Console.Write("longest below 300000: ");
        Console.Write(best);
        Console.Write(" (");
        Console.Write(bestSteps);
        Console.WriteLine(" steps)");
        Console.Write("total steps: ");
        Console.WriteLine(totalSteps);
        Console.Write("peak of 77671: ");
        Console.WriteLine(Peak(77671));
        Console.Write("peak of 230631: ");
        Console.WriteLine(Peak(230631));
    }
}
