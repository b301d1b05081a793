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
using System.Globalization;
using System.Text;

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

        // Strings, formatting and parsing
        char[] chs = { 'a', 'b' };
        t = new string(chs) + new string(chs, 0, 1) + new string('x', 3);
        t = s + s + s + s + s;
        t = s + 1 + 2 + 3 + 4;
        t = string.Concat(new string[] { s }) + string.Concat(new object[] { 1 });
        n = s.IndexOf('a') + s.IndexOf('a', 1) + s.IndexOf('a', 1, 1) + s.IndexOf("a") + s.IndexOf("a", 1) + s.IndexOf("a", 1, 1)
            + s.IndexOf("a", StringComparison.Ordinal) + s.IndexOf("a", 0, StringComparison.OrdinalIgnoreCase) + s.IndexOf("a", 0, 1, StringComparison.Ordinal)
            + s.LastIndexOf('a') + s.LastIndexOf('a', 1) + s.LastIndexOf('a', 1, 1) + s.LastIndexOf("a") + s.LastIndexOf("a", 1) + s.LastIndexOf("a", 1, 1)
            + s.LastIndexOf("a", StringComparison.Ordinal) + s.IndexOfAny(chs) + s.IndexOfAny(chs, 1) + s.LastIndexOfAny(chs);
        b = s.Contains("a") || s.Contains('a') || s.StartsWith("a") || s.StartsWith('a') || s.StartsWith("a", StringComparison.Ordinal)
            || s.EndsWith("c") || s.EndsWith('c') || s.EndsWith("c", StringComparison.OrdinalIgnoreCase) || string.IsNullOrWhiteSpace(s)
            || s.Equals("A", StringComparison.OrdinalIgnoreCase) || string.Equals(s, "A", StringComparison.Ordinal);
        n = string.Compare(s, t) + string.Compare(s, t, true) + string.Compare(s, t, StringComparison.Ordinal) + string.CompareOrdinal(s, t)
            + string.Compare(s, 0, t, 0, 1) + string.Compare(s, 0, t, 0, 1, true) + string.CompareOrdinal(s, 0, t, 0, 1) + s.CompareTo(t) + s.CompareTo((object)t);
        t = s.Substring(1) + s.Substring(0, 1) + s.Insert(0, "x") + s.Remove(1) + s.Remove(0, 1) + s.Replace('a', 'b') + s.Replace("a", "b")
            + s.PadLeft(5) + s.PadLeft(5, '*') + s.PadRight(5) + s.PadRight(5, '*') + s.Trim() + s.Trim('a') + s.Trim(chs) + s.TrimStart()
            + s.TrimStart('a') + s.TrimStart(chs) + s.TrimEnd() + s.TrimEnd('c') + s.TrimEnd(chs) + s.ToUpper() + s.ToLower()
            + s.ToUpperInvariant() + s.ToLowerInvariant();
        chs = s.ToCharArray();
        chs = s.ToCharArray(0, 1);
        s.CopyTo(0, chs, 0, 1);
        string[] parts = s.Split(',');
        parts = s.Split(',', ';');
        parts = s.Split(',', StringSplitOptions.RemoveEmptyEntries);
        parts = s.Split(',', 2);
        parts = s.Split(chs, 2);
        parts = s.Split(chs, StringSplitOptions.None);
        parts = s.Split(chs, 2, StringSplitOptions.None);
        parts = s.Split(",");
        parts = s.Split(new string[] { "," }, StringSplitOptions.None);
        parts = s.Split(new string[] { "," }, 2, StringSplitOptions.None);
        t = string.Join(",", parts) + string.Join(",", 1, 2) + string.Join(",", parts, 0, 1) + string.Join(',', parts) + string.Join(',', 1, 2);
        t = string.Format("{0}", 1) + string.Format("{0}{1}", 1, 2) + string.Format("{0}{1}{2}", 1, 2, 3) + string.Format("{0}{1}{2}{3}", 1, 2, 3, 4)
            + string.Format(CultureInfo.InvariantCulture, "{0}", 1) + $"{n,5:X}";
        t = 1.ToString("X") + 1L.ToString("D5") + 1u.ToString("N0") + 1ul.ToString("x") + ((short)1).ToString("X") + ((byte)1).ToString("X2")
            + ((sbyte)1).ToString("D") + ((ushort)1).ToString("D") + 1.5.ToString() + 1.5.ToString("F2") + 1.5f.ToString() + 1.5f.ToString("R")
            + 1.ToString(CultureInfo.InvariantCulture) + 1.5.ToString(CultureInfo.InvariantCulture) + 1.5.ToString("E3", CultureInfo.InvariantCulture)
            + true.ToString(CultureInfo.InvariantCulture) + 'c'.ToString(CultureInfo.InvariantCulture);
        n = int.Parse("1") + (int)long.Parse("1") + (int)uint.Parse("1") + (int)ulong.Parse("1") + short.Parse("1") + byte.Parse("1") + sbyte.Parse("1")
            + ushort.Parse("1") + (int)double.Parse("1") + (int)float.Parse("1") + char.Parse("c");
        b = int.TryParse("1", out n) && long.TryParse("1", out l) && double.TryParse("1", out double dd) && float.TryParse("1", out float ff)
            && uint.TryParse("1", out uint uu) && ulong.TryParse("1", out ulong ull) && short.TryParse("1", out short ss) && byte.TryParse("1", out byte bb)
            && bool.TryParse("true", out b) && bool.Parse("true") && char.TryParse("c", out c);
        t = bool.TrueString + bool.FalseString;
        b = double.IsFinite(dd) || double.IsNegative(dd) || float.IsFinite(ff) || float.IsNegative(ff);

        // Char
        b = char.IsDigit(c) || char.IsLetter(c) || char.IsLetterOrDigit(c) || char.IsWhiteSpace(c) || char.IsUpper(c) || char.IsLower(c)
            || char.IsPunctuation(c) || char.IsSymbol(c) || char.IsNumber(c) || char.IsControl(c) || char.IsSeparator(c) || char.IsSurrogate(c)
            || char.IsHighSurrogate(c) || char.IsLowSurrogate(c) || char.IsDigit(s, 0) || char.IsLetter(s, 0) || char.IsWhiteSpace(s, 0);
        c = char.ToUpper(c);
        c = char.ToLower(c);
        c = char.ToUpperInvariant(c);
        c = char.ToLowerInvariant(c);
        UnicodeCategory category = char.GetUnicodeCategory(c);
        category = CharUnicodeInfo.GetUnicodeCategory(c);

        // StringBuilder
        StringBuilder sb = new StringBuilder();
        sb = new StringBuilder(16);
        sb = new StringBuilder("x");
        sb = new StringBuilder("x", 16);
        sb.Append("s").Append('c').Append('c', 2).Append(1).Append(1L).Append(1u).Append(1ul).Append(true).Append(1.5).Append(1.5f)
          .Append((object)null).Append(chs).Append(chs, 0, 1).Append("abc", 1, 1).Append((short)1).Append((byte)1).Append(sb)
          .AppendLine().AppendLine("x").AppendFormat("{0}", 1).AppendFormat("{0}{1}", 1, 2).AppendFormat("{0}{1}{2}", 1, 2, 3)
          .AppendFormat("{0}{1}{2}{3}", 1, 2, 3, 4).Insert(0, "x").Insert(0, 'c').Insert(0, 1).Remove(0, 1).Replace('a', 'b')
          .Replace("a", "b").Replace("a", "b", 0, 1).Clear();
        n = sb.Length + sb.Capacity + sb.EnsureCapacity(10) + sb.MaxCapacity;
        sb.Length = 0;
        sb.Capacity = 32;
        sb.Append("abc");
        c = sb[0];
        sb[0] = 'x';
        t = sb.ToString() + sb.ToString(0, 1);

        // Math and Convert
        double m = Math.Sqrt(2) + Math.Pow(2, 3) + Math.Exp(1) + Math.Log(2) + Math.Log(8, 2) + Math.Log10(100) + Math.Sin(1) + Math.Cos(1)
            + Math.Tan(1) + Math.Asin(1) + Math.Acos(1) + Math.Atan(1) + Math.Atan2(1, 2) + Math.Sinh(1) + Math.Cosh(1) + Math.Tanh(1)
            + Math.Floor(1.5) + Math.Ceiling(1.5) + Math.Truncate(1.5) + Math.Round(1.5) + Math.Round(1.5, 1)
            + Math.Round(1.5, MidpointRounding.AwayFromZero) + Math.Round(1.55, 1, MidpointRounding.ToEven) + Math.IEEERemainder(5, 3)
            + Math.Abs(-1.5) + Math.Abs(-1.5f) + Math.Max(1.0, 2.0) + Math.Min(1.0, 2.0) + Math.Max(1f, 2f) + Math.Min(1f, 2f) + Math.PI + Math.E;
        n = Math.Abs(-1) + Math.Sign(-1) + Math.Sign(-1.5) + Math.Max(1, 2) + Math.Min(1, 2) + Math.DivRem(7, 2, out n);
        l = Math.Abs(-1L) + Math.Max(1L, 2L) + Math.Min(1L, 2L) + Math.BigMul(2, 3) + Math.DivRem(7L, 2L, out l);
        n = Convert.ToInt32(1.5) + Convert.ToInt32("1") + Convert.ToInt32(1L) + Convert.ToInt32(true) + Convert.ToInt32('c');
        l = Convert.ToInt64(1.5) + Convert.ToInt64("1");
        m = Convert.ToDouble("1.5") + Convert.ToDouble(1);
        t = Convert.ToString(255, 16) + Convert.ToString(255L, 2) + Convert.ToString(1.5) + Convert.ToString((object)null);
        c = Convert.ToChar(65);
        b = Convert.ToBoolean("true");

        // Console formatting
        Console.Write(1.5); Console.Write(1.5f); Console.Write(chs); Console.Write("{0}", 1); Console.Write("{0}{1}", 1, 2);
        Console.Write("{0}{1}{2}", 1, 2, 3); Console.Write("{0}{1}{2}{3}", 1, 2, 3, 4);
        Console.WriteLine(1.5); Console.WriteLine(1.5f); Console.WriteLine(chs); Console.WriteLine("{0}", 1); Console.WriteLine("{0}{1}", 1, 2);
        Console.WriteLine("{0}{1}{2}", 1, 2, 3); Console.WriteLine("{0}{1}{2}{3}", 1, 2, 3, 4);
        o.Write(1.5); o.WriteLine(1.5); o.WriteLine("{0}", 1); o.Write("{0}{1}", 1, 2);

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
