//! Method bodies (ECMA-335 II.25.4): header, IL code and exception clauses.

use crate::error::{BodyError, MetadataError, Result};
use crate::reader::{le_u16_at, le_u32_at};
use crate::tables::TableId;
use crate::token::Token;

/// Header format bits (low two bits of the first byte).
const FORMAT_MASK: u8 = 0x3;
const TINY_FORMAT: u8 = 0x2;
const FAT_FORMAT: u8 = 0x3;
/// Fat header flag: extra data sections follow the code.
const MORE_SECTS: u16 = 0x8;
/// Fat header flag: zero-initialize locals.
const INIT_LOCALS: u16 = 0x10;
/// Extra data section kind bits (II.25.4.5).
const SECT_EH_TABLE: u8 = 0x1;
const SECT_FAT_FORMAT: u8 = 0x40;
const SECT_MORE_SECTS: u8 = 0x80;

/// The max stack of tiny-header methods.
pub const TINY_MAX_STACK: u16 = 8;

/// Which header format a body uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HeaderKind {
    /// One byte: code size < 64, max stack 8, no locals, no exception handlers.
    Tiny,
    /// Twelve bytes.
    Fat,
}

/// What an exception handler does (II.25.4.6).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ClauseKind {
    /// A typed handler catching exceptions of the class `Token`.
    Catch(Token),
    /// A filter block at `filter_offset` decides whether the handler runs.
    Filter {
        /// IL offset of the filter block (it ends where the handler starts).
        filter_offset: u32,
    },
    /// A `finally` handler.
    Finally,
    /// A `fault` handler.
    Fault,
}

/// One exception handling clause.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct ExceptionClause {
    /// Kind of handler.
    pub kind: ClauseKind,
    /// IL offset of the protected block.
    pub try_offset: u32,
    /// Length of the protected block.
    pub try_length: u32,
    /// IL offset of the handler.
    pub handler_offset: u32,
    /// Length of the handler.
    pub handler_length: u32,
}

/// A decoded method body. The code is a view into the image.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MethodBody<'a> {
    /// Header format.
    pub header_kind: HeaderKind,
    /// Maximum evaluation stack depth.
    pub max_stack: u16,
    /// Whether locals must be zero-initialized (`CorILMethod_InitLocals`).
    pub init_locals: bool,
    /// The StandAloneSig holding the locals signature, if any.
    pub local_var_sig: Option<Token>,
    /// The IL code.
    pub code: &'a [u8],
    /// Exception handling clauses, from all EH sections in order.
    pub exception_clauses: Vec<ExceptionClause>,
    /// Total size of the body including header and extra sections.
    pub total_size: usize,
}

impl<'a> MethodBody<'a> {
    /// Decodes the body at the start of `data` (the bytes from the body's RVA
    /// to the end of its section). `rva` is only used in error messages.
    pub fn parse(data: &'a [u8], rva: u32) -> Result<Self> {
        let fail = |error| MetadataError::MethodBody { rva, error };
        let first = *data.first().ok_or_else(|| {
            fail(BodyError::HeaderTruncated {
                needed: 1,
                available: 0,
            })
        })?;
        match first & FORMAT_MASK {
            TINY_FORMAT => {
                let size = usize::from(first >> 2);
                let code = data.get(1..1 + size).ok_or_else(|| {
                    fail(BodyError::CodeTruncated {
                        claimed: size as u32,
                        remaining: data.len() - 1,
                    })
                })?;
                Ok(MethodBody {
                    header_kind: HeaderKind::Tiny,
                    max_stack: TINY_MAX_STACK,
                    init_locals: false,
                    local_var_sig: None,
                    code,
                    exception_clauses: Vec::new(),
                    total_size: 1 + size,
                })
            }
            FAT_FORMAT => Self::parse_fat(data, rva),
            _ => Err(fail(BodyError::UnknownFormat { first_byte: first })),
        }
    }

