// How stack traces name generic types and methods: by their definitions
// and type-parameter names, whatever instantiation ran (shared or not), as
// mono prints them. (NoInlining keeps mono from folding frames away; the
// IL offsets and module ids are cut off, only the names are compared.)
using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;

class Outer<K, V>
{
    public class Inner
    {
        [MethodImpl(MethodImplOptions.NoInlining)]
        public void Fail(K k, List<V> l, Dictionary<K, int[]> d, V[] a, ref K r)
        {
            throw new InvalidOperationException("inner " + k);
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void Call<M>(M m, K k, IEnumerable<M> e)
    {
        new Inner().Fail(k, null, null, null, ref k);
    }
}

struct Val<T>
{
    public T X;

    [MethodImpl(MethodImplOptions.NoInlining)]
    public void Boom() { throw new ArgumentException("val " + X); }
}

class Program
{
    static void Show(Exception e)
    {
        Console.WriteLine(e.GetType().Name + ": " + e.Message);
        foreach (string line in e.StackTrace.Split('\n'))
        {
            int cut = line.IndexOf(" [");
            Console.WriteLine(cut < 0 ? line : line.Substring(0, cut));
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    static void Generic<T>(T x) { new Val<T> { X = x }.Boom(); }

    static void Main()
    {
        try { Outer<int, string>.Call<double>(1.5, 2, null); } catch (Exception e) { Show(e); }
        try { Outer<string, object>.Call<string>("m", "k", null); } catch (Exception e) { Show(e); }
        try { Generic(7); } catch (Exception e) { Show(e); }
        try { Generic("s"); } catch (Exception e) { Show(e); }
    }
}
