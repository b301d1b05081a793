//! `System.Console` internal calls.

use crate::rooted::Unrooted;
use crate::runtime::guard;
use crate::thread::Thread;

/// `static void Console.InternalWrite(int stream, string value)`: writes the
/// string, as UTF-8, to the process's stdout (1) or stderr (2) through the
/// kernel's console service.
pub(super) extern "C" fn internal_write(thread: &mut Thread, stream: i32, value: *mut u8) {
    guard(thread, (), |thread| {
        // SAFETY: `value` is null or an object reference managed code passed in.
        let Some(s) = (unsafe { Unrooted::from_raw(thread, value) }) else {
            return;
        };
        let stream = if stream == 2 {
            osprey_kernel::stream::STDERR
        } else {
            osprey_kernel::stream::STDOUT
        };
        // SAFETY: the JIT passes a `string` argument, so `s` is a String; the
        // text is converted before anything else runs.
        let text = unsafe { s.string_to_rust() };
        if let Err(e) = thread.runtime().os.console_write(stream, text.as_bytes()) {
            thread.raise(crate::runtime::RuntimeError::Os(e));
        }
    })
}
