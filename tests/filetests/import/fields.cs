// filetest: Fields::*,Node::.ctor
// Field access: instance fields of a class, fields of a struct through its
// address, static fields (with a type initializer: precise class-init
// checks), thread statics.
using System;

class Node
{
    public int Value;
    public Node Next;
    public Node(int value, Node next) { Value = value; Next = next; }
}

struct Point { public int X; public long Y; }

static class Fields
{
    static int counter;
    static readonly string Greeting = "hello" + Environment.NewLine.Length;
    [ThreadStatic] static int perThread;

    public static int Sum(Node n)
    {
        int s = 0;
        while (n != null) { s += n.Value; n = n.Next; }
        return s;
    }

    public static long Struct(Point p)
    {
        Point q = p;
        q.X += 1;
        q.Y = q.X * 2;
        return q.Y + p.X;
    }

    public static string Statics()
    {
        counter++;
        perThread += counter;
        return Greeting + counter + perThread;
    }
}

class Program
{
    static void Main()
    {
        Console.WriteLine(Fields.Sum(new Node(1, new Node(2, null))));
        Point p; p.X = 4; p.Y = 0;
        Console.WriteLine(Fields.Struct(p));
        Console.WriteLine(Fields.Statics());
    }
}
