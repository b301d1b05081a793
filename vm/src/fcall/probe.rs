//! Internal calls of `Osprey.TransitionProbe`, the corelib class that the
//! transition benchmarks and the internal-call tests use. Each exercises one
//! FCall shape.

use crate::frames::{protected, HelperFrame};
use crate::object::{self, ObjectRef};
use crate::runtime::{guard, RuntimeError};
use crate::thread::Thread;

/// `static int FCallNop(int x)`: returns `x + 1`. The cheapest FCall.
pub(super) extern "C" fn fcall_nop(x: i32) -> i32 {
    x.wrapping_add(1)
}

/// `static int FCallHelperFrameNop(int x)`: erects a helper frame, returns `x + 1`.
/// Measures the cost of the frame itself.
pub(super) extern "C" fn fcall_helper_frame_nop(thread: &mut Thread, x: i32) -> i32 {
    HelperFrame::run(thread, &mut [], |_, _| x.wrapping_add(1))
}

/// `static string FCallRepeat(string s, int times)`: `s` repeated `times`
/// times. Allocates under a helper frame while `s` is protected: the
/// GCPROTECT pattern (a collection during the allocation may move `s`; the
/// frame's roots are updated, so the copy reads it from `roots[0]`).
pub(super) extern "C" fn fcall_repeat(thread: &mut Thread, s: *mut u8, times: i32) -> *mut u8 {
    guard(thread, std::ptr::null_mut(), |thread| {
        if s.is_null() {
            thread.raise(RuntimeError::managed("System.ArgumentNullException", None));
            return std::ptr::null_mut();
        }
        if times < 0 {
            thread.raise(RuntimeError::managed(
                "System.ArgumentOutOfRangeException",
                None,
            ));
            return std::ptr::null_mut();
        }
        HelperFrame::run(thread, &mut [s], |thread, roots| {
            // SAFETY: `s` is a string (the managed signature says so).
            let len = unsafe { protected(roots, 0).map_or(0, |o| o.length()) };
            let total = len.saturating_mul(times as usize);
            let result = match thread.runtime().alloc_string(thread, total) {
                Ok(r) => r,
                Err(e) => {
                    thread.raise(e);
                    return std::ptr::null_mut();
                }
            };
            // Re-read the source from the protected root: the allocation may have moved it.
            let src = protected(roots, 0).expect("checked non-null above");
            for i in 0..times as usize {
                // SAFETY: both are strings; the result has room for len * times characters.
                unsafe {
                    std::ptr::copy_nonoverlapping(
                        src.as_ptr().add(object::STRING_DATA_OFFSET) as *const u16,
                        (result.as_ptr().add(object::STRING_DATA_OFFSET) as *mut u16).add(i * len),
                        len,
                    )
                };
            }
            result.as_ptr()
        })
    })
}

/// `static string FCallAsString(object o)`: an FCall returning an object
/// without allocating or erecting a frame: `o` itself when it is a string,
/// else null.
pub(super) extern "C" fn fcall_as_string(o: *mut u8) -> *mut u8 {
    match ObjectRef::from_raw(o) {
        Some(obj)
            if obj
                .method_table()
                .has(crate::loader::types::mt_flags::STRING) =>
        {
            o
        }
        _ => std::ptr::null_mut(),
    }
}

#[cfg(test)]
mod tests {
    /// docs/internal-calls.md shows `fcall_repeat` as its helper-frame
    /// example; the text there must be this file's code, so that it
    /// compiles as written.
    #[test]
    fn the_documented_helper_frame_example_is_this_code() {
        let doc = include_str!("../../../docs/internal-calls.md");
        let source = include_str!("probe.rs");
        let begin = "<!-- helper-frame-example: begin -->\n```rust\n";
        let end = "```\n<!-- helper-frame-example: end -->";
        let start = doc.find(begin).expect("the begin marker") + begin.len();
        let stop = doc[start..].find(end).expect("the end marker") + start;
        let example = &doc[start..stop];
        assert!(
            example.lines().count() > 10 && source.contains(example),
            "docs/internal-calls.md's helper-frame example differs from vm/src/fcall/probe.rs:\n{example}"
        );
    }
}
