//! GC maps: for every safepoint, which registers and spill slots hold
//! live object references or managed pointers.
//!
//! regalloc2 says where each operand is at its instruction and which moves
//! it inserted, not where every value is at every point, so the maps come
//! from two analyses of its output:
//!
//! 1. **liveness** of the virtual registers over the VCode (backward: a
//!    block parameter is defined at its block's start, a branch argument
//!    used at the end of its block);
//! 2. **location contents** (forward, to a fixpoint): for every register
//!    and spill slot, the set of virtual registers whose value it holds.
//!    A definition puts its value in its allocation, a move copies the
//!    set, a clobber empties the register; at a block's start the sets of
//!    its predecessors, with each branch argument standing also for the
//!    parameter it is passed to, are intersected.
//!
//! At a call, the references live after it (and not defined by it) are
//! reported in every location that holds them; at a poll, those live at
//! it. Every copy is reported, so the collector updates them all.

use smallvec::SmallVec;

use regalloc2::{Allocation, Block as RBlock, Edit, InstOrEdit, OperandKind, Output, RegClass};

use super::ir::Ty;
use super::vcode::{hw, MInst, VCode};
use super::OptError;
use crate::gcinfo::{GcLive, GcLoc, GcSlotKind};

type Set = SmallVec<[u32; 2]>;

/// The GC map of each safepoint instruction (by VCode index; empty for
/// other instructions).
pub(crate) fn compute(
    v: &VCode,
    out: &Output,
    spill_offset: &dyn Fn(usize) -> i32,
) -> Result<Vec<Vec<GcLive>>, OptError> {
    let live_after = liveness(v);
    let nloc = 16 + out.num_spillslots;
    let key = |a: Allocation| -> Option<usize> {
        if let Some(r) = a.as_reg() {
            (r.class() == RegClass::Int).then_some(r.hw_enc())
        } else {
            a.as_stack().map(|s| 16 + s.index())
        }
    };
    let nb = v.blocks.len();
    let mut entry: Vec<Option<Vec<Set>>> = vec![None; nb];
    entry[0] = Some(vec![Set::new(); nloc]);
    let mut maps: Vec<Vec<GcLive>> = vec![Vec::new(); v.insts.len()];
    // Iterate to a fixpoint, then once more recording the maps.
    let mut record = false;
    loop {
        let mut changed = false;
        for b in 0..nb {
            let Some(mut state) = entry[b].clone() else {
                continue;
            };
            for item in out.block_insts_and_edits(v, RBlock::new(b)) {
                match item {
                    InstOrEdit::Edit(Edit::Move { from, to }) => {
                        if let (Some(f), Some(t)) = (key(*from), key(*to)) {
                            state[t] = state[f].clone();
                        }
                    }
                    InstOrEdit::Inst(inst) => {
                        let i = inst.index();
                        let poll = matches!(v.insts[i], MInst::Poll);
                        if record && poll {
                            maps[i] = map_at(v, &state, &live_after[i], i, spill_offset)?;
                        }
                        let ops = v.inst_ops(i);
                        let allocs = out.inst_allocs(inst);
                        for (op, a) in ops.iter().zip(allocs) {
                            if op.kind() == OperandKind::Def {
                                if let Some(k) = key(*a) {
                                    state[k] = smallvec::smallvec![op.vreg().vreg() as u32];
                                }
                            }
                        }
                        for r in v.clobbers[i] {
                            if r.class() == RegClass::Int {
                                state[r.hw_enc()].clear();
                            }
                        }
                        // Sequences inside an instruction may use R11.
                        state[hw::R11 as usize].clear();
                        if record && !poll && v.insts[i].is_safepoint() {
                            let mut live = live_after[i].clone();
                            for op in ops {
                                if op.kind() == OperandKind::Def {
                                    live.retain(|x| *x != op.vreg().vreg() as u32);
                                }
                            }
                            maps[i] = map_at(v, &state, &live, i, spill_offset)?;
                        }
                    }
                }
            }
            let vb = &v.blocks[b];
            for (k, s) in vb.succs.iter().enumerate() {
                let s = s.index();
                let params = &v.blocks[s].params;
                let args = &vb.args[k];
                let mut st = state.clone();
                for (p, a) in params.iter().zip(args) {
                    for set in st.iter_mut() {
                        if set.contains(&(a.vreg() as u32)) {
                            set.push(p.vreg() as u32);
                        }
                    }
                }
                let merged = match &entry[s] {
                    None => st,
                    Some(old) => old
                        .iter()
                        .zip(&st)
                        .map(|(x, y)| x.iter().copied().filter(|e| y.contains(e)).collect())
                        .collect(),
                };
                if entry[s].as_ref() != Some(&merged) {
                    entry[s] = Some(merged);
                    changed = true;
                }
            }
        }
        if record {
            break;
        }
        if !changed {
            record = true;
        }
    }
    Ok(maps)
}

