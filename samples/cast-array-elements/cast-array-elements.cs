// Reproducer R10 (issue 10): array-element compatibility (ECMA-335 I.8.7):
// arrays of primitives and enums of the same reduced type are the same
// array type to casts (`(uint[])(object)new int[1]` is allowed), bool and
// char are not integers here, and floats are their own. (Jagged arrays of
// them, `int[][] is uint[][]`, are True on CoreCLR and False on mono: not
// compared here; tests/cli.rs checks CoreCLR's answer.)
using System;
enum E : int { A } enum F : int { B } enum G : long { C } enum H : byte { D }
class Program {
    static object O(object o) { return o; }
    static void Main() {
        try { uint[] u = (uint[])O(new int[] { -1 }); Console.WriteLine(u[0]); }
        catch (InvalidCastException) { Console.WriteLine("InvalidCastException"); }
        Console.WriteLine(O(new int[1]) is uint[]);
        Console.WriteLine("uint->int " + (O(new uint[1]) is int[]));
        Console.WriteLine("E->int " + (O(new E[1]) is int[]));
        Console.WriteLine("int->E " + (O(new int[1]) is E[]));
        Console.WriteLine("E->F " + (O(new E[1]) is F[]));
        Console.WriteLine("E->uint " + (O(new E[1]) is uint[]));
        Console.WriteLine("G->ulong " + (O(new G[1]) is ulong[]));
        Console.WriteLine("H->sbyte " + (O(new H[1]) is sbyte[]));
        Console.WriteLine("byte->sbyte " + (O(new byte[1]) is sbyte[]));
        Console.WriteLine("bool->byte " + (O(new bool[1]) is byte[]));
        Console.WriteLine("byte->bool " + (O(new byte[1]) is bool[]));
        Console.WriteLine("char->ushort " + (O(new char[1]) is ushort[]));
        Console.WriteLine("char->short " + (O(new char[1]) is short[]));
        Console.WriteLine("ushort->char " + (O(new ushort[1]) is char[]));
        Console.WriteLine("long->ulong " + (O(new long[1]) is ulong[]));
        Console.WriteLine("IntPtr->UIntPtr " + (O(new IntPtr[1]) is UIntPtr[]));
        Console.WriteLine("IntPtr->long " + (O(new IntPtr[1]) is long[]));
        Console.WriteLine("float->int " + (O(new float[1]) is int[]));
        Console.WriteLine("int->float " + (O(new int[1]) is float[]));
        Console.WriteLine("double->long " + (O(new double[1]) is long[]));
        Console.WriteLine("int[,]->uint[,] " + (O(new int[1, 1]) is uint[,]));
        Console.WriteLine("int[,]->uint[] " + (O(new int[1, 1]) is uint[]));
        Console.WriteLine("int[]->object[] " + (O(new int[1]) is object[]));
        Console.WriteLine("int[]->Array " + (O(new int[1]) is Array));
        int[] i = (int[])O(new E[] { E.A }); Console.WriteLine(i[0]);
        uint[] w = (uint[])O(new int[] { 7, -7 });
        w[1] += 1; Console.WriteLine(w[0] + " " + w[1]);
        long[] l = (long[])O(new ulong[] { ulong.MaxValue }); Console.WriteLine(l[0]);
        try { object o = (float[])O(new int[1]); Console.WriteLine("no exception"); }
        catch (InvalidCastException) { Console.WriteLine("float[]: InvalidCastException"); }
    }
}
