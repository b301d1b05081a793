namespace System.Threading
{
    // The "slim" primitives: built on Monitor (a thin lock, inflated to a
    // sync block with a kernel event only when threads actually wait), so
    // a Set or Release nobody waits for costs no kernel call.

    public class ManualResetEventSlim : IDisposable
    {
        private readonly object _lock = new object();
        private volatile bool _set;
        private int _waiters;
        private int _spinCount = 35;

        public ManualResetEventSlim()
            : this(false)
        {
        }

        public ManualResetEventSlim(bool initialState)
        {
            _set = initialState;
        }

        public ManualResetEventSlim(bool initialState, int spinCount)
        {
            if (spinCount < 0 || spinCount > 2047)
                throw new ArgumentOutOfRangeException("spinCount");
            _set = initialState;
            _spinCount = spinCount;
        }

        public bool IsSet
        {
            get { return _set; }
        }

        public int SpinCount
        {
            get { return _spinCount; }
        }

        public void Set()
        {
            lock (_lock)
            {
                _set = true;
                if (_waiters > 0)
                    Monitor.PulseAll(_lock);
            }
        }

        public void Reset()
        {
            _set = false;
        }

        public void Wait()
        {
            Wait(Timeout.Infinite);
        }

        public bool Wait(int millisecondsTimeout)
        {
            if (millisecondsTimeout < -1)
                throw new ArgumentOutOfRangeException("millisecondsTimeout");
            if (_set)
                return true;
            for (int i = 0; i < _spinCount && millisecondsTimeout != 0; i++)
            {
                Thread.SpinPause();
                if (_set)
                    return true;
            }
            long deadline = WaitTime.Start(millisecondsTimeout);
            lock (_lock)
            {
                while (!_set)
                {
                    int left = WaitTime.Left(millisecondsTimeout, deadline);
                    if (left == 0)
                        return false;
                    WaitTime.WaitCounted(_lock, left, ref _waiters);
                }
                return true;
            }
        }

        public void Dispose()
        {
        }
    }

    public class SemaphoreSlim : IDisposable
    {
        private readonly object _lock = new object();
        private int _count;
        private readonly int _max;
        private int _waiters;

        public SemaphoreSlim(int initialCount)
            : this(initialCount, int.MaxValue)
        {
        }

        public SemaphoreSlim(int initialCount, int maxCount)
        {
            if (initialCount < 0 || initialCount > maxCount)
                throw new ArgumentOutOfRangeException("initialCount", "The initialCount argument must be non-negative and less than or equal to the maximumCount.");
            if (maxCount <= 0)
                throw new ArgumentOutOfRangeException("maxCount", "The maximumCount argument must be a positive number. If a maximum is not required, use the constructor without a maxCount parameter.");
            _count = initialCount;
            _max = maxCount;
        }

        public int CurrentCount
        {
            get { return _count; }
        }

        public void Wait()
        {
            Wait(Timeout.Infinite);
        }

        public bool Wait(int millisecondsTimeout)
        {
            if (millisecondsTimeout < -1)
                throw new ArgumentOutOfRangeException("millisecondsTimeout");
            long deadline = WaitTime.Start(millisecondsTimeout);
            lock (_lock)
            {
                while (_count == 0)
                {
                    int left = WaitTime.Left(millisecondsTimeout, deadline);
                    if (left == 0)
                        return false;
                    WaitTime.WaitCounted(_lock, left, ref _waiters);
                }
                _count--;
                return true;
            }
        }

        public int Release()
        {
            return Release(1);
        }

        public int Release(int releaseCount)
        {
            if (releaseCount < 1)
                throw new ArgumentOutOfRangeException("releaseCount", "The releaseCount argument must be greater than zero.");
            lock (_lock)
            {
                int previous = _count;
                if (releaseCount > _max - previous)
                    throw new SemaphoreFullException();
                _count = previous + releaseCount;
                if (_waiters > 0)
                {
                    if (releaseCount == 1)
                        Monitor.Pulse(_lock);
                    else
                        Monitor.PulseAll(_lock);
                }
                return previous;
            }
        }

        public void Dispose()
        {
        }
    }

    // Set once its count reaches zero.
    public class CountdownEvent : IDisposable
    {
        private readonly ManualResetEventSlim _event;
        private int _initial;
        private int _current;

        public CountdownEvent(int initialCount)
        {
            if (initialCount < 0)
                throw new ArgumentOutOfRangeException("initialCount");
            _initial = initialCount;
            _current = initialCount;
            _event = new ManualResetEventSlim(initialCount == 0);
        }

        public int CurrentCount
        {
            get { return _current; }
        }

        public int InitialCount
        {
            get { return _initial; }
        }

        public bool IsSet
        {
            get { return _current == 0; }
        }

        public bool Signal()
        {
            return Signal(1);
        }

        public bool Signal(int signalCount)
        {
            if (signalCount <= 0)
                throw new ArgumentOutOfRangeException("signalCount");
            while (true)
            {
                int observed = _current;
                if (observed < signalCount)
                    throw new InvalidOperationException("Invalid attempt made to decrement the event's count below zero.");
                if (Interlocked.CompareExchange(ref _current, observed - signalCount, observed) == observed)
                {
                    if (observed == signalCount)
                    {
                        _event.Set();
                        return true;
                    }
                    return false;
                }
            }
        }

        public void AddCount()
        {
            AddCount(1);
        }

        public void AddCount(int signalCount)
        {
            if (!TryAddCount(signalCount))
                throw new InvalidOperationException("The event is already signaled and cannot be incremented.");
        }

        public bool TryAddCount()
        {
            return TryAddCount(1);
        }

        public bool TryAddCount(int signalCount)
        {
            if (signalCount <= 0)
                throw new ArgumentOutOfRangeException("signalCount");
            while (true)
            {
                int observed = _current;
                if (observed == 0)
                    return false;
                if (observed > int.MaxValue - signalCount)
                    throw new InvalidOperationException("The increment operation would cause the CurrentCount to overflow.");
                if (Interlocked.CompareExchange(ref _current, observed + signalCount, observed) == observed)
                    return true;
            }
        }

        public void Reset()
        {
            Reset(_initial);
        }

        public void Reset(int count)
        {
            if (count < 0)
                throw new ArgumentOutOfRangeException("count");
            _current = count;
            _initial = count;
            if (count == 0)
                _event.Set();
            else
                _event.Reset();
        }

        public void Wait()
        {
            _event.Wait();
        }

        public bool Wait(int millisecondsTimeout)
        {
            return _event.Wait(millisecondsTimeout);
        }

        public void Dispose()
        {
        }
    }

    // Participants wait at SignalAndWait until all have arrived; then the
    // post-phase action (if any) runs on the last one to arrive, and a new
    // phase begins. An exception from the action reaches every participant
    // of that phase as a BarrierPostPhaseException.
    public class Barrier : IDisposable
    {
        private readonly object _lock = new object();
        private readonly Action<Barrier> _postPhaseAction;
        private int _participants;
        private int _remaining;
        private long _phase;
        private Exception _postPhaseException;
        private bool _inPostPhase;

        public Barrier(int participantCount)
            : this(participantCount, null)
        {
        }

        public Barrier(int participantCount, Action<Barrier> postPhaseAction)
        {
            if (participantCount < 0 || participantCount > 32767)
                throw new ArgumentOutOfRangeException("participantCount", "The participantCount argument must be non-negative and less than or equal to 32767.");
            _participants = participantCount;
            _remaining = participantCount;
            _postPhaseAction = postPhaseAction;
        }

        public int ParticipantCount
        {
            get { return _participants; }
        }

        public int ParticipantsRemaining
        {
            get { return _remaining; }
        }

        public long CurrentPhaseNumber
        {
            get { return Interlocked.Read(ref _phase); }
        }

        public long AddParticipant()
        {
            return AddParticipants(1);
        }

        public long AddParticipants(int participantCount)
        {
            if (participantCount < 1 || participantCount > 32767 - _participants)
                throw new ArgumentOutOfRangeException("participantCount");
            lock (_lock)
            {
                _participants += participantCount;
                _remaining += participantCount;
                return _phase;
            }
        }

        public void RemoveParticipant()
        {
            RemoveParticipants(1);
        }

        public void RemoveParticipants(int participantCount)
        {
            if (participantCount < 1)
                throw new ArgumentOutOfRangeException("participantCount");
            lock (_lock)
            {
                if (participantCount > _participants)
                    throw new ArgumentOutOfRangeException("participantCount", "The participantCount argument must be less than or equal the number of participants.");
                if (participantCount > _remaining)
                    throw new InvalidOperationException("The participantCount argument is greater than the number of participants that haven't yet arrived at the barrier in this phase.");
                _participants -= participantCount;
                _remaining -= participantCount;
                if (_remaining == 0 && _participants > 0)
                    NextPhase();
            }
        }

        public void SignalAndWait()
        {
            SignalAndWait(Timeout.Infinite);
        }

        public bool SignalAndWait(int millisecondsTimeout)
        {
            if (millisecondsTimeout < -1)
                throw new ArgumentOutOfRangeException("millisecondsTimeout");
            long deadline = WaitTime.Start(millisecondsTimeout);
            lock (_lock)
            {
                if (_inPostPhase)
                    throw new InvalidOperationException("This method may not be called from within the postPhaseAction.");
                if (_participants == 0)
                    throw new InvalidOperationException("The barrier has no registered participants.");
                if (_remaining == 0)
                    throw new InvalidOperationException("The number of threads using the barrier exceeded the total number of registered participants.");
                long phase = _phase;
                _remaining--;
                if (_remaining == 0)
                {
                    NextPhase();
                    if (_postPhaseException != null)
                        throw new BarrierPostPhaseException(_postPhaseException);
                    return true;
                }
                while (_phase == phase)
                {
                    int left = WaitTime.Left(millisecondsTimeout, deadline);
                    if (left == 0)
                    {
                        // Withdraw from this phase.
                        _remaining++;
                        return false;
                    }
                    Monitor.Wait(_lock, left);
                }
                if (_postPhaseException != null)
                    throw new BarrierPostPhaseException(_postPhaseException);
                return true;
            }
        }

        // Called with the lock held: the post-phase action, then the next
        // phase.
        private void NextPhase()
        {
            _postPhaseException = null;
            if (_postPhaseAction != null)
            {
                _inPostPhase = true;
                try
                {
                    _postPhaseAction(this);
                }
                catch (Exception e)
                {
                    _postPhaseException = e;
                }
                finally
                {
                    _inPostPhase = false;
                }
            }
            _phase++;
            _remaining = _participants;
            Monitor.PulseAll(_lock);
        }

        public void Dispose()
        {
        }
    }

    public class BarrierPostPhaseException : Exception
    {
        public BarrierPostPhaseException()
            : base("The postPhaseAction failed with an exception.")
        {
        }

        public BarrierPostPhaseException(Exception innerException)
            : base("The postPhaseAction failed with an exception.", innerException)
        {
        }

        public BarrierPostPhaseException(string message)
            : base(message)
        {
        }
    }

    // Spinning that backs off: pause a growing number of times, then yield.
    public struct SpinWait
    {
        private int _count;

        public int Count
        {
            get { return _count; }
        }

        public bool NextSpinWillYield
        {
            get { return _count >= 10 || Environment.ProcessorCount == 1; }
        }

        public void SpinOnce()
        {
            if (NextSpinWillYield)
                Thread.Yield();
            else
                Thread.SpinWait(4 << _count);
            _count = _count == int.MaxValue ? 10 : _count + 1;
        }

        public void Reset()
        {
            _count = 0;
        }
    }

    // A pool of background worker threads running queued work items in
    // order. Workers are created on demand, up to the processor count (at
    // least 2), and wait on the queue's monitor when it is empty. An
    // exception that leaves a work item ends the process, as in .NET.
    public static class ThreadPool
    {
        private static readonly object s_lock = new object();
        private static WaitCallback[] s_callbacks = new WaitCallback[16];
        private static object[] s_states = new object[16];
        private static int s_head;
        private static int s_count;
        private static int s_workers;
        private static int s_idle;

        public static bool QueueUserWorkItem(WaitCallback callBack)
        {
            return QueueUserWorkItem(callBack, null);
        }

        public static bool QueueUserWorkItem(WaitCallback callBack, object state)
        {
            if (callBack == null)
                throw new ArgumentNullException("WaitCallback");
            bool startWorker = false;
            lock (s_lock)
            {
                if (s_count == s_callbacks.Length)
                    Grow();
                int tail = (s_head + s_count) % s_callbacks.Length;
                s_callbacks[tail] = callBack;
                s_states[tail] = state;
                s_count++;
                if (s_idle > 0)
                    Monitor.Pulse(s_lock);
                else if (s_workers < MaxWorkers())
                {
                    s_workers++;
                    startWorker = true;
                }
            }
            if (startWorker)
            {
                Thread t = new Thread(Worker);
                t.IsBackground = true;
                t.Start();
            }
            return true;
        }

        public static void GetMaxThreads(out int workerThreads, out int completionPortThreads)
        {
            workerThreads = MaxWorkers();
            completionPortThreads = 0;
        }

        private static int MaxWorkers()
        {
            int n = Environment.ProcessorCount;
            return n < 2 ? 2 : n;
        }

        // Called with the lock held.
        private static void Grow()
        {
            int n = s_callbacks.Length;
            WaitCallback[] callbacks = new WaitCallback[n * 2];
            object[] states = new object[n * 2];
            for (int i = 0; i < s_count; i++)
            {
                callbacks[i] = s_callbacks[(s_head + i) % n];
                states[i] = s_states[(s_head + i) % n];
            }
            s_callbacks = callbacks;
            s_states = states;
            s_head = 0;
        }

        private static void Worker()
        {
            while (true)
            {
                WaitCallback callback;
                object state;
                lock (s_lock)
                {
                    while (s_count == 0)
                        WaitTime.WaitCounted(s_lock, Timeout.Infinite, ref s_idle);
                    callback = s_callbacks[s_head];
                    state = s_states[s_head];
                    s_callbacks[s_head] = null;
                    s_states[s_head] = null;
                    s_head = (s_head + 1) % s_callbacks.Length;
                    s_count--;
                }
                callback(state);
            }
        }
    }
}
