//! Constant folding and propagation: an integer operation, comparison or
//! conversion whose operands are constants becomes a constant (its uses
//! see the constant: SSA makes propagation a matter of replacing the
//! value), and a conditional branch on a constant becomes a jump. Copies
//! of a value of the same type are replaced by the value (copy
//! propagation). Operations that can throw (division, checked arithmetic)
//! fold only when they do not. A 32-bit constant is kept sign-extended.

use super::super::ir::{Func, Op, Ty, Value, ValueDef};
use crate::ops::{BinOp, Cond};
use crate::types::JitType;

/// The integer constant `v` is, if it is one.
pub(super) fn constant(f: &Func, v: Value) -> Option<i64> {
    match f.values[v.0 as usize].def {
        ValueDef::Inst(i) => match f.inst(i).op {
            Op::Iconst(c) if !f.ty(v).is_float() => Some(c),
            _ => None,
        },
        _ => None,
    }
}

/// Folds what it can; returns whether anything changed.
pub(crate) fn run(f: &mut Func) -> bool {
    let mut changed = false;
    let blocks: Vec<_> = f.live_blocks().collect();
    for b in blocks {
        for i in f.block(b).insts.clone() {
            let d = f.inst(i).clone();
            let Some(r) = d.result else {
                // Branches on constants.
                let folded = match &d.op {
                    Op::Brif(t, e) => {
                        constant(f, d.args[0]).map(|c| if c != 0 { t.clone() } else { e.clone() })
                    }
                    Op::BrCmp(c, t, e) => match (constant(f, d.args[0]), constant(f, d.args[1])) {
                        (Some(x), Some(y)) if !f.ty(d.args[0]).is_float() => {
                            let wide = f.ty(d.args[0]).is_64();
                            Some(if compare(*c, x, y, wide) {
                                t.clone()
                            } else {
                                e.clone()
                            })
                        }
                        _ => None,
                    },
                    _ => None,
                };
                if let Some(target) = folded {
                    let inst = f.inst_mut(i);
                    inst.op = Op::Jump(target);
                    inst.args.clear();
                    changed = true;
                }
                continue;
            };
            let ty = f.ty(r);
            if ty.is_float() {
                continue;
            }
            let c = |k: usize| constant(f, d.args[k]);
            let value = match &d.op {
                Op::Bin(op) => match (c(0), c(1)) {
                    (Some(a), Some(b)) => bin(*op, a, b, ty.is_64()),
                    _ => None,
                },
                Op::Neg => c(0).map(|a| wrap(a.wrapping_neg(), ty.is_64())),
                Op::Not => c(0).map(|a| wrap(!a, ty.is_64())),
                Op::Cmp(cond) if !f.ty(d.args[0]).is_float() => match (c(0), c(1)) {
                    (Some(a), Some(b)) => {
                        Some(compare(*cond, a, b, f.ty(d.args[0]).is_64()) as i64)
                    }
                    _ => None,
                },
                Op::Conv(cv)
                    if !cv.overflow && !f.ty(d.args[0]).is_float() && !cv.to.is_float() =>
                {
                    c(0).map(|a| convert(a, f.ty(d.args[0]), cv.to))
                }
                Op::Copy if f.ty(d.args[0]) == ty => {
                    f.alias(r, d.args[0]);
                    remove(f, b, i);
                    changed = true;
                    continue;
                }
                _ => None,
            };
            if let Some(v) = value {
                let inst = f.inst_mut(i);
                inst.op = Op::Iconst(v);
                inst.args.clear();
                changed = true;
            }
        }
    }
    if changed {
        f.resolve_all();
        remove_unreachable(f);
    }
    changed
}

fn remove(f: &mut Func, b: super::super::ir::Block, i: super::super::ir::Inst) {
    f.blocks[b.0 as usize].insts.retain(|x| *x != i);
}

/// Marks blocks no longer reachable from the entry dead.
pub(crate) fn remove_unreachable(f: &mut Func) {
    let cfg = super::super::cfg::Cfg::new(f);
    for b in 0..f.blocks.len() {
        if !f.blocks[b].dead && !cfg.reachable(super::super::ir::Block(b as u32)) {
            f.blocks[b].dead = true;
        }
    }
}

