//! Per-process page accounting: the implementation behind `PageTableService`.
//!
//! Each process owns an [`AddressSpace`]: the set of regions it obtained from
//! the kernel. Every operation is checked against it, so a process can only
//! free or re-protect memory it owns, and everything it still holds is
//! unmapped when the process ends (or its address space is dropped).
//!
//! Two kinds of region exist:
//! - an *allocation* (`Allocate`): mapped with the requested protection and
//!   fully counted in bytes-in-use;
//! - a *reservation* (`Reserve`): address space mapped `PROT_NONE` with
//!   `MAP_NORESERVE`; pages are counted only while committed (`Commit` /
//!   `Decommit`), tracked with one bit per page.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use crate::{Protection, Status};

/// The OS page size, queried once.
pub(crate) fn page_size() -> usize {
    static PAGE_SIZE: OnceLock<usize> = OnceLock::new();
    *PAGE_SIZE.get_or_init(|| {
        // SAFETY: sysconf has no memory-safety preconditions.
        let size = unsafe { libc::sysconf(libc::_SC_PAGESIZE) };
        if size > 0 && (size as usize).is_power_of_two() {
            size as usize
        } else {
            4096
        }
    })
}

/// Rounds `bytes` up to whole pages; `InvalidArgument` for zero or overflow.
fn round_to_pages(bytes: usize) -> Result<usize, Status> {
    let page = page_size();
    if bytes == 0 {
        return Err(Status::InvalidArgument);
    }
    bytes
        .checked_add(page - 1)
        .map(|b| b & !(page - 1))
        .filter(|b| *b <= isize::MAX as usize)
        .ok_or(Status::InvalidArgument)
}

/// Validates a `(ptr, bytes)` argument pair: page-aligned, non-zero, no
/// overflow. Returns `(start, rounded_len)`.
fn check_range(ptr: usize, bytes: usize) -> Result<(usize, usize), Status> {
    let len = round_to_pages(bytes)?;
    if ptr == 0 {
        return Err(Status::InvalidArgument);
    }
    if ptr % page_size() != 0 {
        return Err(Status::Unaligned);
    }
    ptr.checked_add(len).ok_or(Status::InvalidRange)?;
    Ok((ptr, len))
}

/// What a region is.
enum RegionKind {
    /// `Allocate`: all pages counted.
    Allocation,
    /// `Reserve`: one bit per page, set while the page is committed.
    Reservation { committed: Vec<u64>, count: usize },
}

/// One mapping owned by a process.
struct Region {
    len: usize,
    kind: RegionKind,
}

impl Region {
    /// Bytes of this region counted in bytes-in-use.
    fn bytes_in_use(&self) -> usize {
        match &self.kind {
            RegionKind::Allocation => self.len,
            RegionKind::Reservation { count, .. } => count * page_size(),
        }
    }
}

/// The regions one process owns, keyed by start address.
#[derive(Default)]
pub(crate) struct AddressSpace {
    regions: BTreeMap<usize, Region>,
    in_use: usize,
    /// The process's stop word (`ProcessService::SetStopWord`, ABI v4): a
    /// 4-byte-aligned address in a committed page the kernel made
    /// read-write, and the bits to set there when the process is stopped.
    /// Forgotten as soon as the process frees, decommits or re-protects
    /// that page, so the kernel only ever writes into a page it knows to be
    /// mapped read-write.
    stop_word: Option<(usize, u32)>,
}

/// Maps fresh anonymous memory.
fn map(len: usize, prot: libc::c_int, extra_flags: libc::c_int) -> Result<usize, Status> {
    // SAFETY: an anonymous private mapping at an address chosen by the OS
    // cannot alias any existing Rust object.
    let p = unsafe {
        libc::mmap(
            core::ptr::null_mut(),
            len,
            prot,
            libc::MAP_PRIVATE | libc::MAP_ANONYMOUS | extra_flags,
            -1,
            0,
        )
    };
    if p == libc::MAP_FAILED {
        Err(Status::last_os_error())
    } else {
        Ok(p as usize)
    }
}

