//! The JIT's typed stack IR: CIL instructions after import.
//!
//! The importer ([`crate::import`]) turns each CIL instruction into one [`Op`]
//! with its tokens resolved and the kinds of its stack operands computed, so
//! that code generation is a matter of choosing machine instructions. Short
//! and long forms (`ldarg.0`, `ldarg.s`, `ldarg`) become one op; so do the
//! many `ldind.*`/`conv.*` variants, which carry their type.

use crate::host::{CallInfo, ExactType, FieldInfo, RtValue, TypeHandle};
use crate::types::JitType;

/// Integer and floating-point binary operators.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum BinOp {
    /// `add`.
    Add,
    /// `sub`.
    Sub,
    /// `mul`.
    Mul,
    /// `div` (signed, or float).
    Div,
    /// `div.un`.
    DivUn,
    /// `rem` (signed, or float).
    Rem,
    /// `rem.un`.
    RemUn,
    /// `and`.
    And,
    /// `or`.
    Or,
    /// `xor`.
    Xor,
    /// `shl`.
    Shl,
    /// `shr` (arithmetic).
    Shr,
    /// `shr.un` (logical).
    ShrUn,
    /// `add.ovf`.
    AddOvf,
    /// `add.ovf.un`.
    AddOvfUn,
    /// `sub.ovf`.
    SubOvf,
    /// `sub.ovf.un`.
    SubOvfUn,
    /// `mul.ovf`.
    MulOvf,
    /// `mul.ovf.un`.
    MulOvfUn,
}

impl BinOp {
    /// Whether this is a shift (the count may be int32 whatever the value's width).
    pub fn is_shift(self) -> bool {
        matches!(self, BinOp::Shl | BinOp::Shr | BinOp::ShrUn)
    }
}

/// A comparison condition, as used by `ceq`/`cgt`/`clt` and the conditional
/// branches. `Un` variants are unsigned for integers and unordered for floats.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Cond {
    /// Equal.
    Eq,
    /// Not equal (unordered for floats: `bne.un`).
    NeUn,
    /// Signed/ordered `>=`.
    Ge,
    /// Unsigned/unordered `>=`.
    GeUn,
    /// Signed/ordered `>`.
    Gt,
    /// Unsigned/unordered `>`.
    GtUn,
    /// Signed/ordered `<=`.
    Le,
    /// Unsigned/unordered `<=`.
    LeUn,
    /// Signed/ordered `<`.
    Lt,
    /// Unsigned/unordered `<`.
    LtUn,
}

/// How a `constrained.` call turns the managed pointer it finds on the stack
/// into the `this` its callee takes (ECMA-335 III.2.1).
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum ThisFixup {
    /// The pointer points at an object reference: load it.
    Deref,
    /// The pointer points at a value of this type: box a copy.
    Box(ExactType, JitType),
}

/// The target of a conversion (`conv.*`, `conv.ovf.*`).
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct ConvOp {
    /// The type converted to (I1..U8, I, U, R4, R8).
    pub to: JitType,
    /// `conv.ovf.*`: throw OverflowException when the value does not fit.
    pub overflow: bool,
    /// `.un`: treat the source as unsigned (`conv.r.un`, `conv.ovf.*.un`).
    pub unsigned_source: bool,
}

