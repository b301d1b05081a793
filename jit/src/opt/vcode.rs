//! Machine code with virtual registers (VCode): x86-64 instructions whose
//! operands are regalloc2 [`Operand`]s, in blocks with parameters, as the
//! register allocator consumes them ([`regalloc2::Function`]).
//!
//! Every instruction lists its operands in an order fixed per kind (see
//! [`MInst`]); [`super::emit`] reads the allocation of operand `i` at the
//! same index.

use regalloc2::{
    Block as RBlock, Inst as RInst, InstRange, Operand, PReg, PRegSet, RegClass, VReg,
};

use super::ir::{HelperOp, Ty};
use crate::host::{AllocShape, CallTarget, ThrowKind};
use crate::ops::{BinOp, Cond, ConvOp};
use crate::types::JitType;

/// Hardware register numbers.
pub mod hw {
    pub const RAX: u8 = 0;
    pub const RCX: u8 = 1;
    pub const RDX: u8 = 2;
    pub const RBX: u8 = 3;
    pub const RSI: u8 = 6;
    pub const RDI: u8 = 7;
    pub const R8: u8 = 8;
    pub const R9: u8 = 9;
    pub const R10: u8 = 10;
    pub const R11: u8 = 11;
    pub const R12: u8 = 12;
    pub const R13: u8 = 13;
    pub const R14: u8 = 14;
}

/// A general register as regalloc2 names it.
pub fn gpr(n: u8) -> PReg {
    PReg::new(n as usize, RegClass::Int)
}

/// An XMM register as regalloc2 names it.
pub fn xmm(n: u8) -> PReg {
    PReg::new(n as usize, RegClass::Float)
}

/// The registers a method must preserve for its caller (fastcall64 as
/// Osprey defines it; R15, the thread, is never allocated).
pub const CALLEE_SAVED: [u8; 6] = [hw::RBX, hw::RSI, hw::RDI, hw::R12, hw::R13, hw::R14];

/// Registers a managed callee may change.
pub fn managed_clobbers() -> PRegSet {
    let mut s = PRegSet::empty();
    for r in [hw::RAX, hw::RCX, hw::RDX, hw::R8, hw::R9, hw::R10] {
        s.add(gpr(r));
    }
    for x in 0..15 {
        s.add(xmm(x));
    }
    s
}

/// Registers a System V function (a helper's wrapper) may change.
pub fn native_clobbers() -> PRegSet {
    let mut s = managed_clobbers();
    s.add(gpr(hw::RSI));
    s.add(gpr(hw::RDI));
    s
}

/// Every allocatable register: what an FCall is assumed to change (it
/// may save a callee-saved register where no stack walk finds it).
pub fn all_clobbers() -> PRegSet {
    let mut s = native_clobbers();
    for r in [hw::RBX, hw::R12, hw::R13, hw::R14] {
        s.add(gpr(r));
    }
    s
}

/// Integer ALU operations with a register or immediate right-hand side.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Alu {
    Add,
    Sub,
    And,
    Or,
    Xor,
    Imul,
}

/// Shifts.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum ShiftOp {
    Shl,
    Sar,
    Shr,
}

/// What a managed call calls.
#[derive(Clone, Debug)]
pub enum CallKind {
    /// A target the host resolved (Managed, Virtual, Interface).
    Managed(CallTarget),
    /// An FCall (System V, direct).
    FCall {
        address: usize,
        pass_thread: bool,
        may_throw: bool,
        helper_frame: bool,
    },
}

