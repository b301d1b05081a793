//! Threading QCalls: sleeping, yielding, kernel events, mutexes and
//! semaphores, and waits on them (`System.Threading.Thread`,
//! `WaitHandle` and its subclasses, `Monitor`'s waits).
//!
//! Every wait here is a kernel v4 wait: the QCall runs in preemptive mode
//! (collections proceed while the thread blocks), and when the process is
//! being stopped the wait returns `Stopped`, which becomes
//! [`QCallError::process_stopping`]: the runtime abandons the thread's
//! managed code.

use std::time::Duration;

use osprey_kernel::client::{Os, OsError, WaitOutcome};
use osprey_kernel::{Handle, Status};

use crate::{run, Bool, ExceptionKind, QCallError};

/// `WaitHandle.WaitTimeout`: what a wait returns when its timeout passed.
const WAIT_TIMEOUT: i32 = 258;
/// Added to the index of an abandoned mutex a wait acquired.
const WAIT_ABANDONED: i32 = 0x80;

/// `WaitHandle`'s kinds (`WaitHandle.KindEvent`, ...), for closing.
const KIND_EVENT: i32 = 1;
const KIND_MUTEX: i32 = 2;
const KIND_SEMAPHORE: i32 = 3;

fn os() -> Result<Os, QCallError> {
    Os::resolve().map_err(|e| QCallError::new(ExceptionKind::InvalidOperation, e.to_string()))
}

/// The managed exception (or abandonment) a failed kernel call becomes:
/// `Stopped` abandons the thread, `InvalidHandle` is a closed handle
/// (`ObjectDisposedException`), `OutOfMemory` an `OutOfMemoryException`.
pub fn kernel_error(e: OsError) -> QCallError {
    match e.status {
        Status::Stopped => QCallError::process_stopping(),
        Status::InvalidHandle => {
            QCallError::new(ExceptionKind::ObjectDisposed, "Safe handle has been closed")
        }
        Status::OutOfMemory => QCallError::new(
            ExceptionKind::OutOfMemory,
            format!("the kernel is out of resources ({})", e.call),
        ),
        _ => QCallError::new(ExceptionKind::InvalidOperation, e.to_string()),
    }
}

/// A managed timeout in milliseconds (`-1`: forever).
fn timeout(milliseconds: i32) -> Option<Duration> {
    u64::try_from(milliseconds).ok().map(Duration::from_millis)
}

fn handle(value: i32) -> Handle {
    Handle(value as u32)
}

/// `Thread_Sleep(int milliseconds)`: sleeps (`-1`: forever) with the
/// kernel's interruptible sleep. The managed wrapper has rejected values
/// below -1 and yields for 0.
pub(crate) extern "C" fn sleep(milliseconds: i32) {
    run((), || {
        os()?.sleep(timeout(milliseconds)).map_err(kernel_error)
    })
}

/// `Thread_Yield()`.
pub(crate) extern "C" fn yield_now() {
    run((), || {
        os()?.yield_now();
        Ok(())
    })
}

/// `WaitHandle_WaitAny(int* handles, int count, int milliseconds)`: the
/// index of the object acquired (+ 0x80 for an abandoned mutex), or 258
/// (`WaitTimeout`).
pub(crate) extern "C" fn wait_any(handles: *const i32, count: i32, milliseconds: i32) -> i32 {
    run(WAIT_TIMEOUT, || {
        let handles = handle_array(handles, count)?;
        match os()?.wait_any(&handles, timeout(milliseconds)) {
            Ok(WaitOutcome::Acquired(i)) => Ok(i as i32),
            Ok(WaitOutcome::Abandoned(i)) => Ok(i as i32 + WAIT_ABANDONED),
            Ok(WaitOutcome::TimedOut) => Ok(WAIT_TIMEOUT),
            Err(e) => Err(kernel_error(e)),
        }
    })
}

/// `WaitHandle_WaitAll(int* handles, int count, int milliseconds)`: 0 when
/// all were acquired, 258 (`WaitTimeout`) on timeout.
pub(crate) extern "C" fn wait_all(handles: *const i32, count: i32, milliseconds: i32) -> i32 {
    run(WAIT_TIMEOUT, || {
        let handles = handle_array(handles, count)?;
        match os()?.wait_all(&handles, timeout(milliseconds)) {
            Ok(true) => Ok(0),
            Ok(false) => Ok(WAIT_TIMEOUT),
            Err(e) => Err(kernel_error(e)),
        }
    })
}

