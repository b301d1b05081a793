//! `FileService` (ABI v5): files and directories, for the calling process.
//!
//! Open files and directory listings are objects in the calling process's
//! handle table (docs/design.md §5): `Open` and `OpenDirectory` put a handle
//! there, `Read`, `Write`, `Seek`, `GetLength`, `SetLength` and
//! `ReadDirectory` resolve it there (a value from another process is
//! `InvalidHandle`), and `Close` removes it. A process's open files are
//! closed when it ends.
//!
//! A process created without file-system access
//! ([`crate::FileSystemAccess::Denied`]) gets `NotPermitted` from every
//! entry that names a path, and so never holds a file handle.
//!
//! Paths are UTF-8 (`path_ptr`, `path_len`), absolute or relative to the OS
//! process's working directory. The numeric arguments are .NET's: `mode` is
//! `FileMode` (1 CreateNew, 2 Create, 3 Open, 4 OpenOrCreate, 5 Truncate,
//! 6 Append), `access` is `FileAccess` (1 Read, 2 Write, 3 ReadWrite),
//! `origin` is `SeekOrigin` (0 Begin, 1 Current, 2 End).
//!
//! Statuses common to the path entries: `InvalidArgument` (null pointer
//! with a non-zero length, an empty path or one containing NUL, a bad
//! out-pointer), `InvalidUtf8`, `NoProcess`, `NotPermitted`,
//! `AccessDenied`, `FileNotFound`, `PathNotFound`, `IoError`.

use std::sync::Arc;

use super::{bytes, check_out, copy_sized, guard, utf8, write_out};
use crate::file::{self, Access, DirectoryListing, FileObject, OpenMode};
use crate::handles::{release_objects, KernelObject, Kind};
use crate::process::{self, Process};
use crate::{FileSystemAccess, Handle, Status};

/// The calling process, if it may use the file system.
fn permitted() -> Result<Arc<Process>, Status> {
    let p = process::current_or_status()?;
    match p.file_access() {
        FileSystemAccess::Allowed => Ok(p),
        FileSystemAccess::Denied => Err(Status::NotPermitted),
    }
}

/// The path argument as text.
///
/// # Safety
/// `ptr` must be valid for reads of `len` bytes (or null with `len == 0`).
unsafe fn path<'a>(ptr: *const u8, len: usize) -> Result<&'a str, Status> {
    // SAFETY: forwarded caller contract.
    let p = unsafe { utf8(ptr, len)? };
    if p.is_empty() || p.contains('\0') {
        return Err(Status::InvalidArgument);
    }
    Ok(p)
}

fn open_file(handle: Handle) -> Result<Arc<FileObject>, Status> {
    process::current_or_status()?.with_handles(|t| t.file(handle))
}

/// Puts `object` in the process's table and stores its handle in `*out`.
///
/// # Safety
/// `out` (already checked) must be valid for a write of a [`Handle`].
unsafe fn insert(p: &Process, object: KernelObject, out: *mut Handle) -> Result<(), Status> {
    let handle = p.with_handles(|t| t.insert(object))?;
    // SAFETY: checked by the caller; writable by its contract.
    unsafe { write_out(out, handle) }
}

/// `FileService::Open`: opens (or creates, per `mode`) the file at the path
/// with `access`, and stores a handle to it in `*out_handle`. The position
/// starts at 0 (at the end for `Append`).
///
/// Returns `Ok`, the common statuses, `InvalidArgument` also for an
/// unknown `mode` or `access` and for the combinations .NET rejects (a
/// creating or truncating mode without write access, `Append` with read
/// access), `AlreadyExists` (`CreateNew` of an existing file),
/// `AccessDenied` also for a directory, `OutOfMemory` (handle values
/// exhausted).
///
/// # Safety
/// `path_ptr` valid for `path_len` bytes; `out_handle` valid for a write.
pub unsafe extern "C" fn open(
    path_ptr: *const u8,
    path_len: usize,
    mode: u32,
    access: u32,
    out_handle: *mut Handle,
) -> Status {
    guard(|| {
        check_out(out_handle)?;
        let mode = OpenMode::from_raw(mode).ok_or(Status::InvalidArgument)?;
        let access = Access::from_raw(access).ok_or(Status::InvalidArgument)?;
        // SAFETY: forwarded caller contract.
        let path = unsafe { path(path_ptr, path_len)? };
        let p = permitted()?;
        let f = FileObject::open(path, mode, access)?;
        // SAFETY: checked above; forwarded contract.
        unsafe { insert(&p, KernelObject::File(Arc::new(f)), out_handle) }
    })
}

