// The child of untrusted.cs. Compiled with -unsafe like every program
// here, so its module is [UnverifiableCode]: a trusted process may run its
// stackalloc, an untrusted one only verifiable code. It reports over its
// startup channel; the first argument picks what it does when Sum cannot
// run:
//   catch     catches the VerificationException and reports its message
//             (exit code 3)
//   uncaught  lets the exception end the process (exit code 1)
using System;
using System.Security;
using Osprey.Isolation;

class Program
{
    static bool sumRan;

    static unsafe int Sum(int n)
    {
        sumRan = true;
        int* p = stackalloc int[n];
        int s = 0;
        for (int i = 0; i < n; i++)
        {
            p[i] = i;
            s += p[i];
        }
        return s;
    }

    static int Main(string[] args)
    {
        Channel ch = Channel.StartupChannels[0];
        ch.Send("started");
        if (args[0] == "uncaught")
        {
            ch.Send("sum " + Sum(4));
            return 0;
        }
        try
        {
            ch.Send("sum " + Sum(4));
            return 0;
        }
        catch (VerificationException e)
        {
            // Raised before Sum ran any of its code.
            ch.Send(e.GetType().FullName + " (Sum ran: " + sumRan + "): " + e.Message);
            return 3;
        }
    }
}
