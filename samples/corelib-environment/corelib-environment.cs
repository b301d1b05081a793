// Environment: the command line, variables (one by one and as the
// non-generic IDictionary), the machine and OS, clocks, the current stack,
// ExitCode of a void Main, and Exit from deep inside a try/finally (no
// finally runs, as in .NET Core), which ends the process with its code.
using System;
using System.Collections;

class Program
{
    static void Main(string[] args)
    {
        string[] cl = Environment.GetCommandLineArgs();
        Console.WriteLine(cl.Length + " " + (cl.Length == args.Length + 1));
        for (int i = 0; i < args.Length; i++)
            Console.WriteLine("arg " + i + " [" + args[i] + "] = [" + cl[i + 1] + "]");
        Console.WriteLine(cl[0].EndsWith(".exe") + " " + Environment.CommandLine.EndsWith(" one \"two words\""));

        Console.WriteLine(Environment.GetEnvironmentVariable("LANG") + " " + (Environment.GetEnvironmentVariable("OSPREY_SURELY_NOT_SET_42") == null));
        IDictionary vars = Environment.GetEnvironmentVariables();
        Console.WriteLine(vars.GetType().FullName + " " + (vars.Count > 2) + " " + vars["LC_ALL"] + " " + vars.Contains("LANG") + " " + (vars["OSPREY_SURELY_NOT_SET_42"] == null));
        int seen = 0;
        foreach (DictionaryEntry e in vars)
        {
            if ((string)e.Key == "LANG" && (string)e.Value == Environment.GetEnvironmentVariable("LANG"))
                seen++;
        }
        Console.WriteLine("LANG seen " + seen);
        Console.WriteLine(Environment.ExpandEnvironmentVariables("%LANG% and %OSPREY_SURELY_NOT_SET_42%"));

        Console.WriteLine((Environment.NewLine == "\n") + " " + Environment.Is64BitProcess + " " + Environment.Is64BitOperatingSystem + " " + (Environment.ProcessorCount > 0));
        Console.WriteLine(Environment.MachineName + " " + (Environment.MachineName.IndexOf('.') < 0));
        OperatingSystem os = Environment.OSVersion;
        Console.WriteLine(os.Platform + " " + os + " " + (os.Version.Major > 2) + " " + os.VersionString);
        Console.WriteLine(Environment.CurrentManagedThreadId + " " + (Environment.CurrentManagedThreadId == System.Threading.Thread.CurrentThread.ManagedThreadId));

        int t1 = Environment.TickCount;
        long spin = 0;
        for (int i = 0; i < 1000000; i++)
            spin += i;
        int t2 = Environment.TickCount;
        Console.WriteLine((t2 >= t1) + " " + (t2 - t1 < 60000) + " " + spin);

        // The current stack: this program's frames (offsets and module ids
        // are the runtime's own, so only the method names are printed).
        Frames();

        Environment.ExitCode = 3;
        Console.WriteLine("ExitCode " + Environment.ExitCode);
        if (args.Length > 1)
            Deep(3);
        Console.WriteLine("not reached when there are two arguments");
    }

    static void Frames()
    {
        foreach (string line in Environment.StackTrace.Split('\n'))
        {
            string frame = line.Trim();
            if (frame.StartsWith("at Program."))
                Console.WriteLine(frame.Substring(0, frame.IndexOf(')') + 1));
        }
    }

    static void Deep(int n)
    {
        try
        {
            if (n == 0)
            {
                Console.WriteLine("exiting with 42");
                Environment.Exit(42);
            }
            Deep(n - 1);
        }
        finally
        {
            Console.WriteLine("finally " + n);
        }
    }
}
