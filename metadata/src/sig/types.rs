//! The decoded (owned) forms of signatures.

use std::fmt;

use crate::tables::TypeDefOrRef;
use crate::Primitive;

/// A type in a signature (II.23.2.12 and friends).
///
/// Custom modifiers and `pinned` are part of the tree so that nothing in the
/// blob is lost. Decoding is structural: e.g. `Void` is accepted wherever a
/// type may appear; semantic checks are left to the type loader.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum TypeSig {
    /// `void` (return types and `void*`).
    Void,
    /// A primitive value type (`bool`, `int32`, `native int`, ...).
    Prim(Primitive),
    /// `string`.
    String,
    /// `object`.
    Object,
    /// `typedref`.
    TypedByRef,
    /// A reference type given by token.
    Class(TypeDefOrRef),
    /// A value type given by token.
    ValueType(TypeDefOrRef),
    /// Unmanaged pointer `T*`.
    Ptr(Box<TypeSig>),
    /// Managed pointer `T&`.
    ByRef(Box<TypeSig>),
    /// Single-dimensional zero-based array `T[]`.
    SzArray(Box<TypeSig>),
    /// General array.
    Array {
        /// Element type.
        elem: Box<TypeSig>,
        /// Number of dimensions.
        rank: u32,
        /// Sizes of the first `sizes.len()` dimensions.
        sizes: Vec<u32>,
        /// Lower bounds of the first `lo_bounds.len()` dimensions.
        lo_bounds: Vec<i32>,
    },
    /// A generic instantiation `G<args>`.
    GenericInst {
        /// Whether `G` is a value type.
        is_value_type: bool,
        /// The generic type definition.
        generic: TypeDefOrRef,
        /// The type arguments.
        args: Vec<TypeSig>,
    },
    /// Generic parameter of the enclosing type (`!n`).
    Var(u32),
    /// Generic parameter of the enclosing method (`!!n`).
    MVar(u32),
    /// Function pointer.
    FnPtr(Box<MethodSig>),
    /// A type with a custom modifier (`modreq`/`modopt`).
    Modified {
        /// `modreq` if true, `modopt` if false.
        required: bool,
        /// The modifier type.
        modifier: TypeDefOrRef,
        /// The modified type.
        inner: Box<TypeSig>,
    },
    /// A pinned local variable.
    Pinned(Box<TypeSig>),
}

impl TypeSig {
    /// Calls `f` on every type token referenced by this type, depth first.
    pub fn for_each_type_ref(&self, f: &mut dyn FnMut(TypeDefOrRef)) {
        match self {
            TypeSig::Class(t) | TypeSig::ValueType(t) => f(*t),
            TypeSig::Ptr(inner)
            | TypeSig::ByRef(inner)
            | TypeSig::SzArray(inner)
            | TypeSig::Pinned(inner) => inner.for_each_type_ref(f),
            TypeSig::Array { elem, .. } => elem.for_each_type_ref(f),
            TypeSig::GenericInst { generic, args, .. } => {
                f(*generic);
                args.iter().for_each(|a| a.for_each_type_ref(f));
            }
            TypeSig::FnPtr(m) => m.for_each_type_ref(f),
            TypeSig::Modified {
                modifier, inner, ..
            } => {
                f(*modifier);
                inner.for_each_type_ref(f);
            }
            _ => {}
        }
    }

    /// The type without custom modifiers and `pinned` at the top level.
    pub fn strip_modifiers(&self) -> &TypeSig {
        let mut t = self;
        while let TypeSig::Modified { inner, .. } | TypeSig::Pinned(inner) = t {
            t = inner;
        }
        t
    }

    /// Whether values of this type (after modifiers) are object references:
    /// `string`, `object`, classes, arrays and reference-type generic
    /// instantiations. (`Class` is a TypeDefOrRef marked as a reference
    /// type by the signature itself.)
    pub fn is_reference(&self) -> bool {
        matches!(
            self.strip_modifiers(),
            TypeSig::String
                | TypeSig::Object
                | TypeSig::Class(_)
                | TypeSig::SzArray(_)
                | TypeSig::Array { .. }
                | TypeSig::GenericInst {
                    is_value_type: false,
                    ..
                }
        )
    }

