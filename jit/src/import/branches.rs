//! Branches: `br`, `brtrue`/`brfalse`, the compare-and-branch forms, `switch`
//! and `ret`.

use osprey_metadata::il::{Opcode, Operand};
use smallvec::SmallVec;

use super::{bad_operands, branch_target, comparable, invalid, Decoded, ImportedOp, Importer};
use crate::error::{InvalidIl, JitError};
use crate::ops::{Cond, Op};
use crate::types::{JitType, StackKind};

impl Importer<'_, '_> {
    /// `br`, `brtrue`, `brfalse`, `switch`, `ret`, and (the rest of
    /// [`Family::Branch`](super::family::Family)) the compare-and-branch forms.
    pub(super) fn import_branch(
        &mut self,
        d: &Decoded,
        offset: u32,
    ) -> Result<ImportedOp, JitError> {
        use Opcode as O;
        let method = self.method;
        let none = SmallVec::new();
        let op = d.opcode;
        Ok(match op {
            O::Br | O::BrS => {
                let t = branch_target(&d.operand, offset)?;
                self.branch_to(t, offset)?;
                self.stack = None;
                (Op::Br(t), none, None)
            }
            O::Brtrue | O::BrtrueS | O::Brfalse | O::BrfalseS => {
                let t = branch_target(&d.operand, offset)?;
                let ins = self.pop_n(1, offset)?;
                if matches!(ins[0], StackKind::Struct(_)) || ins[0].is_float() {
                    return Err(bad_operands(op, offset, &ins));
                }
                self.branch_to(t, offset)?;
                (
                    Op::BrBool(matches!(op, O::Brtrue | O::BrtrueS), t),
                    ins,
                    None,
                )
            }
            O::Switch => {
                let targets = match &d.operand {
                    Operand::Switch(ts) => ts.clone(),
                    _ => return Err(invalid(offset, InvalidIl::Operand { what: "switch" })),
                };
                let ins = self.pop_n(1, offset)?;
                if !matches!(ins[0], StackKind::I4 | StackKind::I) {
                    return Err(bad_operands(op, offset, &ins));
                }
                for &t in &targets {
                    self.branch_to(t, offset)?;
                }
                (Op::Switch(targets), ins, None)
            }
            O::Ret => {
                if method
                    .eh
                    .iter()
                    .any(|c| c.in_try(offset) || c.in_handler(offset) || c.in_filter(offset))
                {
                    return Err(invalid(offset, InvalidIl::RetInRegion));
                }
                let ins = if method.ret == JitType::Void {
                    none
                } else {
                    let ins = self.pop_n(1, offset)?;
                    self.check_store(method.ret, ins[0], op, offset)?;
                    ins
                };
                if self.depth() != 0 {
                    return Err(invalid(offset, InvalidIl::StackNotEmptyAtRet));
                }
                self.stack = None;
                (Op::Ret, ins, None)
            }
            _ => {
                let cond = match op {
                    O::Beq | O::BeqS => Cond::Eq,
                    O::Bge | O::BgeS => Cond::Ge,
                    O::BgeUn | O::BgeUnS => Cond::GeUn,
                    O::Bgt | O::BgtS => Cond::Gt,
                    O::BgtUn | O::BgtUnS => Cond::GtUn,
                    O::Ble | O::BleS => Cond::Le,
                    O::BleUn | O::BleUnS => Cond::LeUn,
                    O::Blt | O::BltS => Cond::Lt,
                    O::BltUn | O::BltUnS => Cond::LtUn,
                    _ => Cond::NeUn,
                };
                let t = branch_target(&d.operand, offset)?;
                let ins = self.pop_n(2, offset)?;
                if !comparable(ins[0], ins[1]) {
                    return Err(bad_operands(op, offset, &ins));
                }
                self.branch_to(t, offset)?;
                (Op::BrCmp(cond, t), ins, None)
            }
        })
    }
}
