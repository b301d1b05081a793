//! `osprey run --jit-dump[=PATTERN]`: the machine code of the methods a
//! program compiles, for a person to read (docs/jit.md shows one).
//!
//! [`JitDump`] chooses the methods; [`listing`] prints one, with the
//! runtime's names for everything the code refers to, through
//! [`osprey_jit::disasm::listing`]:
//!
//! ```text
//! ; int32 Program::Fib(int32): 175 bytes, frame 32 bytes
//! ; IL_0007: call Program::Fib(int32)
//!   +0040  call Program::Fib(int32)
//!   +0050  mov rax, [helper: stack_overflow]
//! ```

use std::collections::HashMap;

use osprey_jit::Helper;
use osprey_metadata::il::{Instructions, Operand};
use osprey_metadata::sig::MemberRefSig;
use osprey_metadata::tables::MemberRefParent;
use osprey_metadata::{Image, TableId, Token};

use super::Runtime;
use crate::codeheap::CodeKind;
use crate::loader::{names, Loader, MethodHandle, TypeHandle};
use crate::thread::offsets;

/// Which compiled methods `--jit-dump` prints.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct JitDump {
    /// Globs (`*`, `?`), any of which selects a method; empty: every method.
    /// A pattern with `(` matches `Type::Method(params)`, one with `::`
    /// matches `Type::Method`, any other the method's name alone.
    patterns: Vec<String>,
}

impl JitDump {
    /// Every method.
    pub fn all() -> JitDump {
        JitDump::default()
    }

    /// The methods matching any of the comma-separated globs in `spec`
    /// (`Fib`, `Program::*`, `*::ToString`, `Program::Add(int32,int32)`).
    pub fn parse(spec: &str) -> Result<JitDump, String> {
        // Commas separate patterns, except inside a signature's parentheses.
        let mut patterns = Vec::new();
        let (mut depth, mut current) = (0usize, String::new());
        for c in spec.chars() {
            match c {
                '(' => depth += 1,
                ')' => depth = depth.saturating_sub(1),
                ',' if depth == 0 => {
                    patterns.push(std::mem::take(&mut current));
                    continue;
                }
                _ => {}
            }
            current.push(c);
        }
        patterns.push(current);
        // `native int` is the one type name with a space; the FCall-style
        // parameter list has none between types.
        let patterns: Vec<String> = patterns
            .iter()
            .map(|p| p.trim().replace(", ", ","))
            .filter(|p| !p.is_empty())
            .collect();
        if patterns.is_empty() {
            return Err(format!("--jit-dump: empty pattern '{spec}'"));
        }
        Ok(JitDump { patterns })
    }

    /// Whether `name` (a method of type `owner`, with the ILAsm parameter
    /// list `params`, e.g. `int32,string`) is selected.
    pub fn matches(&self, owner: &str, name: &str, params: &str) -> bool {
        if self.patterns.is_empty() {
            return true;
        }
        self.patterns.iter().any(|p| {
            let subject = if p.contains('(') {
                format!("{owner}::{name}({params})")
            } else if p.contains("::") {
                format!("{owner}::{name}")
            } else {
                name.to_string()
            };
            glob(p.as_bytes(), subject.as_bytes())
        })
    }

    /// Whether `method` is selected.
    pub(crate) fn selects(&self, loader: &Loader, method: MethodHandle) -> bool {
        let asm = loader.assembly(method.assembly);
        self.matches(
            &method.owner.name,
            &method.name,
            &params_text(asm.image(), &method.sig.params),
        )
    }
}

/// `*` matches any run of characters, `?` any one.
fn glob(pattern: &[u8], text: &[u8]) -> bool {
    let (mut p, mut t) = (0, 0);
    let mut star: Option<(usize, usize)> = None;
    while t < text.len() {
        match pattern.get(p) {
            Some(b'*') => {
                star = Some((p, t));
                p += 1;
            }
            Some(&c) if c == b'?' || c == text[t] => {
                p += 1;
                t += 1;
            }
            _ => match star {
                Some((sp, st)) => {
                    p = sp + 1;
                    t = st + 1;
                    star = Some((sp, st + 1));
                }
                None => return false,
            },
        }
    }
    pattern[p..].iter().all(|&c| c == b'*')
}

