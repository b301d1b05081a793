//! TEMPORARY: the stack-root enumeration the collector codes against, with
//! the signature the shared stack walker (vm/src/stackwalk.rs, issue 5) will
//! provide. Delete this file when that lands and import it from there.
//!
//! The walk: the thread's transition frames, innermost first. Each frame
//! reports its own roots (helper frames' protected references, the
//! prestub's saved arguments) and then the managed frames between it and
//! the next call-site thunk: an RBP chain, each frame's GC slots found
//! through the code heap.

use osprey_jit::{GcSlotKind, GcInfo};

use crate::codeheap::CodeKind;
use crate::frames::{prestub_arg_address, Frame, FrameKind, HelperFrame, PrestubFrame};
use crate::thread::Thread;

/// What a reported stack root holds.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum RootKind {
    /// An object reference (or null).
    Ref,
    /// A managed pointer: into an object, the stack or unmanaged memory.
    Interior,
}

/// One root location on a thread's stack or in its transition frames.
#[derive(Copy, Clone, Debug)]
pub struct StackRoot {
    /// The slot.
    pub slot: *mut usize,
    /// What it holds.
    pub kind: RootKind,
    /// Its target must not move.
    pub pinned: bool,
}

/// Reports every GC root of `thread` that lives on its stack or in its
/// transition frames. The thread must be stopped at a safepoint or in
/// preemptive mode.
pub fn enumerate_thread_roots(thread: &mut Thread, report: &mut dyn FnMut(StackRoot)) {
    let code = thread.runtime().code.clone();
    let mut f = thread.frame_head as *mut Frame;
    while !f.is_null() {
        // SAFETY: frames in the list are linked by their owners for as long
        // as they live, and the thread is stopped.
        let frame = unsafe { &*f };
        let kind = frame.kind;
        if kind == FrameKind::Helper as u64 || kind == FrameKind::Protect as u64 {
            // SAFETY: frames of these kinds are the first field of a HelperFrame.
            let hf = unsafe { HelperFrame::from_frame(f) };
            for r in hf.roots().iter_mut() {
                report(StackRoot {
                    slot: r as *mut *mut u8 as *mut usize,
                    kind: RootKind::Ref,
                    pinned: false,
                });
            }
        } else if kind == FrameKind::Prestub as u64 {
            // SAFETY: prestub frames are the first field of a PrestubFrame.
            let pf = unsafe { &*(f as *const PrestubFrame) };
            if !pf.args.is_null() {
                // SAFETY: the worker keeps the array alive while linked.
                let args = unsafe { std::slice::from_raw_parts(pf.args, pf.args_len) };
                for a in args {
                    report(StackRoot {
                        slot: (prestub_arg_address(frame, a.index) + a.offset as usize) as *mut usize,
                        kind: if a.interior { RootKind::Interior } else { RootKind::Ref },
                        pinned: false,
                    });
                }
            }
        }
        if frame.return_address != 0 {
            walk_managed(&code, frame.return_address, frame.rbp, report);
        }
        f = frame.prev;
    }
}

/// Reports the GC slots of the managed frames starting with the one that
/// `ip` returns into (its RBP is `rbp`), up to the first non-managed caller.
fn walk_managed(
    code: &crate::codeheap::CodeHeap,
    mut ip: usize,
    mut rbp: usize,
    report: &mut dyn FnMut(StackRoot),
) {
    while rbp != 0 {
        let found = code.with_range(ip, |r| match &r.kind {
            CodeKind::Method { gc_info, .. } => {
                report_slots(gc_info, rbp, report);
                true
            }
            CodeKind::Stub(_) => false,
        });
        if found != Some(true) {
            break;
        }
        // SAFETY: every managed frame starts `push rbp; mov rbp, rsp`.
        unsafe {
            ip = *((rbp + 8) as *const usize);
            rbp = *(rbp as *const usize);
        }
    }
}

fn report_slots(info: &GcInfo, rbp: usize, report: &mut dyn FnMut(StackRoot)) {
    for s in &info.slots {
        report(StackRoot {
            slot: (rbp as isize + s.offset as isize) as *mut usize,
            kind: match s.kind {
                GcSlotKind::Ref => RootKind::Ref,
                GcSlotKind::Interior => RootKind::Interior,
            },
            pinned: s.pinned,
        });
    }
}
