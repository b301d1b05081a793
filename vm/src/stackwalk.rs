//! The stack walker: the one unwinder shared by exception dispatch, stack
//! traces and the garbage collector.
//!
//! A thread's stack alternates between runs of JIT-compiled frames
//! (*segments*) and native code. Every transition from managed code into
//! native code that may walk the stack links a [`Frame`] recording the
//! managed context (return address and RBP) into `Thread::frame_head`; every
//! transition from native into managed code goes through a stub with an
//! *entry record* (the call thunk, the funclet call: see `stubs`). So:
//!
//! * a segment is walked by following the RBP chain from the context a frame
//!   recorded: each JIT-compiled method starts with `push rbp; mov rbp, rsp`,
//!   so `[rbp]` is the caller's RBP and `[rbp + 8]` the return address into
//!   it, and the code heap maps each return address to its method
//!   ([`CodeHeap::method_code`]);
//! * a segment ends at the first return address that is not in a
//!   JIT-compiled method (it returns into a thunk), or at a filter funclet
//!   (which returns into the funclet call);
//! * the thread's frames, innermost first, each start the next older
//!   segment.
//!
//! A filter funclet runs with its method's frame pointer but on top of the
//! stack, while the frames between its method and the exception's origin
//! are still live: the walk reports the funclet (as a frame of its method,
//! marked [`ManagedFrame::funclet`]) and ends the segment there; the
//! dispatcher's own frame, older in the list, then walks from the
//! exception's origin through the funclet's method to the thunk. So every
//! live frame is visited exactly once, and the funclet's method's slots are
//! reported with that method's frame, not with the funclet.

use std::ops::ControlFlow;
use std::sync::Arc;

use crate::codeheap::{CodeHeap, MethodCode};
use crate::frames::{Frame, FrameKind};
use crate::thread::Thread;

/// One activation of a JIT-compiled method found by a walk.
#[derive(Clone, Debug)]
pub struct ManagedFrame {
    /// The method's code.
    pub code: Arc<MethodCode>,
    /// The return address into the method: where it continues when the
    /// call it is making returns.
    pub ip: usize,
    /// The activation's frame pointer.
    pub fp: usize,
    /// This is a filter of the method running as a funclet (its frame is
    /// the method's frame, visited separately).
    pub funclet: bool,
}

impl ManagedFrame {
    /// The IL offset of the instruction the activation is executing (the
    /// call it made), if the code map knows it.
    pub fn il_offset(&self) -> Option<u32> {
        self.code.il_offset_of_return(self.ip)
    }

    /// The next older activation's return address and frame pointer.
    pub fn caller(&self) -> (usize, usize) {
        // SAFETY: every JIT-compiled frame starts with `push rbp; mov rbp,
        // rsp` (jit/src/codegen/mod.rs), and `fp` is the frame pointer of a
        // live activation on the walking thread's stack.
        unsafe { (*((self.fp + 8) as *const usize), *(self.fp as *const usize)) }
    }
}

/// How the walk of a segment ended.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum SegmentEnd {
    /// The oldest frame returns into native code (a thunk).
    Native,
    /// The oldest frame visited is a filter funclet.
    Funclet,
    /// The visitor stopped the walk.
    Stopped,
}

/// Walks one segment, innermost first, from the managed context (`ip` a
/// return address into JIT-compiled code, `fp` that frame's RBP).
///
/// The caller must be the thread that owns the stack (or the thread must be
/// stopped), and `(ip, fp)` must describe a live managed context.
pub fn walk_segment(
    heap: &CodeHeap,
    mut ip: usize,
    mut fp: usize,
    mut visit: impl FnMut(&ManagedFrame) -> ControlFlow<()>,
) -> SegmentEnd {
    loop {
        let Some(code) = heap.method_code(ip) else {
            return SegmentEnd::Native;
        };
        let frame = ManagedFrame {
            funclet: code.is_funclet(ip),
            code,
            ip,
            fp,
        };
        if visit(&frame).is_break() {
            return SegmentEnd::Stopped;
        }
        if frame.funclet {
            return SegmentEnd::Funclet;
        }
        (ip, fp) = frame.caller();
    }
}

/// Where each general register of a managed frame's context is saved
/// (addresses, 0 when unknown), indexed by hardware number: the register
/// context of the walk.
///
/// A segment starts with the register area of its transition frame (the
/// stubs save the callee-saved registers there, the poll stub every
/// register); each frame the walk leaves hands its caller the locations of
/// the registers its prologue saved (`GcInfo::saved_regs`), while the
/// caller-saved registers become unknown. So a reference an optimized
/// method keeps in RBX while it calls is found in the frame of the callee
/// that saved RBX, however far up, or in the stub's area.
pub type RegLocations = [usize; 16];

