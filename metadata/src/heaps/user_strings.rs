//! The `#US` heap: user strings for `ldstr` (II.24.2.4).
//!
//! Each entry is a compressed byte length, the UTF-16LE code units, and one
//! trailing flag byte that is 1 if any code unit needs special handling
//! (non-ASCII or certain control characters).

use super::UserStringIndex;
use crate::error::{HeapKind, MetadataError, Result};

/// A user string: a zero-copy view of UTF-16LE code units.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct UserString<'a> {
    bytes: &'a [u8],
    has_special_chars: bool,
}

impl<'a> UserString<'a> {
    /// The empty string.
    pub const EMPTY: UserString<'static> = UserString {
        bytes: &[],
        has_special_chars: false,
    };

    /// The raw UTF-16LE bytes (even length, without the trailing flag byte).
    pub fn as_bytes(&self) -> &'a [u8] {
        self.bytes
    }

    /// Number of UTF-16 code units.
    pub fn len(&self) -> usize {
        self.bytes.len() / 2
    }

    /// Whether the string is empty.
    pub fn is_empty(&self) -> bool {
        self.bytes.is_empty()
    }

    /// The trailing flag byte: true if the string contains characters outside
    /// the simple ASCII range (II.24.2.4).
    pub fn has_special_chars(&self) -> bool {
        self.has_special_chars
    }

    /// The UTF-16 code units.
    pub fn code_units(&self) -> impl ExactSizeIterator<Item = u16> + Clone + 'a {
        self.bytes
            .chunks_exact(2)
            .map(|c| u16::from_le_bytes([c[0], c[1]]))
    }

    /// Decodes to a Rust string, replacing unpaired surrogates with U+FFFD.
    pub fn to_string_lossy(&self) -> String {
        char::decode_utf16(self.code_units())
            .map(|c| c.unwrap_or(char::REPLACEMENT_CHARACTER))
            .collect()
    }
}

/// A view of the `#US` heap.
#[derive(Debug, Clone, Copy, Default)]
pub struct UserStringHeap<'a> {
    data: &'a [u8],
}

impl<'a> UserStringHeap<'a> {
    /// Wraps the bytes of a `#US` stream.
    pub fn new(data: &'a [u8]) -> Self {
        UserStringHeap { data }
    }

    /// The raw heap bytes.
    pub fn data(&self) -> &'a [u8] {
        self.data
    }

    /// The user string at `index`.
    ///
    /// Index 0 is the empty string even if the heap is empty.
    pub fn get(&self, index: UserStringIndex) -> Result<UserString<'a>> {
        if index.is_null() {
            return Ok(UserString::EMPTY);
        }
        let entry = super::blob::read_length_prefixed(self.data, index.0, HeapKind::UserStrings)?;
        match entry.split_last() {
            None => Ok(UserString::EMPTY),
            Some((&flag, bytes)) if bytes.len() % 2 == 0 => Ok(UserString {
                bytes,
                has_special_chars: flag != 0,
            }),
            Some(_) => Err(MetadataError::BadHeapEntry {
                heap: HeapKind::UserStrings,
                index: index.0,
                reason: "even length (expected UTF-16 code units plus one flag byte)",
            }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lookups() {
        // "" at 0, "Hi" at 1, "é" at 7, bad entry at 11.
        let data = [0, 5, b'H', 0, b'i', 0, 0, 3, 0xE9, 0, 1, 2, 1, 1];
        let heap = UserStringHeap::new(&data);
        assert!(heap.get(UserStringIndex(0)).unwrap().is_empty());
        let hi = heap.get(UserStringIndex(1)).unwrap();
        assert_eq!(hi.code_units().collect::<Vec<_>>(), vec![0x48, 0x69]);
        assert_eq!(hi.to_string_lossy(), "Hi");
        assert!(!hi.has_special_chars());
        let e = heap.get(UserStringIndex(7)).unwrap();
        assert_eq!(e.to_string_lossy(), "é");
        assert!(e.has_special_chars());
        assert!(matches!(
            heap.get(UserStringIndex(11)),
            Err(MetadataError::BadHeapEntry { .. })
        ));
        assert!(heap.get(UserStringIndex(200)).is_err());
    }
}
