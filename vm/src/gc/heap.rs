//! The GC heap's memory: one reservation of kernel pages
//! (PageTableService), cut into 32 KiB blocks.
//!
//! ```text
//!   base                                                         base + size
//!   [ block | block | block | ...                                          ]
//!     Old: small objects, parseable from the block start (fillers in gaps)
//!     Nursery: young objects (generational collector), parseable likewise
//!     LargeHead + LargeTail...: one large object, at head start + 8
//!     Free: not in use (decommitted once the heap shrinks)
//! ```
//!
//! Blocks are committed when first used and decommitted when a collection
//! frees more than the heap keeps in reserve. The card table (one byte per
//! [`CARD_SIZE`] bytes of the reservation) is a separate kernel allocation
//! whose untouched pages cost nothing.

use osprey_kernel::client::{Os, OsError};
use osprey_kernel::Protection;

use super::layout;
use crate::object::HEADER_SIZE;

/// log2 of the block size.
pub const BLOCK_SHIFT: usize = 15;
/// Bytes per block.
pub const BLOCK_SIZE: usize = 1 << BLOCK_SHIFT;
/// log2 of the card size.
pub const CARD_SHIFT: usize = 9;
/// Bytes of heap per card-table byte.
pub const CARD_SIZE: usize = 1 << CARD_SHIFT;
/// Objects at least this large (header included) get blocks of their own.
pub const LARGE_OBJECT_SIZE: usize = 8 << 10;
/// Free gaps smaller than this are not handed to allocation contexts.
pub const MIN_HOLE: usize = 256;

/// What a block holds.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum BlockState {
    /// Unused.
    Free,
    /// Small objects that survived (or were allocated old).
    Old,
    /// Young objects of the generational collector.
    Nursery,
    /// The first block of a large object (`n` blocks in all).
    LargeHead(u32),
    /// A later block of a large object.
    LargeTail,
}

/// Per-block bookkeeping.
#[derive(Copy, Clone, Debug)]
pub struct BlockInfo {
    /// What the block holds.
    pub state: BlockState,
    /// Whether the block's pages are committed.
    pub committed: bool,
    /// During a minor collection: a nursery block holding a pinned object,
    /// promoted in place instead of evacuated.
    pub pinned: bool,
}

impl BlockInfo {
    /// A block never used: free and uncommitted.
    pub const UNUSED: BlockInfo = BlockInfo {
        state: BlockState::Free,
        committed: false,
        pinned: false,
    };
}

/// A free range inside Old blocks, handed to allocation contexts.
#[derive(Copy, Clone, Debug)]
pub struct Hole {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

/// The block heap.
pub struct BlockHeap {
    os: Os,
    /// First byte of the reservation (block-aligned).
    pub base: usize,
    /// Bytes reserved.
    pub size: usize,
    raw: (usize, usize),
    /// One entry per block below `high` (`blocks.len() == high`): blocks
    /// above it were never used, so they are free and uncommitted, and
    /// [`BlockHeap::block`] answers for them. Growing the table with the
    /// heap keeps a small heap's table small: one entry per block of a 4 GiB
    /// reservation would be 1.5 MiB written at startup.
    pub blocks: Vec<BlockInfo>,
    /// Lowest block index that may be free (search hint).
    free_hint: usize,
    /// Blocks in use (not Free).
    pub blocks_in_use: usize,
    /// One past the highest block ever used: loops over blocks stop here.
    pub high: usize,
    /// Next-fit instead of first-fit (heap verification): a released block
    /// is not reused at once, so stale references into it stay detectable.
    pub next_fit: bool,
    /// The card table: one byte per card of the reservation.
    pub cards: usize,
    /// Bytes of the card table.
    pub cards_len: usize,
}

impl BlockHeap {
    /// Reserves `size` bytes (rounded up to blocks) and the card table.
    pub fn new(os: Os, size: usize) -> Result<BlockHeap, OsError> {
        let size = size.next_multiple_of(BLOCK_SIZE).max(16 * BLOCK_SIZE);
        // Over-reserve by one block so the base can be block-aligned.
        let raw_len = size + BLOCK_SIZE;
        let raw = os.reserve(raw_len)? as usize;
        let base = raw.next_multiple_of(BLOCK_SIZE);
        let cards_len = (size >> CARD_SHIFT).next_multiple_of(os.page_size());
        let cards = os.allocate(cards_len, Protection::ReadWrite)? as usize;
        Ok(BlockHeap {
            os,
            base,
            size,
            raw: (raw, raw_len),
            blocks: Vec::new(),
            free_hint: 0,
            blocks_in_use: 0,
            high: 0,
            next_fit: false,
            cards,
            cards_len,
        })
    }

