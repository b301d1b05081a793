//! `NativeErrorService` (ABI v3): the calling thread's C error number.
//!
//! C functions report failures in the thread-local `errno`. A runtime that
//! promises `Marshal.GetLastWin32Error()` after a P/Invoke with
//! `SetLastError = true` clears it before the call and reads it right
//! after; JIT-compiled code calls these entries directly, so they take no
//! lock, touch nothing else and work with no process.

use super::guard_value;
use crate::library;

/// `NativeErrorService::GetLastError`: the calling thread's `errno`.
pub extern "C" fn get_last_error() -> i32 {
    guard_value(0, library::errno)
}

/// `NativeErrorService::SetLastError`: sets the calling thread's `errno`.
pub extern "C" fn set_last_error(value: i32) {
    guard_value((), || library::set_errno(value))
}
