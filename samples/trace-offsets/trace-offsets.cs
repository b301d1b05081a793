// The IL offsets of stack traces without debug information (mono without
// --debug): each frame shows the statement its instruction belongs to. A
// method that checks for null (or bounds, or zero) in several statements
// reports the statement that failed, not the first one with a check.
using System;
using System.Runtime.CompilerServices;

class Node
{
    public int Value;
    public Node Next;
    public int[] Items;
}

class Program
{
    [MethodImpl(MethodImplOptions.NoInlining)]
    static int Fields(Node n)
    {
        int a = n.Value;
        a = a * 3;
        Console.WriteLine("first field read " + a);
        int b = n.Next.Value;
        return a + b;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    static int Elements(int[] xs, int i)
    {
        int s = xs[0];
        s += xs[1];
        Console.WriteLine("two elements " + s);
        s += xs[i];
        return s;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    static int Divisions(int a, int b, int c)
    {
        int q = a / b;
        Console.WriteLine("one division " + q);
        q += a / c;
        return q;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    static unsafe int Pointers(int* good, int* bad)
    {
        int x = *good;
        Console.WriteLine("one pointer " + x);
        x += *bad;
        return x;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    static int Chain(Node n)
    {
        Console.WriteLine("chain");
        return n.Next.Items[2] + n.Items.Length;
    }

    static void Show(Exception e)
    {
        Console.WriteLine(e.GetType().FullName + ": " + e.Message);
        Console.WriteLine(e.StackTrace);
    }

    static unsafe void Main()
    {
        Node n = new Node();
        n.Items = new int[4];
        try { Console.WriteLine(Fields(n)); } catch (Exception e) { Show(e); }
        try { Console.WriteLine(Elements(new int[2], 5)); } catch (Exception e) { Show(e); }
        try { Console.WriteLine(Divisions(9, 3, 0)); } catch (Exception e) { Show(e); }
        int one = 1;
        try { Console.WriteLine(Pointers(&one, null)); } catch (Exception e) { Show(e); }
        n.Next = new Node();
        try { Console.WriteLine(Chain(n)); } catch (Exception e) { Show(e); }
        Console.WriteLine("done");
    }
}
