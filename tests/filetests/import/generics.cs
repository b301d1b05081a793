// filetest: Generics::*,Cache*::*
// Generic code: a generic method called with a reference type (shared
// code, runtime lookups in its dictionary) and with a value type (exact
// code); a generic class's static field and allocation of T[].
using System;
using System.Collections.Generic;

class Cache<T>
{
    static int hits;
    T last;

    public T Remember(T value)
    {
        hits++;
        last = value;
        return last;
    }

    public static int Hits { get { return hits; } }
}

static class Generics
{
    public static T[] Pair<T>(T a, T b)
    {
        T[] r = new T[2];
        r[0] = a;
        r[1] = b;
        return r;
    }

    public static string Describe<T>(T value)
    {
        List<T> list = new List<T>();
        list.Add(value);
        return typeof(T).Name + " " + list.Count + " " + new Cache<T>().Remember(value);
    }
}

class Program
{
    static void Main()
    {
        Console.WriteLine(Generics.Pair("a", "b").Length + Generics.Pair(1, 2)[1]);
        Console.WriteLine(Generics.Describe("text"));
        Console.WriteLine(Generics.Describe(42));
        Console.WriteLine(Cache<string>.Hits);
    }
}
