// Non-blittable structs (bool, char, string fields, nested structs, inline
// arrays and strings) by value as arguments and results, in registers and
// in memory; formatted classes deriving from formatted classes; callbacks
// taking StringBuilders, arrays (SizeParamIndex) and structs (blittable and
// not, by value and by reference). Compared with mono by tests/native.rs;
// marshal-dotnet.cs has the cases where mono departs from .NET.
using System;
using System.Runtime.InteropServices;
using System.Text;

struct Flag { public bool On; public char Letter; }
struct Named { public string Name; public bool On; }
struct Gauge { public Flag Flag; public double Level; }
struct Fixed
{
    [MarshalAs(UnmanagedType.ByValTStr, SizeConst = 8)] public string Code;
    [MarshalAs(UnmanagedType.ByValArray, SizeConst = 3)] public int[] Values;
    [MarshalAs(UnmanagedType.ByValArray, SizeConst = 2)] public double[] Weights;
}
struct Person { public int Age; public bool Active; public string Name; public char Initial; }
struct Ranked { public Person Who; public int Rank; }
struct Vec3 { public double X, Y, Z; }

[StructLayout(LayoutKind.Sequential)]
class Entity { public int Id; public string Name; }
[StructLayout(LayoutKind.Sequential)]
class Employee : Entity { public int Level; public bool Admin; }

delegate int SumFn([MarshalAs(UnmanagedType.LPArray, SizeParamIndex = 1)] int[] a, int n);
delegate void ScaleFn([In, Out] [MarshalAs(UnmanagedType.LPArray, SizeParamIndex = 1)] double[] a, int n);
delegate int PersonFn(Person p);
delegate void PersonRefFn(ref Person p);
delegate int FlagFn(Flag f);
delegate double VecFn(Vec3 v);

static class Native
{
    const string Lib = "ospreytest";
    [DllImport(Lib)] public static extern Flag ot_flip_flag(Flag f);
    [DllImport(Lib)] public static extern int ot_flag_code(Flag f);
    [DllImport(Lib)] public static extern int ot_named_len(Named n);
    [DllImport(Lib)] public static extern Named ot_shout(Named n);
    [DllImport(Lib)] public static extern Named ot_null_named();
    [DllImport(Lib)] public static extern Gauge ot_scale_gauge(Gauge g, double k);
    [DllImport(Lib)] public static extern Fixed ot_double_fixed(Fixed f);
    [DllImport(Lib)] public static extern int ot_sizeof_fixed();
    [DllImport(Lib)] public static extern Person ot_older(Person p, int years);
    [DllImport(Lib)] public static extern Ranked ot_promote(Ranked r, int by);
    [DllImport(Lib)] public static extern int ot_spill_named(int a, int b, int c, int d, int e, Named n, Flag f);
    [DllImport(Lib)] public static extern int ot_describe_employee(Employee e, StringBuilder sb, int cap);
    [DllImport(Lib)] public static extern void ot_promote_employee([In, Out] Employee e);
    [DllImport(Lib)] public static extern int ot_sizeof_employee();
    [DllImport(Lib)] public static extern int ot_call_with_array(SumFn f);
    [DllImport(Lib)] public static extern double ot_call_scale(ScaleFn f);
    [DllImport(Lib)] public static extern int ot_call_with_person(PersonFn f);
    [DllImport(Lib)] public static extern int ot_call_with_person_ref(PersonRefFn f, StringBuilder sb, int cap);
    [DllImport(Lib)] public static extern int ot_call_with_flag(FlagFn f);
    [DllImport(Lib)] public static extern double ot_call_with_vec(VecFn f);
}

static class Program
{
    static string Show(Person p) { return string.Format("{0} {1} {2} {3}", p.Age, p.Active, p.Name, p.Initial); }

    static int Sum(int[] a, int n)
    {
        int s = 0;
        foreach (int x in a) s += x;
        return s * 10 + a.Length;
    }

