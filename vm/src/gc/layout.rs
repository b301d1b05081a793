//! What the collector needs to know about an object: its size, where its
//! references are, and the free-object filler that keeps every block
//! parseable (walkable object by object from its start).

use crate::object::{self, HEADER_SIZE};
use crate::typesystem::types::mt_flags;
use crate::typesystem::MethodTable;

/// Header bit set on marked objects during a collection.
pub const MARK_BIT: u64 = 1 << 63;
/// Header bit of an object whose finalizer must not run
/// (`GC.SuppressFinalize`; cleared by `GC.ReRegisterForFinalize`). Set and
/// cleared atomically in the header's high half by mutators; the collector
/// drops such objects from finalization when they die, and the finalizer
/// thread skips them if they were already queued.
pub const FINALIZER_SUPPRESSED: u64 = 1 << 61;

/// The monitor's part of the header's high half (bits 32..60 of the header
/// word; vm/src/sync/): with [`SYNC_BLOCK`] clear, a *thin lock* (the
/// owner's lock id in bits 32..47, 0 when free, and its extra acquisitions
/// in bits 48..59); with it set, the index of the object's sync block in
/// bits 32..59. Changed only by compare-and-swap on the high half.
pub const LOCK_MASK: u64 = 0x1FFF_FFFF << 32;
/// Header bit: the lock bits hold a sync block index.
pub const SYNC_BLOCK: u64 = 1 << 60;

/// The header's high 32 bits, as an atomic (flag bits; the low half holds
/// the identity hash, set by compare-and-swap on its own).
///
/// # Safety
/// `obj` is a live object (on the GC heap or frozen).
pub unsafe fn header_high(obj: usize) -> &'static std::sync::atomic::AtomicU32 {
    // SAFETY: the header is the 8 aligned bytes before the object; on
    // x86-64 (little-endian) its high half is the second 4 bytes.
    unsafe { &*((obj - HEADER_SIZE + 4) as *const std::sync::atomic::AtomicU32) }
}

/// Whether `obj`'s finalizer was suppressed.
///
/// # Safety
/// As for [`header_high`].
pub unsafe fn finalizer_suppressed(obj: usize) -> bool {
    // SAFETY: the caller's contract.
    let high = unsafe { header_high(obj) }.load(std::sync::atomic::Ordering::Relaxed);
    u64::from(high) << 32 & FINALIZER_SUPPRESSED != 0
}

/// Low bit of the method-table word of a nursery object that has been
/// copied: the rest of the word is the new address.
pub const FORWARDED: usize = 1;

/// Header word of an 8-byte gap (too small for a filler object). Real
/// headers never have bit 62 set (hash codes use the low 31 bits).
pub const GAP8: u64 = (1 << 62) | 0x6A9;

/// A method table that is never a real type, for filler objects.
#[repr(transparent)]
pub struct FillerMt(pub MethodTable);

// SAFETY: the filler method tables are immutable and hold only null pointers.
unsafe impl Sync for FillerMt {}

/// Filler of 24 bytes or more: `[header][FREE_MT][u32 length]`, where the
/// length counts the bytes after the first 24.
pub static FREE_MT: FillerMt = FillerMt(MethodTable {
    flags: 0,
    base_size: 16,
    component_size: 1,
    num_vtable_slots: 0,
    parent: std::ptr::null(),
    vtable: std::ptr::null(),
    element_type: std::ptr::null(),
    dictionaries: std::ptr::null(),
});

/// Filler of exactly 16 bytes: `[header][FREE16_MT]`.
pub static FREE16_MT: FillerMt = FillerMt(MethodTable {
    flags: 0,
    base_size: 8,
    component_size: 0,
    num_vtable_slots: 0,
    parent: std::ptr::null(),
    vtable: std::ptr::null(),
    element_type: std::ptr::null(),
    dictionaries: std::ptr::null(),
});

/// Whether `mt` is one of the filler method tables.
pub fn is_filler(mt: *const MethodTable) -> bool {
    std::ptr::eq(mt, &FREE_MT.0) || std::ptr::eq(mt, &FREE16_MT.0)
}