/// `int32,string`: the ILAsm parameter list the FCall table uses.
fn params_text(img: &Image<'_>, params: &[osprey_metadata::sig::TypeSig]) -> String {
    params
        .iter()
        .map(|p| names::type_sig_text(img, p))
        .collect::<Vec<_>>()
        .join(",")
}

/// `Program::Fib(int32)`.
pub(crate) fn method_text(loader: &Loader, m: MethodHandle) -> String {
    let asm = loader.assembly(m.assembly);
    format!(
        "{}::{}({})",
        m.owner.name,
        m.name,
        params_text(asm.image(), &m.sig.params)
    )
}

/// A method's full signature, marked when the code is shared by the
/// instantiations over reference types:
/// `instance int32 Program::Add(int32,int32)`, `... (shared)`.
pub(super) fn header_signature(loader: &Loader, m: MethodHandle, shared: bool) -> String {
    let asm = loader.assembly(m.assembly);
    let ret = names::type_sig_text(asm.image(), &m.sig.ret);
    let instance = if m.is_static() { "" } else { "instance " };
    let shared = if shared { " (shared)" } else { "" };
    format!("{instance}{ret} {}{shared}", method_text(loader, m))
}

/// The header line of a method's listing: its full signature and sizes.
fn header(loader: &Loader, m: MethodHandle, shared: bool, code_len: usize, frame: u32) -> String {
    format!(
        "; {}: {code_len} bytes, frame {frame} bytes\n",
        header_signature(loader, m, shared)
    )
}

/// `new_object` for `Helper::NewObject`.
fn snake_case(name: &str) -> String {
    let mut s = String::new();
    for (i, c) in name.chars().enumerate() {
        if c.is_ascii_uppercase() {
            if i > 0 {
                s.push('_');
            }
            s.push(c.to_ascii_lowercase());
        } else {
            s.push(c);
        }
    }
    s
}

/// The listing of `method` (as shared code, if `shared`), compiled from
/// `il` into `code` at `address`.
pub(crate) fn listing(
    rt: &Runtime,
    loader: &mut Loader,
    method: MethodHandle,
    shared: bool,
    il: &[u8],
    compiled: &osprey_jit::CompiledMethod,
    address: usize,
) -> String {
    let names = address_names(rt, loader, method, il);
    let img_asm = loader.assembly(method.assembly);
    let img = img_asm.image();
    let symbol = |a: u64| -> Option<String> {
        let a = a as usize;
        if let Some(n) = names.get(&a) {
            return Some(n.clone());
        }
        match rt.code.find(a)?.kind {
            CodeKind::Method(c) if c.start == a => Some(method_text(loader, c.method)),
            CodeKind::Stub(name) => Some(format!("[stub: {name}]")),
            _ => None,
        }
    };
    let token = |t: Token| token_text(img, t);
    let thread_fields = [
        (offsets::ATTENTION, "attention"),
        (offsets::FRAME_HEAD, "frame_head"),
        (offsets::GC_MODE, "gc_mode"),
        (offsets::STACK_LIMIT, "stack_limit"),
        (offsets::ALLOC_PTR, "alloc_ptr"),
        (offsets::ALLOC_LIMIT, "alloc_limit"),
        (offsets::SITE[0], "site_ip"),
        (offsets::SITE[1], "site_sp"),
        (offsets::SITE[2], "site_fp"),
    ];
    let cx = osprey_jit::disasm::ListingContext {
        il,
        code_map: &compiled.code_map,
        symbol: &symbol,
        token: &token,
        thread_fields: &thread_fields,
    };
    let body = osprey_jit::disasm::listing(&compiled.code, address as u64, &cx);
    format!(
        "{}{body}\n",
        header(
            loader,
            method,
            shared,
            compiled.code.len(),
            compiled.gc_info.frame_size
        )
    )
}

