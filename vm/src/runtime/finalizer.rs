//! The finalizer thread: runs `Object.Finalize` overrides (C# destructors)
//! of objects the collector found unreachable (docs/gc.md, "Finalization").
//!
//! One per runtime, started by [`Runtime::new`] on a kernel thread
//! (`ThreadHandle`) with a thread record of its own. It sleeps on an
//! auto-reset kernel event in preemptive mode, so a collection never waits
//! for it; a collection that queues objects on the f-reachable queue sets
//! the event. Awake, it takes one object at a time in cooperative mode
//! ([`crate::gc::Gc::next_to_finalize`]) and calls its finalizer through the
//! call-site API. `GC.WaitForPendingFinalizers` wakes it and waits until
//! the queue is empty and no finalizer runs.
//!
//! An exception that leaves a finalizer ends the process, as in the CLR: the
//! report is printed (`Unhandled exception. ...`), the exit code becomes
//! [`UNHANDLED_FINALIZER_EXIT_CODE`] (mono's), and the main thread abandons
//! its managed frames at its next safepoint ([`Runtime::request_exit`]).
//!
//! When the runtime is dropped, the thread is stopped and joined: objects
//! still queued are not finalized (as in .NET Core; see docs/gc.md for
//! mono's shutdown behaviour), and a finalizer that never returns keeps the
//! process from ending.
//!
//! Where no kernel thread can be created (a runtime outside a kernel
//! process), there is no finalizer thread and `GC.WaitForPendingFinalizers`
//! runs the finalizers on the thread that calls it.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Mutex;

use osprey_kernel::Handle;

use super::{Runtime, RuntimeError};
use crate::thread::Thread;

/// `Thread.ManagedThreadId` of the finalizer thread (the main thread is 1).
pub(crate) const FINALIZER_THREAD_ID: i32 = 2;

/// The exit code of a process ended by an exception that left a finalizer
/// (or any thread but the main one): mono's.
pub const UNHANDLED_FINALIZER_EXIT_CODE: i32 = 255;

/// Trap-flag bit that sends every safepoint poll to the runtime, which
/// abandons the thread's managed frames: the process is ending.
pub(crate) const TRAP_EXIT: u32 = 4;

/// The finalizer thread's handles.
#[derive(Default)]
pub(crate) struct FinalizerThread {
    /// (thread, wake-up event) while it runs.
    handles: Mutex<Option<(Handle, Handle)>>,
    /// Set when the runtime is going away: the thread stops at its next
    /// wake-up, between two finalizers.
    stop: AtomicBool,
}

/// A `&Runtime` that can move to the finalizer thread.
struct RuntimePtr(*const Runtime);

// SAFETY: `Runtime` is `Sync`; the pointer stays valid because the runtime
// joins the finalizer thread before it is freed (`Runtime::drop`).
unsafe impl Send for RuntimePtr {}

impl Runtime {
    /// Starts the finalizer thread. On failure (no kernel process, no
    /// threads left) finalizers run in `GC.WaitForPendingFinalizers`.
    pub(crate) fn start_finalizer_thread(&self) {
        let os = self.os;
        let Ok(event) = os.create_event(false, false) else {
            return;
        };
        let rt = RuntimePtr(self);
        let spawned = os.spawn_thread(0, move || {
            let rt = rt;
            // SAFETY: see `RuntimePtr`.
            finalizer_main(unsafe { &*rt.0 }, event)
        });
        match spawned {
            Ok(thread) => {
                *self
                    .finalizer
                    .handles
                    .lock()
                    .unwrap_or_else(|p| p.into_inner()) = Some((thread, event));
                self.heaps.gc.set_finalizer_event(event);
            }
            Err(_) => {
                let _ = os.dispose_event(event);
            }
        }
    }

