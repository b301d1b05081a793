//! Per-process handle tables.
//!
//! A handle is a capability: an entry in one process's table. ABI entries
//! look handle values up only in the calling process's table, so a value
//! copied from another process names nothing there (or, by coincidence of
//! numbering, that process's own unrelated object). Values count up from 1
//! and are never reused within a process, so a disposed handle stays invalid.

use std::collections::BTreeMap;
use std::sync::Arc;

use crate::channel::Endpoint;
use crate::event::Event;
use crate::exchange::{self, BlockId};
use crate::file::{DirectoryListing, FileObject};
use crate::library::Library;
use crate::mutex::KernelMutex;
use crate::process::Process;
use crate::semaphore::Semaphore;
use crate::sync::Waitable;
use crate::thread::Thread;
use crate::{Handle, Status};

/// What a handle refers to.
pub(crate) enum KernelObject {
    /// A child process (`ProcessHandle`).
    Process(Arc<Process>),
    /// A thread of the owning process (`ThreadHandle`, ABI v2).
    Thread(Arc<Thread>),
    /// An event (`EventHandle`, ABI v2).
    Event(Arc<Event>),
    /// A loaded shared library (`NativeLibraryService`, ABI v3).
    Library(Arc<Library>),
    /// An open file (`FileService`, ABI v5).
    File(Arc<FileObject>),
    /// A directory listing (`FileService`, ABI v5).
    Directory(Arc<DirectoryListing>),
    /// A mutex (`MutexHandle`, ABI v4).
    Mutex(Arc<KernelMutex>),
    /// A semaphore (`SemaphoreHandle`, ABI v4).
    Semaphore(Arc<Semaphore>),
    /// A channel endpoint (`EndpointCore`, ABI v4).
    Endpoint(Arc<Endpoint>),
    /// An exchange-heap block the process owns (`CommunicationHeapService`,
    /// ABI v4).
    Block(BlockId),
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
    /// [`KernelObject::File`].
    File,
    /// [`KernelObject::Directory`].
    Directory,
    /// [`KernelObject::Mutex`].
    Mutex,
    /// [`KernelObject::Semaphore`].
    Semaphore,
    /// [`KernelObject::Endpoint`].
    Endpoint,
    /// [`KernelObject::Block`].
    Block,
}

impl KernelObject {
    fn kind(&self) -> Kind {
        match self {
            KernelObject::Process(_) => Kind::Process,
            KernelObject::Thread(_) => Kind::Thread,
            KernelObject::Event(_) => Kind::Event,
            KernelObject::Library(_) => Kind::Library,
            KernelObject::File(_) => Kind::File,
            KernelObject::Directory(_) => Kind::Directory,
            KernelObject::Mutex(_) => Kind::Mutex,
            KernelObject::Semaphore(_) => Kind::Semaphore,
            KernelObject::Endpoint(_) => Kind::Endpoint,
            KernelObject::Block(_) => Kind::Block,
        }
    }

