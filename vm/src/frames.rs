//! Transition frames: how the stack walker and the GC see past native code.
//!
//! Managed frames form an RBP chain. Native code (FCalls, QCalls, helpers)
//! breaks it, so every place where managed code calls native code that may
//! walk the stack, collect, block or call back into managed code records a
//! [`Frame`] in the thread's frame list (`Thread::frame_head`):
//!
//! * **P/Invoke frames** (`FrameKind::PInvoke`) are built inline by
//!   JIT-compiled code in the caller's own stack frame around every
//!   P/Invoke and QCall (see jit/src/codegen/pinvoke.rs): the managed
//!   RSP/RBP at the call and the return address into managed code, so a
//!   walk can resume there (and go on past the C frames, when C calls back
//!   into managed code: `interop::reverse`).
//! * **Helper frames** (`FrameKind::Helper`) are built by FCalls that need
//!   one ([`HelperFrame`]) from the call-site record JIT-compiled code writes
//!   into the thread before calling such an FCall (`Thread::site_*`), and by
//!   the exception dispatcher. They also protect object references held in
//!   Rust locals (the GCPROTECT idea): the GC reports and updates them.
//! * **Protect frames** (`FrameKind::Protect`, [`HelperFrame::protect`])
//!   only protect references, in native code already under another frame.
//! * **Stub frames** (`FrameKind::Stub`, `FrameKind::Prestub`) are built by
//!   the stubs managed code calls: JIT helper wrappers, the GC poll and the
//!   prestub (see `stubs`).
//!
//! Managed code never keeps callee-saved registers live across a call (the
//! JIT spills everything to frame slots), so a frame records only RBP of the
//! callee-saved registers; the design notes' fuller register set is not
//! needed by this JIT.

use std::cell::Cell;

use crate::object::ObjectRef;
use crate::thread::Thread;

/// References protected by a frame, as the body sees them: cells, because
/// the collector rewrites them (through the frame) whenever the body
/// allocates. The body re-reads them ([`protected`]) after every call that
/// may collect and never keeps a copy across one. (A `&mut [*mut u8]` here
/// let the compiler keep the old value in a register across the call: a GC
/// hole the stress tests found.)
pub type Roots = [Cell<*mut u8>];

/// What kind of transition a frame records.
#[repr(u64)]
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum FrameKind {
    /// A P/Invoke or QCall in progress (built by JIT-compiled code).
    PInvoke = 0x5143_414C_4C00_0001,
    /// An FCall that erected a helper frame, or the exception dispatcher
    /// (a [`HelperFrame`], with protected references).
    Helper = 0x4845_4C50_4552_0002,
    /// References protected by native code that is already covered by
    /// another frame (a [`HelperFrame`] with no managed site: the walker
    /// reports its roots and starts no segment from it).
    Protect = 0x5052_4F54_4543_0005,
    /// A stub (JIT helper wrapper, GC poll) called from managed code.
    Stub = 0x5354_5542_0000_0003,
    /// The prestub, compiling a method that is being called: the callee's
    /// register arguments are saved right above the frame record (RCX at
    /// `+offsets::SIZE`, RDX at `+offsets::SIZE + 8`), its stack arguments
    /// start at the record's `rsp`, and `method` is its descriptor.
    Prestub = 0x5052_4553_5455_0004,
}

/// A transition frame. The layout is shared with the JIT (see
/// `Runtime::runtime_layout`), which builds P/Invoke frames field by field.
#[repr(C)]
#[derive(Debug)]
pub struct Frame {
    /// The next older frame, or null.
    pub prev: *mut Frame,
    /// A [`FrameKind`] value.
    pub kind: u64,
    /// The method being called (P/Invoke) or the FCall's method (0 if unknown).
    pub method: usize,
    /// The return address into managed code.
    pub return_address: usize,
    /// The managed RSP at the call (for stub frames: where the caller's
    /// stack arguments start, just above the return address).
    pub rsp: usize,
    /// The managed RBP at the call (the caller's frame).
    pub rbp: usize,
}

/// Offsets of [`Frame`]'s fields, for the JIT.
pub mod offsets {
    use super::Frame;
    /// `Frame::prev`.
    pub const PREV: i32 = std::mem::offset_of!(Frame, prev) as i32;
    /// `Frame::kind`.
    pub const KIND: i32 = std::mem::offset_of!(Frame, kind) as i32;
    /// `Frame::method`.
    pub const METHOD: i32 = std::mem::offset_of!(Frame, method) as i32;
    /// `Frame::return_address`.
    pub const RETURN_ADDRESS: i32 = std::mem::offset_of!(Frame, return_address) as i32;
    /// `Frame::rsp`.
    pub const RSP: i32 = std::mem::offset_of!(Frame, rsp) as i32;
    /// `Frame::rbp`.
    pub const RBP: i32 = std::mem::offset_of!(Frame, rbp) as i32;
    /// `size_of::<Frame>()`.
    pub const SIZE: u32 = std::mem::size_of::<Frame>() as u32;
}

