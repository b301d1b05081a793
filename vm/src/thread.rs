//! The runtime's per-thread record.
//!
//! JIT-compiled code keeps a pointer to the current [`Thread`] in R15 for its
//! whole life (set by the call-site thunk, preserved by every callee since
//! R15 is callee-saved in both fastcall64 and System V). The first fields are
//! `repr(C)` at fixed offsets that stubs and JIT code use.

use crate::loader::TypeHandle;
use crate::runtime::{Runtime, RuntimeError};

/// A managed thread's record. Owned by the runtime; only its own OS thread
/// touches it (other threads will read the GC mode once threads exist).
#[repr(C)]
pub struct Thread {
    /// RSP of the innermost call-site thunk (its entry record); the abort
    /// path unwinds there. 0 when no managed code runs.
    pub entry_sp: usize,
    /// Head of the transition-frame list (QCalls, helper frames).
    pub frame_head: usize,
    /// 1 while the thread runs managed code (cooperative mode), 0 otherwise.
    pub gc_mode: u32,
    /// Non-zero when native code asked to abandon the managed frames up to
    /// the innermost thunk entry (see `stubs`); the reason is in `abort`.
    pub abort_requested: u32,
    /// Allocation context: next free byte.
    pub alloc_ptr: usize,
    /// Allocation context: end of the current chunk.
    pub alloc_limit: usize,
    /// Call-site record for FCalls with a helper frame: the return address
    /// into managed code, written by JIT-compiled code before the call.
    pub site_ip: usize,
    /// Call-site record: the managed RSP at the call.
    pub site_sp: usize,
    /// Call-site record: the managed RBP at the call.
    pub site_fp: usize,
    /// The runtime this thread belongs to.
    pub runtime: *const Runtime,
    /// Why managed code was abandoned (set with `abort_requested`).
    pub(crate) abort: Option<RuntimeError>,
    /// Types whose static constructor this thread is running.
    pub(crate) initializing: Vec<TypeHandle>,
    /// The `System.Threading.Thread` object of this thread, once created.
    pub(crate) managed_object: Option<crate::object::ObjectRef>,
    /// `Thread.ManagedThreadId` (1 for a runtime's first thread).
    pub(crate) managed_id: i32,
}

impl Drop for Thread {
    fn drop(&mut self) {
        if !self.runtime.is_null() {
            self.runtime().heaps.gc.unregister_thread(self);
        }
        // The QCall services of this OS thread may point at this record.
        if osprey_qcall::services::installed_context()
            == self as *mut Thread as *mut std::ffi::c_void
        {
            osprey_qcall::services::install(None);
        }
    }
}

/// Offsets of the JIT-visible fields.
pub mod offsets {
    use super::Thread;
    /// `Thread::entry_sp`.
    pub const ENTRY_SP: i32 = std::mem::offset_of!(Thread, entry_sp) as i32;
    /// `Thread::frame_head`.
    pub const FRAME_HEAD: i32 = std::mem::offset_of!(Thread, frame_head) as i32;
    /// `Thread::gc_mode`.
    pub const GC_MODE: i32 = std::mem::offset_of!(Thread, gc_mode) as i32;
    /// `Thread::abort_requested`.
    pub const ABORT_REQUESTED: i32 = std::mem::offset_of!(Thread, abort_requested) as i32;
    /// `Thread::alloc_ptr`.
    pub const ALLOC_PTR: i32 = std::mem::offset_of!(Thread, alloc_ptr) as i32;
    /// `Thread::alloc_limit`.
    pub const ALLOC_LIMIT: i32 = std::mem::offset_of!(Thread, alloc_limit) as i32;
    /// `Thread::site_ip`, `site_sp`, `site_fp`.
    pub const SITE: [i32; 3] = [
        std::mem::offset_of!(Thread, site_ip) as i32,
        std::mem::offset_of!(Thread, site_sp) as i32,
        std::mem::offset_of!(Thread, site_fp) as i32,
    ];
}

impl Thread {
    /// A new thread record for `runtime`.
    pub(crate) fn new(runtime: *const Runtime, managed_id: i32) -> Box<Thread> {
        Box::new(Thread {
            entry_sp: 0,
            frame_head: 0,
            gc_mode: 0,
            abort_requested: 0,
            alloc_ptr: 0,
            alloc_limit: 0,
            site_ip: 0,
            site_sp: 0,
            site_fp: 0,
            runtime,
            abort: None,
            initializing: Vec::new(),
            managed_object: None,
            managed_id,
        })
    }

    /// The runtime this thread belongs to.
    ///
    /// The reference is not tied to the borrow of `self`, so native code can
    /// use the runtime and the (mutable) thread together. This is sound
    /// because a runtime outlives every thread record it creates and every
    /// frame that runs on one.
    pub fn runtime<'r>(&self) -> &'r Runtime {
        // SAFETY: see above: `runtime` points at a live, boxed (unmoving)
        // Runtime for as long as any code runs on this thread.
        unsafe { &*self.runtime }
    }

    /// Asks the stubs to abandon managed code up to the innermost thunk,
    /// which then returns `error` to its Rust caller. Called by native code
    /// that is about to return to a stub that checks `abort_requested`. The
    /// first reason wins.
    pub(crate) fn request_abort(&mut self, error: RuntimeError) {
        if self.abort.is_none() {
            self.abort = Some(error);
        }
        self.abort_requested = 1;
    }

    /// Runs `f` in cooperative mode (where native code may touch managed
    /// objects), restoring the previous mode afterwards. Code in preemptive
    /// mode (QCalls) uses this to allocate or store references. Entering
    /// cooperative mode waits while a collection is in progress.
    pub fn cooperative<R>(&mut self, f: impl FnOnce(&mut Thread) -> R) -> R {
        let previous = self.gc_mode;
        if previous == 0 {
            self.runtime().heaps.gc.enter_cooperative(self);
        }
        let r = f(self);
        if previous == 0 {
            self.runtime().heaps.gc.enter_preemptive(self);
        }
        r
    }

    /// Takes the abort reason, if any, and clears the request.
    pub(crate) fn take_abort(&mut self) -> Option<RuntimeError> {
        self.abort_requested = 0;
        self.abort.take()
    }
}
