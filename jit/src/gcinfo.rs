//! GC information: which frame slots of a method hold object references.
//!
//! This first JIT reports every GC-visible slot as live for the whole method
//! (CoreCLR's "untracked" slots). The prologue zeroes them, so at any
//! safepoint a slot holds either null, a live reference, or a stale but valid
//! reference written earlier in the method: all safe for a precise, moving
//! collector to scan and update.

/// What a GC-visible slot holds.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
pub enum GcSlotKind {
    /// An object reference: points at an object's method-table word, or null.
    Ref,
    /// A managed pointer: may point into the middle of an object, into a
    /// stack frame, or at unmanaged memory. The GC finds the containing
    /// object, if any.
    Interior,
}

/// One GC-visible frame slot.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
pub struct GcSlot {
    /// Offset from the frame's rbp (negative: locals and temporaries;
    /// positive: stack arguments).
    pub offset: i32,
    /// What the slot holds.
    pub kind: GcSlotKind,
    /// The slot is a pinned local (`fixed`): its target must not move.
    pub pinned: bool,
}

/// The GC information of one compiled method.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct GcInfo {
    /// Bytes of frame below rbp.
    pub frame_size: u32,
    /// Every GC-visible slot, live for the whole method.
    pub slots: Vec<GcSlot>,
}
