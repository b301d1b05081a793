//! The collection algorithms.
//!
//! * `minor`: the generational collector's nursery evacuation. Pinned
//!   young objects are marked in place (their block is promoted whole);
//!   every other reachable young object is copied into old space, found
//!   from the roots, the dirty cards of old blocks and large objects, and
//!   the copies themselves (a work list). Afterwards no young object is
//!   left, so every card is clean.
//! * `mark_sweep`: marks from the roots (header mark bit, explicit stack),
//!   then sweeps every old block into fillers and a new hole list, and
//!   frees unmarked large objects and empty blocks.
//!
//! Both handle weak handles (short ones before finalization, long ones
//! after) and move unreachable finalizable objects to the f-reachable
//! queue, which keeps them (and what they reach) alive until their
//! finalizer has run.

use super::handles::HandleKind;
use super::heap::{object_size_maybe_forwarded, BlockState, Hole, BLOCK_SIZE, MIN_HOLE};
use super::layout::{self, FORWARDED, MARK_BIT};
use super::roots::{self, Root};
use super::Mutator;
use super::{retire_context, verify, Gc, State};
use crate::object::HEADER_SIZE;

/// One collection, the world stopped.
pub(super) fn collect(gc: &Gc, st: &mut State, threads: &[usize], full: bool) {
    for &t in threads {
        // SAFETY: registered records are alive; their threads are stopped.
        let t = unsafe { &mut *(t as *mut Mutator) };
        retire_context(&mut t.alloc_ptr, &mut t.alloc_limit);
    }
    // The promotion context survives minor collections (its tail is kept a
    // filler after every copy), so survivors of successive collections
    // share blocks; a full collection empties it before sweeping.
    retire_context(&mut st.stress_ctx.ptr, &mut st.stress_ctx.limit);
    let roots = roots::enumerate(gc, st, threads);
    if gc.options.verify {
        verify::verify(gc, st, &roots, "before");
    }
    if gc.options.kind == super::CollectorKind::Generational {
        minor(gc, st, &roots);
    }
    if full {
        mark_sweep(gc, st, &roots);
    }
    if gc.options.verify {
        verify::verify(gc, st, &roots, "after");
    }
}

/// Whether `a` is an object in a nursery block.
#[inline]
fn in_nursery(st: &State, a: usize) -> bool {
    st.heap.contains(a) && st.heap.block(st.heap.block_of(a)).state == BlockState::Nursery
}

struct Minor<'a> {
    gc: &'a Gc,
    st: &'a mut State,
    scan: Vec<usize>,
}

impl Minor<'_> {
    /// The new address of `v` after evacuation (copying it if needed).
    #[inline]
    fn evac(&mut self, v: usize) -> usize {
        if v == 0 || !in_nursery(self.st, v) {
            return v;
        }
        // SAFETY: `v` is a reference into a nursery block (a live object,
        // or one already forwarded or pinned in place).
        unsafe {
            let word = *(v as *const usize);
            if word & FORWARDED != 0 {
                return word & !FORWARDED;
            }
            if *layout::header(v) & MARK_BIT != 0 {
                return v;
            }
            let mt = &*(word as *const crate::typesystem::MethodTable);
            let size = layout::size_with(v, mt);
            let dst = self.promo_alloc(size);
            std::ptr::copy_nonoverlapping((v - HEADER_SIZE) as *const u8, dst as *mut u8, size);
            let new = dst + HEADER_SIZE;
            *(v as *mut usize) = new | FORWARDED;
            self.scan.push(new);
            new
        }
    }

    /// `size` bytes in old space for a survivor.
    fn promo_alloc(&mut self, size: usize) -> usize {
        let p = &mut self.st.promo;
        if p.ptr == 0 || p.ptr + size > p.limit {
            retire_context(&mut p.ptr, &mut p.limit);
            let hole = match self.gc.take_old_range(self.st, size) {
                Ok(Some(h)) => h,
                _ => fatal(self.gc, "out of memory while promoting survivors"),
            };
            self.st.promo.ptr = hole.start;
            self.st.promo.limit = hole.end;
        }
        let p = &mut self.st.promo;
        let at = p.ptr;
        p.ptr += size;
        // Keep the block parseable for card scanning during this collection.
        // SAFETY: the rest of the context is free old-space memory.
        unsafe { layout::fill(p.ptr, p.limit - p.ptr) };
        at
    }

    fn drain(&mut self) {
        while let Some(o) = self.scan.pop() {
            // SAFETY: `o` is a copied (or pinned) live object.
            let mt = unsafe { layout::mt_of(o) };
            // SAFETY: as above.
            unsafe {
                layout::for_each_ref(o, mt, |s| {
                    let v = *s;
                    if v != 0 {
                        *s = self.evac(v);
                    }
                })
            };
        }
    }

    /// Whether young object `v` survived (and where it is now); 0 if it died.
    fn survivor(&self, v: usize) -> usize {
        if v == 0 || !in_nursery(self.st, v) {
            return v;
        }
        // SAFETY: as in `evac`.
        unsafe {
            let word = *(v as *const usize);
            if word & FORWARDED != 0 {
                word & !FORWARDED
            } else if *layout::header(v) & MARK_BIT != 0 {
                v
            } else {
                0
            }
        }
    }
}

