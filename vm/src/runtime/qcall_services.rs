//! The runtime's side of [`osprey_qcall::services`]: what a QCall (running in
//! preemptive mode) may ask of the runtime.

use std::ffi::c_void;

use osprey_qcall::services::Services;
use osprey_qcall::{QCallError, QCallErrorKind};

use super::RuntimeError;
use crate::object;
use crate::thread::Thread;
use crate::typesystem::ExceptionKind;

/// The services for `thread`.
pub(crate) fn services_for(thread: *mut Thread) -> Services {
    Services {
        context: thread as *mut c_void,
        set_string,
        set_object,
        raise,
    }
}

/// # Safety
/// `context` is the thread record these services were created for, and the
/// call happens on its OS thread during a QCall.
unsafe fn thread_of<'a>(context: *mut c_void) -> &'a mut Thread {
    // SAFETY: caller's contract.
    unsafe { &mut *(context as *mut Thread) }
}

unsafe fn set_string(
    context: *mut c_void,
    slot: *mut *mut u8,
    units: &[u16],
) -> Result<(), QCallError> {
    // SAFETY: forwarded contract (see `thread_of`).
    let thread = unsafe { thread_of(context) };
    thread.cooperative(|thread| {
        let s = thread
            .runtime()
            .alloc_string(thread, units.len())
            .map_err(|_| {
                QCallError::new(
                    ExceptionKind::OutOfMemory,
                    "out of memory allocating a string",
                )
            })?;
        // SAFETY: `s` has room for units.len() characters; `slot` is the
        // address of a GC-reported local of the QCall's managed caller.
        unsafe {
            std::ptr::copy_nonoverlapping(
                units.as_ptr(),
                s.as_ptr().add(object::STRING_DATA_OFFSET) as *mut u16,
                units.len(),
            );
            *slot = s.as_ptr();
        }
        Ok(())
    })
}

unsafe fn set_object(
    context: *mut c_void,
    slot: *mut *mut u8,
    obj: *mut u8,
) -> Result<(), QCallError> {
    // SAFETY: forwarded contract (see `thread_of`).
    let thread = unsafe { thread_of(context) };
    thread.cooperative(|_| {
        // SAFETY: `slot` is the address of a GC-reported local of the caller.
        unsafe { *slot = obj };
        Ok(())
    })
}

unsafe fn raise(context: *mut c_void, error: QCallError) {
    // SAFETY: forwarded contract (see `thread_of`).
    let thread = unsafe { thread_of(context) };
    let error = thread.cooperative(|thread| qcall_exception(thread.runtime(), error));
    thread.raise(error);
}

/// The managed exception a QCall's error becomes (or, for a process being
/// stopped, the error that abandons the thread's managed frames).
pub(crate) fn qcall_exception(rt: &super::Runtime, error: QCallError) -> RuntimeError {
    let QCallError {
        message,
        param_name,
        kind,
    } = error;
    let exception = match kind {
        QCallErrorKind::Exception(exception) => exception,
        // A kernel wait returned Stopped: abandon the managed frames.
        QCallErrorKind::ProcessStopping => {
            return RuntimeError::Exited(rt.exit_requested().unwrap_or(1))
        }
    };
    let mut text = message.unwrap_or_else(|| exception.default_message().to_string());
    if let Some(p) = param_name.filter(|p| !p.is_empty()) {
        // What System.ArgumentException.Message prints (mono's format).
        text.push_str("\nParameter name: ");
        text.push_str(p);
    }
    RuntimeError::managed(exception, Some(text))
}
