// Unwinding: an exception crossing 50 frames with a finally in each,
// filters that run before inner finally blocks, exceptions raised and
// caught inside finally blocks and filters, an exception that replaces
// another in a finally, rethrow keeping the exception object, stackalloc
// frames with handlers, and a thousand throws in a loop.
using System;

class Trail
{
    public static string Text = "";
    public static void Add(string s) { Text = Text + s + " "; }
}

class Program
{
    static int depthReached;

    static void Deep(int n)
    {
        try
        {
            if (n == 0)
            {
                depthReached = 50;
                throw new InvalidOperationException("bottom");
            }
            Deep(n - 1);
        }
        finally
        {
            Trail.Add("f" + n);
        }
    }

    static bool Log(string what, bool verdict)
    {
        Trail.Add(what);
        return verdict;
    }

    static void FilterOrder()
    {
        try
        {
            try
            {
                throw new ArgumentException("filtered");
            }
            finally
            {
                Trail.Add("inner-finally");
            }
        }
        catch (ArgumentException e) when (Log("filter-no", false))
        {
            Trail.Add("never");
        }
        catch (ArgumentException e) when (Log("filter-yes:" + e.Message, true))
        {
            Trail.Add("handler");
        }
    }

    static int Helper(int x)
    {
        // Raises and catches inside a callee of a filter.
        try
        {
            if (x > 0) throw new FormatException("inside filter callee");
        }
        catch (FormatException)
        {
            return x * 2;
        }
        return 0;
    }

    static void FilterCallsThrowingCode()
    {
        try
        {
            throw new Exception("outer");
        }
        catch (Exception e) when (Helper(21) == 42)
        {
            Trail.Add("filter-callee-ok:" + e.Message);
        }
    }

    static void CatchInsideFinally()
    {
        try
        {
            try
            {
                throw new InvalidCastException("first");
            }
            finally
            {
                try
                {
                    throw new NotSupportedException("second");
                }
                catch (NotSupportedException e)
                {
                    Trail.Add("finally-caught:" + e.Message);
                }
                Trail.Add("finally-done");
            }
        }
        catch (InvalidCastException e)
        {
            Trail.Add("outer-caught:" + e.Message);
        }
    }

    static void ReplacedInFinally()
    {
        try
        {
            try
            {
                throw new InvalidCastException("lost");
            }
            finally
            {
                throw new NotImplementedException("replacement");
            }
        }
        catch (InvalidCastException)
        {
            Trail.Add("wrong");
        }
        catch (NotImplementedException e)
        {
            Trail.Add("replaced:" + e.Message);
        }
    }

    static Exception saved;

    static void RethrowSame()
    {
        try
        {
            try
            {
                saved = new ApplicationException("same");
                throw saved;
            }
            catch (ApplicationException)
            {
                Trail.Add("rethrowing");
                throw;
            }
        }
        catch (ApplicationException e)
        {
            Trail.Add("identical:" + object.ReferenceEquals(e, saved));
        }
    }

    static unsafe int StackallocThenCatch(int n)
    {
        int* buf = stackalloc int[n];
        for (int i = 0; i < n; i++) buf[i] = i * i;
        try
        {
            int zero = n - n;
            return buf[n - 1] / zero;
        }
        catch (DivideByZeroException)
        {
            int sum = 0;
            for (int i = 0; i < n; i++) sum += buf[i];
            return sum;
        }
    }

    static int Loop(int count)
    {
        int caught = 0;
        for (int i = 0; i < count; i++)
        {
            try
            {
                try
                {
                    if (i % 3 == 0) throw new IndexOutOfRangeException();
                    if (i % 3 == 1) throw new ArgumentNullException("arg" + i);
                    object o = null;
                    o.GetHashCode();
                }
                finally
                {
                    caught++;
                }
            }
            catch (IndexOutOfRangeException) { caught += 10; }
            catch (ArgumentNullException e) { if (e.ParamName.StartsWith("arg")) caught += 100; }
            catch (NullReferenceException) { caught += 1000; }
        }
        return caught;
    }

    static int Main()
    {
        try
        {
            Deep(50);
        }
        catch (InvalidOperationException e)
        {
            Console.WriteLine("deep: " + e.Message + " from depth " + depthReached);
        }
        Console.WriteLine(Trail.Text.Length + " " + Trail.Text.Substring(0, 24));
        Trail.Text = "";
        FilterOrder();
        Console.WriteLine(Trail.Text);
        Trail.Text = "";
        FilterCallsThrowingCode();
        CatchInsideFinally();
        ReplacedInFinally();
        RethrowSame();
        Console.WriteLine(Trail.Text);
        Console.WriteLine("stackalloc: " + StackallocThenCatch(10));
        Console.WriteLine("loop: " + Loop(3000));
        return 3;
    }
}
