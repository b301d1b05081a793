//! `System.GC`, `GCHandle` and `Osprey.GcProbe` internal calls (docs/gc.md).

use crate::frames::HelperFrame;
use crate::gc::HandleKind;
use crate::object;
use crate::rooted::{Rooted, Unrooted};
use crate::runtime::{guard, RuntimeError};
use crate::thread::Thread;
use crate::typesystem::ExceptionKind;

/// `GC.InternalCollect(int generation)`: 0 = the nursery, else everything.
/// Objects with finalizers found unreachable go to the finalizer thread.
pub(super) extern "C" fn collect(thread: &mut Thread, generation: i32) {
    guard(thread, (), |thread| {
        HelperFrame::run(thread, |thread| {
            let gc = &thread.runtime().heaps.gc;
            gc.collect(thread, generation != 0);
        })
    })
}

/// `GC.InternalGetTotalMemory()`.
pub(super) extern "C" fn get_total_memory(thread: &mut Thread) -> i64 {
    guard(thread, 0, |thread| {
        thread.runtime().heaps.gc.total_memory() as i64
    })
}

/// `GC.InternalSuppressFinalize(object)` (non-null, checked by corelib).
pub(super) extern "C" fn suppress_finalize(thread: &mut Thread, obj: *mut u8) {
    guard(thread, (), |thread| {
        // SAFETY: `obj` is null or an object reference managed code passed in.
        if let Some(o) = unsafe { Unrooted::from_raw(thread, obj) } {
            thread.runtime().heaps.gc.suppress_finalize(o.raw());
        }
    })
}

/// `GC.InternalReRegisterForFinalize(object)` (non-null, checked by corelib).
pub(super) extern "C" fn reregister_for_finalize(thread: &mut Thread, obj: *mut u8) {
    guard(thread, (), |thread| {
        // SAFETY: `obj` is null or an object reference managed code passed in.
        if let Some(o) = unsafe { Unrooted::from_raw(thread, obj) } {
            thread.runtime().heaps.gc.reregister_for_finalize(o.raw());
        }
    })
}

/// `GC.InternalWaitForPendingFinalizers()`: waits (preemptive, under a
/// helper frame) until the finalizer thread has run every finalizer queued.
pub(super) extern "C" fn wait_for_pending_finalizers(thread: &mut Thread) {
    guard(thread, (), |thread| {
        HelperFrame::run(thread, |thread| {
            let rt = thread.runtime();
            rt.heaps.gc.wait_for_pending_finalizers(thread);
            if let Some(code) = rt.exit_requested() {
                // A finalizer threw: the process is ending.
                thread.raise_fatal(RuntimeError::Exited(code));
            }
        })
    })
}

/// `GC.InternalCollectionCount(int generation)`.
pub(super) extern "C" fn collection_count(thread: &mut Thread, generation: i32) -> i32 {
    guard(thread, 0, |thread| {
        thread
            .runtime()
            .heaps
            .gc
            .collection_count(generation.max(0) as usize) as i32
    })
}

/// The collector's handle table, locked.
fn handle_table(thread: &Thread) -> std::sync::MutexGuard<'_, crate::gc::handles::HandleTable> {
    let gc = &thread.runtime().heaps.gc;
    gc.handles.lock().unwrap_or_else(|p| p.into_inner())
}

fn invalid_handle(thread: &mut Thread) {
    thread.raise(RuntimeError::managed(
        ExceptionKind::InvalidOperation,
        Some("Handle is not initialized.".into()),
    ));
}

/// `GCHandle.InternalAlloc(object, GCHandleType)`.
pub(super) extern "C" fn handle_alloc(thread: &mut Thread, obj: *mut u8, kind: i32) -> usize {
    guard(thread, 0, |thread| {
        let Some(kind) = HandleKind::from_i32(kind) else {
            thread.raise(RuntimeError::managed(
                ExceptionKind::ArgumentOutOfRange,
                None,
            ));
            return 0;
        };
        handle_table(thread).alloc(obj as usize, kind)
    })
}

/// `GCHandle.InternalFree(IntPtr)`.
pub(super) extern "C" fn handle_free(thread: &mut Thread, handle: usize) {
    guard(thread, (), |thread| {
        let r = handle_table(thread).free(handle);
        if r.is_err() {
            invalid_handle(thread);
        }
    })
}

