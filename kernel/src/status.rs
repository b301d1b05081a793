//! [`Status`]: the result code of every fallible ABI entry.

use core::fmt;

/// The status code returned by every fallible ABI entry.
///
/// `Ok` is zero and every error is positive. The numeric values are part of
/// ABI v1 and never change; a v1 entry only ever returns the codes its
/// documentation lists. A later ABI version may add codes, which only its new
/// entries return (v2 added [`Status::TimedOut`]; v4 added
/// [`Status::Stopped`], [`Status::ChannelClosed`] and [`Status::Abandoned`];
/// v5 the file-system codes from [`Status::AccessDenied`] to
/// [`Status::IoError`]).
#[repr(i32)]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[must_use]
pub enum Status {
    /// The call succeeded.
    Ok = 0,
    /// An argument is malformed: a null pointer where one is required, a
    /// misaligned out-pointer, an unknown enum value (stream, protection), a
    /// zero size, or a size whose rounding overflows.
    InvalidArgument = 1,
    /// A string argument is not valid UTF-8.
    InvalidUtf8 = 2,
    /// The caller's buffer is too small; the needed length was written to the
    /// entry's length out-parameter and nothing was copied.
    BufferTooSmall = 3,
    /// An index is past the end of the indexed collection (e.g. a startup
    /// argument index `>= GetStartupArgCount()`).
    IndexOutOfRange = 4,
    /// The calling OS thread is not bound to a kernel process. Entries that act
    /// on "the calling process" need one.
    NoProcess = 5,
    /// The handle value is not in the calling process's handle table, or
    /// names an object of another kind than the entry expects. A handle from
    /// another process always gets this code.
    InvalidHandle = 6,
    /// A pointer that must be page-aligned is not.
    Unaligned = 7,
    /// The address range is not owned by the calling process in the way the
    /// entry requires (not a whole region for `Free`, not inside one region
    /// for `Protect`, not inside a reservation for `Commit`, uncommitted pages
    /// for `Protect`).
    InvalidRange = 8,
    /// The OS refused to provide memory (mmap/mprotect returned ENOMEM), or a
    /// kernel buffer could not grow.
    OutOfMemory = 9,
    /// Any other OS call failure (a failed `write(2)` on the console,
    /// `mprotect` refused by a security policy, thread creation failure, ...).
    OsError = 10,
    /// The object is not in a state that allows the call (starting a process
    /// twice, joining a process that was never started, terminating twice).
    InvalidState = 11,
    /// The process named by the handle has not finished yet.
    StillRunning = 12,
    /// A bug inside the kernel was caught at the ABI boundary (a Rust panic).
    /// The call had no effect that can be relied on.
    Internal = 13,
    /// The named thing (an environment variable) does not exist.
    NotFound = 14,
    /// (ABI v2) A wait with a timeout ended before the awaited thing
    /// happened: the thread is still running (`ThreadHandle::Join`) or the
    /// event was not signaled (`EventHandle::Wait`). Nothing changed.
    TimedOut = 15,
    /// (ABI v4) The calling process is being stopped (its parent terminated
    /// it, or it stopped itself): a v4 wait gave up, and every later one
    /// gives up at once. The thread should return to its entry.
    Stopped = 16,
    /// (ABI v4) The channel's other endpoint is closed: nothing more can be
    /// sent, and nothing is left to receive.
    ChannelClosed = 17,
    /// (ABI v4) A wait acquired a mutex whose owning thread ended without
    /// releasing it. The caller owns the mutex now.
    Abandoned = 18,
    /// (ABI v5) The operating system refused access to the path (its
    /// permissions, a read-only file system, or a directory where a file is
    /// expected).
    AccessDenied = 19,
    /// (ABI v5) The calling process was started without file-system access
    /// (`host::ProcessConfig::file_access`): no `FileService` entry touches
    /// the file system for it.
    NotPermitted = 20,
    /// (ABI v5) The file does not exist (its directory does).
    FileNotFound = 21,
    /// (ABI v5) A directory on the path does not exist (or is not a
    /// directory).
    PathNotFound = 22,
    /// (ABI v5) The file or directory to create already exists.
    AlreadyExists = 23,
    /// (ABI v5) The directory to delete is not empty.
    DirectoryNotEmpty = 24,
    /// (ABI v5) Any other input/output failure (a full disk, a device error).
    IoError = 25,
}

