// The binary-trees benchmark (Computer Language Benchmarks Game): many
// short-lived trees, one long-lived tree. Depth from the first argument.
using System;

class TreeNode
{
    public TreeNode Left, Right;

    public TreeNode(TreeNode left, TreeNode right)
    {
        Left = left;
        Right = right;
    }

    public static TreeNode Bottom(int depth)
    {
        if (depth <= 0)
            return new TreeNode(null, null);
        depth--;
        return new TreeNode(Bottom(depth), Bottom(depth));
    }

    public int Check()
    {
        if (Left == null)
            return 1;
        return 1 + Left.Check() + Right.Check();
    }
}

class Program
{
    const int MinDepth = 4;

    static int Main(string[] args)
    {
        int n = args.Length > 0 ? int.Parse(args[0]) : 10;
        int maxDepth = Math.Max(MinDepth + 2, n);
        int stretchDepth = maxDepth + 1;
        Console.WriteLine("stretch tree of depth " + stretchDepth + "\t check: " + TreeNode.Bottom(stretchDepth).Check());

        TreeNode longLived = TreeNode.Bottom(maxDepth);
        for (int depth = MinDepth; depth <= maxDepth; depth += 2)
        {
            int iterations = 1 << (maxDepth - depth + MinDepth);
            int check = 0;
            for (int i = 0; i < iterations; i++)
                check += TreeNode.Bottom(depth).Check();
            Console.WriteLine(iterations + "\t trees of depth " + depth + "\t check: " + check);
        }
        Console.WriteLine("long lived tree of depth " + maxDepth + "\t check: " + longLived.Check());
        return 0;
    }
}