/// Changes the protection of pages the caller has checked it owns.
fn protect(start: usize, len: usize, prot: libc::c_int) -> Result<(), Status> {
    // SAFETY: the range lies inside a region this address space mapped and
    // still owns (checked by the caller); changing its protection cannot
    // affect memory the kernel or Rust code outside the process uses.
    let rc = unsafe { libc::mprotect(start as *mut libc::c_void, len, prot) };
    if rc == 0 {
        Ok(())
    } else {
        Err(Status::last_os_error())
    }
}

/// Unmaps a whole region the address space is giving up.
fn unmap(start: usize, len: usize) {
    // SAFETY: the range is exactly one region this address space mapped and
    // has just removed from its table, so nothing in the kernel refers to it.
    // munmap of a valid mapping cannot fail in a way we could handle.
    unsafe {
        libc::munmap(start as *mut libc::c_void, len);
    }
}

impl AddressSpace {
    /// Bytes currently counted to the process (allocations plus committed
    /// reservation pages).
    pub(crate) fn bytes_in_use(&self) -> usize {
        self.in_use
    }

    /// Bytes of address space reserved or allocated (committed or not).
    pub(crate) fn bytes_mapped(&self) -> usize {
        self.regions.values().map(|r| r.len).sum()
    }

    /// `PageTableService::Allocate`.
    pub(crate) fn allocate(&mut self, bytes: usize, prot: Protection) -> Result<usize, Status> {
        let len = round_to_pages(bytes)?;
        let start = map(len, prot.to_prot(), 0)?;
        self.regions.insert(
            start,
            Region {
                len,
                kind: RegionKind::Allocation,
            },
        );
        self.in_use += len;
        Ok(start)
    }

    /// `PageTableService::Reserve`.
    pub(crate) fn reserve(&mut self, bytes: usize) -> Result<usize, Status> {
        let len = round_to_pages(bytes)?;
        let pages = len / page_size();
        let mut committed = Vec::new();
        committed
            .try_reserve_exact(pages.div_ceil(64))
            .map_err(|_| Status::OutOfMemory)?;
        committed.resize(pages.div_ceil(64), 0);
        let start = map(len, libc::PROT_NONE, libc::MAP_NORESERVE)?;
        self.regions.insert(
            start,
            Region {
                len,
                kind: RegionKind::Reservation {
                    committed,
                    count: 0,
                },
            },
        );
        Ok(start)
    }

    /// The region that contains all of `[start, start + len)`, if any.
    fn containing(&mut self, start: usize, len: usize) -> Result<(usize, &mut Region), Status> {
        let (&base, region) = self
            .regions
            .range_mut(..=start)
            .next_back()
            .ok_or(Status::InvalidRange)?;
        if start + len > base + region.len {
            return Err(Status::InvalidRange);
        }
        Ok((base, region))
    }

    /// `PageTableService::Free`: `ptr`/`bytes` must name one whole region.
    pub(crate) fn free(&mut self, ptr: usize, bytes: usize) -> Result<(), Status> {
        let (start, len) = check_range(ptr, bytes)?;
        match self.regions.get(&start) {
            Some(r) if r.len == len => {}
            _ => return Err(Status::InvalidRange),
        }
        let region = self.regions.remove(&start).ok_or(Status::InvalidRange)?;
        self.in_use -= region.bytes_in_use();
        self.forget_stop_word_in(start, len);
        unmap(start, len);
        Ok(())
    }

    /// Forgets the stop word if it lies in `[start, start + len)`.
    fn forget_stop_word_in(&mut self, start: usize, len: usize) {
        if let Some((at, _)) = self.stop_word {
            if at >= start && at < start + len {
                self.stop_word = None;
            }
        }
    }

