// String methods: corelib's (compiled as HostString members, see
// managed_logic.rs) against Mono's.

using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

internal static class StringTests
{
    internal static void Run()
    {
        Constructors();
        Comparisons();
        Searching();
        Editing();
        CaseConversion();
        Splitting();
        Joining();
        Formatting();
    }

    private static void Check(string label, string ours, string mono)
    {
        Driver.Check(label, ours, mono);
    }

    private static string Try(Func<object> f)
    {
        return Driver.Try(() => Driver.Show(f()));
    }

    private static HostString H(string s)
    {
        return new HostString(s);
    }

    // Strings for the culture-sensitive methods (IndexOf(string),
    // StartsWith, ...): printable ASCII, where corelib's ordinal
    // comparison agrees with Mono's invariant culture.
    private static readonly string[] Ascii =
    {
        "", "a", "A", "ab", "abc", "abcabc", "hello, world", "Hello World", "aAaA", " padded  ", "a-b", "co-op",
        "x'y", "1,2,,3", "  ", "ab ab ab", "mississippi", "The quick brown fox", "a.b.c", ";;", "CamelCase",
    };

    // Strings for the ordinal methods: also control characters, Latin-1,
    // other scripts and surrogates.
    private static readonly string[] Any =
    {
        "", "a", "\0", "a\0b", "\u00E9t\u00E9", "\uD83D\uDE00", "tab\there\n", "\u00A0nbsp\u2003", "\u0130stanbul",
        "stra\u00DFe", "\u03A3\u03C3\u03C2", "\u0410\u0431\u0432", "ABC", "abc", "aBc",
    };

    private static IEnumerable<string> AllStrings()
    {
        foreach (string s in Ascii)
            yield return s;
        foreach (string s in Any)
            yield return s;
    }

    private static void Constructors()
    {
        char[][] arrays = { null, new char[0], new char[] { 'a' }, "hello".ToCharArray(), new char[] { '\0', '\uD83D', 'x' } };
        foreach (char[] array in arrays)
        {
            char[] a = array;
            string shown = Driver.Show(a);
            Check("string-ctor chars " + shown, Try(() => HostString.Ctor(a)), Try(() => new string(a)));
            foreach (int start in new int[] { -1, 0, 1, 2, 5, 6 })
            {
                foreach (int length in new int[] { -1, 0, 1, 3, 5 })
                {
                    int s = start;
                    int l = length;
                    Check("string-ctor range " + shown + " " + s + " " + l, Try(() => HostString.Ctor(a, s, l)), Try(() => new string(a, s, l)));
                }
            }
        }
        foreach (int count in new int[] { -1, 0, 1, 7 })
        {
            int n = count;
            Check("string-ctor repeat " + n, Try(() => HostString.Ctor('x', n)), Try(() => new string('x', n)));
        }
        foreach (string str in AllStrings())
        {
            string s = str;
            string shown = Driver.Show(s);
            Check("string-edit ToCharArray " + shown, Try(() => H(s).ToCharArray()), Try(() => s.ToCharArray()));
            foreach (int start in new int[] { -1, 0, 1, 3 })
            {
                foreach (int length in new int[] { -1, 0, 2 })
                {
                    int st = start;
                    int l = length;
                    Check("string-edit ToCharArray " + shown + " " + st + " " + l, Try(() => H(s).ToCharArray(st, l)), Try(() => s.ToCharArray(st, l)));
                    Check("string-edit CopyTo " + shown + " " + st + " " + l,
                          Try(() => { char[] d = new char[4]; H(s).CopyTo(st, d, 1, l); return d; }),
                          Try(() => { char[] d = new char[4]; s.CopyTo(st, d, 1, l); return d; }));
                }
            }
        }
    }

    // Random strings over an alphabet that exercises the invariant
    // culture's ordering: both cases, digits, punctuation, white space,
    // the hyphen and apostrophe (compared last), control characters and
    // '\0' (ignored).
    private static string RandomAscii(string alphabet, int maxLength)
    {
        ulong r = Driver.Random();
        int length = (int)(r % (ulong)(maxLength + 1));
        char[] chars = new char[length];
        for (int i = 0; i < length; i++)
            chars[i] = alphabet[(int)(Driver.Random() % (ulong)alphabet.Length)];
        return new string(chars);
    }