    /// Block `i`'s bookkeeping (any block of the reservation).
    #[inline]
    pub fn block(&self, i: usize) -> BlockInfo {
        self.blocks.get(i).copied().unwrap_or(BlockInfo::UNUSED)
    }

    /// Whether `addr` lies in the reservation.
    #[inline]
    pub fn contains(&self, addr: usize) -> bool {
        addr.wrapping_sub(self.base) < self.size
    }

    /// The block index of an address in the reservation.
    #[inline]
    pub fn block_of(&self, addr: usize) -> usize {
        (addr - self.base) >> BLOCK_SHIFT
    }

    /// The first byte of block `i`.
    #[inline]
    pub fn block_start(&self, i: usize) -> usize {
        self.base + (i << BLOCK_SHIFT)
    }

    /// Takes `n` contiguous free blocks, commits them and marks them `state`
    /// (a large object's head gets `LargeHead(n)`, the rest `LargeTail`).
    /// The memory is zeroed. `None` when the reservation has no such run.
    pub fn take_blocks(&mut self, n: usize, state: BlockState) -> Result<Option<usize>, OsError> {
        // Next-fit cycles through a window a few times the heap in use, so
        // a freed block waits a while before reuse without the heap's
        // address range (and every loop over blocks) growing without bound.
        if self.next_fit && self.free_hint > 2 * self.blocks_in_use + 256 {
            self.free_hint = 0;
        }
        match self.take_blocks_from(self.free_hint, n, state)? {
            None if self.next_fit && self.free_hint != 0 => {
                self.free_hint = 0;
                self.take_blocks_from(0, n, state)
            }
            r => Ok(r),
        }
    }

    fn take_blocks_from(
        &mut self,
        from: usize,
        n: usize,
        state: BlockState,
    ) -> Result<Option<usize>, OsError> {
        let total = self.size >> BLOCK_SHIFT;
        let mut i = from;
        let mut run_start = i;
        let mut run = 0;
        while i < total {
            if self.block(i).state == BlockState::Free {
                if run == 0 {
                    run_start = i;
                }
                run += 1;
                if run == n {
                    break;
                }
            } else {
                run = 0;
            }
            i += 1;
        }
        if run < n {
            return Ok(None);
        }
        if self.blocks.len() < run_start + n {
            self.blocks.resize(run_start + n, BlockInfo::UNUSED);
        }
        for b in run_start..run_start + n {
            if !self.blocks[b].committed {
                let start = self.block_start(b) as *mut u8;
                self.os.commit(start, BLOCK_SIZE, Protection::ReadWrite)?;
                self.blocks[b].committed = true;
            } else {
                // Reused block: zero it (allocation assumes zeroed memory
                // only inside handed-out contexts, which are zeroed then; a
                // large object is handed out directly).
                if matches!(state, BlockState::LargeHead(_)) {
                    // SAFETY: the block is committed and unused.
                    unsafe { std::ptr::write_bytes(self.block_start(b) as *mut u8, 0, BLOCK_SIZE) };
                }
            }
            self.blocks[b].state = match state {
                BlockState::LargeHead(_) if b != run_start => BlockState::LargeTail,
                s => s,
            };
            self.blocks[b].pinned = false;
        }
        if run_start == self.free_hint || self.next_fit {
            self.free_hint = run_start + n;
        }
        self.blocks_in_use += n;
        self.high = self.high.max(run_start + n);
        Ok(Some(run_start))
    }

    /// Returns block `i` (and, for a large head, its tail) to the free pool.
    pub fn release_block(&mut self, i: usize) {
        let n = match self.blocks[i].state {
            BlockState::LargeHead(n) => n as usize,
            BlockState::Free => return,
            _ => 1,
        };
        for b in i..i + n {
            self.blocks[b].state = BlockState::Free;
            self.blocks[b].pinned = false;
        }
        self.blocks_in_use -= n;
        if !self.next_fit {
            self.free_hint = self.free_hint.min(i);
        }
    }

