//! The collector's registry of mutators and the stopping of the world:
//! registration, the cooperative/preemptive switches, safepoint polls,
//! stress points, and suspending and resuming the other threads for a
//! collection.

use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::{Mutex, MutexGuard};

use super::{Gc, Mutator};

/// The thread records of a runtime, shared by the collector and the records
/// (a record may be dropped after its runtime).
#[derive(Default)]
pub struct ThreadRegistry {
    inner: Mutex<Registered>,
}

#[derive(Default)]
pub(super) struct Registered {
    /// `*mut Mutator` of every registered thread record.
    pub(super) threads: Vec<usize>,
    /// Allocation contexts of records that unregistered, to be made
    /// parseable at the next collection.
    pub(super) orphans: Vec<(usize, usize)>,
}

impl ThreadRegistry {
    pub(super) fn lock(&self) -> MutexGuard<'_, Registered> {
        self.inner.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Unregisters a thread record (when it drops); its allocation context
    /// goes back to the collector. Waits while a collection runs.
    pub(super) fn unregister(&self, m: &mut Mutator) {
        let mut g = self.lock();
        if m.alloc_ptr != 0 {
            g.orphans.push((m.alloc_ptr, m.alloc_limit));
        }
        m.alloc_ptr = 0;
        m.alloc_limit = 0;
        let me = m as *mut Mutator as usize;
        g.threads.retain(|t| *t != me);
    }
}

impl Gc {
    /// Registers a thread record (its roots are scanned, its allocation
    /// context retired at every collection); the record unregisters itself
    /// when it drops, through the registry it keeps.
    pub fn register_thread(&self, thread: &mut impl AsMut<Mutator>) {
        let thread = thread.as_mut();
        self.threads
            .lock()
            .threads
            .push(thread as *mut Mutator as usize);
        thread.registry = Some(self.threads.clone());
    }

    /// Switches `thread` to cooperative mode, first waiting for a
    /// collection in progress to finish (`Thread::cooperative`, returning
    /// QCalls through the poll).
    pub fn enter_cooperative(&self, thread: &mut impl AsMut<Mutator>) {
        let thread = thread.as_mut();
        loop {
            // SAFETY: `gc_mode` is a u32 field of a live thread record;
            // other threads read it atomically during suspension.
            let mode = unsafe { AtomicU32::from_ptr(&mut thread.gc_mode) };
            mode.swap(1, Ordering::SeqCst);
            if !self.in_progress.load(Ordering::SeqCst) {
                return;
            }
            mode.store(0, Ordering::SeqCst);
            self.wait_for_collection();
        }
    }

    /// Switches `thread` to preemptive mode.
    pub fn enter_preemptive(&self, thread: &mut impl AsMut<Mutator>) {
        let thread = thread.as_mut();
        // Release, not SeqCst: the thread's heap accesses must be visible
        // before a collector sees 0 and scans, but nothing this thread does
        // next depends on what the collector does (it only reads the mode
        // again in `enter_cooperative`, with a full fence). On x86 a plain
        // store, as the JIT's P/Invoke transition does.
        // SAFETY: as in `enter_cooperative`.
        unsafe { AtomicU32::from_ptr(&mut thread.gc_mode) }.store(0, Ordering::Release);
    }

    pub(super) fn wait_for_collection(&self) {
        let mut g = self.wait_lock.lock().unwrap_or_else(|p| p.into_inner());
        while self.in_progress.load(Ordering::SeqCst) {
            g = self.wait_cv.wait(g).unwrap_or_else(|p| p.into_inner());
        }
    }

    /// Stops the world: every other thread is in preemptive mode or blocked
    /// at a safepoint when this returns. The caller holds the state lock
    /// and the registry's.
    pub(super) fn suspend_others(&self, me: *mut Mutator, threads: &[usize]) {
        self.in_progress.store(true, Ordering::SeqCst);
        if let Some(t) = self.trap_flag() {
            t.fetch_or(1, Ordering::SeqCst);
        }
        for &t in threads {
            if t == me as usize {
                continue;
            }
            // SAFETY: registered records live until they unregister, which
            // needs the registry's lock, held by our caller.
            let mode = unsafe { AtomicU32::from_ptr(&mut (*(t as *mut Mutator)).gc_mode) };
            let mut spins = 0u32;
            while mode.load(Ordering::SeqCst) != 0 {
                spins += 1;
                if spins < 100 {
                    std::hint::spin_loop();
                } else {
                    std::thread::yield_now();
                }
            }
        }
    }

    pub(super) fn resume_others(&self) {
        if let Some(t) = self.trap_flag() {
            t.fetch_and(!1, Ordering::SeqCst);
        }
        let mut g = self.wait_lock.lock().unwrap_or_else(|p| p.into_inner());
        self.in_progress.store(false, Ordering::SeqCst);
        *g += 1;
        self.wait_cv.notify_all();
    }

    /// A safepoint poll found the trap flag set: wait out a collection, or
    /// (stress mode) collect.
    pub(crate) fn poll(&self, thread: &mut impl AsMut<Mutator>) {
        let thread = thread.as_mut();
        if self.in_progress.load(Ordering::SeqCst) {
            self.enter_preemptive(thread);
            self.enter_cooperative(thread);
        } else {
            self.stress_point(thread, true);
        }
    }

    /// Under GC stress, counts an allocation or safepoint and collects at
    /// every Nth (only while managed code runs on the thread). A safepoint
    /// reached with nothing allocated since the last collection is not
    /// counted: that collection could move nothing (the nursery is empty)
    /// and free only what became unreachable without an allocation, which
    /// the next one frees. This keeps compute-bound loops, which poll at
    /// every back-edge, from verifying the whole heap at every iteration.
    pub(super) fn stress_point(&self, thread: &mut Mutator, at_poll: bool) {
        if self.options.stress == 0 || !self.to_runtime.runs_managed_code(thread) {
            return;
        }
        let due = {
            let mut st = self.lock_state();
            if at_poll && st.allocated_since_collection == 0 {
                return;
            }
            st.stress_count += 1;
            st.stress_count % self.options.stress as u64 == 0
        };
        if due {
            self.collect(thread, false);
        }
    }

    /// Whether any registered thread is in cooperative mode now (running
    /// managed code, or native code that has not reached a safepoint).
    pub(crate) fn any_thread_cooperative(&self) -> bool {
        let registry = self.threads.lock();
        registry.threads.iter().any(|&t| {
            // SAFETY: registered records live until they unregister, which
            // needs the registry's lock, held here.
            let mode = unsafe { AtomicU32::from_ptr(&mut (*(t as *mut Mutator)).gc_mode) };
            mode.load(Ordering::SeqCst) != 0
        })
    }

    /// Whether a collection has stopped (or is stopping) the world now.
    pub fn collection_in_progress(&self) -> bool {
        self.in_progress.load(Ordering::SeqCst)
    }
}
