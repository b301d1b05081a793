// The error cases: a library that is not there, an entry point that is not
// there, an argument with no native form. Each is raised when the P/Invoke
// is first called (the program's other P/Invokes keep working), and again
// at later calls. Compared with mono by tests/native.rs (types only: the
// messages differ). With the argument "messages" it prints the messages
// instead, which tests/native.rs checks on Osprey.
using System;
using System.Runtime.InteropServices;

class NoLayout { public int X; }

static class Native
{
    [DllImport("osprey-no-such-library")] public static extern int missing_library(int x);
    [DllImport("ospreytest", EntryPoint = "ot_no_such_function")] public static extern int MissingEntry(int x);
    [DllImport("ospreytest")] public static extern int ot_add_i32(int a, int b);
    [DllImport("ospreytest", EntryPoint = "ot_add_i32")] public static extern int Unmarshalable(NoLayout o, int b);

}

static class Program
{
    static bool messages;

    static void Try(string what, int which)
    {
        for (int attempt = 0; attempt < 2; attempt++)
        {
            try
            {
                int r = which == 0 ? Native.missing_library(1)
                      : which == 1 ? Native.MissingEntry(1)
                      : Native.Unmarshalable(new NoLayout(), 1);
                Console.WriteLine("{0}: returned {1}", what, r);
            }
            catch (Exception e)
            {
                Console.WriteLine("{0} (attempt {1}): {2}", what, attempt, messages ? e.Message : e.GetType().FullName);
            }
        }
    }

    static int Main(string[] args)
    {
        messages = args.Length > 0 && args[0] == "messages";
        Try("missing library", 0);
        Try("missing entry point", 1);
        Try("unmarshalable argument", 2);
        Console.WriteLine("still working: {0}", Native.ot_add_i32(2, 2));
        return 0;
    }
}
