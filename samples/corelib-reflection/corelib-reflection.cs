// Reflection basics programs use without meaning to: GetType(), typeof,
// Type's names and kind, base and element types, assignability,
// Type.GetType(string), Activator.CreateInstance (constructor exceptions
// wrapped in TargetInvocationException), Array.CreateInstance with lower
// bounds, Array.Copy between value-type and boxed arrays, ToString of a
// type's full name, ICloneable on strings and arrays, MarshalByRefObject.
using System;
using System.Reflection;

namespace Shop
{
    public interface IPriced
    {
        decimal Price { get; }
    }

    public class Item : IPriced
    {
        public static int Created;
        public string Name = "unnamed";

        public Item()
        {
            Created++;
        }

        public virtual decimal Price
        {
            get { return 1m; }
        }

        public class Part
        {
        }
    }

    public sealed class Book : Item
    {
        public override decimal Price
        {
            get { return 12.5m; }
        }
    }

    public abstract class Shape
    {
    }

    public class Fragile
    {
        public Fragile()
        {
            throw new InvalidOperationException("broken on arrival");
        }
    }

    public class NoDefault
    {
        public NoDefault(int x)
        {
        }
    }

    public struct Point
    {
        public int X, Y;

        public override string ToString()
        {
            return "(" + X + ", " + Y + ")";
        }
    }

    public enum Size { Small, Large }

    public class Remote : MarshalByRefObject
    {
    }
}

class Program
{
    static void Show(Type t)
    {
        Console.WriteLine(t.Name + " | " + t.FullName + " | " + t.Namespace + " | " + t + " | base " + (t.BaseType == null ? "null" : t.BaseType.FullName));
        Console.WriteLine("  value " + t.IsValueType + " class " + t.IsClass + " interface " + t.IsInterface + " enum " + t.IsEnum + " array " + t.IsArray + " primitive " + t.IsPrimitive + " abstract " + t.IsAbstract + " sealed " + t.IsSealed + " public " + t.IsPublic + " nested " + t.IsNested + " element " + (t.GetElementType() == null ? "none" : t.GetElementType().Name));
    }

