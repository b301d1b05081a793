//! `DebugService`: debugger output.
//!
//! v1 has `Print` only; Singularity's `Break`, `PollAndBreak` and `WalkStack`
//! are left for a later version.

use super::{guard, utf8};
use crate::{console, process, Status};

/// `DebugService::Print`: writes a UTF-8 string to the OS standard error,
/// unbuffered and with no prefix or added newline.
///
/// Debug output is the debugger's channel, so it bypasses the process's
/// console sink and reaches fd 2 even when the console is captured. If the
/// calling process's console buffers standard output, that is flushed first so
/// the two interleave in program order. Works on a thread bound to no process.
///
/// Returns `Ok`, `InvalidArgument` (null `ptr` with non-zero `len`),
/// `InvalidUtf8` (nothing is written), `OsError` (the write failed).
///
/// # Safety
/// `ptr` must be valid for reads of `len` bytes (or null with `len == 0`).
pub unsafe extern "C" fn print(ptr: *const u8, len: usize) -> Status {
    guard(|| {
        // SAFETY: forwarded caller contract.
        let text = unsafe { utf8(ptr, len)? };
        if let Some(p) = process::current() {
            let _ = p.console().flush();
        }
        console::write_fd(2, text.as_bytes())
    })
}

/// `DebugService::GetCounters` (ABI v4): the kernel's counters of live
/// resources, kernel-wide and the calling process's share
/// ([`crate::KernelCounters`]), into `*out` (`size` must be
/// `size_of::<KernelCounters>()`). Works with no process (the own-share
/// fields are then 0).
///
/// Returns `Ok`, `InvalidArgument` (null/misaligned `out`, wrong `size`).
///
/// # Safety
/// `out` must be valid for a write of `size` bytes.
pub unsafe extern "C" fn get_counters(out: *mut crate::KernelCounters, size: usize) -> Status {
    guard(|| {
        super::check_out(out)?;
        if size != core::mem::size_of::<crate::KernelCounters>() {
            return Err(Status::InvalidArgument);
        }
        let c = process::counters();
        // SAFETY: checked above; writable by the caller's contract.
        unsafe { super::write_out(out, c) }
    })
}
