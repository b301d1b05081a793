//! Lowering: IR → VCode (x86-64 instructions over virtual registers).
//!
//! Besides choosing instructions this is where a few machine-level
//! decisions are made:
//!
//! * constants are rematerialized at each use (an immediate operand where
//!   the instruction has a form for it, a fresh register otherwise), so no
//!   constant occupies a register across the method;
//! * a compare used only by the branch after it becomes one
//!   compare-and-branch (`cmp; jcc`);
//! * an element or field address used only by the load or store after it
//!   becomes that instruction's addressing mode (`mov eax, [rcx + rdx*4 + 16]`);
//! * critical edges get blocks of their own, and conditional branches
//!   never carry block arguments (regalloc2's rules).

use std::collections::HashMap;

use regalloc2::{Block as RBlock, Operand, PRegSet, VReg};
use smallvec::SmallVec;

use super::ir::{Block, BlockCall, Func, HelperOp, Inst, Op, Ty, Value, ValueDef};
use super::vcode::{
    all_clobbers, gpr, hw, managed_clobbers, native_clobbers, xmm, Alu, CallKind, MInst, ShiftOp,
    VBlock, VCode,
};
use super::OptError;
use crate::host::{CallTarget, JitHost, RuntimeLayout};
use crate::ops::{BinOp, ConvOp};
use crate::types::JitType;

/// A CFG edge: the source block and the index of the successor.
type Edge = (Block, usize);

/// An address folded into a load or store: base, index and scale,
/// displacement.
type FoldedAddress = (Value, Option<(Value, u8)>, i32);

/// Lowers `f` to VCode.
pub(crate) fn lower(
    f: &Func,
    host: &mut dyn JitHost,
    rt: &RuntimeLayout,
) -> Result<VCode, OptError> {
    let mut l = Lowerer {
        f,
        host,
        rt,
        v: VCode::default(),
        vregs: HashMap::new(),
        uses: vec![0; f.values.len()],
        fused: vec![false; f.insts.len()],
        vblock_of: HashMap::new(),
        splits: HashMap::new(),
    };
    l.v.frame_vars = f.frame_vars.clone();
    l.count_uses();
    l.layout();
    l.run()?;
    Ok(l.v)
}

struct Lowerer<'a, 'h> {
    f: &'a Func,
    host: &'h mut dyn JitHost,
    rt: &'a RuntimeLayout,
    v: VCode,
    vregs: HashMap<Value, VReg>,
    /// Uses of each value (operands and block arguments).
    uses: Vec<u32>,
    /// Instructions whose code another instruction emits (a compare fused
    /// into its branch, an address folded into its access).
    fused: Vec<bool>,
    /// The VCode block of each IR block.
    vblock_of: HashMap<Block, u32>,
    /// Edge blocks: (IR source block, successor index) → VCode block.
    splits: HashMap<(Block, usize), u32>,
}

fn int_imm(f: &Func, v: Value) -> Option<i32> {
    match f.values[v.0 as usize].def {
        ValueDef::Inst(i) => match f.inst(i).op {
            Op::Iconst(c) => i32::try_from(c).ok(),
            _ => None,
        },
        _ => None,
    }
}

fn def_inst(f: &Func, v: Value) -> Option<Inst> {
    match f.values[v.0 as usize].def {
        ValueDef::Inst(i) => Some(i),
        _ => None,
    }
}

impl Lowerer<'_, '_> {
    fn count_uses(&mut self) {
        for b in self.f.live_blocks() {
            for &i in &self.f.block(b).insts {
                for u in self.f.uses(i) {
                    self.uses[u.0 as usize] += 1;
                }
            }
        }
        // Fusion decisions.
        for b in self.f.live_blocks() {
            let insts = &self.f.block(b).insts;
            for (k, &i) in insts.iter().enumerate() {
                let d = self.f.inst(i);
                match &d.op {
                    Op::Brif(..) => {
                        if let Some(c) = def_inst(self.f, d.args[0]) {
                            let cd = self.f.inst(c);
                            if matches!(cd.op, Op::Cmp(_))
                                && self.uses[d.args[0].0 as usize] == 1
                                && k > 0
                                && insts[k - 1] == c
                            {
                                self.fused[c.0 as usize] = true;
                            }
                        }
                    }
                    Op::Load(..) | Op::Store(..) => {
                        // A barriered store takes a base and a
                        // displacement only, not an element address.
                        let barrier = matches!(d.op, Op::Store(_, _, true));
                        if let Some(a) = def_inst(self.f, d.args[0]) {
                            let ad = self.f.inst(a);
                            let foldable = (matches!(ad.op, Op::AddrOffset(_))
                                || matches!(ad.op, Op::ElemAddr { .. }) && !barrier)
                                && self.uses[d.args[0].0 as usize] == 1
                                && insts[..k].contains(&a);
                            if foldable {
                                self.fused[a.0 as usize] = true;
                            }
                        }
                    }
                    _ => {}
                }
            }
        }
    }

