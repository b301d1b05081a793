//! `EventHandle` (ABI v2): events for synchronizing the threads of the
//! calling process; Singularity's AutoResetEventHandle and
//! ManualResetEventHandle in one service, chosen at `Create`.
//!
//! - A **manual-reset** event, once set, releases every waiting thread and
//!   stays set (later waits return at once) until `Reset`.
//! - An **auto-reset** event releases exactly one waiting thread per `Set`;
//!   with no thread waiting it stays set until one waits (which resets it).
//!   Setting an event that is already set does nothing.
//!
//! Waiting blocks the thread in the kernel (no spinning). Handles are
//! per-process capabilities like every other: a value from another process
//! is `InvalidHandle`. Disposing a handle does not wake threads already
//! waiting on the event.

use std::sync::Arc;

use super::{check_out, guard, write_out};
use crate::event::Event;
use crate::handles::{release_objects, KernelObject, Kind};
use crate::{process, wait, Handle, Status};

fn flag(value: u32) -> Result<bool, Status> {
    match value {
        0 => Ok(false),
        1 => Ok(true),
        _ => Err(Status::InvalidArgument),
    }
}

fn event(handle: Handle) -> Result<Arc<Event>, Status> {
    process::current_or_status()?.with_handles(|t| t.event(handle))
}

/// `EventHandle::Create`: creates an event and stores a handle to it (in
/// the calling process's table) in `*out_handle`.
///
/// - `manual_reset`: 1 for a manual-reset event, 0 for auto-reset.
/// - `initially_set`: 1 to create it set, 0 reset.
///
/// Returns `Ok`, `InvalidArgument` (a flag other than 0 or 1,
/// null/misaligned `out_handle`), `NoProcess`, `OutOfMemory` (handle values
/// exhausted).
///
/// # Safety
/// `out_handle` must be valid for a write of a [`Handle`].
pub unsafe extern "C" fn create(
    manual_reset: u32,
    initially_set: u32,
    out_handle: *mut Handle,
) -> Status {
    guard(|| {
        check_out(out_handle)?;
        let event = Event::new_event(flag(manual_reset)?, flag(initially_set)?);
        let handle = process::current_or_status()?
            .with_handles(|t| t.insert(KernelObject::Event(Arc::new(event))))?;
        // SAFETY: checked above; writable by the caller's contract.
        unsafe { write_out(out_handle, handle) }
    })
}

/// `EventHandle::Set`: sets the event. A manual-reset event releases every
/// waiting thread and stays set; an auto-reset event releases one waiting
/// thread, or stays set until the next wait if none is waiting.
///
/// Returns `Ok`, `NoProcess`, `InvalidHandle` (not an event handle of the
/// calling process).
pub extern "C" fn set(handle: Handle) -> Status {
    guard(|| {
        event(handle)?.set();
        Ok(())
    })
}

/// `EventHandle::Reset`: resets the event. Threads already released stay
/// released.
///
/// Returns `Ok`, `NoProcess`, `InvalidHandle`.
pub extern "C" fn reset(handle: Handle) -> Status {
    guard(|| {
        event(handle)?.reset();
        Ok(())
    })
}

/// `EventHandle::Wait`: returns once the event is set, blocking at most
/// `timeout_ns` nanoseconds (`u64::MAX`: no limit; 0: do not block). A wait
/// released by an auto-reset event resets it.
///
/// Returns `Ok` (the event was set), `TimedOut` (it was not, within the
/// timeout; the event is unchanged), `NoProcess`, `InvalidHandle`.
pub extern "C" fn wait(handle: Handle, timeout_ns: u64) -> Status {
    guard(|| {
        let deadline = wait::deadline(timeout_ns);
        crate::event::wait_v2(event(handle)?, deadline, process::current_thread_id())
    })
}

/// `EventHandle::Dispose`: removes the handle from the calling process's
/// table. Threads already waiting on the event keep waiting (until their
/// timeout, as nothing can set it any more).
///
/// Returns `Ok`, `NoProcess`, `InvalidHandle` (not an event handle of the
/// calling process).
pub extern "C" fn dispose(handle: Handle) -> Status {
    guard(|| {
        let object =
            process::current_or_status()?.with_handles(|t| t.remove(handle, Kind::Event))?;
        release_objects([object]);
        Ok(())
    })
}
