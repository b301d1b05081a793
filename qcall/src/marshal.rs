//! `System.Runtime.InteropServices.Marshal` and the P/Invoke marshaler's
//! QCalls: the C heap (through the kernel's `NativeMemoryService`) and
//! UTF-8 conversions.

use osprey_kernel::client::Os;

use crate::{run, ExceptionKind, QCallError, StringHandleOnStack, Utf16Ptr};

fn os() -> Result<Os, QCallError> {
    Os::resolve().map_err(|e| QCallError::new(ExceptionKind::InvalidOperation, e.to_string()))
}

fn out_of_memory() -> QCallError {
    QCallError::new(
        ExceptionKind::OutOfMemory,
        "Insufficient memory to continue the execution of the program.",
    )
}

/// `Marshal_AllocHGlobal(IntPtr bytes)`: a block of the C heap (at least
/// one byte; freeable by C's `free`). The wrapper rejected negative sizes.
pub(crate) extern "C" fn alloc_hglobal(bytes: usize) -> usize {
    run(0, || {
        Ok(os()?.native_alloc(bytes).map_err(|_| out_of_memory())? as usize)
    })
}

/// `Marshal_ReAllocHGlobal(IntPtr block, IntPtr bytes)`.
pub(crate) extern "C" fn realloc_hglobal(block: usize, bytes: usize) -> usize {
    run(0, || {
        // SAFETY: the block comes from AllocHGlobal or C's malloc (the
        // caller's contract, as in .NET).
        let p = unsafe { os()?.native_realloc(block as *mut u8, bytes) };
        Ok(p.map_err(|_| out_of_memory())? as usize)
    })
}

/// `Marshal_FreeHGlobal(IntPtr block)`.
pub(crate) extern "C" fn free_hglobal(block: usize) {
    run((), || {
        // SAFETY: as for `realloc_hglobal`; null is allowed.
        unsafe { os()?.native_free(block as *mut u8) };
        Ok(())
    })
}

/// `StubHelpers_StringToUtf8(string s)`: a NUL-terminated UTF-8 copy of `s`
/// on the C heap (unpaired surrogates become U+FFFD, as .NET's encoder
/// does), or 0 for null.
pub(crate) extern "C" fn string_to_utf8(s: Utf16Ptr) -> usize {
    run(0, || {
        // SAFETY: called as a QCall: `s` is pinned for the call.
        let Some(units) = (unsafe { s.units() }) else {
            return Ok(0);
        };
        let text = String::from_utf16_lossy(units);
        let os = os()?;
        let p = os
            .native_alloc(text.len() + 1)
            .map_err(|_| out_of_memory())?;
        // SAFETY: `p` has room for the text and its NUL.
        unsafe {
            std::ptr::copy_nonoverlapping(text.as_ptr(), p, text.len());
            p.add(text.len()).write(0);
        }
        Ok(p as usize)
    })
}

/// `StubHelpers_Utf8Length(string s)`: the number of bytes of `s` in UTF-8
/// (as `string_to_utf8` encodes it), without the NUL.
pub(crate) extern "C" fn utf8_length(s: Utf16Ptr) -> i32 {
    run(0, || {
        // SAFETY: called as a QCall: `s` is pinned for the call.
        let Some(units) = (unsafe { s.units() }) else {
            return Ok(0);
        };
        let n: usize = char::decode_utf16(units.iter().copied())
            .map(|c| c.map_or(3, char::len_utf8))
            .sum();
        i32::try_from(n).map_err(|_| out_of_memory())
    })
}

/// `StubHelpers_PtrToStringUtf8(IntPtr p, int length, StringHandleOnStack
/// result)`: the string the UTF-8 bytes at `p` spell (invalid sequences
/// become U+FFFD): `length` bytes, or up to the first NUL when `length` is
/// -1. Null for a null `p`.
pub(crate) extern "C" fn ptr_to_string_utf8(p: usize, length: i32, result: StringHandleOnStack) {
    run((), || {
        if p == 0 {
            return result.set_null();
        }
        let bytes = if length < 0 {
            // SAFETY: the caller promises a NUL-terminated string at `p`
            // (Marshal.PtrToStringUTF8's contract).
            unsafe { std::ffi::CStr::from_ptr(p as *const std::ffi::c_char) }.to_bytes()
        } else {
            // SAFETY: the caller promises `length` readable bytes.
            unsafe { std::slice::from_raw_parts(p as *const u8, length as usize) }
        };
        result.set(Some(&String::from_utf8_lossy(bytes)))
    })
}