/// Formats `[start, start + len)` (a multiple of 8) as one filler object
/// (or an 8-byte gap).
///
/// # Safety
/// The range must be writable heap memory that holds no live object.
pub unsafe fn fill(start: usize, len: usize) {
    if len == 0 {
        return;
    }
    debug_assert!(len % 8 == 0, "filler of {len} bytes");
    // SAFETY: the caller gives us the range; every write is inside it.
    unsafe {
        if len == 8 {
            *(start as *mut u64) = GAP8;
            return;
        }
        *(start as *mut u64) = 0;
        let obj = start + HEADER_SIZE;
        if len == 16 {
            *(obj as *mut *const MethodTable) = &FREE16_MT.0;
        } else {
            *(obj as *mut *const MethodTable) = &FREE_MT.0;
            *((obj + object::LENGTH_OFFSET) as *mut u32) = (len - 24) as u32;
        }
    }
}

/// The method table of the object at `obj` (a reference, past the header).
///
/// # Safety
/// `obj` must be an object (or filler) that is not forwarded.
#[inline]
pub unsafe fn mt_of(obj: usize) -> &'static MethodTable {
    // SAFETY: caller's contract.
    unsafe { &**(obj as *const *const MethodTable) }
}

/// Bytes (header included) of an object of type `mt` at `obj`.
///
/// # Safety
/// `obj` must be an object of type `mt`.
#[inline]
pub unsafe fn size_with(obj: usize, mt: &MethodTable) -> usize {
    let length = if mt.component_size != 0 {
        // SAFETY: arrays, strings and fillers have a length word.
        unsafe { *((obj + object::LENGTH_OFFSET) as *const u32) as usize }
    } else {
        0
    };
    object::allocation_size(mt, length)
}

/// Calls `f` with the address of every reference slot of the object at
/// `obj` (of type `mt`) whose address lies in `[lo, hi)`.
///
/// # Safety
/// `obj` must be a live object of type `mt`.
#[inline]
pub unsafe fn for_each_ref_in(
    obj: usize,
    mt: &MethodTable,
    lo: usize,
    hi: usize,
    mut f: impl FnMut(*mut usize),
) {
    if !mt.has(mt_flags::CONTAINS_GC_REFS) || is_filler(mt) {
        return;
    }
    let rt = mt.runtime_type();
    if mt.has(mt_flags::ARRAY) {
        // SAFETY: arrays have a length word.
        let len = unsafe { *((obj + object::LENGTH_OFFSET) as *const u32) as usize };
        let data = obj + mt.base_size as usize;
        let comp = mt.component_size as usize;
        // SAFETY: an array's element method table lives as long as the runtime.
        let element = unsafe { mt.element_type.as_ref() }.map(|e| e.runtime_type());
        match element.and_then(|e| e.value_layout.as_ref()) {
            None => {
                // References: one per 8-byte element; clip to [lo, hi).
                let first = if lo > data {
                    (lo - data).div_ceil(8)
                } else {
                    0
                };
                let end = if hi >= data + 8 * len {
                    len
                } else {
                    hi.saturating_sub(data).div_ceil(8)
                };
                for i in first..end.min(len) {
                    f((data + 8 * i) as *mut usize);
                }
            }
            Some(layout) => {
                let first = if lo > data { (lo - data) / comp } else { 0 };
                for i in first..len {
                    let e = data + comp * i;
                    if e >= hi {
                        break;
                    }
                    for &off in &layout.gc_refs {
                        let a = e + off as usize;
                        if a >= lo && a < hi {
                            f(a as *mut usize);
                        }
                    }
                }
            }
        }
    } else {
        for &off in &rt.instance_gc_refs {
            let a = obj + off as usize;
            if a >= lo && a < hi {
                f(a as *mut usize);
            }
        }
    }
}

/// Calls `f` with the address of every reference slot of the object.
///
/// # Safety
/// As for [`for_each_ref_in`].
#[inline]
pub unsafe fn for_each_ref(obj: usize, mt: &MethodTable, f: impl FnMut(*mut usize)) {
    // SAFETY: forwarded contract.
    unsafe { for_each_ref_in(obj, mt, 0, usize::MAX, f) }
}

/// The header word of an object.
#[inline]
pub fn header(obj: usize) -> *mut u64 {
    (obj - HEADER_SIZE) as *mut u64
}
