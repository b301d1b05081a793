//! `CommunicationHeapService` (ABI v4): blocks of the exchange heap,
//! Singularity's CommunicationHeapService (see `exchange` for the
//! ownership rules).
//!
//! A block is named by a handle in its owner's table; only the owner can
//! use it, and a block has one handle at a time. Sending it over a channel
//! (`EndpointCore::Send`) moves it out of the sender; `Free` gives it back
//! to the heap, and the owner's end frees whatever it still owns.

use super::{check_out, guard, write_out};
use crate::exchange::{self, Owner};
use crate::handles::{release_objects, KernelObject, Kind};
use crate::{process, Handle, Status};

fn owned(handle: Handle) -> Result<(std::sync::Arc<process::Process>, exchange::BlockId), Status> {
    let me = process::current_or_status()?;
    let id = me.with_handles(|t| t.block(handle))?;
    Ok((me, id))
}

fn insert_block(me: &process::Process, id: exchange::BlockId) -> Result<Handle, Status> {
    match me.with_handles(|t| t.insert_or_return(KernelObject::Block(id))) {
        Ok(h) => Ok(h),
        Err((status, object)) => {
            release_objects([object]);
            Err(status)
        }
    }
}

/// `CommunicationHeapService::Allocate`: a zeroed block of `size` bytes
/// (0 to 1 GiB: an empty message is a block too), owned by the calling
/// process; stores its handle.
///
/// Returns `Ok`, `InvalidArgument` (size over 1 GiB, null/misaligned
/// `out_handle`), `NoProcess`, `OutOfMemory`.
///
/// # Safety
/// `out_handle` must be valid for a write of a [`Handle`].
pub unsafe extern "C" fn allocate(size: usize, out_handle: *mut Handle) -> Status {
    guard(|| {
        check_out(out_handle)?;
        let me = process::current_or_status()?;
        let id = exchange::allocate(me.id(), size)?;
        let handle = insert_block(&me, id)?;
        // SAFETY: checked above; writable by the caller's contract.
        unsafe { write_out(out_handle, handle) }
    })
}

/// `CommunicationHeapService::Free`: frees the block and drops its handle.
/// A second free of the same handle is `InvalidHandle`.
///
/// Returns `Ok`, `NoProcess`, `InvalidHandle`.
pub extern "C" fn free(block: Handle) -> Status {
    guard(|| {
        let object =
            process::current_or_status()?.with_handles(|t| t.remove(block, Kind::Block))?;
        release_objects([object]);
        Ok(())
    })
}

/// `CommunicationHeapService::Split`: the block keeps its first `offset`
/// bytes; a new block, owned by the caller, gets the rest (no copy: both
/// are windows of the same data). Stores the new block's handle.
///
/// Returns `Ok`, `InvalidArgument` (`offset` 0 or not below the size,
/// null/misaligned `out_second`), `NoProcess`, `InvalidHandle`,
/// `OutOfMemory`.
///
/// # Safety
/// `out_second` must be valid for a write of a [`Handle`].
pub unsafe extern "C" fn split(block: Handle, offset: usize, out_second: *mut Handle) -> Status {
    guard(|| {
        check_out(out_second)?;
        let (me, id) = owned(block)?;
        let second = exchange::split(id, Owner::Process(me.id()), offset)?;
        let handle = insert_block(&me, second)?;
        // SAFETY: checked above; writable by the caller's contract.
        unsafe { write_out(out_second, handle) }
    })
}

/// `CommunicationHeapService::Share`: makes the block read-only and
/// creates a second read-only block over the same bytes (to send to
/// another process); stores its handle. The data lives until the last of
/// them is freed.
///
/// Returns `Ok`, `InvalidArgument`, `NoProcess`, `InvalidHandle`,
/// `OutOfMemory`.
///
/// # Safety
/// `out_share` must be valid for a write of a [`Handle`].
pub unsafe extern "C" fn share(block: Handle, out_share: *mut Handle) -> Status {
    guard(|| {
        check_out(out_share)?;
        let (me, id) = owned(block)?;
        let shared = exchange::share(id, Owner::Process(me.id()))?;
        let handle = insert_block(&me, shared)?;
        // SAFETY: checked above; writable by the caller's contract.
        unsafe { write_out(out_share, handle) }
    })
}

/// `CommunicationHeapService::GetSize`: the block's size in bytes.
///
/// Returns `Ok`, `InvalidArgument`, `NoProcess`, `InvalidHandle`.
///
/// # Safety
/// `out_size` must be valid for a write of a `usize`.
pub unsafe extern "C" fn get_size(block: Handle, out_size: *mut usize) -> Status {
    guard(|| {
        check_out(out_size)?;
        let (me, id) = owned(block)?;
        let d = exchange::data(id, Owner::Process(me.id()))?;
        // SAFETY: checked above; writable by the caller's contract.
        unsafe { write_out(out_size, d.len) }
    })
}

/// `CommunicationHeapService::GetData`: the address of the block's first
/// byte, and 1 in `*out_writable` if the caller may write it (0 for a
/// shared, read-only block). For trusted runtime code making zero-copy
/// views: the address is valid while the caller owns the block, and must
/// not be used after the block is sent or freed.
///
/// Returns `Ok`, `InvalidArgument`, `NoProcess`, `InvalidHandle`.
///
/// # Safety
/// The out-pointers must be valid for writes.
pub unsafe extern "C" fn get_data(
    block: Handle,
    out_ptr: *mut *mut u8,
    out_writable: *mut u32,
) -> Status {
    guard(|| {
        check_out(out_ptr)?;
        check_out(out_writable)?;
        let (me, id) = owned(block)?;
        let d = exchange::data(id, Owner::Process(me.id()))?;
        // SAFETY: checked above; writable by the caller's contract.
        unsafe {
            write_out(out_ptr, d.ptr)?;
            write_out(out_writable, u32::from(d.writable))
        }
    })
}

/// `CommunicationHeapService::Write`: copies `len` bytes from `src` into
/// the block at `offset`, checked.
///
/// Returns `Ok`, `InvalidArgument` (the range passes the block's end, or a
/// null `src` with a non-zero `len`), `InvalidState` (the block is
/// read-only), `NoProcess`, `InvalidHandle`.
///
/// # Safety
/// `src` must be valid for reads of `len` bytes.
pub unsafe extern "C" fn write(block: Handle, offset: usize, src: *const u8, len: usize) -> Status {
    guard(|| {
        if src.is_null() && len != 0 {
            return Err(Status::InvalidArgument);
        }
        let (me, id) = owned(block)?;
        exchange::copy(
            id,
            Owner::Process(me.id()),
            offset,
            src as *mut u8,
            len,
            true,
        )
    })
}

/// `CommunicationHeapService::Read`: copies `len` bytes of the block at
/// `offset` into `dst`, checked.
///
/// Returns `Ok`, `InvalidArgument` (the range passes the block's end, or a
/// null `dst` with a non-zero `len`), `NoProcess`, `InvalidHandle`.
///
/// # Safety
/// `dst` must be valid for writes of `len` bytes.
pub unsafe extern "C" fn read(block: Handle, offset: usize, dst: *mut u8, len: usize) -> Status {
    guard(|| {
        if dst.is_null() && len != 0 {
            return Err(Status::InvalidArgument);
        }
        let (me, id) = owned(block)?;
        exchange::copy(id, Owner::Process(me.id()), offset, dst, len, false)
    })
}
