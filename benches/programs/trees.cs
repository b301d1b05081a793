// Allocation-heavy: binary trees (the benchmarks game's), many short-lived nodes.
using System;

class Node
{
    public Node Left, Right;
    public static Node Make(int d) { return d == 0 ? new Node() : new Node { Left = Make(d - 1), Right = Make(d - 1) }; }
    public int Check() { return Left == null ? 1 : 1 + Left.Check() + Right.Check(); }
}

static class Program
{
    static int Main()
    {
        int max = 16;
        Node longLived = Node.Make(max);
        long total = 0;
        for (int d = 4; d <= max; d += 2)
        {
            int iterations = 1 << (max - d + 4);
            long check = 0;
            for (int i = 0; i < iterations; i++) check += Node.Make(d).Check();
            total += check;
        }
        total += longLived.Check();
        Console.WriteLine(total);
        return total == 14723759L ? 0 : 1;
    }
}
