// StringBuilder: appending every type, inserting, removing, replacing,
// Length and Capacity, the indexer, AppendFormat and AppendLine.
using System;
using System.Text;

class Program
{
    static void Show(string label, StringBuilder sb)
    {
        Console.WriteLine(label + ": [" + sb.ToString().Replace("\n", "\\n") + "] Length=" + sb.Length);
    }

    static int Main()
    {
        StringBuilder sb = new StringBuilder();
        Console.WriteLine("new: Capacity=" + sb.Capacity + " Length=" + sb.Length);
        sb.Append("Hello").Append(',').Append(' ').Append("World");
        Show("strings and chars", sb);

        sb.Clear();
        sb.Append(42).Append(' ').Append(-7L).Append(' ').Append(3u).Append(' ').Append(18446744073709551615UL);
        sb.Append(' ').Append(true).Append(' ').Append(2.5).Append(' ').Append(0.1f).Append(' ').Append((short)-3);
        sb.Append(' ').Append((byte)255).Append(' ').Append((object)"object").Append((object)null).Append('!', 3);
        Show("every type", sb);

        sb.Clear();
        sb.Append("abcdef", 2, 3).Append(new char[] { 'x', 'y', 'z' }).Append(new char[] { '1', '2', '3', '4' }, 1, 2);
        Show("ranges", sb);

        sb.Insert(0, ">>").Insert(sb.Length, "<<").Insert(3, 99).Insert(1, '_');
        Show("Insert", sb);
        sb.Remove(0, 2);
        Show("Remove(0, 2)", sb);
        sb.Replace('x', 'X').Replace("yz", "[YZ]").Replace("<<", "");
        Show("Replace", sb);

        sb[0] = '#';
        Console.WriteLine("sb[0]=" + sb[0] + " sb[1]=" + sb[1]);
        Console.WriteLine("ToString(2, 3)=" + sb.ToString(2, 3));

        sb.Length = 4;
        Show("Length=4", sb);
        sb.Length = 6;
        Console.WriteLine("Length=6: " + sb.Length + " last=" + (int)sb[5]);

        sb.Clear();
        sb.AppendLine("first").AppendLine().AppendFormat("{0}-{1,4}-{2:X}", "a", 1, 255).AppendLine();
        sb.AppendFormat("{0} {1} {2} {3}", 1, 2, 3, 4);
        Show("lines and formats", sb);

        // Growth: Capacity doubles as .NET's chunks grow.
        StringBuilder grow = new StringBuilder();
        int lastCapacity = grow.Capacity;
        for (int i = 0; i < 5000; i++)
        {
            grow.Append((char)('a' + i % 26));
            if (grow.Capacity != lastCapacity)
            {
                Console.WriteLine("at length " + grow.Length + " capacity " + lastCapacity + " -> " + grow.Capacity);
                lastCapacity = grow.Capacity;
            }
        }
        Console.WriteLine(grow.ToString(4990, 10));
        StringBuilder sized = new StringBuilder(100);
        Console.WriteLine("new(100): Capacity=" + sized.Capacity + ", EnsureCapacity(300)=" + sized.EnsureCapacity(300));
        StringBuilder fromString = new StringBuilder("twenty characters!!!");
        Console.WriteLine("new(string): Capacity=" + fromString.Capacity + " Length=" + fromString.Length);

        // Building a table.
        StringBuilder table = new StringBuilder();
        for (int row = 1; row <= 5; row++)
        {
            for (int col = 1; col <= 5; col++)
                table.AppendFormat("{0,4}", row * col);
            table.AppendLine();
        }
        Console.Write(table.ToString());
        return 0;
    }
}
