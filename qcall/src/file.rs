//! `System.IO` QCalls: files and directories through the kernel's
//! `FileService` (ABI v5), acting on the calling process's handles only.
//!
//! Every QCall here returns its result or a negated kernel status
//! ([`crate::os::negated`]); the managed wrappers (corelib's
//! `System.IO.FileSystem`) throw what .NET throws for each status, with the
//! path in the message. `mode`, `access` and `origin` are .NET's `FileMode`,
//! `FileAccess` and `SeekOrigin` values, which the kernel takes as they are.

use osprey_kernel::{Handle, Status};

use crate::os::{negated, nul_terminated, os, text, value_or_status};
use crate::{run, StringHandleOnStack, Utf16Ptr};

/// The path argument, or `InvalidArgument` for null.
///
/// # Safety
/// During the QCall that got the pointer.
unsafe fn path_of(path: Utf16Ptr) -> Result<String, Status> {
    // SAFETY: forwarded contract.
    unsafe { text(path) }.ok_or(Status::InvalidArgument)
}

/// A managed buffer of `count` bytes (pinned by the caller).
///
/// # Safety
/// `ptr` must be valid for `count` bytes for the call (or null with 0).
unsafe fn buffer<'a>(ptr: *mut u8, count: i32) -> Result<&'a mut [u8], Status> {
    let len = usize::try_from(count).map_err(|_| Status::InvalidArgument)?;
    if len == 0 {
        return Ok(&mut []);
    }
    if ptr.is_null() {
        return Err(Status::InvalidArgument);
    }
    // SAFETY: the caller's contract.
    Ok(unsafe { std::slice::from_raw_parts_mut(ptr, len) })
}

fn handle(value: i32) -> Handle {
    Handle(value as u32)
}

/// `File_Open(string path, int mode, int access)`: a handle (positive) to the
/// opened file, or a negated status.
pub(crate) extern "C" fn open(path: Utf16Ptr, mode: i32, access: i32) -> i64 {
    run(0, || {
        // SAFETY: called as a QCall: `path` is pinned for the call.
        let path = match unsafe { path_of(path) } {
            Ok(p) => p,
            Err(s) => return Ok(negated(s)),
        };
        let opened = os()?.file_open(&path, mode as u32, access as u32);
        Ok(value_or_status(opened.map(|h| h.0)))
    })
}

/// `File_Read(int handle, byte* buffer, int count)`: bytes read (0 at the
/// end of the file) or a negated status.
pub(crate) extern "C" fn read(file: i32, ptr: *mut u8, count: i32) -> i32 {
    run(0, || {
        // SAFETY: the managed caller pins `count` bytes at `ptr`.
        let buf = match unsafe { buffer(ptr, count) } {
            Ok(b) => b,
            Err(s) => return Ok(negated(s) as i32),
        };
        let n = os()?.file_read(handle(file), buf);
        Ok(value_or_status(n.map(|n| n as u32)) as i32)
    })
}

/// `File_Write(int handle, byte* buffer, int count)`: 0, or a negated status.
pub(crate) extern "C" fn write(file: i32, ptr: *mut u8, count: i32) -> i32 {
    run(0, || {
        // SAFETY: the managed caller pins `count` bytes at `ptr`.
        let buf = match unsafe { buffer(ptr, count) } {
            Ok(b) => b,
            Err(s) => return Ok(negated(s) as i32),
        };
        Ok(value_or_status(os()?.file_write(handle(file), buf).map(|()| 0u32)) as i32)
    })
}

/// `File_Seek(int handle, long offset, int origin)`: the new position, or a
/// negated status.
pub(crate) extern "C" fn seek(file: i32, offset: i64, origin: i32) -> i64 {
    run(0, || {
        let moved = os()?.file_seek(handle(file), offset, origin as u32);
        Ok(match moved {
            Ok(p) => i64::try_from(p).unwrap_or(i64::MAX),
            Err(e) => negated(e.status),
        })
    })
}

/// `File_GetLength(int handle)`: the length, or a negated status.
pub(crate) extern "C" fn get_length(file: i32) -> i64 {
    run(0, || {
        Ok(match os()?.file_length(handle(file)) {
            Ok(n) => i64::try_from(n).unwrap_or(i64::MAX),
            Err(e) => negated(e.status),
        })
    })
}

/// `File_SetLength(int handle, long length)`: 0, or a negated status.
pub(crate) extern "C" fn set_length(file: i32, length: i64) -> i32 {
    run(0, || {
        let Ok(length) = u64::try_from(length) else {
            return Ok(negated(Status::InvalidArgument) as i32);
        };
        let done = os()?.file_set_length(handle(file), length);
        Ok(value_or_status(done.map(|()| 0u32)) as i32)
    })
}

/// `File_Close(int handle)`: 0, or a negated status.
pub(crate) extern "C" fn close(file: i32) -> i32 {
    run(0, || {
        Ok(value_or_status(os()?.file_close(handle(file)).map(|()| 0u32)) as i32)
    })
}

/// A QCall taking one path and returning 0 or a negated status.
fn path_call(
    path: Utf16Ptr,
    call: impl FnOnce(&osprey_kernel::client::Os, &str) -> Result<u32, osprey_kernel::client::OsError>,
) -> i64 {
    run(0, || {
        // SAFETY: called as a QCall: `path` is pinned for the call.
        let path = match unsafe { path_of(path) } {
            Ok(p) => p,
            Err(s) => return Ok(negated(s)),
        };
        Ok(value_or_status(call(&os()?, &path)))
    })
}

/// `File_GetPathKind(string path)`: 0 nothing, 1 a file, 2 a directory, 3
/// something else; or a negated status.
pub(crate) extern "C" fn get_path_kind(path: Utf16Ptr) -> i32 {
    path_call(path, |os, p| os.path_kind(p)) as i32
}

/// `File_DeleteFile(string path)`: 0, or a negated status.
pub(crate) extern "C" fn delete_file(path: Utf16Ptr) -> i32 {
    path_call(path, |os, p| os.delete_file(p).map(|()| 0)) as i32
}

/// `File_CreateDirectory(string path)`: 0, or a negated status.
pub(crate) extern "C" fn create_directory(path: Utf16Ptr) -> i32 {
    path_call(path, |os, p| os.create_directory(p).map(|()| 0)) as i32
}

/// `File_DeleteDirectory(string path)`: 0, or a negated status.
pub(crate) extern "C" fn delete_directory(path: Utf16Ptr) -> i32 {
    path_call(path, |os, p| os.delete_directory(p).map(|()| 0)) as i32
}

/// `File_ListDirectory(string path, StringHandleOnStack names)`: the names
/// in the directory, each followed by a NUL, and 0; or a negated status
/// (and `names` untouched).
pub(crate) extern "C" fn list_directory(path: Utf16Ptr, names: StringHandleOnStack) -> i32 {
    run(0, || {
        // SAFETY: called as a QCall: `path` is pinned for the call.
        let path = match unsafe { path_of(path) } {
            Ok(p) => p,
            Err(s) => return Ok(negated(s) as i32),
        };
        match os()?.list_directory(&path) {
            Ok(list) => {
                names.set(Some(&nul_terminated(list.iter().map(String::as_str))))?;
                Ok(0)
            }
            Err(e) => Ok(negated(e.status) as i32),
        }
    })
}
