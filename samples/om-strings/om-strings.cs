// Strings and StringBuilder: searching, slicing, splitting, joining,
// trimming, padding, case, formatting, concatenation of mixed types,
// comparison, construction and parsing of invariant inputs.
using System;
using System.Text;

class Program
{
    static void Show(string label, string s)
    {
        Console.WriteLine(label + "=[" + s + "]");
    }

    static int Sign(int x) { return x < 0 ? -1 : (x > 0 ? 1 : 0); }

    static int Main()
    {
        string s = "Hello, World";
        Console.WriteLine(s.Length + " " + s[0] + " " + s[s.Length - 1] + " " + (int)s[5]);
        Show("sub7", s.Substring(7));
        Show("sub0,5", s.Substring(0, 5));
        Show("sub12", s.Substring(12));
        Console.WriteLine(s.IndexOf('o') + " " + s.IndexOf('o', 5) + " " + s.IndexOf('z') + " " + s.IndexOf("World") + " " + s.IndexOf("") + " " + s.IndexOf("lo, W"));
        Console.WriteLine(s.LastIndexOf('o') + " " + s.LastIndexOf('l') + " " + s.LastIndexOf("l") + " " + s.LastIndexOf('H') + " " + s.LastIndexOf('q'));
        Console.WriteLine(s.Contains("lo") + " " + s.Contains("low") + " " + s.StartsWith("Hell") + " " + s.StartsWith("hell") + " " + s.EndsWith("ld") + " " + s.EndsWith("World!"));
        Show("replace", s.Replace('l', 'L'));
        Show("replace2", s.Replace("World", "There"));
        Show("replace3", "aaaa".Replace("aa", "b"));

        string[] parts = "a,b,,c;d".Split(new char[] { ',', ';' });
        Console.WriteLine(parts.Length);
        for (int i = 0; i < parts.Length; i++) Show("part" + i, parts[i]);
        Show("join", string.Join("|", parts));
        Show("join1", string.Join(", ", new string[] { "one" }));
        Show("join0", string.Join("-", new string[0]));

        string padded = "  \t trim me \n ";
        Show("trim", padded.Trim());
        Show("trimS", padded.TrimStart());
        Show("trimE", padded.TrimEnd());
        Show("trimc", "xxhixx".Trim(new char[] { 'x' }));
        Show("padL", "42".PadLeft(5));
        Show("padR", "42".PadRight(5));
        Show("padL0", "42".PadLeft(5, '0'));
        Show("padShort", "toolong".PadLeft(3));
        Show("upper", "MiXeD case 123".ToUpper());
        Show("lower", "MiXeD case 123".ToLower());

        Show("fmt1", string.Format("{0} + {1} = {2}", 2, 3, 5));
        Show("fmt2", string.Format("[{0,5}] [{1,-5}] [{0,-3}]", 42, "ab"));
        Show("fmt3", string.Format("{{literal}} {0}{{", "x"));
        Show("fmt4", string.Format("{0}{0}{1}", "a", 'b'));
        Show("fmtX", 255.ToString("X") + " " + (-1).ToString("X") + " " + 3054.ToString("x") + " " + 42.ToString("D5") + " " + (-42).ToString("D5") + " " + 7.ToString("X4"));

        Show("concat", "a" + 5 + 'c' + true + 2.5);
        Show("concat2", 1 + 2 + "x" + 1 + 2);
        object nobj = null;
        string nstr = null;
        Show("concatNull", "n" + nobj + nstr + "!");
        Show("concat4", string.Concat("a", "b", "c", "d"));
        Show("concat5", string.Concat("a", "b", "c", "d", "e"));
        Show("concatL", "L" + long.MinValue + " " + ulong.MaxValue + " " + (byte)200 + " " + (sbyte)-5 + " " + (short)-300 + " " + 'q');

        string a1 = "abc";
        string a2 = new string(new char[] { 'a', 'b', 'c' });
        Console.WriteLine((a1 == a2) + " " + (a1 != a2) + " " + a1.Equals(a2) + " " + ((object)a1 == (object)a2) + " " + (a1 == "abd"));
        Console.WriteLine(Sign(string.CompareOrdinal("abc", "abd")) + " " + Sign(string.CompareOrdinal("b", "a")) + " " + Sign(string.CompareOrdinal("abc", "abc")) + " " + Sign(string.CompareOrdinal("ab", "abc")) + " " + Sign(string.CompareOrdinal("Z", "a")));
        Console.WriteLine(string.IsNullOrEmpty(null) + " " + string.IsNullOrEmpty("") + " " + string.IsNullOrEmpty(" ") + " " + (string.Empty.Length == 0) + " " + ("" == string.Empty));
        Show("xxx", new string('x', 3));
        Show("none", new string('y', 0));
        char[] arr = "stressed".ToCharArray();
        for (int i = 0, j = arr.Length - 1; i < j; i++, j--) { char t = arr[i]; arr[i] = arr[j]; arr[j] = t; }
        Show("rev", new string(arr));
        Show("part", new string(arr, 2, 3));

        StringBuilder sb = new StringBuilder();
        sb.Append("str").Append(1).Append('c').Append(true).Append(2L).Append(-7).Append((object)null).Append(3u);
        sb.Append(1.5).Append(new char[] { '[', ']' });
        Show("sb", sb.ToString());
        Console.WriteLine(sb.Length);
        sb.AppendLine();
        sb.AppendLine("line2");
        sb.Insert(0, ">>");
        sb.Insert(2, 99);
        Show("sb2", sb.ToString());
        sb.Remove(0, 4);
        sb.Replace("True", "yes");
        sb.Replace('c', 'C');
        Show("sb3", sb.ToString());
        sb.Length = 5;
        Show("sb4", sb.ToString());
        sb[0] = 'S';
        Console.WriteLine(sb[0] + " " + sb[4] + " " + sb.ToString());
        StringBuilder big = new StringBuilder();
        for (int i = 0; i < 100; i++) big.Append(i % 10);
        Console.WriteLine(big.Length + " " + big.ToString().Substring(95));

        Console.WriteLine(int.Parse("12345") + int.Parse("-17") + int.Parse("  8 "));
        Console.WriteLine(long.Parse("-9223372036854775808") + " " + long.Parse("123456789012"));
        Console.WriteLine(double.Parse("2.5") + double.Parse("-0.125") + " " + double.Parse("1e3") + " " + double.Parse("3"));
        Console.WriteLine(int.Parse("2147483647") + " " + uint.Parse("4294967295"));
        string built = "";
        for (int i = 0; i < 5; i++) built += (char)('a' + i);
        Show("built", built);
        return s.IndexOf(',');
    }
}
