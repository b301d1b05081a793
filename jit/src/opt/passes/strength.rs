//! Strength reduction: integer multiplications, divisions and remainders
//! by constants become shifts, masks, additions and a multiplication,
//! which cost a few cycles where `idiv` costs tens.
//!
//! * `x * 2^k` → `x << k` (32 and 64 bits).
//! * Unsigned `x / 2^k` → `x >>> k`, `x % 2^k` → `x & (2^k - 1)`.
//! * Signed `x / 2^k` (k ≥ 1) rounds toward zero: a negative `x` is biased
//!   by `2^k - 1` first, `t = (x >> (w-1)) >>> (w-k)`, `(x + t) >> k`; and
//!   `x % 2^k = x - ((x + t) & -2^k)`.
//! * Signed 32-bit `x / d` for any other `|d| ≥ 3` (Granlund and
//!   Montgomery, "Division by invariant integers using multiplication",
//!   theorem 4.2): with `ℓ = ⌈log2 |d|⌉` and `m = ⌈2^(32+ℓ) / |d|⌉`,
//!   `⌊n / |d|⌋ = ⌊n·m / 2^(32+ℓ)⌋` for every `0 ≤ n < 2^32`. The pass
//!   takes `n = |x|` (at most 2^31, so `n·m < 2^64`: one 64-bit unsigned
//!   multiplication, exact), shifts, and gives the quotient `x`'s sign
//!   (and `d`'s). The remainder is `x - q·d`.
//! * Unsigned 32-bit `x / d` likewise with `n = x`, when `m < 2^32` (so
//!   that `n·m < 2^64`); other divisors keep `div`.
//!
//! A division by a constant other than 0 and -1 cannot throw, so the
//! replacement is pure. 64-bit divisions by other constants keep `idiv`
//! (their multiplication would need the high half of a 128-bit product).

use super::super::ir::{Block, Func, Inst, Op, Ty, Value};
use super::fold::constant;
use crate::ops::{BinOp, ConvOp};
use crate::types::JitType;

/// The instructions replacing one, built in order before it.
struct Seq<'f> {
    f: &'f mut Func,
    insts: Vec<Inst>,
    il: u32,
}

impl Seq<'_> {
    fn push(&mut self, op: Op, args: &[Value], ty: Ty) -> Value {
        let i = self.f.make_inst(op, args, Some(ty), self.il);
        self.insts.push(i);
        self.f.inst(i).result.expect("made with a result")
    }
    fn iconst(&mut self, c: i64, ty: Ty) -> Value {
        self.push(Op::Iconst(c), &[], ty)
    }
    fn bin(&mut self, op: BinOp, a: Value, b: Value, ty: Ty) -> Value {
        self.push(Op::Bin(op), &[a, b], ty)
    }
    /// `a op c` with a constant `c` of `a`'s type (shift counts are int32).
    fn bin_c(&mut self, op: BinOp, a: Value, c: i64, ty: Ty) -> Value {
        let count = matches!(op, BinOp::Shl | BinOp::Shr | BinOp::ShrUn);
        let k = self.iconst(c, if count { Ty::I32 } else { ty });
        self.bin(op, a, k, ty)
    }
    fn conv(&mut self, a: Value, to: JitType, ty: Ty) -> Value {
        let op = ConvOp {
            to,
            overflow: false,
            unsigned_source: false,
        };
        self.push(Op::Conv(op), &[a], ty)
    }
}

/// Reduces what it can; returns whether anything changed.
pub(crate) fn run(f: &mut Func) -> bool {
    let mut changed = false;
    let blocks: Vec<Block> = f.live_blocks().collect();
    for b in blocks {
        let mut out = Vec::with_capacity(f.block(b).insts.len());
        for i in f.block(b).insts.clone() {
            match reduce(f, i) {
                Some((insts, value)) => {
                    out.extend(insts);
                    let r = f.inst(i).result.expect("a binary operator has a result");
                    f.alias(r, value);
                    changed = true;
                }
                None => out.push(i),
            }
        }
        f.blocks[b.0 as usize].insts = out;
    }
    if changed {
        f.resolve_all();
    }
    changed
}

