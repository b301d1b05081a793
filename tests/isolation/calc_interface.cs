// The interface the calc child exports and the rpc parent calls through
// the proxy `osprey proxygen calc_interface.dll Calc.ICalculator` writes.
namespace Calc
{
    public interface ICalculator
    {
        int Add(int a, int b);
        long Multiply(long a, long b);
        double Divide(double a, double b);
        string Greet(string name);
        byte[] Reverse(byte[] data);
        bool IsEven(int n);
        int Fail(string why);
        void Store(string key, int value);
        int Load(string key);
        int ProcessId();
    }
}