    private static bool IsAscii(string s)
    {
        if (s == null)
            return true;
        foreach (char c in s)
        {
            if (c >= 0x80 || c == '\0')
                return false;
        }
        return true;
    }

    private static void Comparisons()
    {
        List<string> strings = new List<string>(Ascii);
        string printable = "";
        for (char c = ' '; c <= '~'; c++)
            printable += c;
        for (int i = 0; i < 60; i++)
            strings.Add(RandomAscii("aAbBz-' 0!\t\u0001\u007F.~", 6));
        for (int i = 0; i < 40; i++)
            strings.Add(RandomAscii(printable, 5));
        for (int i = 0; i < 30; i++)
            strings.Add(RandomAscii("ab-'", 5));
        string[] all = strings.ToArray();

        for (int i = 0; i < all.Length; i++)
        {
            for (int j = 0; j < all.Length; j += 1 + (i + j) % 3)
            {
                string a = all[i];
                string b = all[j];
                string pair = Driver.Show(a) + " " + Driver.Show(b);
                Check("string-compare culture " + pair, Try(() => HostString.Compare(a, b)), Try(() => string.Compare(a, b)));
                Check("string-compare ignorecase " + pair, Try(() => HostString.Compare(a, b, true)), Try(() => string.Compare(a, b, true)));
                Check("string-compare ordinal " + pair, Try(() => Math.Sign(HostString.CompareOrdinal(a, b))), Try(() => Math.Sign(string.CompareOrdinal(a, b))));
            }
        }

        // Ordinal comparisons return the difference itself; every kind of
        // character.
        List<string> others = new List<string>(Any);
        others.Add(null);
        others.Add("abcdefghij");
        others.Add("abcdefghiJ");
        others.Add("ab");
        others.Add("abcd");
        foreach (string x in others)
        {
            foreach (string y in others)
            {
                string a = x;
                string b = y;
                string pair = Driver.Show(a) + " " + Driver.Show(b);
                Check("string-compare CompareOrdinal " + pair, Try(() => HostString.CompareOrdinal(a, b)), Try(() => string.CompareOrdinal(a, b)));
                Check("string-compare OrdinalIgnoreCase " + pair, Try(() => HostString.Compare(a, b, StringComparison.OrdinalIgnoreCase)), Try(() => string.Compare(a, b, StringComparison.OrdinalIgnoreCase)));
                Check("string-compare Ordinal " + pair, Try(() => Math.Sign(HostString.Compare(a, b, StringComparison.Ordinal))), Try(() => Math.Sign(string.Compare(a, b, StringComparison.Ordinal))));
                Check("string-compare Equals OrdinalIgnoreCase " + pair, Try(() => HostString.Equals(a, b, StringComparison.OrdinalIgnoreCase)), Try(() => string.Equals(a, b, StringComparison.OrdinalIgnoreCase)));
                if (a != null && IsAscii(a) && IsAscii(b))
                    Check("string-compare CompareTo " + pair, Try(() => Math.Sign(H(a).CompareTo(b))), Try(() => Math.Sign(a.CompareTo(b))));
                foreach (int indexA in new int[] { -1, 0, 1 })
                {
                    foreach (int length in new int[] { -1, 0, 2, 10 })
                    {
                        int ia = indexA;
                        int l = length;
                        Check("string-compare CompareOrdinal range " + pair + " " + ia + " " + l, Try(() => HostString.CompareOrdinal(a, ia, b, 1, l)), Try(() => string.CompareOrdinal(a, ia, b, 1, l)));
                    }
                }
            }
        }
        foreach (string x in Ascii)
        {
            foreach (string y in Ascii)
            {
                string a = x;
                string b = y;
                string pair = Driver.Show(a) + " " + Driver.Show(b);
                Check("string-compare range " + pair, Try(() => HostString.Compare(a, 1, b, 0, 3)), Try(() => string.Compare(a, 1, b, 0, 3)));
                Check("string-compare range ignorecase " + pair, Try(() => HostString.Compare(a, 0, b, 0, 2, true)), Try(() => string.Compare(a, 0, b, 0, 2, true)));
                Check("string-compare CurrentCultureIgnoreCase " + pair, Try(() => HostString.Compare(a, b, StringComparison.CurrentCultureIgnoreCase)), Try(() => string.Compare(a, b, StringComparison.CurrentCultureIgnoreCase)));
                Check("string-compare Equals InvariantCulture " + pair, Try(() => HostString.Equals(a, b, StringComparison.InvariantCulture)), Try(() => string.Equals(a, b, StringComparison.InvariantCulture)));
            }
        }
        Check("string-compare bad comparison", Try(() => HostString.Compare("a", "b", (StringComparison)9)), Try(() => string.Compare("a", "b", (StringComparison)9)));
    }

