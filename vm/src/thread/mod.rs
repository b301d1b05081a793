//! The runtime's per-thread record.
//!
//! JIT-compiled code keeps a pointer to the current [`Thread`] in R15 for its
//! whole life (set by the call-site thunk, preserved by every callee since
//! R15 is callee-saved in both fastcall64 and System V). The first fields are
//! `repr(C)` at fixed offsets that stubs and JIT code use.

pub(crate) mod exceptions;
mod statics;

pub(crate) use exceptions::TraceStart;
pub(crate) use statics::ThreadStaticBlock;

use crate::error::RuntimeError;
use crate::gc::Mutator;
use crate::rooted::{RootTable, Rooted, Unrooted};
use crate::typesystem::TypeHandle;

/// [`Thread::attention`]: an exception is pending; dispatch it.
pub const ATTENTION_EXCEPTION: u32 = 2;
/// [`Thread::attention`]: abandon managed code (a fatal error).
pub const ATTENTION_FATAL: u32 = 1;

/// Bytes of stack kept free below the managed stack limit for the runtime's
/// native code (the JIT, exception dispatch, formatting a stack-overflow
/// report), at most a quarter of the stack.
const NATIVE_STACK_RESERVE: usize = 512 << 10;

/// A managed thread's record. Owned by the runtime; only its own OS thread
/// touches it (other threads will read the GC mode once threads exist).
#[repr(C)]
pub struct Thread {
    /// RSP of the innermost call-site thunk (its entry record); the abort
    /// path unwinds there. 0 when no managed code runs.
    pub entry_sp: usize,
    /// Head of the transition-frame list (QCalls, helper frames).
    pub frame_head: usize,
    /// The collector's part of the record: the GC mode (1 while the thread
    /// runs managed code, cooperative; 0 otherwise) and the allocation
    /// context (see `gc::Mutator`).
    pub mutator: Mutator,
    /// Non-zero when native code left something for the stub or JIT code it
    /// returns to: `ATTENTION_EXCEPTION` (dispatch the pending exception)
    /// or `ATTENTION_FATAL` (abandon the managed frames up to the
    /// innermost thunk entry; the reason is in `fatal`).
    pub attention: u32,
    /// Call-site record for FCalls with a helper frame: the return address
    /// into managed code, written by JIT-compiled code before the call.
    pub site_ip: usize,
    /// Call-site record: the managed RSP at the call.
    pub site_sp: usize,
    /// Call-site record: the managed RBP at the call.
    pub site_fp: usize,
    /// The runtime this thread belongs to (a `*const Runtime`, opaque in
    /// this layer, which sits below the runtime; `Thread::runtime`, in
    /// `runtime/mod.rs`, gives it its type).
    pub(crate) runtime: *const (),
    /// The lowest address managed frames may use: method prologues compare
    /// against it and report a stack overflow below it. It sits above the
    /// real end of the stack by a reserve for the runtime's native code.
    pub stack_limit: usize,
    /// Where the exception dispatcher tells its stub to resume (see
    /// `eh::Resume`).
    pub resume: exceptions::Resume,
    /// The thread's `[ThreadStatic]` blocks, by thread-static index: the
    /// address of `thread_static_array`'s first element (JIT fast path).
    pub thread_statics_ptr: usize,
    /// Its length.
    pub thread_statics_len: usize,
    /// `errno` after the last P/Invoke with `SetLastError = true` (JIT code
    /// stores it; `Marshal.GetLastWin32Error` reads it).
    pub last_error: i32,
    /// Why managed code was abandoned (with [`ATTENTION_FATAL`]).
    pub(crate) fatal: Option<RuntimeError>,
    /// The exception native code raised, not yet dispatched (with
    /// [`ATTENTION_EXCEPTION`]).
    pub(crate) pending: exceptions::Pending,
    /// An exception that left the managed frames of the innermost thunk
    /// call (no handler there): the thunk's Rust caller takes it. A GC root.
    pub(crate) escaped: usize,
    /// Second-pass unwinds in progress (finally handlers running), innermost
    /// last. Their exceptions are GC roots.
    pub(crate) unwinds: Vec<exceptions::Unwind>,
    /// The OS thread this record registered the kernel fault handler on.
    pub(crate) fault_handler_on: Option<std::thread::ThreadId>,
    /// Types whose static constructor this thread is running.
    pub(crate) initializing: Vec<TypeHandle>,
    /// The `System.Threading.Thread` object of this thread, once created.
    pub(crate) managed_object: Option<crate::object::ObjectRef>,
    /// `Thread.ManagedThreadId` (1 for a runtime's first thread).
    pub(crate) managed_id: i32,
    /// The thread's lock id: what a thin lock it owns records
    /// (vm/src/sync.rs; 0 if the runtime ran out of ids).
    pub(crate) lock_id: u32,
    /// Where the lock id goes back when the record drops.
    pub(crate) lock_ids: Option<std::sync::Arc<crate::sync::LockIds>>,
    /// The kernel event this thread sleeps on in `Monitor.Wait` (made on
    /// first use, disposed with the record).
    pub(crate) wait_event: Option<osprey_kernel::Handle>,
    /// Block addresses by thread-static index (0: not made yet).
    pub(crate) thread_static_array: Vec<usize>,
    /// The blocks themselves (runtime/thread_statics.rs).
    pub(crate) thread_static_blocks: Vec<Option<ThreadStaticBlock>>,
    /// References native code running on this thread rooted
    /// ([`Rooted`]): reported and updated by the collector.
    pub(crate) roots: RootTable,
    /// The lowest address of the thread's stack (0 if unknown): a fault
    /// just below it is a stack overflow in native code.
    pub(crate) stack_low: usize,
    /// A hardware fault in native code, recorded by the fault handler for
    /// the report (`runtime::faults`): address, instruction, stack pointer.
    pub(crate) native_fault: [std::sync::atomic::AtomicUsize; 3],
    /// A hardware fault in JIT-compiled code, recorded by the fault
    /// handler for the fault stub (`runtime::faults`): the faulting address
    /// and instruction. The handler leaves the registers alone (optimized
    /// code may hold a caller's values in any callee-saved register).
    pub managed_fault: [std::sync::atomic::AtomicUsize; 2],
}

