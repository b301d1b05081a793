//! Emission: VCode plus regalloc2's allocations and moves → x86-64.
//!
//! The frame of an optimized method:
//!
//! ```text
//!   [rbp + 16 + 8k]  stack argument k+2
//!   [rbp + 8]        return address
//!   [rbp + 0]        caller's rbp                  <- rbp
//!   [rbp - 8 ...]    callee-saved registers the method uses (RBX, RSI,
//!                    RDI, R12-R14), recorded for the stack walker
//!                    (`GcInfo::saved_regs`)
//!                    spill slots (regalloc2's)
//!   [rsp]            16-byte aligned
//! ```
//!
//! Nothing is zeroed: the GC info says exactly which registers and slots
//! hold live references at each safepoint ([`super::gcmap`]).
//!
//! A 32-bit value in a general register always has its upper half clear
//! (every 32-bit x86 operation zero-extends; arguments and native results
//! are normalized where they arrive), so a 32-bit index can address
//! memory as a 64-bit register: a negative one is a huge unsigned index,
//! which the bounds check rejects.

use std::collections::HashMap;

use dynasmrt::{dynasm, DynamicLabel, DynasmApi, DynasmLabelApi};
use regalloc2::{Allocation, Block as RBlock, Edit, InstOrEdit, Output, RegClass};

use super::ir::HelperOp;
use super::vcode::{hw, Alu, CallKind, MInst, ShiftOp, VCode, CALLEE_SAVED};
use super::OptError;
use crate::eh::{CodeMap, OutOfLine};
use crate::flags::{float_cond, int_cond, FlagCond};
use crate::gcinfo::{GcSlot, GcSlotKind};
use crate::host::{CallTarget, Helper, JitHost, RuntimeLayout, ThrowKind};
use crate::ops::{BinOp, Cond};
use crate::types::JitType;

use crate::x64::{self, Asm};

/// What emission produced besides the code.
pub(crate) struct Emitted {
    pub code: Vec<u8>,
    pub code_map: CodeMap,
    /// (native return offset, VCode instruction) of every safepoint; `None`
    /// for out-of-line calls that never return (nothing is live there).
    pub safepoints: Vec<(u32, Option<usize>)>,
    pub frame_size: u32,
    /// Callee-saved registers and where the prologue saved them.
    pub saved_regs: Vec<(u8, i32)>,
    /// rbp offset of each spill slot.
    pub spill_base: i32,
    /// The frame variables the collector sees (untracked slots).
    pub frame_slots: Vec<GcSlot>,
    pub stack_arg_bytes: u32,
    /// The retargetable direct calls (see [`crate::CallSite`]).
    pub call_sites: Vec<crate::CallSite>,
}

struct E<'a, 'h> {
    ops: Asm,
    base: usize,
    v: &'a VCode,
    out: &'a Output,
    host: &'h mut dyn JitHost,
    rt: &'a RuntimeLayout,
    labels: Vec<DynamicLabel>,
    throws: HashMap<(ThrowKind, u32), DynamicLabel>,
    pending: HashMap<u32, DynamicLabel>,
    polls: Vec<(DynamicLabel, DynamicLabel, u32, usize)>,
    switch_tables: Vec<(DynamicLabel, Vec<DynamicLabel>)>,
    safepoints: Vec<(u32, Option<usize>)>,
    il_map: Vec<(u32, u32)>,
    out_of_line: Vec<OutOfLine>,
    saved: Vec<(u8, i32)>,
    spill_base: i32,
    /// Frame variable `k` is at `frame_vars_base - 8 * (k + 1)`.
    frame_vars_base: i32,
    frame_size: i32,
    stack_arg_bytes: u32,
    call_sites: Vec<crate::CallSite>,
    /// The VCode block being emitted.
    block: usize,
}

/// Emits the method.
#[allow(clippy::too_many_arguments)]
pub(crate) fn emit(
    v: &VCode,
    out: &Output,
    host: &mut dyn JitHost,
    rt: &RuntimeLayout,
    base: usize,
    nargs: usize,
    statement_of: &dyn Fn(u32) -> u32,
) -> Result<Emitted, OptError> {
    // Callee-saved registers the method touches.
    let mut used = [false; 16];
    for a in &out.allocs {
        if let Some(r) = a.as_reg() {
            if r.class() == RegClass::Int {
                used[r.hw_enc()] = true;
            }
        }
    }
    for (_, Edit::Move { from, to }) in &out.edits {
        for a in [from, to] {
            if let Some(r) = a.as_reg() {
                if r.class() == RegClass::Int {
                    used[r.hw_enc()] = true;
                }
            }
        }
    }
    for c in &v.clobbers {
        for r in CALLEE_SAVED {
            if c.contains(super::vcode::gpr(r)) {
                used[r as usize] = true;
            }
        }
    }
    let mut saved = Vec::new();
    for r in CALLEE_SAVED {
        if used[r as usize] {
            saved.push((r, -8 * (saved.len() as i32 + 1)));
        }
    }
    let spill_base = -8 * saved.len() as i32;
    let frame_vars_base = spill_base - 8 * out.num_spillslots as i32;
    let frame_size =
        ((8 * (saved.len() + out.num_spillslots + v.frame_vars.len())) as i32 + 15) & !15;
    // The frame variables that hold references or managed pointers, live
    // (and so reported) everywhere, as the baseline tier's slots are.
    let frame_slots = v
        .frame_vars
        .iter()
        .enumerate()
        .filter_map(|(k, fv)| {
            let kind = match fv.ty {
                JitType::Ref => GcSlotKind::Ref,
                JitType::ByRef => GcSlotKind::Interior,
                _ => return None,
            };
            Some(GcSlot {
                offset: frame_vars_base - 8 * (k as i32 + 1),
                kind,
                pinned: fv.pinned,
            })
        })
        .collect();
    let mut ops = Asm::new(base);
    let labels = (0..v.blocks.len())
        .map(|_| ops.new_dynamic_label())
        .collect();
    let mut e = E {
        ops,
        base,
        v,
        out,
        host,
        rt,
        labels,
        throws: HashMap::new(),
        pending: HashMap::new(),
        polls: Vec::new(),
        switch_tables: Vec::new(),
        safepoints: Vec::new(),
        il_map: Vec::new(),
        out_of_line: Vec::new(),
        saved,
        spill_base,
        frame_vars_base,
        frame_size,
        stack_arg_bytes: 8 * nargs.saturating_sub(2) as u32,
        call_sites: Vec::new(),
        block: 0,
    };
    e.prologue();
    for b in 0..v.blocks.len() {
        e.block = b;
        let l = e.labels[b];
        dynasm!(e.ops ; .arch x64 ; =>l);
        for item in out.block_insts_and_edits(v, RBlock::new(b)) {
            match item {
                InstOrEdit::Edit(Edit::Move { from, to }) => e.mov(*from, *to),
                InstOrEdit::Inst(i) => {
                    let il = v.il[i.index()];
                    let here = e.ops.offset().0 as u32;
                    if e.il_map.last().map_or(true, |&(l, _)| il > l) {
                        e.il_map.push((il, here));
                    }
                    e.inst(i.index())?;
                }
            }
        }
    }
    let body_end = e.ops.offset().0 as u32;
    e.out_of_line_code();
    let mut out_of_line = std::mem::take(&mut e.out_of_line);
    out_of_line.sort_by_key(|o| o.start);
    let il_map = std::mem::take(&mut e.il_map);
    let statements = il_map.iter().map(|&(il, _)| statement_of(il)).collect();
    let code = e
        .ops
        .finalize()
        .map_err(|err| OptError::Internal(format!("assembler: {err:?}")))?;
    Ok(Emitted {
        code,
        code_map: CodeMap {
            il_to_native: il_map,
            statements,
            body_end,
            out_of_line,
        },
        safepoints: e.safepoints,
        frame_size: e.frame_size as u32,
        saved_regs: e.saved,
        spill_base: e.spill_base,
        frame_slots,
        stack_arg_bytes: e.stack_arg_bytes,
        call_sites: e.call_sites,
    })
}

