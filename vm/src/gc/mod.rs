//! The garbage collector: a precise collector over the block heap, with two
//! algorithms behind one interface, chosen per runtime instance
//! ([`GcOptions`], docs/gc.md):
//!
//! * **mark-sweep** ([`CollectorKind::MarkSweep`]): non-moving. Threads
//!   bump-allocate in free ranges ("holes") of old blocks; a collection marks
//!   from the roots and sweeps every block into a new hole list.
//! * **generational** ([`CollectorKind::Generational`]): threads allocate in
//!   a nursery of blocks; a minor collection copies the live young objects
//!   into old blocks (roots plus the dirty cards of old blocks, kept by the
//!   JIT's write barrier) and frees the nursery; the old space is collected
//!   by the same mark-sweep when it has grown enough.
//!
//! Large objects ([`heap::LARGE_OBJECT_SIZE`] and up) get blocks of their
//! own and never move. Pinned objects (pinned locals, QCall string
//! arguments, pinned handles) never move either: a nursery block holding
//! one is promoted in place.
//!
//! Modules: [`heap`] (blocks, cards), [`layout`] (object sizes and reference
//! maps), `options` (the configuration and its environment variables),
//! `collect` (the algorithms), `roots` (what is reachable from
//! outside the heap), [`handles`] (GC handles), `verify` (the heap
//! verifier). Stack roots come from the shared walker (vm/src/stackwalk.rs).

pub mod handles;
pub mod heap;
pub mod layout;

mod alloc;
mod collect;
mod finalize;
mod interface;
mod object_handles;
mod options;
mod registry;
mod roots;
mod unrooted;
mod verify;

use std::sync::atomic::{AtomicBool, AtomicU32, AtomicU64, AtomicUsize, Ordering};
use std::sync::{Condvar, Mutex, MutexGuard};

use osprey_kernel::client::{Os, OsError};

use crate::object::ObjectRef;
use heap::{BlockHeap, Hole, BLOCK_SIZE};

pub use alloc::AllocError;
pub(crate) use alloc::{init_object, retire_context};
pub use handles::HandleKind;
pub use interface::{GcToRuntime, Mutator, RootKind, RootOrigin, StackRoot};
pub(crate) use object_handles::SharedHandleTable;
pub use object_handles::{ObjectHandle, WeakObjectHandle};
pub use options::{
    parse_collector, parse_heap_limit, Accepted, CollectorKind, GcOptionError, GcOptions,
};
pub use registry::ThreadRegistry;
pub use unrooted::Unrooted;

pub use crate::typesystem::TypeRegistry;

/// One GC-visible argument of a call stopped in the prestub (reported by
/// the stack walker for a `FrameKind::Prestub` frame).
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct ArgRoot {
    /// Index of the 8-byte ABI argument (0 = RCX, 1 = RDX, 2.. = stack).
    pub index: u32,
    /// Byte offset inside the argument (a small struct holding a reference).
    pub offset: u32,
    /// A managed pointer rather than an object reference.
    pub interior: bool,
}

/// A bump-allocation range owned by the collector.
#[derive(Copy, Clone, Debug, Default)]
pub(crate) struct Ctx {
    pub ptr: usize,
    pub limit: usize,
}

/// The write-barrier parameters the JIT embeds (generational collector only).
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct BarrierInfo {
    /// First byte of the heap reservation.
    pub heap_base: usize,
    /// Bytes of the reservation.
    pub heap_size: usize,
    /// The card table (one byte per 2^`card_shift` bytes from `heap_base`).
    pub card_table: usize,
    /// log2 of the card size.
    pub card_shift: u8,
}

/// Counters and the pause log.
#[derive(Default)]
pub(crate) struct Stats {
    pub minor: u64,
    pub full: u64,
    /// Pause of every collection, in nanoseconds.
    pub pauses: Vec<u64>,
    pub peak_committed: usize,
}

/// Everything the collector mutates, behind one lock.
pub(crate) struct State {
    pub heap: BlockHeap,
    /// Free ranges of old blocks, by address.
    pub holes: Vec<Hole>,
    pub hole_cursor: usize,
    /// Nursery blocks in use.
    pub nursery_blocks: usize,
    /// Where a minor collection copies survivors.
    pub promo: Ctx,
    /// The allocation context of stress mode (threads' own stay empty).
    pub stress_ctx: Ctx,
    /// Bytes allocated outside the nursery since the last full collection.
    pub old_allocated: usize,
    /// Bytes live after the last full collection.
    pub live_after_full: usize,
    /// Objects with a finalizer that have not been found unreachable.
    pub finalizable: Vec<usize>,
    /// Objects found unreachable whose finalizer has yet to run (roots), in
    /// the order they were found.
    pub freachable: std::collections::VecDeque<usize>,
    /// The finalizer thread is running a finalizer (taken from `freachable`).
    pub finalizer_busy: bool,
    /// Frozen-heap objects that hold references (roots).
    pub frozen_roots: Vec<usize>,
    pub stats: Stats,
    pub stress_count: u64,
    /// Objects allocated since the last collection (stress mode: a poll
    /// with nothing new to move or free does not collect).
    pub allocated_since_collection: u64,
}