    /// Assigns VCode blocks: each IR block, followed by the edge blocks of
    /// its conditional branch.
    fn layout(&mut self) {
        let mut edges_in: HashMap<Block, u32> = HashMap::new();
        for b in self.f.live_blocks() {
            for s in self.f.succs(b) {
                *edges_in.entry(s).or_default() += 1;
            }
        }
        let mut n = 0u32;
        let live: Vec<Block> = self.f.live_blocks().collect();
        for &b in &live {
            self.vblock_of.insert(b, n);
            n += 1;
            let succs = self.f.succs(b);
            if succs.len() > 1 {
                for (k, s) in succs.iter().enumerate() {
                    let params = !self.f.block(*s).params.is_empty();
                    if params || edges_in[s] > 1 {
                        self.splits.insert((b, k), n);
                        n += 1;
                    }
                }
            }
        }
        self.v.blocks = vec![VBlock::default(); n as usize];
    }

    fn vreg_of(&mut self, v: Value) -> VReg {
        if let Some(r) = self.vregs.get(&v) {
            return *r;
        }
        let r = self.v.vreg(self.f.ty(v));
        self.vregs.insert(v, r);
        r
    }

    /// A register holding `v` for a use here: a constant is materialized.
    fn use_reg(&mut self, v: Value, il: u32) -> VReg {
        if let Some(i) = def_inst(self.f, v) {
            match self.f.inst(i).op {
                Op::Iconst(c) => {
                    let ty = self.f.ty(v);
                    let r = self.v.vreg(ty);
                    let wide = ty.is_64();
                    self.v.push(
                        MInst::Imm { value: c, wide },
                        &[Operand::reg_def(r)],
                        PRegSet::empty(),
                        il,
                    );
                    return r;
                }
                Op::Fconst(bits) => {
                    let ty = self.f.ty(v);
                    let r = self.v.vreg(ty);
                    self.v.push(
                        MInst::FImm {
                            bits,
                            single: ty == Ty::F32,
                        },
                        &[Operand::reg_def(r)],
                        PRegSet::empty(),
                        il,
                    );
                    return r;
                }
                _ => {}
            }
        }
        self.vreg_of(v)
    }

    fn def(&mut self, i: Inst) -> VReg {
        let r = self.f.inst(i).result.expect("an instruction with a result");
        self.vreg_of(r)
    }

    fn push(&mut self, inst: MInst, ops: &[Operand], clobbers: PRegSet, il: u32) {
        self.v.push(inst, ops, clobbers, il);
    }

    fn run(&mut self) -> Result<(), OptError> {
        let live: Vec<Block> = self.f.live_blocks().collect();
        // Preds and succs of the VCode blocks.
        for &b in &live {
            let vb = self.vblock_of[&b];
            let succs = self.f.succs(b);
            for (k, s) in succs.iter().enumerate() {
                let target = self.vblock_of[s];
                match self.splits.get(&(b, k)) {
                    Some(&e) => {
                        self.v.blocks[vb as usize]
                            .succs
                            .push(RBlock::new(e as usize));
                        self.v.blocks[e as usize]
                            .preds
                            .push(RBlock::new(vb as usize));
                        self.v.blocks[e as usize]
                            .succs
                            .push(RBlock::new(target as usize));
                        self.v.blocks[target as usize]
                            .preds
                            .push(RBlock::new(e as usize));
                    }
                    None => {
                        self.v.blocks[vb as usize]
                            .succs
                            .push(RBlock::new(target as usize));
                        self.v.blocks[target as usize]
                            .preds
                            .push(RBlock::new(vb as usize));
                    }
                }
            }
        }
        // Instructions, in VCode block order.
        let mut order: Vec<(u32, Option<Edge>, Block)> = Vec::new();
        for &b in &live {
            order.push((self.vblock_of[&b], None, b));
            let succs = self.f.succs(b);
            for k in 0..succs.len() {
                if let Some(&e) = self.splits.get(&(b, k)) {
                    order.push((e, Some((b, k)), b));
                }
            }
        }
        order.sort_by_key(|o| o.0);
        for (vb, edge, b) in order {
            let start = self.v.insts.len() as u32;
            match edge {
                None => {
                    let params: Vec<VReg> = self
                        .f
                        .block(b)
                        .params
                        .iter()
                        .map(|p| self.vreg_of(*p))
                        .collect();
                    self.v.blocks[vb as usize].params = params;
                    self.lower_block(b, vb)?;
                }
                Some((src, k)) => {
                    // An edge block: the jump with the edge's arguments.
                    let t = self.f.terminator(src).expect("a terminator");
                    let call = self.f.inst(t).op.targets()[k].clone();
                    let il = self.f.inst(t).il;
                    let args = self.block_args(&call, il);
                    self.v.blocks[vb as usize].args = vec![args];
                    self.push(MInst::Jump, &[], PRegSet::empty(), il);
                }
            }
            let end = self.v.insts.len() as u32;
            self.v.blocks[vb as usize].start = start;
            self.v.blocks[vb as usize].end = end;
        }
        Ok(())
    }

