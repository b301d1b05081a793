//! Compressed integers (ECMA-335 II.23.2).
//!
//! Signatures, blob and user-string lengths use a variable-length encoding:
//!
//! | first byte  | total bytes | value bits |
//! |-------------|-------------|------------|
//! | `0xxxxxxx`  | 1           | 7          |
//! | `10xxxxxx`  | 2           | 14         |
//! | `110xxxxx`  | 4           | 29         |
//!
//! The bytes are big-endian. `111xxxxx` is invalid (custom attribute blobs use
//! `0xFF` for a null string, which callers handle themselves).
//!
//! Signed integers are encoded by rotating the two's complement value left by
//! one bit within the width (7, 14 or 29 bits), so the sign ends up in bit 0.

use crate::error::{MetadataError, Result};

/// Largest value an unsigned compressed integer can hold (`0x1FFF_FFFF`).
pub const MAX_UNSIGNED: u32 = 0x1FFF_FFFF;
/// Smallest value a signed compressed integer can hold (`-2^28`).
pub const MIN_SIGNED: i32 = -(1 << 28);
/// Largest value a signed compressed integer can hold (`2^28 - 1`).
pub const MAX_SIGNED: i32 = (1 << 28) - 1;

/// Decodes the unsigned compressed integer at the start of `data`.
///
/// Returns the value and the number of bytes it occupied.
pub fn decode_u32(data: &[u8]) -> Result<(u32, usize)> {
    let (raw, len) = decode_raw(data)?;
    Ok((raw, len))
}

/// Decodes the signed compressed integer at the start of `data`.
///
/// Returns the value and the number of bytes it occupied.
pub fn decode_i32(data: &[u8]) -> Result<(i32, usize)> {
    let (raw, len) = decode_raw(data)?;
    // Undo the rotation: bit 0 is the sign; the remaining bits are the low
    // bits of the two's complement value, to be sign-extended from the width.
    let sign_extension: u32 = match len {
        1 => 0xFFFF_FFC0,
        2 => 0xFFFF_E000,
        _ => 0xF000_0000,
    };
    let magnitude = raw >> 1;
    let value = if raw & 1 != 0 {
        magnitude | sign_extension
    } else {
        magnitude
    };
    Ok((value as i32, len))
}

/// Shared decoder: returns the raw (unrotated) value and its length.
fn decode_raw(data: &[u8]) -> Result<(u32, usize)> {
    let Some(&b0) = data.first() else {
        return Err(MetadataError::BadCompressedInteger {
            first_byte: 0,
            truncated: true,
        });
    };
    let truncated = || MetadataError::BadCompressedInteger {
        first_byte: b0,
        truncated: true,
    };
    if b0 & 0x80 == 0 {
        Ok((u32::from(b0), 1))
    } else if b0 & 0xC0 == 0x80 {
        let b1 = *data.get(1).ok_or_else(truncated)?;
        Ok(((u32::from(b0 & 0x3F) << 8) | u32::from(b1), 2))
    } else if b0 & 0xE0 == 0xC0 {
        match data.get(1..4) {
            Some(&[b1, b2, b3]) => Ok((
                (u32::from(b0 & 0x1F) << 24)
                    | (u32::from(b1) << 16)
                    | (u32::from(b2) << 8)
                    | u32::from(b3),
                4,
            )),
            _ => Err(truncated()),
        }
    } else {
        Err(MetadataError::BadCompressedInteger {
            first_byte: b0,
            truncated: false,
        })
    }
}

/// Appends the compressed encoding of `value` to `out`.
///
/// Returns `None` (and appends nothing) if `value > MAX_UNSIGNED`.
pub fn encode_u32(value: u32, out: &mut Vec<u8>) -> Option<()> {
    if value < 0x80 {
        out.push(value as u8);
    } else if value < 0x4000 {
        out.extend_from_slice(&((value as u16) | 0x8000).to_be_bytes());
    } else if value <= MAX_UNSIGNED {
        out.extend_from_slice(&(value | 0xC000_0000).to_be_bytes());
    } else {
        return None;
    }
    Some(())
}

/// Appends the signed compressed encoding of `value` to `out`.
///
/// Returns `None` (and appends nothing) if `value` is outside
/// `MIN_SIGNED..=MAX_SIGNED`.
pub fn encode_i32(value: i32, out: &mut Vec<u8>) -> Option<()> {
    let rotate = |bits: u32| -> u32 {
        let mask = (1u32 << bits) - 1;
        let v = (value as u32) & mask;
        ((v << 1) & mask) | (u32::from(value < 0))
    };
    if (-(1 << 6)..(1 << 6)).contains(&value) {
        out.push(rotate(7) as u8);
    } else if (-(1 << 13)..(1 << 13)).contains(&value) {
        out.extend_from_slice(&((rotate(14) as u16) | 0x8000).to_be_bytes());
    } else if (MIN_SIGNED..=MAX_SIGNED).contains(&value) {
        out.extend_from_slice(&(rotate(29) | 0xC000_0000).to_be_bytes());
    } else {
        return None;
    }
    Some(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The examples of ECMA-335 II.23.2.
    #[test]
    fn spec_examples_unsigned() {
        let cases: &[(u32, &[u8])] = &[
            (0x03, &[0x03]),
            (0x7F, &[0x7F]),
            (0x80, &[0x80, 0x80]),
            (0x2E57, &[0xAE, 0x57]),
            (0x3FFF, &[0xBF, 0xFF]),
            (0x4000, &[0xC0, 0x00, 0x40, 0x00]),
            (0x1FFF_FFFF, &[0xDF, 0xFF, 0xFF, 0xFF]),
        ];
        for &(value, bytes) in cases {
            assert_eq!(
                decode_u32(bytes).unwrap(),
                (value, bytes.len()),
                "{value:#x}"
            );
            let mut out = Vec::new();
            encode_u32(value, &mut out).unwrap();
            assert_eq!(out, bytes);
        }
    }

    #[test]
    fn spec_examples_signed() {
        let cases: &[(i32, &[u8])] = &[
            (3, &[0x06]),
            (-3, &[0x7B]),
            (64, &[0x80, 0x80]),
            (-64, &[0x01]),
            (8192, &[0xC0, 0x00, 0x40, 0x00]),
            (-8192, &[0x80, 0x01]),
            (268_435_455, &[0xDF, 0xFF, 0xFF, 0xFE]),
            (-268_435_456, &[0xC0, 0x00, 0x00, 0x01]),
        ];
        for &(value, bytes) in cases {
            assert_eq!(decode_i32(bytes).unwrap(), (value, bytes.len()), "{value}");
            let mut out = Vec::new();
            encode_i32(value, &mut out).unwrap();
            assert_eq!(out, bytes, "{value}");
        }
    }

    #[test]
    fn invalid_and_truncated() {
        assert!(decode_u32(&[]).is_err());
        assert!(decode_u32(&[0x80]).is_err());
        assert!(decode_u32(&[0xC0, 0, 0]).is_err());
        assert_eq!(
            decode_u32(&[0xE0, 0, 0, 0]),
            Err(MetadataError::BadCompressedInteger {
                first_byte: 0xE0,
                truncated: false
            })
        );
        assert!(encode_u32(0x2000_0000, &mut Vec::new()).is_none());
        assert!(encode_i32(MAX_SIGNED + 1, &mut Vec::new()).is_none());
    }
}
