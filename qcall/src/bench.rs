//! QCalls of `Osprey.TransitionProbe`, the corelib class the transition
//! benchmarks and tests use: each exercises one part of the QCall machinery.

use crate::{run, Bool, ExceptionKind, QCallError, StringHandleOnStack, Utf16Ptr};

/// Returns `x + 1`: the cheapest possible QCall.
pub(crate) extern "C" fn qcall_nop(x: i32) -> i32 {
    x.wrapping_add(1)
}

/// Raises `InvalidOperationException(message)` in managed code after returning.
pub(crate) extern "C" fn qcall_raise(message: Utf16Ptr) -> i32 {
    run(0, || {
        // SAFETY: called as a QCall: `message` is pinned for the call.
        let text = unsafe { message.to_string_lossy() }.unwrap_or_default();
        Err(QCallError::new(ExceptionKind::InvalidOperation, text))
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

/// Returns `prefix + text` through a StringHandleOnStack (string in, string
/// out), unit for unit: embedded `'\0'`s and unpaired surrogates survive.
pub(crate) extern "C" fn qcall_echo(prefix: Utf16Ptr, text: Utf16Ptr, result: StringHandleOnStack) {
    run((), || {
        // SAFETY: called as a QCall: both strings are pinned for the call.
        let (p, t) = unsafe { (prefix.units(), text.units()) };
        match t {
            None => result.set_null(),
            Some(t) => result.set_utf16(&[p.unwrap_or_default(), t].concat()),
        }
    })
}

/// Raises an error chosen by `kind`, to test how the runtime turns a
/// [`QCallError`] into an exception: 2 an ArgumentException with a
/// parameter name, 3 an ArgumentNullException, 4 an
/// ArgumentOutOfRangeException; anything else returns `kind`.
pub(crate) extern "C" fn qcall_raise_kind(kind: i32) -> i32 {
    run(0, || match kind {
        2 => Err(QCallError::argument("value", "Must be even.")),
        3 => Err(QCallError::argument_null("value")),
        4 => Err(QCallError::argument_out_of_range("value", "Must be small.")),
        other => Ok(other),
    })
}

/// BOOL in and out: whether `x` is even, or its negation when `invert` is true.
pub(crate) extern "C" fn qcall_is_even(x: i32, invert: Bool) -> Bool {
    Bool::from((x % 2 == 0) != bool::from(invert))
}