    static void Main()
    {
        Type[] types =
        {
            typeof(int), typeof(string), typeof(object), typeof(Shop.Item), typeof(Shop.Book), typeof(Shop.IPriced),
            typeof(Shop.Item.Part), typeof(Shop.Point), typeof(Shop.Size), typeof(int[]), typeof(string[,]),
            typeof(Shop.Point[][]), typeof(Shop.Shape), typeof(decimal), typeof(DayOfWeek), typeof(Program),
            typeof(Exception), typeof(ValueType), typeof(Enum), typeof(Array),
        };
        foreach (Type t in types)
            Show(t);

        object[] things = { 42, "text", 1.5, new Shop.Book(), new Shop.Point(), Shop.Size.Large, new int[3], 'c', 7m, null };
        foreach (object o in things)
        {
            if (o == null)
            {
                Console.WriteLine("null");
                continue;
            }
            Type t = o.GetType();
            Console.WriteLine(t + " same as typeof: " + (t == Type.GetTypeFromHandle(Type.GetTypeHandle(o))) + " ToString: " + o);
        }
        Console.WriteLine(new Shop.Item().ToString() + " " + new object().ToString() + " " + new Shop.Item.Part() + " " + new Program());

        // Equality and assignability.
        Console.WriteLine((typeof(int) == typeof(Int32)) + " " + typeof(int).Equals(typeof(long)) + " " + typeof(Shop.Book).Equals((object)new Shop.Book().GetType()) + " " + (typeof(int[]) == new int[0].GetType()));
        Console.WriteLine(typeof(Shop.Item).IsAssignableFrom(typeof(Shop.Book)) + " " + typeof(Shop.Book).IsAssignableFrom(typeof(Shop.Item)) + " " + typeof(Shop.IPriced).IsAssignableFrom(typeof(Shop.Book)) + " " + typeof(object).IsAssignableFrom(typeof(int)) + " " + typeof(ValueType).IsAssignableFrom(typeof(Shop.Point)) + " " + typeof(IComparable).IsAssignableFrom(typeof(int)) + " " + typeof(object[]).IsAssignableFrom(typeof(string[])) + " " + typeof(object[]).IsAssignableFrom(typeof(int[])));
        Console.WriteLine(typeof(Shop.Book).IsSubclassOf(typeof(Shop.Item)) + " " + typeof(Shop.Item).IsSubclassOf(typeof(Shop.Item)) + " " + typeof(Shop.Item).IsInstanceOfType(new Shop.Book()) + " " + typeof(string).IsInstanceOfType(3) + " " + typeof(Shop.Remote).IsMarshalByRef + " " + typeof(Shop.Item).IsMarshalByRef);
        Console.WriteLine(typeof(int[]).GetArrayRank() + " " + typeof(int[,,]).GetArrayRank() + " " + typeof(int).MakeArrayType() + " " + typeof(int).MakeArrayType(2) + " " + typeof(Shop.Size).GetEnumUnderlyingType() + " " + Type.GetTypeCode(typeof(Shop.Size)) + " " + Type.GetTypeCode(typeof(string)) + " " + Type.GetTypeCode(typeof(Shop.Item)));

        // Lookup by name.
        string[] names = { "System.Int32", "System.String[]", "Shop.Book", "Shop.Item+Part", "shop.book", "Nope.Missing", "System.Int32[,]", "Program" };
        foreach (string n in names)
        {
            Type t = Type.GetType(n);
            Console.WriteLine("GetType(" + n + ") = " + (t == null ? "null" : t.FullName));
        }
        Console.WriteLine(Type.GetType("shop.book", false, true));
        try
        {
            Type.GetType("Nope.Missing", true);
        }
        catch (TypeLoadException)
        {
            Console.WriteLine("TypeLoadException");
        }

        // Activator.
        object made = Activator.CreateInstance(typeof(Shop.Book));
        Console.WriteLine(made.GetType().Name + " " + ((Shop.IPriced)made).Price + " " + ((Shop.Item)made).Name + " created " + Shop.Item.Created);
        Console.WriteLine(Activator.CreateInstance(typeof(Shop.Point)) + " " + Activator.CreateInstance(typeof(int)) + " " + Activator.CreateInstance(typeof(Shop.Size)) + " " + ((string)Activator.CreateInstance(typeof(System.Text.StringBuilder)).ToString()).Length);
        try
        {
            Activator.CreateInstance(typeof(Shop.Fragile));
        }
        catch (TargetInvocationException e)
        {
            Console.WriteLine("TargetInvocationException: " + e.Message + " inner " + e.InnerException.GetType().Name + ": " + e.InnerException.Message);
        }
        try
        {
            Activator.CreateInstance(typeof(Shop.NoDefault));
        }
        catch (MissingMethodException e)
        {
            Console.WriteLine("MissingMethodException");
        }
        try
        {
            Activator.CreateInstance(typeof(Shop.Shape));
        }
        catch (MissingMethodException e)
        {
            Console.WriteLine("MissingMethodException (abstract)");
        }

        // Arrays from types, with lower bounds.
        Array ints = Array.CreateInstance(typeof(int), 4);
        ints.SetValue(7, 2);
        Console.WriteLine(ints.GetType() + " " + ints.Length + " " + ints.GetValue(2) + " " + ((int[])ints)[2]);
        Array grid = Array.CreateInstance(typeof(string), 2, 3);
        grid.SetValue("x", 1, 2);
        Console.WriteLine(grid.GetType() + " " + grid.Rank + " " + grid.GetLength(1) + " " + grid.GetValue(1, 2) + " " + ((string[,])grid)[1, 2]);
        Array based = Array.CreateInstance(typeof(double), new int[] { 5 }, new int[] { 10 });
        based.SetValue(2.5, 12);
        Console.WriteLine(based.GetType() + " " + based.GetLowerBound(0) + " " + based.GetUpperBound(0) + " " + based.GetValue(12) + " " + based.Length);
        try
        {
            based.GetValue(3);
        }
        catch (IndexOutOfRangeException)
        {
            Console.WriteLine("IndexOutOfRangeException");
        }
        Array box = Array.CreateInstance(typeof(int), new int[] { 2, 2 }, new int[] { 1, -1 });
        box.SetValue(9, 2, 0);
        Console.WriteLine(box.GetType() + " " + box.GetLowerBound(0) + ".." + box.GetUpperBound(0) + " " + box.GetLowerBound(1) + ".." + box.GetUpperBound(1) + " " + box.GetValue(2, 0));
        Array zero = Array.CreateInstance(typeof(byte), new int[] { 3 }, new int[] { 0 });
        Console.WriteLine(zero.GetType() + " " + (zero is byte[]));

        // Array.Copy that boxes, unboxes and widens.
        int[] source = { 1, 2, 3 };
        object[] objects = new object[3];
        Array.Copy(source, objects, 3);
        Console.WriteLine(objects[0].GetType().Name + " " + objects[2]);
        int[] unboxed = new int[3];
        Array.Copy(objects, unboxed, 3);
        Console.WriteLine(unboxed[0] + unboxed[1] + unboxed[2]);
        long[] wide = new long[3];
        Array.Copy(source, wide, 3);
        double[] dbl = new double[3];
        Array.Copy(source, 0, dbl, 1, 2);
        IComparable[] comparables = new IComparable[2];
        Array.Copy(source, comparables, 2);
        Console.WriteLine(wide[2] + " " + dbl[2] + " " + comparables[1].CompareTo(2));
        try
        {
            Array.Copy(new object[] { 1, "two" }, new int[2], 2);
        }
        catch (InvalidCastException e)
        {
            Console.WriteLine("InvalidCastException");
        }
        try
        {
            Array.Copy(new long[1], new int[1], 1);
        }
        catch (ArrayTypeMismatchException e)
        {
            Console.WriteLine("ArrayTypeMismatchException");
        }
        try
        {
            Array.Copy(new int[1], new string[1], 1);
        }
        catch (ArrayTypeMismatchException e)
        {
            Console.WriteLine("ArrayTypeMismatchException");
        }

        // ICloneable.
        string s = "clone me";
        ICloneable c = s;
        Console.WriteLine(ReferenceEquals(c.Clone(), s) + " " + s.Clone());
        int[] original = { 4, 5, 6 };
        int[] copy = (int[])((ICloneable)original).Clone();
        copy[0] = 40;
        Console.WriteLine(original[0] + " " + copy[0] + " " + (copy is ICloneable) + " " + (new Shop.Remote() is MarshalByRefObject));
    }
}
