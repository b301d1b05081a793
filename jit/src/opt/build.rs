//! IR construction: the importer's typed ops ([`crate::import::Imported`])
//! become SSA values in basic blocks.
//!
//! Every IL argument, local and evaluation-stack depth is a *variable*;
//! reads and writes of variables become SSA values with the algorithm of
//! Braun et al., "Simple and Efficient Construction of Static Single
//! Assignment Form" (CC 2013): blocks are filled in IL order, a block is
//! *sealed* once all its predecessors are filled, and a read of a variable
//! in a block with several predecessors (or an unsealed one) becomes a
//! block parameter whose arguments are the variable's values at the end of
//! each predecessor. Parameters that turn out to receive one value only
//! are removed afterwards. The evaluation stack at block boundaries is thus
//! turned into block parameters like the locals.
//!
//! What this tier does not compile yet is declined here (the method stays
//! in the baseline tier): exception clauses, value types on the stack or in
//! variables, address-taken variables, runtime lookups of shared generic
//! code, and a handful of rare ops (see [`Builder::op`]).

use std::collections::HashMap;

use smallvec::SmallVec;

use super::ir::{Block, BlockCall, CallOp, Func, HelperOp, Op, Ty, Value, ValueDef};
use super::OptError;
use crate::host::{
    CallTarget, ExactType, FieldInfo, FieldLocation, NewObjectInfo, RtValue, RuntimeLayout,
    ThisKind, ThrowKind, TypeHandle,
};
use crate::import::Imported;
use crate::ops::{self, BinOp, Cond, ConvOp};
use crate::types::{JitType, StackKind};
use crate::MethodInput;

/// A variable: argument `n`, local `n`, or evaluation-stack depth `n`.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
enum Var {
    Arg(u16),
    Local(u16),
    Stack(u16),
}

fn decline(why: impl Into<String>) -> OptError {
    OptError::Declined(why.into())
}

/// Builds the IR of `method` from its imported ops.
pub(crate) fn build(
    method: &MethodInput<'_>,
    imported: &Imported,
    rt: &RuntimeLayout,
) -> Result<Func, OptError> {
    if !method.eh.is_empty() {
        return Err(decline("exception handling clauses"));
    }
    if method.class_init_lookup.is_some() {
        return Err(decline("a class-initialization lookup"));
    }
    for (i, a) in method.args.iter().enumerate() {
        if Ty::of(*a).is_none() {
            return Err(decline("a value-type argument"));
        }
        if imported.arg_address_taken[i] {
            return Err(decline("an address-taken argument"));
        }
    }
    if Ty::of(method.ret).is_none() && method.ret != JitType::Void {
        return Err(decline("a value-type return"));
    }
    for (i, l) in method.locals.iter().enumerate() {
        if Ty::of(l.ty).is_none() {
            return Err(decline("a value-type local"));
        }
        if imported.local_address_taken[i] || l.pinned {
            return Err(decline("an address-taken or pinned local"));
        }
    }
    let mut b = Builder {
        method,
        imported,
        rt,
        f: Func {
            has_handlers: !method.eh.is_empty(),
            ..Func::default()
        },
        block_of: HashMap::new(),
        preds: Vec::new(),
        filled: Vec::new(),
        sealed: Vec::new(),
        defs: HashMap::new(),
        incomplete: HashMap::new(),
        edge_args: HashMap::new(),
        var_ty: HashMap::new(),
        stack: Vec::new(),
        cur: Func::ENTRY,
    };
    b.run()?;
    Ok(b.f)
}

struct Builder<'a> {
    method: &'a MethodInput<'a>,
    imported: &'a Imported,
    rt: &'a RuntimeLayout,
    f: Func,
    /// The block of each IL block start.
    block_of: HashMap<u32, Block>,
    /// Predecessors of each block (deduplicated).
    preds: Vec<Vec<Block>>,
    filled: Vec<bool>,
    sealed: Vec<bool>,
    /// The value of each variable at the end of (or, while filling, so far
    /// in) each block.
    defs: HashMap<(Var, Block), Value>,
    /// Parameters created in unsealed blocks, completed when they are sealed.
    incomplete: HashMap<Block, Vec<(Var, Value)>>,
    /// The argument each predecessor passes for each block parameter.
    edge_args: HashMap<(Block, Value), Value>,
    /// The type of the evaluation-stack variables at the start of each
    /// block (from the importer's entry shapes).
    var_ty: HashMap<(Var, Block), Ty>,
    /// The evaluation stack while filling a block.
    stack: Vec<Value>,
    /// The block being filled.
    cur: Block,
}

/// The IL successors of the block whose last instruction is `op` (the next
/// block start is `next`).
fn il_succs(op: &ops::Op, next: Option<u32>) -> SmallVec<[u32; 2]> {
    use ops::Op as O;
    let mut out = SmallVec::new();
    match op {
        O::Br(t) => out.push(*t),
        O::BrBool(_, t) | O::BrCmp(_, t) => {
            out.push(*t);
            out.extend(next);
        }
        O::Switch(ts) => {
            out.extend(ts.iter().copied());
            out.extend(next);
        }
        O::Ret
        | O::Throw
        | O::Rethrow(_)
        | O::EndFinally(_)
        | O::EndFilter(_)
        | O::RaiseDeferred(_) => {}
        O::Leave { target, .. } => out.push(*target),
        _ => out.extend(next),
    }
    out
}

