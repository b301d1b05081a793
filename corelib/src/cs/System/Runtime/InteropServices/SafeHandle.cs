namespace System.Runtime.InteropServices
{
    // Wraps an operating-system handle and guarantees it is released once.
    // Subclasses say what "invalid" means and how to release. The runtime
    // reads `handle` (binder mirror SafeHandleObject) when a SafeHandle
    // crosses a QCall, and will call ReleaseHandle from the finalizer thread.
    public abstract class SafeHandle : IDisposable
    {
        protected IntPtr handle;
        private int _state;          // bit 0: closed; bits 1..: reference count
        private bool _ownsHandle;
        private bool _fullyInitialized;

        protected SafeHandle(IntPtr invalidHandleValue, bool ownsHandle)
        {
            handle = invalidHandleValue;
            _state = 2; // one reference, open
            _ownsHandle = ownsHandle;
            _fullyInitialized = true;
        }

        public bool IsClosed
        {
            get { return (_state & 1) == 1; }
        }

        public abstract bool IsInvalid { get; }

        protected abstract bool ReleaseHandle();

        public IntPtr DangerousGetHandle()
        {
            return handle;
        }

        protected void SetHandle(IntPtr value)
        {
            handle = value;
        }

        public void SetHandleAsInvalid()
        {
            _state |= 1;
        }

        public void Close()
        {
            Dispose(true);
        }

        public void Dispose()
        {
            Dispose(true);
        }

        protected virtual void Dispose(bool disposing)
        {
            if ((_state & 1) == 1)
                return;
            _state |= 1;
            if (_ownsHandle && _fullyInitialized && !IsInvalid)
                ReleaseHandle();
        }
    }
}
