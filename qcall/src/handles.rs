//! The types QCalls use instead of managed objects.

use crate::services;
use crate::QCallError;

/// A Win32-style BOOL: how a managed `bool` crosses a QCall (4 bytes, 0 or 1).
#[repr(transparent)]
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct Bool(pub i32);

impl Bool {
    /// True.
    pub const TRUE: Bool = Bool(1);
    /// False.
    pub const FALSE: Bool = Bool(0);
}

impl From<bool> for Bool {
    fn from(b: bool) -> Bool {
        Bool(i32::from(b))
    }
}

impl From<Bool> for bool {
    fn from(b: Bool) -> bool {
        b.0 != 0
    }
}

/// A `string` argument: a pointer to the string's first UTF-16 unit (null
/// for a null string). The runtime pins the string for the duration of the
/// call. The pointer is into the string object itself, so the string's
/// length sits just before it ([`osprey_binder::StringObject`]: an `i32`
/// `length`, then `first_char`), and the characters are followed by a NUL;
/// managed strings may contain `'\0'` themselves, so the length, not the
/// terminator, says where the string ends.
#[repr(transparent)]
#[derive(Copy, Clone, Debug)]
pub struct Utf16Ptr(pub *const u16);

/// Bytes from a string's first character back to its `i32` length.
const LENGTH_BEFORE_CHARS: usize =
    osprey_binder::STRING_DATA_OFFSET - core::mem::offset_of!(osprey_binder::StringObject, length);

// The length is the `i32` right before the first character: what
// `Utf16Ptr::units` relies on. Checked at build time against the binder's
// mirror (itself checked against corelib's layout of System.String).
const _: () = assert!(
    LENGTH_BEFORE_CHARS == core::mem::size_of::<i32>(),
    "qcall: a string's i32 length must immediately precede its first character"
);

impl Utf16Ptr {
    /// The string's UTF-16 units (all of them, embedded `'\0'`s included),
    /// or `None` for a null string.
    ///
    /// # Safety
    /// Must be called during the QCall that received the pointer (while the
    /// string is pinned), on a pointer the runtime passed for a `string`
    /// parameter.
    pub unsafe fn units<'a>(self) -> Option<&'a [u16]> {
        if self.0.is_null() {
            return None;
        }
        // SAFETY: the runtime passes the address of a pinned managed
        // string's first character; its i32 length is LENGTH_BEFORE_CHARS
        // bytes before (asserted above), and that many units follow.
        unsafe {
            let length = *((self.0 as *const u8).sub(LENGTH_BEFORE_CHARS) as *const i32);
            Some(std::slice::from_raw_parts(
                self.0,
                usize::try_from(length).unwrap_or(0),
            ))
        }
    }

    /// The string as Rust text (unpaired surrogates become U+FFFD; a `'\0'`
    /// in the string stays a `'\0'`).
    ///
    /// # Safety
    /// As for [`Utf16Ptr::units`].
    pub unsafe fn to_string_lossy(self) -> Option<String> {
        // SAFETY: forwarded contract.
        unsafe { self.units() }.map(String::from_utf16_lossy)
    }
}

/// The address of a managed `string` local, through which a QCall returns a
/// string (CoreCLR's `QCall::StringHandleOnStack`). The local is a GC-reported
/// slot of the caller's frame; storing into it goes through the runtime,
/// which allocates in cooperative mode.
#[repr(transparent)]
#[derive(Copy, Clone, Debug)]
pub struct StringHandleOnStack(pub *mut *mut u8);

impl StringHandleOnStack {
    /// Stores a new string holding `text` (or null) into the managed local.
    pub fn set(self, text: Option<&str>) -> Result<(), QCallError> {
        match text {
            None => services::set_object(self.0, std::ptr::null_mut()),
            Some(t) => {
                let units: Vec<u16> = t.encode_utf16().collect();
                self.set_utf16(&units)
            }
        }
    }

    /// Stores a new string holding exactly `units` into the managed local:
    /// any UTF-16, unpaired surrogates and `'\0'`s included (what
    /// [`Utf16Ptr::units`] returns can go back unchanged).
    pub fn set_utf16(self, units: &[u16]) -> Result<(), QCallError> {
        services::set_string(self.0, units)
    }

    /// Stores null into the managed local.
    pub fn set_null(self) -> Result<(), QCallError> {
        services::set_object(self.0, std::ptr::null_mut())
    }
}

/// The address of a managed `object` local, through which a QCall reads or
/// returns an object (CoreCLR's `QCall::ObjectHandleOnStack`).
#[repr(transparent)]
#[derive(Copy, Clone, Debug)]
pub struct ObjectHandleOnStack(pub *mut *mut u8);

impl ObjectHandleOnStack {
    /// Stores null into the managed local.
    pub fn set_null(self) -> Result<(), QCallError> {
        services::set_object(self.0, std::ptr::null_mut())
    }

    /// Whether the managed local holds null.
    pub fn is_null(self) -> bool {
        // SAFETY: the handle points at a live local of the caller's frame for
        // the duration of the QCall; reading a pointer-sized slot is atomic
        // on x86-64, and only the null test is made without cooperative mode.
        unsafe { (*self.0).is_null() }
    }
}
