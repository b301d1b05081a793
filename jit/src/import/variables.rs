//! Loads and stores of arguments and locals (`ldarg`, `ldarga`, `starg`,
//! `ldloc`, `ldloca`, `stloc` in all their forms) and the stack shuffles
//! `dup` and `pop`.

use osprey_metadata::il::Opcode;
use smallvec::SmallVec;

use super::{invalid, unsupported, var_index, Decoded, ImportedOp, Importer};
use crate::error::{InvalidIl, JitError};
use crate::ops::Op;
use crate::types::StackKind;

impl Importer<'_, '_> {
    /// `ldarg*`, `ldarga*`, `starg*`, `ldloc*`, `ldloca*`, `stloc*`, `dup`, `pop`.
    pub(super) fn import_variable(
        &mut self,
        d: &Decoded,
        offset: u32,
    ) -> Result<ImportedOp, JitError> {
        use Opcode as O;
        let method = self.method;
        let none = SmallVec::new();
        let op = d.opcode;
        Ok(match op {
            O::Ldarg0 | O::Ldarg1 | O::Ldarg2 | O::Ldarg3 | O::LdargS | O::Ldarg => {
                let n = var_index(op, &d.operand, offset)?;
                let ty = *method
                    .args
                    .get(n as usize)
                    .ok_or_else(|| invalid(offset, InvalidIl::ArgumentIndex))?;
                (Op::LdArg(n), none, self.push(ty.stack_kind()))
            }
            O::LdargaS | O::Ldarga => {
                let n = var_index(op, &d.operand, offset)?;
                if n as usize >= method.args.len() {
                    return Err(invalid(offset, InvalidIl::ArgumentIndex));
                }
                self.out.arg_address_taken[n as usize] = true;
                (Op::LdArgA(n), none, self.push(StackKind::ByRef))
            }
            O::StargS | O::Starg => {
                let n = var_index(op, &d.operand, offset)?;
                if n as usize >= method.args.len() {
                    return Err(invalid(offset, InvalidIl::ArgumentIndex));
                }
                let ins = self.pop_n(1, offset)?;
                self.check_store(method.args[n as usize], ins[0], op, offset)?;
                (Op::StArg(n), ins, None)
            }
            O::Ldloc0 | O::Ldloc1 | O::Ldloc2 | O::Ldloc3 | O::LdlocS | O::Ldloc => {
                let n = var_index(op, &d.operand, offset)?;
                let local = method
                    .locals
                    .get(n as usize)
                    .ok_or_else(|| invalid(offset, InvalidIl::LocalIndex))?;
                (Op::LdLoc(n), none, self.push(local.ty.stack_kind()))
            }
            O::LdlocaS | O::Ldloca => {
                let n = var_index(op, &d.operand, offset)?;
                if n as usize >= method.locals.len() {
                    return Err(invalid(offset, InvalidIl::LocalIndex));
                }
                self.out.local_address_taken[n as usize] = true;
                (Op::LdLocA(n), none, self.push(StackKind::ByRef))
            }
            O::Stloc0 | O::Stloc1 | O::Stloc2 | O::Stloc3 | O::StlocS | O::Stloc => {
                let n = var_index(op, &d.operand, offset)?;
                if n as usize >= method.locals.len() {
                    return Err(invalid(offset, InvalidIl::LocalIndex));
                }
                let ins = self.pop_n(1, offset)?;
                self.check_store(method.locals[n as usize].ty, ins[0], op, offset)?;
                (Op::StLoc(n), ins, None)
            }
            O::Dup => {
                let top = *self
                    .stack()
                    .last()
                    .ok_or_else(|| invalid(offset, InvalidIl::DupEmpty))?;
                let ins = self.pop_n(1, offset)?;
                self.stack().push(top);
                (Op::Dup, ins, self.push(top))
            }
            O::Pop => (Op::Pop, self.pop_n(1, offset)?, None),
            other => return Err(unsupported(other, offset)),
        })
    }
}