    /// Whether the top level (after modifiers) is `pinned`.
    pub fn is_pinned(&self) -> bool {
        let mut t = self;
        loop {
            match t {
                TypeSig::Pinned(_) => return true,
                TypeSig::Modified { inner, .. } => t = inner,
                _ => return false,
            }
        }
    }
}

/// The calling convention of a method signature (low nibble of the first byte).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CallingConvention {
    /// Managed default (0x0).
    Default,
    /// Unmanaged cdecl (0x1).
    C,
    /// Unmanaged stdcall (0x2).
    StdCall,
    /// Unmanaged thiscall (0x3).
    ThisCall,
    /// Unmanaged fastcall (0x4).
    FastCall,
    /// Managed varargs (0x5).
    VarArg,
    /// Unmanaged, convention given by modifiers (0x9, .NET 5+).
    Unmanaged,
}

impl CallingConvention {
    /// Decodes the low nibble of a method signature's first byte.
    pub fn from_nibble(nibble: u8) -> Option<Self> {
        Some(match nibble {
            0x0 => Self::Default,
            0x1 => Self::C,
            0x2 => Self::StdCall,
            0x3 => Self::ThisCall,
            0x4 => Self::FastCall,
            0x5 => Self::VarArg,
            0x9 => Self::Unmanaged,
            _ => return None,
        })
    }
}

/// A method signature (MethodDefSig, MethodRefSig, StandAloneMethodSig; II.23.2.1–3).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct MethodSig {
    /// Instance method (`HASTHIS`).
    pub has_this: bool,
    /// `this` is the first explicit parameter (`EXPLICITTHIS`).
    pub explicit_this: bool,
    /// Calling convention.
    pub call_conv: CallingConvention,
    /// Number of generic parameters (0 unless `GENERIC`).
    pub generic_param_count: u32,
    /// Return type.
    pub ret: TypeSig,
    /// Parameter types (fixed and, for vararg call sites, variable ones).
    pub params: Vec<TypeSig>,
    /// For vararg call sites: index in `params` where the variable arguments start.
    pub sentinel: Option<usize>,
}

impl MethodSig {
    /// Calls `f` on every type token referenced by the signature.
    pub fn for_each_type_ref(&self, f: &mut dyn FnMut(TypeDefOrRef)) {
        self.ret.for_each_type_ref(f);
        self.params.iter().for_each(|p| p.for_each_type_ref(f));
    }
}

/// A field signature (II.23.2.4).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct FieldSig {
    /// The field's type (custom modifiers included as [`TypeSig::Modified`]).
    pub ty: TypeSig,
}

/// A property signature (II.23.2.5).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct PropertySig {
    /// Instance property.
    pub has_this: bool,
    /// The property's type.
    pub ty: TypeSig,
    /// Indexer parameter types.
    pub params: Vec<TypeSig>,
}

/// A local variables signature (II.23.2.6).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct LocalSig {
    /// One type per local; pinned locals are [`TypeSig::Pinned`].
    pub locals: Vec<TypeSig>,
}

/// A generic method instantiation (MethodSpec blob, II.23.2.15).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct MethodSpecSig {
    /// The type arguments.
    pub args: Vec<TypeSig>,
}

/// The contents of a StandAloneSig row.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum StandAloneSig {
    /// Local variables of a method body.
    Locals(LocalSig),
    /// A `calli` call site signature.
    Method(MethodSig),
    /// A field signature (emitted by some compilers for debugging).
    Field(FieldSig),
}

/// The signature of a MemberRef row.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum MemberRefSig {
    /// A method reference.
    Method(MethodSig),
    /// A field reference.
    Field(FieldSig),
}

fn write_list(f: &mut fmt::Formatter<'_>, items: &[TypeSig]) -> fmt::Result {
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            f.write_str(", ")?;
        }
        write!(f, "{item}")?;
    }
    Ok(())
}