/// `FileService::Read`: reads at most `buf_len` bytes from the file's
/// position into `buf`, advancing it, and stores the count in `*out_read`
/// (0 at the end of the file).
///
/// Returns `Ok`, `InvalidArgument`, `NoProcess`, `InvalidHandle`,
/// `AccessDenied` (opened without read access), `IoError`.
///
/// # Safety
/// `buf` valid for writes of `buf_len` bytes (or null with 0); `out_read`
/// valid for a write.
pub unsafe extern "C" fn read(
    handle: Handle,
    buf: *mut u8,
    buf_len: usize,
    out_read: *mut usize,
) -> Status {
    guard(|| {
        check_out(out_read)?;
        if (buf.is_null() && buf_len != 0) || buf_len > isize::MAX as usize {
            return Err(Status::InvalidArgument);
        }
        let f = open_file(handle)?;
        let n = if buf_len == 0 {
            0
        } else {
            // SAFETY: non-null and valid for `buf_len` writes by contract.
            f.read(unsafe { core::slice::from_raw_parts_mut(buf, buf_len) })?
        };
        // SAFETY: checked above; writable by the caller's contract.
        unsafe { write_out(out_read, n) }
    })
}

/// `FileService::Write`: writes all `len` bytes at the file's position (at
/// the end for `Append`), advancing it.
///
/// Returns `Ok`, `InvalidArgument`, `NoProcess`, `InvalidHandle`,
/// `AccessDenied` (opened without write access), `IoError` (a full disk).
///
/// # Safety
/// `ptr` valid for reads of `len` bytes (or null with 0).
pub unsafe extern "C" fn write(handle: Handle, ptr: *const u8, len: usize) -> Status {
    guard(|| {
        // SAFETY: forwarded caller contract.
        let data = unsafe { bytes(ptr, len)? };
        let f = open_file(handle)?;
        f.write(data)
    })
}

/// `FileService::Seek`: moves the file's position by `offset` from `origin`
/// and stores the new position in `*out_position`.
///
/// Returns `Ok`, `InvalidArgument` (an unknown origin, a position before
/// the start, a bad out-pointer), `NoProcess`, `InvalidHandle`, `IoError`.
///
/// # Safety
/// `out_position` valid for a write of a `u64`.
pub unsafe extern "C" fn seek(
    handle: Handle,
    offset: i64,
    origin: u32,
    out_position: *mut u64,
) -> Status {
    guard(|| {
        check_out(out_position)?;
        let position = open_file(handle)?.seek(offset, origin)?;
        // SAFETY: checked above; writable by the caller's contract.
        unsafe { write_out(out_position, position) }
    })
}

/// `FileService::GetLength`: the file's length in bytes.
///
/// Returns `Ok`, `InvalidArgument`, `NoProcess`, `InvalidHandle`, `IoError`.
///
/// # Safety
/// `out_length` valid for a write of a `u64`.
pub unsafe extern "C" fn get_length(handle: Handle, out_length: *mut u64) -> Status {
    guard(|| {
        check_out(out_length)?;
        let length = open_file(handle)?.length()?;
        // SAFETY: checked above; writable by the caller's contract.
        unsafe { write_out(out_length, length) }
    })
}

/// `FileService::SetLength`: truncates the file, or extends it with zero
/// bytes, to `length`; the position does not move.
///
/// Returns `Ok`, `NoProcess`, `InvalidHandle`, `AccessDenied` (no write
/// access), `InvalidArgument`, `IoError`.
pub extern "C" fn set_length(handle: Handle, length: u64) -> Status {
    guard(|| open_file(handle)?.set_length(length))
}

/// `FileService::Close`: removes a file or directory-listing handle from
/// the calling process's table; the file is closed once no call is using
/// it any more.
///
/// Returns `Ok`, `NoProcess`, `InvalidHandle` (also for a handle of
/// another kind: nothing is removed).
pub extern "C" fn close(handle: Handle) -> Status {
    guard(|| {
        let removed = process::current_or_status()?.with_handles(|t| match t.kind_of(handle) {
            Some(kind @ (Kind::File | Kind::Directory)) => t.remove(handle, kind),
            _ => Err(Status::InvalidHandle),
        })?;
        release_objects([removed]);
        Ok(())
    })
}

