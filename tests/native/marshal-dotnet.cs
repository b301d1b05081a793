// Marshaling where mono 6.8 departs from .NET, checked by the program
// itself (tests/native.rs runs it on Osprey; it must print no FAIL):
// * a struct of an inline string and an inline float array (one INTEGER
//   and one SSE eightbyte) by value and as a result: mono passes and reads
//   it wrongly (it prints garbage), gcc and .NET by the System V rules;
// * a callback's StringBuilder parameter: .NET writes the builder's text
//   back to C's buffer after the callback, mono does not;
// * a formatted class with Explicit layout deriving from another: its
//   offsets count from the base's native size (CoreCLR's rule; mono
//   overlaps the base's fields);
// * a ByValArray of char in a CharSet.Unicode struct is UTF-16 (mono cuts
//   each char to a byte);
// * a multicast delegate called from C with a struct holding a string
//   (8 bytes, in one register): every delegate gets it while the others
//   allocate (mono 6.8 crashes);
// * parameters with no native form: MarshalDirectiveException naming the
//   parameter, at the first call (a P/Invoke taking bool[], and a callback
//   whose delegate takes an object).
using System;
using System.Runtime.InteropServices;
using System.Text;

struct SmallFixed
{
    [MarshalAs(UnmanagedType.ByValTStr, SizeConst = 4)] public string Tag;
    [MarshalAs(UnmanagedType.ByValArray, SizeConst = 2)] public float[] Xy;
}

[StructLayout(LayoutKind.Explicit)] class Base { [FieldOffset(0)] public int A; [FieldOffset(4)] public byte C; }
[StructLayout(LayoutKind.Explicit)] class Derived : Base { [FieldOffset(0)] public long X; [FieldOffset(8)] public short Y; }

[StructLayout(LayoutKind.Sequential, CharSet = CharSet.Unicode)]
struct Wide
{
    [MarshalAs(UnmanagedType.ByValTStr, SizeConst = 5)] public string T;
    [MarshalAs(UnmanagedType.ByValArray, SizeConst = 3)] public char[] C;
}

struct Note { public string Text; }
delegate int NoteFn(Note n);
delegate void SbFn(StringBuilder sb);
delegate int ObjFn(object o);

static class Native
{
    const string Lib = "ospreytest";
    [DllImport(Lib)] public static extern SmallFixed ot_swap_fixed(SmallFixed s);
    [DllImport(Lib)] public static extern int ot_call_with_builder(SbFn f, StringBuilder sb, int cap);
    [DllImport(Lib)] public static extern int ot_call_with_note(NoteFn f);
    [DllImport(Lib, EntryPoint = "ot_sum_ints")] public static extern int SumBools(bool[] a, int n);
    [DllImport(Lib, EntryPoint = "ot_apply")] public static extern int ApplyObj(ObjFn f, int x);
}

static class Program
{
    static int failures;

    static void Check(string what, string got, string want)
    {
        if (got != want)
        {
            Console.WriteLine("FAIL {0}: got '{1}', want '{2}'", what, got, want);
            failures++;
        }
        else
            Console.WriteLine("ok {0}: {1}", what, got);
    }

    static void Directive(string what, Action a, string want)
    {
        for (int attempt = 0; attempt < 2; attempt++)
        {
            try
            {
                a();
                Console.WriteLine("FAIL {0}: no exception", what);
                failures++;
            }
            catch (MarshalDirectiveException e)
            {
                Check(what + " (attempt " + attempt + ")", e.Message, want);
            }
        }
    }

    static int Main()
    {
        var sf = Native.ot_swap_fixed(new SmallFixed { Tag = "abc", Xy = new float[] { 1.5f, -2.25f } });
        Check("inline string and floats", string.Format("{0} {1} {2}", sf.Tag, sf.Xy[0], sf.Xy[1]), "cba -2.25 1.5");
        sf = Native.ot_swap_fixed(new SmallFixed { Tag = "toolong", Xy = new float[] { 0, 1 } });
        Check("ByValTStr cut to SizeConst - 1", sf.Tag, "oot");

        var sb = new StringBuilder(64);
        SbFn upper = b => { string t = b.ToString().ToUpper(); b.Clear(); b.Append(t.Substring(0, 5)); };
        Native.ot_call_with_builder(upper, sb, 64);
        Check("StringBuilder callback", sb.ToString(), "[HELLO]");
        SbFn longer = b => b.Append(" and much more than the buffer had");
        Native.ot_call_with_builder(longer, sb, 64);
        Check("StringBuilder callback cut to C's length", sb.ToString(), "[hello, world]");

        string seen = "";
        NoteFn notes = x => { seen += x.Text + "|" + new string('.', 100).Length; return 1; };
        notes += x => { int junk = 0; for (int i = 0; i < 50; i++) junk += new string('x', i).Length; seen += x.Text.ToUpper(); seen = junk == 1225 ? seen : "?"; return x.Text.Length; };
        notes += x => { seen += "/" + x.Text; return 2; };
        int last = Native.ot_call_with_note(notes);
        Check("multicast struct callback", last + " " + seen, "2 a note|100A NOTE/a note");
        GC.KeepAlive(notes);

        Check("explicit derived class layout", string.Format("{0} {1} {2}", Marshal.SizeOf(typeof(Derived)),
            Marshal.OffsetOf(typeof(Derived), "X"), Marshal.OffsetOf(typeof(Derived), "Y")), "24 8 16");
        IntPtr p = Marshal.AllocHGlobal(64);
        Marshal.StructureToPtr(new Derived { A = 7, C = 9, X = 1234567890123, Y = -5 }, p, false);
        var d = (Derived)Marshal.PtrToStructure(p, typeof(Derived));
        Check("explicit derived class round trip", string.Format("{0} {1} {2} {3} {4}", d.A, d.C, d.X, d.Y, Marshal.ReadInt64(p, 8)),
            "7 9 1234567890123 -5 1234567890123");
        Marshal.StructureToPtr(new Wide { T = "h\u00e9llo world", C = new char[] { 'x', '\u20ac', 'z' } }, p, false);
        var w = (Wide)Marshal.PtrToStructure(p, typeof(Wide));
        Check("UTF-16 inline string and chars", w.T + " " + new string(w.C) + " " + Marshal.SizeOf(typeof(Wide)), "h\u00e9ll x\u20acz 16");
        Marshal.FreeHGlobal(p);

        Directive("bool[] argument", () => Native.SumBools(new bool[] { true }, 1),
            "Cannot marshal 'parameter #1' (a) of Native::SumBools: arrays of System.Boolean are not blittable (use an array of a blittable type).");
        ObjFn f = o => 1;
        Directive("object callback parameter", () => Native.ApplyObj(f, 1),
            "Cannot marshal 'parameter #1' of ObjFn::Invoke for a call from native code: objects, arrays and classes cannot be passed from native code (take an IntPtr).");
        GC.KeepAlive(upper); GC.KeepAlive(longer);
        return failures == 0 ? 0 : 1;
    }
}
