//! Resolving metadata tokens and signatures to runtime types, methods and fields.
//!
//! Type references into `mscorlib`, `System`, `System.Core`, `System.Runtime`,
//! `netstandard` and `System.Private.CoreLib` bind to corelib by namespace
//! and name; members bind by name and signature. A member corelib lacks is a
//! [`LoadError::MissingMethod`]/[`LoadError::MissingField`] naming it, raised
//! when the method referring to it is compiled.

use osprey_jit::JitType;
use osprey_metadata::sig::{MemberRefSig, MethodSig, TypeSig};
use osprey_metadata::tables::{MemberRefParent, ResolutionScope, TableId, TypeDefOrRef};
use osprey_metadata::Token;

use super::assembly::AssemblyId;
use super::build::primitive_of_sig;
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
            TypeDefOrRef::TypeSpec(_) => Err(LoadError::NotSupported(
                "generic type instantiations (coming with generics support)".into(),
            )),
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

    /// Loads the type a TypeDef, TypeRef or TypeSpec token names.
    pub fn resolve_type_token(
        &mut self,
        assembly: AssemblyId,
        token: Token,
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
                self.type_of_sig(assembly, &sig)
            }
            _ => Err(LoadError::BadToken {
                token,
                expected: "a type token",
            }),
        }
    }

    /// Loads the type a signature denotes.
    pub fn type_of_sig(&mut self, assembly: AssemblyId, sig: &TypeSig) -> LoadResult<TypeHandle> {
        if let Some(p) = primitive_of_sig(sig) {
            return self.corelib_type("System", p.name());
        }
        match sig.strip_modifiers() {
            TypeSig::Void => self.corelib_type("System", "Void"),
            TypeSig::String => self.corelib_type("System", "String"),
            TypeSig::Object => self.corelib_type("System", "Object"),
            TypeSig::TypedByRef => self.corelib_type("System", "TypedReference"),
            TypeSig::Class(t) | TypeSig::ValueType(t) => {
                let handle = self.resolve_type_token(assembly, (*t).into())?;
                self.check_sig_kind(sig, handle)?;
                Ok(handle)
            }
            TypeSig::SzArray(elem) => {
                let e = self.type_of_sig(assembly, elem)?;
                self.load_sz_array(e)
            }
            TypeSig::Array { elem, rank, .. } => {
                let e = self.type_of_sig(assembly, elem)?;
                self.load_array(e, Some(*rank))
            }
            other => Err(LoadError::NotSupported(format!(
                "the type {}",
                names::type_sig_text(self.assembly(assembly).image(), other)
            ))),
        }
    }

    /// How a value of signature type `sig` travels in JIT-compiled code.
    pub fn jit_type_of_sig(&mut self, assembly: AssemblyId, sig: &TypeSig) -> LoadResult<JitType> {
        if let Some(p) = primitive_of_sig(sig) {
            return Ok(p.jit_type());
        }
        self.check_sig_kind_unloaded(assembly, sig)?;
        if sig.is_reference() {
            return Ok(JitType::Ref);
        }
        Ok(match sig.strip_modifiers() {
            TypeSig::Void => JitType::Void,
            TypeSig::ByRef(_) => JitType::ByRef,
            TypeSig::Ptr(_) | TypeSig::FnPtr(_) => JitType::Ptr,
            TypeSig::ValueType(t) => self.resolve_type_token(assembly, (*t).into())?.jit_type(),
            TypeSig::TypedByRef => self.corelib_type("System", "TypedReference")?.jit_type(),
            other => {
                return Err(LoadError::NotSupported(format!(
                    "values of type {}",
                    names::type_sig_text(self.assembly(assembly).image(), other)
                )))
            }
        })
    }

    /// Resolves a method token (MethodDef or MemberRef) to its descriptor.
    pub fn resolve_method_token(
        &mut self,
        assembly: AssemblyId,
        token: Token,
    ) -> LoadResult<MethodHandle> {
        match token.table() {
            Some(TableId::MethodDef) => self.method_def(assembly, token.rid()),
            Some(TableId::MemberRef) => self.resolve_method_ref(assembly, token.rid()),
            Some(TableId::MethodSpec) => Err(LoadError::NotSupported(
                "generic method instantiations (coming with generics support)".into(),
            )),
            _ => Err(LoadError::BadToken {
                token,
                expected: "a method token",
            }),
        }
    }

    fn member_ref_parent(
        &mut self,
        assembly: AssemblyId,
        parent: MemberRefParent,
    ) -> LoadResult<TypeHandle> {
        match parent {
            MemberRefParent::TypeDef(rid) => {
                self.resolve_type_token(assembly, Token::new(TableId::TypeDef, rid))
            }
            MemberRefParent::TypeRef(rid) => {
                self.resolve_type_token(assembly, Token::new(TableId::TypeRef, rid))
            }
            MemberRefParent::TypeSpec(rid) => {
                self.resolve_type_token(assembly, Token::new(TableId::TypeSpec, rid))
            }
            other => Err(LoadError::NotSupported(format!(
                "member references whose parent is {other:?}"
            ))),
        }
    }

    fn resolve_method_ref(&mut self, assembly: AssemblyId, rid: u32) -> LoadResult<MethodHandle> {
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
        let owner = self.member_ref_parent(assembly, row.class)?;
        let mut t = Some(owner);
        while let Some(cur) = t {
            let candidates: Vec<MethodHandle> = cur
                .methods
                .iter()
                .copied()
                .filter(|m| m.name == name)
                .collect();
            for m in candidates {
                if self.method_sigs_equal(assembly, &sig, m.assembly, &m.sig) {
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
                let owner = self.member_ref_parent(assembly, row.class)?;
                // Fields bind by name and type.
                let found = owner.find_field(&name).map(|(t, f)| (t, f.clone()));
                match found {
                    Some((t, f)) if self.type_sigs_equal(assembly, &sig, f.assembly, &f.sig) => {
                        Ok((t, f))
                    }
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
                && m.sig
                    .params
                    .iter()
                    .zip(&ctor.sig.params)
                    .all(|(a, b)| self.type_sigs_equal(m.assembly, a, ctor.assembly, b))
        })
    }

    /// Whether two method signatures (from possibly different assemblies) are equal.
    pub(crate) fn method_sigs_equal(
        &mut self,
        asm_a: AssemblyId,
        a: &MethodSig,
        asm_b: AssemblyId,
        b: &MethodSig,
    ) -> bool {
        a.has_this == b.has_this
            && a.generic_param_count == b.generic_param_count
            && a.params.len() == b.params.len()
            && self.type_sigs_equal(asm_a, &a.ret, asm_b, &b.ret)
            && a.params
                .iter()
                .zip(&b.params)
                .all(|(x, y)| self.type_sigs_equal(asm_a, x, asm_b, y))
    }

    /// Whether two signature types denote the same type. Custom modifiers are ignored.
    pub fn type_sigs_equal(
        &mut self,
        asm_a: AssemblyId,
        a: &TypeSig,
        asm_b: AssemblyId,
        b: &TypeSig,
    ) -> bool {
        let (a, b) = (a.strip_modifiers(), b.strip_modifiers());
        match (a, b) {
            (TypeSig::Class(x), TypeSig::Class(y))
            | (TypeSig::ValueType(x), TypeSig::ValueType(y)) => {
                match (
                    self.resolve_type_def_id(asm_a, *x),
                    self.resolve_type_def_id(asm_b, *y),
                ) {
                    (Ok(p), Ok(q)) => p == q,
                    _ => false,
                }
            }
            (TypeSig::Ptr(x), TypeSig::Ptr(y))
            | (TypeSig::ByRef(x), TypeSig::ByRef(y))
            | (TypeSig::SzArray(x), TypeSig::SzArray(y)) => {
                self.type_sigs_equal(asm_a, x, asm_b, y)
            }
            (
                TypeSig::Array {
                    elem: x, rank: rx, ..
                },
                TypeSig::Array {
                    elem: y, rank: ry, ..
                },
            ) => rx == ry && self.type_sigs_equal(asm_a, x, asm_b, y),
            (
                TypeSig::GenericInst {
                    generic: gx,
                    args: ax,
                    ..
                },
                TypeSig::GenericInst {
                    generic: gy,
                    args: ay,
                    ..
                },
            ) => {
                let same_generic = match (
                    self.resolve_type_def_id(asm_a, *gx),
                    self.resolve_type_def_id(asm_b, *gy),
                ) {
                    (Ok(p), Ok(q)) => p == q,
                    _ => false,
                };
                same_generic
                    && ax.len() == ay.len()
                    && ax
                        .iter()
                        .zip(ay)
                        .all(|(x, y)| self.type_sigs_equal(asm_a, x, asm_b, y))
            }
            (TypeSig::FnPtr(x), TypeSig::FnPtr(y)) => self.method_sigs_equal(asm_a, x, asm_b, y),
            // Primitives, string, object, type variables: structural equality.
            _ => a == b,
        }
    }
}
