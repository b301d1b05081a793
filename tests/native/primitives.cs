// P/Invoke marshaling of primitives, pointers, bool, char, strings,
// StringBuilder, arrays and ref/out into libospreytest.so (ospreytest.c).
// Compared with mono by tests/native.rs.
using System;
using System.Runtime.InteropServices;
using System.Text;

static class Native
{
    const string Lib = "ospreytest";

    [DllImport(Lib)] public static extern int ot_add_i32(int a, int b);
    [DllImport(Lib)] public static extern long ot_add_i64(long a, long b);
    [DllImport(Lib)] public static extern sbyte ot_neg_i8(sbyte x);
    [DllImport(Lib)] public static extern byte ot_inc_u8(byte x);
    [DllImport(Lib)] public static extern short ot_neg_i16(short x);
    [DllImport(Lib)] public static extern ushort ot_inc_u16(ushort x);
    [DllImport(Lib)] public static extern uint ot_inc_u32(uint x);
    [DllImport(Lib)] public static extern float ot_half(float x);
    [DllImport(Lib)] public static extern double ot_hypot3(double a, double b, double c);
    [DllImport(Lib)] public static extern double ot_mix10(int a, double b, long c, float d, short e, double f, byte g, int h, double i, long j);
    [DllImport(Lib)] public static extern long ot_many(long a1, long a2, long a3, long a4, long a5, long a6, long a7, long a8,
        double d1, double d2, double d3, double d4, double d5, double d6, double d7, double d8, double d9, double d10);
    [DllImport(Lib)] public static extern IntPtr ot_ptr_add(IntPtr p, IntPtr n);
    [DllImport(Lib)] public static extern unsafe long ot_ptr_diff(byte* a, byte* b);

    [DllImport(Lib)] public static extern int ot_bool_to_int(bool b);
    [DllImport(Lib)] public static extern bool ot_not_bool(bool b);
    [DllImport(Lib)] [return: MarshalAs(UnmanagedType.U1)] public static extern bool ot_is_positive(int x);
    [DllImport(Lib)] public static extern int ot_u1_bool_to_int([MarshalAs(UnmanagedType.U1)] bool b);
    [DllImport(Lib)] public static extern char ot_next_char(char c);
    [DllImport(Lib, CharSet = CharSet.Unicode, EntryPoint = "ot_next_wchar")] public static extern char NextWideChar(char c);

    [DllImport(Lib)] public static extern int ot_strlen(string s);
    [DllImport(Lib, EntryPoint = "ot_strlen")] public static extern int Utf8Len([MarshalAs(UnmanagedType.LPUTF8Str)] string s);
    [DllImport(Lib)] public static extern int ot_count_char(string s, char c);
    [DllImport(Lib, CharSet = CharSet.Unicode)] public static extern int ot_wide_len(string s);
    [DllImport(Lib, EntryPoint = "ot_wide_len")] public static extern int WideLen([MarshalAs(UnmanagedType.LPWStr)] string s);
    [DllImport(Lib)] public static extern string ot_greet(string name);
    [DllImport(Lib, CharSet = CharSet.Unicode)] public static extern string ot_wide_upper(string s);
    [DllImport(Lib)] public static extern string ot_null_string();
    [DllImport(Lib)] public static extern void ot_fill_buffer(StringBuilder buf, int cap);
    [DllImport(Lib, CharSet = CharSet.Unicode)] public static extern void ot_fill_wide(StringBuilder buf, int cap);

    [DllImport(Lib)] public static extern int ot_sum_ints(int[] a, int n);
    [DllImport(Lib)] public static extern void ot_scale_doubles([In, Out] double[] a, int n, double k);
    [DllImport(Lib)] public static extern void ot_fill_bytes([Out] byte[] a, int n);

    [DllImport(Lib)] public static extern void ot_swap(ref int a, ref int b);
    [DllImport(Lib)] public static extern int ot_inc_ref(ref long x);
    [DllImport(Lib)] public static extern void ot_set_bool(ref bool b);
    [DllImport(Lib)] public static extern void ot_out_double(out double d);
}

