//! Hardware faults (the kernel's `FaultService`): never a silent signal.
//!
//! Null references are found by explicit checks in JIT-compiled code; what
//! those checks do not cover is a dereference of an unmanaged pointer in
//! unsafe code (`int* p = null; *p = 1`), and a bug (or corrupted input)
//! that makes the runtime's own code fault. Each thread that runs managed
//! code registers [`fault_handler`] with the kernel, which calls it in
//! signal context:
//!
//! * a fault whose instruction lies in a **JIT-compiled method** is
//!   redirected to the fault stub, which calls [`fault`] as a helper called
//!   from the faulting instruction: an address in the first 64 KiB raises
//!   NullReferenceException, as the CLR (and mono) do; any other address is
//!   a fatal error naming the address, the method and IL offset, with the
//!   managed stack trace (the CLR's AccessViolationException cannot be
//!   caught either; mono crashes);
//! * a fault **anywhere else** on the thread (a stub, a JIT helper, an
//!   FCall or QCall, the loader, the collector) is recorded in the thread
//!   and redirected to the native-fault stub, which calls [`native_fault`]
//!   on the same stack below the faulting frames: it prints the runtime's
//!   fatal-error report (the address, the code that faulted, the native
//!   entry managed code called and from which method and IL offset, the
//!   managed stack trace) and ends the process with exit code
//!   [`FATAL_EXIT_CODE`]. The faulting Rust frames are never returned to
//!   (their state is unknown), so nothing is unwound or raised into
//!   managed code;
//! * a fault just below the thread's stack (a stack overflow in native
//!   code) and a second fault while reporting are declined: the handler
//!   installed before the kernel's reports them (Rust's "has overflowed
//!   its stack"), or the default action ends the process.

use std::ffi::c_void;
use std::sync::atomic::Ordering;

use osprey_kernel::services::fault_service::FaultContext;

use super::helpers::guard;
use super::{Runtime, RuntimeError};
use crate::codeheap::{CodeKind, CodeRange};
use crate::thread::Thread;
use crate::typesystem::ExceptionKind;

/// Addresses below this are null references (a null object or pointer plus
/// a field or element offset).
const NULL_PAGE_LIMIT: usize = 64 << 10;

/// The exit code of a process the runtime ends with a fatal-error report
/// (a fault in native code; the heap verifier uses it too): EX_SOFTWARE.
pub const FATAL_EXIT_CODE: i32 = 70;

/// How far below the stack's lowest address a fault still counts as a
/// stack overflow (guard pages).
const GUARD_REACH: usize = 1 << 20;

/// How many bytes of stack above the fault are searched for the managed
/// caller's return address.
const CALLER_SEARCH: usize = 256 << 10;

/// The kernel calls this in signal context, on the faulting thread, with
/// the thread's record as `user`. It takes no lock it could wait for (the
/// code table is only tried) and only changes registers and the record's
/// fault words.
pub(crate) unsafe extern "C" fn fault_handler(user: *mut c_void, ctx: *mut FaultContext) -> u32 {
    if user.is_null() || ctx.is_null() {
        return 0;
    }
    // SAFETY: the record registered itself (Runtime::new_thread) and
    // unregisters before it is freed; the kernel passes a valid context.
    let (thread, ctx) = unsafe { (&*(user as *const Thread), &mut *ctx) };
    let rt = thread.runtime();
    if let Ok(Some(CodeRange {
        kind: CodeKind::Method(_),
        ..
    })) = rt.code.try_find(ctx.ip)
    {
        ctx.rdi = ctx.address;
        ctx.rsi = ctx.ip;
        ctx.ip = rt.stubs.fault;
        return 1;
    }
    if is_stack_overflow(thread, ctx) || thread.native_fault[1].load(Ordering::Relaxed) != 0 {
        return 0;
    }
    thread.native_fault[0].store(ctx.address, Ordering::Relaxed);
    thread.native_fault[2].store(ctx.sp, Ordering::Relaxed);
    thread.native_fault[1].store(ctx.ip.max(1), Ordering::Relaxed);
    ctx.rdi = user as usize;
    ctx.ip = rt.stubs.native_fault;
    1
}

/// A fault just below the thread's stack (or, bounds unknown, right next
/// to the stack pointer): native code overflowed the stack, and nothing
/// can run on it.
fn is_stack_overflow(thread: &Thread, ctx: &FaultContext) -> bool {
    if thread.stack_low != 0 {
        let low = thread.stack_low;
        return ctx.address < low + (64 << 10) && ctx.address + GUARD_REACH > low;
    }
    ctx.address.abs_diff(ctx.sp) < (64 << 10)
}

/// The fault helper (JIT-compiled code): raises what a fault at `address`
/// means.
pub(super) extern "C" fn fault(thread: &mut Thread, address: usize) {
    guard(thread, (), |thread| {
        if address < NULL_PAGE_LIMIT {
            thread.raise(RuntimeError::managed(ExceptionKind::NullReference, None));
        } else {
            let location = innermost_managed_location(thread).unwrap_or_default();
            let trace = crate::eh::overflow_trace(thread);
            thread.raise_fatal(RuntimeError::AccessViolation {
                address,
                location,
                trace,
            });
        }
    })
}

/// `Namespace.Type::Method at IL_xxxx` of the managed instruction the
/// innermost transition frame returns to (the faulting instruction the
/// fault stub made a helper call of; the poll the GC poll stub serves).
pub(super) fn innermost_managed_location(thread: &Thread) -> Option<String> {
    if thread.frame_head == 0 {
        return None;
    }
    // SAFETY: the fault helper's wrapper linked this frame.
    let ret = unsafe { (*(thread.frame_head as *const crate::frames::Frame)).return_address };
    let code = thread.runtime().code.method_code(ret)?;
    Some(managed_location(&code, ret))
}