fn reg(a: Allocation) -> u8 {
    a.as_reg().expect("a register operand").hw_enc() as u8
}

impl E<'_, '_> {
    fn allocs(&self, i: usize) -> &[Allocation] {
        self.out.inst_allocs(regalloc2::Inst::new(i))
    }

    fn r(&self, i: usize, k: usize) -> u8 {
        reg(self.allocs(i)[k])
    }

    fn slot_offset(&self, a: Allocation) -> i32 {
        let s = a.as_stack().expect("a stack slot").index() as i32;
        self.spill_base - 8 * (s + 1)
    }

    /// The RBP offset of frame variable `var` (below the spill slots).
    fn frame_var_offset(&self, var: u32) -> i32 {
        self.frame_vars_base - 8 * (var as i32 + 1)
    }

    fn here(&self) -> u32 {
        self.ops.offset().0 as u32
    }

    /// Records a safepoint at the current offset (just after a call).
    fn safepoint(&mut self, inst: Option<usize>) {
        let h = self.here();
        self.safepoints.push((h, inst));
    }

    fn throw_label(&mut self, kind: ThrowKind, il: u32) -> DynamicLabel {
        if let Some(l) = self.throws.get(&(kind, il)) {
            return *l;
        }
        let l = self.ops.new_dynamic_label();
        self.throws.insert((kind, il), l);
        l
    }

    fn call_abs(&mut self, target: usize) {
        x64::call_abs(&mut self.ops, self.base, target);
    }

    /// A direct call of a managed callee: `call rel32`, recorded in
    /// `call_sites` so that the runtime can retarget it with one atomic
    /// store while other threads may be running it: `nop`s before the call
    /// keep its displacement inside one cache line (an x86 store that does
    /// not cross a cache line is atomic).
    fn call_managed(&mut self, target: usize) {
        let disp = (self.base + self.ops.offset().0 + 1) % 64;
        let pad = if disp > 60 { 64 - disp } else { 0 };
        let nop: &[u8] = match pad {
            1 => &[0x90],
            2 => &[0x66, 0x90],
            3 => &[0x0F, 0x1F, 0x00],
            _ => &[],
        };
        for &b in nop {
            self.ops.push(b);
        }
        let here = self.base + self.ops.offset().0;
        if i32::try_from(target as i64 - (here as i64 + 5)).is_ok() {
            self.call_sites.push(crate::CallSite {
                offset: self.ops.offset().0 as u32 + 1,
                target,
            });
        }
        self.call_abs(target);
    }

    fn call_helper(&mut self, h: Helper) {
        let addr = self.host.helper(h);
        self.call_abs(addr);
    }

    fn prologue(&mut self) {
        let (base, overflow) = (self.base, self.host.helper(Helper::StackOverflow));
        x64::enter_frame(&mut self.ops, self.frame_size, self.rt, |ops| {
            x64::call_abs(ops, base, overflow)
        });
        x64::save_regs(&mut self.ops, &self.saved);
        // Frame variables start zeroed (IL locals are zero-initialized, and
        // the collector scans the slots that hold references from here on).
        if !self.v.frame_vars.is_empty() {
            dynasm!(self.ops ; .arch x64 ; xor eax, eax);
            for k in 0..self.v.frame_vars.len() {
                let off = self.frame_var_offset(k as u32);
                dynasm!(self.ops ; .arch x64 ; mov [rbp + off], rax);
            }
        }
    }

    fn epilogue(&mut self) {
        x64::restore_regs(&mut self.ops, &self.saved);
        x64::leave_frame(&mut self.ops, self.stack_arg_bytes);
    }

    /// A move regalloc2 inserted.
    fn mov(&mut self, from: Allocation, to: Allocation) {
        if from == to {
            return;
        }
        let float = match (from.as_reg(), to.as_reg()) {
            (Some(r), _) | (_, Some(r)) => r.class() == RegClass::Float,
            _ => false,
        };
        match (from.as_reg(), to.as_reg()) {
            (Some(a), Some(b)) => {
                let (a, b) = (a.hw_enc() as u8, b.hw_enc() as u8);
                if float {
                    dynasm!(self.ops ; .arch x64 ; movaps Rx(b), Rx(a));
                } else {
                    dynasm!(self.ops ; .arch x64 ; mov Rq(b), Rq(a));
                }
            }
            (Some(a), None) => {
                let off = self.slot_offset(to);
                let a = a.hw_enc() as u8;
                if float {
                    dynasm!(self.ops ; .arch x64 ; movsd [rbp + off], Rx(a));
                } else {
                    dynasm!(self.ops ; .arch x64 ; mov [rbp + off], Rq(a));
                }
            }
            (None, Some(b)) => {
                let off = self.slot_offset(from);
                let b = b.hw_enc() as u8;
                if float {
                    dynasm!(self.ops ; .arch x64 ; movsd Rx(b), [rbp + off]);
                } else {
                    dynasm!(self.ops ; .arch x64 ; mov Rq(b), [rbp + off]);
                }
            }
            (None, None) => unreachable!("regalloc2 never moves between stack slots"),
        }
    }

    fn succ_label(&self, k: usize) -> DynamicLabel {
        let b = self.v.blocks[self.block].succs[k];
        self.labels[b.index()]
    }

    fn succ_is_next(&self, k: usize) -> bool {
        self.v.blocks[self.block].succs[k].index() == self.block + 1
    }

    fn jump_to_succ(&mut self, k: usize) {
        if !self.succ_is_next(k) {
            let l = self.succ_label(k);
            dynasm!(self.ops ; .arch x64 ; jmp =>l);
        }
    }

