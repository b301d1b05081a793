// A LINQ pipeline: Where, Select, GroupBy, OrderBy, Sum, ToDictionary over
// reference and value types.
using System;
using System.Collections.Generic;
using System.Linq;

class Order
{
    public int Customer;
    public double Amount;
    public string Region;
}

class Program
{
    static int Main(string[] args)
    {
        int n = args.Length > 0 ? int.Parse(args[0]) : 200000;
        string[] regions = { "north", "south", "east", "west" };
        var orders = new List<Order>();
        for (int i = 0; i < n; i++)
            orders.Add(new Order { Customer = i % 1000, Amount = (i % 97) * 1.5, Region = regions[i % 4] });
        double total = 0;
        for (int round = 0; round < 5; round++)
        {
            var byRegion = orders
                .Where(o => o.Amount > 10)
                .GroupBy(o => o.Region)
                .Select(g => new { Region = g.Key, Sum = g.Sum(o => o.Amount), Count = g.Count() })
                .OrderBy(r => r.Region)
                .ToList();
            total += byRegion.Sum(r => r.Sum);
            var top = orders
                .GroupBy(o => o.Customer)
                .ToDictionary(g => g.Key, g => g.Max(o => o.Amount));
            total += top.Values.Where(v => v > 100).Count();
            total += Enumerable.Range(0, 10000).Select(i => i * 2).Where(i => i % 3 == 0).Sum();
        }
        Console.WriteLine(total.ToString("F1"));
        return 0;
    }
}