fn minor(gc: &Gc, st: &mut State, roots: &[Root]) {
    let mut m = Minor {
        gc,
        st,
        scan: Vec::new(),
    };
    // Pinned roots first: their objects stay where they are.
    let mut bases = Vec::with_capacity(roots.len());
    for r in roots {
        // SAFETY: root slots are valid for the collection.
        let v = unsafe { *r.slot };
        let base = if v == 0 || !in_nursery(m.st, v) {
            0
        } else if r.interior {
            m.st.heap.find_object(v).unwrap_or(0)
        } else {
            v
        };
        bases.push((base, v));
        if base != 0 && r.pinned {
            // SAFETY: `base` is a young object.
            unsafe {
                let h = layout::header(base);
                if *h & MARK_BIT == 0 {
                    *h |= MARK_BIT;
                    let b = m.st.heap.block_of(base);
                    m.st.heap.blocks[b].pinned = true;
                    m.scan.push(base);
                }
            }
        }
    }
    for (r, &(base, v)) in roots.iter().zip(&bases) {
        if base == 0 {
            continue;
        }
        // The slot's value as it was before any root was updated: a slot
        // reported twice is updated twice, to the same address.
        // SAFETY: as above.
        unsafe {
            let new = m.evac(base);
            *r.slot = new + (v - base);
        }
    }
    // The f-reachable queue is a root too.
    for i in 0..m.st.freachable.len() {
        let v = m.st.freachable[i];
        m.st.freachable[i] = m.evac(v);
    }
    // Old-to-young references: the dirty cards.
    scan_cards(&mut m);
    m.drain();

    // Weak handles (short), then finalization, then long weak handles.
    update_weak(gc, &m, HandleKind::Weak);
    let mut dead = Vec::new();
    let fin = std::mem::take(&mut m.st.finalizable);
    let mut kept = Vec::with_capacity(fin.len());
    for o in fin {
        match m.survivor(o) {
            // SAFETY: `o` was a live object until this collection, and
            // nothing has been freed yet.
            0 if unsafe { layout::finalizer_suppressed(o) } => {}
            0 => dead.push(o),
            n => kept.push(n),
        }
    }
    m.st.finalizable = kept;
    for o in dead {
        let n = m.evac(o);
        m.st.freachable.push_back(n);
    }
    m.drain();
    update_weak(gc, &m, HandleKind::WeakTrackResurrection);
    update_weak(gc, &m, HandleKind::RuntimeWeak);

    // Free the nursery; promote blocks that hold pinned objects.
    let verify = gc.options.verify;
    let st = m.st;
    for i in 0..st.heap.high {
        if st.heap.blocks[i].state != BlockState::Nursery {
            continue;
        }
        if st.heap.blocks[i].pinned {
            st.heap.blocks[i].state = BlockState::Old;
            st.heap.blocks[i].pinned = false;
            st.old_allocated += BLOCK_SIZE;
            sweep_block(st, i, false);
        } else {
            if verify {
                // Stale references into the nursery now read zeros.
                // SAFETY: the block is committed and holds no live object.
                unsafe { std::ptr::write_bytes(st.heap.block_start(i) as *mut u8, 0, BLOCK_SIZE) };
            }
            st.heap.release_block(i);
        }
    }
    st.nursery_blocks = 0;
}