    private static void Searching()
    {
        char[] chars = { 'a', 'b', 'A', ' ', '\0', ',', 'z', '\u00E9', '\uDE00' };
        int[] starts = { -1, 0, 1, 3, 5, 20 };
        int[] counts = { -1, 0, 1, 2, 4, 30 };
        foreach (string str in AllStrings())
        {
            string s = str;
            string shown = Driver.Show(s);
            foreach (char ch in chars)
            {
                char c = ch;
                string label = shown + " " + (int)c;
                Check("string-search IndexOf(char) " + label, Try(() => H(s).IndexOf(c)), Try(() => s.IndexOf(c)));
                Check("string-search LastIndexOf(char) " + label, Try(() => H(s).LastIndexOf(c)), Try(() => s.LastIndexOf(c)));
                Check("string-search Contains(char) " + label, Try(() => H(s).Contains(c)), Try(() => s.Contains(c)));
                Check("string-search StartsWith(char) " + label, Try(() => H(s).StartsWith(c)), Try(() => s.StartsWith(c)));
                Check("string-search EndsWith(char) " + label, Try(() => H(s).EndsWith(c)), Try(() => s.EndsWith(c)));
                foreach (int start in starts)
                {
                    int st = start;
                    Check("string-search IndexOf(char, start) " + label + " " + st, Try(() => H(s).IndexOf(c, st)), Try(() => s.IndexOf(c, st)));
                    Check("string-search LastIndexOf(char, start) " + label + " " + st, Try(() => H(s).LastIndexOf(c, st)), Try(() => s.LastIndexOf(c, st)));
                    foreach (int count in counts)
                    {
                        int n = count;
                        Check("string-search IndexOf(char, start, count) " + label + " " + st + " " + n, Try(() => H(s).IndexOf(c, st, n)), Try(() => s.IndexOf(c, st, n)));
                        Check("string-search LastIndexOf(char, start, count) " + label + " " + st + " " + n, Try(() => H(s).LastIndexOf(c, st, n)), Try(() => s.LastIndexOf(c, st, n)));
                    }
                }
            }
            char[] any = { ',', 'b', '\u00E9' };
            Check("string-search IndexOfAny " + shown, Try(() => H(s).IndexOfAny(any)), Try(() => s.IndexOfAny(any)));
            Check("string-search LastIndexOfAny " + shown, Try(() => H(s).LastIndexOfAny(any)), Try(() => s.LastIndexOfAny(any)));
            Check("string-search IndexOfAny null " + shown, Try(() => H(s).IndexOfAny(null)), Try(() => s.IndexOfAny(null)));
            foreach (int start in starts)
            {
                int st = start;
                Check("string-search IndexOfAny start " + shown + " " + st, Try(() => H(s).IndexOfAny(any, st)), Try(() => s.IndexOfAny(any, st)));
                Check("string-search LastIndexOfAny start " + shown + " " + st, Try(() => H(s).LastIndexOfAny(any, st)), Try(() => s.LastIndexOfAny(any, st)));
                foreach (int count in counts)
                {
                    int n = count;
                    Check("string-search IndexOfAny range " + shown + " " + st + " " + n, Try(() => H(s).IndexOfAny(any, st, n)), Try(() => s.IndexOfAny(any, st, n)));
                    Check("string-search LastIndexOfAny range " + shown + " " + st + " " + n, Try(() => H(s).LastIndexOfAny(any, st, n)), Try(() => s.LastIndexOfAny(any, st, n)));
                }
            }
        }

        string[] needles = { null, "", "a", "b", "ab", "abc", "ss", "issi", "o", ",", "x", "A", " ", "-", "co", "op", "hello, world!" };
        foreach (string str in Ascii)
        {
            string s = str;
            foreach (string needle in needles)
            {
                string v = needle;
                string label = Driver.Show(s) + " " + Driver.Show(v);
                Check("string-search IndexOf(string) " + label, Try(() => H(s).IndexOf(v)), Try(() => s.IndexOf(v)));
                Check("string-search LastIndexOf(string) " + label, Try(() => H(s).LastIndexOf(v)), Try(() => s.LastIndexOf(v)));
                Check("string-search Contains(string) " + label, Try(() => H(s).Contains(v)), Try(() => s.Contains(v)));
                Check("string-search StartsWith(string) " + label, Try(() => H(s).StartsWith(v)), Try(() => s.StartsWith(v)));
                Check("string-search EndsWith(string) " + label, Try(() => H(s).EndsWith(v)), Try(() => s.EndsWith(v)));
                Check("string-search IndexOf(string, OrdinalIgnoreCase) " + label, Try(() => H(s).IndexOf(v, StringComparison.OrdinalIgnoreCase)), Try(() => s.IndexOf(v, StringComparison.OrdinalIgnoreCase)));
                Check("string-search StartsWith(string, OrdinalIgnoreCase) " + label, Try(() => H(s).StartsWith(v, StringComparison.OrdinalIgnoreCase)), Try(() => s.StartsWith(v, StringComparison.OrdinalIgnoreCase)));
                Check("string-search EndsWith(string, Ordinal) " + label, Try(() => H(s).EndsWith(v, StringComparison.Ordinal)), Try(() => s.EndsWith(v, StringComparison.Ordinal)));
                foreach (int start in new int[] { -1, 0, 2, 5, 11, 12 })
                {
                    int st = start;
                    Check("string-search IndexOf(string, start) " + label + " " + st, Try(() => H(s).IndexOf(v, st)), Try(() => s.IndexOf(v, st)));
                    Check("string-search LastIndexOf(string, start) " + label + " " + st, Try(() => H(s).LastIndexOf(v, st)), Try(() => s.LastIndexOf(v, st)));
                    foreach (int count in new int[] { -1, 0, 3, 7 })
                    {
                        int n = count;
                        Check("string-search IndexOf(string, start, count) " + label + " " + st + " " + n, Try(() => H(s).IndexOf(v, st, n)), Try(() => s.IndexOf(v, st, n)));
                        Check("string-search LastIndexOf(string, start, count) " + label + " " + st + " " + n, Try(() => H(s).LastIndexOf(v, st, n)), Try(() => s.LastIndexOf(v, st, n)));
                    }
                }
            }
        }
    }

