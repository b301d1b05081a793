//! `SemaphoreHandle` (ABI v4): counting semaphores for the threads of the
//! calling process. A wait (`SyncHandle::WaitAny`/`WaitAll`) takes one
//! from the count when it is above zero; `Release` adds to it, up to the
//! maximum.

use std::sync::Arc;

use super::{check_out, guard, write_out};
use crate::handles::{release_objects, KernelObject, Kind};
use crate::semaphore::Semaphore;
use crate::{process, Handle, Status};

/// `SemaphoreHandle::Create`: a semaphore with count `initial` and
/// maximum `maximum`; stores its handle in `*out_handle`.
///
/// Returns `Ok`, `InvalidArgument` (`maximum` 0, `initial` above
/// `maximum`, null/misaligned `out_handle`), `NoProcess`, `OutOfMemory`.
///
/// # Safety
/// `out_handle` must be valid for a write of a [`Handle`].
pub unsafe extern "C" fn create(initial: u32, maximum: u32, out_handle: *mut Handle) -> Status {
    guard(|| {
        check_out(out_handle)?;
        let s = Semaphore::new_semaphore(initial, maximum)?;
        let handle = process::current_or_status()?
            .with_handles(|t| t.insert(KernelObject::Semaphore(Arc::new(s))))?;
        // SAFETY: checked above; writable by the caller's contract.
        unsafe { write_out(out_handle, handle) }
    })
}

/// `SemaphoreHandle::Release`: adds `count` (at least 1) and stores the
/// count before in `*out_previous`.
///
/// Returns `Ok`, `InvalidState` (the count would pass the maximum;
/// nothing changed), `InvalidArgument` (count 0, null/misaligned
/// `out_previous`), `NoProcess`, `InvalidHandle`.
///
/// # Safety
/// `out_previous` must be valid for a write of a `u32`.
pub unsafe extern "C" fn release(handle: Handle, count: u32, out_previous: *mut u32) -> Status {
    guard(|| {
        check_out(out_previous)?;
        let s = process::current_or_status()?.with_handles(|t| t.semaphore(handle))?;
        let previous = s.release(count)?;
        // SAFETY: checked above; writable by the caller's contract.
        unsafe { write_out(out_previous, previous) }
    })
}

/// `SemaphoreHandle::Dispose`: drops the handle.
///
/// Returns `Ok`, `NoProcess`, `InvalidHandle`.
pub extern "C" fn dispose(handle: Handle) -> Status {
    guard(|| {
        let object =
            process::current_or_status()?.with_handles(|t| t.remove(handle, Kind::Semaphore))?;
        release_objects([object]);
        Ok(())
    })
}
