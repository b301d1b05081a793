//! Disassembly of generated code, for `osprey run --jit-dump`.
//!
//! [`listing`] prints a compiled method for a person: each IL instruction
//! (`; IL_0004: ldarg.0`) before the machine code generated for it, offsets
//! from the method's start, branch targets as IL labels or offsets, and every
//! absolute address the code embeds (call targets, helpers, the trap flag,
//! statics) by the name the runtime gives it (`call Program::Fib(int32)`,
//! `mov rax, [helper: new_object]`). Nothing in a listing depends on where
//! the code was placed, so the same method prints the same way every run.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use iced_x86::{
    Decoder, DecoderOptions, Formatter, Instruction, IntelFormatter, OpKind, Register,
    SymbolResolver, SymbolResult,
};
use osprey_metadata::il::{Instructions, Operand};
use osprey_metadata::Token;

use crate::eh::CodeMap;

/// What a listing names, supplied by the runtime.
pub struct ListingContext<'a> {
    /// The method's IL (decoded and interleaved with the machine code).
    pub il: &'a [u8],
    /// The compiled method's native → IL map.
    pub code_map: &'a CodeMap,
    /// The name of an absolute address the code embeds (a method's code or
    /// precode, a helper, a stub, the trap flag, a static field), if it has one.
    pub symbol: &'a dyn Fn(u64) -> Option<String>,
    /// The name of an IL instruction's token operand (`Program::Fib(int32)`,
    /// `"a literal"`), if it has one.
    pub token: &'a dyn Fn(Token) -> Option<String>,
    /// Names of fields of the thread record, by offset (it is in R15).
    pub thread_fields: &'a [(i32, &'a str)],
}

/// The column where trailing comments start.
const COMMENT_COLUMN: usize = 44;

