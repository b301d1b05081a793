namespace System.Runtime.InteropServices
{
    // Wraps an operating-system handle and guarantees it is released once,
    // and never while a P/Invoke is using it: the marshaler takes a
    // reference around every call it is passed to (DangerousAddRef /
    // DangerousRelease), Dispose drops the handle's own reference, and the
    // handle is released when the last reference goes, by ReleaseHandle.
    // An undisposed SafeHandle is released by its finalizer. The runtime
    // reads `handle` through the binder mirror SafeHandleObject.
    //
    // _state: bit 0 = closed (Dispose or SetHandleAsInvalid ran), the rest
    // the reference count times 2. (Not yet safe against two threads
    // changing one SafeHandle at once: corelib has no interlocked
    // operations yet.)
    public abstract class SafeHandle : IDisposable
    {
        protected IntPtr handle;
        private int _state;
        private bool _ownsHandle;
        private bool _fullyInitialized;

        private const int Closed = 1;
        private const int RefCountOne = 2;

        protected SafeHandle(IntPtr invalidHandleValue, bool ownsHandle)
        {
            handle = invalidHandleValue;
            _state = RefCountOne;
            _ownsHandle = ownsHandle;
            if (!ownsHandle)
                GC.SuppressFinalize(this);
            _fullyInitialized = true;
        }

        ~SafeHandle()
        {
            Dispose(false);
        }

        public bool IsClosed
        {
            get { return (_state & Closed) == Closed; }
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

        // For the marshaler: a SafeHandle returned by a P/Invoke.
        internal void SetHandleInternal(IntPtr value)
        {
            handle = value;
        }

        // Takes a reference: the handle is not released until the matching
        // DangerousRelease. Throws ObjectDisposedException once closed.
        public void DangerousAddRef(ref bool success)
        {
            if ((_state & Closed) == Closed)
                throw new ObjectDisposedException(null, "Safe handle has been closed.");
            _state += RefCountOne;
            success = true;
        }

        public void DangerousRelease()
        {
            if (_state < RefCountOne)
                throw new ObjectDisposedException(null, "Safe handle has been closed.");
            _state -= RefCountOne;
            if (_state < RefCountOne && _ownsHandle && _fullyInitialized && !IsInvalid)
                ReleaseHandle();
        }

        public void SetHandleAsInvalid()
        {
            _state |= Closed;
            GC.SuppressFinalize(this);
        }

        public void Close()
        {
            Dispose();
        }

        public void Dispose()
        {
            Dispose(true);
            GC.SuppressFinalize(this);
        }

        protected virtual void Dispose(bool disposing)
        {
            if ((_state & Closed) == Closed)
                return;
            _state |= Closed;
            DangerousRelease();
        }
    }
}
