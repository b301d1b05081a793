//! `ConsoleService`: the calling process's standard output and error.
//!
//! Where the bytes go is decided by the process's console sink, chosen when
//! it was created ([`crate::ConsoleMode`]): the OS descriptors (`Inherit`) or
//! per-process buffers the host reads after the process ends (`Capture`).
//! Since ABI v5 a process also reads its standard input (`Read`): fd 0 for
//! `Inherit`, the bytes the host gave for `Capture`.

use super::{bytes, check_out, guard, write_out};
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

/// `ConsoleService::Read` (v5): reads at most `buf_len` bytes of the calling
/// process's standard input into `buf`, blocking until at least one byte is
/// available or the input ends, and stores the count in `*out_read`: 0
/// means the end of the input (also when there is no standard input at
/// all). Any buffered standard output is written first. Works the same on
/// pipes, redirected files and terminals (for a terminal, the end of input
/// is the user's end-of-file key).
///
/// Returns `Ok`, `InvalidArgument` (null or misaligned `out_read`, null
/// `buf` with a non-zero `buf_len`), `NoProcess`, `IoError` (the OS read
/// failed), `OsError` (writing the pending output failed).
///
/// # Safety
/// `buf` must be valid for writes of `buf_len` bytes (or null with
/// `buf_len == 0`); `out_read` valid for a write of a `usize`.
pub unsafe extern "C" fn read(buf: *mut u8, buf_len: usize, out_read: *mut usize) -> Status {
    guard(|| {
        check_out(out_read)?;
        if buf.is_null() && buf_len != 0 {
            return Err(Status::InvalidArgument);
        }
        let p = process::current_or_status()?;
        let slice: &mut [u8] = if buf_len == 0 {
            &mut []
        } else {
            if buf_len > isize::MAX as usize {
                return Err(Status::InvalidArgument);
            }
            // SAFETY: non-null and valid for `buf_len` writes by the
            // caller's contract.
            unsafe { core::slice::from_raw_parts_mut(buf, buf_len) }
        };
        let n = p.console().read(slice)?;
        // SAFETY: checked above; writable by the caller's contract.
        unsafe { write_out(out_read, n) }
    })
}
