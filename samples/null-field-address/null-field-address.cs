// NullReferenceException messages for the ways C# reaches a field of a null
// object. Mono checks `ldflda` (the address of a field: `ref o.f`, a field of
// a struct field `o.s.x`, a method call on it, `fixed (int* p = &o.f)`)
// explicitly and raises the exception through its constructor, whose
// message ends with a period; every other null access (`ldfld`, `stfld`,
// calls, arrays, ...) is a hardware fault in mono, whose message has no
// period. Found by the differential fuzzer (tests/differential.rs).
using System;

struct Inner
{
    public int X;
    public int Get() { return X; }
    public void Set(int v) { X = v; }
}

class Holder
{
    public int F;
    public long G;
    public Inner S;
    public int[] A;
    public virtual int V() { return F; }
}

class Program
{
    static Holder Null;
    static Holder Live = new Holder { F = 5, A = new int[2] };
    static Holder h;

    static void Ref(ref int x) { x++; }
    static void Out(out long x) { x = 1; }

    delegate void Action0();

    static int failures;

    static void Try(string what, Action0 a)
    {
        try
        {
            a();
            Console.WriteLine(what + ": ok");
        }
        catch (NullReferenceException e)
        {
            failures++;
            Console.WriteLine(what + ": " + e.GetType().Name + " [" + e.Message + "]");
        }
    }

    static unsafe int Main()
    {
        h = Null;
        // ldflda: with a period
        Try("ref field", () => Ref(ref h.F));
        Try("out field", () => Out(out h.G));
        Try("struct field read", () => Console.WriteLine(h.S.X));
        Try("struct field write", () => { h.S.X = 3; });
        Try("struct method", () => h.S.Get());
        Try("struct mutator", () => h.S.Set(4));
        Try("fixed field", () => { fixed (int* p = &h.F) { *p = 1; } });
        // ldfld, stfld, callvirt, ldelem...: without
        Try("read field", () => Console.WriteLine(h.F));
        Try("write field", () => { h.F = 2; });
        Try("increment field", () => { h.F++; });
        Try("copy struct field", () => { Inner i = h.S; Console.WriteLine(i.X); });
        Try("virtual call", () => h.V());
        Try("array field", () => Console.WriteLine(h.A[0]));
        // and the same on a live object
        h = Live;
        Try("live ref field", () => Ref(ref h.F));
        Try("live struct method", () => h.S.Set(h.F));
        Try("live fixed field", () => { fixed (int* p = &h.F) { *p += 10; } });
        Console.WriteLine(Live.F + " " + Live.S.Get());
        return failures;
    }
}
