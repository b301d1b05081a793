//! Generic instantiation: the type arguments in scope while a signature is
//! resolved, comparing signatures across instantiations without loading
//! types, and instantiating generic methods.
//!
//! Signatures in metadata are written against a definition: `!0` is the
//! declaring type's first type parameter, `!!0` the method's. A
//! [`GenericContext`] supplies the arguments for one instantiation, so the
//! same signature resolves to `int` in `List<int>` and to `string` in
//! `List<string>`. Every runtime type is an exact instantiation (its
//! `instantiation` lists the arguments); docs/generics.md describes how
//! code is shared between them.

use osprey_metadata::sig::{MethodSig, TypeSig};

use super::assembly::AssemblyId;
use super::methods::{MethodDesc, MethodHandle};
use super::types::{TypeDefId, TypeHandle, TypeKind};
use super::{LoadError, LoadResult, Loader};
pub use crate::typesystem::context::GenericContext;

/// How deeply type arguments may nest (`List<List<...<int>...>>`). The CLR
/// has a similar limit; a polymorphic recursion that instantiates ever
/// deeper types stops here with a TypeLoadException instead of exhausting
/// the stack or the memory.
pub const MAX_INSTANTIATION_DEPTH: u32 = 48;

/// One side of a signature comparison: a signature and where its tokens
/// and type parameters come from.
#[derive(Copy, Clone)]
pub(crate) struct SigIn<'a> {
    pub assembly: AssemblyId,
    pub ctx: &'a GenericContext,
}

/// The printed form of an instantiation, as the CLR's `Type.ToString()`
/// writes it: `System.Collections.Generic.List`1[System.Int32]`.
pub(crate) fn instantiation_name(definition: &str, args: &[TypeHandle]) -> String {
    if args.is_empty() {
        return definition.to_string();
    }
    let names: Vec<&str> = args.iter().map(|a| a.name.as_str()).collect();
    format!("{definition}[{}]", names.join(","))
}

impl Loader {
    /// Whether two method signatures denote the same method shape, each
    /// read in its own assembly and generic context. Method type parameters
    /// (`!!n`) compare by position: they are the methods' own.
    pub(crate) fn method_sigs_match(
        &mut self,
        a_in: SigIn<'_>,
        a: &MethodSig,
        b_in: SigIn<'_>,
        b: &MethodSig,
    ) -> bool {
        a.has_this == b.has_this
            && a.generic_param_count == b.generic_param_count
            && a.params.len() == b.params.len()
            && self.type_sigs_match(a_in, &a.ret, b_in, &b.ret)
            && a.params
                .iter()
                .zip(&b.params)
                .all(|(x, y)| self.type_sigs_match(a_in, x, b_in, y))
    }

