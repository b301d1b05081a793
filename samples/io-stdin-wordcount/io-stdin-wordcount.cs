// A word counter over standard input (the harness feeds the `stdin` file):
// Console.ReadLine until it returns null at the end of the input, then
// counts of lines, words and characters, the most frequent words (a
// Hashtable) and the longest line.
using System;
using System.Collections;

class Program
{
    static void Main()
    {
        Hashtable counts = new Hashtable();
        int lines = 0, words = 0, chars = 0;
        string longest = "";
        string line;
        while ((line = Console.ReadLine()) != null)
        {
            lines++;
            chars += line.Length;
            if (line.Length > longest.Length)
                longest = line;
            string[] parts = line.Split(new char[] { ' ', '\t', ',', '.', ';', ':', '!', '?', '"', '(', ')' }, StringSplitOptions.RemoveEmptyEntries);
            foreach (string part in parts)
            {
                string w = part.ToLowerInvariant();
                words++;
                object c = counts[w];
                counts[w] = c == null ? 1 : (int)c + 1;
            }
        }
        Console.WriteLine("lines " + lines + ", words " + words + ", chars " + chars + ", distinct " + counts.Count);
        Console.WriteLine("longest (" + longest.Length + "): " + longest);

        // The ten most frequent, ties alphabetical.
        string[] keys = new string[counts.Count];
        counts.Keys.CopyTo(keys, 0);
        for (int i = 1; i < keys.Length; i++)
        {
            string k = keys[i];
            int j = i - 1;
            while (j >= 0 && Before(counts, k, keys[j]))
            {
                keys[j + 1] = keys[j];
                j--;
            }
            keys[j + 1] = k;
        }
        for (int i = 0; i < keys.Length && i < 10; i++)
            Console.WriteLine(((int)counts[keys[i]]).ToString().PadLeft(3) + " " + keys[i]);

        // At the end of the input, ReadLine keeps returning null and Read -1.
        Console.WriteLine((Console.ReadLine() == null) + " " + Console.Read() + " " + (Console.In.ReadToEnd() == ""));
    }

    static bool Before(Hashtable counts, string a, string b)
    {
        int ca = (int)counts[a], cb = (int)counts[b];
        if (ca != cb)
            return ca > cb;
        return String.CompareOrdinal(a, b) < 0;
    }
}
