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

mod collect;
mod interface;
mod object_handles;
mod options;
mod roots;
mod unrooted;
mod verify;

use std::sync::atomic::{AtomicBool, AtomicU32, AtomicU64, AtomicUsize, Ordering};
use std::sync::{Condvar, Mutex, MutexGuard};

use osprey_kernel::client::{Os, OsError};

use crate::object::{self, ObjectRef, HEADER_SIZE};
use crate::typesystem::types::mt_flags;
use crate::typesystem::MethodTable;
use heap::{BlockHeap, BlockState, Hole, BLOCK_SIZE, LARGE_OBJECT_SIZE};

pub use handles::HandleKind;
pub use interface::{GcToRuntime, Mutator, RootKind, RootOrigin, StackRoot};
pub(crate) use object_handles::SharedHandleTable;
pub use object_handles::{ObjectHandle, WeakObjectHandle};
pub use options::{
    parse_collector, parse_heap_limit, parse_size, Accepted, CollectorKind, GcOptionError,
    GcOptions,
};
pub use unrooted::Unrooted;

/// The thread records of a runtime, shared by the collector and the records
/// (a record may be dropped after its runtime).
#[derive(Default)]
pub struct ThreadRegistry {
    inner: Mutex<Registered>,
}

#[derive(Default)]
struct Registered {
    /// `*mut Mutator` of every registered thread record.
    threads: Vec<usize>,
    /// Allocation contexts of records that unregistered, to be made
    /// parseable at the next collection.
    orphans: Vec<(usize, usize)>,
}

