// Char classification and case (every code unit) and StringBuilder:
// corelib's against Mono's.

using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

internal static class TextTests
{
    internal static void Run()
    {
        Unicode();
        StringBuilders();
    }

    private static void Check(string label, string ours, string mono)
    {
        Driver.Check(label, ours, mono);
    }

    private static string Flags(bool digit, bool letter, bool letterOrDigit, bool white, bool upper, bool lower, bool punctuation, bool symbol, bool number, bool control, bool separator, bool surrogate)
    {
        char[] f = new char[12];
        bool[] values = { digit, letter, letterOrDigit, white, upper, lower, punctuation, symbol, number, control, separator, surrogate };
        for (int i = 0; i < values.Length; i++)
            f[i] = values[i] ? '1' : '0';
        return new string(f);
    }

    private static void Unicode()
    {
        for (int i = 0; i <= 0xFFFF; i++)
        {
            char c = (char)i;
            string ours = (int)HostChar.GetUnicodeCategory(c) + " "
                + Flags(HostChar.IsDigit(c), HostChar.IsLetter(c), HostChar.IsLetterOrDigit(c), HostChar.IsWhiteSpace(c),
                        HostChar.IsUpper(c), HostChar.IsLower(c), HostChar.IsPunctuation(c), HostChar.IsSymbol(c),
                        HostChar.IsNumber(c), HostChar.IsControl(c), HostChar.IsSeparator(c), HostChar.IsSurrogate(c))
                + " " + (int)HostChar.ToUpper(c) + " " + (int)HostChar.ToLower(c)
                + " " + (int)HostChar.ToUpperInvariant(c) + " " + (int)HostChar.ToLowerInvariant(c);
            string mono = (int)char.GetUnicodeCategory(c) + " "
                + Flags(char.IsDigit(c), char.IsLetter(c), char.IsLetterOrDigit(c), char.IsWhiteSpace(c),
                        char.IsUpper(c), char.IsLower(c), char.IsPunctuation(c), char.IsSymbol(c),
                        char.IsNumber(c), char.IsControl(c), char.IsSeparator(c), char.IsSurrogate(c))
                + " " + (int)char.ToUpper(c) + " " + (int)char.ToLower(c)
                + " " + (int)char.ToUpperInvariant(c) + " " + (int)char.ToLowerInvariant(c);
            Check("unicode " + i, ours, mono);
        }
        string s = "a1 \u00E9";
        for (int index = -1; index <= 4; index++)
        {
            int k = index;
            Check("unicode string " + k, Driver.Try(() => HostChar.IsDigit(s, k) + " " + HostChar.IsLetter(s, k) + " " + HostChar.IsWhiteSpace(s, k)),
                  Driver.Try(() => char.IsDigit(s, k) + " " + char.IsLetter(s, k) + " " + char.IsWhiteSpace(s, k)));
        }
        Check("unicode string null", Driver.Try(() => HostChar.IsLetter(null, 0).ToString()), Driver.Try(() => char.IsLetter(null, 0).ToString()));
        foreach (string p in new string[] { null, "", "a", "ab", "\uD83D" })
        {
            string v = p;
            Check("unicode Parse " + Driver.Show(v), Driver.Try(() => ((int)HostChar.Parse(v)).ToString()), Driver.Try(() => ((int)char.Parse(v)).ToString()));
            Check("unicode TryParse " + Driver.Show(v), Driver.Try(() => { char r; bool ok = HostChar.TryParse(v, out r); return ok + " " + (int)r; }), Driver.Try(() => { char r; bool ok = char.TryParse(v, out r); return ok + " " + (int)r; }));
        }
    }

