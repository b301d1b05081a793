//! Resolving metadata tokens and signatures to runtime types, methods and fields.
//!
//! Type references into `mscorlib`, `System`, `System.Core`, `System.Runtime`,
//! `netstandard` and `System.Private.CoreLib` bind to corelib by namespace
//! and name; members bind by name and signature. A member corelib lacks is a
//! [`LoadError::MissingMethod`]/[`LoadError::MissingField`] naming it, raised
//! when the method referring to it is compiled.

use osprey_jit::JitType;
use osprey_metadata::sig::{MemberRefSig, TypeSig};
use osprey_metadata::tables::{MemberRefParent, ResolutionScope, TableId, TypeDefOrRef};
use osprey_metadata::Token;

use super::assembly::AssemblyId;
use super::build::primitive_of_sig;
use super::generics::{GenericContext, SigIn};
use super::methods::MethodHandle;
use super::names;
use super::types::{FieldDesc, TypeDefId, TypeHandle};
use super::{LoadError, LoadResult, Loader};

impl Loader {
    /// The definition a TypeDef or TypeRef names, without loading it.
    pub(crate) fn resolve_type_def_id(
        &mut self,
        assembly: AssemblyId,
        t: TypeDefOrRef,
    ) -> LoadResult<TypeDefId> {
        match t {
            TypeDefOrRef::TypeDef(rid) => Ok(TypeDefId { assembly, rid }),
            TypeDefOrRef::TypeRef(rid) => self.resolve_type_ref(assembly, rid),
            TypeDefOrRef::TypeSpec(rid) => Err(LoadError::BadToken {
                token: Token::new(TableId::TypeSpec, rid),
                expected: "a TypeDef or TypeRef",
            }),
        }
    }

    fn resolve_type_ref(&mut self, assembly: AssemblyId, rid: u32) -> LoadResult<TypeDefId> {
        if let Some(id) = self.type_ref_cache.get(&(assembly, rid)) {
            return Ok(*id);
        }
        self.enter_type_ref(assembly, rid)?;
        let result = self.resolve_type_ref_uncached(assembly, rid);
        self.leave_type_ref();
        result
    }

    fn resolve_type_ref_uncached(
        &mut self,
        assembly: AssemblyId,
        rid: u32,
    ) -> LoadResult<TypeDefId> {
        let asm = self.assembly(assembly);
        let img = asm.image();
        let bad = |e| LoadError::BadImage {
            assembly: asm.name.clone(),
            error: e,
        };
        let row = img.type_ref(rid).map_err(bad)?;
        let name = img.string(row.name).map_err(bad)?;
        let namespace = img.string(row.namespace).map_err(bad)?;
        let full = names::join(namespace, name);
        let id = match row.resolution_scope {
            Some(ResolutionScope::AssemblyRef(r)) => {
                let aref = img.assembly_ref(r).map_err(bad)?;
                let target_name = img.string(aref.name).map_err(bad)?;
                let target =
                    self.find_assembly(target_name)
                        .ok_or_else(|| LoadError::TypeNotFound {
                            name: full.clone(),
                            assembly: target_name.to_string(),
                        })?;
                let rid = self.find_type(target, namespace, name)?.ok_or_else(|| {
                    LoadError::TypeNotFound {
                        name: full.clone(),
                        assembly: target_name.to_string(),
                    }
                })?;
                TypeDefId {
                    assembly: target,
                    rid,
                }
            }
            Some(ResolutionScope::TypeRef(outer)) => {
                let outer = self.resolve_type_ref(assembly, outer)?;
                let outer_asm = self.assembly(outer.assembly);
                let oimg = outer_asm.image();
                let nested = oimg
                    .nested_types_of(outer.rid)
                    .map_err(|e| self.bad_image(outer.assembly, e))?;
                let mut found = None;
                for n in nested {
                    let r = oimg
                        .type_def(n)
                        .map_err(|e| self.bad_image(outer.assembly, e))?;
                    if oimg
                        .string(r.name)
                        .map_err(|e| self.bad_image(outer.assembly, e))?
                        == name
                    {
                        found = Some(n);
                        break;
                    }
                }
                let rid = found.ok_or_else(|| LoadError::TypeNotFound {
                    name: format!("{}+{}", self.type_def_name(outer), name),
                    assembly: outer_asm.name.clone(),
                })?;
                TypeDefId {
                    assembly: outer.assembly,
                    rid,
                }
            }
            Some(ResolutionScope::Module(_)) | Some(ResolutionScope::ModuleRef(_)) => {
                let rid = self.find_type(assembly, namespace, name)?.ok_or_else(|| {
                    LoadError::TypeNotFound {
                        name: full.clone(),
                        assembly: asm.name.clone(),
                    }
                })?;
                TypeDefId { assembly, rid }
            }
            None => {
                return Err(LoadError::NotSupported(format!(
                    "type {full} resolved through the ExportedType table"
                )))
            }
        };
        self.type_ref_cache.insert((assembly, rid), id);
        Ok(id)
    }

