//! The runtime's answers to the IL verifier ([`osprey_jit::verify::VerifyHost`])
//! and the trust policy that decides how much of each method is verified
//! (docs/verification.md).
//!
//! The policy, per method (`--verify` is also what an untrusted child
//! process, one created with `CHILD_UNTRUSTED`, runs with):
//!
//! | code | default | `--verify` | `OSPREY_VERIFY=1` |
//! | --- | --- | --- | --- |
//! | corelib | trusted | trusted | all but unsafe-code rules |
//! | assembly with `[UnverifiableCode]` (`mcs -unsafe`) | type safety only | full | all but unsafe-code rules (full with `--verify`) |
//! | any other assembly | full | full | full |

use osprey_jit::verify::{
    CallSiteFacts, CalleeFacts, Cell, FieldFacts, MethodFacts, SigType, TypeFacts, TypeShape,
    VerifyHost, VerifyLevel,
};
use osprey_jit::{CallOpcode, HostError, HostErrorKind};
use osprey_metadata::sig::TypeSig;
use osprey_metadata::Token;

use super::jitiface::{host_error, JitContext};
use super::Runtime;
use crate::loader::types::mt_flags;
use crate::loader::{AssemblyId, GenericContext, MethodHandle, Primitive, TypeHandle, TypeKind};

impl Runtime {
    /// How much of `method` the verifier checks (the table in the module
    /// documentation).
    pub(crate) fn verify_level(
        &self,
        method: MethodHandle,
        allows_unverifiable: bool,
    ) -> VerifyLevel {
        let corelib = method.assembly == AssemblyId::CORELIB;
        let all = self.options.verify_all;
        if corelib {
            return if all {
                VerifyLevel::AllButUnsafeCode
            } else {
                VerifyLevel::Trusted
            };
        }
        if self.options.verify || !allows_unverifiable {
            VerifyLevel::Full
        } else if all {
            VerifyLevel::AllButUnsafeCode
        } else {
            VerifyLevel::TypeSafety
        }
    }
}

impl Runtime {
    /// Verifies the exact instantiation `method` of a generic method whose
    /// code is shared (compiled once for `__Canon`, unverified): its IL
    /// imported with its own type arguments, as if it were compiled exactly.
    pub(super) fn verify_instantiation(
        &self,
        loader: &mut crate::loader::Loader,
        method: MethodHandle,
    ) -> Result<(), super::RuntimeError> {
        let allows = loader.assembly(method.assembly).allows_unverifiable;
        if self.verify_level(method, allows) == VerifyLevel::Trusted {
            return Ok(());
        }
        let data = super::compile::method_input(loader, method, None)?;
        let input = data.input();
        let mut ctx = JitContext {
            rt: self,
            loader,
            method,
            ctx: method.generic_context(),
            shared: None,
            verify_level: None,
        };
        osprey_jit::check(&mut ctx, &input).map_err(|error| super::RuntimeError::Compile {
            method: method.full_name(),
            error,
        })
    }
}

/// The location type of a value of primitive type `p`.
fn primitive_cell(p: Primitive) -> Cell {
    match p {
        Primitive::Boolean | Primitive::I1 | Primitive::U1 => Cell::I1,
        Primitive::Char | Primitive::I2 | Primitive::U2 => Cell::I2,
        Primitive::I4 | Primitive::U4 => Cell::I4,
        Primitive::I8 | Primitive::U8 => Cell::I8,
        Primitive::I | Primitive::U => Cell::I,
        Primitive::R4 => Cell::R4,
        Primitive::R8 => Cell::R8,
    }
}

/// How a value of runtime type `t` is stored.
fn cell_of_type(t: TypeHandle) -> Cell {
    match t.kind {
        TypeKind::Primitive(p) | TypeKind::Enum(p) => primitive_cell(p),
        TypeKind::ValueType => Cell::Value(t.to_jit()),
        _ => Cell::Obj(t.to_jit()),
    }
}

