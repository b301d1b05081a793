//! Types and members as a C# programmer writes them: `int`, `string[]`,
//! `ref double`, `System.Console.ReadLine()`, `new System.Decimal(int)`,
//! `System.DateTime.Now`.
//!
//! Used where a message or a document speaks to someone who wrote C#
//! rather than IL: the runtime's "not implemented in Osprey's corelib"
//! errors and the generated list of corelib's API (docs/api.md).

use crate::sig::{MethodSig, TypeSig};
use crate::tables::TypeDefOrRef;
use crate::Image;

/// The C# keyword for a type named by its full name (`System.Int32` →
/// `int`), if it has one.
pub fn keyword(full_name: &str) -> Option<&'static str> {
    Some(match full_name {
        "System.Void" => "void",
        "System.Boolean" => "bool",
        "System.Char" => "char",
        "System.SByte" => "sbyte",
        "System.Byte" => "byte",
        "System.Int16" => "short",
        "System.UInt16" => "ushort",
        "System.Int32" => "int",
        "System.UInt32" => "uint",
        "System.Int64" => "long",
        "System.UInt64" => "ulong",
        "System.Single" => "float",
        "System.Double" => "double",
        "System.Decimal" => "decimal",
        "System.String" => "string",
        "System.Object" => "object",
        _ => return None,
    })
}

/// How names are written: the generic parameters in scope, by position
/// (without them, `T`, `T1`, ...), and whether types of the `System`
/// namespace drop it (`Exception` for `System.Exception`).
#[derive(Copy, Clone, Debug, Default)]
pub struct Style<'s> {
    /// The names of the enclosing type's generic parameters (`!0`, `!1`).
    pub type_generics: &'s [String],
    /// The names of the method's generic parameters (`!!0`, `!!1`).
    pub method_generics: &'s [String],
    /// Write `System.X` as `X`.
    pub omit_system: bool,
}

/// A type token's name in C#: `System.Text.StringBuilder`, nested types
/// joined with `.`, the generic arity (`` `1 ``) dropped, keywords for
/// the built-in types.
pub fn type_token_name(img: &Image<'_>, t: TypeDefOrRef) -> String {
    type_token_name_styled(img, t, &Style::default())
}

fn type_token_name_styled(img: &Image<'_>, t: TypeDefOrRef, style: &Style<'_>) -> String {
    let full = match t {
        TypeDefOrRef::TypeSpec(rid) => {
            return img
                .type_spec_sig(rid)
                .map(|s| type_name_styled(img, &s, style))
                .unwrap_or_else(|_| format!("<TypeSpec {rid}>"))
        }
        _ => img
            .type_name(t)
            .unwrap_or_else(|_| "<unreadable type>".to_string()),
    };
    let name = display_type_name(&full);
    match name.strip_prefix("System.") {
        Some(short) if style.omit_system && !short.contains('.') => short.to_string(),
        _ => name,
    }
}

/// A type's full metadata name (`Namespace.Outer/Inner`, `` List`1 ``) as
/// C# prints it: `Namespace.Outer.Inner`, `List`, keywords for built-ins.
pub fn display_type_name(full: &str) -> String {
    if let Some(k) = keyword(full) {
        return k.to_string();
    }
    full.split(['/', '+'])
        .map(|part| part.split('`').next().unwrap_or(part))
        .collect::<Vec<_>>()
        .join(".")
}

/// A signature type in C#: `int`, `string[]`, `int[,]`, `ref double`,
/// `byte*`, `System.Collections.Generic.List<int>`.
pub fn type_name(img: &Image<'_>, sig: &TypeSig) -> String {
    type_name_styled(img, sig, &Style::default())
}

/// [`type_name`] in a [`Style`].
pub fn type_name_styled(img: &Image<'_>, sig: &TypeSig, style: &Style<'_>) -> String {
    let prim = match sig {
        TypeSig::Void => "void",
        TypeSig::Prim(p) => match p.csharp_keyword() {
            Some(keyword) => keyword,
            None if style.omit_system => p.name(),
            None => return format!("System.{}", p.name()),
        },
        TypeSig::String => "string",
        TypeSig::Object => "object",
        TypeSig::TypedByRef if style.omit_system => "TypedReference",
        TypeSig::TypedByRef => "System.TypedReference",
        TypeSig::Class(t) | TypeSig::ValueType(t) => return type_token_name_styled(img, *t, style),
        TypeSig::Ptr(inner) => return format!("{}*", type_name_styled(img, inner, style)),
        TypeSig::ByRef(inner) => return format!("ref {}", type_name_styled(img, inner, style)),
        TypeSig::SzArray(inner) => return format!("{}[]", type_name_styled(img, inner, style)),
        TypeSig::Array { elem, rank, .. } => {
            return format!(
                "{}[{}]",
                type_name_styled(img, elem, style),
                ",".repeat(rank.saturating_sub(1) as usize)
            )
        }
        TypeSig::GenericInst { generic, args, .. } => {
            let args: Vec<String> = args
                .iter()
                .map(|a| type_name_styled(img, a, style))
                .collect();
            return format!(
                "{}<{}>",
                type_token_name_styled(img, *generic, style),
                args.join(", ")
            );
        }
        TypeSig::Var(n) => {
            return style
                .type_generics
                .get(*n as usize)
                .cloned()
                .unwrap_or_else(|| generic_parameter(*n))
        }
        TypeSig::MVar(n) => {
            return style
                .method_generics
                .get(*n as usize)
                .cloned()
                .unwrap_or_else(|| generic_parameter(*n))
        }
        TypeSig::FnPtr(m) => {
            let mut parts: Vec<String> = m
                .params
                .iter()
                .map(|p| type_name_styled(img, p, style))
                .collect();
            parts.push(type_name_styled(img, &m.ret, style));
            return format!("delegate*<{}>", parts.join(", "));
        }
        TypeSig::Modified { inner, .. } | TypeSig::Pinned(inner) => {
            return type_name_styled(img, inner, style)
        }
    };
    prim.to_string()
}

