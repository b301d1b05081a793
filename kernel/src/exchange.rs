//! The exchange heap: the version-independent implementation behind
//! `CommunicationHeapService` (ABI v4), Singularity's shared system heap
//! (Design Note 20, section 7).
//!
//! Messages between processes are *blocks* of this heap. As in the
//! strawman of DN20 §7.3, a block's data holds only its bytes, and
//! everything the kernel knows about it lives in a metadata record beside
//! it: which data region it is a window of, its offset and length, whether
//! it is read-only, and who owns it. Records are linked into **per-process
//! doubly linked ownership lists**, so:
//!
//! - moving a block from one owner to another (a send, a receive) unlinks
//!   it from one list and links it into another: O(1);
//! - a dead process's blocks are freed in one pass over its list.
//!
//! A block is owned by exactly one process, or *in flight* (queued in a
//! channel, on no list). Only the owner may use or free it, and a block is
//! named by exactly one handle at a time (in its owner's table) or by the
//! message that carries it.
//!
//! Data regions are reference-counted, which gives DN20's two special
//! operations: **Split** cuts a block into two blocks that are disjoint
//! windows of the same region (no copy; each can go to a different
//! process), and **Share** makes a second read-only record of the same
//! window (both become read-only: to every owner it looks like its own
//! read-only copy). A region is freed when its last record is.

use std::alloc::Layout;
use std::collections::HashMap;
use std::ptr::NonNull;
use std::sync::{Arc, Mutex};

use crate::process::lock;
use crate::{ProcessId, Status};

/// The largest block: 1 GiB.
pub(crate) const MAX_BLOCK_SIZE: usize = 1 << 30;

const NIL: u32 = u32::MAX;

/// One allocation of data; blocks are windows of it.
struct Region {
    ptr: NonNull<u8>,
    layout: Layout,
    /// Records (blocks) that are windows of this region; changed under
    /// the heap lock. The data counts as live until the last one goes.
    records: std::sync::atomic::AtomicUsize,
}

// SAFETY: the region is plain memory owned by this value; access to its
// bytes is coordinated by block ownership (see the module documentation).
unsafe impl Send for Region {}
// SAFETY: as above.
unsafe impl Sync for Region {}

impl Region {
    fn new(len: usize) -> Result<Arc<Region>, Status> {
        let layout = Layout::from_size_align(len, 16).map_err(|_| Status::InvalidArgument)?;
        // SAFETY: `len` is non-zero (checked by the caller).
        let ptr = unsafe { std::alloc::alloc_zeroed(layout) };
        let ptr = NonNull::new(ptr).ok_or(Status::OutOfMemory)?;
        Ok(Arc::new(Region {
            ptr,
            layout,
            records: std::sync::atomic::AtomicUsize::new(0),
        }))
    }
}

impl Drop for Region {
    fn drop(&mut self) {
        // SAFETY: allocated in `Region::new` with this layout; the last
        // record referring to the region is gone.
        unsafe { std::alloc::dealloc(self.ptr.as_ptr(), self.layout) };
    }
}

/// Who owns a block.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub(crate) enum Owner {
    /// A process (the block is on its ownership list).
    Process(ProcessId),
    /// A channel's queue (on no list).
    InFlight,
}

/// A block's name inside the kernel: its record index and the record's
/// generation (a freed record's index may be reused).
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub(crate) struct BlockId {
    index: u32,
    generation: u32,
}

/// A block's metadata record.
struct Record {
    generation: u32,
    /// `None` while the record is free.
    region: Option<Arc<Region>>,
    offset: usize,
    len: usize,
    read_only: bool,
    owner: Owner,
    prev: u32,
    next: u32,
}

/// Per-owner bookkeeping: the head of its list and how many blocks it has.
#[derive(Copy, Clone)]
struct List {
    head: u32,
    count: usize,
}

#[derive(Default)]
struct Heap {
    records: Vec<Record>,
    free: Vec<u32>,
    lists: HashMap<ProcessId, List>,
    live_blocks: usize,
    live_bytes: usize,
}

static HEAP: Mutex<Option<Heap>> = Mutex::new(None);

fn with_heap<R>(f: impl FnOnce(&mut Heap) -> R) -> R {
    let mut g = lock(&HEAP);
    f(g.get_or_insert_with(Heap::default))
}