/// The collector of one runtime.
pub struct Gc {
    os: Os,
    options: GcOptions,
    /// The runtime's side of the interface (roots, walkability, finalizers).
    to_runtime: &'static dyn GcToRuntime,
    state: Mutex<State>,
    /// The handle table (its own lock: cooperative threads take it), shared
    /// with native code's `ObjectHandle`s.
    pub(crate) handles: SharedHandleTable,
    /// Every thread record of the runtime (shared with the records, which
    /// may outlive the runtime).
    threads: std::sync::Arc<ThreadRegistry>,
    /// The loader's type registry (statics are roots).
    registry: Mutex<Option<std::sync::Arc<TypeRegistry>>>,
    /// The code heap's trap flag, polled at safepoints.
    trap: AtomicUsize,
    /// True while a collection runs (threads wait to become cooperative).
    in_progress: AtomicBool,
    wait_lock: Mutex<u64>,
    wait_cv: Condvar,
    barrier: Option<BarrierInfo>,
    /// Bytes of small objects allocated (approximate, for GetTotalMemory).
    live_estimate: AtomicUsize,
    collections: [AtomicU64; 2],
    /// Serializes collections. Taken in preemptive mode, before the world
    /// stops; the state lock is taken only after, so a mutator blocked on
    /// the state lock in cooperative mode never holds up a collection.
    collect_lock: Mutex<()>,
    /// The finalizer thread's wake-up event, once it runs (`None` until
    /// then: finalizers run on the thread that waits for them).
    finalizer_event: std::sync::OnceLock<osprey_kernel::Handle>,
    /// Signalled (with the state lock) when the finalizer thread finishes a
    /// finalizer, or is gone; `GC.WaitForPendingFinalizers` waits on it.
    finalizer_idle: Condvar,
    /// Set when the finalizer thread stops for good: waiters stop waiting.
    finalizer_gone: AtomicBool,
    /// After an OutOfMemory failure, this many allocations may pass the
    /// limit (into the reservation's slack): raising the exception
    /// allocates its object, message and stack trace.
    oom_grace: AtomicU32,
    /// The arguments of calls stopped in the prestub, by frame address.
    prestub_args: Mutex<Vec<(usize, Vec<ArgRoot>)>>,
    /// The verifier's set of valid method tables (and how many types it covers).
    verify_types: Mutex<(usize, Vec<usize>)>,
}

// SAFETY: raw addresses inside are only used under the locks or while the
// world is stopped; thread records are registered and unregistered by
// their owners.
unsafe impl Send for Gc {}
// SAFETY: as above.
unsafe impl Sync for Gc {}

impl Gc {
    /// Reserves the heap: a collector allocating through `os`, reaching the runtime through
    /// `to_runtime` (see [`GcToRuntime`]).
    pub fn new(
        os: Os,
        options: GcOptions,
        to_runtime: &'static dyn GcToRuntime,
    ) -> Result<Gc, OsError> {
        // Room for the limit, the nursery, and one nursery of promotions in
        // flight (a minor collection may start with the old space full).
        let reserve = options
            .heap_limit
            .saturating_add(2 * options.nursery + 64 * BLOCK_SIZE);
        let mut heap = BlockHeap::new(os, reserve)?;
        heap.next_fit = options.verify;
        let barrier = (options.kind == CollectorKind::Generational).then_some(BarrierInfo {
            heap_base: heap.base,
            heap_size: heap.size,
            card_table: heap.cards,
            card_shift: heap::CARD_SHIFT as u8,
        });
        Ok(Gc {
            os,
            options,
            to_runtime,
            state: Mutex::new(State {
                heap,
                holes: Vec::new(),
                hole_cursor: 0,
                nursery_blocks: 0,
                promo: Ctx::default(),
                stress_ctx: Ctx::default(),
                old_allocated: 0,
                live_after_full: 0,
                finalizable: Vec::new(),
                freachable: std::collections::VecDeque::new(),
                finalizer_busy: false,
                frozen_roots: Vec::new(),
                stats: Stats::default(),
                stress_count: 0,
                allocated_since_collection: 0,
            }),
            handles: SharedHandleTable::default(),
            threads: std::sync::Arc::new(ThreadRegistry::default()),
            registry: Mutex::new(None),
            trap: AtomicUsize::new(0),
            in_progress: AtomicBool::new(false),
            wait_lock: Mutex::new(0),
            wait_cv: Condvar::new(),
            barrier,
            live_estimate: AtomicUsize::new(0),
            collections: [AtomicU64::new(0), AtomicU64::new(0)],
            collect_lock: Mutex::new(()),
            finalizer_event: std::sync::OnceLock::new(),
            finalizer_idle: Condvar::new(),
            finalizer_gone: AtomicBool::new(false),
            oom_grace: AtomicU32::new(0),
            verify_types: Mutex::new((0, Vec::new())),
            prestub_args: Mutex::new(Vec::new()),
        })
    }

