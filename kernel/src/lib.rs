//! # osprey-kernel
//!
//! The user-space microkernel of Osprey: the only code in the runtime that
//! talks to the OS (Linux x86-64). The VM reaches the OS only through the
//! kernel's **functional ABI**, modelled on Singularity's (Design Note 20):
//! free `extern "C"` functions grouped by service, collected in a versioned
//! export table ([`AbiV1`]) that a process resolves once at load time with
//! [`resolve`].
//!
//! A *kernel process* is a separate runtime instance inside the one OS
//! process. Every OS thread that runs process code is bound to exactly one
//! kernel process, and every ABI entry acts on the calling thread's process
//! only. Handles are per-process capabilities. Pages are accounted to the
//! process that allocated them and reclaimed when it ends.
//!
//! Layout of the crate:
//! - [`abi`]: the export table, its versioning rule, [`resolve`];
//! - [`services`]: the entries, one module per Singularity service;
//! - [`host`]: the Rust API that creates processes (CLI, tests);
//! - [`client`]: a safe wrapper of the resolved ABI table, for the code that
//!   runs inside a process (the VM, QCalls);
//! - private implementation modules: `process` (process table, thread binding,
//!   life cycle, stopping), `thread` (threads beyond a process's first),
//!   `sync` (the one waiting mechanism: waitable objects, wait-any/all,
//!   interruptible waits), `event`, `mutex`, `semaphore` (synchronization
//!   objects), `channel` (endpoints), `exchange` (the exchange heap and its
//!   ownership lists), `file` (open files and directory listings), `wait`
//!   (deadlines), `memory` (page accounting),
//!   `console` (console sinks), `handles` (handle tables), `clock` (TSC and
//!   monotonic time).
//!
//! See `docs/kernel.md` for the design.

pub mod abi;
mod channel;
pub mod client;
mod clock;
mod console;
mod error;
mod event;
mod exchange;
mod file;
mod handles;
pub mod host;
mod library;
mod memory;
mod mutex;
mod process;
mod semaphore;
pub mod services;
mod status;
mod sync;
mod thread;
mod types;
mod wait;

pub use abi::{
    resolve, resolve_v2, resolve_v3, resolve_v4, resolve_v5, AbiError, AbiV1, AbiV2, AbiV3, AbiV4,
    AbiV5, ABI_VERSION_LATEST,
};
pub use console::{ConsoleMode, STDOUT_BUFFER_BYTES};
pub use error::KernelError;
pub use process::{ExitReason, FileSystemAccess, EXIT_CODE_PANIC};
pub use status::Status;
pub use types::{
    collector, received, stream, BytesRef, ChildSpec, Handle, KernelCounters, ProcessEntry,
    ProcessId, Protection, StrRef, ThreadEntry, ThreadId, CHILD_UNTRUSTED,
};
