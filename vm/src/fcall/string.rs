//! `System.String` internal calls.

use crate::runtime::{guard, RuntimeError};
use crate::thread::Thread;
use crate::typesystem::ExceptionKind;

/// `static string String.FastAllocateString(int length)`: a zeroed string of
/// `length` characters. A negative length raises OutOfMemoryException, as the
/// CLR does (corelib relies on it when a concatenation overflows).
pub(super) extern "C" fn fast_allocate_string(thread: &mut Thread, length: i32) -> *mut u8 {
    guard(thread, std::ptr::null_mut(), |thread| {
        if length < 0 {
            thread.raise(RuntimeError::managed(ExceptionKind::OutOfMemory, None));
            return std::ptr::null_mut();
        }
        crate::frames::HelperFrame::run(thread, |thread| {
            match thread.runtime().alloc_string(thread, length as usize) {
                Ok(s) => s.as_ptr(),
                Err(e) => {
                    thread.raise(e);
                    std::ptr::null_mut()
                }
            }
        })
    })
}
