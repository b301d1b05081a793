// Interfaces: several implementations, multiple interfaces on one class,
// explicit implementations, interface inheritance, polymorphic call sites
// over arrays, interfaces inherited from a base class, is/as, and an
// interface on a struct (boxing).
using System;

interface IShape
{
    int Area();
    string Name { get; }
}

interface INamed
{
    string Name { get; }
}

interface IScalable : IShape
{
    void Scale(int k);
}

interface IResettable
{
    void Reset();
    int Value();
}

class Square : IScalable
{
    int side;
    public Square(int s) { side = s; }
    public int Area() { return side * side; }
    public string Name { get { return "square"; } }
    public void Scale(int k) { side *= k; }
}

class Rect : IScalable, IResettable
{
    int w, h;
    public Rect(int w, int h) { this.w = w; this.h = h; }
    public int Area() { return w * h; }
    public string Name { get { return "rect"; } }
    public void Scale(int k) { w *= k; h *= k; }
    public void Reset() { w = 1; h = 1; }
    public int Value() { return w + h; }
}

class Tri : IShape, INamed
{
    int b, h;
    public Tri(int b, int h) { this.b = b; this.h = h; }
    public int Area() { return b * h / 2; }
    string IShape.Name { get { return "tri-as-shape"; } }
    string INamed.Name { get { return "tri-as-named"; } }
    public string Name { get { return "tri"; } }
}

class Hidden : IResettable
{
    int v = 10;
    void IResettable.Reset() { v = 0; }
    int IResettable.Value() { return v; }
    public int Value() { return -1; }
}

class BaseCounter : IResettable
{
    protected int n;
    public virtual void Reset() { n = 100; }
    public int Value() { return n; }
    public void Bump() { n++; }
}

class DerivedCounter : BaseCounter
{
    public override void Reset() { n = 200; }
}

struct Point : IResettable
{
    public int X;
    public Point(int x) { X = x; }
    public void Reset() { X = 0; }
    public int Value() { return X; }
}

class Program
{
    static int Total(IShape[] shapes)
    {
        int t = 0;
        foreach (IShape s in shapes)
            t += s.Area();
        return t;
    }

    static string Check(object o)
    {
        string r = "";
        r += (o is IShape) ? "S" : "-";
        r += (o is IScalable) ? "C" : "-";
        r += (o is IResettable) ? "R" : "-";
        r += (o is INamed) ? "N" : "-";
        return r;
    }

    static int Main()
    {
        IShape[] shapes = new IShape[] { new Square(3), new Rect(2, 5), new Tri(4, 3), new Square(1) };
        for (int i = 0; i < shapes.Length; i++)
            Console.WriteLine(shapes[i].Name + " " + shapes[i].Area());
        Console.WriteLine(Total(shapes));

        for (int i = 0; i < shapes.Length; i++)
        {
            IScalable sc = shapes[i] as IScalable;
            if (sc != null) sc.Scale(2);
            else Console.WriteLine("not scalable: " + shapes[i].Name);
        }
        Console.WriteLine(Total(shapes));

        Tri t = new Tri(6, 2);
        IShape ts = t;
        INamed tn = t;
        Console.WriteLine(t.Name + " " + ts.Name + " " + tn.Name);

        Hidden h = new Hidden();
        IResettable hr = h;
        Console.WriteLine(h.Value() + " " + hr.Value());
        hr.Reset();
        Console.WriteLine(h.Value() + " " + hr.Value());

        BaseCounter bc = new BaseCounter();
        BaseCounter dc = new DerivedCounter();
        IResettable[] rs = new IResettable[] { bc, dc, new Rect(3, 4), h };
        foreach (IResettable r in rs) r.Reset();
        bc.Bump(); dc.Bump();
        for (int i = 0; i < rs.Length; i++)
            Console.WriteLine("reset " + i + " -> " + rs[i].Value());

        Object[] things = new object[] { new Square(1), new Rect(1, 1), t, h, dc, "str", new Point(3) };
        for (int i = 0; i < things.Length; i++)
            Console.WriteLine(Check(things[i]));

        // struct implementing an interface: boxing copies
        Point p = new Point(7);
        IResettable boxed = p;
        boxed.Reset();
        Console.WriteLine(p.X + " " + boxed.Value());
        p.Reset();
        Console.WriteLine(p.X);
        Point back = (Point)boxed;
        back.X = 42;
        Console.WriteLine(back.Value() + " " + boxed.Value());
        object ob = new Point(9);
        IResettable ir = ob as IResettable;
        Console.WriteLine(ir.Value());
        ir.Reset();
        Console.WriteLine(((Point)ob).X);

        // polymorphic call site across many types, repeated
        int sum = 0;
        for (int k = 0; k < 1000; k++)
            sum += shapes[k % shapes.Length].Area() + rs[k % rs.Length].Value();
        Console.WriteLine(sum);
        IShape none = null;
        Console.WriteLine(none is IShape);
        Console.WriteLine((things[5] as IShape) == null);
        return Total(shapes) % 256;
    }
}
