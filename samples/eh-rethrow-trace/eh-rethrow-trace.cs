// The stack trace of an exception rethrown by `throw;`: it starts at the
// original throw, and each rethrowing frame appears once, at the rethrow
// (mono and CoreCLR agree). `throw e;` restarts the trace instead.
using System;
using System.Runtime.CompilerServices;

class Program
{
    [MethodImpl(MethodImplOptions.NoInlining)]
    static void Thrower(string m)
    {
        throw new InvalidOperationException(m);
    }

    // Catches and rethrows in the frame of the call.
    [MethodImpl(MethodImplOptions.NoInlining)]
    static void Middle()
    {
        try
        {
            Thrower("middle");
        }
        catch (InvalidOperationException)
        {
            throw;
        }
    }

    // Rethrows what Middle rethrew: two rethrowing frames.
    [MethodImpl(MethodImplOptions.NoInlining)]
    static void Outer()
    {
        try
        {
            Middle();
        }
        catch (Exception)
        {
            throw;
        }
    }

    // Two nested catches in one frame, each rethrowing.
    [MethodImpl(MethodImplOptions.NoInlining)]
    static void Twice()
    {
        try
        {
            try
            {
                Thrower("twice");
            }
            catch (InvalidOperationException)
            {
                throw;
            }
        }
        catch (Exception)
        {
            throw;
        }
    }

    // The handler catches and handles another exception before rethrowing
    // its own: the rethrow is of the outer one.
    [MethodImpl(MethodImplOptions.NoInlining)]
    static void Nested()
    {
        try
        {
            Thrower("outer");
        }
        catch (InvalidOperationException)
        {
            try
            {
                throw new ArgumentException("inner");
            }
            catch (ArgumentException)
            {
            }
            throw;
        }
    }

    // A filter lets the exception in; a finally runs on the way out.
    [MethodImpl(MethodImplOptions.NoInlining)]
    static void Filtered(bool flag)
    {
        try
        {
            try
            {
                Thrower("filtered");
            }
            catch (InvalidOperationException) when (flag)
            {
                throw;
            }
        }
        finally
        {
            Console.WriteLine("finally in Filtered");
        }
    }

    // `throw e;` starts a new trace at this frame.
    [MethodImpl(MethodImplOptions.NoInlining)]
    static void ThrowAgain()
    {
        try
        {
            Thrower("again");
        }
        catch (InvalidOperationException e)
        {
            throw e;
        }
    }

    // An exception the runtime raises (a null dereference), rethrown.
    [MethodImpl(MethodImplOptions.NoInlining)]
    static int Fault(string s)
    {
        try
        {
            return s.Length;
        }
        catch (NullReferenceException)
        {
            throw;
        }
    }

    static readonly Exception cached = new FormatException("cached");

    [MethodImpl(MethodImplOptions.NoInlining)]
    static void ThrowCached()
    {
        throw cached;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    static void Cached()
    {
        try
        {
            ThrowCached();
        }
        catch (FormatException)
        {
            throw;
        }
    }

    static void Show(string name, Action a)
    {
        try
        {
            a();
        }
        catch (Exception e)
        {
            Console.WriteLine(name + ": " + e.GetType().Name + " " + e.Message);
            Console.WriteLine(e.StackTrace);
        }
    }

    static void Main()
    {
        try
        {
            try
            {
                Thrower("main");
            }
            catch (Exception)
            {
                throw;
            }
        }
        catch (Exception e)
        {
            Console.WriteLine("main: " + e.Message);
            Console.WriteLine(e.StackTrace);
        }
        Show("middle", Middle);
        Show("outer", Outer);
        Show("twice", Twice);
        Show("nested", Nested);
        Show("filtered", () => Filtered(true));
        Show("again", ThrowAgain);
        Show("fault", () => Fault(null));
        // One object thrown twice: the second `throw` starts its trace
        // afresh, whatever the rethrow of the first one added.
        for (int i = 0; i < 2; i++)
        {
            Show("cached " + i, Cached);
        }
    }
}