    fn parse_fat(data: &'a [u8], rva: u32) -> Result<Self> {
        let fail = |error| MetadataError::MethodBody { rva, error };
        let truncated = || {
            fail(BodyError::HeaderTruncated {
                needed: 12,
                available: data.len(),
            })
        };
        let flags_and_size = le_u16_at(data, 0).ok_or_else(truncated)?;
        let flags = flags_and_size & 0x0FFF;
        let dwords = (flags_and_size >> 12) as u8;
        if dwords != 3 {
            return Err(fail(BodyError::BadFatHeaderSize { dwords }));
        }
        let max_stack = le_u16_at(data, 2).ok_or_else(truncated)?;
        let code_size = le_u32_at(data, 4).ok_or_else(truncated)?;
        let local_sig = le_u32_at(data, 8).ok_or_else(truncated)?;
        let local_var_sig = match Token::from_raw(local_sig) {
            t if t.raw() == 0 => None,
            t if t.table() == Some(TableId::StandAloneSig) && !t.is_null() => Some(t),
            _ => return Err(fail(BodyError::BadLocalVarSigToken { token: local_sig })),
        };
        // The header reads above succeeded, so at least 12 bytes exist.
        let after_header = data.get(12..).unwrap_or(&[]);
        let code = after_header.get(..code_size as usize).ok_or_else(|| {
            fail(BodyError::CodeTruncated {
                claimed: code_size,
                remaining: after_header.len(),
            })
        })?;
        let code_end = 12 + code.len();
        let mut body = MethodBody {
            header_kind: HeaderKind::Fat,
            max_stack,
            init_locals: flags & INIT_LOCALS != 0,
            local_var_sig,
            code,
            exception_clauses: Vec::new(),
            total_size: code_end,
        };
        if flags & MORE_SECTS != 0 {
            body.total_size = body.parse_sections(data, code_end).map_err(fail)?;
        }
        Ok(body)
    }

    /// Decodes the extra data sections starting after the code (at `code_end`,
    /// aligned to 4). Returns the end offset of the last section.
    fn parse_sections(&mut self, data: &[u8], code_end: usize) -> Result<usize, BodyError> {
        let mut offset = align4(code_end);
        loop {
            let header = data
                .get(offset..offset + 4)
                .ok_or(BodyError::SectionTruncated {
                    offset,
                    needed: 4,
                    available: data.len().saturating_sub(offset),
                })?;
            let kind = header[0];
            let fat = kind & SECT_FAT_FORMAT != 0;
            let size = if fat {
                u32::from_le_bytes([header[1], header[2], header[3], 0]) as usize
            } else {
                usize::from(header[1])
            };
            // The size includes the 4-byte header; a smaller value still
            // occupies the header, which guarantees progress.
            let section =
                data.get(offset..offset + size.max(4))
                    .ok_or(BodyError::SectionTruncated {
                        offset,
                        needed: size,
                        available: data.len().saturating_sub(offset),
                    })?;
            if kind & SECT_EH_TABLE != 0 {
                let clauses = section.get(4..).unwrap_or(&[]);
                self.parse_clauses(clauses, fat)?;
            }
            offset = align4(offset + size.max(4));
            if kind & SECT_MORE_SECTS == 0 {
                return Ok(offset);
            }
        }
    }

    /// Decodes the clauses of one EH section (after its 4-byte header).
    fn parse_clauses(&mut self, data: &[u8], fat: bool) -> Result<(), BodyError> {
        let clause_size = if fat { 24 } else { 12 };
        for raw in data.chunks_exact(clause_size) {
            let index = self.exception_clauses.len();
            let field = |at: usize| le_u32_at(raw, at).unwrap_or(0);
            let half = |at: usize| u32::from(le_u16_at(raw, at).unwrap_or(0));
            let byte = |at: usize| u32::from(raw.get(at).copied().unwrap_or(0));
            let (flags, try_offset, try_length, handler_offset, handler_length, extra) = if fat {
                (
                    field(0),
                    field(4),
                    field(8),
                    field(12),
                    field(16),
                    field(20),
                )
            } else {
                (half(0), half(2), byte(4), half(5), byte(7), field(8))
            };
            let kind = match flags {
                0 => ClauseKind::Catch(Token::from_raw(extra)),
                1 => ClauseKind::Filter {
                    filter_offset: extra,
                },
                2 => ClauseKind::Finally,
                4 => ClauseKind::Fault,
                _ => return Err(BodyError::BadClauseFlags { index, flags }),
            };
            let clause = ExceptionClause {
                kind,
                try_offset,
                try_length,
                handler_offset,
                handler_length,
            };
            self.check_clause(index, &clause)?;
            self.exception_clauses.push(clause);
        }
        Ok(())
    }

