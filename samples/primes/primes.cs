// Prime numbers by trial division (no arrays): lists, counts, twin primes,
// a prime-counting table, factorisations and a modular-exponent check.
using System;

class Program
{
    static bool IsPrime(int n)
    {
        if (n < 2)
            return false;
        if (n % 2 == 0)
            return n == 2;
        for (int d = 3; d * d <= n; d += 2)
        {
            if (n % d == 0)
                return false;
        }
        return true;
    }

    static void Factor(int n)
    {
        Console.Write(n);
        Console.Write(" =");
        int d = 2;
        bool first = true;
        while (n > 1)
        {
            if ((long)d * d > n)
                d = n;
            if (n % d == 0)
            {
                Console.Write(first ? " " : " * ");
                Console.Write(d);
                first = false;
                n /= d;
            }
            else
            {
                d = d == 2 ? 3 : d + 2;
            }
        }
        Console.WriteLine();
    }

    static ulong PowMod(ulong b, ulong e, ulong m)
    {
        ulong r = 1;
        b %= m;
        while (e > 0)
        {
            if ((e & 1) != 0)
                r = r * b % m;
            b = b * b % m;
            e >>= 1;
        }
        return r;
    }

    static void Main()
    {
        int perLine = 0;
        for (int n = 0; n < 200; n++)
        {
            if (IsPrime(n))
            {
                Console.Write(n);
                perLine++;
                if (perLine == 10)
                {
                    Console.WriteLine();
                    perLine = 0;
                }
                else
                {
                    Console.Write(' ');
                }
            }
        }
        Console.WriteLine();

        int count = 0;
        int limit = 10;
        for (int n = 2; n <= 100000; n++)
        {
            if (IsPrime(n))
                count++;
            if (n == limit)
            {
                Console.Write("pi(");
                Console.Write(limit);
                Console.Write(") = ");
                Console.WriteLine(count);
                limit *= 10;
            }
        }

        int twins = 0;
        int lastTwin = 0;
        for (int n = 3; n + 2 < 10000; n += 2)
        {
            if (IsPrime(n) && IsPrime(n + 2))
            {
                twins++;
                lastTwin = n;
            }
        }
        Console.Write("twin primes below 10000: ");
        Console.WriteLine(twins);
        Console.Write("largest pair starts at ");
        Console.WriteLine(lastTwin);

        Factor(360);
        Factor(9973);
        Factor(1001);
        Factor(65536);
        Factor(2147483646);
        Factor(2147483647);
        Factor(999999937);
        Factor(600851475);

        // Fermat test against 2^31-1 and a Carmichael number.
        Console.WriteLine(PowMod(2, 2147483646, 2147483647));
        Console.WriteLine(PowMod(3, 560, 561));
        Console.WriteLine(PowMod(2, 560, 561));
        Console.WriteLine(PowMod(12345678901, 4000000000, 4294967291));
    }
}
