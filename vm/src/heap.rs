//! Object allocation.
//!
//! Two heaps, both built from kernel pages (PageTableService):
//!
//! * the **GC heap**: ordinary objects, owned by the garbage collector
//!   ([`crate::gc`], docs/gc.md). Threads bump-allocate in their allocation
//!   context (`Thread::alloc_ptr`/`alloc_limit`, inline in JIT-compiled
//!   code); the collector refills contexts and collects.
//! * the **frozen heap**: objects that never move and are never collected,
//!   such as interned string literals, whose addresses JIT-compiled code
//!   embeds directly. Frozen objects that hold references are roots.
//!
//! Frozen memory from the kernel is zeroed and never reused, so every new
//! frozen object is zeroed too.

use std::sync::Mutex;

use osprey_kernel::Protection;

use crate::gc::{init_object, Gc, GcOptions, GcToRuntime};
use crate::object::{self, ObjectRef};
use crate::rooted::{Rooted, Unrooted};
use crate::thread::Thread;
use crate::typesystem::MethodTable;
use osprey_kernel::client::{Os, OsError};

/// Frozen objects at least this large get pages of their own.
pub const LARGE_OBJECT_SIZE: usize = 64 << 10;
/// Bytes requested from the kernel at a time for small objects.
const CHUNK_SIZE: usize = 4 << 20;
/// The largest single object.
const MAX_OBJECT_SIZE: usize = 1 << 34;

pub use crate::gc::AllocError;

struct Region {
    start: usize,
    len: usize,
}

struct Bump {
    top: usize,
    end: usize,
}

struct State {
    chunk: Bump,
    regions: Vec<Region>,
    bytes_allocated: usize,
}

/// A bump-allocated region set with its own lock.
struct Space {
    state: Mutex<State>,
}

impl Space {
    fn new() -> Space {
        Space {
            state: Mutex::new(State {
                chunk: Bump { top: 0, end: 0 },
                regions: Vec::new(),
                bytes_allocated: 0,
            }),
        }
    }

    /// Carves `size` bytes (a multiple of 8, less than a chunk) out of the
    /// current chunk, starting a new chunk when it does not fit.
    fn carve(&self, os: &Os, size: usize) -> Result<usize, AllocError> {
        debug_assert!(size <= CHUNK_SIZE);
        let mut st = self.state.lock().unwrap_or_else(|p| p.into_inner());
        if st.chunk.top + size > st.chunk.end {
            let start = os
                .allocate(CHUNK_SIZE, Protection::ReadWrite)
                .map_err(AllocError::Os)? as usize;
            st.regions.push(Region {
                start,
                len: CHUNK_SIZE,
            });
            st.chunk = Bump {
                top: start,
                end: start + CHUNK_SIZE,
            };
        }
        let at = st.chunk.top;
        st.chunk.top += size;
        st.bytes_allocated += size;
        Ok(at)
    }

    /// Gives a large object pages of its own.
    fn carve_large(&self, os: &Os, size: usize) -> Result<usize, AllocError> {
        let size = size.next_multiple_of(os.page_size());
        let start = os
            .allocate(size, Protection::ReadWrite)
            .map_err(AllocError::Os)? as usize;
        let mut st = self.state.lock().unwrap_or_else(|p| p.into_inner());
        st.regions.push(Region { start, len: size });
        st.bytes_allocated += size;
        Ok(start)
    }

    fn free_all(&self, os: &Os) {
        let st = self.state.lock().unwrap_or_else(|p| p.into_inner());
        for r in &st.regions {
            // SAFETY: called when the runtime goes away: no object of the
            // frozen heap is used any more.
            let _ = unsafe { os.free(r.start as *mut u8, r.len) };
        }
    }
}

/// The heaps of one runtime.
pub struct Heaps {
    os: Os,
    /// The garbage collector and its heap.
    pub gc: Gc,
    frozen: Space,
}

impl Heaps {
    /// The GC heap (reserved now) and an empty frozen heap; the collector
    /// reaches the runtime through `to_runtime`.
    pub fn new(
        os: Os,
        options: GcOptions,
        to_runtime: &'static dyn GcToRuntime,
    ) -> Result<Heaps, OsError> {
        Ok(Heaps {
            os,
            gc: Gc::new(os, options, to_runtime)?,
            frozen: Space::new(),
        })
    }

    /// Allocates an object of type `mt` (with `length` elements for arrays
    /// and strings) on the GC heap through `thread`'s allocation context, and
    /// writes its method table and length. May collect: the caller must be
    /// walkable (a transition frame), and the references it keeps are
    /// rooted. The result borrows the thread (see [`crate::rooted`]).
    pub fn alloc<'t>(
        &self,
        thread: &'t mut Thread,
        mt: &MethodTable,
        length: usize,
    ) -> Result<Unrooted<'t>, AllocError> {
        self.gc.alloc(thread, mt, length)
    }

    /// [`Heaps::alloc`], rooted: what Rust code that goes on allocating or
    /// calling managed code uses.
    pub fn alloc_rooted(
        &self,
        thread: &mut Thread,
        mt: &MethodTable,
        length: usize,
    ) -> Result<Rooted, AllocError> {
        let table = thread.root_table();
        let obj = self.gc.alloc(thread, mt, length)?;
        Ok(table.root(obj))
    }

    /// Allocates an object that never moves and is never collected.
    pub fn alloc_frozen(&self, mt: &MethodTable, length: usize) -> Result<ObjectRef, AllocError> {
        let size = object_size(mt, length)?;
        let start = if size < LARGE_OBJECT_SIZE {
            self.frozen.carve(&self.os, size)?
        } else {
            self.frozen.carve_large(&self.os, size)?
        };
        let obj = init_object(start, mt, length);
        self.gc.register_frozen(obj);
        Ok(obj)
    }
}

impl Drop for Heaps {
    fn drop(&mut self) {
        self.frozen.free_all(&self.os);
    }
}

fn object_size(mt: &MethodTable, length: usize) -> Result<usize, AllocError> {
    if length > object::MAX_LENGTH {
        return Err(AllocError::OutOfMemory);
    }
    let size = object::allocation_size(mt, length);
    if size > MAX_OBJECT_SIZE {
        return Err(AllocError::OutOfMemory);
    }
    Ok(size)
}
