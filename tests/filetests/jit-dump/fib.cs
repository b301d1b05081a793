// filetest: Program::Fib
// The machine code of one recursive method: prologue (stack check), the
// compare-and-branch, two calls, the epilogue.
using System;

class Program
{
    static int Fib(int n) { return n < 2 ? n : Fib(n - 1) + Fib(n - 2); }

    static void Main() { Console.WriteLine(Fib(15)); }
}
