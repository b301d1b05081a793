//! The kernel ABI as QCalls reach it, and how kernel statuses reach
//! managed code.

use osprey_kernel::client::{Os, OsError};
use osprey_kernel::Status;

use crate::{ExceptionKind, QCallError};

/// An unexpected kernel failure, raised as an InvalidOperationException.
pub(crate) fn kernel_error(e: impl std::fmt::Display) -> QCallError {
    QCallError::new(ExceptionKind::InvalidOperation, e.to_string())
}

/// The resolved kernel ABI.
pub(crate) fn os() -> Result<Os, QCallError> {
    Os::resolve().map_err(kernel_error)
}

/// A kernel status as the QCalls that report statuses return it: the
/// negated code (the managed caller turns it into the exception .NET
/// throws, with the path in its message). The codes are the kernel's
/// (`Status`, docs/kernel.md); corelib's `Osprey.KernelStatus` names them.
pub(crate) fn negated(status: Status) -> i64 {
    -(status as i64)
}

/// `Ok(value)` as itself, a kernel status as [`negated`].
pub(crate) fn value_or_status<T: Into<i64>>(result: Result<T, OsError>) -> i64 {
    match result {
        Ok(v) => v.into(),
        Err(e) => negated(e.status),
    }
}

/// Reads a managed `string` argument as UTF-8 (lossily: an unpaired
/// surrogate becomes U+FFFD); `None` for null.
///
/// # Safety
/// As for [`crate::Utf16Ptr::to_string_lossy`]: during the QCall that got
/// the pointer.
pub(crate) unsafe fn text(s: crate::Utf16Ptr) -> Option<String> {
    // SAFETY: forwarded contract.
    unsafe { s.to_string_lossy() }
}

/// Joins `items` into one string, each followed by a NUL: how QCalls return
/// a list of strings through one StringHandleOnStack ("" is the empty list,
/// "\0" a list of one empty string). The parts must not contain NUL
/// themselves (file names, environment entries and command-line arguments
/// cannot).
pub(crate) fn nul_terminated<'a>(items: impl IntoIterator<Item = &'a str>) -> String {
    let mut out = String::new();
    for item in items {
        out.push_str(item);
        out.push('\0');
    }
    out
}
