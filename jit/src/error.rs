//! Why a method could not be compiled.

use crate::host::HostError;

/// A compilation failure. The runtime adds the method's name when it reports
/// one (`error: unsupported IL opcode mkrefany in Program::Main at IL_0005`).
#[derive(Clone, Debug, PartialEq)]
pub enum JitError {
    /// The method uses an opcode this JIT does not implement.
    UnsupportedOpcode {
        /// The opcode's ECMA-335 name (`"mkrefany"`).
        opcode: &'static str,
        /// Where it is.
        il_offset: u32,
    },
    /// The method uses a construct this JIT does not implement (other than
    /// a whole opcode).
    Unsupported {
        /// Where it is.
        il_offset: u32,
        /// What it is (`"a protected block inside a filter"`).
        what: String,
    },
    /// The IL is malformed or unverifiable in a way the JIT cannot compile
    /// (stack underflow, mismatched stack shapes at a merge, bad operands).
    InvalidIl {
        /// Where the problem is.
        il_offset: u32,
        /// What is wrong.
        reason: String,
    },
    /// The IL breaks a verifiability rule in code that must be verifiable
    /// (see `crate::verify`): `System.Security.VerificationException`.
    Unverifiable {
        /// Where the problem is.
        il_offset: u32,
        /// The rule broken (`Rule::name`).
        rule: &'static str,
        /// What exactly is wrong.
        detail: String,
    },
    /// A token could not be resolved (missing method, field or type).
    Resolve {
        /// The instruction holding the token.
        il_offset: u32,
        /// The host's explanation.
        error: HostError,
    },
    /// The assembler rejected the generated code (an internal error).
    Assembler(String),
}

impl std::fmt::Display for JitError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            JitError::UnsupportedOpcode { opcode, il_offset } => {
                write!(f, "unsupported IL opcode {opcode} at IL_{il_offset:04x}")
            }
            JitError::Unsupported { il_offset, what } => {
                write!(f, "unsupported: {what} at IL_{il_offset:04x}")
            }
            JitError::InvalidIl { il_offset, reason } => {
                write!(f, "invalid IL at IL_{il_offset:04x}: {reason}")
            }
            JitError::Unverifiable {
                il_offset,
                rule,
                detail,
            } => write!(f, "unverifiable IL at IL_{il_offset:04x}: {rule}: {detail}"),
            JitError::Resolve { il_offset, error } => write!(f, "{error} (at IL_{il_offset:04x})"),
            JitError::Assembler(e) => write!(f, "internal assembler error: {e}"),
        }
    }
}

impl std::error::Error for JitError {}
