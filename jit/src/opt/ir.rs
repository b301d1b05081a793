//! The optimizing tier's IR: typed SSA values in a control-flow graph of
//! basic blocks with block parameters (no phi instructions: a value that
//! merges at a block entry is a parameter of the block, and every jump to
//! the block passes one argument per parameter, as in Cranelift).
//!
//! The IR is built from the importer's typed ops ([`super::build`]): IL
//! locals, arguments and evaluation-stack entries all become values, so a
//! `ldloc` is no instruction at all. Instructions are CLR-level but with
//! their checks explicit (`NullCheck`, `BoundsCheck`), so later passes can
//! remove the checks a dominating one makes redundant.

use std::fmt::Write;

use smallvec::SmallVec;

use crate::host::{CallTarget, ThrowKind, TypeHandle};
use crate::ops::{BinOp, Cond, ConvOp};
use crate::types::JitType;

/// A basic block.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Block(pub u32);

/// An instruction.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Inst(pub u32);

/// An SSA value: the result of one instruction or a block parameter.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Value(pub u32);

/// The type of a value, as registers and the collector see it.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
pub enum Ty {
    /// 32-bit integer (also bool, char and the small integers).
    I32,
    /// 64-bit integer, native int, unmanaged pointer.
    I64,
    /// 32-bit float.
    F32,
    /// 64-bit float.
    F64,
    /// Object reference (reported to the collector).
    Ref,
    /// Managed pointer (reported as interior).
    ByRef,
}

impl Ty {
    /// Whether the value lives in an XMM register.
    pub fn is_float(self) -> bool {
        matches!(self, Ty::F32 | Ty::F64)
    }

    /// Whether the collector must see the value.
    pub fn is_gc(self) -> bool {
        matches!(self, Ty::Ref | Ty::ByRef)
    }

    /// Whether the value is 64 bits wide.
    pub fn is_64(self) -> bool {
        !matches!(self, Ty::I32 | Ty::F32)
    }

    /// The IR type of a value of JIT type `t` (on the evaluation stack);
    /// `None` for structs and `void`.
    pub fn of(t: JitType) -> Option<Ty> {
        Some(match t {
            JitType::Void | JitType::Struct(_) => return None,
            JitType::Bool
            | JitType::Char
            | JitType::I1
            | JitType::U1
            | JitType::I2
            | JitType::U2
            | JitType::I4
            | JitType::U4 => Ty::I32,
            JitType::I8 | JitType::U8 | JitType::I | JitType::U | JitType::Ptr => Ty::I64,
            JitType::R4 => Ty::F32,
            JitType::R8 => Ty::F64,
            JitType::Ref => Ty::Ref,
            JitType::ByRef => Ty::ByRef,
        })
    }

    fn name(self) -> &'static str {
        match self {
            Ty::I32 => "i32",
            Ty::I64 => "i64",
            Ty::F32 => "f32",
            Ty::F64 => "f64",
            Ty::Ref => "ref",
            Ty::ByRef => "byref",
        }
    }
}

/// A jump to a block with its arguments (one per block parameter).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BlockCall {
    /// The target.
    pub block: Block,
    /// The arguments.
    pub args: SmallVec<[Value; 4]>,
}

impl BlockCall {
    /// A jump without arguments (yet).
    pub fn new(block: Block) -> BlockCall {
        BlockCall {
            block,
            args: SmallVec::new(),
        }
    }
}

/// A managed or native call.
#[derive(Clone, Debug)]
pub struct CallOp {
    /// How the callee is reached (`Managed`, `Virtual`, `Interface`, `FCall`).
    pub target: CallTarget,
}

/// A call of a runtime helper (through its wrapper stub, System V).
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum HelperOp {
    /// `NewObject(thread, mt)`: args none; result the object.
    NewObject(TypeHandle),
    /// `NewArray(thread, mt, len)`: args `[len]`.
    NewArray(TypeHandle),
    /// `CastClass(obj, mt, thread)` after the inline exact-type test.
    CastClass(TypeHandle),
    /// `IsInst(obj, mt, thread)` after the inline exact-type test.
    IsInst(TypeHandle),
    /// `Unbox(obj, mt, thread)`: result the object (the value is at +8).
    Unbox(TypeHandle),
    /// `StElemRef(array, index, value, thread)`.
    StElemRef,
    /// `ThrowObject(thread, exception)`: never returns.
    Throw,
    /// `ClassInit(thread, mt)` unless the flag at the address is set.
    ClassInit {
        /// The class-initialized flag.
        flag: usize,
        /// The class.
        handle: TypeHandle,
    },
    /// `RaiseDeferred(thread, failure)`: never returns.
    RaiseDeferred(usize),
}

