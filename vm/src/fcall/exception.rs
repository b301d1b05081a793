//! FCalls of `System.Exception`.

use crate::frames::HelperFrame;
use crate::rooted::Unrooted;
use crate::runtime::guard;
use crate::thread::Thread;

/// `static string Exception.FormatStackTrace(IntPtr[] trace)`: the text of
/// a stack trace the exception dispatcher recorded (see vm/src/eh/trace.rs).
pub(super) extern "C" fn format_stack_trace(thread: &mut Thread, trace: *mut u8) -> *mut u8 {
    guard(thread, std::ptr::null_mut(), |thread| {
        // SAFETY: `trace` is null or an object reference managed code passed in.
        let Some(trace) = (unsafe { Unrooted::from_raw(thread, trace) }) else {
            return std::ptr::null_mut();
        };
        let rt = thread.runtime();
        // SAFETY: `_stackTrace` is only ever set by the dispatcher, to an
        // IntPtr[] of (method descriptor, IL offset) pairs of this runtime;
        // the text is built before anything can move the array.
        let text = unsafe {
            let data =
                std::slice::from_raw_parts(trace.array_data() as *const isize, trace.length());
            crate::eh::format_stack_trace(rt, data)
        };
        HelperFrame::run(thread, |thread| match rt.new_string(thread, &text) {
            Ok(s) => s.get(thread).as_ptr(),
            Err(e) => {
                thread.raise(e);
                std::ptr::null_mut()
            }
        })
    })
}
