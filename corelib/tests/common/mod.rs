//! Reading assemblies through `ikdasm` (Mono's IL disassembler), for the
//! integration tests.
//!
//! Note: ikdasm recognises a core library only by the name "mscorlib", so
//! in its listing of corelib, value types in signatures read `class X`
//! rather than `valuetype X`; the metadata itself is right. `normalize`
//! hides the difference.

#![allow(dead_code)]

use std::collections::BTreeMap;
use std::path::Path;
use std::process::Command;

/// A method of the listing.
#[derive(Debug, Default)]
pub struct Method {
    pub class: String,
    pub name: String,
    pub ret: String,
    pub params: Vec<String>,
    pub is_static: bool,
    pub internal_call: bool,
    pub has_try: bool,
    /// (opcode, operand)
    pub body: Vec<(String, String)>,
}

impl Method {
    /// `ret Class::Name(p1, p2)`, as ikdasm spells the types.
    pub fn key(&self) -> String {
        format!(
            "{} {}::{}({})",
            self.ret,
            self.class,
            self.name,
            self.params.join(", ")
        )
    }
}

/// A parsed listing.
#[derive(Debug, Default)]
pub struct Listing {
    /// Keyed by `Method::key()`.
    pub methods: BTreeMap<String, Method>,
    /// Full names of the types declared (nested types as `Outer/Inner`).
    pub classes: Vec<String>,
    /// (class, field name, is static), in declaration order.
    pub fields: Vec<(String, String, bool)>,
    pub text: String,
}

/// Disassembles `assembly`; None (after printing why) if ikdasm is missing.
pub fn ikdasm(assembly: &Path) -> Option<Listing> {
    match Command::new("ikdasm").arg(assembly).output() {
        Ok(output) => {
            assert!(
                output.status.success(),
                "ikdasm {} failed: {}",
                assembly.display(),
                String::from_utf8_lossy(&output.stderr)
            );
            let text = String::from_utf8(output.stdout).expect("ikdasm output is UTF-8");
            Some(parse_listing(text))
        }
        Err(err) => {
            eprintln!("SKIPPED: cannot run ikdasm ({err}); it is installed with mono (apt-get install mono-devel)");
            None
        }
    }
}

/// The words a method header may have before its return type.
const METHOD_FLAGS: &[&str] = &[
    ".method",
    "public",
    "private",
    "family",
    "assembly",
    "famandassem",
    "famorassem",
    "privatescope",
    "hidebysig",
    "static",
    "virtual",
    "final",
    "newslot",
    "abstract",
    "specialname",
    "rtspecialname",
    "instance",
    "strict",
    "unmanagedexp",
    "reqsecobj",
    "pinvokeimpl",
];

