//! Object references in Rust code: [`Unrooted`] and [`Rooted`].
//!
//! The collector moves young objects and frees unreachable ones at any
//! collection. Rust code holds object references in two forms, and the
//! types make the choice visible:
//!
//! * [`Unrooted<'t>`]: a bare reference, **borrowed from the thread**
//!   (`&'t Thread`). Everything that can allocate, collect, wait in
//!   preemptive mode or run managed code takes `&mut Thread` (the
//!   allocators, `Gc::collect`, `CallSite::call`, `Thread::cooperative`,
//!   the class-constructor runner, ...), so the borrow checker rejects an
//!   `Unrooted` that is used after such a call: it cannot be held across a
//!   collection. `Gc::alloc` returns one borrowed from the *mutable* borrow
//!   of the thread it was given: a new object can be initialized and handed
//!   to managed code, and nothing else happens meanwhile.
//! * [`Rooted`]: a reference in a slot of the thread's [`RootTable`], which
//!   the stack walker reports to the collector and the collector updates
//!   when it moves the object. It is what Rust code keeps across
//!   allocations and calls into managed code, and what the runtime's own
//!   allocation APIs return (`Runtime::new_object`, `Runtime::new_string`,
//!   the exception constructors): a new object is rooted from birth.
//!   Reading it gives an `Unrooted` for as long as the thread is not
//!   mutably borrowed again ([`Rooted::get`]).
//!
//! ```ignore
//! let name = rt.new_string(thread, "T")?;            // Rooted
//! let obj = rt.new_object(thread, t.mt(), 0)?;       // Rooted: `name` may have moved
//! let (o, n) = (obj.get(thread), name.get(thread));  // Unrooted<'_>, both valid now
//! unsafe { o.write_ref(FIELD, Some(n), &rt.heaps.gc) };
//! let s = rt.new_string(thread, "x")?;               // collects: `o` and `n` are dead,
//! // o.as_ptr()                                      // and using them does not compile
//! ```
//!
//! The rule, in docs/gc.md ("Native code and object references"): Rust
//! code never keeps an `Unrooted` (or a raw `ObjectRef`/`*mut u8` it came
//! from) across a call that takes `&mut Thread`; it roots it. Raw
//! [`ObjectRef`]s are for the collector's own code and for frozen objects,
//! which never move (interned literals, `RuntimeType` objects).
//!
//! A `Rooted` belongs to the thread whose table holds it: it is neither
//! `Send` nor `Sync`, and is created, read and dropped in cooperative mode
//! (the collector reads the table of a thread that is preemptive).

use std::cell::UnsafeCell;
use std::ptr::NonNull;

use crate::object::ObjectRef;
use crate::thread::Thread;

pub use crate::gc::Unrooted;

impl<'t> Unrooted<'t> {
    /// A reference native code received from managed code (an FCall's or
    /// helper's argument) or read from a location the collector reports;
    /// `None` for null.
    ///
    /// # Safety
    /// `p` must be null or a live object (see [`ObjectRef::from_raw`]) that
    /// stays where it is while `thread` is borrowed: one managed code passed
    /// in, or one a slot the collector reports holds.
    pub unsafe fn from_raw(_thread: &'t Thread, p: *mut u8) -> Option<Unrooted<'t>> {
        // SAFETY: the caller's contract.
        unsafe { ObjectRef::from_raw(p) }.map(Unrooted::assume)
    }
}

/// Slots per chunk of a root table (chunks never move once allocated).
const CHUNK: usize = 256;

/// A thread's rooted references (one per thread record, see
/// `Thread::roots`): slots the stack walker reports and the collector
/// updates. Only its own thread changes it, in cooperative mode; the
/// collector reads and updates the slots while that thread is stopped or
/// preemptive.
pub struct RootTable {
    /// Slots, in chunks with stable addresses; 0 is a free slot.
    #[allow(clippy::vec_box)] // boxed for stable addresses: a Rooted points at its slot
    chunks: UnsafeCell<Vec<Box<[usize; CHUNK]>>>,
    /// Free slot indexes.
    free: UnsafeCell<Vec<u32>>,
}

impl Default for RootTable {
    fn default() -> RootTable {
        RootTable {
            chunks: UnsafeCell::new(Vec::new()),
            free: UnsafeCell::new(Vec::new()),
        }
    }
}

impl RootTable {
    /// Roots `obj` in a free slot.
    pub fn root(&self, obj: Unrooted<'_>) -> Rooted {
        self.root_raw(obj.raw())
    }