    /// Registers the stop word (see [`AddressSpace::stop_word`]): `at` must
    /// be 4-byte aligned (`InvalidArgument`) and lie in a page of an
    /// allocation, or a committed page of a reservation (`InvalidRange`).
    /// The page becomes read-write (not executable).
    pub(crate) fn set_stop_word(&mut self, at: usize, bits: u32) -> Result<(), Status> {
        if at == 0 || at % 4 != 0 || bits == 0 {
            return Err(Status::InvalidArgument);
        }
        let page = at & !(page_size() - 1);
        let (base, region) = self.containing(page, page_size())?;
        if let RegionKind::Reservation { committed, .. } = &region.kind {
            let p = (page - base) / page_size();
            if committed[p / 64] & (1 << (p % 64)) == 0 {
                return Err(Status::InvalidRange);
            }
        }
        protect(page, page_size(), libc::PROT_READ | libc::PROT_WRITE)?;
        self.stop_word = Some((at, bits));
        Ok(())
    }

    /// Sets the stop word's bits, if one is registered.
    pub(crate) fn raise_stop_word(&mut self) {
        if let Some((at, bits)) = self.stop_word {
            // SAFETY: `at` is 4-byte aligned in a page of this address
            // space that was made read-write when the word was registered
            // and has not been freed, decommitted or re-protected since
            // (any of those forgets the word), and the address space is
            // locked (`&mut self`) while the word is written.
            unsafe { core::sync::atomic::AtomicU32::from_ptr(at as *mut u32) }
                .fetch_or(bits, core::sync::atomic::Ordering::SeqCst);
        }
    }

    /// `PageTableService::Protect`: the range must lie in one region, and in a
    /// reservation every page of it must be committed.
    pub(crate) fn protect(
        &mut self,
        ptr: usize,
        bytes: usize,
        prot: Protection,
    ) -> Result<(), Status> {
        let (start, len) = check_range(ptr, bytes)?;
        let (base, region) = self.containing(start, len)?;
        if let RegionKind::Reservation { committed, .. } = &region.kind {
            let first = (start - base) / page_size();
            let n = len / page_size();
            if !(first..first + n).all(|p| committed[p / 64] & (1 << (p % 64)) != 0) {
                return Err(Status::InvalidRange);
            }
        }
        self.forget_stop_word_in(start, len);
        protect(start, len, prot.to_prot())
    }

    /// `PageTableService::Commit`: makes pages of a reservation accessible with
    /// `prot` and counts the ones not yet committed.
    pub(crate) fn commit(
        &mut self,
        ptr: usize,
        bytes: usize,
        prot: Protection,
    ) -> Result<(), Status> {
        let (start, len) = check_range(ptr, bytes)?;
        // Re-protecting the stop word's page: the kernel forgets the word.
        self.forget_stop_word_in(start, len);
        let (base, region) = self.containing(start, len)?;
        let RegionKind::Reservation { committed, count } = &mut region.kind else {
            return Err(Status::InvalidRange);
        };
        protect(start, len, prot.to_prot())?;
        let first = (start - base) / page_size();
        let mut added = 0;
        for p in first..first + len / page_size() {
            let bit = 1u64 << (p % 64);
            if committed[p / 64] & bit == 0 {
                committed[p / 64] |= bit;
                added += 1;
            }
        }
        *count += added;
        self.in_use += added * page_size();
        Ok(())
    }

    /// `PageTableService::Decommit`: returns pages of a reservation to the OS
    /// (their contents are lost; they read as zero when committed again) and
    /// stops counting them.
    pub(crate) fn decommit(&mut self, ptr: usize, bytes: usize) -> Result<(), Status> {
        let (start, len) = check_range(ptr, bytes)?;
        self.forget_stop_word_in(start, len);
        let (base, region) = self.containing(start, len)?;
        let RegionKind::Reservation { committed, count } = &mut region.kind else {
            return Err(Status::InvalidRange);
        };
        // SAFETY: the range lies inside a reservation this process owns;
        // discarding its contents only affects that process's own pages.
        let rc = unsafe { libc::madvise(start as *mut libc::c_void, len, libc::MADV_DONTNEED) };
        if rc != 0 {
            return Err(Status::last_os_error());
        }
        protect(start, len, libc::PROT_NONE)?;
        let first = (start - base) / page_size();
        let mut removed = 0;
        for p in first..first + len / page_size() {
            let bit = 1u64 << (p % 64);
            if committed[p / 64] & bit != 0 {
                committed[p / 64] &= !bit;
                removed += 1;
            }
        }
        *count -= removed;
        self.in_use -= removed * page_size();
        Ok(())
    }

