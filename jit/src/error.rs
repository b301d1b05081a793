//! Why a method could not be compiled.

use crate::host::{HostError, ThisKind};
use crate::verify::{Rule, Violation};
use osprey_metadata::il::Opcode;
use osprey_metadata::MetadataError;

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
    /// (stack underflow, mismatched stack shapes at a merge, bad operands),
    /// or breaks a type-safety rule of the verifier:
    /// `System.InvalidProgramException`.
    InvalidIl {
        /// Where the problem is.
        il_offset: u32,
        /// What is wrong.
        reason: InvalidIl,
    },
    /// The IL breaks a verifiability rule in code that must be verifiable
    /// (see `crate::verify`): `System.Security.VerificationException`.
    Unverifiable {
        /// Where the problem is.
        il_offset: u32,
        /// The rule broken (its [`Rule::name`] is what messages show).
        rule: Rule,
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
    /// A stage produced output the next stage cannot rely on (an internal
    /// error, found by the debug-build checks of [`crate::checks`]).
    StageCheck(crate::checks::StageCheckFailed),
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
            } => write!(
                f,
                "unverifiable IL at IL_{il_offset:04x}: {}: {detail}",
                rule.name()
            ),
            JitError::Resolve { il_offset, error } => write!(f, "{error} (at IL_{il_offset:04x})"),
            JitError::Assembler(e) => write!(f, "internal assembler error: {e}"),
            JitError::StageCheck(e) => write!(f, "internal error: {e}"),
        }
    }
}

impl std::error::Error for JitError {}

/// Why IL is invalid ([`JitError::InvalidIl`]). Its `Display` is the
/// message `InvalidProgramException` carries after the method and offset.
#[derive(Clone, Debug, PartialEq)]
pub enum InvalidIl {
    /// The IL stream does not decode (an unknown opcode, a truncated
    /// instruction).
    Decode(MetadataError),
    /// A branch to an offset inside an instruction or past the method.
    BranchTarget {
        /// The target.
        target: u32,
    },
    /// Two exception clauses' blocks start at one offset with different
    /// stacks.
    ConflictingRegionStacks,
    /// An exception clause's offsets are not instruction boundaries.
    ClauseBoundaries,
    /// A filter block that does not end before its handler.
    FilterBlock,
    /// A prefix with no instruction after it.
    PrefixAtEnd,
    /// The last instruction can fall through.
    FallsOffEnd,
    /// An instruction pops more than the stack holds.
    StackUnderflow,
    /// A backward branch brings a stack that does not fit its target's.
    BackwardBranchShape,
    /// A backward branch with a non-empty stack to a block entered with
    /// another one.
    BackwardBranchStack,
    /// Stack shapes (kinds) differ where control flow merges.
    MergeShapes,
    /// Stack depths differ where control flow merges (the verifier's
    /// backstop for the importer's check).
    MergeDepths,
    /// `ldarg`/`ldarga`/`starg` of an argument the method does not have.
    ArgumentIndex,
    /// `ldloc`/`ldloca`/`stloc` of a local the method does not have.
    LocalIndex,
    /// An operand of the wrong form for its opcode (`what`: `"ldc.i4"`,
    /// `"switch"`, `"variable"`, ...).
    Operand {
        /// What the operand belongs to.
        what: &'static str,
    },
    /// A token operand was expected (`what`: the kind of token, or `None`).
    ExpectedToken {
        /// The kind of token expected (`"signature"`), if known.
        what: Option<&'static str>,
    },
    /// A branch target operand was expected.
    ExpectedBranchTarget,
    /// `dup` on an empty stack.
    DupEmpty,
    /// `call` of a method the host resolved to a virtual dispatch.
    CallResolvedVirtual,
    /// `constrained.` on something other than a `callvirt` of an instance
    /// method.
    ConstrainedTarget,
    /// `calli` whose function pointer is not a native int.
    CalliPointer,
    /// `newobj` of a method that is not a constructor.
    NewobjNotConstructor,
    /// `ldftn` of a method that has no function pointer.
    LdftnNoPointer,
    /// `ret` inside a protected block, handler or filter.
    RetInRegion,
    /// `ret` with more on the stack than the return value.
    StackNotEmptyAtRet,
    /// `localloc` with more on the stack than its size.
    LocallocStack,
    /// `endfinally` outside a finally or fault handler.
    EndfinallyOutside,
    /// `endfilter` outside a filter block.
    EndfilterOutside,
    /// `endfilter` without exactly one int32 on the stack.
    EndfilterOperand,
    /// `rethrow` outside a catch handler.
    RethrowOutside,
    /// A call's `this` of the wrong stack kind.
    ThisKind {
        /// The stack kind found.
        have: &'static str,
        /// The kind the method's `this` is.
        want: ThisKind,
    },
    /// A call argument of the wrong stack kind.
    ArgumentKind {
        /// The stack kind found.
        have: &'static str,
        /// The parameter's stack kind.
        want: &'static str,
    },
    /// A store (`stloc`, `starg`, ...) of a value of the wrong stack kind.
    StoreKind {
        /// The storing instruction.
        op: Opcode,
        /// The stack kind found.
        have: &'static str,
        /// The location's stack kind.
        want: &'static str,
    },
    /// An instruction applied to operands of kinds it does not take.
    Operands {
        /// The instruction's name.
        op: &'static str,
        /// The operands' stack kinds.
        kinds: Vec<&'static str>,
    },
    /// A frame past the JIT's limit (`jit/src/frame.rs`).
    FrameTooLarge {
        /// The bytes the frame would need.
        size: u64,
        /// The limit.
        limit: u64,
    },
    /// A type-safety rule of the verifier broken (always invalid, whatever
    /// the trust policy: docs/verification.md).
    TypeSafety(Violation),
}