    private static void Editing()
    {
        int[] indexes = { -1, 0, 1, 2, 5, 12 };
        char[][] trimSets = { null, new char[0], new char[] { 'a' }, new char[] { ' ', ',', 'd' }, new char[] { '\0' } };
        foreach (string str in AllStrings())
        {
            string s = str;
            string shown = Driver.Show(s);
            foreach (int index in indexes)
            {
                int i = index;
                Check("string-edit Substring " + shown + " " + i, Try(() => H(s).Substring(i)), Try(() => s.Substring(i)));
                Check("string-edit Remove " + shown + " " + i, Try(() => H(s).Remove(i)), Try(() => s.Remove(i)));
                Check("string-edit Insert " + shown + " " + i, Try(() => H(s).Insert(i, "<>")), Try(() => s.Insert(i, "<>")));
                Check("string-edit Insert empty " + shown + " " + i, Try(() => H(s).Insert(i, "")), Try(() => s.Insert(i, "")));
                Check("string-edit PadLeft " + shown + " " + i, Try(() => H(s).PadLeft(i)), Try(() => s.PadLeft(i)));
                Check("string-edit PadRight " + shown + " " + i, Try(() => H(s).PadRight(i, '*')), Try(() => s.PadRight(i, '*')));
                foreach (int length in indexes)
                {
                    int l = length;
                    Check("string-edit Substring2 " + shown + " " + i + " " + l, Try(() => H(s).Substring(i, l)), Try(() => s.Substring(i, l)));
                    Check("string-edit Remove2 " + shown + " " + i + " " + l, Try(() => H(s).Remove(i, l)), Try(() => s.Remove(i, l)));
                }
            }
            Check("string-edit Insert null " + shown, Try(() => H(s).Insert(0, null)), Try(() => s.Insert(0, null)));
            Check("string-edit Trim " + shown, Try(() => H(s).Trim()), Try(() => s.Trim()));
            Check("string-edit TrimStart " + shown, Try(() => H(s).TrimStart()), Try(() => s.TrimStart()));
            Check("string-edit TrimEnd " + shown, Try(() => H(s).TrimEnd()), Try(() => s.TrimEnd()));
            Check("string-edit Trim(char) " + shown, Try(() => H(s).Trim('a')), Try(() => s.Trim('a')));
            Check("string-edit TrimStart(char) " + shown, Try(() => H(s).TrimStart(' ')), Try(() => s.TrimStart(' ')));
            Check("string-edit TrimEnd(char) " + shown, Try(() => H(s).TrimEnd('c')), Try(() => s.TrimEnd('c')));
            foreach (char[] set in trimSets)
            {
                char[] t = set;
                Check("string-edit Trim(chars) " + shown + " " + Driver.Show(t), Try(() => H(s).Trim(t)), Try(() => s.Trim(t)));
                Check("string-edit TrimStart(chars) " + shown + " " + Driver.Show(t), Try(() => H(s).TrimStart(t)), Try(() => s.TrimStart(t)));
                Check("string-edit TrimEnd(chars) " + shown + " " + Driver.Show(t), Try(() => H(s).TrimEnd(t)), Try(() => s.TrimEnd(t)));
            }
            Check("string-edit Replace(char) " + shown, Try(() => H(s).Replace('a', '_')), Try(() => s.Replace('a', '_')));
            Check("string-edit Replace(char, same) " + shown, Try(() => H(s).Replace('b', 'b')), Try(() => s.Replace('b', 'b')));
            foreach (string oldValue in new string[] { null, "", "a", "ab", "ss", " ", "\0", "abcabc", "\u00E9" })
            {
                foreach (string newValue in new string[] { null, "", "XY", "a" })
                {
                    string o = oldValue;
                    string n = newValue;
                    Check("string-edit Replace(string) " + shown + " " + Driver.Show(o) + " " + Driver.Show(n), Try(() => H(s).Replace(o, n)), Try(() => s.Replace(o, n)));
                }
            }
            Check("string-edit IsNullOrEmpty " + shown, Try(() => HostString.IsNullOrEmpty(s)), Try(() => string.IsNullOrEmpty(s)));
        }
    }

