//! Arithmetic, comparisons and conversions: the binary numeric and bitwise
//! operators, `neg`, `not`, `ceq`/`cgt`/`clt` (and their unsigned forms),
//! `ckfinite` and every `conv.*`.

use osprey_metadata::il::Opcode;

use super::{
    bad_operands, binary_result, binop, comparable, conv_op, Decoded, ImportedOp, Importer,
};
use crate::error::JitError;
use crate::ops::{Cond, Op};
use crate::types::{JitType, StackKind};

impl Importer<'_, '_> {
    /// `neg`, `not`, the comparisons, `ckfinite`, and (the rest of
    /// [`Family::Arithmetic`](super::family::Family)) the binary operators.
    pub(super) fn import_arithmetic(
        &mut self,
        d: &Decoded,
        offset: u32,
    ) -> Result<ImportedOp, JitError> {
        use Opcode as O;
        let op = d.opcode;
        Ok(match op {
            O::Neg | O::Not => {
                let ins = self.pop_n(1, offset)?;
                let k = ins[0];
                let ok = k.is_int() || (op == O::Neg && k.is_float());
                if !ok {
                    return Err(bad_operands(op, offset, &ins));
                }
                (
                    if op == O::Neg { Op::Neg } else { Op::Not },
                    ins,
                    self.push(k),
                )
            }
            O::Ceq | O::Cgt | O::CgtUn | O::Clt | O::CltUn => {
                let cond = match op {
                    O::Ceq => Cond::Eq,
                    O::Cgt => Cond::Gt,
                    O::CgtUn => Cond::GtUn,
                    O::Clt => Cond::Lt,
                    _ => Cond::LtUn,
                };
                let ins = self.pop_n(2, offset)?;
                if !comparable(ins[0], ins[1]) {
                    return Err(bad_operands(op, offset, &ins));
                }
                (Op::Compare(cond), ins, self.push(StackKind::I4))
            }
            O::Ckfinite => {
                let ins = self.pop_n(1, offset)?;
                if !ins[0].is_float() {
                    return Err(bad_operands(op, offset, &ins));
                }
                let k = ins[0];
                (Op::CkFinite, ins, self.push(k))
            }
            _ => {
                let bop = binop(op);
                let ins = self.pop_n(2, offset)?;
                let k = binary_result(bop, ins[0], ins[1])
                    .ok_or_else(|| bad_operands(op, offset, &ins))?;
                (Op::Binary(bop), ins, self.push(k))
            }
        })
    }

    /// Every `conv.*` ([`Family::Conversion`](super::family::Family)).
    pub(super) fn import_conversion(
        &mut self,
        d: &Decoded,
        offset: u32,
    ) -> Result<ImportedOp, JitError> {
        let op = d.opcode;
        let conv = conv_op(op);
        let ins = self.pop_n(1, offset)?;
        let src = ins[0];
        let ok = src.is_int()
            || src.is_float()
            || (matches!(src, StackKind::ByRef | StackKind::Ref)
                && matches!(conv.to, JitType::I | JitType::U | JitType::I8 | JitType::U8)
                && !conv.overflow);
        if !ok {
            return Err(bad_operands(op, offset, &ins));
        }
        Ok((Op::Conv(conv), ins, self.push(conv.to.stack_kind())))
    }
}
