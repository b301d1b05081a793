// The small integer types: byte, sbyte, short, ushort and char. Truncating
// casts, sign and zero extension, wrap-around in compound assignment and
// loops whose counter is a small type.
using System;

class Program
{
    static int I(int x) { return x; }

    static sbyte ToSByte(int x) { return (sbyte)x; }
    static byte ToByte(int x) { return (byte)x; }
    static short ToShort(int x) { return (short)x; }
    static ushort ToUShort(int x) { return (ushort)x; }
    static char ToChar(int x) { return (char)x; }

    static int Sum(byte a, sbyte b, short c, ushort d)
    {
        return a + b + c + d;
    }

    static void Main()
    {
        Console.WriteLine("truncating casts:");
        for (int k = 0; k < 12; k++)
        {
            int v;
            switch (k)
            {
                case 0: v = 0; break;
                case 1: v = 127; break;
                case 2: v = 128; break;
                case 3: v = 255; break;
                case 4: v = 256; break;
                case 5: v = -1; break;
                case 6: v = -128; break;
                case 7: v = -129; break;
                case 8: v = 32767; break;
                case 9: v = 32768; break;
                case 10: v = 65535 + 66; break;
                default: v = int.MinValue + 200; break;
            }
            Console.Write(v);
            Console.Write(": sbyte ");
            Console.Write((int)ToSByte(v));
            Console.Write(" byte ");
            Console.Write((int)ToByte(v));
            Console.Write(" short ");
            Console.Write((int)ToShort(v));
            Console.Write(" ushort ");
            Console.Write((int)ToUShort(v));
            Console.Write(" char code ");
            Console.WriteLine((int)ToChar(v));
        }

        Console.WriteLine("from long:");
        long big = -4294967041; // 0xFFFFFFFF000000FF
        Console.WriteLine((int)(sbyte)big);
        Console.WriteLine((int)(byte)big);
        Console.WriteLine((int)(short)big);
        Console.WriteLine((int)(ushort)big);
        Console.WriteLine((uint)(ushort)(big >> 4));

        Console.WriteLine("compound assignment wraps:");
        byte b = 200;
        b += 100;
        Console.WriteLine((int)b);
        b -= 250;
        Console.WriteLine((int)b);
        b *= 3;
        Console.WriteLine((int)b);
        sbyte sb = 120;
        sb += 10;
        Console.WriteLine((int)sb);
        sb--;
        Console.WriteLine((int)sb);
        sb = -128;
        sb--;
        Console.WriteLine((int)sb);
        short s = 32767;
        s++;
        Console.WriteLine((int)s);
        s *= 2;
        Console.WriteLine((int)s);
        ushort us = 0;
        us--;
        Console.WriteLine((int)us);
        us += 2;
        Console.WriteLine((int)us);
        char c = (char)65535;
        c++;
        Console.WriteLine((int)c);

        Console.WriteLine("extension:");
        sbyte m1 = -1;
        byte ff = 255;
        short sm = -2;
        ushort um = 65534;
        Console.WriteLine((int)m1);
        Console.WriteLine((uint)(byte)m1);
        Console.WriteLine((long)m1);
        Console.WriteLine((ulong)(ushort)sm);
        Console.WriteLine((int)ff);
        Console.WriteLine((int)sm);
        Console.WriteLine((int)um);
        Console.WriteLine((long)um * um);
        Console.WriteLine(Sum(ff, m1, sm, um));
        Console.WriteLine(Sum(ToByte(I(-1)), ToSByte(I(255)), ToShort(I(65535)), ToUShort(I(-1))));

        Console.WriteLine("comparisons:");
        Console.WriteLine(m1 < ff);
        Console.WriteLine((byte)m1 == ff);
        Console.WriteLine(sm < um);
        Console.WriteLine((ushort)sm == um);
        Console.WriteLine('a' < 'b');
        Console.WriteLine((char)97 == 'a');

        Console.WriteLine("loops with small counters:");
        int iterations = 0;
        byte counter = 250;
        do
        {
            counter++;
            iterations++;
        } while (counter != 4);
        Console.WriteLine(iterations);
        for (sbyte i = -3; i < 3; i++)
        {
            Console.Write((int)i);
            Console.Write(' ');
        }
        Console.WriteLine();
        int sum = 0;
        for (ushort u = 65530; u != 5; u++)
            sum += u;
        Console.WriteLine(sum);

        Console.WriteLine("chars:");
        for (char ch = 'a'; ch <= 'z'; ch++)
            Console.Write(ch);
        Console.WriteLine();
        for (char ch = 'Z'; ch >= 'A'; ch -= (char)5)
            Console.Write(ch);
        Console.WriteLine();
        char up = 'q';
        Console.WriteLine((char)(up - 'a' + 'A'));
        Console.WriteLine(up - 'a');
        Console.WriteLine('0' + 7);
        Console.WriteLine((char)('0' + 7));
        Console.WriteLine(char.MaxValue == (char)65535);
        Console.WriteLine((int)char.MinValue);
        Console.WriteLine((int)byte.MaxValue + (int)sbyte.MinValue + (int)short.MinValue + (int)ushort.MaxValue);
    }
}
