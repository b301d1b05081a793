//! The importer's output as text, for `osprey run --import-dump` and the
//! importer's golden filetests (tests/filetests/import/, docs/testing.md).
//!
//! [`ImportedMethod::listing`] prints one imported method: a header (its
//! arguments, locals, clauses and frame slots), then each basic block with
//! the evaluation stack on entry, then each instruction as the typed
//! [`Op`] it became, with the kinds of the values it pops and pushes (and,
//! where the op keeps only an offset or an address, the IL instruction):
//!
//! ```text
//! block IL_0000 []
//!   IL_0000  ldarg 0                                 [-> int32]
//!   IL_0001  ldfld int32 at +8                       [ref -> int32]  ; ldfld Node::Value
//!   IL_0006  add                                     [int32, int32 -> int32]
//!   IL_0007  call Program::Twice(int32) direct (int32) -> int32 [int32 -> int32]
//!   IL_000c  ret                                     [int32 ->]
//! ```
//!
//! Everything the ops embed is printed by the name the runtime gives it
//! ([`OpNames`]), never as an address, so a listing is the same on every
//! run and on every machine.

use std::fmt::Write as _;

use osprey_metadata::Token;

use crate::host::{
    CallInfo, CallTarget, ClassInitCheck, ExactType, FieldInfo, FieldLocation, MethodHandle,
    NativeTarget, NewObjectInfo, RtValue, RuntimeLookup, ThisKind, TypeHandle, UnmanagedCall,
};
use crate::import::Imported;
use crate::ops::{BinOp, Cond, ConvOp, Op, ThisFixup};
use crate::types::{JitType, SlotClass, StackKind};
use crate::{EhKind, MethodInput};

/// How a listing names what the ops refer to; the runtime implements it.
pub trait OpNames {
    /// A type handle's name (`Program`, `System.Collections.Generic.List<__Canon>`).
    fn type_name(&self, t: TypeHandle) -> String;
    /// A method handle's name (`Program::Fib(int32)`).
    fn method_name(&self, m: MethodHandle) -> String;
    /// The name of an absolute address an op embeds (a static field, an
    /// FCall, a string literal, a P/Invoke cell), if it has one.
    fn address(&self, address: usize) -> Option<String>;
    /// What a runtime lookup's slot holds (`method entry Program::Id<!!0>(!!0)`).
    fn lookup(&self, lookup: RuntimeLookup) -> String;
    /// An IL token's text (`Program::Fib(int32)`, `"a literal"`), if it has one.
    fn token(&self, token: Token) -> Option<String>;
}

/// An imported method, kept after compilation for printing
/// ([`crate::compile_keeping_import`]).
pub struct ImportedMethod {
    pub(crate) imported: Imported,
}

/// The column where an instruction's stack effect starts.
const EFFECT_COLUMN: usize = 52;

impl ImportedMethod {
    /// The listing of this method (see the module documentation), whose
    /// input was `method`.
    pub fn listing(&self, method: &MethodInput<'_>, names: &dyn OpNames) -> String {
        let mut out = String::new();
        header(&mut out, method, &self.imported, names);
        let il = crate::disasm::il_lines(method.il, &|t| names.token(t));
        let instrs = &self.imported.instrs;
        for (i, instr) in instrs.iter().enumerate() {
            if let Some(entry) = &instr.block_entry {
                let stack: Vec<String> = entry.iter().map(|k| kind(*k, names)).collect();
                let loop_head = if self.imported.loop_heads.contains(&instr.il_offset) {
                    " (loop head)"
                } else {
                    ""
                };
                let _ = writeln!(
                    out,
                    "block IL_{:04x} [{}]{loop_head}",
                    instr.il_offset,
                    stack.join(", ")
                );
            }
            let mut line = format!(
                "  IL_{:04x}  {}",
                instr.il_offset,
                op_text(&instr.op, names)
            );
            let ins: Vec<String> = instr.ins.iter().map(|k| kind(*k, names)).collect();
            let effect = match instr.out {
                Some(o) if ins.is_empty() => format!("[-> {}]", kind(o, names)),
                Some(o) => format!("[{} -> {}]", ins.join(", "), kind(o, names)),
                None if ins.is_empty() => String::new(),
                None => format!("[{} ->]", ins.join(", ")),
            };
            if !effect.is_empty() {
                pad(&mut line, EFFECT_COLUMN);
                line.push_str(&effect);
            }
            // Ops that keep no name of what their token named (a field's
            // offset, a literal's address): the instruction's IL (the
            // last one, after any prefixes) as a comment.
            if names_token_only_in_il(&instr.op) {
                let end = instrs.get(i + 1).map_or(u32::MAX, |n| n.il_offset);
                if let Some((_, text)) = il.range(instr.il_offset..end).next_back() {
                    let text = text.split_once(": ").map_or(text.as_str(), |(_, t)| t);
                    line.push_str("  ; ");
                    line.push_str(text);
                }
            }
            out.push_str(line.trim_end());
            out.push('\n');
        }
        out
    }
}

