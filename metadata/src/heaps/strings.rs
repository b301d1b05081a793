//! The `#Strings` heap: NUL-terminated UTF-8 identifiers.

use super::StringIndex;
use crate::error::{HeapKind, MetadataError, Result};

/// A view of the `#Strings` heap.
#[derive(Debug, Clone, Copy, Default)]
pub struct StringHeap<'a> {
    data: &'a [u8],
}

impl<'a> StringHeap<'a> {
    /// Wraps the bytes of a `#Strings` stream.
    pub fn new(data: &'a [u8]) -> Self {
        StringHeap { data }
    }

    /// The raw heap bytes.
    pub fn data(&self) -> &'a [u8] {
        self.data
    }

    /// The string at `index`, without its NUL, as raw bytes.
    ///
    /// Index 0 is the empty string even if the heap is empty.
    pub fn get_bytes(&self, index: StringIndex) -> Result<&'a [u8]> {
        if index.is_null() {
            return Ok(&[]);
        }
        let tail = self
            .data
            .get(index.0 as usize..)
            .filter(|t| !t.is_empty())
            .ok_or(MetadataError::HeapIndexOutOfRange {
                heap: HeapKind::Strings,
                index: index.0,
                heap_size: self.data.len(),
            })?;
        let nul = tail
            .iter()
            .position(|&b| b == 0)
            .ok_or(MetadataError::UnterminatedString { index: index.0 })?;
        Ok(&tail[..nul])
    }

    /// The string at `index`, which must be valid UTF-8.
    pub fn get(&self, index: StringIndex) -> Result<&'a str> {
        let bytes = self.get_bytes(index)?;
        std::str::from_utf8(bytes).map_err(|_| MetadataError::InvalidUtf8 { index: index.0 })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lookups() {
        let heap = StringHeap::new(b"\0Object\0System\0\xFF\0open");
        assert_eq!(heap.get(StringIndex(0)).unwrap(), "");
        assert_eq!(heap.get(StringIndex(1)).unwrap(), "Object");
        assert_eq!(heap.get(StringIndex(3)).unwrap(), "ject");
        assert_eq!(heap.get(StringIndex(8)).unwrap(), "System");
        assert_eq!(
            heap.get(StringIndex(15)),
            Err(MetadataError::InvalidUtf8 { index: 15 })
        );
        assert_eq!(
            heap.get(StringIndex(17)),
            Err(MetadataError::UnterminatedString { index: 17 })
        );
        assert!(matches!(
            heap.get(StringIndex(100)),
            Err(MetadataError::HeapIndexOutOfRange { .. })
        ));
        assert_eq!(StringHeap::default().get(StringIndex(0)).unwrap(), "");
    }
}
