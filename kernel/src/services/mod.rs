//! The ABI entry points, one module per Singularity service.
//!
//! Every public function here is an entry of the export table
//! ([`crate::abi::AbiV1`]). Entries are thin: they check and convert their
//! C arguments, find the calling thread's process, and call the
//! version-independent implementation (`process`, `memory`, `console`,
//! `clock`). Each body runs inside `guard` or `guard_value`, which catch
//! any Rust panic so that no entry ever unwinds into its caller.
//!
//! Later ABI versions add modules here (v2: `stack_service`,
//! `fault_service`, `thread_handle`, `event_handle`; v3: `native_library`,
//! `native_memory`, `native_error`; v4: `sync_handle`, `mutex_handle`,
//! `semaphore_handle`, `endpoint_core`, `communication_heap_service`; v5:
//! `file_service`, and new entries in `console_service` and
//! `process_service`) and new functions in existing ones; a published entry
//! is never changed.

pub mod communication_heap_service;
pub mod console_service;
pub mod debug_service;
pub mod endpoint_core;
pub mod event_handle;
pub mod fault_service;
pub mod file_service;
pub mod mutex_handle;
pub mod native_error;
pub mod native_library;
pub mod native_memory;
pub mod page_table_service;
pub mod process_handle;
pub mod process_service;
pub mod semaphore_handle;
pub mod stack_service;
pub mod sync_handle;
pub mod thread_handle;

use std::panic::{catch_unwind, AssertUnwindSafe};

use crate::Status;

/// Runs an entry body, mapping `Err` to its status and a panic to
/// [`Status::Internal`].
pub(crate) fn guard(body: impl FnOnce() -> Result<(), Status>) -> Status {
    guard_value(Status::Internal, || match body() {
        Ok(()) => Status::Ok,
        Err(status) => status,
    })
}

/// Runs a value-returning entry body; a panic returns `on_panic`.
pub(crate) fn guard_value<T>(on_panic: T, body: impl FnOnce() -> T) -> T {
    match catch_unwind(AssertUnwindSafe(body)) {
        Ok(value) => value,
        Err(payload) => {
            // Dropping a payload could itself panic; leak it instead.
            std::mem::forget(payload);
            on_panic
        }
    }
}

/// Borrows `(ptr, len)` as a byte slice. A null `ptr` is accepted only with
/// `len == 0`.
///
/// # Safety
/// If `ptr` is non-null it must be valid for reads of `len` bytes for `'a`.
pub(crate) unsafe fn bytes<'a>(ptr: *const u8, len: usize) -> Result<&'a [u8], Status> {
    if len == 0 {
        return Ok(&[]);
    }
    if ptr.is_null() || len > isize::MAX as usize {
        return Err(Status::InvalidArgument);
    }
    // SAFETY: non-null and, by the caller's contract, valid for `len` reads.
    Ok(unsafe { core::slice::from_raw_parts(ptr, len) })
}

/// Borrows `(ptr, len)` as a UTF-8 string.
///
/// # Safety
/// As for [`bytes`].
pub(crate) unsafe fn utf8<'a>(ptr: *const u8, len: usize) -> Result<&'a str, Status> {
    // SAFETY: forwarded caller contract.
    let b = unsafe { bytes(ptr, len)? };
    core::str::from_utf8(b).map_err(|_| Status::InvalidUtf8)
}

/// Writes `value` through an out-pointer, rejecting null or misaligned ones.
///
/// # Safety
/// If `out` is non-null and aligned it must be valid for a write of `T`.
pub(crate) unsafe fn write_out<T>(out: *mut T, value: T) -> Result<(), Status> {
    if out.is_null() || !out.is_aligned() {
        return Err(Status::InvalidArgument);
    }
    // SAFETY: non-null, aligned, and writable by the caller's contract.
    unsafe { out.write(value) };
    Ok(())
}

/// The sizing protocol of entries that return a string (`get_startup_arg`,
/// `get_environment_variable`, `NativeLibraryService::get_last_error`):
/// stores `text.len()` in `*out_len` always, then copies `text` into `buf`
/// only if it fits in `buf_len` bytes (else `BufferTooSmall`: the caller
/// asks with `buf_len = 0` first). A null `buf` is `InvalidArgument` when
/// there is something to copy.
///
/// # Safety
/// `buf` must be null or valid for writes of `buf_len` bytes; `out_len`
/// valid for a write of a `usize` (checked for null and alignment).
pub(crate) unsafe fn copy_sized(
    text: &[u8],
    buf: *mut u8,
    buf_len: usize,
    out_len: *mut usize,
) -> Result<(), Status> {
    // SAFETY: forwarded caller contract.
    unsafe { write_out(out_len, text.len())? };
    if buf_len < text.len() {
        return Err(Status::BufferTooSmall);
    }
    if text.is_empty() {
        return Ok(());
    }
    if buf.is_null() {
        return Err(Status::InvalidArgument);
    }
    // SAFETY: `buf` is non-null and valid for `buf_len >= text.len()`
    // bytes by the caller's contract; `text` is kernel-owned and cannot
    // overlap a buffer the caller owns.
    unsafe { core::ptr::copy_nonoverlapping(text.as_ptr(), buf, text.len()) };
    Ok(())
}

/// The whole body of an entry that returns a string with the sizing
/// protocol of [`copy_sized`]: checks `out_len` before anything else, then
/// copies what `text` produces (its error is the entry's status).
///
/// # Safety
/// As for [`copy_sized`].
pub(crate) unsafe fn sized_text_entry<S: AsRef<[u8]>>(
    buf: *mut u8,
    buf_len: usize,
    out_len: *mut usize,
    text: impl FnOnce() -> Result<S, Status>,
) -> Status {
    guard(|| {
        check_out(out_len)?;
        let text = text()?;
        // SAFETY: forwarded caller contract; `out_len` checked above.
        unsafe { copy_sized(text.as_ref(), buf, buf_len, out_len) }
    })
}

/// Checks an out-pointer before an entry does anything irreversible.
pub(crate) fn check_out<T>(out: *mut T) -> Result<(), Status> {
    if out.is_null() || !out.is_aligned() {
        Err(Status::InvalidArgument)
    } else {
        Ok(())
    }
}
