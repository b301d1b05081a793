// Unsafe code that dereferences null pointers: the hardware fault becomes a
// NullReferenceException, caught like any other (mono does the same).
using System;

struct Point { public int X, Y; }

class Program
{
    static unsafe int Read(int* p) { return *p; }

    static unsafe void Write(Point* p, int v) { p->Y = v; }

    static unsafe int Main()
    {
        int caught = 0;
        int local = 41;
        Console.WriteLine(Read(&local) + 1);
        for (int i = 0; i < 100; i++)
        {
            try
            {
                if (i % 2 == 0) Read(null);
                else Write(null, i);
            }
            catch (NullReferenceException e)
            {
                caught++;
                if (i < 2) Console.WriteLine(e.Message);
            }
            finally
            {
                local++;
            }
        }
        Console.WriteLine(caught + " " + local);
        byte* b = null;
        try { b[100] = 1; }
        catch (NullReferenceException) { Console.WriteLine("indexed null pointer"); }
        return caught;
    }
}