/// Whether `op` keeps only an offset, address or handle where its IL
/// instruction named a member or literal.
fn names_token_only_in_il(op: &Op) -> bool {
    matches!(
        op,
        Op::LdFld(_)
            | Op::LdFldA(_)
            | Op::StFld(_)
            | Op::LdSFld(_)
            | Op::LdSFldA(_)
            | Op::StSFld(_)
            | Op::LdStr(_)
            | Op::LdToken(..)
    )
}

/// Pads `line` with spaces to `column` (at least one space).
fn pad(line: &mut String, column: usize) {
    line.push(' ');
    while line.len() < column {
        line.push(' ');
    }
}

fn header(out: &mut String, method: &MethodInput<'_>, imported: &Imported, names: &dyn OpNames) {
    let list = |types: &mut dyn Iterator<Item = String>| {
        let v: Vec<String> = types.collect();
        if v.is_empty() {
            "-".to_string()
        } else {
            v.join(", ")
        }
    };
    let _ = writeln!(
        out,
        "args: {}",
        list(&mut method.args.iter().enumerate().map(|(i, t)| {
            let taken = if imported.arg_address_taken[i] {
                " (address taken)"
            } else {
                ""
            };
            format!("{}{taken}", ty(*t, names))
        }))
    );
    let _ = writeln!(
        out,
        "locals: {}",
        list(&mut method.locals.iter().enumerate().map(|(i, l)| {
            let pinned = if l.pinned { " pinned" } else { "" };
            let taken = if imported.local_address_taken[i] {
                " (address taken)"
            } else {
                ""
            };
            format!("{}{pinned}{taken}", ty(l.ty, names))
        }))
    );
    let _ = writeln!(out, "returns: {}", ty(method.ret, names));
    if let Some(check) = &method.class_init {
        let _ = writeln!(out, "class init: {}", class_init(check, names));
    }
    if let Some(l) = method.class_init_lookup {
        let _ = writeln!(out, "class init: {}", lookup(l, names));
    }
    if let Some(g) = method.generic_context {
        let _ = writeln!(
            out,
            "shared: generic context from {:?} (dictionary {})",
            g.kind, g.dictionary_index
        );
    }
    for (i, c) in method.eh.iter().enumerate() {
        let handler = match c.kind {
            EhKind::Catch(t) => format!("catch {}", names.type_name(t)),
            EhKind::Filter { filter_start } => format!("filter IL_{filter_start:04x}"),
            EhKind::Finally => "finally".into(),
            EhKind::Fault => "fault".into(),
        };
        let _ = writeln!(
            out,
            "clause {i}: try IL_{:04x}..IL_{:04x} {handler} IL_{:04x}..IL_{:04x}",
            c.try_start, c.try_end, c.handler_start, c.handler_end
        );
    }
    let slots: Vec<String> = imported
        .stack_slots
        .iter()
        .map(|(depth, class)| {
            let class = match class {
                SlotClass::Prim => "prim".to_string(),
                SlotClass::Ref => "ref".to_string(),
                SlotClass::ByRef => "byref".to_string(),
                SlotClass::Struct(h) => names.type_name(*h),
            };
            format!("{depth}:{class}")
        })
        .collect();
    let _ = writeln!(out, "stack slots: {}", list(&mut slots.into_iter()));
}

/// A JIT type: `int32`, `ref`, `valuetype Point`.
fn ty(t: JitType, names: &dyn OpNames) -> String {
    let s = match t {
        JitType::Void => "void",
        JitType::Bool => "bool",
        JitType::Char => "char",
        JitType::I1 => "int8",
        JitType::U1 => "uint8",
        JitType::I2 => "int16",
        JitType::U2 => "uint16",
        JitType::I4 => "int32",
        JitType::U4 => "uint32",
        JitType::I8 => "int64",
        JitType::U8 => "uint64",
        JitType::I => "native int",
        JitType::U => "native uint",
        JitType::R4 => "float32",
        JitType::R8 => "float64",
        JitType::Ref => "ref",
        JitType::ByRef => "byref",
        JitType::Ptr => "ptr",
        JitType::Struct(h) => return format!("valuetype {}", names.type_name(h)),
    };
    s.to_string()
}

