//! The runtime's side of the JIT interface ([`osprey_jit::JitHost`]).
//!
//! A [`JitContext`] answers the JIT's questions about the method being
//! compiled, with the loader locked for the whole compilation.

use osprey_jit::{
    CallInfo, CallOpcode, CallSig, CallTarget, ClassInitCheck, ExactType, FieldInfo, FieldLocation,
    Helper, HostError, HostErrorKind, JitHost, JitType, NewObjectInfo, RtValue, RuntimeLayout,
    RuntimeLookup, StructLayout, ThisKind, TransitionFrameLayout, TypeInfo,
};
use osprey_metadata::Token;

use super::Runtime;
use crate::frames::{self, FrameKind};
use crate::loader::sharing::{DictionaryOwner, LookupKind};
use crate::loader::{
    types::VTABLE_OFFSET, GenericContext, LoadError, Loader, MethodHandle, MethodKind, TypeHandle,
};
use crate::object;
use crate::thread::offsets;
use crate::typesystem::ExceptionKind;

/// The JIT's view of the runtime while it compiles `method`.
pub(crate) struct JitContext<'a> {
    pub rt: &'a Runtime,
    pub loader: &'a mut Loader,
    pub method: MethodHandle,
    /// The type arguments of the method being compiled (`!n`, `!!n` in its
    /// body's tokens; `__Canon` for shared code).
    pub ctx: GenericContext,
    /// For shared generic code: whose dictionary its lookups use.
    pub shared: Option<DictionaryOwner>,
    /// Verify at this level instead of the trust policy's (the verification
    /// benchmark); `None` in real compilations.
    pub verify_level: Option<osprey_jit::verify::VerifyLevel>,
}

pub(super) fn host_error(e: LoadError) -> HostError {
    let kind = match &e {
        LoadError::MissingMethod(_) => HostErrorKind::MissingMethod,
        LoadError::MissingField(_) => HostErrorKind::MissingField,
        LoadError::TypeNotFound { .. } | LoadError::InvalidType { .. } => HostErrorKind::TypeLoad,
        LoadError::BadImage { .. } | LoadError::Malformed { .. } | LoadError::BadToken { .. } => {
            HostErrorKind::BadImage
        }
        LoadError::NotSupported(_) => HostErrorKind::NotSupported,
        LoadError::ConstraintViolation {
            on_method: false, ..
        } => HostErrorKind::TypeLoad,
        LoadError::ConstraintViolation {
            on_method: true, ..
        } => HostErrorKind::Verification,
    };
    HostError {
        kind,
        message: e.to_string(),
    }
}

/// A runtime error met while answering the JIT, as the JIT reports it.
pub(crate) fn runtime_error(e: crate::runtime::RuntimeError) -> HostError {
    let kind = match e.exception_kind() {
        Some(ExceptionKind::MissingMethod) => HostErrorKind::MissingMethod,
        Some(ExceptionKind::MissingField) => HostErrorKind::MissingField,
        Some(ExceptionKind::TypeLoad) => HostErrorKind::TypeLoad,
        Some(ExceptionKind::BadImageFormat) => HostErrorKind::BadImage,
        Some(ExceptionKind::InvalidProgram) => HostErrorKind::InvalidProgram,
        _ => HostErrorKind::NotSupported,
    };
    HostError {
        kind,
        message: e.to_string(),
    }
}

/// A method of a multi-dimensional array type, as a MemberRef names it.
pub(super) struct ArrayMethodRef {
    /// The array type.
    pub array: TypeHandle,
    /// Its TypeSpec row.
    pub spec: u32,
    /// Its element type.
    pub element: osprey_metadata::sig::TypeSig,
    /// Its rank.
    pub rank: u32,
    /// `.ctor`, `Get`, `Set` or `Address`.
    pub name: String,
    /// The method's signature.
    pub sig: osprey_metadata::sig::MethodSig,
}

pub(super) fn not_supported(message: String) -> HostError {
    HostError {
        kind: HostErrorKind::NotSupported,
        message,
    }
}