static class Program
{
    static unsafe int Main()
    {
        Console.WriteLine("i32 {0} {1}", Native.ot_add_i32(40, 2), Native.ot_add_i32(int.MaxValue, 1));
        Console.WriteLine("i64 {0}", Native.ot_add_i64(1L << 40, -(1L << 41)));
        Console.WriteLine("i8 {0} {1}", Native.ot_neg_i8(100), Native.ot_neg_i8(-128));
        Console.WriteLine("u8 {0} {1}", Native.ot_inc_u8(41), Native.ot_inc_u8(255));
        Console.WriteLine("i16 {0} u16 {1} {2}", Native.ot_neg_i16(-300), Native.ot_inc_u16(65535), Native.ot_inc_u16(9));
        Console.WriteLine("u32 {0}", Native.ot_inc_u32(uint.MaxValue));
        Console.WriteLine("float {0} double {1}", Native.ot_half(5f), Native.ot_hypot3(1, 2, 3));
        Console.WriteLine("mix10 {0}", Native.ot_mix10(1, 2.5, 3, 4.25f, -5, 6.5, 7, 8, 9.125, 10));
        Console.WriteLine("many {0}", Native.ot_many(1, 2, 3, 4, 5, 6, 7, 8, 1.5, 2.5, 3.5, 4.5, 5.5, 6.5, 7.5, 8.5, 9.5, 10.5));
        byte[] bytes = new byte[16];
        fixed (byte* p = bytes)
        {
            IntPtr q = Native.ot_ptr_add(new IntPtr(p), new IntPtr(5));
            Console.WriteLine("ptr {0} {1}", (long)q - (long)p, Native.ot_ptr_diff(p + 9, p));
        }

        Console.WriteLine("bool {0} {1} {2} {3}", Native.ot_bool_to_int(true), Native.ot_bool_to_int(false), Native.ot_not_bool(true), Native.ot_not_bool(false));
        Console.WriteLine("u1 {0} {1} {2}", Native.ot_is_positive(5), Native.ot_is_positive(-5), Native.ot_u1_bool_to_int(true));
        Console.WriteLine("char {0} {1}", Native.ot_next_char('a'), (int)Native.NextWideChar('\u00e9'));

        Console.WriteLine("strlen {0} {1} {2} {3}", Native.ot_strlen("hello"), Native.ot_strlen(""), Native.ot_strlen(null), Native.Utf8Len("h\u00e9llo \u20ac"));
        Console.WriteLine("count {0}", Native.ot_count_char("banana", 'a'));
        Console.WriteLine("wide {0} {1} {2}", Native.ot_wide_len("h\u00e9llo"), Native.WideLen("four"), Native.ot_wide_len(null));
        Console.WriteLine("greet [{0}] [{1}]", Native.ot_greet("osprey"), Native.ot_greet("\u00e9t\u00e9"));
        Console.WriteLine("upper [{0}] null [{1}]", Native.ot_wide_upper("mixed Case"), Native.ot_null_string() == null);
        StringBuilder sb = new StringBuilder(64);
        sb.Append("old text");
        Native.ot_fill_buffer(sb, sb.Capacity);
        Console.WriteLine("builder [{0}] {1}", sb.ToString(), sb.Length);
        StringBuilder wide = new StringBuilder(32);
        Native.ot_fill_wide(wide, wide.Capacity);
        Console.WriteLine("wide builder [{0}]", wide.ToString());
        for (int i = 0; i < 200; i++)
        {
            string s = "iteration " + i;
            if (Native.ot_strlen(s) != s.Length) Console.WriteLine("bad length at " + i);
        }

        int[] ints = { 1, 2, 3, 4, 5, 6 };
        Console.WriteLine("sum {0} {1} {2}", Native.ot_sum_ints(ints, ints.Length), Native.ot_sum_ints(new int[0], 0), Native.ot_sum_ints(null, 0));
        double[] ds = { 1.5, -2, 4 };
        Native.ot_scale_doubles(ds, ds.Length, 2);
        Console.WriteLine("scaled {0} {1} {2}", ds[0], ds[1], ds[2]);
        byte[] filled = new byte[5];
        Native.ot_fill_bytes(filled, filled.Length);
        Console.WriteLine("filled {0} {1} {2} {3} {4}", filled[0], filled[1], filled[2], filled[3], filled[4]);

        int a = 1, b = 2;
        Native.ot_swap(ref a, ref b);
        long counter = 41;
        int r = Native.ot_inc_ref(ref counter);
        bool flag = true;
        Native.ot_set_bool(ref flag);
        bool flag2 = false;
        Native.ot_set_bool(ref flag2);
        double d;
        Native.ot_out_double(out d);
        Console.WriteLine("ref {0} {1} {2} {3} {4} {5} {6}", a, b, r, counter, flag, flag2, d);
        return 0;
    }
}