impl HelperOp {
    /// Whether the helper never returns.
    pub fn never_returns(self) -> bool {
        matches!(self, HelperOp::Throw | HelperOp::RaiseDeferred(_))
    }
}

/// What an instruction does. Operands are in [`InstData::args`] unless
/// stated otherwise.
#[derive(Clone, Debug)]
pub enum Op {
    /// An integer, reference (0 = null, else a frozen object) or pointer constant.
    Iconst(i64),
    /// A float constant's bits (`f32` bits in the low half for `F32`).
    Fconst(u64),
    /// ABI argument `n` of the method (entry block only).
    Param(u16),
    /// A binary operator on `[a, b]` (integer or float, per the result type;
    /// the `*Ovf*` forms check for overflow; `div`/`rem` check the divisor).
    Bin(BinOp),
    /// Negation of `[a]`.
    Neg,
    /// Bitwise not of `[a]`.
    Not,
    /// `[a, b]` compared: 1 or 0.
    Cmp(Cond),
    /// A conversion of `[a]`.
    Conv(ConvOp),
    /// Loads a value of the memory type from `[args[0] + offset]`.
    Load(JitType, i32),
    /// Stores `args[1]` as the memory type to `[args[0] + offset]`, with the
    /// card-marking barrier when `barrier`.
    Store(JitType, i32, bool),
    /// Throws `kind` if `args[0]` is null.
    NullCheck(ThrowKind),
    /// Throws IndexOutOfRangeException unless `args[1]` (zero-extended when
    /// 32-bit) is below the length of the array `args[0]` (not null).
    BoundsCheck,
    /// `args[0] + args[1] * scale + offset` (the index zero-extended when 32-bit).
    ElemAddr {
        /// Element size.
        scale: u8,
        /// The array's data offset.
        offset: i32,
    },
    /// The length of the array `args[0]` (not null): a 32-bit load,
    /// zero-extended (a native int, as `ldlen` pushes).
    ArrayLen,
    /// `args[0] + offset` (a field's address).
    AddrOffset(i32),
    /// A call; arguments as the callee takes them.
    Call(Box<CallOp>),
    /// A runtime helper.
    Helper(HelperOp),
    /// `args[0]` unchanged, retyped (I64 → ByRef where a native int meets a
    /// managed pointer at a merge, ECMA-335 as the importer allows).
    Copy,
    /// A safepoint poll (method entry, loop back edges).
    Safepoint,
    /// Ends a block: go to `0`.
    Jump(BlockCall),
    /// Ends a block: to `then` if `args[0] != 0`, else to `else_`.
    Brif(BlockCall, BlockCall),
    /// Ends a block: compare `[a, b]`, to the first target if true.
    BrCmp(Cond, BlockCall, BlockCall),
    /// Ends a block: `targets[args[0]]` when in range, else `default`.
    Switch(Vec<BlockCall>, BlockCall),
    /// Ends a block: return `args` (none or one value).
    Return,
    /// Ends a block that cannot continue (after a helper that never returns).
    Unreachable,
}

impl Op {
    /// Whether this op ends a block.
    pub fn is_terminator(&self) -> bool {
        matches!(
            self,
            Op::Jump(_)
                | Op::Brif(..)
                | Op::BrCmp(..)
                | Op::Switch(..)
                | Op::Return
                | Op::Unreachable
        )
    }

    /// The blocks this terminator may go to, with their arguments.
    pub fn targets(&self) -> SmallVec<[&BlockCall; 2]> {
        match self {
            Op::Jump(t) => smallvec::smallvec![t],
            Op::Brif(a, b) | Op::BrCmp(_, a, b) => smallvec::smallvec![a, b],
            Op::Switch(ts, d) => ts.iter().chain(std::iter::once(d)).collect(),
            _ => SmallVec::new(),
        }
    }