impl Thread {
    /// The record that embeds `mutator`.
    ///
    /// # Safety
    /// `mutator` is the `mutator` field of a live `Thread` (every mutator
    /// the collector has registered is: `Runtime::new_thread` registers
    /// them).
    pub(crate) unsafe fn from_mutator(mutator: *mut Mutator) -> *mut Thread {
        // SAFETY: the caller's contract: the field lies at this offset
        // inside a `Thread`.
        unsafe { mutator.byte_sub(std::mem::offset_of!(Thread, mutator)) as *mut Thread }
    }
}

impl AsRef<Mutator> for Thread {
    fn as_ref(&self) -> &Mutator {
        &self.mutator
    }
}

impl AsMut<Mutator> for Thread {
    fn as_mut(&mut self) -> &mut Mutator {
        &mut self.mutator
    }
}

impl Drop for Thread {
    fn drop(&mut self) {
        // First, so that no collection scans a record being taken apart.
        self.mutator.unregister();
        if let Some(ids) = self.lock_ids.take() {
            ids.give_back(self.lock_id);
        }
        if let Some(event) = self.wait_event.take() {
            if let Ok(os) = osprey_kernel::client::Os::resolve() {
                let _ = os.dispose_event(event);
            }
        }
        if self.fault_handler_on == Some(std::thread::current().id()) {
            // The runtime may already be gone (a record may outlive it):
            // reach the kernel through its static table, not the runtime.
            if let Ok(os) = osprey_kernel::client::Os::resolve() {
                // SAFETY: removing a registration is always sound.
                let _ = unsafe { os.set_thread_fault_handler(None, std::ptr::null_mut()) };
            }
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
    /// `Thread::mutator.gc_mode`.
    pub const GC_MODE: i32 = std::mem::offset_of!(Thread, mutator.gc_mode) as i32;
    /// `Thread::attention`.
    pub const ATTENTION: i32 = std::mem::offset_of!(Thread, attention) as i32;
    /// `Thread::stack_limit`.
    pub const STACK_LIMIT: i32 = std::mem::offset_of!(Thread, stack_limit) as i32;
    /// `Thread::last_error`.
    pub const LAST_ERROR: i32 = std::mem::offset_of!(Thread, last_error) as i32;
    /// `Thread::mutator.alloc_ptr`.
    pub const ALLOC_PTR: i32 = std::mem::offset_of!(Thread, mutator.alloc_ptr) as i32;
    /// `Thread::mutator.alloc_limit`.
    pub const ALLOC_LIMIT: i32 = std::mem::offset_of!(Thread, mutator.alloc_limit) as i32;
    /// `Thread::managed_fault`: the faulting address.
    pub const FAULT_ADDRESS: i32 = std::mem::offset_of!(Thread, managed_fault) as i32;
    /// `Thread::managed_fault`: the faulting instruction.
    pub const FAULT_IP: i32 = std::mem::offset_of!(Thread, managed_fault) as i32 + 8;
    /// `Thread::thread_statics_ptr`, `thread_statics_len`.
    pub const THREAD_STATICS: [i32; 2] = [
        std::mem::offset_of!(Thread, thread_statics_ptr) as i32,
        std::mem::offset_of!(Thread, thread_statics_len) as i32,
    ];
    /// `Thread::site_ip`, `site_sp`, `site_fp`.
    pub const SITE: [i32; 3] = [
        std::mem::offset_of!(Thread, site_ip) as i32,
        std::mem::offset_of!(Thread, site_sp) as i32,
        std::mem::offset_of!(Thread, site_fp) as i32,
    ];
}

impl Thread {
    /// A new thread record for `runtime`.
    /// `stack` is the calling OS thread's stack (lowest address, one past
    /// the highest), which this record's managed code will run on.
    pub(crate) fn new(runtime: *const (), managed_id: i32, stack: (usize, usize)) -> Box<Thread> {
        let size = stack.1 - stack.0;
        let stack_limit = stack.0 + NATIVE_STACK_RESERVE.min(size / 4);
        Box::new(Thread {
            entry_sp: 0,
            frame_head: 0,
            mutator: Mutator::default(),
            attention: 0,
            stack_limit,
            resume: exceptions::Resume::default(),
            last_error: 0,
            fatal: None,
            pending: exceptions::Pending::default(),
            escaped: 0,
            unwinds: Vec::new(),
            fault_handler_on: None,
            site_ip: 0,
            site_sp: 0,
            site_fp: 0,
            runtime,
            initializing: Vec::new(),
            managed_object: None,
            managed_id,
            lock_id: 0,
            lock_ids: None,
            wait_event: None,
            thread_statics_ptr: 0,
            thread_statics_len: 0,
            thread_static_array: Vec::new(),
            thread_static_blocks: Vec::new(),
            roots: RootTable::default(),
            stack_low: stack.0,
            native_fault: Default::default(),
            managed_fault: Default::default(),
        })
    }

    /// Roots `obj` in this thread's root table: the returned handle keeps
    /// it alive and follows it when the collector moves it, until dropped
    /// (see `crate::rooted`). The thread must be cooperative.
    pub fn root(&self, obj: Unrooted<'_>) -> Rooted {
        debug_assert!(self.mutator.gc_mode != 0, "rooting in preemptive mode");
        self.roots.root(obj)
    }

    /// How many references native code has rooted on this thread (for
    /// tests: nothing should stay rooted once native code returns).
    pub fn rooted_count(&self) -> usize {
        self.roots.in_use()
    }

    /// This thread's root table, not tied to a borrow of the record (so
    /// that the result of an allocation, which borrows the thread, can be
    /// rooted): sound because a record outlives the native code running on
    /// it, as for [`Thread::runtime`].
    pub(crate) fn root_table<'r>(&self) -> &'r RootTable {
        // SAFETY: see above; the record is boxed and does not move.
        unsafe { &*(&self.roots as *const RootTable) }
    }

    /// Reports `error` to the managed code this native code returns to:
    /// a managed exception (every error with a managed exception type, see
    /// [`RuntimeError::as_exception`]) becomes pending, to be dispatched to
    /// a handler by the stub or JIT-compiled code that checks
    /// [`Thread::attention`]; any other error is fatal and abandons the
    /// managed frames up to the innermost thunk, whose Rust caller receives
    /// it. A fatal error wins over an exception; the first fatal error wins.
    pub(crate) fn raise(&mut self, error: RuntimeError) {
        if self.attention == ATTENTION_FATAL {
            return;
        }
        if error.is_exception() {
            match error.exception_object(self).map(|o| o.as_ptr() as usize) {
                Some(obj) => self.pending.set_object(obj, TraceStart::Append),
                None => self.pending.set_error(error),
            }
            self.attention = ATTENTION_EXCEPTION;
        } else {
            self.raise_fatal(error);
        }
    }

    /// Raises an exception object into the managed code this native code
    /// returns to; `trace` says how the dispatch records its stack trace.
    pub(crate) fn raise_object(&mut self, exception: crate::object::ObjectRef, trace: TraceStart) {
        if self.attention == ATTENTION_FATAL {
            return;
        }
        self.pending.set_object(exception.as_ptr() as usize, trace);
        self.attention = ATTENTION_EXCEPTION;
    }

    /// Abandons the managed frames up to the innermost thunk with `error`,
    /// even if it describes a managed exception (stack overflow, errors
    /// while dispatching an exception).
    pub(crate) fn raise_fatal(&mut self, error: RuntimeError) {
        if self.fatal.is_none() {
            self.fatal = Some(error);
        }
        self.pending.clear();
        self.attention = ATTENTION_FATAL;
    }

    /// Runs `f` in cooperative mode (where native code may touch managed
    /// objects), restoring the previous mode afterwards. Code in preemptive
    /// mode (QCalls) uses this to allocate or store references. Entering
    /// cooperative mode waits while a collection is in progress.
    pub fn cooperative<R>(&mut self, f: impl FnOnce(&mut Thread) -> R) -> R {
        let previous = self.mutator.gc_mode;
        if previous == 0 {
            self.runtime().heaps.gc.enter_cooperative(self);
        }
        let r = f(self);
        if previous == 0 {
            self.runtime().heaps.gc.enter_preemptive(self);
        }
        r
    }

    /// After a thunk call returned: the fatal error or the exception that
    /// ended it, if any (clearing both).
    pub(crate) fn take_failure(&mut self) -> Option<RuntimeError> {
        if let Some(e) = self.fatal.take() {
            self.attention = 0;
            self.escaped = 0;
            return Some(e);
        }
        let escaped = std::mem::take(&mut self.escaped);
        // SAFETY: `escaped` is 0 or the exception that escaped to the thunk (a root of the thread until taken here).
        unsafe { Unrooted::from_raw(self, escaped as *mut u8) }
            .map(|exception| self.runtime().exception_error(exception))
    }
}