fn map_at(
    v: &VCode,
    state: &[Set],
    live: &[u32],
    inst: usize,
    spill_offset: &dyn Fn(usize) -> i32,
) -> Result<Vec<GcLive>, OptError> {
    let mut out = Vec::new();
    for &x in live {
        let ty = v.vreg_ty[x as usize];
        if !ty.is_gc() {
            continue;
        }
        let kind = if ty == Ty::Ref {
            GcSlotKind::Ref
        } else {
            GcSlotKind::Interior
        };
        let mut found = false;
        for (k, set) in state.iter().enumerate() {
            if set.contains(&x) {
                found = true;
                let loc = if k < 16 {
                    GcLoc::Reg(k as u8)
                } else {
                    GcLoc::Slot(spill_offset(k - 16))
                };
                if !out.iter().any(|l: &GcLive| l.loc == loc) {
                    out.push(GcLive { loc, kind });
                }
            }
        }
        if !found {
            return Err(OptError::Internal(format!(
                "GC map: v{x} is live at the safepoint {inst} but in no known location"
            )));
        }
    }
    Ok(out)
}

/// For each instruction, the virtual registers live just after it.
fn liveness(v: &VCode) -> Vec<Vec<u32>> {
    let n = v.vreg_ty.len();
    let words = n.div_ceil(64);
    let nb = v.blocks.len();
    let mut live_in: Vec<Vec<u64>> = vec![vec![0; words]; nb];
    let set = |s: &mut [u64], x: usize| s[x / 64] |= 1 << (x % 64);
    let clear = |s: &mut [u64], x: usize| s[x / 64] &= !(1 << (x % 64));
    let block_out = |live_in: &[Vec<u64>], b: usize| -> Vec<u64> {
        let mut s = vec![0u64; words];
        let vb = &v.blocks[b];
        for (k, succ) in vb.succs.iter().enumerate() {
            for (w, x) in s.iter_mut().zip(&live_in[succ.index()]) {
                *w |= x;
            }
            for a in &vb.args[k] {
                s[a.vreg() / 64] |= 1 << (a.vreg() % 64);
            }
        }
        s
    };
    loop {
        let mut changed = false;
        for b in (0..nb).rev() {
            let mut s = block_out(&live_in, b);
            let vb = &v.blocks[b];
            for i in (vb.start..vb.end).rev() {
                for op in v.inst_ops(i as usize) {
                    if op.kind() == OperandKind::Def {
                        clear(&mut s, op.vreg().vreg());
                    }
                }
                for op in v.inst_ops(i as usize) {
                    if op.kind() == OperandKind::Use {
                        set(&mut s, op.vreg().vreg());
                    }
                }
            }
            for p in &vb.params {
                clear(&mut s, p.vreg());
            }
            if s != live_in[b] {
                live_in[b] = s;
                changed = true;
            }
        }
        if !changed {
            break;
        }
    }
    let mut after = vec![Vec::new(); v.insts.len()];
    for b in 0..nb {
        let mut s = block_out(&live_in, b);
        let vb = &v.blocks[b];
        for i in (vb.start..vb.end).rev() {
            let i = i as usize;
            if v.insts[i].is_safepoint() {
                let mut list = Vec::new();
                for (w, bits) in s.iter().enumerate() {
                    let mut bits = *bits;
                    while bits != 0 {
                        let t = bits.trailing_zeros() as usize;
                        bits &= bits - 1;
                        let x = w * 64 + t;
                        if v.vreg_ty[x].is_gc() {
                            list.push(x as u32);
                        }
                    }
                }
                after[i] = list;
            }
            for op in v.inst_ops(i) {
                if op.kind() == OperandKind::Def {
                    clear(&mut s, op.vreg().vreg());
                }
            }
            for op in v.inst_ops(i) {
                if op.kind() == OperandKind::Use {
                    set(&mut s, op.vreg().vreg());
                }
            }
        }
    }
    after
}
