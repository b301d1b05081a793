//! CIL instruction decoding (ECMA-335 Partition III).
//!
//! [`Instructions`] iterates over a method's code, yielding each
//! instruction's offset and decoded [`Instruction`]. Branch and switch
//! targets are converted to absolute IL offsets and checked to lie inside
//! the code. Tokens are returned raw; resolving them is the caller's job.
//!
//! ```
//! use osprey_metadata::il::{Instructions, Opcode, Operand};
//! let code = [0x16, 0x2D, 0x01, 0x00, 0x2A]; // ldc.i4.0; brtrue.s IL_0004; nop; ret
//! let insns: Vec<_> = Instructions::new(&code).collect::<Result<_, _>>().unwrap();
//! assert_eq!(insns[1].1.opcode, Opcode::BrtrueS);
//! assert_eq!(insns[1].1.operand, Operand::Branch(4));
//! ```

mod opcode;

pub use opcode::{Opcode, OperandKind};

use crate::error::{MetadataError, Result};
use crate::token::Token;

/// A decoded inline operand.
#[derive(Debug, Clone, PartialEq)]
pub enum Operand {
    /// No operand.
    None,
    /// `ldc.i4.s`.
    Int8(i8),
    /// `unaligned.` alignment, `no.` flags.
    UInt8(u8),
    /// `ldc.i4`.
    Int32(i32),
    /// `ldc.i8`.
    Int64(i64),
    /// `ldc.r4`.
    Float32(f32),
    /// `ldc.r8`.
    Float64(f64),
    /// A metadata token (method, field, type, string, signature).
    Token(Token),
    /// Argument or local index (short and long forms).
    Var(u16),
    /// Absolute IL offset of a branch target.
    Branch(u32),
    /// Absolute IL offsets of the switch targets.
    Switch(Vec<u32>),
}

/// One decoded instruction.
#[derive(Debug, Clone, PartialEq)]
pub struct Instruction {
    /// The opcode.
    pub opcode: Opcode,
    /// Its operand.
    pub operand: Operand,
    /// Encoded size in bytes, including the operand.
    pub size: u32,
}

/// Iterator over the instructions of a method body's code.
///
/// Yields `Ok((offset, instruction))` until the end of the code, or one
/// `Err` and then `None`.
#[derive(Debug, Clone)]
pub struct Instructions<'a> {
    code: &'a [u8],
    pos: usize,
    failed: bool,
}

impl<'a> Instructions<'a> {
    /// Iterates over `code` (the code bytes of a [`crate::MethodBody`]).
    pub fn new(code: &'a [u8]) -> Self {
        Instructions {
            code,
            pos: 0,
            failed: false,
        }
    }
}

impl Iterator for Instructions<'_> {
    type Item = Result<(u32, Instruction)>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.failed || self.pos >= self.code.len() {
            return None;
        }
        let offset = self.pos;
        match decode(self.code, offset) {
            Ok(insn) => {
                self.pos += insn.size as usize;
                Some(Ok((offset as u32, insn)))
            }
            Err(e) => {
                self.failed = true;
                Some(Err(e))
            }
        }
    }
}

/// Decodes the instruction at `offset` in `code`.
pub fn decode(code: &[u8], offset: usize) -> Result<Instruction> {
    let il_offset = offset as u32;
    let code_size = code.len() as u32;
    let byte = *code.get(offset).ok_or(MetadataError::Truncated {
        what: "IL code",
        offset,
        needed: 1,
        available: 0,
    })?;
    let (opcode, opcode_size) = if byte == 0xFE {
        let second = *code.get(offset + 1).ok_or(MetadataError::UnknownOpcode {
            offset: il_offset,
            byte: 0xFE,
            prefixed: false,
        })?;
        let op = Opcode::from_fe_byte(second).ok_or(MetadataError::UnknownOpcode {
            offset: il_offset,
            byte: second,
            prefixed: true,
        })?;
        (op, 2)
    } else {
        let op = Opcode::from_byte(byte).ok_or(MetadataError::UnknownOpcode {
            offset: il_offset,
            byte,
            prefixed: false,
        })?;
        (op, 1)
    };
    let kind = opcode.operand_kind();
    let operand_start = offset + opcode_size;
    let truncated = || MetadataError::TruncatedOperand {
        offset: il_offset,
        opcode,
    };
    let operand_bytes = code
        .get(operand_start..operand_start + kind.size())
        .ok_or_else(truncated)?;
    let u32_operand = || u32::from_le_bytes(array(operand_bytes));
    let mut end = operand_start + kind.size();
    let branch = |delta: i64, end: usize| -> Result<u32> {
        let target = end as i64 + delta;
        if (0..i64::from(code_size)).contains(&target) {
            Ok(target as u32)
        } else {
            Err(MetadataError::BranchOutOfRange {
                offset: il_offset,
                target,
                code_size,
            })
        }
    };
    let operand = match kind {
        OperandKind::None => Operand::None,
        OperandKind::Int8 => Operand::Int8(operand_bytes[0] as i8),
        OperandKind::UInt8 => Operand::UInt8(operand_bytes[0]),
        OperandKind::ShortVar => Operand::Var(u16::from(operand_bytes[0])),
        OperandKind::Var => Operand::Var(u16::from_le_bytes(array(operand_bytes))),
        OperandKind::Int32 => Operand::Int32(u32_operand() as i32),
        OperandKind::Int64 => Operand::Int64(i64::from_le_bytes(array(operand_bytes))),
        OperandKind::Float32 => Operand::Float32(f32::from_le_bytes(array(operand_bytes))),
        OperandKind::Float64 => Operand::Float64(f64::from_le_bytes(array(operand_bytes))),
        OperandKind::ShortBranch => {
            Operand::Branch(branch(i64::from(operand_bytes[0] as i8), end)?)
        }
        OperandKind::Branch => Operand::Branch(branch(i64::from(u32_operand() as i32), end)?),
        OperandKind::Switch => {
            let count = u32_operand() as usize;
            let table_len = count.checked_mul(4).ok_or_else(truncated)?;
            let table = code
                .get(end..end.checked_add(table_len).ok_or_else(truncated)?)
                .ok_or_else(truncated)?;
            end += table_len;
            let mut targets = Vec::with_capacity(count);
            for entry in table.chunks_exact(4) {
                let delta = i32::from_le_bytes(array(entry));
                targets.push(branch(i64::from(delta), end)?);
            }
            Operand::Switch(targets)
        }
        OperandKind::Method
        | OperandKind::Field
        | OperandKind::Type
        | OperandKind::Tok
        | OperandKind::String
        | OperandKind::Sig => Operand::Token(Token::from_raw(u32_operand())),
    };
    Ok(Instruction {
        opcode,
        operand,
        size: (end - offset) as u32,
    })
}

