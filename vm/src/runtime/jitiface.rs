//! The runtime's side of the JIT interface ([`osprey_jit::JitHost`]).
//!
//! A [`JitContext`] answers the JIT's questions about the method being
//! compiled, with the loader locked for the whole compilation.

use osprey_jit::{
    CallInfo, CallOpcode, CallSig, CallTarget, ClassInitCheck, FieldInfo, FieldLocation, Helper,
    HostError, HostErrorKind, JitHost, JitType, NewObjectInfo, QCallArg, QCallRet, RuntimeLayout,
    StructLayout, ThisKind, TransitionFrameLayout, TypeInfo,
};
use osprey_metadata::Token;

use super::Runtime;
use crate::frames::{self, FrameKind};
use crate::loader::{
    names, types::VTABLE_OFFSET, LoadError, Loader, MethodHandle, MethodKind, TypeHandle,
};
use crate::object;
use crate::thread::offsets;

/// The JIT's view of the runtime while it compiles `method`.
pub(crate) struct JitContext<'a> {
    pub rt: &'a Runtime,
    pub loader: &'a mut Loader,
    pub method: MethodHandle,
}

fn host_error(e: LoadError) -> HostError {
    let kind = match &e {
        LoadError::MissingMethod(_) => HostErrorKind::MissingMethod,
        LoadError::MissingField(_) => HostErrorKind::MissingField,
        LoadError::TypeNotFound { .. } | LoadError::InvalidType { .. } => HostErrorKind::TypeLoad,
        LoadError::BadImage { .. } | LoadError::BadToken { .. } => HostErrorKind::BadImage,
        LoadError::NotSupported(_) => HostErrorKind::NotSupported,
    };
    HostError {
        kind,
        message: e.to_string(),
    }
}

fn not_supported(message: String) -> HostError {
    HostError {
        kind: HostErrorKind::NotSupported,
        message,
    }
}

impl JitContext<'_> {
    fn call_sig(&mut self, md: MethodHandle) -> Result<CallSig, HostError> {
        let this = (!md.is_static()).then(|| {
            if md.owner.is_value_type() {
                ThisKind::ByRef
            } else {
                ThisKind::Ref
            }
        });
        let mut params = Vec::with_capacity(md.sig.params.len());
        for p in &md.sig.params {
            params.push(
                self.loader
                    .jit_type_of_sig(md.assembly, p)
                    .map_err(host_error)?,
            );
        }
        let ret = self
            .loader
            .jit_type_of_sig(md.assembly, &md.sig.ret)
            .map_err(host_error)?;
        Ok(CallSig { this, params, ret })
    }
}

impl JitContext<'_> {
    /// How each parameter and the result of a QCall cross into native code:
    /// primitives, pointers and handle structs of at most 8 bytes without
    /// references as themselves; `bool` as BOOL; `string` as a pinned UTF-16
    /// pointer. Anything else is rejected with a message naming the QCall.
    fn qcall_marshaling(
        &mut self,
        md: MethodHandle,
        sig: &CallSig,
    ) -> Result<(Vec<QCallArg>, QCallRet), HostError> {
        use osprey_metadata::sig::TypeSig;
        let bad = |what: String| HostError {
            kind: HostErrorKind::NotSupported,
            message: format!(
                "QCall {}: {what} cannot be marshaled (see docs/internal-calls.md)",
                md.full_name()
            ),
        };
        if sig.this.is_some() {
            return Err(bad("an instance method".into()));
        }
        let mut args = Vec::new();
        for (p, ty) in md.sig.params.iter().zip(&sig.params) {
            let m = match (p.strip_modifiers(), ty) {
                (TypeSig::Boolean, _) => QCallArg::Bool,
                (TypeSig::String, _) => QCallArg::PinnedString,
                (_, JitType::Ref | JitType::ByRef) => {
                    return Err(bad(format!(
                        "parameter type {}",
                        names::type_display(self.loader.assembly(md.assembly).image(), p)
                    )))
                }
                (_, JitType::Struct(h)) => {
                    let l = TypeHandle::from_jit(*h)
                        .value_layout
                        .clone()
                        .unwrap_or_else(|| unreachable!("structs have layouts"));
                    if l.size > 8 || !l.gc_refs.is_empty() {
                        return Err(bad(format!(
                            "the struct parameter {}",
                            TypeHandle::from_jit(*h).name
                        )));
                    }
                    QCallArg::Direct
                }
                _ => QCallArg::Direct,
            };
            args.push(m);
        }
        let ret = match (md.sig.ret.strip_modifiers(), sig.ret) {
            (TypeSig::Boolean, _) => QCallRet::Bool,
            (_, JitType::Ref | JitType::ByRef | JitType::Struct(_)) => {
                return Err(bad("a return type that is not a primitive (return objects through a StringHandleOnStack or ObjectHandleOnStack)".into()))
            }
            _ => QCallRet::Direct,
        };
        Ok((args, ret))
    }
}

