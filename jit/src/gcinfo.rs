//! GC information: which frame slots and registers of a method hold object
//! references.
//!
//! The baseline tier reports every GC-visible slot as live for the whole
//! method (CoreCLR's "untracked" slots, [`GcInfo::slots`]). Its prologue
//! zeroes them, so at any safepoint a slot holds either null, a live
//! reference, or a stale but valid reference written earlier in the method:
//! all safe for a precise, moving collector to scan and update.
//!
//! The optimizing tier keeps references in registers (callee-saved ones
//! across calls) and spill slots, and reports them per safepoint
//! ([`GcInfo::safepoints`]): at each call's return address and each poll,
//! exactly the locations that hold live references. A reference that is
//! dead (say, after `a = null`) is not reported, so the object can be
//! collected while the method runs. [`GcInfo::saved_regs`] says where the
//! prologue saved the callee-saved registers, so that the stack walker can
//! find (and the collector update) a caller's reference held in one of
//! them, frame by frame.

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

/// Where a live reference is at a safepoint.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
pub enum GcLoc {
    /// A general register (hardware number: 0 = RAX ... 15 = R15).
    Reg(u8),
    /// A frame slot at this offset from RBP.
    Slot(i32),
}

/// One live reference at a safepoint.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
pub struct GcLive {
    /// Where it is.
    pub loc: GcLoc,
    /// What it is.
    pub kind: GcSlotKind,
}

/// The live references at one safepoint of a method with tracked GC info.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct GcSafepoint {
    /// Native offset of the safepoint: a call's return address, or the
    /// return address of a poll's call of the poll stub.
    pub offset: u32,
    /// The live references (registers only callee-saved ones at calls;
    /// any general register at polls, whose stub saves them all).
    pub live: Vec<GcLive>,
}

/// The GC information of one compiled method.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct GcInfo {
    /// Bytes of frame below rbp.
    pub frame_size: u32,
    /// Every untracked GC-visible slot, live for the whole method.
    pub slots: Vec<GcSlot>,
    /// The GC info is tracked: [`GcInfo::safepoints`] lists every
    /// safepoint (sorted by offset) and what is live there.
    pub tracked: bool,
    /// Per-safepoint liveness (tracked code only).
    pub safepoints: Vec<GcSafepoint>,
    /// Callee-saved registers (hardware numbers) the prologue saved, and
    /// the RBP offsets it saved them at.
    pub saved_regs: Vec<(u8, i32)>,
}

impl GcInfo {
    /// The safepoint at native offset `offset` (tracked code).
    pub fn safepoint(&self, offset: u32) -> Option<&GcSafepoint> {
        let i = self.safepoints.partition_point(|s| s.offset < offset);
        self.safepoints.get(i).filter(|s| s.offset == offset)
    }
}