fn wrap(v: i64, wide: bool) -> i64 {
    if wide {
        v
    } else {
        v as i32 as i64
    }
}

fn bin(op: BinOp, a: i64, b: i64, wide: bool) -> Option<i64> {
    let (a32, b32) = (a as i32, b as i32);
    Some(if wide {
        match op {
            BinOp::Add => a.wrapping_add(b),
            BinOp::Sub => a.wrapping_sub(b),
            BinOp::Mul => a.wrapping_mul(b),
            BinOp::And => a & b,
            BinOp::Or => a | b,
            BinOp::Xor => a ^ b,
            BinOp::Shl => a.wrapping_shl(b as u32 & 63),
            BinOp::Shr => a.wrapping_shr(b as u32 & 63),
            BinOp::ShrUn => ((a as u64) >> (b as u32 & 63)) as i64,
            BinOp::Div if b != 0 && !(a == i64::MIN && b == -1) => a / b,
            BinOp::Rem if b != 0 && !(a == i64::MIN && b == -1) => a % b,
            BinOp::DivUn if b != 0 => ((a as u64) / (b as u64)) as i64,
            BinOp::RemUn if b != 0 => ((a as u64) % (b as u64)) as i64,
            _ => return None,
        }
    } else {
        let r = match op {
            BinOp::Add => a32.wrapping_add(b32),
            BinOp::Sub => a32.wrapping_sub(b32),
            BinOp::Mul => a32.wrapping_mul(b32),
            BinOp::And => a32 & b32,
            BinOp::Or => a32 | b32,
            BinOp::Xor => a32 ^ b32,
            BinOp::Shl => a32.wrapping_shl(b32 as u32 & 31),
            BinOp::Shr => a32.wrapping_shr(b32 as u32 & 31),
            BinOp::ShrUn => ((a32 as u32) >> (b32 as u32 & 31)) as i32,
            BinOp::Div if b32 != 0 && !(a32 == i32::MIN && b32 == -1) => a32 / b32,
            BinOp::Rem if b32 != 0 && !(a32 == i32::MIN && b32 == -1) => a32 % b32,
            BinOp::DivUn if b32 != 0 => ((a32 as u32) / (b32 as u32)) as i32,
            BinOp::RemUn if b32 != 0 => ((a32 as u32) % (b32 as u32)) as i32,
            _ => return None,
        };
        r as i64
    })
}

fn compare(c: Cond, a: i64, b: i64, wide: bool) -> bool {
    let (a, b, ua, ub) = if wide {
        (a, b, a as u64, b as u64)
    } else {
        (
            a as i32 as i64,
            b as i32 as i64,
            a as u32 as u64,
            b as u32 as u64,
        )
    };
    match c {
        Cond::Eq => a == b,
        Cond::NeUn => a != b,
        Cond::Ge => a >= b,
        Cond::GeUn => ua >= ub,
        Cond::Gt => a > b,
        Cond::GtUn => ua > ub,
        Cond::Le => a <= b,
        Cond::LeUn => ua <= ub,
        Cond::Lt => a < b,
        Cond::LtUn => ua < ub,
    }
}

/// An integer conversion of a constant (as the emitter computes it).
fn convert(a: i64, from: Ty, to: JitType) -> i64 {
    // The source as 64 bits (an int32 sign-extended, or zero-extended for
    // the unsigned 64-bit targets, as the emitter loads it).
    let src = if from.is_64() {
        a
    } else if matches!(to, JitType::U8 | JitType::U) {
        a as u32 as i64
    } else {
        a as i32 as i64
    };
    match to {
        JitType::I1 => src as i8 as i64,
        JitType::U1 | JitType::Bool => src as u8 as i64,
        JitType::I2 => src as i16 as i64,
        JitType::U2 | JitType::Char => src as u16 as i64,
        JitType::I4 | JitType::U4 => src as i32 as i64,
        _ => src,
    }
}