/// Names of the absolute addresses the method's code may embed: helpers,
/// stubs, the trap flag, and what the method's IL tokens resolved to
/// (methods' code and precodes and descriptors, types' method tables and
/// class-init flags, static fields, string literals). Tokens were resolved
/// when the method was compiled, so this loads nothing new.
pub(super) fn address_names(
    rt: &Runtime,
    loader: &mut Loader,
    method: MethodHandle,
    il: &[u8],
) -> HashMap<usize, String> {
    let mut n = HashMap::new();
    for (helper, addr) in &rt.stubs.helpers {
        n.insert(
            *addr,
            format!("[helper: {}]", snake_case(&format!("{helper:?}"))),
        );
    }
    n.insert(rt.stubs.prestub, "[stub: prestub]".into());
    n.insert(rt.stubs.raise, "[stub: raise]".into());
    n.insert(
        rt.stubs.gc_poll,
        format!("[helper: {}]", snake_case(&format!("{:?}", Helper::GcPoll))),
    );
    n.insert(
        &rt.code.globals().trap as *const _ as usize,
        "[trap flag]".into(),
    );
    if let Some(b) = rt.heaps.gc.barrier() {
        n.insert(b.card_table, "[card table]".into());
        n.insert(b.heap_base, "[heap base]".into());
    }
    for f in crate::fcall::FCALLS {
        n.entry(f.address as usize)
            .or_insert_with(|| format!("[fcall: {}::{}]", f.class, f.method));
    }
    for q in osprey_qcall::ENTRIES {
        n.entry(q.address as usize)
            .or_insert_with(|| format!("[qcall: {}]", q.name));
    }
    let asm = method.assembly;
    let gctx = method.generic_context();
    let name_type = |n: &mut HashMap<usize, String>, t: TypeHandle| {
        n.insert(t.to_jit().0, format!("[type: {}]", t.name));
        n.insert(t.method_table() as usize, format!("[type: {}]", t.name));
        n.insert(
            t.class_init.flag_address(),
            format!("[initialized: {}]", t.name),
        );
    };
    let name_field = |n: &mut HashMap<usize, String>, loader: &mut Loader, t: Token| {
        if let Ok((owner, f)) = loader.resolve_field_token(asm, t, &gctx) {
            if f.is_static {
                n.insert(
                    owner.statics.address(f.offset),
                    format!("[static: {}::{}]", owner.name, f.name),
                );
            }
            name_type(n, owner);
        }
    };
    for item in Instructions::new(il) {
        let Ok((_, i)) = item else { break };
        let Operand::Token(t) = i.operand else {
            continue;
        };
        if t.user_string().is_some() {
            if let Ok(s) = rt.intern_literal(loader, asm, t) {
                n.insert(s.as_ptr() as usize, "[string literal]".into());
            }
            continue;
        }
        match t.table() {
            Some(TableId::TypeDef | TableId::TypeRef | TableId::TypeSpec) => {
                if let Ok(ty) = loader.resolve_type_token(asm, t, &gctx) {
                    name_type(&mut n, ty);
                    if let Ok(array) = loader.load_sz_array(ty) {
                        name_type(&mut n, array);
                    }
                }
            }
            Some(TableId::MethodDef | TableId::MemberRef | TableId::MethodSpec) => {
                if let Ok(m) = loader.resolve_method_token(asm, t, &gctx) {
                    let text = method_text(loader, m);
                    n.insert(m.precode, text.clone());
                    n.insert(m.as_ptr() as usize, format!("[method: {text}]"));
                    name_type(&mut n, m.owner);
                } else {
                    name_field(&mut n, loader, t);
                }
            }
            Some(TableId::Field) => name_field(&mut n, loader, t),
            _ => {}
        }
    }
    n
}

