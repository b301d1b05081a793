//! `RuntimeHelpers.AddressOf`: how corelib builds QCall handles
//! (`StringHandleOnStack`, `ObjectHandleOnStack`) from `ref` locals.

/// `static IntPtr RuntimeHelpers.AddressOf(ref string)` and `(ref object)`:
/// the managed pointer, as a native integer. The local it points at stays a
/// GC-reported slot of the caller's frame; the QCall that receives the handle
/// stores into it only in cooperative mode.
pub(super) extern "C" fn address_of(local: *mut *mut u8) -> *mut *mut u8 {
    local
}