    fn inst(&mut self, i: usize) -> Result<(), OptError> {
        let il = self.v.il[i];
        match self.v.insts[i].clone() {
            MInst::Args => {}
            MInst::StackArg { k } => {
                let d = self.r(i, 0);
                let off = 16 + 8 * k as i32;
                dynasm!(self.ops ; .arch x64 ; mov Rq(d), [rbp + off]);
            }
            MInst::Imm { value, wide } => {
                let d = self.r(i, 0);
                mov_imm(&mut self.ops, d, value, wide);
            }
            MInst::FImm { bits, single } => {
                let d = self.r(i, 0);
                if bits == 0 {
                    dynasm!(self.ops ; .arch x64 ; xorps Rx(d), Rx(d));
                } else if single {
                    dynasm!(self.ops ; .arch x64 ; mov r11d, bits as i32 ; movd Rx(d), r11d);
                } else {
                    dynasm!(self.ops ; .arch x64 ; mov r11, QWORD bits as i64 ; movq Rx(d), r11);
                }
            }
            MInst::Mov { float } => {
                let (s, d) = (self.r(i, 0), self.r(i, 1));
                if s != d {
                    if float {
                        dynasm!(self.ops ; .arch x64 ; movaps Rx(d), Rx(s));
                    } else {
                        dynasm!(self.ops ; .arch x64 ; mov Rq(d), Rq(s));
                    }
                }
            }
            MInst::MovI2F { single } => {
                let (s, d) = (self.r(i, 0), self.r(i, 1));
                if single {
                    dynasm!(self.ops ; .arch x64 ; movd Rx(d), Rd(s));
                } else {
                    dynasm!(self.ops ; .arch x64 ; movq Rx(d), Rq(s));
                }
            }
            MInst::MovF2I { single } => {
                let (s, d) = (self.r(i, 0), self.r(i, 1));
                if single {
                    dynasm!(self.ops ; .arch x64 ; movd Rd(d), Rx(s));
                } else {
                    dynasm!(self.ops ; .arch x64 ; movq Rq(d), Rx(s));
                }
            }
            MInst::Alu { op, wide } => {
                let (d, b) = (self.r(i, 2), self.r(i, 1));
                alu_rr(&mut self.ops, op, d, b, wide);
            }
            MInst::AluImm { op, imm, wide } => {
                let d = self.r(i, 1);
                alu_ri(&mut self.ops, op, d, imm, wide);
            }
            MInst::AluOvf { op, wide, unsigned } => {
                let (d, b) = (self.r(i, 2), self.r(i, 1));
                alu_rr(&mut self.ops, op, d, b, wide);
                let l = self.throw_label(ThrowKind::Overflow, il);
                if unsigned {
                    dynasm!(self.ops ; .arch x64 ; jc =>l);
                } else {
                    dynasm!(self.ops ; .arch x64 ; jo =>l);
                }
            }
            MInst::Shift { op, wide } => {
                let d = self.r(i, 2);
                match (op, wide) {
                    (ShiftOp::Shl, true) => dynasm!(self.ops ; .arch x64 ; shl Rq(d), cl),
                    (ShiftOp::Shl, false) => dynasm!(self.ops ; .arch x64 ; shl Rd(d), cl),
                    (ShiftOp::Sar, true) => dynasm!(self.ops ; .arch x64 ; sar Rq(d), cl),
                    (ShiftOp::Sar, false) => dynasm!(self.ops ; .arch x64 ; sar Rd(d), cl),
                    (ShiftOp::Shr, true) => dynasm!(self.ops ; .arch x64 ; shr Rq(d), cl),
                    (ShiftOp::Shr, false) => dynasm!(self.ops ; .arch x64 ; shr Rd(d), cl),
                }
            }
            MInst::ShiftImm { op, n, wide } => {
                let d = self.r(i, 1);
                let n = n as i8;
                match (op, wide) {
                    (ShiftOp::Shl, true) => dynasm!(self.ops ; .arch x64 ; shl Rq(d), n),
                    (ShiftOp::Shl, false) => dynasm!(self.ops ; .arch x64 ; shl Rd(d), n),
                    (ShiftOp::Sar, true) => dynasm!(self.ops ; .arch x64 ; sar Rq(d), n),
                    (ShiftOp::Sar, false) => dynasm!(self.ops ; .arch x64 ; sar Rd(d), n),
                    (ShiftOp::Shr, true) => dynasm!(self.ops ; .arch x64 ; shr Rq(d), n),
                    (ShiftOp::Shr, false) => dynasm!(self.ops ; .arch x64 ; shr Rd(d), n),
                }
            }
            MInst::Div { signed, wide, .. } => {
                let b = self.r(i, 1);
                let dbz = self.throw_label(ThrowKind::DivideByZero, il);
                if wide {
                    dynasm!(self.ops ; .arch x64 ; test Rq(b), Rq(b) ; jz =>dbz);
                } else {
                    dynasm!(self.ops ; .arch x64 ; test Rd(b), Rd(b) ; jz =>dbz);
                }
                if signed {
                    let ovf = self.throw_label(ThrowKind::Overflow, il);
                    let go = self.ops.new_dynamic_label();
                    if wide {
                        dynasm!(self.ops
                            ; .arch x64
                            ; cmp Rq(b), -1
                            ; jne =>go
                            ; mov r11, QWORD i64::MIN
                            ; cmp rax, r11
                            ; je =>ovf
                            ; =>go
                            ; cqo
                            ; idiv Rq(b)
                        );
                    } else {
                        dynasm!(self.ops
                            ; .arch x64
                            ; cmp Rd(b), -1
                            ; jne =>go
                            ; cmp eax, i32::MIN
                            ; je =>ovf
                            ; =>go
                            ; cdq
                            ; idiv Rd(b)
                        );
                    }
                } else if wide {
                    dynasm!(self.ops ; .arch x64 ; xor edx, edx ; div Rq(b));
                } else {
                    dynasm!(self.ops ; .arch x64 ; xor edx, edx ; div Rd(b));
                }
                if !wide {
                    // cdq/idiv leave the 32-bit results zero-extended already.
                }
            }
            MInst::MulOvfUn { wide } => {
                let b = self.r(i, 1);
                let ovf = self.throw_label(ThrowKind::Overflow, il);
                if wide {
                    dynasm!(self.ops ; .arch x64 ; mul Rq(b) ; jc =>ovf);
                } else {
                    dynasm!(self.ops ; .arch x64 ; mul Rd(b) ; jc =>ovf);
                }
            }
            MInst::Neg { wide } => {
                let d = self.r(i, 1);
                if wide {
                    dynasm!(self.ops ; .arch x64 ; neg Rq(d));
                } else {
                    dynasm!(self.ops ; .arch x64 ; neg Rd(d));
                }
            }
            MInst::Not { wide } => {
                let d = self.r(i, 1);
                if wide {
                    dynasm!(self.ops ; .arch x64 ; not Rq(d));
                } else {
                    dynasm!(self.ops ; .arch x64 ; not Rd(d));
                }
            }
            MInst::FloatIntrinsic { kind } => {
                let d = self.r(i, 1);
                match kind.float_op() {
                    Some((_, Some(mode))) => {
                        dynasm!(self.ops ; .arch x64 ; roundsd Rx(d), Rx(d), mode)
                    }
                    Some((true, None)) => {
                        dynasm!(self.ops ; .arch x64 ; pslld Rx(d), 1 ; psrld Rx(d), 1)
                    }
                    _ if kind == crate::host::Intrinsic::SqrtR8 => {
                        dynasm!(self.ops ; .arch x64 ; sqrtsd Rx(d), Rx(d))
                    }
                    _ => dynasm!(self.ops ; .arch x64 ; psllq Rx(d), 1 ; psrlq Rx(d), 1),
                }
            }
            MInst::FNeg { single } => {
                let d = self.r(i, 1);
                if single {
                    dynasm!(self.ops ; .arch x64 ; mov r11d, 0x8000_0000u32 as i32 ; movd xmm15, r11d ; xorps Rx(d), xmm15);
                } else {
                    dynasm!(self.ops ; .arch x64 ; mov r11, QWORD i64::MIN ; movq xmm15, r11 ; xorpd Rx(d), xmm15);
                }
            }
            MInst::FBin { op, single } => {
                let (d, b) = (self.r(i, 2), self.r(i, 1));
                match (op, single) {
                    (BinOp::Add, true) => dynasm!(self.ops ; .arch x64 ; addss Rx(d), Rx(b)),
                    (BinOp::Add, false) => dynasm!(self.ops ; .arch x64 ; addsd Rx(d), Rx(b)),
                    (BinOp::Sub, true) => dynasm!(self.ops ; .arch x64 ; subss Rx(d), Rx(b)),
                    (BinOp::Sub, false) => dynasm!(self.ops ; .arch x64 ; subsd Rx(d), Rx(b)),
                    (BinOp::Mul, true) => dynasm!(self.ops ; .arch x64 ; mulss Rx(d), Rx(b)),
                    (BinOp::Mul, false) => dynasm!(self.ops ; .arch x64 ; mulsd Rx(d), Rx(b)),
                    (BinOp::Div, true) => dynasm!(self.ops ; .arch x64 ; divss Rx(d), Rx(b)),
                    (BinOp::Div, false) => dynasm!(self.ops ; .arch x64 ; divsd Rx(d), Rx(b)),
                    _ => return Err(OptError::Internal(format!("float {op:?}"))),
                }
            }
            MInst::Cmp { cond, wide, float } => {
                let (a, b, d) = (self.r(i, 0), self.r(i, 1), self.r(i, 2));
                let fc = if float {
                    self.float_compare(cond, a, b, wide)
                } else {
                    if wide {
                        dynasm!(self.ops ; .arch x64 ; cmp Rq(a), Rq(b));
                    } else {
                        dynasm!(self.ops ; .arch x64 ; cmp Rd(a), Rd(b));
                    }
                    int_cond(cond)
                };
                self.setcc(fc, d);
            }
            MInst::CmpImm { cond, imm, wide } => {
                let (a, d) = (self.r(i, 0), self.r(i, 1));
                if wide {
                    dynasm!(self.ops ; .arch x64 ; cmp Rq(a), imm);
                } else {
                    dynasm!(self.ops ; .arch x64 ; cmp Rd(a), imm);
                }
                self.setcc(int_cond(cond), d);
            }
            MInst::Conv { op, from } => {
                let (s, d) = (self.r(i, 0), self.r(i, 1));
                self.conv(op, from, s, d, il);
            }
            MInst::Load { ty, disp } => {
                let (b, d) = (self.r(i, 0), self.r(i, 1));
                load(&mut self.ops, ty, d, b, disp);
            }
            MInst::LoadIdx { ty, scale, disp } => {
                let (b, x, d) = (self.r(i, 0), self.r(i, 1), self.r(i, 2));
                lea_idx(&mut self.ops, hw::R11, b, x, scale, disp);
                load(&mut self.ops, ty, d, hw::R11, 0);
            }
            MInst::Store { ty, disp, barrier } => {
                let (b, x) = (self.r(i, 0), self.r(i, 1));
                let float = self.allocs(i)[1]
                    .as_reg()
                    .is_some_and(|r| r.class() == RegClass::Float);
                store(&mut self.ops, ty, x, float, b, disp);
                if barrier {
                    let t = self.r(i, 2);
                    self.write_barrier(b, disp, t);
                }
            }
            MInst::StoreIdx { ty, scale, disp } => {
                let (b, x, val) = (self.r(i, 0), self.r(i, 1), self.r(i, 2));
                let float = self.allocs(i)[2]
                    .as_reg()
                    .is_some_and(|r| r.class() == RegClass::Float);
                lea_idx(&mut self.ops, hw::R11, b, x, scale, disp);
                store(&mut self.ops, ty, val, float, hw::R11, 0);
            }
            MInst::FrameLea { var } => {
                let d = self.r(i, 0);
                let off = self.frame_var_offset(var);
                dynasm!(self.ops ; .arch x64 ; lea Rq(d), [rbp + off]);
            }
            MInst::Lea { disp } => {
                let (b, d) = (self.r(i, 0), self.r(i, 1));
                dynasm!(self.ops ; .arch x64 ; lea Rq(d), [Rq(b) + disp]);
            }
            MInst::LeaIdx { scale, disp } => {
                let (b, x, d) = (self.r(i, 0), self.r(i, 1), self.r(i, 2));
                lea_idx(&mut self.ops, d, b, x, scale, disp);
            }
            MInst::NullCheck { kind } => {
                let x = self.r(i, 0);
                let l = self.throw_label(kind, il);
                dynasm!(self.ops ; .arch x64 ; test Rq(x), Rq(x) ; jz =>l);
            }
            MInst::BoundsCheck {
                len_offset,
                wide_index,
            } => {
                let (a, x) = (self.r(i, 0), self.r(i, 1));
                let l = self.throw_label(ThrowKind::IndexOutOfRange, il);
                if wide_index {
                    dynasm!(self.ops ; .arch x64 ; mov r11d, [Rq(a) + len_offset] ; cmp Rq(x), r11 ; jae =>l);
                } else {
                    dynasm!(self.ops ; .arch x64 ; cmp Rd(x), [Rq(a) + len_offset] ; jae =>l);
                }
            }
            MInst::Call {
                kind,
                reg_args,
                stack_args,
                ..
            } => self.call(i, &kind, reg_args, stack_args, il),
            MInst::Helper { op, shape } => self.helper(i, op, shape, il),
            MInst::Poll => {
                let slow = self.ops.new_dynamic_label();
                let resume = self.ops.new_dynamic_label();
                self.trap_test();
                dynasm!(self.ops ; .arch x64 ; jne =>slow ; =>resume);
                self.polls.push((slow, resume, il, i));
            }
            MInst::Jump => self.jump_to_succ(0),
            MInst::Brif { wide } => {
                let x = self.r(i, 0);
                if wide {
                    dynasm!(self.ops ; .arch x64 ; test Rq(x), Rq(x));
                } else {
                    dynasm!(self.ops ; .arch x64 ; test Rd(x), Rd(x));
                }
                self.branch(FlagCond::Ne);
            }
            MInst::BrCmp { cond, wide, float } => {
                let (a, b) = (self.r(i, 0), self.r(i, 1));
                let fc = if float {
                    self.float_compare(cond, a, b, wide)
                } else {
                    if wide {
                        dynasm!(self.ops ; .arch x64 ; cmp Rq(a), Rq(b));
                    } else {
                        dynasm!(self.ops ; .arch x64 ; cmp Rd(a), Rd(b));
                    }
                    int_cond(cond)
                };
                self.branch(fc);
            }
            MInst::BrCmpImm { cond, imm, wide } => {
                let a = self.r(i, 0);
                if wide {
                    dynasm!(self.ops ; .arch x64 ; cmp Rq(a), imm);
                } else {
                    dynasm!(self.ops ; .arch x64 ; cmp Rd(a), imm);
                }
                self.branch(int_cond(cond));
            }
            MInst::Switch { n } => {
                let x = self.r(i, 0);
                let table = self.ops.new_dynamic_label();
                let default = self.succ_label(n as usize);
                let n = n as i32;
                dynasm!(self.ops
                    ; .arch x64
                    ; cmp Rd(x), n
                    ; jae =>default
                    ; lea r11, [=>table]
                    ; lea r11, [r11 + Rq(x) * 8]
                    ; jmp r11
                );
                let targets = (0..n as usize).map(|k| self.succ_label(k)).collect();
                self.switch_tables.push((table, targets));
            }
            MInst::Ret => self.epilogue(),
            MInst::Trap => dynasm!(self.ops ; .arch x64 ; int3),
        }
        Ok(())
    }