    /// The same, mutable.
    pub fn targets_mut(&mut self) -> SmallVec<[&mut BlockCall; 2]> {
        match self {
            Op::Jump(t) => smallvec::smallvec![t],
            Op::Brif(a, b) | Op::BrCmp(_, a, b) => smallvec::smallvec![a, b],
            Op::Switch(ts, d) => ts.iter_mut().chain(std::iter::once(d)).collect(),
            _ => SmallVec::new(),
        }
    }

    /// Whether the op has an effect besides its result (a store, a call, a
    /// check that may throw, a poll), so dead-code elimination keeps it.
    pub fn has_effect(&self) -> bool {
        match self {
            Op::Iconst(_)
            | Op::Fconst(_)
            | Op::Param(_)
            | Op::Neg
            | Op::Not
            | Op::Cmp(_)
            | Op::ElemAddr { .. }
            | Op::AddrOffset(_)
            | Op::ArrayLen
            | Op::Copy
            | Op::Load(..) => false,
            Op::Bin(b) => matches!(
                b,
                BinOp::Div
                    | BinOp::DivUn
                    | BinOp::Rem
                    | BinOp::RemUn
                    | BinOp::AddOvf
                    | BinOp::AddOvfUn
                    | BinOp::SubOvf
                    | BinOp::SubOvfUn
                    | BinOp::MulOvf
                    | BinOp::MulOvfUn
            ),
            Op::Conv(c) => c.overflow,
            _ => true,
        }
    }
}

/// One instruction.
#[derive(Clone, Debug)]
pub struct InstData {
    /// What it does.
    pub op: Op,
    /// Its operands.
    pub args: SmallVec<[Value; 3]>,
    /// Its result, if any.
    pub result: Option<Value>,
    /// The IL offset it comes from (stack traces, exception regions).
    pub il: u32,
}

/// Where a value comes from.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum ValueDef {
    /// Parameter `n` of a block.
    Param(Block, u32),
    /// The result of an instruction.
    Inst(Inst),
    /// Replaced by another value (removed block parameters and copies);
    /// resolved by [`Func::resolve`].
    Alias(Value),
}

/// One value.
#[derive(Copy, Clone, Debug)]
pub struct ValueData {
    /// Its type.
    pub ty: Ty,
    /// Its definition.
    pub def: ValueDef,
}

/// One basic block.
#[derive(Clone, Debug, Default)]
pub struct BlockData {
    /// Its parameters.
    pub params: Vec<Value>,
    /// Its instructions; the last is its terminator.
    pub insts: Vec<Inst>,
    /// The IL offset it starts at (for printing and ordering).
    pub il: u32,
    /// Removed (unreachable or merged).
    pub dead: bool,
}

/// A function in the IR.
#[derive(Clone, Debug, Default)]
pub struct Func {
    /// The blocks, in layout order (block 0 is the entry).
    pub blocks: Vec<BlockData>,
    /// Every instruction ever created.
    pub insts: Vec<InstData>,
    /// Every value ever created.
    pub values: Vec<ValueData>,
    /// The method has exception clauses: an instruction that may throw
    /// must stay in its protected region (passes that move code check it).
    pub has_handlers: bool,
}

impl Func {
    /// The entry block.
    pub const ENTRY: Block = Block(0);

    /// Creates a block starting at IL offset `il`.
    pub fn new_block(&mut self, il: u32) -> Block {
        self.blocks.push(BlockData {
            il,
            ..Default::default()
        });
        Block(self.blocks.len() as u32 - 1)
    }

    /// Adds a parameter of type `ty` to `b`.
    pub fn add_param(&mut self, b: Block, ty: Ty) -> Value {
        let n = self.blocks[b.0 as usize].params.len() as u32;
        let v = self.new_value(ty, ValueDef::Param(b, n));
        self.blocks[b.0 as usize].params.push(v);
        v
    }

    fn new_value(&mut self, ty: Ty, def: ValueDef) -> Value {
        self.values.push(ValueData { ty, def });
        Value(self.values.len() as u32 - 1)
    }

    /// Creates an instruction (not placed in a block) with a result of
    /// type `ty`, if any.
    pub fn make_inst(&mut self, op: Op, args: &[Value], ty: Option<Ty>, il: u32) -> Inst {
        let inst = Inst(self.insts.len() as u32);
        let result = ty.map(|t| self.new_value(t, ValueDef::Inst(inst)));
        self.insts.push(InstData {
            op,
            args: args.iter().copied().collect(),
            result,
            il,
        });
        inst
    }

