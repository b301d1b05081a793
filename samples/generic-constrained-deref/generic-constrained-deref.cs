// A constrained call on a reference-type T whose last argument is still in
// the JIT's top-of-stack register when `this` (a managed pointer) is
// dereferenced: the argument must survive (found by the differential fuzzer;
// Osprey passed `this` as the argument, so "w1".CompareTo(null) gave 0).
using System;
using System.Collections.Generic;
class Program {
    static int CmpDefault<X>(X a) where X : IComparable<X> { return a.CompareTo(default(X)); }
    static int CmpLocal<X>(X a) where X : IComparable<X> { X d = default(X); return a.CompareTo(d); }
    static bool EqDefault<X>(X a) where X : IEquatable<X> { return a.Equals(default(X)); }
    static int CmpArg<X>(X a, X b) where X : IComparable<X> { return a.CompareTo(b); }
    static string Show<X>(X a, X b) { return a.Equals(b) + " " + a.GetHashCode().Equals(b.GetHashCode()); }
    static int Main() {
        Console.WriteLine(CmpDefault<string>("w1") + " " + CmpLocal<string>("w1") + " " + CmpDefault<int>(3) + " " + CmpDefault<int>(-3));
        Console.WriteLine(EqDefault<string>("w1") + " " + EqDefault<int>(0) + " " + EqDefault<long>(5));
        Console.WriteLine(CmpArg("a", "b") + " " + CmpArg("b", "a") + " " + CmpArg<string>("a", null) + " " + CmpArg(2.5, 1.0));
        Console.WriteLine(Show("x", "x") + " " + Show("x", "y") + " " + Show(1, 2));
        return 0;
    }
}
