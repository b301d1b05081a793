//! Loads and stores through addresses: `ldind.*`, `stind.*`, `ldobj`,
//! `stobj`, `initobj`, `cpobj`, `cpblk`, `initblk`, and `localloc`.

use osprey_metadata::il::Opcode;

use super::{bad_operands, invalid, token, Decoded, ImportedOp, Importer};
use crate::error::{InvalidIl, JitError};
use crate::opcode_types::access_type;
use crate::ops::Op;
use crate::types::StackKind;

impl Importer<'_, '_> {
    /// `ldobj`, `stobj`, `initobj`, `cpobj`, `cpblk`, `initblk`,
    /// `localloc`, and (the rest of [`Family::Indirect`](super::family::Family))
    /// `ldind.*`.
    pub(super) fn import_indirect(
        &mut self,
        d: &Decoded,
        offset: u32,
    ) -> Result<ImportedOp, JitError> {
        use Opcode as O;
        let method = self.method;
        let op = d.opcode;
        Ok(match op {
            O::Ldobj | O::Stobj | O::Initobj => {
                let t = token(&d.operand, offset)?;
                let info = self.host.resolve_type(t).map_err(|e| JitError::Resolve {
                    il_offset: offset,
                    error: e,
                })?;
                match op {
                    O::Ldobj => {
                        let ins = self.pop_n(1, offset)?;
                        if !matches!(ins[0], StackKind::ByRef | StackKind::I) {
                            return Err(bad_operands(op, offset, &ins));
                        }
                        (Op::LdInd(info.ty), ins, self.push(info.ty.stack_kind()))
                    }
                    O::Stobj => {
                        let ins = self.pop_n(2, offset)?;
                        if !matches!(ins[0], StackKind::ByRef | StackKind::I) {
                            return Err(bad_operands(op, offset, &ins));
                        }
                        self.check_store(info.ty, ins[1], op, offset)?;
                        (Op::StInd(info.ty), ins, None)
                    }
                    _ => {
                        let ins = self.pop_n(1, offset)?;
                        if !matches!(ins[0], StackKind::ByRef | StackKind::I) {
                            return Err(bad_operands(op, offset, &ins));
                        }
                        (Op::InitObj(info.ty), ins, None)
                    }
                }
            }
            O::Cpobj => {
                let info = self.type_token(&d.operand, offset)?;
                let ins = self.pop_n(2, offset)?;
                if !ins
                    .iter()
                    .all(|k| matches!(k, StackKind::ByRef | StackKind::I))
                {
                    return Err(bad_operands(op, offset, &ins));
                }
                (Op::CpObj(info.ty), ins, None)
            }
            O::Cpblk | O::Initblk => {
                let ins = self.pop_n(3, offset)?;
                let addr_ok = |k: StackKind| matches!(k, StackKind::I | StackKind::ByRef);
                let ok = addr_ok(ins[0])
                    && (if op == O::Cpblk {
                        addr_ok(ins[1])
                    } else {
                        ins[1] == StackKind::I4
                    })
                    && ins[2] == StackKind::I4;
                if !ok {
                    return Err(bad_operands(op, offset, &ins));
                }
                let op = if op == O::Cpblk {
                    Op::CpBlk
                } else {
                    Op::InitBlk
                };
                (op, ins, None)
            }
            O::Localloc => {
                if method.eh.iter().any(|c| c.in_filter(offset)) {
                    // A filter runs as a funclet and returns with `ret`:
                    // it cannot move its stack pointer.
                    return Err(JitError::Unsupported {
                        il_offset: offset,
                        what: "localloc inside a filter".into(),
                    });
                }
                let ins = self.pop_n(1, offset)?;
                if self.depth() != 0 {
                    return Err(invalid(offset, InvalidIl::LocallocStack));
                }
                (Op::Localloc, ins, self.push(StackKind::I))
            }
            _ => {
                let ty = access_type(op);
                let ins = self.pop_n(1, offset)?;
                if !matches!(ins[0], StackKind::ByRef | StackKind::I) {
                    return Err(bad_operands(op, offset, &ins));
                }
                (Op::LdInd(ty), ins, self.push(ty.stack_kind()))
            }
        })
    }

    /// `stind.*` ([`Family::StoreIndirect`](super::family::Family)).
    pub(super) fn import_store_indirect(
        &mut self,
        d: &Decoded,
        offset: u32,
    ) -> Result<ImportedOp, JitError> {
        let op = d.opcode;
        let ty = access_type(op);
        let ins = self.pop_n(2, offset)?;
        if !matches!(ins[0], StackKind::ByRef | StackKind::I) {
            return Err(bad_operands(op, offset, &ins));
        }
        self.check_store(ty, ins[1], op, offset)?;
        Ok((Op::StInd(ty), ins, None))
    }
}