    /// `cmp dword [trap flag], 0` (rip-relative when in range).
    fn trap_test(&mut self) {
        x64::trap_test(&mut self.ops, self.base, self.rt.trap_flag_address);
    }

    /// A two-way branch on `fc` to succ 0, else succ 1.
    fn branch(&mut self, fc: FlagCond) {
        if self.succ_is_next(0) {
            if let Some(inv) = fc.invert() {
                let l = self.succ_label(1);
                jcc(&mut self.ops, inv, l);
                return;
            }
        }
        let l = self.succ_label(0);
        jcc(&mut self.ops, fc, l);
        self.jump_to_succ(1);
    }

    fn setcc(&mut self, fc: FlagCond, d: u8) {
        match fc {
            FlagCond::E => dynasm!(self.ops ; .arch x64 ; sete Rb(d)),
            FlagCond::Ne => dynasm!(self.ops ; .arch x64 ; setne Rb(d)),
            FlagCond::L => dynasm!(self.ops ; .arch x64 ; setl Rb(d)),
            FlagCond::Le => dynasm!(self.ops ; .arch x64 ; setle Rb(d)),
            FlagCond::G => dynasm!(self.ops ; .arch x64 ; setg Rb(d)),
            FlagCond::Ge => dynasm!(self.ops ; .arch x64 ; setge Rb(d)),
            FlagCond::B => dynasm!(self.ops ; .arch x64 ; setb Rb(d)),
            FlagCond::Be => dynasm!(self.ops ; .arch x64 ; setbe Rb(d)),
            FlagCond::A => dynasm!(self.ops ; .arch x64 ; seta Rb(d)),
            FlagCond::Ae => dynasm!(self.ops ; .arch x64 ; setae Rb(d)),
            FlagCond::OrderedEq => {
                dynasm!(self.ops ; .arch x64 ; sete Rb(d) ; setnp r11b ; and Rb(d), r11b)
            }
            FlagCond::UnorderedNe => {
                dynasm!(self.ops ; .arch x64 ; setne Rb(d) ; setp r11b ; or Rb(d), r11b)
            }
        }
        dynasm!(self.ops ; .arch x64 ; movzx Rd(d), Rb(d));
    }

