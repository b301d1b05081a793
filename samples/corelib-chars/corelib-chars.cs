// Char classification and case conversion for every ASCII and Latin-1
// character and a few beyond, and the string forms.
using System;

class Program
{
    static string Flags(char c)
    {
        return (char.IsDigit(c) ? "d" : "-") + (char.IsLetter(c) ? "L" : "-") + (char.IsLetterOrDigit(c) ? "a" : "-")
            + (char.IsWhiteSpace(c) ? "w" : "-") + (char.IsUpper(c) ? "U" : "-") + (char.IsLower(c) ? "l" : "-")
            + (char.IsPunctuation(c) ? "p" : "-") + (char.IsSymbol(c) ? "s" : "-") + (char.IsNumber(c) ? "n" : "-")
            + (char.IsControl(c) ? "c" : "-") + (char.IsSeparator(c) ? "z" : "-");
    }

    static int Main()
    {
        for (int i = 0; i < 256; i++)
        {
            char c = (char)i;
            Console.WriteLine(i + " " + Flags(c) + " " + (int)char.GetUnicodeCategory(c) + " upper=" + (int)char.ToUpper(c) + " lower=" + (int)char.ToLower(c));
        }
        int[] others = { 0x100, 0x130, 0x131, 0x17F, 0x391, 0x3B1, 0x3C2, 0x410, 0x430, 0x5D0, 0x660, 0x2028, 0x20AC, 0x3000, 0x4E2D, 0xD800, 0xFF21, 0xFF41 };
        foreach (int i in others)
        {
            char c = (char)i;
            Console.WriteLine(i + " " + Flags(c) + " " + (int)char.GetUnicodeCategory(c) + " upper=" + (int)char.ToUpperInvariant(c) + " lower=" + (int)char.ToLowerInvariant(c));
        }
        string s = "a1 B_";
        for (int i = 0; i < s.Length; i++)
            Console.WriteLine(i + ": " + char.IsLetter(s, i) + " " + char.IsDigit(s, i) + " " + char.IsWhiteSpace(s, i) + " " + char.IsUpper(s, i));
        Console.WriteLine(char.Parse("x") + " " + 'q'.CompareTo('a') + " " + 'Z'.Equals('Z') + " " + char.ToString('k'));
        return 0;
    }
}
