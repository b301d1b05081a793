//! Managed threads: `Thread.Start`, `Join`, background threads and the end
//! of a program (docs/runtime.md, "Managed threads").
//!
//! `Thread.Start` starts a kernel thread (`ThreadHandle::Create`) that makes
//! a thread record of its own (its own allocation context, lock id, stack
//! limit and fault handler, registered with the collector), points it at
//! the `System.Threading.Thread` object and calls `Thread.RunStart`, which
//! invokes the delegate. The runtime keeps a table of the threads it
//! started: their kernel handles (for joining) and whether each is a
//! foreground thread.
//!
//! **Background threads** do not keep the process alive (the CLR's rule).
//! When `Main` returns, [`Runtime::wait_for_foreground_threads`] waits
//! (preemptive, on a kernel event that is set while no foreground thread
//! runs) until every foreground thread has ended; then
//! [`Runtime::stop_threads`] stops the process (`ProcessService::Stop`):
//! the kernel sets the trap flag's exit bit (the stop word) and ends every
//! kernel wait, so each background thread leaves its managed code at its
//! next safepoint or wait and returns. The runtime joins them all (with
//! the uninterruptible v2 join) before it is dropped: no thread ever runs
//! code of a runtime that is gone.
//!
//! **An unhandled exception** on a started thread ends the process as it
//! does on .NET and mono: the exception is printed (`Unhandled exception.
//! ...`) and the process is stopped with exit code 1 (mono's).

use std::sync::Mutex;
use std::time::Duration;

use osprey_binder::{BoundMethod, ThreadObject};
use osprey_kernel::client::WaitOutcome;
use osprey_kernel::Handle;

use super::{Arg, CallSite, Runtime, RuntimeError};
use crate::gc::ObjectHandle;
use crate::object::ObjectRef;
use crate::rooted::Unrooted;
use crate::thread::Thread;
use crate::typesystem::ExceptionKind;

/// The exit code of a process ended by an exception that left a thread's
/// start method: mono's.
pub const UNHANDLED_THREAD_EXIT_CODE: i32 = 1;

/// A thread's stack when `Thread(start, maxStackSize)` asks for none: the
/// kernel's default, 16 MiB (reserved, committed as it is used).
const DEFAULT_STACK: usize = 0;
/// The smallest stack a thread gets when it asks for one.
const MIN_STACK: usize = 256 << 10;

/// One thread the runtime started.
struct Started {
    id: i32,
    kernel: Handle,
    background: bool,
    /// Its start method has returned (the kernel thread may still be
    /// finishing).
    done: bool,
}

#[derive(Default)]
struct Table {
    started: Vec<Started>,
    /// Started threads that are foreground and not done.
    foreground: usize,
}

/// The runtime's table of the threads it started.
pub(crate) struct ManagedThreads {
    table: Mutex<Table>,
    /// A manual-reset kernel event, set exactly while `foreground` is 0.
    no_foreground: Option<Handle>,
}