    /// Stops the finalizer thread and waits for it (the runtime is going
    /// away).
    pub(crate) fn stop_finalizer_thread(&self) {
        let Some((thread, event)) = self
            .finalizer
            .handles
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .take()
        else {
            return;
        };
        self.finalizer.stop.store(true, Ordering::SeqCst);
        let _ = self.os.set_event(event);
        let _ = self.os.join_thread(thread, None);
        let _ = self.os.dispose_thread(thread);
        let _ = self.os.dispose_event(event);
    }

    /// Ends the process with `exit_code` from any thread: stops the
    /// process through the kernel (`ProcessService::Stop`: it records the
    /// code, sets the trap flag's exit bit, the runtime's stop word, and
    /// ends every kernel wait), so every thread running managed code
    /// abandons it at its next safepoint or wait ([`RuntimeError::Exited`]).
    /// The first request wins (here and in the kernel).
    pub(crate) fn request_exit(&self, exit_code: i32) {
        {
            let mut code = self.exit_code.lock().unwrap_or_else(|p| p.into_inner());
            if code.is_some() {
                return;
            }
            *code = Some(exit_code);
        }
        let _ = self.os.stop(exit_code);
        // Also set directly: outside a kernel process there is no stop word.
        self.code
            .globals()
            .trap
            .fetch_or(TRAP_EXIT, Ordering::SeqCst);
    }

    /// The exit code the process is ending with, if a thread of this
    /// runtime ended it or the process is being stopped (its parent
    /// terminated it, `Environment.Exit`): the trap flag's exit bit is set.
    pub fn exit_requested(&self) -> Option<i32> {
        if self.code.globals().trap.load(Ordering::SeqCst) & TRAP_EXIT == 0 {
            return None;
        }
        let own = *self.exit_code.lock().unwrap_or_else(|p| p.into_inner());
        Some(self.os.stop_code().or(own).unwrap_or(1))
    }

    /// An exception left a finalizer or a started thread's start method:
    /// prints it as an unhandled exception and ends the process with
    /// `exit_code`. `thread` is cooperative. Nothing is printed if the
    /// process is already ending (the thread was abandoned).
    pub(crate) fn report_unhandled(
        &self,
        thread: &mut Thread,
        error: RuntimeError,
        exit_code: i32,
    ) {
        if let RuntimeError::Exited(_) | RuntimeError::TimeLimit { .. } = error {
            return;
        }
        if self.exit_requested().is_some() {
            return;
        }
        let error = self.describe_unhandled(thread, error);
        let _ = self.os.console_flush();
        let _ = self.os.stderr(&error.failure_report());
        let _ = self.os.console_flush();
        self.request_exit(exit_code);
    }
}

/// What one turn of the finalizer loop did.
enum Turn {
    /// The queue was empty.
    Idle,
    /// A finalizer ran.
    Ran,
    /// A finalizer threw: the process is ending.
    Failed,
}

/// The finalizer thread's body.
fn finalizer_main(rt: &Runtime, event: Handle) -> i32 {
    let mut thread = rt.thread_record(FINALIZER_THREAD_ID);
    thread.mutator.is_finalizer = true;
    let gc = &rt.heaps.gc;
    'wake: while !rt.finalizer.stop.load(Ordering::SeqCst) {
        if rt.os.wait_event(event, None).is_err() {
            break;
        }
        loop {
            if rt.finalizer.stop.load(Ordering::SeqCst) || rt.exit_requested().is_some() {
                break 'wake;
            }
            // Cooperative while the object is taken off the queue and
            // rooted.
            let turn = thread.cooperative(|thread| {
                let Some(obj) = gc.next_to_finalize(thread).map(|o| thread.root(o)) else {
                    return Turn::Idle;
                };
                match super::run_finalizer(thread, &obj) {
                    Ok(()) => Turn::Ran,
                    Err(e) => {
                        rt.report_unhandled(thread, e, UNHANDLED_FINALIZER_EXIT_CODE);
                        Turn::Failed
                    }
                }
            });
            match turn {
                Turn::Idle => break,
                Turn::Ran => {}
                Turn::Failed => break 'wake,
            }
        }
    }
    gc.finalizer_stopped();
    0
}