impl Builder<'_> {
    fn run(&mut self) -> Result<(), OptError> {
        let instrs = &self.imported.instrs;
        // Block starts and the instruction ranges of the IL blocks.
        let mut starts: Vec<(u32, usize)> = Vec::new();
        for (i, ins) in instrs.iter().enumerate() {
            if ins.block_entry.is_some() {
                starts.push((ins.il_offset, i));
            }
        }
        let ranges: Vec<(u32, usize, usize)> = starts
            .iter()
            .enumerate()
            .map(|(k, &(il, i))| {
                let end = starts.get(k + 1).map_or(instrs.len(), |s| s.1);
                (il, i, end)
            })
            .collect();
        // Reachable IL blocks, from IL_0000.
        let index_of: HashMap<u32, usize> =
            ranges.iter().enumerate().map(|(k, r)| (r.0, k)).collect();
        let mut reachable = vec![false; ranges.len()];
        let mut work = vec![*index_of.get(&0).ok_or_else(|| decline("no code"))?];
        while let Some(k) = work.pop() {
            if reachable[k] {
                continue;
            }
            reachable[k] = true;
            let (_, _, end) = ranges[k];
            let next = ranges.get(k + 1).map(|r| r.0);
            for t in il_succs(&instrs[end - 1].op, next) {
                let tk = *index_of
                    .get(&t)
                    .ok_or_else(|| decline("a branch to a non-block"))?;
                work.push(tk);
            }
        }
        // Blocks: the entry, then one per reachable IL block in IL order.
        let entry = self.new_block(0);
        debug_assert_eq!(entry, Func::ENTRY);
        for (k, r) in ranges.iter().enumerate() {
            if reachable[k] {
                let b = self.new_block(r.0);
                self.block_of.insert(r.0, b);
                let shape = instrs[r.1].block_entry.as_ref().expect("a block start");
                for (d, kind) in shape.iter().enumerate() {
                    let ty = stack_ty(*kind)?;
                    self.var_ty.insert((Var::Stack(d as u16), b), ty);
                }
            }
        }
        let first = self.block_of[&0];
        self.preds[first.0 as usize].push(entry);
        for (k, r) in ranges.iter().enumerate() {
            if !reachable[k] {
                continue;
            }
            let from = self.block_of[&r.0];
            let next = ranges.get(k + 1).map(|r| r.0);
            for t in il_succs(&instrs[r.2 - 1].op, next) {
                let to = self.block_of[&t];
                if !self.preds[to.0 as usize].contains(&from) {
                    self.preds[to.0 as usize].push(from);
                }
            }
        }
        // The entry block: arguments, zeroed locals, class initialization, a poll.
        self.cur = entry;
        self.seal(entry);
        for (n, t) in self.method.args.clone().iter().enumerate() {
            let ty = Ty::of(*t).expect("checked");
            let v = self.push(Op::Param(n as u16), &[], Some(ty), 0);
            let v = self.normalize_small(v, *t, 0);
            self.write(Var::Arg(n as u16), v);
        }
        for (n, l) in self.method.locals.clone().iter().enumerate() {
            let ty = Ty::of(l.ty).expect("checked");
            let z = self.zero(ty, 0);
            self.write(Var::Local(n as u16), z);
        }
        if let Some(check) = self.method.class_init {
            self.push(
                Op::Helper(HelperOp::ClassInit {
                    flag: check.flag_address,
                    handle: check.handle,
                }),
                &[],
                None,
                0,
            );
        }
        self.push(Op::Safepoint, &[], None, 0);
        self.push(Op::Jump(BlockCall::new(first)), &[], None, 0);
        self.filled[entry.0 as usize] = true;
        // The IL blocks, in order.
        for (k, r) in ranges.iter().enumerate() {
            if !reachable[k] {
                continue;
            }
            let b = self.block_of[&r.0];
            self.seal_ready();
            self.cur = b;
            let depth = instrs[r.1]
                .block_entry
                .as_ref()
                .expect("a block start")
                .len();
            self.stack = (0..depth)
                .map(|d| self.read(Var::Stack(d as u16), b))
                .collect();
            let next = ranges.get(k + 1).map(|r| r.0);
            let mut ended = false;
            for ins in &instrs[r.1..r.2] {
                ended = self.op(ins, next)?;
            }
            if !ended {
                // Falls through into the next block.
                let next = next.ok_or_else(|| decline("control falls off the end"))?;
                self.end_block(&[next], None);
                let t = self.block_of[&next];
                self.push(
                    Op::Jump(BlockCall::new(t)),
                    &[],
                    None,
                    instrs[r.2 - 1].il_offset,
                );
            }
            self.filled[b.0 as usize] = true;
        }
        self.seal_ready();
        if self.sealed.iter().any(|s| !s) {
            return Err(OptError::Internal("a block was never sealed".into()));
        }
        self.finish_params();
        Ok(())
    }

    fn new_block(&mut self, il: u32) -> Block {
        self.preds.push(Vec::new());
        self.filled.push(false);
        self.sealed.push(false);
        self.f.new_block(il)
    }

    /// Seals every block whose predecessors are all filled.
    fn seal_ready(&mut self) {
        loop {
            let ready: Vec<Block> = (0..self.f.blocks.len())
                .filter(|&b| {
                    !self.sealed[b] && self.preds[b].iter().all(|p| self.filled[p.0 as usize])
                })
                .map(|b| Block(b as u32))
                .collect();
            if ready.is_empty() {
                return;
            }
            for b in ready {
                self.seal(b);
            }
        }
    }

    fn seal(&mut self, b: Block) {
        while let Some(list) = self.incomplete.remove(&b) {
            for (var, param) in list {
                self.add_param_args(var, b, param);
            }
        }
        self.sealed[b.0 as usize] = true;
    }

    // ----- variables (Braun et al.) -------------------------------------------

    fn write(&mut self, var: Var, v: Value) {
        self.defs.insert((var, self.cur), v);
    }

    fn var_type(&self, var: Var, b: Block) -> Ty {
        match var {
            Var::Arg(n) => Ty::of(self.method.args[n as usize]).expect("checked"),
            Var::Local(n) => Ty::of(self.method.locals[n as usize].ty).expect("checked"),
            Var::Stack(_) => *self
                .var_ty
                .get(&(var, b))
                .expect("stack variables are read only at block starts with that depth"),
        }
    }

    fn read(&mut self, var: Var, b: Block) -> Value {
        if let Some(v) = self.defs.get(&(var, b)) {
            return *v;
        }
        let v = if !self.sealed[b.0 as usize] {
            let ty = self.var_type(var, b);
            let p = self.f.add_param(b, ty);
            self.incomplete.entry(b).or_default().push((var, p));
            p
        } else if self.preds[b.0 as usize].len() == 1 {
            let p = self.preds[b.0 as usize][0];
            self.read(var, p)
        } else {
            let ty = self.var_type(var, b);
            let p = self.f.add_param(b, ty);
            self.defs.insert((var, b), p);
            self.add_param_args(var, b, p);
            p
        };
        self.defs.insert((var, b), v);
        v
    }

    fn add_param_args(&mut self, var: Var, b: Block, param: Value) {
        for p in self.preds[b.0 as usize].clone() {
            let v = self.read(var, p);
            self.edge_args.insert((p, param), v);
        }
    }

    /// Removes parameters that receive a single value (or themselves),
    /// then writes every block call's arguments.
    fn finish_params(&mut self) {
        // Incoming values per parameter.
        let mut incoming: HashMap<Value, Vec<Value>> = HashMap::new();
        for (&(_, param), &v) in &self.edge_args {
            incoming.entry(param).or_default().push(v);
        }
        loop {
            let mut changed = false;
            for b in 0..self.f.blocks.len() {
                let params = self.f.blocks[b].params.clone();
                for p in params {
                    let mut same = None;
                    let mut trivial = true;
                    for &v in incoming.get(&p).map(|v| v.as_slice()).unwrap_or(&[]) {
                        let v = self.f.resolve(v);
                        if v == p || Some(v) == same {
                            continue;
                        }
                        if same.is_some() {
                            trivial = false;
                            break;
                        }
                        same = Some(v);
                    }
                    if trivial {
                        if let Some(to) = same {
                            self.f.alias(p, to);
                            self.f.blocks[b].params.retain(|q| *q != p);
                            changed = true;
                        }
                    }
                }
            }
            if !changed {
                break;
            }
        }
        // Renumber the surviving parameters and write the arguments.
        for b in 0..self.f.blocks.len() {
            for (n, p) in self.f.blocks[b].params.clone().iter().enumerate() {
                self.f.values[p.0 as usize].def = ValueDef::Param(Block(b as u32), n as u32);
            }
        }
        for b in 0..self.f.blocks.len() {
            let Some(t) = self.f.terminator(Block(b as u32)) else {
                continue;
            };
            let mut op = std::mem::replace(&mut self.f.inst_mut(t).op, Op::Unreachable);
            for call in op.targets_mut() {
                call.args = self.f.blocks[call.block.0 as usize]
                    .params
                    .iter()
                    .map(|p| {
                        let v = self.edge_args[&(Block(b as u32), *p)];
                        self.f.resolve(v)
                    })
                    .collect();
            }
            self.f.inst_mut(t).op = op;
        }
        self.f.resolve_all();
    }

    // ----- emitting ---------------------------------------------------------------

    fn push(&mut self, op: Op, args: &[Value], ty: Option<Ty>, il: u32) -> Value {
        let cur = self.cur;
        match self.f.push(cur, op, args, ty, il) {
            Some(v) => v,
            // Callers of effect-only ops ignore the result.
            None => Value(u32::MAX),
        }
    }

    fn effect(&mut self, op: Op, args: &[Value], il: u32) {
        let cur = self.cur;
        self.f.push(cur, op, args, None, il);
    }

    fn zero(&mut self, ty: Ty, il: u32) -> Value {
        if ty.is_float() {
            self.push(Op::Fconst(0), &[], Some(ty), il)
        } else {
            self.push(Op::Iconst(0), &[], Some(ty), il)
        }
    }

    fn iconst(&mut self, v: i64, ty: Ty, il: u32) -> Value {
        self.push(Op::Iconst(v), &[], Some(ty), il)
    }

    fn conv(&mut self, v: Value, to: JitType, unsigned_source: bool, il: u32) -> Value {
        let ty = Ty::of(to).expect("a primitive");
        self.push(
            Op::Conv(ConvOp {
                to,
                overflow: false,
                unsigned_source,
            }),
            &[v],
            Some(ty),
            il,
        )
    }

    /// Sign- or zero-extends the low bits of a small integer to 32 bits.
    fn normalize_small(&mut self, v: Value, t: JitType, il: u32) -> Value {
        match t {
            JitType::Bool
            | JitType::U1
            | JitType::I1
            | JitType::I2
            | JitType::U2
            | JitType::Char => self.conv(v, t, false, il),
            _ => v,
        }
    }

    /// `v` as a value of the location type `to` (a store, an argument, a
    /// return): integers widened or narrowed, small integers truncated and
    /// extended, floats converted, pointers retyped.
    fn coerce(&mut self, v: Value, to: JitType, il: u32) -> Result<Value, OptError> {
        let from = self.f.ty(v);
        let want = Ty::of(to).ok_or_else(|| decline("a value-type store"))?;
        Ok(match (from, want) {
            _ if matches!(
                to,
                JitType::Bool
                    | JitType::U1
                    | JitType::I1
                    | JitType::I2
                    | JitType::U2
                    | JitType::Char
            ) =>
            {
                let v = if from == Ty::I64 {
                    self.conv(v, JitType::I4, false, il)
                } else {
                    v
                };
                self.normalize_small(v, to, il)
            }
            (a, b) if a == b => v,
            (Ty::I32, Ty::I64) => {
                let t = if matches!(to, JitType::U8 | JitType::U) {
                    JitType::U8
                } else {
                    JitType::I8
                };
                self.conv(v, t, false, il)
            }
            (Ty::I64, Ty::I32) => self.conv(v, JitType::I4, false, il),
            (Ty::F32, Ty::F64) => self.conv(v, JitType::R8, false, il),
            (Ty::F64, Ty::F32) => self.conv(v, JitType::R4, false, il),
            (Ty::I32, Ty::ByRef) => {
                let w = self.conv(v, JitType::I8, false, il);
                self.push(Op::Copy, &[w], Some(Ty::ByRef), il)
            }
            (Ty::I64 | Ty::ByRef, Ty::I64 | Ty::ByRef) => self.push(Op::Copy, &[v], Some(want), il),
            _ => return Err(decline(format!("a store of {from:?} as {to:?}"))),
        })
    }

    /// Widens an I32 to 64 bits (signed) when `wide`, and an F32 to F64.
    fn widen(&mut self, v: Value, wide: bool, il: u32) -> Value {
        match self.f.ty(v) {
            Ty::I32 if wide => self.conv(v, JitType::I8, false, il),
            Ty::F32 if wide => self.conv(v, JitType::R8, false, il),
            _ => v,
        }
    }

    fn pop(&mut self) -> Value {
        self.stack.pop().expect("the importer checked the stack")
    }

    fn pop_n(&mut self, n: usize) -> Vec<Value> {
        let at = self.stack.len() - n;
        self.stack.split_off(at)
    }

    /// Ends the current block: the stack goes to the successors.
    fn end_block(&mut self, _succs: &[u32], _il: Option<u32>) {
        for (d, v) in self.stack.clone().into_iter().enumerate() {
            self.write(Var::Stack(d as u16), v);
        }
    }

    fn target(&self, il: u32) -> BlockCall {
        BlockCall::new(self.block_of[&il])
    }

    /// Polls before a branch to a loop head.
    fn poll_if_backward(&mut self, targets: &[u32], il: u32) {
        if targets
            .iter()
            .any(|t| *t <= il && self.imported.loop_heads.contains(t))
        {
            self.effect(Op::Safepoint, &[], il);
        }
    }

    // ----- ops ----------------------------------------------------------------------

    /// Translates one instruction; returns whether it ended the block.
    fn op(&mut self, ins: &crate::import::Instr, next: Option<u32>) -> Result<bool, OptError> {
        use ops::Op as O;
        let il = ins.il_offset;
        match &ins.op {
            O::Nop => {}
            O::LdArg(n) => {
                let v = self.read(Var::Arg(*n), self.cur);
                self.stack.push(v);
            }
            O::StArg(n) => {
                let v = self.pop();
                let v = self.coerce(v, self.method.args[*n as usize], il)?;
                self.write(Var::Arg(*n), v);
            }
            O::LdLoc(n) => {
                let v = self.read(Var::Local(*n), self.cur);
                self.stack.push(v);
            }
            O::StLoc(n) => {
                let v = self.pop();
                let v = self.coerce(v, self.method.locals[*n as usize].ty, il)?;
                self.write(Var::Local(*n), v);
            }
            O::LdcI4(v) => {
                let c = self.iconst(*v as i64, Ty::I32, il);
                self.stack.push(c);
            }
            O::LdcI8(v) => {
                let c = self.iconst(*v, Ty::I64, il);
                self.stack.push(c);
            }
            O::LdcR4(v) => {
                let c = self.push(Op::Fconst(v.to_bits() as u64), &[], Some(Ty::F32), il);
                self.stack.push(c);
            }
            O::LdcR8(v) => {
                let c = self.push(Op::Fconst(v.to_bits()), &[], Some(Ty::F64), il);
                self.stack.push(c);
            }
            O::LdNull => {
                let c = self.iconst(0, Ty::Ref, il);
                self.stack.push(c);
            }
            O::LdStr(addr) => {
                let c = self.iconst(*addr as i64, Ty::Ref, il);
                self.stack.push(c);
            }
            O::LdFtn(RtValue::Const(e)) => {
                let c = self.iconst(*e as i64, Ty::I64, il);
                self.stack.push(c);
            }
            O::Dup => {
                let v = *self.stack.last().expect("checked");
                self.stack.push(v);
            }
            O::Pop => {
                self.pop();
            }
            O::Binary(op) => {
                let out = ins.out.expect("binary ops push");
                let b = self.pop();
                let a = self.pop();
                let v = self.binary(*op, a, b, out, il)?;
                self.stack.push(v);
            }
            O::Neg | O::Not => {
                let a = self.pop();
                let ty = self.f.ty(a);
                let op = if matches!(ins.op, O::Neg) {
                    Op::Neg
                } else {
                    Op::Not
                };
                let v = self.push(op, &[a], Some(ty), il);
                self.stack.push(v);
            }
            O::Compare(c) => {
                let b = self.pop();
                let a = self.pop();
                let (a, b) = self.comparands(a, b, il);
                let v = self.push(Op::Cmp(*c), &[a, b], Some(Ty::I32), il);
                self.stack.push(v);
            }
            O::Conv(c) => {
                let a = self.pop();
                let ty = Ty::of(c.to).expect("conversions go to primitives");
                let v = match self.f.ty(a) {
                    Ty::Ref | Ty::ByRef => self.push(Op::Copy, &[a], Some(Ty::I64), il),
                    _ => self.push(Op::Conv(*c), &[a], Some(ty), il),
                };
                self.stack.push(v);
            }
            O::Br(t) => {
                self.end_block(&[*t], Some(il));
                self.poll_if_backward(&[*t], il);
                let call = self.target(*t);
                self.effect(Op::Jump(call), &[], il);
                return Ok(true);
            }
            O::BrBool(nonzero, t) => {
                let v = self.pop();
                let next = next.ok_or_else(|| decline("a branch at the end"))?;
                self.end_block(&[*t, next], Some(il));
                self.poll_if_backward(&[*t], il);
                let (yes, no) = if *nonzero { (*t, next) } else { (next, *t) };
                let (yes, no) = (self.target(yes), self.target(no));
                self.effect(Op::Brif(yes, no), &[v], il);
                return Ok(true);
            }
            O::BrCmp(c, t) => {
                let b = self.pop();
                let a = self.pop();
                let (a, b) = self.comparands(a, b, il);
                let next = next.ok_or_else(|| decline("a branch at the end"))?;
                self.end_block(&[*t, next], Some(il));
                self.poll_if_backward(&[*t], il);
                let (yes, no) = (self.target(*t), self.target(next));
                self.effect(Op::BrCmp(*c, yes, no), &[a, b], il);
                return Ok(true);
            }
            O::Switch(targets) => {
                let v = self.pop();
                let v = if self.f.ty(v) == Ty::I64 {
                    self.conv(v, JitType::I4, false, il)
                } else {
                    v
                };
                let next = next.ok_or_else(|| decline("a switch at the end"))?;
                self.end_block(targets, Some(il));
                self.poll_if_backward(targets, il);
                let calls = targets.iter().map(|t| self.target(*t)).collect();
                let default = self.target(next);
                self.effect(Op::Switch(calls, default), &[v], il);
                return Ok(true);
            }
            O::Ret => {
                if self.method.ret == JitType::Void {
                    self.effect(Op::Return, &[], il);
                } else {
                    let v = self.pop();
                    let v = self.coerce(v, self.method.ret, il)?;
                    self.effect(Op::Return, &[v], il);
                }
                return Ok(true);
            }
            O::Throw => {
                let v = self.pop();
                self.effect(Op::Helper(HelperOp::Throw), &[v], il);
                self.effect(Op::Unreachable, &[], il);
                return Ok(true);
            }
            O::RaiseDeferred(failure) => {
                self.stack.clear();
                self.effect(Op::Helper(HelperOp::RaiseDeferred(*failure)), &[], il);
                self.effect(Op::Unreachable, &[], il);
                return Ok(true);
            }
            O::Call {
                info,
                virt,
                this_fixup,
            } => {
                if this_fixup.is_some() {
                    return Err(decline("a constrained call"));
                }
                if info.class_init.is_some() {
                    return Err(decline("a caller-side class-initialization check"));
                }
                let n = info.sig.pop_count();
                let args = self.pop_n(n);
                let null_check = *virt || matches!(info.target, CallTarget::Virtual { .. });
                if let Some(v) = self.call(&info.target, &info.sig, args, null_check, il)? {
                    self.stack.push(v);
                }
            }
            O::NewObj(info) => self.new_obj(info, il)?,
            O::LdFld(f) => {
                let obj = self.pop();
                let off = instance_offset(f)?;
                let obj = self.object_base(obj, ThrowKind::NullReference, il)?;
                let ty = Ty::of(f.ty).ok_or_else(|| decline("a value-type field"))?;
                let v = self.push(Op::Load(f.ty, off), &[obj], Some(ty), il);
                self.stack.push(v);
            }
            O::LdFldA(f) => {
                let obj = self.pop();
                let off = instance_offset(f)?;
                let kind = self.f.ty(obj);
                let obj = self.object_base(obj, ThrowKind::NullFieldAddress, il)?;
                let ty = if kind == Ty::I64 { Ty::I64 } else { Ty::ByRef };
                let v = self.push(Op::AddrOffset(off), &[obj], Some(ty), il);
                self.stack.push(v);
            }
            O::StFld(f) => {
                let value = self.pop();
                let obj = self.pop();
                let off = instance_offset(f)?;
                let obj = self.object_base(obj, ThrowKind::NullReference, il)?;
                let value = self.coerce(value, f.ty, il)?;
                let barrier = f.ty == JitType::Ref && self.rt.write_barrier.is_some();
                self.effect(Op::Store(f.ty, off, barrier), &[obj, value], il);
            }
            O::LdSFld(f) => {
                let addr = self.static_address(f, il)?;
                let ty = Ty::of(f.ty).ok_or_else(|| decline("a value-type static"))?;
                let v = self.push(Op::Load(f.ty, 0), &[addr], Some(ty), il);
                self.stack.push(v);
            }
            O::LdSFldA(f) => {
                let addr = self.static_address(f, il)?;
                let v = self.push(Op::Copy, &[addr], Some(Ty::ByRef), il);
                self.stack.push(v);
            }
            O::StSFld(f) => {
                let value = self.pop();
                let addr = self.static_address(f, il)?;
                let value = self.coerce(value, f.ty, il)?;
                let barrier = f.ty == JitType::Ref && self.rt.write_barrier.is_some();
                self.effect(Op::Store(f.ty, 0, barrier), &[addr, value], il);
            }
            O::LdInd(t) => {
                let ptr = self.pop();
                let ty = Ty::of(*t).ok_or_else(|| decline("a value-type load"))?;
                let v = self.push(Op::Load(*t, 0), &[ptr], Some(ty), il);
                self.stack.push(v);
            }
            O::StInd(t) => {
                let value = self.pop();
                let ptr = self.pop();
                let value = self.coerce(value, *t, il)?;
                let barrier = *t == JitType::Ref && self.rt.write_barrier.is_some();
                self.effect(Op::Store(*t, 0, barrier), &[ptr, value], il);
            }
            O::LdLen => {
                let arr = self.pop();
                self.effect(Op::NullCheck(ThrowKind::NullReference), &[arr], il);
                let v = self.push(Op::ArrayLen, &[arr], Some(Ty::I64), il);
                self.stack.push(v);
            }
            O::LdElemA(_, Some(_)) => {
                // The exact-element check of `ldelema` on an array of
                // references (covariance) stays in the baseline tier.
                return Err(decline("ldelema with an exact-element check"));
            }
            O::LdElem(t) | O::LdElemA(t, None) => {
                let index = self.pop();
                let arr = self.pop();
                let addr = self.element_address(arr, index, *t, il)?;
                let v = if matches!(ins.op, O::LdElemA(..)) {
                    addr
                } else {
                    let ty = Ty::of(*t).ok_or_else(|| decline("a value-type element"))?;
                    self.push(Op::Load(*t, 0), &[addr], Some(ty), il)
                };
                self.stack.push(v);
            }
            O::StElem(t) => {
                let value = self.pop();
                let index = self.pop();
                let arr = self.pop();
                if *t == JitType::Ref {
                    let index = self.widen(index, true, il);
                    self.effect(Op::Helper(HelperOp::StElemRef), &[arr, index, value], il);
                } else {
                    let addr = self.element_address(arr, index, *t, il)?;
                    let value = self.coerce(value, *t, il)?;
                    self.effect(Op::Store(*t, 0, false), &[addr, value], il);
                }
            }
            O::NewArr(h) => {
                let len = self.pop();
                let len = self.widen(len, true, il);
                let mt = exact(h)?;
                let v = self.push(
                    Op::Helper(HelperOp::NewArray(mt)),
                    &[len],
                    Some(Ty::Ref),
                    il,
                );
                self.stack.push(v);
            }
            O::CastClass(RtValue::Const(mt)) => {
                let obj = self.pop();
                let op = Op::Helper(HelperOp::CastClass(TypeHandle(*mt)));
                let v = self.push(op, &[obj], Some(Ty::Ref), il);
                self.stack.push(v);
            }
            O::IsInst(RtValue::Const(mt)) => {
                let obj = self.pop();
                let op = Op::Helper(HelperOp::IsInst(TypeHandle(*mt)));
                let v = self.push(op, &[obj], Some(Ty::Ref), il);
                self.stack.push(v);
            }
            O::Box(h, ty) => {
                if *ty == JitType::Ref {
                    return Ok(false);
                }
                if Ty::of(*ty).is_none() {
                    return Err(decline("boxing a struct"));
                }
                let value = self.pop();
                let value = self.coerce(value, *ty, il)?;
                let mt = exact(h)?;
                let obj = self.push(Op::Helper(HelperOp::NewObject(mt)), &[], Some(Ty::Ref), il);
                self.effect(Op::Store(*ty, 8, false), &[obj, value], il);
                self.stack.push(obj);
            }
            O::UnboxAny(RtValue::Const(mt), ty) => {
                let obj = self.pop();
                let mt = TypeHandle(*mt);
                if *ty == JitType::Ref {
                    let op = Op::Helper(HelperOp::CastClass(mt));
                    let v = self.push(op, &[obj], Some(Ty::Ref), il);
                    self.stack.push(v);
                } else {
                    let t = Ty::of(*ty).ok_or_else(|| decline("unboxing a struct"))?;
                    let op = Op::Helper(HelperOp::Unbox(mt));
                    let o = self.push(op, &[obj], Some(Ty::Ref), il);
                    let v = self.push(Op::Load(*ty, 8), &[o], Some(t), il);
                    self.stack.push(v);
                }
            }
            O::Unbox(RtValue::Const(mt)) => {
                let obj = self.pop();
                let op = Op::Helper(HelperOp::Unbox(TypeHandle(*mt)));
                let o = self.push(op, &[obj], Some(Ty::Ref), il);
                let v = self.push(Op::AddrOffset(8), &[o], Some(Ty::ByRef), il);
                self.stack.push(v);
            }
            other => return Err(decline(op_name(other))),
        }
        Ok(false)
    }

    fn binary(
        &mut self,
        op: BinOp,
        a: Value,
        b: Value,
        out: StackKind,
        il: u32,
    ) -> Result<Value, OptError> {
        let ty = stack_ty(out)?;
        if ty.is_float() {
            if matches!(op, BinOp::Rem) {
                return Err(decline("floating-point remainder"));
            }
            let wide = ty == Ty::F64;
            let (a, b) = (self.widen(a, wide, il), self.widen(b, wide, il));
            return Ok(self.push(Op::Bin(op), &[a, b], Some(ty), il));
        }
        let wide = ty.is_64();
        let a = self.widen(a, wide, il);
        // A shift count stays as it is (only its low bits count).
        let b = if op.is_shift() {
            b
        } else {
            self.widen(b, wide, il)
        };
        Ok(self.push(Op::Bin(op), &[a, b], Some(ty), il))
    }

    /// The operands of a comparison at a common width.
    fn comparands(&mut self, a: Value, b: Value, il: u32) -> (Value, Value) {
        let (ta, tb) = (self.f.ty(a), self.f.ty(b));
        if ta.is_float() || tb.is_float() {
            let wide = ta == Ty::F64 || tb == Ty::F64;
            return (self.widen(a, wide, il), self.widen(b, wide, il));
        }
        let wide = ta.is_64() || tb.is_64();
        (self.widen(a, wide, il), self.widen(b, wide, il))
    }

    /// The base of a field access: a reference is null-checked.
    fn object_base(&mut self, obj: Value, kind: ThrowKind, il: u32) -> Result<Value, OptError> {
        match self.f.ty(obj) {
            Ty::Ref => {
                self.effect(Op::NullCheck(kind), &[obj], il);
                Ok(obj)
            }
            Ty::ByRef | Ty::I64 => Ok(obj),
            _ => Err(decline("a field of a value on the stack")),
        }
    }

    fn element_address(
        &mut self,
        arr: Value,
        index: Value,
        elem: JitType,
        il: u32,
    ) -> Result<Value, OptError> {
        let size = match elem.primitive_size() {
            Some(s) => s,
            None => return Err(decline("a value-type element")),
        };
        self.effect(Op::NullCheck(ThrowKind::NullReference), &[arr], il);
        self.effect(Op::BoundsCheck, &[arr, index], il);
        let offset = self.rt.array_data_offset;
        Ok(self.push(
            Op::ElemAddr {
                scale: size as u8,
                offset,
            },
            &[arr, index],
            Some(Ty::ByRef),
            il,
        ))
    }

    fn static_address(&mut self, f: &FieldInfo, il: u32) -> Result<Value, OptError> {
        if let Some(check) = f.class_init {
            self.effect(
                Op::Helper(HelperOp::ClassInit {
                    flag: check.flag_address,
                    handle: check.handle,
                }),
                &[],
                il,
            );
        }
        match f.location {
            FieldLocation::Static { address } => Ok(self.iconst(address as i64, Ty::I64, il)),
            _ => Err(decline("a static field found by a runtime lookup")),
        }
    }

    /// A call: arguments converted to the parameter types.
    fn call(
        &mut self,
        target: &CallTarget,
        sig: &crate::host::CallSig,
        args: Vec<Value>,
        null_check_this: bool,
        il: u32,
    ) -> Result<Option<Value>, OptError> {
        match target {
            CallTarget::Managed { .. }
            | CallTarget::Virtual { .. }
            | CallTarget::Interface { .. }
            | CallTarget::FCall { .. } => {}
            _ => return Err(decline("a call of this kind")),
        }
        let mut params: SmallVec<[JitType; 4]> = SmallVec::new();
        if let Some(this) = sig.this {
            params.push(match this {
                ThisKind::Ref => JitType::Ref,
                ThisKind::ByRef => JitType::ByRef,
            });
        }
        params.extend(sig.params.iter().copied());
        let mut conv = Vec::with_capacity(args.len());
        for (a, p) in args.into_iter().zip(&params) {
            if Ty::of(*p).is_none() {
                return Err(decline("a value-type argument"));
            }
            conv.push(self.call_arg(a, *p, il));
        }
        if null_check_this && self.f.ty(conv[0]) == Ty::Ref {
            self.effect(Op::NullCheck(ThrowKind::NullReference), &[conv[0]], il);
        }
        let ret_ty = match sig.ret {
            JitType::Void => None,
            t => Some(Ty::of(t).ok_or_else(|| decline("a value-type result"))?),
        };
        let native = matches!(target, CallTarget::FCall { .. });
        let op = Op::Call(Box::new(CallOp {
            target: target.clone(),
        }));
        let r = self.push(op, &conv, ret_ty, il);
        Ok(match ret_ty {
            None => None,
            // System V leaves the upper bits of small results undefined.
            Some(_) if native => Some(self.normalize_small(r, sig.ret, il)),
            Some(_) => Some(r),
        })
    }

    /// A call argument as the ABI passes it (the baseline's
    /// `load_abi_value`): 64-bit parameters get sign- or zero-extended
    /// int32s, floats are converted to the parameter's width.
    fn call_arg(&mut self, a: Value, p: JitType, il: u32) -> Value {
        let ty = self.f.ty(a);
        match p {
            JitType::R4 if ty == Ty::F64 => self.conv(a, JitType::R4, false, il),
            JitType::R8 if ty == Ty::F32 => self.conv(a, JitType::R8, false, il),
            JitType::I8 | JitType::I | JitType::Ptr | JitType::ByRef if ty == Ty::I32 => {
                self.conv(a, JitType::I8, false, il)
            }
            JitType::U8 | JitType::U if ty == Ty::I32 => self.conv(a, JitType::U8, false, il),
            _ => a,
        }
    }

    fn new_obj(&mut self, info: &crate::host::CallInfo, il: u32) -> Result<(), OptError> {
        match &info.new_object {
            Some(NewObjectInfo::Object { handle }) => {
                let mt = exact(handle)?;
                let n = info.sig.params.len();
                let args = self.pop_n(n);
                let obj = self.push(Op::Helper(HelperOp::NewObject(mt)), &[], Some(Ty::Ref), il);
                let mut all = vec![obj];
                all.extend(args);
                let sig = crate::host::CallSig {
                    this: Some(ThisKind::Ref),
                    params: info.sig.params.clone(),
                    ret: JitType::Void,
                };
                self.call(&info.target, &sig, all, false, il)?;
                self.stack.push(obj);
                Ok(())
            }
            Some(NewObjectInfo::Factory) => {
                let n = info.sig.pop_count();
                let args = self.pop_n(n);
                if let Some(v) = self.call(&info.target, &info.sig, args, false, il)? {
                    self.stack.push(v);
                }
                Ok(())
            }
            _ => Err(decline("newobj of a value type, array or delegate")),
        }
    }
}