/// One imported instruction.
#[derive(Clone, Debug)]
pub enum Op {
    /// `nop` and prefixes that need no code.
    Nop,
    /// `ldarg`: push argument `n` (`this` is argument 0).
    LdArg(u16),
    /// `ldarga`: push the address of argument `n`.
    LdArgA(u16),
    /// `starg`: pop into argument `n`.
    StArg(u16),
    /// `ldloc`: push local `n`.
    LdLoc(u16),
    /// `ldloca`: push the address of local `n`.
    LdLocA(u16),
    /// `stloc`: pop into local `n`.
    StLoc(u16),
    /// `ldc.i4*`.
    LdcI4(i32),
    /// `ldc.i8`.
    LdcI8(i64),
    /// `ldc.r4`.
    LdcR4(f32),
    /// `ldc.r8`.
    LdcR8(f64),
    /// `ldnull`.
    LdNull,
    /// `ldstr`: the address of the interned, frozen string object.
    LdStr(usize),
    /// `dup`.
    Dup,
    /// `pop`.
    Pop,
    /// A binary operator.
    Binary(BinOp),
    /// `neg`.
    Neg,
    /// `not`.
    Not,
    /// `ceq`, `cgt[.un]`, `clt[.un]`: push 1 or 0.
    Compare(Cond),
    /// `br`.
    Br(u32),
    /// `brtrue`/`brfalse` (`true` = branch if non-zero).
    BrBool(bool, u32),
    /// `beq`, `bge`, ... : compare two values and branch.
    BrCmp(Cond, u32),
    /// `switch`: targets by index; falls through when out of range.
    Switch(Vec<u32>),
    /// `conv.*`.
    Conv(ConvOp),
    /// `call`, `callvirt`.
    Call {
        /// The resolved callee.
        info: Box<CallInfo>,
        /// `callvirt`: null-check `this` even when the call is direct.
        virt: bool,
        /// For `constrained.` calls: how to turn the managed pointer on the
        /// stack into the `this` the callee takes.
        this_fixup: Option<ThisFixup>,
    },
    /// `newobj`.
    NewObj(Box<CallInfo>),
    /// `calli`: the function pointer is on top of the arguments; the
    /// target is [`crate::host::CallTarget::PInvoke`] for an unmanaged
    /// signature, anything else for a managed one.
    Calli(Box<CallInfo>),
    /// `ret`.
    Ret,
    /// `ldfld`.
    LdFld(Box<FieldInfo>),
    /// `ldflda`.
    LdFldA(Box<FieldInfo>),
    /// `stfld`.
    StFld(Box<FieldInfo>),
    /// `ldsfld`.
    LdSFld(Box<FieldInfo>),
    /// `ldsflda`.
    LdSFldA(Box<FieldInfo>),
    /// `stsfld`.
    StSFld(Box<FieldInfo>),
    /// `ldind.*`, `ldobj`: load a value of this type through a pointer.
    LdInd(JitType),
    /// `stind.*`, `stobj`: store a value of this type through a pointer.
    StInd(JitType),
    /// `ldlen`.
    LdLen,
    /// `ldelem.*`, `ldelem <T>`.
    LdElem(JitType),
    /// `ldelema <T>`. With a type handle, the array's element type must be
    /// exactly it (ArrayTypeMismatchException otherwise): an array of
    /// references seen through a base type (covariance) must not hand out
    /// a pointer that could store the base type into it. Without one
    /// (`readonly.` or a value-type element), no check.
    LdElemA(JitType, Option<RtValue>),
    /// `stelem.*`, `stelem <T>` (for references: with the covariance check).
    StElem(JitType),
    /// `newarr <T>`: the array type.
    NewArr(ExactType),
    /// `initobj <T>`.
    InitObj(JitType),
    /// `localloc`.
    Localloc,
    /// `throw`.
    Throw,
    /// An instruction whose token the host could not resolve: call
    /// [`crate::host::Helper::RaiseDeferred`] with the host's failure value
    /// (from [`crate::host::JitHost::defer_failure`]). Pops the whole stack
    /// and ends the block; the instructions after it up to the next block
    /// start are unreachable and not imported.
    RaiseDeferred(usize),
    /// `rethrow` inside the handler of this clause (an index into
    /// [`crate::MethodInput::eh`]).
    Rethrow(usize),
    /// `leave`: run the finally handlers of these clauses (innermost first),
    /// then branch to `target` with an empty stack.
    Leave {
        /// Where control goes.
        target: u32,
        /// Indices of the finally clauses whose protected blocks it exits.
        finallies: Vec<usize>,
    },
    /// `endfinally` of this clause's finally or fault handler.
    EndFinally(usize),
    /// `endfilter` of this clause's filter: pops the verdict.
    EndFilter(usize),
    /// `castclass <T>`.
    CastClass(RtValue),
    /// `isinst <T>`.
    IsInst(RtValue),
    /// `box <T>` of a value of type `ty` (a no-op for reference types).
    Box(ExactType, JitType),
    /// `unbox <T>`: a managed pointer to the value in a boxed `T`.
    Unbox(RtValue),
    /// `unbox.any <T>`: the value (value types) or a `castclass` (reference types).
    UnboxAny(RtValue, JitType),
    /// `box` of a `Nullable<T>` (of type `ty`): null or a boxed `T`.
    BoxNullable(RtValue),
    /// `unbox.any` to the `Nullable<T>` type `ty` (from null or a boxed `T`).
    UnboxNullable(RtValue, JitType),
    /// `ldtoken`: push a handle value as an 8-byte struct of the given type.
    LdToken(RtValue, TypeHandle),
    /// `cpobj <T>`: copy a value of type `T` between two addresses.
    CpObj(JitType),
    /// `ckfinite`: throw ArithmeticException unless the float is finite.
    CkFinite,
    /// `cpblk`: copy `size` bytes from `src` to `dest` (popped in that order).
    CpBlk,
    /// `initblk`: set `size` bytes at `addr` to `value`.
    InitBlk,
    /// `ldftn`: push this function pointer.
    LdFtn(RtValue),
    /// `ldvirtftn`: pop an object, push the function pointer of the method
    /// a virtual call of this method on it runs.
    LdVirtFtn(RtValue),
}
