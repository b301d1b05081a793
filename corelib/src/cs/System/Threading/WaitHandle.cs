using System.Runtime.InteropServices;

namespace System.Threading
{
    // A kernel synchronization object (event, mutex, semaphore) named by a
    // kernel handle of this process (docs/kernel.md, "Waits"). Every wait is
    // a QCall into SyncHandle::WaitAny/WaitAll: preemptive (collections go
    // on), and interruptible when the process is stopped.
    public abstract class WaitHandle : IDisposable
    {
        public const int WaitTimeout = 258;

        // The kernel's limit on one wait.
        private const int MaxWaitHandles = 64;
        private const int WaitAbandoned = 0x80;

        // The kernel handle; 0 once disposed.
        private int _handle;
        // Which kernel object it is (KindEvent, ...), for closing it.
        private int _kind;

        internal const int KindEvent = 1;
        internal const int KindMutex = 2;
        internal const int KindSemaphore = 3;

        internal WaitHandle(int handle, int kind)
        {
            _handle = handle;
            _kind = kind;
        }

        // The kernel handle, or ObjectDisposedException.
        internal int Handle
        {
            get
            {
                int h = _handle;
                if (h == 0)
                    throw new ObjectDisposedException(null, "Safe handle has been closed");
                return h;
            }
        }

        public virtual bool WaitOne()
        {
            return WaitOne(Timeout.Infinite);
        }

        public virtual bool WaitOne(int millisecondsTimeout)
        {
            CheckTimeout(millisecondsTimeout);
            int r = WaitAnyCore1(Handle, millisecondsTimeout);
            if (r == WaitTimeout)
                return false;
            if (r >= WaitAbandoned)
                throw new AbandonedMutexException();
            return true;
        }

        public static bool WaitAll(WaitHandle[] waitHandles)
        {
            return WaitAll(waitHandles, Timeout.Infinite);
        }

        public static unsafe bool WaitAll(WaitHandle[] waitHandles, int millisecondsTimeout)
        {
            CheckTimeout(millisecondsTimeout);
            int[] handles = HandlesOf(waitHandles);
            for (int i = 0; i < handles.Length; i++)
                for (int j = 0; j < i; j++)
                    if (handles[i] == handles[j])
                        throw new DuplicateWaitObjectException();
            int r;
            fixed (int* p = handles)
                r = WaitAllCore(p, handles.Length, millisecondsTimeout);
            if (r == WaitTimeout)
                return false;
            if (r >= WaitAbandoned)
                throw new AbandonedMutexException();
            return true;
        }

        public static int WaitAny(WaitHandle[] waitHandles)
        {
            return WaitAny(waitHandles, Timeout.Infinite);
        }

        public static unsafe int WaitAny(WaitHandle[] waitHandles, int millisecondsTimeout)
        {
            CheckTimeout(millisecondsTimeout);
            int[] handles = HandlesOf(waitHandles);
            int r;
            fixed (int* p = handles)
                r = WaitAnyCore(p, handles.Length, millisecondsTimeout);
            if (r != WaitTimeout && r >= WaitAbandoned)
                throw new AbandonedMutexException();
            return r;
        }

        private static int[] HandlesOf(WaitHandle[] waitHandles)
        {
            if (waitHandles == null)
                throw new ArgumentNullException("waitHandles");
            if (waitHandles.Length == 0)
                throw new ArgumentException("Waithandle array may not be empty.");
            if (waitHandles.Length > MaxWaitHandles)
                throw new NotSupportedException("The number of WaitHandles must be less than or equal to 64.");
            int[] handles = new int[waitHandles.Length];
            for (int i = 0; i < handles.Length; i++)
            {
                if (waitHandles[i] == null)
                    throw new ArgumentNullException("waitHandles[" + i + "]", "Null references are not allowed in the array.");
                handles[i] = waitHandles[i].Handle;
            }
            return handles;
        }

        private static void CheckTimeout(int millisecondsTimeout)
        {
            if (millisecondsTimeout < -1)
                throw new ArgumentOutOfRangeException("millisecondsTimeout", "Number must be either non-negative and less than or equal to Int32.MaxValue or -1.");
        }

        public virtual void Close()
        {
            Dispose(true);
        }

        public void Dispose()
        {
            Dispose(true);
            GC.SuppressFinalize(this);
        }

        protected virtual void Dispose(bool explicitDisposing)
        {
            int h = Interlocked.Exchange(ref _handle, 0);
            if (h != 0)
                CloseCore(h, _kind);
        }

        ~WaitHandle()
        {
            Dispose(false);
        }

        // Waits until one of `handles` (any waitable kernel objects of this
        // process: channel ends too) is signaled: its index, or WaitTimeout.
        internal static unsafe int WaitAnyKernelHandles(int[] handles, int millisecondsTimeout)
        {
            CheckTimeout(millisecondsTimeout);
            fixed (int* p = handles)
                return WaitAnyCore(p, handles.Length, millisecondsTimeout);
        }

