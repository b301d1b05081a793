//! Internal calls of `Osprey.TransitionProbe`, the corelib class that the
//! transition benchmarks and the internal-call tests use. Each exercises one
//! FCall shape.

use crate::frames::HelperFrame;
use crate::object::{self, ObjectRef};
use crate::rooted::Unrooted;
use crate::runtime::{guard, RuntimeError};
use crate::thread::Thread;
use crate::typesystem::ExceptionKind;

/// `static int FCallNop(int x)`: returns `x + 1`. The cheapest FCall.
pub(super) extern "C" fn fcall_nop(x: i32) -> i32 {
    x.wrapping_add(1)
}

/// `static int FCallHelperFrameNop(int x)`: erects a helper frame, returns `x + 1`.
/// Measures the cost of the frame itself.
pub(super) extern "C" fn fcall_helper_frame_nop(thread: &mut Thread, x: i32) -> i32 {
    HelperFrame::run(thread, |_| x.wrapping_add(1))
}

/// `static string FCallRepeat(string s, int times)`: `s` repeated `times`
/// times. Allocates under a helper frame with `s` rooted: a collection
/// during the allocation may move `s`, and the root follows it, so the
/// copy reads `s` where it is after the allocation. (The bare argument is
/// shadowed by its root, and an `Unrooted` read before the allocation
/// could not be used after it: it borrows the thread.)
pub(super) extern "C" fn fcall_repeat(thread: &mut Thread, s: *mut u8, times: i32) -> *mut u8 {
    guard(thread, std::ptr::null_mut(), |thread| {
        // SAFETY: `s` is null or an object reference managed code passed in.
        let Some(s) = unsafe { Unrooted::from_raw(thread, s) }.map(|s| thread.root(s)) else {
            thread.raise(RuntimeError::managed(ExceptionKind::ArgumentNull, None));
            return std::ptr::null_mut();
        };
        if times < 0 {
            thread.raise(RuntimeError::managed(
                ExceptionKind::ArgumentOutOfRange,
                None,
            ));
            return std::ptr::null_mut();
        }
        HelperFrame::run(thread, |thread| {
            // SAFETY: `s` is a string (the managed signature says so).
            let len = unsafe { s.get(thread).length() };
            let total = len.saturating_mul(times as usize);
            let result = match thread.runtime().new_zeroed_string(thread, total) {
                Ok(r) => r,
                Err(e) => {
                    thread.raise(e);
                    return std::ptr::null_mut();
                }
            };
            let (src, dst) = (s.get(thread), result.get(thread));
            for i in 0..times as usize {
                // SAFETY: both are strings; the result has room for len * times characters.
                unsafe {
                    std::ptr::copy_nonoverlapping(
                        src.as_ptr().add(object::STRING_DATA_OFFSET) as *const u16,
                        (dst.as_ptr().add(object::STRING_DATA_OFFSET) as *mut u16).add(i * len),
                        len,
                    )
                };
            }
            dst.as_ptr()
        })
    })
}

/// `static string FCallAsString(object o)`: an FCall returning an object
/// without allocating or erecting a frame: `o` itself when it is a string,
/// else null.
pub(super) extern "C" fn fcall_as_string(o: *mut u8) -> *mut u8 {
    // SAFETY: `o` is null or an object reference managed code passed in.
    match unsafe { ObjectRef::from_raw(o) } {
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

/// `static int FaultProbe.ReadNative(long address)`: the byte at
/// `address`, read by native code. For tests of fault reports: a bad
/// address faults here, in Rust called from managed code, and the runtime
/// must end the program with its fatal-error report (runtime/faults.rs).
pub(super) extern "C" fn read_native(address: i64) -> i32 {
    // SAFETY: none, on purpose: this probe exists to fault. The volatile
    // read keeps the compiler from assuming anything about `address`.
    i32::from(unsafe { std::ptr::read_volatile(address as usize as *const u8) })
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
