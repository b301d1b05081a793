//! Check elimination.
//!
//! * **Null checks**: a `NullCheck` of a value known not to be null goes:
//!   a new object, a non-null constant (a string literal), or a value a
//!   check in a dominating block (or earlier in the same block) already
//!   tested.
//! * **Range checks** of the `for (i = 0; i < a.Length; i++) ... a[i]`
//!   family: a `BoundsCheck(a, i)` goes when a dominating branch into the
//!   loop's body tested `i < a.Length` (the length converted to int32, as
//!   mcs writes it) and `i` starts at a non-negative constant and only
//!   grows by one (a parameter of the loop header whose
//!   incoming values are those constants and `i + 1`), so `0 <= i <
//!   a.Length` wherever the branch's true side dominates. Each increment
//!   must itself sit where the test's true side dominates, so it adds one
//!   to a value below `a.Length` (at most `i32::MAX`) and cannot wrap
//!   around to a negative index.

use std::collections::HashMap;

use super::super::cfg::Cfg;
use super::super::ir::{Block, Func, HelperOp, Inst, Op, Value, ValueDef};
use crate::ops::{BinOp, Cond};
use crate::types::JitType;

fn def(f: &Func, v: Value) -> Option<&super::super::ir::InstData> {
    match f.values[v.0 as usize].def {
        ValueDef::Inst(i) => Some(f.inst(i)),
        _ => None,
    }
}

fn non_null(f: &Func, v: Value) -> bool {
    match def(f, v).map(|d| &d.op) {
        Some(Op::Helper(HelperOp::NewObject(_) | HelperOp::NewArray(_))) => true,
        Some(Op::Iconst(c)) => *c != 0,
        _ => false,
    }
}

/// Removes redundant checks; returns whether anything changed.
pub(crate) fn run(f: &mut Func) -> bool {
    let cfg = Cfg::new(f);
    let mut remove: Vec<(Block, Inst)> = Vec::new();
    // Null checks: walk the dominator tree in reverse postorder, keeping
    // the values checked in each dominating block.
    let mut checked_in: HashMap<Block, Vec<Value>> = HashMap::new();
    for &b in &cfg.rpo {
        let mut checked: Vec<Value> = Vec::new();
        for &i in &f.block(b).insts {
            let d = f.inst(i);
            if let Op::NullCheck(_) = d.op {
                let v = d.args[0];
                let dominated = {
                    let mut x = b;
                    let mut found = checked.contains(&v);
                    while !found && x != Func::ENTRY {
                        x = cfg.idom[x.0 as usize];
                        found = checked_in.get(&x).is_some_and(|c| c.contains(&v));
                    }
                    found
                };
                if non_null(f, v) || dominated {
                    remove.push((b, i));
                } else {
                    checked.push(v);
                }
            }
        }
        checked_in.insert(b, checked);
    }
    // Range checks.
    let mut block_of = vec![Block(u32::MAX); f.insts.len()];
    for b in f.live_blocks() {
        for &i in &f.block(b).insts {
            block_of[i.0 as usize] = b;
        }
    }
    for &b in &cfg.rpo {
        for &i in &f.block(b).insts {
            let d = f.inst(i);
            if !matches!(d.op, Op::BoundsCheck) {
                continue;
            }
            if in_range(f, &cfg, &block_of, b, d.args[0], d.args[1]) {
                remove.push((b, i));
            }
        }
    }
    for (b, i) in &remove {
        f.blocks[b.0 as usize].insts.retain(|x| x != i);
    }
    !remove.is_empty()
}

/// Whether `index` is known to be in `[0, array.Length)` in block `b`.
fn in_range(f: &Func, cfg: &Cfg, block_of: &[Block], b: Block, array: Value, index: Value) -> bool {
    // A dominating block whose branch tested `index < array.Length` and
    // whose true side (with this block as its only predecessor) dominates `b`.
    let mut x = b;
    loop {
        let d = cfg.idom[x.0 as usize];
        if d == x {
            return false;
        }
        if let Some(t) = f.terminator(d) {
            let td = f.inst(t);
            if let Op::BrCmp(Cond::Lt, yes, _) = &td.op {
                if td.args[0] == index
                    && is_length_of(f, td.args[1], array)
                    && cfg.preds[yes.block.0 as usize].len() == 1
                    && cfg.dominates(yes.block, b)
                    && non_negative_induction(f, cfg, block_of, index, yes.block)
                {
                    return true;
                }
            }
        }
        x = d;
    }
}

/// `v` is `conv.i4(array.Length)` (or the length itself).
fn is_length_of(f: &Func, v: Value, array: Value) -> bool {
    match def(f, v) {
        Some(d) => match &d.op {
            Op::Conv(c) if c.to == JitType::I4 && !c.overflow => is_length_of(f, d.args[0], array),
            Op::ArrayLen => d.args[0] == array,
            _ => false,
        },
        None => false,
    }
}

/// `v` is a 32-bit block parameter whose every incoming value is a
/// non-negative constant or `v + 1`, the addition
/// computed in a block `tested` dominates (where `v < a.Length` holds).
fn non_negative_induction(
    f: &Func,
    cfg: &Cfg,
    block_of: &[Block],
    v: Value,
    tested: Block,
) -> bool {
    let ValueDef::Param(b, n) = f.values[v.0 as usize].def else {
        return false;
    };
    if f.ty(v) != super::super::ir::Ty::I32 {
        return false;
    }
    let mut seen = false;
    for p in f.live_blocks() {
        let Some(t) = f.terminator(p) else { continue };
        for call in f.inst(t).op.targets() {
            if call.block != b {
                continue;
            }
            seen = true;
            let a = call.args[n as usize];
            let at = match f.values[a.0 as usize].def {
                ValueDef::Inst(i) => block_of[i.0 as usize],
                _ => Block(u32::MAX),
            };
            let ok = match def(f, a).map(|d| (&d.op, d)) {
                Some((Op::Iconst(c), _)) => *c >= 0 && *c <= i32::MAX as i64,
                Some((Op::Bin(BinOp::Add), d)) => {
                    d.args[0] == v
                        && at.0 != u32::MAX
                        && cfg.reachable(at)
                        && cfg.dominates(tested, at)
                        && matches!(def(f, d.args[1]).map(|x| &x.op), Some(Op::Iconst(1)))
                }
                _ => false,
            };
            if !ok {
                return false;
            }
        }
    }
    seen
}
