// Reproducer R14 (issue 10): array covariance holds for arrays whose
// element type is any reference type, interfaces and arrays included
// (ECMA-335 I.8.7.1): ICloneable[] is an object[], string[][] is an
// object[], and stores into the covariant view are still checked.
using System;
class Program {
    static int Main() {
        object a = new ICloneable[0];
        object b = new string[1][];
        object c = new IComparable[2];
        Console.WriteLine((a is object[]) + " " + (b is object[]) + " " + (c is object[]) + " " + (a is ICloneable[]));
        object[] oa = (object[])c; oa[0] = "s"; oa[1] = 5;          // both implement IComparable
        try { oa[0] = new object(); Console.WriteLine("no exception"); }
        catch (ArrayTypeMismatchException) { Console.WriteLine("ArrayTypeMismatchException"); }
        Console.WriteLine(new int[1][] is object[]);
        Console.WriteLine((object)new int[1][] is Array[]);
        Console.WriteLine((object)new int[1][] is ICloneable[]);
        Console.WriteLine((object)new ICloneable[0] is IComparable[]);
        Console.WriteLine((object)new object[1] is string[]);
        Console.WriteLine((object)new IComparable[1, 2] is object[,]);
        object[] arrays = new int[2][];
        arrays[0] = new int[3];
        try { arrays[1] = "not an int[]"; Console.WriteLine("no exception"); }
        catch (ArrayTypeMismatchException) { Console.WriteLine("ArrayTypeMismatchException"); }
        Console.WriteLine(((int[])arrays[0]).Length);
        return 0;
    }
}
