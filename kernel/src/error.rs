//! [`KernelError`]: errors of the Rust-level host API.

use core::fmt;

use crate::Status;

/// An error from the Rust-level host API ([`crate::host`]).
///
/// ABI entries never return this type; they return a [`Status`].
#[derive(Debug)]
#[non_exhaustive]
pub enum KernelError {
    /// The process configuration is unusable; the string says why.
    InvalidConfig(String),
    /// The OS refused to create the process's thread.
    ThreadSpawn(std::io::Error),
    /// `run_in_current_thread` was called on a thread that is already bound
    /// to a kernel process (processes do not nest on one thread).
    ThreadAlreadyBound,
    /// All 2^32 - 1 process ids have been handed out.
    ProcessIdsExhausted,
    /// A kernel operation failed with this status.
    Status(Status),
}

impl fmt::Display for KernelError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            KernelError::InvalidConfig(why) => write!(f, "invalid process configuration: {why}"),
            KernelError::ThreadSpawn(e) => write!(f, "cannot create the process thread: {e}"),
            KernelError::ThreadAlreadyBound => {
                f.write_str("the current thread is already bound to a kernel process")
            }
            KernelError::ProcessIdsExhausted => f.write_str("no process ids left"),
            KernelError::Status(s) => write!(f, "kernel operation failed: {s}"),
        }
    }
}

impl std::error::Error for KernelError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            KernelError::ThreadSpawn(e) => Some(e),
            KernelError::Status(s) => Some(s),
            _ => None,
        }
    }
}

impl From<Status> for KernelError {
    fn from(s: Status) -> Self {
        KernelError::Status(s)
    }
}
