//! What the runtime provides to QCalls.
//!
//! QCalls sit below the VM, so the VM hands them an interface in the spirit
//! of Nemesis's closures (state + table of functions): a [`Services`] value
//! installed per OS thread while that thread runs managed code. QCalls reach
//! it through the free functions here.

use std::cell::Cell;
use std::ffi::c_void;

use crate::{ExceptionKind, QCallError};

/// The runtime's services for QCalls on one thread.
#[derive(Copy, Clone)]
pub struct Services {
    /// The runtime's per-thread state (opaque here).
    pub context: *mut c_void,
    /// Allocates a string holding `units` (in cooperative mode) and stores it
    /// into the managed local at `slot`.
    pub set_string: unsafe fn(
        context: *mut c_void,
        slot: *mut *mut u8,
        units: &[u16],
    ) -> Result<(), QCallError>,
    /// Stores an object reference (or null) into the managed local at `slot`
    /// (in cooperative mode).
    pub set_object: unsafe fn(
        context: *mut c_void,
        slot: *mut *mut u8,
        object: *mut u8,
    ) -> Result<(), QCallError>,
    /// Records an error to raise when the QCall returns.
    pub raise: unsafe fn(context: *mut c_void, error: QCallError),
}

thread_local! {
    static CURRENT: Cell<Option<Services>> = const { Cell::new(None) };
    /// What the runtime keeps for this OS thread until it exits: the thread
    /// record of a thread C started (dropped, and so released, at exit).
    static ADOPTED: std::cell::RefCell<Option<Box<dyn std::any::Any>>> =
        const { std::cell::RefCell::new(None) };
}

/// Keeps `owner` until the current OS thread exits (then drops it). The
/// runtime gives a thread it attached on a callback from C its record this
/// way. A second call replaces (and drops) the first owner.
pub fn adopt(owner: Box<dyn std::any::Any>) {
    let old = ADOPTED.with(|a| a.borrow_mut().replace(owner));
    drop(old);
}

/// Installs the services for the current thread; returns the previous ones.
pub fn install(services: Option<Services>) -> Option<Services> {
    CURRENT.with(|c| c.replace(services))
}

/// The context of the services installed on the current thread (null if none).
pub fn installed_context() -> *mut c_void {
    CURRENT.with(|c| c.get().map_or(std::ptr::null_mut(), |s| s.context))
}

fn current() -> Result<Services, QCallError> {
    CURRENT.with(|c| c.get()).ok_or_else(|| {
        QCallError::new(
            ExceptionKind::InvalidOperation,
            "a QCall ran on a thread that is not running managed code",
        )
    })
}

/// See [`Services::set_string`].
pub(crate) fn set_string(slot: *mut *mut u8, units: &[u16]) -> Result<(), QCallError> {
    let s = current()?;
    // SAFETY: the installed services belong to this thread's runtime, and
    // `slot` comes from a handle the runtime passed to the running QCall.
    unsafe { (s.set_string)(s.context, slot, units) }
}

/// See [`Services::set_object`].
pub(crate) fn set_object(slot: *mut *mut u8, object: *mut u8) -> Result<(), QCallError> {
    let s = current()?;
    // SAFETY: as for set_string.
    unsafe { (s.set_object)(s.context, slot, object) }
}

/// Records `error` for the runtime to raise after the QCall returns.
pub fn raise(error: QCallError) {
    if let Ok(s) = current() {
        // SAFETY: the installed services belong to this thread's runtime.
        unsafe { (s.raise)(s.context, error) }
    }
}