    // A scenario is a list of operations, each applied to a corelib
    // StringBuilder and to Mono's; after each one the text, Length and
    // (until an Insert, Remove or Replace, whose capacity effects corelib
    // does not model) Capacity must agree.
    private static readonly string[] Scenarios =
    {
        "new|A:12345678901234567|R:x:20|A:yyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyy|L:5|X|E:500|K:20|L:30|I:0:abc|D:0:10",
        "new:0|C:a|A:bc|L:0|C:z",
        "new:100|A:hello|K:5|K:-1|K:200|L:-1|L:300|X",
        "str:hello|A:, world|C:!|I:5:,|I:0:>>|I:100:x|I:-1:x|D:0:2|D:3:100|D:-1:1|D:2:-1",
        "str:aaa|P:a:bb|P:bb:|P::x|P:zz:y|Q:b:c",
        "str:mississippi|P:ss:SS|P:i:|P:s:long|Q:p:P|IR:0:ab:3",
        "strcap:x:100|A:abc|L:2|L:10|X|A:done",
        "new|N:12345|N:-7|F:1.5|F:0.1|G:2.5|B:1|O:null|O:42|A:null|C:\0|R:-:0|R:-:-1|AR:abcdef:1:3|AR:abc:2:5|AR:abc:-1:1",
        "new|CA:hello|CR:hello:1:3|CR:hello:4:3|AF:{0}-{1}:a:b|AF:{0,5}:x:y|AF:{bad}:x:y|AL:line|AL:|AB:inner",
        "new|A:0123456789|S:3:X|S:10:Y|T:2:5|T:8:5|T:-1:1|T:0:0|CT:2:4",
        "loop:20000",
        "loop3:100|L:10|X",
        "str:x|I:0:0123456789012345678",
        "new|J:,:a:b:c|J::x|AR:hello:0:0",
    };

    private static void StringBuilders()
    {
        foreach (string scenario in Scenarios)
        {
            string[] ops = scenario.Split('|');
            HostStringBuilder ours = null;
            StringBuilder mono = null;
            bool compareCapacity = true;
            for (int i = 0; i < ops.Length; i++)
            {
                string op = ops[i];
                string[] a = op.Split(':');
                string result;
                string expected;
                if (i == 0)
                {
                    // The constructor.
                    switch (a[0])
                    {
                        case "new":
                            if (a.Length > 1)
                            {
                                int capacity = int.Parse(a[1]);
                                ours = new HostStringBuilder(capacity);
                                mono = new StringBuilder(capacity);
                            }
                            else
                            {
                                ours = new HostStringBuilder();
                                mono = new StringBuilder();
                            }
                            break;
                        case "str":
                            ours = new HostStringBuilder(a[1]);
                            mono = new StringBuilder(a[1]);
                            break;
                        case "strcap":
                            ours = new HostStringBuilder(a[1], int.Parse(a[2]));
                            mono = new StringBuilder(a[1], int.Parse(a[2]));
                            break;
                        case "loop":
                            ours = new HostStringBuilder();
                            mono = new StringBuilder();
                            for (int k = 0; k < int.Parse(a[1]); k++)
                            {
                                ours.Append('a');
                                mono.Append('a');
                            }
                            break;
                        case "loop3":
                            ours = new HostStringBuilder();
                            mono = new StringBuilder();
                            for (int k = 0; k < int.Parse(a[1]); k++)
                            {
                                ours.Append("abc");
                                mono.Append("abc");
                            }
                            break;
                    }
                    result = expected = "";
                }
                else
                {
                    HostStringBuilder o = ours;
                    StringBuilder m = mono;
                    result = Driver.Try(() => ApplyOurs(o, a));
                    expected = Driver.Try(() => ApplyMono(m, a));
                    if (a[0] == "I" || a[0] == "IR" || a[0] == "D" || a[0] == "P")
                        compareCapacity = false;
                }
                string label = "stringbuilder " + Driver.Escape(scenario.Length > 40 ? scenario.Substring(0, 40) : scenario) + " #" + i + " " + Driver.Escape(op.Length > 30 ? op.Substring(0, 30) : op);
                Check(label, result + " => " + Driver.Escape(ours.ToString()) + " " + ours.Length + (compareCapacity ? " cap " + ours.Capacity : ""),
                      expected + " => " + Driver.Escape(mono.ToString()) + " " + mono.Length + (compareCapacity ? " cap " + mono.Capacity : ""));
            }
        }
    }

    private static object Arg(string s)
    {
        if (s == "null")
            return null;
        int n;
        if (int.TryParse(s, out n))
            return n;
        return s;
    }

    private static string Text(string s)
    {
        return s == "null" ? null : s;
    }

