//! Disassembly of generated code, for `osprey run --jit-dump`.

use iced_x86::{Decoder, DecoderOptions, Formatter, Instruction, IntelFormatter};

/// Formats `code`, which lives at `address`, one instruction per line:
/// address, bytes, Intel-syntax text.
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