    fn float_compare(&mut self, cond: Cond, a: u8, b: u8, double: bool) -> FlagCond {
        let (swap, fc) = float_cond(cond);
        let (x, y) = if swap { (b, a) } else { (a, b) };
        if double {
            dynasm!(self.ops ; .arch x64 ; ucomisd Rx(x), Rx(y));
        } else {
            dynasm!(self.ops ; .arch x64 ; ucomiss Rx(x), Rx(y));
        }
        fc
    }

    fn write_barrier(&mut self, base: u8, disp: i32, t: u8) {
        let Some(b) = self.rt.write_barrier else {
            return;
        };
        x64::card_mark(&mut self.ops, b, base, disp, 11, t);
    }

    fn call(&mut self, i: usize, kind: &CallKind, reg_args: u8, stack_args: u8, il: u32) {
        match kind {
            CallKind::Managed(target) => {
                let pad = stack_args % 2 == 1;
                if pad {
                    dynasm!(self.ops ; .arch x64 ; sub rsp, 8);
                }
                let allocs: Vec<Allocation> = self.allocs(i).to_vec();
                for k in (0..stack_args as usize).rev() {
                    let a = allocs[reg_args as usize + k];
                    match a.as_reg() {
                        Some(r) => {
                            let r = r.hw_enc() as u8;
                            dynasm!(self.ops ; .arch x64 ; push Rq(r));
                        }
                        None => {
                            let off = self.slot_offset(a);
                            dynasm!(self.ops ; .arch x64 ; push QWORD [rbp + off]);
                        }
                    }
                }
                match target {
                    CallTarget::Managed { entry } => {
                        self.call_managed(*entry);
                        self.safepoint(Some(i));
                    }
                    CallTarget::Virtual { slot } => {
                        let vt = self.rt.method_table_vtable_offset;
                        let disp = (*slot as i32) * 8;
                        dynasm!(self.ops
                            ; .arch x64
                            ; mov rax, [rcx]
                            ; mov rax, [rax + vt]
                            ; call QWORD [rax + disp]
                        );
                        self.safepoint(Some(i));
                    }
                    CallTarget::Interface { cell } => {
                        let miss = self.ops.new_dynamic_label();
                        let done = self.ops.new_dynamic_label();
                        let resolve = self.host.helper(Helper::InterfaceResolve);
                        dynasm!(self.ops
                            ; .arch x64
                            ; mov r11, QWORD *cell as i64
                            ; mov rax, [rcx]
                            ; cmp rax, [r11]
                            ; jne =>miss
                            ; call QWORD [r11 + 8]
                        );
                        self.safepoint(Some(i));
                        dynasm!(self.ops ; .arch x64 ; jmp =>done ; =>miss);
                        self.call_abs(resolve);
                        self.safepoint(Some(i));
                        dynasm!(self.ops ; .arch x64 ; =>done);
                    }
                    other => unreachable!("lowering passes only direct targets: {other:?}"),
                }
                if pad {
                    dynasm!(self.ops ; .arch x64 ; add rsp, 8);
                }
            }
            CallKind::FCall {
                address,
                pass_thread,
                may_throw,
                helper_frame,
            } => {
                let ret = self.ops.new_dynamic_label();
                if *helper_frame {
                    x64::record_helper_site(&mut self.ops, self.rt, ret);
                }
                if *pass_thread {
                    dynasm!(self.ops ; .arch x64 ; mov rdi, r15);
                }
                dynasm!(self.ops ; .arch x64 ; mov rax, QWORD *address as i64 ; call rax ; =>ret);
                self.safepoint(Some(i));
                if *may_throw {
                    let l = match self.pending.get(&il) {
                        Some(l) => *l,
                        None => {
                            let l = self.ops.new_dynamic_label();
                            self.pending.insert(il, l);
                            l
                        }
                    };
                    let att = self.rt.thread_pending_offset;
                    dynasm!(self.ops ; .arch x64 ; cmp DWORD [r15 + att], 0 ; jne =>l);
                }
            }
        }
    }

