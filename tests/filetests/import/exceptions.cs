// filetest: Exceptions::*
// Exception regions: try/catch, try/finally, a filter, nested regions,
// rethrow, throw, leave out of nested protected blocks.
using System;

static class Exceptions
{
    public static int Catch(int[] a, int i)
    {
        try { return a[i]; }
        catch (IndexOutOfRangeException) { return -1; }
    }

    public static string Finally(string s)
    {
        string r = "start";
        try
        {
            try { r += s.Length; }
            finally { r += " inner"; }
        }
        finally { r += " outer"; }
        return r;
    }

    public static int Filter(int x)
    {
        try { throw new InvalidOperationException("x" + x); }
        catch (InvalidOperationException e) when (e.Message.Length > 2) { return 2; }
        catch (Exception) { return 1; }
    }

    public static void Rethrow()
    {
        try { throw new ArgumentException("bad"); }
        catch (ArgumentException) { throw; }
    }
}

class Program
{
    static void Main()
    {
        Console.WriteLine(Exceptions.Catch(new int[2], 5));
        Console.WriteLine(Exceptions.Finally("abc"));
        Console.WriteLine(Exceptions.Filter(7) + Exceptions.Filter(70));
        try { Exceptions.Rethrow(); }
        catch (ArgumentException e) { Console.WriteLine(e.Message); }
    }
}
