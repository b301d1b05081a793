//! Exception handling: the table-driven, two-pass dispatcher.
//!
//! JIT-compiled code never registers anything when it enters a `try`
//! block: each method's clauses are tables in its `MethodCode`, consulted
//! only when an exception is raised (see docs/exceptions.md).
//!
//! An exception is *raised* by native code: the `throw`/`rethrow` helpers,
//! the helpers behind the runtime's own faults (null reference, bounds,
//! overflow, casts...), FCalls and QCalls (which leave it pending), the
//! prestub (a method that cannot be compiled, for instance
//! because a member it uses is missing). It is left in
//! [`Thread::pending`](crate::thread::Thread) with
//! `Thread::attention = ATTENTION_EXCEPTION`; the stub that returns to
//! managed code sees the flag and calls [`dispatch`] with the managed
//! context the exception is raised in. Then:
//!
//! 1. **First pass** ([`dispatch`]): walk the segment (see `stackwalk`)
//!    from that context, recording the stack trace, and find the first
//!    clause whose protected block contains the frame's IL offset and that
//!    accepts the exception: a `catch` of a base type, or a `filter` that
//!    returns true (run as a funclet, *before* any frame is unwound). If no
//!    frame of the segment handles it, the target is the segment's entry
//!    record: the exception will leave through the thunk that entered the
//!    segment, to its Rust caller.
//! 2. **Second pass** ([`step`]): from the origin towards the target, run
//!    every `finally` and `fault` handler whose protected block is being
//!    left. Each runs in its own frame, with the stack cut back to that
//!    frame (the frames below it are dead): the dispatcher resumes at the
//!    handler with the frame's continuation slot pointing at the
//!    unwind-continue stub, and `endfinally` brings control back to
//!    [`continue_worker`]. The state of the unwind lives in
//!    `Thread::unwinds`, not on the (cut) stack.
//! 3. **Resume** at the catch handler, with the stack cut back to its frame
//!    and the exception in RAX, or leave through the entry record's escape
//!    path with the exception in `Thread::escaped`.
//!
//! Exceptions raised while a finally handler runs (and caught inside it)
//! keep the interrupted unwind; one that leaves the handler abandons it, as
//! in the CLR. An exception that leaves a filter is swallowed: the filter
//! counts as false (ECMA-335 II.19; mono instead lets it propagate).

mod dispatch;
mod objects;
mod symbols;
mod trace;

pub(crate) use dispatch::{continue_worker, dispatch_worker};
pub(crate) use objects::{exception_from_error, type_initialization_exception};
pub(crate) use symbols::Symbols;
pub use symbols::SymbolsError;
pub(crate) use trace::{current_frames, format_stack_trace, overflow_trace};

use std::sync::Arc;

use crate::codeheap::MethodCode;
use crate::runtime::RuntimeError;

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
}

/// An exception raised by native code and not dispatched yet.
#[derive(Debug, Default)]
pub struct Pending {
    /// The exception object (a GC root), or 0 when it is still described
    /// by `error` (the dispatcher creates the object).
    pub(crate) object: usize,
    /// The error to turn into an exception object.
    pub(crate) error: Option<RuntimeError>,
    /// The exception's stack trace starts afresh here (`throw`), rather than
    /// growing (`rethrow`, an exception passing back through native code).
    pub(crate) fresh_trace: bool,
}

impl Pending {
    /// Records `error`, a managed exception without an object (see
    /// `Thread::raise`): the dispatcher creates it.
    pub(crate) fn set_error(&mut self, error: RuntimeError) {
        self.object = 0;
        self.error = Some(error);
        self.fresh_trace = true;
    }

    /// Records an exception object.
    pub(crate) fn set_object(&mut self, object: usize, fresh_trace: bool) {
        self.object = object;
        self.error = None;
        self.fresh_trace = fresh_trace;
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
}