pub fn parse_listing(text: String) -> Listing {
    let mut listing = Listing::default();
    let mut classes: Vec<String> = Vec::new();
    let lines_vec: Vec<&str> = text.lines().collect();
    let mut i = 0;
    while i < lines_vec.len() {
        let line = lines_vec[i];
        let trimmed = line.trim();
        i += 1;
        if let Some(rest) = trimmed.strip_prefix(".class ") {
            let name = class_name(rest);
            let full = match classes.last() {
                Some(outer) if line.starts_with(' ') => format!("{outer}/{name}"),
                _ => name,
            };
            listing.classes.push(full.clone());
            classes.push(full);
        } else if trimmed.starts_with("} // end of class ") {
            classes.pop();
        } else if let Some(rest) = trimmed.strip_prefix(".field ") {
            let rest = rest.split(" = ").next().unwrap_or(rest);
            let name = rest
                .split_whitespace()
                .last()
                .unwrap_or("")
                .trim_matches('\'')
                .to_owned();
            let is_static = rest.split_whitespace().any(|w| w == "static");
            listing
                .fields
                .push((classes.last().cloned().unwrap_or_default(), name, is_static));
        } else if trimmed.starts_with(".method ") {
            let indent = &line[..line.len() - line.trim_start().len()];
            let mut header = trimmed.to_owned();
            while i < lines_vec.len() && lines_vec[i].trim() != "{" {
                header.push(' ');
                header.push_str(lines_vec[i].trim());
                i += 1;
            }
            let mut method = parse_header(&header);
            method.class = classes.last().cloned().unwrap_or_default();
            // The body, up to its closing brace at the `.method` line's
            // indentation: "} // end of method ...", or a bare "}" for
            // methods without IL (pinvokeimpl, internalcall).
            while i < lines_vec.len() {
                let raw = lines_vec[i];
                let trimmed = raw.trim();
                i += 1;
                let same_indent = raw.starts_with(indent) && raw[indent.len()..].starts_with('}');
                if trimmed.starts_with("} // end of method") || (same_indent && trimmed == "}") {
                    break;
                }
                if trimmed.starts_with(".try") {
                    method.has_try = true;
                }
                if let Some(rest) = trimmed.strip_prefix("IL_") {
                    let rest = rest.split_once(':').map(|(_, r)| r.trim()).unwrap_or("");
                    let (opcode, operand) =
                        rest.split_once(char::is_whitespace).unwrap_or((rest, ""));
                    method
                        .body
                        .push((opcode.to_owned(), operand.trim().to_owned()));
                } else if !trimmed.is_empty()
                    && !trimmed.starts_with('.')
                    && !trimmed.starts_with("//")
                    && !trimmed.starts_with('{')
                    && !trimmed.starts_with('}')
                {
                    // A wrapped operand (long signatures span lines).
                    if let Some(last) = method.body.last_mut() {
                        last.1.push(' ');
                        last.1.push_str(trimmed);
                    }
                }
            }
            listing.methods.insert(method.key(), method);
        }
    }
    listing.text = text;
    listing
}

/// The type name in a `.class` header (after ".class ").
fn class_name(header: &str) -> String {
    let header = header.split(" extends ").next().unwrap_or(header);
    let before_generics = header.split('<').next().unwrap_or(header);
    before_generics
        .split_whitespace()
        .last()
        .unwrap_or("")
        .to_owned()
}

fn parse_header(header: &str) -> Method {
    // Drop pinvokeimpl(...) and marshal(...): their parentheses are not the
    // parameter list.
    let mut header = header.to_owned();
    for attribute in ["pinvokeimpl(", "marshal("] {
        if let Some(start) = header.find(attribute) {
            let close = matching_paren(&header, start + attribute.len() - 1);
            header.replace_range(start..=close, "");
        }
    }
    let open = header.find('(').expect("method header without parameters");
    let close = matching_paren(&header, open);
    let mut words: Vec<&str> = header[..open].split_whitespace().collect();
    let name = words.pop().unwrap_or("").to_owned();
    let is_static = words.contains(&"static");
    let ret = words
        .iter()
        .skip_while(|w| METHOD_FLAGS.contains(w))
        .copied()
        .collect::<Vec<_>>()
        .join(" ");
    let params = split_top_level(&header[open + 1..close])
        .into_iter()
        .map(|param| {
            let param = strip_param_attributes(&param);
            let mut words: Vec<&str> = param.split_whitespace().collect();
            if words.len() > 1 {
                words.pop(); // the parameter's name
            }
            words.join(" ")
        })
        .filter(|p| !p.is_empty())
        .collect();
    Method {
        name,
        ret,
        params,
        is_static,
        internal_call: header[close..]
            .split_whitespace()
            .any(|w| w == "internalcall"),
        ..Method::default()
    }
}

pub fn matching_paren(text: &str, open: usize) -> usize {
    let mut depth = 0;
    for (i, c) in text[open..].char_indices() {
        match c {
            '(' => depth += 1,
            ')' => {
                depth -= 1;
                if depth == 0 {
                    return open + i;
                }
            }
            _ => {}
        }
    }
    panic!("unbalanced parentheses in {text:?}");
}