    /// Roots a reference the caller knows is valid now.
    pub(crate) fn root_raw(&self, obj: ObjectRef) -> Rooted {
        // SAFETY: only the owning thread touches the table outside
        // collections, and it is in this call (not re-entrantly).
        let (chunks, free) = unsafe { (&mut *self.chunks.get(), &mut *self.free.get()) };
        let index = match free.pop() {
            Some(i) => i,
            None => {
                let base = chunks.len() * CHUNK;
                chunks.push(Box::new([0; CHUNK]));
                free.extend((base as u32 + 1..(base + CHUNK) as u32).rev());
                base as u32
            }
        };
        let i = index as usize;
        chunks[i / CHUNK][i % CHUNK] = obj.as_ptr() as usize;
        Rooted {
            table: NonNull::from(self),
            index,
        }
    }

    fn slot(&self, index: u32) -> *mut usize {
        let i = index as usize;
        // SAFETY: as in `root_raw` (no other borrow of the chunks is live);
        // indexes handed out are in range.
        let chunks = unsafe { &mut *self.chunks.get() };
        &mut chunks[i / CHUNK][i % CHUNK]
    }

    fn release(&self, index: u32) {
        // SAFETY: the slot belongs to the dropped Rooted.
        unsafe {
            *self.slot(index) = 0;
            (*self.free.get()).push(index);
        }
    }

    /// Every slot in use (non-zero), for the stack walker.
    pub(crate) fn for_each_slot(&self, mut f: impl FnMut(*mut usize)) {
        // SAFETY: called while the owning thread is stopped or is the
        // caller; chunks never move.
        let chunks = unsafe { &mut *self.chunks.get() };
        for c in chunks.iter_mut() {
            for s in c.iter_mut() {
                if *s != 0 {
                    f(s);
                }
            }
        }
    }

    /// Slots in use (for tests and diagnostics).
    pub fn in_use(&self) -> usize {
        let mut n = 0;
        self.for_each_slot(|_| n += 1);
        n
    }
}

/// A reference kept in a slot of its thread's [`RootTable`]: reported to
/// the collector and updated when the object moves, until dropped (see
/// the module documentation).
pub struct Rooted {
    table: NonNull<RootTable>,
    index: u32,
}

impl Rooted {
    /// The object, valid while `thread` is not mutably borrowed again.
    pub fn get<'t>(&self, thread: &'t Thread) -> Unrooted<'t> {
        debug_assert!(
            std::ptr::eq(self.table.as_ptr(), &thread.roots),
            "a Rooted read through another thread"
        );
        Unrooted::assume(self.load())
    }

    /// Replaces the object this slot keeps.
    pub fn set(&self, obj: Unrooted<'_>) {
        // SAFETY: the slot belongs to this Rooted.
        unsafe { *self.table().slot(self.index) = obj.as_ptr() as usize };
    }

    /// The raw value, for the call-site API (which passes it to managed
    /// code before anything can collect) and for comparisons.
    pub(crate) fn load(&self) -> ObjectRef {
        // SAFETY: the slot belongs to this Rooted and holds an object.
        let p = unsafe { *self.table().slot(self.index) };
        // SAFETY: a rooted slot holds a live object (the collector updates it).
        unsafe { ObjectRef::from_raw(p as *mut u8) }.expect("a rooted slot holds an object")
    }

    fn table(&self) -> &RootTable {
        // SAFETY: a Rooted never outlives its thread record (it is not
        // Send, and thread records live as long as the code running on
        // them), which owns the table.
        unsafe { self.table.as_ref() }
    }
}

impl Drop for Rooted {
    fn drop(&mut self) {
        self.table().release(self.index);
    }
}

impl std::fmt::Debug for Rooted {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Rooted({:p})", self.load().as_ptr())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slots_are_reported_until_dropped_and_reused() {
        let table = RootTable::default();
        // SAFETY: never dereferenced: the test only stores and compares the addresses.
        let a = unsafe { ObjectRef::from_raw(0x1000 as *mut u8) }.unwrap();
        // SAFETY: never dereferenced: the test only stores and compares the addresses.
        let b = unsafe { ObjectRef::from_raw(0x2000 as *mut u8) }.unwrap();
        let ra = table.root_raw(a);
        let rb = table.root_raw(b);
        let mut seen = Vec::new();
        // SAFETY: for_each_slot passes valid slots.
        table.for_each_slot(|s| seen.push(unsafe { *s }));
        assert_eq!(seen, vec![0x1000, 0x2000]);
        // The collector moves `a`: the Rooted follows.
        // SAFETY: for_each_slot passes valid slots.
        table.for_each_slot(|s| unsafe {
            if *s == 0x1000 {
                *s = 0x3000
            }
        });
        assert_eq!(ra.load().as_ptr() as usize, 0x3000);
        drop(ra);
        assert_eq!(table.in_use(), 1);
        let rc = table.root_raw(a);
        assert_eq!(table.in_use(), 2);
        assert_eq!(rc.load(), a);
        assert_eq!(rb.load(), b);
        // Many at once: more than one chunk.
        let many: Vec<Rooted> = (0..600).map(|_| table.root_raw(b)).collect();
        assert_eq!(table.in_use(), 602);
        drop(many);
        assert_eq!(table.in_use(), 2);
    }
}
