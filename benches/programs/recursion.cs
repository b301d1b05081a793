// Recursion: naive Fibonacci and the Ackermann function (calls, small frames).
using System;

static class Program
{
    static int Fib(int n) { return n < 2 ? n : Fib(n - 1) + Fib(n - 2); }

    static int Ack(int m, int n)
    {
        if (m == 0) return n + 1;
        if (n == 0) return Ack(m - 1, 1);
        return Ack(m - 1, Ack(m, n - 1));
    }

    static int Main()
    {
        int f = Fib(32);
        int a = Ack(2, 2000) + Ack(3, 7);
        Console.WriteLine("fib(32) = " + f + ", ack = " + a);
        return f == 2178309 && a == 5024 ? 0 : 1;
    }
}
