//! `System.Environment` FCalls: the exit code of a `void Main`, and the
//! current stack trace. (`Environment.Exit` is the `Environment_Exit`
//! QCall: `ProcessService::Stop`.)

use crate::frames::HelperFrame;
use crate::runtime::guard;
use crate::thread::Thread;

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
