// GetHashCode of the primitives and of strings: programs print them, and
// mono's are deterministic (strings: Marvin32 with a fixed seed).
using System;

enum Color { Red, Green = 7, Blue = -3 }

enum Wide : long { Big = 1L << 40 }

class Program
{
    static int Main()
    {
        sbyte[] sbytes = { 0, 1, -1, -5, 127, -128 };
        foreach (sbyte v in sbytes) Console.WriteLine("sbyte " + v + ": " + v.GetHashCode());
        byte[] bytes = { 0, 1, 200, 255 };
        foreach (byte v in bytes) Console.WriteLine("byte " + v + ": " + v.GetHashCode());
        short[] shorts = { 0, 1, -1, -300, short.MaxValue, short.MinValue };
        foreach (short v in shorts) Console.WriteLine("short " + v + ": " + v.GetHashCode());
        ushort[] ushorts = { 0, 60000, ushort.MaxValue };
        foreach (ushort v in ushorts) Console.WriteLine("ushort " + v + ": " + v.GetHashCode());
        int[] ints = { 0, -1, int.MaxValue, int.MinValue };
        foreach (int v in ints) Console.WriteLine("int " + v + ": " + v.GetHashCode());
        uint[] uints = { 0, 4000000000, uint.MaxValue };
        foreach (uint v in uints) Console.WriteLine("uint " + v + ": " + v.GetHashCode());
        long[] longs = { 0, -1, -1234567890123, long.MaxValue, long.MinValue, 1L << 32 };
        foreach (long v in longs) Console.WriteLine("long " + v + ": " + v.GetHashCode());
        ulong[] ulongs = { 0, ulong.MaxValue, 1UL << 63 };
        foreach (ulong v in ulongs) Console.WriteLine("ulong " + v + ": " + v.GetHashCode());
        char[] chars = { '\0', 'x', '\u00e9', '\uffff' };
        foreach (char v in chars) Console.WriteLine("char " + (int)v + ": " + v.GetHashCode());
        Console.WriteLine("bool: " + true.GetHashCode() + " " + false.GetHashCode());
        double[] doubles = { 0.0, -0.0, 1.5, -2.75, 1e300, double.NaN, -double.NaN, double.PositiveInfinity, double.NegativeInfinity, double.Epsilon, 0.1 };
        foreach (double v in doubles) Console.WriteLine("double " + v + ": " + v.GetHashCode());
        float[] floats = { 0.0f, -0.0f, 2.25f, float.NaN, float.PositiveInfinity, float.Epsilon, 0.1f };
        foreach (float v in floats) Console.WriteLine("float " + v + ": " + v.GetHashCode());
        Console.WriteLine("IntPtr: " + new IntPtr(-5).GetHashCode() + " " + new IntPtr(0x1234567890L).GetHashCode());
        Console.WriteLine("UIntPtr: " + new UIntPtr(0x1234567890UL).GetHashCode());
        Console.WriteLine("enums: " + Color.Red.GetHashCode() + " " + Color.Green.GetHashCode() + " " + Color.Blue.GetHashCode() + " " + Wide.Big.GetHashCode());

        string[] strings = { "", "x", "ab", "abc", "abcd", "abcde", "abcdef", "abcdefg", "hello world",
            "Hello, World", "\u00e9\u4e2d\ud83d\ude00", "a\0b", "0123456789abcdef0", new string('z', 100) };
        foreach (string s in strings) Console.WriteLine("string of " + s.Length + ": " + s.GetHashCode());
        Console.WriteLine("equal strings, equal hashes: " + ("ab" + "cd").GetHashCode().Equals("abcd".GetHashCode()));
        return 0;
    }
}