/// Shared code cannot express `what`: the method is compiled per exact
/// instantiation instead (see `Runtime::ensure_compiled`).
fn needs_exact_code(what: &str) -> HostError {
    HostError {
        kind: HostErrorKind::NeedsExactCode,
        message: format!("shared generic code cannot express {what}"),
    }
}

/// Whether a method's identity depends on `__Canon` (so shared code must
/// look up the exact one).
fn method_mentions_canon(md: MethodHandle) -> bool {
    md.owner.mentions_canon || md.instantiation.iter().any(|a| a.mentions_canon)
}

impl JitContext<'_> {
    /// A dictionary slot of the shared code being compiled.
    fn lookup(
        &mut self,
        kind: LookupKind,
        token: Token,
        constrained: Option<Token>,
    ) -> RuntimeLookup {
        let owner = self
            .shared
            .expect("lookups are made only when compiling shared code");
        let (slot, descriptor) =
            self.loader
                .dictionary_slot(owner, kind, self.method.assembly, token, constrained);
        RuntimeLookup { slot, descriptor }
    }

    /// `value` as a constant, or, when the answer depends on the exact
    /// instantiation (`depends`, in shared code), a lookup of `kind`.
    fn exact(&mut self, depends: bool, value: usize, kind: LookupKind, token: Token) -> RtValue {
        if depends && self.shared.is_some() {
            RtValue::Lookup(self.lookup(kind, token, None))
        } else {
            RtValue::Const(value)
        }
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
        let ctx = md.generic_context();
        let mut params = Vec::with_capacity(md.sig.params.len());
        for p in &md.sig.params {
            params.push(
                self.loader
                    .jit_type_of_sig(md.assembly, p, &ctx)
                    .map_err(host_error)?,
            );
        }
        let ret = self
            .loader
            .jit_type_of_sig(md.assembly, &md.sig.ret, &ctx)
            .map_err(host_error)?;
        Ok(CallSig { this, params, ret })
    }
}

