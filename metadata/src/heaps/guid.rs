//! The `#GUID` heap: an array of 16-byte GUIDs, indexed from 1.

use std::fmt;

use super::GuidIndex;
use crate::error::{HeapKind, MetadataError, Result};

/// A GUID as stored in metadata (Microsoft mixed-endian layout).
#[derive(Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Guid(pub [u8; 16]);

impl fmt::Display for Guid {
    /// Formats as `xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx` (the usual registry form).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let b = &self.0;
        write!(
            f,
            "{:08x}-{:04x}-{:04x}-{:02x}{:02x}-{:02x}{:02x}{:02x}{:02x}{:02x}{:02x}",
            u32::from_le_bytes([b[0], b[1], b[2], b[3]]),
            u16::from_le_bytes([b[4], b[5]]),
            u16::from_le_bytes([b[6], b[7]]),
            b[8],
            b[9],
            b[10],
            b[11],
            b[12],
            b[13],
            b[14],
            b[15]
        )
    }
}

impl fmt::Debug for Guid {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Guid({self})")
    }
}

/// A view of the `#GUID` heap.
#[derive(Debug, Clone, Copy, Default)]
pub struct GuidHeap<'a> {
    data: &'a [u8],
}

impl<'a> GuidHeap<'a> {
    /// Wraps the bytes of a `#GUID` stream.
    pub fn new(data: &'a [u8]) -> Self {
        GuidHeap { data }
    }

    /// Number of complete GUIDs in the heap.
    pub fn len(&self) -> usize {
        self.data.len() / 16
    }

    /// Whether the heap holds no GUID.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The GUID at the 1-based `index`; `None` for the null index 0.
    pub fn get(&self, index: GuidIndex) -> Result<Option<Guid>> {
        if index.is_null() {
            return Ok(None);
        }
        let out_of_range = || MetadataError::HeapIndexOutOfRange {
            heap: HeapKind::Guid,
            index: index.0,
            heap_size: self.data.len(),
        };
        // index >= 1 here; the offset is checked against overflow on 32-bit hosts.
        let start = (index.0 as usize - 1)
            .checked_mul(16)
            .ok_or_else(out_of_range)?;
        let end = start.checked_add(16).ok_or_else(out_of_range)?;
        let bytes = self.data.get(start..end).ok_or_else(out_of_range)?;
        let mut guid = [0u8; 16];
        guid.copy_from_slice(bytes);
        Ok(Some(Guid(guid)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lookups() {
        let mut data = vec![0u8; 32];
        data[16..20].copy_from_slice(&[0x78, 0x56, 0x34, 0x12]);
        let heap = GuidHeap::new(&data);
        assert_eq!(heap.len(), 2);
        assert_eq!(heap.get(GuidIndex(0)).unwrap(), None);
        let g = heap.get(GuidIndex(2)).unwrap().unwrap();
        assert_eq!(g.to_string(), "12345678-0000-0000-0000-000000000000");
        assert!(heap.get(GuidIndex(3)).is_err());
        assert!(heap.get(GuidIndex(u32::MAX)).is_err());
    }
}
