//! Monitors: thin locks in the object header, inflated to sync blocks
//! (docs/runtime.md, "Monitors"). This is the native half of
//! `System.Threading.Monitor`; the waiting itself happens in corelib,
//! through QCalls on kernel events (preemptive, interruptible).
//!
//! **Thin lock.** The lock bits of the header's high half
//! ([`layout::LOCK_MASK`]) hold the owner's *lock id* (a small number per
//! thread record, [`LockIds`]) and how many extra times it entered. Taking
//! a free lock, entering again and leaving are one compare-and-swap each.
//! The other bits of the high half (the finalizer-suppressed flag) may
//! change concurrently; every update is a CAS of the whole half, so none is
//! lost. The identity hash lives in the low half and is untouched.
//!
//! **Sync block.** When a thread finds the lock taken and must sleep, when
//! a thread calls `Wait`/`Pulse`, or when the recursion count overflows, the
//! lock is *inflated*: a [`SyncBlock`] takes over the owner and recursion
//! (one CAS publishes its index in the header, [`layout::SYNC_BLOCK`]), and
//! from then on the object's lock lives there. A sync block holds the
//! number of threads waiting to enter and the kernel auto-reset event they
//! sleep on, and the queue of threads in `Monitor.Wait`, each with its own
//! kernel event. Sync blocks are never deflated; one whose object has died
//! (a runtime weak handle tells) is reused for another object.
//!
//! Entering and leaving never block or wait here: the FCalls that call
//! these functions run in cooperative mode without a frame, and only take
//! short locks that are never held across a wait.

use std::collections::VecDeque;
use std::sync::atomic::{AtomicU32, AtomicU64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};

use osprey_kernel::client::{Os, OsError};
use osprey_kernel::Handle;

use crate::gc::layout::{self, LOCK_MASK, SYNC_BLOCK};
use crate::gc::WeakObjectHandle;
use crate::object::ObjectRef;

/// The high-half lock bits.
const HALF_LOCK_MASK: u32 = (LOCK_MASK >> 32) as u32;
const HALF_SYNC_BLOCK: u32 = (SYNC_BLOCK >> 32) as u32;
/// Thin lock: the owner's lock id.
const THIN_OWNER_MASK: u32 = 0xFFFF;
/// Thin lock: one extra acquisition.
const THIN_RECURSION_ONE: u32 = 1 << 16;
/// Thin lock: the recursion field.
const THIN_RECURSION_MASK: u32 = 0xFFF << 16;
/// Sync block indexes fit in the 28 bits below [`HALF_SYNC_BLOCK`].
const MAX_SYNC_BLOCKS: usize = 1 << 28;

/// The largest lock id (ids are 16 bits; 0 means "free").
const MAX_LOCK_ID: u32 = 0xFFFF;

/// Why a monitor operation failed.
#[derive(Debug)]
pub enum MonitorError {
    /// The calling thread does not own the lock (SynchronizationLockException).
    NotOwner,
    /// The kernel refused an event, or 2^28 sync blocks exist.
    OutOfResources(String),
}

impl From<OsError> for MonitorError {
    fn from(e: OsError) -> MonitorError {
        MonitorError::OutOfResources(e.to_string())
    }
}

/// Lock ids of a runtime's thread records: small numbers (1..=65535) that
/// fit a thin lock. A record's id goes back when it drops, to the end of
/// the free queue, so an id is reused as late as possible.
#[derive(Default)]
pub struct LockIds {
    inner: Mutex<LockIdState>,
}

#[derive(Default)]
struct LockIdState {
    next: u32,
    free: VecDeque<u32>,
    /// The record address holding each id (index: id).
    records: Vec<usize>,
}

impl LockIds {
    fn lock(&self) -> MutexGuard<'_, LockIdState> {
        self.inner.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// A free lock id for the thread record at `record`; 0 if all 65535 are
    /// taken (such a thread inflates every lock it takes: sync blocks
    /// record owners by record address, not id).
    pub fn take(&self, record: usize) -> u32 {
        let mut s = self.lock();
        let id = if s.next < MAX_LOCK_ID {
            s.next += 1;
            s.next
        } else {
            match s.free.pop_front() {
                Some(id) => id,
                None => return 0,
            }
        };
        if s.records.len() <= id as usize {
            s.records.resize(id as usize + 1, 0);
        }
        s.records[id as usize] = record;
        id
    }

    /// Gives an id back.
    pub fn give_back(&self, id: u32) {
        if id != 0 {
            let mut s = self.lock();
            if let Some(r) = s.records.get_mut(id as usize) {
                *r = 0;
            }
            s.free.push_back(id);
        }
    }

    /// The record holding `id` (0 if none).
    fn record_of(&self, id: u32) -> usize {
        self.lock().records.get(id as usize).copied().unwrap_or(0)
    }
}