    fn block_args(&mut self, call: &BlockCall, il: u32) -> Vec<VReg> {
        call.args.iter().map(|a| self.use_reg(*a, il)).collect()
    }

    fn lower_block(&mut self, b: Block, vb: u32) -> Result<(), OptError> {
        let insts = self.f.block(b).insts.clone();
        if b == Func::ENTRY {
            self.lower_params(&insts);
        }
        for i in insts {
            if self.fused[i.0 as usize] {
                continue;
            }
            self.lower_inst(b, vb, i)?;
        }
        Ok(())
    }

    /// The entry's `Param` instructions: one `Args`
    /// defining the register arguments, loads of the stack arguments.
    fn lower_params(&mut self, insts: &[Inst]) {
        let mut ops: SmallVec<[Operand; 3]> = SmallVec::new();
        let mut fixups = Vec::new();
        for &i in insts {
            let d = self.f.inst(i);
            let (reg, result) = match d.op {
                Op::Param(n) if n < 2 => ([hw::RCX, hw::RDX][n as usize], d.result),
                _ => continue,
            };
            let Some(result) = result else { continue };
            let ty = self.f.ty(result);
            let target = self.vreg_of(result);
            let tmp = if ty.is_float() || ty == Ty::I32 {
                let t = self.v.vreg(if ty.is_float() { Ty::I64 } else { Ty::I32 });
                fixups.push((t, target, ty));
                t
            } else {
                target
            };
            ops.push(Operand::reg_fixed_def(tmp, gpr(reg)));
        }
        self.push(MInst::Args, &ops, PRegSet::empty(), 0);
        for (tmp, target, ty) in fixups {
            if ty.is_float() {
                self.push(
                    MInst::MovI2F {
                        single: ty == Ty::F32,
                    },
                    &[Operand::reg_use(tmp), Operand::reg_def(target)],
                    PRegSet::empty(),
                    0,
                );
            } else {
                // An int32 argument: clear the upper half (the register
                // invariant of 32-bit values, see `emit`).
                self.push(
                    MInst::Conv {
                        op: ConvOp {
                            to: JitType::U4,
                            overflow: false,
                            unsigned_source: false,
                        },
                        from: Ty::I32,
                    },
                    &[Operand::reg_use(tmp), Operand::reg_def(target)],
                    PRegSet::empty(),
                    0,
                );
            }
        }
        for &i in insts {
            let d = self.f.inst(i);
            if let (Op::Param(n), Some(result)) = (&d.op, d.result) {
                if *n >= 2 {
                    let ty = self.f.ty(result);
                    let target = self.vreg_of(result);
                    if ty.is_float() {
                        let t = self.v.vreg(Ty::I64);
                        self.push(
                            MInst::StackArg { k: *n as u32 - 2 },
                            &[Operand::reg_def(t)],
                            PRegSet::empty(),
                            0,
                        );
                        self.push(
                            MInst::MovI2F {
                                single: ty == Ty::F32,
                            },
                            &[Operand::reg_use(t), Operand::reg_def(target)],
                            PRegSet::empty(),
                            0,
                        );
                    } else {
                        self.push(
                            MInst::StackArg { k: *n as u32 - 2 },
                            &[Operand::reg_def(target)],
                            PRegSet::empty(),
                            0,
                        );
                        if ty == Ty::I32 {
                            // Keep the register invariant (see above).
                            let t = target;
                            let n2 = self.v.vreg(Ty::I32);
                            self.vregs.insert(result, n2);
                            self.push(
                                MInst::Conv {
                                    op: ConvOp {
                                        to: JitType::U4,
                                        overflow: false,
                                        unsigned_source: false,
                                    },
                                    from: Ty::I32,
                                },
                                &[Operand::reg_use(t), Operand::reg_def(n2)],
                                PRegSet::empty(),
                                0,
                            );
                        }
                    }
                }
            }
        }
    }

