// Stack traces with files and lines: compiled with `mcs -debug` (the
// `debug` file beside this one) and compared with `mono --debug`, which
// reads the same .mdb file. Every frame shows the compiler's sequence point
// at or before the instruction running, and its line.
//
// Not shown here, because mono gets it wrong: the frame of a method that
// executes `throw` itself. Mono places the throw after the method's last
// sequence point (its trace names a later line); Osprey, like .NET, names
// the line of the throw (tests/cli.rs checks it). Below, such frames are
// cut off and only their callers are printed.
using System;
using System.Runtime.CompilerServices;

class Node
{
    public int Value;
    public Node Next;
}

class Program
{
    [MethodImpl(MethodImplOptions.NoInlining)]
    static int Walk(Node n)
    {
        int a = n.Value;
        a = a + 1;
        Console.WriteLine("walking " + a);
        return a + n.Next.Value;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    static int Divide(int a, int b)
    {
        int c = a + 1;
        Console.WriteLine("dividing " + c);
        return c / b;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    static int At(int[] xs, int i)
    {
        int s = 0;
        Console.WriteLine("indexing " + i);
        s += xs[i];
        return s;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    static string Cast(object o)
    {
        Console.WriteLine("casting");
        string s = (string)o;
        return s.ToUpper();
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    static unsafe int Deref(int* p, int k)
    {
        int b = k * 2;
        Console.WriteLine("dereferencing " + b);
        return *p + b;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    static int Add(int a, int b)
    {
        Console.WriteLine("adding");
        return a + b;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    static int Nested(int v)
    {
        return 1 + Add(v, Walk(new Node()));
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    static void Fail(string why)
    {
        Console.WriteLine("failing: " + why);
        throw new InvalidOperationException(why);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    static int Validate(int qty)
    {
        if (qty < 0)
            Fail("negative quantity");
        return qty * 2;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    static int Deep(int n)
    {
        if (n == 0)
            return Validate(-1);
        int r = Deep(n - 1);
        return r + 1;
    }

    static void Show(Exception e, bool dropTop)
    {
        Console.WriteLine(e.GetType().FullName + ": " + e.Message);
        string trace = e.StackTrace;
        if (dropTop)
            trace = trace.Substring(trace.IndexOf('\n') + 1);
        Console.WriteLine(trace);
    }

    static unsafe void Main()
    {
        try { Console.WriteLine(Walk(new Node())); } catch (Exception e) { Show(e, false); }
        try { Console.WriteLine(Divide(4, 0)); } catch (Exception e) { Show(e, false); }
        try { Console.WriteLine(At(new int[3], 7)); } catch (Exception e) { Show(e, false); }
        try { Console.WriteLine(Cast(42)); } catch (Exception e) { Show(e, false); }
        try { Console.WriteLine(Deref(null, 5)); } catch (Exception e) { Show(e, false); }
        try { Console.WriteLine(Nested(3)); } catch (Exception e) { Show(e, false); }
        try { Console.WriteLine(Validate(-4)); } catch (Exception e) { Show(e, true); }
        try { Console.WriteLine(Deep(3)); } catch (Exception e) { Show(e, true); }
        Console.WriteLine("done");
    }
}
