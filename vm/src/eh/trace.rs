//! Stack traces: recorded by the first pass, formatted on demand.
//!
//! The first pass of a dispatch visits the frames from where an exception
//! was raised to the frame that handles it; it stores them in the
//! exception's `_stackTrace` field as an `IntPtr[]` of pairs (method
//! descriptor, IL offset of the instruction running or -1). Nothing is
//! formatted until a program asks for `Exception.StackTrace` (or the
//! runtime prints an unhandled exception): corelib calls
//! [`format_stack_trace`] through an FCall.
//!
//! The text follows mono's format, so programs that print a trace print
//! what they print on mono for their own methods. Without debug
//! information (mono without `--debug`):
//!
//! ```text
//!   at Program.Main (System.String[] args) [0x0001c] in <3b1c…>:0
//! ```
//!
//! (method, parameter types and names, the IL offset of the statement the
//! instruction belongs to, module version id, and line 0). With an `.mdb`
//! file for the assembly (`symbols.rs`; mono with `--debug`):
//!
//! ```text
//!   at Program.Main (System.String[] args) [0x0001d] in <dir>/x.cs:12
//! ```
//!
//! (the IL offset of the compiler's sequence point at or before the
//! instruction, and its file and line). Corelib frames show Osprey's
//! corelib, not mono's; runtime helpers never appear.

use osprey_binder::ExceptionObject;
use osprey_metadata::tables::{ModuleRow, ParamRow};
use osprey_metadata::Image;

use crate::loader::MethodHandle;
use crate::rooted::{Rooted, Unrooted};
use crate::runtime::Runtime;
use crate::thread::{Thread, TraceStart};

/// Stores the frames of a dispatch into `exception` (when it is a
/// `System.Exception`), as `start` says: replacing its trace (`throw`),
/// appending to it (an exception passing back into managed code through
/// native code), or, for `throw;`, appending in place of the recorded
/// trace's last frame, the catching frame that rethrows, which the
/// dispatch's first frame shows again at the rethrow. A trace that cannot
/// be allocated is left as it was.
pub(super) fn record(
    thread: &mut Thread,
    exception: &Rooted,
    frames: &[(MethodHandle, Option<u32>)],
    start: TraceStart,
) {
    let rt = thread.runtime();
    let wk = rt.well_known();
    let t = exception.get(thread).type_handle();
    if !t.is_subclass_of(wk.exception) && t != wk.exception {
        return;
    }
    let old = match start {
        TraceStart::Fresh => None,
        _ => old_trace(exception.get(thread)),
    };
    // SAFETY: an old trace is an IntPtr[] `record` stored.
    let recorded = old.map_or(0, |t| unsafe { t.length() });
    // The catching frame ends the recorded trace only if the rethrow's
    // first frame is the same method (a trace that could not be allocated
    // at the throw is left as it was).
    let last_method = old
        .filter(|_| recorded >= 2)
        // SAFETY: as above; `recorded - 2` is the last pair's method.
        .map(|t| unsafe { *(t.array_data() as *const isize).add(recorded - 2) });
    let kept = match (start, frames.first()) {
        (TraceStart::Rethrow, Some((first, _))) if last_method == Some(first.as_ptr() as isize) => {
            recorded - 2
        }
        _ => recorded,
    };
    let Ok(array) = rt.new_object(thread, &wk.intptr_array.mt, kept + 2 * frames.len()) else {
        return;
    };
    // Read after the allocation, which may have moved the exception.
    let (exception, array) = (exception.get(thread), array.get(thread));
    // SAFETY: `array` is a fresh IntPtr[] of kept + 2 * frames.len()
    // elements; the old trace (if any) is an IntPtr[] of `recorded` >= `kept`
    // elements; `_stackTrace` is a reference field of System.Exception.
    unsafe {
        let data = array.array_data() as *mut isize;
        if kept > 0 {
            let old = old_trace(exception).expect("had a trace");
            std::ptr::copy_nonoverlapping(old.array_data() as *const isize, data, kept);
        }
        for (i, (method, il)) in frames.iter().enumerate() {
            *data.add(kept + 2 * i) = method.as_ptr() as isize;
            *data.add(kept + 2 * i + 1) = il.map_or(-1, |o| o as isize);
        }
        exception.write_ref(
            std::mem::offset_of!(ExceptionObject, stack_trace),
            Some(array),
            &rt.heaps.gc,
        );
    }
}