    static int Main()
    {
        var f = Native.ot_flip_flag(new Flag { On = true, Letter = 'a' });
        Console.WriteLine("flag {0} {1} code {2}", f.On, f.Letter, Native.ot_flag_code(f));
        Console.WriteLine("named len {0}", Native.ot_named_len(new Named { Name = "caf\u00e9", On = true }));
        var n = Native.ot_shout(new Named { Name = "quiet", On = false });
        Console.WriteLine("shout {0} {1}", n.Name, n.On);
        n = Native.ot_null_named();
        Console.WriteLine("null named {0} {1}", n.Name == null, n.On);
        var g = Native.ot_scale_gauge(new Gauge { Flag = new Flag { On = false, Letter = 'k' }, Level = 1.25 }, 4);
        Console.WriteLine("gauge {0} {1} {2}", g.Flag.On, g.Flag.Letter, g.Level);
        var fx = Native.ot_double_fixed(new Fixed { Code = "ABCDEFGHIJ", Values = new int[] { 3, 5, 7 }, Weights = new double[] { 9, 0.5 } });
        Console.WriteLine("fixed {0} {1},{2},{3} {4},{5} size {6} {7}", fx.Code, fx.Values[0], fx.Values[1], fx.Values[2],
            fx.Weights[0], fx.Weights[1], Marshal.SizeOf(typeof(Fixed)), Native.ot_sizeof_fixed());
        var p = new Person { Age = 36, Active = true, Name = "Grace", Initial = 'G' };
        var older = Native.ot_older(p, 30);
        Console.WriteLine("older {0} / unchanged {1}", Show(older), Show(p));
        var r = Native.ot_promote(new Ranked { Who = p, Rank = 3 }, 4);
        Console.WriteLine("ranked {0} rank {1}", Show(r.Who), r.Rank);
        Console.WriteLine("spilled {0}", Native.ot_spill_named(1, 2, 3, 4, 5, new Named { Name = "stack", On = true }, new Flag { On = true, Letter = 'z' }));

        // Many calls allocating strings (collections between them).
        int total = 0;
        for (int i = 0; i < 300; i++)
        {
            var s = Native.ot_shout(new Named { Name = "round " + i, On = i % 2 == 0 });
            total += s.Name.Length + (s.On ? 1 : 0);
        }
        Console.WriteLine("many {0}", total);

        var sb = new StringBuilder(64);
        var e = new Employee { Id = 21, Name = "Barbara", Level = 3, Admin = false };
        Native.ot_describe_employee(e, sb, 64);
        Console.WriteLine("employee: {0}", sb);
        Native.ot_promote_employee(e);
        Console.WriteLine("promoted {0} {1} {2} {3}", e.Id, e.Name, e.Level, e.Admin);
        Console.WriteLine("employee size {0} {1} level at {2}", Marshal.SizeOf(typeof(Employee)), Native.ot_sizeof_employee(),
            Marshal.OffsetOf(typeof(Employee), "Level"));

        SumFn sum = Sum;
        Console.WriteLine("array callback {0}", Native.ot_call_with_array(sum));
        ScaleFn scale = (a, k) => { for (int i = 0; i < a.Length; i++) a[i] *= 2; };
        Console.WriteLine("[Out] array callback {0}", Native.ot_call_scale(scale));
        PersonFn byValue = q => q.Age * 100 + q.Name.Length + (q.Active ? 10 : 0) + (q.Initial == 'H' ? 1 : 0);
        Console.WriteLine("struct callback {0}", Native.ot_call_with_person(byValue));
        PersonRefFn byRef = (ref Person q) => { q.Age += 1; q.Name = q.Name + " " + q.Initial; q.Active = true; q.Initial = 'X'; };
        Native.ot_call_with_person_ref(byRef, sb, 64);
        Console.WriteLine("ref struct callback {0}", sb);
        FlagFn flag = x => (x.On ? 100 : 0) + x.Letter;
        Console.WriteLine("small struct callback {0}", Native.ot_call_with_flag(flag));
        VecFn vec = v => v.X + v.Y * 10 + v.Z * 100;
        Console.WriteLine("memory struct callback {0}", Native.ot_call_with_vec(vec));
        int calls = 0;
        for (int i = 0; i < 100; i++)
            calls += Native.ot_call_with_person(byValue) + Native.ot_call_with_array(sum);
        Console.WriteLine("many callbacks {0}", calls);
        GC.KeepAlive(sum); GC.KeepAlive(scale); GC.KeepAlive(byValue);
        GC.KeepAlive(byRef); GC.KeepAlive(flag); GC.KeepAlive(vec);
        return 0;
    }
}
