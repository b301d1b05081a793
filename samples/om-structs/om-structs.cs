// Structs of several sizes as locals, fields, array elements, arguments and
// return values; ref/out; copies; default; nested structs; boxing; enums
// with [Flags] and enum switch.
using System;

struct S1 { public int A; public S1(int a) { A = a; } }
struct S2 { public int A; public long B; }
struct S3 { public double X, Y, Z; public S3(double x, double y, double z) { X = x; Y = y; Z = z; } }
struct S4
{
    public long A, B, C, D;
    public long Sum { get { return A + B + C + D; } }
    public void Bump() { A++; B++; C++; D++; }
    public override string ToString() { return "S4[" + A + "," + B + "," + C + "," + D + "]"; }
}
struct WithRef { public string Name; public int N; public int[] Data; }
struct Inner { public int P, Q; }
struct Outer { public Inner In; public int R; public Inner In2; }

interface IValue { int Get(); void Set(int v); }
struct Cell : IValue
{
    int v;
    public int Get() { return v; }
    public void Set(int x) { v = x; }
    public override string ToString() { return "Cell(" + v + ")"; }
}

enum Color { Red, Green = 5, Blue }
[Flags] enum Perm { None = 0, Read = 1, Write = 2, Exec = 4, All = Read | Write | Exec }

class Holder { public S3 Pos; public S1 One; }

class Program
{
    static S1 MakeS1(int a) { return new S1(a); }
    static S2 MakeS2(int a, long b) { S2 s; s.A = a; s.B = b; return s; }
    static S3 MakeS3(double d) { return new S3(d, d * 2, d * 3); }
    static S4 MakeS4(long k) { S4 s = new S4(); s.A = k; s.B = k + 1; s.C = k + 2; s.D = k + 3; return s; }
    static long Take(S1 a, S2 b, S3 c, S4 d) { a.A = 99; d.A = 99; return a.A + b.A + b.B + (long)c.Z + d.Sum; }
    static void Inc(ref S4 s) { s.Bump(); }
    static void IncInt(ref int x) { x += 10; }
    static void Split(long v, out int hi, out int lo) { hi = (int)(v >> 32); lo = (int)v; }
    static void MakeOut(out S3 s) { s = new S3(1.5, 2.5, 3.5); }
    static void Swap(ref S2 a, ref S2 b) { S2 t = a; a = b; b = t; }

    static string Name(Color c)
    {
        switch (c)
        {
            case Color.Red: return "red";
            case Color.Green: return "green";
            case Color.Blue: return "blue";
            default: return "other" + (int)c;
        }
    }

    static int Main()
    {
        S1 s1 = MakeS1(4);
        S2 s2 = MakeS2(7, 1L << 40);
        S3 s3 = MakeS3(1.25);
        S4 s4 = MakeS4(10);
        Console.WriteLine(s1.A + " " + s2.A + " " + s2.B);
        Console.WriteLine(s3.X + " " + s3.Y + " " + s3.Z);
        Console.WriteLine(s4);
        Console.WriteLine(Take(s1, s2, s3, s4));
        Console.WriteLine(s1.A + " " + s4.A);

        S4 copy = s4;
        copy.Bump();
        Console.WriteLine(s4.Sum + " " + copy.Sum);
        Inc(ref s4);
        Inc(ref s4);
        Console.WriteLine(s4);
        int n = 5;
        IncInt(ref n);
        IncInt(ref s1.A);
        Console.WriteLine(n + " " + s1.A);
        int hi, lo;
        Split(0x123456789AL, out hi, out lo);
        Console.WriteLine(hi + " " + lo);
        S3 o3;
        MakeOut(out o3);
        Console.WriteLine(o3.X + o3.Y + o3.Z);
        S2 x = MakeS2(1, 2), y = MakeS2(3, 4);
        Swap(ref x, ref y);
        Console.WriteLine(x.A + " " + x.B + " " + y.A + " " + y.B);

        S4 d = default(S4);
        S3 d3 = new S3();
        Console.WriteLine(d + " " + d3.X + " " + d3.Z);
        WithRef w = new WithRef();
        Console.WriteLine((w.Name == null) + " " + w.N + " " + (w.Data == null));
        w.Name = "w"; w.Data = new int[] { 1, 2 };
        WithRef w2 = w;
        w2.Name = "w2"; w2.Data[0] = 50; w2.N = 3;
        Console.WriteLine(w.Name + " " + w.Data[0] + " " + w.N + " " + w2.Name + " " + w2.N);

        Outer ou = new Outer();
        ou.In.P = 1; ou.In.Q = 2; ou.R = 3; ou.In2 = ou.In; ou.In2.Q = 20;
        Console.WriteLine(ou.In.P + " " + ou.In.Q + " " + ou.R + " " + ou.In2.P + " " + ou.In2.Q);

        S4[] arr = new S4[3];
        arr[1] = MakeS4(100);
        arr[2].Bump();
        arr[2].Bump();
        Inc(ref arr[0]);
        for (int i = 0; i < arr.Length; i++) Console.WriteLine(i + " " + arr[i]);
        S3[] pts = new S3[4];
        for (int i = 0; i < pts.Length; i++) pts[i] = MakeS3(i);
        double tz = 0;
        foreach (S3 p in pts) tz += p.Z;
        Console.WriteLine(tz);

        Holder h = new Holder();
        h.Pos = MakeS3(0.5);
        h.Pos.Y = -1;
        h.One.A = 8;
        Console.WriteLine(h.Pos.X + " " + h.Pos.Y + " " + h.Pos.Z + " " + h.One.A);

        // boxing
        object bo = s4;
        s4.Bump();
        Console.WriteLine(bo + " " + s4);
        S4 un = (S4)bo;
        Console.WriteLine(un.Sum);
        Cell c = new Cell();
        c.Set(3);
        IValue iv = c;
        iv.Set(4);
        Console.WriteLine(c.Get() + " " + iv.Get() + " " + iv + " " + c);
        object oc = iv;
        Console.WriteLine(((Cell)oc).Get() + " " + (oc is Cell) + " " + (oc is S1));

        // enums
        Color col = Color.Blue;
        Console.WriteLine(col + " " + (int)col + " " + (col == Color.Blue) + " " + (col != Color.Green));
        Console.WriteLine(Name(Color.Red) + " " + Name(Color.Green) + " " + Name((Color)6) + " " + Name((Color)42));
        Perm pm = Perm.Read | Perm.Exec;
        Console.WriteLine((int)pm + " " + ((pm & Perm.Write) != 0) + " " + ((pm & Perm.Exec) == Perm.Exec));
        pm |= Perm.Write;
        Console.WriteLine((int)pm + " " + (pm == Perm.All));
        pm &= ~Perm.Read;
        Console.WriteLine((int)pm);
        pm ^= Perm.All;
        Console.WriteLine((int)pm + " " + (pm == Perm.Read));
        Perm fromInt = (Perm)6;
        Console.WriteLine((fromInt == (Perm.Write | Perm.Exec)) + " " + (int)(fromInt ^ Perm.Write));
        Color next = col + 1;
        Console.WriteLine((int)next + " " + (next > col) + " " + (Color.Red < Color.Green));
        return (int)col;
    }
}
