// ValueType.Equals and ValueType.GetHashCode, inherited by structs that do
// not override them: field by field, as mono does it. Mono's GetHashCode
// starts from a seed that changes from run to run (the address of a type),
// so this prints hashes xor the hash of a struct with no fields (the seed
// itself): those numbers are the same in every run.
using System;

struct Empty { }

struct Ints { public int A; public int B; }

struct Mixed
{
    public byte B; public sbyte SB; public short S; public ushort US;
    public uint U; public long L; public ulong UL; public char C; public bool F;
}

struct Floats { public double D; public float F; }

struct Texts { public string S; public string T; }

enum Color { Red, Green, Blue = 10 }

enum Small : byte { One = 1, Two = 2 }

struct WithEnums { public Color C; public Small S; public int N; }

struct Inner { public double D; public int K; }

struct Outer { public Inner In; public int K; public Inner In2; }

class Box
{
    public int V;
    public Box(int v) { V = v; }
    public override bool Equals(object o)
    {
        Console.WriteLine("  Box.Equals(" + V + ")");
        Box b = o as Box;
        return b != null && b.V == V;
    }
    public override int GetHashCode()
    {
        Console.WriteLine("  Box.GetHashCode(" + V + ")");
        return V * 1000;
    }
}

struct Refs { public Box B; public int K; public object O; public string S; }

struct Pointers { public IntPtr P; public UIntPtr U; public long L; }

struct Overrides
{
    public int X;
    public override bool Equals(object o) { return o is Overrides && ((Overrides)o).X % 10 == X % 10; }
    public override int GetHashCode() { return X % 10; }
}

struct HasOverrides { public Overrides O; public int K; }

struct WithStatic { public static int Counter = 7; public int X; }

class Program
{
    static int seed = new Empty().GetHashCode();

    static void Hash(string label, object value)
    {
        Console.WriteLine(label + " hash^seed = " + (value.GetHashCode() ^ seed));
    }

    static void Eq(string label, object a, object b)
    {
        Console.WriteLine(label + ": " + a.Equals(b));
    }

    static int Main()
    {
        Console.WriteLine("empty equals empty: " + new Empty().Equals(new Empty()));
        Console.WriteLine("empty hash is stable: " + (new Empty().GetHashCode() == seed));

        Ints i1 = new Ints(); i1.A = 1; i1.B = 2;
        Ints i2 = i1;
        Eq("ints same", i1, i2);
        i2.B = 3;
        Eq("ints differ", i1, i2);
        Eq("ints vs null", i1, null);
        Eq("ints vs int", i1, 1);
        Eq("ints vs empty", i1, new Empty());
        Hash("ints {1,2}", i1);
        Hash("ints {1,3}", i2);
        Ints i3 = new Ints(); i3.A = -1; i3.B = int.MinValue;
        Hash("ints {-1,min}", i3);
        Console.WriteLine("i1.Equals(i1 boxed twice): " + ((object)i1).Equals((object)i1));

        Mixed m1 = new Mixed();
        m1.B = 200; m1.SB = -5; m1.S = -300; m1.US = 60000; m1.U = 4000000000; m1.L = -1234567890123; m1.UL = 18446744073709551615; m1.C = 'x'; m1.F = true;
        Mixed m2 = m1;
        Eq("mixed same", m1, m2);
        m2.F = false;
        Eq("mixed bool differs", m1, m2);
        m2 = m1; m2.C = 'y';
        Eq("mixed char differs", m1, m2);
        m2 = m1; m2.UL = 0;
        Eq("mixed ulong differs", m1, m2);
        Hash("mixed", m1);
        Hash("mixed default", new Mixed());

        Floats f1 = new Floats(); f1.D = double.NaN; f1.F = float.NaN;
        Floats f2 = f1;
        Eq("NaN fields", f1, f2);
        f1.D = 0.0; f2.D = -0.0; f1.F = 0.0f; f2.F = -0.0f;
        Eq("zero and negative zero", f1, f2);
        f2.D = 1e-300;
        Eq("tiny differs", f1, f2);
        f1.D = 1.5; f1.F = 2.25f;
        Hash("floats {1.5,2.25}", f1);
        f1.D = 0.0; f1.F = 0.0f;
        Hash("floats zero", f1);
        f1.D = -0.0;
        Hash("floats negative zero", f1);

        Texts t1 = new Texts(); t1.S = "abc"; t1.T = null;
        Texts t2 = new Texts(); t2.S = "ab" + "c".ToString(); t2.T = null;
        Eq("strings by value", t1, t2);
        t2.T = "";
        Eq("null vs empty string", t1, t2);
        Hash("texts {abc,null}", t1);
        Hash("texts {abc,empty}", t2);
        t1.S = "Hello, World"; t1.T = "\u00e9\u4e2d";
        Hash("texts {Hello..., unicode}", t1);

        WithEnums e1 = new WithEnums(); e1.C = Color.Blue; e1.S = Small.Two; e1.N = 4;
        WithEnums e2 = e1;
        Eq("enums same", e1, e2);
        e2.S = Small.One;
        Eq("enums differ", e1, e2);
        Hash("enums", e1);

        Outer o1 = new Outer(); o1.In.D = double.NaN; o1.In.K = 3; o1.K = 4; o1.In2.D = 2;
        Outer o2 = o1;
        Eq("nested with NaN", o1, o2);
        o2.In2.K = 1;
        Eq("nested differs", o1, o2);
        o1.In.D = 0.5;
        Hash("nested", o1);

        Refs r1 = new Refs(); r1.B = new Box(1); r1.K = 1; r1.O = "x"; r1.S = "s";
        Refs r2 = r1; r2.B = new Box(1); r2.O = "x".ToUpper().ToLower();
        Console.WriteLine("refs equal, calling Box.Equals:");
        Eq("refs", r1, r2);
        r2.K = 2;
        Console.WriteLine("int field differs, so Box.Equals is not called:");
        Eq("refs", r1, r2);
        r2.K = 1; r2.B = null;
        Eq("refs null vs box", r1, r2);
        Eq("refs box vs null", r2, r1);
        r1.B = null;
        Eq("refs both null", r1, r2);
        r1.B = new Box(7); r1.O = 42;
        Console.WriteLine("hashing calls Box.GetHashCode:");
        Hash("refs", r1);
        r1.O = "text";
        Hash("refs with a string in an object field", r1);

        Pointers p1 = new Pointers(); p1.P = new IntPtr(12345); p1.U = new UIntPtr(678); p1.L = 9;
        Pointers p2 = p1;
        Eq("pointers same", p1, p2);
        p2.P = IntPtr.Zero;
        Eq("pointers differ", p1, p2);
        Hash("pointers", p1);

        HasOverrides h1 = new HasOverrides(); h1.O.X = 3; h1.K = 1;
        HasOverrides h2 = h1; h2.O.X = 13;
        Eq("field's own Equals", h1, h2);
        Hash("field's own GetHashCode", h1);
        Console.WriteLine("h1/h2 hashes equal: " + (h1.GetHashCode() == h2.GetHashCode()));

        WithStatic w1 = new WithStatic(); w1.X = 5;
        WithStatic w2 = new WithStatic(); w2.X = 5;
        WithStatic.Counter = 99;
        Eq("static fields ignored", w1, w2);
        Hash("static fields ignored", w1);

        Console.WriteLine("Ints.ToString: " + i1.ToString());
        return 0;
    }
}
