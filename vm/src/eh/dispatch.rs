//! The two passes of exception dispatch (see the module documentation of
//! `eh`).

use std::ops::ControlFlow;

use osprey_jit::EhKind;

use super::{regs_from_area, trace, unwind_regs, Cursor, Resume, Target, Unwind};
use crate::frames::{HelperFrame, ManagedSite};
use crate::loader::{MethodHandle, TypeHandle};
use crate::rooted::{Rooted, Unrooted};
use crate::runtime::{guard, is_assignable, RuntimeError};
use crate::stackwalk::{walk_segment, ManagedFrame};
use crate::stubs::{CallFunclet, ENTRY_RBP_OFFSET};
use crate::thread::{Thread, TraceStart, ATTENTION_FATAL};

/// Called by the raise stub: dispatches the exception pending on `thread`,
/// raised at the managed context (`ip` the return address into managed
/// code, `fp` that frame's RBP, `regs` the stub's register area with the
/// callee-saved registers at the raise). Returns where to resume
/// (`thread.resume`); on a fatal error the stub finds `ATTENTION_FATAL`
/// instead and aborts.
pub(crate) extern "C" fn dispatch_worker(
    thread: &mut Thread,
    ip: usize,
    fp: usize,
    regs: *const usize,
) -> *const Resume {
    guard(thread, (), |thread| {
        if let Err(e) = dispatch(thread, ip, fp, regs) {
            thread.raise_fatal(e);
        }
    });
    &thread.resume
}

/// Called by the unwind-continue stub when a finally or fault handler that
/// the second pass ran in the frame `fp` finished (`regs`: the stub's
/// register area, the callee-saved registers as the handler left them).
pub(crate) extern "C" fn continue_worker(
    thread: &mut Thread,
    fp: usize,
    regs: *const usize,
) -> *const Resume {
    guard(thread, (), |thread| {
        let result = match thread.unwinds.last_mut() {
            Some(u) if u.cursor.fp == fp => {
                u.running = None;
                // SAFETY: the stub's area lives until this call returns.
                u.regs = unsafe { regs_from_area(regs) };
                step(thread)
            }
            _ => Err(RuntimeError::Internal(
                "endfinally returned to the exception dispatcher, which was not unwinding that frame"
                    .into(),
            )),
        };
        if let Err(e) = result {
            thread.raise_fatal(e);
        }
    });
    &thread.resume
}

fn dispatch(
    thread: &mut Thread,
    ip: usize,
    fp: usize,
    area: *const usize,
) -> Result<(), RuntimeError> {
    thread.attention = 0;
    let pending = std::mem::take(&mut thread.pending);
    // The raise stub's register area is the context of the walk (the
    // collector may update references in it while the first pass runs).
    let site = ManagedSite {
        return_address: ip,
        rsp: 0,
        rbp: fp,
        regs: area as usize,
    };
    let (target, exception) = HelperFrame::run_at(thread, site, |thread| {
        let mut start = pending.trace;
        // SAFETY: the pending object is 0 or an exception object (a root of the thread until taken here).
        let exception = match unsafe { Unrooted::from_raw(thread, pending.object as *mut u8) } {
            Some(o) => thread.root(o),
            None => {
                let error = pending.error.ok_or_else(|| {
                    RuntimeError::Internal("exception dispatch with no exception pending".into())
                })?;
                let (exception, created) = super::exception_from_error(thread, &error)?;
                // An error that already carries an object goes on with its trace.
                start = if created {
                    TraceStart::Fresh
                } else {
                    TraceStart::Append
                };
                exception
            }
        };
        let (target, frames) = first_pass(thread, ip, fp, &exception)?;
        trace::record(thread, &exception, &frames, start);
        // From here the unwind (a root of the thread) holds the exception:
        // nothing collects before it is pushed.
        Ok::<_, RuntimeError>((target, exception.get(thread).as_ptr() as usize))
    })?;
    // SAFETY: the stub's area lives until the dispatch returns.
    let regs = unsafe { regs_from_area(area) };
    let rt = thread.runtime();
    match rt.code.method_code(ip) {
        Some(code) if !code.is_funclet(ip) => {
            thread.unwinds.push(Unwind {
                exception,
                target,
                cursor: Cursor {
                    il: code.il_offset_of_return(ip),
                    code,
                    fp,
                    next_clause: 0,
                },
                running: None,
                regs,
            });
            step(thread)
        }
        // Raised by a filter itself (or, defensively, by non-managed code):
        // the exception leaves through the entry record at once.
        _ => match target {
            Target::Escape { entry } => {
                escape(thread, exception, entry, regs);
                Ok(())
            }
            Target::Catch { .. } => Err(RuntimeError::Internal(
                "an exception raised in a filter found a handler outside it".into(),
            )),
        },
    }
}

