// Exceptions: catch by type and order, finally on every kind of exit,
// nested try, rethrow, throw from catch, custom exceptions, filters,
// unwinding through many frames, many exceptions in a loop, using/Dispose.
using System;

class AppException : Exception
{
    public int Code;
    public AppException(string message, int code) : base(message) { Code = code; }
}

class DeepException : AppException
{
    public DeepException(string message) : base("deep: " + message, 99) { }
}

class Resource : IDisposable
{
    string name;
    public Resource(string n) { name = n; Console.WriteLine("open " + n); }
    public void Use(bool fail) { Console.WriteLine("use " + name); if (fail) throw new InvalidOperationException("use failed: " + name); }
    public void Dispose() { Console.WriteLine("dispose " + name); }
}

class Program
{
    static int finallies;

    static void Thrower(int kind)
    {
        if (kind == 0) throw new ArgumentException("bad arg");
        if (kind == 1) throw new DeepException("k1");
        if (kind == 2) throw new AppException("app", 2);
        if (kind == 3) throw new InvalidOperationException("invalid");
        if (kind == 4) throw new Exception("plain");
    }

    static string Classify(int kind)
    {
        try
        {
            Thrower(kind);
            return "none";
        }
        catch (DeepException e) { return "Deep(" + e.Message + "," + e.Code + ")"; }
        catch (AppException e) { return "App(" + e.Message + "," + e.Code + ")"; }
        catch (ArgumentException e) { return "Arg(" + e.Message + ")"; }
        catch (Exception e) { return "Exc(" + e.GetType().FullName + ":" + e.Message + ")"; }
    }

    static int ReturnFromTry()
    {
        try { return 1; }
        finally { Console.WriteLine("finally after return"); }
    }

    static int FinallyOverwrites()
    {
        int x = 10;
        try { return x; }
        finally { x = 20; Console.WriteLine("x set to " + x); }
    }

    static void Recurse(int depth)
    {
        try
        {
            if (depth == 0) throw new DeepException("bottom");
            Recurse(depth - 1);
        }
        finally { finallies++; }
    }

    static void Rethrow()
    {
        try { Thrower(1); }
        catch (AppException) { Console.WriteLine("logging then rethrow"); throw; }
    }

    static void InnerWithFinally()
    {
        try { throw new AppException("two-pass", 1); }
        finally { Console.WriteLine("inner finally runs"); }
    }

    static bool Log(string s) { Console.WriteLine("filter saw " + s); return false; }

    static string Filtered(string msg)
    {
        try
        {
            try { throw new AppException(msg, msg.Length); }
            catch (AppException e) when (e.Message == "x") { return "inner x"; }
            catch (Exception e) when (Log(e.Message)) { return "never"; }
        }
        catch (AppException e) when (e.Code > 3) { return "outer long " + e.Code; }
        catch (Exception e) { return "outer other " + e.Message; }
    }

    static int Main()
    {
        for (int k = 0; k <= 5; k++) Console.WriteLine(k + " " + Classify(k));
        Console.WriteLine(ReturnFromTry());
        Console.WriteLine(FinallyOverwrites());

        string trace = "";
        for (int i = 0; i < 5; i++)
        {
            try
            {
                if (i == 1) continue;
                if (i == 3) break;
                trace += "b" + i;
            }
            finally { trace += "f" + i; }
        }
        Console.WriteLine(trace);

        trace = "";
        try
        {
            try { trace += "t1 "; throw new Exception("E1"); }
            finally { trace += "f1 "; }
        }
        catch (Exception e) { trace += "c:" + e.Message + " "; }
        finally { trace += "f2"; }
        Console.WriteLine(trace);

        try
        {
            try { throw new ArgumentException("first"); }
            catch (ArgumentException e) { throw new InvalidOperationException("second from " + e.Message); }
            finally { Console.WriteLine("inner finally"); }
        }
        catch (InvalidOperationException e) { Console.WriteLine(e.GetType().FullName + ": " + e.Message); }

        try { Rethrow(); }
        catch (Exception e) { Console.WriteLine("rethrown " + e.GetType().FullName + " " + e.Message + " " + (e is DeepException) + " " + ((AppException)e).Code); }

        Exception saved = null;
        try { throw new AppException("same", 1); }
        catch (Exception e) { saved = e; }
        try { try { throw saved; } catch (Exception) { throw; } }
        catch (Exception e) { Console.WriteLine("identity " + object.ReferenceEquals(e, saved)); }

        Console.WriteLine(Filtered("x"));
        Console.WriteLine(Filtered("long"));
        Console.WriteLine(Filtered("ab"));

        // filters run in the first pass, before inner finally blocks
        try { InnerWithFinally(); }
        catch (Exception e) when (Log(e.Message)) { Console.WriteLine("never"); }
        catch (Exception e) { Console.WriteLine("caught " + e.Message); }

        try { Recurse(50); }
        catch (DeepException e) { Console.WriteLine("caught " + e.Message + " after " + finallies + " finallies"); }

        long sum = 0;
        int caught = 0;
        for (int i = 0; i < 5000; i++)
        {
            try
            {
                if (i % 3 == 0) throw new AppException("m", i);
                sum += 1;
            }
            catch (AppException e) { sum += e.Code; caught++; }
        }
        Console.WriteLine(sum + " " + caught);

        using (Resource r = new Resource("A")) { r.Use(false); }
        try
        {
            using (Resource r = new Resource("B"))
            using (Resource r2 = new Resource("C"))
            { r.Use(false); r2.Use(true); }
        }
        catch (InvalidOperationException e) { Console.WriteLine("after using: " + e.Message); }

        Exception ex = new AppException("not thrown", 5);
        Console.WriteLine(ex.Message + " " + ex.GetType().Name + " " + (ex.InnerException == null));
        Exception wrapped = new Exception("outer", new ArgumentException("inner"));
        Console.WriteLine(wrapped.Message + " / " + wrapped.InnerException.Message + " / " + wrapped.InnerException.GetType().FullName);
        Console.WriteLine(new Exception().Message);
        Console.WriteLine(new ArgumentNullException("param").Message);
        return caught % 100;
    }
}