impl fmt::Display for TypeSig {
    /// ILAsm-like syntax with tokens for type references, e.g.
    /// `class 0x01000002<int32, !!0>[]`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let simple = match self {
            TypeSig::Void => "void",
            TypeSig::Prim(p) => p.ilasm_name(),
            TypeSig::String => "string",
            TypeSig::Object => "object",
            TypeSig::TypedByRef => "typedref",
            _ => "",
        };
        if !simple.is_empty() {
            return f.write_str(simple);
        }
        match self {
            TypeSig::Class(t) => write!(f, "class {t}"),
            TypeSig::ValueType(t) => write!(f, "valuetype {t}"),
            TypeSig::Ptr(inner) => write!(f, "{inner}*"),
            TypeSig::ByRef(inner) => write!(f, "{inner}&"),
            TypeSig::SzArray(inner) => write!(f, "{inner}[]"),
            TypeSig::Array {
                elem,
                rank,
                sizes,
                lo_bounds,
            } => {
                write!(f, "{elem}[")?;
                for dim in 0..*rank as usize {
                    if dim > 0 {
                        f.write_str(",")?;
                    }
                    let lo = lo_bounds.get(dim).copied();
                    match (lo, sizes.get(dim).copied()) {
                        (Some(lo), Some(size)) => {
                            write!(f, "{lo}...{}", i64::from(lo) + i64::from(size) - 1)?
                        }
                        (Some(lo), None) => write!(f, "{lo}...")?,
                        (None, Some(size)) => write!(f, "{size}")?,
                        (None, None) => {}
                    }
                }
                f.write_str("]")
            }
            TypeSig::GenericInst {
                is_value_type,
                generic,
                args,
            } => {
                let kind = if *is_value_type { "valuetype" } else { "class" };
                write!(f, "{kind} {generic}<")?;
                write_list(f, args)?;
                f.write_str(">")
            }
            TypeSig::Var(n) => write!(f, "!{n}"),
            TypeSig::MVar(n) => write!(f, "!!{n}"),
            TypeSig::FnPtr(m) => write!(f, "method {m}"),
            TypeSig::Modified {
                required,
                modifier,
                inner,
            } => {
                let kind = if *required { "modreq" } else { "modopt" };
                write!(f, "{inner} {kind}({modifier})")
            }
            TypeSig::Pinned(inner) => write!(f, "{inner} pinned"),
            _ => Ok(()),
        }
    }
}

impl fmt::Display for MethodSig {
    /// ILAsm-like syntax, e.g. `instance void *(int32, ...)`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.has_this {
            f.write_str("instance ")?;
        }
        if self.explicit_this {
            f.write_str("explicit ")?;
        }
        match self.call_conv {
            CallingConvention::Default => {}
            CallingConvention::C => f.write_str("unmanaged cdecl ")?,
            CallingConvention::StdCall => f.write_str("unmanaged stdcall ")?,
            CallingConvention::ThisCall => f.write_str("unmanaged thiscall ")?,
            CallingConvention::FastCall => f.write_str("unmanaged fastcall ")?,
            CallingConvention::VarArg => f.write_str("vararg ")?,
            CallingConvention::Unmanaged => f.write_str("unmanaged ")?,
        }
        write!(f, "{} ", self.ret)?;
        if self.generic_param_count > 0 {
            write!(f, "<[{}]>", self.generic_param_count)?;
        }
        f.write_str("*(")?;
        for (i, p) in self.params.iter().enumerate() {
            if i > 0 {
                f.write_str(", ")?;
            }
            if self.sentinel == Some(i) {
                f.write_str("..., ")?;
            }
            write!(f, "{p}")?;
        }
        if self.sentinel.is_some() && self.sentinel == Some(self.params.len()) {
            f.write_str(if self.params.is_empty() {
                "..."
            } else {
                ", ..."
            })?;
        }
        f.write_str(")")
    }
}