    /// Connects the collector to the runtime's loader and trap flag.
    pub(crate) fn attach(&self, registry: std::sync::Arc<TypeRegistry>, trap: &AtomicU32) {
        *self.registry.lock().unwrap_or_else(|p| p.into_inner()) = Some(registry);
        self.trap
            .store(trap as *const AtomicU32 as usize, Ordering::Release);
        if self.options.stress != 0 {
            // Every safepoint poll takes the slow path.
            trap.fetch_or(2, Ordering::SeqCst);
        }
    }

    /// The options in force.
    pub fn options(&self) -> &GcOptions {
        &self.options
    }

    /// The write-barrier parameters, when the collector needs a barrier.
    pub fn barrier(&self) -> Option<BarrierInfo> {
        self.barrier
    }

    /// Whether JIT-compiled code may bump-allocate inline (not in stress
    /// mode, where every allocation must reach the collector).
    pub fn inline_allocation(&self) -> bool {
        self.options.stress == 0
    }

    fn lock_state(&self) -> MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(|p| p.into_inner())
    }

    fn trap_flag(&self) -> Option<&AtomicU32> {
        let p = self.trap.load(Ordering::Acquire);
        // SAFETY: set by `attach` to the code heap's trap flag, which lives
        // as long as the runtime and therefore as long as this collector.
        (p != 0).then(|| unsafe { &*(p as *const AtomicU32) })
    }

    /// Records which arguments of the call stopped in the prestub frame at
    /// `frame` hold references (empty: forget the frame).
    pub fn set_prestub_args(&self, frame: usize, args: Vec<ArgRoot>) {
        let mut all = self.prestub_args.lock().unwrap_or_else(|p| p.into_inner());
        all.retain(|(f, _)| *f != frame);
        if !args.is_empty() {
            all.push((frame, args));
        }
    }

    /// Calls `f` with the reference-holding arguments of the prestub frame
    /// at `frame` (none if unknown).
    pub fn with_prestub_args(&self, frame: usize, f: impl FnOnce(&[ArgRoot])) {
        let all = self.prestub_args.lock().unwrap_or_else(|p| p.into_inner());
        f(all
            .iter()
            .find(|(a, _)| *a == frame)
            .map_or(&[], |(_, v)| v.as_slice()))
    }

    // ----- barrier -------------------------------------------------------------------------------

    /// The write barrier for native code: call after storing a reference
    /// at `addr` (a field or element of a heap object).
    #[inline]
    pub fn write_barrier(&self, addr: usize) {
        if let Some(b) = self.barrier {
            if addr.wrapping_sub(b.heap_base) < b.heap_size {
                // SAFETY: the card table covers the whole reservation.
                unsafe {
                    *((b.card_table + ((addr - b.heap_base) >> b.card_shift)) as *mut u8) = 1
                };
            }
        }
    }

    /// The write barrier for a block copy of `len` bytes at `addr` that
    /// may contain references.
    pub fn write_barrier_range(&self, addr: usize, len: usize) {
        if self.barrier.is_some() && len > 0 {
            let mut a = addr & !(heap::CARD_SIZE - 1);
            while a < addr + len {
                self.write_barrier(a);
                a += heap::CARD_SIZE;
            }
        }
    }

    // ----- collection -------------------------------------------------------------------------------

    /// Collects: a minor collection (generational) or a full one. The caller
    /// is `thread`, cooperative, at a point where it can be walked.
    pub fn collect(&self, thread: &mut impl AsMut<Mutator>, full: bool) {
        let thread = thread.as_mut();
        // Preemptive while waiting for the lock: another thread may be
        // collecting and waiting for this one.
        self.enter_preemptive(thread);
        let collecting = self.collect_lock.lock().unwrap_or_else(|p| p.into_inner());
        // Nobody collects while we hold the lock; safe to be cooperative.
        // SAFETY: as in `enter_cooperative`.
        unsafe { AtomicU32::from_ptr(&mut thread.gc_mode) }.store(1, Ordering::SeqCst);
        let me = thread as *mut Mutator;
        // Held for the whole collection: a record cannot unregister (and be
        // freed) while the collector uses it.
        let mut registry = self.threads.lock();
        let threads = registry.threads.clone();
        self.suspend_others(me, &threads);
        // Only now the state lock: its other holders are mutators that
        // release it without waiting for anything.
        let mut st = self.lock_state();
        for (ptr, limit) in std::mem::take(&mut registry.orphans) {
            let (mut p, mut l) = (ptr, limit);
            retire_context(&mut p, &mut l);
        }
        let t0 = self.os.cycle_count();
        let before = st.heap.blocks_in_use * BLOCK_SIZE;
        let full = full || self.options.kind == CollectorKind::MarkSweep;
        st.allocated_since_collection = 0;
        collect::collect(self, &mut st, &threads, full);
        if full {
            self.collections[1].fetch_add(1, Ordering::Relaxed);
            st.stats.full += 1;
        } else {
            self.collections[0].fetch_add(1, Ordering::Relaxed);
            st.stats.minor += 1;
            if self.full_due(&st) {
                // The promotions filled the old space's budget.
                collect::collect(self, &mut st, &threads, true);
                self.collections[1].fetch_add(1, Ordering::Relaxed);
                st.stats.full += 1;
            }
        }
        let cps = self.os.cycles_per_second().max(1);
        let ns = ((self.os.cycle_count() - t0) as u128 * 1_000_000_000 / cps as u128) as u64;
        st.stats.pauses.push(ns);
        if self.options.log {
            let after = st.heap.blocks_in_use * BLOCK_SIZE;
            let _ = self.os.stderr(&format!(
                "gc: #{} {} pause {} us, heap {} KiB -> {} KiB\n",
                st.stats.minor + st.stats.full,
                if full { "full" } else { "minor" },
                ns / 1000,
                before >> 10,
                after >> 10
            ));
        }
        self.live_estimate
            .store(st.live_after_full, Ordering::Relaxed);
        let wake_finalizer = !st.freachable.is_empty();
        drop(registry);
        drop(st);
        self.resume_others();
        drop(collecting);
        if wake_finalizer {
            if let Some(&event) = self.finalizer_event.get() {
                // A failure leaves the objects queued for the next wake-up.
                let _ = self.os.set_event(event);
            }
        }
    }

    /// Bytes in use by objects (approximate: blocks in use, less free holes).
    pub fn total_memory(&self) -> usize {
        let st = self.lock_state();
        let holes: usize = st.holes[st.hole_cursor..]
            .iter()
            .map(|h| h.end - h.start)
            .sum();
        (st.heap.blocks_in_use * BLOCK_SIZE).saturating_sub(holes)
    }

    /// Collections so far: generation 0 (minor) or 1 (full).
    pub fn collection_count(&self, generation: usize) -> u64 {
        match generation {
            0 => {
                self.collections[0].load(Ordering::Relaxed)
                    + self.collections[1].load(Ordering::Relaxed)
            }
            _ => self.collections[1].load(Ordering::Relaxed),
        }
    }

    /// A strong handle for native code keeping `obj` alive (and updated
    /// when it moves) until dropped.
    pub fn new_handle(&self, obj: ObjectRef) -> ObjectHandle {
        ObjectHandle::new(&self.handles, obj)
    }

    /// The pause summary: (collections, max ns, p99 ns, peak bytes of blocks).
    pub fn pause_summary(&self) -> (usize, u64, u64, usize) {
        let st = self.lock_state();
        let mut p = st.stats.pauses.clone();
        p.sort_unstable();
        let max = p.last().copied().unwrap_or(0);
        let p99 = if p.is_empty() {
            0
        } else {
            p[((p.len() * 99).div_ceil(100))
                .saturating_sub(1)
                .min(p.len() - 1)]
        };
        (p.len(), max, p99, st.stats.peak_committed)
    }
}

impl Drop for Gc {
    fn drop(&mut self) {
        if self.options.log {
            let (n, max, p99, peak) = self.pause_summary();
            let st = self.lock_state();
            let _ = self.os.stderr(&format!(
                "gc: summary collector={} collections={} minor={} full={} pause_max_us={} pause_p99_us={} peak_heap_kib={}\n",
                self.options.kind.name(),
                n,
                st.stats.minor,
                st.stats.full,
                max / 1000,
                p99 / 1000,
                peak >> 10
            ));
        }
    }
}