    fn lower_inst(&mut self, b: Block, vb: u32, i: Inst) -> Result<(), OptError> {
        let d = self.f.inst(i).clone();
        let il = d.il;
        let a = |k: usize| d.args[k];
        match &d.op {
            Op::Iconst(_) | Op::Fconst(_) | Op::Param(_) => {}
            Op::Bin(op) => self.bin(*op, &d, i)?,
            Op::Neg | Op::Not | Op::FloatIntrinsic(_) => {
                let ty = self.f.ty(a(0));
                let x = self.use_reg(a(0), il);
                let r = self.def(i);
                let inst = match (&d.op, ty) {
                    (Op::FloatIntrinsic(kind), _) => MInst::FloatIntrinsic { kind: *kind },
                    (Op::Neg, Ty::F32 | Ty::F64) => MInst::FNeg {
                        single: ty == Ty::F32,
                    },
                    (Op::Neg, _) => MInst::Neg { wide: ty.is_64() },
                    _ => MInst::Not { wide: ty.is_64() },
                };
                self.push(
                    inst,
                    &[Operand::reg_use(x), Operand::reg_reuse_def(r, 0)],
                    PRegSet::empty(),
                    il,
                );
            }
            Op::Cmp(cond) => {
                let ty = self.f.ty(a(0));
                let float = ty.is_float();
                let x = self.use_reg(a(0), il);
                let imm = if float { None } else { int_imm(self.f, a(1)) };
                let r = self.def(i);
                match imm {
                    Some(imm) => self.push(
                        MInst::CmpImm {
                            cond: *cond,
                            imm,
                            wide: ty.is_64(),
                        },
                        &[Operand::reg_use(x), Operand::reg_def(r)],
                        PRegSet::empty(),
                        il,
                    ),
                    None => {
                        let y = self.use_reg(a(1), il);
                        let wide = if float { ty == Ty::F64 } else { ty.is_64() };
                        self.push(
                            MInst::Cmp {
                                cond: *cond,
                                wide,
                                float,
                            },
                            &[
                                Operand::reg_use(x),
                                Operand::reg_use(y),
                                Operand::reg_def(r),
                            ],
                            PRegSet::empty(),
                            il,
                        );
                    }
                }
            }
            Op::Conv(c) => {
                let from = self.f.ty(a(0));
                let x = self.use_reg(a(0), il);
                let r = self.def(i);
                self.push(
                    MInst::Conv { op: *c, from },
                    &[Operand::reg_use(x), Operand::reg_def(r)],
                    PRegSet::empty(),
                    il,
                );
            }
            Op::Copy => {
                let x = self.use_reg(a(0), il);
                let r = self.def(i);
                self.push(
                    MInst::Mov {
                        float: self.f.ty(a(0)).is_float(),
                    },
                    &[Operand::reg_use(x), Operand::reg_def(r)],
                    PRegSet::empty(),
                    il,
                );
            }
            Op::Load(ty, off) => {
                let r = self.def(i);
                match self.folded_address(a(0)) {
                    Some((base, Some((index, scale)), disp)) => {
                        let base = self.use_reg(base, il);
                        let index = self.use_reg(index, il);
                        self.push(
                            MInst::LoadIdx {
                                ty: *ty,
                                scale,
                                disp: disp + off,
                            },
                            &[
                                Operand::reg_use(base),
                                Operand::reg_use(index),
                                Operand::reg_def(r),
                            ],
                            PRegSet::empty(),
                            il,
                        );
                    }
                    Some((base, None, disp)) => {
                        let base = self.use_reg(base, il);
                        self.push(
                            MInst::Load {
                                ty: *ty,
                                disp: disp + off,
                            },
                            &[Operand::reg_use(base), Operand::reg_def(r)],
                            PRegSet::empty(),
                            il,
                        );
                    }
                    None => {
                        let base = self.use_reg(a(0), il);
                        self.push(
                            MInst::Load {
                                ty: *ty,
                                disp: *off,
                            },
                            &[Operand::reg_use(base), Operand::reg_def(r)],
                            PRegSet::empty(),
                            il,
                        );
                    }
                }
            }
            Op::Store(ty, off, barrier) => {
                let (base, index, disp) = match self.folded_address(a(0)) {
                    Some((base, index, disp)) => (base, index, disp + off),
                    None => (a(0), None, *off),
                };
                let basev = self.use_reg(base, il);
                let value = self.use_reg(a(1), il);
                match index {
                    Some((index, scale)) if !barrier => {
                        let index = self.use_reg(index, il);
                        self.push(
                            MInst::StoreIdx {
                                ty: *ty,
                                scale,
                                disp,
                            },
                            &[
                                Operand::reg_use(basev),
                                Operand::reg_use(index),
                                Operand::reg_use(value),
                            ],
                            PRegSet::empty(),
                            il,
                        );
                    }
                    Some(_) => {
                        return Err(OptError::Internal(
                            "a barriered store through an element address".into(),
                        ))
                    }
                    None => {
                        let mut ops: SmallVec<[Operand; 3]> =
                            smallvec::smallvec![Operand::reg_use(basev), Operand::reg_use(value)];
                        if *barrier {
                            let t = self.v.vreg(Ty::I64);
                            ops.push(Operand::reg_temp(t));
                        }
                        self.push(
                            MInst::Store {
                                ty: *ty,
                                disp,
                                barrier: *barrier,
                            },
                            &ops,
                            PRegSet::empty(),
                            il,
                        );
                    }
                }
            }
            Op::NullCheck(kind) => {
                let x = self.use_reg(a(0), il);
                self.push(
                    MInst::NullCheck { kind: *kind },
                    &[Operand::reg_use(x)],
                    PRegSet::empty(),
                    il,
                );
            }
            Op::BoundsCheck => {
                let arr = self.use_reg(a(0), il);
                let wide_index = self.f.ty(a(1)).is_64();
                let idx = self.use_reg(a(1), il);
                self.push(
                    MInst::BoundsCheck {
                        len_offset: self.rt.array_length_offset,
                        wide_index,
                    },
                    &[Operand::reg_use(arr), Operand::reg_use(idx)],
                    PRegSet::empty(),
                    il,
                );
            }
            Op::ElemAddr { scale, offset } => {
                let base = self.use_reg(a(0), il);
                let index = self.use_reg(a(1), il);
                let r = self.def(i);
                self.push(
                    MInst::LeaIdx {
                        scale: *scale,
                        disp: *offset,
                    },
                    &[
                        Operand::reg_use(base),
                        Operand::reg_use(index),
                        Operand::reg_def(r),
                    ],
                    PRegSet::empty(),
                    il,
                );
            }
            Op::FrameAddr(k) => {
                let r = self.def(i);
                self.push(
                    MInst::FrameLea { var: *k },
                    &[Operand::reg_def(r)],
                    PRegSet::empty(),
                    il,
                );
            }
            Op::AddrOffset(off) => {
                let base = self.use_reg(a(0), il);
                let r = self.def(i);
                self.push(
                    MInst::Lea { disp: *off },
                    &[Operand::reg_use(base), Operand::reg_def(r)],
                    PRegSet::empty(),
                    il,
                );
            }
            Op::ArrayLen => {
                let base = self.use_reg(a(0), il);
                let r = self.def(i);
                self.push(
                    MInst::Load {
                        ty: JitType::U4,
                        disp: self.rt.array_length_offset,
                    },
                    &[Operand::reg_use(base), Operand::reg_def(r)],
                    PRegSet::empty(),
                    il,
                );
            }
            Op::Call(c) => self.call(c, &d, i)?,
            Op::Helper(h) => self.helper(*h, &d, i)?,
            Op::Safepoint => self.push(MInst::Poll, &[], PRegSet::empty(), il),
            Op::Jump(call) => {
                let args = self.block_args(call, il);
                self.v.blocks[vb as usize].args = vec![args];
                self.push(MInst::Jump, &[], PRegSet::empty(), il);
            }
            Op::Brif(..) | Op::BrCmp(..) | Op::Switch(..) => {
                let n = d.op.targets().len();
                // Conditional branches carry no arguments: edge blocks do.
                let mut args = Vec::with_capacity(n);
                for k in 0..n {
                    if self.splits.contains_key(&(b, k)) {
                        args.push(Vec::new());
                    } else {
                        let call = d.op.targets()[k].clone();
                        debug_assert!(call.args.is_empty());
                        args.push(Vec::new());
                    }
                }
                self.v.blocks[vb as usize].args = args;
                self.cond_branch(&d)?;
            }
            Op::Return => {
                if d.args.is_empty() {
                    self.push(MInst::Ret, &[], PRegSet::empty(), il);
                } else {
                    let ty = self.f.ty(a(0));
                    let x = self.use_reg(a(0), il);
                    let reg = if ty.is_float() { xmm(0) } else { gpr(hw::RAX) };
                    self.push(
                        MInst::Ret,
                        &[Operand::reg_fixed_use(x, reg)],
                        PRegSet::empty(),
                        il,
                    );
                }
            }
            Op::Unreachable => self.push(MInst::Trap, &[], PRegSet::empty(), il),
        }
        Ok(())
    }

