//! The tier-up thread: compiles hot methods with the optimizing tier in the
//! background while the program goes on running their baseline code
//! (docs/jit.md, "Tiers"), as CoreCLR's tiered compilation does.
//!
//! A baseline method's call counter reaching zero calls the `TierUp` helper
//! ([`super::compile::tier_up_worker`]), which only queues the method here
//! and returns: the method's current and later calls keep running its
//! baseline code (its counter has passed zero and does not call the helper
//! again) until the tier-up thread has compiled it, published the code and
//! patched the precode ([`Runtime::tier_up`]). Frames already running the
//! baseline code finish in it.
//!
//! The thread is started on the first request, so a program that never
//! tiers a method up (hello world) never pays for it. It has no thread
//! record: compiling touches no object on the GC heap (string literals are
//! frozen, statics live in native memory), so the collector has nothing to
//! suspend or scan on it, and it never waits for a collection. It takes the
//! loader lock for each method, as every compilation does.
//!
//! `OSPREY_TIER_BACKGROUND=0` tiers up on the thread that made the counting
//! call instead (deterministic, for debugging); so do `--jit-dump` (whose
//! listing then shows every tier-up, in order) and a runtime where no
//! kernel thread can be created. When the runtime is dropped, or the
//! process is ending, the thread stops between two methods and is joined;
//! methods still queued stay in their baseline code.

use std::collections::VecDeque;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Mutex;

use osprey_kernel::Handle;

use super::compile::TierUpOn;
use super::Runtime;
use crate::loader::MethodHandle;

/// The tier-up thread's queue and handles.
#[derive(Default)]
pub(crate) struct TierWorker {
    state: Mutex<WorkerState>,
    /// Set when the runtime is going away: the thread stops before its next
    /// method.
    stop: AtomicBool,
}

#[derive(Default)]
struct WorkerState {
    /// Methods waiting to be compiled, oldest first.
    queue: VecDeque<MethodHandle>,
    /// (thread, wake-up event) once started.
    handles: Option<(Handle, Handle)>,
    /// No thread could be started: tier up on the calling thread.
    unavailable: bool,
}

/// A `&Runtime` that can move to the tier-up thread.
struct RuntimePtr(*const Runtime);

// SAFETY: `Runtime` is `Sync`; the pointer stays valid because the runtime
// joins the tier-up thread before it is freed (`Runtime::drop` calls
// `stop_tier_worker`).
unsafe impl Send for RuntimePtr {}

impl TierWorker {
    fn state(&self) -> std::sync::MutexGuard<'_, WorkerState> {
        self.state.lock().unwrap_or_else(|p| p.into_inner())
    }
}

impl Runtime {
    /// Queues `method` for the tier-up thread (starting it on the first
    /// request). `false` when the caller must tier it up itself: background
    /// compilation is off or no thread could be started.
    pub(crate) fn queue_tier_up(&self, method: MethodHandle) -> bool {
        // A `--jit-dump` listing is complete and in order only when the
        // optimized code is compiled before the call goes on (a program
        // may end before the tier-up thread gets to a method).
        if !self.options.jit.background || self.options.jit_dump.is_some() {
            return false;
        }
        let worker = &self.tier_worker;
        let mut state = worker.state();
        if state.unavailable || worker.stop.load(Ordering::SeqCst) {
            return false;
        }
        let event = match state.handles {
            Some((_, event)) => event,
            None => match self.start_tier_worker() {
                Some(handles) => {
                    state.handles = Some(handles);
                    handles.1
                }
                None => {
                    state.unavailable = true;
                    return false;
                }
            },
        };
        state.queue.push_back(method);
        drop(state);
        let _ = self.os.set_event(event);
        true
    }

    /// Starts the tier-up thread: its (thread, event) handles.
    fn start_tier_worker(&self) -> Option<(Handle, Handle)> {
        let os = self.os;
        let event = os.create_event(false, false).ok()?;
        let rt = RuntimePtr(self);
        let spawned = os.spawn_thread(0, move || {
            let rt = rt;
            // SAFETY: see `RuntimePtr`.
            tier_worker_main(unsafe { &*rt.0 }, event);
            0
        });
        match spawned {
            Ok(thread) => Some((thread, event)),
            Err(_) => {
                let _ = os.dispose_event(event);
                None
            }
        }
    }

    /// Stops the tier-up thread, if it was started, and waits for it (the
    /// runtime is going away).
    pub(crate) fn stop_tier_worker(&self) {
        let worker = &self.tier_worker;
        worker.stop.store(true, Ordering::SeqCst);
        let Some((thread, event)) = worker.state().handles.take() else {
            return;
        };
        let _ = self.os.set_event(event);
        let _ = self.os.join_thread(thread, None);
        let _ = self.os.dispose_thread(thread);
        let _ = self.os.dispose_event(event);
    }
}

/// The tier-up thread's body: compiles queued methods until stopped.
fn tier_worker_main(rt: &Runtime, event: Handle) {
    let worker = &rt.tier_worker;
    loop {
        // Every wait ends when the process is stopped (`Environment.Exit`,
        // an unhandled exception, the parent's terminate).
        if rt.os.wait_event(event, None).is_err() {
            return;
        }
        loop {
            if worker.stop.load(Ordering::SeqCst) || rt.exit_requested().is_some() {
                return;
            }
            let Some(method) = worker.state().queue.pop_front() else {
                break;
            };
            rt.tier_up_or_warn(method, TierUpOn::TierUpThread);
        }
    }
}
