// 32-bit integer arithmetic: loops, overflow wrap-around, negation, bitwise
// operators, unsigned arithmetic and comparisons.
using System;

class Program
{
    static void Show(string label, int v)
    {
        Console.Write(label);
        Console.Write(" = ");
        Console.WriteLine(v);
    }

    static void ShowU(string label, uint v)
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

    static int Add(int a, int b) { return a + b; }
    static int Sub(int a, int b) { return a - b; }
    static int Mul(int a, int b) { return a * b; }
    static int Neg(int a) { return -a; }

    static int Gcd(int a, int b)
    {
        while (b != 0)
        {
            int t = a % b;
            a = b;
            b = t;
        }
        return a;
    }

    static int PopCount(uint v)
    {
        int n = 0;
        while (v != 0)
        {
            n += (int)(v & 1);
            v >>= 1;
        }
        return n;
    }

    static uint Hash(uint h, int steps)
    {
        // FNV-1a style mixing: relies on uint multiply wrap-around.
        for (int i = 0; i < steps; i++)
        {
            h ^= (uint)i;
            h *= 16777619;
        }
        return h;
    }

    static void Main()
    {
        int max = int.MaxValue;
        int min = int.MinValue;

        Show("max", max);
        Show("min", min);
        Show("max + 1", Add(max, 1));
        Show("min - 1", Sub(min, 1));
        Show("max + max", Add(max, max));
        Show("min + min", Add(min, min));
        Show("-min", Neg(min));
        Show("-max", Neg(max));
        Show("-0", Neg(0));
        Show("max * 2", Mul(max, 2));
        Show("min * -1", Mul(min, -1));
        Show("65536 * 65536", Mul(65536, 65536));
        Show("46341 * 46341", Mul(46341, 46341));
        Show("123456789 * 987654321", Mul(123456789, 987654321));
        Show("-7 * 6", Mul(-7, 6));

        // Sums and products in loops.
        int sum = 0;
        for (int i = 1; i <= 1000; i++)
            sum += i;
        Show("sum 1..1000", sum);

        int sumSq = 0;
        int k = 0;
        while (k < 100)
        {
            k++;
            sumSq += k * k;
        }
        Show("sum of squares 1..100", sumSq);

        int fact = 1;
        for (int i = 1; i <= 20; i++)
        {
            fact *= i;
            Console.Write(i);
            Console.Write("! mod 2^32 as int = ");
            Console.WriteLine(fact);
        }

        int alt = 0;
        int s = 1;
        do
        {
            alt += s * s * (s % 2 == 0 ? -1 : 1);
            s++;
        } while (s <= 50);
        Show("alternating squares", alt);

        // Counting down past zero and wrapping.
        int c = 3;
        for (int i = 0; i < 6; i++)
        {
            Console.Write(c);
            Console.Write(" ");
            c--;
        }
        Console.WriteLine();
        int w = max - 2;
        for (int i = 0; i < 5; i++)
        {
            Console.WriteLine(w);
            w++;
        }

        // Bitwise operators.
        int a = 0x0F0F1234;
        int b = unchecked((int)0xF0F0ABCD);
        Show("a & b", a & b);
        Show("a | b", a | b);
        Show("a ^ b", a ^ b);
        Show("~a", ~a);
        Show("~b", ~b);
        Show("~0", ~0);
        Show("~min", ~min);
        Show("a & -a", a & -a);
        Show("b & (b - 1)", b & (b - 1));
        ShowB("(a & 4) != 0", (a & 4) != 0);
        ShowB("(a & 8) != 0", (a & 8) != 0);

        // Unsigned 32-bit arithmetic.
        uint u0 = 0;
        uint umax = uint.MaxValue;
        ShowU("0u - 1", u0 - 1);
        ShowU("umax + 1", umax + 1);
        ShowU("umax * umax", umax * umax);
        ShowU("umax / 2", umax / 2);
        ShowU("3000000000 + 3000000000", 3000000000u + (uint)Add(0, -1294967296));
        ShowU("(uint)-1", (uint)Neg(1));
        ShowU("(uint)min", (uint)min);
        ShowU("hash", Hash(2166136261, 1000));
        Show("popcount(umax)", PopCount(umax));
        Show("popcount(0x12345678)", PopCount(0x12345678));
        Show("popcount((uint)min)", PopCount((uint)min));

        // Signed versus unsigned comparison of the same bits.
        int neg = -1;
        uint big = (uint)neg;
        ShowB("-1 < 1", neg < 1);
        ShowB("(uint)-1 < 1", big < 1u);
        ShowB("(uint)-1 > 1", big > 1u);
        ShowB("min < max", min < max);
        ShowB("(uint)min < (uint)max", (uint)min < (uint)max);
        int min2 = min;
        ShowB("min <= min", min <= min2);
        ShowB("max >= min", max >= min);
        ShowB("-5 == -5", Neg(5) == -5);
        ShowB("-5 != 5", Neg(5) != 5);

        // Euclid and a few mixed expressions.
        Show("gcd(1071, 462)", Gcd(1071, 462));
        Show("gcd(832040, 514229)", Gcd(832040, 514229));
        Show("gcd(-48, 18)", Gcd(-48, 18));
        Show("precedence", 2 + Mul(3, 4) - Sub(10, 3) * 2);
        Show("(x * 7 + 3) & 0xFF", (Mul(max, 7) + 3) & 0xFF);

        int count = 0;
        for (int i = -20; i <= 20; i++)
        {
            if (i % 3 == 0 && i % 2 != 0)
                count++;
            else if (i > 15 || i < -15)
                count += 10;
        }
        Show("count", count);

        bool t = true;
        bool f = !t;
        ShowB("true", t);
        ShowB("!true", f);
        ShowB("t & f", t & f);
        ShowB("t | f", t | f);
        ShowB("t ^ f", t ^ f);
        ShowB("t ^ t", t ^ t);
    }
}
