// Static state: static fields of every type, explicit static constructors
// (precise: they run right before the first static member access or first
// instance creation, so their side effects are printed), beforefieldinit
// types (only their values are printed, since when they initialise is up to
// the runtime), static readonly and const fields, cross-class static calls.
using System;

enum Level { Low = 1, High = 3 }
struct Vec { public int X, Y; }

class AllTypes
{
    public static bool B = true;
    public static byte U8 = 200;
    public static sbyte I8 = -100;
    public static short I16 = -30000;
    public static ushort U16 = 60000;
    public static char C = 'K';
    public static int I32 = -123456;
    public static uint U32 = 4000000000;
    public static long I64 = -5000000000L;
    public static ulong U64 = 18000000000000000000;
    public static float F = 0.75f;
    public static double D = -1.5e-3;
    public static string S = "static";
    public static object O = 99;
    public static int[] Arr = { 3, 1, 4 };
    public static Vec V;
    public static Level L = Level.High;
    public static string Unset;
    public static int Zero;
}

class Eager
{
    public static int A = Compute(5);
    public static readonly int B = A * 2;
    public const int K = 7;
    public const string Name = "eager";
    static int Compute(int x) { return x * x; }
}

class Precise
{
    public static int Value;
    public const int Constant = 11;
    static Precise() { Console.WriteLine("Precise cctor"); Value = 40; }
    public static int Get() { return Value + 2; }
}

class ByInstance
{
    public int N;
    static int count;
    static ByInstance() { Console.WriteLine("ByInstance cctor"); }
    public ByInstance() { count++; N = count; Console.WriteLine("ByInstance ctor " + N); }
}

class ByMethod
{
    static ByMethod() { Console.WriteLine("ByMethod cctor"); }
    public static int Twice(int x) { return x * 2; }
}

class Never
{
    public static int X;
    static Never() { Console.WriteLine("Never cctor (must not print)"); }
}

class Source
{
    public static readonly int Seed;
    static Source() { Console.WriteLine("Source cctor"); Seed = 1000; }
}

class Reader
{
    public static readonly int Derived;
    static Reader() { Console.WriteLine("Reader cctor start"); Derived = Source.Seed + 1; Console.WriteLine("Reader cctor end " + Derived); }
}

class Ping
{
    public static int P = 1;
    static Ping() { Console.WriteLine("Ping cctor sees Pong.Q=" + Pong.Q); P = 10; }
}

class Pong
{
    public static int Q = 2;
    static Pong() { Console.WriteLine("Pong cctor sees Ping.P=" + Ping.P); Q = 20; }
}

class BaseS
{
    static BaseS() { Console.WriteLine("BaseS cctor"); }
    public BaseS() { Console.WriteLine("BaseS ctor"); }
}

class DerivedS : BaseS
{
    public static int Tag;
    static DerivedS() { Console.WriteLine("DerivedS cctor"); Tag = 5; }
    public DerivedS() { Console.WriteLine("DerivedS ctor"); }
}

static class MathUtil
{
    public static int Calls;
    public static int Square(int x) { Calls++; return x * x; }
    public static int SumSquares(int n) { int s = 0; for (int i = 1; i <= n; i++) s += Square(i); return s; }
}

class Program
{
    static int counter;

    static void Main()
    {
        Console.WriteLine("main start");
        Console.WriteLine(AllTypes.B + " " + AllTypes.U8 + " " + AllTypes.I8 + " " + AllTypes.I16 + " " + AllTypes.U16 + " " + AllTypes.C);
        Console.WriteLine(AllTypes.I32 + " " + AllTypes.U32 + " " + AllTypes.I64 + " " + AllTypes.U64);
        Console.WriteLine(AllTypes.F + " " + AllTypes.D + " " + AllTypes.S + " " + AllTypes.O + " " + AllTypes.Arr[2] + " " + AllTypes.V.Y + " " + AllTypes.L + " " + (AllTypes.Unset == null) + " " + AllTypes.Zero);
        AllTypes.U8++; AllTypes.I32 -= 1; AllTypes.V.X = 9; AllTypes.Arr[0] = 30; AllTypes.S += "!"; AllTypes.D *= 2;
        Console.WriteLine(AllTypes.U8 + " " + AllTypes.I32 + " " + AllTypes.V.X + " " + AllTypes.Arr[0] + " " + AllTypes.S + " " + AllTypes.D);

        Console.WriteLine(Eager.A + " " + Eager.B + " " + Eager.K + " " + Eager.Name);

        Console.WriteLine("const: " + Precise.Constant);
        Console.WriteLine("before Precise");
        Console.WriteLine(Precise.Value);
        Console.WriteLine(Precise.Get());
        Precise.Value = 1;
        Console.WriteLine(Precise.Get());

        Console.WriteLine("before ByInstance");
        ByInstance i1 = new ByInstance();
        ByInstance i2 = new ByInstance();
        Console.WriteLine(i1.N + i2.N);

        Console.WriteLine("before ByMethod");
        Console.WriteLine(ByMethod.Twice(21));
        Console.WriteLine(ByMethod.Twice(1));

        Console.WriteLine("before Reader");
        Console.WriteLine(Reader.Derived);
        Console.WriteLine(Source.Seed);

        Console.WriteLine("before Ping");
        Console.WriteLine(Ping.P + " " + Pong.Q);

        Console.WriteLine("before DerivedS");
        new DerivedS();
        new DerivedS();
        Console.WriteLine(DerivedS.Tag);

        Console.WriteLine(MathUtil.SumSquares(10) + " " + MathUtil.Calls);
        for (int i = 0; i < 5; i++) counter += MathUtil.Square(i);
        Console.WriteLine(counter + " " + MathUtil.Calls);
        if (counter < 0) Console.WriteLine(Never.X);
        Console.WriteLine("main end");
    }
}
