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