impl JitContext<'_> {
    /// Whether a MemberRef token names a field (its signature is a field signature).
    fn member_ref_is_field(&self, token: Token) -> bool {
        let asm = self.loader.assembly(self.method.assembly);
        matches!(
            asm.image().member_ref_sig(token.rid()),
            Ok(osprey_metadata::sig::MemberRefSig::Field(_))
        )
    }
}

impl JitHost for JitContext<'_> {
    fn resolve_method(&mut self, token: Token, opcode: CallOpcode) -> Result<CallInfo, HostError> {
        let md = self
            .loader
            .resolve_method_token(self.method.assembly, token)
            .map_err(host_error)?;
        if md.sig.call_conv == osprey_metadata::sig::CallingConvention::VarArg {
            return Err(not_supported(format!("vararg calls ({})", md.full_name())));
        }
        let sig = self.call_sig(md)?;
        let target = match md.kind {
            MethodKind::FCall {
                address,
                pass_thread,
                may_throw,
                helper_frame,
            } => CallTarget::FCall {
                address,
                pass_thread,
                may_throw,
                helper_frame,
            },
            MethodKind::QCall {
                address,
                suppress_gc_transition,
            } => {
                let (args, ret) = self.qcall_marshaling(md, &sig)?;
                CallTarget::QCall {
                    address,
                    suppress_gc_transition,
                    args,
                    ret,
                }
            }
            _ if opcode == CallOpcode::CallVirt && md.owner.is_interface() => {
                // An inline cache cell per call site: [receiver MT, target,
                // interface method, unused]; see helpers::interface_resolve.
                let cell = self
                    .rt
                    .code
                    .alloc_data_cell()
                    .map_err(|e| not_supported(format!("code heap: {e}")))?;
                // SAFETY: a fresh, zeroed 32-byte cell that nothing reads yet.
                unsafe { *((cell + 16) as *mut usize) = md.as_ptr() as usize };
                CallTarget::Interface { cell }
            }
            _ if opcode == CallOpcode::CallVirt
                && md.is_virtual()
                && !md.is_final()
                && !md.owner.is_value_type()
                && md.slot.is_some() =>
            {
                CallTarget::Virtual {
                    slot: md.slot.expect("checked above"),
                }
            }
            _ => CallTarget::Managed {
                entry: md.entry_point(),
            },
        };
        let new_object = if opcode == CallOpcode::NewObj {
            if md.name != ".ctor" || md.is_static() {
                return Err(HostError {
                    kind: HostErrorKind::BadImage,
                    message: format!(
                        "newobj of {}, which is not an instance constructor",
                        md.full_name()
                    ),
                });
            }
            let owner = md.owner;
            if owner.mt.has(crate::loader::types::mt_flags::STRING) {
                return Err(not_supported(
                    "string constructors (new string(...))".into(),
                ));
            }
            Some(if owner.is_value_type() {
                NewObjectInfo::Value {
                    handle: owner.to_jit(),
                }
            } else {
                NewObjectInfo::Object {
                    handle: owner.to_jit(),
                }
            })
        } else {
            None
        };
        Ok(CallInfo {
            method: md.to_jit(),
            target,
            sig,
            new_object,
            class_init: None,
        })
    }

    fn resolve_field(&mut self, token: Token, is_static: bool) -> Result<FieldInfo, HostError> {
        let (owner, field) = self
            .loader
            .resolve_field_token(self.method.assembly, token)
            .map_err(host_error)?;
        if field.is_static != is_static {
            return Err(HostError {
                kind: HostErrorKind::MissingField,
                message: format!(
                    "Field {}.{} is {}static",
                    owner.name,
                    field.name,
                    if field.is_static { "" } else { "not " }
                ),
            });
        }
        if field.is_literal {
            return Err(HostError {
                kind: HostErrorKind::MissingField,
                message: format!(
                    "Field {}.{} is a constant and has no storage",
                    owner.name, field.name
                ),
            });
        }
        let ty = self
            .loader
            .jit_type_of_sig(field.assembly, &field.sig)
            .map_err(host_error)?;
        let (location, class_init) = if is_static {
            let check = (!owner.class_init.is_done()).then(|| ClassInitCheck {
                flag_address: owner.class_init.flag_address(),
                handle: owner.to_jit(),
            });
            (
                FieldLocation::Static {
                    address: owner.statics.address(field.offset),
                },
                check,
            )
        } else {
            (
                FieldLocation::Instance {
                    offset: field.offset,
                },
                None,
            )
        };
        Ok(FieldInfo {
            ty,
            location,
            class_init,
        })
    }

    fn resolve_type(&mut self, token: Token) -> Result<TypeInfo, HostError> {
        let t = self
            .loader
            .resolve_type_token(self.method.assembly, token)
            .map_err(host_error)?;
        Ok(TypeInfo {
            handle: t.to_jit(),
            ty: t.jit_type(),
        })
    }

    fn resolve_token(
        &mut self,
        token: Token,
    ) -> Result<(usize, osprey_jit::TypeHandle), HostError> {
        use osprey_metadata::TableId;
        let asm = self.method.assembly;
        let handle_type = |l: &mut Loader, name: &str| {
            l.corelib_type("System", name)
                .map(|t| t.to_jit())
                .map_err(host_error)
        };
        let is_field = match token.table() {
            Some(TableId::Field) => true,
            Some(TableId::MemberRef) => self.member_ref_is_field(token),
            _ => false,
        };
        match token.table() {
            Some(TableId::TypeDef | TableId::TypeRef | TableId::TypeSpec) => {
                let t = self
                    .loader
                    .resolve_type_token(asm, token)
                    .map_err(host_error)?;
                let ht = handle_type(self.loader, "RuntimeTypeHandle")?;
                Ok((t.method_table() as usize, ht))
            }
            _ if is_field => {
                let (owner, field) = self
                    .loader
                    .resolve_field_token(asm, token)
                    .map_err(host_error)?;
                // The handle is the FieldDesc: stable, since a type never
                // changes once published.
                let fd = owner
                    .static_fields
                    .iter()
                    .chain(&owner.instance_fields)
                    .find(|f| f.rid == field.rid && f.assembly == field.assembly)
                    .map_or(0, |f| f as *const _ as usize);
                Ok((fd, handle_type(self.loader, "RuntimeFieldHandle")?))
            }
            _ => {
                let m = self
                    .loader
                    .resolve_method_token(asm, token)
                    .map_err(host_error)?;
                let ht = handle_type(self.loader, "RuntimeMethodHandle")?;
                Ok((m.as_ptr() as usize, ht))
            }
        }
    }

    fn array_type_of(
        &mut self,
        element: osprey_jit::TypeHandle,
    ) -> Result<osprey_jit::TypeHandle, HostError> {
        let t = self
            .loader
            .load_sz_array(TypeHandle::from_jit(element))
            .map_err(host_error)?;
        Ok(t.to_jit())
    }

    fn resolve_string(&mut self, token: Token) -> Result<usize, HostError> {
        self.rt
            .intern_literal(self.loader, self.method.assembly, token)
            .map(|o| o.as_ptr() as usize)
            .map_err(|e| HostError {
                kind: HostErrorKind::BadImage,
                message: e.to_string(),
            })
    }

    fn struct_layout(&mut self, handle: osprey_jit::TypeHandle) -> StructLayout {
        let t = TypeHandle::from_jit(handle);
        t.value_layout
            .clone()
            .expect("the JIT only asks for layouts of value types it was given")
    }

    fn helper(&self, helper: Helper) -> usize {
        self.rt.stubs.helpers[&helper]
    }

    fn runtime_layout(&self) -> RuntimeLayout {
        RuntimeLayout {
            trap_flag_address: &self.rt.code.globals().trap as *const _ as usize,
            array_length_offset: object::LENGTH_OFFSET as i32,
            array_data_offset: object::ARRAY_DATA_OFFSET as i32,
            string_data_offset: object::STRING_DATA_OFFSET as i32,
            method_table_vtable_offset: VTABLE_OFFSET,
            thread_pending_offset: offsets::ABORT_REQUESTED,
            thread_frame_head_offset: offsets::FRAME_HEAD,
            thread_gc_mode_offset: offsets::GC_MODE,
            thread_helper_site_offsets: offsets::SITE,
            transition_frame: TransitionFrameLayout {
                size: frames::offsets::SIZE,
                prev: frames::offsets::PREV,
                kind: frames::offsets::KIND,
                method: frames::offsets::METHOD,
                return_address: frames::offsets::RETURN_ADDRESS,
                rsp: frames::offsets::RSP,
                rbp: frames::offsets::RBP,
                qcall_kind: FrameKind::QCall as u64,
            },
        }
    }
}