/// The instructions and the value that replace `i`, if it reduces.
fn reduce(f: &mut Func, i: Inst) -> Option<(Vec<Inst>, Value)> {
    let d = f.inst(i).clone();
    let Op::Bin(op) = d.op else {
        return None;
    };
    let r = d.result?;
    let ty = f.ty(r);
    if !matches!(ty, Ty::I32 | Ty::I64) {
        return None;
    }
    let width: u32 = if ty == Ty::I64 { 64 } else { 32 };
    let c = constant(f, d.args[1])?;
    // The constant as the operation sees it (a 32-bit one sign-extended).
    let c = if width == 32 { c as i32 as i64 } else { c };
    let unsigned = if width == 32 {
        c as u32 as u64
    } else {
        c as u64
    };
    let x = d.args[0];
    let mut s = Seq {
        f,
        insts: Vec::new(),
        il: d.il,
    };
    let pow2 = |v: u64| (v > 1 && v.is_power_of_two()).then(|| v.trailing_zeros() as i64);
    let value = match op {
        BinOp::Mul => {
            let k = pow2(unsigned)?;
            s.bin_c(BinOp::Shl, x, k, ty)
        }
        BinOp::DivUn => match pow2(unsigned) {
            Some(k) => s.bin_c(BinOp::ShrUn, x, k, ty),
            None if width == 32 => unsigned_div32(&mut s, x, unsigned)?,
            None => return None,
        },
        BinOp::RemUn => match pow2(unsigned) {
            Some(_) => s.bin_c(BinOp::And, x, c.wrapping_sub(1), ty),
            None if width == 32 => {
                let q = unsigned_div32(&mut s, x, unsigned)?;
                let qd = s.bin_c(BinOp::Mul, q, c, ty);
                s.bin(BinOp::Sub, x, qd, ty)
            }
            None => return None,
        },
        BinOp::Div | BinOp::Rem if c > 1 && pow2(c as u64).is_some() => {
            let k = pow2(c as u64)?;
            let sign = s.bin_c(BinOp::Shr, x, width as i64 - 1, ty);
            let bias = s.bin_c(BinOp::ShrUn, sign, width as i64 - k, ty);
            let biased = s.bin(BinOp::Add, x, bias, ty);
            if op == BinOp::Div {
                s.bin_c(BinOp::Shr, biased, k, ty)
            } else {
                let rounded = s.bin_c(BinOp::And, biased, c.wrapping_neg(), ty);
                s.bin(BinOp::Sub, x, rounded, ty)
            }
        }
        BinOp::Div | BinOp::Rem if width == 32 && c.unsigned_abs() >= 3 && c != i32::MIN as i64 => {
            let d_abs = c.unsigned_abs();
            if d_abs.is_power_of_two() {
                return None; // a negative power of two: rare, keeps idiv
            }
            // |x| (i32::MIN stays 0x8000_0000: 2^31 as unsigned).
            let sign = s.bin_c(BinOp::Shr, x, 31, Ty::I32);
            let flipped = s.bin(BinOp::Xor, x, sign, Ty::I32);
            let abs = s.bin(BinOp::Sub, flipped, sign, Ty::I32);
            let q_abs = magic_quotient(&mut s, abs, d_abs)?;
            // The quotient with x's sign.
            let q_flipped = s.bin(BinOp::Xor, q_abs, sign, Ty::I32);
            let q_x = s.bin(BinOp::Sub, q_flipped, sign, Ty::I32);
            if op == BinOp::Div {
                if c < 0 {
                    s.push(Op::Neg, &[q_x], Ty::I32)
                } else {
                    q_x
                }
            } else {
                let qd = s.bin_c(BinOp::Mul, q_x, d_abs as i64, Ty::I32);
                s.bin(BinOp::Sub, x, qd, Ty::I32)
            }
        }
        _ => return None,
    };
    Some((s.insts, value))
}

/// `⌊x / d⌋` of an unsigned 32-bit `x`, when the multiplier fits 32 bits.
fn unsigned_div32(s: &mut Seq<'_>, x: Value, d: u64) -> Option<Value> {
    if d > 1 << 31 {
        return None; // the quotient is 0 or 1: rare, keeps div
    }
    let (m, _) = magic(d);
    if m >= 1 << 32 {
        return None;
    }
    magic_quotient(s, x, d)
}

/// `⌊n / d⌋` for `n` (an int32 read as unsigned, at most 2^32 - 1; callers
/// ensure `n · m < 2^64`) and `d ≥ 3` not a power of two.
fn magic_quotient(s: &mut Seq<'_>, n: Value, d: u64) -> Option<Value> {
    let (m, shift) = magic(d);
    let wide = s.conv(n, JitType::U8, Ty::I64);
    let product = s.bin_c(BinOp::Mul, wide, m as i64, Ty::I64);
    let q = s.bin_c(BinOp::ShrUn, product, shift as i64, Ty::I64);
    Some(s.conv(q, JitType::I4, Ty::I32))
}

/// `(m, 32 + ℓ)` with `ℓ = ⌈log2 d⌉` and `m = ⌈2^(32+ℓ) / d⌉`, for
/// `3 ≤ d ≤ 2^31`: then `⌊n / d⌋ = ⌊n·m / 2^(32+ℓ)⌋` for `n < 2^32`, and
/// `m < 2^33`.
fn magic(d: u64) -> (u64, u32) {
    debug_assert!((3..=1 << 31).contains(&d));
    let l = 64 - (d - 1).leading_zeros();
    let shift = 32 + l;
    let m = (1u128 << shift).div_ceil(d as u128) as u64;
    (m, shift)
}

#[cfg(test)]
mod tests {
    use super::magic;

    /// The multiplier gives every quotient the pass relies on: all `n` near
    /// the ends of the range and a sweep between, for many divisors.
    #[test]
    fn magic_multipliers_divide_exactly() {
        let mut divisors: Vec<u64> = (3..2000).collect();
        divisors.extend([
            7919,
            65_521,
            100_003,
            1_000_000_007,
            (1 << 31) - 1,
            (1 << 31) - 3,
            (1 << 30) + 1,
        ]);
        for d in divisors {
            if d.is_power_of_two() {
                continue;
            }
            let (m, shift) = magic(d);
            assert!(m < 1 << 33);
            let check = |n: u64| {
                let q = (n as u128 * m as u128) >> shift;
                assert_eq!(q as u64, n / d, "n = {n}, d = {d}");
                // The pass's 64-bit product must not wrap.
                if n <= 1 << 31 || m < 1 << 32 {
                    assert!(n.checked_mul(m).is_some(), "n = {n}, d = {d}, m = {m}");
                }
            };
            for n in (0..5000).chain((1u64 << 31) - 5000..=(1 << 31) + 5000) {
                check(n);
            }
            if m < 1 << 32 {
                for n in (1u64 << 32) - 5000..1 << 32 {
                    check(n);
                }
            }
            let mut n = 1u64;
            while n < 1 << 32 {
                check(n);
                check(n - 1);
                n = n * 3 + 1;
            }
        }
    }
}
