// An exception nobody catches on a thread ends the process (exit code 1,
// as on mono), even while Main waits for that thread or sleeps.
using System;
using System.Threading;

class Program
{
    static void Fail()
    {
        try
        {
            throw new InvalidOperationException("caught first");
        }
        catch (InvalidOperationException e)
        {
            Console.WriteLine("on the thread: " + e.Message);
        }
        finally
        {
            Console.WriteLine("finally on the thread");
        }
        throw new ApplicationException("nobody catches this");
    }

    static int Main()
    {
        Console.WriteLine("before");
        Thread t = new Thread(Fail);
        t.Start();
        t.Join();
        Thread.Sleep(2000);
        Console.WriteLine("not printed: the process has ended");
        return 0;
    }
}
