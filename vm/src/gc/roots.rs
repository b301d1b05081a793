//! Root enumeration: every place outside the heap that may hold a
//! reference into it.
//!
//! | root kind | where |
//! | --- | --- |
//! | managed frame slots (refs, interior pointers, pinned locals, QCall pinned strings) | the stack walk (GC info), reached through [`GcToRuntime::scan_thread_roots`](super::GcToRuntime::scan_thread_roots) |
//! | references rooted by native code (`rooted::Rooted`) | each thread's root table (through [`GcToRuntime`](super::GcToRuntime)) |
//! | prestub arguments | transition frames |
//! | exceptions in flight, the thread's `Thread` object | per-thread state (the walker) |
//! | strong object handles of native code (`handles::ObjectHandle`) | the runtime's handle table |
//! | static fields | the loader's types (`StaticStorage::gc_refs`) |
//! | frozen objects' fields (`RuntimeType` objects, the `Thread` object) | registered at allocation |
//! | strong and pinned GC handles | the handle table |
//! | objects awaiting finalization | the collector's f-reachable queue (handled by the algorithms) |

use super::handles::HandleKind;
use super::layout;
use super::{Gc, Mutator, RootKind, RootOrigin, StackRoot, State};
use crate::typesystem::TypeHandle;

/// One root slot.
#[derive(Copy, Clone, Debug)]
pub(crate) struct Root {
    /// The slot.
    pub slot: *mut usize,
    /// It holds a managed pointer (find the containing object).
    pub interior: bool,
    /// Its target must not move.
    pub pinned: bool,
    /// What the slot is (named in heap-verification failures).
    pub origin: Origin,
}

/// Where a root slot comes from.
#[derive(Copy, Clone, Debug)]
pub(crate) enum Origin {
    /// A thread's stack or per-thread state.
    Thread(RootOrigin),
    /// A static field of a type.
    Static(TypeHandle),
    /// A field of a frozen object.
    Frozen,
    /// A GC handle (or a native `ObjectHandle`).
    Handle(HandleKind),
}

impl std::fmt::Display for Origin {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Origin::Thread(o) => write!(f, "{o}"),
            Origin::Static(t) => write!(f, "a static field of {}", t.name),
            Origin::Frozen => f.write_str("a field of a frozen object"),
            Origin::Handle(k) => write!(f, "a GC handle ({k:?})"),
        }
    }
}

/// Collects every root (but the f-reachable queue).
pub(crate) fn enumerate(gc: &Gc, st: &State, threads: &[usize]) -> Vec<Root> {
    let mut roots = Vec::new();
    for &t in threads {
        // SAFETY: registered mutators' records are alive and their threads
        // stopped (or this one): the collector's caller stopped the world.
        unsafe {
            gc.to_runtime
                .scan_thread_roots(t as *mut Mutator, &mut |r: StackRoot| {
                    roots.push(Root {
                        slot: r.slot,
                        interior: r.kind == RootKind::Interior,
                        pinned: r.pinned,
                        origin: Origin::Thread(r.origin),
                    })
                })
        };
    }
    let registry = gc
        .registry
        .lock()
        .unwrap_or_else(|p| p.into_inner())
        .clone();
    if let Some(registry) = registry {
        for t in registry.snapshot() {
            for &off in &t.statics.gc_refs {
                roots.push(Root {
                    slot: t.statics.address(off) as *mut usize,
                    interior: false,
                    pinned: false,
                    origin: Origin::Static(t),
                });
            }
        }
    }
    for &obj in &st.frozen_roots {
        // SAFETY: frozen objects live as long as the runtime.
        let mt = unsafe { layout::mt_of(obj) };
        // SAFETY: as above.
        unsafe {
            layout::for_each_ref(obj, mt, |s| {
                roots.push(Root {
                    slot: s,
                    interior: false,
                    pinned: false,
                    origin: Origin::Frozen,
                })
            })
        };
    }
    let mut handles = gc.handles.lock().unwrap_or_else(|p| p.into_inner());
    for (slot, kind) in handles.slots_mut() {
        match kind {
            HandleKind::Normal | HandleKind::Pinned | HandleKind::Runtime => roots.push(Root {
                slot,
                interior: false,
                pinned: kind == HandleKind::Pinned,
                origin: Origin::Handle(kind),
            }),
            HandleKind::Weak | HandleKind::WeakTrackResurrection | HandleKind::RuntimeWeak => {}
        }
    }
    roots
}
