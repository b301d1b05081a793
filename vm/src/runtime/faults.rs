//! Hardware faults in JIT-compiled code (the kernel's `FaultService`).
//!
//! Null references are found by explicit checks in JIT-compiled code; what
//! those checks do not cover is a dereference of an unmanaged pointer in
//! unsafe code (`int* p = null; *p = 1`). Each thread that runs managed
//! code registers [`fault_handler`] with the kernel; on a fault whose
//! instruction lies in a JIT-compiled method it records the fault in the
//! thread record and redirects the thread to the fault stub, which calls
//! [`fault`] as a helper called from the faulting instruction:
//!
//! * an address in the first 64 KiB raises NullReferenceException, as the
//!   CLR (and mono) do;
//! * any other address is a fatal error naming the address, with the
//!   managed stack trace (the CLR's AccessViolationException cannot be
//!   caught either; mono crashes).
//!
//! Faults anywhere else (the runtime's own code) are declined and end the
//! process as they would have.

use std::ffi::c_void;

use osprey_kernel::services::fault_service::FaultContext;

use super::helpers::guard;
use super::RuntimeError;
use crate::thread::Thread;

/// Addresses below this are null references (a null object or pointer plus
/// a field or element offset).
const NULL_PAGE_LIMIT: usize = 64 << 10;

/// The kernel calls this in signal context, on the faulting thread, with
/// the thread's record as `user`. It only reads the code heap's table of
/// methods (the faulting thread holds no lock: it was running generated
/// code) and changes registers.
pub(crate) unsafe extern "C" fn fault_handler(user: *mut c_void, ctx: *mut FaultContext) -> u32 {
    if user.is_null() || ctx.is_null() {
        return 0;
    }
    // SAFETY: the record registered itself (Runtime::new_thread) and
    // unregisters before it is freed; the kernel passes a valid context.
    let (thread, ctx) = unsafe { (&mut *(user as *mut Thread), &mut *ctx) };
    let rt = thread.runtime();
    if rt.code.method_code(ctx.ip).is_none() {
        return 0;
    }
    // The registers stay as they were (optimized code may hold a caller's
    // values in any callee-saved register): the stub finds the fault in
    // the thread record.
    thread.fault_address = ctx.address;
    thread.fault_ip = ctx.ip;
    ctx.ip = rt.stubs.fault;
    1
}

/// The fault helper: raises what a fault at `address` means.
pub(super) extern "C" fn fault(thread: &mut Thread, address: usize) {
    guard(thread, (), |thread| {
        if address < NULL_PAGE_LIMIT {
            thread.raise(RuntimeError::managed("System.NullReferenceException", None));
        } else {
            let trace = crate::eh::overflow_trace(thread);
            thread.raise_fatal(RuntimeError::AccessViolation { address, trace });
        }
    })
}
