//! Inlining in the optimizing tier (docs/jit.md, "Inlining").
//!
//! A call of a small managed method (the host decides which: IL size,
//! `NoInlining`, exception clauses, class initialization) is replaced by
//! the callee's body, built from the importer's output of the callee like
//! the caller's own code: its arguments are the call's argument values,
//! its locals start zeroed, and its result goes on the caller's stack.
//!
//! Stack traces stay right because an inlined body **cannot throw and has
//! no safepoint**: only straight-line bodies (one block ending in `ret`)
//! whose operations cannot fail are inlined: loads, stores and arithmetic
//! that cannot overflow or divide by zero, field accesses through a `this`
//! already known to be non-null (the caller's `callvirt` null check, which
//! a CLR makes at the call site too, or a new object), statics without a
//! class-initialization check, and calls of methods that are themselves
//! inlined by the same rules (up to [`MAX_DEPTH`] levels: a constructor
//! calling `Object::.ctor`). So no exception, stack walk or GC can observe
//! the missing frame, and the code map attributes everything to the call.

use std::collections::HashMap;

use super::{instance_offset, Builder, Ty, Value};
use crate::host::{CallSig, CallTarget, FieldLocation, MethodHandle, ThisKind};
use crate::ops::{self, BinOp};
use crate::types::{JitType, StackKind};
use crate::Inlinee;

/// How deep inlined calls nest (the outermost inlinee is depth 1).
pub(super) const MAX_DEPTH: u32 = 3;

/// An inlinee that passed the rules, with the plans of the calls it
/// inlines in turn (by instruction index).
struct Plan {
    inlinee: Inlinee,
    nested: HashMap<usize, Plan>,
}

impl Builder<'_, '_> {
    /// Inlines a call of `method` with `args` (popped, in the call's
    /// signature `sig`) if the host offers its body and the body follows
    /// the rules; `null_check` says the call null-checks `this`. Returns
    /// `None` when the call must be made, else the call's result.
    pub(super) fn try_inline(
        &mut self,
        method: MethodHandle,
        sig: &CallSig,
        args: &[Value],
        null_check: bool,
        il: u32,
    ) -> Result<Option<Option<Value>>, super::OptError> {
        let this_known = sig.this.is_some()
            && (null_check || args.first().is_some_and(|a| self.exact.contains_key(a)));
        let Some(plan) = self.plan(method, sig.this.is_some(), this_known, 1) else {
            return Ok(None);
        };
        let params = param_types(sig);
        let args: Vec<Value> = args
            .iter()
            .zip(&params)
            .map(|(a, p)| self.call_arg(*a, *p, il))
            .collect();
        if null_check && self.f.ty(args[0]) == Ty::Ref {
            let op = super::Op::NullCheck(crate::host::ThrowKind::NullReference);
            self.effect(op, &[args[0]], il);
        }
        self.inline_body(&plan, args, il).map(Some)
    }

    /// The plan of inlining `method` at depth `depth`, or `None` when it is
    /// not inlined. `this_nonnull`: the call has a `this` known non-null.
    fn plan(
        &mut self,
        method: MethodHandle,
        has_this: bool,
        this_nonnull: bool,
        depth: u32,
    ) -> Option<Plan> {
        if depth > MAX_DEPTH {
            return None;
        }
        let inlinee = self.host.inlinee(method)?;
        let nested = self.check(&inlinee, has_this && this_nonnull, depth)?;
        Some(Plan { inlinee, nested })
    }