fn instance_offset(f: &FieldInfo) -> Result<i32, OptError> {
    match f.location {
        FieldLocation::Instance { offset } => Ok(offset as i32),
        _ => Err(OptError::Internal(
            "an instance field with a static location".into(),
        )),
    }
}

fn exact(h: &ExactType) -> Result<TypeHandle, OptError> {
    match h.exact {
        RtValue::Const(mt) => Ok(TypeHandle(mt)),
        RtValue::Lookup(_) => Err(decline("a runtime lookup")),
    }
}

fn stack_ty(k: StackKind) -> Result<Ty, OptError> {
    Ok(match k {
        StackKind::I4 => Ty::I32,
        StackKind::I8 | StackKind::I => Ty::I64,
        StackKind::R4 => Ty::F32,
        StackKind::R8 => Ty::F64,
        StackKind::Ref => Ty::Ref,
        StackKind::ByRef => Ty::ByRef,
        StackKind::Struct(_) => return Err(decline("a value type on the stack")),
    })
}

/// A short name of an op this tier declines.
fn op_name(op: &ops::Op) -> String {
    let s = format!("{op:?}");
    let end = s.find(['(', ' ', '{']).unwrap_or(s.len());
    format!("the op {}", &s[..end])
}

#[allow(dead_code)]
fn _unused(_: Cond) {}