/// Who may own a lock: the thread record's lock id (never 0 for a thread
/// that owns a thin lock) and its address (what a sync block records, so
/// a thread without a lock id can still own an inflated lock).
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct Owner {
    /// The thread's lock id (0: none).
    pub lock_id: u32,
    /// The thread record's address (never 0).
    pub record: usize,
}

/// An inflated lock.
pub struct SyncBlock {
    /// The owning thread record's address (0: free).
    owner: AtomicU64,
    /// Extra acquisitions by the owner (only the owner changes it).
    recursion: AtomicU32,
    /// Threads between `begin_enter_wait` and `end_enter_wait`.
    entering: AtomicU32,
    /// The kernel auto-reset event entering threads sleep on.
    event: Handle,
    /// Threads in `Monitor.Wait`: their wait events, in arrival order.
    waiters: Mutex<VecDeque<Handle>>,
    /// The object, weakly (the block is reused once it dies).
    object: WeakObjectHandle,
}

impl SyncBlock {
    fn try_enter(&self, me: Owner) -> bool {
        match self
            .owner
            .compare_exchange(0, me.record as u64, Ordering::Acquire, Ordering::Relaxed)
        {
            Ok(_) => true,
            Err(current) if current == me.record as u64 => {
                self.recursion.fetch_add(1, Ordering::Relaxed);
                true
            }
            Err(_) => false,
        }
    }

    fn owned_by(&self, me: Owner) -> bool {
        self.owner.load(Ordering::Relaxed) == me.record as u64
    }

    /// Releases one acquisition; the event to set when a thread waits to
    /// enter.
    fn exit(&self, me: Owner) -> Result<Option<Handle>, MonitorError> {
        if !self.owned_by(me) {
            return Err(MonitorError::NotOwner);
        }
        if self.recursion.load(Ordering::Relaxed) > 0 {
            self.recursion.fetch_sub(1, Ordering::Relaxed);
            return Ok(None);
        }
        self.release_fully();
        Ok(self.wake_entering())
    }

    fn release_fully(&self) {
        self.recursion.store(0, Ordering::Relaxed);
        // SeqCst: the store must be ordered before the read of `entering`
        // (a thread registering as entering, then retrying, pairs with it).
        self.owner.store(0, Ordering::SeqCst);
    }

    fn wake_entering(&self) -> Option<Handle> {
        (self.entering.load(Ordering::SeqCst) > 0).then_some(self.event)
    }

    fn lock_waiters(&self) -> MutexGuard<'_, VecDeque<Handle>> {
        self.waiters.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Free for another object: its object is dead and nobody uses it.
    fn reusable(&self) -> bool {
        self.object.get().is_none()
            && self.owner.load(Ordering::Relaxed) == 0
            && self.entering.load(Ordering::Relaxed) == 0
            && self.lock_waiters().is_empty()
    }
}

/// A runtime's sync blocks.
pub struct SyncBlocks {
    os: Os,
    blocks: Mutex<Vec<Arc<SyncBlock>>>,
    /// Where the next search for a reusable block starts.
    cursor: AtomicU32,
}

/// How many existing blocks an inflation examines for reuse before it
/// makes a new one.
const REUSE_SCAN: usize = 16;

impl SyncBlocks {
    /// An empty table.
    pub fn new(os: Os) -> SyncBlocks {
        SyncBlocks {
            os,
            blocks: Mutex::new(Vec::new()),
            cursor: AtomicU32::new(0),
        }
    }

    fn lock(&self) -> MutexGuard<'_, Vec<Arc<SyncBlock>>> {
        self.blocks.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// The block at `index` (from a header).
    fn get(&self, index: u32) -> Arc<SyncBlock> {
        Arc::clone(&self.lock()[index as usize])
    }

    /// A block for `obj` owned as `owner`/`recursion` says: a dead
    /// object's block reused, or a new one. Not yet published.
    fn allocate(
        &self,
        handles: &crate::gc::SharedHandleTable,
        obj: ObjectRef,
        owner: usize,
        recursion: u32,
    ) -> Result<u32, MonitorError> {
        let mut blocks = self.lock();
        let n = blocks.len();
        if n > 0 {
            let start = self.cursor.load(Ordering::Relaxed) as usize % n;
            for k in 0..REUSE_SCAN.min(n) {
                let i = (start + k) % n;
                if blocks[i].reusable() {
                    self.cursor.store((i + 1) as u32, Ordering::Relaxed);
                    let b = &blocks[i];
                    b.object.set(obj);
                    b.recursion.store(recursion, Ordering::Relaxed);
                    b.owner.store(owner as u64, Ordering::Release);
                    return Ok(i as u32);
                }
            }
            self.cursor
                .store(((start + REUSE_SCAN) % n) as u32, Ordering::Relaxed);
        }
        if n >= MAX_SYNC_BLOCKS {
            return Err(MonitorError::OutOfResources(
                "too many sync blocks".to_string(),
            ));
        }
        let event = self.os.create_event(false, false)?;
        blocks.push(Arc::new(SyncBlock {
            owner: AtomicU64::new(owner as u64),
            recursion: AtomicU32::new(recursion),
            entering: AtomicU32::new(0),
            event,
            waiters: Mutex::new(VecDeque::new()),
            object: WeakObjectHandle::new(handles, obj),
        }));
        Ok(n as u32)
    }