    /// Whether two signature types denote the same type, each read in its
    /// own assembly and generic context (`!0` in `Base<int>`'s method is
    /// `int32` in `Derived : Base<int>`'s override). Nothing is loaded:
    /// this runs while types are being built. Custom modifiers are ignored.
    pub(crate) fn type_sigs_match(
        &mut self,
        a_in: SigIn<'_>,
        a: &TypeSig,
        b_in: SigIn<'_>,
        b: &TypeSig,
    ) -> bool {
        let (a, b) = (a.strip_modifiers(), b.strip_modifiers());
        // A type parameter with an argument in scope stands for that type.
        let substituted = |s: &TypeSig, ctx: &GenericContext| match s {
            TypeSig::Var(n) => ctx.arg(*n, false),
            TypeSig::MVar(n) => ctx.arg(*n, true),
            _ => None,
        };
        match (substituted(a, a_in.ctx), substituted(b, b_in.ctx)) {
            (Some(x), Some(y)) => return x == y,
            (Some(x), None) => return self.sig_denotes(b_in, b, x),
            (None, Some(y)) => return self.sig_denotes(a_in, a, y),
            (None, None) => {}
        }
        match (a, b) {
            (TypeSig::Class(x), TypeSig::Class(y))
            | (TypeSig::ValueType(x), TypeSig::ValueType(y)) => {
                match (
                    self.resolve_type_def_id(a_in.assembly, *x),
                    self.resolve_type_def_id(b_in.assembly, *y),
                ) {
                    (Ok(p), Ok(q)) => p == q,
                    _ => false,
                }
            }
            (TypeSig::Ptr(x), TypeSig::Ptr(y))
            | (TypeSig::ByRef(x), TypeSig::ByRef(y))
            | (TypeSig::SzArray(x), TypeSig::SzArray(y)) => self.type_sigs_match(a_in, x, b_in, y),
            (
                TypeSig::Array {
                    elem: x, rank: rx, ..
                },
                TypeSig::Array {
                    elem: y, rank: ry, ..
                },
            ) => rx == ry && self.type_sigs_match(a_in, x, b_in, y),
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
                    self.resolve_type_def_id(a_in.assembly, *gx),
                    self.resolve_type_def_id(b_in.assembly, *gy),
                ) {
                    (Ok(p), Ok(q)) => p == q,
                    _ => false,
                };
                same_generic
                    && ax.len() == ay.len()
                    && ax
                        .iter()
                        .zip(ay)
                        .all(|(x, y)| self.type_sigs_match(a_in, x, b_in, y))
            }
            (TypeSig::FnPtr(x), TypeSig::FnPtr(y)) => self.method_sigs_match(a_in, x, b_in, y),
            // Primitives, string, object, unsubstituted type parameters:
            // structural equality.
            _ => a == b,
        }
    }

    /// Whether the signature type `sig` (read in `sig_in`) denotes the
    /// loaded type `t`, without loading anything.
    fn sig_denotes(&mut self, sig_in: SigIn<'_>, sig: &TypeSig, t: TypeHandle) -> bool {
        let sig = sig.strip_modifiers();
        match sig {
            TypeSig::Var(n) => return sig_in.ctx.arg(*n, false) == Some(t),
            TypeSig::MVar(n) => return sig_in.ctx.arg(*n, true) == Some(t),
            _ => {}
        }
        if let Some(p) = super::build::primitive_of_sig(sig) {
            return t.kind == TypeKind::Primitive(p);
        }
        let corelib_named = |t: TypeHandle, name: &str| {
            t.def.is_some_and(|d| d.assembly == AssemblyId::CORELIB) && t.name == name
        };
        match sig {
            TypeSig::String => corelib_named(t, "System.String"),
            TypeSig::Object => corelib_named(t, "System.Object"),
            TypeSig::TypedByRef => corelib_named(t, "System.TypedReference"),
            TypeSig::Void => corelib_named(t, "System.Void"),
            TypeSig::Class(x) | TypeSig::ValueType(x) => {
                t.instantiation.is_empty()
                    && self.resolve_type_def_id(sig_in.assembly, *x).ok() == t.def
            }
            TypeSig::GenericInst { generic, args, .. } => {
                self.resolve_type_def_id(sig_in.assembly, *generic).ok() == t.def
                    && args.len() == t.instantiation.len()
                    && args
                        .iter()
                        .zip(t.instantiation.clone())
                        .all(|(a, ta)| self.sig_denotes(sig_in, a, ta))
            }
            TypeSig::SzArray(e) => {
                t.kind == TypeKind::SzArray
                    && t.element.is_some_and(|te| self.sig_denotes(sig_in, e, te))
            }
            TypeSig::Array { elem, rank, .. } => {
                t.kind == TypeKind::MdArray(*rank)
                    && t.element
                        .is_some_and(|te| self.sig_denotes(sig_in, elem, te))
            }
            // No runtime type stands for a pointer, a byref or a function
            // pointer.
            _ => false,
        }
    }

    /// The number of type parameters of a type definition.
    pub(crate) fn generic_param_count(&self, id: TypeDefId) -> LoadResult<u32> {
        use osprey_metadata::tables::TypeOrMethodDef;
        let asm = self.assembly(id.assembly);
        let mut n = 0;
        for row in asm
            .image()
            .generic_params_of(TypeOrMethodDef::TypeDef(id.rid))
        {
            row.map_err(|e| self.bad_image(id.assembly, e))?;
            n += 1;
        }
        Ok(n)
    }

    /// The variance of each type parameter of a type definition.
    pub(crate) fn generic_param_variance(
        &self,
        id: TypeDefId,
    ) -> LoadResult<Vec<super::types::Variance>> {
        use super::types::Variance;
        use osprey_metadata::flags::generic_param_attributes as gpa;
        use osprey_metadata::tables::TypeOrMethodDef;
        let asm = self.assembly(id.assembly);
        let mut params = Vec::new();
        for row in asm
            .image()
            .generic_params_of(TypeOrMethodDef::TypeDef(id.rid))
        {
            let (_, row) = row.map_err(|e| self.bad_image(id.assembly, e))?;
            let v = match row.flags & gpa::VARIANCE_MASK {
                gpa::COVARIANT => Variance::Covariant,
                gpa::CONTRAVARIANT => Variance::Contravariant,
                _ => Variance::None,
            };
            params.push((row.number, v));
        }
        params.sort_by_key(|(n, _)| *n);
        Ok(params.into_iter().map(|(_, v)| v).collect())
    }

    /// The instantiation `m<args>` of the generic method definition `m`
    /// (one descriptor per instantiation, made on first use).
    pub fn instantiate_method(
        &mut self,
        m: MethodHandle,
        args: Vec<TypeHandle>,
    ) -> LoadResult<MethodHandle> {
        if !m.is_generic_definition() {
            return Err(LoadError::InvalidType {
                name: m.owner.name.clone(),
                reason: format!("{} is not a generic method definition", m.full_name()),
            });
        }
        if args.len() != m.sig.generic_param_count as usize {
            return Err(LoadError::InvalidType {
                name: m.owner.name.clone(),
                reason: format!(
                    "{} takes {} type arguments, not {}",
                    m.full_name(),
                    m.sig.generic_param_count,
                    args.len()
                ),
            });
        }
        if let Some(deep) = args.iter().find(|a| a.depth >= MAX_INSTANTIATION_DEPTH) {
            return Err(LoadError::InvalidType {
                name: deep.name.clone(),
                reason:
                    "the generic instantiation is nested too deeply (a recursive generic method?)"
                        .into(),
            });
        }
        let key = (m, args);
        if let Some(h) = self.method_instances.get(&key) {
            return Ok(*h);
        }
        let (m, args) = key;
        let ctx = GenericContext {
            type_args: m.owner.instantiation.clone(),
            method_args: args.clone(),
        };
        self.check_constraints(
            m.assembly,
            osprey_metadata::tables::TypeOrMethodDef::MethodDef(m.rid),
            &args,
            &ctx,
            &|| format!("{}.{}", m.owner.name, m.name),
        )?;
        let mut md = Box::new(MethodDesc {
            owner: m.owner,
            assembly: m.assembly,
            rid: m.rid,
            name: m.name.clone(),
            sig: m.sig.clone(),
            flags: m.flags,
            impl_flags: m.impl_flags,
            rva: m.rva,
            kind: m.kind,
            slot: None,
            instantiation: args.clone(),
            definition: Some(m),
            dictionary: super::sharing::empty_dictionary(),
            precode: 0,
            code: std::sync::atomic::AtomicUsize::new(0),
            delegate_checked: std::sync::atomic::AtomicUsize::new(0),
        });
        let handle = MethodHandle::new(&md);
        md.precode = self
            .code_heap
            .alloc_precode(handle.as_ptr() as usize, self.prestub)
            .map_err(|e| LoadError::NotSupported(format!("code heap: {e}")))?;
        self.methods_by_precode.insert(md.precode, handle);
        self.method_store.push(md);
        self.method_instances.insert((m, args), handle);
        Ok(handle)
    }
}