    /// When `addr` is an address computation folded into its single user:
    /// (base, index and scale, displacement).
    fn folded_address(&self, addr: Value) -> Option<FoldedAddress> {
        let i = def_inst(self.f, addr)?;
        if !self.fused[i.0 as usize] {
            return None;
        }
        let d = self.f.inst(i);
        match d.op {
            Op::ElemAddr { scale, offset } => Some((d.args[0], Some((d.args[1], scale)), offset)),
            Op::AddrOffset(off) => Some((d.args[0], None, off)),
            _ => None,
        }
    }

    fn bin(&mut self, op: BinOp, d: &super::ir::InstData, i: Inst) -> Result<(), OptError> {
        let il = d.il;
        let ty = self.f.ty(d.result.expect("binary ops have a result"));
        if ty.is_float() {
            let x = self.use_reg(d.args[0], il);
            let y = self.use_reg(d.args[1], il);
            let r = self.def(i);
            self.push(
                MInst::FBin {
                    op,
                    single: ty == Ty::F32,
                },
                &[
                    Operand::reg_use(x),
                    Operand::reg_use(y),
                    Operand::reg_reuse_def(r, 0),
                ],
                PRegSet::empty(),
                il,
            );
            return Ok(());
        }
        let wide = ty.is_64();
        let alu = match op {
            BinOp::Add => Some(Alu::Add),
            BinOp::Sub => Some(Alu::Sub),
            BinOp::And => Some(Alu::And),
            BinOp::Or => Some(Alu::Or),
            BinOp::Xor => Some(Alu::Xor),
            BinOp::Mul => Some(Alu::Imul),
            _ => None,
        };
        if let Some(alu) = alu {
            let x = self.use_reg(d.args[0], il);
            let r = self.def(i);
            if let Some(imm) = int_imm(self.f, d.args[1]) {
                self.push(
                    MInst::AluImm { op: alu, imm, wide },
                    &[Operand::reg_use(x), Operand::reg_reuse_def(r, 0)],
                    PRegSet::empty(),
                    il,
                );
            } else {
                let y = self.use_reg(d.args[1], il);
                self.push(
                    MInst::Alu { op: alu, wide },
                    &[
                        Operand::reg_use(x),
                        Operand::reg_use(y),
                        Operand::reg_reuse_def(r, 0),
                    ],
                    PRegSet::empty(),
                    il,
                );
            }
            return Ok(());
        }
        match op {
            BinOp::Shl | BinOp::Shr | BinOp::ShrUn => {
                let sop = match op {
                    BinOp::Shl => ShiftOp::Shl,
                    BinOp::Shr => ShiftOp::Sar,
                    _ => ShiftOp::Shr,
                };
                let x = self.use_reg(d.args[0], il);
                let r = self.def(i);
                if let Some(n) = int_imm(self.f, d.args[1]) {
                    let n = (n & if wide { 63 } else { 31 }) as u8;
                    self.push(
                        MInst::ShiftImm { op: sop, n, wide },
                        &[Operand::reg_use(x), Operand::reg_reuse_def(r, 0)],
                        PRegSet::empty(),
                        il,
                    );
                } else {
                    let y = self.use_reg(d.args[1], il);
                    self.push(
                        MInst::Shift { op: sop, wide },
                        &[
                            Operand::reg_use(x),
                            Operand::reg_fixed_use(y, gpr(hw::RCX)),
                            Operand::reg_reuse_def(r, 0),
                        ],
                        PRegSet::empty(),
                        il,
                    );
                }
            }
            BinOp::Div | BinOp::DivUn | BinOp::Rem | BinOp::RemUn => {
                let signed = matches!(op, BinOp::Div | BinOp::Rem);
                let rem = matches!(op, BinOp::Rem | BinOp::RemUn);
                let x = self.use_reg(d.args[0], il);
                let y = self.use_reg(d.args[1], il);
                let r = self.def(i);
                let inst = MInst::Div { signed, wide };
                if rem {
                    let mut clob = PRegSet::empty();
                    clob.add(gpr(hw::RAX));
                    self.push(
                        inst,
                        &[
                            Operand::reg_fixed_use(x, gpr(hw::RAX)),
                            Operand::reg_use(y),
                            Operand::reg_fixed_def_at_start(r, gpr(hw::RDX)),
                        ],
                        clob,
                        il,
                    );
                } else {
                    let t = self.v.vreg(Ty::I64);
                    self.push(
                        inst,
                        &[
                            Operand::reg_fixed_use(x, gpr(hw::RAX)),
                            Operand::reg_use(y),
                            Operand::reg_fixed_def(r, gpr(hw::RAX)),
                            Operand::reg_fixed_def_at_start(t, gpr(hw::RDX)),
                        ],
                        PRegSet::empty(),
                        il,
                    );
                }
            }
            BinOp::AddOvf | BinOp::AddOvfUn | BinOp::SubOvf | BinOp::SubOvfUn | BinOp::MulOvf => {
                let (alu, unsigned) = match op {
                    BinOp::AddOvf => (Alu::Add, false),
                    BinOp::AddOvfUn => (Alu::Add, true),
                    BinOp::SubOvf => (Alu::Sub, false),
                    BinOp::SubOvfUn => (Alu::Sub, true),
                    _ => (Alu::Imul, false),
                };
                let x = self.use_reg(d.args[0], il);
                let y = self.use_reg(d.args[1], il);
                let r = self.def(i);
                self.push(
                    MInst::AluOvf {
                        op: alu,
                        wide,
                        unsigned,
                    },
                    &[
                        Operand::reg_use(x),
                        Operand::reg_use(y),
                        Operand::reg_reuse_def(r, 0),
                    ],
                    PRegSet::empty(),
                    il,
                );
            }
            BinOp::MulOvfUn => {
                let x = self.use_reg(d.args[0], il);
                let y = self.use_reg(d.args[1], il);
                let r = self.def(i);
                let mut clob = PRegSet::empty();
                clob.add(gpr(hw::RDX));
                self.push(
                    MInst::MulOvfUn { wide },
                    &[
                        Operand::reg_fixed_use(x, gpr(hw::RAX)),
                        Operand::reg_use(y),
                        Operand::reg_fixed_def(r, gpr(hw::RAX)),
                    ],
                    clob,
                    il,
                );
            }
            _ => unreachable!("handled above"),
        }
        Ok(())
    }

