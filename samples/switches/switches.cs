// switch on integers: dense ranges (compiled to the IL `switch` opcode),
// ranges that start far from zero, sparse values (compare chains), long and
// char selectors, goto case, shared bodies and nested switches.
using System;

class Program
{
    static string Dense(int x)
    {
        switch (x)
        {
            case 0: return "zero";
            case 1: return "one";
            case 2: return "two";
            case 3: return "three";
            case 4: return "four";
            case 5: return "five";
            case 6: return "six";
            case 7: return "seven";
            case 8: return "eight";
            case 9: return "nine";
            default: return "other";
        }
    }

    // Dense with holes and an offset base: mcs subtracts 100 and uses `switch`.
    static int Offset(int x)
    {
        switch (x)
        {
            case 100: return 1;
            case 101: return 2;
            case 102: return 3;
            case 104: return 5;
            case 105: return 6;
            case 107: return 8;
            default: return -1;
        }
    }

    // Negative dense range.
    static int Negative(int x)
    {
        switch (x)
        {
            case -3: return 30;
            case -2: return 20;
            case -1: return 10;
            case 0: return 0;
            case 1: return -10;
            default: return 99;
        }
    }

    static int Sparse(int x)
    {
        switch (x)
        {
            case 1: return 10;
            case 100: return 20;
            case 1000: return 30;
            case 10000: return 40;
            case -5: return 50;
            case int.MaxValue: return 60;
            case int.MinValue: return 70;
            case 123456: return 80;
            default: return 0;
        }
    }

    // Mixed: a dense cluster plus far outliers.
    static int Mixed(int x)
    {
        int r = 0;
        switch (x)
        {
            case 10:
            case 11:
            case 12:
                r = 1;
                break;
            case 13:
                r = 2;
                goto case 15;
            case 14:
                r = 3;
                break;
            case 15:
                r += 100;
                break;
            case 5000:
                r = 4;
                goto default;
            case -7000:
                r = 5;
                break;
            default:
                r += 1000;
                break;
        }
        return r;
    }

    static long LongSwitch(long x)
    {
        switch (x)
        {
            case 0: return 1;
            case 1: return 2;
            case 2: return 3;
            case 3: return 4;
            case 4294967296: return 5;
            case -1: return 6;
            case long.MinValue: return 7;
            default: return 0;
        }
    }

    static uint UIntSwitch(uint x)
    {
        switch (x)
        {
            case 0: return 1;
            case 1: return 2;
            case 2: return 3;
            case 3: return 4;
            case 4: return 5;
            case 4294967295: return 6;
            case 2147483648: return 7;
            default: return 0;
        }
    }

    static int CharClass(char c)
    {
        switch (c)
        {
            case 'a':
            case 'e':
            case 'i':
            case 'o':
            case 'u':
                return 1;
            case ' ':
                return 2;
            case '0': case '1': case '2': case '3': case '4':
            case '5': case '6': case '7': case '8': case '9':
                return 3;
            default:
                return 0;
        }
    }

    static int Nested(int a, int b)
    {
        switch (a)
        {
            case 0:
                switch (b)
                {
                    case 0: return 0;
                    case 1: return 1;
                    case 2: return 2;
                    default: return 3;
                }
            case 1:
                switch (b)
                {
                    case 0: return 10;
                    case 50: return 11;
                    default: return 12;
                }
            default:
                return 100 + b;
        }
    }

    static int StateMachine(int steps)
    {
        int state = 0;
        int visits = 0;
        for (int i = 0; i < steps; i++)
        {
            switch (state)
            {
                case 0: state = 3; break;
                case 1: state = 4; visits++; break;
                case 2: state = 0; break;
                case 3: state = 1; break;
                case 4: state = (i % 3 == 0) ? 2 : 5; break;
                case 5: state = 2; visits += 10; break;
            }
        }
        return visits * 10 + state;
    }

    static void Main()
    {
        for (int i = -2; i <= 11; i++)
        {
            Console.Write(i);
            Console.Write(" ");
            Console.WriteLine(Dense(i));
        }

        for (int i = 98; i <= 109; i++)
        {
            Console.Write(Offset(i));
            Console.Write(" ");
        }
        Console.WriteLine();

        for (int i = -5; i <= 3; i++)
        {
            Console.Write(Negative(i));
            Console.Write(" ");
        }
        Console.WriteLine();

        Console.WriteLine(Sparse(1));
        Console.WriteLine(Sparse(100));
        Console.WriteLine(Sparse(1000));
        Console.WriteLine(Sparse(10000));
        Console.WriteLine(Sparse(-5));
        Console.WriteLine(Sparse(int.MaxValue));
        Console.WriteLine(Sparse(int.MinValue));
        Console.WriteLine(Sparse(123456));
        Console.WriteLine(Sparse(2));
        Console.WriteLine(Sparse(-1));

        int total = 0;
        for (int i = -10000; i <= 10000; i++)
            total += Sparse(i);
        Console.Write("sparse total ");
        Console.WriteLine(total);

        for (int i = 9; i <= 16; i++)
        {
            Console.Write(Mixed(i));
            Console.Write(" ");
        }
        Console.WriteLine();
        Console.WriteLine(Mixed(5000));
        Console.WriteLine(Mixed(-7000));
        Console.WriteLine(Mixed(0));

        Console.WriteLine(LongSwitch(0));
        Console.WriteLine(LongSwitch(3));
        Console.WriteLine(LongSwitch(4294967296));
        Console.WriteLine(LongSwitch(4294967297));
        Console.WriteLine(LongSwitch(-1));
        Console.WriteLine(LongSwitch(long.MinValue));
        Console.WriteLine(LongSwitch(long.MaxValue));

        Console.WriteLine(UIntSwitch(0));
        Console.WriteLine(UIntSwitch(4));
        Console.WriteLine(UIntSwitch(5));
        Console.WriteLine(UIntSwitch(4294967295));
        Console.WriteLine(UIntSwitch(2147483648));

        int vowels = 0, spaces = 0, digitCount = 0, others = 0;
        char c = ' ';
        while (c <= 'z')
        {
            switch (CharClass(c))
            {
                case 1: vowels++; break;
                case 2: spaces++; break;
                case 3: digitCount++; break;
                default: others++; break;
            }
            c++;
        }
        Console.Write("vowels ");
        Console.WriteLine(vowels);
        Console.Write("spaces ");
        Console.WriteLine(spaces);
        Console.Write("digits ");
        Console.WriteLine(digitCount);
        Console.Write("others ");
        Console.WriteLine(others);

        for (int a = 0; a <= 2; a++)
        {
            for (int b = 0; b <= 3; b++)
            {
                Console.Write(Nested(a, b));
                Console.Write(" ");
            }
            Console.WriteLine(Nested(a, 50));
        }

        for (int s = 0; s <= 20; s += 5)
            Console.WriteLine(StateMachine(s));
        Console.WriteLine(StateMachine(100000));
    }
}