/// A stack kind: `int32`, `nint`, `ref`, `valuetype Point`.
fn kind(k: StackKind, names: &dyn OpNames) -> String {
    match k {
        StackKind::I => "nint".to_string(),
        StackKind::Ref => "ref".to_string(),
        StackKind::ByRef => "byref".to_string(),
        StackKind::Struct(h) => format!("valuetype {}", names.type_name(h)),
        other => other.name().to_string(),
    }
}

fn address(a: usize, names: &dyn OpNames) -> String {
    names
        .address(a)
        .unwrap_or_else(|| "<unnamed address>".into())
}

fn lookup(l: RuntimeLookup, names: &dyn OpNames) -> String {
    format!("lookup[{}: {}]", l.slot, names.lookup(l))
}

/// A constant handle is a type's (the caller says so) or looked up.
fn rt_type(v: RtValue, names: &dyn OpNames) -> String {
    match v {
        RtValue::Const(h) => names.type_name(TypeHandle(h)),
        RtValue::Lookup(l) => lookup(l, names),
    }
}

/// An address (an entry point, a handle) known now or looked up.
fn rt_address(v: RtValue, names: &dyn OpNames) -> String {
    match v {
        RtValue::Const(a) => address(a, names),
        RtValue::Lookup(l) => lookup(l, names),
    }
}

fn rt_method(v: RtValue, names: &dyn OpNames) -> String {
    match v {
        RtValue::Const(h) => names.method_name(MethodHandle(h)),
        RtValue::Lookup(l) => lookup(l, names),
    }
}

/// `List<__Canon>`, or with the exact type a lookup finds:
/// `List<__Canon> exact lookup[0: ...]`.
fn exact(t: ExactType, names: &dyn OpNames) -> String {
    let canonical = names.type_name(t.canonical);
    match t.exact {
        RtValue::Const(h) if h == t.canonical.0 => canonical,
        other => format!("{canonical} exact {}", rt_type(other, names)),
    }
}

fn class_init(c: &ClassInitCheck, names: &dyn OpNames) -> String {
    names.type_name(c.handle)
}

fn binop(op: BinOp) -> &'static str {
    match op {
        BinOp::Add => "add",
        BinOp::Sub => "sub",
        BinOp::Mul => "mul",
        BinOp::Div => "div",
        BinOp::DivUn => "div.un",
        BinOp::Rem => "rem",
        BinOp::RemUn => "rem.un",
        BinOp::And => "and",
        BinOp::Or => "or",
        BinOp::Xor => "xor",
        BinOp::Shl => "shl",
        BinOp::Shr => "shr",
        BinOp::ShrUn => "shr.un",
        BinOp::AddOvf => "add.ovf",
        BinOp::AddOvfUn => "add.ovf.un",
        BinOp::SubOvf => "sub.ovf",
        BinOp::SubOvfUn => "sub.ovf.un",
        BinOp::MulOvf => "mul.ovf",
        BinOp::MulOvfUn => "mul.ovf.un",
    }
}

fn cond(c: Cond) -> &'static str {
    match c {
        Cond::Eq => "eq",
        Cond::NeUn => "ne.un",
        Cond::Ge => "ge",
        Cond::GeUn => "ge.un",
        Cond::Gt => "gt",
        Cond::GtUn => "gt.un",
        Cond::Le => "le",
        Cond::LeUn => "le.un",
        Cond::Lt => "lt",
        Cond::LtUn => "lt.un",
    }
}

fn conv(c: ConvOp, names: &dyn OpNames) -> String {
    let ovf = if c.overflow { ".ovf" } else { "" };
    let un = if c.unsigned_source { ".un" } else { "" };
    format!("conv{ovf}{un} {}", ty(c.to, names))
}

fn field(f: &FieldInfo, names: &dyn OpNames) -> String {
    let at = match f.location {
        FieldLocation::Instance { offset } => format!("+{offset}"),
        FieldLocation::Static { address: a } => address(a, names),
        FieldLocation::ThreadStatic { index, offset } => {
            format!("thread static {index}+{offset}")
        }
        FieldLocation::StaticLookup { address } => lookup(address, names),
    };
    let mut s = format!("{} at {at}", ty(f.ty, names));
    if let Some(c) = &f.class_init {
        let _ = write!(s, ", class init {}", class_init(c, names));
    }
    s
}

