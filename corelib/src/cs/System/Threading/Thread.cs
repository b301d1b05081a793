using System.Runtime.CompilerServices;

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
    }
}