/// Scans the objects under dirty cards of old blocks and large objects,
/// evacuating the young objects they reference, and cleans the cards.
fn scan_cards(m: &mut Minor<'_>) {
    let nblocks = m.st.heap.high;
    let mut i = 0;
    while i < nblocks {
        let state = m.st.heap.blocks[i].state;
        match state {
            BlockState::Old => {
                if m.st.heap.block_cards(i).iter().any(|c| *c != 0) {
                    let start = m.st.heap.block_start(i);
                    let cards: Vec<u8> = m.st.heap.block_cards(i).to_vec();
                    m.st.heap.block_cards(i).fill(0);
                    let mut objs = Vec::new();
                    let _ = walk(start, start + BLOCK_SIZE, |obj, size, real| {
                        if real {
                            let first = (obj - HEADER_SIZE - start) >> super::heap::CARD_SHIFT;
                            let last =
                                (obj - HEADER_SIZE + size - 1 - start) >> super::heap::CARD_SHIFT;
                            if cards[first..=last.min(cards.len() - 1)]
                                .iter()
                                .any(|c| *c != 0)
                            {
                                objs.push(obj);
                            }
                        }
                    });
                    for obj in objs {
                        // SAFETY: a live old object.
                        let mt = unsafe { layout::mt_of(obj) };
                        // SAFETY: as above.
                        unsafe {
                            layout::for_each_ref(obj, mt, |s| {
                                let v = *s;
                                if v != 0 {
                                    *s = m.evac(v);
                                }
                            })
                        };
                    }
                }
                i += 1;
            }
            BlockState::LargeHead(n) => {
                let n = n as usize;
                let start = m.st.heap.block_start(i);
                let obj = start + HEADER_SIZE;
                for b in i..i + n {
                    if m.st.heap.block_cards(b).iter().any(|c| *c != 0) {
                        let cards: Vec<u8> = m.st.heap.block_cards(b).to_vec();
                        m.st.heap.block_cards(b).fill(0);
                        let bstart = m.st.heap.block_start(b);
                        for (c, &dirty) in cards.iter().enumerate() {
                            if dirty == 0 {
                                continue;
                            }
                            let lo = bstart + (c << super::heap::CARD_SHIFT);
                            let hi = lo + super::heap::CARD_SIZE;
                            // SAFETY: a live large object; only slots in [lo, hi).
                            unsafe {
                                let mt = layout::mt_of(obj);
                                layout::for_each_ref_in(obj, mt, lo, hi, |s| {
                                    let v = *s;
                                    if v != 0 {
                                        *s = m.evac(v);
                                    }
                                })
                            };
                        }
                    }
                }
                i += n;
            }
            BlockState::Nursery => {
                m.st.heap.block_cards(i).fill(0);
                i += 1;
            }
            _ => i += 1,
        }
    }
}

/// Walks the objects of `[start, end)`: `f(obj, size, real)` where `real`
/// is false for fillers. Stops at an unformatted (zero) word; returns where
/// the walk stopped (`end` for a parseable range).
pub(super) fn walk(start: usize, end: usize, mut f: impl FnMut(usize, usize, bool)) -> usize {
    let mut p = start;
    while p < end {
        // SAFETY: blocks in use are parseable during a collection.
        unsafe {
            if *(p as *const u64) == layout::GAP8 {
                p += 8;
                continue;
            }
            let obj = p + HEADER_SIZE;
            let size = object_size_maybe_forwarded(obj);
            if size == 0 {
                return p;
            }
            let word = *(obj as *const usize);
            let real = word & FORWARDED != 0 || !layout::is_filler(word as *const _);
            f(obj, size, real);
            p += size;
        }
    }
    p
}

/// Sweeps one old block: marked objects survive (mark cleared), the rest
/// becomes fillers; free runs of at least `MIN_HOLE` bytes become holes.
/// Returns the live bytes. An empty block is released (unless `keep`).
fn sweep_block(st: &mut State, i: usize, keep_empty: bool) -> usize {
    let start = st.heap.block_start(i);
    let end = start + BLOCK_SIZE;
    let mut live = 0;
    let mut run: Option<usize> = None;
    let mut holes = Vec::new();
    let close = |run: &mut Option<usize>, at: usize, holes: &mut Vec<Hole>| {
        if let Some(r) = run.take() {
            // SAFETY: [r, at) holds only dead objects and fillers.
            unsafe { layout::fill(r, at - r) };
            if at - r >= MIN_HOLE {
                holes.push(Hole { start: r, end: at });
            }
        }
    };
    let mut p = start;
    while p < end {
        // SAFETY: the block is parseable.
        unsafe {
            if *(p as *const u64) == layout::GAP8 {
                run.get_or_insert(p);
                p += 8;
                continue;
            }
            let obj = p + HEADER_SIZE;
            let size = object_size_maybe_forwarded(obj);
            if size == 0 {
                // Unformatted tail (cannot happen after retiring contexts).
                run.get_or_insert(p);
                p = end;
                break;
            }
            let word = *(obj as *const usize);
            let h = layout::header(obj);
            let alive =
                word & FORWARDED == 0 && !layout::is_filler(word as *const _) && *h & MARK_BIT != 0;
            if alive {
                *h &= !MARK_BIT;
                live += size;
                close(&mut run, p, &mut holes);
            } else {
                run.get_or_insert(p);
            }
            p += size;
        }
    }
    if live == 0 && !keep_empty {
        st.heap.release_block(i);
        return 0;
    }
    close(&mut run, end.min(p), &mut holes);
    st.holes.extend(holes);
    live
}