/// A machine instruction. Operand order per kind is given in brackets.
#[derive(Clone, Debug)]
pub enum MInst {
    /// Defines the method's register arguments [defs...] (entry only),
    /// each def fixed to its argument register.
    Args,
    /// [def] = stack argument `k` (`[rbp + 16 + 8k]`).
    StackArg { k: u32 },
    /// [def] = constant.
    Imm { value: i64, wide: bool },
    /// [def xmm] = float constant bits.
    FImm { bits: u64, single: bool },
    /// [use, def] copy (same class).
    Mov { float: bool },
    /// [use gpr, def xmm]: `movq`/`movd`.
    MovI2F { single: bool },
    /// [use xmm, def gpr].
    MovF2I { single: bool },
    /// [use a, use b, def = a].
    Alu { op: Alu, wide: bool },
    /// [use a, def = a].
    AluImm { op: Alu, imm: i32, wide: bool },
    /// `add/sub` with overflow check: [use a, use b, def = a].
    AluOvf { op: Alu, wide: bool, unsigned: bool },
    /// [use a, use b @rcx, def = a].
    Shift { op: ShiftOp, wide: bool },
    /// [use a, def = a].
    ShiftImm { op: ShiftOp, n: u8, wide: bool },
    /// Division: [use a @rax, use b, def q @rax, def tmp @rdx (early)] or,
    /// for the remainder, [use a @rax, use b, def r @rdx (early)].
    Div { signed: bool, wide: bool },
    /// `mul.ovf.un`: [use a @rax, use b, def @rax]; RDX clobbered.
    MulOvfUn { wide: bool },
    /// [use a, def = a].
    Neg { wide: bool },
    /// [use a, def = a].
    Not { wide: bool },
    /// [use a xmm, def = a].
    FNeg { single: bool },
    /// [use a xmm, def = a]: a `Math` intrinsic (`Intrinsic::float_op`).
    FloatIntrinsic { kind: crate::host::Intrinsic },
    /// [use a xmm, use b xmm, def = a].
    FBin { op: BinOp, single: bool },
    /// [use a, use b, def]: 1 or 0.
    Cmp { cond: Cond, wide: bool, float: bool },
    /// [use a, def].
    CmpImm { cond: Cond, imm: i32, wide: bool },
    /// [use, def]: a conversion from `from`.
    Conv { op: ConvOp, from: Ty },
    /// [use base, def] = `[base + disp]` as `ty`.
    Load { ty: JitType, disp: i32 },
    /// [use base, use index, def] = `[base + index * scale + disp]`.
    LoadIdx { ty: JitType, scale: u8, disp: i32 },
    /// [use base, use value] `[base + disp] = value`; with the write
    /// barrier: [use base, use value, temp].
    Store {
        ty: JitType,
        disp: i32,
        barrier: bool,
    },
    /// [use base, use index, use value].
    StoreIdx { ty: JitType, scale: u8, disp: i32 },
    /// [use base, def] = `base + disp`.
    Lea { disp: i32 },
    /// [def] = the address of frame variable `var` (`lea def, [rbp - ...]`).
    FrameLea { var: u32 },
    /// [use base, use index, def] = `base + index * scale + disp`.
    LeaIdx { scale: u8, disp: i32 },
    /// [use]: throws `kind` if zero.
    NullCheck { kind: ThrowKind },
    /// [use array, use index].
    BoundsCheck { len_offset: i32, wide_index: bool },
    /// A managed call or FCall: [fixed uses of the register arguments...,
    /// any uses of the stack arguments..., def result?].
    Call {
        kind: CallKind,
        reg_args: u8,
        stack_args: u8,
    },
    /// A helper call (operands per helper, see `lower`).
    Helper {
        op: HelperOp,
        shape: Option<AllocShape>,
    },
    /// A safepoint poll.
    Poll,
    /// Ends a block.
    Jump,
    /// Ends a block: [use], to succ 0 if non-zero.
    Brif { wide: bool },
    /// Ends a block: [use a, use b], to succ 0 if the condition holds.
    BrCmp { cond: Cond, wide: bool, float: bool },
    /// Ends a block: [use a], to succ 0 if `a cond imm`.
    BrCmpImm { cond: Cond, imm: i32, wide: bool },
    /// Ends a block: [use index]; succs are the targets then the default.
    Switch { n: u32 },
    /// Ends a block: [use value @rax/xmm0]?
    Ret,
    /// Ends a block that never continues.
    Trap,
}

impl MInst {
    /// Whether the instruction is a safepoint (a call the collector may
    /// stop in, or a poll).
    pub fn is_safepoint(&self) -> bool {
        matches!(
            self,
            MInst::Call { .. } | MInst::Helper { .. } | MInst::Poll
        )
    }
}

/// A block of machine code.
#[derive(Clone, Debug, Default)]
pub struct VBlock {
    /// Its instructions `[start, end)`.
    pub start: u32,
    pub end: u32,
    pub params: Vec<VReg>,
    pub succs: Vec<RBlock>,
    pub preds: Vec<RBlock>,
    /// Per successor: the arguments of the block's branch.
    pub args: Vec<Vec<VReg>>,
}

