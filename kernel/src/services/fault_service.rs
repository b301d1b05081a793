//! `FaultService` (ABI v2): hardware faults (SIGSEGV, SIGBUS) in code a
//! runtime generated.
//!
//! A runtime that generates code registers a handler for each thread that
//! runs it. When that thread faults, the kernel's signal handler gives the
//! registered handler a [`FaultContext`]: the faulting address, the
//! instruction and the registers the handler may need. The handler either
//! declines (returns 0: the fault is not in its code) or redirects the
//! thread (returns 1 after changing `ip`, `rdi` and `rsi`): execution
//! resumes there, as if the faulting instruction had been a jump, on the
//! thread's own stack. A runtime uses this to turn a null dereference in
//! JIT-compiled code into its managed NullReferenceException.
//!
//! Declined faults go to the handler that was installed before the kernel's
//! (Rust's own stack-overflow reporter, for instance), or to the default
//! action. The handler runs in signal context: it must not take locks that
//! the faulting code could hold, allocate, or unwind.

use std::cell::Cell;
use std::ffi::c_void;
use std::sync::Once;

use super::guard;
use crate::Status;

/// What a fault handler sees, and may change, of the faulting thread.
#[repr(C)]
#[derive(Copy, Clone, Debug, Default, PartialEq, Eq)]
pub struct FaultContext {
    /// The address whose access faulted.
    pub address: usize,
    /// The faulting instruction (the handler may redirect it).
    pub ip: usize,
    /// The stack pointer at the fault.
    pub sp: usize,
    /// The frame pointer (RBP) at the fault.
    pub fp: usize,
    /// RDI (the handler may set it for the code it redirects to).
    pub rdi: usize,
    /// RSI (likewise).
    pub rsi: usize,
}

/// A registered fault handler: `user` is the value given at registration.
/// Returns 1 to resume with the (changed) context, 0 to decline.
pub type FaultHandler = unsafe extern "C" fn(user: *mut c_void, ctx: *mut FaultContext) -> u32;

thread_local! {
    /// The calling thread's handler and its user value (0 for none). A
    /// const-initialized cell without a destructor: readable from a signal
    /// handler.
    static HANDLER: Cell<(usize, usize)> = const { Cell::new((0, 0)) };
}

/// The actions that were installed before the kernel's (for chaining).
static mut PREVIOUS: [Option<libc::sigaction>; 2] = [None, None];
static INSTALL: Once = Once::new();

/// `FaultService::SetThreadFaultHandler`: registers `handler` (or, with
/// null, removes the registration) for faults on the calling thread, with
/// `user` passed back to it. The kernel's signal handler is installed the
/// first time anyone registers.
///
/// Returns `Ok`, `OsError` (the signal handler could not be installed).
///
/// # Safety
/// `handler`, when not null, must follow the contract of [`FaultHandler`]
/// for as long as it is registered, and `user` must stay valid for it.
pub unsafe extern "C" fn set_thread_fault_handler(
    handler: Option<FaultHandler>,
    user: *mut c_void,
) -> Status {
    guard(|| {
        if handler.is_some() {
            install()?;
        }
        let value = handler.map_or((0, 0), |h| (h as usize, user as usize));
        HANDLER.with(|c| c.set(value));
        Ok(())
    })
}

fn install() -> Result<(), Status> {
    let mut result = Ok(());
    INSTALL.call_once(|| {
        for (i, sig) in [libc::SIGSEGV, libc::SIGBUS].into_iter().enumerate() {
            // SAFETY: a zeroed sigaction is a valid starting point; the
            // handler has the SA_SIGINFO signature; PREVIOUS is written
            // only here, once, before any fault can reach on_fault with a
            // registered handler.
            unsafe {
                let mut action: libc::sigaction = std::mem::zeroed();
                action.sa_sigaction = on_fault as *const () as usize;
                action.sa_flags = libc::SA_SIGINFO | libc::SA_ONSTACK;
                libc::sigemptyset(&mut action.sa_mask);
                let mut old: libc::sigaction = std::mem::zeroed();
                if libc::sigaction(sig, &action, &mut old) != 0 {
                    result = Err(Status::OsError);
                    return;
                }
                PREVIOUS[i] = Some(old);
            }
        }
    });
    result
}

extern "C" fn on_fault(sig: libc::c_int, info: *mut libc::siginfo_t, uctx: *mut c_void) {
    let (handler, user) = HANDLER.try_with(|c| c.get()).unwrap_or((0, 0));
    if handler != 0 && !uctx.is_null() && !info.is_null() {
        // SAFETY: the kernel passes a valid ucontext and siginfo to an
        // SA_SIGINFO handler; gregs is the x86-64 register file.
        unsafe {
            let uc = &mut *(uctx as *mut libc::ucontext_t);
            let gregs = &mut uc.uc_mcontext.gregs;
            let mut ctx = FaultContext {
                address: (*info).si_addr() as usize,
                ip: gregs[libc::REG_RIP as usize] as usize,
                sp: gregs[libc::REG_RSP as usize] as usize,
                fp: gregs[libc::REG_RBP as usize] as usize,
                rdi: gregs[libc::REG_RDI as usize] as usize,
                rsi: gregs[libc::REG_RSI as usize] as usize,
            };
            let h: FaultHandler = std::mem::transmute::<usize, FaultHandler>(handler);
            if h(user as *mut c_void, &mut ctx) == 1 {
                gregs[libc::REG_RIP as usize] = ctx.ip as i64;
                gregs[libc::REG_RDI as usize] = ctx.rdi as i64;
                gregs[libc::REG_RSI as usize] = ctx.rsi as i64;
                return;
            }
        }
    }
    chain(sig, info, uctx);
}

/// Passes a declined fault to the previous action, or restores the default
/// action so that the faulting instruction, executed again, ends the
/// process as it would have without the kernel's handler.
fn chain(sig: libc::c_int, info: *mut libc::siginfo_t, uctx: *mut c_void) {
    let i = usize::from(sig == libc::SIGBUS);
    // SAFETY: PREVIOUS was written once, before the handler was installed.
    let previous = unsafe { (*std::ptr::addr_of!(PREVIOUS))[i] };
    if let Some(old) = previous {
        let f = old.sa_sigaction;
        if f != libc::SIG_DFL && f != libc::SIG_IGN {
            if old.sa_flags & libc::SA_SIGINFO != 0 {
                // SAFETY: an SA_SIGINFO handler installed by someone else,
                // called as the kernel would have.
                let h: extern "C" fn(libc::c_int, *mut libc::siginfo_t, *mut c_void) =
                    unsafe { std::mem::transmute(f) };
                h(sig, info, uctx);
            } else {
                // SAFETY: a plain handler installed by someone else.
                let h: extern "C" fn(libc::c_int) = unsafe { std::mem::transmute(f) };
                h(sig);
            }
            return;
        }
    }
    // SAFETY: resetting a signal to its default action.
    unsafe {
        let mut action: libc::sigaction = std::mem::zeroed();
        action.sa_sigaction = libc::SIG_DFL;
        libc::sigaction(sig, &action, std::ptr::null_mut());
    }
}
