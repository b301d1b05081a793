//! The object model: instance and static fields, `newobj`, `castclass`,
//! `isinst`, `box`, `unbox`, `unbox.any`, `ldtoken`, `sizeof`.

use osprey_metadata::il::Opcode;
use smallvec::SmallVec;

use super::{bad_operands, invalid, token, unsupported, Decoded, ImportedOp, Importer};
use crate::error::{InvalidIl, JitError};
use crate::host::{CallOpcode, ExactType, NewObjectInfo, RtValue};
use crate::ops::Op;
use crate::types::{JitType, StackKind};

impl Importer<'_, '_> {
    /// `ldfld`, `ldflda`, `stfld`, `ldsfld`, `ldsflda`, `stsfld`.
    pub(super) fn import_field(
        &mut self,
        d: &Decoded,
        offset: u32,
    ) -> Result<ImportedOp, JitError> {
        use Opcode as O;
        let none = SmallVec::new();
        let op = d.opcode;
        Ok(match op {
            O::Ldfld | O::Ldflda | O::Stfld => {
                let t = token(&d.operand, offset)?;
                let info = self
                    .host
                    .resolve_field(t, false)
                    .map_err(|e| JitError::Resolve {
                        il_offset: offset,
                        error: e,
                    })?;
                match op {
                    O::Ldfld => {
                        let ins = self.pop_n(1, offset)?;
                        if !matches!(
                            ins[0],
                            StackKind::Ref | StackKind::ByRef | StackKind::I | StackKind::Struct(_)
                        ) {
                            return Err(bad_operands(op, offset, &ins));
                        }
                        let k = info.ty.stack_kind();
                        (Op::LdFld(Box::new(info)), ins, self.push(k))
                    }
                    O::Ldflda => {
                        let ins = self.pop_n(1, offset)?;
                        let k = match ins[0] {
                            StackKind::Ref | StackKind::ByRef => StackKind::ByRef,
                            StackKind::I => StackKind::I,
                            _ => return Err(bad_operands(op, offset, &ins)),
                        };
                        (Op::LdFldA(Box::new(info)), ins, self.push(k))
                    }
                    _ => {
                        let ins = self.pop_n(2, offset)?;
                        if !matches!(ins[0], StackKind::Ref | StackKind::ByRef | StackKind::I) {
                            return Err(bad_operands(op, offset, &ins));
                        }
                        self.check_store(info.ty, ins[1], op, offset)?;
                        (Op::StFld(Box::new(info)), ins, None)
                    }
                }
            }
            O::Ldsfld | O::Ldsflda | O::Stsfld => {
                let t = token(&d.operand, offset)?;
                let info = self
                    .host
                    .resolve_field(t, true)
                    .map_err(|e| JitError::Resolve {
                        il_offset: offset,
                        error: e,
                    })?;
                match op {
                    O::Ldsfld => {
                        let k = info.ty.stack_kind();
                        (Op::LdSFld(Box::new(info)), none, self.push(k))
                    }
                    O::Ldsflda => (
                        Op::LdSFldA(Box::new(info)),
                        none,
                        self.push(StackKind::ByRef),
                    ),
                    _ => {
                        let ins = self.pop_n(1, offset)?;
                        self.check_store(info.ty, ins[0], op, offset)?;
                        (Op::StSFld(Box::new(info)), ins, None)
                    }
                }
            }
            other => return Err(unsupported(other, offset)),
        })
    }

    /// `newobj`, `castclass`, `isinst`, `box`, `unbox`, `unbox.any`, `ldtoken`,
    /// `sizeof`.
    pub(super) fn import_object(
        &mut self,
        d: &Decoded,
        offset: u32,
    ) -> Result<ImportedOp, JitError> {
        use Opcode as O;
        let none = SmallVec::new();
        let op = d.opcode;
        Ok(match op {
            O::Newobj => {
                let t = token(&d.operand, offset)?;
                let info = self.resolve_call(t, CallOpcode::NewObj, offset)?;
                let k = match &info.new_object {
                    Some(
                        NewObjectInfo::Object { .. }
                        | NewObjectInfo::Factory
                        | NewObjectInfo::MdArray { .. }
                        | NewObjectInfo::Delegate { .. },
                    ) => StackKind::Ref,
                    Some(NewObjectInfo::Value { handle }) => StackKind::Struct(*handle),
                    None => return Err(invalid(offset, InvalidIl::NewobjNotConstructor)),
                };
                let ins = self.pop_n(info.sig.params.len(), offset)?;
                (Op::NewObj(Box::new(info)), ins, self.push(k))
            }
            O::Castclass | O::Isinst => {
                let info = self.type_token(&d.operand, offset)?;
                let ins = self.pop_n(1, offset)?;
                if ins[0] != StackKind::Ref {
                    return Err(bad_operands(op, offset, &ins));
                }
                // A boxed Nullable<T> is a boxed T (or null).
                let target = match info.nullable_of {
                    Some(t) => RtValue::Const(t.0),
                    None => info.exact,
                };
                let op = if op == O::Castclass {
                    Op::CastClass(target)
                } else {
                    Op::IsInst(target)
                };
                (op, ins, self.push(StackKind::Ref))
            }
            O::Box => {
                let info = self.type_token(&d.operand, offset)?;
                let ins = self.pop_n(1, offset)?;
                // The value must be of the type (`box` of a reference type
                // is a no-op on a reference, and must not turn an integer
                // into one).
                self.check_store(info.ty, ins[0], op, offset)?;
                let boxed = if info.nullable_of.is_some() {
                    Op::BoxNullable(info.exact)
                } else {
                    let exact = ExactType {
                        canonical: info.handle,
                        exact: info.exact,
                    };
                    Op::Box(exact, info.ty)
                };
                (boxed, ins, self.push(StackKind::Ref))
            }
            O::Unbox => {
                let info = self.type_token(&d.operand, offset)?;
                let ins = self.pop_n(1, offset)?;
                if ins[0] != StackKind::Ref {
                    return Err(bad_operands(op, offset, &ins));
                }
                if info.nullable_of.is_some() {
                    return Err(JitError::Unsupported {
                        il_offset: offset,
                        what: "`unbox` to a Nullable<T> (only `unbox.any` is supported)".into(),
                    });
                }
                (Op::Unbox(info.exact), ins, self.push(StackKind::ByRef))
            }
            O::UnboxAny => {
                let info = self.type_token(&d.operand, offset)?;
                let ins = self.pop_n(1, offset)?;
                if ins[0] != StackKind::Ref {
                    return Err(bad_operands(op, offset, &ins));
                }
                let unboxed = if info.nullable_of.is_some() {
                    Op::UnboxNullable(info.exact, info.ty)
                } else {
                    Op::UnboxAny(info.exact, info.ty)
                };
                (unboxed, ins, self.push(info.ty.stack_kind()))
            }
            O::Ldtoken => {
                let t = token(&d.operand, offset)?;
                let (value, handle_type) =
                    self.host.resolve_token(t).map_err(|e| JitError::Resolve {
                        il_offset: offset,
                        error: e,
                    })?;
                (
                    Op::LdToken(value, handle_type),
                    none,
                    self.push(StackKind::Struct(handle_type)),
                )
            }
            O::Sizeof => {
                let info = self.type_token(&d.operand, offset)?;
                let size = match info.ty {
                    JitType::Struct(h) => self.host.struct_layout(h).size,
                    other => other.primitive_size().unwrap_or(8),
                };
                (Op::LdcI4(size as i32), none, self.push(StackKind::I4))
            }
            other => return Err(unsupported(other, offset)),
        })
    }
}