impl JitContext<'_> {
    /// `newobj String::.ctor(args)`: corelib declares each string constructor
    /// as an `extern` internal call and implements it as a private static
    /// `string Ctor(args)` (a string's size depends on the arguments, so the
    /// constructor must allocate); the call goes to that factory.
    fn string_factory(&mut self, ctor: MethodHandle) -> Result<CallInfo, HostError> {
        let factory = self
            .loader
            .string_ctor_factory(ctor)
            .ok_or_else(|| HostError {
                kind: HostErrorKind::MissingMethod,
                message: format!(
                    "corelib has no String.Ctor factory for the constructor {}",
                    ctor.full_name()
                ),
            })?;
        let sig = self.call_sig(factory)?;
        Ok(CallInfo {
            method: factory.to_jit(),
            method_exact: RtValue::Const(factory.as_ptr() as usize),
            target: CallTarget::Managed {
                entry: factory.entry_point(),
            },
            sig,
            new_object: Some(NewObjectInfo::Factory),
            class_init: None,
        })
    }

    /// The methods of multi-dimensional array types (`.ctor`, `Get`, `Set`,
    /// `Address`): MemberRefs whose parent is an array TypeSpec. The runtime
    /// provides them (ECMA-335 II.14.2); `None` for any other token.
    /// A MemberRef naming a method of a multi-dimensional array type: the
    /// array type, its element's signature, its rank, the method's name and
    /// signature. `None` for any other token.
    pub(super) fn array_method_ref(
        &mut self,
        token: Token,
    ) -> Result<Option<ArrayMethodRef>, HostError> {
        use osprey_metadata::sig::{MemberRefSig, TypeSig};
        use osprey_metadata::tables::MemberRefParent;
        if token.table() != Some(osprey_metadata::TableId::MemberRef) {
            return Ok(None);
        }
        let asm = self.loader.assembly(self.method.assembly);
        let img = asm.image();
        let bad = |e: osprey_metadata::MetadataError| HostError {
            kind: HostErrorKind::BadImage,
            message: e.to_string(),
        };
        let row = img.member_ref(token.rid()).map_err(bad)?;
        let MemberRefParent::TypeSpec(spec) = row.class else {
            return Ok(None);
        };
        let TypeSig::Array { elem, rank, .. } = img.type_spec_sig(spec).map_err(bad)? else {
            return Ok(None);
        };
        let name = img.string(row.name).map_err(bad)?.to_string();
        let MemberRefSig::Method(sig) = img.member_ref_sig(token.rid()).map_err(bad)? else {
            return Ok(None);
        };
        let array_sig = TypeSig::Array {
            elem: elem.clone(),
            rank,
            sizes: Vec::new(),
            lo_bounds: Vec::new(),
        };
        let array = self
            .loader
            .type_of_sig(self.method.assembly, &array_sig, &self.ctx)
            .map_err(host_error)?;
        Ok(Some(ArrayMethodRef {
            array,
            spec,
            element: *elem,
            rank,
            name,
            sig,
        }))
    }

    fn array_method(
        &mut self,
        token: Token,
        opcode: CallOpcode,
    ) -> Result<Option<CallInfo>, HostError> {
        use osprey_jit::{ArrayAccessorKind, JitType};
        let Some(ArrayMethodRef {
            array,
            spec,
            element: elem,
            rank,
            name,
            sig: msig,
        }) = self.array_method_ref(token)?
        else {
            return Ok(None);
        };
        let element = self
            .loader
            .jit_type_of_sig(self.method.assembly, &elem, &self.ctx)
            .map_err(host_error)?;
        let int_params = |n: usize| vec![JitType::I4; n];
        let r = rank as usize;
        let (sig, target, new_object) = match (name.as_str(), opcode) {
            (".ctor", CallOpcode::NewObj)
                if msig.params.len() == r || msig.params.len() == 2 * r =>
            {
                (
                    CallSig {
                        this: Some(ThisKind::Ref),
                        params: int_params(msig.params.len()),
                        ret: JitType::Void,
                    },
                    CallTarget::Managed { entry: 0 },
                    Some(NewObjectInfo::MdArray {
                        handle: ExactType {
                            canonical: array.to_jit(),
                            exact: self.exact(
                                array.mentions_canon,
                                array.method_table() as usize,
                                LookupKind::Type,
                                Token::new(osprey_metadata::TableId::TypeSpec, spec),
                            ),
                        },
                        rank,
                    }),
                )
            }
            ("Get" | "Set" | "Address", CallOpcode::Call | CallOpcode::CallVirt) => {
                let (kind, params, ret) = match name.as_str() {
                    "Get" => (ArrayAccessorKind::Get, int_params(r), element),
                    "Set" => {
                        let mut p = int_params(r);
                        p.push(element);
                        (ArrayAccessorKind::Set, p, JitType::Void)
                    }
                    _ => (ArrayAccessorKind::Address, int_params(r), JitType::ByRef),
                };
                (
                    CallSig {
                        this: Some(ThisKind::Ref),
                        params,
                        ret,
                    },
                    CallTarget::ArrayAccessor {
                        kind,
                        rank,
                        element,
                        // `ref a[i, j]` of an array of references: as `ldelema`.
                        exact: (kind == ArrayAccessorKind::Address && element == JitType::Ref)
                            .then(|| {
                                self.exact(
                                    array.mentions_canon,
                                    array.method_table() as usize,
                                    LookupKind::Type,
                                    Token::new(osprey_metadata::TableId::TypeSpec, spec),
                                )
                            }),
                    },
                    None,
                )
            }
            _ => {
                return Err(HostError {
                    kind: HostErrorKind::MissingMethod,
                    message: format!("Method not found: '{}::{}'", array.name, name),
                })
            }
        };
        Ok(Some(CallInfo {
            method: osprey_jit::MethodHandle(0),
            method_exact: RtValue::Const(0),
            target,
            sig,
            new_object,
            class_init: None,
        }))
    }

    /// Whether a static field is `[ThreadStatic]` (runtime/thread_statics.rs).
    fn is_thread_static(&self, field: &crate::loader::types::FieldDesc) -> bool {
        let asm = self.loader.assembly(field.assembly);
        crate::loader::attributes::has_attribute(
            asm.image(),
            Token::new(osprey_metadata::TableId::Field, field.rid),
            "System.ThreadStaticAttribute",
        )
    }

    /// Whether a MemberRef token names a field (its signature is a field signature).
    fn member_ref_is_field(&self, token: Token) -> bool {
        let asm = self.loader.assembly(self.method.assembly);
        matches!(
            asm.image().member_ref_sig(token.rid()),
            Ok(osprey_metadata::sig::MemberRefSig::Field(_))
        )
    }
}

