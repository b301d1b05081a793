//! `NativeLibraryService` (ABI v3): shared libraries for P/Invoke.
//!
//! The VM never calls the dynamic loader itself: it asks the kernel to load
//! a library by the file name or path it chose (the probing rules, such as
//! `libm.so` for `"m"`, belong to the runtime) and to look up exported
//! symbols. A loaded library is a handle in the calling process's table;
//! disposing it (or the process ending) closes it. Binding is lazy
//! (`RTLD_LAZY`): a library's own undefined functions are resolved when
//! first called, as .NET does on Linux.

use super::{check_out, guard, sized_text_entry, utf8, write_out};
use crate::handles::{release_objects, KernelObject, Kind};
use crate::library::{self, Library};
use crate::{process, Handle, Status};

/// `NativeLibraryService::Load`: loads the shared library `name` (UTF-8,
/// not NUL-terminated: a file name the dynamic loader searches for in its
/// usual places, or a path; the empty string names the main program) and
/// stores a handle to it in `*out_handle`.
///
/// Returns `Ok`, `InvalidArgument` (null/misaligned `out_handle`, a name
/// holding a NUL), `InvalidUtf8`, `NoProcess`, `NotFound` (the dynamic
/// loader refused: no such file, not a library, a missing dependency; the
/// reason is kept for [`get_last_error`]), `OutOfMemory` (handle values
/// exhausted).
///
/// # Safety
/// `name_ptr` must be valid for reads of `name_len` bytes; `out_handle`
/// valid for a write of a [`Handle`]. Loading runs the library's
/// initializers, which may do anything.
pub unsafe extern "C" fn load(
    name_ptr: *const u8,
    name_len: usize,
    out_handle: *mut Handle,
) -> Status {
    guard(|| {
        check_out(out_handle)?;
        // SAFETY: forwarded caller contract.
        let name = unsafe { utf8(name_ptr, name_len)? };
        let owner = process::current_or_status()?;
        let lib = Library::open(name)?;
        let handle =
            owner.with_handles(|t| t.insert(KernelObject::Library(std::sync::Arc::new(lib))))?;
        // SAFETY: checked above; writable by the caller's contract.
        unsafe { write_out(out_handle, handle) }
    })
}

/// `NativeLibraryService::GetSymbol`: stores the address of the symbol
/// `name` (UTF-8, not NUL-terminated) exported by the library `handle` in
/// `*out_address`.
///
/// Returns `Ok`, `InvalidArgument` (null/misaligned `out_address`, a name
/// holding a NUL), `InvalidUtf8`, `NoProcess`, `InvalidHandle` (not a
/// library handle of the calling process), `NotFound` (the library exports
/// no such symbol; the reason is kept for [`get_last_error`]).
///
/// # Safety
/// `name_ptr` must be valid for reads of `name_len` bytes; `out_address`
/// valid for a write of a `usize`.
pub unsafe extern "C" fn get_symbol(
    handle: Handle,
    name_ptr: *const u8,
    name_len: usize,
    out_address: *mut usize,
) -> Status {
    guard(|| {
        check_out(out_address)?;
        // SAFETY: forwarded caller contract.
        let name = unsafe { utf8(name_ptr, name_len)? };
        let lib = process::current_or_status()?.with_handles(|t| t.library(handle))?;
        let address = lib.symbol(name)?;
        // SAFETY: checked above; writable by the caller's contract.
        unsafe { write_out(out_address, address) }
    })
}

/// `NativeLibraryService::Free`: drops the library handle; the library is
/// closed once no lookup is using it. Code from it must not run afterwards.
///
/// Returns `Ok`, `NoProcess`, `InvalidHandle`.
pub extern "C" fn free(handle: Handle) -> Status {
    guard(|| {
        let object =
            process::current_or_status()?.with_handles(|t| t.remove(handle, Kind::Library))?;
        release_objects([object]);
        Ok(())
    })
}

/// `NativeLibraryService::GetLastError`: the calling thread's last `Load` or
/// `GetSymbol` failure, as the dynamic loader described it (UTF-8, possibly
/// empty). Stores the length in `*out_len` always and copies the text only
/// if it fits in `buf_len` bytes (else `BufferTooSmall`: call with
/// `buf_len = 0` first). Works with no process.
///
/// Returns `Ok`, `BufferTooSmall`, `InvalidArgument` (null/misaligned
/// `out_len`, or a null `buf` when there is text to copy).
///
/// # Safety
/// `buf` must be valid for writes of `buf_len` bytes; `out_len` valid for a
/// write of a `usize`.
pub unsafe extern "C" fn get_last_error(
    buf: *mut u8,
    buf_len: usize,
    out_len: *mut usize,
) -> Status {
    // SAFETY: forwarded caller contract.
    unsafe { sized_text_entry(buf, buf_len, out_len, || Ok(library::last_error())) }
}
