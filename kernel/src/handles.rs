//! Per-process handle tables.
//!
//! A handle is a capability: an entry in one process's table. ABI entries
//! look handle values up only in the calling process's table, so a value
//! copied from another process names nothing there (or, by coincidence of
//! numbering, that process's own unrelated object). Values count up from 1
//! and are never reused within a process, so a disposed handle stays invalid.

use std::collections::BTreeMap;
use std::sync::Arc;

use crate::event::Event;
use crate::library::Library;
use crate::process::Process;
use crate::thread::Thread;
use crate::{Handle, Status};

/// What a handle refers to. Later ABI versions add mutex and endpoint
/// objects here.
pub(crate) enum KernelObject {
    /// A child process (`ProcessHandle`).
    Process(Arc<Process>),
    /// A thread of the owning process (`ThreadHandle`, ABI v2).
    Thread(Arc<Thread>),
    /// An event (`EventHandle`, ABI v2).
    Event(Arc<Event>),
    /// A loaded shared library (`NativeLibraryService`, ABI v3).
    Library(Arc<Library>),
}

/// The kinds of [`KernelObject`], for entries that accept only one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Kind {
    /// [`KernelObject::Process`].
    Process,
    /// [`KernelObject::Thread`].
    Thread,
    /// [`KernelObject::Event`].
    Event,
    /// [`KernelObject::Library`].
    Library,
}

impl KernelObject {
    fn kind(&self) -> Kind {
        match self {
            KernelObject::Process(_) => Kind::Process,
            KernelObject::Thread(_) => Kind::Thread,
            KernelObject::Event(_) => Kind::Event,
            KernelObject::Library(_) => Kind::Library,
        }
    }

    /// Called when the handle is dropped (`Dispose` or the owner ending).
    fn release(self) {
        match self {
            KernelObject::Process(p) => p.handle_released(),
            // A thread keeps running without its handle (it is detached);
            // an event lives on while a waiter still holds it.
            // A library is closed when its last reference (a lookup in
            // progress may hold one) drops.
            KernelObject::Thread(_) | KernelObject::Event(_) | KernelObject::Library(_) => {}
        }
    }
}

/// One process's handle table.
pub(crate) struct HandleTable {
    next: u32,
    entries: BTreeMap<u32, KernelObject>,
}

impl Default for HandleTable {
    fn default() -> Self {
        HandleTable {
            next: 1,
            entries: BTreeMap::new(),
        }
    }
}

impl HandleTable {
    /// Adds an object; `OutOfMemory` once the 2^32 - 1 values are used up.
    pub(crate) fn insert(&mut self, object: KernelObject) -> Result<Handle, Status> {
        let value = self.next;
        if value == u32::MAX {
            return Err(Status::OutOfMemory);
        }
        self.next += 1;
        self.entries.insert(value, object);
        Ok(Handle(value))
    }

    /// The process a handle names (`InvalidHandle` for another kind).
    pub(crate) fn process(&self, handle: Handle) -> Result<Arc<Process>, Status> {
        match self.entries.get(&handle.0) {
            Some(KernelObject::Process(p)) => Ok(Arc::clone(p)),
            _ => Err(Status::InvalidHandle),
        }
    }

    /// The thread a handle names (`InvalidHandle` for another kind).
    pub(crate) fn thread(&self, handle: Handle) -> Result<Arc<Thread>, Status> {
        match self.entries.get(&handle.0) {
            Some(KernelObject::Thread(t)) => Ok(Arc::clone(t)),
            _ => Err(Status::InvalidHandle),
        }
    }

    /// The event a handle names (`InvalidHandle` for another kind).
    pub(crate) fn event(&self, handle: Handle) -> Result<Arc<Event>, Status> {
        match self.entries.get(&handle.0) {
            Some(KernelObject::Event(e)) => Ok(Arc::clone(e)),
            _ => Err(Status::InvalidHandle),
        }
    }

    /// The library a handle names (`InvalidHandle` for another kind).
    pub(crate) fn library(&self, handle: Handle) -> Result<Arc<Library>, Status> {
        match self.entries.get(&handle.0) {
            Some(KernelObject::Library(l)) => Ok(Arc::clone(l)),
            _ => Err(Status::InvalidHandle),
        }
    }

    /// Removes a handle to an object of `kind` from the table
    /// (`InvalidHandle`, and nothing removed, for another kind); the caller
    /// releases the object with [`release_objects`] once it has dropped the
    /// table lock.
    pub(crate) fn remove(&mut self, handle: Handle, kind: Kind) -> Result<KernelObject, Status> {
        match self.entries.get(&handle.0) {
            Some(object) if object.kind() == kind => {}
            _ => return Err(Status::InvalidHandle),
        }
        self.entries.remove(&handle.0).ok_or(Status::InvalidHandle)
    }

    /// Empties the table (the owning process is ending).
    pub(crate) fn take_all(&mut self) -> Vec<KernelObject> {
        std::mem::take(&mut self.entries).into_values().collect()
    }
}

/// Releases objects removed from a table. Call without holding the table lock.
pub(crate) fn release_objects(objects: impl IntoIterator<Item = KernelObject>) {
    for object in objects {
        object.release();
    }
}
