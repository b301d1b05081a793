// Runtime faults raised by the execution engine itself, each caught by type
// and printed as "Type: Message" (messages are whatever mono prints).
using System;

class Box { public int Field; public int[] Arr; public int Get() { return Field; } public virtual int Virt() { return 1; } }

class BadInit
{
    public static int Value = 1;
    static BadInit() { Console.WriteLine("BadInit cctor runs"); if (Value == 1) throw new InvalidOperationException("cctor failed"); }
    public static int Read() { return Value; }
}

class Program
{
    static int count;

    static void Report(Exception e)
    {
        count++;
        Console.WriteLine(count + " " + e.GetType().FullName + ": " + e.Message);
    }

    static Box NullBox() { return null; }
    static int I(int x) { return x; }
    static long L(long x) { return x; }
    static double D(double x) { return x; }
    static object O(object x) { return x; }

    static int Main()
    {
        Box nb = NullBox();
        try { Console.WriteLine(nb.Field); } catch (NullReferenceException e) { Report(e); }
        try { nb.Field = 5; } catch (NullReferenceException e) { Report(e); }
        try { Console.WriteLine(nb.Get()); } catch (NullReferenceException e) { Report(e); }
        try { Console.WriteLine(nb.Virt()); } catch (NullReferenceException e) { Report(e); }
        int[] na = null;
        try { Console.WriteLine(na[0]); } catch (NullReferenceException e) { Report(e); }
        try { Console.WriteLine(na.Length); } catch (NullReferenceException e) { Report(e); }
        Box b = new Box();
        try { b.Arr[1] = 2; } catch (NullReferenceException e) { Report(e); }
        string ns = null;
        try { Console.WriteLine(ns.Length); } catch (NullReferenceException e) { Report(e); }

        int[] arr = new int[3];
        try { arr[I(-1)] = 1; } catch (IndexOutOfRangeException e) { Report(e); }
        try { Console.WriteLine(arr[I(3)]); } catch (IndexOutOfRangeException e) { Report(e); }
        try { Console.WriteLine(new long[0][0]); } catch (IndexOutOfRangeException e) { Report(e); }
        int[,] m = new int[2, 2];
        try { m[I(2), 0] = 1; } catch (IndexOutOfRangeException e) { Report(e); }
        try { Console.WriteLine("abc"[I(3)]); } catch (IndexOutOfRangeException e) { Report(e); }
        try { Console.WriteLine(new int[I(-1)].Length); } catch (OverflowException e) { Report(e); }

        try { Console.WriteLine(I(7) / I(0)); } catch (DivideByZeroException e) { Report(e); }
        try { Console.WriteLine(L(7) / L(0)); } catch (DivideByZeroException e) { Report(e); }
        try { Console.WriteLine(I(7) % I(0)); } catch (DivideByZeroException e) { Report(e); }
        try { Console.WriteLine(L(7) % L(0)); } catch (DivideByZeroException e) { Report(e); }
        try { Console.WriteLine((uint)I(7) / (uint)I(0)); } catch (DivideByZeroException e) { Report(e); }

        try { Console.WriteLine(I(int.MinValue) / I(-1)); } catch (OverflowException e) { Report(e); } catch (ArithmeticException e) { Console.WriteLine("arith " + e.GetType().FullName); }
        try { Console.WriteLine(L(long.MinValue) / L(-1)); } catch (OverflowException e) { Report(e); } catch (ArithmeticException e) { Console.WriteLine("arith " + e.GetType().FullName); }
        try { Console.WriteLine(I(int.MinValue) % I(-1)); } catch (OverflowException e) { Report(e); } catch (ArithmeticException e) { Console.WriteLine("arith " + e.GetType().FullName); }
        try { Console.WriteLine(L(long.MinValue) % L(-1)); } catch (OverflowException e) { Report(e); } catch (ArithmeticException e) { Console.WriteLine("arith " + e.GetType().FullName); }

        try { Console.WriteLine(checked(I(int.MaxValue) + 1)); } catch (OverflowException e) { Report(e); }
        try { Console.WriteLine(checked(I(int.MinValue) - 1)); } catch (OverflowException e) { Report(e); }
        try { Console.WriteLine(checked(I(65536) * I(65536))); } catch (OverflowException e) { Report(e); }
        try { Console.WriteLine(checked(L(long.MaxValue) + 1)); } catch (OverflowException e) { Report(e); }
        try { Console.WriteLine(checked(L(long.MinValue) * 2)); } catch (OverflowException e) { Report(e); }
        try { Console.WriteLine(checked((uint)I(0) - 1u)); } catch (OverflowException e) { Report(e); }
        try { Console.WriteLine(checked((ulong)L(0) - 1ul)); } catch (OverflowException e) { Report(e); }
        try { Console.WriteLine(checked(-I(int.MinValue))); } catch (OverflowException e) { Report(e); }
        Console.WriteLine(checked(I(int.MaxValue) - 1) + " " + unchecked(I(int.MaxValue) + 1) + " " + unchecked(L(long.MinValue) * 2));
        try { Console.WriteLine(checked((int)L(5000000000))); } catch (OverflowException e) { Report(e); }
        try { Console.WriteLine(checked((byte)I(300))); } catch (OverflowException e) { Report(e); }
        try { Console.WriteLine(checked((sbyte)I(-129))); } catch (OverflowException e) { Report(e); }
        try { Console.WriteLine(checked((uint)I(-1))); } catch (OverflowException e) { Report(e); }
        try { Console.WriteLine(checked((ulong)L(-1))); } catch (OverflowException e) { Report(e); }
        try { Console.WriteLine(checked((char)I(70000))); } catch (OverflowException e) { Report(e); }
        try { Console.WriteLine(checked((int)(uint)I(-1))); } catch (OverflowException e) { Report(e); }
        try { Console.WriteLine(checked((int)D(3e9))); } catch (OverflowException e) { Report(e); }
        try { Console.WriteLine(checked((int)D(-2147483649.0))); } catch (OverflowException e) { Report(e); }
        try { Console.WriteLine(checked((long)D(1e19))); } catch (OverflowException e) { Report(e); }
        try { Console.WriteLine(checked((int)D(double.NaN))); } catch (OverflowException e) { Report(e); }
        try { Console.WriteLine(checked((byte)D(-1.0))); } catch (OverflowException e) { Report(e); }
        Console.WriteLine(checked((int)D(2147483647.9)) + " " + checked((byte)D(255.5)) + " " + checked((int)D(-2147483648.9)) + " " + checked((byte)L(255)));

        object boxedInt = O(5);
        object str = O("s");
        try { string s = (string)boxedInt; Console.WriteLine(s); } catch (InvalidCastException e) { Report(e); }
        try { long l = (long)boxedInt; Console.WriteLine(l); } catch (InvalidCastException e) { Report(e); }
        try { Box bx = (Box)str; Console.WriteLine(bx); } catch (InvalidCastException e) { Report(e); }
        try { int[] ia = (int[])O(new long[1]); Console.WriteLine(ia); } catch (InvalidCastException e) { Report(e); }
        try { IDisposable d = (IDisposable)str; Console.WriteLine(d); } catch (InvalidCastException e) { Report(e); }
        try { int u = (int)O(null); Console.WriteLine(u); } catch (NullReferenceException e) { Report(e); }
        Console.WriteLine((string)O(null) == null);

        object[] objs = new string[2];
        try { objs[0] = 5; } catch (ArrayTypeMismatchException e) { Report(e); }
        try { objs[1] = new Box(); } catch (ArrayTypeMismatchException e) { Report(e); }
        objs[1] = "ok";
        objs[0] = null;
        Console.WriteLine(objs[1] + " " + (objs[0] == null));

        try { Console.WriteLine(BadInit.Value); }
        catch (TypeInitializationException e)
        {
            Report(e);
            Console.WriteLine(e.TypeName + " / " + e.InnerException.GetType().FullName + ": " + e.InnerException.Message);
        }
        try { Console.WriteLine(BadInit.Read()); }
        catch (TypeInitializationException e) { Report(e); Console.WriteLine(e.InnerException.Message); }

        try { Console.WriteLine(int.Parse("abc")); } catch (FormatException e) { Report(e); }
        try { Console.WriteLine(int.Parse("")); } catch (FormatException e) { Report(e); }
        try { Console.WriteLine(int.Parse("99999999999")); } catch (OverflowException e) { Report(e); }
        try { Console.WriteLine(int.Parse(null)); } catch (ArgumentNullException e) { Report(e); }

        try { throw null; } catch (NullReferenceException e) { Report(e); }
        try { nb.Field++; } catch (Exception e) { Console.WriteLine("as Exception: " + e.GetType().Name); }
        try { Console.WriteLine(I(1) / I(0)); } catch (ArithmeticException e) { Console.WriteLine("as ArithmeticException: " + e.GetType().Name); }
        try { checked { Console.WriteLine(I(int.MaxValue) + 1); } } catch (ArithmeticException e) { Console.WriteLine("as ArithmeticException: " + e.GetType().Name); }
        try { arr[I(5)] = 0; } catch (SystemException e) { Console.WriteLine("as SystemException: " + e.GetType().Name); }
        return count;
    }
}
