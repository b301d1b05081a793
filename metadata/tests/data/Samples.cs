// Test input for osprey-metadata: compiled with `mcs /unsafe` by the test
// suite (tests/common/mod.rs). Each type exercises one metadata feature;
// tests/samples.rs checks specific facts about the compiled image.
using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Samples
{
    [AttributeUsage(AttributeTargets.All)]
    public sealed class MarkerAttribute : Attribute
    {
        public MarkerAttribute(string note) { Note = note; }
        public string Note { get; private set; }
    }

    public static class ExceptionDemo
    {
        public static int TryCatchFinally(int x)
        {
            int result = 0;
            try
            {
                result = 100 / x;
            }
            catch (DivideByZeroException)
            {
                result = -1;
            }
            finally
            {
                result += 1;
            }
            return result;
        }

        public static string Filter(Func<string> f)
        {
            try
            {
                return f();
            }
            catch (InvalidOperationException e) when (e.Message.Length > 3)
            {
                return "filtered";
            }
        }

        public static int Nested(int[] values)
        {
            int total = 0;
            foreach (int v in values)
            {
                try
                {
                    try { total = checked(total + v); }
                    finally { total ^= 1; }
                }
                catch (OverflowException) { total = 0; }
            }
            return total;
        }
    }

    public static class SwitchDemo
    {
        public static string Name(int day)
        {
            switch (day)
            {
                case 0: return "Sunday";
                case 1: return "Monday";
                case 2: return "Tuesday";
                case 3: return "Wednesday";
                case 4: return "Thursday";
                case 5: return "Friday";
                case 6: return "Saturday";
                default: return "unknown";
            }
        }
    }

    public static class LongMethods
    {
        public static int Tiny() { return 7; }

        public static long Long(long a, long b)
        {
            long x = a * 31 + b;
            x = (x << 3) ^ (x >> 5) ^ a;
            x = x * 1103515245 + 12345;
            x = (x << 7) ^ (x >> 11) ^ b;
            x = x * 6364136223846793005 + 1442695040888963407;
            x = (x << 13) ^ (x >> 17) ^ (a + b);
            x = x * 2862933555777941757 + 3037000493;
            x = (x << 5) ^ (x >> 3) ^ (a - b);
            x = x * 3935559000370003845 + 2691343689449507681;
            double d = x * 0.5 + 1.25;
            float f = (float)d * 2.5f;
            return x + (long)d + (long)f;
        }
    }

    public static unsafe class PinnedDemo
    {
        public static int Sum(int[] data)
        {
            int total = 0;
            fixed (int* p = data)
            {
                for (int i = 0; i < data.Length; i++)
                    total += p[i];
            }
            return total;
        }

        public static char First(string s)
        {
            fixed (char* p = s)
            {
                return p[0];
            }
        }
    }

    public class Box<T> where T : IComparable<T>
    {
        public T Value;
        public Box(T value) { Value = value; }
        public bool Less(T other) { return Value.CompareTo(other) < 0; }
        public static U Convert<U>(T value, Func<T, U> f) { return f(value); }
        public class Inner { public T[] Items; }
    }

    public static class GenericUse
    {
        public static string Use()
        {
            var list = new List<Box<int>>();
            list.Add(new Box<int>(3));
            var d = new Dictionary<string, List<int>>();
            d["a"] = new List<int> { 1, 2 };
            return Box<int>.Convert<string>(list[0].Value, v => v.ToString()) + d.Count;
        }
    }

    public static class Data
    {
        public static readonly int[] Primes = { 2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37 };
        public const int Answer = 42;
        public const string Greeting = "hello";

        public static int Lookup(int i) { return Primes[i] + Answer; }
        public static string Greet(string name = "world") { return Greeting + ", " + name; }
    }

    public static class Native
    {
        [DllImport("QCall", EntryPoint = "X")]
        public static extern int QCallX(int a);

        [DllImport("libc", EntryPoint = "getpid")]
        public static extern int GetPid();

        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern int Intrinsic();
    }

    [StructLayout(LayoutKind.Explicit, Size = 16)]
    public struct ExplicitUnion
    {
        [FieldOffset(0)] public long Whole;
        [FieldOffset(0)] public int Low;
        [FieldOffset(4)] public int High;
        [FieldOffset(8)] public double Real;
    }

    [StructLayout(LayoutKind.Sequential, Pack = 1)]
    public struct Packed
    {
        public byte A;
        public int B;
    }

    public interface IShape
    {
        double Area();
        string Name { get; }
    }

    [Marker("circle")]
    public class Circle : IShape, IComparable<Circle>
    {
        private readonly double radius;
        public Circle(double r) { radius = r; }
        public double Area() { return Math.PI * radius * radius; }
        string IShape.Name { get { return "circle"; } }
        public int CompareTo(Circle other) { return Area().CompareTo(other.Area()); }
        public event EventHandler Changed;
        public void Raise() { var h = Changed; if (h != null) h(this, EventArgs.Empty); }
        public double this[int i] { get { return radius * i; } }
    }

    public static class VarArgs
    {
        public static int Count(__arglist)
        {
            var it = new ArgIterator(__arglist);
            return it.GetRemainingCount();
        }

        public static int Call() { return Count(__arglist(1, "two", 3.0)); }
    }

    public static class Program
    {
        public static int Main(string[] args)
        {
            Console.WriteLine(Data.Greet());
            return SwitchDemo.Name(args.Length).Length;
        }
    }
}
