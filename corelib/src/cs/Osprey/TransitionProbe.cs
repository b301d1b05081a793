using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Osprey
{
    // One of each kind of call between managed code and the runtime, and a
    // JIT-compiled loop over each: what the transition benchmarks time
    // (benches/, `osprey bench transitions`) and the internal-call tests use.
    public static class TransitionProbe
    {
        // ----- the calls -------------------------------------------------

        // A managed static call (the JIT never inlines).
        public static int ManagedNop(int x)
        {
            return x + 1;
        }

        // FCall: direct native call, no frame, no mode switch.
        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern int FCallNop(int x);

        // FCall that erects a helper frame.
        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern int FCallHelperFrameNop(int x);

        // FCall with a helper frame that allocates while protecting `s`.
        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern string FCallRepeat(string s, int times);

        // FCall returning an object (no allocation, no frame).
        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern string FCallAsString(object o);

        // QCall: inline transition, preemptive mode during the call. QCalls
        // stay private behind managed wrappers (mcs also cannot compile calls
        // to a DllImport of a -nostdlib library from another assembly).
        [DllImport("QCall", EntryPoint = "TransitionProbe_QCallNop")]
        private static extern int QCallNopCore(int x);

        // QCall without the GC transition (no frame, no mode switch).
        [DllImport("QCall", EntryPoint = "TransitionProbe_QCallNop")]
        [SuppressGCTransition]
        private static extern int QCallNopSuppressedCore(int x);

        public static int QCallNop(int x)
        {
            return QCallNopCore(x);
        }

        public static int QCallNopSuppressed(int x)
        {
            return QCallNopSuppressedCore(x);
        }

        [DllImport("QCall", EntryPoint = "TransitionProbe_QCallRaise")]
        private static extern int QCallRaise(string message);

        [DllImport("QCall", EntryPoint = "TransitionProbe_QCallRaiseKind")]
        private static extern int QCallRaiseKind(int kind);

        [DllImport("QCall", EntryPoint = "TransitionProbe_QCallPanic")]
        private static extern int QCallPanic(int x);

        [DllImport("QCall", EntryPoint = "TransitionProbe_QCallEcho")]
        private static extern void QCallEcho(string prefix, string text, StringHandleOnStack result);

        [DllImport("QCall", EntryPoint = "TransitionProbe_QCallIsEven")]
        private static extern bool QCallIsEven(int x, bool invert);

        // P/Invokes into the C library: blittable, without the GC
        // transition, with a string (UTF-8 through the IL stub), with a
        // struct by value (two doubles in SSE registers), and C calling a
        // managed callback (bsearch over one element calls the comparer
        // once; over none, not at all: the difference is the callback).
        // The same calls are what benches/mono/Transitions.cs times on mono
        // and CoreCLR.
        [DllImport("libc", EntryPoint = "abs")]
        private static extern int PInvokeAbs(int x);

        [DllImport("libc", EntryPoint = "abs")]
        [SuppressGCTransition]
        private static extern int PInvokeAbsSuppressed(int x);

        [DllImport("libc", EntryPoint = "strlen")]
        private static extern IntPtr PInvokeStrlen(string s);

        internal struct Complex
        {
            public double Re;
            public double Im;
        }

        [DllImport("libm.so.6", EntryPoint = "cabs")]
        private static extern double PInvokeCabs(Complex z);

        [DllImport("libc", EntryPoint = "bsearch")]
        private static extern IntPtr PInvokeBsearch(IntPtr key, IntPtr items, IntPtr count, IntPtr size, IntPtr compare);

        internal delegate int Comparison(IntPtr a, IntPtr b);

        private static int CompareEqual(IntPtr a, IntPtr b)
        {
            return 0;
        }

        private static Comparison comparer;
        private static IntPtr comparerPointer;
        private static IntPtr searchBlock;

        // The comparer's C function pointer and an int to search for (made once).
        private static void PrepareSearch()
        {
            if (searchBlock != IntPtr.Zero)
                return;
            comparer = CompareEqual;
            comparerPointer = Marshal.GetFunctionPointerForDelegate(comparer);
            searchBlock = Marshal.AllocHGlobal(8);
            Marshal.WriteInt32(searchBlock, 0, 7);
            Marshal.WriteInt32(searchBlock, 4, 7);
        }

        // ----- managed wrappers that validate and marshal ---------------

        // String in, string out: prefix + text (null text gives null).
        public static string Echo(string prefix, string text)
        {
            string result = null;
            QCallEcho(prefix, text, new StringHandleOnStack(ref result));
            return result;
        }

        // BOOL in and out.
        public static bool IsEven(int x, bool invert)
        {
            return QCallIsEven(x, invert);
        }

        // The QCall raises InvalidOperationException(message) after returning.
        public static int Raise(string message)
        {
            if (message == null)
                throw new ArgumentNullException("message");
            return QCallRaise(message);
        }

        // The QCall fails with an error chosen by `kind` (see
        // qcall/src/bench.rs: argument exceptions).
        public static int RaiseKind(int kind)
        {
            return QCallRaiseKind(kind);
        }

        // The QCall panics in Rust; the panic surfaces as a managed exception.
        public static int Panic(int x)
        {
            return QCallPanic(x);
        }

        // A managed method the runtime calls through the call-site API.
        public static long Combine(int a, long b, string s)
        {
            return a + b * 10 + (s == null ? -1 : s.Length) * 100;
        }

        // ----- the measured loops (n calls each) --------------------------

        public static int LoopManaged(int n)
        {
            int s = 0;
            for (int i = 0; i < n; i++)
                s = ManagedNop(s);
            return s;
        }

        public static int LoopFCall(int n)
        {
            int s = 0;
            for (int i = 0; i < n; i++)
                s = FCallNop(s);
            return s;
        }

        public static int LoopFCallHelperFrame(int n)
        {
            int s = 0;
            for (int i = 0; i < n; i++)
                s = FCallHelperFrameNop(s);
            return s;
        }

        public static int LoopQCall(int n)
        {
            int s = 0;
            for (int i = 0; i < n; i++)
                s = QCallNopCore(s);
            return s;
        }

        public static int LoopQCallSuppressed(int n)
        {
            int s = 0;
            for (int i = 0; i < n; i++)
                s = QCallNopSuppressedCore(s);
            return s;
        }

        public static int LoopPInvoke(int n)
        {
            int s = 0;
            for (int i = 0; i < n; i++)
                s = PInvokeAbs(s) + 1;
            return s;
        }

        public static int LoopPInvokeSuppressed(int n)
        {
            int s = 0;
            for (int i = 0; i < n; i++)
                s = PInvokeAbsSuppressed(s) + 1;
            return s;
        }

        public static int LoopPInvokeString(int n)
        {
            int s = 0;
            string text = "x";
            for (int i = 0; i < n; i++)
                s = s + (int)PInvokeStrlen(text);
            return s;
        }

        public static int LoopPInvokeStruct(int n)
        {
            int s = 0;
            Complex z = new Complex();
            z.Re = 1;
            for (int i = 0; i < n; i++)
                s = s + (int)PInvokeCabs(z);
            return s;
        }

        // bsearch over one element: one call of the managed comparer each.
        public static int LoopReversePInvoke(int n)
        {
            PrepareSearch();
            IntPtr key = searchBlock, items = new IntPtr((long)searchBlock + 4), one = new IntPtr(1), size = new IntPtr(4);
            int s = 0;
            for (int i = 0; i < n; i++)
                s = s + (PInvokeBsearch(key, items, one, size, comparerPointer) != IntPtr.Zero ? 1 : 0);
            return s;
        }

        // The same loop over no elements (no callback): its baseline.
        public static int LoopReversePInvokeBaseline(int n)
        {
            PrepareSearch();
            IntPtr key = searchBlock, items = new IntPtr((long)searchBlock + 4), none = IntPtr.Zero, size = new IntPtr(4);
            int s = 0;
            for (int i = 0; i < n; i++)
                s = s + (PInvokeBsearch(key, items, none, size, comparerPointer) == IntPtr.Zero ? 1 : 0);
            return s;
        }

        // An empty loop of the same shape: the baseline subtracted from each row.
        public static int LoopEmpty(int n)
        {
            int s = 0;
            for (int i = 0; i < n; i++)
                s = s + 1;
            return s;
        }
    }
}

namespace Osprey
{
    // Test FCalls for the garbage collector (tests/gc.rs): the same work done
    // correctly and with a deliberate GC hole, which GC stress with heap
    // verification must catch.
    public static class GcProbe
    {
        // FCall with a helper frame: allocates a string of `length` 'k's,
        // then allocates again with it protected, and returns it.
        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern string KeepAcrossAllocation(int length);

        // The same FCall with a GC hole: holds the first string in a Rust
        // local across the second allocation without protecting it, and
        // returns that stale value.
        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern string HoleAcrossAllocation(int length);
    }

    // A test FCall for fault reports (tests/cli.rs): a Rust function called
    // from managed code that reads the byte at `address`, so a bad address
    // faults in native code, which must end in the runtime's fatal-error
    // report naming the FCall and its managed caller (never a bare SIGSEGV).
    public static class FaultProbe
    {
        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern int ReadNative(long address);
    }
}
