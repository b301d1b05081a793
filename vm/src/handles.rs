//! Strong object handles: references that native code holds across calls
//! that may collect (CoreCLR's OBJECTHANDLE).
//!
//! A Rust value that must keep a managed object alive and findable after
//! the GC moved it (an exception travelling through `RuntimeError`, a type
//! initializer's cached failure) holds an [`ObjectHandle`]: a slot in its
//! runtime's [`HandleTable`], which the collector reports as a root and
//! updates. Dropping the handle frees the slot.

use std::sync::{Arc, Mutex};

use crate::object::ObjectRef;

#[derive(Default)]
struct Slots {
    /// Object addresses; 0 for a free slot.
    refs: Vec<usize>,
    /// Free slot indices.
    free: Vec<u32>,
}

/// A runtime's table of strong handles.
#[derive(Clone, Default)]
pub struct HandleTable {
    slots: Arc<Mutex<Slots>>,
}

/// A strong handle to an object (see the module documentation).
pub struct ObjectHandle {
    slots: Arc<Mutex<Slots>>,
    index: u32,
}

impl HandleTable {
    /// A handle keeping `object` alive.
    pub fn new_handle(&self, object: ObjectRef) -> ObjectHandle {
        let mut s = self.slots.lock().unwrap_or_else(|p| p.into_inner());
        let index = match s.free.pop() {
            Some(i) => {
                s.refs[i as usize] = object.as_ptr() as usize;
                i
            }
            None => {
                s.refs.push(object.as_ptr() as usize);
                (s.refs.len() - 1) as u32
            }
        };
        ObjectHandle {
            slots: self.slots.clone(),
            index,
        }
    }

    /// Calls `report` with the address of every live handle's slot (for
    /// the GC, with the world stopped).
    pub fn for_each_root(&self, report: &mut dyn FnMut(*mut usize)) {
        let mut s = self.slots.lock().unwrap_or_else(|p| p.into_inner());
        for slot in s.refs.iter_mut().filter(|r| **r != 0) {
            report(slot);
        }
    }

    /// Number of live handles.
    pub fn live(&self) -> usize {
        let s = self.slots.lock().unwrap_or_else(|p| p.into_inner());
        s.refs.len() - s.free.len()
    }
}

impl ObjectHandle {
    /// The object (where it is now).
    pub fn get(&self) -> ObjectRef {
        let s = self.slots.lock().unwrap_or_else(|p| p.into_inner());
        ObjectRef::from_raw(s.refs[self.index as usize] as *mut u8)
            .expect("a live handle's slot is never null")
    }
}

impl Drop for ObjectHandle {
    fn drop(&mut self) {
        let mut s = self.slots.lock().unwrap_or_else(|p| p.into_inner());
        s.refs[self.index as usize] = 0;
        s.free.push(self.index);
    }
}

impl std::fmt::Debug for ObjectHandle {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "ObjectHandle({})", self.index)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn handles_are_reported_until_dropped_and_slots_are_reused() {
        let table = HandleTable::default();
        let a = ObjectRef::from_raw(0x1000 as *mut u8).unwrap();
        let b = ObjectRef::from_raw(0x2000 as *mut u8).unwrap();
        let ha = table.new_handle(a);
        let hb = table.new_handle(b);
        assert_eq!(table.live(), 2);
        let mut seen = Vec::new();
        table.for_each_root(&mut |p| seen.push(unsafe { *p }));
        assert_eq!(seen, vec![0x1000, 0x2000]);
        // A collector moving `a` updates the slot; the handle follows.
        table.for_each_root(&mut |p| unsafe {
            if *p == 0x1000 {
                *p = 0x3000
            }
        });
        assert_eq!(ha.get().as_ptr() as usize, 0x3000);
        drop(ha);
        assert_eq!(table.live(), 1);
        let hc = table.new_handle(a);
        assert_eq!(hc.index, 0, "freed slots are reused");
        assert_eq!(hb.get(), b);
    }
}