/// `System.Object`: the base of `System.String`, a well-known type.
fn object_type(rt: &Runtime) -> TypeHandle {
    rt.well_known()
        .string
        .parent()
        .expect("System.String derives from System.Object")
}

/// `System.Array`: the base of every array type, `System.IntPtr[]` among them.
fn array_type(rt: &Runtime) -> TypeHandle {
    rt.well_known()
        .intptr_array
        .parent()
        .expect("arrays derive from System.Array")
}

fn bad_image(e: osprey_metadata::MetadataError) -> HostError {
    HostError {
        kind: HostErrorKind::BadImage,
        message: e.to_string(),
    }
}

impl JitContext<'_> {
    /// The verifier's view of signature type `sig` (tokens of `assembly`).
    /// Reference types are loaded: the verifier needs their class.
    fn sig_type(
        &mut self,
        assembly: AssemblyId,
        sig: &TypeSig,
        ctx: &GenericContext,
    ) -> Result<SigType, HostError> {
        Ok(match sig.strip_modifiers() {
            TypeSig::Void => SigType::Void,
            TypeSig::ByRef(inner) => match self.cell(assembly, inner, ctx)? {
                Some(c) => SigType::ByRef(c),
                None => SigType::Opaque,
            },
            other => match self.cell(assembly, other, ctx)? {
                Some(c) => SigType::Val(c),
                None => SigType::Opaque,
            },
        })
    }

    /// The location type `sig` denotes (type parameters are `ctx`'s type
    /// arguments), `None` for types the verifier does not track (managed
    /// pointers).
    fn cell(
        &mut self,
        assembly: AssemblyId,
        sig: &TypeSig,
        ctx: &GenericContext,
    ) -> Result<Option<Cell>, HostError> {
        let sig = sig.strip_modifiers();
        if let Some(p) = crate::loader::primitive_of_sig(sig) {
            return Ok(Some(primitive_cell(p)));
        }
        Ok(Some(match sig {
            TypeSig::String => Cell::Obj(self.rt.well_known().string.to_jit()),
            TypeSig::Object => Cell::Obj(object_type(self.rt).to_jit()),
            TypeSig::Ptr(_) | TypeSig::FnPtr(_) => Cell::I,
            TypeSig::ByRef(_) | TypeSig::Void => return Ok(None),
            _ => {
                match self.loader.type_of_sig(assembly, sig, ctx) {
                    Ok(t) => cell_of_type(t),
                    // A type no assembly defines: whatever names it raises
                    // when it runs (missing.rs); values of it cannot exist.
                    Err(crate::loader::LoadError::TypeNotFound { .. }) => return Ok(None),
                    Err(e) => return Err(host_error(e)),
                }
            }
        }))
    }

    /// The facts of a method descriptor.
    fn facts_of(&mut self, md: MethodHandle) -> Result<CalleeFacts, HostError> {
        use osprey_metadata::flags::method_attributes as ma;
        let ctx = md.generic_context();
        let mut params = Vec::with_capacity(md.sig.params.len());
        for p in &md.sig.params {
            params.push(self.sig_type(md.assembly, p, &ctx)?);
        }
        let ret = self.sig_type(md.assembly, &md.sig.ret, &ctx)?;
        Ok(CalleeFacts {
            method: md.to_jit(),
            owner: md.owner.to_jit(),
            has_this: !md.is_static(),
            params,
            ret,
            is_virtual: md.is_virtual(),
            is_final: md.flags & ma::FINAL != 0 || self.loader.is_sealed(md.owner),
            is_abstract: md.is_abstract(),
            is_ctor: md.name == ".ctor" && !md.is_static(),
        })
    }
}

