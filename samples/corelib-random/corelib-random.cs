// Seeded Random sequences: .NET's subtractive generator gives the same
// numbers for the same seed (mono runs the same code as .NET Framework and
// .NET Core's seeded constructor).
using System;

class Program
{
    static void Main()
    {
        int[] seeds = { 0, 1, 42, -42, 12345, int.MaxValue, int.MinValue, 161803398 };
        foreach (int seed in seeds)
        {
            Random r = new Random(seed);
            Console.Write("seed " + seed + ":");
            for (int i = 0; i < 8; i++)
                Console.Write(" " + r.Next());
            Console.WriteLine();
            Console.Write("  Next(100):");
            for (int i = 0; i < 10; i++)
                Console.Write(" " + r.Next(100));
            Console.WriteLine();
            Console.Write("  Next(-50, 50):");
            for (int i = 0; i < 10; i++)
                Console.Write(" " + r.Next(-50, 50));
            Console.WriteLine();
            Console.Write("  large range:");
            for (int i = 0; i < 4; i++)
                Console.Write(" " + r.Next(int.MinValue, int.MaxValue));
            Console.WriteLine();
            Console.Write("  NextDouble:");
            for (int i = 0; i < 4; i++)
                Console.Write(" " + r.NextDouble().ToString("R"));
            Console.WriteLine();
            byte[] bytes = new byte[12];
            r.NextBytes(bytes);
            Console.WriteLine("  NextBytes: " + BitConverter.ToString(bytes));
        }

        // A dice histogram: 6000 rolls with a fixed seed.
        Random dice = new Random(2024);
        int[] counts = new int[7];
        for (int i = 0; i < 6000; i++)
            counts[dice.Next(1, 7)]++;
        for (int face = 1; face <= 6; face++)
            Console.WriteLine("face " + face + ": " + counts[face]);

        // Shuffling a deck (Fisher-Yates) is deterministic too.
        Random shuffle = new Random(7);
        int[] deck = new int[20];
        for (int i = 0; i < deck.Length; i++)
            deck[i] = i;
        for (int i = deck.Length - 1; i > 0; i--)
        {
            int j = shuffle.Next(i + 1);
            int t = deck[i];
            deck[i] = deck[j];
            deck[j] = t;
        }
        Console.Write("deck:");
        foreach (int card in deck)
            Console.Write(" " + card);
        Console.WriteLine();

        // Argument checks.
        try
        {
            new Random(1).Next(5, 1);
        }
        catch (ArgumentOutOfRangeException e)
        {
            Console.WriteLine(e.GetType().Name + " " + e.ParamName);
        }
        try
        {
            new Random(1).Next(-1);
        }
        catch (ArgumentOutOfRangeException e)
        {
            Console.WriteLine(e.GetType().Name + " " + e.ParamName);
        }
        // Unseeded generators work (their numbers differ run to run).
        int v = new Random().Next(10);
        Console.WriteLine(v >= 0 && v < 10);
    }
}
