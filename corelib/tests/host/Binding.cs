// A program for corelib/tests/binding.rs: it is compiled against Mono's
// mscorlib, as Osprey's users compile theirs, and uses corelib's public
// surface. The test checks that every mscorlib type and member it
// references exists in corelib.dll with the same name and signature. It is
// never run.
//
// Add a use here whenever corelib gains public API.

using System;
using System.Collections;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

[Flags]
internal enum Colors
{
    Red = 1,
    Green = 2,
}

[StructLayout(LayoutKind.Explicit, Pack = 4)]
internal struct Point : IEquatable<Point>, IComparable<Point>, IComparable
{
    [FieldOffset(0)] public int X;

    public bool Equals(Point other) { return X == other.X; }
    public int CompareTo(Point other) { return X.CompareTo(other.X); }
    public int CompareTo(object obj) { return X.CompareTo(obj); }
    public override bool Equals(object obj) { return obj is Point && Equals((Point)obj); }
    public override int GetHashCode() { return X.GetHashCode(); }
    public override string ToString() { return X.ToString(); }
}

internal sealed class Resource : IDisposable, ICloneable
{
    public void Dispose() { }
    public object Clone() { return this; }
    ~Resource() { }
}

internal sealed class Numbers : IEnumerable<int>
{
    public IEnumerator<int> GetEnumerator() { return new Enumerator(); }
    IEnumerator IEnumerable.GetEnumerator() { return GetEnumerator(); }

    private sealed class Enumerator : IEnumerator<int>
    {
        private int _i;
        public int Current { get { return _i; } }
        object IEnumerator.Current { get { return _i; } }
        public bool MoveNext() { return ++_i < 3; }
        public void Reset() { _i = 0; }
        public void Dispose() { }
    }
}

internal sealed class MyException : Exception
{
    public MyException(string message) : base(message) { HResult = 5; }
    public override string Message { get { return base.Message; } }
}

internal delegate int Transform(int x);

internal sealed class WithAutoProperty
{
    public int Value { get; set; }
}

internal static class Program
{
    private static int Twice(int x) { return 2 * x; }

    [Obsolete("old")]
    private static void Old() { }

    [Obsolete("old", true)]
    private static void Older() { }

    [Conditional("NEVER")]
    private static void Debug() { }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void NotInlined() { }

    [DllImport("libc", EntryPoint = "getpid", CharSet = CharSet.Ansi)]
    private static extern int GetPid();

    private static void Params(params object[] args) { }

    private static void Out([Out] int[] a, [In] int[] b) { }

