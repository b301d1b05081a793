//! Calls and function pointers: `call`, `callvirt` (with `constrained.`),
//! `calli`, `ldftn`, `ldvirtftn`.

use osprey_metadata::il::{Opcode, Operand};
use smallvec::SmallVec;

use super::{bad_operands, invalid, token, unsupported, Decoded, ImportedOp, Importer, Prefixes};
use crate::error::{InvalidIl, JitError};
use crate::host::{CallOpcode, CallSig, CallTarget, ExactType, RtValue};
use crate::ops::{Op, ThisFixup};
use crate::types::{JitType, SlotClass, StackKind};

impl Importer<'_, '_> {
    /// `call`, `callvirt`, `calli`, `ldftn`, `ldvirtftn`.
    pub(super) fn import_call(
        &mut self,
        d: &Decoded,
        offset: u32,
        prefixes: &Prefixes,
    ) -> Result<ImportedOp, JitError> {
        use Opcode as O;
        let (constrained, readonly) = (prefixes.constrained, prefixes.readonly);
        let none = SmallVec::new();
        let op = d.opcode;
        Ok(match op {
            O::Call | O::Callvirt => {
                let t = token(&d.operand, offset)?;
                let kind = if op == O::Call {
                    CallOpcode::Call
                } else {
                    CallOpcode::CallVirt
                };
                let mut info = self.resolve_call(t, kind, offset)?;
                if let CallTarget::ArrayAccessor { exact, .. } = &mut info.target {
                    if readonly {
                        *exact = None;
                    }
                }
                if matches!(info.target, CallTarget::Virtual { .. }) && op == O::Call {
                    return Err(invalid(offset, InvalidIl::CallResolvedVirtual));
                }
                let mut this_fixup = None;
                if let Some(ct) = constrained {
                    if op != O::Callvirt || info.sig.this.is_none() {
                        return Err(invalid(offset, InvalidIl::ConstrainedTarget));
                    }
                    let ct_token = ct;
                    let ct = self.type_token(&Operand::Token(ct), offset)?;
                    match ct.ty {
                        JitType::Ref => this_fixup = Some(ThisFixup::Deref),
                        ty => match self
                            .host
                            .constrained_call(ct_token, ct.handle, t, &info)
                            .map_err(|e| JitError::Resolve {
                                il_offset: offset,
                                error: e,
                            })? {
                            Some(direct) => info = direct,
                            None => {
                                let exact = ExactType {
                                    canonical: ct.handle,
                                    exact: ct.exact,
                                };
                                this_fixup = Some(ThisFixup::Box(exact, ty))
                            }
                        },
                    }
                }
                let ins = self.pop_n(info.sig.pop_count(), offset)?;
                if matches!(info.target, CallTarget::GenericVirtual { .. }) {
                    // The resolved entry waits in a slot above the arguments.
                    self.out
                        .stack_slots
                        .insert((self.depth() + ins.len() as u16, SlotClass::Prim));
                }
                if this_fixup.is_some() {
                    if !matches!(ins[0], StackKind::ByRef | StackKind::I) {
                        return Err(bad_operands(op, offset, &ins));
                    }
                    let sig = CallSig {
                        this: None,
                        ..info.sig.clone()
                    };
                    self.check_call_args(&sig, &ins[1..], offset)?;
                    // The fixed-up `this` (an object reference) gets its own slot.
                    self.out
                        .stack_slots
                        .insert((self.depth() + ins.len() as u16, SlotClass::Ref));
                } else {
                    self.check_call_args(&info.sig, &ins, offset)?;
                }
                let out = if info.sig.ret == JitType::Void {
                    None
                } else {
                    self.push(info.sig.ret.stack_kind())
                };
                let call = Op::Call {
                    info: Box::new(info),
                    virt: op == O::Callvirt,
                    this_fixup,
                };
                (call, ins, out)
            }
            O::Calli => {
                let t = token(&d.operand, offset)?;
                let site = self
                    .host
                    .resolve_signature(t)
                    .map_err(|e| JitError::Resolve {
                        il_offset: offset,
                        error: e,
                    })?;
                let sig = site.sig;
                let mut ins = self.pop_n(sig.pop_count() + 1, offset)?;
                let fnptr = ins.pop().expect("popped pop_count + 1");
                if !matches!(fnptr, StackKind::I | StackKind::I8) {
                    return Err(invalid(offset, InvalidIl::CalliPointer));
                }
                self.check_call_args(&sig, &ins, offset)?;
                ins.push(fnptr);
                let out = if sig.ret == JitType::Void {
                    None
                } else {
                    self.push(sig.ret.stack_kind())
                };
                let target = match site.unmanaged {
                    Some(call) => CallTarget::PInvoke(Box::new(call)),
                    None => CallTarget::Managed { entry: 0 },
                };
                let info = crate::host::CallInfo {
                    method: crate::host::MethodHandle(0),
                    method_exact: RtValue::Const(0),
                    target,
                    sig,
                    new_object: None,
                    class_init: None,
                };
                (Op::Calli(Box::new(info)), ins, out)
            }
            O::Ldftn => {
                let t = token(&d.operand, offset)?;
                let info = self.resolve_call(t, CallOpcode::LdFtn, offset)?;
                let entry = match info.target {
                    CallTarget::Managed { entry } => RtValue::Const(entry),
                    CallTarget::ManagedLookup { entry } => RtValue::Lookup(entry),
                    _ => return Err(invalid(offset, InvalidIl::LdftnNoPointer)),
                };
                (Op::LdFtn(entry), none, self.push(StackKind::I))
            }
            O::Ldvirtftn => {
                let t = token(&d.operand, offset)?;
                let info = self.resolve_call(t, CallOpcode::LdVirtFtn, offset)?;
                let ins = self.pop_n(1, offset)?;
                if ins[0] != StackKind::Ref {
                    return Err(bad_operands(op, offset, &ins));
                }
                (
                    Op::LdVirtFtn(info.method_exact),
                    ins,
                    self.push(StackKind::I),
                )
            }
            other => return Err(unsupported(other, offset)),
        })
    }
}
