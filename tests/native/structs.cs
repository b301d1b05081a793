// Structs across P/Invoke: by value and by reference, Sequential and
// Explicit layout, Pack and Size, nested structs and fixed buffers, in
// every System V class (in registers, integer and SSE, and in memory), and
// non-blittable structs through Marshal.StructureToPtr/PtrToStructure.
// Compared with mono by tests/native.rs.
using System;
using System.Runtime.InteropServices;

[StructLayout(LayoutKind.Sequential)] struct Point { public int X, Y; }
struct Rect { public Point TopLeft, BottomRight; }
struct Vec3 { public double X, Y, Z; }
struct Mixed { public int A; public double B; }
struct FloatPair { public float A, B; }
struct DoublePair { public double A, B; }
[StructLayout(LayoutKind.Sequential, Pack = 1)] struct Packed { public byte A; public int B; }
[StructLayout(LayoutKind.Explicit)] struct Union { [FieldOffset(0)] public int I; [FieldOffset(0)] public float F; }
unsafe struct Buf { public fixed int V[4]; public int N; }
[StructLayout(LayoutKind.Sequential, Size = 16)] struct Sized { public long Id; }

// Not blittable: a BOOL, a UTF-8 string and an ANSI char.
[StructLayout(LayoutKind.Sequential)]
struct Person
{
    public int Age;
    public bool Active;
    public string Name;
    public char Initial;
}

static class Native
{
    const string Lib = "ospreytest";
    [DllImport(Lib)] public static extern Point ot_make_point(int x, int y);
    [DllImport(Lib)] public static extern Point ot_add_points(Point a, Point b);
    [DllImport(Lib)] public static extern void ot_move_point(ref Point p, int dx);
    [DllImport(Lib)] public static extern void ot_origin(out Point p);
    [DllImport(Lib)] public static extern Rect ot_make_rect(Point a, Point b);
    [DllImport(Lib)] public static extern int ot_rect_area(Rect r);
    [DllImport(Lib)] public static extern Vec3 ot_scale_vec(Vec3 v, double k);
    [DllImport(Lib)] public static extern double ot_vec_sum(Vec3 v);
    [DllImport(Lib)] public static extern Mixed ot_make_mixed(int a, double b);
    [DllImport(Lib)] public static extern double ot_mixed_sum(Mixed m);
    [DllImport(Lib)] public static extern FloatPair ot_swap_floats(FloatPair p);
    [DllImport(Lib)] public static extern DoublePair ot_swap_doubles(DoublePair p);
    [DllImport(Lib)] public static extern float ot_union_float(Union u);
    [DllImport(Lib)] public static extern int ot_union_int(Union u);
    [DllImport(Lib)] public static extern int ot_buf_sum(Buf b);
    [DllImport(Lib)] public static extern void ot_buf_fill(ref Buf b);
    [DllImport(Lib)] public static extern long ot_sized_id(Sized s);
    [DllImport(Lib)] public static extern int ot_sizeof_sized();
    [DllImport(Lib)] public static extern int ot_describe(IntPtr person, System.Text.StringBuilder outText, int cap);
    [DllImport(Lib)] public static extern void ot_make_person(IntPtr person, int age);
    [DllImport(Lib)] public static extern int ot_sizeof_person();
}

