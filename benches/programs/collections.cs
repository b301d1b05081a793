// Dictionaries and lists: Dictionary<int,int> and List<int>/List<string> work.
using System;
using System.Collections.Generic;

static class Program
{
    static int Main()
    {
        var d = new Dictionary<int, int>();
        for (int r = 0; r < 4; r++) for (int i = 0; i < 300000; i++) d[i * 7 % 100003] = i + r;
        long sum = 0;
        for (int i = 0; i < 300000; i++) { int v; if (d.TryGetValue(i, out v)) sum += v; }
        var list = new List<int>();
        for (int i = 0; i < 3000000; i++) list.Add(i ^ 0x55);
        long ls = 0;
        for (int i = 0; i < list.Count; i++) ls += list[i];
        var names = new List<string>();
        for (int i = 0; i < 20000; i++) names.Add("n" + (i % 1000));
        var counts = new Dictionary<string, int>();
        foreach (var n in names) { int c; counts.TryGetValue(n, out c); counts[n] = c + 1; }
        Console.WriteLine(d.Count + " " + sum + " " + ls + " " + counts.Count);
        return d.Count == 100003 && sum == 25000850003L && counts.Count == 1000 && ls == 4499998504096L ? 0 : 1;
    }
}