    /// Appends an instruction to `b`; returns its result (if any).
    pub fn push(
        &mut self,
        b: Block,
        op: Op,
        args: &[Value],
        ty: Option<Ty>,
        il: u32,
    ) -> Option<Value> {
        let inst = self.make_inst(op, args, ty, il);
        self.blocks[b.0 as usize].insts.push(inst);
        self.insts[inst.0 as usize].result
    }

    /// The type of a value.
    pub fn ty(&self, v: Value) -> Ty {
        self.values[v.0 as usize].ty
    }

    /// An instruction.
    pub fn inst(&self, i: Inst) -> &InstData {
        &self.insts[i.0 as usize]
    }

    /// An instruction, mutable.
    pub fn inst_mut(&mut self, i: Inst) -> &mut InstData {
        &mut self.insts[i.0 as usize]
    }

    /// A block.
    pub fn block(&self, b: Block) -> &BlockData {
        &self.blocks[b.0 as usize]
    }

    /// The terminator of `b`.
    pub fn terminator(&self, b: Block) -> Option<Inst> {
        self.block(b).insts.last().copied()
    }

    /// The blocks `b` may go to (with repetitions, in target order).
    pub fn succs(&self, b: Block) -> SmallVec<[Block; 2]> {
        match self.terminator(b) {
            Some(t) => self.inst(t).op.targets().iter().map(|c| c.block).collect(),
            None => SmallVec::new(),
        }
    }

