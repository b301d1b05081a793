// Generic virtual method calls on null raise the runtime's
// NullReferenceException, whose message (from Mono's runtime, not its
// managed constructor) has no period; ldvirtftn on null keeps the period
// (found by the differential fuzzer).
using System;
class C<T> { public virtual string M<U>(U u) { return "C"; } public virtual string N(T t) { return "N"; } }
class D { public virtual string M<U>(U u) { return "D"; } }
class E : D { public override string M<U>(U u) { return "E" + typeof(U).Name; } }
interface IV { string V<U>(U u); }
class Program {
    static void Try(Func<string> f) {
        try { Console.WriteLine(f()); }
        catch (Exception e) { Console.WriteLine(e.GetType().Name + ": " + e.Message); }
    }
    static int Main() {
        C<string> c = null; D d = null; IV iv = null; C<int> ci = null;
        Try(() => c.M<int>(1));
        Try(() => c.M<string>("a"));
        Try(() => ci.M<int>(1));
        Try(() => d.M<int>(1));
        Try(() => d.M<object>(1));
        Try(() => iv.V<int>(1));
        Try(() => iv.V<string>("s"));
        Try(() => c.N("x"));
        Try(() => { Func<int, string> f = d.M<int>; return f(1); });
        d = new E();
        Try(() => d.M<int>(1) + d.M<string>("s"));
        return 0;
    }
}
