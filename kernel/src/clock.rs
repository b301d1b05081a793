//! Time sources: the time-stamp counter, `CLOCK_MONOTONIC`, and (ABI v5)
//! the wall clock (`CLOCK_REALTIME`) with the local time zone's offset.
//!
//! The kernel takes a "boot" snapshot (monotonic time and TSC) the first time
//! anything asks for time or a process is created. Up time is measured from
//! it, and the TSC frequency is calibrated against it once, kernel-wide.

use std::sync::OnceLock;

/// The minimum interval the TSC calibration measures over. Both ends are
/// paired readings taken a few hundred cycles apart, so 5 ms bounds the
/// error well below 0.1%.
const CALIBRATION_NANOS: u64 = 5_000_000;

/// Monotonic time and TSC read together at kernel boot.
struct Boot {
    nanos: u64,
    cycles: u64,
}

static BOOT: OnceLock<Boot> = OnceLock::new();
static CYCLES_PER_SECOND: OnceLock<u64> = OnceLock::new();

/// Takes the boot snapshot if nobody has yet.
pub(crate) fn boot() {
    boot_snapshot();
}

fn boot_snapshot() -> &'static Boot {
    BOOT.get_or_init(paired_read)
}

/// Reads the monotonic clock and the TSC as close together as possible:
/// retries (a few times) when the thread was interrupted between the reads,
/// and pairs the clock with the midpoint of two TSC reads around it.
fn paired_read() -> Boot {
    let mut best = None;
    for _ in 0..8 {
        let before = cycle_count();
        let nanos = monotonic_nanos();
        let after = cycle_count();
        let spread = after.wrapping_sub(before);
        let reading = Boot {
            nanos,
            cycles: before.wrapping_add(spread / 2),
        };
        if spread < 20_000 {
            return reading;
        }
        best = Some(reading);
    }
    best.unwrap_or(Boot {
        nanos: monotonic_nanos(),
        cycles: cycle_count(),
    })
}

/// Reads the time-stamp counter.
pub(crate) fn cycle_count() -> u64 {
    // `_rdtsc` is an `unsafe fn` on older toolchains and safe on newer ones.
    #[allow(unused_unsafe)]
    // SAFETY: RDTSC is part of the x86-64 baseline, reads a counter and has no
    // memory effects.
    unsafe {
        core::arch::x86_64::_rdtsc()
    }
}

/// `CLOCK_MONOTONIC` in nanoseconds.
pub(crate) fn monotonic_nanos() -> u64 {
    let mut ts = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `ts` is a valid, writable timespec; CLOCK_MONOTONIC always
    // exists on Linux, so the call cannot fail with these arguments.
    unsafe {
        libc::clock_gettime(libc::CLOCK_MONOTONIC, &mut ts);
    }
    (ts.tv_sec as u64)
        .saturating_mul(1_000_000_000)
        .saturating_add(ts.tv_nsec as u64)
}

/// Nanoseconds since kernel boot.
pub(crate) fn up_time_nanos() -> u64 {
    let boot = boot_snapshot();
    monotonic_nanos().saturating_sub(boot.nanos)
}

/// TSC ticks per second, measured once against `CLOCK_MONOTONIC` and cached.
///
/// The measurement spans from kernel boot to the first call; if that is
/// shorter than 5 ms, the first call sleeps for the rest.
pub(crate) fn cycles_per_second() -> u64 {
    *CYCLES_PER_SECOND.get_or_init(|| {
        let boot = boot_snapshot();
        let elapsed = monotonic_nanos().saturating_sub(boot.nanos);
        if elapsed < CALIBRATION_NANOS {
            std::thread::sleep(std::time::Duration::from_nanos(CALIBRATION_NANOS - elapsed));
        }
        let now = paired_read();
        let cycles = now.cycles.wrapping_sub(boot.cycles);
        let nanos = now.nanos.saturating_sub(boot.nanos).max(1);
        let hz = (cycles as u128 * 1_000_000_000u128) / nanos as u128;
        u64::try_from(hz).unwrap_or(u64::MAX).max(1)
    })
}

/// `CLOCK_REALTIME` in nanoseconds since 1970-01-01 00:00:00 UTC (negative
/// before it).
pub(crate) fn wall_clock_nanos() -> Result<i64, crate::Status> {
    let mut ts = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `ts` is a valid, writable timespec.
    if unsafe { libc::clock_gettime(libc::CLOCK_REALTIME, &mut ts) } != 0 {
        return Err(crate::Status::OsError);
    }
    // time_t and c_long are i64 on x86-64 Linux.
    Ok(ts
        .tv_sec
        .saturating_mul(1_000_000_000)
        .saturating_add(ts.tv_nsec))
}

/// The local time zone's offset from UTC (seconds east) at `unix_seconds`.
pub(crate) fn utc_offset_seconds(unix_seconds: i64) -> Result<i32, crate::Status> {
    let t: libc::time_t = unix_seconds;
    // SAFETY: `tm` is plain old data; all zeros is a valid value.
    let mut tm: libc::tm = unsafe { core::mem::zeroed() };
    // SAFETY: both pointers are valid; localtime_r is thread-safe and
    // reads the zone (TZ, /etc/localtime) itself.
    let converted = unsafe { libc::localtime_r(&t, &mut tm) };
    if converted.is_null() {
        return Err(crate::Status::InvalidArgument);
    }
    i32::try_from(tm.tm_gmtoff).map_err(|_| crate::Status::OsError)
}
