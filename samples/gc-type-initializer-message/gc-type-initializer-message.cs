// Reproducer R08 (issue 10): the TypeInitializationException the runtime
// builds when a static constructor throws. Its type-name string was kept
// bare while the exception object was allocated, so under GC stress at
// interval 1 the generational collector moved it (a heap-verification
// failure) and mark-sweep freed it (the message lost the type name).
// tests/gc.rs runs every sample at stress interval 1 with both collectors.
using System;
class BadInit {
    public static int Value = 1;
    static BadInit() { if (Value == 1) throw new InvalidOperationException("cctor failed"); }
}
class Program {
    static void Main() {
        try { Console.WriteLine(BadInit.Value); }
        catch (TypeInitializationException e) {
            Console.WriteLine(e.Message);
            Console.WriteLine(e.TypeName + " / " + e.InnerException.Message);
        }
        // The same cached exception again, then allocation that moves it.
        try { Console.WriteLine(BadInit.Value); }
        catch (TypeInitializationException e) { Console.WriteLine("again: " + e.TypeName); }
        object[] junk = new object[100];
        for (int i = 0; i < 10000; i++) junk[i % 100] = new string('x', i % 50);
        Console.WriteLine("done");
    }
}
