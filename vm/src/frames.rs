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
//!   the exception dispatcher. (References held in Rust locals are rooted
//!   separately: `rooted::Rooted`, in the thread's root table.)
//! * **Stub frames** (`FrameKind::Stub`, `FrameKind::Prestub`) are built by
//!   the stubs managed code calls: JIT helper wrappers, the GC poll and the
//!   prestub (see `stubs`).
//!
//! Optimized code keeps references in callee-saved registers across calls,
//! where native code may save them anywhere. So the stubs (helper
//! wrappers, the GC poll, the prestub) save the callee-saved registers (the
//! poll: every general register) in a register area that their frame
//! points to ([`Frame::regs`]) and reload them afterwards: the stack walker
//! starts each segment with those locations, and the collector updates a
//! reference held in a register there. Frames built elsewhere (P/Invoke
//! frames, helper frames of FCalls) have no register area: the managed code
//! that makes those calls keeps nothing in registers across them, and
//! saves every callee-saved register in its prologue (jit/src/frame.rs).

use crate::thread::Thread;

/// What kind of transition a frame records.
#[repr(u64)]
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum FrameKind {
    /// A P/Invoke or QCall in progress (built by JIT-compiled code).
    PInvoke = 0x5143_414C_4C00_0001,
    /// An FCall that erected a helper frame, or the exception dispatcher
    /// (a [`HelperFrame`]).
    Helper = 0x4845_4C50_4552_0002,
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
    /// The register area: the managed code's general registers at the
    /// call, 16 words indexed by hardware number (RAX = 0 ... R15 = 15),
    /// or 0 when the frame has none.
    pub regs: usize,
    /// Which words of the register area are valid (bit `n` for register `n`).
    pub reg_mask: usize,
}

/// The callee-saved registers of the managed convention (bits of
/// [`Frame::reg_mask`]): RBX, RSI, RDI, R12, R13, R14.
pub const CALLEE_SAVED_MASK: usize =
    (1 << 3) | (1 << 6) | (1 << 7) | (1 << 12) | (1 << 13) | (1 << 14);

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
    /// `Frame::regs`.
    pub const REGS: i32 = std::mem::offset_of!(Frame, regs) as i32;
    /// `Frame::reg_mask`.
    pub const REG_MASK: i32 = std::mem::offset_of!(Frame, reg_mask) as i32;
    /// `size_of::<Frame>()`.
    pub const SIZE: u32 = std::mem::size_of::<Frame>() as u32;
}

/// A helper frame erected by an FCall: links a [`Frame`] describing the
/// managed call site into the thread for as long as it lives, so that the
/// stack walker (the collector, exception dispatch) can see past the FCall
/// while it allocates, blocks or calls managed code.
///
/// References the FCall keeps across those calls are rooted
/// ([`crate::rooted::Rooted`], `Thread::root`), never held bare: the
/// frame only makes the caller's managed frames reachable.
///
/// ```ignore
/// extern "C" fn my_fcall(thread: &mut Thread, s: *mut u8) -> *mut u8 {
///     // SAFETY: `s` is null or an object reference managed code passed in.
///     let Some(s) = unsafe { Unrooted::from_raw(thread, s) }.map(|s| thread.root(s)) else { ... };
///     HelperFrame::run(thread, |thread| {
///         // `body` returns the FCall's result, not a Result: report errors
///         // through the thread.
///         let copy = match thread.runtime().alloc_string(thread, 10) { // may collect
///             Ok(c) => c,
///             Err(e) => {
///                 thread.raise(e);
///                 return std::ptr::null_mut();
///             }
///         };
///         copy.as_ptr() // `s.get(thread)` is where `s` is now
///     })
/// }
/// ```
///
/// (A complete one is `fcall_repeat` in vm/src/fcall/probe.rs, shown in
/// docs/internal-calls.md.)
#[repr(C)]
pub struct HelperFrame {
    /// The frame record.
    frame: Frame,
}

impl HelperFrame {
    /// Erects a helper frame for the FCall being executed on `thread`, runs
    /// `body`, and unlinks the frame.
    ///
    /// The FCall must be registered with the `HELPER_FRAME` flag, so that
    /// JIT-compiled code recorded its call site in the thread.
    pub fn run<R>(thread: &mut Thread, body: impl FnOnce(&mut Thread) -> R) -> R {
        let site = ManagedSite {
            return_address: thread.site_ip,
            rsp: thread.site_sp,
            rbp: thread.site_fp,
            regs: 0,
        };
        Self::run_at(thread, site, body)
    }

    /// Like [`HelperFrame::run`], for native code that knows its managed
    /// call site itself (the exception dispatcher).
    pub(crate) fn run_at<R>(
        thread: &mut Thread,
        site: ManagedSite,
        body: impl FnOnce(&mut Thread) -> R,
    ) -> R {
        let mut hf = HelperFrame {
            frame: Frame {
                prev: thread.frame_head as *mut Frame,
                kind: FrameKind::Helper as u64,
                method: 0,
                return_address: site.return_address,
                rsp: site.rsp,
                rbp: site.rbp,
                regs: site.regs,
                reg_mask: if site.regs == 0 { 0 } else { CALLEE_SAVED_MASK },
            },
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
        // SAFETY: `_unlink` holds the only other pointer to the thread and
        // uses it only when it drops, after `body` returned.
        body(unsafe { &mut *_unlink.thread })
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
    /// A register area holding the callee-saved registers at the call (0
    /// for none; see [`Frame::regs`]).
    pub regs: usize,
}