        // Waits on one kernel handle (a sync block's event, a thread's wait
        // event): true when acquired, false on timeout.
        internal static unsafe bool WaitOneCore(int handle, int millisecondsTimeout)
        {
            return WaitAnyCore(&handle, 1, millisecondsTimeout) != WaitTimeout;
        }

        private static unsafe int WaitAnyCore1(int handle, int millisecondsTimeout)
        {
            return WaitAnyCore(&handle, 1, millisecondsTimeout);
        }

        // QCalls: the index of the acquired handle (+ 0x80 for an abandoned
        // mutex), or WaitTimeout; a closed handle raises
        // ObjectDisposedException; a stopped process abandons the thread.
        [DllImport("QCall", EntryPoint = "WaitHandle_WaitAny")]
        private static extern unsafe int WaitAnyCore(int* handles, int count, int millisecondsTimeout);

        [DllImport("QCall", EntryPoint = "WaitHandle_WaitAll")]
        private static extern unsafe int WaitAllCore(int* handles, int count, int millisecondsTimeout);

        [DllImport("QCall", EntryPoint = "WaitHandle_Close")]
        private static extern void CloseCore(int handle, int kind);
    }

    public enum EventResetMode
    {
        AutoReset = 0,
        ManualReset = 1,
    }

    // A kernel event (EventHandle).
    public class EventWaitHandle : WaitHandle
    {
        public EventWaitHandle(bool initialState, EventResetMode mode)
            : base(CreateCore(mode == EventResetMode.ManualReset, initialState), KindEvent)
        {
            if (mode != EventResetMode.AutoReset && mode != EventResetMode.ManualReset)
                throw new ArgumentException("Value of flags is invalid.", "mode");
        }

        public bool Set()
        {
            SetCore(Handle);
            return true;
        }

        public bool Reset()
        {
            ResetCore(Handle);
            return true;
        }

        [DllImport("QCall", EntryPoint = "Event_Create")]
        private static extern int CreateCore(bool manualReset, bool initialState);

        [DllImport("QCall", EntryPoint = "Event_Set")]
        internal static extern void SetCore(int handle);

        [DllImport("QCall", EntryPoint = "Event_Reset")]
        private static extern void ResetCore(int handle);
    }

    public sealed class ManualResetEvent : EventWaitHandle
    {
        public ManualResetEvent(bool initialState)
            : base(initialState, EventResetMode.ManualReset)
        {
        }
    }

    public sealed class AutoResetEvent : EventWaitHandle
    {
        public AutoResetEvent(bool initialState)
            : base(initialState, EventResetMode.AutoReset)
        {
        }
    }

    // A kernel mutex (MutexHandle): recursive, owned by a thread; a wait
    // acquires it.
    public sealed class Mutex : WaitHandle
    {
        public Mutex()
            : this(false)
        {
        }

        public Mutex(bool initiallyOwned)
            : base(CreateCore(initiallyOwned), KindMutex)
        {
        }

        public void ReleaseMutex()
        {
            if (!ReleaseCore(Handle))
                throw new ApplicationException("Mutex is not owned");
        }

        [DllImport("QCall", EntryPoint = "Mutex_Create")]
        private static extern int CreateCore(bool initiallyOwned);

        // False if the calling thread does not own the mutex.
        [DllImport("QCall", EntryPoint = "Mutex_Release")]
        private static extern bool ReleaseCore(int handle);
    }

    // A kernel semaphore (SemaphoreHandle).
    public sealed class Semaphore : WaitHandle
    {
        public Semaphore(int initialCount, int maximumCount)
            : base(CreateChecked(initialCount, maximumCount), KindSemaphore)
        {
        }

        private static int CreateChecked(int initialCount, int maximumCount)
        {
            if (initialCount < 0)
                throw new ArgumentOutOfRangeException("initialCount", "Non-negative number required.");
            if (maximumCount < 1)
                throw new ArgumentOutOfRangeException("maximumCount", "Positive number required.");
            if (initialCount > maximumCount)
                throw new ArgumentException("The initial count for the semaphore must be greater than or equal to zero and less than the maximum count.");
            return CreateCore(initialCount, maximumCount);
        }

        public int Release()
        {
            return Release(1);
        }

        public int Release(int releaseCount)
        {
            if (releaseCount < 1)
                throw new ArgumentOutOfRangeException("releaseCount", "Non-negative number required.");
            int previous = ReleaseCore(Handle, releaseCount);
            if (previous < 0)
                throw new SemaphoreFullException();
            return previous;
        }

        [DllImport("QCall", EntryPoint = "Semaphore_Create")]
        private static extern int CreateCore(int initialCount, int maximumCount);

        // The count before, or -1 if the maximum would be passed.
        [DllImport("QCall", EntryPoint = "Semaphore_Release")]
        private static extern int ReleaseCore(int handle, int releaseCount);
    }
}
