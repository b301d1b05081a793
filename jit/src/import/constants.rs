//! Constants: `ldc.*`, `ldnull`, `ldstr`.

use osprey_metadata::il::{Opcode, Operand};
use smallvec::SmallVec;

use super::{invalid, ldc_i4_short, token, Decoded, ImportedOp, Importer};
use crate::error::{InvalidIl, JitError};
use crate::ops::Op;
use crate::types::StackKind;

impl Importer<'_, '_> {
    /// `ldc.i4.m1`, `ldc.i4.s`, `ldc.i4`, `ldc.i8`, `ldc.r4`, `ldc.r8`, `ldnull`,
    /// `ldstr`, and (the rest of [`Family::Constant`](super::family::Family))
    /// `ldc.i4.0` to `ldc.i4.8`.
    pub(super) fn import_constant(
        &mut self,
        d: &Decoded,
        offset: u32,
    ) -> Result<ImportedOp, JitError> {
        use Opcode as O;
        let none = SmallVec::new();
        let op = d.opcode;
        Ok(match op {
            O::LdcI4M1 => (Op::LdcI4(-1), none, self.push(StackKind::I4)),
            O::LdcI4S | O::LdcI4 => {
                let v = match d.operand {
                    Operand::Int8(v) => v as i32,
                    Operand::Int32(v) => v,
                    _ => return Err(invalid(offset, InvalidIl::Operand { what: "ldc.i4" })),
                };
                (Op::LdcI4(v), none, self.push(StackKind::I4))
            }
            O::LdcI8 => match d.operand {
                Operand::Int64(v) => (Op::LdcI8(v), none, self.push(StackKind::I8)),
                _ => return Err(invalid(offset, InvalidIl::Operand { what: "ldc.i8" })),
            },
            O::LdcR4 => match d.operand {
                Operand::Float32(v) => (Op::LdcR4(v), none, self.push(StackKind::R4)),
                _ => return Err(invalid(offset, InvalidIl::Operand { what: "ldc.r4" })),
            },
            O::LdcR8 => match d.operand {
                Operand::Float64(v) => (Op::LdcR8(v), none, self.push(StackKind::R8)),
                _ => return Err(invalid(offset, InvalidIl::Operand { what: "ldc.r8" })),
            },
            O::Ldnull => (Op::LdNull, none, self.push(StackKind::Ref)),
            O::Ldstr => {
                let t = token(&d.operand, offset)?;
                let addr = self.host.resolve_string(t).map_err(|e| JitError::Resolve {
                    il_offset: offset,
                    error: e,
                })?;
                (Op::LdStr(addr), none, self.push(StackKind::Ref))
            }
            _ => {
                let v = ldc_i4_short(op);
                (Op::LdcI4(v), none, self.push(StackKind::I4))
            }
        })
    }
}
