//! Strong object handles: references that native code holds across calls
//! that may collect (CoreCLR's OBJECTHANDLE).
//!
//! A Rust value that must keep a managed object alive and findable after
//! the GC moved it (an exception travelling through `RuntimeError`, a type
//! initializer's cached failure) holds an [`ObjectHandle`]: an entry of kind
//! [`HandleKind::Runtime`] in the collector's handle table
//! (`gc/handles.rs`, the one `GCHandle` uses too), which the collector
//! reports as a root and updates. Dropping the handle frees the entry.

use std::sync::{Arc, Mutex};

use super::handles::{HandleKind, HandleTable};
use super::{Mutator, Unrooted};
use crate::object::ObjectRef;

/// The handle table, shared by the collector and the handles (a handle,
/// inside an error, may be dropped after its runtime).
pub(crate) type SharedHandleTable = Arc<Mutex<HandleTable>>;

/// A strong handle to an object (see the module documentation).
pub struct ObjectHandle {
    table: SharedHandleTable,
    handle: usize,
}

fn lock(table: &SharedHandleTable) -> std::sync::MutexGuard<'_, HandleTable> {
    table.lock().unwrap_or_else(|p| p.into_inner())
}

impl ObjectHandle {
    /// A handle in `table` keeping `object` alive.
    pub(crate) fn new(table: &SharedHandleTable, object: ObjectRef) -> ObjectHandle {
        let handle = lock(table).alloc(object.as_ptr() as usize, HandleKind::Runtime);
        ObjectHandle {
            table: table.clone(),
            handle,
        }
    }

    /// The object (where it is now), valid while `thread` (the runtime's
    /// thread record) is not mutably borrowed again (see `crate::rooted`).
    pub fn get<'t>(&self, _thread: &'t impl AsRef<Mutator>) -> Unrooted<'t> {
        Unrooted::assume(self.load())
    }

    fn load(&self) -> ObjectRef {
        let target = lock(&self.table).get_runtime(self.handle).unwrap_or(0);
        // SAFETY: the handle table holds 0 or a live object (the collector updates it).
        unsafe { ObjectRef::from_raw(target as *mut u8) }
            .expect("a live runtime handle holds its object until dropped")
    }
}

impl Drop for ObjectHandle {
    fn drop(&mut self) {
        let _ = lock(&self.table).free_runtime(self.handle);
    }
}

/// A weak handle native code holds to an object: it does not keep the
/// object alive, follows it when it moves, and reads `None` once the object
/// is dead (after finalization, like a long weak reference). Kind
/// [`HandleKind::RuntimeWeak`], out of managed code's reach.
pub struct WeakObjectHandle {
    table: SharedHandleTable,
    handle: usize,
}

impl WeakObjectHandle {
    /// A weak handle in `table` to `object`.
    pub(crate) fn new(table: &SharedHandleTable, object: ObjectRef) -> WeakObjectHandle {
        let handle = lock(table).alloc(object.as_ptr() as usize, HandleKind::RuntimeWeak);
        WeakObjectHandle {
            table: table.clone(),
            handle,
        }
    }

    /// The object, if it is still alive.
    pub fn get(&self) -> Option<ObjectRef> {
        let target = lock(&self.table).get_runtime(self.handle).unwrap_or(0);
        // SAFETY: the handle table holds 0 or a live object (the collector updates it).
        unsafe { ObjectRef::from_raw(target as *mut u8) }
    }

    /// Points the handle at nothing (the object counts as dead).
    pub(crate) fn clear(&self) {
        lock(&self.table).set_runtime(self.handle, 0);
    }

    /// Points the handle at another object.
    pub(crate) fn set(&self, object: ObjectRef) {
        lock(&self.table).set_runtime(self.handle, object.as_ptr() as usize);
    }
}

impl Drop for WeakObjectHandle {
    fn drop(&mut self) {
        let _ = lock(&self.table).free_runtime(self.handle);
    }
}

impl std::fmt::Debug for ObjectHandle {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "ObjectHandle({})", self.handle)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn handles_are_reported_until_dropped_and_managed_code_cannot_touch_them() {
        let table = SharedHandleTable::default();
        // SAFETY: never dereferenced: the test only stores and compares the addresses.
        let a = unsafe { ObjectRef::from_raw(0x1000 as *mut u8) }.unwrap();
        // SAFETY: never dereferenced: the test only stores and compares the addresses.
        let b = unsafe { ObjectRef::from_raw(0x2000 as *mut u8) }.unwrap();
        let ha = ObjectHandle::new(&table, a);
        let hb = ObjectHandle::new(&table, b);
        let roots = |t: &SharedHandleTable| {
            lock(t)
                .slots_mut()
                .filter(|(_, k)| *k == HandleKind::Runtime)
                // SAFETY: the table's slots are valid for reads.
                .map(|(p, _)| unsafe { *p })
                .collect::<Vec<_>>()
        };
        assert_eq!(roots(&table), vec![0x1000, 0x2000]);
        // A collector moving `a` updates the slot; the handle follows.
        for (p, _) in lock(&table).slots_mut() {
            // SAFETY: the table's slots are valid for writes under its lock.
            unsafe {
                if *p == 0x1000 {
                    *p = 0x3000
                }
            }
        }
        assert_eq!(ha.load().as_ptr() as usize, 0x3000);
        // GCHandle operations reject native code's handles.
        assert!(lock(&table).free(ha.handle).is_err());
        assert!(lock(&table).get(ha.handle).is_err());
        drop(ha);
        assert_eq!(roots(&table), vec![0x2000]);
        assert_eq!(hb.load(), b);
    }
}