/// The register context a transition frame starts its segment with.
pub fn frame_reg_locations(frame: &Frame) -> RegLocations {
    let mut locs = [0usize; 16];
    if frame.regs != 0 {
        for (r, l) in locs.iter_mut().enumerate() {
            if frame.reg_mask & (1 << r) != 0 {
                *l = frame.regs + 8 * r;
            }
        }
    }
    locs
}

/// Moves a register context from `m` to its caller.
pub fn unwind_locations(locs: &mut RegLocations, m: &ManagedFrame) {
    for (r, l) in locs.iter_mut().enumerate() {
        if crate::frames::CALLEE_SAVED_MASK & (1 << r) == 0 {
            *l = 0;
        }
    }
    for &(r, off) in &m.code.gc_info.saved_regs {
        locs[r as usize] = (m.fp as isize + off as isize) as usize;
    }
}

/// What a thread walk visits.
pub enum WalkItem<'a> {
    /// A transition frame (visited before the segment it starts).
    Transition(&'a mut Frame),
    /// A JIT-compiled activation, with the locations of its registers.
    Managed(&'a ManagedFrame, &'a RegLocations),
}

/// Walks every frame of `thread`'s stack, innermost first: each transition
/// frame in the thread's list, then the managed segment it starts.
///
/// Two frames can record the same managed context: JIT-compiled code polls
/// for a collection right after a QCall returns, before it unlinks the
/// QCall's frame, so the GC poll's stub frame and the QCall frame both
/// start at the same activation. A segment whose first activation was
/// already visited is not walked again: every activation is visited once
/// (the collector would otherwise update its slots twice).
///
/// The thread must be the current thread, or stopped at a safepoint or in
/// preemptive mode.
pub fn walk_thread(thread: &Thread, mut visit: impl FnMut(WalkItem<'_>) -> ControlFlow<()>) {
    let heap = &thread.runtime().code;
    let mut frame = thread.frame_head as *mut Frame;
    // Frame pointers of the activations visited (not funclets).
    let mut visited: Vec<usize> = Vec::new();
    while !frame.is_null() {
        // SAFETY: frames in the list are linked by their owners for as long
        // as they live, and the thread cannot unlink them while we walk.
        let f = unsafe { &mut *frame };
        let (ip, fp, prev) = (f.return_address, f.rbp, f.prev);
        if visit(WalkItem::Transition(f)).is_break() {
            return;
        }
        let starts_managed = heap
            .method_code(ip)
            .is_some_and(|code| !code.is_funclet(ip));
        // Frames with no managed context (ip 0) start no segment.
        if ip != 0 && !(starts_managed && visited.contains(&fp)) {
            let mut locs = frame_reg_locations(f);
            let end = walk_segment(heap, ip, fp, |m| {
                if !m.funclet {
                    visited.push(m.fp);
                }
                let flow = visit(WalkItem::Managed(m, &locs));
                unwind_locations(&mut locs, m);
                flow
            });
            if end == SegmentEnd::Stopped {
                return;
            }
        }
        frame = prev;
    }
}

pub use crate::gc::{RootKind, RootOrigin, StackRoot};

/// Reports every GC root of `thread` that lives on its stack or in its
/// per-thread state: the GC slots of every managed frame (from its GC info,
/// including incoming stack arguments), the references native code rooted
/// (`Thread::roots`, see `rooted`), exceptions in flight, and the thread's
/// managed `Thread` object.
///
/// The thread must be stopped at a safepoint or in preemptive mode (or be
/// the current thread).
///
/// The arguments of a call stopped in the prestub (`FrameKind::Prestub`)
/// are reported from the callee's signature, which the prestub worker
/// describes to the collector before anything can collect
/// (`Gc::set_prestub_args`).
pub fn enumerate_thread_roots(thread: &mut Thread, report: &mut dyn FnMut(StackRoot)) {
    let rt = thread.runtime();
    let fault_ip = thread.managed_fault[1].load(std::sync::atomic::Ordering::Relaxed);
    let reg = |slot: *mut usize, origin: RootOrigin| StackRoot {
        slot,
        kind: RootKind::Ref,
        pinned: false,
        origin,
    };
    walk_thread(thread, |item| {
        match item {
            WalkItem::Transition(frame) => {
                if frame.kind == FrameKind::Prestub as u64 {
                    let at = frame as *mut Frame as usize;
                    let (rsp, regs) = (frame.rsp, at + crate::frames::offsets::SIZE as usize);
                    rt.heaps.gc.with_prestub_args(at, |args| {
                        for a in args {
                            // RCX at +SIZE, RDX at +SIZE+8, stack arguments
                            // from the record's RSP (see FrameKind::Prestub).
                            let base = match a.index {
                                0 => regs,
                                1 => regs + 8,
                                k => rsp + 8 * (k as usize - 2),
                            };
                            report(StackRoot {
                                slot: (base + a.offset as usize) as *mut usize,
                                kind: if a.interior {
                                    RootKind::Interior
                                } else {
                                    RootKind::Ref
                                },
                                pinned: false,
                                origin: RootOrigin::PrestubArgument(a.index),
                            });
                        }
                    });
                }
            }
            WalkItem::Managed(m, locs) if !m.funclet && m.code.gc_info.tracked => {
                report_tracked(m, locs, fault_ip, report);
            }
            WalkItem::Managed(m, _) if !m.funclet => report_untracked(m, report),
            WalkItem::Managed(..) => {}
        }
        ControlFlow::Continue(())
    });
    thread
        .roots
        .for_each_slot(|slot| report(reg(slot, RootOrigin::Native)));
    report(reg(
        &mut thread.escaped,
        RootOrigin::ThreadState("escaped exception"),
    ));
    report(reg(
        &mut thread.pending.object,
        RootOrigin::ThreadState("pending exception"),
    ));
    for u in &mut thread.unwinds {
        report(reg(
            &mut u.exception,
            RootOrigin::ThreadState("exception being unwound"),
        ));
    }
    if let Some(obj) = thread.managed_object.as_mut() {
        report(reg(
            obj as *mut crate::object::ObjectRef as *mut usize,
            RootOrigin::ThreadState("Thread object"),
        ));
    }
    for block in thread.thread_static_blocks.iter_mut().flatten() {
        for slot in block.gc_slots() {
            report(reg(slot, RootOrigin::ThreadState("[ThreadStatic] field")));
        }
    }
}

/// Reports a frame's untracked slots ([`osprey_jit::GcInfo::slots`]),
/// live everywhere in the method: every GC-visible slot of baseline code,
/// the address-taken and pinned variables of optimized code.
fn report_untracked(m: &ManagedFrame, report: &mut dyn FnMut(StackRoot)) {
    for s in &m.code.gc_info.slots {
        report(StackRoot {
            slot: (m.fp as isize + s.offset as isize) as *mut usize,
            kind: match s.kind {
                osprey_jit::GcSlotKind::Ref => RootKind::Ref,
                osprey_jit::GcSlotKind::Interior => RootKind::Interior,
            },
            pinned: s.pinned,
            origin: RootOrigin::Frame {
                method: m.code.method,
                offset: s.offset,
            },
        });
    }
}

/// Reports the live references of an optimized frame at its safepoint:
/// its untracked slots (frame variables), the tracked frame slots, and
/// registers at the locations the walk found for them.
fn report_tracked(
    m: &ManagedFrame,
    locs: &RegLocations,
    fault_ip: usize,
    report: &mut dyn FnMut(StackRoot),
) {
    let offset = (m.ip - m.code.start) as u32;
    let Some(sp) = m.code.gc_info.safepoint(offset) else {
        if m.ip == fault_ip.wrapping_add(1) {
            // A hardware fault made the faulting instruction look like a
            // call (the fault stub): the frame is being unwound by the
            // exception that follows, and its handlers (if any) find
            // nothing of it in registers, so nothing of it is live.
            return;
        }
        // Every call and poll of tracked code has a safepoint record: a
        // walk stopped anywhere else is a runtime bug (the frame is not
        // at a safepoint), not something the program can cause.
        panic!(
            "no GC safepoint at {}+{offset:#x}",
            m.code.method.full_name()
        );
    };
    report_untracked(m, report);
    for live in &sp.live {
        let (slot, offset) = match live.loc {
            osprey_jit::GcLoc::Slot(off) => ((m.fp as isize + off as isize) as usize, off),
            osprey_jit::GcLoc::Reg(r) => {
                let at = locs[r as usize];
                assert!(
                    at != 0,
                    "the register {r} of {}+{offset:#x} holds a reference but no frame saved it",
                    m.code.method.full_name()
                );
                (at, 0)
            }
        };
        report(StackRoot {
            slot: slot as *mut usize,
            kind: match live.kind {
                osprey_jit::GcSlotKind::Ref => RootKind::Ref,
                osprey_jit::GcSlotKind::Interior => RootKind::Interior,
            },
            pinned: false,
            origin: RootOrigin::Frame {
                method: m.code.method,
                offset,
            },
        });
    }
}