    /// Checks an inlinee against the rules (the module documentation);
    /// returns the plans of its inlined calls.
    fn check(
        &mut self,
        inl: &Inlinee,
        this_nonnull: bool,
        depth: u32,
    ) -> Option<HashMap<usize, Plan>> {
        let instrs = &inl.imported.instrs;
        let last = instrs.len().checked_sub(1)?;
        if instrs.iter().skip(1).any(|i| i.block_entry.is_some())
            || !matches!(instrs[last].op, ops::Op::Ret)
            || inl.imported.arg_address_taken.iter().any(|t| *t)
            || inl.imported.local_address_taken.iter().any(|t| *t)
            || inl
                .args
                .iter()
                .chain(&inl.locals)
                .any(|t| Ty::of(*t).is_none())
            || (inl.ret != JitType::Void && Ty::of(inl.ret).is_none())
        {
            return None;
        }
        // Whether `this` (argument 0, a class reference) keeps its value.
        let this_stable = inl.args.first() == Some(&JitType::Ref)
            && this_nonnull
            && !instrs.iter().any(|i| matches!(i.op, ops::Op::StArg(0)));
        // The evaluation stack: which entries are that `this`.
        let mut stack: Vec<bool> = Vec::new();
        let mut nested = HashMap::new();
        for (k, ins) in instrs.iter().enumerate() {
            use ops::Op as O;
            let pop = |stack: &mut Vec<bool>, n: usize| -> Option<Vec<bool>> {
                let at = stack.len().checked_sub(n)?;
                Some(stack.split_off(at))
            };
            let ok_type = |t: JitType| Ty::of(t).is_some();
            match &ins.op {
                O::Nop => {}
                O::LdArg(n) => stack.push(*n == 0 && this_stable),
                O::StArg(_) | O::StLoc(_) | O::Pop => {
                    pop(&mut stack, 1)?;
                }
                O::LdLoc(_)
                | O::LdcI4(_)
                | O::LdcI8(_)
                | O::LdcR4(_)
                | O::LdcR8(_)
                | O::LdNull
                | O::LdStr(_) => stack.push(false),
                O::Dup => stack.push(*stack.last()?),
                O::Binary(op) => {
                    let float = matches!(ins.out, Some(StackKind::R4 | StackKind::R8));
                    let safe = match op {
                        BinOp::Add
                        | BinOp::Sub
                        | BinOp::Mul
                        | BinOp::And
                        | BinOp::Or
                        | BinOp::Xor
                        | BinOp::Shl
                        | BinOp::Shr
                        | BinOp::ShrUn => true,
                        BinOp::Div => float,
                        _ => false,
                    };
                    if !safe {
                        return None;
                    }
                    pop(&mut stack, 2)?;
                    stack.push(false);
                }
                O::Neg | O::Not => {
                    pop(&mut stack, 1)?;
                    stack.push(false);
                }
                O::Compare(_) => {
                    pop(&mut stack, 2)?;
                    stack.push(false);
                }
                O::Conv(c) if !c.overflow => {
                    pop(&mut stack, 1)?;
                    stack.push(false);
                }
                O::LdFld(f) => {
                    let obj = pop(&mut stack, 1)?;
                    if !obj[0] || !ok_type(f.ty) || instance_offset(f).is_err() {
                        return None;
                    }
                    stack.push(false);
                }
                O::StFld(f) => {
                    let v = pop(&mut stack, 2)?;
                    if !v[0] || !ok_type(f.ty) || instance_offset(f).is_err() {
                        return None;
                    }
                }
                O::LdSFld(f) | O::StSFld(f) => {
                    if f.class_init.is_some()
                        || !matches!(f.location, FieldLocation::Static { .. })
                        || !ok_type(f.ty)
                    {
                        return None;
                    }
                    if matches!(ins.op, O::LdSFld(_)) {
                        stack.push(false);
                    } else {
                        pop(&mut stack, 1)?;
                    }
                }
                O::Call {
                    info,
                    virt: _,
                    this_fixup: None,
                } if info.class_init.is_none()
                    && matches!(info.target, CallTarget::Managed { .. }) =>
                {
                    let popped = pop(&mut stack, info.sig.pop_count())?;
                    // The callee's `this` must be known non-null here too
                    // (a null check in inlined code could throw).
                    let this_ok = info.sig.this.is_none() || popped.first() == Some(&true);
                    if !this_ok
                        || info.sig.params.iter().any(|p| !ok_type(*p))
                        || (info.sig.ret != JitType::Void && !ok_type(info.sig.ret))
                    {
                        return None;
                    }
                    let has_this = info.sig.this.is_some();
                    let plan = self.plan(info.method, has_this, has_this, depth + 1)?;
                    nested.insert(k, plan);
                    if info.sig.ret != JitType::Void {
                        stack.push(false);
                    }
                }
                O::Ret if k == last => {
                    if inl.ret != JitType::Void {
                        pop(&mut stack, 1)?;
                    }
                    if !stack.is_empty() {
                        return None;
                    }
                }
                _ => return None,
            }
        }
        Some(nested)
    }

    /// Builds the body of a planned inlinee with `args` into the current
    /// block, every instruction at the call's IL offset `il`; returns its
    /// result.
    fn inline_body(
        &mut self,
        plan: &Plan,
        mut args: Vec<Value>,
        il: u32,
    ) -> Result<Option<Value>, super::OptError> {
        use ops::Op as O;
        let inl = &plan.inlinee;
        for (a, t) in args.iter_mut().zip(&inl.args) {
            *a = self.normalize_small(*a, *t, il);
        }
        let mut locals = Vec::with_capacity(inl.locals.len());
        for t in &inl.locals {
            let ty = Ty::of(*t).expect("checked by the plan");
            locals.push(self.zero(ty, il));
        }
        for (k, ins) in inl.imported.instrs.iter().enumerate() {
            match &ins.op {
                O::LdArg(n) => self.stack.push(args[*n as usize]),
                O::StArg(n) => {
                    let v = self.pop();
                    args[*n as usize] = self.coerce(v, inl.args[*n as usize], il)?;
                }
                O::LdLoc(n) => self.stack.push(locals[*n as usize]),
                O::StLoc(n) => {
                    let v = self.pop();
                    locals[*n as usize] = self.coerce(v, inl.locals[*n as usize], il)?;
                }
                O::Ret => {
                    if inl.ret == JitType::Void {
                        return Ok(None);
                    }
                    let v = self.pop();
                    return Ok(Some(self.coerce(v, inl.ret, il)?));
                }
                O::Call { info, .. } => {
                    let nested = plan.nested.get(&k).expect("planned");
                    let n = info.sig.pop_count();
                    let popped = self.pop_n(n);
                    let params = param_types(&info.sig);
                    let call_args = popped
                        .iter()
                        .zip(&params)
                        .map(|(a, p)| self.call_arg(*a, *p, il))
                        .collect();
                    if let Some(v) = self.inline_body(nested, call_args, il)? {
                        self.stack.push(v);
                    }
                }
                _ => {
                    let mut at_call = ins.clone();
                    at_call.il_offset = il;
                    self.op(&at_call, None)?;
                }
            }
        }
        Err(super::OptError::Internal(
            "an inlined body without ret".into(),
        ))
    }
}

/// The types of a call's arguments, `this` first.
fn param_types(sig: &CallSig) -> Vec<JitType> {
    let mut params = Vec::with_capacity(sig.params.len() + 1);
    if let Some(this) = sig.this {
        params.push(match this {
            ThisKind::Ref => JitType::Ref,
            ThisKind::ByRef => JitType::ByRef,
        });
    }
    params.extend(sig.params.iter().copied());
    params
}
