// 64-bit arithmetic: long and ulong edge values, wrap-around, widening and
// narrowing conversions, unsigned comparisons and mixed int/long expressions.
using System;

class Program
{
    static void Show(string label, long v)
    {
        Console.Write(label);
        Console.Write(" = ");
        Console.WriteLine(v);
    }

    static void ShowU(string label, ulong v)
    {
        Console.Write(label);
        Console.Write(" = ");
        Console.WriteLine(v);
    }

    static void ShowB(string label, bool v)
    {
        Console.Write(label);
        Console.Write(" = ");
        Console.WriteLine(v);
    }

    static long Add(long a, long b) { return a + b; }
    static long Sub(long a, long b) { return a - b; }
    static long Mul(long a, long b) { return a * b; }
    static long Neg(long a) { return -a; }
    static ulong UMul(ulong a, ulong b) { return a * b; }
    static int I(int x) { return x; }

    static ulong Isqrt(ulong n)
    {
        ulong lo = 0, hi = 4294967296;
        while (lo + 1 < hi)
        {
            ulong mid = lo + (hi - lo) / 2;
            if (mid * mid <= n)
                lo = mid;
            else
                hi = mid;
        }
        return lo;
    }

    static void Main()
    {
        long max = long.MaxValue;
        long min = long.MinValue;
        Show("long.MaxValue", max);
        Show("long.MinValue", min);
        Show("max + 1", Add(max, 1));
        Show("min - 1", Sub(min, 1));
        Show("-min", Neg(min));
        Show("-max", Neg(max));
        Show("max * max", Mul(max, max));
        Show("min * min", Mul(min, min));
        Show("min * -1", Mul(min, -1));
        Show("4294967296 * 4294967296", Mul(4294967296, 4294967296));
        Show("3037000500 * 3037000500", Mul(3037000500, 3037000500));
        Show("123456789012 * 987654321", Mul(123456789012, 987654321));
        Show("-1234567890123 * 7", Mul(-1234567890123, 7));

        ulong umax = ulong.MaxValue;
        ulong above = (ulong)max + 1;
        ShowU("ulong.MaxValue", umax);
        ShowU("(ulong)long.MaxValue + 1", above);
        ShowU("above + above", above + above);
        ShowU("above + 12345", above + 12345);
        ShowU("umax - above", umax - above);
        ShowU("umax + 1", umax + 1);
        ulong uzero = 0;
        ShowU("0 - 1", uzero - 1);
        ShowU("umax * 3", UMul(umax, 3));
        ShowU("(ulong)-1L", (ulong)Neg(1));
        ShowU("(ulong)long.MinValue", (ulong)min);
        ShowU("10^19", UMul(10000000000, 1000000000));
        ShowU("umax / 10", umax / 10);
        ShowU("umax % 10", umax % 10);
        ShowU("above / 3", above / 3);
        ShowU("isqrt(umax)", Isqrt(umax));
        ShowU("isqrt(10^18)", Isqrt(1000000000000000000));
        ShowU("isqrt(above)", Isqrt(above));

        // Unsigned versus signed comparisons of the same bits.
        ShowB("(long)above < 0", (long)above < 0);
        ShowB("above > (ulong)max", above > (ulong)max);
        ShowB("umax > above", umax > above);
        ShowB("min < max", min < max);
        ShowB("(ulong)min > (ulong)max", (ulong)min > (ulong)max);
        ShowB("-1L < 0", Neg(1) < 0);
        ulong umax2 = umax;
        ShowB("umax >= umax", umax >= umax2);
        ShowB("above <= above + 1", above <= above + 1);

        // Widening: sign extension versus zero extension.
        int negInt = I(-5);
        uint bigUint = 4000000000;
        Show("(long)-5", negInt);
        Show("(long)4000000000u", bigUint);
        Show("(long)(uint)-5", (uint)negInt);
        ShowU("(ulong)-5 (sign-extended)", (ulong)(long)negInt);
        ShowU("(ulong)(uint)-5", (ulong)(uint)negInt);
        Show("int.MaxValue + 1L", I(int.MaxValue) + 1L);
        Show("int.MinValue - 1L", I(int.MinValue) - 1L);
        Show("int * int in long", (long)I(int.MaxValue) * I(int.MaxValue));
        Show("int * int wrapped", I(int.MaxValue) * I(int.MaxValue));

        // Narrowing truncates.
        long big = 0x123456789ABCDEF0;
        Console.WriteLine((int)big);
        Console.WriteLine((uint)big);
        Console.WriteLine((int)max);
        Console.WriteLine((int)min);
        Console.WriteLine((uint)Neg(1));
        Console.WriteLine((int)(big >> 32));
        Console.WriteLine((long)(ulong)big);

        // Bitwise.
        long x = 0x0F0F0F0F0F0F0F0F;
        long y = unchecked((long)0xFF00FF00FF00FF00);
        Show("x & y", x & y);
        Show("x | y", x | y);
        Show("x ^ y", x ^ y);
        Show("~x", ~x);
        Show("~0L", ~0L);
        ShowU("~0UL", ~0UL);

        // Loops over longs.
        long sum = 0;
        for (long i = 1; i <= 100000; i++)
            sum += i * i;
        Show("sum of squares to 100000", sum);

        long p = 1;
        for (int i = 0; i < 70; i++)
        {
            p *= 3;
            if (i % 5 == 4)
            {
                Console.Write("3^");
                Console.Write(i + 1);
                Console.Write(" = ");
                Console.WriteLine(p);
            }
        }

        ulong up = 1;
        int n = 0;
        do
        {
            up *= 7;
            n++;
        } while (up < 10000000000000000000);
        Console.Write("first power of 7 >= 10^19 (wrapped or not): 7^");
        Console.Write(n);
        Console.Write(" = ");
        Console.WriteLine(up);

        ulong lcg = 88172645463325252;
        for (int i = 0; i < 8; i++)
        {
            lcg = lcg * 6364136223846793005 + 1442695040888963407;
            Console.WriteLine(lcg);
        }
    }
}
