//! `System.Environment` FCalls: ending the process, the exit code of a
//! `void Main`, and the current stack trace.

use crate::frames::HelperFrame;
use crate::runtime::{guard, RuntimeError};
use crate::thread::Thread;

/// `static void Environment.ExitCore(int exitCode)`: records `exit_code`
/// with the kernel (`ProcessService.Terminate`, through
/// `Runtime::request_exit`, which also makes every other thread leave
/// managed code at its next safepoint) and abandons the calling thread's
/// managed frames: no `finally` block or filter runs, as in .NET Core.
pub(super) extern "C" fn exit(thread: &mut Thread, exit_code: i32) {
    guard(thread, (), |thread| {
        thread.runtime().request_exit(exit_code);
        thread.raise_fatal(RuntimeError::Exited(exit_code));
    })
}

/// `static void Environment.SetExitCodeCore(int exitCode)`: the exit code
/// the process ends with when `Main` returns `void`.
pub(super) extern "C" fn set_exit_code(thread: &mut Thread, exit_code: i32) {
    guard(thread, (), |thread| {
        thread.runtime().set_void_main_exit_code(exit_code)
    })
}

/// `static string Environment.GetStackTraceCore()`: the calling thread's
/// managed frames, innermost (`Environment.get_StackTrace`) first, in the
/// format of `Exception.StackTrace`. Allocates under a helper frame.
pub(super) extern "C" fn get_stack_trace(thread: &mut Thread) -> *mut u8 {
    guard(thread, std::ptr::null_mut(), |thread| {
        HelperFrame::run(thread, |thread| {
            let (frames, _) = crate::eh::current_frames(thread, usize::MAX);
            let rt = thread.runtime();
            // SAFETY: the pairs were built from this runtime's method
            // descriptors by the stack walk.
            let text = unsafe { crate::eh::format_stack_trace(rt, &frames) };
            match rt.new_string(thread, &text) {
                Ok(s) => s.get(thread).as_ptr(),
                Err(e) => {
                    thread.raise(e);
                    std::ptr::null_mut()
                }
            }
        })
    })
}
