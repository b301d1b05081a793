//! The public API of an assembly, as C# declarations: what docs/api.md
//! lists for Osprey's corelib (`cargo run --release -p osprey-corelib
//! --example api_doc` writes it).
//!
//! Every public type (and nested type reachable from outside) appears with
//! its public and protected members: constructors, constants and fields,
//! properties and indexers, events, methods and operators, each written as
//! a C# declaration without a body. Types are grouped by namespace and
//! sorted by name; members are sorted by kind, then name (overloads keep
//! their declaration order), so the text changes only when the API does.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use crate::csharp::{self, Style};
use crate::error::Result;
use crate::flags::{
    field_attributes as fa, method_attributes as ma, method_semantics as ms,
    param_attributes as pa, type_attributes as ta,
};
use crate::sig::{MethodSig, TypeSig};
use crate::tables::{
    CustomAttributeType, FieldRow, GenericParamRow, HasConstant, HasSemantics, MemberRefParent,
    ParamRow, PropertyRow, TableId, TypeOrMethodDef,
};
use crate::{Image, Primitive, Token};

/// The Markdown text: `preamble`, then a `##` section per namespace and a
/// `###` heading and C# block per type.
pub fn markdown(img: &Image<'_>, preamble: &str) -> Result<String> {
    let mut by_namespace: BTreeMap<String, Vec<(String, String)>> = BTreeMap::new();
    for rid in 1..=img.row_count(TableId::TypeDef) {
        if !visible_type(img, rid)? {
            continue;
        }
        let namespace = outermost_namespace(img, rid)?;
        let text = type_block(img, rid)?;
        by_namespace
            .entry(namespace)
            .or_default()
            .push((heading(img, rid)?, text));
    }
    let mut out = String::from(preamble);
    let _ = writeln!(out, "\n## Namespaces\n");
    for (ns, types) in &by_namespace {
        let _ = writeln!(
            out,
            "- [{}](#{}) ({})",
            ns_title(ns),
            anchor(&ns_title(ns)),
            plural(types.len(), "type")
        );
    }
    for (ns, types) in &mut by_namespace {
        types.sort_by(|a, b| a.0.cmp(&b.0));
        let _ = writeln!(out, "\n## {}", ns_title(ns));
        for (name, text) in types.iter() {
            let _ = writeln!(out, "\n### {name}\n\n```csharp\n{text}```");
        }
    }
    Ok(out)
}

/// A type's heading: its full name with nested types joined by `.` and
/// its generic parameters (`System.Collections.Generic.IEnumerable<T>`).
fn heading(img: &Image<'_>, rid: u32) -> Result<String> {
    let full = img.type_def_full_name(rid)?;
    let name = full
        .split('/')
        .map(|part| part.split('`').next().unwrap_or(part))
        .collect::<Vec<_>>()
        .join(".");
    let generics = generic_names(img, TypeOrMethodDef::TypeDef(rid))?;
    Ok(if generics.is_empty() {
        name
    } else {
        format!("{name}<{}>", generics.join(", "))
    })
}

fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("1 {word}")
    } else {
        format!("{n} {word}s")
    }
}

fn ns_title(ns: &str) -> String {
    if ns.is_empty() {
        "(global namespace)".into()
    } else {
        ns.to_string()
    }
}

/// GitHub's heading anchor for a simple heading.
fn anchor(heading: &str) -> String {
    heading
        .to_lowercase()
        .chars()
        .filter(|c| c.is_alphanumeric() || *c == '-' || *c == ' ')
        .map(|c| if c == ' ' { '-' } else { c })
        .collect()
}

fn outermost_namespace(img: &Image<'_>, mut rid: u32) -> Result<String> {
    for _ in 0..64 {
        match img.enclosing_class_of(rid)? {
            Some(outer) => rid = outer,
            None => break,
        }
    }
    Ok(img.string(img.type_def(rid)?.namespace)?.to_string())
}