impl Status {
    /// Every status code, in numeric order.
    pub const ALL: [Status; 26] = [
        Status::Ok,
        Status::InvalidArgument,
        Status::InvalidUtf8,
        Status::BufferTooSmall,
        Status::IndexOutOfRange,
        Status::NoProcess,
        Status::InvalidHandle,
        Status::Unaligned,
        Status::InvalidRange,
        Status::OutOfMemory,
        Status::OsError,
        Status::InvalidState,
        Status::StillRunning,
        Status::Internal,
        Status::NotFound,
        Status::TimedOut,
        Status::Stopped,
        Status::ChannelClosed,
        Status::Abandoned,
        Status::AccessDenied,
        Status::NotPermitted,
        Status::FileNotFound,
        Status::PathNotFound,
        Status::AlreadyExists,
        Status::DirectoryNotEmpty,
        Status::IoError,
    ];

    /// Converts a raw code received over the ABI back into a `Status`.
    /// Returns `None` for a value no kernel version defines.
    pub fn from_raw(raw: i32) -> Option<Status> {
        Status::ALL.iter().copied().find(|s| *s as i32 == raw)
    }

    /// `true` for [`Status::Ok`].
    pub fn is_ok(self) -> bool {
        self == Status::Ok
    }

    /// `Ok(())` for [`Status::Ok`], `Err(self)` otherwise, so that Rust
    /// callers of the ABI can use `?`.
    pub fn into_result(self) -> Result<(), Status> {
        if self.is_ok() {
            Ok(())
        } else {
            Err(self)
        }
    }

    /// A short human-readable description of the code.
    pub fn description(self) -> &'static str {
        match self {
            Status::Ok => "success",
            Status::InvalidArgument => "invalid argument",
            Status::InvalidUtf8 => "string is not valid UTF-8",
            Status::BufferTooSmall => "buffer too small",
            Status::IndexOutOfRange => "index out of range",
            Status::NoProcess => "calling thread is not bound to a kernel process",
            Status::InvalidHandle => "invalid handle for the calling process",
            Status::Unaligned => "address is not page-aligned",
            Status::InvalidRange => "address range not owned by the calling process",
            Status::OutOfMemory => "out of memory",
            Status::OsError => "operating system call failed",
            Status::InvalidState => "object is in the wrong state for this call",
            Status::StillRunning => "process is still running",
            Status::Internal => "internal kernel error",
            Status::NotFound => "not found",
            Status::TimedOut => "timed out",
            Status::Stopped => "the calling process is being stopped",
            Status::ChannelClosed => "the channel is closed",
            Status::Abandoned => "acquired an abandoned mutex",
            Status::AccessDenied => "access to the path is denied",
            Status::NotPermitted => "the process has no file-system access",
            Status::FileNotFound => "file not found",
            Status::PathNotFound => "a directory on the path does not exist",
            Status::AlreadyExists => "already exists",
            Status::DirectoryNotEmpty => "directory not empty",
            Status::IoError => "input/output error",
        }
    }

    /// Maps an OS `errno` to the status an entry reports for it.
    pub(crate) fn from_errno(errno: i32) -> Status {
        match errno {
            libc::ENOMEM | libc::EAGAIN => Status::OutOfMemory,
            _ => Status::OsError,
        }
    }

    /// The status for the current thread's `errno`.
    pub(crate) fn last_os_error() -> Status {
        Status::from_errno(std::io::Error::last_os_error().raw_os_error().unwrap_or(0))
    }
}

impl fmt::Display for Status {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} ({})", self.description(), *self as i32)
    }
}

impl std::error::Error for Status {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip_and_are_dense() {
        for (i, s) in Status::ALL.iter().enumerate() {
            assert_eq!(*s as i32, i as i32);
            assert_eq!(Status::from_raw(i as i32), Some(*s));
        }
        assert_eq!(Status::from_raw(-1), None);
        assert_eq!(Status::from_raw(Status::ALL.len() as i32), None);
    }
}