impl Loader {
    // ----- how traces print generic types and methods (as mono) -----

    /// The names of a generic type's or method's type parameters, in order.
    pub(crate) fn generic_param_names(
        &self,
        assembly: AssemblyId,
        owner: osprey_metadata::tables::TypeOrMethodDef,
    ) -> Vec<String> {
        let asm = self.assembly(assembly);
        let img = asm.image();
        let mut params: Vec<(u16, String)> = img
            .generic_params_of(owner)
            .filter_map(|r| r.ok())
            .map(|(_, row)| (row.number, img.string(row.name).unwrap_or("").to_string()))
            .collect();
        params.sort_by_key(|(n, _)| *n);
        params.into_iter().map(|(_, name)| name).collect()
    }

    /// A generic type definition as mono's traces print it:
    /// `Outer`2+Inner[K,V]`.
    pub(crate) fn trace_definition_name(&self, def: TypeDefId) -> String {
        let params = self.generic_param_names(
            def.assembly,
            osprey_metadata::tables::TypeOrMethodDef::TypeDef(def.rid),
        );
        let name = self.type_def_name(def);
        if params.is_empty() {
            name
        } else {
            format!("{name}[{}]", params.join(","))
        }
    }

    /// A method as mono's traces print it: `Outer`2[K,V].S[M]` (generic
    /// types and methods by their definitions, whatever instantiation ran).
    pub fn trace_method_name(&self, m: MethodHandle) -> String {
        let owner = match m.owner.def {
            Some(def) => self.trace_definition_name(def),
            None => m.owner.name.clone(),
        };
        let params = self.generic_param_names(
            m.assembly,
            osprey_metadata::tables::TypeOrMethodDef::MethodDef(m.rid),
        );
        if params.is_empty() {
            format!("{owner}.{}", m.name)
        } else {
            format!("{owner}.{}[{}]", m.name, params.join(","))
        }
    }

