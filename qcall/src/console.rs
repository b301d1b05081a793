//! `System.Console` QCalls: standard input through the kernel's
//! `ConsoleService.Read` (ABI v5).

use crate::os::{negated, os};
use crate::run;

/// `Console_Read(byte* buffer, int count)`: reads at most `count` bytes of
/// standard input into `buffer` (pinned by the managed caller), blocking in
/// preemptive mode until some are available. Returns the number read, 0 at
/// the end of the input, or a negated kernel status.
pub(crate) extern "C" fn read(buffer: *mut u8, count: i32) -> i32 {
    run(0, || {
        let Ok(len) = usize::try_from(count) else {
            return Ok(negated(osprey_kernel::Status::InvalidArgument) as i32);
        };
        if buffer.is_null() && len != 0 {
            return Ok(negated(osprey_kernel::Status::InvalidArgument) as i32);
        }
        let buf: &mut [u8] = if len == 0 {
            &mut []
        } else {
            // SAFETY: the managed caller passes a pinned buffer of at least
            // `count` bytes, live for the call.
            unsafe { std::slice::from_raw_parts_mut(buffer, len) }
        };
        Ok(match os()?.console_read(buf) {
            Ok(n) => i32::try_from(n).unwrap_or(i32::MAX),
            Err(e) => negated(e.status) as i32,
        })
    })
}
