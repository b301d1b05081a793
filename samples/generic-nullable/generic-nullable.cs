using System;
enum Color { Red, Green }
struct P { public int X; public string S; public override string ToString() { return X + S; } }
class Program {
    static string D(int? v) { return v.HasValue ? "has " + v.Value : "none"; }
    static int Main() {
        int? a = 5; int? b = null;
        Console.WriteLine(a.HasValue + " " + b.HasValue + " " + (a + 1) + " " + (a + b == null));
        object boxed = a; object boxedNull = b;
        Console.WriteLine((boxed is int) + " " + (boxedNull == null) + " " + boxed.GetType().Name);
        int? back = (int?)boxed;
        Console.WriteLine(back.Value);
        int? back2 = (int?)boxedNull;
        Console.WriteLine(back2.HasValue);
        Console.WriteLine(D(3) + " " + D(null));
        object o = 7;
        int? c = o as int?;
        Console.WriteLine(c);
        object s = "str";
        int? d = s as int?;
        Console.WriteLine(d.HasValue);
        Color? col = Color.Green;
        object bc = col;
        Console.WriteLine(bc);
        P? pp = new P { X = 1, S = "a" };
        object bp = pp;
        Console.WriteLine(bp);
        Console.WriteLine(((P?)bp).Value.S);
        long? L = 1L << 40;
        Console.WriteLine(L * 2);
        Console.WriteLine(a.Equals(5) + " " + a.GetHashCode() + " " + b.GetHashCode() + " [" + b + "]");
        Console.WriteLine(a == 5);
        Console.WriteLine(b ?? 9);
        try { int z = b.Value; } catch (InvalidOperationException e) { Console.WriteLine(e.Message); }
        try { object q = (int?)(object)"x"; } catch (InvalidCastException) { Console.WriteLine("ice"); }
        return 0;
    }
}