fn target(t: &CallTarget, names: &dyn OpNames) -> String {
    match t {
        CallTarget::Managed { .. } => "direct".into(),
        CallTarget::ManagedLookup { entry } => format!("entry {}", lookup(*entry, names)),
        CallTarget::Virtual { slot } => format!("vtable slot {slot}"),
        CallTarget::Interface { .. } => "interface cell".into(),
        CallTarget::FCall {
            address: a,
            pass_thread,
            may_throw,
            helper_frame,
        } => {
            let mut s = format!("fcall {}", address(*a, names));
            for (on, flag) in [
                (*pass_thread, "thread"),
                (*may_throw, "may throw"),
                (*helper_frame, "helper frame"),
            ] {
                if on {
                    let _ = write!(s, ", {flag}");
                }
            }
            s
        }
        CallTarget::GenericVirtual { method } => {
            format!("generic virtual {}", rt_method(*method, names))
        }
        CallTarget::DelegateInvoke => "delegate invoke".into(),
        CallTarget::ArrayAccessor {
            kind,
            rank,
            element,
        } => format!("array {kind:?} rank {rank} of {}", ty(*element, names)),
        CallTarget::Intrinsic(i) => format!("intrinsic {i:?}"),
        CallTarget::PInvoke(u) => unmanaged(u, names),
    }
}

fn unmanaged(u: &UnmanagedCall, names: &dyn OpNames) -> String {
    let target = match u.target {
        NativeTarget::Address(a) => address(a, names),
        NativeTarget::Cell { cell } => format!("cell {}", address(cell, names)),
        NativeTarget::Stack => "stack".into(),
    };
    let mut s = format!("pinvoke {target} args {:?} ret {:?}", u.args, u.ret);
    if u.suppress_gc_transition {
        s.push_str(", no transition");
    }
    if u.set_last_error {
        s.push_str(", set last error");
    }
    s
}

/// `Program::Add(int32,int32) direct (int32, int32) -> int32`.
fn call(info: &CallInfo, names: &dyn OpNames) -> String {
    let mut s = format!(
        "{} {}",
        names.method_name(info.method),
        target(&info.target, names)
    );
    let mut params: Vec<String> = Vec::new();
    match info.sig.this {
        Some(ThisKind::Ref) => params.push("this ref".into()),
        Some(ThisKind::ByRef) => params.push("this byref".into()),
        None => {}
    }
    params.extend(info.sig.params.iter().map(|p| ty(*p, names)));
    let _ = write!(s, " ({}) -> {}", params.join(", "), ty(info.sig.ret, names));
    if let RtValue::Lookup(l) = info.method_exact {
        let _ = write!(s, ", exact {}", lookup(l, names));
    }
    if let Some(n) = &info.new_object {
        let what = match n {
            NewObjectInfo::Object { handle } => format!("object {}", exact(*handle, names)),
            NewObjectInfo::Value { handle } => format!("value {}", names.type_name(*handle)),
            NewObjectInfo::MdArray { handle, rank } => {
                format!("array {} rank {rank}", exact(*handle, names))
            }
            NewObjectInfo::Factory => "factory".into(),
            NewObjectInfo::Delegate { handle } => format!("delegate {}", exact(*handle, names)),
        };
        let _ = write!(s, ", new {what}");
    }
    if let Some(c) = &info.class_init {
        let _ = write!(s, ", class init {}", class_init(c, names));
    }
    s
}

