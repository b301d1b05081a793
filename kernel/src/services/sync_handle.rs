//! `SyncHandle` (ABI v4): blocking on one or more kernel objects,
//! Singularity's SyncHandle (`WaitOne`, `WaitAny`) plus `WaitAll`.
//!
//! A wait names objects by handles of the calling process: events,
//! mutexes and semaphores (acquired by the wait: an auto-reset event is
//! reset, a mutex owned, a semaphore decremented), threads and child
//! processes (the wait ends when they have ended), and endpoints (the wait
//! ends when a message is queued or the channel is closed; nothing is
//! received). Blocks are not waitable.
//!
//! These waits are *interruptible*: when the calling process is stopped
//! (`ProcessService::Stop`, or its parent's `ProcessHandle::Terminate`)
//! they return `Stopped`, and so does every later one. Timeouts are
//! nanoseconds (`u64::MAX` forever, 0 poll), on `CLOCK_MONOTONIC`.

use std::sync::Arc;

use super::{check_out, guard, write_out};
use crate::sync::{self, Acquired, Interrupt, Waitable};
use crate::{process, wait, Handle, Status};

/// The most handles one wait may name.
pub const MAX_WAIT_HANDLES: usize = 64;

/// Resolves `count` handles at `handles` in the calling process's table.
///
/// # Safety
/// `handles` must be valid for reads of `count` handles.
unsafe fn waitables(
    process: &process::Process,
    handles: *const Handle,
    count: usize,
) -> Result<Vec<Arc<dyn Waitable>>, Status> {
    if count == 0 || count > MAX_WAIT_HANDLES || handles.is_null() || !handles.is_aligned() {
        return Err(Status::InvalidArgument);
    }
    // SAFETY: non-null, aligned, valid for `count` reads by the contract.
    let handles = unsafe { core::slice::from_raw_parts(handles, count) };
    process.with_handles(|t| handles.iter().map(|h| t.waitable(*h)).collect())
}

/// `SyncHandle::WaitAny`: waits until one of the `count` objects named by
/// `handles` (1 to 64) is signaled, acquires it, and stores its index in
/// `*out_index`. With several signaled, the first in the array wins.
///
/// Returns `Ok`, `Abandoned` (the object acquired, whose index is stored,
/// is a mutex whose owner ended without releasing it: the caller owns it
/// now), `TimedOut` (nothing acquired), `Stopped` (the process is being
/// stopped; nothing acquired), `InvalidArgument` (count 0 or over 64,
/// null/misaligned pointers), `NoProcess`, `InvalidHandle` (a handle that
/// is not a waitable object of the calling process).
///
/// # Safety
/// `handles` must be valid for reads of `count` handles, `out_index` for a
/// write of a `u32`.
pub unsafe extern "C" fn wait_any(
    handles: *const Handle,
    count: usize,
    timeout_ns: u64,
    out_index: *mut u32,
) -> Status {
    guard(|| {
        check_out(out_index)?;
        let me = process::current_or_status()?;
        // SAFETY: forwarded contract.
        let objects = unsafe { waitables(&me, handles, count)? };
        let deadline = wait::deadline(timeout_ns);
        let (index, how) = sync::wait_any(
            &objects,
            deadline,
            Interrupt::By(me.waits()),
            process::current_thread_id(),
        )?;
        // SAFETY: checked above; writable by the caller's contract.
        unsafe { write_out(out_index, index as u32)? };
        match how {
            Acquired::Ok => Ok(()),
            Acquired::Abandoned => Err(Status::Abandoned),
        }
    })
}

/// `SyncHandle::WaitAll`: waits until every one of the `count` objects
/// named by `handles` (1 to 64, all distinct) can be acquired, and acquires
/// them all at once (never some of them).
///
/// Returns `Ok`, `Abandoned` (all acquired; one was an abandoned mutex),
/// `TimedOut`, `Stopped`, `InvalidArgument` (count 0 or over 64, a handle
/// named twice, null/misaligned pointer), `NoProcess`, `InvalidHandle`.
///
/// # Safety
/// `handles` must be valid for reads of `count` handles.
pub unsafe extern "C" fn wait_all(handles: *const Handle, count: usize, timeout_ns: u64) -> Status {
    guard(|| {
        let me = process::current_or_status()?;
        // SAFETY: forwarded contract.
        let objects = unsafe { waitables(&me, handles, count)? };
        let deadline = wait::deadline(timeout_ns);
        match sync::wait_all(
            &objects,
            deadline,
            Interrupt::By(me.waits()),
            process::current_thread_id(),
        )? {
            Acquired::Ok => Ok(()),
            Acquired::Abandoned => Err(Status::Abandoned),
        }
    })
}