/// A helper frame erected by an FCall: links a [`Frame`] describing the
/// managed call site into the thread for as long as it lives, and holds the
/// object references the FCall protects.
///
/// ```ignore
/// extern "C" fn my_fcall(thread: &mut Thread, s: *mut u8) -> *mut u8 {
///     HelperFrame::run(thread, &mut [s], |thread, roots| {
///         // `body` returns the FCall's result, not a Result: report errors
///         // through the thread.
///         let copy = match thread.runtime().alloc_string(thread, 10) { // may collect
///             Ok(c) => c,
///             Err(e) => {
///                 thread.raise(e);
///                 return std::ptr::null_mut();
///             }
///         };
///         // roots[0] is `s`, updated if the collector moved it.
///         let s = protected(roots, 0);
///         copy.as_ptr()
///     })
/// }
/// ```
///
/// (A complete one is `fcall_repeat` in vm/src/fcall/probe.rs, shown in
/// docs/internal-calls.md.)
#[repr(C)]
pub struct HelperFrame {
    /// The frame record; first, so that a `*mut Frame` of kind
    /// [`FrameKind::Helper`] in the thread's list is a `*mut HelperFrame`
    /// (how the GC finds the protected references: no separate list).
    frame: Frame,
    /// Protected references (GC roots while the frame is linked).
    roots: *mut [*mut u8],
}

impl HelperFrame {
    /// Erects a helper frame for the FCall being executed on `thread`, runs
    /// `body` with the references in `roots` protected, and unlinks the frame.
    ///
    /// The FCall must be registered with the `HELPER_FRAME` flag, so that
    /// JIT-compiled code recorded its call site in the thread.
    pub fn run<R>(
        thread: &mut Thread,
        roots: &mut [*mut u8],
        body: impl FnOnce(&mut Thread, &Roots) -> R,
    ) -> R {
        let site = ManagedSite {
            return_address: thread.site_ip,
            rsp: thread.site_sp,
            rbp: thread.site_fp,
        };
        Self::run_at(thread, site, roots, body)
    }

    /// Like [`HelperFrame::run`], for native code that knows its managed
    /// call site itself (the exception dispatcher).
    pub(crate) fn run_at<R>(
        thread: &mut Thread,
        site: ManagedSite,
        roots: &mut [*mut u8],
        body: impl FnOnce(&mut Thread, &Roots) -> R,
    ) -> R {
        Self::link(thread, site, FrameKind::Helper, roots, body)
    }

    fn link<R>(
        thread: &mut Thread,
        site: ManagedSite,
        kind: FrameKind,
        roots: &mut [*mut u8],
        body: impl FnOnce(&mut Thread, &Roots) -> R,
    ) -> R {
        let mut hf = HelperFrame {
            frame: Frame {
                prev: thread.frame_head as *mut Frame,
                kind: kind as u64,
                method: 0,
                return_address: site.return_address,
                rsp: site.rsp,
                rbp: site.rbp,
            },
            roots: roots as *mut [*mut u8],
        };
        // Linked for the duration of `body`; `hf` does not move meanwhile.
        thread.frame_head = &mut hf.frame as *mut Frame as usize;
        // Unlinks the frame when `body` returns or unwinds (a panic caught by
        // the FCall's guard must not leave a dangling frame behind).
        struct Unlink {
            thread: *mut Thread,
            prev: usize,
        }
        impl Drop for Unlink {
            fn drop(&mut self) {
                // SAFETY: the thread record outlives this call, and `body`
                // no longer borrows it when the guard drops.
                let thread = unsafe { &mut *self.thread };
                thread.frame_head = self.prev;
            }
        }
        let _unlink = Unlink {
            thread,
            prev: hf.frame.prev as usize,
        };
        // SAFETY: `roots` outlives `hf`, which is unlinked (by `_unlink`)
        // before `roots` is used by the caller again. The body sees the
        // roots as cells: shared and mutable, since the collector rewrites
        // them through the frame.
        let roots = Cell::from_mut(unsafe { &mut *hf.roots }).as_slice_of_cells();
        body(unsafe { &mut *_unlink.thread }, roots)
    }

    /// Protects `roots` while `body` runs, in native code that already
    /// runs under a frame describing its managed caller (a helper, the
    /// exception dispatcher, an FCall inside [`HelperFrame::run`]): the
    /// CoreCLR `GCPROTECT` idea.
    pub fn protect<R>(
        thread: &mut Thread,
        roots: &mut [*mut u8],
        body: impl FnOnce(&mut Thread, &Roots) -> R,
    ) -> R {
        let site = ManagedSite {
            return_address: 0,
            rsp: 0,
            rbp: 0,
        };
        Self::link(thread, site, FrameKind::Protect, roots, body)
    }

    /// The protected references (what the GC scans and updates).
    pub fn roots(&mut self) -> &mut [*mut u8] {
        // SAFETY: see `run`: the roots live at least as long as the frame.
        unsafe { &mut *self.roots }
    }

    /// The frame record.
    pub fn frame(&self) -> &Frame {
        &self.frame
    }

    /// The helper frame a frame record of kind [`FrameKind::Helper`] or
    /// [`FrameKind::Protect`] belongs to.
    ///
    /// # Safety
    /// `frame` must be a linked frame of one of those kinds.
    pub unsafe fn from_frame<'a>(frame: *mut Frame) -> &'a mut HelperFrame {
        // SAFETY: helper frame records are only created as the first field
        // of a repr(C) HelperFrame (caller's contract: kind is Helper).
        unsafe { &mut *(frame as *mut HelperFrame) }
    }
}

/// Where managed code called native code: what a frame records.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub(crate) struct ManagedSite {
    /// The return address into managed code.
    pub return_address: usize,
    /// The managed RSP at the call (0 if unknown).
    pub rsp: usize,
    /// The managed RBP at the call.
    pub rbp: usize,
}

/// An object reference protected for the duration of a helper frame.
pub fn protected(roots: &Roots, i: usize) -> Option<ObjectRef> {
    roots.get(i).and_then(|p| ObjectRef::from_raw(p.get()))
}