/// Copies the first `N` bytes of `bytes` (zero-padded if shorter, which the
/// callers rule out by slicing exactly `N` bytes).
fn array<const N: usize>(bytes: &[u8]) -> [u8; N] {
    let mut out = [0u8; N];
    for (o, b) in out.iter_mut().zip(bytes) {
        *o = *b;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all(code: &[u8]) -> Result<Vec<(u32, Instruction)>> {
        Instructions::new(code).collect()
    }

    #[test]
    fn operands() {
        let code = [
            0x1F, 0xFE, // ldc.i4.s -2
            0x20, 0x78, 0x56, 0x34, 0x12, // ldc.i4 0x12345678
            0x22, 0x00, 0x00, 0x80, 0x3F, // ldc.r4 1.0
            0xFE, 0x0C, 0x02, 0x01, // ldloc 0x102
            0x72, 0x01, 0x00, 0x00, 0x70, // ldstr 0x70000001
            0xFE, 0x12, 0x04, // unaligned. 4
            0x2A, // ret
        ];
        let insns = all(&code).unwrap();
        let ops: Vec<_> = insns
            .iter()
            .map(|(o, i)| (*o, i.opcode, i.operand.clone()))
            .collect();
        assert_eq!(
            ops,
            vec![
                (0, Opcode::LdcI4S, Operand::Int8(-2)),
                (2, Opcode::LdcI4, Operand::Int32(0x1234_5678)),
                (7, Opcode::LdcR4, Operand::Float32(1.0)),
                (12, Opcode::Ldloc, Operand::Var(0x102)),
                (
                    16,
                    Opcode::Ldstr,
                    Operand::Token(Token::from_raw(0x7000_0001))
                ),
                (21, Opcode::Unaligned, Operand::UInt8(4)),
                (24, Opcode::Ret, Operand::None),
            ]
        );
    }

    #[test]
    fn branches_and_switch() {
        // switch (2 targets) at 0: targets relative to offset 13
        let mut code = vec![0x45, 2, 0, 0, 0];
        code.extend_from_slice(&0i32.to_le_bytes());
        code.extend_from_slice(&(-13i32).to_le_bytes());
        code.push(0x2B); // br.s -2 -> 12? offset 13, end 15, target 13
        code.push(0xFE);
        code.push(0x2A);
        let insns = all(&code).unwrap();
        assert_eq!(insns[0].1.operand, Operand::Switch(vec![13, 0]));
        assert_eq!(insns[1].1.operand, Operand::Branch(13));
        assert_eq!(insns[2].0, 15);
    }

    #[test]
    fn errors() {
        assert!(matches!(
            all(&[0x24]),
            Err(MetadataError::UnknownOpcode {
                offset: 0,
                byte: 0x24,
                prefixed: false
            })
        ));
        assert!(matches!(
            all(&[0x00, 0xFE, 0x08]),
            Err(MetadataError::UnknownOpcode {
                offset: 1,
                byte: 0x08,
                prefixed: true
            })
        ));
        assert!(matches!(
            all(&[0xFE]),
            Err(MetadataError::UnknownOpcode { .. })
        ));
        assert!(matches!(
            all(&[0x20, 0x00]),
            Err(MetadataError::TruncatedOperand {
                opcode: Opcode::LdcI4,
                ..
            })
        ));
        assert!(matches!(
            all(&[0x2B, 0x05]),
            Err(MetadataError::BranchOutOfRange { target: 7, .. })
        ));
        assert!(matches!(
            all(&[0x2B, 0x80]),
            Err(MetadataError::BranchOutOfRange { target: -126, .. })
        ));
        assert!(matches!(
            all(&[0x45, 0xFF, 0xFF, 0xFF, 0xFF]),
            Err(MetadataError::TruncatedOperand { .. })
        ));
        let err = all(&[0x00, 0xFF]).unwrap_err();
        assert_eq!(err.to_string(), "IL_0001: unknown opcode 0xFF");
        // The iterator stops after an error.
        let mut it = Instructions::new(&[0xFF, 0x00]);
        assert!(it.next().unwrap().is_err());
        assert!(it.next().is_none());
    }
}