/// Public, or nested public (or protected) inside a visible type.
fn visible_type(img: &Image<'_>, rid: u32) -> Result<bool> {
    let row = img.type_def(rid)?;
    let name = img.string(row.name)?;
    if name == "<Module>" || name.contains('<') {
        return Ok(false);
    }
    match row.flags & ta::VISIBILITY_MASK {
        ta::PUBLIC => Ok(true),
        ta::NESTED_PUBLIC | ta::NESTED_FAMILY | ta::NESTED_FAM_OR_ASSEM => {
            match img.enclosing_class_of(rid)? {
                Some(outer) => visible_type(img, outer),
                None => Ok(false),
            }
        }
        _ => Ok(false),
    }
}

/// The names of the generic parameters of a type or method, by position.
fn generic_names(img: &Image<'_>, owner: TypeOrMethodDef) -> Result<Vec<String>> {
    let mut params: Vec<(u16, String)> = Vec::new();
    for r in img.generic_params_of(owner) {
        let (_, row): (u32, GenericParamRow) = r?;
        params.push((row.number, img.string(row.name)?.to_string()));
    }
    params.sort();
    Ok(params.into_iter().map(|p| p.1).collect())
}

/// The full name of the type a TypeDefOrRef names (`System.ValueType`).
fn base_name(img: &Image<'_>, t: crate::tables::TypeDefOrRef) -> String {
    img.type_name(t).unwrap_or_default()
}

#[derive(PartialEq, Eq)]
enum Kind {
    Class,
    Struct,
    Enum,
    Interface,
    Delegate,
}

fn kind_of(img: &Image<'_>, rid: u32) -> Result<Kind> {
    let row = img.type_def(rid)?;
    let full = img.type_def_full_name(rid)?;
    if row.flags & ta::INTERFACE != 0 {
        return Ok(Kind::Interface);
    }
    let base = row.extends.map(|b| base_name(img, b)).unwrap_or_default();
    Ok(match base.as_str() {
        "System.Enum" => Kind::Enum,
        "System.ValueType" if full != "System.Enum" => Kind::Struct,
        "System.MulticastDelegate" => Kind::Delegate,
        _ => Kind::Class,
    })
}