/// A generic parameter without its declaration at hand: `T`, `T1`, `T2`.
fn generic_parameter(n: u32) -> String {
    if n == 0 {
        "T".into()
    } else {
        format!("T{n}")
    }
}

/// The parameter list of `sig` in C#: `int, string[]`.
pub fn parameter_list(img: &Image<'_>, sig: &MethodSig) -> String {
    sig.params
        .iter()
        .map(|p| type_name(img, p))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The C# operator an `op_*` method implements (`op_Addition` → `+`).
pub fn operator_symbol(name: &str) -> Option<&'static str> {
    Some(match name {
        "op_Addition" | "op_UnaryPlus" => "+",
        "op_Subtraction" | "op_UnaryNegation" => "-",
        "op_Multiply" => "*",
        "op_Division" => "/",
        "op_Modulus" => "%",
        "op_Equality" => "==",
        "op_Inequality" => "!=",
        "op_LessThan" => "<",
        "op_GreaterThan" => ">",
        "op_LessThanOrEqual" => "<=",
        "op_GreaterThanOrEqual" => ">=",
        "op_Increment" => "++",
        "op_Decrement" => "--",
        "op_LogicalNot" => "!",
        "op_OnesComplement" => "~",
        "op_BitwiseAnd" => "&",
        "op_BitwiseOr" => "|",
        "op_ExclusiveOr" => "^",
        "op_LeftShift" => "<<",
        "op_RightShift" => ">>",
        "op_True" => "true",
        "op_False" => "false",
        _ => return None,
    })
}

/// A method of type `owner` (its full metadata name) as a C# programmer
/// refers to it:
///
/// * `System.Console.ReadLine()`, `System.Math.Max(int, int)`;
/// * constructors as `new System.Decimal(int)`;
/// * property getters and setters without parameters as the property:
///   `System.DateTime.Now`, `System.Console.Title (set)`; indexers as
///   `System.String[int]`;
/// * operators as `System.Decimal.operator +(decimal, decimal)` and
///   conversions as `System.Decimal.implicit operator decimal(int)`.
///
/// The accessor forms are chosen by name (`get_`/`set_`), which is how
/// C# compilers name them.
pub fn method_name(img: &Image<'_>, owner: &str, name: &str, sig: &MethodSig) -> String {
    let owner = display_type_name(owner);
    let params = parameter_list(img, sig);
    let n = sig.params.len();
    if name == ".ctor" {
        return format!("new {owner}({params})");
    }
    if name == ".cctor" {
        return format!("static {owner}()");
    }
    if let Some(prop) = name.strip_prefix("get_") {
        if prop == "Item" && n > 0 {
            return format!("{owner}[{params}]");
        }
        if n == 0 {
            return format!("{owner}.{prop}");
        }
    }
    if let Some(prop) = name.strip_prefix("set_") {
        if prop == "Item" && n > 1 {
            let index = sig.params[..n - 1]
                .iter()
                .map(|p| type_name(img, p))
                .collect::<Vec<_>>()
                .join(", ");
            return format!("{owner}[{index}] (set)");
        }
        if n == 1 {
            return format!("{owner}.{prop} (set)");
        }
    }
    if let Some(op) = operator_symbol(name) {
        return format!("{owner}.operator {op}({params})");
    }
    if let Some(kind) = match name {
        "op_Implicit" => Some("implicit"),
        "op_Explicit" => Some("explicit"),
        _ => None,
    } {
        return format!(
            "{owner}.{kind} operator {}({params})",
            type_name(img, &sig.ret)
        );
    }
    let name = name.split('`').next().unwrap_or(name);
    let generic = match sig.generic_param_count {
        0 => String::new(),
        1 => "<T>".into(),
        k => format!(
            "<{}>",
            (0..k).map(generic_parameter).collect::<Vec<_>>().join(", ")
        ),
    };
    format!("{owner}.{name}{generic}({params})")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn type_names_read_as_csharp() {
        assert_eq!(display_type_name("System.Int32"), "int");
        assert_eq!(display_type_name("System.Decimal"), "decimal");
        assert_eq!(
            display_type_name("System.Text.StringBuilder"),
            "System.Text.StringBuilder"
        );
        assert_eq!(display_type_name("Outer/Inner"), "Outer.Inner");
        assert_eq!(
            display_type_name("System.Collections.Generic.List`1"),
            "System.Collections.Generic.List"
        );
        assert_eq!(operator_symbol("op_Addition"), Some("+"));
        assert_eq!(operator_symbol("Add"), None);
        assert_eq!(generic_parameter(0), "T");
        assert_eq!(generic_parameter(2), "T2");
    }
}