/// An op as text: its name, then its resolved operands.
fn op_text(op: &Op, names: &dyn OpNames) -> String {
    match op {
        Op::Nop => "nop".into(),
        Op::LdArg(n) => format!("ldarg {n}"),
        Op::LdArgA(n) => format!("ldarga {n}"),
        Op::StArg(n) => format!("starg {n}"),
        Op::LdLoc(n) => format!("ldloc {n}"),
        Op::LdLocA(n) => format!("ldloca {n}"),
        Op::StLoc(n) => format!("stloc {n}"),
        Op::LdcI4(v) => format!("ldc.i4 {v}"),
        Op::LdcI8(v) => format!("ldc.i8 {v}"),
        Op::LdcR4(v) => format!("ldc.r4 {v:?}"),
        Op::LdcR8(v) => format!("ldc.r8 {v:?}"),
        Op::LdNull => "ldnull".into(),
        Op::LdStr(_) => "ldstr".into(),
        Op::Dup => "dup".into(),
        Op::Pop => "pop".into(),
        Op::Binary(b) => binop(*b).into(),
        Op::Neg => "neg".into(),
        Op::Not => "not".into(),
        Op::Compare(c) => format!("compare {}", cond(*c)),
        Op::Br(t) => format!("br IL_{t:04x}"),
        Op::BrBool(true, t) => format!("brtrue IL_{t:04x}"),
        Op::BrBool(false, t) => format!("brfalse IL_{t:04x}"),
        Op::BrCmp(c, t) => format!("b{} IL_{t:04x}", cond(*c)),
        Op::Switch(ts) => {
            let ts: Vec<String> = ts.iter().map(|t| format!("IL_{t:04x}")).collect();
            format!("switch ({})", ts.join(", "))
        }
        Op::Conv(c) => conv(*c, names),
        Op::Call {
            info,
            virt,
            this_fixup,
        } => {
            let mut s = format!(
                "{} {}",
                if *virt { "callvirt" } else { "call" },
                call(info, names)
            );
            match this_fixup {
                Some(ThisFixup::Deref) => s.push_str(", constrained: deref this"),
                Some(ThisFixup::Box(t, jt)) => {
                    let _ = write!(
                        s,
                        ", constrained: box this {} ({})",
                        exact(*t, names),
                        ty(*jt, names)
                    );
                }
                None => {}
            }
            s
        }
        Op::NewObj(info) => format!("newobj {}", call(info, names)),
        Op::Calli(info) => format!("calli {}", call(info, names)),
        Op::Ret => "ret".into(),
        Op::LdFld(f) => format!("ldfld {}", field(f, names)),
        Op::LdFldA(f) => format!("ldflda {}", field(f, names)),
        Op::StFld(f) => format!("stfld {}", field(f, names)),
        Op::LdSFld(f) => format!("ldsfld {}", field(f, names)),
        Op::LdSFldA(f) => format!("ldsflda {}", field(f, names)),
        Op::StSFld(f) => format!("stsfld {}", field(f, names)),
        Op::LdInd(t) => format!("ldind {}", ty(*t, names)),
        Op::StInd(t) => format!("stind {}", ty(*t, names)),
        Op::LdLen => "ldlen".into(),
        Op::LdElem(t) => format!("ldelem {}", ty(*t, names)),
        Op::LdElemA(t) => format!("ldelema {}", ty(*t, names)),
        Op::StElem(t) => format!("stelem {}", ty(*t, names)),
        Op::NewArr(t) => format!("newarr {}", exact(*t, names)),
        Op::InitObj(t) => format!("initobj {}", ty(*t, names)),
        Op::Localloc => "localloc".into(),
        Op::Throw => "throw".into(),
        Op::RaiseDeferred(i) => format!("raise deferred failure {i}"),
        Op::Rethrow(c) => format!("rethrow (clause {c})"),
        Op::Leave { target, finallies } => {
            if finallies.is_empty() {
                format!("leave IL_{target:04x}")
            } else {
                let f: Vec<String> = finallies.iter().map(|c| c.to_string()).collect();
                format!(
                    "leave IL_{target:04x} through finally clauses {}",
                    f.join(", ")
                )
            }
        }
        Op::EndFinally(c) => format!("endfinally (clause {c})"),
        Op::EndFilter(c) => format!("endfilter (clause {c})"),
        Op::CastClass(t) => format!("castclass {}", rt_type(*t, names)),
        Op::IsInst(t) => format!("isinst {}", rt_type(*t, names)),
        Op::Box(t, jt) => format!("box {} ({})", exact(*t, names), ty(*jt, names)),
        Op::Unbox(t) => format!("unbox {}", rt_type(*t, names)),
        Op::UnboxAny(t, jt) => format!("unbox.any {} ({})", rt_type(*t, names), ty(*jt, names)),
        Op::BoxNullable(t) => format!("box nullable {}", rt_type(*t, names)),
        Op::UnboxNullable(t, jt) => {
            format!(
                "unbox.any nullable {} ({})",
                rt_type(*t, names),
                ty(*jt, names)
            )
        }
        Op::LdToken(RtValue::Const(_), t) => format!("ldtoken {}", names.type_name(*t)),
        Op::LdToken(RtValue::Lookup(l), t) => {
            format!("ldtoken {} {}", names.type_name(*t), lookup(*l, names))
        }
        Op::CpObj(t) => format!("cpobj {}", ty(*t, names)),
        Op::CkFinite => "ckfinite".into(),
        Op::CpBlk => "cpblk".into(),
        Op::InitBlk => "initblk".into(),
        Op::LdFtn(entry) => format!("ldftn {}", rt_address(*entry, names)),
        Op::LdVirtFtn(m) => format!("ldvirtftn {}", rt_method(*m, names)),
    }
}
