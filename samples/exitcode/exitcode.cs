// Main's return value is the process exit code.
using System;

class Program
{
    static int Answer()
    {
        int x = 0;
        for (int i = 1; i <= 6; i++)
            x += i;        // 21
        return x * 2;      // 42
    }

    static int Main()
    {
        Console.WriteLine("about to exit");
        Console.Write("with code ");
        int code = Answer();
        Console.WriteLine(code);
        return code;
    }
}