    /// Frees the blocks' kernel events (the runtime is going away).
    pub fn dispose(&self) {
        for b in self.lock().drain(..) {
            let _ = self.os.dispose_event(b.event);
        }
    }
}

/// The monitor operations, for one runtime and one calling thread.
pub struct Monitor<'a> {
    /// The runtime's sync blocks.
    pub blocks: &'a SyncBlocks,
    /// The collector's handle table (sync blocks' weak handles).
    pub handles: &'a crate::gc::SharedHandleTable,
    /// The runtime's lock ids (to find the record owning a thin lock).
    pub ids: &'a LockIds,
    /// The calling thread.
    pub me: Owner,
}

fn high(obj: ObjectRef) -> &'static AtomicU32 {
    // SAFETY: `obj` is a live object (the caller's reference, reported by
    // its managed frame: the object does not move during an FCall).
    unsafe { layout::header_high(obj.as_ptr() as usize) }
}

fn sync_index(h: u32) -> Option<u32> {
    (h & HALF_SYNC_BLOCK != 0).then_some(h & (HALF_LOCK_MASK & !HALF_SYNC_BLOCK))
}

impl Monitor<'_> {
    /// Takes the lock if it is free or already the caller's; false if
    /// another thread holds it.
    pub fn try_enter(&self, obj: ObjectRef) -> Result<bool, MonitorError> {
        let word = high(obj);
        loop {
            let h = word.load(Ordering::Relaxed);
            if let Some(i) = sync_index(h) {
                return Ok(self.blocks.get(i).try_enter(self.me));
            }
            let thin = h & HALF_LOCK_MASK;
            if thin == 0 {
                if self.me.lock_id == 0 {
                    return self.inflate(obj).map(|b| b.try_enter(self.me));
                }
                if word
                    .compare_exchange_weak(
                        h,
                        h | self.me.lock_id,
                        Ordering::Acquire,
                        Ordering::Relaxed,
                    )
                    .is_ok()
                {
                    return Ok(true);
                }
                continue;
            }
            if thin & THIN_OWNER_MASK != self.me.lock_id || self.me.lock_id == 0 {
                return Ok(false);
            }
            if thin & THIN_RECURSION_MASK == THIN_RECURSION_MASK {
                // The count would overflow: move the lock to a sync block.
                return self.inflate(obj).map(|b| b.try_enter(self.me));
            }
            if word
                .compare_exchange_weak(
                    h,
                    h + THIN_RECURSION_ONE,
                    Ordering::Relaxed,
                    Ordering::Relaxed,
                )
                .is_ok()
            {
                return Ok(true);
            }
        }
    }

    /// Releases one acquisition. `Ok(Some(event))`: a thread waits to enter;
    /// the caller sets the event (outside this FCall).
    pub fn exit(&self, obj: ObjectRef) -> Result<Option<Handle>, MonitorError> {
        let word = high(obj);
        loop {
            let h = word.load(Ordering::Relaxed);
            if let Some(i) = sync_index(h) {
                return self.blocks.get(i).exit(self.me);
            }
            let thin = h & HALF_LOCK_MASK;
            if thin == 0 || thin & THIN_OWNER_MASK != self.me.lock_id || self.me.lock_id == 0 {
                return Err(MonitorError::NotOwner);
            }
            let new = if thin & THIN_RECURSION_MASK != 0 {
                h - THIN_RECURSION_ONE
            } else {
                h & !HALF_LOCK_MASK
            };
            if word
                .compare_exchange_weak(h, new, Ordering::Release, Ordering::Relaxed)
                .is_ok()
            {
                return Ok(None);
            }
        }
    }

    /// Whether the caller holds the lock.
    pub fn is_entered(&self, obj: ObjectRef) -> bool {
        let h = high(obj).load(Ordering::Relaxed);
        match sync_index(h) {
            Some(i) => self.blocks.get(i).owned_by(self.me),
            None => {
                let thin = h & HALF_LOCK_MASK;
                thin != 0 && self.me.lock_id != 0 && thin & THIN_OWNER_MASK == self.me.lock_id
            }
        }
    }

    /// The object's sync block, inflating a thin lock (its owner and
    /// recursion move into the block).
    fn inflate(&self, obj: ObjectRef) -> Result<Arc<SyncBlock>, MonitorError> {
        let word = high(obj);
        // A block allocated for a CAS that then failed is reused by the
        // next attempt.
        let mut prepared: Option<u32> = None;
        loop {
            let h = word.load(Ordering::Acquire);
            if let Some(i) = sync_index(h) {
                if let Some(p) = prepared {
                    // Another thread inflated first: ours goes back (a
                    // cleared object makes it reusable at once).
                    let b = self.blocks.get(p);
                    b.recursion.store(0, Ordering::Relaxed);
                    b.owner.store(0, Ordering::Release);
                    b.object.clear();
                }
                return Ok(self.blocks.get(i));
            }
            let thin = h & HALF_LOCK_MASK;
            let (owner, recursion) = if thin == 0 {
                (0, 0)
            } else {
                (
                    self.ids.record_of(thin & THIN_OWNER_MASK),
                    (thin & THIN_RECURSION_MASK) >> 16,
                )
            };
            let index = match prepared {
                Some(p) => {
                    let b = self.blocks.get(p);
                    b.recursion.store(recursion, Ordering::Relaxed);
                    b.owner.store(owner as u64, Ordering::Release);
                    p
                }
                None => self.blocks.allocate(self.handles, obj, owner, recursion)?,
            };
            prepared = Some(index);
            let new = (h & !HALF_LOCK_MASK) | HALF_SYNC_BLOCK | index;
            if word
                .compare_exchange(h, new, Ordering::AcqRel, Ordering::Acquire)
                .is_ok()
            {
                return Ok(self.blocks.get(index));
            }
        }
    }

    /// `Monitor.Enter`'s slow path: registers the caller among the threads
    /// waiting to enter; returns the event to sleep on between retries.
    pub fn begin_enter_wait(&self, obj: ObjectRef) -> Result<Handle, MonitorError> {
        let b = self.inflate(obj)?;
        b.entering.fetch_add(1, Ordering::SeqCst);
        Ok(b.event)
    }

    /// The caller stopped waiting to enter (it entered, or gave up).
    pub fn end_enter_wait(&self, obj: ObjectRef) {
        if let Some(i) = sync_index(high(obj).load(Ordering::Acquire)) {
            let b = self.blocks.get(i);
            let _ = b
                .entering
                .fetch_update(Ordering::SeqCst, Ordering::SeqCst, |n| n.checked_sub(1));
        }
    }

    /// `Monitor.Wait`, first half: queues `my_event` and releases the lock
    /// fully. Returns the recursion to restore and the event to set (a
    /// thread waits to enter).
    pub fn wait_begin(
        &self,
        obj: ObjectRef,
        my_event: Handle,
    ) -> Result<(u32, Option<Handle>), MonitorError> {
        if !self.is_entered(obj) {
            return Err(MonitorError::NotOwner);
        }
        let b = self.inflate(obj)?;
        if !b.owned_by(self.me) {
            return Err(MonitorError::NotOwner);
        }
        b.lock_waiters().push_back(my_event);
        let recursion = b.recursion.load(Ordering::Relaxed);
        b.release_fully();
        Ok((recursion, b.wake_entering()))
    }

    /// `Monitor.Wait` timed out: takes `my_event` off the queue; false if a
    /// pulse already took it (its set is coming).
    pub fn wait_cancel(&self, obj: ObjectRef, my_event: Handle) -> bool {
        let Some(i) = sync_index(high(obj).load(Ordering::Acquire)) else {
            return false;
        };
        let b = self.blocks.get(i);
        let mut q = b.lock_waiters();
        match q.iter().position(|h| *h == my_event) {
            Some(k) => {
                q.remove(k);
                true
            }
            None => false,
        }
    }

    /// `Monitor.Wait`, last half: the caller has the lock back; restores
    /// its recursion.
    pub fn wait_end(&self, obj: ObjectRef, recursion: u32) {
        if let Some(i) = sync_index(high(obj).load(Ordering::Acquire)) {
            let b = self.blocks.get(i);
            if b.owned_by(self.me) {
                b.recursion.store(recursion, Ordering::Relaxed);
            }
        }
    }

    /// `Monitor.Pulse`: dequeues the first waiter; its event is the
    /// caller's to set. `None`: nobody waits.
    pub fn pulse(&self, obj: ObjectRef) -> Result<Option<Handle>, MonitorError> {
        if !self.is_entered(obj) {
            return Err(MonitorError::NotOwner);
        }
        let Some(i) = sync_index(high(obj).load(Ordering::Acquire)) else {
            // A thin lock: nobody can be waiting.
            return Ok(None);
        };
        let b = self.blocks.get(i);
        let next = b.lock_waiters().pop_front();
        Ok(next)
    }
}
