using System.Diagnostics;

namespace System.Threading
{
    // Milliseconds on the monotonic clock, for waits that retry until a
    // deadline.
    internal static class WaitTime
    {
        public static long NowMs()
        {
            long ticks = Stopwatch.GetTimestamp();
            long f = Stopwatch.Frequency;
            return ticks / f * 1000 + ticks % f * 1000 / f;
        }

        // The deadline of a wait of `millisecondsTimeout` starting now (only
        // meaningful when the timeout is not Timeout.Infinite).
        public static long Deadline(int millisecondsTimeout)
        {
            return NowMs() + millisecondsTimeout;
        }

        // The deadline of a retry loop waiting `millisecondsTimeout` from
        // now (unused for Timeout.Infinite).
        public static long Start(int millisecondsTimeout)
        {
            return millisecondsTimeout == Timeout.Infinite ? 0 : Deadline(millisecondsTimeout);
        }

        // The timeout for the next wait of a retry loop started with Start:
        // Timeout.Infinite for an infinite wait, 0 once the deadline passed.
        public static int Left(int millisecondsTimeout, long deadline)
        {
            return millisecondsTimeout == Timeout.Infinite ? Timeout.Infinite : Remaining(deadline);
        }

        // Monitor.Wait on `gate` (held) for at most `left` milliseconds,
        // counted in `waiters` while it waits (so a Set or Release knows
        // whether to pulse).
        public static bool WaitCounted(object gate, int left, ref int waiters)
        {
            waiters++;
            try
            {
                return Monitor.Wait(gate, left);
            }
            finally
            {
                waiters--;
            }
        }

        // Milliseconds left until `deadline`, 0 once it has passed.
        public static int Remaining(long deadline)
        {
            long left = deadline - NowMs();
            if (left <= 0)
                return 0;
            return left > int.MaxValue ? int.MaxValue : (int)left;
        }
    }
}
