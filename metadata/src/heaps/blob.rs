//! The `#Blob` heap: length-prefixed byte strings (signatures, constants…).

use super::BlobIndex;
use crate::compressed;
use crate::error::{HeapKind, MetadataError, Result};

/// A view of the `#Blob` heap.
#[derive(Debug, Clone, Copy, Default)]
pub struct BlobHeap<'a> {
    data: &'a [u8],
}

impl<'a> BlobHeap<'a> {
    /// Wraps the bytes of a `#Blob` stream.
    pub fn new(data: &'a [u8]) -> Self {
        BlobHeap { data }
    }

    /// The raw heap bytes.
    pub fn data(&self) -> &'a [u8] {
        self.data
    }

    /// The blob at `index` (without its length prefix).
    ///
    /// Index 0 is the empty blob even if the heap is empty.
    pub fn get(&self, index: BlobIndex) -> Result<&'a [u8]> {
        if index.is_null() {
            return Ok(&[]);
        }
        read_length_prefixed(self.data, index.0, HeapKind::Blob)
    }
}

/// Reads a compressed-length-prefixed entry at `index` of a blob-like heap.
pub(super) fn read_length_prefixed(data: &[u8], index: u32, heap: HeapKind) -> Result<&[u8]> {
    let tail = data.get(index as usize..).filter(|t| !t.is_empty()).ok_or(
        MetadataError::HeapIndexOutOfRange {
            heap,
            index,
            heap_size: data.len(),
        },
    )?;
    let (len, prefix) = compressed::decode_u32(tail).map_err(|_| MetadataError::BadHeapEntry {
        heap,
        index,
        reason: "invalid length prefix",
    })?;
    tail.get(prefix..prefix + len as usize)
        .ok_or(MetadataError::BadHeapEntry {
            heap,
            index,
            reason: "length runs past the end of the heap",
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lookups() {
        let heap = BlobHeap::new(&[0, 3, 1, 2, 3, 0x80, 0x02, 9, 9, 0x85]);
        assert_eq!(heap.get(BlobIndex(0)).unwrap(), &[] as &[u8]);
        assert_eq!(heap.get(BlobIndex(1)).unwrap(), &[1, 2, 3]);
        assert_eq!(heap.get(BlobIndex(5)).unwrap(), &[9, 9]);
        assert!(matches!(
            heap.get(BlobIndex(9)),
            Err(MetadataError::BadHeapEntry { .. })
        ));
        assert!(matches!(
            heap.get(BlobIndex(10)),
            Err(MetadataError::HeapIndexOutOfRange { .. })
        ));
        assert!(matches!(
            heap.get(BlobIndex(u32::MAX)),
            Err(MetadataError::HeapIndexOutOfRange { .. })
        ));
    }
}