/// `FileService::GetPathKind`: what the path names, stored in `*out_kind`:
/// 0 nothing (or it cannot be examined), 1 a file, 2 a directory, 3
/// something else (a device, a socket, a FIFO).
///
/// Returns `Ok`, `InvalidArgument`, `InvalidUtf8`, `NoProcess`,
/// `NotPermitted`.
///
/// # Safety
/// `path_ptr` valid for `path_len` bytes; `out_kind` valid for a write.
pub unsafe extern "C" fn get_path_kind(
    path_ptr: *const u8,
    path_len: usize,
    out_kind: *mut u32,
) -> Status {
    guard(|| {
        check_out(out_kind)?;
        // SAFETY: forwarded caller contract.
        let path = unsafe { path(path_ptr, path_len)? };
        permitted()?;
        let kind = file::path_kind(path) as u32;
        // SAFETY: checked above; writable by the caller's contract.
        unsafe { write_out(out_kind, kind) }
    })
}

/// `FileService::DeleteFile`: deletes the file at the path.
///
/// Returns `Ok`, the common statuses (`FileNotFound` when there is no such
/// file: .NET's `File.Delete` ignores it, the caller decides;
/// `AccessDenied` also for a directory).
///
/// # Safety
/// `path_ptr` valid for `path_len` bytes.
pub unsafe extern "C" fn delete_file(path_ptr: *const u8, path_len: usize) -> Status {
    guard(|| {
        // SAFETY: forwarded caller contract.
        let path = unsafe { path(path_ptr, path_len)? };
        permitted()?;
        file::delete_file(path)
    })
}

/// `FileService::CreateDirectory`: creates one directory (its parent must
/// exist).
///
/// Returns `Ok`, the common statuses, `AlreadyExists` (anything exists at
/// the path).
///
/// # Safety
/// `path_ptr` valid for `path_len` bytes.
pub unsafe extern "C" fn create_directory(path_ptr: *const u8, path_len: usize) -> Status {
    guard(|| {
        // SAFETY: forwarded caller contract.
        let path = unsafe { path(path_ptr, path_len)? };
        permitted()?;
        file::create_directory(path)
    })
}

/// `FileService::DeleteDirectory`: deletes an empty directory.
///
/// Returns `Ok`, the common statuses (`PathNotFound` when it does not
/// exist), `DirectoryNotEmpty`.
///
/// # Safety
/// `path_ptr` valid for `path_len` bytes.
pub unsafe extern "C" fn delete_directory(path_ptr: *const u8, path_len: usize) -> Status {
    guard(|| {
        // SAFETY: forwarded caller contract.
        let path = unsafe { path(path_ptr, path_len)? };
        permitted()?;
        file::delete_directory(path)
    })
}

/// `FileService::OpenDirectory`: takes a snapshot of the names in the
/// directory at the path (without `.` and `..`) and stores a handle to it
/// in `*out_handle`; read them with `ReadDirectory`, release it with
/// `Close`.
///
/// Returns `Ok`, the common statuses (`PathNotFound` when the directory
/// does not exist, also for a file), `OutOfMemory`.
///
/// # Safety
/// `path_ptr` valid for `path_len` bytes; `out_handle` valid for a write.
pub unsafe extern "C" fn open_directory(
    path_ptr: *const u8,
    path_len: usize,
    out_handle: *mut Handle,
) -> Status {
    guard(|| {
        check_out(out_handle)?;
        // SAFETY: forwarded caller contract.
        let path = unsafe { path(path_ptr, path_len)? };
        let p = permitted()?;
        let listing = DirectoryListing::open(path)?;
        // SAFETY: checked above; forwarded contract.
        unsafe { insert(&p, KernelObject::Directory(Arc::new(listing)), out_handle) }
    })
}

/// `FileService::ReadDirectory`: copies the next name of a directory
/// listing (UTF-8) into `buf` and consumes it, with the sizing protocol of
/// `ProcessService::GetStartupArg` (on `BufferTooSmall` the name is not
/// consumed: call again with a larger buffer).
///
/// Returns `Ok`, `InvalidArgument`, `NoProcess`, `InvalidHandle`,
/// `BufferTooSmall`, `NotFound` (every name has been read).
///
/// # Safety
/// `buf` valid for writes of `buf_len` bytes (or null); `out_len` valid for
/// a write.
pub unsafe extern "C" fn read_directory(
    handle: Handle,
    buf: *mut u8,
    buf_len: usize,
    out_len: *mut usize,
) -> Status {
    guard(|| {
        check_out(out_len)?;
        let listing = process::current_or_status()?.with_handles(|t| t.directory(handle))?;
        listing
            .with_next(|name| {
                // SAFETY: forwarded caller contract; `out_len` checked above.
                let copied = unsafe { copy_sized(name.as_bytes(), buf, buf_len, out_len) };
                (copied.is_ok(), copied)
            })
            .unwrap_or(Err(Status::NotFound))
    })
}
