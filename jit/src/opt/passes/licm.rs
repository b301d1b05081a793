//! Loop-invariant code motion: instructions of a loop whose operands do
//! not change in it move to the loop's preheader, so they run once per
//! entry instead of once per iteration.
//!
//! What moves, from every block of the loop (innermost loops first, so an
//! instruction can leave several levels):
//! * pure instructions (arithmetic that cannot throw, comparisons,
//!   conversions without overflow checks, address computations, copies)
//!   whose operands are defined outside the loop or are themselves moved;
//! * `array_len` of an array known not to be null in the preheader (a new
//!   array, or checked there or in a block that dominates it): an array's
//!   length never changes;
//! * from the loop header's first instructions (the ones every entry runs
//!   before anything with an effect), `null_check` and `bounds_check` of
//!   invariant operands: the first iteration makes the same check at the
//!   same IL offset, and later iterations would repeat it. Only in methods
//!   without exception clauses, so no check leaves its protected region.
//!
//! Loads do not move: the IR does not mark `volatile.` loads, and a loop
//! that polls a field written by another thread must see the write.
//! Constants stay where they are unless an instruction that moves uses
//! them (lowering rematerializes constants at each use anyway).
//!
//! A loop has a preheader when its header has exactly one predecessor
//! outside the loop and that block ends in a jump to the header (as mcs's
//! `for` and `while` loops give: the jump to the loop's test). Other loops
//! are left alone.

use std::collections::{HashMap, HashSet};

use super::super::cfg::{Cfg, Loop};
use super::super::ir::{Block, Func, HelperOp, Inst, Op, Value, ValueDef};

/// Moves what it can; returns whether anything changed.
pub(crate) fn run(f: &mut Func) -> bool {
    let cfg = Cfg::new(f);
    let mut loops = cfg.loops();
    loops.sort_by_key(|l| l.blocks.len());
    let mut block_of: HashMap<Inst, Block> = HashMap::new();
    for b in f.live_blocks() {
        for &i in &f.block(b).insts {
            block_of.insert(i, b);
        }
    }
    let mut changed = false;
    for l in &loops {
        changed |= hoist(f, &cfg, l, &mut block_of);
    }
    changed
}

/// The block that jumps into `l`'s header from outside, if it is the only
/// way in and ends in that jump.
fn preheader(f: &Func, cfg: &Cfg, l: &Loop) -> Option<Block> {
    let mut outside = cfg.preds[l.header.0 as usize]
        .iter()
        .copied()
        .filter(|p| cfg.reachable(*p) && !l.blocks.contains(p));
    let p = outside.next()?;
    if outside.next().is_some() {
        return None;
    }
    let t = f.terminator(p)?;
    match &f.inst(t).op {
        Op::Jump(to) if to.block == l.header => Some(p),
        _ => None,
    }
}

fn is_constant(f: &Func, v: Value) -> Option<Inst> {
    match f.values[v.0 as usize].def {
        ValueDef::Inst(i) if matches!(f.inst(i).op, Op::Iconst(_) | Op::Fconst(_)) => Some(i),
        _ => None,
    }
}

/// Whether the value known at the end of `p` is not null there.
fn non_null_at(f: &Func, cfg: &Cfg, p: Block, v: Value) -> bool {
    if let ValueDef::Inst(i) = f.values[v.0 as usize].def {
        match f.inst(i).op {
            Op::Helper(HelperOp::NewObject(_) | HelperOp::NewArray(_)) => return true,
            Op::Iconst(c) => return c != 0,
            _ => {}
        }
    }
    let mut b = p;
    loop {
        let checked = f
            .block(b)
            .insts
            .iter()
            .any(|&i| matches!(f.inst(i).op, Op::NullCheck(_)) && f.inst(i).args[0] == v);
        if checked {
            return true;
        }
        if b == Func::ENTRY {
            return false;
        }
        b = cfg.idom[b.0 as usize];
    }
}

fn hoist(f: &mut Func, cfg: &Cfg, l: &Loop, block_of: &mut HashMap<Inst, Block>) -> bool {
    let Some(pre) = preheader(f, cfg, l) else {
        return false;
    };
    let inside: HashSet<Block> = l.blocks.iter().copied().collect();
    let invariant = |f: &Func, block_of: &HashMap<Inst, Block>, v: Value| -> bool {
        if is_constant(f, v).is_some() {
            return true;
        }
        match f.values[v.0 as usize].def {
            ValueDef::Param(b, _) => !inside.contains(&b),
            ValueDef::Inst(i) => !block_of.get(&i).is_some_and(|b| inside.contains(b)),
            ValueDef::Alias(_) => false,
        }
    };
    let order: Vec<Block> = cfg
        .rpo
        .iter()
        .copied()
        .filter(|b| inside.contains(b))
        .collect();
    let mut moved: Vec<Inst> = Vec::new();
    for b in order {
        // In the header, the instructions before the first effect run on
        // every entry: their checks may move too.
        let mut prefix = b == l.header && !f.has_handlers;
        for i in f.block(b).insts.clone() {
            let d = f.inst(i);
            let args_invariant = d.args.iter().all(|&a| invariant(f, block_of, a));
            let movable = match &d.op {
                Op::Iconst(_) | Op::Fconst(_) | Op::Param(_) | Op::Load(..) => false,
                Op::ArrayLen => args_invariant && non_null_at(f, cfg, pre, d.args[0]),
                Op::NullCheck(_) | Op::BoundsCheck => prefix && args_invariant,
                op if op.is_terminator() => false,
                op => !op.has_effect() && args_invariant,
            };
            if !movable {
                if f.inst(i).op.has_effect() {
                    prefix = false;
                }
                continue;
            }
            // The loop's constants it uses move first (they dominate their
            // other uses in the loop from the preheader as well).
            for a in f.inst(i).args.clone() {
                if let Some(c) = is_constant(f, a) {
                    if block_of.get(&c).is_some_and(|cb| inside.contains(cb)) {
                        move_inst(f, c, pre, block_of);
                        moved.push(c);
                    }
                }
            }
            move_inst(f, i, pre, block_of);
            moved.push(i);
        }
    }
    !moved.is_empty()
}

/// Moves `i` from its block to the end of `pre`, before its terminator.
fn move_inst(f: &mut Func, i: Inst, pre: Block, block_of: &mut HashMap<Inst, Block>) {
    if let Some(&from) = block_of.get(&i) {
        f.blocks[from.0 as usize].insts.retain(|x| *x != i);
    }
    let insts = &mut f.blocks[pre.0 as usize].insts;
    let at = insts.len().saturating_sub(1);
    insts.insert(at, i);
    block_of.insert(i, pre);
}