/// A function's machine code before register allocation.
#[derive(Default)]
pub struct VCode {
    pub insts: Vec<MInst>,
    /// Operands of each instruction: `operands[ranges[i].0 .. ranges[i].1]`.
    pub operands: Vec<Operand>,
    pub ranges: Vec<(u32, u32)>,
    pub clobbers: Vec<PRegSet>,
    /// The IL offset of each instruction.
    pub il: Vec<u32>,
    pub blocks: Vec<VBlock>,
    /// The type of each virtual register (which ones the collector sees).
    pub vreg_ty: Vec<Ty>,
    /// The method's frame variables (the IR's `Func::frame_vars`).
    pub frame_vars: Vec<super::ir::FrameVar>,
}

impl VCode {
    /// A new virtual register of type `ty`.
    pub fn vreg(&mut self, ty: Ty) -> VReg {
        let class = if ty.is_float() {
            RegClass::Float
        } else {
            RegClass::Int
        };
        self.vreg_ty.push(ty);
        VReg::new(self.vreg_ty.len() - 1, class)
    }

    /// Appends an instruction.
    pub fn push(&mut self, inst: MInst, operands: &[Operand], clobbers: PRegSet, il: u32) {
        let start = self.operands.len() as u32;
        self.operands.extend_from_slice(operands);
        self.ranges.push((start, self.operands.len() as u32));
        self.insts.push(inst);
        self.clobbers.push(clobbers);
        self.il.push(il);
    }

    /// The operands of instruction `i`.
    pub fn inst_ops(&self, i: usize) -> &[Operand] {
        let (a, b) = self.ranges[i];
        &self.operands[a as usize..b as usize]
    }
}

impl regalloc2::Function for VCode {
    fn num_insts(&self) -> usize {
        self.insts.len()
    }

    fn num_blocks(&self) -> usize {
        self.blocks.len()
    }

    fn entry_block(&self) -> RBlock {
        RBlock::new(0)
    }

    fn block_insns(&self, block: RBlock) -> InstRange {
        let b = &self.blocks[block.index()];
        InstRange::new(RInst::new(b.start as usize), RInst::new(b.end as usize))
    }

    fn block_succs(&self, block: RBlock) -> &[RBlock] {
        &self.blocks[block.index()].succs
    }

    fn block_preds(&self, block: RBlock) -> &[RBlock] {
        &self.blocks[block.index()].preds
    }

    fn block_params(&self, block: RBlock) -> &[VReg] {
        &self.blocks[block.index()].params
    }

    fn is_ret(&self, insn: RInst) -> bool {
        matches!(self.insts[insn.index()], MInst::Ret | MInst::Trap)
    }

    fn is_branch(&self, insn: RInst) -> bool {
        matches!(
            self.insts[insn.index()],
            MInst::Jump
                | MInst::Brif { .. }
                | MInst::BrCmp { .. }
                | MInst::BrCmpImm { .. }
                | MInst::Switch { .. }
        )
    }

    fn branch_blockparams(&self, block: RBlock, _insn: RInst, succ_idx: usize) -> &[VReg] {
        &self.blocks[block.index()].args[succ_idx]
    }

    fn inst_operands(&self, insn: RInst) -> &[Operand] {
        self.inst_ops(insn.index())
    }

    fn inst_clobbers(&self, insn: RInst) -> PRegSet {
        self.clobbers[insn.index()]
    }

    fn num_vregs(&self) -> usize {
        self.vreg_ty.len()
    }

    fn spillslot_size(&self, _regclass: RegClass) -> usize {
        1
    }
}

/// The registers the allocator may use: caller-saved ones first (free
/// to use), then the callee-saved ones (which cost a save in the
/// prologue but survive calls). R11 and XMM15 are scratch for the
/// allocator's move cycles and for sequences inside one instruction; RSP,
/// RBP and R15 (the thread) are never allocated.
pub fn machine_env() -> regalloc2::MachineEnv {
    let mut pref_int = PRegSet::empty();
    for r in [hw::RAX, hw::RCX, hw::RDX, hw::R8, hw::R9, hw::R10] {
        pref_int.add(gpr(r));
    }
    let mut non_pref_int = PRegSet::empty();
    for r in CALLEE_SAVED {
        non_pref_int.add(gpr(r));
    }
    let mut pref_float = PRegSet::empty();
    for x in 0..15 {
        pref_float.add(xmm(x));
    }
    regalloc2::MachineEnv {
        preferred_regs_by_class: [pref_int, pref_float, PRegSet::empty()],
        non_preferred_regs_by_class: [non_pref_int, PRegSet::empty(), PRegSet::empty()],
        scratch_by_class: [Some(gpr(hw::R11)), Some(xmm(15)), None],
        fixed_stack_slots: Vec::new(),
    }
}