/// The C# block of one type: its declaration and members.
fn type_block(img: &Image<'_>, rid: u32) -> Result<String> {
    let row = img.type_def(rid)?;
    let generics = generic_names(img, TypeOrMethodDef::TypeDef(rid))?;
    let style = Style {
        type_generics: &generics,
        method_generics: &[],
        omit_system: true,
    };
    let name = {
        let n = img.string(row.name)?;
        let n = n.split('`').next().unwrap_or(n).to_string();
        if generics.is_empty() {
            n
        } else {
            format!("{n}<{}>", generics.join(", "))
        }
    };
    let access = match row.flags & ta::VISIBILITY_MASK {
        ta::NESTED_FAMILY => "protected",
        ta::NESTED_FAM_OR_ASSEM => "protected internal",
        _ => "public",
    };
    let kind = kind_of(img, rid)?;
    let mut out = String::new();
    if kind == Kind::Delegate {
        for m in img.method_range(rid)? {
            let mrow = img.method_def(m)?;
            if img.string(mrow.name)? == "Invoke" {
                let sig = img.method_def_sig(m)?;
                let _ = writeln!(
                    out,
                    "{access} delegate {} {name}({});",
                    csharp::type_name_styled(img, &sig.ret, &style),
                    parameters(img, m, &sig, &style)?
                );
            }
        }
        return Ok(out);
    }
    let modifiers = match kind {
        Kind::Class if row.flags & ta::ABSTRACT != 0 && row.flags & ta::SEALED != 0 => {
            "static class"
        }
        Kind::Class if row.flags & ta::ABSTRACT != 0 => "abstract class",
        Kind::Class if row.flags & ta::SEALED != 0 => "sealed class",
        Kind::Class => "class",
        Kind::Struct => "struct",
        Kind::Enum => "enum",
        Kind::Interface => "interface",
        Kind::Delegate => unreachable!("handled above"),
    };
    let mut bases = Vec::new();
    if kind == Kind::Class {
        if let Some(b) = row.extends {
            if base_name(img, b) != "System.Object" {
                bases.push(base_type_text(img, b, &style));
            }
        }
    }
    if kind == Kind::Enum {
        // The underlying type is the type of the instance field value__.
        for f in img.field_range(rid)? {
            let frow: FieldRow = img.field(f)?;
            if frow.flags & fa::STATIC == 0 {
                let ty = img.field_sig(f)?.ty;
                if ty != TypeSig::Prim(Primitive::I4) {
                    bases.push(csharp::type_name_styled(img, &ty, &style));
                }
            }
        }
    }
    for r in img.interface_impls_of(rid) {
        let (_, i) = r?;
        bases.push(base_type_text(img, i.interface, &style));
    }
    let bases = if bases.is_empty() {
        String::new()
    } else {
        format!(" : {}", bases.join(", "))
    };
    let _ = writeln!(out, "{access} {modifiers} {name}{bases}\n{{");
    let mut members: Vec<Member> = Vec::new();
    if kind == Kind::Enum {
        for f in img.field_range(rid)? {
            let frow = img.field(f)?;
            if frow.flags & fa::LITERAL == 0 {
                continue;
            }
            let value = constant_text(img, HasConstant::Field(f))?.unwrap_or_default();
            let fname = img.string(frow.name)?.to_string();
            // Enum members keep their declaration order (values ascend).
            members.push((0, String::new(), format!("{fname} = {value},")));
        }
    } else {
        let cx = Members {
            img,
            rid,
            style: &style,
            interface: kind == Kind::Interface,
        };
        fields(&cx, &mut members)?;
        properties(&cx, &mut members)?;
        events(&cx, &mut members)?;
        methods(&cx, &name, &mut members)?;
    }
    // Sort by kind and name; the sort is stable, so overloads keep their order.
    members.sort_by(|a, b| (a.0, &a.1).cmp(&(b.0, &b.1)));
    for (_, _, text) in members {
        let _ = writeln!(out, "    {text}");
    }
    out.push_str("}\n");
    Ok(out)
}

fn base_type_text(img: &Image<'_>, t: crate::tables::TypeDefOrRef, style: &Style<'_>) -> String {
    match t {
        crate::tables::TypeDefOrRef::TypeSpec(rid) => img
            .type_spec_sig(rid)
            .map(|s| csharp::type_name_styled(img, &s, style))
            .unwrap_or_default(),
        _ => csharp::type_name_styled(img, &TypeSig::Class(t), style),
    }
}

/// Public or protected, and the C# word for it.
fn member_access(access: u16) -> Option<&'static str> {
    match access {
        ma::PUBLIC => Some("public"),
        ma::FAMILY => Some("protected"),
        ma::FAM_OR_ASSEM => Some("protected internal"),
        _ => None,
    }
}

fn fields(cx: &Members<'_, '_, '_>, out: &mut Vec<Member>) -> Result<()> {
    let (img, rid, style, interface) = (cx.img, cx.rid, cx.style, cx.interface);
    for f in img.field_range(rid)? {
        let row = img.field(f)?;
        let Some(access) = member_access(row.flags & fa::FIELD_ACCESS_MASK) else {
            continue;
        };
        let name = img.string(row.name)?.to_string();
        let ty = csharp::type_name_styled(img, &img.field_sig(f)?.ty, style);
        let access = if interface { "" } else { access };
        let text = if row.flags & fa::LITERAL != 0 {
            let value = constant_text(img, HasConstant::Field(f))?.unwrap_or_default();
            format!("{access} const {ty} {name} = {value};")
        } else {
            let stat = if row.flags & fa::STATIC != 0 {
                " static"
            } else {
                ""
            };
            let ro = if row.flags & fa::INIT_ONLY != 0 {
                " readonly"
            } else {
                ""
            };
            format!("{access}{stat}{ro} {ty} {name};")
        };
        out.push((1, name, text.trim_start().to_string()));
    }
    Ok(())
}