fn handle_array(handles: *const i32, count: i32) -> Result<Vec<Handle>, QCallError> {
    let n = usize::try_from(count).map_err(|_| QCallError::argument("count", "negative"))?;
    if handles.is_null() || n == 0 {
        return Err(QCallError::argument("handles", "no handles"));
    }
    // SAFETY: the managed caller passes a pinned int[] (or a local) of
    // `count` elements.
    let raw = unsafe { std::slice::from_raw_parts(handles, n) };
    Ok(raw.iter().map(|h| handle(*h)).collect())
}

/// `WaitHandle_Close(int handle, int kind)`.
pub(crate) extern "C" fn close(value: i32, kind: i32) {
    run((), || {
        let os = os()?;
        let h = handle(value);
        match kind {
            KIND_EVENT => os.dispose_event(h),
            KIND_MUTEX => os.dispose_mutex(h),
            KIND_SEMAPHORE => os.dispose_semaphore(h),
            _ => return Err(QCallError::argument("kind", "not a wait handle kind")),
        }
        .map_err(kernel_error)
    })
}

/// `Event_Create(bool manualReset, bool initialState)`: the handle.
pub(crate) extern "C" fn event_create(manual_reset: Bool, initial: Bool) -> i32 {
    run(0, || {
        let h = os()?
            .create_event(manual_reset.into(), initial.into())
            .map_err(kernel_error)?;
        Ok(h.0 as i32)
    })
}

/// `Event_Set(int handle)`.
pub(crate) extern "C" fn event_set(value: i32) {
    run((), || os()?.set_event(handle(value)).map_err(kernel_error))
}

/// `Event_Reset(int handle)`.
pub(crate) extern "C" fn event_reset(value: i32) {
    run((), || {
        os()?.reset_event(handle(value)).map_err(kernel_error)
    })
}

/// `Mutex_Create(bool initiallyOwned)`: the handle.
pub(crate) extern "C" fn mutex_create(initially_owned: Bool) -> i32 {
    run(0, || {
        let h = os()?
            .create_mutex(initially_owned.into())
            .map_err(kernel_error)?;
        Ok(h.0 as i32)
    })
}

/// `Mutex_Release(int handle)`: false if the calling thread does not own
/// the mutex.
pub(crate) extern "C" fn mutex_release(value: i32) -> Bool {
    run(Bool::FALSE, || match os()?.release_mutex(handle(value)) {
        Ok(()) => Ok(Bool::TRUE),
        Err(e) if e.status == Status::InvalidState => Ok(Bool::FALSE),
        Err(e) => Err(kernel_error(e)),
    })
}

/// `Semaphore_Create(int initial, int maximum)`: the handle.
pub(crate) extern "C" fn semaphore_create(initial: i32, maximum: i32) -> i32 {
    run(0, || {
        let (initial, maximum) = (
            u32::try_from(initial).map_err(|_| QCallError::argument("initialCount", "negative"))?,
            u32::try_from(maximum).map_err(|_| QCallError::argument("maximumCount", "negative"))?,
        );
        let h = os()?
            .create_semaphore(initial, maximum)
            .map_err(kernel_error)?;
        Ok(h.0 as i32)
    })
}

/// `Semaphore_Release(int handle, int count)`: the count before, or -1 if
/// the maximum would be passed.
pub(crate) extern "C" fn semaphore_release(value: i32, count: i32) -> i32 {
    run(-1, || {
        let count =
            u32::try_from(count).map_err(|_| QCallError::argument("releaseCount", "negative"))?;
        match os()?.release_semaphore(handle(value), count) {
            Ok(previous) => Ok(previous as i32),
            Err(e) if e.status == Status::InvalidState => Ok(-1),
            Err(e) => Err(kernel_error(e)),
        }
    })
}

/// `Environment_GetProcessorCount()`.
pub(crate) extern "C" fn processor_count() -> i32 {
    run(1, || {
        Ok(i32::try_from(os()?.processor_count()).unwrap_or(i32::MAX))
    })
}

/// `Environment_Exit(int exitCode)`: stops the process (the kernel records
/// the code, sets the stop word and ends every wait), then abandons the
/// calling thread's managed code.
pub(crate) extern "C" fn exit(exit_code: i32) {
    run((), || {
        os()?.stop(exit_code).map_err(kernel_error)?;
        Err(QCallError::process_stopping())
    })
}
