// Where mono 6.8 departs from .NET, Osprey follows .NET: this program
// checks itself (each line says "ok" or why not; the exit code counts the
// failures) and is compiled against Osprey's corelib, since some of these
// APIs (GetLastPInvokeError, SuppressGCTransition) are newer than mono's
// mscorlib. tests/native.rs runs it; mono is not asked.
//
// * A Pack = 1 struct with an unaligned field by value is passed in memory
//   (System V; gcc agrees): mono passes it in registers.
// * SetLastError = true clears errno before the call (.NET Core 3+), so a
//   function that does not fail reads back 0: mono keeps the stale value.
// * PreserveSig = false turns a failed HRESULT into an exception and the
//   last managed parameter into the result: mono crashes.
// * Marshal.SystemDefaultCharSize is 2 (.NET); mono says 1.
// * The library names "m", "libm" and "c" resolve (.NET's probing plus the
//   glibc sonames Mono's dllmap knows); mono finds only "libc".
// * A delegate made from a C function pointer gives that pointer back.
// * [SuppressGCTransition] P/Invokes work (without a transition frame).
using System;
using System.Runtime.InteropServices;

[StructLayout(LayoutKind.Sequential, Pack = 1)] struct Packed { public byte A; public int B; }

delegate int AddFn(int a, int b);

static class Program
{
    const string Lib = "ospreytest";
    [DllImport(Lib)] static extern int ot_packed_sum(Packed p);
    [DllImport(Lib)] static extern Packed ot_make_packed(byte a, int b);
    [DllImport(Lib, SetLastError = true)] static extern int ot_fail_with_errno(int e);
    [DllImport(Lib, SetLastError = true)] static extern int ot_succeed_clearing();
    [DllImport(Lib, PreserveSig = false, EntryPoint = "ot_hresult_ok")] static extern int HResultOk();
    [DllImport(Lib, PreserveSig = false, EntryPoint = "ot_hresult_fail")] static extern int HResultFail();
    [DllImport(Lib, PreserveSig = false, EntryPoint = "ot_hresult_void")] static extern void HResultVoid(int code);
    [DllImport(Lib)] static extern IntPtr ot_get_adder();
    [DllImport(Lib), SuppressGCTransition] static extern int ot_nop(int x);
    [DllImport(Lib, EntryPoint = "ot_nop")] static extern int NopWithTransition(int x);
    [DllImport("m", EntryPoint = "cos")] static extern double CosM(double x);
    [DllImport("libm", EntryPoint = "cos")] static extern double CosLibm(double x);
    [DllImport("libm.so.6", EntryPoint = "cos")] static extern double CosSoname(double x);
    [DllImport("c", EntryPoint = "abs")] static extern int AbsC(int x);
    [DllImport("libc.so.6", EntryPoint = "abs")] static extern int AbsSoname(int x);

    static int failures;

    static void Check(string what, bool ok, string detail)
    {
        Console.WriteLine("{0} {1}", what, ok ? "ok" : "FAIL: " + detail);
        if (!ok) failures++;
    }

    static void Check(string what, long got, long want)
    {
        Check(what, got == want, "got " + got + ", want " + want);
    }

    static int Main()
    {
        Packed p = new Packed();
        for (int i = 0; i < 3; i++)
        {
            p.A = (byte)(200 + i);
            p.B = 1000000 * i - 7;
            Check("packed sum " + i, ot_packed_sum(p), p.A + p.B);
            Packed q = ot_make_packed((byte)(9 + i), -9 * i);
            Check("packed result a " + i, q.A, 9 + i);
            Check("packed result b " + i, q.B, -9 * i);
        }
        Check("packed size", Marshal.SizeOf(typeof(Packed)), 5);

        ot_fail_with_errno(13);
        Check("errno saved", Marshal.GetLastWin32Error(), 13);
        Check("errno saved (GetLastPInvokeError)", Marshal.GetLastPInvokeError(), 13);
        ot_succeed_clearing();
        Check("errno cleared before the call", Marshal.GetLastPInvokeError(), 0);
        Marshal.SetLastPInvokeError(77);
        Check("SetLastPInvokeError", Marshal.GetLastWin32Error(), 77);

        Check("PreserveSig = false result", HResultOk(), 42);
        bool threw = false;
        try { HResultFail(); } catch (ArgumentException) { threw = true; }
        Check("E_INVALIDARG is ArgumentException", threw, "no exception");
        HResultVoid(0);
        HResultVoid(1);
        threw = false;
        try { HResultVoid(unchecked((int)0x80004001)); } catch (NotImplementedException) { threw = true; }
        Check("E_NOTIMPL is NotImplementedException", threw, "no exception");
        threw = false;
        try { HResultVoid(unchecked((int)0x80001234)); } catch (COMException e) { threw = e.ErrorCode == unchecked((int)0x80001234); }
        Check("another HRESULT is COMException", threw, "no COMException with the code");

        Check("SystemDefaultCharSize", Marshal.SystemDefaultCharSize, 2);

        Check("\"m\"", CosM(0) == 1 && CosM(Math.PI) == -1, "cos");
        Check("\"libm\"", CosLibm(0) == CosSoname(0), "cos");
        Check("\"c\"", AbsC(-5), AbsSoname(-5));

        IntPtr adder = ot_get_adder();
        AddFn add = (AddFn)Marshal.GetDelegateForFunctionPointer(adder, typeof(AddFn));
        Check("delegate over a pointer", add(2, 3), 5);
        Check("gives the pointer back", Marshal.GetFunctionPointerForDelegate(add) == adder, "another pointer");

        int s = 0;
        for (int i = 0; i < 1000; i++) s = ot_nop(s);
        Check("SuppressGCTransition", s, 1000);
        for (int i = 0; i < 1000; i++) s = NopWithTransition(s);
        Check("with the transition", s, 2000);
        return failures;
    }
}