fn update_weak(gc: &Gc, m: &Minor<'_>, kind: HandleKind) {
    let mut handles = gc.handles.lock().unwrap_or_else(|p| p.into_inner());
    for (slot, k) in handles.slots_mut() {
        if k == kind {
            // SAFETY: handle slots are valid while the table is locked.
            unsafe { *slot = m.survivor(*slot) };
        }
    }
}

#[inline]
fn mark_into(heap: &super::heap::BlockHeap, stack: &mut Vec<usize>, v: usize) {
    if v == 0 || !heap.contains(v) {
        return;
    }
    if heap.block(heap.block_of(v)).state == BlockState::Free {
        return;
    }
    // SAFETY: `v` is a reference to an object in a block in use.
    unsafe {
        let h = layout::header(v);
        if *h & MARK_BIT == 0 {
            *h |= MARK_BIT;
            stack.push(v);
        }
    }
}

struct Marker<'a> {
    st: &'a State,
    stack: Vec<usize>,
}

impl Marker<'_> {
    #[inline]
    fn mark(&mut self, v: usize) {
        mark_into(&self.st.heap, &mut self.stack, v);
    }

    fn drain(&mut self) {
        let heap = &self.st.heap;
        while let Some(o) = self.stack.pop() {
            // SAFETY: a marked live object.
            let mt = unsafe { layout::mt_of(o) };
            let stack = &mut self.stack;
            // SAFETY: as above.
            unsafe { layout::for_each_ref(o, mt, |s| mark_into(heap, stack, *s)) };
        }
    }

    fn marked(&self, v: usize) -> bool {
        // SAFETY: only called for references to objects in the heap.
        v == 0 || !self.st.heap.contains(v) || unsafe { *layout::header(v) & MARK_BIT != 0 }
    }
}

fn mark_sweep(gc: &Gc, st: &mut State, roots: &[Root]) {
    // The promotion context's tail is already a filler: the sweep makes it
    // a hole like any other free range.
    st.promo = super::Ctx::default();
    let mut m = Marker {
        st,
        stack: Vec::new(),
    };
    for r in roots {
        // SAFETY: root slots are valid for the collection.
        let v = unsafe { *r.slot };
        if r.interior {
            if let Some(b) = m.st.heap.find_object(v) {
                m.mark(b);
            }
        } else {
            m.mark(v);
        }
    }
    for i in 0..m.st.freachable.len() {
        let v = m.st.freachable[i];
        m.mark(v);
    }
    m.drain();
    clear_weak(gc, &m, HandleKind::Weak);
    let (alive, dead): (Vec<usize>, Vec<usize>) =
        m.st.finalizable.iter().partition(|o| m.marked(**o));
    // SAFETY: the dead objects are not swept yet.
    let dead: Vec<usize> = dead
        .into_iter()
        .filter(|&o| unsafe { !layout::finalizer_suppressed(o) })
        .collect();
    for &o in &dead {
        m.mark(o);
    }
    m.drain();
    clear_weak(gc, &m, HandleKind::WeakTrackResurrection);
    clear_weak(gc, &m, HandleKind::RuntimeWeak);
    st.finalizable = alive;
    st.freachable.extend(dead);

    // Sweep.
    st.holes.clear();
    st.hole_cursor = 0;
    let mut live = 0;
    let mut i = 0;
    while i < st.heap.high {
        match st.heap.blocks[i].state {
            BlockState::Old => {
                live += sweep_block(st, i, false);
                i += 1;
            }
            BlockState::LargeHead(n) => {
                let obj = st.heap.block_start(i) + HEADER_SIZE;
                let h = layout::header(obj);
                // SAFETY: a large object starts its head block.
                unsafe {
                    if *h & MARK_BIT != 0 {
                        *h &= !MARK_BIT;
                        live += n as usize * BLOCK_SIZE;
                    } else {
                        st.heap.release_block(i);
                    }
                }
                i += n as usize;
            }
            _ => i += 1,
        }
    }
    st.live_after_full = live;
    st.old_allocated = 0;
    let keep = gc.options.nursery / BLOCK_SIZE + 32;
    st.heap.trim(keep);
}

fn clear_weak(gc: &Gc, m: &Marker<'_>, kind: HandleKind) {
    let mut handles = gc.handles.lock().unwrap_or_else(|p| p.into_inner());
    for (slot, k) in handles.slots_mut() {
        if k == kind {
            // SAFETY: handle slots are valid while the table is locked.
            unsafe {
                if !m.marked(*slot) {
                    *slot = 0;
                }
            }
        }
    }
}

/// Reports a broken heap and ends the process (a runtime bug: continuing
/// would corrupt memory).
pub(super) fn fatal(gc: &Gc, what: &str) -> ! {
    let _ = gc.os.console_flush();
    let _ = gc
        .os
        .stderr(&format!("fatal error: garbage collector: {what}\n"));
    std::process::exit(70)
}
