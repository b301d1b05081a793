// LINQ query syntax as programs use it: from/where/select, orderby with
// several keys, group by, join, join into, let, nested from, and the
// usual word and record processing.
using System;
using System.Collections.Generic;
using System.Linq;

class Employee
{
    public string Name;
    public string Dept;
    public int Salary;
    public int? ManagerId;
    public int Id;
}

static class Program
{
    static void Main()
    {
        var employees = new List<Employee> {
            new Employee { Id = 1, Name = "Ada", Dept = "eng", Salary = 120 },
            new Employee { Id = 2, Name = "Bob", Dept = "eng", Salary = 95, ManagerId = 1 },
            new Employee { Id = 3, Name = "Cyd", Dept = "ops", Salary = 80, ManagerId = 1 },
            new Employee { Id = 4, Name = "Dee", Dept = "eng", Salary = 95, ManagerId = 2 },
            new Employee { Id = 5, Name = "Eli", Dept = "sales", Salary = 70, ManagerId = 3 },
            new Employee { Id = 6, Name = "Fay", Dept = "ops", Salary = 88, ManagerId = 3 },
        };

        var rich = from e in employees where e.Salary > 85 orderby e.Salary descending, e.Name select e.Name + ":" + e.Salary;
        Console.WriteLine(string.Join(" ", rich));

        var byDept = from e in employees
                     group e by e.Dept into g
                     orderby g.Count() descending, g.Key
                     select new { Dept = g.Key, Count = g.Count(), Total = g.Sum(x => x.Salary), Top = g.OrderByDescending(x => x.Salary).First().Name };
        foreach (var d in byDept)
            Console.WriteLine(d.Dept + " " + d.Count + " " + d.Total + " " + d.Top + " " + d);

        var withManagers = from e in employees
                           join m in employees on e.ManagerId equals (int?)m.Id
                           select e.Name + " reports to " + m.Name;
        Console.WriteLine(string.Join("; ", withManagers));

        var reports = from m in employees
                      join e in employees on (int?)m.Id equals e.ManagerId into team
                      where team.Any()
                      select m.Name + "[" + string.Join(",", team.Select(t => t.Name)) + "]";
        Console.WriteLine(string.Join(" ", reports));

        var pairs = from a in employees
                    from b in employees
                    where a.Id < b.Id && a.Dept == b.Dept
                    let gap = Math.Abs(a.Salary - b.Salary)
                    orderby gap, a.Name
                    select a.Name + "-" + b.Name + "=" + gap;
        Console.WriteLine(string.Join(" ", pairs));

        string text = "the cat and the hat and the bat sat on the mat the end";
        var freq = from w in text.Split(' ')
                   group w by w into g
                   let n = g.Count()
                   orderby n descending, g.Key
                   select g.Key + "=" + n;
        Console.WriteLine(string.Join(" ", freq.Take(5)));
        var letters = text.Replace(" ", "").GroupBy(c => c).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).Select(g => g.Key + "" + g.Count());
        Console.WriteLine(string.Join(" ", letters.Take(6)));
        var firstLetters = text.Split(' ').Select(w => w[0]).Distinct().OrderBy(c => c);
        Console.WriteLine(new string(firstLetters.ToArray()));

        var primes = from n in Enumerable.Range(2, 60)
                     where Enumerable.Range(2, (int)Math.Sqrt(n) - 1).All(d => n % d != 0)
                     select n;
        Console.WriteLine(string.Join(",", primes));
        var pythagorean = from a in Enumerable.Range(1, 20)
                          from b in Enumerable.Range(a, 21 - a)
                          from c in Enumerable.Range(b, 21 - b)
                          where a * a + b * b == c * c
                          select "(" + a + "," + b + "," + c + ")";
        Console.WriteLine(string.Join(" ", pythagorean));
        var fib = Enumerable.Range(0, 15).Aggregate(new List<long> { 0, 1 }, (acc, _) => { acc.Add(acc[acc.Count - 1] + acc[acc.Count - 2]); return acc; });
        Console.WriteLine(string.Join(" ", fib.Where(x => x % 2 == 0)));
        var matrix = new[] { new[] { 1, 2, 3 }, new[] { 4, 5, 6 } };
        var transposed = Enumerable.Range(0, 3).Select(col => matrix.Select(row => row[col]).ToArray()).ToArray();
        Console.WriteLine(string.Join(" | ", transposed.Select(r => string.Join(",", r))));
        var running = employees.Select((e, i) => employees.Take(i + 1).Sum(x => x.Salary));
        Console.WriteLine(string.Join(" ", running));
        var lookup = employees.ToLookup(e => e.Salary >= 90 ? "high" : "low", e => e.Name);
        Console.WriteLine("high=" + string.Join(",", lookup["high"]) + " low=" + string.Join(",", lookup["low"]) + " none=" + lookup["none"].Count());
        var dict = employees.ToDictionary(e => e.Id, e => e.Name);
        Console.WriteLine(string.Join(" ", dict.Where(kv => kv.Key % 2 == 0).Select(kv => kv.Value)));
        var zipped = employees.Select(e => e.Name).Zip(employees.Skip(1).Select(e => e.Salary), (n, s) => n + s);
        Console.WriteLine(string.Join(" ", zipped));
        var chunks = Enumerable.Range(0, 10).GroupBy(i => i / 3, (k, items) => "[" + string.Join(",", items) + "]");
        Console.WriteLine(string.Join("", chunks));
        bool anyOps = employees.Any(e => e.Dept == "ops"), allPaid = employees.All(e => e.Salary > 60);
        Console.WriteLine(anyOps + " " + allPaid + " " + employees.Count(e => e.ManagerId == null) + " " + employees.Max(e => e.Name) + " " + employees.Average(e => e.Salary));
    }
}
