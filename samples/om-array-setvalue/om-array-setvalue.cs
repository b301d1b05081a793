// Array.SetValue and GetValue through the base class, case by case, with
// the exceptions mono raises: ArgumentException "not a widening conversion"
// for a primitive that does not widen losslessly, InvalidCastException for
// a value of an unrelated type, IndexOutOfRangeException outside the
// bounds, ArgumentException for multi-dimensional arrays; and the array
// enumerator's Current outside the elements.
using System;
using System.Collections;

delegate void Act();

struct Pt
{
    public int X;
    public override string ToString() { return "Pt(" + X + ")"; }
}

enum Col { R, G = 5 }

enum Col2 { A, B = 6 }

enum Small : byte { One = 1 }

enum Neg : sbyte { M = -1 }

class Program
{
    static void T(string label, Act a)
    {
        try
        {
            a();
            Console.WriteLine(label + ": ok");
        }
        catch (Exception e)
        {
            Console.WriteLine(label + ": " + e.GetType().FullName + ": " + e.Message.Replace("\n", "|"));
        }
    }

    static void Main()
    {
        int[] ia = { 1, 2, 3 };
        Array arr = ia;
        T("set short into int[]", delegate { arr.SetValue((short)7, 1); Console.WriteLine(ia[1]); });
        T("set byte into int[]", delegate { arr.SetValue((byte)8, 1); Console.WriteLine(ia[1]); });
        T("set char into int[]", delegate { arr.SetValue('A', 1); Console.WriteLine(ia[1]); });
        T("set long into int[]", delegate { arr.SetValue(9L, 1); });
        T("set uint into int[]", delegate { arr.SetValue(9u, 1); });
        T("set double into int[]", delegate { arr.SetValue(1.5, 1); });
        T("set string into int[]", delegate { arr.SetValue("x", 1); });
        T("set null into int[]", delegate { arr.SetValue(null, 2); Console.WriteLine(ia[2]); });
        T("set enum into int[]", delegate { arr.SetValue(Col.G, 2); Console.WriteLine(ia[2]); });
        T("get -1", delegate { arr.GetValue(-1); });
        T("get 3", delegate { arr.GetValue(3); });
        T("set -1", delegate { arr.SetValue(1, -1); });
        T("set 3", delegate { arr.SetValue(1, 3); });

        double[] da = new double[2];
        T("set int into double[]", delegate { da.SetValue(3, 0); Console.WriteLine(da[0]); });
        T("set float into double[]", delegate { da.SetValue(2.5f, 1); Console.WriteLine(da[1]); });
        T("set long into double[]", delegate { da.SetValue(5L, 1); Console.WriteLine(da[1]); });
        T("set char into double[]", delegate { da.SetValue('A', 1); Console.WriteLine(da[1]); });
        T("set ulong max into double[]", delegate { da.SetValue(ulong.MaxValue, 1); Console.WriteLine(da[1]); });
        T("set ulong into float[]", delegate { float[] f = new float[1]; f.SetValue(5UL, 0); Console.WriteLine(f[0]); });
        T("set long min into float[]", delegate { float[] f = new float[1]; f.SetValue(long.MinValue, 0); Console.WriteLine(f[0]); });
        T("set double into float[]", delegate { new float[1].SetValue(1.0, 0); });
        T("set int into long[]", delegate { new long[1].SetValue(5, 0); });
        T("set uint into long[]", delegate { new long[1].SetValue(5u, 0); });
        T("set int into uint[]", delegate { new uint[1].SetValue(5, 0); });
        T("set char into ushort[]", delegate { new ushort[1].SetValue('a', 0); });
        T("set ushort into char[]", delegate { new char[1].SetValue((ushort)97, 0); });
        T("set byte into char[]", delegate { new char[1].SetValue((byte)97, 0); });
        T("set short into char[]", delegate { new char[1].SetValue((short)97, 0); });
        T("set bool into int[]", delegate { new int[1].SetValue(true, 0); });
        T("set int into bool[]", delegate { new bool[1].SetValue(1, 0); });
        T("set bool into bool[]", delegate { bool[] b = new bool[1]; b.SetValue(true, 0); Console.WriteLine(b[0]); });
        T("set sbyte into short[]", delegate { new short[1].SetValue((sbyte)-1, 0); });
        T("set byte into short[]", delegate { new short[1].SetValue((byte)1, 0); });
        T("set sbyte into ushort[]", delegate { new ushort[1].SetValue((sbyte)1, 0); });
        T("set ushort into short[]", delegate { new short[1].SetValue((ushort)1, 0); });
        T("set ulong into long[]", delegate { new long[1].SetValue(1UL, 0); });
        T("set int into IntPtr[]", delegate { new IntPtr[1].SetValue(1, 0); });
        T("set IntPtr into IntPtr[]", delegate { new IntPtr[1].SetValue(IntPtr.Zero, 0); });
        T("set IntPtr into long[]", delegate { new long[1].SetValue(IntPtr.Zero, 0); });

        T("set enum into Col[]", delegate { new Col[1].SetValue(Col.G, 0); });
        T("set int into Col[]", delegate { Col[] c = new Col[1]; c.SetValue(5, 0); Console.WriteLine(c[0]); });
        T("set Col into long[]", delegate { long[] l = new long[1]; l.SetValue(Col.G, 0); Console.WriteLine(l[0]); });
        T("set Col into bool[]", delegate { new bool[1].SetValue(Col.G, 0); });
        T("set bool into Col[]", delegate { new Col[1].SetValue(true, 0); });
        T("set Small into int[]", delegate { int[] a = new int[1]; a.SetValue(Small.One, 0); Console.WriteLine(a[0]); });
        T("set Col into Small[]", delegate { new Small[1].SetValue(Col.G, 0); });
        T("set Col into Col2[]", delegate { Col2[] a = new Col2[1]; a.SetValue(Col.G, 0); Console.WriteLine(a[0]); });
        T("set Neg into int[]", delegate { int[] a = new int[1]; a.SetValue(Neg.M, 0); Console.WriteLine(a[0]); });
        T("set Neg into uint[]", delegate { new uint[1].SetValue(Neg.M, 0); });

        string[] sa = { "a", null };
        T("set int into string[]", delegate { sa.SetValue(1, 0); });
        T("set object into string[]", delegate { sa.SetValue(new object(), 0); });
        T("set string into string[]", delegate { sa.SetValue("z", 1); Console.WriteLine(sa[1]); });
        T("set int into string[] as object[]", delegate { object[] o = new string[1]; o.SetValue(3, 0); });
        T("set Pt into object[]", delegate { object[] a = new object[1]; a.SetValue(new Pt(), 0); Console.WriteLine(a[0].GetType()); });
        T("set Pt into ValueType[]", delegate { new ValueType[1].SetValue(new Pt(), 0); });
        T("set int into IComparable[]", delegate { IComparable[] a = new IComparable[1]; a.SetValue(5, 0); Console.WriteLine(a[0]); });
        T("set string into IComparable[]", delegate { new IComparable[1].SetValue("s", 0); });
        T("set object into IComparable[]", delegate { new IComparable[1].SetValue(new object(), 0); });
        T("set int[] into object[]", delegate { new object[1].SetValue(new int[2], 0); });
        T("set int[] into Array[]", delegate { new Array[1].SetValue(new int[2], 0); });

        Pt[] pa = new Pt[2];
        pa[1].X = 3;
        T("get Pt", delegate { Console.WriteLine(pa.GetValue(1)); });
        T("set Pt", delegate { Pt q = new Pt(); q.X = 9; pa.SetValue(q, 0); Console.WriteLine(pa[0]); });
        T("set null into Pt[]", delegate { pa.SetValue(null, 0); Console.WriteLine(pa[0]); });
        T("set int into Pt[]", delegate { pa.SetValue(1, 0); });
        T("get Col", delegate { object o = new Col[] { Col.G }.GetValue(0); Console.WriteLine(o + " " + (o is Col)); });
        T("get float", delegate { Console.WriteLine(new float[] { 1.5f }.GetValue(0).GetType()); });

        int[,] md = new int[2, 2];
        T("md GetValue(int)", delegate { md.GetValue(0); });
        T("md SetValue(int)", delegate { md.SetValue(1, 0); });

        IEnumerator en = ((IEnumerable)sa).GetEnumerator();
        T("Current before MoveNext", delegate { object cur = en.Current; });
        while (en.MoveNext())
            Console.Write((en.Current ?? "null") + " ");
        Console.WriteLine(en.MoveNext());
        T("Current after the end", delegate { object cur = en.Current; });
        en.Reset();
        T("Current after Reset", delegate { object cur = en.Current; });
        Console.WriteLine(en.MoveNext() + " " + en.Current);
        foreach (object x in (IEnumerable)md)
            Console.Write(x + " ");
        Console.WriteLine();
        Console.WriteLine(((IEnumerable)new int[0]).GetEnumerator().MoveNext());
    }
}
