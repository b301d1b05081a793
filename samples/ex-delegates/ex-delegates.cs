// Delegates (custom, non-generic types only): static and instance targets,
// Invoke, multicast with += and -=, closures over locals and loop variables,
// events with explicit add/remove (a field-like event would make mcs call the
// generic Interlocked.CompareExchange<T>), virtual targets, anonymous methods,
// lambdas, delegates in fields and arrays.
using System;

delegate int BinOp(int a, int b);
delegate void Notify(string msg);
delegate int Thunk();
delegate void Handler(object sender, int value);
delegate string Describe();

class Calc
{
    int bias;
    public Calc(int bias) { this.bias = bias; }
    public int AddBiased(int a, int b) { return a + b + bias; }
    public static int Mul(int a, int b) { return a * b; }
}

class Animal { public virtual string Speak() { return "..."; } }
class Cat : Animal { public override string Speak() { return "meow"; } }

class Counter
{
    Handler changed;
    int current;
    public event Handler Changed
    {
        add { changed = (Handler)Delegate.Combine(changed, value); }
        remove { changed = (Handler)Delegate.Remove(changed, value); }
    }
    public void Set(int v)
    {
        current = v;
        Handler h = changed;
        if (h != null) h(this, v);
    }
    public bool HasHandlers { get { return changed != null; } }
    public int Current { get { return current; } }
}

class Program
{
    static string log = "";
    static void A(string m) { log += "A(" + m + ")"; }
    static void B(string m) { log += "B(" + m + ")"; }
    static void C(string m) { log += "C(" + m + ")"; }
    static int Sub(int a, int b) { return a - b; }
    static int total;
    static void OnChanged(object sender, int v) { total += v; Console.WriteLine("static handler " + v); }

    static BinOp binField = Sub;

    static Thunk MakeCounter(int start)
    {
        int n = start;
        return delegate { n++; return n; };
    }

    static int Apply(BinOp op, int a, int b) { return op(a, b); }

    static int Main()
    {
        BinOp add = delegate(int a, int b) { return a + b; };
        BinOp mul = Calc.Mul;
        BinOp biased = new Calc(100).AddBiased;
        BinOp sub = new BinOp(Sub);
        Console.WriteLine(add(2, 3) + " " + mul(4, 5) + " " + biased(1, 2) + " " + sub.Invoke(10, 4) + " " + binField(1, 9));
        Console.WriteLine(Apply((x, y) => x * 10 + y, 4, 2) + " " + Apply(Calc.Mul, 6, 7));
        Console.WriteLine((mul.Target == null) + " " + (biased.Target != null));

        Notify n = A;
        n += B;
        n += C;
        n("1");
        Console.WriteLine(log); log = "";
        n -= B;
        n("2");
        Console.WriteLine(log); log = "";
        n += A;
        n("3");
        Console.WriteLine(log); log = "";
        n -= A;
        n("4");
        Console.WriteLine(log); log = "";
        n -= B;
        n("5");
        Console.WriteLine(log); log = "";
        Notify combined = (Notify)Delegate.Combine(new Notify(C), new Notify(B));
        Notify both = n + combined;
        both("6");
        Console.WriteLine(log); log = "";
        both -= combined;
        both("7");
        Console.WriteLine(log); log = "";
        n -= A; n -= C;
        Console.WriteLine(n == null);
        BinOp multi = add;
        multi += mul;
        Console.WriteLine(multi(3, 4));

        int captured = 5;
        Thunk readIt = () => captured * 2;
        captured = 21;
        Console.WriteLine(readIt());
        Notify bump = delegate(string s) { captured += s.Length; };
        bump("abc");
        bump("de");
        Console.WriteLine(captured + " " + readIt());

        Thunk c1 = MakeCounter(0), c2 = MakeCounter(100);
        c1(); c1();
        Console.WriteLine(c1() + " " + c2() + " " + c1());

        Thunk[] fromFor = new Thunk[3];
        for (int i = 0; i < 3; i++) fromFor[i] = () => i;
        Thunk[] fromCopy = new Thunk[3];
        for (int i = 0; i < 3; i++) { int j = i; fromCopy[i] = () => j * j; }
        Thunk[] fromForeach = new Thunk[3];
        int k = 0;
        foreach (int v in new int[] { 10, 20, 30 }) fromForeach[k++] = () => v;
        string r = "";
        for (int i = 0; i < 3; i++) r += fromFor[i]() + "," + fromCopy[i]() + "," + fromForeach[i]() + " ";
        Console.WriteLine(r);

        Counter ctr = new Counter();
        ctr.Set(1);
        Console.WriteLine(ctr.HasHandlers);
        int lambdaSum = 0;
        Handler lam = (s, v) => { lambdaSum += v * 100; Console.WriteLine("lambda handler " + v + " " + (s == ctr)); };
        ctr.Changed += OnChanged;
        ctr.Changed += lam;
        ctr.Set(2);
        ctr.Changed -= OnChanged;
        ctr.Set(3);
        ctr.Changed -= OnChanged;
        ctr.Changed -= lam;
        ctr.Set(4);
        Console.WriteLine(ctr.HasHandlers + " " + total + " " + lambdaSum + " " + ctr.Current);

        Animal an = new Cat();
        Describe d = an.Speak;
        Describe d2 = new Animal().Speak;
        Console.WriteLine(d() + " " + d2());

        BinOp[] ops = { add, mul, sub, biased, (a, b) => a % b, delegate(int a, int b) { return a > b ? a : b; } };
        string res = "";
        foreach (BinOp op in ops) res += op(17, 5) + " ";
        Console.WriteLine(res);
        int acc = 1;
        for (int i = 0; i < 20; i++) acc = ops[i % ops.Length](acc, i + 1) % 1000;
        Console.WriteLine(acc);
        binField = mul;
        Console.WriteLine(binField(6, 6));
        return acc % 256;
    }
}
