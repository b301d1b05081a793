// Exports Calc.ICalculator on its startup channel: serves every call until
// its parent closes the channel, then exits with the number of calls.
using System;
using Osprey.Isolation;

namespace Calc
{
    class Calculator : ICalculator
    {
        string[] keys = new string[16];
        int[] values = new int[16];
        int count;

        public int Add(int a, int b) { return a + b; }
        public long Multiply(long a, long b) { return a * b; }
        public double Divide(double a, double b) { return a / b; }
        public string Greet(string name) { return name == null ? "hello, nobody" : "hello, " + name; }

        public byte[] Reverse(byte[] data)
        {
            if (data == null)
                return null;
            byte[] r = new byte[data.Length];
            for (int i = 0; i < data.Length; i++)
                r[i] = data[data.Length - 1 - i];
            return r;
        }

        public bool IsEven(int n) { return n % 2 == 0; }

        public int Fail(string why)
        {
            if (why == "null")
            {
                object o = null;
                return o.GetHashCode();
            }
            throw new ArgumentException(why);
        }

        public void Store(string key, int value)
        {
            for (int i = 0; i < count; i++)
                if (keys[i] == key)
                {
                    values[i] = value;
                    return;
                }
            keys[count] = key;
            values[count++] = value;
        }

        public int Load(string key)
        {
            for (int i = 0; i < count; i++)
                if (keys[i] == key)
                    return values[i];
            throw new InvalidOperationException("no value for " + key);
        }

        public int ProcessId() { return ChildProcess.CurrentId; }
    }

    class Program
    {
        static int Main()
        {
            return RemoteCall.Serve(Channel.Startup(0), new ICalculatorDispatcher(new Calculator()));
        }
    }
}
