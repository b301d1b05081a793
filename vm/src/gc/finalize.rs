//! Finalization: the finalizable and f-reachable queues seen from outside
//! the collector (`GC.SuppressFinalize`, `ReRegisterForFinalize`), the
//! finalizer thread's hand-off, and `GC.WaitForPendingFinalizers`.

use std::sync::atomic::Ordering;

use super::{layout, Gc, Mutator, Unrooted};
use crate::object::ObjectRef;
use crate::typesystem::types::mt_flags;

impl Gc {
    /// Removes `obj` from finalization (`GC.SuppressFinalize`): sets its
    /// header's suppressed bit, O(1) (objects with finalizers commonly call
    /// it from `Dispose`). The collector drops the object from finalization
    /// when it dies; if it is already queued, its finalizer is skipped.
    pub fn suppress_finalize(&self, obj: ObjectRef) {
        let bit = (layout::FINALIZER_SUPPRESSED >> 32) as u32;
        // SAFETY: `obj` is a live object (the caller's reference).
        unsafe { layout::header_high(obj.as_ptr() as usize) }.fetch_or(bit, Ordering::Relaxed);
    }

    /// Puts `obj` back under finalization (`GC.ReRegisterForFinalize`):
    /// clears the suppressed bit, and registers the object again if its
    /// finalizer already ran or was dropped (a linear search: rare).
    pub fn reregister_for_finalize(&self, obj: ObjectRef) {
        if obj.method_table().has(mt_flags::HAS_FINALIZER) {
            let a = obj.as_ptr() as usize;
            let bit = (layout::FINALIZER_SUPPRESSED >> 32) as u32;
            // SAFETY: `obj` is a live object (the caller's reference).
            unsafe { layout::header_high(a) }.fetch_and(!bit, Ordering::Relaxed);
            let mut st = self.lock_state();
            if !st.finalizable.contains(&a) && !st.freachable.contains(&a) {
                st.finalizable.push(a);
            }
        }
    }

    /// Whether finalizers are waiting to run.
    pub fn finalizers_pending(&self) -> bool {
        !self.lock_state().freachable.is_empty()
    }

    /// Hands finalization to a finalizer thread woken by `event` (see
    /// runtime/finalizer.rs); from then on, [`Gc::next_to_finalize`] is
    /// called by that thread only.
    pub(crate) fn set_finalizer_event(&self, event: osprey_kernel::Handle) {
        let _ = self.finalizer_event.set(event);
    }

    /// The finalizer runner: the next object whose finalizer should run,
    /// taken off the f-reachable queue, or `None` when the queue is empty.
    /// The caller is cooperative (the object cannot move before its
    /// finalizer is called) and calls again when the finalizer has returned;
    /// `None` tells waiters that everything queued has run.
    pub(crate) fn next_to_finalize<'t>(
        &self,
        _thread: &'t impl AsRef<Mutator>,
    ) -> Option<Unrooted<'t>> {
        let mut st = self.lock_state();
        loop {
            if st.freachable.is_empty() {
                st.finalizer_busy = false;
                self.finalizer_idle.notify_all();
                return None;
            }
            let Some(obj) = st.freachable.pop_front() else {
                continue;
            };
            // SAFETY: queued objects are alive (the queue is a root).
            if unsafe { layout::finalizer_suppressed(obj) } {
                continue;
            }
            // SAFETY: queued objects are alive (the queue is a root).
            if let Some(obj) = unsafe { ObjectRef::from_raw(obj as *mut u8) } {
                st.finalizer_busy = true;
                return Some(Unrooted::assume(obj));
            }
        }
    }

    /// The finalizer thread stopped (the runtime is going away, or a
    /// finalizer failed): nobody waits for it any more.
    pub(crate) fn finalizer_stopped(&self) {
        self.finalizer_gone.store(true, Ordering::Release);
        let mut st = self.lock_state();
        st.finalizer_busy = false;
        self.finalizer_idle.notify_all();
    }

    /// `GC.WaitForPendingFinalizers`: returns when every object found
    /// unreachable so far has been finalized. With a finalizer thread, wakes
    /// it and waits in preemptive mode (`thread` must be walkable and hold
    /// no unprotected references); without one, runs the finalizers on
    /// `thread`.
    pub fn wait_for_pending_finalizers(&self, thread: &mut impl AsMut<Mutator>) {
        let thread = thread.as_mut();
        if thread.is_finalizer {
            // The finalizer thread waiting for itself would never return
            // (the CLR returns at once too).
            return;
        }
        let Some(&event) = self.finalizer_event.get() else {
            while let Some(obj) = self.next_to_finalize(thread).map(Unrooted::raw) {
                // The runtime roots `obj` before anything can collect.
                if !self.to_runtime.run_finalizer(thread, obj) {
                    return;
                }
            }
            return;
        };
        if self.finalizers_pending() {
            let _ = self.os.set_event(event);
        }
        self.enter_preemptive(thread);
        {
            let mut st = self.lock_state();
            while (!st.freachable.is_empty() || st.finalizer_busy)
                && !self.finalizer_gone.load(Ordering::Acquire)
            {
                st = self
                    .finalizer_idle
                    .wait(st)
                    .unwrap_or_else(|p| p.into_inner());
            }
        }
        self.enter_cooperative(thread);
    }
}