impl ManagedThreads {
    /// The table of a new runtime; `no_foreground` is a manual-reset event
    /// created set (`None` outside a kernel process: no threads can start).
    pub(crate) fn new(no_foreground: Option<Handle>) -> ManagedThreads {
        ManagedThreads {
            table: Mutex::new(Table::default()),
            no_foreground,
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Table> {
        self.table.lock().unwrap_or_else(|p| p.into_inner())
    }
}

/// A `&Runtime` that can move to a new thread.
struct RuntimePtr(*const Runtime);

// SAFETY: `Runtime` is `Sync`; the pointer stays valid because the runtime
// joins every thread it started before it is freed (`Runtime::stop_threads`,
// called from `Runtime::drop` at the latest).
unsafe impl Send for RuntimePtr {}

/// Reads the start parameters of a `System.Threading.Thread`.
fn thread_fields(obj: ObjectRef) -> (i32, bool, i32) {
    // SAFETY: `obj` is a System.Threading.Thread, whose layout the binder
    // checked against ThreadObject.
    unsafe {
        let t = obj.as_ptr() as *const ThreadObject;
        (
            (*t).managed_thread_id,
            (*t).is_background,
            (*t).max_stack_size,
        )
    }
}

/// Points the Thread object's `_runtimeThread` at `record` (or null).
fn set_runtime_thread(obj: ObjectRef, record: *mut Thread) {
    // SAFETY: as in `thread_fields`; the caller is cooperative.
    unsafe { (*(obj.as_ptr() as *mut ThreadObject)).runtime_thread = record as *mut _ };
}

impl Runtime {
    /// A fresh `Thread.ManagedThreadId` (the finalizer thread's is skipped).
    pub(crate) fn new_managed_thread_id(&self) -> i32 {
        self.next_managed_id()
    }

    /// `Thread.StartCore`: starts a kernel thread running `obj`'s start
    /// method. `thread` is the caller, cooperative, under a helper frame.
    pub(crate) fn start_managed_thread(&self, obj: Unrooted<'_>) -> Result<(), RuntimeError> {
        let obj = obj.raw();
        let Some(no_foreground) = self.threads.no_foreground else {
            return Err(RuntimeError::managed(
                ExceptionKind::ThreadState,
                Some("Threads cannot start outside a kernel process.".into()),
            ));
        };
        let (id, background, max_stack) = thread_fields(obj);
        let stack = match usize::try_from(max_stack).unwrap_or(0) {
            0 => DEFAULT_STACK,
            n => n.max(MIN_STACK),
        };
        // Keeps the Thread object alive (and findable) until the new
        // thread's record reports it.
        let start = self.heaps.gc.new_handle(obj);
        let mut table = self.threads.lock();
        self.reap(&mut table);
        if !background {
            table.foreground += 1;
            if table.foreground == 1 {
                let _ = self.os.reset_event(no_foreground);
            }
        }
        let rt = RuntimePtr(self);
        let spawned = self.os.spawn_thread(stack, move || {
            let rt = rt;
            // SAFETY: see `RuntimePtr`.
            thread_main(unsafe { &*rt.0 }, start, id)
        });
        match spawned {
            Ok(kernel) => {
                table.started.push(Started {
                    id,
                    kernel,
                    background,
                    done: false,
                });
                Ok(())
            }
            Err(e) => {
                if !background {
                    self.foreground_ended(&mut table, no_foreground);
                }
                Err(RuntimeError::managed(
                    ExceptionKind::OutOfMemory,
                    Some(format!("Thread failed to start: {e}")),
                ))
            }
        }
    }

    fn foreground_ended(&self, table: &mut Table, no_foreground: Handle) {
        table.foreground -= 1;
        if table.foreground == 0 {
            let _ = self.os.set_event(no_foreground);
        }
    }

    /// Forgets threads that have ended, kernel thread included (their
    /// handles are disposed), so a program that starts many threads does
    /// not accumulate them.
    fn reap(&self, table: &mut Table) {
        table.started.retain(|s| {
            if !s.done {
                return true;
            }
            match self.os.join_thread(s.kernel, Some(Duration::ZERO)) {
                Ok(Some(_)) | Err(_) => {
                    let _ = self.os.dispose_thread(s.kernel);
                    false
                }
                Ok(None) => true,
            }
        });
    }

    /// A started thread's start method returned.
    fn managed_thread_ended(&self, id: i32) {
        let mut table = self.threads.lock();
        let Some(i) = table.started.iter().position(|s| s.id == id) else {
            return;
        };
        table.started[i].done = true;
        if !table.started[i].background {
            if let Some(e) = self.threads.no_foreground {
                self.foreground_ended(&mut table, e);
            }
        }
    }

    /// `Thread.IsBackground = value` on a running thread.
    pub(crate) fn set_background(&self, id: i32, background: bool) {
        let Some(no_foreground) = self.threads.no_foreground else {
            return;
        };
        let mut table = self.threads.lock();
        let Some(i) = table.started.iter().position(|s| s.id == id && !s.done) else {
            return;
        };
        if table.started[i].background == background {
            return;
        }
        table.started[i].background = background;
        if background {
            self.foreground_ended(&mut table, no_foreground);
        } else {
            table.foreground += 1;
            if table.foreground == 1 {
                let _ = self.os.reset_event(no_foreground);
            }
        }
    }

    /// `Thread.Join`: waits (the caller is preemptive) until thread `id`
    /// has ended, at most `timeout`. `Ok(false)` on timeout; `Exited` when
    /// the process is being stopped.
    pub(crate) fn join_managed_thread(
        &self,
        id: i32,
        timeout: Option<Duration>,
    ) -> Result<bool, RuntimeError> {
        let kernel = {
            let table = self.threads.lock();
            match table.started.iter().find(|s| s.id == id) {
                Some(s) => s.kernel,
                // Reaped: it has ended.
                None => return Ok(true),
            }
        };
        match self.os.wait_any(&[kernel], timeout) {
            Ok(WaitOutcome::TimedOut) => Ok(false),
            Ok(_) => Ok(true),
            Err(e) if e.status == osprey_kernel::Status::Stopped => {
                Err(RuntimeError::Exited(self.exit_requested().unwrap_or(1)))
            }
            // Reaped (disposed) between the lookup and the wait: ended.
            Err(e) if e.status == osprey_kernel::Status::InvalidHandle => Ok(true),
            Err(e) => Err(RuntimeError::Os(e)),
        }
    }

    /// The end of `Main`: waits until no foreground thread runs (or the
    /// process is being stopped). `thread` is the main thread, preemptive.
    pub fn wait_for_foreground_threads(&self) {
        let Some(no_foreground) = self.threads.no_foreground else {
            return;
        };
        loop {
            if self.threads.lock().foreground == 0 {
                return;
            }
            match self.os.wait_any(&[no_foreground], None) {
                Ok(_) => {}
                // Stopped (or the event is gone): nothing to wait for.
                Err(_) => return,
            }
        }
    }

    /// Ends every thread the runtime started: if any has not finished, the
    /// process is stopped with `exit_code` (unless it already is; the
    /// first code stands) so that they leave their managed code, and each
    /// is joined. Called when the program is over, and by `Runtime::drop`.
    pub fn stop_threads(&self, exit_code: i32) {
        let started = std::mem::take(&mut self.threads.lock().started);
        let running = started.iter().any(|s| {
            !matches!(
                self.os.join_thread(s.kernel, Some(Duration::ZERO)),
                Ok(Some(_))
            )
        });
        if running {
            self.request_exit(exit_code);
        }
        for s in started {
            // v2 join: not interrupted by the stop.
            let _ = self.os.join_thread(s.kernel, None);
            let _ = self.os.dispose_thread(s.kernel);
        }
    }

    /// Frees the table's kernel objects (the runtime is going away, every
    /// thread joined).
    pub(crate) fn dispose_thread_table(&self) {
        if let Some(e) = self.threads.no_foreground {
            let _ = self.os.dispose_event(e);
        }
    }
}

/// The body of a started thread.
fn thread_main(rt: &Runtime, start: ObjectHandle, id: i32) -> i32 {
    let mut thread = rt.thread_record(id);
    let result = thread.cooperative(|t| -> Result<(), RuntimeError> {
        let run = CallSite::new(rt, rt.bound_method(BoundMethod::ThreadRunStart))?;
        let obj = t.root(start.get(t));
        drop(start);
        let raw = obj.get(t).raw();
        set_runtime_thread(raw, t);
        // The record reports (and updates) it from now on, as the
        // thread's Thread object.
        t.managed_object = Some(raw);
        run.call(t, &[Arg::from(&obj)])?;
        Ok(())
    });
    thread.cooperative(|t| {
        if let Err(e) = result {
            rt.report_unhandled(t, e, UNHANDLED_THREAD_EXIT_CODE);
        }
        if let Some(obj) = t.managed_object {
            set_runtime_thread(obj, std::ptr::null_mut());
        }
    });
    rt.managed_thread_ended(id);
    drop(thread);
    0
}
