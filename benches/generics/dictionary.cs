// Dictionary<int,int> workload: inserts, lookups, updates, removals.
using System;
using System.Collections.Generic;

class Program
{
    static int Main(string[] args)
    {
        int n = args.Length > 0 ? int.Parse(args[0]) : 1000000;
        var d = new Dictionary<int, int>();
        for (int i = 0; i < n; i++)
            d[i * 7] = i;
        long sum = 0;
        for (int round = 0; round < 3; round++)
            for (int i = 0; i < n; i++)
            {
                int v;
                if (d.TryGetValue(i * 7, out v))
                    sum += v;
                if (d.ContainsKey(i * 7 + 1))
                    sum -= 1;
            }
        for (int i = 0; i < n; i += 2)
            d.Remove(i * 7);
        foreach (var kv in d)
            sum += kv.Key & 1;
        Console.WriteLine(sum + " " + d.Count);
        return d.Count == n / 2 ? 0 : 1;
    }
}