static class Program
{
    static unsafe int Main()
    {
        Point p = Native.ot_make_point(3, -4);
        Console.WriteLine("point {0} {1}", p.X, p.Y);
        Point q = new Point();
        q.X = 10; q.Y = 20;
        Point s = Native.ot_add_points(p, q);
        Console.WriteLine("sum {0} {1}", s.X, s.Y);
        Native.ot_move_point(ref s, 5);
        Console.WriteLine("moved {0} {1}", s.X, s.Y);
        Point o;
        Native.ot_origin(out o);
        Console.WriteLine("origin {0} {1}", o.X, o.Y);
        Rect r = Native.ot_make_rect(p, q);
        Console.WriteLine("rect {0} {1} {2} {3} area {4}", r.TopLeft.X, r.TopLeft.Y, r.BottomRight.X, r.BottomRight.Y, Native.ot_rect_area(r));
        Vec3 v = new Vec3();
        v.X = 1; v.Y = 2.5; v.Z = -3;
        Vec3 w = Native.ot_scale_vec(v, 2);
        Console.WriteLine("vec {0} {1} {2} sum {3}", w.X, w.Y, w.Z, Native.ot_vec_sum(w));
        Mixed m = Native.ot_make_mixed(7, 0.25);
        Console.WriteLine("mixed {0} {1} sum {2}", m.A, m.B, Native.ot_mixed_sum(m));
        FloatPair fp = new FloatPair();
        fp.A = 1.5f; fp.B = -2.25f;
        FloatPair fs = Native.ot_swap_floats(fp);
        Console.WriteLine("floats {0} {1}", fs.A, fs.B);
        DoublePair dp = new DoublePair();
        dp.A = 1e10; dp.B = -0.5;
        DoublePair ds = Native.ot_swap_doubles(dp);
        Console.WriteLine("doubles {0} {1}", ds.A, ds.B);
        // (Pack = 1 structs by value are in packed.cs: mono passes them wrongly.)
        Console.WriteLine("packed size {0}", Marshal.SizeOf(typeof(Packed)));
        Union u = new Union();
        u.F = 1.0f;
        Console.WriteLine("union {0} {1}", Native.ot_union_int(u), Native.ot_union_float(u));
        Buf b = new Buf();
        b.V[0] = 1; b.V[1] = 2; b.V[2] = 3; b.V[3] = 4; b.N = 3;
        Console.WriteLine("buf {0}", Native.ot_buf_sum(b));
        Native.ot_buf_fill(ref b);
        Console.WriteLine("buf filled {0} {1} {2} {3} {4}", b.V[0], b.V[1], b.V[2], b.V[3], b.N);
        Sized sz = new Sized();
        sz.Id = 1234567890123L;
        Console.WriteLine("sized {0} {1} {2}", Native.ot_sized_id(sz), Marshal.SizeOf(typeof(Sized)), Native.ot_sizeof_sized());

        // Native layouts.
        Console.WriteLine("sizes {0} {1} {2} {3} {4}", Marshal.SizeOf(typeof(Point)), Marshal.SizeOf(typeof(Vec3)),
            Marshal.SizeOf(typeof(Person)), Native.ot_sizeof_person(), Marshal.SizeOf(typeof(Buf)));
        Console.WriteLine("offsets {0} {1} {2} {3}", Marshal.OffsetOf(typeof(Person), "Age"), Marshal.OffsetOf(typeof(Person), "Active"),
            Marshal.OffsetOf(typeof(Person), "Name"), Marshal.OffsetOf(typeof(Person), "Initial"));
        Console.WriteLine("primitive sizes {0} {1} {2}", Marshal.SizeOf(typeof(int)), Marshal.SizeOf(typeof(bool)), Marshal.SizeOf(typeof(char)));

        // A non-blittable struct through native memory.
        Person ada = new Person();
        ada.Age = 36; ada.Active = true; ada.Name = "Ada \u00e9"; ada.Initial = 'L';
        IntPtr mem = Marshal.AllocHGlobal(Marshal.SizeOf(typeof(Person)));
        Marshal.StructureToPtr((object)ada, mem, false); // the non-generic overload
        System.Text.StringBuilder text = new System.Text.StringBuilder(100);
        int n = Native.ot_describe(mem, text, text.Capacity);
        Console.WriteLine("described {0} [{1}]", n, text);
        Console.WriteLine("raw age {0} active {1} initial {2}", Marshal.ReadInt32(mem, 0), Marshal.ReadInt32(mem, 4), (char)Marshal.ReadByte(mem, 16));
        Marshal.DestroyStructure(mem, typeof(Person));
        Native.ot_make_person(mem, 70);
        Person back = (Person)Marshal.PtrToStructure(mem, typeof(Person));
        Console.WriteLine("back {0} {1} {2} {3}", back.Age, back.Active, back.Name, back.Initial);
        Marshal.FreeHGlobal(mem);

        // A blittable struct round trip.
        IntPtr pm = Marshal.AllocHGlobal(8);
        Marshal.StructureToPtr((object)p, pm, false);
        Point p2 = (Point)Marshal.PtrToStructure(pm, typeof(Point));
        Console.WriteLine("round trip {0} {1} {2}", p2.X, p2.Y, Marshal.ReadInt32(pm, 4));
        // The generic overloads.
        p2.X = 11; p2.Y = -12;
        Marshal.StructureToPtr(p2, pm, false);
        Point p3 = Marshal.PtrToStructure<Point>(pm);
        Console.WriteLine("generic {0} {1} {2} {3} {4}", p3.X, p3.Y, Marshal.SizeOf<Person>(), Marshal.SizeOf(p3),
            Marshal.OffsetOf<Person>("Name"));
        try {
            Console.WriteLine("null {0}", Marshal.PtrToStructure<Point>(IntPtr.Zero).X);
        } catch (NullReferenceException) {
            Console.WriteLine("null pointer: NullReferenceException");
        }
        Marshal.FreeHGlobal(pm);
        IntPtr pmem = Marshal.AllocHGlobal(Marshal.SizeOf<Person>());
        Marshal.StructureToPtr(ada, pmem, false);
        Person ada2 = Marshal.PtrToStructure<Person>(pmem);
        Marshal.DestroyStructure<Person>(pmem);
        Marshal.FreeHGlobal(pmem);
        Console.WriteLine("generic person {0} {1} {2} {3}", ada2.Age, ada2.Active, ada2.Name, ada2.Initial);
        return 0;
    }
}