    private static void CaseConversion()
    {
        // Every UTF-16 code unit, 256 at a time.
        for (int block = 0; block < 256; block++)
        {
            char[] chars = new char[256];
            for (int i = 0; i < 256; i++)
                chars[i] = (char)(block * 256 + i);
            string s = new string(chars);
            Check("string-case ToUpper " + block, Try(() => H(s).ToUpper()), Try(() => s.ToUpper()));
            Check("string-case ToLower " + block, Try(() => H(s).ToLower()), Try(() => s.ToLower()));
            Check("string-case ToUpperInvariant " + block, Try(() => H(s).ToUpperInvariant()), Try(() => s.ToUpperInvariant()));
            Check("string-case ToLowerInvariant " + block, Try(() => H(s).ToLowerInvariant()), Try(() => s.ToLowerInvariant()));
        }
        foreach (string str in AllStrings())
        {
            string s = str;
            Check("string-case ToUpper " + Driver.Show(s), Try(() => H(s).ToUpper()), Try(() => s.ToUpper()));
            Check("string-case ToLower " + Driver.Show(s), Try(() => H(s).ToLower()), Try(() => s.ToLower()));
        }
    }

    private static void Splitting()
    {
        string[] inputs = { "", "a", "a,b", ",a,,b,", "a, b ,c", ",,,", "one two  three", " lead and trail ", "a\tb\nc\u00A0d\u2003e", "a--b-c--", "xyxyx", "abc" };
        char[][] separators = { null, new char[0], new char[] { ',' }, new char[] { ',', ' ' }, new char[] { '-' }, new char[] { 'z' } };
        int[] counts = { -1, 0, 1, 2, 3, 100 };
        StringSplitOptions[] options = { StringSplitOptions.None, StringSplitOptions.RemoveEmptyEntries, (StringSplitOptions)2 };
        foreach (string input in inputs)
        {
            string s = input;
            string shown = Driver.Show(s);
            foreach (char[] sep in separators)
            {
                char[] sp = sep;
                string label = shown + " " + Driver.Show(sp);
                Check("string-split chars " + label, Try(() => H(s).Split(sp)), Try(() => s.Split(sp)));
                foreach (StringSplitOptions option in options)
                {
                    StringSplitOptions o = option;
                    Check("string-split chars options " + label + " " + (int)o, Try(() => H(s).Split(sp, o)), Try(() => s.Split(sp, o)));
                    foreach (int count in counts)
                    {
                        int n = count;
                        Check("string-split chars count " + label + " " + n + " " + (int)o, Try(() => H(s).Split(sp, n, o)), Try(() => s.Split(sp, n, o)));
                    }
                }
            }
            foreach (char c in new char[] { ',', ' ', 'x' })
            {
                char sc = c;
                Check("string-split char " + shown + " " + (int)sc, Try(() => H(s).Split(sc)), Try(() => s.Split(sc)));
                Check("string-split char remove " + shown + " " + (int)sc, Try(() => H(s).Split(sc, StringSplitOptions.RemoveEmptyEntries)), Try(() => s.Split(sc, StringSplitOptions.RemoveEmptyEntries)));
                Check("string-split char count " + shown + " " + (int)sc, Try(() => H(s).Split(sc, 2, StringSplitOptions.None)), Try(() => s.Split(sc, 2, StringSplitOptions.None)));
            }
            string[][] stringSeparators = { null, new string[0], new string[] { "" }, new string[] { "--" }, new string[] { "-", "--" }, new string[] { "--", "-" }, new string[] { "xy", "x" }, new string[] { null, "," } };
            foreach (string[] sep in stringSeparators)
            {
                string[] sp = sep;
                string label = shown + " " + Driver.Show(sp);
                foreach (StringSplitOptions option in options)
                {
                    StringSplitOptions o = option;
                    Check("string-split strings " + label + " " + (int)o, Try(() => H(s).Split(sp, o)), Try(() => s.Split(sp, o)));
                    foreach (int count in counts)
                    {
                        int n = count;
                        Check("string-split strings count " + label + " " + n + " " + (int)o, Try(() => H(s).Split(sp, n, o)), Try(() => s.Split(sp, n, o)));
                    }
                }
            }
            foreach (string sep in new string[] { null, "", "--", "x", "b" })
            {
                string sp = sep;
                Check("string-split string " + shown + " " + Driver.Show(sp), Try(() => H(s).Split(sp)), Try(() => s.Split(sp)));
                Check("string-split string remove " + shown + " " + Driver.Show(sp), Try(() => H(s).Split(sp, StringSplitOptions.RemoveEmptyEntries)), Try(() => s.Split(sp, StringSplitOptions.RemoveEmptyEntries)));
                Check("string-split string count " + shown + " " + Driver.Show(sp), Try(() => H(s).Split(sp, 2)), Try(() => s.Split(sp, 2)));
            }
        }
    }

