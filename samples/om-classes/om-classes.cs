// Classes: fields, chained constructors, static and instance methods,
// properties, inheritance, virtual/override/new, base calls, abstract and
// sealed classes, protected members, ToString overrides, reference equality,
// is/as and casts.
using System;

abstract class Animal
{
    protected string name;
    private int legs;
    public static int Created;

    protected Animal(string name, int legs)
    {
        this.name = name;
        this.legs = legs;
        Created++;
    }

    public int Legs { get { return legs; } }
    public string Name { get { return name; } set { name = value; } }
    public int Age { get; set; }

    public abstract string Sound();
    public virtual string Describe() { return name + " says " + Sound(); }
    public string Kind() { return "animal"; }
    public override string ToString() { return "Animal(" + name + ")"; }
}

class Dog : Animal
{
    public int Tricks;
    public Dog(string name) : this(name, 0) { }
    public Dog(string name, int tricks) : base(name, 4) { Tricks = tricks; }
    public override string Sound() { return "woof"; }
    public override string Describe() { return base.Describe() + " and knows " + Tricks + " tricks"; }
    public new string Kind() { return "dog"; }
    public override string ToString() { return "Dog(" + name + "," + Tricks + ")"; }
}

sealed class Puppy : Dog
{
    public Puppy(string name) : base(name, 1) { Age = 1; }
    public override string Sound() { return "yip"; }
    public new string Kind() { return "puppy"; }
}

class Bird : Animal
{
    public Bird() : base("bird", 2) { }
    public override string Sound() { return "tweet"; }
}

class Counter
{
    private int count;
    private int step;
    public Counter() : this(1) { }
    public Counter(int step) { this.step = step; }
    public Counter Add() { count += step; return this; }
    public int Count { get { return count; } }
    public static int Twice(int x) { return x * 2; }
    public int TwiceCount() { return Twice(count); }
}

class Program
{
    static int Main()
    {
        Dog rex = new Dog("Rex", 3);
        Animal a = rex;
        Console.WriteLine(rex.Describe());
        Console.WriteLine(a.Describe());
        Console.WriteLine(rex.Kind());
        Console.WriteLine(a.Kind());
        Puppy p = new Puppy("Bit");
        Dog pd = p;
        Animal pa = p;
        Console.WriteLine(p.Kind() + " " + pd.Kind() + " " + pa.Kind());
        Console.WriteLine(pa.Sound() + " " + pd.Describe());
        Console.WriteLine(p.Legs + " " + p.Age + " " + p.Tricks);
        Bird b = new Bird();
        Console.WriteLine(b.Describe());
        Console.WriteLine(b);
        Console.WriteLine(rex);
        Console.WriteLine(p);
        Console.WriteLine((object)b);
        Console.WriteLine(Animal.Created);

        rex.Name = "Max";
        rex.Age = 7;
        Console.WriteLine(a.Name + " " + a.Age);

        Animal[] zoo = new Animal[] { rex, p, b, new Dog("Fido") };
        int totalLegs = 0;
        for (int i = 0; i < zoo.Length; i++)
        {
            totalLegs += zoo[i].Legs;
            Console.WriteLine(i + ": " + zoo[i].Sound() + " " + zoo[i].ToString());
        }
        Console.WriteLine(totalLegs);

        // reference equality
        Dog other = new Dog("Max", 3);
        Console.WriteLine(rex == other);
        Console.WriteLine(rex.Equals(other));
        Console.WriteLine(object.Equals(rex, a));
        Console.WriteLine((object)rex == (object)a);
        Console.WriteLine(object.ReferenceEquals(rex, a));
        Console.WriteLine(object.Equals(null, null));
        Console.WriteLine(object.Equals(rex, null));
        Animal none = null;
        Console.WriteLine(none == null);

        // is / as / casts
        Console.WriteLine(a is Dog);
        Console.WriteLine(a is Puppy);
        Console.WriteLine(pa is Puppy);
        Animal ab = b;
        Console.WriteLine(ab is Dog);
        Console.WriteLine(none is Animal);
        Dog asDog = ab as Dog;
        Console.WriteLine(asDog == null);
        Puppy asPuppy = pa as Puppy;
        Console.WriteLine(asPuppy != null);
        Console.WriteLine(((Dog)a).Tricks);
        Console.WriteLine(((Puppy)pa).Kind());
        object o = p;
        Console.WriteLine(((Animal)o).Name);
        Console.WriteLine(((Dog)(Animal)o).Kind());

        Counter c = new Counter();
        c.Add().Add().Add();
        Counter c5 = new Counter(5);
        c5.Add().Add();
        Console.WriteLine(c.Count + " " + c5.Count);
        Console.WriteLine(c5.TwiceCount() + " " + Counter.Twice(21));
        return Animal.Created;
    }
}
