//! The time limit (`OSPREY_TIME_LIMIT=SECONDS`, a testing aid): tells a
//! program that loops forever from a runtime that hangs.
//!
//! A corrupted or generated program may legitimately loop forever (a
//! flipped branch), and so may a broken runtime (a JIT that never ends,
//! a deadlock, a native loop). A test that kills both after a timeout
//! cannot tell them apart, so with a time limit set the runtime starts a
//! watchdog thread (a kernel thread) that, at the deadline:
//!
//! 1. sets a trap-flag bit, so every thread's next safepoint poll abandons
//!    its managed frames with [`RuntimeError::TimeLimit`], naming the
//!    method and IL offset it was running: the program ends with
//!    `error: the time limit of N s ran out in Program::Main at IL_0012`
//!    and exit code [`TIME_LIMIT_EXIT_CODE`]: the program's own doing;
//! 2. if the process has not ended [`GRACE`] later, and a thread is still
//!    cooperative (running native code that never reached a safepoint),
//!    prints `fatal error: ... stuck in native code` and exits with
//!    [`super::faults::FATAL_EXIT_CODE`]: the runtime's fault. A thread
//!    that is preemptive (waiting in `Thread.Sleep`, or in a QCall) is
//!    the program waiting: exit code [`TIME_LIMIT_EXIT_CODE`].
//!
//! tests/cli.rs runs its mutated and generated programs with a time limit,
//! and counts a run the harness had to kill as a failure.

use std::sync::atomic::Ordering;
use std::time::Duration;

use osprey_kernel::Handle;

use super::Runtime;

/// Trap-flag bit: the time limit ran out; polls end the managed frames.
pub(crate) const TRAP_TIME_LIMIT: u32 = 8;

/// The exit code of a program stopped by the time limit (as timeout(1)).
pub const TIME_LIMIT_EXIT_CODE: i32 = 124;

/// How long after the deadline a program may take to end.
pub const GRACE: Duration = Duration::from_secs(3);

/// The watchdog's state: (thread, wake-up event), and the limit.
#[derive(Default)]
pub(crate) struct Watchdog {
    handles: std::sync::Mutex<Option<(Handle, Handle)>>,
    /// The limit in seconds (0: none).
    seconds: std::sync::atomic::AtomicU64,
    /// Set at the deadline.
    expired: std::sync::atomic::AtomicBool,
    /// Set when the runtime goes away (the watchdog stops).
    stop: std::sync::atomic::AtomicBool,
}

/// A `&Runtime` that can move to the watchdog thread (joined before the
/// runtime is freed, as the finalizer thread is).
struct RuntimePtr(*const Runtime);
// SAFETY: `Runtime` is `Sync`; the runtime joins the watchdog before it
// is freed (`Runtime::stop_watchdog`, from `Drop`).
unsafe impl Send for RuntimePtr {}

/// Reads `OSPREY_TIME_LIMIT`: `None` if unset, the seconds otherwise (a
/// positive whole number, else a usage error naming the variable).
pub(crate) fn time_limit(
    os: &osprey_kernel::client::Os,
) -> Result<Option<u64>, crate::gc::GcOptionError> {
    let Some(v) = os.environment_variable("OSPREY_TIME_LIMIT").ok().flatten() else {
        return Ok(None);
    };
    match v.trim().parse::<u64>() {
        Ok(n) if n > 0 => Ok(Some(n)),
        _ => Err(crate::gc::GcOptionError {
            name: "OSPREY_TIME_LIMIT",
            value: v,
            accepted: crate::gc::Accepted::Seconds,
        }),
    }
}

impl Runtime {
    /// Starts the watchdog for a limit of `seconds`.
    pub(crate) fn start_watchdog(&self, seconds: u64) {
        self.watchdog.seconds.store(seconds, Ordering::Relaxed);
        let os = self.os;
        let Ok(event) = os.create_event(false, false) else {
            return;
        };
        let rt = RuntimePtr(self);
        let spawned = os.spawn_thread(0, move || {
            let rt = rt;
            // SAFETY: see `RuntimePtr`.
            watchdog_main(unsafe { &*rt.0 }, event, seconds);
            0
        });
        match spawned {
            Ok(thread) => {
                *self
                    .watchdog
                    .handles
                    .lock()
                    .unwrap_or_else(|p| p.into_inner()) = Some((thread, event));
            }
            Err(_) => {
                let _ = os.dispose_event(event);
            }
        }
    }

    /// Stops the watchdog and waits for it (the runtime is going away).
    pub(crate) fn stop_watchdog(&self) {
        let Some((thread, event)) = self
            .watchdog
            .handles
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .take()
        else {
            return;
        };
        self.watchdog.stop.store(true, Ordering::SeqCst);
        let _ = self.os.set_event(event);
        let _ = self.os.join_thread(thread, None);
        let _ = self.os.dispose_thread(thread);
        let _ = self.os.dispose_event(event);
    }

    /// The time limit in seconds, if it ran out.
    pub(crate) fn time_limit_expired(&self) -> Option<u64> {
        self.watchdog
            .expired
            .load(Ordering::SeqCst)
            .then(|| self.watchdog.seconds.load(Ordering::Relaxed))
    }
}

fn watchdog_main(rt: &Runtime, event: Handle, seconds: u64) {
    let stopped = |rt: &Runtime| rt.watchdog.stop.load(Ordering::SeqCst);
    // Woken early only to stop.
    let _ = rt.os.wait_event(event, Some(Duration::from_secs(seconds)));
    if stopped(rt) {
        return;
    }
    rt.watchdog.expired.store(true, Ordering::SeqCst);
    rt.code
        .globals()
        .trap
        .fetch_or(TRAP_TIME_LIMIT, Ordering::SeqCst);
    let _ = rt.os.wait_event(event, Some(GRACE));
    if stopped(rt) {
        return;
    }
    let (text, code) = if rt.heaps.gc.any_thread_cooperative() {
        (
            format!(
                "fatal error: the time limit of {seconds} s ran out and a thread did not reach a safepoint within {} s: the runtime is stuck in native code\n",
                GRACE.as_secs()
            ),
            super::faults::FATAL_EXIT_CODE,
        )
    } else {
        (
            format!("error: the time limit of {seconds} s ran out while the program was waiting\n"),
            TIME_LIMIT_EXIT_CODE,
        )
    };
    let _ = rt.os.console_flush();
    let _ = rt.os.stderr(&text);
    let _ = rt.os.console_flush();
    std::process::exit(code);
}
