// filetest: Branches::*
// Basic blocks and merge points: if/else, a conditional expression (a value
// on the stack where two paths meet), loops, switch, short-circuit logic.
using System;

static class Branches
{
    public static int Max(int a, int b) { return a > b ? a : b; }

    public static string Sign(int x)
    {
        if (x < 0) return "negative";
        else if (x == 0) return "zero";
        return "positive";
    }

    public static int Loop(int n)
    {
        int s = 0;
        for (int i = 0; i < n; i++)
        {
            if (i % 3 == 0) continue;
            s += i;
            if (s > 100) break;
        }
        while (s > 10) s -= 7;
        return s;
    }

    public static int Switch(int k)
    {
        switch (k)
        {
            case 0: return 10;
            case 1: return 11;
            case 2:
            case 3: return 12;
            default: return -1;
        }
    }

    public static bool Both(bool a, int b) { return a && b != 0 || !a && b == 0; }
}

class Program
{
    static void Main()
    {
        Console.WriteLine(Branches.Max(3, 9));
        Console.WriteLine(Branches.Sign(-2) + Branches.Sign(0));
        Console.WriteLine(Branches.Loop(40));
        Console.WriteLine(Branches.Switch(3) + Branches.Switch(7));
        Console.WriteLine(Branches.Both(true, 0));
    }
}
