//! The runtime's side of [`osprey_qcall::services`]: what a QCall (running in
//! preemptive mode) may ask of the runtime.

use std::ffi::c_void;

use osprey_qcall::services::Services;
use osprey_qcall::QCallError;

use super::RuntimeError;
use crate::object::{self, ObjectRef};
use crate::thread::Thread;

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
                    "System.OutOfMemoryException",
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
        debug_assert!(obj.is_null() || ObjectRef::from_raw(obj).is_some());
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

/// The managed exception a QCall's error becomes: its type must be an
/// exception class corelib defines. Anything else is a bug in the QCall,
/// reported as an internal error naming the bad type (not as whatever
/// failure creating an exception of a missing type would cause later).
pub(crate) fn qcall_exception(rt: &super::Runtime, error: QCallError) -> RuntimeError {
    let QCallError {
        exception,
        message,
        param_name,
        kind,
    } = error;
    if kind == osprey_qcall::QCallErrorKind::ProcessStopping {
        // A kernel wait returned Stopped: abandon the managed frames.
        return RuntimeError::Exited(rt.exit_requested().unwrap_or(1));
    }
    let (namespace, name) = exception.rsplit_once('.').unwrap_or(("", exception));
    let found = rt.loader().corelib_type(namespace, name);
    match found {
        Ok(t) if t.is_subclass_of(rt.well_known().exception) => {}
        Ok(_) => {
            return RuntimeError::Internal(format!(
                "a QCall raised '{exception}', which is not an exception type (it does not derive from System.Exception); message: {}",
                message.as_deref().unwrap_or("<none>")
            ))
        }
        Err(_) => {
            return RuntimeError::Internal(format!(
                "a QCall raised the exception type '{exception}', which corelib does not define (QCallError::new needs the full name of a corelib exception class, such as System.ArgumentException); message: {}",
                message.as_deref().unwrap_or("<none>")
            ))
        }
    }
    let mut text = message.unwrap_or_else(|| super::default_message(exception));
    if let Some(p) = param_name.filter(|p| !p.is_empty()) {
        // What System.ArgumentException.Message prints (mono's format).
        text.push_str("\nParameter name: ");
        text.push_str(p);
    }
    RuntimeError::managed(exception, Some(text))
}