/// What a block's data looks like to its owner.
#[derive(Copy, Clone, Debug)]
pub(crate) struct BlockData {
    /// The first byte.
    pub(crate) ptr: *mut u8,
    /// Bytes.
    pub(crate) len: usize,
    /// Whether the owner may write it (not shared).
    pub(crate) writable: bool,
}

impl Heap {
    fn record(&mut self, id: BlockId) -> Result<&mut Record, Status> {
        match self.records.get_mut(id.index as usize) {
            Some(r) if r.generation == id.generation && r.region.is_some() => Ok(r),
            _ => Err(Status::InvalidHandle),
        }
    }

    fn owned(&mut self, id: BlockId, owner: Owner) -> Result<&mut Record, Status> {
        let r = self.record(id)?;
        if r.owner != owner {
            return Err(Status::InvalidHandle);
        }
        Ok(r)
    }

    fn link(&mut self, index: u32, owner: Owner) {
        self.records[index as usize].owner = owner;
        let Owner::Process(pid) = owner else {
            let r = &mut self.records[index as usize];
            r.prev = NIL;
            r.next = NIL;
            return;
        };
        let list = self.lists.entry(pid).or_insert(List {
            head: NIL,
            count: 0,
        });
        let old_head = list.head;
        list.head = index;
        list.count += 1;
        {
            let r = &mut self.records[index as usize];
            r.prev = NIL;
            r.next = old_head;
        }
        if old_head != NIL {
            self.records[old_head as usize].prev = index;
        }
    }

    fn unlink(&mut self, index: u32) {
        let (owner, prev, next) = {
            let r = &self.records[index as usize];
            (r.owner, r.prev, r.next)
        };
        let Owner::Process(pid) = owner else { return };
        if prev != NIL {
            self.records[prev as usize].next = next;
        } else if let Some(list) = self.lists.get_mut(&pid) {
            list.head = next;
        }
        if next != NIL {
            self.records[next as usize].prev = prev;
        }
        if let Some(list) = self.lists.get_mut(&pid) {
            list.count -= 1;
            if list.count == 0 {
                self.lists.remove(&pid);
            }
        }
        let r = &mut self.records[index as usize];
        r.prev = NIL;
        r.next = NIL;
    }

    fn insert(
        &mut self,
        region: Arc<Region>,
        offset: usize,
        len: usize,
        read_only: bool,
        owner: Owner,
    ) -> Result<BlockId, Status> {
        let index = match self.free.pop() {
            Some(i) => i,
            None => {
                let i = u32::try_from(self.records.len())
                    .ok()
                    .filter(|i| *i != NIL)
                    .ok_or(Status::OutOfMemory)?;
                self.records
                    .try_reserve(1)
                    .map_err(|_| Status::OutOfMemory)?;
                self.records.push(Record {
                    generation: 0,
                    region: None,
                    offset: 0,
                    len: 0,
                    read_only: false,
                    owner: Owner::InFlight,
                    prev: NIL,
                    next: NIL,
                });
                i
            }
        };
        region
            .records
            .fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let r = &mut self.records[index as usize];
        r.region = Some(region);
        r.offset = offset;
        r.len = len;
        r.read_only = read_only;
        let generation = r.generation;
        self.link(index, owner);
        self.live_blocks += 1;
        Ok(BlockId { index, generation })
    }

    fn remove(&mut self, index: u32) {
        self.unlink(index);
        let r = &mut self.records[index as usize];
        if let Some(region) = r.region.take() {
            let left = region
                .records
                .fetch_sub(1, std::sync::atomic::Ordering::Relaxed)
                - 1;
            if left == 0 {
                self.live_bytes -= region.layout.size();
            }
            // The region itself is dropped (outside any borrow) here.
            drop(region);
        }
        r.generation = r.generation.wrapping_add(1);
        self.live_blocks -= 1;
        self.free.push(index);
    }
}

/// `Allocate`: a zeroed block of `size` bytes (0..=1 GiB: an empty
/// message is a block too) owned by `pid`.
pub(crate) fn allocate(pid: ProcessId, size: usize) -> Result<BlockId, Status> {
    if size > MAX_BLOCK_SIZE {
        return Err(Status::InvalidArgument);
    }
    let region = Region::new(size.max(1))?;
    with_heap(|h| {
        let bytes = region.layout.size();
        let id = h.insert(region, 0, size, false, Owner::Process(pid))?;
        h.live_bytes += bytes;
        Ok(id)
    })
}