    /// Decommits free blocks beyond the first `keep` committed free ones,
    /// returning their pages to the kernel.
    pub fn trim(&mut self, keep: usize) {
        let mut kept = 0;
        for i in 0..self.high {
            let b = self.blocks[i];
            if b.state == BlockState::Free && b.committed {
                if kept < keep {
                    kept += 1;
                } else {
                    let start = self.block_start(i) as *mut u8;
                    // SAFETY: a free block holds no live object, and no
                    // allocation context points into it.
                    if unsafe { self.os.decommit(start, BLOCK_SIZE) }.is_ok() {
                        self.blocks[i].committed = false;
                    }
                }
            }
        }
    }

    /// The card bytes of block `i`.
    pub fn block_cards(&mut self, i: usize) -> &mut [u8] {
        let per_block = BLOCK_SIZE >> CARD_SHIFT;
        // SAFETY: the card table covers every block; the exclusive borrow of
        // the heap (the collector's, while the world is stopped) makes this
        // the only access: mutators write cards only while running.
        unsafe {
            std::slice::from_raw_parts_mut((self.cards + i * per_block) as *mut u8, per_block)
        }
    }

    /// The start of the object that contains `addr`, if `addr` points into
    /// an object in a block in use (interior pointers). Blocks must be
    /// parseable. Objects forwarded by a minor collection are sized through
    /// their copy.
    pub fn find_object(&self, addr: usize) -> Option<usize> {
        if !self.contains(addr) {
            return None;
        }
        let mut i = self.block_of(addr);
        match self.block(i).state {
            BlockState::Free => None,
            BlockState::LargeHead(_) | BlockState::LargeTail => {
                while self.blocks[i].state == BlockState::LargeTail {
                    i -= 1;
                }
                let obj = self.block_start(i) + HEADER_SIZE;
                // SAFETY: a large head block starts with its object.
                let size = unsafe { layout::size_with(obj, layout::mt_of(obj)) };
                (addr >= obj && addr < obj - HEADER_SIZE + size).then_some(obj)
            }
            BlockState::Old | BlockState::Nursery => {
                let start = self.block_start(i);
                let end = start + BLOCK_SIZE;
                let mut p = start;
                while p < end {
                    // SAFETY: blocks are parseable during a collection.
                    if unsafe { *(p as *const u64) } == layout::GAP8 {
                        p += 8;
                        continue;
                    }
                    let obj = p + HEADER_SIZE;
                    // SAFETY: blocks are parseable during a collection.
                    let size = unsafe { object_size_maybe_forwarded(obj) };
                    if size == 0 {
                        return None;
                    }
                    if addr < p + size {
                        // SAFETY: as above.
                        let mt = unsafe { *(obj as *const usize) };
                        return (addr >= obj && !is_filler_word(mt)).then_some(obj);
                    }
                    p += size;
                }
                None
            }
        }
    }
}

fn is_filler_word(mt: usize) -> bool {
    mt & layout::FORWARDED == 0 && layout::is_filler(mt as *const _)
}

/// Size of the object at `obj`, reading its type through the forwarding
/// pointer if it has been copied. 0 for a zero method-table word (an
/// unformatted area: a bug, reported by the callers).
///
/// # Safety
/// `obj` must be an object, filler or forwarded object in a parseable block.
pub unsafe fn object_size_maybe_forwarded(obj: usize) -> usize {
    // SAFETY: caller's contract.
    unsafe {
        let word = *(obj as *const usize);
        if word == 0 {
            return 0;
        }
        if word & layout::FORWARDED != 0 {
            let to = word & !layout::FORWARDED;
            layout::size_with(to, layout::mt_of(to))
        } else {
            layout::size_with(obj, &*(word as *const crate::typesystem::MethodTable))
        }
    }
}

impl Drop for BlockHeap {
    fn drop(&mut self) {
        // SAFETY: the collector is dropped with its runtime, after every
        // thread that ran managed code on it: nothing uses the heap or the
        // card table any more.
        unsafe {
            let _ = self.os.free(self.raw.0 as *mut u8, self.raw.1);
            let _ = self.os.free(self.cards as *mut u8, self.cards_len);
        }
    }
}
