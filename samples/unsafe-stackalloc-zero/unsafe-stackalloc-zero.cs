// Reproducer R15 (issue 10): stackalloc of zero bytes yields a null pointer
// on the CLR (localloc of 0 returns null), so writing through it raises
// NullReferenceException, as on CoreCLR and mono.
using System;
class Program {
    static unsafe int Write(int n) { byte* p = stackalloc byte[n]; *p = 1; return n; }
    static unsafe bool IsNull(int n) { byte* p = stackalloc byte[n]; return p == null; }
    static unsafe int Sum(int n) {
        int* p = stackalloc int[n];
        int s = 0;
        for (int i = 0; i < n; i++) { p[i] = i; s += p[i]; }
        return s;
    }
    static int Main() {
        Console.WriteLine(Write(4));
        try { Write(0); Console.WriteLine("no exception"); }
        catch (NullReferenceException) { Console.WriteLine("NullReferenceException"); }
        Console.WriteLine(IsNull(0) + " " + IsNull(1) + " " + IsNull(17));
        Console.WriteLine(Sum(0) + " " + Sum(1) + " " + Sum(100));
        return 0;
    }
}
