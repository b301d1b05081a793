// Many reference-type instantiations of the same generic code: what code
// sharing saves (docs/generics.md measures JIT time and code bytes with
// OSPREY_GENERIC_SHARING=0 and =1).
using System;
using System.Collections.Generic;
using System.Linq;

class A { public int V; } class B { public int V; } class C { public int V; } class D { public int V; }
class E { public int V; } class F { public int V; } class G { public int V; } class H { public int V; }

class Program
{
    static int Work<T>(Func<int, T> make, Func<T, int> get) where T : class
    {
        var list = new List<T>();
        for (int i = 0; i < 100; i++)
            list.Add(make(i));
        var set = new HashSet<T>(list);
        var dict = list.ToDictionary(x => get(x));
        var sorted = list.OrderByDescending(get).Take(10).ToList();
        var q = new Queue<T>(sorted);
        var st = new Stack<T>(q);
        return list.Count + set.Count + dict.Count + st.Count + list.Where(x => get(x) % 2 == 0).Count();
    }

    static int Main()
    {
        int sum = 0;
        sum += Work(i => new A { V = i }, a => a.V);
        sum += Work(i => new B { V = i }, a => a.V);
        sum += Work(i => new C { V = i }, a => a.V);
        sum += Work(i => new D { V = i }, a => a.V);
        sum += Work(i => new E { V = i }, a => a.V);
        sum += Work(i => new F { V = i }, a => a.V);
        sum += Work(i => new G { V = i }, a => a.V);
        sum += Work(i => new H { V = i }, a => a.V);
        sum += Work(i => "s" + i, s => int.Parse(s.Substring(1)));
        sum += Work(i => (object)i, o => (int)o);
        Console.WriteLine(sum);
        return sum == 3600 ? 0 : 1;
    }
}