/// The exception's recorded trace array, if any.
fn old_trace(exception: Unrooted<'_>) -> Option<Unrooted<'_>> {
    // SAFETY: callers pass a System.Exception, laid out as ExceptionObject.
    unsafe { exception.read_ref(std::mem::offset_of!(ExceptionObject, stack_trace)) }
}

/// Formats a recorded trace (pairs of method descriptor and IL offset, see
/// the module documentation): one line per frame, joined by `\n`.
///
/// # Safety
/// `data` must come from [`record`]: every even element a method descriptor
/// of `rt`.
pub(crate) unsafe fn format_stack_trace(rt: &Runtime, data: &[isize]) -> String {
    let mut lines = Vec::with_capacity(data.len() / 2);
    let mut loader = rt.loader();
    for pair in data.chunks_exact(2) {
        // SAFETY: the caller's contract: a method descriptor of this runtime.
        let method = unsafe { MethodHandle::from_ptr(pair[0] as *const _) };
        let asm = loader.assembly(method.assembly);
        let img = asm.image();
        let il = u32::try_from(pair[1]).ok();
        let types = loader.trace_param_types(method);
        let head = format!(
            "  at {} ({})",
            loader.trace_method_name(method),
            trace_params(img, method, &types)
        );
        match il.and_then(|il| rt.symbols.location(method, il)) {
            Some(at) => lines.push(format!(
                "{head} [0x{:05x}] in {}:{} ",
                at.il_offset, at.file, at.line
            )),
            None => {
                let shown = il.map_or(0, |il| statement_of(rt, method, il));
                let mvid = module_version_id(img);
                lines.push(format!("{head} [0x{shown:05x}] in <{mvid}>:0 "));
            }
        }
    }
    lines.join("\n")
}

/// The statement (see `osprey_jit::CodeMap::statements`) the instruction at
/// `il` of `method` belongs to: what a trace shows without debug information.
fn statement_of(rt: &Runtime, method: MethodHandle, il: u32) -> u32 {
    // A method still counting its calls in the baseline tier publishes its
    // code only to the tiers (its descriptor shows none until it tiers up).
    let code = match method.code.load(std::sync::atomic::Ordering::Acquire) {
        0 => rt.tiers.baseline_code(method).unwrap_or(0),
        code => code,
    };
    rt.code
        .method_code(code)
        .map_or(il, |c| c.code_map.statement_of(il))
}

/// `System.Int32 n, System.String[] args`: the parameter types (as
/// `Loader::trace_param_types` prints them) with their names.
fn trace_params(img: &Image<'_>, method: MethodHandle, types: &[String]) -> String {
    let mut names = vec![String::new(); method.sig.params.len()];
    if let Ok(params) = img.param_range(method.rid) {
        for rid in params {
            if let Ok(p) = img.row::<ParamRow>(rid) {
                let seq = p.sequence as usize;
                if (1..=names.len()).contains(&seq) {
                    names[seq - 1] = img.string(p.name).unwrap_or("").to_string();
                }
            }
        }
    }
    types
        .iter()
        .zip(&names)
        .map(|(t, n)| {
            if n.is_empty() {
                t.clone()
            } else {
                format!("{t} {n}")
            }
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// The module version id as mono prints it: `Guid.ToString("N")`, 32 hex
/// digits with the first three fields little-endian.
fn module_version_id(img: &Image<'_>) -> String {
    img.row::<ModuleRow>(1)
        .ok()
        .and_then(|m| img.guid(m.mvid).ok().flatten())
        .map(|g| {
            let b = g.0;
            let order = [3, 2, 1, 0, 5, 4, 7, 6, 8, 9, 10, 11, 12, 13, 14, 15];
            order.iter().map(|&i| format!("{:02x}", b[i])).collect()
        })
        .unwrap_or_default()
}

/// The frames shown when a stack overflow ends the program: the innermost
/// ones, then how many more there were.
const OVERFLOW_FRAMES_SHOWN: usize = 20;

/// The current thread's managed frames, innermost first, as the (method
/// descriptor, IL offset) pairs [`format_stack_trace`] reads: at most
/// `limit` frames, and how many there are in all.
pub(crate) fn current_frames(thread: &Thread, limit: usize) -> (Vec<isize>, usize) {
    use crate::stackwalk::{walk_thread, WalkItem};
    use std::ops::ControlFlow;
    let mut data = Vec::new();
    let mut total = 0usize;
    walk_thread(thread, |item| {
        if let WalkItem::Managed(m, _) = item {
            if !m.funclet {
                total += 1;
                if total <= limit {
                    data.push(m.code.method.as_ptr() as isize);
                    data.push(m.il_offset().map_or(-1, |o| o as isize));
                }
            }
        }
        ControlFlow::Continue(())
    });
    (data, total)
}

/// The managed stack trace of the current thread, for a stack-overflow
/// report (innermost frames first, the rest counted).
pub(crate) fn overflow_trace(thread: &Thread) -> String {
    let (data, total) = current_frames(thread, OVERFLOW_FRAMES_SHOWN);
    // SAFETY: the pairs were built from this runtime's method descriptors.
    let mut text = unsafe { format_stack_trace(thread.runtime(), &data) };
    if total > OVERFLOW_FRAMES_SHOWN {
        text.push_str(&format!(
            "\n  ... ({} more frames)",
            total - OVERFLOW_FRAMES_SHOWN
        ));
    }
    text
}
