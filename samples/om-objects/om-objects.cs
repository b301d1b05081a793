// Objects at work: object[] of boxed values and instances, GetType names,
// Equals overrides, a linked list and a binary search tree built from
// classes, and two small simulations (shapes and bank accounts).
using System;

class Money
{
    public readonly long Cents;
    public Money(long c) { Cents = c; }
    public override bool Equals(object o)
    {
        Money m = o as Money;
        return m != null && m.Cents == Cents;
    }
    public override int GetHashCode() { return (int)Cents; }
    public override string ToString() { return (Cents / 100) + "." + (Cents % 100 < 10 ? "0" : "") + (Cents % 100); }
}

class ListNode
{
    public int Value;
    public ListNode Next;
    public ListNode(int v, ListNode next) { Value = v; Next = next; }
}

class Tree
{
    class Node
    {
        public int Key; public Node Left, Right;
        public Node(int k) { Key = k; }
    }
    Node root;
    public int Count;
    public void Insert(int k) { root = Insert(root, k); }
    Node Insert(Node n, int k)
    {
        if (n == null) { Count++; return new Node(k); }
        if (k < n.Key) n.Left = Insert(n.Left, k);
        else if (k > n.Key) n.Right = Insert(n.Right, k);
        return n;
    }
    public bool Contains(int k)
    {
        Node n = root;
        while (n != null) { if (k == n.Key) return true; n = k < n.Key ? n.Left : n.Right; }
        return false;
    }
    public int Height() { return Height(root); }
    static int Height(Node n) { return n == null ? 0 : 1 + Math.Max(Height(n.Left), Height(n.Right)); }
    public string InOrder() { return Walk(root); }
    static string Walk(Node n) { return n == null ? "" : Walk(n.Left) + n.Key + " " + Walk(n.Right); }
}

abstract class Shape
{
    public abstract double Area();
    public virtual string Label() { return GetType().Name; }
}
class Circle : Shape { double r; public Circle(double r) { this.r = r; } public override double Area() { return 3 * r * r; } }
class Rectangle : Shape
{
    protected double w, h;
    public Rectangle(double w, double h) { this.w = w; this.h = h; }
    public override double Area() { return w * h; }
}
class Square : Rectangle
{
    public Square(double s) : base(s, s) { }
    public override string Label() { return "Square " + w; }
}

class Account
{
    static int nextId = 1;
    public readonly int Id;
    public long Balance;
    public Account(long initial) { Id = nextId++; Balance = initial; }
    public virtual bool Withdraw(long amount)
    {
        if (amount > Balance) return false;
        Balance -= amount;
        return true;
    }
    public virtual void EndOfMonth() { }
    public override string ToString() { return "#" + Id + ":" + Balance; }
}
class Savings : Account
{
    public Savings(long initial) : base(initial) { }
    public override void EndOfMonth() { Balance += Balance / 100; }
}
class Overdraft : Account
{
    long limit;
    public Overdraft(long initial, long limit) : base(initial) { this.limit = limit; }
    public override bool Withdraw(long amount)
    {
        if (amount > Balance + limit) return false;
        Balance -= amount;
        return true;
    }
    public override void EndOfMonth() { if (Balance < 0) Balance -= 5; }
}

class Program
{
    static int Main()
    {
        object[] items = new object[] { 42, "text", 'c', 3.5, 7L, true, (byte)9, new Money(1234), null, new int[2], 2.5f, (short)-3, 10u };
        for (int i = 0; i < items.Length; i++)
        {
            object o = items[i];
            if (o == null) { Console.WriteLine(i + ": null"); continue; }
            Console.WriteLine(i + ": " + o.GetType().Name + " " + o.GetType().FullName + " " + o.ToString());
        }
        int sumInts = 0;
        foreach (object o in items) if (o is int) sumInts += (int)o;
        Console.WriteLine(sumInts);
        Console.WriteLine(items[0].Equals(42) + " " + items[0].Equals(42L) + " " + items[4].Equals(7L) + " " + items[1].Equals("te" + "xt"));
        Console.WriteLine(new Money(5).Equals(new Money(5)) + " " + new Money(5).Equals(new Money(6)) + " " + new Money(5).Equals(null) + " " + object.Equals(new Money(105), new Money(105)) + " " + (new Money(5) == new Money(5)));
        Console.WriteLine(new Money(5) + " " + new Money(100) + " " + new Money(99999));

        ListNode head = null;
        for (int i = 1; i <= 10; i++) head = new ListNode(i * i, head);
        string ls = "";
        for (ListNode n = head; n != null; n = n.Next) ls += n.Value + ",";
        Console.WriteLine(ls);
        ListNode prev = null, cur = head;
        while (cur != null) { ListNode next = cur.Next; cur.Next = prev; prev = cur; cur = next; }
        head = prev;
        int len = 0; long total = 0;
        for (ListNode n = head; n != null; n = n.Next) { len++; total += n.Value; }
        Console.WriteLine(head.Value + " " + len + " " + total);

        Tree t = new Tree();
        int[] keys = { 50, 30, 70, 20, 40, 60, 80, 30, 65, 10, 5 };
        foreach (int k in keys) t.Insert(k);
        Console.WriteLine(t.InOrder());
        Console.WriteLine(t.Count + " " + t.Height() + " " + t.Contains(65) + " " + t.Contains(66));
        Tree big = new Tree();
        int x = 7;
        for (int i = 0; i < 2000; i++) { x = (x * 1103 + 12345) % 10007; big.Insert(x); }
        Console.WriteLine(big.Count + " " + big.Height() + " " + big.Contains(x));

        Shape[] shapes = { new Circle(2), new Rectangle(2, 3.5), new Square(4), new Circle(0.5) };
        double area = 0;
        foreach (Shape s in shapes) { Console.WriteLine(s.Label() + " " + s.Area()); area += s.Area(); }
        Console.WriteLine(area);

        Account[] accts = { new Account(100), new Savings(1000), new Overdraft(50, 200), new Savings(0) };
        long[] ops = { 30, 500, 120, 90, 10, 600 };
        for (int month = 0; month < 3; month++)
        {
            for (int i = 0; i < ops.Length; i++)
            {
                Account a = accts[(i + month) % accts.Length];
                bool ok = a.Withdraw(ops[i]);
                if (!ok) Console.WriteLine("declined " + a.Id + " " + ops[i]);
            }
            string line = "month " + month + ":";
            foreach (Account a in accts) { a.EndOfMonth(); line += " " + a; }
            Console.WriteLine(line);
        }
        return accts.Length + t.Count;
    }
}
