using System.Threading;

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
    // _state, changed only by compare-and-swap (so any number of threads
    // may add and drop references, dispose and finalize at once):
    // bit 0 = closed (the handle was released, or SetHandleAsInvalid ran;
    // no new reference can be taken), bit 1 = disposed (Dispose or the
    // finalizer dropped the handle's own reference; a second Dispose does
    // nothing), the rest the reference count times 4. The handle is
    // released exactly once, by whichever thread drops the last reference
    // of a handle that is not yet closed (the CLR's and mono's rule: a
    // disposed handle a P/Invoke still uses is released when that call
    // ends, and IsClosed turns true then).
    public abstract class SafeHandle : IDisposable
    {
        protected IntPtr handle;
        private int _state;
        private bool _ownsHandle;
        private bool _fullyInitialized;

        private const int Closed = 1;
        private const int Disposed = 2;
        private const int RefCountOne = 4;
        private const int RefCountMask = 0x7ffffffc;

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
            int old;
            do
            {
                old = Volatile.Read(ref _state);
                if ((old & Closed) != 0)
                    throw new ObjectDisposedException(null, "Safe handle has been closed.");
            }
            while (Interlocked.CompareExchange(ref _state, old + RefCountOne, old) != old);
            success = true;
        }

        public void DangerousRelease()
        {
            Release(false);
        }

        // Drops one reference: a caller's (DangerousRelease) or, once, the
        // handle's own (disposeOrFinalize: Dispose, the finalizer). The
        // thread that drops the last one of an open handle closes it and
        // calls ReleaseHandle, outside the compare-and-swap loop.
        private void Release(bool disposeOrFinalize)
        {
            int old, updated;
            bool releaseIt;
            do
            {
                old = Volatile.Read(ref _state);
                if (disposeOrFinalize && (old & Disposed) != 0)
                    return;
                if ((old & RefCountMask) == 0)
                    throw new ObjectDisposedException(null, "Safe handle has been closed.");
                bool last = (old & RefCountMask) == RefCountOne;
                releaseIt = last && (old & Closed) == 0 && _ownsHandle && _fullyInitialized && !IsInvalid;
                updated = old - RefCountOne;
                if (last)
                    updated |= Closed;
                if (disposeOrFinalize)
                    updated |= Disposed;
            }
            while (Interlocked.CompareExchange(ref _state, updated, old) != old);
            if (releaseIt)
                ReleaseHandle();
        }

        // Marks the handle closed without releasing it.
        public void SetHandleAsInvalid()
        {
            int old;
            do
            {
                old = Volatile.Read(ref _state);
            }
            while (Interlocked.CompareExchange(ref _state, old | Closed, old) != old);
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
            Release(true);
        }
    }
}
