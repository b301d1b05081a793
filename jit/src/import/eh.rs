//! Exception-handling instructions: `leave`, `endfinally`, `endfilter`,
//! `rethrow`, `throw`.

use osprey_metadata::il::Opcode;
use smallvec::SmallVec;

use super::{bad_operands, branch_target, invalid, unsupported, Decoded, ImportedOp, Importer};
use crate::error::{InvalidIl, JitError};
use crate::ops::Op;
use crate::types::StackKind;

impl Importer<'_, '_> {
    /// `leave`, `endfinally`, `endfilter`, `rethrow`, `throw`.
    pub(super) fn import_eh(&mut self, d: &Decoded, offset: u32) -> Result<ImportedOp, JitError> {
        use Opcode as O;
        let method = self.method;
        let none = SmallVec::new();
        let op = d.opcode;
        Ok(match op {
            O::Leave | O::LeaveS => {
                let t = branch_target(&d.operand, offset)?;
                // `leave` empties the evaluation stack and runs the finally
                // handlers of the protected blocks it exits, innermost first.
                let finallies = method
                    .eh
                    .iter()
                    .enumerate()
                    .filter(|(_, c)| {
                        c.kind == crate::eh::EhKind::Finally && c.in_try(offset) && !c.in_try(t)
                    })
                    .map(|(i, _)| i)
                    .collect();
                self.stack = Some(Vec::new());
                self.branch_to(t, offset)?;
                self.stack = None;
                (
                    Op::Leave {
                        target: t,
                        finallies,
                    },
                    none,
                    None,
                )
            }
            O::Endfinally => {
                let clause = method
                    .eh
                    .iter()
                    .position(|c| {
                        matches!(
                            c.kind,
                            crate::eh::EhKind::Finally | crate::eh::EhKind::Fault
                        ) && c.in_handler(offset)
                    })
                    .ok_or_else(|| invalid(offset, InvalidIl::EndfinallyOutside))?;
                self.stack = None;
                (Op::EndFinally(clause), none, None)
            }
            O::Endfilter => {
                let clause = method
                    .eh
                    .iter()
                    .position(|c| c.in_filter(offset))
                    .ok_or_else(|| invalid(offset, InvalidIl::EndfilterOutside))?;
                let ins = self.pop_n(1, offset)?;
                if ins[0] != StackKind::I4 || self.depth() != 0 {
                    return Err(invalid(offset, InvalidIl::EndfilterOperand));
                }
                self.stack = None;
                (Op::EndFilter(clause), ins, None)
            }
            O::Rethrow => {
                let clause = method
                    .eh
                    .iter()
                    .position(|c| {
                        matches!(
                            c.kind,
                            crate::eh::EhKind::Catch(_) | crate::eh::EhKind::Filter { .. }
                        ) && c.in_handler(offset)
                    })
                    .ok_or_else(|| invalid(offset, InvalidIl::RethrowOutside))?;
                self.stack = None;
                (Op::Rethrow(clause), none, None)
            }
            O::Throw => {
                let ins = self.pop_n(1, offset)?;
                if ins[0] != StackKind::Ref {
                    return Err(bad_operands(op, offset, &ins));
                }
                self.stack = None;
                (Op::Throw, ins, None)
            }
            other => return Err(unsupported(other, offset)),
        })
    }
}
