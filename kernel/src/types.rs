//! The C-compatible value types that cross the ABI besides [`crate::Status`].

use core::fmt;

/// A kernel process id. Ids are unique for the life of the OS process and
/// never reused; `0` ([`ProcessId::NONE`]) names no process.
#[repr(transparent)]
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct ProcessId(pub u32);

impl ProcessId {
    /// "No process": what `GetCurrentProcessId` returns on a thread that is
    /// not bound to a kernel process.
    pub const NONE: ProcessId = ProcessId(0);
}

impl fmt::Display for ProcessId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

/// A handle: an index into the *calling process's* handle table.
///
/// A handle is a per-process capability. The same value in another process
/// names nothing (or something else entirely); the kernel resolves it only in
/// the calling thread's process. Values are never reused within a process, and
/// `0` ([`Handle::NULL`]) is never a valid handle.
#[repr(transparent)]
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Handle(pub u32);

impl Handle {
    /// The null handle; never valid.
    pub const NULL: Handle = Handle(0);
}

/// A borrowed UTF-8 string passed across the ABI as pointer + length (not
/// NUL-terminated). `ptr` may be null only when `len` is zero.
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct StrRef {
    /// First byte of the string.
    pub ptr: *const u8,
    /// Length in bytes.
    pub len: usize,
}

impl StrRef {
    /// Borrows a Rust string for the duration of an ABI call.
    pub fn new(s: &str) -> StrRef {
        StrRef {
            ptr: s.as_ptr(),
            len: s.len(),
        }
    }
}

/// Page protection for `PageTableService` entries, passed as a `u32`.
///
/// The raw values are part of ABI v1.
#[repr(u32)]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Protection {
    /// No access (guard pages).
    NoAccess = 0,
    /// Read only.
    ReadOnly = 1,
    /// Read and write: GC heaps, data.
    ReadWrite = 2,
    /// Read and execute: finished JIT code under a W^X policy.
    ReadExecute = 3,
    /// Read, write and execute: a JIT code heap being written.
    ReadWriteExecute = 4,
}

impl Protection {
    /// Decodes a raw ABI value; `None` for an unknown one.
    pub fn from_raw(raw: u32) -> Option<Protection> {
        Some(match raw {
            0 => Protection::NoAccess,
            1 => Protection::ReadOnly,
            2 => Protection::ReadWrite,
            3 => Protection::ReadExecute,
            4 => Protection::ReadWriteExecute,
            _ => return None,
        })
    }

    /// The `PROT_*` bits for `mmap`/`mprotect`.
    pub(crate) fn to_prot(self) -> libc::c_int {
        match self {
            Protection::NoAccess => libc::PROT_NONE,
            Protection::ReadOnly => libc::PROT_READ,
            Protection::ReadWrite => libc::PROT_READ | libc::PROT_WRITE,
            Protection::ReadExecute => libc::PROT_READ | libc::PROT_EXEC,
            Protection::ReadWriteExecute => libc::PROT_READ | libc::PROT_WRITE | libc::PROT_EXEC,
        }
    }
}

/// Console stream numbers for `ConsoleService::Write`, as `u32` on the ABI.
pub mod stream {
    /// Standard output.
    pub const STDOUT: u32 = 1;
    /// Standard error.
    pub const STDERR: u32 = 2;
}

/// The entry point of a process created through `ProcessHandle::Create`. It
/// runs on the new process's thread with the `context` given to `Create`, and
/// its result is the exit code unless the process called `Terminate` first.
pub type ProcessEntry = unsafe extern "C" fn(context: *mut core::ffi::c_void) -> i32;

/// A kernel thread id (ABI v2). Every thread that runs process code gets one:
/// a process's main thread when the process starts, every other thread when
/// `ThreadHandle::Create` makes it. Ids are unique for the life of the OS
/// process and never reused; `0` ([`ThreadId::NONE`]) names no thread.
#[repr(transparent)]
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct ThreadId(pub u32);

impl ThreadId {
    /// "No thread": what `GetCurrentThreadId` returns on a thread that is
    /// not bound to a kernel process.
    pub const NONE: ThreadId = ThreadId(0);
}

impl fmt::Display for ThreadId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

