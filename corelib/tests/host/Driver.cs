// Test driver for corelib/tests/managed_logic.rs.
//
// Compiled with mcs against Mono's mscorlib together with copies of
// corelib's sources (their classes renamed HostString, HostConsole,
// HostMath, ...; see managed_logic.rs) and the other Driver*.cs files, and
// run with mono in the invariant culture. For every case it prints one
// line:
//
//     <case> TAB <what corelib's code produced> TAB <what Mono produced>
//
// with both texts escaped to printable ASCII; the Rust test compares them.

using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using System.Threading;

namespace System
{
    // Stand-ins for the corelib internals the shared files use.
    //
    // corelib's String methods, compiled as members of HostString: an
    // instance wraps a Mono string, which the methods see as `_value`
    // (`this` in corelib) and whose length is `_stringLength`.
    internal sealed partial class HostString
    {
        private readonly string _value;

        internal HostString(string value)
        {
            _value = value;
        }

        private int _stringLength
        {
            get { return _value.Length; }
        }

        internal static readonly string Empty = "";

        internal static bool IsNullOrEmpty(string value)
        {
            return string.IsNullOrEmpty(value);
        }

        // corelib's FastAllocateString: a zeroed string; negative lengths
        // throw OutOfMemoryException.
        internal static string FastAllocateString(int length)
        {
            if (length < 0)
                throw new OutOfMemoryException();
            return new string('\0', length);
        }
    }

    // corelib's DoubleToDigits FCall, computed by Mono: its "E" format
    // with precision-1 decimals produces exactly DoubleToNumber's digits
    // (floats go through float's "E6"/"E8" to get the 7- and 9-digit
    // conversions).
    internal static class HostFCalls
    {
        internal static unsafe int DoubleToDigits(double value, int precision, char* digits)
        {
            string format = "E" + (precision - 1).ToString(CultureInfo.InvariantCulture);
            string text = precision == 7 || precision == 9
                ? ((float)value).ToString(format, CultureInfo.InvariantCulture)
                : value.ToString(format, CultureInfo.InvariantCulture);
            int e = text.IndexOf('E');
            int count = 0;
            for (int i = 0; i < e; i++)
            {
                if (text[i] >= '0' && text[i] <= '9')
                    digits[count++] = text[i];
            }
            if (count != precision)
                throw new InvalidOperationException("DoubleToDigits stand-in: " + text);
            return int.Parse(text.Substring(e + 1), CultureInfo.InvariantCulture) + 1;
        }
    }

    internal static partial class HostConsole
    {
        internal static readonly List<KeyValuePair<int, string>> Calls = new List<KeyValuePair<int, string>>();

        // corelib's InternalWrite FCall, recorded.
        private static void InternalWrite(int stream, string value)
        {
            if (value == null)
                throw new InvalidOperationException("InternalWrite called with null");
            Calls.Add(new KeyValuePair<int, string>(stream, value));
        }

        // corelib's SetOut/SetError redirection (Console.Writers.cs): never
        // redirected here.
        private static System.IO.TextWriter Redirected(int stream)
        {
            return null;
        }
    }
}

internal sealed class NullToString
{
    public override string ToString()
    {
        return null;
    }
}

internal static class Driver
{
    private static TextWriter output;
    private static ulong rng = 0x9E3779B97F4A7C15UL;

    // The result of `f`, or "!Type: message" if it throws.
    internal static string Try(Func<string> f)
    {
        try
        {
            return f();
        }
        catch (Exception e)
        {
            return "!" + e.GetType().Name + ": " + e.Message;
        }
    }

    internal static string Show(object value)
    {
        if (value == null)
            return "null";
        string s = value as string;
        if (s != null)
            return "\"" + Escape(s) + "\"";
        string[] array = value as string[];
        if (array != null)
        {
            StringBuilder sb = new StringBuilder("[");
            for (int i = 0; i < array.Length; i++)
            {
                if (i != 0)
                    sb.Append(", ");
                sb.Append(Show(array[i]));
            }
            return sb.Append("]").ToString();
        }
        char[] chars = value as char[];
        if (chars != null)
            return "chars" + Show(new string(chars));
        if (value is double)
            return ((double)value).ToString("R", CultureInfo.InvariantCulture) + "/" + BitConverter.DoubleToInt64Bits((double)value).ToString("X16");
        if (value is float)
            return ((float)value).ToString("R", CultureInfo.InvariantCulture) + "/" + BitConverter.ToInt32(BitConverter.GetBytes((float)value), 0).ToString("X8");
        return Convert.ToString(value, CultureInfo.InvariantCulture);
    }