    private static void Joining()
    {
        string[][] arrays = { null, new string[0], new string[] { "a" }, new string[] { null }, new string[] { "a", "b", "c" }, new string[] { "", null, "x", "" } };
        foreach (string separator in new string[] { null, "", ", ", "-" })
        {
            foreach (string[] array in arrays)
            {
                string sep = separator;
                string[] a = array;
                string label = Driver.Show(sep) + " " + Driver.Show(a);
                Check("string-join " + label, Try(() => HostString.Join(sep, a)), Try(() => string.Join(sep, a)));
                Check("string-join range " + label, Try(() => HostString.Join(sep, a, 1, 2)), Try(() => string.Join(sep, a, 1, 2)));
                Check("string-join range0 " + label, Try(() => HostString.Join(sep, a, 0, 0)), Try(() => string.Join(sep, a, 0, 0)));
                Check("string-join range bad " + label, Try(() => HostString.Join(sep, a, -1, 1)), Try(() => string.Join(sep, a, -1, 1)));
            }
            object[][] objects = { null, new object[0], new object[] { 1, "b", null, 2.5, 'c' }, new object[] { null, "x" }, new object[] { true } };
            foreach (object[] array in objects)
            {
                string sep = separator;
                object[] a = array;
                Check("string-join objects " + Driver.Show(sep) + " " + (a == null ? -1 : a.Length), Try(() => HostString.Join(sep, a)), Try(() => string.Join(sep, a)));
            }
        }
        Check("string-join char", Try(() => HostString.Join('|', new string[] { "a", "b" })), Try(() => string.Join('|', new string[] { "a", "b" })));
        Check("string-join char objects", Try(() => HostString.Join('|', new object[] { 1, 2 })), Try(() => string.Join('|', new object[] { 1, 2 })));
        Check("string-join char range", Try(() => HostString.Join('|', new string[] { "a", "b", "c" }, 1, 2)), Try(() => string.Join('|', new string[] { "a", "b", "c" }, 1, 2)));
    }