    private static int Main()
    {
        // Console
        Console.Write("s"); Console.Write(1); Console.Write(1L); Console.Write(1u); Console.Write(1ul);
        Console.Write(true); Console.Write('c'); Console.Write((object)null);
        Console.WriteLine(); Console.WriteLine("s"); Console.WriteLine(1); Console.WriteLine(1L);
        Console.WriteLine(1u); Console.WriteLine(1ul); Console.WriteLine(true); Console.WriteLine('c');
        Console.WriteLine((object)null);
        TextWriter o = Console.Out;
        TextWriter e = Console.Error;
        e.WriteLine("err"); e.Write("err"); e.Write('c'); e.WriteLine(); e.Flush();
        o.Write(true); o.Write(1); o.Write(1u); o.Write(1L); o.Write(1ul); o.Write((object)null);
        o.WriteLine('c'); o.WriteLine(true); o.WriteLine(1); o.WriteLine(1u); o.WriteLine(1L);
        o.WriteLine(1ul); o.WriteLine((object)null);
        string nl = o.NewLine;

        // String
        string s = "abc";
        string t = s + "d";
        t = s + "d" + s;
        t = s + "d" + s + "e";
        t = s + 1;
        t = s + 1 + 2L;
        t = string.Concat((object)s);
        int n = s.Length;
        char c = s[0];
        bool b = s == t || s != t || string.Equals(s, t) || s.Equals(t) || s.Equals((object)t)
                 || string.IsNullOrEmpty(s) || object.ReferenceEquals(s, t) || object.Equals(s, t);
        t = string.Empty;
        n = s.GetHashCode();
        t = s.ToString();
        foreach (char ch in s) { c = ch; }

        // Primitives
        // (At most four strings per concatenation: Concat(string[]) does not
        // exist yet.)
        t = 1.ToString() + 1L.ToString() + 1u.ToString() + 1ul.ToString();
        t = ((short)1).ToString() + ((ushort)1).ToString() + ((byte)1).ToString() + ((sbyte)1).ToString();
        t = true.ToString() + 'c'.ToString() + char.ToString('c');
        b = 1.Equals(2) || 1.Equals((object)2) || 1L.Equals(2L) || true.Equals(false) || 'c'.Equals('d')
            || 1.0.Equals(2.0) || 1.0f.Equals(2.0f) || double.IsNaN(1.0) || float.IsNaN(1.0f)
            || double.IsInfinity(1.0) || double.IsPositiveInfinity(1.0) || double.IsNegativeInfinity(1.0);
        n = 1.CompareTo(2) + 1.CompareTo((object)2) + 1L.CompareTo(2L) + 1u.CompareTo(2u) + 1ul.CompareTo(2ul)
            + ((short)1).CompareTo((short)2) + ((byte)1).CompareTo((byte)2) + true.CompareTo(false)
            + 'c'.CompareTo('d') + 1.0.CompareTo(2.0) + 1.0f.CompareTo(2.0f) + ((sbyte)1).CompareTo((sbyte)2)
            + ((ushort)1).CompareTo((ushort)2);
        n = 1.GetHashCode() + 1L.GetHashCode() + true.GetHashCode() + 'c'.GetHashCode() + 1.0.GetHashCode();

        // IntPtr, UIntPtr, handles
        IntPtr p = new IntPtr(1) ;
        p = new IntPtr(1L);
        p = (IntPtr)1;
        p = (IntPtr)1L;
        n = (int)p + p.ToInt32() + IntPtr.Size;
        long l = (long)p + p.ToInt64();
        b = p == IntPtr.Zero || p != IntPtr.Zero;
        UIntPtr u = new UIntPtr(1u);
        u = new UIntPtr(1ul);
        u = (UIntPtr)1u;
        ulong ul = (ulong)u + u.ToUInt64() + (uint)u + u.ToUInt32();
        b = u == UIntPtr.Zero || u != UIntPtr.Zero;
        t = p.ToString() + u.ToString();
        unsafe
        {
            void* v = p.ToPointer();
            p = (IntPtr)v;
            p = new IntPtr(v);
            v = (void*)p;
            v = u.ToPointer();
            u = (UIntPtr)v;
            v = (void*)u;
        }

        // Object and Type
        object obj = new object();
        Type type = obj.GetType();
        t = type.Name + type.FullName + type.Namespace + type.ToString();
        b = type == obj.GetType() || type != obj.GetType();
        n = obj.GetHashCode() + RuntimeHelpers.GetHashCode(obj);
        t = obj.ToString();
        b = obj.Equals(obj);

        // Nullable
        int? ni = 5;
        b = ni.HasValue;
        n = ni.Value + ni.GetValueOrDefault() + ni.GetValueOrDefault(3) + (int)ni;
        ni = null;
        b = ni == 3;
        b = ni.Equals(null);
        t = ni.ToString();
        n = ni.GetHashCode();

        // Exceptions
        Exception ex = new Exception();
        ex = new Exception("m");
        ex = new Exception("m", ex);
        t = ex.Message + ex.StackTrace + ex.ToString();
        t = ex.InnerException + "" + ex.GetBaseException();
        n = ex.HResult;
        ex = new SystemException(); ex = new SystemException("m"); ex = new SystemException("m", ex);
        ArgumentException ae = new ArgumentException();
        ae = new ArgumentException("m"); ae = new ArgumentException("m", ex);
        ae = new ArgumentException("m", "p"); ae = new ArgumentException("m", "p", ex);
        t = ae.ParamName;
        ae = new ArgumentNullException(); ae = new ArgumentNullException("p");
        ae = new ArgumentNullException("p", "m"); ae = new ArgumentNullException("m", ex);
        ArgumentOutOfRangeException aoore = new ArgumentOutOfRangeException();
        aoore = new ArgumentOutOfRangeException("p"); aoore = new ArgumentOutOfRangeException("p", "m");
        aoore = new ArgumentOutOfRangeException("m", ex); aoore = new ArgumentOutOfRangeException("p", 1, "m");
        obj = aoore.ActualValue;
        ex = new InvalidOperationException(); ex = new InvalidOperationException("m"); ex = new InvalidOperationException("m", ex);
        ex = new NotSupportedException(); ex = new NotSupportedException("m"); ex = new NotSupportedException("m", ex);
        ex = new NotImplementedException(); ex = new NotImplementedException("m"); ex = new NotImplementedException("m", ex);
        ex = new NullReferenceException(); ex = new NullReferenceException("m"); ex = new NullReferenceException("m", ex);
        ex = new IndexOutOfRangeException(); ex = new IndexOutOfRangeException("m"); ex = new IndexOutOfRangeException("m", ex);
        ex = new InvalidCastException(); ex = new InvalidCastException("m"); ex = new InvalidCastException("m", ex);
        ex = new ArithmeticException(); ex = new ArithmeticException("m"); ex = new ArithmeticException("m", ex);
        ex = new OverflowException(); ex = new OverflowException("m"); ex = new OverflowException("m", ex);
        ex = new DivideByZeroException(); ex = new DivideByZeroException("m"); ex = new DivideByZeroException("m", ex);
        ex = new ArrayTypeMismatchException(); ex = new ArrayTypeMismatchException("m"); ex = new ArrayTypeMismatchException("m", ex);
        ex = new FormatException(); ex = new FormatException("m"); ex = new FormatException("m", ex);
        ex = new OutOfMemoryException(); ex = new OutOfMemoryException("m"); ex = new OutOfMemoryException("m", ex);
        ex = new StackOverflowException(); ex = new StackOverflowException("m"); ex = new StackOverflowException("m", ex);
        ex = new MemberAccessException(); ex = new MemberAccessException("m"); ex = new MemberAccessException("m", ex);
        ex = new MissingMemberException(); ex = new MissingMemberException("m"); ex = new MissingMemberException("m", ex);
        ex = new MissingMethodException(); ex = new MissingMethodException("m"); ex = new MissingMethodException("m", ex);
        ex = new MissingFieldException(); ex = new MissingFieldException("m"); ex = new MissingFieldException("m", ex);
        ex = new TypeLoadException(); ex = new TypeLoadException("m"); ex = new TypeLoadException("m", ex);
        ex = new KeyNotFoundException(); ex = new KeyNotFoundException("m"); ex = new KeyNotFoundException("m", ex);
        TypeInitializationException tie = new TypeInitializationException("T", ex);
        t = tie.TypeName;
        ex = new MyException("m");
        try { throw ex; }
        catch (ArgumentException) { }
        catch (Exception) { }
        finally { }

        // Delegates, auto-properties
        Transform f = Twice;
        n = f(1);
        WithAutoProperty w = new WithAutoProperty();
        w.Value = n;

        // Interfaces, attributes and the rest
        using (Resource r = new Resource()) { obj = r.Clone(); }
        foreach (int i in new Numbers()) { n = i; }
        IComparable cmp = 1;
        n = cmp.CompareTo(2);
        Point pt = new Point();
        b = pt.Equals(pt);
        Colors colors = Colors.Red | Colors.Green;
        Params(1, 2);
        Out(null, null);
        Old();
        Debug();
        NotInlined();
        return GetPid();
    }
}
