// Virtual and interface calls: shapes' areas through a base class and an interface.
using System;

interface IShape { double Area(); int Sides { get; } }
abstract class Shape : IShape
{
    public abstract double Area();
    public abstract int Sides { get; }
}
sealed class Square : Shape { double s; public Square(double s) { this.s = s; } public override double Area() { return s * s; } public override int Sides { get { return 4; } } }
sealed class Tri : Shape { double b, h; public Tri(double b, double h) { this.b = b; this.h = h; } public override double Area() { return 0.5 * b * h; } public override int Sides { get { return 3; } } }
class Circle : Shape { double r; public Circle(double r) { this.r = r; } public override double Area() { return 3.0 * r * r; } public override int Sides { get { return 0; } } }

static class Program
{
    static int Main()
    {
        Shape[] shapes = new Shape[1000];
        for (int i = 0; i < shapes.Length; i++)
            { int k = i % 3; shapes[i] = k == 0 ? new Square(i % 10) : k == 1 ? (Shape)new Tri(i % 7, 2) : new Circle(i % 5); }
        double total = 0; long sides = 0;
        for (int r = 0; r < 4000; r++)
        {
            for (int i = 0; i < shapes.Length; i++) total += shapes[i].Area();
            IShape[] view = shapes;
            for (int i = 0; i < view.Length; i++) sides += view[i].Sides;
        }
        Console.WriteLine(total + " " + sides);
        return total == 66020000 && sides == 9340000L ? 0 : 1;
    }
}
