// Division and remainder: signed (truncating toward zero) and unsigned, on
// negative and edge values. Division by zero and int.MinValue / -1 throw, so
// they are not here.
using System;

class Program
{
    // Test values, chosen by index (no arrays in this slice).
    static int Val(int i)
    {
        switch (i)
        {
            case 0: return 7;
            case 1: return -7;
            case 2: return 1;
            case 3: return -1;
            case 4: return 2;
            case 5: return -2;
            case 6: return 3;
            case 7: return 100;
            case 8: return -100;
            case 9: return int.MaxValue;
            case 10: return int.MinValue;
            case 11: return int.MaxValue - 1;
            case 12: return int.MinValue + 1;
            case 13: return 65536;
            default: return 0;
        }
    }

    const int Count = 14;

    static long LVal(int i)
    {
        switch (i)
        {
            case 0: return 7;
            case 1: return -7;
            case 2: return 3;
            case 3: return -3;
            case 4: return 1000000007;
            case 5: return -1000000007;
            case 6: return long.MaxValue;
            case 7: return long.MinValue;
            case 8: return long.MinValue + 1;
            case 9: return 4294967296;
            case 10: return -4294967296;
            case 11: return -1;
            default: return 0;
        }
    }

    const int LCount = 12;

    static int Div(int a, int b) { return a / b; }
    static int Rem(int a, int b) { return a % b; }
    static uint UDiv(uint a, uint b) { return a / b; }
    static uint URem(uint a, uint b) { return a % b; }

    static void Main()
    {
        Console.WriteLine("int / and %:");
        for (int i = 0; i < Count; i++)
        {
            for (int j = 0; j < Count; j++)
            {
                int a = Val(i);
                int b = Val(j);
                if (b == 0)
                    continue;
                if (b == -1 && a == int.MinValue)
                    continue;
                if (a == int.MinValue && b == -1)
                    Console.WriteLine("unreachable");
                Console.Write(a);
                Console.Write(" / ");
                Console.Write(b);
                Console.Write(" = ");
                Console.Write(Div(a, b));
                Console.Write(", % = ");
                Console.WriteLine(Rem(a, b));
            }
        }

        Console.WriteLine("uint / and % of the same bits:");
        for (int i = 0; i < Count; i++)
        {
            for (int j = 0; j < Count; j += 2)
            {
                uint a = (uint)Val(i);
                uint b = (uint)Val(j);
                if (b == 0)
                    continue;
                Console.Write(a);
                Console.Write(" / ");
                Console.Write(b);
                Console.Write(" = ");
                Console.Write(UDiv(a, b));
                Console.Write(", % = ");
                Console.WriteLine(URem(a, b));
            }
        }

        Console.WriteLine("long / and %:");
        for (int i = 0; i < LCount; i++)
        {
            for (int j = 0; j < LCount; j++)
            {
                long a = LVal(i);
                long b = LVal(j);
                if (b == 0 || (b == -1 && a == long.MinValue))
                    continue;
                Console.Write(a);
                Console.Write(" / ");
                Console.Write(b);
                Console.Write(" = ");
                Console.Write(a / b);
                Console.Write(", % = ");
                Console.WriteLine(a % b);
            }
        }

        Console.WriteLine("ulong / and % of the same bits:");
        for (int i = 0; i < LCount; i++)
        {
            for (int j = 0; j < LCount; j += 3)
            {
                ulong a = (ulong)LVal(i);
                ulong b = (ulong)LVal(j);
                if (b == 0)
                    continue;
                Console.Write(a);
                Console.Write(" / ");
                Console.Write(b);
                Console.Write(" = ");
                Console.Write(a / b);
                Console.Write(", % = ");
                Console.WriteLine(a % b);
            }
        }

        Console.WriteLine("small types promote to int:");
        short s = -7;
        sbyte sb = -128;
        byte by = 255;
        ushort us = 65535;
        Console.WriteLine(s / 2);
        Console.WriteLine(s % 2);
        Console.WriteLine(sb / 3);
        Console.WriteLine(sb % 3);
        Console.WriteLine(sb / -1);
        Console.WriteLine(by / 7);
        Console.WriteLine(by % 7);
        Console.WriteLine(us / 255);
        Console.WriteLine(us % 256);
        Console.WriteLine((sbyte)(sb / -1));

        Console.WriteLine("digits by repeated division:");
        uint v = 4294967295;
        while (v != 0)
        {
            Console.Write(v % 10);
            v /= 10;
        }
        Console.WriteLine();
        long lv = long.MinValue;
        while (lv != 0)
        {
            Console.Write(-(lv % 10));
            lv /= 10;
        }
        Console.WriteLine();
        ulong uv = ulong.MaxValue;
        int digits = 0;
        do
        {
            uv /= 10;
            digits++;
        } while (uv != 0);
        Console.Write("ulong.MaxValue has ");
        Console.Write(digits);
        Console.WriteLine(" digits");

        Console.WriteLine("division by constants:");
        for (int i = -9; i <= 9; i += 3)
        {
            Console.Write(i / 4);
            Console.Write(' ');
            Console.Write(i % 4);
            Console.Write(' ');
            Console.Write(i / -4);
            Console.Write(' ');
            Console.Write(i % -4);
            Console.Write(' ');
            Console.Write((uint)i / 4);
            Console.Write(' ');
            Console.WriteLine((uint)i % 4);
        }
    }
}