/// Formats `code` (compiled to run at `address`) as a listing: see the
/// module documentation and docs/jit.md for an example.
pub fn listing(code: &[u8], address: u64, cx: &ListingContext<'_>) -> String {
    // IL instructions by the native offset their code starts at.
    let mut il_at: BTreeMap<u32, Vec<String>> = BTreeMap::new();
    let il_text = il_lines(cx.il, cx.token);
    for &(il, native) in &cx.code_map.il_to_native {
        if let Some(text) = il_text.get(&il) {
            il_at.entry(native).or_default().push(text.clone());
        }
    }
    let mut labels: BTreeMap<u64, String> = BTreeMap::new();
    for &(il, native) in cx.code_map.il_to_native.iter().rev() {
        labels.insert(address + u64::from(native), format!("IL_{il:04x}"));
    }
    // The formatter owns its resolver: resolve every address up front.
    let names = Names::of(code, address, &labels, cx.symbol);
    let mut formatter = IntelFormatter::with_options(Some(Box::new(names)), None);
    let o = formatter.options_mut();
    o.set_space_after_operand_separator(true);
    o.set_rip_relative_addresses(false);
    o.set_show_branch_size(false);
    o.set_branch_leading_zeros(false);
    o.set_uppercase_hex(false);
    o.set_hex_prefix("0x");
    o.set_hex_suffix("");

    let mut out = String::new();
    let mut decoder = Decoder::with_ip(64, code, address, DecoderOptions::NONE);
    let mut instr = Instruction::default();
    let mut text = String::new();
    let mut last_immediate: Option<u64> = None;
    while decoder.can_decode() {
        decoder.decode_out(&mut instr);
        let offset = (instr.ip() - address) as u32;
        if offset == 0 && cx.code_map.il_to_native.first().is_some_and(|f| f.1 > 0) {
            out.push_str("; prologue\n");
        }
        if offset < cx.code_map.body_end {
            if let Some(lines) = il_at.get(&offset) {
                for l in lines {
                    let _ = writeln!(out, "; {l}");
                }
            }
        } else if let Some(o) = cx.code_map.out_of_line.iter().find(|o| o.start == offset) {
            let _ = writeln!(out, "; out-of-line code for IL_{:04x}", o.il_offset);
        }
        text.clear();
        formatter.format(&instr, &mut text);
        let mut comments: Vec<String> = Vec::new();
        if instr.memory_base() == Register::R15 {
            let disp = instr.memory_displacement64() as i64;
            if let Some((_, name)) = cx.thread_fields.iter().find(|(o, _)| i64::from(*o) == disp) {
                comments.push(format!("Thread::{name}"));
            }
        }
        // `mov rax, imm64; call rax`: name the call's target.
        if instr.mnemonic() == iced_x86::Mnemonic::Call && instr.op0_kind() == OpKind::Register {
            if let Some(name) = last_immediate.and_then(cx.symbol) {
                comments.push(name);
            }
        }
        last_immediate = (instr.op_count() == 2 && instr.op1_kind() == OpKind::Immediate64)
            .then(|| instr.immediate64());
        let mut line = format!("  +{offset:04x}  {text}");
        if !comments.is_empty() {
            while line.len() < COMMENT_COLUMN {
                line.push(' ');
            }
            line.push_str(" ; ");
            line.push_str(&comments.join(", "));
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

/// The IL instructions of a method as text (`IL_0004: ldarg.0`), by IL
/// offset, with token operands named by `token`.
pub(crate) fn il_lines(
    il: &[u8],
    token: &dyn Fn(Token) -> Option<String>,
) -> BTreeMap<u32, String> {
    let mut lines = BTreeMap::new();
    for item in Instructions::new(il) {
        let Ok((offset, i)) = item else { break };
        let name = i.opcode.name();
        let text = match &i.operand {
            Operand::None => name.to_string(),
            Operand::Int8(v) => format!("{name} {v}"),
            Operand::UInt8(v) => format!("{name} {v}"),
            Operand::Int32(v) => format!("{name} {v}"),
            Operand::Int64(v) => format!("{name} {v}"),
            Operand::Float32(v) => format!("{name} {v:?}"),
            Operand::Float64(v) => format!("{name} {v:?}"),
            Operand::Var(v) => format!("{name} {v}"),
            Operand::Branch(t) => format!("{name} IL_{t:04x}"),
            Operand::Switch(ts) => {
                let ts: Vec<String> = ts.iter().map(|t| format!("IL_{t:04x}")).collect();
                format!("{name} ({})", ts.join(", "))
            }
            Operand::Token(t) => match token(*t) {
                Some(n) => format!("{name} {n}"),
                None => format!("{name} {t}"),
            },
        };
        lines.insert(offset, format!("IL_{offset:04x}: {text}"));
    }
    lines
}

/// The names of the addresses a method's code refers to, owned by the
/// formatter (its resolver must be `'static`).
struct Names {
    names: BTreeMap<u64, String>,
}

impl Names {
    /// Names every address in `code` (at `address`): targets inside the
    /// method by IL label (`labels`) or offset, others by `symbol`.
    fn of(
        code: &[u8],
        address: u64,
        labels: &BTreeMap<u64, String>,
        symbol: &dyn Fn(u64) -> Option<String>,
    ) -> Names {
        let end = address + code.len() as u64;
        let name = |a: u64| {
            if (address..end).contains(&a) {
                Some(
                    labels
                        .get(&a)
                        .cloned()
                        .unwrap_or_else(|| format!("+{:04x}", a - address)),
                )
            } else {
                symbol(a)
            }
        };
        let mut names = BTreeMap::new();
        let mut decoder = Decoder::with_ip(64, code, address, DecoderOptions::NONE);
        let mut instr = Instruction::default();
        while decoder.can_decode() {
            decoder.decode_out(&mut instr);
            let mut candidates = Vec::new();
            if instr.is_ip_rel_memory_operand() {
                candidates.push(instr.ip_rel_memory_address());
            }
            for op in 0..instr.op_count() {
                match instr.op_kind(op) {
                    OpKind::NearBranch64 => candidates.push(instr.near_branch64()),
                    OpKind::Immediate64 => candidates.push(instr.immediate64()),
                    OpKind::Memory if instr.memory_base() == Register::None => {
                        candidates.push(instr.memory_displacement64())
                    }
                    _ => {}
                }
            }
            for a in candidates {
                if let Some(n) = name(a) {
                    names.insert(a, n);
                }
            }
        }
        Names { names }
    }
}

impl SymbolResolver for Names {
    fn symbol(
        &mut self,
        instruction: &Instruction,
        _operand: u32,
        instruction_operand: Option<u32>,
        address: u64,
        _address_size: u32,
    ) -> Option<SymbolResult<'_>> {
        let name = self.names.get(&address)?;
        // In a memory operand the formatter adds the brackets: `[trap flag]`.
        let in_memory =
            instruction_operand.is_some_and(|op| instruction.op_kind(op) == OpKind::Memory);
        let text = match name.strip_prefix('[').and_then(|n| n.strip_suffix(']')) {
            Some(inner) if in_memory => inner,
            _ => name.as_str(),
        };
        Some(SymbolResult::with_str(address, text))
    }
}

/// Formats `code`, which lives at `address`, one instruction per line:
/// address, bytes, Intel-syntax text (no names: see [`listing`]).
pub fn disassemble(code: &[u8], address: usize) -> String {
    let mut decoder = Decoder::with_ip(64, code, address as u64, DecoderOptions::NONE);
    let mut formatter = IntelFormatter::new();
    formatter
        .options_mut()
        .set_space_after_operand_separator(true);
    let mut out = String::new();
    let mut text = String::new();
    let mut instr = Instruction::default();
    while decoder.can_decode() {
        decoder.decode_out(&mut instr);
        text.clear();
        formatter.format(&instr, &mut text);
        let start = (instr.ip() - address as u64) as usize;
        let bytes: String = code[start..start + instr.len()]
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        out.push_str(&format!("  {:016x}  {:<24} {}\n", instr.ip(), bytes, text));
    }
    out
}