    /// Loads the type a TypeDef, TypeRef or TypeSpec token names; `!n` and
    /// `!!n` in a TypeSpec take their arguments from `ctx`.
    pub fn resolve_type_token(
        &mut self,
        assembly: AssemblyId,
        token: Token,
        ctx: &GenericContext,
    ) -> LoadResult<TypeHandle> {
        match token.table() {
            Some(TableId::TypeDef) => self.load_type_def(TypeDefId {
                assembly,
                rid: token.rid(),
            }),
            Some(TableId::TypeRef) => {
                let id = self.resolve_type_ref(assembly, token.rid())?;
                self.load_type_def(id)
            }
            Some(TableId::TypeSpec) => {
                let sig = self
                    .assembly(assembly)
                    .image()
                    .type_spec_sig(token.rid())
                    .map_err(|e| self.bad_image(assembly, e))?;
                self.type_of_sig(assembly, &sig, ctx)
            }
            _ => Err(LoadError::BadToken {
                token,
                expected: "a type token",
            }),
        }
    }

    /// Loads the type a signature denotes, with the type arguments of `ctx`.
    pub fn type_of_sig(
        &mut self,
        assembly: AssemblyId,
        sig: &TypeSig,
        ctx: &GenericContext,
    ) -> LoadResult<TypeHandle> {
        if let Some(p) = primitive_of_sig(sig) {
            return self.corelib_type("System", p.name());
        }
        match sig.strip_modifiers() {
            TypeSig::Void => self.corelib_type("System", "Void"),
            TypeSig::String => self.corelib_type("System", "String"),
            TypeSig::Object => self.corelib_type("System", "Object"),
            TypeSig::TypedByRef => self.corelib_type("System", "TypedReference"),
            TypeSig::Class(t) | TypeSig::ValueType(t) => {
                let handle = self.resolve_type_token(assembly, (*t).into(), ctx)?;
                self.check_sig_kind(sig, handle)?;
                Ok(handle)
            }
            TypeSig::SzArray(elem) => {
                let e = self.type_of_sig(assembly, elem, ctx)?;
                self.load_sz_array(e)
            }
            TypeSig::Array { elem, rank, .. } => {
                let e = self.type_of_sig(assembly, elem, ctx)?;
                self.load_array(e, Some(*rank))
            }
            TypeSig::GenericInst { generic, args, .. } => {
                let def = self.resolve_type_def_id(assembly, *generic)?;
                let mut handles = Vec::with_capacity(args.len());
                for a in args {
                    let h = self.type_of_sig(assembly, a, ctx)?;
                    if h.is_generic_definition() || h.name == "System.Void" {
                        return Err(LoadError::InvalidType {
                            name: self.type_def_name(def),
                            reason: format!("{} cannot be a type argument", h.name),
                        });
                    }
                    handles.push(h);
                }
                let handle = self.load_type(def, handles)?;
                self.check_sig_kind(sig, handle)?;
                Ok(handle)
            }
            v @ (TypeSig::Var(n) | TypeSig::MVar(n)) => ctx
                .arg(*n, matches!(v, TypeSig::MVar(_)))
                .ok_or_else(|| self.type_param_out_of_range(assembly, v)),
            other => Err(LoadError::NotSupported(format!(
                "the type {}",
                names::type_sig_text(self.assembly(assembly).image(), other)
            ))),
        }
    }

    /// How a value of signature type `sig` travels in JIT-compiled code,
    /// with the type arguments of `ctx`.
    pub fn jit_type_of_sig(
        &mut self,
        assembly: AssemblyId,
        sig: &TypeSig,
        ctx: &GenericContext,
    ) -> LoadResult<JitType> {
        if let Some(p) = primitive_of_sig(sig) {
            return Ok(JitType::Prim(p));
        }
        self.check_sig_kind_unloaded(assembly, sig)?;
        if sig.is_reference() {
            return Ok(JitType::Ref);
        }
        Ok(match sig.strip_modifiers() {
            TypeSig::Void => JitType::Void,
            TypeSig::ByRef(_) => JitType::ByRef,
            TypeSig::Ptr(_) | TypeSig::FnPtr(_) => JitType::Ptr,
            TypeSig::ValueType(_)
            | TypeSig::GenericInst { .. }
            | TypeSig::Var(_)
            | TypeSig::MVar(_) => self.type_of_sig(assembly, sig, ctx)?.jit_type(),
            TypeSig::TypedByRef => self.corelib_type("System", "TypedReference")?.jit_type(),
            other => {
                return Err(LoadError::NotSupported(format!(
                    "values of type {}",
                    names::type_sig_text(self.assembly(assembly).image(), other)
                )))
            }
        })
    }

