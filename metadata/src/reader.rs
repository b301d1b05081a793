//! A bounds-checked little-endian cursor over a byte slice (crate-internal).
//!
//! Every read checks the remaining length and reports a
//! [`MetadataError::Truncated`] naming the structure being read, so the rest
//! of the crate never indexes slices with data-derived offsets.

use crate::error::{MetadataError, Result};

/// A forward-only cursor over `data`.
#[derive(Clone, Debug)]
pub(crate) struct Reader<'a> {
    data: &'a [u8],
    pos: usize,
    what: &'static str,
}

impl<'a> Reader<'a> {
    /// Creates a cursor at the start of `data`; `what` names the structure for errors.
    pub(crate) fn new(data: &'a [u8], what: &'static str) -> Self {
        Reader { data, pos: 0, what }
    }

    /// Current offset from the start of the data.
    pub(crate) fn position(&self) -> usize {
        self.pos
    }

    /// Bytes left after the current position.
    pub(crate) fn remaining(&self) -> usize {
        self.data.len().saturating_sub(self.pos)
    }

    /// The unread part of the data.
    pub(crate) fn rest(&self) -> &'a [u8] {
        self.data.get(self.pos..).unwrap_or(&[])
    }

    fn truncated(&self, needed: usize) -> MetadataError {
        MetadataError::Truncated {
            what: self.what,
            offset: self.pos,
            needed,
            available: self.remaining(),
        }
    }

    /// Reads `n` bytes.
    pub(crate) fn bytes(&mut self, n: usize) -> Result<&'a [u8]> {
        let end = self.pos.checked_add(n).ok_or_else(|| self.truncated(n))?;
        let slice = self
            .data
            .get(self.pos..end)
            .ok_or_else(|| self.truncated(n))?;
        self.pos = end;
        Ok(slice)
    }

    /// Reads a fixed-size array.
    pub(crate) fn array<const N: usize>(&mut self) -> Result<[u8; N]> {
        let bytes = self.bytes(N)?;
        let mut out = [0u8; N];
        out.copy_from_slice(bytes);
        Ok(out)
    }

    /// Skips `n` bytes.
    pub(crate) fn skip(&mut self, n: usize) -> Result<()> {
        self.bytes(n).map(|_| ())
    }

    /// Advances to the next multiple of 4 (relative to the start of the data).
    pub(crate) fn align4(&mut self) -> Result<()> {
        let pad = (4 - self.pos % 4) % 4;
        self.skip(pad)
    }

    /// Reads a `u8`.
    pub(crate) fn u8(&mut self) -> Result<u8> {
        Ok(self.array::<1>()?[0])
    }

    /// Reads a little-endian `u16`.
    pub(crate) fn u16(&mut self) -> Result<u16> {
        Ok(u16::from_le_bytes(self.array()?))
    }

    /// Reads a little-endian `u32`.
    pub(crate) fn u32(&mut self) -> Result<u32> {
        Ok(u32::from_le_bytes(self.array()?))
    }

    /// Reads a little-endian `u64`.
    pub(crate) fn u64(&mut self) -> Result<u64> {
        Ok(u64::from_le_bytes(self.array()?))
    }
}

/// Reads a little-endian `u16` at `offset`, or `None` if out of bounds.
pub(crate) fn le_u16_at(data: &[u8], offset: usize) -> Option<u16> {
    let bytes = data.get(offset..offset.checked_add(2)?)?;
    Some(u16::from_le_bytes([bytes[0], bytes[1]]))
}

/// Reads a little-endian `u32` at `offset`, or `None` if out of bounds.
pub(crate) fn le_u32_at(data: &[u8], offset: usize) -> Option<u32> {
    let bytes = data.get(offset..offset.checked_add(4)?)?;
    Some(u32::from_le_bytes([bytes[0], bytes[1], bytes[2], bytes[3]]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_and_truncation() {
        let mut r = Reader::new(&[1, 2, 3, 4, 5, 6, 7], "test");
        assert_eq!(r.u8().unwrap(), 1);
        assert_eq!(r.u16().unwrap(), 0x0302);
        assert_eq!(
            r.u64(),
            Err(MetadataError::Truncated {
                what: "test",
                offset: 3,
                needed: 8,
                available: 4
            })
        );
        assert_eq!(r.u32().unwrap(), 0x0706_0504);
        assert!(r.u8().is_err());
        assert!(r.bytes(usize::MAX).is_err());
        assert_eq!(le_u32_at(&[1, 0, 0, 0], 0), Some(1));
        assert_eq!(le_u32_at(&[1, 0, 0, 0], usize::MAX), None);
    }
}