/// Frees a block `owner` owns (the data goes when its last block does).
/// The `Free` entry drops the block's one handle instead, which frees it
/// with [`free_any`].
#[cfg(test)]
pub(crate) fn free(id: BlockId, owner: Owner) -> Result<(), Status> {
    with_heap(|h| {
        h.owned(id, owner)?;
        h.remove(id.index);
        Ok(())
    })
}

/// Frees a block whoever owns it (its one handle, or the message carrying
/// it, is being dropped).
pub(crate) fn free_any(id: BlockId) {
    with_heap(|h| {
        if h.record(id).is_ok() {
            h.remove(id.index);
        }
    })
}

/// `Split`: the block keeps its first `offset` bytes; a new block (same
/// owner, same read-only-ness, same data) gets the rest.
pub(crate) fn split(id: BlockId, owner: Owner, offset: usize) -> Result<BlockId, Status> {
    with_heap(|h| {
        let r = h.owned(id, owner)?;
        if offset == 0 || offset >= r.len {
            return Err(Status::InvalidArgument);
        }
        let (region, start, len, ro) = (
            Arc::clone(r.region.as_ref().expect("live record")),
            r.offset,
            r.len,
            r.read_only,
        );
        let second = h.insert(region, start + offset, len - offset, ro, owner)?;
        h.owned(id, owner)?.len = offset;
        Ok(second)
    })
}

/// `Share`: makes the block read-only and returns a second read-only block
/// over the same bytes, owned by `owner` too.
pub(crate) fn share(id: BlockId, owner: Owner) -> Result<BlockId, Status> {
    with_heap(|h| {
        let r = h.owned(id, owner)?;
        r.read_only = true;
        let (region, start, len) = (
            Arc::clone(r.region.as_ref().expect("live record")),
            r.offset,
            r.len,
        );
        h.insert(region, start, len, true, owner)
    })
}

/// The block's data, for its owner.
pub(crate) fn data(id: BlockId, owner: Owner) -> Result<BlockData, Status> {
    with_heap(|h| {
        let r = h.owned(id, owner)?;
        let region = r.region.as_ref().expect("live record");
        Ok(BlockData {
            // SAFETY: `offset + len` lies within the region (every record's
            // window does, by construction).
            ptr: unsafe { region.ptr.as_ptr().add(r.offset) },
            len: r.len,
            writable: !r.read_only,
        })
    })
}

/// Copies between a block of `owner` and a caller buffer, checked: `write`
/// copies `buf` into the block at `offset`, otherwise the block's bytes at
/// `offset` go into `buf`. `InvalidArgument` if the range does not fit,
/// `InvalidState` to write a read-only block.
pub(crate) fn copy(
    id: BlockId,
    owner: Owner,
    offset: usize,
    buf: *mut u8,
    len: usize,
    write: bool,
) -> Result<(), Status> {
    // The region is kept alive by the clone; the copy runs without the
    // heap lock. No other block overlaps a writable window, so nothing
    // else writes these bytes meanwhile.
    let (region, start, block_len, read_only) = with_heap(|h| {
        let r = h.owned(id, owner)?;
        Ok::<_, Status>((
            Arc::clone(r.region.as_ref().expect("live record")),
            r.offset,
            r.len,
            r.read_only,
        ))
    })?;
    if offset.checked_add(len).map_or(true, |end| end > block_len) {
        return Err(Status::InvalidArgument);
    }
    if write && read_only {
        return Err(Status::InvalidState);
    }
    if len == 0 {
        return Ok(());
    }
    // SAFETY: the window [start + offset, +len) lies in the live region
    // (kept alive by `region`); `buf` is valid for `len` bytes by the
    // entry's contract. `ptr::copy` allows the two to overlap.
    unsafe {
        let at = region.ptr.as_ptr().add(start + offset);
        if write {
            std::ptr::copy(buf, at, len);
        } else {
            std::ptr::copy(at, buf, len);
        }
    }
    Ok(())
}