    /// Resolves a method token (MethodDef, MemberRef or MethodSpec) to its
    /// descriptor; type arguments in the token's signatures come from `ctx`.
    pub fn resolve_method_token(
        &mut self,
        assembly: AssemblyId,
        token: Token,
        ctx: &GenericContext,
    ) -> LoadResult<MethodHandle> {
        match token.table() {
            Some(TableId::MethodDef) => self.method_def(assembly, token.rid()),
            Some(TableId::MemberRef) => self.resolve_method_ref(assembly, token.rid(), ctx),
            Some(TableId::MethodSpec) => self.resolve_method_spec(assembly, token.rid(), ctx),
            _ => Err(LoadError::BadToken {
                token,
                expected: "a method token",
            }),
        }
    }

    /// `M<args>`: a MethodSpec names a generic method and its type arguments.
    fn resolve_method_spec(
        &mut self,
        assembly: AssemblyId,
        rid: u32,
        ctx: &GenericContext,
    ) -> LoadResult<MethodHandle> {
        use osprey_metadata::tables::MethodDefOrRef;
        let asm = self.assembly(assembly);
        let img = asm.image();
        let bad = |e| LoadError::BadImage {
            assembly: asm.name.clone(),
            error: e,
        };
        let spec = img.method_spec(rid).map_err(bad)?;
        let generic = match spec.method {
            MethodDefOrRef::MethodDef(r) => Token::new(TableId::MethodDef, r),
            MethodDefOrRef::MemberRef(r) => Token::new(TableId::MemberRef, r),
        };
        let arg_sigs = img.method_spec_sig(rid).map_err(bad)?.args;
        let m = self.resolve_method_token(assembly, generic, ctx)?;
        let mut args = Vec::with_capacity(arg_sigs.len());
        for a in &arg_sigs {
            let h = self.type_of_sig(assembly, a, ctx)?;
            if h.is_generic_definition() || h.name == "System.Void" {
                return Err(LoadError::InvalidType {
                    name: m.full_name(),
                    reason: format!("{} cannot be a type argument", h.name),
                });
            }
            args.push(h);
        }
        self.instantiate_method(m, args)
    }

    fn member_ref_parent(
        &mut self,
        assembly: AssemblyId,
        parent: MemberRefParent,
        ctx: &GenericContext,
    ) -> LoadResult<TypeHandle> {
        match parent {
            MemberRefParent::TypeDef(rid) => {
                self.resolve_type_token(assembly, Token::new(TableId::TypeDef, rid), ctx)
            }
            MemberRefParent::TypeRef(rid) => {
                self.resolve_type_token(assembly, Token::new(TableId::TypeRef, rid), ctx)
            }
            MemberRefParent::TypeSpec(rid) => {
                self.resolve_type_token(assembly, Token::new(TableId::TypeSpec, rid), ctx)
            }
            other => Err(LoadError::NotSupported(format!(
                "member references whose parent is {other:?}"
            ))),
        }
    }

    fn resolve_method_ref(
        &mut self,
        assembly: AssemblyId,
        rid: u32,
        ctx: &GenericContext,
    ) -> LoadResult<MethodHandle> {
        let asm = self.assembly(assembly);
        let img = asm.image();
        let bad = |e| LoadError::BadImage {
            assembly: asm.name.clone(),
            error: e,
        };
        let row = img.member_ref(rid).map_err(bad)?;
        let name = img.string(row.name).map_err(bad)?.to_string();
        let sig = match img.member_ref_sig(rid).map_err(bad)? {
            MemberRefSig::Method(m) => m,
            MemberRefSig::Field(_) => {
                return Err(LoadError::MissingMethod(format!(
                    "{name} (the reference names a field)"
                )))
            }
        };
        let owner = self.member_ref_parent(assembly, row.class, ctx)?;
        if owner.is_generic_definition() {
            return Err(LoadError::InvalidType {
                name: owner.name.clone(),
                reason: format!("{name} is called on the open generic type"),
            });
        }
        // The reference's signature is written against its parent: `!n`
        // are the parent's type arguments.
        let ref_ctx = owner.generic_context();
        let ref_in = SigIn {
            assembly,
            ctx: &ref_ctx,
        };
        let mut t = Some(owner);
        while let Some(cur) = t {
            let candidates: Vec<MethodHandle> = cur
                .methods
                .iter()
                .copied()
                .filter(|m| m.name == name)
                .collect();
            let cur_ctx = cur.generic_context();
            for m in candidates {
                let m_in = SigIn {
                    assembly: m.assembly,
                    ctx: &cur_ctx,
                };
                if self.method_sigs_match(ref_in, &sig, m_in, &m.sig) {
                    return Ok(m);
                }
            }
            // Constructors and static methods are never inherited; keep
            // looking up the chain only for instance methods.
            if name.starts_with('.') || !sig.has_this {
                break;
            }
            t = cur.parent();
        }
        Err(LoadError::MissingMethod(names::method_display(
            img,
            &owner.name,
            &name,
            &sig,
        )))
    }