/// A constant's value as C# source.
fn constant_text(img: &Image<'_>, owner: HasConstant) -> Result<Option<String>> {
    let Some(c) = img.constant_of(owner)? else {
        return Ok(None);
    };
    let b = c.value;
    let int = |n: usize| -> Option<[u8; 8]> {
        let mut a = [0u8; 8];
        a.get_mut(..n)?.copy_from_slice(b.get(..n)?);
        Some(a)
    };
    let sign_extend = |n: usize| -> Option<i64> {
        let raw = i64::from_le_bytes(int(n)?);
        let shift = 64 - 8 * n as u32;
        Some((raw << shift) >> shift)
    };
    let text = match c.ty {
        0x02 => b
            .first()
            .map(|v| if *v != 0 { "true" } else { "false" }.to_string()),
        0x03 => int(2).map(|a| {
            let u = u16::from_le_bytes([a[0], a[1]]);
            match char::from_u32(u32::from(u)) {
                Some(ch) if (ch.is_ascii_graphic() || ch == ' ') && ch != '\'' && ch != '\\' => {
                    format!("'{ch}'")
                }
                _ => format!("'\\u{u:04x}'"),
            }
        }),
        0x04 | 0x06 | 0x08 | 0x0a => {
            let n = match c.ty {
                0x04 => 1,
                0x06 => 2,
                0x08 => 4,
                _ => 8,
            };
            sign_extend(n).map(|v| v.to_string())
        }
        0x05 | 0x07 | 0x09 | 0x0b => {
            let n = match c.ty {
                0x05 => 1,
                0x07 => 2,
                0x09 => 4,
                _ => 8,
            };
            int(n).map(|a| u64::from_le_bytes(a).to_string())
        }
        0x0c => int(4).map(|a| {
            float_text(
                f64::from(f32::from_le_bytes([a[0], a[1], a[2], a[3]])),
                "float",
            )
        }),
        0x0d => int(8).map(|a| float_text(f64::from_le_bytes(a), "double")),
        0x0e => {
            let units: Vec<u16> = b
                .chunks_exact(2)
                .map(|c| u16::from_le_bytes([c[0], c[1]]))
                .collect();
            Some(format!("{:?}", String::from_utf16_lossy(&units)))
        }
        0x12 => Some("null".into()),
        _ => None,
    };
    Ok(text)
}

fn float_text(v: f64, ty: &str) -> String {
    if v.is_nan() {
        format!("{ty}.NaN")
    } else if v.is_infinite() {
        format!(
            "{ty}.{}Infinity",
            if v > 0.0 { "Positive" } else { "Negative" }
        )
    } else {
        format!("{v:?}")
    }
}

/// The type whose members are being listed.
struct Members<'i, 'a, 's> {
    img: &'i Image<'a>,
    /// Its TypeDef row.
    rid: u32,
    style: &'i Style<'s>,
    /// Interface members carry no access or modifier words.
    interface: bool,
}

/// One listed member: its kind's rank (constructors first), its name (for
/// sorting), its declaration.
type Member = (u8, String, String);

/// The accessors of a property or event: (semantics, method rid).
fn accessors(img: &Image<'_>, owner: HasSemantics) -> Result<Vec<(u16, u32)>> {
    let mut out = Vec::new();
    for r in img.method_semantics_of(owner) {
        let (_, row) = r?;
        out.push((row.semantics, row.method));
    }
    Ok(out)
}

fn method_modifiers(flags: u16, interface: bool) -> String {
    if interface {
        return String::new();
    }
    let mut m = String::new();
    if flags & ma::STATIC != 0 {
        m.push_str(" static");
    }
    if flags & ma::ABSTRACT != 0 {
        m.push_str(" abstract");
    } else if flags & ma::VIRTUAL != 0 {
        let overrides = flags & ma::NEW_SLOT == 0;
        let sealed = flags & ma::FINAL != 0;
        match (overrides, sealed) {
            (true, true) => m.push_str(" sealed override"),
            (true, false) => m.push_str(" override"),
            (false, false) => m.push_str(" virtual"),
            // A final new slot: an interface implementation, not virtual in C#.
            (false, true) => {}
        }
    }
    m
}

