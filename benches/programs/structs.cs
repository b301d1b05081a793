// Struct-heavy: 2D vectors and complex numbers as value types.
using System;

struct Vec { public double X, Y; public Vec(double x, double y) { X = x; Y = y; }
    public static Vec operator +(Vec a, Vec b) { return new Vec(a.X + b.X, a.Y + b.Y); }
    public static Vec operator *(Vec a, double k) { return new Vec(a.X * k, a.Y * k); }
    public double Dot(Vec o) { return X * o.X + Y * o.Y; } }

struct Pair { public int A, B; }

static class Program
{
    static int Main()
    {
        Vec[] ps = new Vec[1000];
        for (int i = 0; i < ps.Length; i++) ps[i] = new Vec(i % 17, i % 23);
        Vec acc = new Vec(0, 0);
        double dots = 0;
        for (int r = 0; r < 8000; r++)
            for (int i = 0; i < ps.Length; i++) { acc = acc + ps[i] * 0.5; dots += ps[i].Dot(acc) * 1e-9; }
        Pair[] pairs = new Pair[100000];
        long s = 0;
        for (int r = 0; r < 120; r++)
            for (int i = 0; i < pairs.Length; i++) { pairs[i].A += i; pairs[i].B = pairs[i].A - r; s += pairs[i].B; }
        Console.WriteLine(acc.X + " " + acc.Y + " " + (long)dots + " " + s);
        return acc.X == 31916000 && acc.Y == 43736000 && (long)dots == 2931469 && s == 36298923000000L ? 0 : 1;
    }
}
