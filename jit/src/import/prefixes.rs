//! Prefixes (`volatile.`, `unaligned.`, `readonly.`, `tail.`, `constrained.`,
//! `no.`): they attach to the instruction that follows them (ECMA-335 III.2),
//! and are read before the dispatch sees that instruction.

use osprey_metadata::il::{Opcode, Operand};
use osprey_metadata::Token;

use super::{invalid, unsupported, Decoded};
use crate::error::{InvalidIl, JitError};

/// The prefixes of one instruction, and where that instruction is.
pub(super) struct Prefixes {
    /// The type token of `constrained.`, if present.
    pub constrained: Option<Token>,
    /// Whether `readonly.` is present.
    pub readonly: bool,
    /// Index in the decoded code of the instruction the prefixes attach to
    /// (the instruction's own index when it has none).
    pub main: usize,
}

/// Reads the prefixes starting at `code[i]`.
pub(super) fn read(code: &[Decoded], i: usize) -> Result<Prefixes, JitError> {
    let mut prefixes = Prefixes {
        constrained: None,
        readonly: false,
        main: i,
    };
    let mut j = i;
    while code[j].opcode.is_prefix() {
        match code[j].opcode {
            Opcode::Volatile | Opcode::Unaligned => {}
            Opcode::Readonly => prefixes.readonly = true,
            // `tail.` is honored as a plain call (the frame is not
            // reused: deep tail recursion can overflow the stack,
            // which ends the program cleanly); `no.` only allows
            // omitting checks, so keeping them is correct.
            Opcode::Tail | Opcode::No => {}
            Opcode::Constrained => {
                if let Operand::Token(t) = code[j].operand {
                    prefixes.constrained = Some(t);
                }
            }
            other => return Err(unsupported(other, code[j].offset)),
        }
        j += 1;
        if j >= code.len() {
            return Err(invalid(code[i].offset, InvalidIl::PrefixAtEnd));
        }
    }
    prefixes.main = j;
    Ok(prefixes)
}
