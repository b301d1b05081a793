// Shifts: left, arithmetic right, logical right via unsigned casts, counts
// of 0, 31, 32, 33 and beyond (C# masks the count to 5 or 6 bits), and
// shifts of small types, which promote to int first.
using System;

class Program
{
    static int Shl(int x, int n) { return x << n; }
    static int Shr(int x, int n) { return x >> n; }
    static int Ushr(int x, int n) { return (int)((uint)x >> n); }
    static long LShl(long x, int n) { return x << n; }
    static long LShr(long x, int n) { return x >> n; }
    static long LUshr(long x, int n) { return (long)((ulong)x >> n); }

    static int Count(int i)
    {
        switch (i)
        {
            case 0: return 0;
            case 1: return 1;
            case 2: return 4;
            case 3: return 7;
            case 4: return 8;
            case 5: return 15;
            case 6: return 16;
            case 7: return 31;
            case 8: return 32;
            case 9: return 33;
            case 10: return 63;
            case 11: return 64;
            case 12: return 65;
            case 13: return -1;
            case 14: return 100;
            default: return 0;
        }
    }

    static uint Rotl(uint x, int n) { return (x << n) | (x >> (32 - n)); }
    static ulong Rotr64(ulong x, int n) { return (x >> n) | (x << (64 - n)); }

    static uint Reverse(uint x)
    {
        uint r = 0;
        for (int i = 0; i < 32; i++)
        {
            r = (r << 1) | (x & 1);
            x >>= 1;
        }
        return r;
    }

    static int Main()
    {
        int pos = 0x12345678;
        int neg = unchecked((int)0x87654321);
        int minusOne = -1;
        for (int i = 0; i < 15; i++)
        {
            int n = Count(i);
            Console.Write("count ");
            Console.WriteLine(n);
            Console.WriteLine(Shl(pos, n));
            Console.WriteLine(Shl(neg, n));
            Console.WriteLine(Shr(pos, n));
            Console.WriteLine(Shr(neg, n));
            Console.WriteLine(Shr(minusOne, n));
            Console.WriteLine(Ushr(neg, n));
            Console.WriteLine(Ushr(minusOne, n));
            Console.WriteLine(LShl(0x0123456789ABCDEF, n));
            Console.WriteLine(LShr(long.MinValue, n));
            Console.WriteLine(LShr(-1000000000000, n));
            Console.WriteLine(LUshr(long.MinValue, n));
            Console.WriteLine(LUshr(-1, n));
            Console.WriteLine((ulong)0xFEDCBA9876543210 >> n);
            Console.WriteLine((uint)0xF0000001 << n);
        }

        Console.WriteLine("constant counts:");
        Console.WriteLine(1 << 31);
        Console.WriteLine(1 << 32);
        Console.WriteLine(1 << 33);
        Console.WriteLine(1L << 63);
        Console.WriteLine(1L << 64);
        Console.WriteLine(-8 >> 1);
        Console.WriteLine(-1 >> 31);
        Console.WriteLine(int.MinValue >> 31);
        Console.WriteLine(unchecked((uint)int.MinValue) >> 31);
        Console.WriteLine(unchecked((int)0x80000000) >> 4);

        Console.WriteLine("small types:");
        byte b = 0xF0;
        sbyte sb = -16;
        short sh = -32768;
        ushort us = 0x8001;
        char ch = 'A';
        Console.WriteLine(b << 4);
        Console.WriteLine((byte)(b << 4));
        Console.WriteLine(b >> 4);
        Console.WriteLine(sb >> 2);
        Console.WriteLine(sb << 28);
        Console.WriteLine((sbyte)(sb << 3));
        Console.WriteLine((byte)sb >> 2);
        Console.WriteLine(sh >> 15);
        Console.WriteLine(sh << 1);
        Console.WriteLine((short)(sh << 1));
        Console.WriteLine(us >> 15);
        Console.WriteLine(us << 16);
        Console.WriteLine(ch << 1);
        Console.WriteLine((char)(ch + 1));

        Console.WriteLine("compound assignment:");
        int acc = 1;
        for (int i = 0; i < 34; i++)
        {
            acc <<= 1;
            if (i % 4 == 0)
                Console.WriteLine(acc);
        }
        long lacc = -1;
        int steps = 0;
        while (lacc != 0)
        {
            lacc = (long)((ulong)lacc >> 7);
            steps++;
        }
        Console.WriteLine(steps);
        b <<= 1;
        Console.WriteLine(b);
        sb >>= 1;
        Console.WriteLine(sb);

        Console.WriteLine("rotations and reversal:");
        Console.WriteLine(Rotl(0x80000001, 1));
        Console.WriteLine(Rotl(0x12345678, 8));
        Console.WriteLine(Rotl(0x12345678, 0));
        Console.WriteLine(Rotr64(0x0123456789ABCDEF, 4));
        Console.WriteLine(Rotr64(1, 1));
        Console.WriteLine(Reverse(1));
        Console.WriteLine(Reverse(0x12345678));
        Console.WriteLine(Reverse(Reverse(0xDEADBEEF)));
        return 0;
    }
}