    fn helper(&mut self, i: usize, op: HelperOp, shape: Option<crate::host::AllocShape>, _il: u32) {
        match op {
            HelperOp::NewObject(mt) => {
                let mt = mt.0 as i64;
                let done = self.ops.new_dynamic_label();
                if let Some(shape) = shape {
                    let slow = self.ops.new_dynamic_label();
                    x64::bump_alloc_object(&mut self.ops, self.rt, &shape, slow);
                    dynasm!(self.ops ; .arch x64 ; mov rcx, QWORD mt);
                    x64::finish_alloc(&mut self.ops, None, done, slow);
                }
                dynasm!(self.ops ; .arch x64 ; mov rdi, r15 ; mov rsi, QWORD mt);
                self.call_helper(Helper::NewObject);
                self.safepoint(Some(i));
                dynasm!(self.ops ; .arch x64 ; =>done);
            }
            HelperOp::NewArray(mt) => {
                let mt = mt.0 as i64;
                let done = self.ops.new_dynamic_label();
                if let Some(shape) = shape {
                    let slow = self.ops.new_dynamic_label();
                    x64::bump_alloc_array(&mut self.ops, self.rt, &shape, slow);
                    dynasm!(self.ops ; .arch x64 ; mov rcx, QWORD mt);
                    let len_off = self.rt.array_length_offset;
                    x64::finish_alloc(&mut self.ops, Some(len_off), done, slow);
                }
                dynasm!(self.ops ; .arch x64 ; mov rdi, r15 ; mov rsi, QWORD mt);
                self.call_helper(Helper::NewArray);
                self.safepoint(Some(i));
                dynasm!(self.ops ; .arch x64 ; =>done);
            }
            HelperOp::CastClass(mt) | HelperOp::IsInst(mt) => {
                let done = self.ops.new_dynamic_label();
                dynasm!(self.ops
                    ; .arch x64
                    ; mov rax, rdi
                    ; test rax, rax
                    ; jz =>done
                    ; mov rsi, QWORD mt.0 as i64
                    ; cmp [rax], rsi
                    ; je =>done
                    ; mov rdx, r15
                );
                self.call_helper(if matches!(op, HelperOp::CastClass(_)) {
                    Helper::CastClass
                } else {
                    Helper::IsInst
                });
                self.safepoint(Some(i));
                dynasm!(self.ops ; .arch x64 ; =>done);
            }
            HelperOp::Unbox(mt) => {
                dynasm!(self.ops ; .arch x64 ; mov rsi, QWORD mt.0 as i64 ; mov rdx, r15);
                self.call_helper(Helper::Unbox);
                self.safepoint(Some(i));
            }
            HelperOp::StElemRef => {
                dynasm!(self.ops ; .arch x64 ; mov rcx, r15);
                self.call_helper(Helper::StElemRef);
                self.safepoint(Some(i));
            }
            HelperOp::Throw => {
                dynasm!(self.ops ; .arch x64 ; mov rdi, r15);
                self.call_helper(Helper::ThrowObject);
                self.safepoint(None);
                dynasm!(self.ops ; .arch x64 ; int3);
            }
            HelperOp::RaiseDeferred(failure) => {
                dynasm!(self.ops ; .arch x64 ; mov rdi, r15 ; mov rsi, QWORD failure as i64);
                self.call_helper(Helper::RaiseDeferred);
                self.safepoint(None);
                dynasm!(self.ops ; .arch x64 ; int3);
            }
            HelperOp::ClassInit { flag, handle } => {
                let done = self.ops.new_dynamic_label();
                x64::class_init_test(&mut self.ops, flag, handle.0, done);
                self.call_helper(Helper::ClassInit);
                self.safepoint(Some(i));
                dynasm!(self.ops ; .arch x64 ; =>done);
            }
        }
    }

    fn attribute(&mut self, start: u32, il: u32) {
        let end = self.here();
        self.out_of_line.push(OutOfLine {
            start,
            end,
            il_offset: il,
        });
    }

    fn out_of_line_code(&mut self) {
        for (slow, resume, il, inst) in std::mem::take(&mut self.polls) {
            let start = self.here();
            dynasm!(self.ops ; .arch x64 ; =>slow);
            let stub = self.host.helper(Helper::GcPoll);
            self.call_abs(stub);
            self.safepoint(Some(inst));
            dynasm!(self.ops ; .arch x64 ; jmp =>resume);
            self.attribute(start, il);
        }
        let mut pending: Vec<(u32, DynamicLabel)> =
            self.pending.iter().map(|(il, l)| (*il, *l)).collect();
        pending.sort_by_key(|p| p.0);
        for (il, l) in pending {
            let start = self.here();
            dynasm!(self.ops ; .arch x64 ; =>l ; mov rdi, r15);
            self.call_helper(Helper::RaisePending);
            self.safepoint(None);
            dynasm!(self.ops ; .arch x64 ; int3);
            self.attribute(start, il);
        }
        let mut throws: Vec<((ThrowKind, u32), DynamicLabel)> =
            self.throws.iter().map(|(k, l)| (*k, *l)).collect();
        throws.sort_by_key(|((k, il), _)| (*il, *k as u32));
        for ((kind, il), l) in throws {
            let start = self.here();
            dynasm!(self.ops
                ; .arch x64
                ; =>l
                ; mov rdi, r15
                ; mov esi, kind as u32 as i32
            );
            self.call_helper(Helper::Throw);
            self.safepoint(None);
            dynasm!(self.ops ; .arch x64 ; int3);
            self.attribute(start, il);
        }
        for (table, targets) in std::mem::take(&mut self.switch_tables) {
            self.ops.align(8, 0xCC);
            dynasm!(self.ops ; .arch x64 ; =>table);
            for l in targets {
                let start = self.ops.offset().0;
                dynasm!(self.ops ; .arch x64 ; jmp =>l);
                let len = self.ops.offset().0 - start;
                for _ in len..8 {
                    self.ops.push(0xCC);
                }
            }
        }
    }

    fn conv(&mut self, c: crate::ops::ConvOp, from: super::ir::Ty, s: u8, d: u8, il: u32) {
        use super::ir::Ty;
        let to = c.to;
        if from.is_float() {
            let single = from == Ty::F32;
            match to {
                JitType::R4 => {
                    if single {
                        if s != d {
                            dynasm!(self.ops ; .arch x64 ; movaps Rx(d), Rx(s));
                        }
                    } else {
                        dynasm!(self.ops ; .arch x64 ; cvtsd2ss Rx(d), Rx(s));
                    }
                    return;
                }
                JitType::R8 => {
                    if single {
                        dynasm!(self.ops ; .arch x64 ; cvtss2sd Rx(d), Rx(s));
                    } else if s != d {
                        dynasm!(self.ops ; .arch x64 ; movaps Rx(d), Rx(s));
                    }
                    return;
                }
                _ => {}
            }
            // Work in double precision, in XMM15.
            if single {
                dynasm!(self.ops ; .arch x64 ; cvtss2sd xmm15, Rx(s));
            } else {
                dynasm!(self.ops ; .arch x64 ; movaps xmm15, Rx(s));
            }
            self.float_to_int(c, d, il);
            return;
        }
        if to.is_float() {
            let single = to == JitType::R4;
            if c.unsigned_source && from.is_64() {
                self.u64_to_float(s, d, single);
            } else {
                if from == Ty::I32 {
                    if c.unsigned_source {
                        dynasm!(self.ops ; .arch x64 ; mov r11d, Rd(s));
                    } else {
                        dynasm!(self.ops ; .arch x64 ; movsxd r11, Rd(s));
                    }
                } else {
                    dynasm!(self.ops ; .arch x64 ; mov r11, Rq(s));
                }
                if single {
                    dynasm!(self.ops ; .arch x64 ; cvtsi2ss Rx(d), r11);
                } else {
                    dynasm!(self.ops ; .arch x64 ; cvtsi2sd Rx(d), r11);
                }
            }
            return;
        }
        // Integer to integer, through R11 as 64 bits.
        let wide_src = from.is_64();
        if c.overflow {
            let signed = !c.unsigned_source;
            if wide_src {
                dynasm!(self.ops ; .arch x64 ; mov r11, Rq(s));
            } else if signed {
                dynasm!(self.ops ; .arch x64 ; movsxd r11, Rd(s));
            } else {
                dynasm!(self.ops ; .arch x64 ; mov r11d, Rd(s));
            }
            self.range_check(to, signed, il);
        } else if wide_src {
            dynasm!(self.ops ; .arch x64 ; mov r11, Rq(s));
        } else if matches!(to, JitType::U8 | JitType::U) {
            dynasm!(self.ops ; .arch x64 ; mov r11d, Rd(s));
        } else {
            dynasm!(self.ops ; .arch x64 ; movsxd r11, Rd(s));
        }
        match to {
            JitType::I1 => dynasm!(self.ops ; .arch x64 ; movsx Rd(d), r11b),
            JitType::U1 | JitType::Bool => dynasm!(self.ops ; .arch x64 ; movzx Rd(d), r11b),
            JitType::I2 => dynasm!(self.ops ; .arch x64 ; movsx Rd(d), r11w),
            JitType::U2 | JitType::Char => dynasm!(self.ops ; .arch x64 ; movzx Rd(d), r11w),
            JitType::I4 | JitType::U4 => dynasm!(self.ops ; .arch x64 ; mov Rd(d), r11d),
            _ => dynasm!(self.ops ; .arch x64 ; mov Rq(d), r11),
        }
    }