/// Moves a block from `from` to `to` (a send or a receive): O(1).
pub(crate) fn transfer(id: BlockId, from: Owner, to: Owner) -> Result<(), Status> {
    with_heap(|h| {
        h.owned(id, from)?;
        h.unlink(id.index);
        h.link(id.index, to);
        Ok(())
    })
}

/// Frees every block `pid` owns (the process is ending), in one pass over
/// its list; returns how many there were.
pub(crate) fn release_process(pid: ProcessId) -> usize {
    with_heap(|h| {
        let mut n = 0;
        while let Some(list) = h.lists.get(&pid).copied() {
            h.remove(list.head);
            n += 1;
        }
        n
    })
}

/// (live blocks, live data bytes) in the whole heap, and blocks `pid` owns.
pub(crate) fn counters(pid: ProcessId) -> (usize, usize, usize) {
    with_heap(|h| {
        (
            h.live_blocks,
            h.live_bytes,
            h.lists.get(&pid).map_or(0, |l| l.count),
        )
    })
}

/// A process identifier no other test uses: the heap is kernel-wide and
/// tests run in parallel, so a test that counts or releases "its" blocks
/// must own a pid nobody else allocates under. Real processes count up from
/// 1 (`Process::create`); these come from the top half of the id space.
#[cfg(test)]
pub(crate) fn test_pid() -> ProcessId {
    use std::sync::atomic::{AtomicU32, Ordering};
    static NEXT: AtomicU32 = AtomicU32::new(0x8000_0000);
    ProcessId(NEXT.fetch_add(1, Ordering::Relaxed))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Two fresh owners for one test.
    fn owners() -> (Owner, Owner) {
        (Owner::Process(test_pid()), Owner::Process(test_pid()))
    }

    fn pid(o: Owner) -> ProcessId {
        match o {
            Owner::Process(p) => p,
            Owner::InFlight => unreachable!(),
        }
    }

    #[test]
    fn ownership_moves_and_dies_with_the_process() {
        let (a, b) = owners();
        let x = allocate(pid(a), 100).unwrap();
        let y = allocate(pid(a), 10).unwrap();
        assert_eq!(counters(pid(a)).2, 2);
        assert_eq!(free(x, b), Err(Status::InvalidHandle), "not b's");
        transfer(x, a, Owner::InFlight).unwrap();
        assert_eq!(data(x, a).unwrap_err(), Status::InvalidHandle, "sent");
        transfer(x, Owner::InFlight, b).unwrap();
        assert_eq!(counters(pid(b)).2, 1);
        assert_eq!(data(x, b).unwrap().len, 100);
        assert_eq!(release_process(pid(a)), 1);
        assert_eq!(free(y, a), Err(Status::InvalidHandle), "already freed");
        free(x, b).unwrap();
        assert_eq!(free(x, b), Err(Status::InvalidHandle), "double free");
        assert_eq!(counters(pid(b)).2, 0);
    }

    #[test]
    fn split_and_share_are_windows_of_one_region() {
        let (a, b) = owners();
        let x = allocate(pid(a), 16).unwrap();
        copy(x, a, 0, b"0123456789abcdef".as_ptr() as *mut u8, 16, true).unwrap();
        let y = split(x, a, 10).unwrap();
        assert_eq!(data(x, a).unwrap().len, 10);
        let mut buf = [0u8; 6];
        copy(y, a, 0, buf.as_mut_ptr(), 6, false).unwrap();
        assert_eq!(&buf, b"abcdef");
        assert_eq!(split(y, a, 0), Err(Status::InvalidArgument));
        assert_eq!(split(y, a, 6), Err(Status::InvalidArgument));
        let z = share(y, a).unwrap();
        assert!(!data(y, a).unwrap().writable);
        assert_eq!(
            copy(z, a, 0, buf.as_mut_ptr(), 1, true),
            Err(Status::InvalidState)
        );
        assert_eq!(
            copy(z, a, 5, buf.as_mut_ptr(), 2, false),
            Err(Status::InvalidArgument)
        );
        transfer(z, a, b).unwrap();
        free(y, a).unwrap();
        copy(z, b, 0, buf.as_mut_ptr(), 6, false).unwrap();
        assert_eq!(&buf, b"abcdef", "the share keeps the data alive");
        free(z, b).unwrap();
        free(x, a).unwrap();
    }
}