impl std::fmt::Display for InvalidIl {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        use InvalidIl as I;
        match self {
            I::Decode(e) => write!(f, "{e}"),
            I::BranchTarget { target } => write!(
                f,
                "branch to IL_{target:04x}, which is not the start of an instruction"
            ),
            I::ConflictingRegionStacks => f.write_str(
                "a protected block, handler or filter starts here with conflicting stacks",
            ),
            I::ClauseBoundaries => {
                f.write_str("an exception clause's ranges do not fall on instruction boundaries")
            }
            I::FilterBlock => f.write_str("bad filter block"),
            I::PrefixAtEnd => f.write_str("prefix at the end of the method"),
            I::FallsOffEnd => f.write_str("control falls off the end of the method"),
            I::StackUnderflow => f.write_str("evaluation stack underflow"),
            I::BackwardBranchShape => f.write_str(
                "backward branch with a stack that does not fit the block's entry shape",
            ),
            I::BackwardBranchStack => f.write_str(
                "backward branch with a non-empty stack to a block entered with a different stack",
            ),
            I::MergeShapes => {
                f.write_str("evaluation stack shapes differ where control flow merges")
            }
            I::MergeDepths => {
                f.write_str("evaluation stack depths differ where control flow merges")
            }
            I::ArgumentIndex => f.write_str("argument index out of range"),
            I::LocalIndex => f.write_str("local index out of range"),
            I::Operand { what } => write!(f, "bad {what} operand"),
            I::ExpectedToken { what: Some(what) } => write!(f, "expected a {what} token"),
            I::ExpectedToken { what: None } => f.write_str("expected a token operand"),
            I::ExpectedBranchTarget => f.write_str("expected a branch target"),
            I::DupEmpty => f.write_str("dup on an empty stack"),
            I::CallResolvedVirtual => f.write_str("`call` resolved to a virtual dispatch"),
            I::ConstrainedTarget => {
                f.write_str("`constrained.` must prefix a callvirt of an instance method")
            }
            I::CalliPointer => f.write_str("calli needs a native int function pointer"),
            I::NewobjNotConstructor => f.write_str("newobj of a method that is not a constructor"),
            I::LdftnNoPointer => f.write_str("ldftn of a method with no function pointer"),
            I::RetInRegion => {
                f.write_str("ret inside a protected block, handler or filter (use leave)")
            }
            I::StackNotEmptyAtRet => f.write_str("stack not empty at ret"),
            I::LocallocStack => f.write_str("localloc with a non-empty stack"),
            I::EndfinallyOutside => f.write_str("endfinally outside a finally or fault handler"),
            I::EndfilterOutside => f.write_str("endfilter outside a filter block"),
            I::EndfilterOperand => f.write_str("endfilter takes exactly one int32"),
            I::RethrowOutside => f.write_str("rethrow outside a catch handler"),
            I::ThisKind { have, want } => write!(f, "`this` is a {have}, expected {want:?}"),
            I::ArgumentKind { have, want } => {
                write!(f, "argument is a {have}, parameter is a {want}")
            }
            I::StoreKind { op, have, want } => write!(
                f,
                "{op:?} of a value of kind `{have}` where `{want}` is expected"
            ),
            I::Operands { op, kinds } => {
                write!(f, "{op} cannot take operands ({})", kinds.join(", "))
            }
            I::FrameTooLarge { size, limit } => write!(
                f,
                "the method's frame would need {size} bytes, more than the limit of {limit}"
            ),
            I::TypeSafety(v) => write!(f, "{}: {}", v.rule.name(), v.detail),
        }
    }
}
