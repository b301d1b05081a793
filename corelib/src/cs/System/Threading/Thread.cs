using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace System.Threading
{
    // A managed thread. Each runtime thread record (vm/src/thread.rs) has at
    // most one Thread object, created on first use by CurrentThread; the
    // runtime reads _runtimeThread and _managedThreadId through the binder's
    // mirror (binder/src/bindings.rs).
    public sealed class Thread
    {
#pragma warning disable 649 // set by the runtime
        private IntPtr _runtimeThread;
        private int _managedThreadId;
#pragma warning restore 649
        private string _name;

        private Thread()
        {
        }

        public static Thread CurrentThread
        {
            get { return GetCurrentThread(); }
        }

        // FCall: the Thread object of the calling thread.
        [MethodImpl(MethodImplOptions.InternalCall)]
        private static extern Thread GetCurrentThread();

        public int ManagedThreadId
        {
            get { return _managedThreadId; }
        }

        public string Name
        {
            get { return _name; }
            set
            {
                if (_name != null)
                    throw new InvalidOperationException("This property has already been set and cannot be modified.");
                _name = value;
            }
        }

        public bool IsAlive
        {
            get { return _runtimeThread != IntPtr.Zero; }
        }

        // Blocks the calling thread for millisecondsTimeout milliseconds
        // (Timeout.Infinite, -1: forever). The QCall sleeps in preemptive
        // mode, so the garbage collector does not wait for this thread.
        public static void Sleep(int millisecondsTimeout)
        {
            if (millisecondsTimeout < -1)
                throw new ArgumentOutOfRangeException("millisecondsTimeout", "Number must be either non-negative and less than or equal to Int32.MaxValue or -1.");
            if (millisecondsTimeout == 0)
                return;
            InternalSleep(millisecondsTimeout);
        }

        [DllImport("QCall", EntryPoint = "Thread_Sleep")]
        private static extern void InternalSleep(int millisecondsTimeout);
    }
}