impl JitContext<'_> {
    /// How a call of `md` made with `opcode` (through `token`, which
    /// shared code's lookups name) is compiled: what `resolve_method`
    /// answers once the token names a method; IL stubs ask for their
    /// corelib helpers directly.
    pub(crate) fn call_info(
        &mut self,
        md: MethodHandle,
        opcode: CallOpcode,
        token: Token,
    ) -> Result<CallInfo, HostError> {
        if md.sig.call_conv == osprey_metadata::sig::CallingConvention::VarArg {
            return Err(not_supported(format!("vararg calls ({})", md.full_name())));
        }
        let sig = self.call_sig(md)?;
        if let Some(info) = crate::interop::reverse::unmanaged_callers_only(self, md, opcode, &sig)?
        {
            return Ok(info);
        }
        // In shared code, a callee that depends on the instantiation is
        // looked up: its descriptor, its entry, its function pointer.
        let depends = method_mentions_canon(md);
        let method_exact = self.exact(depends, md.as_ptr() as usize, LookupKind::MethodDesc, token);
        if matches!(opcode, CallOpcode::LdFtn | CallOpcode::LdVirtFtn) {
            // A method's function pointer is its precode: one stable
            // address per method, which delegate construction maps back to
            // the method (Loader::method_of_precode).
            let target = match self.exact(depends, md.precode, LookupKind::MethodPointer, token) {
                RtValue::Const(entry) => CallTarget::Managed { entry },
                RtValue::Lookup(entry) => CallTarget::ManagedLookup { entry },
            };
            return Ok(CallInfo {
                method: md.to_jit(),
                method_exact,
                target,
                sig,
                new_object: None,
                class_init: None,
            });
        }
        let delegate_runtime_method = {
            use osprey_metadata::flags::method_impl_attributes as mia;
            md.impl_flags & mia::CODE_TYPE_MASK == mia::RUNTIME
                && md
                    .owner
                    .is_subclass_of(self.rt.well_known().multicast_delegate)
        };
        if delegate_runtime_method {
            match (md.name.as_str(), opcode) {
                ("Invoke", CallOpcode::Call | CallOpcode::CallVirt) => {
                    return Ok(CallInfo {
                        method: md.to_jit(),
                        method_exact,
                        target: CallTarget::DelegateInvoke,
                        sig,
                        new_object: None,
                        class_init: None,
                    })
                }
                (".ctor", CallOpcode::NewObj) if sig.params.len() == 2 => {
                    let owner = md.owner;
                    let exact = self.exact(
                        owner.mentions_canon,
                        owner.method_table() as usize,
                        LookupKind::MethodOwner,
                        token,
                    );
                    return Ok(CallInfo {
                        method: md.to_jit(),
                        method_exact,
                        target: CallTarget::Managed { entry: 0 },
                        sig,
                        new_object: Some(NewObjectInfo::Delegate {
                            handle: ExactType {
                                canonical: owner.to_jit(),
                                exact,
                            },
                        }),
                        class_init: None,
                    });
                }
                _ => {
                    return Err(not_supported(format!(
                        "{} (asynchronous delegate invocation)",
                        md.full_name()
                    )))
                }
            }
        }
        if let Some(kind) = super::intrinsics::intrinsic_of(self.loader, md) {
            if opcode == CallOpcode::Call {
                return Ok(CallInfo {
                    method: md.to_jit(),
                    method_exact,
                    target: CallTarget::Intrinsic(kind),
                    sig,
                    new_object: None,
                    class_init: None,
                });
            }
        }
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
            MethodKind::PInvoke { .. } => {
                crate::interop::call_target(self.rt, self.loader, md).map_err(runtime_error)?
            }
            _ if opcode == CallOpcode::CallVirt
                && md
                    .definition
                    .is_some_and(|d| d.slot.is_some() && !d.is_final()) =>
            {
                CallTarget::GenericVirtual {
                    method: method_exact,
                }
            }
            _ if opcode == CallOpcode::CallVirt && md.owner.is_interface() => {
                // An inline cache cell per call site: [receiver MT, target,
                // interface method, unused]; see helpers::interface_resolve.
                // (In shared code the interface method may be canonical:
                // the resolver then matches the receiver's instantiation.)
                let cell = self
                    .rt
                    .code
                    .alloc_data_cell()
                    .map_err(|e| not_supported(format!("code heap: {e}")))?;
                // SAFETY: a fresh, zeroed 32-byte cell that nothing reads yet.
                unsafe { *((cell + 16) as *mut usize) = md.as_ptr() as usize };
                CallTarget::Interface { cell }
            }
            // A final method, or any method of a sealed class, has one
            // implementation: the call is direct (devirtualized).
            _ if opcode == CallOpcode::CallVirt
                && md.is_virtual()
                && !md.is_final()
                && !md.owner.is_value_type()
                && !self.loader.is_sealed(md.owner)
                && md.slot.is_some() =>
            {
                CallTarget::Virtual {
                    slot: md.slot.expect("checked above"),
                }
            }
            _ => match self.exact(depends, md.entry_point(), LookupKind::MethodEntry, token) {
                RtValue::Const(entry) => CallTarget::Managed { entry },
                RtValue::Lookup(entry) => CallTarget::ManagedLookup { entry },
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
                return self.string_factory(md);
            }
            Some(if owner.is_value_type() {
                NewObjectInfo::Value {
                    handle: owner.to_jit(),
                }
            } else {
                let exact = self.exact(
                    owner.mentions_canon,
                    owner.method_table() as usize,
                    LookupKind::MethodOwner,
                    token,
                );
                NewObjectInfo::Object {
                    handle: ExactType {
                        canonical: owner.to_jit(),
                        exact,
                    },
                }
            })
        } else {
            None
        };
        Ok(CallInfo {
            method: md.to_jit(),
            method_exact,
            target,
            sig,
            new_object,
            class_init: None,
        })
    }
}