    /// Unmaps every region; returns the bytes that were still counted.
    pub(crate) fn release_all(&mut self) -> usize {
        self.stop_word = None;
        let reclaimed = self.in_use;
        for (start, region) in std::mem::take(&mut self.regions) {
            unmap(start, region.len);
        }
        self.in_use = 0;
        reclaimed
    }
}

impl Drop for AddressSpace {
    fn drop(&mut self) {
        self.release_all();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rounding() {
        let p = page_size();
        assert_eq!(round_to_pages(1), Ok(p));
        assert_eq!(round_to_pages(p), Ok(p));
        assert_eq!(round_to_pages(p + 1), Ok(2 * p));
        assert_eq!(round_to_pages(0), Err(Status::InvalidArgument));
        assert_eq!(round_to_pages(usize::MAX), Err(Status::InvalidArgument));
    }

    #[test]
    fn reservation_accounting() {
        let p = page_size();
        let mut space = AddressSpace::default();
        let base = space.reserve(64 * p).unwrap();
        assert_eq!(space.bytes_in_use(), 0);
        assert_eq!(space.bytes_mapped(), 64 * p);
        space
            .commit(base + p, 3 * p, Protection::ReadWrite)
            .unwrap();
        // Re-committing overlapping pages counts only the new ones.
        space
            .commit(base + 2 * p, 3 * p, Protection::ReadWrite)
            .unwrap();
        assert_eq!(space.bytes_in_use(), 4 * p);
        // SAFETY: pages 1..5 of the reservation are committed read-write.
        unsafe { *((base + 4 * p) as *mut u8) = 7 };
        assert_eq!(
            space.protect(base, p, Protection::ReadOnly),
            Err(Status::InvalidRange),
            "page 0 is not committed"
        );
        space.protect(base + p, p, Protection::ReadOnly).unwrap();
        space.decommit(base + 2 * p, 2 * p).unwrap();
        assert_eq!(space.bytes_in_use(), 2 * p);
        space
            .commit(base + 3 * p, p, Protection::ReadWrite)
            .unwrap();
        // SAFETY: page 3 was just committed read-write.
        assert_eq!(unsafe { *((base + 3 * p) as *const u8) }, 0);
        assert_eq!(space.release_all(), 3 * p);
        assert_eq!(space.bytes_in_use(), 0);
        assert_eq!(space.bytes_mapped(), 0);
    }

    #[test]
    fn free_requires_a_whole_region() {
        let p = page_size();
        let mut space = AddressSpace::default();
        let a = space.allocate(3 * p, Protection::ReadWrite).unwrap();
        assert_eq!(space.free(a, p), Err(Status::InvalidRange));
        assert_eq!(space.free(a + p, 2 * p), Err(Status::InvalidRange));
        assert_eq!(space.free(a + 1, 3 * p), Err(Status::Unaligned));
        assert_eq!(space.free(a, 0), Err(Status::InvalidArgument));
        assert_eq!(
            space.commit(a, p, Protection::ReadWrite),
            Err(Status::InvalidRange),
            "commit needs a reservation"
        );
        assert_eq!(space.free(a, 3 * p - 5), Ok(()));
        assert_eq!(space.bytes_in_use(), 0);
        assert_eq!(space.free(a, 3 * p), Err(Status::InvalidRange));
    }
}
