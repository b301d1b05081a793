// Address-taken and pinned variables in the optimizing tier: locals and
// arguments passed by ref/out, `ldarga` on an argument, `fixed` over strings
// and arrays, with allocations and collections while a reference lives only
// in such a variable (the tier keeps them in frame slots the GC scans).
// Every method has a loop, so tiered mode optimizes it on its first call.
using System;

static class Program
{
    static void Swap(ref string a, ref string b)
    {
        string t = a;
        a = b;
        b = t;
    }

    static bool Split(string s, out string head, out int rest)
    {
        head = null;
        rest = 0;
        for (int i = 0; i < s.Length; i++)
        {
            if (s[i] == ':')
            {
                head = s.Substring(0, i);
                GC.Collect();
                rest = s.Length - i - 1;
                return true;
            }
        }
        return false;
    }

    static void Grow(ref string s, int n)
    {
        for (int i = 0; i < n; i++)
        {
            s = s + i;
            if (i % 7 == 0)
                GC.Collect();
        }
    }

    static int HashArg(int x, long y)
    {
        // `x.GetHashCode()` takes the argument's address (ldarga).
        int h = 0;
        for (int i = 0; i < 3; i++)
            h = h * 31 + x.GetHashCode() + y.GetHashCode() + i;
        return h;
    }

    static unsafe int SumFixed(int[] a)
    {
        int s = 0;
        fixed (int* p = a)
        {
            for (int i = 0; i < a.Length; i++)
            {
                s += p[i];
                if (i % 100 == 0)
                {
                    var junk = new int[1000];
                    junk[0] = i;
                    GC.Collect();
                }
            }
        }
        return s;
    }

    static unsafe int CountChar(string s, char c)
    {
        int n = 0;
        fixed (char* p = s)
        {
            for (int i = 0; i < s.Length; i++)
            {
                if (p[i] == c)
                    n++;
                if (i == s.Length / 2)
                {
                    string garbage = new string('x', 100);
                    GC.Collect();
                    n += garbage.Length - 100;
                }
            }
        }
        return n;
    }

    static unsafe void Fill(char[] buf, char c)
    {
        fixed (char* p = &buf[0])
        {
            for (int i = 0; i < buf.Length; i++)
                p[i] = (char)(c + i % 3);
        }
    }

    static int Accumulate(ref int total, int[] items)
    {
        int count = 0;
        for (int i = 0; i < items.Length; i++)
        {
            total += items[i];
            Bump(ref count);
        }
        return count;
    }

    static void Bump(ref int x)
    {
        x++;
    }

    static int Main()
    {
        string a = "left", b = "right";
        for (int i = 0; i < 3; i++)
            Swap(ref a, ref b);
        Console.WriteLine(a + " " + b);

        string head;
        int rest;
        Console.WriteLine(Split("key:value", out head, out rest) + " " + head + " " + rest);
        Console.WriteLine(Split("novalue", out head, out rest) + " " + (head == null) + " " + rest);

        string g = "g";
        Grow(ref g, 20);
        Console.WriteLine(g);

        Console.WriteLine(HashArg(12345, 1L << 40));
        Console.WriteLine(HashArg(-1, -1));

        int[] nums = new int[1000];
        for (int i = 0; i < nums.Length; i++)
            nums[i] = i * 3 - 500;
        Console.WriteLine(SumFixed(nums));

        Console.WriteLine(CountChar(new string('a', 50) + "b" + new string('a', 49), 'a'));
        Console.WriteLine(CountChar("", 'a'));

        char[] buf = new char[10];
        Fill(buf, 'p');
        Console.WriteLine(new string(buf));

        int total = 5;
        int count = Accumulate(ref total, nums);
        Console.WriteLine(total + " " + count);

        int parsed;
        bool ok = int.TryParse("4242", out parsed);
        Console.WriteLine(ok + " " + parsed);
        return total == 5 + 998500 && count == 1000 ? 0 : 1;
    }
}
