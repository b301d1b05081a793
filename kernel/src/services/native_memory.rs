//! `NativeMemoryService` (ABI v3): the C heap.
//!
//! Blocks come from the C library's `malloc`, the heap the C code a program
//! calls uses too, so a block allocated here may be freed by C's `free` and
//! the other way round (what `Marshal.AllocHGlobal`, `AllocCoTaskMem` and
//! the P/Invoke marshaler's temporaries rely on). Unlike pages, these
//! blocks are not accounted to the process, and the kernel does not free
//! them when the process ends.

use super::{check_out, guard, write_out};
use crate::{library, Status};

/// `NativeMemoryService::Allocate`: allocates `bytes` bytes (at least one)
/// of uninitialized C heap, 16-byte aligned, and stores the address in
/// `*out_ptr`. Works with no process.
///
/// Returns `Ok`, `InvalidArgument` (null/misaligned `out_ptr`),
/// `OutOfMemory`.
///
/// # Safety
/// `out_ptr` must be valid for a write of a pointer.
pub unsafe extern "C" fn allocate(bytes: usize, out_ptr: *mut *mut u8) -> Status {
    guard(|| {
        check_out(out_ptr)?;
        let p = library::allocate(bytes)?;
        // SAFETY: checked above; writable by the caller's contract.
        unsafe { write_out(out_ptr, p) }
    })
}

/// `NativeMemoryService::Reallocate`: resizes the block `ptr` (null:
/// allocates) to `bytes` bytes (at least one), keeping its contents up to
/// the smaller size, and stores the new address in `*out_ptr`. On
/// `OutOfMemory` the old block is untouched. Works with no process.
///
/// Returns `Ok`, `InvalidArgument` (null/misaligned `out_ptr`),
/// `OutOfMemory`.
///
/// # Safety
/// `ptr` must be null or a live block of the C heap (not used afterwards
/// when this succeeds); `out_ptr` valid for a write of a pointer.
pub unsafe extern "C" fn reallocate(ptr: *mut u8, bytes: usize, out_ptr: *mut *mut u8) -> Status {
    guard(|| {
        check_out(out_ptr)?;
        // SAFETY: caller's contract.
        let p = unsafe { library::reallocate(ptr, bytes)? };
        // SAFETY: checked above; writable by the caller's contract.
        unsafe { write_out(out_ptr, p) }
    })
}

/// `NativeMemoryService::Free`: frees a block (null: nothing). Works with
/// no process.
///
/// # Safety
/// `ptr` must be null or a live block of the C heap, not used afterwards.
pub unsafe extern "C" fn free(ptr: *mut u8) {
    // SAFETY: caller's contract; `free` cannot panic.
    unsafe { library::free(ptr) }
}
