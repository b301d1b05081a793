// Calls Calc.ICalculator, exported by the calc child, through the generated
// proxy: each call is one request and one response over a channel, and the
// child's exceptions come back as RemoteExceptions.
using System;
using Calc;
using Osprey.Isolation;

class Program
{
    static int Main(string[] args)
    {
        Channel mine, theirs;
        Channel.CreatePair(out mine, out theirs);
        ChildProcess child = ChildProcess.Start(args[0], null, theirs);
        ICalculator calc = new ICalculatorProxy(mine);
        Console.WriteLine("Add(2, 40) = " + calc.Add(2, 40));
        Console.WriteLine("Multiply(1 << 20, 1 << 20) = " + calc.Multiply(1 << 20, 1 << 20));
        Console.WriteLine("Divide(1, 4) = " + calc.Divide(1, 4));
        Console.WriteLine("Greet(\"parent\") = " + calc.Greet("parent"));
        Console.WriteLine("Greet(null) = " + calc.Greet(null));
        byte[] r = calc.Reverse(new byte[] { 1, 2, 3, 4 });
        Console.WriteLine("Reverse(1 2 3 4) = " + r[0] + " " + r[1] + " " + r[2] + " " + r[3]);
        Console.WriteLine("Reverse(null) is null: " + (calc.Reverse(null) == null));
        Console.WriteLine("IsEven(7) = " + calc.IsEven(7));
        calc.Store("x", 5);
        calc.Store("y", 6);
        calc.Store("x", 7);
        Console.WriteLine("Load(x) + Load(y) = " + (calc.Load("x") + calc.Load("y")));
        Console.WriteLine("the calls ran in the child: " + (calc.ProcessId() == child.Id));
        try
        {
            calc.Fail("bad argument");
        }
        catch (RemoteException e)
        {
            Console.WriteLine("remote " + e.RemoteTypeName + ": " + e.Message);
        }
        try
        {
            calc.Fail("null");
        }
        catch (RemoteException e)
        {
            Console.WriteLine("remote " + e.RemoteTypeName);
        }
        try
        {
            calc.Load("z");
        }
        catch (RemoteException e)
        {
            Console.WriteLine("remote " + e.RemoteTypeName + ": " + e.Message);
        }
        int sum = 0;
        for (int i = 0; i < 1000; i++)
            sum = calc.Add(sum, i);
        Console.WriteLine("1000 calls: " + sum);
        mine.Dispose();
        Console.WriteLine("calls the child served: " + child.Join());
        try
        {
            calc.Add(1, 1);
        }
        catch (ObjectDisposedException)
        {
            Console.WriteLine("a call on a closed channel: ObjectDisposedException");
        }
        return 0;
    }
}
