// Parse and TryParse of the numeric types, bool and char: valid input,
// white space and signs, malformed input (FormatException) and values out
// of range (OverflowException), with the exceptions' messages.
using System;

class Program
{
    static readonly string[] Inputs =
    {
        "0", "42", "-42", "+7", "  12  ", "\t-3\n", "007", "2147483647", "2147483648", "-2147483648", "-2147483649",
        "4294967295", "9223372036854775807", "9223372036854775808", "18446744073709551615", "18446744073709551616",
        "255", "256", "-1", "32767", "-32769", "1.5", "1e3", "", " ", "abc", "12a", "- 5", "--5", "0x1F", "1,000",
        "1.5e3", "-0.25", ".5", "5.", "NaN", "Infinity", "-Infinity", "1e400", "1e-400", "3.4028235E+38", "3.5E+38",
        "True", "false", " TRUE ", "yes", "c", "cc",
    };

    static string Describe(Exception e)
    {
        return e.GetType().Name + ": " + e.Message.Replace("\n", " / ");
    }

    static void Line(string type, string input, string result)
    {
        Console.WriteLine(type + " [" + input.Replace("\t", "\\t").Replace("\n", "\\n") + "] -> " + result);
    }

    static int Main()
    {
        foreach (string s in Inputs)
        {
            try { Line("int", s, int.Parse(s).ToString()); } catch (Exception e) { Line("int", s, Describe(e)); }
            try { Line("long", s, long.Parse(s).ToString()); } catch (Exception e) { Line("long", s, Describe(e)); }
            try { Line("uint", s, uint.Parse(s).ToString()); } catch (Exception e) { Line("uint", s, Describe(e)); }
            try { Line("ulong", s, ulong.Parse(s).ToString()); } catch (Exception e) { Line("ulong", s, Describe(e)); }
            try { Line("short", s, short.Parse(s).ToString()); } catch (Exception e) { Line("short", s, Describe(e)); }
            try { Line("ushort", s, ushort.Parse(s).ToString()); } catch (Exception e) { Line("ushort", s, Describe(e)); }
            try { Line("byte", s, byte.Parse(s).ToString()); } catch (Exception e) { Line("byte", s, Describe(e)); }
            try { Line("sbyte", s, sbyte.Parse(s).ToString()); } catch (Exception e) { Line("sbyte", s, Describe(e)); }
            try { Line("double", s, double.Parse(s).ToString("R")); } catch (Exception e) { Line("double", s, Describe(e)); }
            try { Line("float", s, float.Parse(s).ToString("R")); } catch (Exception e) { Line("float", s, Describe(e)); }
            try { Line("bool", s, bool.Parse(s).ToString()); } catch (Exception e) { Line("bool", s, Describe(e)); }
            try { Line("char", s, ((int)char.Parse(s)).ToString()); } catch (Exception e) { Line("char", s, Describe(e)); }

            int i;
            long l;
            double d;
            bool b;
            Line("TryParse", s, int.TryParse(s, out i) + " " + i + " " + long.TryParse(s, out l) + " " + l + " "
                 + double.TryParse(s, out d) + " " + d + " " + bool.TryParse(s, out b) + " " + b);
        }
        try { int.Parse(null); } catch (Exception e) { Line("int", "null", Describe(e)); }
        try { double.Parse(null); } catch (Exception e) { Line("double", "null", Describe(e)); }
        try { bool.Parse(null); } catch (Exception e) { Line("bool", "null", Describe(e)); }
        int n;
        Line("TryParse", "null", int.TryParse(null, out n) + " " + n);

        // Convert: banker's rounding, and null as zero.
        double[] doubles = { 0.5, 1.5, 2.5, -2.5, 3.7, -3.7, 2147483647.4 };
        foreach (double v in doubles)
            Console.WriteLine("Convert.ToInt32(" + v + ") = " + Convert.ToInt32(v));
        try { Convert.ToInt32(3e9); } catch (Exception e) { Console.WriteLine("Convert.ToInt32(3e9): " + Describe(e)); }
        Console.WriteLine("Convert.ToInt32(\"17\") = " + Convert.ToInt32("17"));
        Console.WriteLine("Convert.ToInt32(null) = " + Convert.ToInt32((string)null));
        int[] bases = { 2, 8, 10, 16 };
        foreach (int toBase in bases)
            Console.WriteLine("Convert.ToString(-123, " + toBase + ") = " + Convert.ToString(-123, toBase) + ", 255 = " + Convert.ToString(255, toBase));
        return 0;
    }
}