    // A pseudo-random number generator (xorshift), deterministic.
    internal static ulong Random()
    {
        return Next();
    }

    private static int Main()
    {
        Thread.CurrentThread.CurrentCulture = CultureInfo.InvariantCulture;
        output = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false), 1 << 16);

        Integers();
        BoolAndChar();
        Concats();
        ConsoleWrites();
        NumberTests.Run();
        StringTests.Run();
        TextTests.Run();
        MathTests.Run();

        output.Flush();
        return 0;
    }

    internal static void Check(string label, string ours, string mono)
    {
        output.Write(label);
        output.Write('\t');
        output.Write(Escape(ours));
        output.Write('\t');
        output.Write(Escape(mono));
        output.Write('\n');
    }

    internal static string Escape(string s)
    {
        if (s == null)
            return "<null>";
        StringBuilder sb = new StringBuilder();
        foreach (char c in s)
        {
            if (c == '\\')
                sb.Append("\\\\");
            else if (c == '\n')
                sb.Append("\\n");
            else if (c == '\t')
                sb.Append("\\t");
            else if (c < ' ' || c > '~')
                sb.Append("\\u").Append(((int)c).ToString("X4"));
            else
                sb.Append(c);
        }
        return sb.ToString();
    }

    private static ulong Next()
    {
        rng = rng * 6364136223846793005UL + 1442695040888963407UL;
        ulong x = rng ^ (rng >> 29);
        // Vary the magnitude so every digit count is covered.
        return x >> (int)((rng >> 58) & 63);
    }

    // Values around every power of ten, the extremes, and random values.
    private static List<ulong> Interesting(ulong max)
    {
        List<ulong> values = new List<ulong>();
        values.Add(0);
        ulong p = 1;
        while (true)
        {
            values.Add(p - 1);
            values.Add(p);
            values.Add(p + 1);
            values.Add(p * 2);
            values.Add(p * 5);
            if (p > ulong.MaxValue / 10)
                break;
            p *= 10;
        }
        values.Add(max);
        values.Add(max - 1);
        values.Add(max / 2);
        values.Add(max / 2 + 1);
        for (int i = 0; i < 3000; i++)
        {
            ulong v = Next();
            while (v > max)
                v >>= 1;
            values.Add(v);
        }
        List<ulong> result = new List<ulong>();
        foreach (ulong v in values)
            if (v <= max)
                result.Add(v);
        return result;
    }

    private static void Integers()
    {
        foreach (ulong u in Interesting(int.MaxValue))
        {
            int v = (int)u;
            Check("int32 " + v, Number.Int32ToDecStr(v), v.ToString());
            Check("int32 " + (-v), Number.Int32ToDecStr(-v), (-v).ToString());
        }
        Check("int32 MinValue", Number.Int32ToDecStr(int.MinValue), int.MinValue.ToString());
        Check("int32 MinValue+1", Number.Int32ToDecStr(int.MinValue + 1), (int.MinValue + 1).ToString());

        foreach (ulong v in Interesting(uint.MaxValue))
            Check("uint32 " + v, Number.UInt32ToDecStr((uint)v), ((uint)v).ToString());

        foreach (ulong u in Interesting(long.MaxValue))
        {
            long v = (long)u;
            Check("int64 " + v, Number.Int64ToDecStr(v), v.ToString());
            Check("int64 " + (-v), Number.Int64ToDecStr(-v), (-v).ToString());
        }
        Check("int64 MinValue", Number.Int64ToDecStr(long.MinValue), long.MinValue.ToString());
        Check("int64 MinValue+1", Number.Int64ToDecStr(long.MinValue + 1), (long.MinValue + 1).ToString());
        Check("int64 int.MinValue-1", Number.Int64ToDecStr((long)int.MinValue - 1), ((long)int.MinValue - 1).ToString());

        foreach (ulong v in Interesting(ulong.MaxValue))
            Check("uint64 " + v, Number.UInt64ToDecStr(v), v.ToString());

        // Every value of the small types, formatted as their ToString()
        // formats them (Int16/SByte through Int32ToDecStr, UInt16/Byte
        // through UInt32ToDecStr).
        for (int v = short.MinValue; v <= short.MaxValue; v++)
            Check("int16 " + v, Number.Int32ToDecStr((short)v), ((short)v).ToString());
        for (int v = ushort.MinValue; v <= ushort.MaxValue; v++)
            Check("uint16 " + v, Number.UInt32ToDecStr((ushort)v), ((ushort)v).ToString());
        for (int v = sbyte.MinValue; v <= sbyte.MaxValue; v++)
            Check("sbyte " + v, Number.Int32ToDecStr((sbyte)v), ((sbyte)v).ToString());
        for (int v = byte.MinValue; v <= byte.MaxValue; v++)
            Check("byte " + v, Number.UInt32ToDecStr((byte)v), ((byte)v).ToString());
    }

    private static void BoolAndChar()
    {
        Check("bool true", Number.BooleanToString(true), true.ToString());
        Check("bool false", Number.BooleanToString(false), false.ToString());
        for (int c = 0; c <= 0xFFFF; c++)
            Check("char " + c, Number.CharToString((char)c), ((char)c).ToString());
    }

    private static readonly string[] Strings =
    {
        null, "", "a", "bc", "hello, world", "\u00E9t\u00E9", "\uD83D\uDE00", "\0x\0", "tab\there\n",
    };

    private static string Show(string s)
    {
        return s == null ? "null" : "\"" + Escape(s) + "\"";
    }

    internal static readonly string[] TestStrings = Strings;

    private static void Concats()
    {
        foreach (string a in Strings)
            foreach (string b in Strings)
            {
                Check("concat2 " + Show(a) + " " + Show(b), HostString.Concat(a, b), string.Concat(a, b));
                foreach (string c in Strings)
                {
                    Check("concat3 " + Show(a) + " " + Show(b) + " " + Show(c),
                          HostString.Concat(a, b, c), string.Concat(a, b, c));
                    foreach (string d in Strings)
                        Check("concat4 " + Show(a) + " " + Show(b) + " " + Show(c) + " " + Show(d),
                              HostString.Concat(a, b, c, d), string.Concat(a, b, c, d));
                }
            }

        object[] objects = { null, 42, -7L, "text", true, 'c', new NullToString(), "" };
        for (int i = 0; i < objects.Length; i++)
        {
            object a = objects[i];
            Check("concat-object1 " + i, HostString.Concat(a), string.Concat(a));
            for (int j = 0; j < objects.Length; j++)
            {
                object b = objects[j];
                Check("concat-object2 " + i + " " + j, HostString.Concat(a, b), string.Concat(a, b));
                for (int k = 0; k < objects.Length; k++)
                    Check("concat-object3 " + i + " " + j + " " + k,
                          HostString.Concat(a, b, objects[k]), string.Concat(a, b, objects[k]));
            }
        }

        // Five or more strings and four or more objects.
        for (int n = 0; n < 8; n++)
        {
            for (int start = 0; start < Strings.Length; start++)
            {
                string[] values = new string[n];
                for (int i = 0; i < n; i++)
                    values[i] = Strings[(start + i * 3) % Strings.Length];
                Check("concat-array strings " + n + " " + start, HostString.Concat(values), string.Concat(values));
                object[] boxed = new object[n];
                for (int i = 0; i < n; i++)
                    boxed[i] = objects[(start + i) % objects.Length];
                Check("concat-array objects " + n + " " + start, HostString.Concat(boxed), string.Concat(boxed));
            }
        }
        Check("concat-array null strings", Try(() => HostString.Concat((string[])null)), Try(() => string.Concat((string[])null)));
        Check("concat-array null objects", Try(() => HostString.Concat((object[])null)), Try(() => string.Concat((object[])null)));

        char[] chars = { '\n', 'x', '\0', '\uD83D' };
        foreach (string s in Strings)
            foreach (char c in chars)
                Check("append-char " + Show(s) + " " + (int)c, HostString.AppendChar(s, c), s + c);

        // Total lengths that do not fit in an int become -1, which
        // FastAllocateString rejects, rather than wrapping around.
        foreach (long length in new long[] { 0, 1, int.MaxValue, (long)int.MaxValue + 1, 4L * int.MaxValue, uint.MaxValue + 1L })
            Check("checked-length " + length, HostString.CheckedLength(length).ToString(),
                  (length > int.MaxValue ? -1 : length).ToString());
    }

    // Runs `ours` against HostConsole and `mono` against Mono's Console
    // (redirected to a StringWriter) and compares what reached stdout, and
    // how many InternalWrite calls it took.
    private static void Scenario(string label, int expectedCalls, Action ours, Action mono)
    {
        HostConsole.Calls.Clear();
        ours();
        StringBuilder written = new StringBuilder();
        foreach (KeyValuePair<int, string> call in HostConsole.Calls)
        {
            if (call.Key != 1)
                written.Append("<stream " + call.Key + ">");
            written.Append(call.Value);
        }
        int calls = HostConsole.Calls.Count;

        TextWriter saved = Console.Out;
        StringWriter capture = new StringWriter();
        Console.SetOut(capture);
        try
        {
            mono();
        }
        finally
        {
            Console.SetOut(saved);
        }

        string kind = label.StartsWith("console-format") ? "" : "console ";
        Check(kind + label, written.ToString(), capture.ToString());
        Check(kind + label + " (calls)", calls.ToString(), expectedCalls.ToString());
    }

    private static void ConsoleWrites()
    {
        foreach (string s in Strings)
        {
            string v = s;
            Scenario("Write(string " + Show(v) + ")", v == null ? 0 : 1, () => HostConsole.Write(v), () => Console.Write(v));
            Scenario("WriteLine(string " + Show(v) + ")", 1, () => HostConsole.WriteLine(v), () => Console.WriteLine(v));
        }
        foreach (int v in new int[] { 0, 7, -1, 10, int.MinValue, int.MaxValue })
        {
            Scenario("Write(int " + v + ")", 1, () => HostConsole.Write(v), () => Console.Write(v));
            Scenario("WriteLine(int " + v + ")", 1, () => HostConsole.WriteLine(v), () => Console.WriteLine(v));
        }
        foreach (long v in new long[] { 0, -1, 1234567890123, long.MinValue, long.MaxValue })
        {
            Scenario("Write(long " + v + ")", 1, () => HostConsole.Write(v), () => Console.Write(v));
            Scenario("WriteLine(long " + v + ")", 1, () => HostConsole.WriteLine(v), () => Console.WriteLine(v));
        }
        foreach (uint v in new uint[] { 0, 1, 4000000000, uint.MaxValue })
        {
            Scenario("Write(uint " + v + ")", 1, () => HostConsole.Write(v), () => Console.Write(v));
            Scenario("WriteLine(uint " + v + ")", 1, () => HostConsole.WriteLine(v), () => Console.WriteLine(v));
        }
        foreach (ulong v in new ulong[] { 0, 1, 10000000000000000000, ulong.MaxValue })
        {
            Scenario("Write(ulong " + v + ")", 1, () => HostConsole.Write(v), () => Console.Write(v));
            Scenario("WriteLine(ulong " + v + ")", 1, () => HostConsole.WriteLine(v), () => Console.WriteLine(v));
        }
        foreach (bool v in new bool[] { true, false })
        {
            Scenario("Write(bool " + v + ")", 1, () => HostConsole.Write(v), () => Console.Write(v));
            Scenario("WriteLine(bool " + v + ")", 1, () => HostConsole.WriteLine(v), () => Console.WriteLine(v));
        }
        foreach (char v in new char[] { 'x', '\0', '\n', '\u00E9' })
        {
            Scenario("Write(char " + (int)v + ")", 1, () => HostConsole.Write(v), () => Console.Write(v));
            Scenario("WriteLine(char " + (int)v + ")", 1, () => HostConsole.WriteLine(v), () => Console.WriteLine(v));
        }
        object[] objects = { null, 42, "text", false, new NullToString() };
        for (int i = 0; i < objects.Length; i++)
        {
            object v = objects[i];
            bool writes = v != null && v.ToString() != null;
            Scenario("Write(object " + i + ")", writes ? 1 : 0, () => HostConsole.Write(v), () => Console.Write(v));
            Scenario("WriteLine(object " + i + ")", 1, () => HostConsole.WriteLine(v), () => Console.WriteLine(v));
        }
        Scenario("WriteLine()", 1, () => HostConsole.WriteLine(), () => Console.WriteLine());

        // The formatting overloads.
        foreach (double v in new double[] { 0, -0.0, 1.5, 0.1 + 0.2, 1.0 / 3, 1e20, -1e-7, double.NaN, double.NegativeInfinity })
        {
            Scenario("console-format Write(double " + Show(v) + ")", 1, () => HostConsole.Write(v), () => Console.Write(v));
            Scenario("console-format WriteLine(double " + Show(v) + ")", 1, () => HostConsole.WriteLine(v), () => Console.WriteLine(v));
            float f = (float)v;
            Scenario("console-format Write(float " + Show(f) + ")", 1, () => HostConsole.Write(f), () => Console.Write(f));
            Scenario("console-format WriteLine(float " + Show(f) + ")", 1, () => HostConsole.WriteLine(f), () => Console.WriteLine(f));
        }
        foreach (char[] buffer in new char[][] { null, new char[0], new char[] { 'a', 'b', '\n' } })
        {
            char[] b = buffer;
            Scenario("console-format Write(char[] " + Show(b) + ")", b == null ? 0 : 1, () => HostConsole.Write(b), () => Console.Write(b));
            Scenario("console-format WriteLine(char[] " + Show(b) + ")", 1, () => HostConsole.WriteLine(b), () => Console.WriteLine(b));
        }
        char[] abc = { 'a', 'b', 'c', 'd' };
        Scenario("console-format Write(char[], 1, 2)", 1, () => HostConsole.Write(abc, 1, 2), () => Console.Write(abc, 1, 2));
        Scenario("console-format WriteLine(char[], 1, 2)", 1, () => HostConsole.WriteLine(abc, 1, 2), () => Console.WriteLine(abc, 1, 2));
        Scenario("console-format Write(format, 1)", 1, () => HostConsole.Write("[{0}]", 42), () => Console.Write("[{0}]", 42));
        Scenario("console-format Write(format, 2)", 1, () => HostConsole.Write("[{0},{1}]", 42, "x"), () => Console.Write("[{0},{1}]", 42, "x"));
        Scenario("console-format Write(format, 3)", 1, () => HostConsole.Write("[{0},{1},{2:X}]", 42, null, 255), () => Console.Write("[{0},{1},{2:X}]", 42, null, 255));
        Scenario("console-format Write(format, array)", 1, () => HostConsole.Write("{0}{1}{2}{3}", 1, 2, 3, 4), () => Console.Write("{0}{1}{2}{3}", 1, 2, 3, 4));
        Scenario("console-format WriteLine(format, 1)", 1, () => HostConsole.WriteLine("[{0,5}]", 42), () => Console.WriteLine("[{0,5}]", 42));
        Scenario("console-format WriteLine(format, 2)", 1, () => HostConsole.WriteLine("[{0,-5}|{1}]", 42, 1.5), () => Console.WriteLine("[{0,-5}|{1}]", 42, 1.5));
        Scenario("console-format WriteLine(format, 3)", 1, () => HostConsole.WriteLine("{0} {1} {2}", "a", 'b', true), () => Console.WriteLine("{0} {1} {2}", "a", 'b', true));
        Scenario("console-format WriteLine(format, array)", 1, () => HostConsole.WriteLine("{0}{1}{2}{3}{4}", 1, 2, 3, 4, 5), () => Console.WriteLine("{0}{1}{2}{3}{4}", 1, 2, 3, 4, 5));
        Scenario("console-format WriteLine(format, null array)", 1, () => HostConsole.WriteLine("a{0}b{1}c", (object[])null), () => Console.WriteLine("a{0}b{1}c", (object[])null));
        Scenario("console-format Write(format, null array)", 1, () => HostConsole.Write("a{0}b{1}c", (object[])null), () => Console.Write("a{0}b{1}c", (object[])null));
    }
}
