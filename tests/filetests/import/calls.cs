// filetest: Calls::*,Animal::Describe,Dog::Speak
// Calls: static, instance (non-virtual), virtual, interface, a struct's
// method through a constrained call, a delegate, a constructor.
using System;

interface ISpeaker { string Speak(); }

class Animal : ISpeaker
{
    public virtual string Speak() { return "..."; }
    public string Describe() { return "I say " + Speak(); }
}

class Dog : Animal
{
    public override string Speak() { return "woof"; }
}

struct Counter
{
    public int Count;
    public override string ToString() { return "count " + Count; }
}

static class Calls
{
    static int Twice(int x) { return x * 2; }

    public static int Static(int x) { return Twice(x) + Twice(x + 1); }

    public static string Virtual(Animal a) { return a.Speak() + a.Describe(); }

    public static string Interface(ISpeaker s) { return s.Speak(); }

    public static string Constrained<T>(T value) { return value.ToString(); }

    public static int Delegate(Func<int, int> f) { return f(20); }

    public static Animal New() { return new Dog(); }
}

class Program
{
    static void Main()
    {
        Console.WriteLine(Calls.Static(4));
        Console.WriteLine(Calls.Virtual(new Dog()));
        Console.WriteLine(Calls.Interface(new Animal()));
        Counter c; c.Count = 3;
        Console.WriteLine(Calls.Constrained(c));
        Console.WriteLine(Calls.Delegate(x => x + 1));
        Console.WriteLine(Calls.New().Speak());
    }
}
