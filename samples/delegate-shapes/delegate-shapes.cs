// Delegate calls of every shape: struct results through a hidden buffer,
// float and mixed arguments, six arguments (four on the stack), multicast
// over static and instance targets, interface and boxed receivers, a null
// delegate, and an exception thrown by a lambda.
using System;
struct Big { public long a, b, c; public Big(long x) { a = x; b = 2*x; c = 3*x; } }
delegate Big MakeBig(long x);
delegate double FD(double a, float b, int c, long d, string e);
delegate void Many(int a, int b, int c, int d, int e, int f);
interface IShape { string Name(); }
class Sq : IShape { public string Name() { return "square"; } }
class P {
  static Big Mk(long x) { return new Big(x); }
  Big MkI(long x) { return new Big(x + 1); }
  static double F(double a, float b, int c, long d, string e) { return a + b + c + d + e.Length; }
  static int sum;
  static void M6(int a, int b, int c, int d, int e, int f) { sum += a + 2*b + 3*c + 4*d + 5*e + 6*f; }
  void M6i(int a, int b, int c, int d, int e, int f) { sum += 1000 * (a + b + c + d + e + f); }
  static void Main() {
    MakeBig mb = Mk; Big b = mb(5); Console.WriteLine(b.a + " " + b.b + " " + b.c);
    mb += new P().MkI; b = mb(5); Console.WriteLine(b.a + " " + b.b + " " + b.c);
    FD fd = F; Console.WriteLine(fd(1.5, 2.25f, 3, 4, "abcde"));
    Many m = M6; m += new P().M6i; m += M6; m(1, 2, 3, 4, 5, 6); Console.WriteLine(sum);
    IShape s = new Sq(); Func0 f = s.Name; Console.WriteLine(f());
    object o = 42; Func0 ts = o.ToString; Console.WriteLine(ts());
    try { Many nul = null; nul(1,2,3,4,5,6); } catch (NullReferenceException) { Console.WriteLine("null delegate"); }
    Func0 thrower = () => { throw new InvalidOperationException("from lambda"); };
    try { thrower(); } catch (InvalidOperationException e) { Console.WriteLine(e.Message); }
  }
  delegate string Func0();
}
