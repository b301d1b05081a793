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
pub(crate) use trace::{current_frames, format_stack_trace, overflow_trace};

use crate::codeheap::MethodCode;

/// The callee-saved registers of the managed convention.
pub(crate) const CALLEE_SAVED: [usize; 6] = [3, 6, 7, 12, 13, 14];

/// Moves a register context from the frame of `code` at `fp` to its
/// caller: the registers the method's prologue saved are reloaded from
/// its frame.
pub(crate) fn unwind_regs(regs: &mut [usize; 16], code: &MethodCode, fp: usize) {
    for &(r, off) in &code.gc_info.saved_regs {
        // SAFETY: `fp` is a live activation of `code`, whose prologue
        // saved register `r` at `fp + off`.
        regs[r as usize] = unsafe { *((fp as isize + off as isize) as *const usize) };
    }
}

/// Reads the callee-saved registers from a stub's register area.
///
/// # Safety
/// `area` must point at a live 16-word register area.
pub(crate) unsafe fn regs_from_area(area: *const usize) -> [usize; 16] {
    let mut regs = [0usize; 16];
    for r in CALLEE_SAVED {
        // SAFETY: the caller's contract.
        regs[r] = unsafe { *area.add(r) };
    }
    regs
}

pub use crate::thread::exceptions::{resume_offsets, Resume, Unwind};
pub(crate) use crate::thread::exceptions::{Cursor, Target};
