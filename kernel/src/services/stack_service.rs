//! `StackService` (ABI v2): what a runtime needs to know about the stack of
//! the thread it runs on.
//!
//! Singularity's StackService manages linked stack segments; Osprey's
//! threads have one fixed OS stack each, so v2 only reports its bounds. The
//! runtime uses them to check for stack overflow in method prologues
//! instead of taking a fault on the guard page.

use super::{check_out, guard, write_out};
use crate::Status;

/// `StackService::GetStackBounds`: writes the lowest and one-past-highest
/// address of the calling thread's stack to `*low` and `*high`.
///
/// Returns `Ok`, `InvalidArgument` (a null or misaligned out-pointer;
/// nothing is written), `OsError` (the OS could not describe the stack).
///
/// # Safety
/// `low` and `high` must each be null or valid for a write of `usize`.
pub unsafe extern "C" fn get_stack_bounds(low: *mut usize, high: *mut usize) -> Status {
    guard(|| {
        check_out(low)?;
        check_out(high)?;
        let (lo, hi) = current_stack_bounds()?;
        // SAFETY: both checked above; the caller's contract covers the write.
        unsafe {
            write_out(low, lo)?;
            write_out(high, hi)?;
        }
        Ok(())
    })
}

/// The calling thread's stack, from the C library's description of it.
fn current_stack_bounds() -> Result<(usize, usize), Status> {
    // SAFETY: `attr` is initialized by pthread_getattr_np before it is read
    // and destroyed exactly once; the out-pointers are valid locals.
    unsafe {
        let mut attr: libc::pthread_attr_t = std::mem::zeroed();
        if libc::pthread_getattr_np(libc::pthread_self(), &mut attr) != 0 {
            return Err(Status::OsError);
        }
        let mut addr: *mut libc::c_void = std::ptr::null_mut();
        let mut size: libc::size_t = 0;
        let rc = libc::pthread_attr_getstack(&attr, &mut addr, &mut size);
        libc::pthread_attr_destroy(&mut attr);
        if rc != 0 || addr.is_null() || size == 0 {
            return Err(Status::OsError);
        }
        Ok((addr as usize, addr as usize + size))
    }
}
