//! QCalls of `Osprey.TransitionProbe`, the corelib class the transition
//! benchmarks and tests use: each exercises one part of the QCall machinery.

use crate::{run, Bool, QCallError, StringHandleOnStack, Utf16Ptr};

/// Returns `x + 1`: the cheapest possible QCall.
pub(crate) extern "C" fn qcall_nop(x: i32) -> i32 {
    x.wrapping_add(1)
}

/// Raises `InvalidOperationException(message)` in managed code after returning.
pub(crate) extern "C" fn qcall_raise(message: Utf16Ptr) -> i32 {
    run(0, || {
        // SAFETY: called as a QCall: `message` is pinned for the call.
        let text = unsafe { message.to_string_lossy() }.unwrap_or_default();
        Err(QCallError::new("System.InvalidOperationException", text))
    })
}

/// Panics inside the QCall body; the panic must surface as a managed exception.
pub(crate) extern "C" fn qcall_panic(x: i32) -> i32 {
    run(0, || {
        if x >= 0 {
            panic!("deliberate panic in a QCall (x = {x})");
        }
        Ok(x)
    })
}

/// Returns `prefix + text` through a StringHandleOnStack (string in, string out).
pub(crate) extern "C" fn qcall_echo(prefix: Utf16Ptr, text: Utf16Ptr, result: StringHandleOnStack) {
    run((), || {
        // SAFETY: called as a QCall: both strings are pinned for the call.
        let (p, t) = unsafe { (prefix.to_string_lossy(), text.to_string_lossy()) };
        match t {
            None => result.set(None),
            Some(t) => result.set(Some(&format!("{}{}", p.unwrap_or_default(), t))),
        }
    })
}

/// BOOL in and out: whether `x` is even, or its negation when `invert` is true.
pub(crate) extern "C" fn qcall_is_even(x: i32, invert: Bool) -> Bool {
    Bool::from((x % 2 == 0) != bool::from(invert))
}