    /// A method's parameter types as mono's traces print them.
    pub fn trace_param_types(&mut self, m: MethodHandle) -> Vec<String> {
        use osprey_metadata::tables::TypeOrMethodDef;
        let type_params = m
            .owner
            .def
            .map(|d| self.generic_param_names(d.assembly, TypeOrMethodDef::TypeDef(d.rid)))
            .unwrap_or_default();
        let method_params = self.generic_param_names(m.assembly, TypeOrMethodDef::MethodDef(m.rid));
        let asm = self.assembly(m.assembly);
        let img = asm.image();
        let mut definition = |t| match self.resolve_type_def_id(m.assembly, t) {
            Ok(def) => self.trace_definition_name(def),
            Err(_) => super::names::type_sig_text(img, &TypeSig::Class(t)),
        };
        let mut names = super::names::TraceNames {
            type_params: &type_params,
            method_params: &method_params,
            definition: &mut definition,
        };
        m.sig
            .params
            .iter()
            .map(|p| super::names::type_trace_name(img, p, &mut names))
            .collect()
    }

    // ----- constraints (ECMA-335 II.10.1.7) -----

    /// Checks `args` against the constraints of the type parameters of
    /// `owner` (a generic type, or a generic method of a type instantiated
    /// as `ctx.type_args`): `class`, `struct`, `new()` and the types each
    /// argument must be assignable to (resolved with the arguments, so
    /// `T : IComparable<T>` works). Arguments still being built and the
    /// canonical `__Canon` are not checked (shared code is compiled for
    /// every instantiation that passed).
    pub(crate) fn check_constraints(
        &mut self,
        assembly: AssemblyId,
        owner: osprey_metadata::tables::TypeOrMethodDef,
        args: &[TypeHandle],
        ctx: &GenericContext,
        subject: &dyn Fn() -> String,
    ) -> LoadResult<()> {
        use osprey_metadata::flags::generic_param_attributes as gpa;
        use osprey_metadata::tables::TypeOrMethodDef;
        if args
            .iter()
            .any(|a| a.mentions_canon || self.incomplete.contains(a))
        {
            return Ok(());
        }
        let on_method = matches!(owner, TypeOrMethodDef::MethodDef(_));
        let asm = self.assembly(assembly);
        let img = asm.image();
        let bad = |e| LoadError::BadImage {
            assembly: asm.name.clone(),
            error: e,
        };
        let mut params = Vec::new();
        for row in img.generic_params_of(owner) {
            let (rid, row) = row.map_err(bad)?;
            params.push((rid, row));
        }
        for (rid, row) in params {
            let Some(&arg) = args.get(row.number as usize) else {
                continue;
            };
            let name = img.string(row.name).map_err(bad)?.to_string();
            let violation = || {
                let message = if on_method {
                    format!(
                        "Method {}: type argument '{}' violates the constraint of type parameter '{name}'.",
                        subject(),
                        arg.name
                    )
                } else {
                    format!(
                        "GenericArguments[{}], '{}', on '{}' violates the constraint of type parameter '{name}'.",
                        row.number,
                        arg.name,
                        subject()
                    )
                };
                LoadError::ConstraintViolation { message, on_method }
            };
            let special = row.flags & gpa::SPECIAL_CONSTRAINT_MASK;
            if special & gpa::REFERENCE_TYPE_CONSTRAINT != 0 && arg.is_value_type() {
                return Err(violation());
            }
            if special & gpa::NOT_NULLABLE_VALUE_TYPE_CONSTRAINT != 0
                && (!arg.is_value_type() || arg.is_nullable())
            {
                return Err(violation());
            }
            if special & gpa::DEFAULT_CONSTRUCTOR_CONSTRAINT != 0 && !has_default_constructor(arg) {
                return Err(violation());
            }
            let mut constraints = Vec::new();
            for c in img.generic_param_constraints_of(rid) {
                constraints.push(c.map_err(bad)?.1.constraint);
            }
            for c in constraints {
                let t = self.resolve_type_token(assembly, c.into(), ctx)?;
                if !super::casting::is_assignable(arg, t) {
                    return Err(violation());
                }
            }
        }
        Ok(())
    }
}

/// Whether `new T()` can make a `t`: a value type, or a concrete class with
/// a public parameterless constructor.
fn has_default_constructor(t: TypeHandle) -> bool {
    use osprey_metadata::flags::method_attributes as ma;
    t.is_value_type()
        || (!t.mt.has(super::types::mt_flags::ABSTRACT)
            && !t.is_interface()
            && t.methods.iter().any(|m| {
                m.name == ".ctor"
                    && !m.is_static()
                    && m.sig.params.is_empty()
                    && m.flags & ma::MEMBER_ACCESS_MASK == ma::PUBLIC
            }))
}
