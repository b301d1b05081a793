//! The host API: how the `osprey` CLI and tests create kernel processes.
//!
//! This is a Rust-level API for the code that *hosts* processes; it is not
//! part of the ABI and code running inside a process does not use it (a
//! process creates children through the `ProcessHandle` entries).
//!
//! ```
//! use osprey_kernel::host::{self, ProcessConfig};
//! use osprey_kernel::ConsoleMode;
//!
//! let handle = host::spawn(
//!     ProcessConfig {
//!         name: "hello".into(),
//!         args: vec!["world".into()],
//!         console: ConsoleMode::Capture,
//!         ..ProcessConfig::default()
//!     },
//!     || {
//!         let abi = osprey_kernel::resolve(1).unwrap();
//!         let text = "hello\n";
//!         // SAFETY: `text` is valid for `len` bytes.
//!         let status = unsafe { (abi.console_service_write)(1, text.as_ptr(), text.len()) };
//!         assert!(status.is_ok());
//!         0
//!     },
//! )
//! .unwrap();
//! let exit = handle.join();
//! assert_eq!(exit.exit_code, 0);
//! assert_eq!(exit.stdout, b"hello\n");
//! ```

use std::sync::Arc;

use crate::console::{Console, ConsoleMode};
use crate::process::{self, ExitReason, FileSystemAccess, Process, Spec};
use crate::{KernelError, ProcessId};

/// A program image the kernel starts as a child process
/// (`ProcessHandle::CreateFromImage`, ABI v4): the kernel read or copied
/// the bytes; what they mean is the image runner's business.
#[derive(Clone, Debug)]
pub struct ProcessImage {
    /// The child's name (for diagnostics).
    pub name: String,
    /// The image (an assembly, for the VM's runner).
    pub bytes: Vec<u8>,
    /// The settings of the child's runtime.
    pub settings: ImageSettings,
}

/// The runtime settings of a child created from an image.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ImageSettings {
    /// A [`crate::collector`] value.
    pub collector: u32,
    /// The GC heap limit in bytes (0: the runtime's default).
    pub heap_limit: u64,
    /// The ABI version the child is built against (never 0 here: the
    /// kernel resolves "newest" to the number).
    pub abi_version: u32,
    /// The child is untrusted ([`crate::CHILD_UNTRUSTED`]): its runtime
    /// must run only verified code.
    pub untrusted: bool,
}

/// What runs a child created from an image, on the child's main thread
/// (bound to the child): the VM's program runner. Its result is the
/// child's exit code (unless the child is stopped first).
pub type ImageRunner = fn(ProcessImage) -> i32;

static IMAGE_RUNNER: std::sync::RwLock<Option<ImageRunner>> = std::sync::RwLock::new(None);

/// Installs the runner of children created from images
/// (`ProcessHandle::CreateFromImage`). Without one, that entry fails with
/// `NotFound`. The host (the `osprey` command line, tests) installs it
/// once, before it starts processes; installing again replaces it.
pub fn set_image_runner(runner: ImageRunner) {
    *IMAGE_RUNNER.write().unwrap_or_else(|e| e.into_inner()) = Some(runner);
}

/// The installed image runner.
pub(crate) fn image_runner() -> Option<ImageRunner> {
    *IMAGE_RUNNER.read().unwrap_or_else(|e| e.into_inner())
}

/// The default stack size of a process thread: 16 MiB (managed programs
/// recurse deeply).
pub const DEFAULT_STACK_SIZE: usize = 16 * 1024 * 1024;

/// How to create a process. Build it with `..ProcessConfig::default()` so
/// later fields get their defaults.
#[derive(Clone, Debug)]
pub struct ProcessConfig {
    /// A name for diagnostics (also used in the OS thread name).
    pub name: String,
    /// Startup arguments, read with `ProcessService::GetStartupArg`.
    pub args: Vec<String>,
    /// Where the console goes.
    pub console: ConsoleMode,
    /// Stack size of the process thread in bytes; 0 means
    /// [`DEFAULT_STACK_SIZE`]. Ignored by [`run_in_current_thread`].
    pub stack_size: usize,
    /// Standard input of a [`ConsoleMode::Capture`] console, read with
    /// `ConsoleService::Read` (ABI v4); empty by default. An `Inherit`
    /// console reads the OS's fd 0 and ignores this.
    pub stdin: Vec<u8>,
    /// Whether the process may use the file system (`FileService`, ABI
    /// v4); its children get the same.
    pub file_access: FileSystemAccess,
}

impl Default for ProcessConfig {
    fn default() -> Self {
        ProcessConfig {
            name: String::from("process"),
            args: Vec::new(),
            console: ConsoleMode::Inherit,
            stack_size: DEFAULT_STACK_SIZE,
            stdin: Vec::new(),
            file_access: FileSystemAccess::Allowed,
        }
    }
}

/// The result of a process, returned once it has ended.
#[derive(Clone, Debug)]
pub struct ProcessExit {
    /// The process's id.
    pub id: ProcessId,
    /// The exit code: the code passed to `Terminate` if it was called,
    /// otherwise `main`'s result ([`crate::EXIT_CODE_PANIC`] if it panicked).
    pub exit_code: i32,
    /// Why it ended.
    pub reason: ExitReason,
    /// Captured standard output (empty unless [`ConsoleMode::Capture`]).
    pub stdout: Vec<u8>,
    /// Captured standard error (empty unless [`ConsoleMode::Capture`]).
    pub stderr: Vec<u8>,
    /// Bytes of pages the process still held when it ended, which the kernel
    /// unmapped.
    pub reclaimed_bytes: u64,
}

