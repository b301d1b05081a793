// SafeHandle across P/Invoke (a reference held for each call, returned
// handles wrapped, release by Dispose and by the finalizer), errno through
// SetLastError, and the Marshal class's memory and string functions.
// Compared with mono by tests/native.rs. (Where mono departs from .NET,
// the checks are in dotnet.cs: errno cleared before a SetLastError call,
// PreserveSig = false.)
using System;
using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

class CounterHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    public CounterHandle() : base(true) { }

    protected override bool ReleaseHandle()
    {
        return Native.ot_handle_close(handle) == 1;
    }
}

static class Native
{
    const string Lib = "ospreytest";
    [DllImport(Lib)] public static extern CounterHandle ot_handle_open();
    [DllImport(Lib)] public static extern int ot_handle_value(CounterHandle h);
    [DllImport(Lib)] public static extern int ot_handle_close(IntPtr h);
    [DllImport(Lib)] public static extern int ot_handles_open();
    [DllImport(Lib)] public static extern int ot_handles_closed();

    [DllImport(Lib, SetLastError = true)] public static extern int ot_fail_with_errno(int e);
    [DllImport("libc", SetLastError = true)] public static extern int close(int fd);
}

static class Program
{
    static void MakeGarbage()
    {
        for (int i = 0; i < 3; i++)
        {
            CounterHandle h = Native.ot_handle_open();
            Native.ot_handle_value(h);
        }
    }

    static int Main()
    {
        CounterHandle h = Native.ot_handle_open();
        Console.WriteLine("handle invalid {0} closed {1} value {2} open {3}", h.IsInvalid, h.IsClosed, Native.ot_handle_value(h), Native.ot_handles_open());
        h.Dispose();
        Console.WriteLine("disposed closed {0} open {1} released {2}", h.IsClosed, Native.ot_handles_open(), Native.ot_handles_closed());
        try { Native.ot_handle_value(h); }
        catch (ObjectDisposedException) { Console.WriteLine("closed handle: ObjectDisposedException"); }
        try { Native.ot_handle_value(null); }
        catch (ArgumentNullException) { Console.WriteLine("null handle: ArgumentNullException"); }
        // Dropped handles: released by their finalizers. (mono's stack
        // scanning is conservative and may keep one alive: count at least two.)
        MakeGarbage();
        for (int i = 0; i < 5; i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
        }
        Console.WriteLine("after finalizers released at least 3: {0}", Native.ot_handles_closed() >= 3);

        Console.WriteLine("errno {0} {1}", Native.ot_fail_with_errno(34), Marshal.GetLastWin32Error());
        Console.WriteLine("errno {0} {1}", Native.ot_fail_with_errno(2), Marshal.GetLastWin32Error());
        Console.WriteLine("close {0} {1}", Native.close(-1), Marshal.GetLastWin32Error());

        IntPtr p = Marshal.AllocHGlobal(32);
        Marshal.WriteByte(p, 0, 0x41);
        Marshal.WriteInt16(p, 2, 0x1234);
        Marshal.WriteInt32(p, 4, -5);
        Marshal.WriteInt64(p, 8, long.MinValue);
        Marshal.WriteIntPtr(p, 16, new IntPtr(77));
        Console.WriteLine("read {0} {1} {2} {3} {4}", Marshal.ReadByte(p, 0), Marshal.ReadInt16(p, 2), Marshal.ReadInt32(p, 4), Marshal.ReadInt64(p, 8), Marshal.ReadIntPtr(p, 16));
        p = Marshal.ReAllocHGlobal(p, new IntPtr(4096));
        Console.WriteLine("realloc kept {0}", Marshal.ReadInt32(p, 4));
        Marshal.FreeHGlobal(p);
        byte[] bytes = { 1, 2, 3, 4, 5 };
        IntPtr q = Marshal.AllocCoTaskMem(bytes.Length);
        Marshal.Copy(bytes, 1, q, 4);
        byte[] back = new byte[4];
        Marshal.Copy(q, back, 0, 4);
        Console.WriteLine("copy {0} {1} {2} {3}", back[0], back[1], back[2], back[3]);
        Marshal.FreeCoTaskMem(q);
        double[] ds = { 0.5, 1.5 };
        IntPtr dp = Marshal.AllocHGlobal(16);
        Marshal.Copy(ds, 0, dp, 2);
        double[] ds2 = new double[2];
        Marshal.Copy(dp, ds2, 0, 2);
        Console.WriteLine("doubles {0} {1}", ds2[0], ds2[1]);
        Marshal.FreeHGlobal(dp);
        try { Marshal.Copy(bytes, 3, IntPtr.Zero, 4); }
        catch (ArgumentNullException) { Console.WriteLine("copy to null: ArgumentNullException"); }

        IntPtr s = Marshal.StringToHGlobalAnsi("ansi \u00e9");
        Console.WriteLine("ansi [{0}] [{1}] len3 [{2}]", Marshal.PtrToStringAnsi(s), Marshal.PtrToStringUTF8(s), Marshal.PtrToStringAnsi(s, 3));
        Marshal.FreeHGlobal(s);
        IntPtr u = Marshal.StringToHGlobalUni("uni \u00e9");
        Console.WriteLine("uni [{0}] len3 [{1}] byte {2}", Marshal.PtrToStringUni(u), Marshal.PtrToStringUni(u, 3), Marshal.ReadByte(u, 0));
        Marshal.FreeHGlobal(u);
        Console.WriteLine("nulls {0} {1} {2}", Marshal.PtrToStringAnsi(IntPtr.Zero) == null, Marshal.PtrToStringUni(IntPtr.Zero) == null, Marshal.StringToHGlobalAnsi(null) == IntPtr.Zero);
        return 0;
    }
}