/// The entry point of a thread created through `ThreadHandle::Create` (ABI
/// v2). It runs on the new thread, bound to the creating process, with the
/// `context` given to `Create`; its result is the thread's exit code. It must
/// not unwind (as an `extern "C"` function it cannot: a Rust panic that
/// reaches its boundary aborts the OS process), so a Rust entry catches its
/// own panics, as `client::Os::spawn_thread` does.
pub type ThreadEntry = unsafe extern "C" fn(context: *mut core::ffi::c_void) -> i32;

/// A borrowed byte string passed across the ABI as pointer + length (ABI
/// v4). `ptr` may be null only when `len` is zero.
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct BytesRef {
    /// First byte.
    pub ptr: *const u8,
    /// Length in bytes.
    pub len: usize,
}

impl BytesRef {
    /// Borrows a byte slice for the duration of an ABI call.
    pub fn new(b: &[u8]) -> BytesRef {
        BytesRef {
            ptr: b.as_ptr(),
            len: b.len(),
        }
    }

    /// The empty byte string.
    pub const EMPTY: BytesRef = BytesRef {
        ptr: core::ptr::null(),
        len: 0,
    };
}

/// [`ChildSpec::flags`]: the child is untrusted and runs only verified
/// code (its runtime's `verify` option).
pub const CHILD_UNTRUSTED: u32 = 1;

/// [`ChildSpec::collector`] values: which garbage collector the child's
/// runtime uses.
pub mod collector {
    /// The runtime's default (its environment decides).
    pub const DEFAULT: u32 = 0;
    /// The generational collector.
    pub const GENERATIONAL: u32 = 1;
    /// The mark-sweep collector.
    pub const MARK_SWEEP: u32 = 2;
}

/// What `ProcessHandle::CreateFromImage` (ABI v4) creates a child from: a
/// program image (an assembly, by path or by its bytes), its startup
/// arguments and endpoints, and the settings of the child's own runtime.
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct ChildSpec {
    /// `size_of::<ChildSpec>()`: later versions may append fields.
    pub size: u32,
    /// [`CHILD_UNTRUSTED`], or 0.
    pub flags: u32,
    /// A name for diagnostics (UTF-8).
    pub name: StrRef,
    /// The image's path (UTF-8), read by the kernel; empty to pass `image`.
    pub path: StrRef,
    /// The image's bytes, when `path` is empty.
    pub image: BytesRef,
    /// Startup arguments: an array of `arg_count` UTF-8 strings.
    pub args: *const StrRef,
    /// Number of startup arguments.
    pub arg_count: usize,
    /// Endpoint handles of the caller to hand to the child: they leave the
    /// caller's table and become the child's startup endpoints, in order.
    pub endpoints: *const Handle,
    /// Number of startup endpoints.
    pub endpoint_count: usize,
    /// A [`collector`] value.
    pub collector: u32,
    /// The ABI version the child is built against (0: the newest).
    pub abi_version: u32,
    /// The child's GC heap limit in bytes (0: the runtime's default).
    pub heap_limit: u64,
    /// The child's main thread's stack in bytes (0: 16 MiB).
    pub stack_size: u64,
}

/// The kernel's counters (`DebugService::GetCounters`, ABI v4): resources
/// alive now, kernel-wide and the calling process's own share, so a process
/// can check that what its children held has been reclaimed.
#[repr(C)]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct KernelCounters {
    /// Processes in the process table (created or running).
    pub processes: u64,
    /// Threads bound to a process, kernel-wide.
    pub threads: u64,
    /// The calling process's threads.
    pub own_threads: u64,
    /// Bytes of pages counted to processes, kernel-wide.
    pub page_bytes: u64,
    /// The calling process's bytes of pages.
    pub own_page_bytes: u64,
    /// Exchange-heap blocks alive, kernel-wide (owned or in flight).
    pub blocks: u64,
    /// Bytes of exchange-heap data alive, kernel-wide.
    pub block_bytes: u64,
    /// Blocks the calling process owns.
    pub own_blocks: u64,
    /// Channel endpoints alive, kernel-wide (held or in flight).
    pub endpoints: u64,
    /// Endpoints the calling process holds.
    pub own_endpoints: u64,
    /// Handles in the calling process's table.
    pub own_handles: u64,
}

/// What `EndpointCore::Receive` (ABI v4) delivered.
pub mod received {
    /// An exchange-heap block.
    pub const BLOCK: u32 = 1;
    /// An endpoint.
    pub const ENDPOINT: u32 = 2;
}
