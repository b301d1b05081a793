// Lots of short strings: number formatting, concatenation, substrings,
// comparisons and a string table that keeps a few of them alive.
using System;
using System.Text;

class Program
{
    static int Main(string[] args)
    {
        int n = args.Length > 0 ? int.Parse(args[0]) : 200000;
        string[] keep = new string[1000];
        long totalLength = 0;
        int equal = 0;
        for (int i = 0; i < n; i++)
        {
            string a = i.ToString();
            string b = "item-" + a + "-" + (i * 7 % 1000);
            string c = b.Substring(5, a.Length);
            if (c == a)
                equal++;
            totalLength += b.Length + c.Length;
            if (i % 997 == 0)
                keep[(i / 997) % keep.Length] = b.ToUpper();
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < keep.Length; i += 100)
            if (keep[i] != null)
                sb.Append(keep[i]).Append(' ');
        Console.WriteLine("strings: " + n + ", equal substrings: " + equal + ", total length: " + totalLength);
        Console.WriteLine("kept: " + sb.ToString().Trim());
        return 0;
    }
}
