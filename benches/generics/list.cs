// List<T> workload over a value type and a reference type: Add, indexer,
// Sort with a comparison, BinarySearch, Contains, foreach.
using System;
using System.Collections.Generic;

class Item
{
    public int Key;
    public string Name;
}

class Program
{
    static int Main(string[] args)
    {
        int n = args.Length > 0 ? int.Parse(args[0]) : 400000;
        var ints = new List<int>();
        var items = new List<Item>();
        uint x = 12345;
        for (int i = 0; i < n; i++)
        {
            x = x * 1103515245 + 12345;
            ints.Add((int)(x >> 8));
            items.Add(new Item { Key = (int)(x >> 12), Name = "i" + (i & 255) });
        }
        ints.Sort();
        items.Sort((a, b) => a.Key.CompareTo(b.Key));
        long sum = 0;
        for (int i = 0; i < n; i += 97)
            if (ints.BinarySearch(ints[i]) >= 0)
                sum++;
        foreach (var it in items)
            sum += it.Key & 3;
        for (int i = 1; i < items.Count; i++)
            if (items[i - 1].Key > items[i].Key)
                return 2;
        var names = new List<string>();
        for (int i = 0; i < 1000; i++)
            names.Add("n" + i);
        for (int i = 0; i < 2000; i++)
            if (names.Contains("n" + (i % 1500)))
                sum++;
        Console.WriteLine(sum);
        return 0;
    }
}
