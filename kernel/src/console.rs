//! Console sinks: the implementation behind `ConsoleService` (and the stdout
//! flush `DebugService::Print` does first).
//!
//! A sink is chosen when a process is created ([`ConsoleMode`]):
//! - `Inherit` writes to the OS file descriptors 1 and 2. Standard output is
//!   buffered in the kernel (32 KiB; line-buffered when fd 1 is a terminal);
//!   standard error is unbuffered. Pending standard output is written before
//!   any standard error (and any debug print), so the two interleave in the
//!   order the program wrote them.
//! - `Capture` appends both streams to in-memory buffers the host reads when
//!   the process has ended.
//!
//! Standard input (ABI v4, `ConsoleService::Read`) comes from fd 0 for
//! `Inherit` (a pipe, a redirected file or a terminal) and from the bytes
//! the host supplied for `Capture`. A read first writes any pending standard
//! output, so a prompt appears before the program waits for its answer.
//!
//! The kernel writes to the descriptors directly and does not go through
//! Rust's `std::io::stdout()` buffer; host code that prints with `println!`
//! while processes run should flush its own buffer first.

use std::sync::{Mutex, OnceLock};

use crate::Status;

/// Size of the kernel's standard-output buffer in `Inherit` mode.
pub const STDOUT_BUFFER_BYTES: usize = 32 * 1024;

/// Where a process's console output goes. Chosen at process creation.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum ConsoleMode {
    /// The OS standard output and standard error of the whole OS process.
    #[default]
    Inherit,
    /// Per-process in-memory buffers, returned in
    /// [`crate::host::ProcessExit`].
    Capture,
}

/// The state behind a sink's lock.
enum Sink {
    Inherit { pending: Vec<u8> },
    Capture { stdout: Vec<u8>, stderr: Vec<u8> },
}

/// Where standard input comes from.
enum Input {
    /// OS file descriptor 0.
    Descriptor,
    /// Bytes given by the host, read from `position` on.
    Bytes { data: Vec<u8>, position: usize },
}

/// One console sink. Shared (via `Arc`) by a process and the children it
/// creates through `ProcessHandle::Create`.
pub(crate) struct Console {
    sink: Mutex<Sink>,
    /// Held while a read waits for input (never together with `sink`), so
    /// that readers take turns and writers are not blocked by a reader.
    input: Mutex<Input>,
}

/// Whether fd 1 is a terminal (then `Inherit` stdout is line-buffered).
fn stdout_is_tty() -> bool {
    static TTY: OnceLock<bool> = OnceLock::new();
    // SAFETY: isatty only inspects the descriptor.
    *TTY.get_or_init(|| unsafe { libc::isatty(1) } == 1)
}

/// Writes all of `bytes` to `fd`, retrying on EINTR and short writes.
pub(crate) fn write_fd(fd: libc::c_int, mut bytes: &[u8]) -> Result<(), Status> {
    while !bytes.is_empty() {
        // SAFETY: `bytes` is a live slice; write reads at most `len` bytes.
        let n = unsafe { libc::write(fd, bytes.as_ptr().cast(), bytes.len()) };
        if n < 0 {
            let err = std::io::Error::last_os_error();
            if err.kind() == std::io::ErrorKind::Interrupted {
                continue;
            }
            return Err(Status::OsError);
        }
        if n == 0 {
            return Err(Status::OsError);
        }
        bytes = &bytes[n as usize..];
    }
    Ok(())
}

/// Appends to a capture buffer without aborting on allocation failure.
fn append(buf: &mut Vec<u8>, bytes: &[u8]) -> Result<(), Status> {
    buf.try_reserve(bytes.len())
        .map_err(|_| Status::OutOfMemory)?;
    buf.extend_from_slice(bytes);
    Ok(())
}

