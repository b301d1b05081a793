using System;
using System.Collections;
using System.Collections.Generic;
delegate R Fn<T, R>(T x);
interface IAnimal { string Name { get; } }
class Dog : IAnimal { public string Name { get { return "dog"; } } }
interface IProducer<out T> { T Make(); }
class DogMaker : IProducer<Dog> { public Dog Make() { return new Dog(); } }
class Node<T> where T : IComparable<T> {
    public T Val; public Node<T> Next;
    public Node(T v, Node<T> n) { Val = v; Next = n; }
}
class Visitor { public virtual string Visit<T>(T x) { return "V:" + x; } }
class Visitor2 : Visitor { public override string Visit<T>(T x) { return "V2:" + x + ":" + typeof(T).Name; } }
struct Num : IComparable<Num> {
    public int N;
    public int CompareTo(Num o) { return N.CompareTo(o.N); }
    public override string ToString() { return "#" + N; }
}
class Program {
    static T Max<T>(T a, T b) where T : IComparable<T> { return a.CompareTo(b) >= 0 ? a : b; }
    static string Show<T>(T x) { return x.ToString() + "/" + x.GetHashCode().GetType().Name; }
    static T Make<T>() where T : new() { return new T(); }
    static T Dflt<T>() { return default(T); }
    static IEnumerable<int> Count(int n) { for (int i = 0; i < n; i++) yield return i * i; }
    static IEnumerable<T> Repeat<T>(T x, int n) { for (int i = 0; i < n; i++) yield return x; }
    static R Apply<T, R>(Fn<T, R> f, T x) { return f(x); }
    static int Main() {
        Console.WriteLine(Max(3, 9));
        Console.WriteLine(Max("apple", "pear"));
        Console.WriteLine(Max(new Num { N = 4 }, new Num { N = 2 }));
        Console.WriteLine(Show(12));
        Console.WriteLine(Show("s"));

        Console.WriteLine(Dflt<int>());
        Console.WriteLine(Dflt<string>() == null);
        Console.WriteLine(Apply<int, string>(x => "n" + (x + 1), 41));
        int k = 10;
        Fn<int, int> add = x => x + k;
        k = 20;
        Console.WriteLine(add(1));
        IProducer<IAnimal> p = new DogMaker();
        Console.WriteLine(p.Make().Name);
        object o = new DogMaker();
        Console.WriteLine(o is IProducer<object>);
        Console.WriteLine(o is IProducer<string>);
        var n = new Node<int>(1, new Node<int>(2, null));
        Console.WriteLine(n.Next.Val);
        Visitor vis = new Visitor2();
        Console.WriteLine(vis.Visit(5));
        Console.WriteLine(vis.Visit("x"));
        return 0;
    }
}