/// The host's handle to a spawned process. Dropping it without joining
/// detaches the process, which runs to completion.
pub struct ProcessHandle {
    process: Arc<Process>,
}

impl ProcessHandle {
    /// The process's id.
    pub fn id(&self) -> ProcessId {
        self.process.id()
    }

    /// Whether the process has ended.
    pub fn is_finished(&self) -> bool {
        self.process.try_exit().is_ok()
    }

    /// Bytes currently accounted to the process (0 once it has ended).
    pub fn bytes_in_use(&self) -> u64 {
        self.process.with_memory(|m| m.bytes_in_use()) as u64
    }

    /// Bytes of address space the process holds, reserved or allocated,
    /// committed or not (0 once it has ended).
    pub fn bytes_mapped(&self) -> u64 {
        self.process.with_memory(|m| m.bytes_mapped()) as u64
    }

    /// Whether the process has called `ProcessService::Terminate`.
    pub fn is_terminating(&self) -> bool {
        self.process.is_terminating()
    }

    /// Waits for the process to end and returns its result.
    pub fn join(self) -> ProcessExit {
        // A `ProcessHandle` exists only for a started process, so `wait`
        // returns its exit record; the fallback is never expected.
        let record = self.process.wait().unwrap_or(process::ExitRecord {
            exit_code: process::EXIT_CODE_PANIC,
            reason: ExitReason::Panicked(String::from("process never ran")),
            reclaimed_bytes: 0,
        });
        self.process.join_thread();
        exit_of(&self.process, record)
    }
}

impl std::fmt::Debug for ProcessHandle {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ProcessHandle")
            .field("id", &self.process.id())
            .finish()
    }
}

fn exit_of(process: &Process, record: process::ExitRecord) -> ProcessExit {
    let (stdout, stderr) = process.console().take_captured();
    ProcessExit {
        id: process.id(),
        exit_code: record.exit_code,
        reason: record.reason,
        stdout,
        stderr,
        reclaimed_bytes: record.reclaimed_bytes,
    }
}

fn create(
    config: ProcessConfig,
    main: impl FnOnce() -> i32 + Send + 'static,
) -> Result<Arc<Process>, KernelError> {
    let spec = Spec {
        name: config.name,
        args: config.args,
        console: Arc::new(Console::new(config.console, config.stdin)),
        stack_size: if config.stack_size == 0 {
            DEFAULT_STACK_SIZE
        } else {
            config.stack_size
        },
        file_access: config.file_access,
        startup_endpoints: Vec::new(),
    };
    Process::create(spec, Box::new(main))
}

/// Creates a process and starts it on a new OS thread (with
/// `config.stack_size`) bound to it. The thread runs `main`; its result is the
/// exit code unless the process called `Terminate` first. When `main` returns
/// (or panics) the kernel ends the process: waits for the other threads the
/// process created (`ThreadHandle::Create`) to return, then flushes its
/// console, unmaps its pages and releases its handles.
pub fn spawn(
    config: ProcessConfig,
    main: impl FnOnce() -> i32 + Send + 'static,
) -> Result<ProcessHandle, KernelError> {
    let process = create(config, main)?;
    process.start()?;
    Ok(ProcessHandle { process })
}

/// Creates a process and runs it on the calling thread, which is bound to it
/// until `main` returns; then ends it as [`spawn`] does and returns its
/// result. `config.stack_size` is ignored: the process uses the calling
/// thread's stack.
///
/// Fails with [`KernelError::ThreadAlreadyBound`] on a thread that is already
/// running a process.
pub fn run_in_current_thread(
    config: ProcessConfig,
    main: impl FnOnce() -> i32 + Send + 'static,
) -> Result<ProcessExit, KernelError> {
    if process::current().is_some() {
        return Err(KernelError::ThreadAlreadyBound);
    }
    let process = create(config, main)?;
    process.run_in_current_thread()?;
    let record = process.wait()?;
    Ok(exit_of(&process, record))
}

/// The id of the process the calling thread is bound to, if any.
pub fn current_process_id() -> Option<ProcessId> {
    process::current().map(|p| p.id())
}

/// How many processes are in the kernel's process table (created and not yet
/// ended).
pub fn live_processes() -> usize {
    process::live_count()
}

/// Stops every process still in the table (children whose parents ended
/// without waiting for them) with `exit_code`, as `ProcessHandle::Terminate`
/// would, and waits until each has ended (unstarted ones are dropped). The
/// host calls this before the OS process exits, so that no process is cut
/// off in the middle of its work (its console output flushed, everything
/// it held released). Returns how many there were.
pub fn stop_remaining(exit_code: i32) -> usize {
    let all = process::all();
    for p in &all {
        if p.is_running() {
            p.stop(exit_code);
        } else {
            p.handle_released();
        }
    }
    for p in &all {
        let _ = p.wait();
    }
    all.len()
}
