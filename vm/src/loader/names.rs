//! How types, signatures and methods are printed.
//!
//! Two forms:
//! * the ILAsm-like text used to register internal calls and in
//!   diagnostics: `void(int32,string)`, `System.Text.StringBuilder[]`;
//! * the CLR's display form used in exception messages:
//!   `Void System.Console.Beep(Int32, System.String)`;
//! * mono's stack-trace form of parameter types: `System.Int32`,
//!   `System.String[]`.

use osprey_metadata::sig::{MethodSig, TypeSig};
use osprey_metadata::Image;

/// `Namespace.Name`, or `Name` when the namespace is empty.
pub fn join(namespace: &str, name: &str) -> String {
    if namespace.is_empty() {
        name.to_string()
    } else {
        format!("{namespace}.{name}")
    }
}

/// ILAsm-like text of a signature type: `int32`, `string`, `System.Object[]`.
pub fn type_sig_text(img: &Image<'_>, sig: &TypeSig) -> String {
    match sig {
        TypeSig::Void => "void".into(),
        TypeSig::Prim(p) => p.ilasm_name().into(),
        TypeSig::String => "string".into(),
        TypeSig::Object => "object".into(),
        TypeSig::TypedByRef => "typedref".into(),
        TypeSig::Class(t) | TypeSig::ValueType(t) => img
            .type_name(*t)
            .unwrap_or_else(|_| format!("<{t}>"))
            .replace('/', "+"),
        TypeSig::Ptr(inner) => format!("{}*", type_sig_text(img, inner)),
        TypeSig::ByRef(inner) => format!("{}&", type_sig_text(img, inner)),
        TypeSig::SzArray(inner) => format!("{}[]", type_sig_text(img, inner)),
        TypeSig::Array { elem, rank, .. } => {
            format!(
                "{}[{}]",
                type_sig_text(img, elem),
                ",".repeat(rank.saturating_sub(1) as usize)
            )
        }
        TypeSig::GenericInst { generic, args, .. } => {
            let args: Vec<String> = args.iter().map(|a| type_sig_text(img, a)).collect();
            let g = img
                .type_name(*generic)
                .unwrap_or_else(|_| format!("<{generic}>"));
            format!("{}<{}>", g.replace('/', "+"), args.join(","))
        }
        TypeSig::Var(n) => format!("!{n}"),
        TypeSig::MVar(n) => format!("!!{n}"),
        TypeSig::FnPtr(m) => format!("method {}", method_sig_text(img, m)),
        TypeSig::Modified { inner, .. } | TypeSig::Pinned(inner) => type_sig_text(img, inner),
    }
}

/// ILAsm-like text of a method signature: `void(int32,string)`. This is the
/// form the FCall list uses to tell overloads apart.
pub fn method_sig_text(img: &Image<'_>, sig: &MethodSig) -> String {
    let params: Vec<String> = sig.params.iter().map(|p| type_sig_text(img, p)).collect();
    format!("{}({})", type_sig_text(img, &sig.ret), params.join(","))
}

/// The CLR's display name of a signature type: `Int32`, `System.String`.
pub fn type_display(img: &Image<'_>, sig: &TypeSig) -> String {
    let prim = match sig {
        TypeSig::Void => "Void",
        TypeSig::Prim(p) => p.name(),
        TypeSig::String => "System.String",
        TypeSig::Object => "System.Object",
        TypeSig::ByRef(inner) => return format!("{} ByRef", type_display(img, inner)),
        TypeSig::Ptr(inner) => return format!("{}*", type_display(img, inner)),
        TypeSig::SzArray(inner) => return format!("{}[]", type_display(img, inner)),
        TypeSig::Modified { inner, .. } | TypeSig::Pinned(inner) => {
            return type_display(img, inner)
        }
        other => return type_sig_text(img, other),
    };
    prim.to_string()
}

/// What a trace prints for type parameters: their names (`T`, `TKey`), and
/// for a generic instantiation in a signature, its definition with the
/// definition's own parameter names (`System.Collections.Generic.List`1[T]`),
/// as mono does.
pub struct TraceNames<'a> {
    /// The declaring type's parameter names (`!n`).
    pub type_params: &'a [String],
    /// The method's parameter names (`!!n`).
    pub method_params: &'a [String],
    /// The printed form of a generic type definition.
    pub definition: &'a mut dyn FnMut(osprey_metadata::tables::TypeDefOrRef) -> String,
}

/// A parameter type as mono prints it in traces: `System.Int32`,
/// `System.String[]`, `System.Int32&`, `T`, `System.Collections.Generic.List`1[T]`.
pub fn type_trace_name(img: &Image<'_>, sig: &TypeSig, names: &mut TraceNames<'_>) -> String {
    let param = |list: &[String], n: u32, prefix: &str| {
        list.get(n as usize)
            .cloned()
            .unwrap_or_else(|| format!("{prefix}{n}"))
    };
    let prim = match sig {
        TypeSig::Void => "System.Void",
        TypeSig::Prim(p) => return format!("System.{}", p.name()),
        TypeSig::String => "System.String",
        TypeSig::Object => "System.Object",
        TypeSig::TypedByRef => "System.TypedReference",
        TypeSig::Var(n) => return param(names.type_params, *n, "!"),
        TypeSig::MVar(n) => return param(names.method_params, *n, "!!"),
        TypeSig::GenericInst { generic, .. } => return (names.definition)(*generic),
        TypeSig::ByRef(inner) => return format!("{}&", type_trace_name(img, inner, names)),
        TypeSig::Ptr(inner) => return format!("{}*", type_trace_name(img, inner, names)),
        TypeSig::SzArray(inner) => return format!("{}[]", type_trace_name(img, inner, names)),
        TypeSig::Array { elem, rank, .. } => {
            return format!(
                "{}[{}]",
                type_trace_name(img, elem, names),
                ",".repeat(rank.saturating_sub(1) as usize)
            )
        }
        TypeSig::Modified { inner, .. } | TypeSig::Pinned(inner) => {
            return type_trace_name(img, inner, names)
        }
        other => return type_sig_text(img, other),
    };
    prim.to_string()
}

/// The CLR's display form of a method: `Void System.Console.Beep(Int32)`.
pub fn method_display(img: &Image<'_>, owner: &str, name: &str, sig: &MethodSig) -> String {
    let params: Vec<String> = sig.params.iter().map(|p| type_display(img, p)).collect();
    format!(
        "{} {}.{}({})",
        type_display(img, &sig.ret),
        owner,
        name,
        params.join(", ")
    )
}
