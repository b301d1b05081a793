//! The exception-dispatch state a thread record carries: where a stub
//! resumes, the exception native code raised and not yet dispatched, and
//! the second passes in progress. The dispatcher (`crate::eh`) reads and
//! writes them; they live here, with the record, so that the thread layer
//! does not depend on the dispatcher.

use std::sync::Arc;

use crate::codeheap::MethodCode;
use crate::error::RuntimeError;

/// Where a stub resumes managed code after the dispatcher decided: written
/// by the dispatcher into `Thread::resume`, read by the stub's resume
/// sequence (`stubs::emit_resume`).
#[repr(C)]
#[derive(Copy, Clone, Debug, Default, PartialEq, Eq)]
pub struct Resume {
    /// The code address to jump to.
    pub ip: usize,
    /// The stack pointer to resume with.
    pub sp: usize,
    /// The frame pointer to resume with.
    pub fp: usize,
    /// RAX on resume (the exception, for a catch handler).
    pub value: usize,
    /// The callee-saved registers (RBX, RSI, RDI, R12-R14) on resume, by
    /// hardware number (the other words are unused): the values the frame
    /// resumed in (or, on the escape path, the entry record's stub) had at
    /// its call, restored frame by frame from where each method's
    /// prologue saved them (`GcInfo::saved_regs`).
    pub regs: [usize; 16],
}

/// Offsets of [`Resume`]'s fields, for the stubs.
pub mod resume_offsets {
    use super::Resume;
    /// `Resume::ip`.
    pub const IP: i32 = std::mem::offset_of!(Resume, ip) as i32;
    /// `Resume::sp`.
    pub const SP: i32 = std::mem::offset_of!(Resume, sp) as i32;
    /// `Resume::fp`.
    pub const FP: i32 = std::mem::offset_of!(Resume, fp) as i32;
    /// `Resume::value`.
    pub const VALUE: i32 = std::mem::offset_of!(Resume, value) as i32;
    /// `Resume::regs`.
    pub const REGS: i32 = std::mem::offset_of!(Resume, regs) as i32;
}

/// An exception raised by native code and not dispatched yet.
#[derive(Debug, Default)]
pub struct Pending {
    /// The exception object (a GC root), or 0 when it is still described
    /// by `error` (the dispatcher creates the object).
    pub(crate) object: usize,
    /// The error to turn into an exception object.
    pub(crate) error: Option<RuntimeError>,
    /// How the dispatch records the exception's stack trace.
    pub(crate) trace: TraceStart,
}

/// How a dispatch records its frames in the exception's stack trace.
#[derive(Copy, Clone, Debug, Default, PartialEq, Eq)]
pub(crate) enum TraceStart {
    /// The trace starts afresh at the raise (`throw`, an exception the
    /// runtime creates).
    #[default]
    Fresh,
    /// The frames follow the recorded ones (an exception passing back into
    /// managed code through native code).
    Append,
    /// `throw;` in a catch handler: the recorded trace ends at the frame
    /// whose handler rethrows, and the dispatch's frames start at that same
    /// frame, at the rethrow. The rethrow's frames replace that last
    /// recorded one, so the trace runs from the original throw and shows the
    /// rethrowing frame once (as CoreCLR and mono do).
    Rethrow,
}

impl Pending {
    /// Records `error`, a managed exception without an object (see
    /// `Thread::raise`): the dispatcher creates it.
    pub(crate) fn set_error(&mut self, error: RuntimeError) {
        self.object = 0;
        self.error = Some(error);
        self.trace = TraceStart::Fresh;
    }

    /// Records an exception object.
    pub(crate) fn set_object(&mut self, object: usize, trace: TraceStart) {
        self.object = object;
        self.error = None;
        self.trace = trace;
    }

    /// Forgets the pending exception.
    pub(crate) fn clear(&mut self) {
        self.object = 0;
        self.error = None;
    }
}

/// Where the second pass of a dispatch is going.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub(crate) enum Target {
    /// The handler of clause `clause` in the frame `fp`.
    Catch { fp: usize, clause: usize },
    /// Out of the segment, through the escape path of the entry record at
    /// `entry` (`Thread::entry_sp` when the first pass ended).
    Escape { entry: usize },
}

/// The frame the second pass is in.
#[derive(Clone, Debug)]
pub(crate) struct Cursor {
    /// The frame's method.
    pub code: Arc<MethodCode>,
    /// Its frame pointer.
    pub fp: usize,
    /// The IL offset the exception passes the frame at.
    pub il: Option<u32>,
    /// The first clause not yet considered in this frame.
    pub next_clause: usize,
}

/// A second pass in progress (`Thread::unwinds`).
#[derive(Debug)]
pub struct Unwind {
    /// The exception (a GC root).
    pub(crate) exception: usize,
    pub(crate) target: Target,
    pub(crate) cursor: Cursor,
    /// The IL range of the finally/fault handler running in the cursor's
    /// frame, while one runs.
    pub(crate) running: Option<(u32, u32)>,
    /// The callee-saved registers as the cursor's frame had them at its
    /// call (see [`Resume::regs`]).
    pub(crate) regs: [usize; 16],
}
