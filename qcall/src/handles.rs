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

/// A `string` argument: a pointer to NUL-terminated UTF-16 (null for a null
/// string). The runtime pins the string for the duration of the call.
#[repr(transparent)]
#[derive(Copy, Clone, Debug)]
pub struct Utf16Ptr(pub *const u16);

impl Utf16Ptr {
    /// The string's UTF-16 units, or `None` for a null string.
    ///
    /// # Safety
    /// Must be called during the QCall that received the pointer (while the
    /// string is pinned).
    pub unsafe fn units<'a>(self) -> Option<&'a [u16]> {
        if self.0.is_null() {
            return None;
        }
        let mut len = 0;
        // SAFETY: managed strings are NUL-terminated (the runtime guarantees
        // it) and pinned for the call.
        unsafe {
            while *self.0.add(len) != 0 {
                len += 1;
            }
            Some(std::slice::from_raw_parts(self.0, len))
        }
    }

    /// The string as Rust text (unpaired surrogates become U+FFFD).
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
                services::set_string(self.0, &units)
            }
        }
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
