// Enum reflection: names and values of enum types of every underlying
// type, parsing, IsDefined, [Flags] formatting, Format, ToObject, HasFlag,
// comparison and conversion through IConvertible.
using System;

[Flags]
enum Access { None = 0, Read = 1, Write = 2, Execute = 4, ReadWrite = 3, All = 7 }

enum Color : byte { Red = 1, Green = 2, Blue = 200 }

enum Offset : long { Negative = -5, Zero = 0, Big = 1L << 40 }

enum Tiny : sbyte { Low = -128, Mid = 0, High = 127 }

enum Plain { A, B, C, D = 10, E }

class Program
{
    static void Describe(Type t)
    {
        Console.WriteLine("== " + t.FullName + " underlying " + Enum.GetUnderlyingType(t) + " enum " + t.IsEnum + " value type " + t.IsValueType + " base " + t.BaseType);
        string[] names = Enum.GetNames(t);
        Array values = Enum.GetValues(t);
        Console.WriteLine("  " + values.GetType() + " x" + values.Length + ": " + String.Join(", ", names));
        for (int i = 0; i < values.Length; i++)
        {
            object v = values.GetValue(i);
            Console.WriteLine("  " + names[i] + " = " + v + " D=" + Enum.Format(t, v, "D") + " X=" + Enum.Format(t, v, "X") + " name=" + Enum.GetName(t, v) + " code=" + Convert.GetTypeCode(v));
        }
    }

    static void Main()
    {
        Describe(typeof(Access));
        Describe(typeof(Color));
        Describe(typeof(Offset));
        Describe(typeof(Tiny));
        Describe(typeof(Plain));

        // [Flags] formatting.
        Access[] combos = { Access.Read | Access.Write, Access.Read | Access.Execute, Access.All, (Access)8, (Access)9, Access.None, (Access)0 };
        foreach (Access a in combos)
            Console.WriteLine(a + " | " + a.ToString("G") + " | " + a.ToString("F") + " | " + a.ToString("D") + " | " + a.ToString("X") + " | " + (int)a);
        Console.WriteLine((Plain)3 + " " + (Plain)11 + " " + Enum.Format(typeof(Plain), 3, "F") + " " + Enum.Format(typeof(Plain), Plain.B | Plain.C, "F"));
        Console.WriteLine(Offset.Negative.ToString("X") + " " + Tiny.Low.ToString("X") + " " + Color.Blue.ToString("x"));

        // Parsing.
        string[] inputs = { "Read", "read", "Read, Write", " Write ,Execute", "5", "-3", "ReadWrite", "Bogus", "" };
        foreach (string s in inputs)
        {
            object r;
            bool ok = Enum.TryParse(typeof(Access), s, out r);
            bool okIgnore = Enum.TryParse(typeof(Access), s, true, out r);
            Console.WriteLine("'" + s + "' -> " + ok + " " + okIgnore + " " + r);
        }
        Console.WriteLine(Enum.Parse(typeof(Color), "Blue") + " " + Enum.Parse(typeof(Color), "2") + " " + Enum.Parse(typeof(Offset), "-5") + " " + Enum.Parse(typeof(Plain), "e", true));
        try
        {
            Enum.Parse(typeof(Color), "Purple");
        }
        catch (ArgumentException e)
        {
            Console.WriteLine("ArgumentException: " + e.Message);
        }

        // IsDefined, GetName with numbers of the underlying type.
        Console.WriteLine(Enum.IsDefined(typeof(Color), (byte)200) + " " + Enum.IsDefined(typeof(Color), "Green") + " " + Enum.IsDefined(typeof(Color), Color.Red) + " " + Enum.IsDefined(typeof(Access), 3) + " " + Enum.IsDefined(typeof(Access), 5) + " " + Enum.IsDefined(typeof(Color), "green"));
        try
        {
            Enum.IsDefined(typeof(Color), 2);
        }
        catch (ArgumentException e)
        {
            Console.WriteLine("ArgumentException: " + e.Message);
        }
        Console.WriteLine(Enum.GetName(typeof(Color), 2) + " " + Enum.GetName(typeof(Offset), -5L) + " " + (Enum.GetName(typeof(Color), 7) == null));

        // ToObject, HasFlag, CompareTo, conversions.
        Console.WriteLine(Enum.ToObject(typeof(Color), 1) + " " + Enum.ToObject(typeof(Access), 6) + " " + Enum.ToObject(typeof(Offset), (object)0L) + " " + Enum.ToObject(typeof(Tiny), (byte)127));
        Access rw = Access.ReadWrite;
        Console.WriteLine(rw.HasFlag(Access.Read) + " " + rw.HasFlag(Access.Execute) + " " + rw.HasFlag(Access.None) + " " + Access.Read.CompareTo(Access.Write) + " " + Offset.Negative.CompareTo(Offset.Big) + " " + Color.Blue.CompareTo(Color.Red));
        Console.WriteLine(Convert.ToInt32(Color.Blue) + " " + Convert.ToInt64(Offset.Big) + " " + Convert.ToString(Access.All) + " " + Convert.ToDouble(Tiny.Low) + " " + Color.Green.GetTypeCode() + " " + ((IConvertible)Offset.Negative).ToInt16(null));
        Console.WriteLine(Color.Red.Equals(Color.Red) + " " + Color.Red.Equals((object)1) + " " + (Color.Red.GetHashCode() == ((byte)1).GetHashCode()) + " " + Access.Write.GetType().Name);
        try
        {
            Access.Read.CompareTo(Color.Red);
        }
        catch (ArgumentException e)
        {
            Console.WriteLine("ArgumentException: " + e.Message);
        }
        try
        {
            Enum.GetNames(typeof(int));
        }
        catch (ArgumentException e)
        {
            Console.WriteLine("ArgumentException: " + e.Message.Split('\n')[0]);
        }
        foreach (object v in Enum.GetValues(typeof(Plain)))
            Console.Write((int)v + " ");
        Console.WriteLine();
    }
}