fn properties(cx: &Members<'_, '_, '_>, out: &mut Vec<Member>) -> Result<()> {
    let (img, rid, style, interface) = (cx.img, cx.rid, cx.style, cx.interface);
    for p in img.properties_of(rid)? {
        let row: PropertyRow = img.row(p)?;
        let name = img.string(row.name)?.to_string();
        let sig = crate::sig::parse_property_sig(img.blob(row.signature)?)?;
        let mut getter = None;
        let mut setter = None;
        for (sem, m) in accessors(img, HasSemantics::Property(p))? {
            let mrow = img.method_def(m)?;
            if member_access(mrow.flags & ma::MEMBER_ACCESS_MASK).is_none() {
                continue;
            }
            if sem & ms::GETTER != 0 {
                getter = Some((m, mrow.flags));
            } else if sem & ms::SETTER != 0 {
                setter = Some((m, mrow.flags));
            }
        }
        let Some((first, flags)) = getter.or(setter) else {
            continue;
        };
        let access = if interface {
            ""
        } else {
            member_access(flags & ma::MEMBER_ACCESS_MASK).unwrap_or("public")
        };
        let mods = method_modifiers(flags, interface);
        let ty = csharp::type_name_styled(img, &sig.ty, style);
        let accessors = match (getter.is_some(), setter.is_some()) {
            (true, true) => "{ get; set; }",
            (true, false) => "{ get; }",
            _ => "{ set; }",
        };
        let head = if sig.params.is_empty() {
            name.clone()
        } else {
            // An indexer: its parameters are the getter's (or the setter's
            // without the value).
            let msig = img.method_def_sig(first)?;
            let params = parameters(img, first, &msig, style)?;
            let params = if getter.is_some() {
                params
            } else {
                params
                    .rsplit_once(", ")
                    .map(|p| p.0.to_string())
                    .unwrap_or_default()
            };
            format!("this[{params}]")
        };
        let text = format!("{access}{mods} {ty} {head} {accessors}");
        out.push((2, name, text.trim_start().to_string()));
    }
    Ok(())
}

fn events(cx: &Members<'_, '_, '_>, out: &mut Vec<Member>) -> Result<()> {
    let (img, rid, style) = (cx.img, cx.rid, cx.style);
    for e in img.events_of(rid)? {
        let row: crate::tables::EventRow = img.row(e)?;
        let name = img.string(row.name)?.to_string();
        let visible = accessors(img, HasSemantics::Event(e))?
            .into_iter()
            .find_map(|(_, m)| {
                let flags = img.method_def(m).ok()?.flags;
                member_access(flags & ma::MEMBER_ACCESS_MASK).map(|a| (a, flags))
            });
        let Some((access, flags)) = visible else {
            continue;
        };
        let ty = row
            .event_type
            .map(|t| base_type_text(img, t, style))
            .unwrap_or_default();
        let stat = if flags & ma::STATIC != 0 {
            " static"
        } else {
            ""
        };
        out.push((
            3,
            name.clone(),
            format!("{access}{stat} event {ty} {name};"),
        ));
    }
    Ok(())
}