    fn cond_branch(&mut self, d: &super::ir::InstData) -> Result<(), OptError> {
        let il = d.il;
        match &d.op {
            Op::Brif(..) => {
                if let Some(c) = def_inst(self.f, d.args[0]).filter(|c| self.fused[c.0 as usize]) {
                    let cd = self.f.inst(c).clone();
                    let Op::Cmp(cond) = cd.op else {
                        unreachable!("only compares are fused into branches")
                    };
                    self.br_cmp(cond, cd.args[0], cd.args[1], il);
                } else {
                    let wide = self.f.ty(d.args[0]).is_64();
                    let x = self.use_reg(d.args[0], il);
                    self.push(
                        MInst::Brif { wide },
                        &[Operand::reg_use(x)],
                        PRegSet::empty(),
                        il,
                    );
                }
            }
            Op::BrCmp(cond, ..) => self.br_cmp(*cond, d.args[0], d.args[1], il),
            Op::Switch(ts, _) => {
                let x = self.use_reg(d.args[0], il);
                self.push(
                    MInst::Switch { n: ts.len() as u32 },
                    &[Operand::reg_use(x)],
                    PRegSet::empty(),
                    il,
                );
            }
            _ => unreachable!("conditional branches only"),
        }
        Ok(())
    }

    fn br_cmp(&mut self, cond: crate::ops::Cond, a: Value, b: Value, il: u32) {
        let ty = self.f.ty(a);
        let float = ty.is_float();
        let x = self.use_reg(a, il);
        match (float, int_imm(self.f, b)) {
            (false, Some(imm)) => self.push(
                MInst::BrCmpImm {
                    cond,
                    imm,
                    wide: ty.is_64(),
                },
                &[Operand::reg_use(x)],
                PRegSet::empty(),
                il,
            ),
            _ => {
                let y = self.use_reg(b, il);
                let wide = if float { ty == Ty::F64 } else { ty.is_64() };
                self.push(
                    MInst::BrCmp { cond, wide, float },
                    &[Operand::reg_use(x), Operand::reg_use(y)],
                    PRegSet::empty(),
                    il,
                );
            }
        }
    }

