using System.Runtime.CompilerServices;

namespace System.Threading
{
    // Atomic operations. The JIT compiles calls to these methods inline as
    // lock-prefixed instructions (docs/jit.md, "Intrinsics"); the bodies
    // here (FCalls doing the same with Rust atomics) run only when a method
    // is reached indirectly (a delegate, ldftn). The reference forms keep
    // the generational collector's write barrier.
    public static class Interlocked
    {
        public static int Increment(ref int location)
        {
            return Add(ref location, 1);
        }

        public static long Increment(ref long location)
        {
            return Add(ref location, 1);
        }

        public static int Decrement(ref int location)
        {
            return Add(ref location, -1);
        }

        public static long Decrement(ref long location)
        {
            return Add(ref location, -1);
        }

        public static int Add(ref int location1, int value)
        {
            return ExchangeAdd32(ref location1, value) + value;
        }

        public static long Add(ref long location1, long value)
        {
            return ExchangeAdd64(ref location1, value) + value;
        }

        public static int Exchange(ref int location1, int value)
        {
            return Exchange32(ref location1, value);
        }

        public static long Exchange(ref long location1, long value)
        {
            return Exchange64(ref location1, value);
        }

        public static IntPtr Exchange(ref IntPtr location1, IntPtr value)
        {
            return (IntPtr)Exchange64(ref location1, (long)value);
        }

        public static object Exchange(ref object location1, object value)
        {
            return ExchangeObject(ref location1, value);
        }

        public static int CompareExchange(ref int location1, int value, int comparand)
        {
            return CompareExchange32(ref location1, value, comparand);
        }

        public static long CompareExchange(ref long location1, long value, long comparand)
        {
            return CompareExchange64(ref location1, value, comparand);
        }

        public static IntPtr CompareExchange(ref IntPtr location1, IntPtr value, IntPtr comparand)
        {
            return (IntPtr)CompareExchange64(ref location1, (long)value, (long)comparand);
        }

        public static object CompareExchange(ref object location1, object value, object comparand)
        {
            return CompareExchangeObject(ref location1, value, comparand);
        }

        // The generic reference forms (the JIT compiles them inline like the
        // object forms; the bodies serve indirect calls).
        public static T Exchange<T>(ref T location1, T value) where T : class
        {
            return ExchangeRef(ref location1, value);
        }

        public static T CompareExchange<T>(ref T location1, T value, T comparand) where T : class
        {
            return CompareExchangeRef(ref location1, value, comparand);
        }

        [MethodImpl(MethodImplOptions.InternalCall)]
        private static extern T ExchangeRef<T>(ref T location, T value) where T : class;

        [MethodImpl(MethodImplOptions.InternalCall)]
        private static extern T CompareExchangeRef<T>(ref T location, T value, T comparand) where T : class;

        public static long Read(ref long location)
        {
            return CompareExchange64(ref location, 0, 0);
        }

        public static void MemoryBarrier()
        {
            FullBarrier();
        }

        [MethodImpl(MethodImplOptions.InternalCall)]
        private static extern int ExchangeAdd32(ref int location, int value);

        [MethodImpl(MethodImplOptions.InternalCall)]
        private static extern long ExchangeAdd64(ref long location, long value);

        [MethodImpl(MethodImplOptions.InternalCall)]
        private static extern int Exchange32(ref int location, int value);

        [MethodImpl(MethodImplOptions.InternalCall)]
        private static extern long Exchange64(ref long location, long value);

        [MethodImpl(MethodImplOptions.InternalCall)]
        private static extern long Exchange64(ref IntPtr location, long value);

        [MethodImpl(MethodImplOptions.InternalCall)]
        private static extern object ExchangeObject(ref object location, object value);

        [MethodImpl(MethodImplOptions.InternalCall)]
        private static extern int CompareExchange32(ref int location, int value, int comparand);

        [MethodImpl(MethodImplOptions.InternalCall)]
        private static extern long CompareExchange64(ref long location, long value, long comparand);

        [MethodImpl(MethodImplOptions.InternalCall)]
        private static extern long CompareExchange64(ref IntPtr location, long value, long comparand);

        [MethodImpl(MethodImplOptions.InternalCall)]
        private static extern object CompareExchangeObject(ref object location, object value, object comparand);

        [MethodImpl(MethodImplOptions.InternalCall)]
        private static extern void FullBarrier();
    }

    // Volatile reads and writes. On x86-64 every load has acquire and every
    // store release semantics, and the JIT keeps memory accesses in program
    // order, so these are plain accesses; `volatile.`-prefixed fields
    // compile the same way.
    public static class Volatile
    {
        public static bool Read(ref bool location) { return location; }
        public static byte Read(ref byte location) { return location; }
        [CLSCompliant(false)]
        public static sbyte Read(ref sbyte location) { return location; }
        public static short Read(ref short location) { return location; }
        [CLSCompliant(false)]
        public static ushort Read(ref ushort location) { return location; }
        public static int Read(ref int location) { return location; }
        [CLSCompliant(false)]
        public static uint Read(ref uint location) { return location; }
        public static long Read(ref long location) { return location; }
        [CLSCompliant(false)]
        public static ulong Read(ref ulong location) { return location; }
        public static IntPtr Read(ref IntPtr location) { return location; }
        public static float Read(ref float location) { return location; }
        public static double Read(ref double location) { return location; }
        public static object Read(ref object location) { return location; }
        public static T Read<T>(ref T location) where T : class { return location; }

        public static void Write(ref bool location, bool value) { location = value; }
        public static void Write(ref byte location, byte value) { location = value; }
        [CLSCompliant(false)]
        public static void Write(ref sbyte location, sbyte value) { location = value; }
        public static void Write(ref short location, short value) { location = value; }
        [CLSCompliant(false)]
        public static void Write(ref ushort location, ushort value) { location = value; }
        public static void Write(ref int location, int value) { location = value; }
        [CLSCompliant(false)]
        public static void Write(ref uint location, uint value) { location = value; }
        public static void Write(ref long location, long value) { location = value; }
        [CLSCompliant(false)]
        public static void Write(ref ulong location, ulong value) { location = value; }
        public static void Write(ref IntPtr location, IntPtr value) { location = value; }
        public static void Write(ref float location, float value) { location = value; }
        public static void Write(ref double location, double value) { location = value; }
        public static void Write(ref object location, object value) { location = value; }
        public static void Write<T>(ref T location, T value) where T : class { location = value; }
    }
}
