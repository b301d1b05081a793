//! Kernel threads: the version-independent implementation behind
//! `ThreadHandle` (ABI v2).
//!
//! A process starts with one thread, the one that runs its `main`. Any of
//! its threads may create more with `ThreadHandle::Create`: each is a new OS
//! thread bound to the same process (so every kernel entry it calls acts on
//! that process, and the pages it allocates are counted to it), running the
//! entry it was given. A [`Thread`] is the kernel's record of one such
//! thread: its id, and its exit code once the entry has returned. Handles
//! to it live in the creating process's handle table; disposing one
//! detaches the thread, which keeps running.
//!
//! A process does not end while it has threads: see `Process::end`.

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Instant;

use crate::process::{self, lock, panic_message, Process, EXIT_CODE_PANIC};
use crate::sync::{self, Done, Interrupt, SyncCell, Waitable};
use crate::{Status, ThreadId};

/// The largest stack a thread may ask for: 4 GiB.
pub(crate) const MAX_STACK_SIZE: usize = 1 << 32;

static NEXT_ID: AtomicU32 = AtomicU32::new(1);

/// A fresh kernel thread id; `None` once all 2^32 - 1 are used up.
pub(crate) fn next_id() -> Option<ThreadId> {
    NEXT_ID
        .fetch_update(Ordering::Relaxed, Ordering::Relaxed, |n| n.checked_add(1))
        .ok()
        .map(ThreadId)
}

/// The body of a thread: the entry bound to its context.
pub(crate) type Body = Box<dyn FnOnce() -> i32 + Send + 'static>;

/// How a thread ended.
#[derive(Clone, Debug)]
struct Exit {
    exit_code: i32,
    /// The panic message, if the body panicked (kept for debugging).
    #[allow(dead_code)]
    panic: Option<String>,
}

/// The kernel's record of a thread created with `ThreadHandle::Create`.
pub(crate) struct Thread {
    id: ThreadId,
    exit: Mutex<Option<Exit>>,
    /// Raised when the thread has ended (after `exit` is recorded): what
    /// joins wait on.
    done: Arc<SyncCell<Done>>,
}

impl Thread {
    /// Creates the record of a thread that is about to be started with
    /// [`Thread::start`]. `OutOfMemory` once thread ids are used up.
    pub(crate) fn new() -> Result<Arc<Thread>, Status> {
        let id = next_id().ok_or(Status::OutOfMemory)?;
        Ok(Arc::new(Thread {
            id,
            exit: Mutex::new(None),
            done: Arc::new(SyncCell::new(Done(false))),
        }))
    }

    /// Starts the thread in `process`: a new OS thread with `stack_size`
    /// bytes of stack, bound to the process, running `body`. Its result is
    /// the thread's exit code; a panic in it is caught and recorded as
    /// [`EXIT_CODE_PANIC`].
    ///
    /// On failure (`InvalidState`: the process is ending; `OutOfMemory`,
    /// `OsError`: the OS refused the thread) `body` is dropped without
    /// running and the record is marked ended with [`EXIT_CODE_PANIC`], so
    /// that nobody waits on it forever.
    pub(crate) fn start(
        self: &Arc<Self>,
        process: &Arc<Process>,
        stack_size: usize,
        body: Body,
    ) -> Result<(), Status> {
        let record = Arc::clone(self);
        let started = process.spawn_thread(
            self.id,
            stack_size,
            Box::new(move |bound| {
                let outcome = if bound {
                    catch_unwind(AssertUnwindSafe(body)).map_err(|payload| {
                        let message = panic_message(&*payload);
                        // A payload whose destructor panics must not escape.
                        std::mem::forget(payload);
                        message
                    })
                } else {
                    Err(String::from("thread already bound to a process"))
                };
                record.finish(outcome);
            }),
        );
        if started.is_err() {
            self.finish(Err(String::from("thread was not started")));
        }
        started
    }

    /// Records how the thread ended and wakes its joiners.
    fn finish(&self, outcome: Result<i32, String>) {
        let exit = match outcome {
            Ok(exit_code) => Exit {
                exit_code,
                panic: None,
            },
            Err(message) => Exit {
                exit_code: EXIT_CODE_PANIC,
                panic: Some(message),
            },
        };
        *lock(&self.exit) = Some(exit);
        self.done.update(|d| d.0 = true);
    }

    /// What a wait on the thread waits for: its end.
    pub(crate) fn waitable(&self) -> Arc<dyn Waitable> {
        Arc::clone(&self.done) as Arc<dyn Waitable>
    }

    /// The exit code, once the thread has ended.
    pub(crate) fn exit_code(&self) -> Option<i32> {
        lock(&self.exit).as_ref().map(|e| e.exit_code)
    }

    /// The thread's kernel id.
    pub(crate) fn id(&self) -> ThreadId {
        self.id
    }

    /// Waits until the thread's entry has returned, or `deadline` passes,
    /// and returns its exit code. `TimedOut` if it is still running at the
    /// deadline; `InvalidState` if the calling thread is this thread (the
    /// wait could never end).
    pub(crate) fn join(&self, deadline: Option<Instant>) -> Result<i32, Status> {
        if process::current_thread_id() == self.id {
            return Err(Status::InvalidState);
        }
        sync::wait_any(
            &[self.waitable()],
            deadline,
            Interrupt::No,
            process::current_thread_id(),
        )?;
        self.exit_code().ok_or(Status::Internal)
    }
}