    fn call(
        &mut self,
        c: &super::ir::CallOp,
        d: &super::ir::InstData,
        i: Inst,
    ) -> Result<(), OptError> {
        let il = d.il;
        let ret_ty = d.result.map(|r| self.f.ty(r));
        let (kind, native) = match &c.target {
            CallTarget::FCall {
                address,
                pass_thread,
                may_throw,
                helper_frame,
            } => (
                CallKind::FCall {
                    address: *address,
                    pass_thread: *pass_thread,
                    may_throw: *may_throw,
                    helper_frame: *helper_frame,
                },
                true,
            ),
            t => (CallKind::Managed(t.clone()), false),
        };
        let mut ops: SmallVec<[Operand; 8]> = SmallVec::new();
        let mut reg_args = 0u8;
        let mut stack_args = 0u8;
        let mut clobbers = if native {
            all_clobbers()
        } else {
            managed_clobbers()
        };
        if native {
            let pass_thread = matches!(
                kind,
                CallKind::FCall {
                    pass_thread: true,
                    ..
                }
            );
            let int_regs: &[u8] = if pass_thread {
                &[hw::RSI, hw::RDX, hw::RCX, hw::R8, hw::R9]
            } else {
                &[hw::RDI, hw::RSI, hw::RDX, hw::RCX, hw::R8, hw::R9]
            };
            let (mut ni, mut nf) = (0usize, 0u8);
            for &arg in &d.args {
                let ty = self.f.ty(arg);
                let x = self.use_reg(arg, il);
                if ty.is_float() {
                    if nf >= 8 {
                        return Err(OptError::Declined(super::DeclineReason::FCallStackArgs));
                    }
                    ops.push(Operand::reg_fixed_use(x, xmm(nf)));
                    nf += 1;
                } else {
                    let r = *int_regs
                        .get(ni)
                        .ok_or(OptError::Declined(super::DeclineReason::FCallStackArgs))?;
                    ops.push(Operand::reg_fixed_use(x, gpr(r)));
                    ni += 1;
                }
                reg_args += 1;
            }
        } else {
            for (k, &arg) in d.args.iter().enumerate() {
                let ty = self.f.ty(arg);
                let mut x = self.use_reg(arg, il);
                if ty.is_float() {
                    // Floats travel as their bits in integer registers.
                    let t = self.v.vreg(Ty::I64);
                    self.push(
                        MInst::MovF2I {
                            single: ty == Ty::F32,
                        },
                        &[Operand::reg_use(x), Operand::reg_def(t)],
                        PRegSet::empty(),
                        il,
                    );
                    x = t;
                }
                if k < 2 {
                    ops.push(Operand::reg_fixed_use(x, gpr([hw::RCX, hw::RDX][k])));
                    reg_args += 1;
                } else {
                    ops.push(Operand::any_use(x));
                    stack_args += 1;
                }
            }
        }
        if let Some(ty) = ret_ty {
            let r = self.def(i);
            let reg = if ty.is_float() { xmm(0) } else { gpr(hw::RAX) };
            clobbers.remove(reg);
            ops.push(Operand::reg_fixed_def(r, reg));
        }
        self.push(
            MInst::Call {
                kind,
                reg_args,
                stack_args,
            },
            &ops,
            clobbers,
            il,
        );
        if native {
            if let (Some(Ty::I32), Some(r)) = (ret_ty, d.result) {
                // System V leaves the upper half of an int32 result undefined.
                let raw = self.vregs[&r];
                let n = self.v.vreg(Ty::I32);
                self.vregs.insert(r, n);
                self.push(
                    MInst::Conv {
                        op: ConvOp {
                            to: JitType::U4,
                            overflow: false,
                            unsigned_source: false,
                        },
                        from: Ty::I32,
                    },
                    &[Operand::reg_use(raw), Operand::reg_def(n)],
                    PRegSet::empty(),
                    il,
                );
            }
        }
        Ok(())
    }