impl JitHost for JitContext<'_> {
    fn resolve_method(&mut self, token: Token, opcode: CallOpcode) -> Result<CallInfo, HostError> {
        if let Some(info) = self.array_method(token, opcode)? {
            return Ok(info);
        }
        let md = self
            .loader
            .resolve_method_token(self.method.assembly, token, &self.ctx)
            .map_err(host_error)?;
        self.call_info(md, opcode, token)
    }

    fn resolve_signature(&mut self, token: Token) -> Result<osprey_jit::CallSiteSig, HostError> {
        crate::interop::reverse::calli_signature(self, token)
    }

    fn resolve_field(&mut self, token: Token, is_static: bool) -> Result<FieldInfo, HostError> {
        let (owner, field) = self
            .loader
            .resolve_field_token(self.method.assembly, token, &self.ctx)
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
            .jit_type_of_sig(field.assembly, &field.sig, &owner.generic_context())
            .map_err(host_error)?;
        let (location, class_init) = if !is_static {
            (
                FieldLocation::Instance {
                    offset: field.offset,
                },
                None,
            )
        } else if owner.mentions_canon && self.shared.is_some() {
            if self.is_thread_static(&field) {
                // Thread statics are found by type index, per exact type.
                return Err(needs_exact_code(&format!(
                    "the [ThreadStatic] field {}.{}",
                    owner.name, field.name
                )));
            }
            // The exact instantiation's statics (the lookup runs its
            // static constructor).
            let address = self.lookup(LookupKind::StaticAddress, token, None);
            (FieldLocation::StaticLookup { address }, None)
        } else {
            let check = (!owner.class_init.is_done()).then(|| ClassInitCheck {
                flag_address: owner.class_init.flag_address(),
                handle: owner.to_jit(),
            });
            let location = if self.is_thread_static(&field) {
                FieldLocation::ThreadStatic {
                    index: self.rt.thread_statics.index_of(owner),
                    offset: field.offset,
                }
            } else {
                FieldLocation::Static {
                    address: owner.statics.address(field.offset),
                }
            };
            (location, check)
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
            .resolve_type_token(self.method.assembly, token, &self.ctx)
            .map_err(host_error)?;
        if t.is_nullable() && t.mentions_canon && self.shared.is_some() {
            return Err(needs_exact_code(&format!("boxing {}", t.name)));
        }
        let exact = self.exact(
            t.mentions_canon,
            t.method_table() as usize,
            LookupKind::Type,
            token,
        );
        Ok(TypeInfo {
            handle: t.to_jit(),
            exact,
            ty: t.jit_type(),
            nullable_of: t
                .is_nullable()
                .then(|| t.instantiation.first().map(|u| u.to_jit()))
                .flatten(),
        })
    }

    fn resolve_array_type(&mut self, element: Token) -> Result<TypeInfo, HostError> {
        let e = self
            .loader
            .resolve_type_token(self.method.assembly, element, &self.ctx)
            .map_err(host_error)?;
        let array = self.loader.load_sz_array(e).map_err(host_error)?;
        let exact = self.exact(
            array.mentions_canon,
            array.method_table() as usize,
            LookupKind::ArrayOf,
            element,
        );
        Ok(TypeInfo {
            handle: array.to_jit(),
            exact,
            ty: JitType::Ref,
            nullable_of: None,
        })
    }

    fn resolve_token(
        &mut self,
        token: Token,
    ) -> Result<(RtValue, osprey_jit::TypeHandle), HostError> {
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
                    .resolve_type_token(asm, token, &self.ctx)
                    .map_err(host_error)?;
                let ht = handle_type(self.loader, "RuntimeTypeHandle")?;
                let value = self.exact(
                    t.mentions_canon,
                    t.method_table() as usize,
                    LookupKind::Type,
                    token,
                );
                Ok((value, ht))
            }
            _ if is_field => {
                let (owner, field) = self
                    .loader
                    .resolve_field_token(asm, token, &self.ctx)
                    .map_err(host_error)?;
                if owner.mentions_canon && self.shared.is_some() {
                    return Err(needs_exact_code("ldtoken of a field of a generic type"));
                }
                // The handle is the FieldDesc: stable, since a type never
                // changes once published.
                let fd = owner
                    .static_fields
                    .iter()
                    .chain(&owner.instance_fields)
                    .find(|f| f.rid == field.rid && f.assembly == field.assembly)
                    .map_or(0, |f| f as *const _ as usize);
                Ok((
                    RtValue::Const(fd),
                    handle_type(self.loader, "RuntimeFieldHandle")?,
                ))
            }
            _ => {
                let m = self
                    .loader
                    .resolve_method_token(asm, token, &self.ctx)
                    .map_err(host_error)?;
                let ht = handle_type(self.loader, "RuntimeMethodHandle")?;
                let value = self.exact(
                    method_mentions_canon(m),
                    m.as_ptr() as usize,
                    LookupKind::MethodDesc,
                    token,
                );
                Ok((value, ht))
            }
        }
    }

    fn constrained_call(
        &mut self,
        constrained_token: Token,
        constrained: osprey_jit::TypeHandle,
        method_token: Token,
        method: &CallInfo,
    ) -> Result<Option<CallInfo>, HostError> {
        // SAFETY: the JIT passes back handles this runtime gave it.
        let t = unsafe { TypeHandle::from_jit(constrained) };
        // SAFETY: CallInfo::method values come from this host (MethodHandle::to_jit).
        let m =
            unsafe { MethodHandle::from_ptr(method.method.0 as *const crate::loader::MethodDesc) };
        let Some(implementation) = super::helpers::constrained_target(t, m) else {
            // Not overridden by the value type: box and call virtually.
            return Ok(None);
        };
        let sig = self.call_sig(implementation)?;
        let target = if t.mentions_canon && self.shared.is_some() {
            CallTarget::ManagedLookup {
                entry: self.lookup(
                    LookupKind::ConstrainedEntry,
                    method_token,
                    Some(constrained_token),
                ),
            }
        } else {
            CallTarget::Managed {
                entry: implementation.entry_point(),
            }
        };
        Ok(Some(CallInfo {
            method: implementation.to_jit(),
            method_exact: RtValue::Const(implementation.as_ptr() as usize),
            target,
            sig,
            new_object: None,
            class_init: None,
        }))
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
        // SAFETY: the JIT passes back handles this runtime gave it.
        let t = unsafe { TypeHandle::from_jit(handle) };
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
            md_array_bounds_offset: osprey_binder::MD_ARRAY_BOUNDS_OFFSET as i32,
            string_data_offset: object::STRING_DATA_OFFSET as i32,
            method_table_vtable_offset: VTABLE_OFFSET,
            method_table_element_type_offset: std::mem::offset_of!(
                crate::loader::MethodTable,
                element_type
            ) as i32,
            method_table_dictionaries_offset: crate::loader::types::DICTIONARIES_OFFSET,
            method_desc_dictionary_offset: std::mem::offset_of!(
                crate::loader::MethodDesc,
                dictionary
            ) as i32,
            thread_pending_offset: offsets::ATTENTION,
            thread_stack_limit_offset: offsets::STACK_LIMIT,
            delegate: {
                use osprey_binder::{DelegateObject as D, MulticastDelegateObject as M};
                use std::mem::offset_of;
                osprey_jit::DelegateLayout {
                    target: offset_of!(D, target) as i32,
                    method_ptr: offset_of!(D, method_ptr) as i32,
                    invocation_list: offset_of!(M, invocation_list) as i32,
                    invocation_count: offset_of!(M, invocation_count) as i32,
                }
            },
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
                regs: frames::offsets::REGS,
                pinvoke_kind: FrameKind::PInvoke as u64,
            },
            thread_last_error_offset: offsets::LAST_ERROR,
            last_error_entries: {
                let (get, set) = self.rt.os.last_error_entries();
                [get, set]
            },
            thread_alloc_offsets: [offsets::ALLOC_PTR, offsets::ALLOC_LIMIT],
            inline_allocation: self.rt.heaps.gc.inline_allocation(),
            thread_statics_offsets: offsets::THREAD_STATICS,
            write_barrier: self
                .rt
                .heaps
                .gc
                .barrier()
                .map(|b| osprey_jit::WriteBarrier {
                    heap_base: b.heap_base,
                    heap_size: b.heap_size,
                    card_table: b.card_table,
                    card_shift: b.card_shift,
                }),
        }
    }

    fn verify_host(&mut self) -> Option<&mut dyn osprey_jit::verify::VerifyHost> {
        // runtime/verifyiface.rs
        Some(self)
    }

    fn inlinee(&mut self, callee: osprey_jit::MethodHandle) -> Option<osprey_jit::Inlinee> {
        super::inlining::inlinee(self, callee)
    }

    fn devirtualize(
        &mut self,
        callee: osprey_jit::MethodHandle,
        receiver: osprey_jit::TypeHandle,
    ) -> Option<(osprey_jit::MethodHandle, CallTarget)> {
        super::inlining::devirtualize(self, callee, receiver)
    }

    fn defer_failure(&mut self, error: &HostError, token: Token) -> Option<usize> {
        super::missing::defer(
            &self.rt.deferred,
            self.loader,
            self.method.assembly,
            error,
            token,
        )
    }

    fn alloc_shape(&mut self, handle: osprey_jit::TypeHandle) -> Option<osprey_jit::AllocShape> {
        use crate::loader::types::mt_flags;
        // SAFETY: the JIT passes back handles this runtime gave it.
        let t = unsafe { TypeHandle::from_jit(handle) };
        let mt = &t.mt;
        if mt.has(mt_flags::ABSTRACT | mt_flags::INTERFACE | mt_flags::HAS_FINALIZER)
            || t.kind == crate::loader::TypeKind::MdArray(0)
        {
            return None;
        }
        let large = crate::gc::heap::LARGE_OBJECT_SIZE as u32;
        let fixed = 8 + mt.base_size;
        if fixed >= large {
            return None;
        }
        let max_inline_length = match mt.component_size {
            0 => 0,
            c => (large - fixed - 8) / c,
        };
        Some(osprey_jit::AllocShape {
            base_size: mt.base_size,
            component_size: mt.component_size,
            max_inline_length,
        })
    }
}