pub fn split_top_level(text: &str) -> Vec<String> {
    let mut parts = Vec::new();
    let mut depth = 0;
    let mut current = String::new();
    for c in text.chars() {
        match c {
            '(' | '<' | '[' => depth += 1,
            ')' | '>' | ']' => depth -= 1,
            ',' if depth == 0 => {
                parts.push(current.trim().to_owned());
                current.clear();
                continue;
            }
            _ => {}
        }
        current.push(c);
    }
    if !current.trim().is_empty() {
        parts.push(current.trim().to_owned());
    }
    parts
}

fn strip_param_attributes(param: &str) -> String {
    let mut param = param.trim();
    while param.starts_with('[') {
        match param.find(']') {
            Some(end) => param = param[end + 1..].trim(),
            None => break,
        }
    }
    param.to_owned()
}

/// A member reference in an operand: `[instance] ret Class::Name(params)`
/// (methods) or `type Class::Name` (fields).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MemberRef {
    pub instance: bool,
    pub ret: String,
    pub class: String,
    pub name: String,
    /// None for fields.
    pub params: Option<Vec<String>>,
}

impl MemberRef {
    pub fn key(&self) -> String {
        match &self.params {
            Some(params) => format!(
                "{} {}::{}({})",
                self.ret,
                self.class,
                self.name,
                params.join(", ")
            ),
            None => format!("{} {}::{}", self.ret, self.class, self.name),
        }
    }
}

/// Parses a call/ldfld/newobj... operand.
pub fn member_ref(operand: &str) -> MemberRef {
    let operand = operand.trim();
    let (instance, operand) = match operand.strip_prefix("instance ") {
        Some(rest) => (true, rest),
        None => (false, operand),
    };
    // The "::" of the member, outside any generic arguments.
    let mut depth = 0;
    let mut sep = None;
    let bytes = operand.as_bytes();
    for (i, c) in operand.char_indices() {
        match c {
            '<' | '(' | '[' => depth += 1,
            '>' | ')' | ']' => depth -= 1,
            ':' if depth == 0 && bytes.get(i + 1) == Some(&b':') => {
                sep = Some(i);
                break;
            }
            _ => {}
        }
    }
    let sep = sep.unwrap_or_else(|| panic!("no :: in operand {operand:?}"));
    let before = &operand[..sep];
    // The class is the last word before "::", generic arguments included.
    let mut depth = 0;
    let mut class_start = 0;
    for (i, c) in before.char_indices() {
        match c {
            '<' | '(' | '[' => depth += 1,
            '>' | ')' | ']' => depth -= 1,
            ' ' if depth == 0 => class_start = i + 1,
            _ => {}
        }
    }
    let class = before[class_start..].to_owned();
    let ret = before[..class_start].trim().to_owned();
    let rest = &operand[sep + 2..];
    match rest.find('(') {
        Some(open) => {
            let close = matching_paren(rest, open);
            let params = split_top_level(&rest[open + 1..close])
                .into_iter()
                .map(|p| p.split_whitespace().collect::<Vec<_>>().join(" "))
                .collect();
            MemberRef {
                instance,
                ret,
                class,
                name: rest[..open].to_owned(),
                params: Some(params),
            }
        }
        None => MemberRef {
            instance,
            ret,
            class,
            name: rest.trim().to_owned(),
            params: None,
        },
    }
}

/// A type spelled the same way in corelib's listing and in the listing of
/// a program compiled against Mono's mscorlib: no assembly names, no
/// `class`/`valuetype` keywords.
pub fn normalize(ty: &str) -> String {
    ty.replace("[mscorlib]", "")
        .replace("[corelib]", "")
        .split_whitespace()
        .filter(|w| *w != "class" && *w != "valuetype")
        .collect::<Vec<_>>()
        .join(" ")
}
