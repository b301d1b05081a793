//! `PageTableService`: raw pages for the process's GC heaps and code heap.
//!
//! Every page is accounted to the calling process, every operation is checked
//! against the regions that process owns, and all of them are unmapped when
//! the process ends. Sizes are rounded up to whole pages
//! (`GetPageSize`); pointers must be page-aligned.

use super::{check_out, guard, guard_value, write_out};
use crate::memory::page_size;
use crate::{process, Protection, Status};

fn protection(raw: u32) -> Result<Protection, Status> {
    Protection::from_raw(raw).ok_or(Status::InvalidArgument)
}

/// `PageTableService::GetPageSize`: the page size in bytes.
pub extern "C" fn get_page_size() -> u64 {
    guard_value(4096, || page_size() as u64)
}

/// `PageTableService::Allocate`: maps `bytes` (rounded up to pages) of fresh,
/// zeroed memory with `protection` (a [`Protection`] value) and stores its
/// page-aligned address in `*out_ptr`. All of it counts to `BytesInUse`.
/// Release it with `Free(ptr, bytes)`.
///
/// Returns `Ok`, `InvalidArgument` (zero or overflowing size, unknown
/// protection, null/misaligned `out_ptr`), `NoProcess`, `OutOfMemory`,
/// `OsError` (e.g. executable memory refused by policy).
///
/// # Safety
/// `out_ptr` must be valid for a write of a pointer.
pub unsafe extern "C" fn allocate(bytes: usize, protection: u32, out_ptr: *mut *mut u8) -> Status {
    guard(|| {
        check_out(out_ptr)?;
        let prot = self::protection(protection)?;
        let p = process::current_or_status()?;
        let addr = p.with_memory(|m| m.allocate(bytes, prot))?;
        // SAFETY: checked above; writable by the caller's contract.
        unsafe { write_out(out_ptr, addr as *mut u8) }
    })
}

/// `PageTableService::Reserve`: reserves `bytes` (rounded up to pages) of
/// address space, inaccessible and backed by nothing (`PROT_NONE`,
/// `MAP_NORESERVE`), and stores its address in `*out_ptr`. Reserved pages
/// do not count to `BytesInUse` until committed. Release the whole
/// reservation with `Free(ptr, bytes)`.
///
/// Returns `Ok`, `InvalidArgument`, `NoProcess`, `OutOfMemory`.
///
/// # Safety
/// `out_ptr` must be valid for a write of a pointer.
pub unsafe extern "C" fn reserve(bytes: usize, out_ptr: *mut *mut u8) -> Status {
    guard(|| {
        check_out(out_ptr)?;
        let p = process::current_or_status()?;
        let addr = p.with_memory(|m| m.reserve(bytes))?;
        // SAFETY: checked above; writable by the caller's contract.
        unsafe { write_out(out_ptr, addr as *mut u8) }
    })
}

/// `PageTableService::Commit`: makes the pages of `[ptr, ptr + bytes)`
/// accessible with `protection`. The range must lie inside one reservation
/// of the calling process. Pages not yet committed start counting to
/// `BytesInUse` (and read as zero); committing a committed page only changes
/// its protection.
///
/// Returns `Ok`, `InvalidArgument`, `Unaligned`, `InvalidRange`, `NoProcess`,
/// `OutOfMemory`, `OsError`.
pub extern "C" fn commit(ptr: *mut u8, bytes: usize, protection: u32) -> Status {
    guard(|| {
        let prot = self::protection(protection)?;
        let p = process::current_or_status()?;
        p.with_memory(|m| m.commit(ptr as usize, bytes, prot))
    })
}

/// `PageTableService::Decommit`: discards the contents of the pages of
/// `[ptr, ptr + bytes)` inside one reservation, makes them inaccessible and
/// stops counting them. The address space stays reserved.
///
/// Returns `Ok`, `InvalidArgument`, `Unaligned`, `InvalidRange`, `NoProcess`,
/// `OsError`.
pub extern "C" fn decommit(ptr: *mut u8, bytes: usize) -> Status {
    guard(|| {
        let p = process::current_or_status()?;
        p.with_memory(|m| m.decommit(ptr as usize, bytes))
    })
}

/// `PageTableService::Free`: unmaps one whole allocation or reservation.
/// `ptr` must be the address `Allocate`/`Reserve` returned and `bytes` must
/// round up to the same number of pages; partial frees are refused (use
/// `Decommit` inside a reservation). A range owned by another process, or
/// by no process, is refused.
///
/// Returns `Ok`, `InvalidArgument` (null pointer, zero size), `Unaligned`,
/// `InvalidRange`, `NoProcess`.
pub extern "C" fn free(ptr: *mut u8, bytes: usize) -> Status {
    guard(|| {
        let p = process::current_or_status()?;
        p.with_memory(|m| m.free(ptr as usize, bytes))
    })
}

/// `PageTableService::Protect`: changes the protection of `[ptr, ptr +
/// bytes)`, which must lie inside one allocation (or inside one reservation,
/// on committed pages only) of the calling process.
///
/// Returns `Ok`, `InvalidArgument`, `Unaligned`, `InvalidRange`, `NoProcess`,
/// `OutOfMemory`, `OsError`.
pub extern "C" fn protect(ptr: *mut u8, bytes: usize, protection: u32) -> Status {
    guard(|| {
        let prot = self::protection(protection)?;
        let p = process::current_or_status()?;
        p.with_memory(|m| m.protect(ptr as usize, bytes, prot))
    })
}

/// `PageTableService::BytesInUse`: bytes currently accounted to the calling
/// process (allocations plus committed reservation pages); 0 on a thread
/// bound to no process.
pub extern "C" fn bytes_in_use() -> u64 {
    guard_value(0, || {
        process::current().map_or(0, |p| p.with_memory(|m| m.bytes_in_use()) as u64)
    })
}
