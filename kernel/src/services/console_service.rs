//! `ConsoleService`: the calling process's standard output and error.
//!
//! Where the bytes go is decided by the process's console sink, chosen when
//! it was created ([`crate::ConsoleMode`]): the OS descriptors (`Inherit`) or
//! per-process buffers the host reads after the process ends (`Capture`).

use super::{bytes, guard};
use crate::{process, stream, Status};

/// `ConsoleService::Write`: writes bytes to stream `1` (standard output) or
/// `2` (standard error) of the calling process's console. The bytes are
/// passed through unchanged (no UTF-8 check, no newline translation).
///
/// In `Inherit` mode standard output is buffered by the kernel (see
/// `Flush`) and standard error is written at once, after any pending
/// standard output.
///
/// Returns `Ok`, `InvalidArgument` (unknown stream, null `ptr` with non-zero
/// `len`), `NoProcess`, `OutOfMemory` (a capture buffer could not grow),
/// `OsError` (the OS write failed).
///
/// # Safety
/// `ptr` must be valid for reads of `len` bytes (or null with `len == 0`).
pub unsafe extern "C" fn write(stream: u32, ptr: *const u8, len: usize) -> Status {
    guard(|| {
        // SAFETY: forwarded caller contract.
        let data = unsafe { bytes(ptr, len)? };
        let p = process::current_or_status()?;
        match stream {
            stream::STDOUT => p.console().write_stdout(data),
            stream::STDERR => p.console().write_stderr(data),
            _ => Err(Status::InvalidArgument),
        }
    })
}

/// `ConsoleService::Flush`: writes the calling process's buffered standard
/// output to the OS. A no-op for a captured console. The kernel also flushes
/// when the process ends and before any standard-error write.
///
/// Returns `Ok`, `NoProcess`, `OsError`.
pub extern "C" fn flush() -> Status {
    guard(|| process::current_or_status()?.console().flush())
}