fn methods(cx: &Members<'_, '_, '_>, type_name: &str, out: &mut Vec<Member>) -> Result<()> {
    let (img, rid, style, interface) = (cx.img, cx.rid, cx.style, cx.interface);
    let short_type = type_name.split('<').next().unwrap_or(type_name);
    for m in img.method_range(rid)? {
        let row = img.method_def(m)?;
        let Some(access) = member_access(row.flags & ma::MEMBER_ACCESS_MASK) else {
            continue;
        };
        let name = img.string(row.name)?.to_string();
        let special = row.flags & ma::SPECIAL_NAME != 0;
        if special
            && (name.starts_with("get_")
                || name.starts_with("set_")
                || name.starts_with("add_")
                || name.starts_with("remove_"))
        {
            // Accessors appear as their property or event.
            continue;
        }
        if name == ".cctor" {
            continue;
        }
        let generics = generic_names(img, TypeOrMethodDef::MethodDef(m))?;
        let mstyle = Style {
            method_generics: &generics,
            ..*style
        };
        let sig = img.method_def_sig(m)?;
        let params = parameters(img, m, &sig, &mstyle)?;
        let ret = csharp::type_name_styled(img, &sig.ret, &mstyle);
        let access = if interface { "" } else { access };
        let mods = method_modifiers(row.flags, interface);
        let (order, text) = if name == ".ctor" {
            (0, format!("{access} {short_type}({params});"))
        } else if let Some(op) = csharp::operator_symbol(&name).filter(|_| special) {
            (5, format!("{access}{mods} {ret} operator {op}({params});"))
        } else if (name == "op_Implicit" || name == "op_Explicit") && special {
            let kind = if name == "op_Implicit" {
                "implicit"
            } else {
                "explicit"
            };
            (
                5,
                format!("{access}{mods} {kind} operator {ret}({params});"),
            )
        } else {
            let g = if generics.is_empty() {
                String::new()
            } else {
                format!("<{}>", generics.join(", "))
            };
            (4, format!("{access}{mods} {ret} {name}{g}({params});"))
        };
        out.push((order, name, text.trim_start().to_string()));
    }
    Ok(())
}

/// The parameter list of MethodDef `m`: `string format, params object[] args`.
fn parameters(img: &Image<'_>, m: u32, sig: &MethodSig, style: &Style<'_>) -> Result<String> {
    let mut names = vec![(String::new(), 0u16, false); sig.params.len()];
    for p in img.param_range(m)? {
        let row: ParamRow = img.row(p)?;
        let seq = row.sequence as usize;
        if (1..=names.len()).contains(&seq) {
            let is_params = is_param_array(img, p);
            names[seq - 1] = (img.string(row.name)?.to_string(), row.flags, is_params);
        }
    }
    let mut out = Vec::new();
    for (i, (t, (name, flags, is_params))) in sig.params.iter().zip(names).enumerate() {
        let text = match t.strip_modifiers() {
            TypeSig::ByRef(inner) => {
                let word = if flags & pa::OUT != 0 && flags & pa::IN == 0 {
                    "out"
                } else {
                    "ref"
                };
                format!("{word} {}", csharp::type_name_styled(img, inner, style))
            }
            other => csharp::type_name_styled(img, other, style),
        };
        let text = if is_params {
            format!("params {text}")
        } else {
            text
        };
        let name = if name.is_empty() {
            format!("arg{i}")
        } else {
            name
        };
        out.push(format!("{text} {name}"));
    }
    Ok(out.join(", "))
}

/// Whether Param `p` carries `[ParamArray]` (C# `params`).
fn is_param_array(img: &Image<'_>, p: u32) -> bool {
    let Ok(attrs) = img.custom_attributes_of(Token::new(TableId::Param, p)) else {
        return false;
    };
    attrs.flatten().any(|a| {
        let owner = match a.constructor {
            CustomAttributeType::MethodDef(rid) => img
                .method_owner(rid)
                .ok()
                .flatten()
                .and_then(|t| img.type_def_full_name(t).ok()),
            CustomAttributeType::MemberRef(rid) => match img.member_ref(rid).map(|r| r.class) {
                Ok(MemberRefParent::TypeRef(t)) => img.type_ref_full_name(t).ok(),
                Ok(MemberRefParent::TypeDef(t)) => img.type_def_full_name(t).ok(),
                _ => None,
            },
        };
        owner.as_deref() == Some("System.ParamArrayAttribute")
    })
}
