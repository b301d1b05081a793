// Callbacks taking strings and bools and returning strings; non-blittable
// structs by reference (ref, out, [In] ref); formatted classes
// ([StructLayout(Sequential)] classes) passed to C, PtrToStructure into
// an existing object. Compared with mono by tests/native.rs.
using System;
using System.Runtime.InteropServices;
using System.Text;

struct Person
{
    public int Age;
    public bool Active;
    public string Name;
    public char Initial;
}

[StructLayout(LayoutKind.Sequential)]
class PersonClass
{
    public int Age;
    public bool Active;
    public string Name;
    public char Initial;
}

delegate int StrFn(string s);
delegate int WStrFn([MarshalAs(UnmanagedType.LPWStr)] string s);
delegate int BoolsFn(bool b, [MarshalAs(UnmanagedType.U1)] bool u1);
delegate string NameFn(int i);
delegate void RefFn(ref int x);

static class Native
{
    const string Lib = "ospreytest";
    [DllImport(Lib)] public static extern int ot_call_with_string(StrFn f, string s);
    [DllImport(Lib)] public static extern int ot_call_with_wide(WStrFn f);
    [DllImport(Lib)] public static extern int ot_call_with_bools(BoolsFn f);
    [DllImport(Lib)] public static extern int ot_call_namer(NameFn f, int i, StringBuilder sb, int cap);
    [DllImport(Lib)] public static extern int ot_call_with_ref(RefFn f, int x);
    [DllImport(Lib)] public static extern int ot_describe(ref Person p, StringBuilder sb, int cap);
    [DllImport(Lib, EntryPoint = "ot_describe")] public static extern int DescribeIn([In] ref Person p, StringBuilder sb, int cap);
    [DllImport(Lib)] public static extern void ot_rename_person(ref Person p, int age);
    [DllImport(Lib, EntryPoint = "ot_describe")] public static extern int DescribeClass(PersonClass p, StringBuilder sb, int cap);
    [DllImport(Lib, EntryPoint = "ot_rename_person")] public static extern void RenameClass([In, Out] PersonClass p, int age);
}

static class Program
{
    static string lastString;
    static int Len(string s) { lastString = s; return s == null ? -1 : s.Length; }
    static int Bools(bool b, bool u1) { return (b ? 2 : 0) + (u1 ? 1 : 0); }
    static string Name(int i) { return i < 0 ? null : "name #" + i + " \u00e9"; }
    static void Triple(ref int x) { x = x * 3; }

    static int Main()
    {
        StrFn len = Len;
        Console.WriteLine("string callback {0} {1}", Native.ot_call_with_string(len, "hello"), lastString);
        Console.WriteLine("utf-8 callback {0} {1}", Native.ot_call_with_string(len, "caf\u00e9 \u20ac"), lastString);
        Console.WriteLine("null callback {0} {1}", Native.ot_call_with_string(len, null), lastString == null);
        WStrFn wlen = s => { lastString = s; return s.Length; };
        Console.WriteLine("wide callback {0} {1}", Native.ot_call_with_wide(wlen), lastString);
        Console.WriteLine("bool callback {0}", Native.ot_call_with_bools(Bools));
        var sb = new StringBuilder(64);
        NameFn name = Name;
        for (int i = 0; i < 3; i++)
        {
            int n = Native.ot_call_namer(name, i, sb, 64);
            Console.WriteLine("string result {0} {1}", n, sb);
        }
        Native.ot_call_namer(name, -1, sb, 64);
        Console.WriteLine("null result {0}", sb);
        Console.WriteLine("ref callback {0}", Native.ot_call_with_ref(Triple, 14));

        // Callbacks that allocate many strings (collections while C is on the stack).
        int total = 0;
        for (int i = 0; i < 200; i++)
            total += Native.ot_call_with_string(len, "round " + i + new string('x', i % 17));
        Console.WriteLine("many {0} {1}", total, lastString);

        var p = new Person { Age = 36, Active = true, Name = "Grace", Initial = 'G' };
        Native.ot_describe(ref p, sb, 64);
        Console.WriteLine("ref struct: {0}", sb);
        Native.DescribeIn(ref p, sb, 64);
        Console.WriteLine("[In] ref struct: {0}", sb);
        Native.ot_rename_person(ref p, 41);
        Console.WriteLine("renamed {0} {1} {2} {3}", p.Age, p.Active, p.Name, p.Initial);

        var c = new PersonClass { Age = 70, Active = false, Name = "Alan", Initial = 'T' };
        Native.DescribeClass(c, sb, 64);
        Console.WriteLine("class: {0}", sb);
        Native.RenameClass(c, 12);
        Console.WriteLine("class renamed {0} {1} {2} {3}", c.Age, c.Active, c.Name, c.Initial);
        Console.WriteLine("class size {0} offset {1}", Marshal.SizeOf(typeof(PersonClass)), Marshal.OffsetOf(typeof(PersonClass), "Name"));

        IntPtr mem = Marshal.AllocHGlobal(Marshal.SizeOf(typeof(PersonClass)));
        Marshal.StructureToPtr(c, mem, false);
        var d = new PersonClass();
        Marshal.PtrToStructure(mem, d);
        Console.WriteLine("existing {0} {1} {2} {3}", d.Age, d.Active, d.Name, d.Initial);
        var e = (PersonClass)Marshal.PtrToStructure(mem, typeof(PersonClass));
        Console.WriteLine("new object {0} {1}", e.Name, e.Age);
        Marshal.DestroyStructure(mem, typeof(PersonClass));
        Marshal.FreeHGlobal(mem);
        GC.KeepAlive(len);
        GC.KeepAlive(name);
        return 0;
    }
}
