//! Native libraries and the C heap: the version-independent implementation
//! behind `NativeLibraryService`, `NativeMemoryService` and
//! `NativeErrorService` (ABI v3).
//!
//! A [`Library`] is a shared object the calling process loaded with
//! `dlopen` (lazy binding, local symbols): the kernel object behind a
//! library handle. Dropping the last reference `dlclose`s it; the dynamic
//! loader counts references itself, so two processes that load the same
//! file share one mapping and each release drops one count.
//!
//! The C heap (`malloc`/`free`) is shared with the C code a program calls,
//! so that memory allocated on one side can be freed on the other
//! (`Marshal.AllocHGlobal`, C's `strdup`); it is not accounted to the
//! process like pages are.

use std::cell::RefCell;
use std::ffi::{c_void, CStr, CString};

use crate::Status;

thread_local! {
    /// The text of the calling thread's last failed load or symbol lookup
    /// (from `dlerror`).
    static LAST_ERROR: RefCell<String> = const { RefCell::new(String::new()) };
}

/// A loaded shared library.
pub(crate) struct Library {
    handle: *mut c_void,
}

// SAFETY: a dlopen handle may be used and closed from any thread.
unsafe impl Send for Library {}
// SAFETY: as above; `dlsym` is thread-safe.
unsafe impl Sync for Library {}

impl Drop for Library {
    fn drop(&mut self) {
        // SAFETY: `handle` came from a successful dlopen and is closed once.
        unsafe { libc::dlclose(self.handle) };
    }
}

/// Records the current `dlerror` text (or `fallback`) as the thread's last
/// error.
fn record_dl_error(fallback: &str) {
    // SAFETY: dlerror returns null or a NUL-terminated string valid until the
    // next dl* call on this thread; it is copied at once.
    let text = unsafe {
        let p = libc::dlerror();
        if p.is_null() {
            fallback.to_owned()
        } else {
            CStr::from_ptr(p).to_string_lossy().into_owned()
        }
    };
    let _ = LAST_ERROR.try_with(|e| *e.borrow_mut() = text);
}

impl Library {
    /// Loads `path` (a file name the dynamic loader searches for, or a
    /// path); the empty string names the main program. `NotFound` (with the
    /// loader's message recorded for [`last_error`]) if it cannot be loaded;
    /// `InvalidArgument` for a name holding a NUL.
    pub(crate) fn open(path: &str) -> Result<Library, Status> {
        let c_path = if path.is_empty() {
            None
        } else {
            Some(CString::new(path).map_err(|_| Status::InvalidArgument)?)
        };
        // SAFETY: the path is NUL-terminated (or null for the main
        // program); dlopen runs the library's initializers, which is what
        // loading it means.
        let handle = unsafe {
            libc::dlopen(
                c_path.as_ref().map_or(std::ptr::null(), |p| p.as_ptr()),
                libc::RTLD_LAZY | libc::RTLD_LOCAL,
            )
        };
        if handle.is_null() {
            record_dl_error("the dynamic loader could not load the library");
            return Err(Status::NotFound);
        }
        Ok(Library { handle })
    }

    /// The address of the exported symbol `name`. `NotFound` (message
    /// recorded) if the library does not export it.
    pub(crate) fn symbol(&self, name: &str) -> Result<usize, Status> {
        let c_name = CString::new(name).map_err(|_| Status::InvalidArgument)?;
        // SAFETY: clears a stale error so that a null result can be told
        // from a symbol whose value is null.
        unsafe { libc::dlerror() };
        // SAFETY: `handle` is open; the name is NUL-terminated.
        let address = unsafe { libc::dlsym(self.handle, c_name.as_ptr()) };
        if address.is_null() {
            record_dl_error("undefined symbol");
            return Err(Status::NotFound);
        }
        Ok(address as usize)
    }
}

/// The calling thread's last load or lookup failure message.
pub(crate) fn last_error() -> String {
    LAST_ERROR
        .try_with(|e| e.borrow().clone())
        .unwrap_or_default()
}

/// `malloc(bytes)`, at least one byte so that a successful allocation is
/// never null. `OutOfMemory` if the C heap refuses.
pub(crate) fn allocate(bytes: usize) -> Result<*mut u8, Status> {
    // SAFETY: malloc with a non-zero size.
    let p = unsafe { libc::malloc(bytes.max(1)) } as *mut u8;
    if p.is_null() {
        Err(Status::OutOfMemory)
    } else {
        Ok(p)
    }
}

/// `realloc(ptr, bytes)` (at least one byte); `OutOfMemory` leaves `ptr`
/// allocated.
///
/// # Safety
/// `ptr` must be null or a live block of the C heap.
pub(crate) unsafe fn reallocate(ptr: *mut u8, bytes: usize) -> Result<*mut u8, Status> {
    // SAFETY: caller's contract.
    let p = unsafe { libc::realloc(ptr as *mut c_void, bytes.max(1)) } as *mut u8;
    if p.is_null() {
        Err(Status::OutOfMemory)
    } else {
        Ok(p)
    }
}

/// `free(ptr)`.
///
/// # Safety
/// `ptr` must be null or a live block of the C heap, not used afterwards.
pub(crate) unsafe fn free(ptr: *mut u8) {
    // SAFETY: caller's contract.
    unsafe { libc::free(ptr as *mut c_void) }
}

/// The calling thread's `errno`.
pub(crate) fn errno() -> i32 {
    // SAFETY: __errno_location returns the calling thread's errno slot.
    unsafe { *libc::__errno_location() }
}

/// Sets the calling thread's `errno`.
pub(crate) fn set_errno(value: i32) {
    // SAFETY: as above.
    unsafe { *libc::__errno_location() = value }
}