/// `GCHandle.InternalGet(IntPtr)`.
pub(super) extern "C" fn handle_get(thread: &mut Thread, handle: usize) -> *mut u8 {
    guard(thread, std::ptr::null_mut(), |thread| {
        let r = handle_table(thread).get(handle);
        match r {
            Ok(o) => o as *mut u8,
            Err(_) => {
                invalid_handle(thread);
                std::ptr::null_mut()
            }
        }
    })
}

/// `GCHandle.InternalSet(IntPtr, object)`.
pub(super) extern "C" fn handle_set(thread: &mut Thread, handle: usize, obj: *mut u8) {
    guard(thread, (), |thread| {
        let r = handle_table(thread).set(handle, obj as usize);
        if r.is_err() {
            invalid_handle(thread);
        }
    })
}

/// `GCHandle.InternalAddrOfPinnedObject(IntPtr)`: the object's data (first
/// element or character; first field otherwise); 0 for a null target.
pub(super) extern "C" fn handle_addr_of_pinned(thread: &mut Thread, handle: usize) -> usize {
    guard(thread, 0, |thread| {
        let r = {
            let h = handle_table(thread);
            h.kind(handle).and_then(|k| h.get(handle).map(|o| (k, o)))
        };
        match r {
            Ok((HandleKind::Pinned, o)) => {
                // SAFETY: a pinned handle's target: null or the live object
                // the handle keeps.
                match unsafe { Unrooted::from_raw(thread, o as *mut u8) } {
                    None => 0,
                    Some(obj) => {
                        let mt = obj.method_table();
                        let data = if mt.has(crate::loader::types::mt_flags::STRING) {
                            object::STRING_DATA_OFFSET
                        } else if mt.has(crate::loader::types::mt_flags::ARRAY) {
                            mt.base_size as usize
                        } else {
                            8
                        };
                        o + data
                    }
                }
            }
            Ok(_) => {
                thread.raise(RuntimeError::managed(
                    ExceptionKind::InvalidOperation,
                    Some("Handle is not pinned.".into()),
                ));
                0
            }
            Err(_) => {
                invalid_handle(thread);
                0
            }
        }
    })
}

/// A new string of `length` copies of `c` (for the probes), rooted.
fn probe_string(thread: &mut Thread, length: i32, c: u16) -> Option<Rooted> {
    let table = thread.root_table();
    match thread
        .runtime()
        .alloc_string(thread, length.max(0) as usize)
    {
        Ok(s) => {
            // SAFETY: a fresh string of `length` characters.
            let chars = unsafe { s.as_ptr().add(object::STRING_DATA_OFFSET) as *mut u16 };
            for i in 0..length.max(0) as usize {
                // SAFETY: as above.
                unsafe { *chars.add(i) = c };
            }
            Some(table.root(s))
        }
        Err(e) => {
            thread.raise(e);
            None
        }
    }
}

/// `GcProbe.KeepAcrossAllocation(int length)`: allocates a string, then
/// allocates again with the first one rooted, and returns the first
/// (moved or not).
pub(super) extern "C" fn keep_across_allocation(thread: &mut Thread, length: i32) -> *mut u8 {
    guard(thread, std::ptr::null_mut(), |thread| {
        HelperFrame::run(thread, |thread| {
            let Some(s) = probe_string(thread, length, 'k' as u16) else {
                return std::ptr::null_mut();
            };
            if probe_string(thread, 4, 'x' as u16).is_none() {
                return std::ptr::null_mut();
            }
            s.get(thread).as_ptr()
        })
    })
}

/// `GcProbe.HoleAcrossAllocation(int length)`: THE DELIBERATE GC HOLE.
/// Allocates a string, keeps its bare pointer across a second allocation
/// (dropping the root: what the types make impossible without a raw
/// pointer, see vm/src/rooted.rs), and returns that stale value. Under
/// `OSPREY_GCSTRESS` with the generational collector the second allocation
/// collects (the young string is not reachable from any root, so its block
/// is freed), and the heap verifier reports the stale reference in the
/// caller's frame at the next collection (tests/gc.rs).
pub(super) extern "C" fn hole_across_allocation(thread: &mut Thread, length: i32) -> *mut u8 {
    guard(thread, std::ptr::null_mut(), |thread| {
        HelperFrame::run(thread, |thread| {
            let Some(held) = probe_string(thread, length, 'h' as u16) else {
                return std::ptr::null_mut();
            };
            // A bare pointer, and the root dropped: the bug.
            let held = held.get(thread).as_ptr();
            if probe_string(thread, 4, 'x' as u16).is_none() {
                return std::ptr::null_mut();
            }
            held
        })
    })
}
