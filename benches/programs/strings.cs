// String building: StringBuilder appends, concatenation, searching.
using System;
using System.Text;

static class Program
{
    static int Main()
    {
        var sb = new StringBuilder();
        for (int i = 0; i < 200000; i++) { sb.Append(i); sb.Append(','); }
        string s = sb.ToString();
        int commas = 0;
        for (int i = 0; i < s.Length; i++) if (s[i] == ',') commas++;
        string acc = "";
        for (int i = 0; i < 2000; i++) acc = acc + (char)('a' + i % 26);
        int found = 0;
        for (int i = 0; i < 300; i++) found += s.IndexOf((i * 37).ToString() + ",") >= 0 ? 1 : 0;
        Console.WriteLine(s.Length + " " + commas + " " + acc.Length + " " + found);
        return commas == 200000 && acc.Length == 2000 && found == 300 ? 0 : 1;
    }
}
