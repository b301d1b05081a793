//! The metadata root and its stream headers (ECMA-335 II.24.2.1, II.24.2.2).

use crate::error::{MetadataError, Result};
use crate::reader::Reader;

/// `"BSJB"` read as a little-endian `u32`.
pub const METADATA_SIGNATURE: u32 = 0x424A_5342;

/// Longest stream name allowed, including the terminating NUL (II.24.2.2).
const MAX_STREAM_NAME: usize = 32;

/// A stream header: its name and the bytes it covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StreamHeader<'a> {
    /// The stream name, e.g. `"#~"` or `"#Strings"`.
    pub name: &'a str,
    /// Offset of the stream from the start of the metadata root.
    pub offset: u32,
    /// The stream's bytes.
    pub data: &'a [u8],
}

/// The metadata root (`BSJB` header).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MetadataRoot<'a> {
    /// Major version (1).
    pub major_version: u16,
    /// Minor version (1).
    pub minor_version: u16,
    /// The runtime version string, e.g. `"v4.0.30319"` (without NUL padding).
    pub version: &'a str,
    /// Reserved flags (0).
    pub flags: u16,
    /// The stream headers, in file order.
    pub streams: Vec<StreamHeader<'a>>,
}

impl<'a> MetadataRoot<'a> {
    /// Parses the metadata root at the start of `metadata` (the bytes covered
    /// by the CLI header's metadata directory).
    pub fn parse(metadata: &'a [u8]) -> Result<Self> {
        let mut r = Reader::new(metadata, "metadata root");
        let signature = r.u32()?;
        if signature != METADATA_SIGNATURE {
            return Err(MetadataError::BadMetadataSignature { found: signature });
        }
        let major_version = r.u16()?;
        let minor_version = r.u16()?;
        let _reserved = r.u32()?;
        let length = r.u32()? as usize;
        let version_bytes = r.bytes(length)?;
        // The length includes NUL padding to a multiple of 4; the string ends
        // at the first NUL (a string filling the whole field is accepted too).
        let text = match version_bytes.iter().position(|&b| b == 0) {
            Some(nul) => &version_bytes[..nul],
            None => version_bytes,
        };
        let version = std::str::from_utf8(text).map_err(|_| MetadataError::BadVersionString)?;
        r.align4()?;
        let flags = r.u16()?;
        let count = r.u16()?;
        let mut streams = Vec::new();
        for index in 0..usize::from(count) {
            streams.push(Self::parse_stream_header(&mut r, metadata, index)?);
        }
        Ok(MetadataRoot {
            major_version,
            minor_version,
            version,
            flags,
            streams,
        })
    }

    fn parse_stream_header(
        r: &mut Reader<'a>,
        metadata: &'a [u8],
        index: usize,
    ) -> Result<StreamHeader<'a>> {
        let offset = r.u32()?;
        let size = r.u32()?;
        let rest = r.rest();
        let window = &rest[..rest.len().min(MAX_STREAM_NAME)];
        let nul = window
            .iter()
            .position(|&b| b == 0)
            .ok_or(MetadataError::BadStreamName { index })?;
        let name = std::str::from_utf8(&window[..nul])
            .ok()
            .filter(|n| n.is_ascii())
            .ok_or(MetadataError::BadStreamName { index })?;
        r.skip(nul + 1)?;
        r.align4()?;
        let out_of_bounds = || MetadataError::StreamOutOfBounds {
            name: name.to_owned(),
            offset,
            size,
            metadata_size: metadata.len(),
        };
        let start = offset as usize;
        let end = start.checked_add(size as usize).ok_or_else(out_of_bounds)?;
        let data = metadata.get(start..end).ok_or_else(out_of_bounds)?;
        Ok(StreamHeader { name, offset, data })
    }

    /// The first stream with the given name.
    pub fn stream(&self, name: &str) -> Option<&StreamHeader<'a>> {
        self.streams.iter().find(|s| s.name == name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn root_bytes() -> Vec<u8> {
        let mut b = Vec::new();
        b.extend_from_slice(b"BSJB");
        b.extend_from_slice(&1u16.to_le_bytes());
        b.extend_from_slice(&1u16.to_le_bytes());
        b.extend_from_slice(&0u32.to_le_bytes());
        b.extend_from_slice(&12u32.to_le_bytes());
        b.extend_from_slice(b"v4.0.30319\0\0");
        b.extend_from_slice(&0u16.to_le_bytes());
        b.extend_from_slice(&1u16.to_le_bytes());
        // One stream "#GUID" of 16 bytes right after the header (header = 32 + 4 + 4 + 8 bytes).
        b.extend_from_slice(&48u32.to_le_bytes());
        b.extend_from_slice(&16u32.to_le_bytes());
        b.extend_from_slice(b"#GUID\0\0\0");
        b.extend_from_slice(&[0xAB; 16]);
        b
    }

    #[test]
    fn parses_root() {
        let bytes = root_bytes();
        let root = MetadataRoot::parse(&bytes).unwrap();
        assert_eq!(root.version, "v4.0.30319");
        assert_eq!(root.streams.len(), 1);
        assert_eq!(root.stream("#GUID").unwrap().data, &[0xAB; 16]);
    }

    #[test]
    fn rejects_bad_input() {
        let mut bytes = root_bytes();
        bytes[0] = b'X';
        assert!(matches!(
            MetadataRoot::parse(&bytes),
            Err(MetadataError::BadMetadataSignature { .. })
        ));
        let mut bytes = root_bytes();
        bytes[32] = 60; // stream offset past the end
        assert!(matches!(
            MetadataRoot::parse(&bytes),
            Err(MetadataError::StreamOutOfBounds { .. })
        ));
        let bytes = root_bytes();
        for len in 0..bytes.len() - 16 {
            assert!(MetadataRoot::parse(&bytes[..len]).is_err(), "{len}");
        }
    }
}