/// A frame of the stack trace the first pass records: the method and the
/// IL offset it was at, when known.
type TraceFrame = (MethodHandle, Option<u32>);

/// The first pass: finds the handler, running filters, and collects the
/// frames for the stack trace. The exception is rooted (it may move while
/// filters run).
fn first_pass(
    thread: &mut Thread,
    ip: usize,
    fp: usize,
    exception: &Rooted,
) -> Result<(Target, Vec<TraceFrame>), RuntimeError> {
    let rt = thread.runtime();
    let mut frames = Vec::new();
    let mut target = None;
    let mut failure = None;
    walk_segment(&rt.code, ip, fp, |frame| {
        frames.push((frame.code.method, frame.il_offset()));
        if frame.funclet {
            // An exception leaving a filter is the filter's verdict (false);
            // the frames around it are not searched.
            return ControlFlow::Continue(());
        }
        let Some(il) = frame.il_offset() else {
            return ControlFlow::Continue(());
        };
        for (i, c) in frame.code.eh.iter().enumerate() {
            if !c.clause.in_try(il) {
                continue;
            }
            let accepts = match c.clause.kind {
                EhKind::Catch(t) => {
                    // SAFETY: clause types are handles this runtime gave the JIT.
                    is_assignable(exception.get(thread).type_handle(), unsafe {
                        TypeHandle::from_jit(t)
                    })
                }
                EhKind::Filter { .. } => {
                    let e = exception.get(thread).as_ptr();
                    match run_filter(thread, frame, c.filter, e) {
                        Ok(v) => v,
                        Err(e) => {
                            failure = Some(e);
                            return ControlFlow::Break(());
                        }
                    }
                }
                EhKind::Finally | EhKind::Fault => false,
            };
            if accepts {
                target = Some(Target::Catch {
                    fp: frame.fp,
                    clause: i,
                });
                return ControlFlow::Break(());
            }
        }
        ControlFlow::Continue(())
    });
    if let Some(e) = failure {
        return Err(e);
    }
    let target = target.unwrap_or(Target::Escape {
        entry: thread.entry_sp,
    });
    Ok((target, frames))
}

/// Runs a filter as a funclet of `frame`; an exception that leaves it is
/// swallowed and counts as false.
fn run_filter(
    thread: &mut Thread,
    frame: &ManagedFrame,
    filter: Option<u32>,
    exception: *mut u8,
) -> Result<bool, RuntimeError> {
    let offset = filter.ok_or_else(|| {
        RuntimeError::Internal(format!(
            "a filter clause of {} has no compiled filter",
            frame.code.method.full_name()
        ))
    })?;
    let target = frame.code.start + offset as usize;
    let stub = thread.runtime().stubs.call_funclet;
    // SAFETY: `stub` is this runtime's funclet call, whose signature is
    // CallFunclet.
    let call: CallFunclet = unsafe { std::mem::transmute::<usize, CallFunclet>(stub) };
    // SAFETY: `frame.fp` is the live frame of the filter's method (the
    // first pass has unwound nothing), `target` is the filter's entry in
    // that method's code, and the thread is the current thread.
    let verdict = unsafe { call(thread, frame.fp, target, exception as usize) };
    if thread.attention == ATTENTION_FATAL {
        thread.attention = 0;
        return Err(thread.fatal.take().unwrap_or_else(|| {
            RuntimeError::Internal("a filter was abandoned without a reason".into())
        }));
    }
    if thread.escaped != 0 {
        thread.escaped = 0;
        return Ok(false);
    }
    Ok(verdict as u32 != 0)
}

