using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace System.Threading
{
    // A managed thread (docs/runtime.md, "Managed threads"). `new Thread(...)`
    // makes an unstarted one; Start runs its delegate on a new kernel thread
    // with a runtime thread record of its own (vm/src/runtime/threads.rs).
    // The main thread's and the finalizer thread's objects are made by the
    // runtime on first use of CurrentThread. The runtime reads and writes
    // these fields through the binder's mirror (binder/src/bindings.rs).
    public sealed class Thread
    {
        private const int StateUnstarted = 0;
        private const int StateRunning = 1;
        private const int StateStopped = 2;

#pragma warning disable 169, 414, 649 // read and written by the runtime too
        private string _name;
        private Delegate _start;
        private object _startArg;
        private IntPtr _runtimeThread;
        private int _managedThreadId;
        private int _state;
        private int _maxStackSize;
        private bool _isBackground;
#pragma warning restore 169, 414, 649

        private Thread()
        {
        }

        public Thread(ThreadStart start)
            : this(start, 0)
        {
        }

        public Thread(ThreadStart start, int maxStackSize)
        {
            if (start == null)
                throw new ArgumentNullException("start");
            Init(start, maxStackSize);
        }

        public Thread(ParameterizedThreadStart start)
            : this(start, 0)
        {
        }

        public Thread(ParameterizedThreadStart start, int maxStackSize)
        {
            if (start == null)
                throw new ArgumentNullException("start");
            Init(start, maxStackSize);
        }

        private void Init(Delegate start, int maxStackSize)
        {
            if (maxStackSize < 0)
                throw new ArgumentOutOfRangeException("maxStackSize", "Non-negative number required.");
            _start = start;
            _maxStackSize = maxStackSize;
            _managedThreadId = NewManagedThreadId();
        }

        public static Thread CurrentThread
        {
            get { return GetCurrentThread(); }
        }

        // FCall: the Thread object of the calling thread.
        [MethodImpl(MethodImplOptions.InternalCall)]
        private static extern Thread GetCurrentThread();

        // FCall: a fresh ManagedThreadId (never reused within the runtime).
        [MethodImpl(MethodImplOptions.InternalCall)]
        private static extern int NewManagedThreadId();

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
                    throw new InvalidOperationException("Thread.Name can only be set once.");
                _name = value;
            }
        }

        public bool IsAlive
        {
            get { return _state == StateRunning; }
        }

        // A background thread does not keep the process alive: when Main
        // returns and only background threads are left, the runtime stops
        // them and the process ends.
        public bool IsBackground
        {
            get
            {
                if (_state == StateStopped)
                    throw new ThreadStateException("Thread is dead; state can not be accessed.");
                return _isBackground;
            }
            set
            {
                if (_state == StateStopped)
                    throw new ThreadStateException("Thread is dead; state can not be accessed.");
                _isBackground = value;
                if (_state == StateRunning)
                    SetBackgroundCore(_managedThreadId, value);
            }
        }

        public ThreadState ThreadState
        {
            get
            {
                ThreadState s;
                if (_state == StateUnstarted)
                    s = ThreadState.Unstarted;
                else if (_state == StateStopped)
                    return ThreadState.Stopped;
                else
                    s = ThreadState.Running;
                if (_isBackground)
                    s |= ThreadState.Background;
                return s;
            }
        }

        public void Start()
        {
            StartInternal(null);
        }

        public void Start(object parameter)
        {
            if (_start is ThreadStart)
                throw new InvalidOperationException("The thread was created with a ThreadStart delegate that does not accept a parameter.");
            StartInternal(parameter);
        }

        private void StartInternal(object parameter)
        {
            if (_start == null || Interlocked.CompareExchange(ref _state, StateRunning, StateUnstarted) != StateUnstarted)
                throw new ThreadStateException("Thread has already been started.");
            _startArg = parameter;
            try
            {
                StartCore(this);
            }
            catch
            {
                _state = StateUnstarted;
                throw;
            }
        }

        // FCall: starts the kernel thread that runs RunStart (OutOfMemory if
        // the kernel refuses one).
        [MethodImpl(MethodImplOptions.InternalCall)]
        private static extern void StartCore(Thread thread);

        // Called by the runtime, on the new thread.
        private void RunStart()
        {
            try
            {
                Delegate start = _start;
                ThreadStart plain = start as ThreadStart;
                if (plain != null)
                    plain();
                else
                    ((ParameterizedThreadStart)start)(_startArg);
            }
            finally
            {
                _start = null;
                _startArg = null;
                _state = StateStopped;
            }
        }

        public void Join()
        {
            JoinInternal(Timeout.Infinite);
        }

        public bool Join(int millisecondsTimeout)
        {
            if (millisecondsTimeout < -1)
                throw new ArgumentOutOfRangeException("millisecondsTimeout", "Number must be either non-negative and less than or equal to Int32.MaxValue or -1.");
            return JoinInternal(millisecondsTimeout);
        }

        private bool JoinInternal(int millisecondsTimeout)
        {
            int state = _state;
            if (state == StateUnstarted)
                throw new ThreadStateException("Thread has not been started.");
            if (state == StateStopped)
                return true;
            if (this == CurrentThread)
            {
                // A thread waiting for itself waits out its timeout (forever
                // for Join()), as on the CLR.
                Sleep(millisecondsTimeout);
                return false;
            }
            return JoinCore(_managedThreadId, millisecondsTimeout);
        }

        // FCall: waits (preemptive) for the thread's kernel thread to end.
        [MethodImpl(MethodImplOptions.InternalCall)]
        private static extern bool JoinCore(int managedThreadId, int millisecondsTimeout);

        // FCall: a running thread became (or stopped being) background.
        [MethodImpl(MethodImplOptions.InternalCall)]
        private static extern void SetBackgroundCore(int managedThreadId, bool isBackground);

        // Blocks the calling thread for millisecondsTimeout milliseconds
        // (Timeout.Infinite, -1: forever). The QCall sleeps in preemptive
        // mode, so the garbage collector does not wait for this thread.
        public static void Sleep(int millisecondsTimeout)
        {
            if (millisecondsTimeout < -1)
                throw new ArgumentOutOfRangeException("millisecondsTimeout", "Number must be either non-negative and less than or equal to Int32.MaxValue or -1.");
            if (millisecondsTimeout == 0)
            {
                InternalYield();
                return;
            }
            InternalSleep(millisecondsTimeout);
        }

        public static bool Yield()
        {
            InternalYield();
            return true;
        }

        // Spins for about `iterations` short pauses without giving up the
        // processor.
        public static void SpinWait(int iterations)
        {
            for (int i = 0; i < iterations; i++)
                SpinPause();
        }

        public static void MemoryBarrier()
        {
            Interlocked.MemoryBarrier();
        }

        // FCall: the x86 `pause` instruction.
        [MethodImpl(MethodImplOptions.InternalCall)]
        internal static extern void SpinPause();

        [DllImport("QCall", EntryPoint = "Thread_Sleep")]
        private static extern void InternalSleep(int millisecondsTimeout);

        [DllImport("QCall", EntryPoint = "Thread_Yield")]
        private static extern void InternalYield();
    }

    [Flags]
    public enum ThreadState
    {
        Running = 0,
        StopRequested = 1,
        SuspendRequested = 2,
        Background = 4,
        Unstarted = 8,
        Stopped = 16,
        WaitSleepJoin = 32,
        Suspended = 64,
        AbortRequested = 128,
        Aborted = 256,
    }
}
