//! Arrays: `ldlen`, `ldelem*`, `ldelema`, `stelem*`, `newarr`.

use osprey_metadata::il::Opcode;

use super::{bad_operands, token, Decoded, ImportedOp, Importer, Prefixes};
use crate::error::JitError;
use crate::host::ExactType;
use crate::opcode_types::access_type;
use crate::ops::Op;
use crate::types::{JitType, StackKind};

impl Importer<'_, '_> {
    /// `ldlen`, `newarr`, and (the rest of
    /// [`Family::Array`](super::family::Family)) `ldelem*` and `ldelema`.
    pub(super) fn import_array(
        &mut self,
        d: &Decoded,
        offset: u32,
        prefixes: &Prefixes,
    ) -> Result<ImportedOp, JitError> {
        use Opcode as O;
        let readonly = prefixes.readonly;
        let op = d.opcode;
        Ok(match op {
            O::Ldlen => {
                let ins = self.pop_n(1, offset)?;
                if ins[0] != StackKind::Ref {
                    return Err(bad_operands(op, offset, &ins));
                }
                (Op::LdLen, ins, self.push(StackKind::I))
            }
            O::Newarr => {
                let t = token(&d.operand, offset)?;
                let array = self
                    .host
                    .resolve_array_type(t)
                    .map_err(|e| JitError::Resolve {
                        il_offset: offset,
                        error: e,
                    })?;
                let array = ExactType {
                    canonical: array.handle,
                    exact: array.exact,
                };
                let ins = self.pop_n(1, offset)?;
                if !matches!(ins[0], StackKind::I4 | StackKind::I) {
                    return Err(bad_operands(op, offset, &ins));
                }
                (Op::NewArr(array), ins, self.push(StackKind::Ref))
            }
            _ => {
                let (ty, handle) = match op {
                    O::Ldelem | O::Ldelema => {
                        let info = self.type_token(&d.operand, offset)?;
                        (info.ty, Some(info.exact))
                    }
                    _ => (access_type(op), None),
                };
                let ins = self.pop_n(2, offset)?;
                if ins[0] != StackKind::Ref || !matches!(ins[1], StackKind::I4 | StackKind::I) {
                    return Err(bad_operands(op, offset, &ins));
                }
                if op == O::Ldelema {
                    // Without `readonly.`, the address of a reference element
                    // is only for an array of exactly that element type.
                    let exact = handle.filter(|_| ty == JitType::Ref && !readonly);
                    (Op::LdElemA(ty, exact), ins, self.push(StackKind::ByRef))
                } else {
                    (Op::LdElem(ty), ins, self.push(ty.stack_kind()))
                }
            }
        })
    }

    /// `stelem.*` and `stelem` ([`Family::StoreElement`](super::family::Family)).
    pub(super) fn import_store_element(
        &mut self,
        d: &Decoded,
        offset: u32,
    ) -> Result<ImportedOp, JitError> {
        use Opcode as O;
        let op = d.opcode;
        let ty = if op == O::Stelem {
            let t = token(&d.operand, offset)?;
            self.host
                .resolve_type(t)
                .map_err(|e| JitError::Resolve {
                    il_offset: offset,
                    error: e,
                })?
                .ty
        } else {
            access_type(op)
        };
        let ins = self.pop_n(3, offset)?;
        if ins[0] != StackKind::Ref || !matches!(ins[1], StackKind::I4 | StackKind::I) {
            return Err(bad_operands(op, offset, &ins));
        }
        self.check_store(ty, ins[2], op, offset)?;
        Ok((Op::StElem(ty), ins, None))
    }
}