impl VerifyHost for JitContext<'_> {
    fn method_facts(&mut self) -> Result<MethodFacts, HostError> {
        let m = self.method;
        let allows = self.loader.assembly(m.assembly).allows_unverifiable;
        let level = self
            .verify_level
            .unwrap_or_else(|| self.rt.verify_level(m, allows));
        let wk = self.rt.well_known();
        let (object, array) = (object_type(self.rt), array_type(self.rt));
        let mut facts = MethodFacts {
            level,
            method: m.to_jit(),
            owner: m.owner.to_jit(),
            is_static: m.is_static(),
            is_ctor: m.name == ".ctor" && !m.is_static(),
            is_cctor: m.name == ".cctor" && m.is_static(),
            args: Vec::new(),
            locals: Vec::new(),
            ret: SigType::Void,
            object: object.to_jit(),
            string: wk.string.to_jit(),
            array: array.to_jit(),
        };
        if level == VerifyLevel::Trusted {
            return Ok(facts);
        }
        if !m.is_static() {
            facts.args.push(match cell_of_type(m.owner) {
                c @ Cell::Obj(_) => SigType::Val(c),
                c => SigType::ByRef(c),
            });
        }
        let ctx = self.ctx.clone();
        for p in &m.sig.params {
            let t = self.sig_type(m.assembly, p, &ctx)?;
            facts.args.push(t);
        }
        facts.ret = self.sig_type(m.assembly, &m.sig.ret, &ctx)?;
        let locals = super::compile::local_sigs(self.loader, m).map_err(host_error)?;
        for l in &locals {
            let t = self.sig_type(m.assembly, l, &ctx)?;
            facts.locals.push(t);
        }
        Ok(facts)
    }

    fn callee_facts(
        &mut self,
        token: Token,
        _opcode: CallOpcode,
    ) -> Result<CalleeFacts, HostError> {
        if let Some(r) = self.array_method_ref(token)? {
            // The methods the runtime provides for multi-dimensional arrays.
            let ctx = self.ctx.clone();
            let element = self
                .cell(self.method.assembly, &r.element, &ctx)?
                .unwrap_or(Cell::I);
            let ints = |n: usize| vec![SigType::Val(Cell::I4); n];
            let (params, ret) = match r.name.as_str() {
                ".ctor" => (ints(r.sig.params.len()), SigType::Void),
                "Get" => (ints(r.rank as usize), SigType::Val(element)),
                "Set" => {
                    let mut p = ints(r.rank as usize);
                    p.push(SigType::Val(element));
                    (p, SigType::Void)
                }
                _ => (ints(r.rank as usize), SigType::ByRef(element)),
            };
            return Ok(CalleeFacts {
                method: osprey_jit::MethodHandle(0),
                owner: r.array.to_jit(),
                has_this: true,
                params,
                ret,
                is_virtual: false,
                is_final: true,
                is_abstract: false,
                is_ctor: r.name == ".ctor",
            });
        }
        let md = self
            .loader
            .resolve_method_token(self.method.assembly, token, &self.ctx)
            .map_err(host_error)?;
        self.facts_of(md)
    }

    fn method_facts_of(
        &mut self,
        method: osprey_jit::MethodHandle,
    ) -> Result<CalleeFacts, HostError> {
        // SAFETY: method handles the JIT holds come from this host (`to_jit`).
        let md = unsafe { MethodHandle::from_ptr(method.0 as *const crate::loader::MethodDesc) };
        self.facts_of(md)
    }

    fn call_site_facts(&mut self, token: Token) -> Result<CallSiteFacts, HostError> {
        let (sig, unmanaged) = crate::interop::reverse::calli_method_sig(self, token)?;
        let ctx = self.ctx.clone();
        let assembly = self.method.assembly;
        let mut params = Vec::with_capacity(sig.params.len());
        for p in &sig.params {
            params.push(self.sig_type(assembly, p, &ctx)?);
        }
        let ret = self.sig_type(assembly, &sig.ret, &ctx)?;
        Ok(CallSiteFacts {
            has_this: sig.has_this,
            params,
            ret,
            unmanaged,
        })
    }

    fn field_facts(&mut self, token: Token) -> Result<FieldFacts, HostError> {
        use osprey_metadata::flags::field_attributes as fa;
        let (owner, field) = self
            .loader
            .resolve_field_token(self.method.assembly, token, &self.ctx)
            .map_err(host_error)?;
        let ty = self.sig_type(field.assembly, &field.sig, &owner.generic_context())?;
        let flags = self
            .loader
            .assembly(field.assembly)
            .image()
            .field(field.rid)
            .map_err(bad_image)?
            .flags;
        Ok(FieldFacts {
            owner: owner.to_jit(),
            ty,
            is_static: field.is_static,
            is_init_only: flags & fa::INIT_ONLY != 0,
        })
    }

    fn type_of_token(&mut self, token: Token) -> Result<osprey_jit::TypeHandle, HostError> {
        self.loader
            .resolve_type_token(self.method.assembly, token, &self.ctx)
            .map(|t| t.to_jit())
            .map_err(host_error)
    }

    fn type_facts(&mut self, t: osprey_jit::TypeHandle) -> TypeFacts {
        // SAFETY: the verifier passes back handles this runtime gave it.
        let t = unsafe { TypeHandle::from_jit(t) };
        let shape = match t.kind {
            TypeKind::Class => TypeShape::Class,
            TypeKind::Interface => TypeShape::Interface,
            TypeKind::ValueType | TypeKind::Enum(_) | TypeKind::Primitive(_) => {
                TypeShape::ValueType
            }
            TypeKind::SzArray | TypeKind::MdArray(_) => {
                let element = t.element.expect("arrays have an element type");
                TypeShape::Array {
                    rank: match t.kind {
                        TypeKind::MdArray(r) => Some(r),
                        _ => None,
                    },
                    element: element.to_jit(),
                    cell: cell_of_type(element),
                }
            }
        };
        let delegate = self.rt.well_known().multicast_delegate;
        TypeFacts {
            cell: cell_of_type(t),
            shape,
            parent: t.parent().map(|p| p.to_jit()),
            interfaces: t.interfaces.iter().map(|i| i.to_jit()).collect(),
            contains_references: match t.kind {
                TypeKind::ValueType => t
                    .value_layout
                    .as_ref()
                    .is_some_and(|l| !l.gc_refs.is_empty()),
                TypeKind::Primitive(_) | TypeKind::Enum(_) => false,
                _ => true,
            },
            is_sealed: self.loader.is_sealed(t) || t.mt.has(mt_flags::ARRAY),
            is_abstract: t.mt.has(mt_flags::ABSTRACT),
            is_delegate: t != delegate && t.is_subclass_of(delegate),
        }
    }

    fn type_name(&mut self, t: osprey_jit::TypeHandle) -> String {
        // SAFETY: the verifier passes back handles this runtime gave it.
        unsafe { TypeHandle::from_jit(t) }.name.clone()
    }

    fn can_cast(&mut self, from: osprey_jit::TypeHandle, to: osprey_jit::TypeHandle) -> bool {
        // SAFETY: the verifier passes back handles this runtime gave it.
        super::is_assignable(unsafe { TypeHandle::from_jit(from) }, unsafe {
            TypeHandle::from_jit(to)
        })
    }

    fn array_of(&mut self, element: osprey_jit::TypeHandle) -> Option<osprey_jit::TypeHandle> {
        self.loader
            // SAFETY: the verifier passes back handles this runtime gave it.
            .load_sz_array(unsafe { TypeHandle::from_jit(element) })
            .ok()
            .map(|t| t.to_jit())
    }

    fn delegate_invoke(
        &mut self,
        delegate: osprey_jit::TypeHandle,
    ) -> Result<CalleeFacts, HostError> {
        // SAFETY: the verifier passes back handles this runtime gave it.
        let t = unsafe { TypeHandle::from_jit(delegate) };
        let invoke = t
            .methods
            .iter()
            .copied()
            .find(|m| m.name == "Invoke" && !m.is_static())
            .ok_or_else(|| HostError {
                kind: HostErrorKind::MissingMethod,
                message: format!("the delegate type {} has no Invoke method", t.name),
            })?;
        self.facts_of(invoke)
    }
}
