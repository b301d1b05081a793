// Reproducer R09 (issue 10): a QCall's string result (StringHandleOnStack)
// under the moving collector. JIT-compiled code polls for a collection
// after the QCall returns, while the QCall's frame is still linked, so the
// stack walk reported the caller's slots twice and the minor collection
// rewrote the result's slot past its copy. tests/gc.rs runs it at stress
// interval 1 with both collectors.
using System;
class Program {
    static void Main() {
        for (int i = 0; i < 3; i++) {
            string v = Environment.GetEnvironmentVariable("HOME");
            Console.WriteLine("HOME=[" + v + "]");
            Console.WriteLine("unset is null: " + (Environment.GetEnvironmentVariable("OSPREY_SURELY_UNSET_VARIABLE") == null));
        }
        string[] kept = new string[8];
        for (int i = 0; i < 8; i++) kept[i] = Environment.GetEnvironmentVariable("HOME") + i;
        Console.WriteLine(string.Join(",", kept).Length > 8);
    }
}