impl Console {
    /// A new sink of the given mode. `input` is the standard input of a
    /// `Capture` console (an `Inherit` console reads fd 0 and ignores it).
    pub(crate) fn new(mode: ConsoleMode, input: Vec<u8>) -> Console {
        let sink = match mode {
            ConsoleMode::Inherit => Sink::Inherit {
                pending: Vec::new(),
            },
            ConsoleMode::Capture => Sink::Capture {
                stdout: Vec::new(),
                stderr: Vec::new(),
            },
        };
        let input = match mode {
            ConsoleMode::Inherit => Input::Descriptor,
            ConsoleMode::Capture => Input::Bytes {
                data: input,
                position: 0,
            },
        };
        Console {
            sink: Mutex::new(sink),
            input: Mutex::new(input),
        }
    }

    /// Reads at most `buf.len()` bytes of standard input, blocking until
    /// some are available; 0 means the end of the input (also for a closed
    /// or missing fd 0). Pending standard output is written first.
    pub(crate) fn read(&self, buf: &mut [u8]) -> Result<usize, Status> {
        self.flush()?;
        if buf.is_empty() {
            return Ok(0);
        }
        match &mut *self.input.lock().unwrap_or_else(|e| e.into_inner()) {
            Input::Descriptor => loop {
                // SAFETY: `buf` is a live, writable slice of `len` bytes.
                let n = unsafe { libc::read(0, buf.as_mut_ptr().cast(), buf.len()) };
                if n >= 0 {
                    return Ok(n as usize);
                }
                match std::io::Error::last_os_error().raw_os_error() {
                    Some(libc::EINTR) => continue,
                    // No standard input at all reads as an empty one.
                    Some(libc::EBADF) => return Ok(0),
                    _ => return Err(Status::IoError),
                }
            },
            Input::Bytes { data, position } => {
                let rest = data.get(*position..).unwrap_or(&[]);
                let n = rest.len().min(buf.len());
                buf[..n].copy_from_slice(&rest[..n]);
                *position += n;
                Ok(n)
            }
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Sink> {
        self.sink.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Writes to standard output.
    pub(crate) fn write_stdout(&self, bytes: &[u8]) -> Result<(), Status> {
        match &mut *self.lock() {
            Sink::Inherit { pending } => {
                if pending.len() + bytes.len() > STDOUT_BUFFER_BYTES {
                    let flushed = write_fd(1, pending);
                    pending.clear();
                    flushed?;
                    if bytes.len() >= STDOUT_BUFFER_BYTES {
                        return write_fd(1, bytes);
                    }
                }
                append(pending, bytes)?;
                if stdout_is_tty() && bytes.contains(&b'\n') {
                    let flushed = write_fd(1, pending);
                    pending.clear();
                    flushed?;
                }
                Ok(())
            }
            Sink::Capture { stdout, .. } => append(stdout, bytes),
        }
    }

    /// Writes to standard error, after any pending standard output.
    pub(crate) fn write_stderr(&self, bytes: &[u8]) -> Result<(), Status> {
        match &mut *self.lock() {
            Sink::Inherit { pending } => {
                let flushed = write_fd(1, pending);
                pending.clear();
                flushed?;
                write_fd(2, bytes)
            }
            Sink::Capture { stderr, .. } => append(stderr, bytes),
        }
    }

    /// Writes pending standard output (a no-op for `Capture`).
    pub(crate) fn flush(&self) -> Result<(), Status> {
        match &mut *self.lock() {
            Sink::Inherit { pending } => {
                let flushed = write_fd(1, pending);
                pending.clear();
                flushed
            }
            Sink::Capture { .. } => Ok(()),
        }
    }

    /// Takes the captured `(stdout, stderr)`; empty for `Inherit`.
    pub(crate) fn take_captured(&self) -> (Vec<u8>, Vec<u8>) {
        match &mut *self.lock() {
            Sink::Inherit { .. } => (Vec::new(), Vec::new()),
            Sink::Capture { stdout, stderr } => (std::mem::take(stdout), std::mem::take(stderr)),
        }
    }
}