    /// Throws OverflowException unless R11 (signed or unsigned 64-bit)
    /// fits in `to`. Uses the stack for the bound.
    fn range_check(&mut self, to: JitType, signed: bool, il: u32) {
        let (lo, hi): (i128, i128) = match to {
            JitType::I1 => (i8::MIN as i128, i8::MAX as i128),
            JitType::U1 | JitType::Bool => (0, u8::MAX as i128),
            JitType::I2 => (i16::MIN as i128, i16::MAX as i128),
            JitType::U2 | JitType::Char => (0, u16::MAX as i128),
            JitType::I4 => (i32::MIN as i128, i32::MAX as i128),
            JitType::U4 => (0, u32::MAX as i128),
            JitType::I8 | JitType::I => (i64::MIN as i128, i64::MAX as i128),
            _ => (0, u64::MAX as i128),
        };
        let ovf = self.throw_label(ThrowKind::Overflow, il);
        if signed {
            if lo > i64::MIN as i128 {
                if let Ok(lo32) = i32::try_from(lo) {
                    dynasm!(self.ops ; .arch x64 ; cmp r11, lo32 ; jl =>ovf);
                }
            }
            if hi < i64::MAX as i128 {
                match i32::try_from(hi) {
                    Ok(hi32) => dynasm!(self.ops ; .arch x64 ; cmp r11, hi32 ; jg =>ovf),
                    Err(_) => {
                        // u32::MAX: the value must have no bit above 31.
                        dynasm!(self.ops ; .arch x64 ; push r11 ; shr r11, 32 ; pop r11 ; jnz =>ovf);
                    }
                }
            }
        } else if hi < u64::MAX as i128 {
            match i32::try_from(hi) {
                Ok(hi32) => dynasm!(self.ops ; .arch x64 ; cmp r11, hi32 ; ja =>ovf),
                Err(_) if hi == u32::MAX as i128 => {
                    dynasm!(self.ops ; .arch x64 ; push r11 ; shr r11, 32 ; pop r11 ; jnz =>ovf);
                }
                Err(_) => {
                    // i64::MAX as unsigned: the sign bit must be clear.
                    dynasm!(self.ops ; .arch x64 ; test r11, r11 ; js =>ovf);
                }
            }
        }
    }

    /// Float (in XMM15, double) to integer, into `d`.
    fn float_to_int(&mut self, c: crate::ops::ConvOp, d: u8, il: u32) {
        if c.overflow {
            let (lo, hi): (f64, f64) = crate::x64::overflow_bounds(c.to);
            let ovf = self.throw_label(ThrowKind::Overflow, il);
            // Compare against the bounds held in memory on the stack (no
            // XMM register is free here besides XMM15).
            dynasm!(self.ops
                ; .arch x64
                ; mov r11, QWORD lo.to_bits() as i64
                ; push r11
                ; ucomisd xmm15, [rsp]
                ; pop r11
                ; jbe =>ovf
                ; mov r11, QWORD hi.to_bits() as i64
                ; push r11
                ; ucomisd xmm15, [rsp]
                ; pop r11
                ; jae =>ovf
            );
        }
        match c.to {
            JitType::U8 | JitType::U => {
                // Mono's `mono_fconv_u8`: `v < 2^63 ? (long)v : 2^63 +
                // (long)(v - 2^63)`; NaN takes the second path and becomes
                // 0, as on mono.
                let small = self.ops.new_dynamic_label();
                let big = self.ops.new_dynamic_label();
                let done = self.ops.new_dynamic_label();
                dynasm!(self.ops
                    ; .arch x64
                    ; mov r11, QWORD 9223372036854775808.0f64.to_bits() as i64
                    ; push r11
                    ; ucomisd xmm15, [rsp]
                    ; jp =>big
                    ; jb =>small
                    ; =>big
                    ; subsd xmm15, [rsp]
                    ; cvttsd2si Rq(d), xmm15
                    ; btc Rq(d), 63
                    ; jmp =>done
                    ; =>small
                    ; cvttsd2si Rq(d), xmm15
                    ; =>done
                    ; add rsp, 8
                );
            }
            JitType::I8 | JitType::I | JitType::U4 => {
                dynasm!(self.ops ; .arch x64 ; cvttsd2si Rq(d), xmm15);
                if c.to == JitType::U4 {
                    dynasm!(self.ops ; .arch x64 ; mov Rd(d), Rd(d));
                }
            }
            _ => {
                dynasm!(self.ops ; .arch x64 ; cvttsd2si Rd(d), xmm15);
                match c.to {
                    JitType::I1 => dynasm!(self.ops ; .arch x64 ; movsx Rd(d), Rb(d)),
                    JitType::U1 | JitType::Bool => {
                        dynasm!(self.ops ; .arch x64 ; movzx Rd(d), Rb(d))
                    }
                    JitType::I2 => dynasm!(self.ops ; .arch x64 ; movsx Rd(d), Rw(d)),
                    JitType::U2 | JitType::Char => {
                        dynasm!(self.ops ; .arch x64 ; movzx Rd(d), Rw(d))
                    }
                    _ => {}
                }
            }
        }
    }

    /// The unsigned 64-bit integer in `s` to a float in `d`.
    fn u64_to_float(&mut self, s: u8, d: u8, single: bool) {
        let big = self.ops.new_dynamic_label();
        let done = self.ops.new_dynamic_label();
        dynasm!(self.ops ; .arch x64 ; mov r11, Rq(s) ; test r11, r11 ; js =>big);
        if single {
            dynasm!(self.ops ; .arch x64 ; cvtsi2ss Rx(d), r11 ; jmp =>done ; =>big
                ; shr r11, 1 ; push r11 ; mov r11, Rq(s) ; and r11d, 1 ; or r11, [rsp] ; add rsp, 8
                ; cvtsi2ss Rx(d), r11 ; addss Rx(d), Rx(d) ; =>done);
        } else {
            dynasm!(self.ops ; .arch x64 ; cvtsi2sd Rx(d), r11 ; jmp =>done ; =>big
                ; shr r11, 1 ; push r11 ; mov r11, Rq(s) ; and r11d, 1 ; or r11, [rsp] ; add rsp, 8
                ; cvtsi2sd Rx(d), r11 ; addsd Rx(d), Rx(d) ; =>done);
        }
    }
}