/// `Type::Method at IL_xxxx` (or without the offset) for a return address
/// into `code`.
fn managed_location(code: &crate::codeheap::MethodCode, ret: usize) -> String {
    match code.il_offset_of_return(ret) {
        Some(il) => format!("{} at IL_{il:04x}", code.method.full_name()),
        None => code.method.full_name(),
    }
}

/// Where a fault in native code redirects to (through the native-fault
/// stub, RDI = the thread): prints the fatal-error report and ends the
/// process. Runs on the faulting thread's stack, below the abandoned
/// frames.
pub(super) extern "C" fn native_fault(thread: *mut Thread) -> ! {
    // SAFETY: the fault handler passes the faulting thread's own record;
    // only shared access is needed (the faulting code's borrow is dead).
    let thread = unsafe { &*thread };
    let rt = thread.runtime();
    let [address, ip, sp] = [0, 1, 2].map(|i| thread.native_fault[i].load(Ordering::Relaxed));
    let report = native_fault_report(rt, thread, address, ip, sp);
    let _ = rt.os.console_flush();
    let _ = rt.os.stderr(&report);
    let _ = rt.os.console_flush();
    std::process::exit(FATAL_EXIT_CODE)
}

/// The report of a fault in native code at `ip` touching `address`, with
/// the stack pointer `sp` of the faulting code.
fn native_fault_report(
    rt: &Runtime,
    thread: &Thread,
    address: usize,
    ip: usize,
    sp: usize,
) -> String {
    let what = match rt.code.try_find(ip) {
        Ok(Some(CodeRange {
            kind: CodeKind::Stub(name),
            ..
        })) => format!("the {name} stub"),
        _ => format!("the runtime's native code at {ip:#x}"),
    };
    let caller = if thread.entry_sp == 0 {
        " (outside managed code)".to_string()
    } else {
        match managed_caller(rt, sp, thread.entry_sp) {
            Some((entry, location)) => format!(" ({entry}, called from {location})"),
            None => " (called from managed code)".to_string(),
        }
    };
    let mut text = format!(
        "fatal error: access violation: {what}{caller} read or wrote the address {address:#x}\n"
    );
    if thread.entry_sp != 0 {
        let trace = crate::eh::overflow_trace(thread);
        if !trace.is_empty() {
            text.push_str(&trace);
            text.push('\n');
        }
    }
    text
}

/// The native entry managed code called, and from where: the first word
/// on the stack above `sp` (and below the innermost entry record `limit`)
/// that is a return address into a JIT-compiled method right after a call
/// instruction whose target the runtime knows (`mov rax, imm64; call rax`
/// or `call rel32`, how generated code calls helpers, FCalls, QCalls and
/// stubs). For the report only.
fn managed_caller(rt: &Runtime, sp: usize, limit: usize) -> Option<(String, String)> {
    let end = limit.min(sp.saturating_add(CALLER_SEARCH));
    let mut at = sp & !7;
    while at + 8 <= end {
        // SAFETY: [sp, entry_sp) is the faulting thread's live stack.
        let word = unsafe { *(at as *const usize) };
        at += 8;
        let Some(code) = rt.code.method_code(word) else {
            continue;
        };
        let Some(target) = call_target(code.start, word) else {
            continue;
        };
        return Some((entry_name(rt, target), managed_location(&code, word)));
    }
    None
}

/// The target of the call instruction that ends right before `ret`
/// (inside a method starting at `start`), if it is one generated code uses.
fn call_target(start: usize, ret: usize) -> Option<usize> {
    // SAFETY: (all reads) the bytes lie inside the method's published code,
    // between its start and the return address.
    let byte = |a: usize| unsafe { *(a as *const u8) };
    if ret >= start + 12 && byte(ret - 2) == 0xFF && byte(ret - 1) == 0xD0 {
        // mov rax, imm64 (48 B8 imm64); call rax (FF D0)
        if byte(ret - 12) == 0x48 && byte(ret - 11) == 0xB8 {
            // SAFETY: as above; unaligned 8-byte immediate.
            return Some(unsafe { ((ret - 10) as *const usize).read_unaligned() });
        }
    }
    if ret >= start + 5 && byte(ret - 5) == 0xE8 {
        // SAFETY: as above.
        let rel = unsafe { ((ret - 4) as *const i32).read_unaligned() };
        return Some(ret.wrapping_add_signed(rel as isize));
    }
    None
}

/// What native entry lives at `target`: a JIT helper (its wrapper), an
/// FCall, a QCall or a stub.
fn entry_name(rt: &Runtime, target: usize) -> String {
    if let Some((h, _)) = rt.stubs.helpers.iter().find(|(_, &a)| a == target) {
        return format!("in the JIT helper {h:?}");
    }
    if let Some(f) = crate::fcall::FCALLS
        .iter()
        .find(|f| f.address as usize == target)
    {
        return format!("in the FCall {}::{}", f.class, f.method);
    }
    if let Some(q) = osprey_qcall::ENTRIES
        .iter()
        .find(|q| q.address as usize == target)
    {
        return format!("in the QCall {}", q.name);
    }
    match rt.code.find(target) {
        Some(CodeRange {
            kind: CodeKind::Stub(name),
            ..
        }) => format!("in the {name} stub"),
        Some(CodeRange {
            kind: CodeKind::Method(m),
            ..
        }) => format!("in a call of {}", m.method.full_name()),
        None => format!("in native code at {target:#x}"),
    }
}