    /// Resolves a field token (Field or MemberRef) to its owner and descriptor.
    pub fn resolve_field_token(
        &mut self,
        assembly: AssemblyId,
        token: Token,
        ctx: &GenericContext,
    ) -> LoadResult<(TypeHandle, FieldDesc)> {
        let asm = self.assembly(assembly);
        let img = asm.image();
        let bad = |e| LoadError::BadImage {
            assembly: asm.name.clone(),
            error: e,
        };
        match token.table() {
            Some(TableId::Field) => {
                let owner = img.field_owner(token.rid()).map_err(bad)?.ok_or_else(|| {
                    LoadError::MissingField(format!("Field 0x{:06x}", token.rid()))
                })?;
                let t = self.load_type_def(TypeDefId {
                    assembly,
                    rid: owner,
                })?;
                let f = t
                    .instance_fields
                    .iter()
                    .chain(&t.static_fields)
                    .find(|f| f.rid == token.rid() && f.assembly == assembly)
                    .cloned()
                    .ok_or_else(|| {
                        LoadError::MissingField(format!("Field 0x{:06x}", token.rid()))
                    })?;
                Ok((t, f))
            }
            Some(TableId::MemberRef) => {
                let row = img.member_ref(token.rid()).map_err(bad)?;
                let name = img.string(row.name).map_err(bad)?.to_string();
                let sig = match img.member_ref_sig(token.rid()).map_err(bad)? {
                    MemberRefSig::Field(f) => f.ty,
                    MemberRefSig::Method(_) => {
                        return Err(LoadError::MissingField(format!(
                            "{name} (the reference names a method)"
                        )))
                    }
                };
                let owner = self.member_ref_parent(assembly, row.class, ctx)?;
                // Fields bind by name and type, the reference's type read in
                // its parent's instantiation and the field's in its owner's.
                let found = owner.find_field(&name).map(|(t, f)| (t, f.clone()));
                let owner_ctx = owner.generic_context();
                let ref_in = SigIn {
                    assembly,
                    ctx: &owner_ctx,
                };
                let matches = |l: &mut Loader, t: TypeHandle, f: &FieldDesc| {
                    let f_ctx = t.generic_context();
                    let f_in = SigIn {
                        assembly: f.assembly,
                        ctx: &f_ctx,
                    };
                    l.type_sigs_match(ref_in, &sig, f_in, &f.sig)
                };
                match found {
                    Some((t, f)) if matches(self, t, &f) => Ok((t, f)),
                    _ => Err(LoadError::MissingField(format!(
                        "{} {}.{}",
                        names::type_display(img, &sig),
                        owner.name,
                        name
                    ))),
                }
            }
            _ => Err(LoadError::BadToken {
                token,
                expected: "a field token",
            }),
        }
    }

    /// The static `string Ctor(args)` factory that implements the `extern`
    /// string constructor `ctor` (corelib's convention: a string's size
    /// depends on the arguments, so its "constructor" must allocate). `None`
    /// when corelib declares no factory with the same parameters.
    pub(crate) fn string_ctor_factory(&mut self, ctor: MethodHandle) -> Option<MethodHandle> {
        let owner = ctor.owner;
        owner.methods.iter().copied().find(|m| {
            m.name == "Ctor"
                && m.is_static()
                && m.sig.params.len() == ctor.sig.params.len()
                && m.sig.params.iter().zip(&ctor.sig.params).all(|(a, b)| {
                    let empty = GenericContext::empty();
                    let a_in = SigIn {
                        assembly: m.assembly,
                        ctx: &empty,
                    };
                    let b_in = SigIn {
                        assembly: ctor.assembly,
                        ctx: &empty,
                    };
                    self.type_sigs_match(a_in, a, b_in, b)
                })
        })
    }
}
