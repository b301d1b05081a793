using System.Runtime.CompilerServices;

namespace System
{
    // The garbage collector's managed interface (docs/gc.md). Generation 0
    // is the nursery of the generational collector; generation 1 is
    // everything else (a full collection). The mark-sweep collector always
    // collects everything.
    public static class GC
    {
        public static int MaxGeneration
        {
            get { return 1; }
        }

        public static void Collect()
        {
            InternalCollect(1);
        }

        public static void Collect(int generation)
        {
            if (generation < 0)
                throw new ArgumentOutOfRangeException("generation", "The generation must be non-negative.");
            InternalCollect(generation);
        }

        public static long GetTotalMemory(bool forceFullCollection)
        {
            if (forceFullCollection)
            {
                InternalCollect(1);
                InternalWaitForPendingFinalizers();
                InternalCollect(1);
            }
            return InternalGetTotalMemory();
        }

        // Keeps `obj` reachable up to the call: the caller's frame reports
        // the argument until here.
        [MethodImpl(MethodImplOptions.NoInlining)]
        public static void KeepAlive(object obj)
        {
        }

        public static void SuppressFinalize(object obj)
        {
            if (obj == null)
                throw new ArgumentNullException("obj");
            InternalSuppressFinalize(obj);
        }

        public static void ReRegisterForFinalize(object obj)
        {
            if (obj == null)
                throw new ArgumentNullException("obj");
            InternalReRegisterForFinalize(obj);
        }

        public static void WaitForPendingFinalizers()
        {
            InternalWaitForPendingFinalizers();
        }

        public static int CollectionCount(int generation)
        {
            if (generation < 0)
                throw new ArgumentOutOfRangeException("generation", "The generation must be non-negative.");
            return InternalCollectionCount(generation);
        }

        // FCalls (vm/src/fcall/gc.rs). Those that collect or run finalizers
        // erect a helper frame.
        [MethodImpl(MethodImplOptions.InternalCall)]
        private static extern void InternalCollect(int generation);

        [MethodImpl(MethodImplOptions.InternalCall)]
        private static extern long InternalGetTotalMemory();

        [MethodImpl(MethodImplOptions.InternalCall)]
        private static extern void InternalSuppressFinalize(object obj);

        [MethodImpl(MethodImplOptions.InternalCall)]
        private static extern void InternalReRegisterForFinalize(object obj);

        [MethodImpl(MethodImplOptions.InternalCall)]
        private static extern void InternalWaitForPendingFinalizers();

        [MethodImpl(MethodImplOptions.InternalCall)]
        private static extern int InternalCollectionCount(int generation);
    }
}
