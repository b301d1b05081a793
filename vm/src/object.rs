//! The object model: how managed objects look in memory.
//!
//! ```text
//!   object reference ──┐
//!                      v
//!   [-8] header word   [0] MethodTable*   [8 ...] instance fields
//!
//!   strings: [0] MT  [8] int32 length  [12] UTF-16 chars ... [12 + 2n] NUL
//!   arrays:  [0] MT  [8] uint32 length (+4 bytes of zero)  [16] elements
//! ```
//!
//! The header word belongs to the runtime: its low 32 bits hold the identity
//! hash code once assigned (`Runtime::identity_hash`); the rest is reserved
//! for the collector. An object reference always points at the method-table
//! word, so field offsets, the binder's mirror structs and the JIT all count
//! from there. The layouts of strings and arrays come from the binder's
//! mirrors (binder/src/mirrors.rs), which the build checks against corelib.

use std::ptr::NonNull;

use crate::typesystem::MethodTable;

/// Bytes of header in front of every object.
pub const HEADER_SIZE: usize = 8;
/// Offset of the length in strings and arrays (from the binder's mirrors).
pub const LENGTH_OFFSET: usize = osprey_binder::LENGTH_OFFSET;
/// Offset of the first character of a string (from the binder's mirror,
/// which the build checks against corelib's `String`).
pub const STRING_DATA_OFFSET: usize = osprey_binder::STRING_DATA_OFFSET;
/// Fixed part of a string: method table, length, and the NUL terminator.
pub const STRING_BASE_SIZE: usize = STRING_DATA_OFFSET + 2;
/// Offset of element 0 of a single-dimensional array.
pub const ARRAY_DATA_OFFSET: usize = osprey_binder::ARRAY_DATA_OFFSET;
/// Offset of the value in a boxed value type (right after the method table).
pub const BOX_DATA_OFFSET: usize = 8;
/// The largest array or string length the runtime allocates.
pub const MAX_LENGTH: usize = 0x7FFF_FFC7;

/// A reference to a managed object (never null).
///
/// This is a raw pointer with no lifetime: it is valid only while the object
/// is reachable and, once a moving collector exists, only until the next
/// safepoint unless it is reported to the GC. Native code that holds one
/// across an allocation must protect it (see docs/internal-calls.md).
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
#[repr(transparent)]
pub struct ObjectRef(NonNull<u8>);

impl ObjectRef {
    /// Wraps a raw object pointer; `None` for null.
    ///
    /// # Safety
    /// `p` must be null or point to the method-table word of a live object
    /// of this process's runtime: the reference's methods read the object
    /// (its method table, length, fields) without further checks.
    pub unsafe fn from_raw(p: *mut u8) -> Option<ObjectRef> {
        NonNull::new(p).map(ObjectRef)
    }

    /// The raw pointer (to the method-table word).
    pub fn as_ptr(self) -> *mut u8 {
        self.0.as_ptr()
    }

    /// The object's method table.
    pub fn method_table(self) -> &'static MethodTable {
        // SAFETY: every object starts with a valid method-table pointer
        // (written by the allocator before the reference escapes), and method
        // tables live as long as their runtime, which outlives its objects.
        unsafe { &**(self.as_ptr() as *const *const MethodTable) }
    }

    /// Reads the length field of a string or array.
    ///
    /// # Safety
    /// The object must be a string or an array.
    pub unsafe fn length(self) -> usize {
        // SAFETY: strings and arrays have a 32-bit length at LENGTH_OFFSET (caller's contract).
        unsafe { *(self.as_ptr().add(LENGTH_OFFSET) as *const u32) as usize }
    }

    /// The characters of a string.
    ///
    /// # Safety
    /// The object must be a `System.String`, and the slice must not be used
    /// across a point where the string could move (a GC).
    pub unsafe fn string_chars<'a>(self) -> &'a [u16] {
        // SAFETY: a string of length n holds n UTF-16 units at STRING_DATA_OFFSET.
        unsafe {
            let len = self.length();
            std::slice::from_raw_parts(self.as_ptr().add(STRING_DATA_OFFSET) as *const u16, len)
        }
    }

    /// The string's text, converted to UTF-8 (unpaired surrogates become U+FFFD).
    ///
    /// # Safety
    /// As for [`ObjectRef::string_chars`].
    pub unsafe fn string_to_rust(self) -> String {
        // SAFETY: forwarded contract.
        String::from_utf16_lossy(unsafe { self.string_chars() })
    }

    /// Pointer to element 0 of a single-dimensional array.
    ///
    /// # Safety
    /// The object must be a single-dimensional array.
    pub unsafe fn array_data(self) -> *mut u8 {
        // SAFETY: caller's contract.
        unsafe { self.as_ptr().add(ARRAY_DATA_OFFSET) }
    }
}

/// Bytes (including the header) an object of this type occupies.
pub fn allocation_size(mt: &MethodTable, length: usize) -> usize {
    let body = mt.base_size as usize + mt.component_size as usize * length;
    HEADER_SIZE + body.next_multiple_of(8)
}