    fn helper(&mut self, h: HelperOp, d: &super::ir::InstData, i: Inst) -> Result<(), OptError> {
        let il = d.il;
        let mut ops: SmallVec<[Operand; 4]> = SmallVec::new();
        let mut clobbers = native_clobbers();
        let fixed = |s: &mut Self, v: Value, r: u8, ops: &mut SmallVec<[Operand; 4]>| {
            let x = s.use_reg(v, il);
            ops.push(Operand::reg_fixed_use(x, gpr(r)));
        };
        let mut shape = None;
        match h {
            HelperOp::NewObject(mt) => {
                if self.rt.inline_allocation {
                    shape = self.host.alloc_shape(mt).filter(|s| s.component_size == 0);
                }
            }
            HelperOp::NewArray(mt) => {
                if self.rt.inline_allocation {
                    shape = self.host.alloc_shape(mt).filter(|s| s.component_size != 0);
                }
                fixed(self, d.args[0], hw::RDX, &mut ops);
            }
            HelperOp::CastClass(_) | HelperOp::IsInst(_) | HelperOp::Unbox(_) => {
                fixed(self, d.args[0], hw::RDI, &mut ops);
            }
            HelperOp::StElemRef => {
                fixed(self, d.args[0], hw::RDI, &mut ops);
                fixed(self, d.args[1], hw::RSI, &mut ops);
                fixed(self, d.args[2], hw::RDX, &mut ops);
            }
            HelperOp::Throw => fixed(self, d.args[0], hw::RSI, &mut ops),
            HelperOp::ClassInit { .. } | HelperOp::RaiseDeferred(_) => {}
        }
        if h.never_returns() {
            clobbers = PRegSet::empty();
        }
        if d.result.is_some() {
            let r = self.def(i);
            clobbers.remove(gpr(hw::RAX));
            ops.push(Operand::reg_fixed_def(r, gpr(hw::RAX)));
        }
        self.push(MInst::Helper { op: h, shape }, &ops, clobbers, il);
        Ok(())
    }
}