impl ThreadRegistry {
    fn lock(&self) -> MutexGuard<'_, Registered> {
        self.inner.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Unregisters a thread record (when it drops); its allocation context
    /// goes back to the collector. Waits while a collection runs.
    fn unregister(&self, m: &mut Mutator) {
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

/// Why an allocation failed.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum AllocError {
    /// The heap limit is reached even after a full collection, or the
    /// request is larger than any object can be (OutOfMemoryException).
    OutOfMemory,
    /// The kernel refused pages.
    Os(OsError),
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

    // ----- threads and suspension --------------------------------------------------

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

    fn wait_for_collection(&self) {
        let mut g = self.wait_lock.lock().unwrap_or_else(|p| p.into_inner());
        while self.in_progress.load(Ordering::SeqCst) {
            g = self.wait_cv.wait(g).unwrap_or_else(|p| p.into_inner());
        }
    }

    /// Stops the world: every other thread is in preemptive mode or blocked
    /// at a safepoint when this returns. The caller holds the state lock
    /// and the registry's.
    fn suspend_others(&self, me: *mut Mutator, threads: &[usize]) {
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

    fn resume_others(&self) {
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
    fn stress_point(&self, thread: &mut Mutator, at_poll: bool) {
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

    // ----- allocation ------------------------------------------------------------------------

    /// Allocates an object of type `mt` (`length` elements for arrays and
    /// strings), zeroed, with its method table and length written. Collects
    /// when a budget is exhausted; `OutOfMemory` when even a full
    /// collection leaves no room under the limit. The caller must be able
    /// to be walked (a transition frame) and hold no unprotected references.
    ///
    /// The result borrows `thread` mutably (see [`crate::rooted`]): the
    /// object can be initialized and handed to managed code, or rooted
    /// through `Thread::root_table`, before anything else runs on the
    /// thread.
    pub fn alloc<'t>(
        &self,
        thread: &'t mut impl AsMut<Mutator>,
        mt: &MethodTable,
        length: usize,
    ) -> Result<Unrooted<'t>, AllocError> {
        let thread = thread.as_mut();
        if length > object::MAX_LENGTH {
            return Err(AllocError::OutOfMemory);
        }
        let size = object::allocation_size(mt, length);
        if size > self.options.heap_limit {
            return Err(AllocError::OutOfMemory);
        }
        self.stress_point(thread, false);
        let start = match self.alloc_raw(thread, size) {
            Ok(s) => s,
            Err(AllocError::OutOfMemory) => {
                self.oom_grace.store(64, Ordering::Relaxed);
                return Err(AllocError::OutOfMemory);
            }
            Err(e) => return Err(e),
        };
        let _ = self
            .oom_grace
            .fetch_update(Ordering::Relaxed, Ordering::Relaxed, |g| g.checked_sub(1));
        let obj = init_object(start, mt, length);
        if mt.has(mt_flags::HAS_FINALIZER) || self.options.stress != 0 {
            let mut st = self.lock_state();
            st.allocated_since_collection += 1;
            if mt.has(mt_flags::HAS_FINALIZER) {
                st.finalizable.push(obj.as_ptr() as usize);
            }
        }
        Ok(Unrooted::assume(obj))
    }

    /// Finds `size` bytes, collecting as needed.
    fn alloc_raw(&self, thread: &mut Mutator, size: usize) -> Result<usize, AllocError> {
        let mut attempt = 0;
        loop {
            let need = {
                let mut st = self.lock_state();
                if let Some(at) = self.try_alloc(&mut st, thread, size)? {
                    return Ok(at);
                }
                // Which collection would help.
                if self.options.kind == CollectorKind::Generational
                    && size < LARGE_OBJECT_SIZE
                    && attempt == 0
                    && st.nursery_blocks * BLOCK_SIZE >= self.options.nursery
                    && !self.over_limit(&st, self.options.nursery)
                {
                    Need::Minor
                } else {
                    Need::Full
                }
            };
            if attempt >= 2 {
                return Err(AllocError::OutOfMemory);
            }
            attempt += 1;
            self.collect(thread, need == Need::Full);
        }
    }

    fn over_limit(&self, st: &State, extra: usize) -> bool {
        if self.oom_grace.load(Ordering::Relaxed) > 0 {
            return false;
        }
        let old_blocks = st.heap.blocks_in_use - st.nursery_blocks;
        old_blocks * BLOCK_SIZE + extra > self.options.heap_limit
    }

    /// Allocation without collecting: `None` when a collection is due.
    fn try_alloc(
        &self,
        st: &mut State,
        thread: &mut Mutator,
        size: usize,
    ) -> Result<Option<usize>, AllocError> {
        if size >= LARGE_OBJECT_SIZE {
            if self.over_limit(st, size) || self.full_due(st) {
                return Ok(None);
            }
            let n = size.div_ceil(BLOCK_SIZE);
            return match st.heap.take_blocks(n, BlockState::LargeHead(n as u32)) {
                Ok(Some(b)) => {
                    st.old_allocated += n * BLOCK_SIZE;
                    self.note_peak(st);
                    Ok(Some(st.heap.block_start(b)))
                }
                Ok(None) => Ok(None),
                Err(e) => Err(AllocError::Os(e)),
            };
        }
        let stress = self.options.stress != 0;
        // The context to allocate from.
        let (ptr, limit) = if stress {
            (
                &mut st.stress_ctx.ptr as *mut usize,
                &mut st.stress_ctx.limit as *mut usize,
            )
        } else {
            (
                &mut thread.alloc_ptr as *mut usize,
                &mut thread.alloc_limit as *mut usize,
            )
        };
        // SAFETY: both point at live fields (of `st` or `thread`), used only here.
        let (ptr, limit) = unsafe { (&mut *ptr, &mut *limit) };
        if *ptr + size <= *limit && *ptr != 0 {
            let at = *ptr;
            *ptr += size;
            return Ok(Some(at));
        }
        retire_context(ptr, limit);
        let ctx = match self.options.kind {
            CollectorKind::Generational => {
                // The limit covers the old space plus the nursery in use
                // with this new block (the most a minor collection can
                // promote). Not the whole nursery: a limit below the
                // nursery size, or old space within a nursery of the
                // limit, would refuse every allocation of an almost
                // empty heap.
                if st.nursery_blocks * BLOCK_SIZE >= self.options.nursery
                    || self.over_limit(st, (st.nursery_blocks + 1) * BLOCK_SIZE)
                {
                    return Ok(None);
                }
                match st.heap.take_blocks(1, BlockState::Nursery) {
                    Ok(Some(b)) => {
                        st.nursery_blocks += 1;
                        self.note_peak(st);
                        let s = st.heap.block_start(b);
                        Hole {
                            start: s,
                            end: s + BLOCK_SIZE,
                        }
                    }
                    Ok(None) => return Ok(None),
                    Err(e) => return Err(AllocError::Os(e)),
                }
            }
            CollectorKind::MarkSweep => {
                if self.full_due(st) {
                    return Ok(None);
                }
                match self.take_old_range(st, size)? {
                    Some(h) => h,
                    None => return Ok(None),
                }
            }
        };
        let mut ctx = ctx;
        if stress {
            // Every stress collection retires the context: hand out a small
            // one, and keep the rest of the range a filler (parseable).
            let cut = (ctx.start + size.max(1024)).min(ctx.end);
            // SAFETY: [cut, end) is free heap memory of this range.
            unsafe { layout::fill(cut, ctx.end - cut) };
            ctx.end = cut;
        }
        // SAFETY: the range is free heap memory now owned by this context.
        unsafe { std::ptr::write_bytes(ctx.start as *mut u8, 0, ctx.end - ctx.start) };
        *ptr = ctx.start + size;
        *limit = ctx.end;
        if stress {
            // The fast path stays disabled: the thread's context is empty.
            thread.alloc_ptr = 0;
            thread.alloc_limit = 0;
        }
        Ok(Some(ctx.start))
    }

    /// Whether the old space has grown enough for a full collection.
    fn full_due(&self, st: &State) -> bool {
        // Under stress, keep the old space small: every collection verifies
        // the whole heap.
        let floor = if self.options.stress != 0 {
            1 << 20
        } else {
            16 << 20
        };
        let budget = if self.options.stress != 0 {
            floor
        } else {
            st.live_after_full.max(floor)
        };
        st.old_allocated >= budget
    }

    /// A free range of at least `size` bytes in old space: the next hole
    /// that fits, else a fresh block. Counts it as old allocation.
    pub(crate) fn take_old_range(
        &self,
        st: &mut State,
        size: usize,
    ) -> Result<Option<Hole>, AllocError> {
        while st.hole_cursor < st.holes.len() {
            let h = st.holes[st.hole_cursor];
            st.hole_cursor += 1;
            if h.end - h.start >= size {
                st.old_allocated += h.end - h.start;
                return Ok(Some(h));
            }
        }
        if self.over_limit(st, BLOCK_SIZE) && !self.in_progress.load(Ordering::Relaxed) {
            return Ok(None);
        }
        match st.heap.take_blocks(1, BlockState::Old) {
            Ok(Some(b)) => {
                st.old_allocated += BLOCK_SIZE;
                self.note_peak(st);
                let s = st.heap.block_start(b);
                Ok(Some(Hole {
                    start: s,
                    end: s + BLOCK_SIZE,
                }))
            }
            Ok(None) => Ok(None),
            Err(e) => Err(AllocError::Os(e)),
        }
    }

    fn note_peak(&self, st: &mut State) {
        let c = st.heap.blocks_in_use * BLOCK_SIZE;
        if c > st.stats.peak_committed {
            st.stats.peak_committed = c;
        }
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

    /// Records a frozen-heap object that holds references (a root).
    pub fn register_frozen(&self, obj: ObjectRef) {
        if obj.method_table().has(mt_flags::CONTAINS_GC_REFS) {
            self.lock_state().frozen_roots.push(obj.as_ptr() as usize);
        }
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

    /// A strong handle for native code keeping `obj` alive (and updated
    /// when it moves) until dropped.
    pub fn new_handle(&self, obj: ObjectRef) -> ObjectHandle {
        ObjectHandle::new(&self.handles, obj)
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
            if let Some(obj) = ObjectRef::from_raw(obj as *mut u8) {
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

#[derive(PartialEq, Eq)]
enum Need {
    Minor,
    Full,
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

/// Fills the unused rest of an allocation context and empties it.
pub(crate) fn retire_context(ptr: &mut usize, limit: &mut usize) {
    if *ptr != 0 && *limit > *ptr {
        // SAFETY: [ptr, limit) is the unused, zeroed tail of a context.
        unsafe { layout::fill(*ptr, *limit - *ptr) };
    }
    *ptr = 0;
    *limit = 0;
}

/// Writes the method table (and length) of a new object at `start` (its
/// header), in zeroed memory.
pub(crate) fn init_object(start: usize, mt: &MethodTable, length: usize) -> ObjectRef {
    let obj = (start + HEADER_SIZE) as *mut u8;
    // SAFETY: `start` begins a fresh, zeroed block of at least
    // `allocation_size(mt, length)` bytes owned by this allocation.
    unsafe {
        *(obj as *mut *const MethodTable) = mt;
        if mt.component_size != 0 {
            *(obj.add(object::LENGTH_OFFSET) as *mut u32) = length as u32;
        }
    }
    ObjectRef::from_raw(obj).expect("heap addresses are never null")
}
