//! `System.Diagnostics.Stopwatch` internal calls: the kernel's cycle counter.

use osprey_kernel::client::Os;

/// `static long Stopwatch.GetTimestamp()`: the processor's cycle counter
/// (ProcessService.GetCycleCount).
pub(super) extern "C" fn get_timestamp() -> i64 {
    Os::resolve().map_or(0, |os| os.cycle_count() as i64)
}

/// `static long Stopwatch.QueryFrequency()`: cycles per second
/// (ProcessService.GetCyclesPerSecond).
pub(super) extern "C" fn query_frequency() -> i64 {
    Os::resolve().map_or(1, |os| os.cycles_per_second().max(1) as i64)
}