    private static void Formatting()
    {
        string[] formats =
        {
            "", "plain", "{0}", "[{0}]", "{0}{0}", "{{0}}", "{{{0}}}", "}}", "{{", "{", "}", "{0", "{0,", "{0,5}", "{0,-5}|",
            "{0, 5}", "{0 ,5}", "{ 0}", "{0 }", "{0,5 }", "{0,-0}", "{0:X}", "{0:x8}", "{0:D5}", "{0,8:F2}", "{0,-8:N0}|",
            "{0:}", "{0:{{}}}", "{0:}}}", "{0:{}", "{1}", "{0}{1}{2}", "{2}{1}{0}", "{3}", "{-1}", "{a}", "{0:E2}", "{0:P}",
            "{0:0.00}", "{0:#,##0}", "{0,10:0.0}|", "{0:G}", "{0:R}", "{0,-1000001}", "{1000000}", "{0,2147483648}",
            "a{0}b{1,3}c{2:X2}d", "{0:x}{1:x}", "{0:C}",
        };
        object[][] argumentSets =
        {
            new object[] { 42, "text", 255 },
            new object[] { -3.75, null, 'c' },
            new object[] { null, 1.5f, true },
            new object[] { 123456789L, 0.1 + 0.2, (byte)7 },
            new object[] { "s", new StringBuilder("sb"), -1 },
        };
        foreach (string format in formats)
        {
            foreach (object[] args in argumentSets)
            {
                string f = format;
                object[] a = args;
                string label = Driver.Show(f) + " " + Driver.Show(a[0]);
                Check("string-format 1 " + label, Try(() => HostString.Format(f, a[0])), Try(() => string.Format(f, a[0])));
                Check("string-format 2 " + label, Try(() => HostString.Format(f, a[0], a[1])), Try(() => string.Format(f, a[0], a[1])));
                Check("string-format 3 " + label, Try(() => HostString.Format(f, a[0], a[1], a[2])), Try(() => string.Format(f, a[0], a[1], a[2])));
                Check("string-format array " + label, Try(() => HostString.Format(f, a)), Try(() => string.Format(f, a)));
                Check("string-format provider " + label, Try(() => HostString.Format(CultureInfo.InvariantCulture, f, a)), Try(() => string.Format(CultureInfo.InvariantCulture, f, a)));
            }
        }
        Check("string-format null format", Try(() => HostString.Format(null, 1)), Try(() => string.Format(null, 1)));
        Check("string-format null args", Try(() => HostString.Format("{0}", (object[])null)), Try(() => string.Format("{0}", (object[])null)));
        Check("string-format null both", Try(() => HostString.Format(null, (object[])null)), Try(() => string.Format(null, (object[])null)));
    }
}
