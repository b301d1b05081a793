//! The collector's interface to the rest of the runtime, as CoreCLR's GC
//! reaches the VM only through `IGCToCLR`.
//!
//! The collector sits below threads, stack walking and the execution
//! engine (see `vm/src/lib.rs`), so it imports none of them. What it needs
//! from them comes through two things it defines here:
//!
//! * [`Mutator`], the collector's part of a thread record (CoreCLR's
//!   `gc_alloc_context` plus the GC mode): the thread record embeds one,
//!   and the collector registers, suspends and allocates through it;
//! * [`GcToRuntime`], the calls the collector makes up into the runtime:
//!   reporting a thread's stack roots, asking whether a thread can be
//!   walked at a stress point, and running a finalizer. The runtime passes
//!   its implementation to [`Gc::new`](super::Gc::new).
//!
//! Type layout reaches the collector from the type-system layer below it
//! (method tables' GC descriptors), static roots from the loader's
//! `TypeRegistry` (`Gc::attach`), so neither needs a call here.

use std::sync::Arc;

use super::ThreadRegistry;
use crate::object::ObjectRef;
use crate::typesystem::MethodHandle;

/// The collector's part of a thread record: its GC mode and allocation
/// context. The runtime's `Thread` embeds one (`Thread::mutator`); JIT code
/// and stubs reach its fields at the offsets in `thread::offsets`.
#[repr(C)]
#[derive(Default)]
pub struct Mutator {
    /// 1 while the thread runs managed code (cooperative mode), 0 otherwise.
    pub gc_mode: u32,
    /// This is the runtime's finalizer thread (it never waits for itself).
    pub(crate) is_finalizer: bool,
    /// Allocation context: next free byte.
    pub alloc_ptr: usize,
    /// Allocation context: end of the current chunk.
    pub alloc_limit: usize,
    /// The collector's registry of mutators (set when registered); the
    /// mutator unregisters through it when its record drops.
    pub(crate) registry: Option<Arc<ThreadRegistry>>,
}

impl AsRef<Mutator> for Mutator {
    fn as_ref(&self) -> &Mutator {
        self
    }
}

impl AsMut<Mutator> for Mutator {
    fn as_mut(&mut self) -> &mut Mutator {
        self
    }
}

impl Mutator {
    /// Leaves the collector's registry (its allocation context goes back to
    /// the collector); waits while a collection runs. The thread record
    /// does this first when it drops, and dropping the mutator does it in
    /// any case.
    pub(crate) fn unregister(&mut self) {
        // Through the registry it keeps: the collector may be gone.
        if let Some(registry) = self.registry.take() {
            registry.unregister(self);
        }
    }
}

impl Drop for Mutator {
    fn drop(&mut self) {
        self.unregister();
    }
}

/// The calls the collector makes into the runtime (CoreCLR's `IGCToCLR`).
///
/// Every `mutator` passed in is one registered with
/// [`Gc::register_thread`](super::Gc::register_thread), so it is embedded
/// in a live thread record of the runtime that implements this trait.
pub trait GcToRuntime: Sync {
    /// Reports every root of the thread that owns `mutator`: the GC slots
    /// of its managed frames, the references native code rooted on it, its
    /// exceptions in flight and its managed `Thread` object.
    ///
    /// # Safety
    /// `mutator` is registered, and its thread is stopped (preemptive, or
    /// at a safepoint) or is the calling thread.
    unsafe fn scan_thread_roots(&self, mutator: *mut Mutator, report: &mut dyn FnMut(StackRoot));

    /// Whether the thread that owns `mutator` runs managed code now, so
    /// that a stress collection may walk it.
    fn runs_managed_code(&self, mutator: &Mutator) -> bool;

    /// Runs the finalizer of `obj` on the thread that owns `mutator` (a
    /// thread waiting for pending finalizers when there is no finalizer
    /// thread). `false` when the finalizer failed and the failure was
    /// reported: run no more.
    fn run_finalizer(&self, mutator: &mut Mutator, obj: ObjectRef) -> bool;
}

/// What a reported stack root holds.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum RootKind {
    /// An object reference (the start of an object, or null).
    Ref,
    /// A managed pointer: maybe into an object, maybe into the stack or
    /// unmanaged memory.
    Interior,
}

/// One root location on a thread's stack or in its per-thread state.
#[derive(Copy, Clone, Debug)]
pub struct StackRoot {
    /// Where the reference is stored (the GC may update it).
    pub slot: *mut usize,
    /// What it holds.
    pub kind: RootKind,
    /// Its target must not move.
    pub pinned: bool,
    /// What the slot is (for the heap verifier's reports).
    pub origin: RootOrigin,
}

/// What a thread's root slot is: how the heap verifier names a slot that
/// holds a bad reference.
#[derive(Copy, Clone, Debug)]
pub enum RootOrigin {
    /// A GC slot of a managed activation: its method, and the slot's offset
    /// from the frame pointer.
    Frame {
        /// The method.
        method: MethodHandle,
        /// `[rbp + offset]`.
        offset: i32,
    },
    /// An argument of a call stopped in the prestub (its ABI index).
    PrestubArgument(u32),
    /// A reference rooted by native code (`rooted::Rooted`).
    Native,
    /// Per-thread state (the exception in flight, ...).
    ThreadState(&'static str),
}

impl std::fmt::Display for RootOrigin {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            RootOrigin::Frame { method, offset } => write!(
                f,
                "the frame slot [rbp{offset:+#x}] of {}",
                method.full_name()
            ),
            RootOrigin::PrestubArgument(i) => {
                write!(f, "argument {i} of a call stopped in the prestub")
            }
            RootOrigin::Native => f.write_str("a reference rooted by native code (Rooted)"),
            RootOrigin::ThreadState(what) => write!(f, "the thread's {what}"),
        }
    }
}
