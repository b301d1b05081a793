//! Allocation: the slow path behind JIT code's inline bump allocation
//! (allocation contexts, large objects, the old space's holes), the budgets
//! that decide when to collect, the heap limit, and object initialization.

use std::sync::atomic::Ordering;

use osprey_kernel::client::OsError;

use super::heap::{BlockState, Hole, BLOCK_SIZE, LARGE_OBJECT_SIZE};
use super::{layout, CollectorKind, Gc, Mutator, State, Unrooted};
use crate::object::{self, ObjectRef, HEADER_SIZE};
use crate::typesystem::types::mt_flags;
use crate::typesystem::MethodTable;

/// Why an allocation failed.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum AllocError {
    /// The heap limit is reached even after a full collection, or the
    /// request is larger than any object can be (OutOfMemoryException).
    OutOfMemory,
    /// The kernel refused pages.
    Os(OsError),
}

/// What an allocation that found no room needs first.
#[derive(PartialEq, Eq)]
enum Need {
    /// A minor collection (the nursery is full).
    Minor,
    /// A full collection (the old space's budget is spent).
    Full,
}

impl Gc {
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
    pub(super) fn alloc_raw(&self, thread: &mut Mutator, size: usize) -> Result<usize, AllocError> {
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

    pub(super) fn over_limit(&self, st: &State, extra: usize) -> bool {
        if self.oom_grace.load(Ordering::Relaxed) > 0 {
            return false;
        }
        let old_blocks = st.heap.blocks_in_use - st.nursery_blocks;
        old_blocks * BLOCK_SIZE + extra > self.options.heap_limit
    }

    /// Allocation without collecting: `None` when a collection is due.
    pub(super) fn try_alloc(
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
    pub(super) fn full_due(&self, st: &State) -> bool {
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

    pub(super) fn note_peak(&self, st: &mut State) {
        let c = st.heap.blocks_in_use * BLOCK_SIZE;
        if c > st.stats.peak_committed {
            st.stats.peak_committed = c;
        }
    }

    /// Records a frozen-heap object that holds references (a root).
    pub fn register_frozen(&self, obj: ObjectRef) {
        if obj.method_table().has(mt_flags::CONTAINS_GC_REFS) {
            self.lock_state().frozen_roots.push(obj.as_ptr() as usize);
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
    // SAFETY: `obj` was just allocated and its method table written above.
    unsafe { ObjectRef::from_raw(obj) }.expect("heap addresses are never null")
}
