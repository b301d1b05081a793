// String methods: searching, slicing, editing, splitting, joining, case,
// comparison. Every result is printed between brackets so that spaces and
// empty strings show.
using System;

class Program
{
    static void Show(string label, string value)
    {
        Console.WriteLine(label + " = [" + (value == null ? "<null>" : value) + "]");
    }

    static void Show(string label, int value)
    {
        Console.WriteLine(label + " = " + value);
    }

    static void Show(string label, bool value)
    {
        Console.WriteLine(label + " = " + value);
    }

    static void ShowAll(string label, string[] values)
    {
        Console.Write(label + " = " + values.Length + ":");
        for (int i = 0; i < values.Length; i++)
            Console.Write(" [" + values[i] + "]");
        Console.WriteLine();
    }

    static int Main()
    {
        string s = "Hello, World";
        Show("Length", s.Length);
        Show("s[0]", s[0].ToString());
        Show("s[11]", s[11].ToString());

        // Concatenation of every arity.
        string a = "a", b = "b", c = "c", d = "d", e = "e";
        Show("2", a + b);
        Show("3", a + b + c);
        Show("4", a + b + c + d);
        Show("5", a + b + c + d + e);
        Show("null", a + null + b);
        Show("objects", a + 1 + 'x' + true + 2L);
        Show("Concat(object)", string.Concat((object)42));

        // Searching.
        Show("IndexOf('o')", s.IndexOf('o'));
        Show("IndexOf('o', 5)", s.IndexOf('o', 5));
        Show("IndexOf('z')", s.IndexOf('z'));
        Show("IndexOf(\"World\")", s.IndexOf("World"));
        Show("IndexOf(\"o\", 5)", s.IndexOf("o", 5));
        Show("IndexOf(\"\")", s.IndexOf(""));
        Show("LastIndexOf('o')", s.LastIndexOf('o'));
        Show("LastIndexOf(\"l\")", s.LastIndexOf("l"));
        Show("IndexOfAny", s.IndexOfAny(new char[] { ',', 'W' }));
        Show("Contains(\"lo, W\")", s.Contains("lo, W"));
        Show("Contains('z')", s.Contains('z'));
        Show("StartsWith(\"Hell\")", s.StartsWith("Hell"));
        Show("StartsWith(\"hell\")", s.StartsWith("hell"));
        Show("EndsWith(\"World\")", s.EndsWith("World"));
        Show("EndsWith('d')", s.EndsWith('d'));

        // Slicing and editing.
        Show("Substring(7)", s.Substring(7));
        Show("Substring(0, 5)", s.Substring(0, 5));
        Show("Insert", s.Insert(5, "!!!"));
        Show("Remove(5)", s.Remove(5));
        Show("Remove(5, 2)", s.Remove(5, 2));
        Show("Replace('l', 'L')", s.Replace('l', 'L'));
        Show("Replace(\"l\", \"\")", s.Replace("l", ""));
        Show("Replace(\"World\", \"There\")", s.Replace("World", "There"));
        Show("PadLeft(15)", s.PadLeft(15));
        Show("PadRight(15, '.')", s.PadRight(15, '.'));
        Show("PadLeft(3)", s.PadLeft(3));

        string padded = "  \t trim me \n ";
        Show("Trim()", padded.Trim());
        Show("TrimStart()", padded.TrimStart());
        Show("TrimEnd()", padded.TrimEnd());
        Show("Trim(chars)", "xxyhixyx".Trim('x', 'y'));
        Show("TrimStart('x')", "xxhix".TrimStart('x'));
        Show("TrimEnd(chars)", "hi!?!".TrimEnd(new char[] { '!', '?' }));

        // Case.
        Show("ToUpper", s.ToUpper());
        Show("ToLower", s.ToLower());
        Show("ToUpperInvariant", "mixed Case 123".ToUpperInvariant());
        Show("ToLowerInvariant", "MIXED Case 123".ToLowerInvariant());

        // Splitting and joining.
        string csv = "one,two,,three,";
        ShowAll("Split(',')", csv.Split(','));
        ShowAll("Split(',', RemoveEmptyEntries)", csv.Split(new char[] { ',' }, StringSplitOptions.RemoveEmptyEntries));
        ShowAll("Split(',', 2)", csv.Split(new char[] { ',' }, 2));
        ShowAll("Split()", "  a b\tc\n d  ".Split());
        ShowAll("Split(\", \")", "x, y, z".Split(new string[] { ", " }, StringSplitOptions.None));
        Show("Join", string.Join(" | ", new string[] { "a", "b", "c" }));
        Show("Join(objects)", string.Join("-", 1, 'x', 2.5, true));
        Show("Join(empty)", string.Join(",", new string[0]));

        // Characters.
        char[] chars = s.ToCharArray();
        Show("ToCharArray().Length", chars.Length);
        for (int i = 0, j = chars.Length - 1; i < j; i++, j--)
        {
            char t = chars[i];
            chars[i] = chars[j];
            chars[j] = t;
        }
        Show("new string(chars)", new string(chars));
        Show("new string(chars, 2, 3)", new string(chars, 2, 3));
        Show("new string('*', 5)", new string('*', 5));

        // Comparison.
        Show("==", "abc" == "ab" + "c");
        Show("!=", "abc" != "abd");
        Show("Equals", "abc".Equals("ABC"));
        Show("Equals(OrdinalIgnoreCase)", string.Equals("abc", "ABC", StringComparison.OrdinalIgnoreCase));
        Show("CompareOrdinal(abc, abd)", string.CompareOrdinal("abc", "abd"));
        Show("CompareOrdinal(b, a)", string.CompareOrdinal("b", "a"));
        Show("Compare(apple, Banana)", string.Compare("apple", "Banana"));
        Show("Compare(a, A)", string.Compare("a", "A"));
        Show("Compare(a, A, true)", string.Compare("a", "A", true));
        Show("CompareTo", "cherry".CompareTo("banana"));

        // Sorting words with the culture's order (insertion sort).
        string[] words = { "pear", "Apple", "banana", "apple", "Cherry", "date", "Banana" };
        for (int i = 1; i < words.Length; i++)
        {
            string key = words[i];
            int j = i - 1;
            while (j >= 0 && string.Compare(words[j], key) > 0)
            {
                words[j + 1] = words[j];
                j--;
            }
            words[j + 1] = key;
        }
        Show("sorted", string.Join(" ", words));

        Show("IsNullOrEmpty(\"\")", string.IsNullOrEmpty(""));
        Show("IsNullOrEmpty(null)", string.IsNullOrEmpty(null));
        Show("IsNullOrWhiteSpace(\" \\t\")", string.IsNullOrWhiteSpace(" \t"));
        Show("IsNullOrWhiteSpace(\"x\")", string.IsNullOrWhiteSpace("x"));
        return 0;
    }
}