    /// Called when the handle is dropped (`Dispose` or the owner ending).
    pub(crate) fn release(self) {
        match self {
            KernelObject::Process(p) => p.handle_released(),
            // A thread keeps running without its handle (it is detached);
            // an event, mutex or semaphore lives on while a waiter still
            // holds it. A library or a file is closed when its last
            // reference (a lookup or a call in progress may hold one) drops.
            KernelObject::Thread(_)
            | KernelObject::Event(_)
            | KernelObject::Library(_)
            | KernelObject::File(_)
            | KernelObject::Directory(_)
            | KernelObject::Mutex(_)
            | KernelObject::Semaphore(_) => {}
            // An endpoint has exactly one handle: dropping it closes the
            // endpoint. Likewise a block's one handle frees it.
            KernelObject::Endpoint(e) => e.close(),
            KernelObject::Block(id) => exchange::free_any(id),
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

    /// Adds an object, or gives it back when no handle value is left.
    pub(crate) fn insert_or_return(
        &mut self,
        object: KernelObject,
    ) -> Result<Handle, (Status, KernelObject)> {
        let value = self.next;
        if value == u32::MAX {
            return Err((Status::OutOfMemory, object));
        }
        self.next += 1;
        self.entries.insert(value, object);
        Ok(Handle(value))
    }

    /// Puts an object back under the handle value it had (it was removed
    /// for an operation that failed). Gives the object back if the value
    /// was never handed out or is taken.
    pub(crate) fn reinsert(
        &mut self,
        handle: Handle,
        object: KernelObject,
    ) -> Result<(), KernelObject> {
        if handle.0 == 0 || handle.0 >= self.next || self.entries.contains_key(&handle.0) {
            return Err(object);
        }
        self.entries.insert(handle.0, object);
        Ok(())
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

    /// The open file a handle names (`InvalidHandle` for another kind).
    pub(crate) fn file(&self, handle: Handle) -> Result<Arc<FileObject>, Status> {
        match self.entries.get(&handle.0) {
            Some(KernelObject::File(f)) => Ok(Arc::clone(f)),
            _ => Err(Status::InvalidHandle),
        }
    }

    /// The mutex a handle names (`InvalidHandle` for another kind).
    pub(crate) fn mutex(&self, handle: Handle) -> Result<Arc<KernelMutex>, Status> {
        match self.entries.get(&handle.0) {
            Some(KernelObject::Mutex(m)) => Ok(Arc::clone(m)),
            _ => Err(Status::InvalidHandle),
        }
    }

    /// The directory listing a handle names (`InvalidHandle` for another
    /// kind).
    pub(crate) fn directory(&self, handle: Handle) -> Result<Arc<DirectoryListing>, Status> {
        match self.entries.get(&handle.0) {
            Some(KernelObject::Directory(d)) => Ok(Arc::clone(d)),
            _ => Err(Status::InvalidHandle),
        }
    }

    /// The semaphore a handle names (`InvalidHandle` for another kind).
    pub(crate) fn semaphore(&self, handle: Handle) -> Result<Arc<Semaphore>, Status> {
        match self.entries.get(&handle.0) {
            Some(KernelObject::Semaphore(s)) => Ok(Arc::clone(s)),
            _ => Err(Status::InvalidHandle),
        }
    }

    /// The endpoint a handle names (`InvalidHandle` for another kind).
    pub(crate) fn endpoint(&self, handle: Handle) -> Result<Arc<Endpoint>, Status> {
        match self.entries.get(&handle.0) {
            Some(KernelObject::Endpoint(e)) => Ok(Arc::clone(e)),
            _ => Err(Status::InvalidHandle),
        }
    }

    /// The block a handle names (`InvalidHandle` for another kind).
    pub(crate) fn block(&self, handle: Handle) -> Result<BlockId, Status> {
        match self.entries.get(&handle.0) {
            Some(KernelObject::Block(b)) => Ok(*b),
            _ => Err(Status::InvalidHandle),
        }
    }

    /// What a wait on the object a handle names waits for: an event, mutex
    /// or semaphore itself, a thread's or process's end, an endpoint's next
    /// message (`InvalidHandle` for a block, a library, a file, a directory
    /// listing or an unknown handle).
    pub(crate) fn waitable(&self, handle: Handle) -> Result<Arc<dyn Waitable>, Status> {
        Ok(match self.entries.get(&handle.0) {
            Some(KernelObject::Event(e)) => Arc::clone(e) as Arc<dyn Waitable>,
            Some(KernelObject::Mutex(m)) => Arc::clone(m) as Arc<dyn Waitable>,
            Some(KernelObject::Semaphore(s)) => Arc::clone(s) as Arc<dyn Waitable>,
            Some(KernelObject::Thread(t)) => t.waitable(),
            Some(KernelObject::Process(p)) => p.waitable(),
            Some(KernelObject::Endpoint(e)) => e.waitable(),
            Some(KernelObject::Block(_))
            | Some(KernelObject::Library(_))
            | Some(KernelObject::File(_))
            | Some(KernelObject::Directory(_))
            | None => return Err(Status::InvalidHandle),
        })
    }

    /// How many endpoint handles the table holds.
    pub(crate) fn endpoint_count(&self) -> usize {
        self.entries
            .values()
            .filter(|o| matches!(o, KernelObject::Endpoint(_)))
            .count()
    }

    /// How many handles the table holds.
    pub(crate) fn len(&self) -> usize {
        self.entries.len()
    }

    /// The kind of object a handle names, if it names one.
    pub(crate) fn kind_of(&self, handle: Handle) -> Option<Kind> {
        self.entries.get(&handle.0).map(KernelObject::kind)
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