/// The second pass: from the innermost unwind's cursor, finds the next
/// finally/fault handler to run or the catch handler to resume at, and
/// writes the resume point into `thread.resume`.
fn step(thread: &mut Thread) -> Result<(), RuntimeError> {
    let rt = thread.runtime();
    loop {
        let u = thread
            .unwinds
            .last_mut()
            .ok_or_else(|| RuntimeError::Internal("no unwind in progress".into()))?;
        let cur = &mut u.cursor;
        let catch_here = match u.target {
            Target::Catch { fp, clause } if fp == cur.fp => Some(clause),
            _ => None,
        };
        let limit = catch_here.unwrap_or(cur.code.eh.len());
        if let Some(il) = cur.il {
            let next = (cur.next_clause..limit).find(|&i| {
                let c = &cur.code.eh[i].clause;
                matches!(c.kind, EhKind::Finally | EhKind::Fault) && c.in_try(il)
            });
            if let Some(i) = next {
                cur.next_clause = i + 1;
                let c = cur.code.eh[i];
                u.running = Some((c.clause.handler_start, c.clause.handler_end));
                let slot = (cur.fp as isize + c.slot as isize) as *mut usize;
                // SAFETY: the slot is the clause's continuation slot in the
                // live frame `cur.fp` (frame layout of its method).
                unsafe { *slot = rt.stubs.unwind_continue };
                let resume = Resume {
                    ip: cur.code.start + c.handler as usize,
                    // SAFETY: `cur.fp` is a live activation of `cur.code`.
                    sp: unsafe { cur.code.body_sp(cur.fp) },
                    fp: cur.fp,
                    value: 0,
                    regs: u.regs,
                };
                let resumed = (c.clause.try_start, c.clause.try_end);
                finish(thread, resume, Some(resumed), true);
                return Ok(());
            }
        }
        if let Some(clause) = catch_here {
            let u = thread.unwinds.pop().expect("checked above");
            let c = u.cursor.code.eh[clause];
            let resume = Resume {
                ip: u.cursor.code.start + c.handler as usize,
                // SAFETY: as above.
                sp: unsafe { u.cursor.code.body_sp(u.cursor.fp) },
                fp: u.cursor.fp,
                value: u.exception,
                regs: u.regs,
            };
            finish(
                thread,
                resume,
                Some((c.clause.try_start, c.clause.try_end)),
                false,
            );
            return Ok(());
        }
        let frame = ManagedFrame {
            code: cur.code.clone(),
            ip: 0,
            fp: cur.fp,
            funclet: false,
        };
        let (ip, fp) = frame.caller();
        unwind_regs(&mut u.regs, &frame.code, frame.fp);
        match rt.code.method_code(ip) {
            Some(code) if !code.is_funclet(ip) => {
                *cur = Cursor {
                    il: code.il_offset_of_return(ip),
                    code,
                    fp,
                    next_clause: 0,
                };
                u.running = None;
            }
            _ => {
                let u = thread.unwinds.pop().expect("checked above");
                let Target::Escape { entry } = u.target else {
                    return Err(RuntimeError::Internal(
                        "the second pass left the segment before reaching the handler the first pass found".into(),
                    ));
                };
                escape(thread, u.exception, entry, u.regs);
                return Ok(());
            }
        }
    }
}

/// Leaves the segment through the escape path of the entry record at
/// `entry`, with the exception in `thread.escaped` and the callee-saved
/// registers the entry's stub had (`regs`).
fn escape(thread: &mut Thread, exception: usize, entry: usize, regs: [usize; 16]) {
    thread.escaped = exception;
    // SAFETY: `entry` is the innermost live entry record (it was
    // `thread.entry_sp` when the first pass ended, and nothing since has
    // returned through it); its first word is its escape address.
    let ip = unsafe { *(entry as *const usize) };
    let resume = Resume {
        ip,
        sp: entry,
        fp: entry + ENTRY_RBP_OFFSET,
        value: 0,
        regs,
    };
    finish(thread, resume, None, false);
}

/// Records `resume` and drops what it makes dead: transition frames below
/// the new stack pointer, and interrupted unwinds whose frames (or whose
/// running finally handlers) control leaves. `resumed` is the protected
/// block of the clause resumed at, if any; `keep_top` spares the innermost
/// unwind (the one running the resumed finally handler).
fn finish(thread: &mut Thread, resume: Resume, resumed: Option<(u32, u32)>, keep_top: bool) {
    let n = thread.unwinds.len() - usize::from(keep_top);
    let top = if keep_top { thread.unwinds.pop() } else { None };
    thread.unwinds.truncate(n);
    thread.unwinds.retain(|s| {
        if s.cursor.fp < resume.fp {
            return false;
        }
        if s.cursor.fp > resume.fp {
            return true;
        }
        // Same frame: kept only if control stays inside the finally
        // handler that unwind is running.
        match (s.running, resumed) {
            (Some((hs, he)), Some((ts, te))) => hs <= ts && te <= he,
            _ => false,
        }
    });
    thread.unwinds.extend(top);
    while thread.frame_head != 0 && thread.frame_head < resume.sp {
        // SAFETY: linked frames are live until unlinked; this one lies in
        // the part of the stack being abandoned, so nothing else will
        // unlink it.
        thread.frame_head =
            unsafe { (*(thread.frame_head as *const crate::frames::Frame)).prev } as usize;
    }
    thread.resume = resume;
}