    private static string ApplyOurs(HostStringBuilder sb, string[] a)
    {
        switch (a[0])
        {
            case "A": sb.Append(Text(a[1])); break;
            case "C": sb.Append(a[1][0]); break;
            case "R": sb.Append(a[1][0], int.Parse(a[2])); break;
            case "AR": sb.Append(a[1], int.Parse(a[2]), int.Parse(a[3])); break;
            case "CA": sb.Append(a[1].ToCharArray()); break;
            case "CR": sb.Append(a[1].ToCharArray(), int.Parse(a[2]), int.Parse(a[3])); break;
            case "AB": sb.Append(new HostStringBuilder(a[1])); break;
            case "N": sb.Append(int.Parse(a[1])); break;
            case "F": sb.Append(double.Parse(a[1], CultureInfo.InvariantCulture)); break;
            case "G": sb.Append(float.Parse(a[1], CultureInfo.InvariantCulture)); break;
            case "B": sb.Append(a[1] == "1"); break;
            case "O": sb.Append(Arg(a[1])); break;
            case "AL": if (a[1].Length == 0) sb.AppendLine(); else sb.AppendLine(a[1]); break;
            case "AF": sb.AppendFormat(a[1], a[2], a[3]); break;
            case "J": sb.AppendJoin(a[1], new string[] { a[2], a.Length > 3 ? a[3] : "", a.Length > 4 ? a[4] : "" }); break;
            case "I": sb.Insert(int.Parse(a[1]), a[2]); break;
            case "IR": sb.Insert(int.Parse(a[1]), a[2], int.Parse(a[3])); break;
            case "D": sb.Remove(int.Parse(a[1]), int.Parse(a[2])); break;
            case "P": sb.Replace(a[1], a[2].Length == 0 ? null : a[2]); break;
            case "Q": sb.Replace(a[1][0], a[2][0]); break;
            case "L": sb.Length = int.Parse(a[1]); break;
            case "K": sb.Capacity = int.Parse(a[1]); break;
            case "E": return sb.EnsureCapacity(int.Parse(a[1])).ToString();
            case "X": sb.Clear(); break;
            case "S": sb[int.Parse(a[1])] = a[2][0]; return ((int)sb[int.Parse(a[1])]).ToString();
            case "T": return sb.ToString(int.Parse(a[1]), int.Parse(a[2]));
            case "CT": { char[] d = new char[6]; sb.CopyTo(int.Parse(a[1]), d, 1, int.Parse(a[2])); return Driver.Show(d); }
        }
        return "ok";
    }

    private static string ApplyMono(StringBuilder sb, string[] a)
    {
        switch (a[0])
        {
            case "A": sb.Append(Text(a[1])); break;
            case "C": sb.Append(a[1][0]); break;
            case "R": sb.Append(a[1][0], int.Parse(a[2])); break;
            case "AR": sb.Append(a[1], int.Parse(a[2]), int.Parse(a[3])); break;
            case "CA": sb.Append(a[1].ToCharArray()); break;
            case "CR": sb.Append(a[1].ToCharArray(), int.Parse(a[2]), int.Parse(a[3])); break;
            case "AB": sb.Append(new StringBuilder(a[1])); break;
            case "N": sb.Append(int.Parse(a[1])); break;
            case "F": sb.Append(double.Parse(a[1], CultureInfo.InvariantCulture)); break;
            case "G": sb.Append(float.Parse(a[1], CultureInfo.InvariantCulture)); break;
            case "B": sb.Append(a[1] == "1"); break;
            case "O": sb.Append(Arg(a[1])); break;
            case "AL": if (a[1].Length == 0) sb.AppendLine(); else sb.AppendLine(a[1]); break;
            case "AF": sb.AppendFormat(a[1], a[2], a[3]); break;
            case "J": sb.AppendJoin(a[1], new string[] { a[2], a.Length > 3 ? a[3] : "", a.Length > 4 ? a[4] : "" }); break;
            case "I": sb.Insert(int.Parse(a[1]), a[2]); break;
            case "IR": sb.Insert(int.Parse(a[1]), a[2], int.Parse(a[3])); break;
            case "D": sb.Remove(int.Parse(a[1]), int.Parse(a[2])); break;
            case "P": sb.Replace(a[1], a[2].Length == 0 ? null : a[2]); break;
            case "Q": sb.Replace(a[1][0], a[2][0]); break;
            case "L": sb.Length = int.Parse(a[1]); break;
            case "K": sb.Capacity = int.Parse(a[1]); break;
            case "E": return sb.EnsureCapacity(int.Parse(a[1])).ToString();
            case "X": sb.Clear(); break;
            case "S": sb[int.Parse(a[1])] = a[2][0]; return ((int)sb[int.Parse(a[1])]).ToString();
            case "T": return sb.ToString(int.Parse(a[1]), int.Parse(a[2]));
            case "CT": { char[] d = new char[6]; sb.CopyTo(int.Parse(a[1]), d, 1, int.Parse(a[2])); return Driver.Show(d); }
        }
        return "ok";
    }
}