fn mov_imm(ops: &mut Asm, r: u8, v: i64, wide: bool) {
    if v == 0 {
        dynasm!(ops ; .arch x64 ; xor Rd(r), Rd(r));
    } else if !wide {
        dynasm!(ops ; .arch x64 ; mov Rd(r), v as i32);
    } else if let Ok(v32) = u32::try_from(v) {
        dynasm!(ops ; .arch x64 ; mov Rd(r), v32 as i32);
    } else if let Ok(v32) = i32::try_from(v) {
        dynasm!(ops ; .arch x64 ; mov Rq(r), v32);
    } else {
        dynasm!(ops ; .arch x64 ; mov Rq(r), QWORD v);
    }
}

fn alu_rr(ops: &mut Asm, op: Alu, d: u8, b: u8, wide: bool) {
    match (op, wide) {
        (Alu::Add, true) => dynasm!(ops ; .arch x64 ; add Rq(d), Rq(b)),
        (Alu::Add, false) => dynasm!(ops ; .arch x64 ; add Rd(d), Rd(b)),
        (Alu::Sub, true) => dynasm!(ops ; .arch x64 ; sub Rq(d), Rq(b)),
        (Alu::Sub, false) => dynasm!(ops ; .arch x64 ; sub Rd(d), Rd(b)),
        (Alu::And, true) => dynasm!(ops ; .arch x64 ; and Rq(d), Rq(b)),
        (Alu::And, false) => dynasm!(ops ; .arch x64 ; and Rd(d), Rd(b)),
        (Alu::Or, true) => dynasm!(ops ; .arch x64 ; or Rq(d), Rq(b)),
        (Alu::Or, false) => dynasm!(ops ; .arch x64 ; or Rd(d), Rd(b)),
        (Alu::Xor, true) => dynasm!(ops ; .arch x64 ; xor Rq(d), Rq(b)),
        (Alu::Xor, false) => dynasm!(ops ; .arch x64 ; xor Rd(d), Rd(b)),
        (Alu::Imul, true) => dynasm!(ops ; .arch x64 ; imul Rq(d), Rq(b)),
        (Alu::Imul, false) => dynasm!(ops ; .arch x64 ; imul Rd(d), Rd(b)),
    }
}

fn alu_ri(ops: &mut Asm, op: Alu, d: u8, imm: i32, wide: bool) {
    match (op, wide) {
        (Alu::Add, true) => dynasm!(ops ; .arch x64 ; add Rq(d), imm),
        (Alu::Add, false) => dynasm!(ops ; .arch x64 ; add Rd(d), imm),
        (Alu::Sub, true) => dynasm!(ops ; .arch x64 ; sub Rq(d), imm),
        (Alu::Sub, false) => dynasm!(ops ; .arch x64 ; sub Rd(d), imm),
        (Alu::And, true) => dynasm!(ops ; .arch x64 ; and Rq(d), imm),
        (Alu::And, false) => dynasm!(ops ; .arch x64 ; and Rd(d), imm),
        (Alu::Or, true) => dynasm!(ops ; .arch x64 ; or Rq(d), imm),
        (Alu::Or, false) => dynasm!(ops ; .arch x64 ; or Rd(d), imm),
        (Alu::Xor, true) => dynasm!(ops ; .arch x64 ; xor Rq(d), imm),
        (Alu::Xor, false) => dynasm!(ops ; .arch x64 ; xor Rd(d), imm),
        (Alu::Imul, true) => dynasm!(ops ; .arch x64 ; imul Rq(d), Rq(d), imm),
        (Alu::Imul, false) => dynasm!(ops ; .arch x64 ; imul Rd(d), Rd(d), imm),
    }
}

fn lea_idx(ops: &mut Asm, d: u8, b: u8, x: u8, scale: u8, disp: i32) {
    match scale {
        1 => dynasm!(ops ; .arch x64 ; lea Rq(d), [Rq(b) + Rq(x) + disp]),
        2 => dynasm!(ops ; .arch x64 ; lea Rq(d), [Rq(b) + Rq(x) * 2 + disp]),
        4 => dynasm!(ops ; .arch x64 ; lea Rq(d), [Rq(b) + Rq(x) * 4 + disp]),
        _ => dynasm!(ops ; .arch x64 ; lea Rq(d), [Rq(b) + Rq(x) * 8 + disp]),
    }
}

fn load(ops: &mut Asm, ty: JitType, d: u8, b: u8, disp: i32) {
    match ty {
        JitType::I1 => dynasm!(ops ; .arch x64 ; movsx Rd(d), BYTE [Rq(b) + disp]),
        JitType::U1 | JitType::Bool => dynasm!(ops ; .arch x64 ; movzx Rd(d), BYTE [Rq(b) + disp]),
        JitType::I2 => dynasm!(ops ; .arch x64 ; movsx Rd(d), WORD [Rq(b) + disp]),
        JitType::U2 | JitType::Char => dynasm!(ops ; .arch x64 ; movzx Rd(d), WORD [Rq(b) + disp]),
        JitType::I4 | JitType::U4 => dynasm!(ops ; .arch x64 ; mov Rd(d), [Rq(b) + disp]),
        JitType::R4 => dynasm!(ops ; .arch x64 ; movss Rx(d), [Rq(b) + disp]),
        JitType::R8 => dynasm!(ops ; .arch x64 ; movsd Rx(d), [Rq(b) + disp]),
        _ => dynasm!(ops ; .arch x64 ; mov Rq(d), [Rq(b) + disp]),
    }
}

fn store(ops: &mut Asm, ty: JitType, v: u8, float: bool, b: u8, disp: i32) {
    if float {
        if ty == JitType::R4 {
            dynasm!(ops ; .arch x64 ; movss [Rq(b) + disp], Rx(v));
        } else {
            dynasm!(ops ; .arch x64 ; movsd [Rq(b) + disp], Rx(v));
        }
        return;
    }
    match ty.primitive_size() {
        Some(1) => dynasm!(ops ; .arch x64 ; mov [Rq(b) + disp], Rb(v)),
        Some(2) => dynasm!(ops ; .arch x64 ; mov [Rq(b) + disp], Rw(v)),
        Some(4) => dynasm!(ops ; .arch x64 ; mov [Rq(b) + disp], Rd(v)),
        _ => dynasm!(ops ; .arch x64 ; mov [Rq(b) + disp], Rq(v)),
    }
}

fn jcc(ops: &mut Asm, fc: FlagCond, l: DynamicLabel) {
    match fc {
        FlagCond::E => dynasm!(ops ; .arch x64 ; je =>l),
        FlagCond::Ne => dynasm!(ops ; .arch x64 ; jne =>l),
        FlagCond::L => dynasm!(ops ; .arch x64 ; jl =>l),
        FlagCond::Le => dynasm!(ops ; .arch x64 ; jle =>l),
        FlagCond::G => dynasm!(ops ; .arch x64 ; jg =>l),
        FlagCond::Ge => dynasm!(ops ; .arch x64 ; jge =>l),
        FlagCond::B => dynasm!(ops ; .arch x64 ; jb =>l),
        FlagCond::Be => dynasm!(ops ; .arch x64 ; jbe =>l),
        FlagCond::A => dynasm!(ops ; .arch x64 ; ja =>l),
        FlagCond::Ae => dynasm!(ops ; .arch x64 ; jae =>l),
        FlagCond::OrderedEq => {
            let skip = ops.new_dynamic_label();
            dynasm!(ops ; .arch x64 ; jp =>skip ; je =>l ; =>skip);
        }
        FlagCond::UnorderedNe => dynasm!(ops ; .arch x64 ; jp =>l ; jne =>l),
    }
}