/// An IL instruction's token as text, from the metadata alone:
/// `Program::Fib(int32)`, `System.Console::WriteLine(string)`,
/// `Node::Next`, `System.Int32`, `"a literal"`.
pub(super) fn token_text(img: &Image<'_>, t: Token) -> Option<String> {
    if t.user_string().is_some() {
        return Some(format!("{:?}", img.ldstr(t).ok()?.to_string_lossy()));
    }
    match t.table()? {
        TableId::MethodDef => {
            let owner = img.method_owner(t.rid()).ok()??;
            let owner = img.type_def_full_name(owner).ok()?.replace('/', "+");
            let row = img.method_def(t.rid()).ok()?;
            let sig = img.method_def_sig(t.rid()).ok()?;
            Some(format!(
                "{owner}::{}({})",
                img.string(row.name).ok()?,
                params_text(img, &sig.params)
            ))
        }
        TableId::MemberRef => {
            let row = img.member_ref(t.rid()).ok()?;
            let owner = match row.class {
                MemberRefParent::TypeDef(r) => img.type_def_full_name(r).ok()?,
                MemberRefParent::TypeRef(r) => img.type_ref_full_name(r).ok()?,
                MemberRefParent::TypeSpec(r) => {
                    names::type_sig_text(img, &img.type_spec_sig(r).ok()?)
                }
                _ => return None,
            }
            .replace('/', "+");
            let name = img.string(row.name).ok()?;
            Some(match img.member_ref_sig(t.rid()).ok()? {
                MemberRefSig::Method(sig) => {
                    format!("{owner}::{name}({})", params_text(img, &sig.params))
                }
                MemberRefSig::Field(_) => format!("{owner}::{name}"),
            })
        }
        TableId::Field => {
            let owner = img.field_owner(t.rid()).ok()??;
            let owner = img.type_def_full_name(owner).ok()?.replace('/', "+");
            let row = img.field(t.rid()).ok()?;
            Some(format!("{owner}::{}", img.string(row.name).ok()?))
        }
        TableId::TypeDef | TableId::TypeRef | TableId::TypeSpec => {
            use osprey_metadata::tables::TypeDefOrRef;
            let t = match t.table()? {
                TableId::TypeDef => TypeDefOrRef::TypeDef(t.rid()),
                TableId::TypeRef => TypeDefOrRef::TypeRef(t.rid()),
                _ => TypeDefOrRef::TypeSpec(t.rid()),
            };
            Some(img.type_name(t).ok()?.replace('/', "+"))
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn patterns_select_by_name_type_or_signature() {
        let all = JitDump::all();
        assert!(all.matches("Program", "Fib", "int32"));
        let by_name = JitDump::parse("Fib").unwrap();
        assert!(by_name.matches("Program", "Fib", "int32"));
        assert!(!by_name.matches("Program", "Fibonacci", "int32"));
        let glob = JitDump::parse("Program::*").unwrap();
        assert!(glob.matches("Program", "Main", "string[]"));
        assert!(!glob.matches("System.String", "Concat", "string,string"));
        let any_type = JitDump::parse("*::ToString").unwrap();
        assert!(any_type.matches("System.Int32", "ToString", ""));
        let sig = JitDump::parse("Program::Add(int32, int32)").unwrap();
        assert!(sig.matches("Program", "Add", "int32,int32"));
        assert!(!sig.matches("Program", "Add", "float64,float64"));
        let several = JitDump::parse("Fib,Main").unwrap();
        assert!(several.matches("Program", "Main", "string[]"));
        let q = JitDump::parse("F?b").unwrap();
        assert!(q.matches("Program", "Fib", ""));
        assert!(JitDump::parse(" , ").is_err());
        assert!(glob_str("*a*b*", "xaybz"));
        assert!(!glob_str("a*b", "ab c"));
    }

    fn glob_str(p: &str, t: &str) -> bool {
        glob(p.as_bytes(), t.as_bytes())
    }

    #[test]
    fn helper_names_are_snake_case() {
        assert_eq!(snake_case("NewObject"), "new_object");
        assert_eq!(snake_case("GcPoll"), "gc_poll");
    }
}
