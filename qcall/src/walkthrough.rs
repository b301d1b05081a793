//! `Osprey.Walkthrough` QCalls: the QCall of the walkthrough in
//! docs/internal-calls.md.

use crate::{run, QCallError, StringHandleOnStack, Utf16Ptr};

/// The longest result `Repeat` builds, in UTF-16 units.
const MAX_UNITS: usize = 1 << 24;

/// `Walkthrough_Repeat(string s, int times, char separator,
/// StringHandleOnStack result)`: `s` repeated `times` times with
/// `separator` between the copies. The managed wrapper has rejected a null
/// `s` and a negative `times`; a result over 16 Mi units is an
/// `ArgumentOutOfRangeException` raised from here, after the transition
/// back.
pub(crate) extern "C" fn repeat(
    s: Utf16Ptr,
    times: i32,
    separator: u16,
    result: StringHandleOnStack,
) {
    run((), || {
        // SAFETY: called as a QCall: `s` is pinned for the call.
        let units = unsafe { s.units() }.ok_or_else(|| QCallError::argument_null("s"))?;
        let times = usize::try_from(times).map_err(|_| {
            QCallError::argument_out_of_range("times", "times must not be negative")
        })?;
        let total = (units.len() + 1)
            .checked_mul(times)
            .filter(|n| *n <= MAX_UNITS + 1)
            .ok_or_else(|| {
                QCallError::argument_out_of_range("times", "the result would be too long")
            })?;
        let mut out = Vec::with_capacity(total);
        for i in 0..times {
            if i > 0 {
                out.push(separator);
            }
            out.extend_from_slice(units);
        }
        result.set_utf16(&out)
    })
}
