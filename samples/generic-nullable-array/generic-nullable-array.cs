// Elements of T?[] read and written through Array (GetValue, SetValue,
// the non-generic IEnumerable and IList) follow Nullable's boxing rules:
// a T? with a value boxes as a T, one without as null, and a boxed T (or
// null) stores into a T? element (found by the differential fuzzer: Osprey
// boxed Nullable<T> itself).
using System;
using System.Collections;
using System.Collections.Generic;
struct P { public int X; public string S; public override string ToString() { return X + S; } }
class Program {
    static string D(object o) { return o == null ? "null" : (o is int) + " " + o.GetType().Name + " " + o; }
    static string Sh<T>(T x) { object o = x; return o == null ? "null" : o.GetType().Name + ":" + o; }
    static int Main() {
        int?[] a = { 1, null, 3 };
        foreach (object o in (IEnumerable)a) Console.WriteLine(D(o));
        Console.WriteLine(D(a.GetValue(0)) + " | " + D(a.GetValue(1)));
        Array arr = a;
        arr.SetValue(7, 1);
        arr.SetValue(null, 0);
        Console.WriteLine(D(a[1]) + " " + a[0].HasValue);
        // (SetValue of a string into an int?[] aborts mono 6.8: an assertion.)
        // (nor a long: mono 6.8 stores it without a conversion or an exception.)
        IList il = a;
        Console.WriteLine(D(il[1]) + " " + il.Contains(7) + " " + il.IndexOf(3) + " " + il.Contains(null));
        var l = new List<int?> { 4, null };
        IList il2 = l;
        Console.WriteLine(D(il2[0]) + " " + D(il2[1]));
        foreach (object o in (IEnumerable)l) Console.WriteLine(D(o));
        char?[] cs = { 'a', null };
        foreach (object o in (IEnumerable)cs) Console.WriteLine(o == null ? "null" : (o is char) + " " + (int)(char)o);
        P?[] ps = { new P { X = 1, S = "s" }, null };
        Console.WriteLine(D(ps.GetValue(0)) + " " + D(ps.GetValue(1)));
        ps.SetValue(new P { X = 2, S = "t" }, 1);
        Console.WriteLine(ps[1].Value.S + " " + Sh(ps) + " " + Sh(ps[0]) + " " + Sh(new double?[] { 1.5 }.GetValue(0)));
        long?[,] m = new long?[2, 2];
        m[1, 0] = 9;
        foreach (object o in m) Console.Write(D(o) + "; ");
        Console.WriteLine();
        return 0;
    }
}
