using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace System.Threading
{
    // Monitors, built as the CLR builds them (docs/runtime.md, "Monitors"):
    //
    // * a *thin lock* in the object's header: the owner's lock id and a
    //   recursion count, taken and released with one compare-and-swap when
    //   nobody contends (TryEnterFast, Exit: FCalls, no frame);
    // * under contention, or for Wait/Pulse, the lock is *inflated* to a
    //   sync block (vm/src/sync/): owner, recursion, the number of threads
    //   waiting to enter and a kernel event they sleep on, and the queue of
    //   threads in Wait, each with its own kernel event.
    //
    // Waiting always happens in a QCall (preemptive mode), so a thread
    // blocked on a lock never delays a collection, and a process that is
    // stopped wakes it (the QCall then abandons the thread's managed code).
    public static class Monitor
    {
        // How a contended Enter retries before it sleeps: SpinCount short
        // pauses, then YieldCount yields of the processor (on a loaded
        // machine the owner may need this thread's processor to leave).
        private const int SpinCount = 40;
        private const int YieldCount = 8;

        public static void Enter(object obj)
        {
            if (obj == null)
                throw new ArgumentNullException("obj");
            if (!TryEnterFast(obj))
                EnterSlow(obj, Timeout.Infinite);
        }

        // What the C# `lock` statement calls.
        public static void Enter(object obj, ref bool lockTaken)
        {
            if (lockTaken)
                throw new ArgumentException("lockTaken is already true", "lockTaken");
            // Enter(obj), inline: the `lock` statement's path.
            if (obj == null)
                throw new ArgumentNullException("obj");
            if (!TryEnterFast(obj))
                EnterSlow(obj, Timeout.Infinite);
            lockTaken = true;
        }

        public static bool TryEnter(object obj)
        {
            if (obj == null)
                throw new ArgumentNullException("obj");
            return TryEnterFast(obj) || EnterSlow(obj, 0);
        }

        public static bool TryEnter(object obj, int millisecondsTimeout)
        {
            if (obj == null)
                throw new ArgumentNullException("obj");
            if (millisecondsTimeout < -1)
                throw new ArgumentOutOfRangeException("millisecondsTimeout", "Number must be either non-negative and less than or equal to Int32.MaxValue or -1.");
            return TryEnterFast(obj) || EnterSlow(obj, millisecondsTimeout);
        }

        public static void TryEnter(object obj, ref bool lockTaken)
        {
            if (lockTaken)
                throw new ArgumentException("lockTaken is already true", "lockTaken");
            lockTaken = TryEnter(obj);
        }

        public static void TryEnter(object obj, int millisecondsTimeout, ref bool lockTaken)
        {
            if (lockTaken)
                throw new ArgumentException("lockTaken is already true", "lockTaken");
            lockTaken = TryEnter(obj, millisecondsTimeout);
        }

        public static void Exit(object obj)
        {
            if (obj == null)
                throw new ArgumentNullException("obj");
            int r = ExitCore(obj);
            if (r == ExitNotOwner)
                throw new SynchronizationLockException("Object synchronization method was called from an unsynchronized block of code.");
            if (r > 0)
                SetEvent(r);
        }

        public static bool IsEntered(object obj)
        {
            if (obj == null)
                throw new ArgumentNullException("obj");
            return IsEnteredCore(obj);
        }

        // Retries, then sleeps on the sync block's kernel event until the
        // owner leaves (or the timeout passes).
        private static bool EnterSlow(object obj, int millisecondsTimeout)
        {
            for (int i = 0; i < SpinCount + YieldCount; i++)
            {
                if (millisecondsTimeout == 0)
                    break;
                if (i < SpinCount)
                    Thread.SpinPause();
                else
                    Thread.Yield();
                if (TryEnterFast(obj))
                    return true;
            }
            if (millisecondsTimeout == 0)
                return TryEnterFast(obj);
            long deadline = WaitTime.Start(millisecondsTimeout);
            // Registered as a waiter before the last try: an Exit after it
            // sets the event, so the wait below cannot miss the release.
            int ev = BeginEnterWait(obj);
            try
            {
                while (true)
                {
                    if (TryEnterFast(obj))
                        return true;
                    int left = WaitTime.Left(millisecondsTimeout, deadline);
                    if (left == 0)
                        return false;
                    WaitHandle.WaitOneCore(ev, left);
                }
            }
            finally
            {
                EndEnterWait(obj);
            }
        }

        public static bool Wait(object obj)
        {
            return Wait(obj, Timeout.Infinite);
        }

        // Releases the lock (however many times it is held), waits for a
        // Pulse (or the timeout), and takes the lock back as it was.
        public static bool Wait(object obj, int millisecondsTimeout)
        {
            if (obj == null)
                throw new ArgumentNullException("obj");
            if (millisecondsTimeout < -1)
                throw new ArgumentOutOfRangeException("millisecondsTimeout", "Number must be either non-negative and less than or equal to Int32.MaxValue or -1.");
            int recursion;
            int wake = WaitBegin(obj, out recursion);
            if (wake == WaitNotOwner)
                throw new SynchronizationLockException("Object is not synchronized");
            int myEvent = WaitEvent();
            if (wake > 0)
                SetEvent(wake);
            bool pulsed = WaitHandle.WaitOneCore(myEvent, millisecondsTimeout);
            if (!pulsed && !WaitCancel(obj))
            {
                // A Pulse took us off the queue as the timeout passed: its
                // signal is on its way; consume it so the next Wait does not
                // return early.
                WaitHandle.WaitOneCore(myEvent, Timeout.Infinite);
                pulsed = true;
            }
            if (!TryEnterFast(obj))
                EnterSlow(obj, Timeout.Infinite);
            WaitEnd(obj, recursion);
            return pulsed;
        }

        public static void Pulse(object obj)
        {
            if (obj == null)
                throw new ArgumentNullException("obj");
            int ev = PulseCore(obj);
            if (ev == WaitNotOwner)
                throw new SynchronizationLockException("Object is not synchronized");
            if (ev > 0)
                SetEvent(ev);
        }

        public static void PulseAll(object obj)
        {
            if (obj == null)
                throw new ArgumentNullException("obj");
            while (true)
            {
                int ev = PulseCore(obj);
                if (ev == WaitNotOwner)
                    throw new SynchronizationLockException("Object is not synchronized");
                if (ev <= 0)
                    return;
                SetEvent(ev);
            }
        }

        private static void SetEvent(int handle)
        {
            EventWaitHandle.SetCore(handle);
        }

        private const int ExitNotOwner = -1;
        private const int WaitNotOwner = -1;

        // FCall: takes the lock if it is free (or already ours): the thin
        // lock's CAS, or the sync block's.
        [MethodImpl(MethodImplOptions.InternalCall)]
        private static extern bool TryEnterFast(object obj);

        // FCall: releases one acquisition. 0: done; -1: the caller does not
        // own the lock; > 0: done, and this kernel event must be set (a
        // thread waits to enter).
        [MethodImpl(MethodImplOptions.InternalCall)]
        private static extern int ExitCore(object obj);

        [MethodImpl(MethodImplOptions.InternalCall)]
        private static extern bool IsEnteredCore(object obj);

        // FCall: inflates the lock, counts the caller among the threads
        // waiting to enter, and returns the kernel event they sleep on.
        [MethodImpl(MethodImplOptions.InternalCall)]
        private static extern int BeginEnterWait(object obj);

        [MethodImpl(MethodImplOptions.InternalCall)]
        private static extern void EndEnterWait(object obj);

        // FCall: queues the caller's wait event on the sync block and
        // releases the lock fully (its recursion goes to `recursion`).
        // -1: not the owner; > 0: a kernel event to set (a thread waits to
        // enter); 0: nothing to set.
        [MethodImpl(MethodImplOptions.InternalCall)]
        private static extern int WaitBegin(object obj, out int recursion);

        // FCall: takes the caller's wait event off the queue after a
        // timeout; false if a Pulse already took it.
        [MethodImpl(MethodImplOptions.InternalCall)]
        private static extern bool WaitCancel(object obj);

        // FCall: restores the recursion count after Wait took the lock back.
        [MethodImpl(MethodImplOptions.InternalCall)]
        private static extern void WaitEnd(object obj, int recursion);

        // FCall: dequeues the first waiter (one of them, for PulseAll, which
        // calls again until 0) and returns its event. -1: not the owner.
        [MethodImpl(MethodImplOptions.InternalCall)]
        private static extern int PulseCore(object obj);

        // FCall: the calling thread's own wait event (a kernel auto-reset
        // event, made on first use), for Wait.
        [MethodImpl(MethodImplOptions.InternalCall)]
        private static extern int WaitEvent();
    }
}