    /// The live blocks in layout order.
    pub fn live_blocks(&self) -> impl Iterator<Item = Block> + '_ {
        (0..self.blocks.len() as u32)
            .map(Block)
            .filter(|b| !self.block(*b).dead)
    }

    /// Follows aliases to the value that stands for `v`.
    pub fn resolve(&self, mut v: Value) -> Value {
        while let ValueDef::Alias(to) = self.values[v.0 as usize].def {
            v = to;
        }
        v
    }

    /// Makes every use of `from` a use of `to`.
    pub fn alias(&mut self, from: Value, to: Value) {
        debug_assert_ne!(self.resolve(to), from, "alias cycle");
        self.values[from.0 as usize].def = ValueDef::Alias(to);
    }

    /// Replaces every operand and block argument by what it resolves to.
    pub fn resolve_all(&mut self) {
        for i in 0..self.insts.len() {
            let mut data = std::mem::replace(&mut self.insts[i].op, Op::Unreachable);
            for a in self.insts[i].args.clone().iter().enumerate() {
                self.insts[i].args[a.0] = self.resolve(*a.1);
            }
            for t in data.targets_mut() {
                for a in t.args.iter_mut() {
                    *a = self.resolve(*a);
                }
            }
            self.insts[i].op = data;
        }
    }

    /// Every value an instruction uses: operands, then block arguments.
    pub fn uses(&self, i: Inst) -> SmallVec<[Value; 6]> {
        let d = self.inst(i);
        let mut out: SmallVec<[Value; 6]> = d.args.iter().copied().collect();
        for t in d.op.targets() {
            out.extend(t.args.iter().copied());
        }
        out
    }

    /// The textual form of the function (golden tests, `--jit-dump`):
    /// each block with its parameters and IL offset, loop headers marked
    /// with the blocks of their natural loop.
    pub fn display(&self) -> String {
        let mut s = String::new();
        let loops = super::cfg::Cfg::new(self).loops();
        for b in self.live_blocks() {
            if let Some(l) = loops.iter().find(|l| l.header == b) {
                let mut blocks: Vec<u32> = l.blocks.iter().map(|b| b.0).collect();
                blocks.sort_unstable();
                let names: Vec<String> = blocks.iter().map(|b| format!("block{b}")).collect();
                let _ = writeln!(s, "; loop: {}", names.join(", "));
            }
            let bd = self.block(b);
            let params: Vec<String> = bd
                .params
                .iter()
                .map(|p| format!("v{}: {}", p.0, self.ty(*p).name()))
                .collect();
            let _ = writeln!(
                s,
                "block{}({}):  ; IL_{:04x}",
                b.0,
                params.join(", "),
                bd.il
            );
            for &i in &bd.insts {
                let _ = writeln!(s, "    {}", self.display_inst(i));
            }
        }
        s
    }

    /// One instruction as text.
    pub fn display_inst(&self, i: Inst) -> String {
        let d = self.inst(i);
        let args: Vec<String> = d.args.iter().map(|a| format!("v{}", a.0)).collect();
        let call = |c: &BlockCall| {
            let a: Vec<String> = c.args.iter().map(|a| format!("v{}", a.0)).collect();
            format!("block{}({})", c.block.0, a.join(", "))
        };
        let body = match &d.op {
            Op::Iconst(v) => format!("iconst {v}"),
            Op::Fconst(v) => match d.result.map(|r| self.ty(r)) {
                Some(Ty::F32) => format!("fconst {}", f32::from_bits(*v as u32)),
                _ => format!("fconst {}", f64::from_bits(*v)),
            },
            Op::Param(n) => format!("param {n}"),
            Op::Bin(b) => format!("{} {}", format!("{b:?}").to_lowercase(), args.join(", ")),
            Op::Neg => format!("neg {}", args.join(", ")),
            Op::Not => format!("not {}", args.join(", ")),
            Op::Cmp(c) => format!(
                "cmp.{} {}",
                format!("{c:?}").to_lowercase(),
                args.join(", ")
            ),
            Op::Conv(c) => format!(
                "conv{}{}.{:?} {}",
                if c.overflow { ".ovf" } else { "" },
                if c.unsigned_source { ".un" } else { "" },
                c.to,
                args.join(", ")
            ),
            Op::Load(t, off) => format!("load.{t:?} [{} + {off}]", args[0]),
            Op::Store(t, off, b) => format!(
                "store.{t:?}{} [{} + {off}], {}",
                if *b { ".barrier" } else { "" },
                args[0],
                args[1]
            ),
            Op::NullCheck(_) => format!("null_check {}", args[0]),
            Op::BoundsCheck => format!("bounds_check {}, {}", args[0], args[1]),
            Op::ElemAddr { scale, offset } => {
                format!("elem_addr {} + {} * {scale} + {offset}", args[0], args[1])
            }
            Op::ArrayLen => format!("array_len {}", args[0]),
            Op::AddrOffset(off) => format!("addr {} + {off}", args[0]),
            Op::Call(c) => {
                let t = match &c.target {
                    CallTarget::Managed { .. } => "direct".to_string(),
                    CallTarget::Virtual { slot } => format!("virtual[{slot}]"),
                    CallTarget::Interface { .. } => "interface".to_string(),
                    CallTarget::FCall { .. } => "fcall".to_string(),
                    other => format!("{other:?}"),
                };
                format!("call.{t} {}", args.join(", "))
            }
            Op::Helper(h) => {
                let name = match h {
                    HelperOp::NewObject(_) => "new_object",
                    HelperOp::NewArray(_) => "new_array",
                    HelperOp::CastClass(_) => "cast_class",
                    HelperOp::IsInst(_) => "is_inst",
                    HelperOp::Unbox(_) => "unbox",
                    HelperOp::StElemRef => "stelem_ref",
                    HelperOp::Throw => "throw",
                    HelperOp::ClassInit { .. } => "class_init",
                    HelperOp::RaiseDeferred(_) => "raise_deferred",
                };
                format!("helper.{name} {}", args.join(", "))
            }
            Op::Copy => format!("copy {}", args[0]),
            Op::Safepoint => "safepoint".into(),
            Op::Jump(t) => format!("jump {}", call(t)),
            Op::Brif(a, b) => format!("brif {}, {}, {}", args[0], call(a), call(b)),
            Op::BrCmp(c, a, b) => format!(
                "br.{} {}, {}, {}",
                format!("{c:?}").to_lowercase(),
                args.join(", "),
                call(a),
                call(b)
            ),
            Op::Switch(ts, d) => {
                let t: Vec<String> = ts.iter().map(call).collect();
                format!("switch {}, [{}], {}", args[0], t.join(", "), call(d))
            }
            Op::Return => format!("return {}", args.join(", ")),
            Op::Unreachable => "unreachable".into(),
        };
        match d.result {
            Some(r) => format!("v{}: {} = {}", r.0, self.ty(r).name(), body),
            None => body,
        }
    }
}
