//! `System.ArrayExtensions` internal call (a stopgap, see
//! corelib/src/cs/System/ArrayExtensions.cs): the length of an array, until
//! `System.Array` declares `Length` and mcs compiles `array.Length` to
//! `ldlen` in corelib too.

use crate::object::ObjectRef;

/// `static int ArrayExtensions.GetLength(Array array)`: the element count
/// of a single-dimensional array (corelib checks for null first; 0 for
/// null anyway).
pub(super) extern "C" fn get_length(array: *mut u8) -> i32 {
    match ObjectRef::from_raw(array) {
        // SAFETY: the argument is typed System.Array, so the object is an
        // array, whose length the allocator stored.
        Some(a) => unsafe { a.length() as i32 },
        None => 0,
    }
}