    /// Checks that the clause's ranges lie within the code.
    fn check_clause(&self, index: usize, c: &ExceptionClause) -> Result<(), BodyError> {
        let code_size = self.code.len() as u32;
        let check = |range: &'static str, start: u32, length: u32| match start.checked_add(length) {
            Some(end) if end <= code_size => Ok(()),
            _ => Err(BodyError::ClauseOutOfRange {
                index,
                range,
                start,
                length,
                code_size,
            }),
        };
        check("try", c.try_offset, c.try_length)?;
        check("handler", c.handler_offset, c.handler_length)?;
        if let ClauseKind::Filter { filter_offset } = c.kind {
            if filter_offset >= code_size {
                return Err(BodyError::ClauseOutOfRange {
                    index,
                    range: "filter",
                    start: filter_offset,
                    length: 0,
                    code_size,
                });
            }
        }
        Ok(())
    }
}

fn align4(offset: usize) -> usize {
    offset.saturating_add(3) & !3
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tiny() {
        let body = MethodBody::parse(&[(3 << 2) | 2, 0x00, 0x00, 0x2A, 0xFF], 0x2050).unwrap();
        assert_eq!(body.header_kind, HeaderKind::Tiny);
        assert_eq!(body.code, &[0x00, 0x00, 0x2A]);
        assert_eq!(body.max_stack, 8);
        let err = MethodBody::parse(&[(3 << 2) | 2, 0x00], 0x2050).unwrap_err();
        assert_eq!(
            err.to_string(),
            "method body at RVA 0x2050: header claims 3 bytes of code, 1 remain"
        );
    }

    fn fat_body(code: &[u8], flags: u16, sections: &[u8]) -> Vec<u8> {
        let mut b = Vec::new();
        b.extend_from_slice(&(0x3003 | flags).to_le_bytes());
        b.extend_from_slice(&4u16.to_le_bytes());
        b.extend_from_slice(&(code.len() as u32).to_le_bytes());
        b.extend_from_slice(&0x1100_0001u32.to_le_bytes());
        b.extend_from_slice(code);
        while b.len() % 4 != 0 {
            b.push(0);
        }
        b.extend_from_slice(sections);
        b
    }

    #[test]
    fn fat_with_small_and_fat_sections() {
        let code = [0u8; 20];
        let mut sections = vec![SECT_EH_TABLE | SECT_MORE_SECTS, 16, 0, 0];
        // small catch clause: try 0+4, handler 4+2, class token 0x01000001
        sections.extend_from_slice(&[0, 0, 0, 0, 4, 4, 0, 2, 1, 0, 0, 1]);
        sections.extend_from_slice(&[SECT_EH_TABLE | SECT_FAT_FORMAT, 28, 0, 0]);
        for v in [1u32, 0, 8, 12, 4, 10] {
            sections.extend_from_slice(&v.to_le_bytes());
        }
        let data = fat_body(&code, MORE_SECTS | INIT_LOCALS, &sections);
        let body = MethodBody::parse(&data, 0).unwrap();
        assert!(body.init_locals);
        assert_eq!(body.local_var_sig, Some(Token::from_raw(0x1100_0001)));
        assert_eq!(body.code.len(), 20);
        assert_eq!(body.total_size, data.len());
        assert_eq!(
            body.exception_clauses,
            vec![
                ExceptionClause {
                    kind: ClauseKind::Catch(Token::from_raw(0x0100_0001)),
                    try_offset: 0,
                    try_length: 4,
                    handler_offset: 4,
                    handler_length: 2
                },
                ExceptionClause {
                    kind: ClauseKind::Filter { filter_offset: 10 },
                    try_offset: 0,
                    try_length: 8,
                    handler_offset: 12,
                    handler_length: 4
                },
            ]
        );
    }

    #[test]
    fn fat_errors() {
        let data = fat_body(&[0; 4], 0, &[]);
        let mut short = data.clone();
        short.truncate(14);
        let err = MethodBody::parse(&short, 0x2050).unwrap_err();
        assert_eq!(
            err.to_string(),
            "method body at RVA 0x2050: header claims 4 bytes of code, 2 remain"
        );
        let mut bad_clause = fat_body(&[0; 4], MORE_SECTS, &[SECT_EH_TABLE, 16, 0, 0]);
        bad_clause.extend_from_slice(&[0, 0, 0, 0, 9, 0, 0, 1, 0, 0, 0, 0]);
        assert!(matches!(
            MethodBody::parse(&bad_clause, 0),
            Err(MetadataError::MethodBody {
                error: BodyError::ClauseOutOfRange { .. },
                ..
            })
        ));
        let no_section = fat_body(&[0; 4], MORE_SECTS, &[]);
        assert!(MethodBody::parse(&no_section, 0).is_err());
        assert!(MethodBody::parse(&[0x01], 0).is_err());
        assert!(MethodBody::parse(&[], 0).is_err());
    }
}
