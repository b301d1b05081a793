//! Stage 1 of the pipeline: import.
//!
//! Decodes the CIL of one method, finds its basic blocks, resolves every token
//! through the host, and computes the kind of every value on the evaluation
//! stack (ECMA-335 III.1.7: the stack has the same shape whichever way an
//! instruction is reached; a block reached only by a backward branch starts
//! with an empty stack). The result is a list of typed [`Op`]s plus the set of
//! frame slots the evaluation stack needs, which is what lets the frame be
//! laid out before any code is emitted.

use std::collections::{BTreeSet, HashMap, HashSet};

use osprey_metadata::il::{self, Opcode, Operand};
use osprey_metadata::Token;
use smallvec::SmallVec;

use crate::error::{InvalidIl, JitError};
use crate::host::{
    CallOpcode, CallSig, CallTarget, ExactType, JitHost, NewObjectInfo, RtValue, ThisKind,
};
use crate::opcode_types::access_type;
use crate::ops::{BinOp, Cond, ConvOp, Op, ThisFixup};
use crate::types::{JitType, SlotClass, StackKind};
use crate::MethodInput;

/// One imported instruction.
#[derive(Clone, Debug)]
pub(crate) struct Instr {
    /// IL offset of the instruction (of its first prefix, if any).
    pub il_offset: u32,
    /// What it does.
    pub op: Op,
    /// Kinds of the values it pops, deepest first.
    pub ins: SmallVec<[StackKind; 4]>,
    /// Kind of the value it pushes.
    pub out: Option<StackKind>,
    /// Stack depth before the instruction.
    pub depth: u16,
    /// For the first instruction of a basic block: the stack on entry.
    pub block_entry: Option<Vec<StackKind>>,
}

/// The imported method.
#[derive(Debug)]
pub(crate) struct Imported {
    /// Instructions in IL order.
    pub instrs: Vec<Instr>,
    /// Every (stack depth, slot class) a value occupies at some point.
    pub stack_slots: BTreeSet<(u16, SlotClass)>,
    /// Arguments whose address is taken (`ldarga`): never cached.
    pub arg_address_taken: Vec<bool>,
    /// Locals whose address is taken (`ldloca`): never cached.
    pub local_address_taken: Vec<bool>,
    /// IL offsets that are targets of backward branches (loop heads: a GC
    /// poll goes on the branch).
    pub loop_heads: HashSet<u32>,
}

/// Imports `method`, resolving tokens through `host`.
pub(crate) fn import(
    host: &mut dyn JitHost,
    method: &MethodInput<'_>,
) -> Result<Imported, JitError> {
    let decoded = decode(method.il)?;
    let mut block_starts = find_block_starts(&decoded)?;
    let entry_states = eh_entry_states(&method.eh, &decoded, method.il.len(), &mut block_starts)?;
    Importer {
        host,
        method,
        stack: Some(Vec::new()),
        entry_states,
        block_starts,
        out: Imported {
            instrs: Vec::with_capacity(decoded.len()),
            stack_slots: BTreeSet::new(),
            arg_address_taken: vec![false; method.args.len()],
            local_address_taken: vec![false; method.locals.len()],
            loop_heads: HashSet::new(),
        },
    }
    .run(&decoded)
}

/// A decoded instruction: its offset, opcode and operand.
struct Decoded {
    offset: u32,
    opcode: Opcode,
    operand: Operand,
}

fn decode(code: &[u8]) -> Result<Vec<Decoded>, JitError> {
    let mut out = Vec::new();
    // Where the next instruction starts: the offset of a decoding error.
    let mut next_offset = 0u32;
    for item in il::Instructions::new(code) {
        let (offset, instr) = item.map_err(|e| JitError::InvalidIl {
            il_offset: next_offset,
            reason: InvalidIl::Decode(e),
        })?;
        next_offset = offset + instr.size;
        out.push(Decoded {
            offset,
            opcode: instr.opcode,
            operand: instr.operand,
        });
    }
    Ok(out)
}

/// The offsets control may reach: every instruction's, except those of
/// instructions that follow a prefix (a prefix and its instruction are one
/// unit, ECMA-335 III.2).
fn instruction_starts(code: &[Decoded]) -> HashSet<u32> {
    let mut starts = HashSet::with_capacity(code.len());
    let mut after_prefix = false;
    for d in code {
        if !after_prefix {
            starts.insert(d.offset);
        }
        after_prefix = is_prefix(d.opcode);
    }
    starts
}

/// The IL offsets where basic blocks start. Every branch target must be the
/// start of an instruction.
fn find_block_starts(code: &[Decoded]) -> Result<HashSet<u32>, JitError> {
    let instruction_starts = instruction_starts(code);
    let check = |target: u32, from: u32| {
        if instruction_starts.contains(&target) {
            Ok(target)
        } else {
            Err(invalid(from, InvalidIl::BranchTarget { target }))
        }
    };
    let mut starts = HashSet::new();
    starts.insert(0);
    for (i, d) in code.iter().enumerate() {
        let next = code.get(i + 1).map(|n| n.offset);
        match &d.operand {
            Operand::Branch(t) => {
                starts.insert(check(*t, d.offset)?);
                if let Some(n) = next {
                    starts.insert(n);
                }
            }
            Operand::Switch(ts) => {
                for t in ts {
                    starts.insert(check(*t, d.offset)?);
                }
                if let Some(n) = next {
                    starts.insert(n);
                }
            }
            _ => {
                if ends_block(d.opcode) {
                    if let Some(n) = next {
                        starts.insert(n);
                    }
                }
            }
        }
    }
    Ok(starts)
}

fn ends_block(op: Opcode) -> bool {
    matches!(
        op,
        Opcode::Ret
            | Opcode::Throw
            | Opcode::Rethrow
            | Opcode::Endfinally
            | Opcode::Endfilter
            | Opcode::Jmp
    )
}

/// Checks the method's exception-handling clauses against its code, makes
/// every try, handler and filter boundary a block start, and returns the
/// stack each protected block, handler and filter is entered with (empty,
/// or the exception object for catch handlers, filters and filtered
/// handlers: ECMA-335 III.1.7.5).
fn eh_entry_states(
    eh: &[crate::eh::EhClause],
    code: &[Decoded],
    code_len: usize,
    block_starts: &mut HashSet<u32>,
) -> Result<HashMap<u32, Vec<StackKind>>, JitError> {
    use crate::eh::EhKind;
    let starts = instruction_starts(code);
    let start_ok = |o: u32| starts.contains(&o);
    let end_ok = |o: u32| starts.contains(&o) || o as usize == code_len;
    let mut states: HashMap<u32, Vec<StackKind>> = HashMap::new();
    let set = |states: &mut HashMap<u32, Vec<StackKind>>, o: u32, st: Vec<StackKind>| match states
        .get(&o)
    {
        Some(prev) if *prev != st => Err(invalid(o, InvalidIl::ConflictingRegionStacks)),
        _ => {
            states.insert(o, st);
            Ok(())
        }
    };
    for c in eh {
        let ranges_ok = c.try_start < c.try_end
            && c.handler_start < c.handler_end
            && start_ok(c.try_start)
            && end_ok(c.try_end)
            && start_ok(c.handler_start)
            && end_ok(c.handler_end);
        if !ranges_ok {
            return Err(invalid(c.try_start, InvalidIl::ClauseBoundaries));
        }
        block_starts.insert(c.try_start);
        block_starts.insert(c.handler_start);
        for end in [c.try_end, c.handler_end] {
            if (end as usize) < code_len {
                block_starts.insert(end);
            }
        }
        set(&mut states, c.try_start, Vec::new())?;
        let handler_stack = match c.kind {
            EhKind::Catch(_) | EhKind::Filter { .. } => vec![StackKind::Ref],
            EhKind::Finally | EhKind::Fault => Vec::new(),
        };
        set(&mut states, c.handler_start, handler_stack)?;
        if let EhKind::Filter { filter_start } = c.kind {
            if !start_ok(filter_start) || filter_start >= c.handler_start {
                return Err(invalid(filter_start, InvalidIl::FilterBlock));
            }
            block_starts.insert(filter_start);
            set(&mut states, filter_start, vec![StackKind::Ref])?;
        }
    }
    // Filters run as funclets before any frame is unwound; a protected block
    // inside one would need a second level of funclets.
    for f in eh {
        for c in eh {
            if f.in_filter(c.try_start) {
                return Err(JitError::Unsupported {
                    il_offset: c.try_start,
                    what: "a protected block inside a filter".into(),
                });
            }
        }
    }
    Ok(states)
}

struct Importer<'h, 'm> {
    host: &'h mut dyn JitHost,
    method: &'m MethodInput<'m>,
    /// The current stack; `None` in unreachable code (after an unconditional
    /// transfer) until the next block start.
    stack: Option<Vec<StackKind>>,
    /// Stack shapes recorded at block starts by branches seen so far.
    entry_states: HashMap<u32, Vec<StackKind>>,
    block_starts: HashSet<u32>,
    out: Imported,
}

/// One imported instruction: its op, the stack kinds it pops (deepest
/// first) and the kind it pushes.
type ImportedOp = (Op, SmallVec<[StackKind; 4]>, Option<StackKind>);

impl Importer<'_, '_> {
    fn run(mut self, code: &[Decoded]) -> Result<Imported, JitError> {
        let mut verifier = crate::verify::Verifier::new(self.host, self.method)?;
        let mut i = 0;
        while i < code.len() {
            let d = &code[i];
            let offset = d.offset;
            // Prefixes (`volatile.`, `unaligned.`, `readonly.`, `tail.`,
            // `constrained.`) attach to the next instruction.
            let mut prefix_constrained: Option<Token> = None;
            let mut prefix_readonly = false;
            let mut j = i;
            while is_prefix(code[j].opcode) {
                match code[j].opcode {
                    Opcode::Volatile | Opcode::Unaligned => {}
                    Opcode::Readonly => prefix_readonly = true,
                    // `tail.` is honored as a plain call (the frame is not
                    // reused: deep tail recursion can overflow the stack,
                    // which ends the program cleanly); `no.` only allows
                    // omitting checks, so keeping them is correct.
                    Opcode::Tail | Opcode::No => {}
                    Opcode::Constrained => {
                        if let Operand::Token(t) = code[j].operand {
                            prefix_constrained = Some(t);
                        }
                    }
                    other => return Err(unsupported(other, code[j].offset)),
                }
                j += 1;
                if j >= code.len() {
                    return Err(invalid(code[i].offset, InvalidIl::PrefixAtEnd));
                }
            }
            let d_main = &code[j];
            let is_block_start = self.block_starts.contains(&offset);
            if let Some(v) = verifier.as_mut() {
                v.begin(self.host, offset, is_block_start, self.stack.is_some())?;
            }
            let block_entry = if is_block_start {
                let state = match (self.stack.take(), self.entry_states.get(&offset)) {
                    (Some(cur), Some(rec)) => merge_shapes(&cur, rec, offset)?,
                    (Some(cur), None) => cur,
                    (None, Some(rec)) => rec.clone(),
                    (None, None) => Vec::new(),
                };
                self.entry_states.insert(offset, state.clone());
                self.stack = Some(state.clone());
                Some(state)
            } else {
                None
            };
            if self.stack.is_none() {
                // Unreachable code not at a block start: treat as starting empty.
                self.stack = Some(Vec::new());
            }
            let depth = self.depth();
            let (op, ins, out) =
                match self.import_one(d_main, offset, prefix_constrained, prefix_readonly) {
                    Err(e) => self.defer(e, d_main, offset)?,
                    Ok(imported) => imported,
                };
            let deferred = matches!(op, Op::RaiseDeferred(_));
            if let Some(v) = verifier.as_mut() {
                let next = code
                    .get(j + 1)
                    .map_or(self.method.il.len() as u32, |n| n.offset);
                let prefixes: SmallVec<[Opcode; 2]> = code[i..j].iter().map(|p| p.opcode).collect();
                let (opcode, operand) = (d_main.opcode, &d_main.operand);
                let constrained = prefix_constrained;
                let ins = crate::verify::Instruction {
                    offset,
                    next,
                    prefixes: &prefixes,
                    constrained,
                    opcode,
                    operand,
                    op: &op,
                    out,
                };
                v.instruction(self.host, &ins)?;
            }
            if let Some(k) = out {
                self.out
                    .stack_slots
                    .insert((depth - ins.len() as u16, k.slot_class()));
                // `newobj` builds its object, and struct-returning calls receive
                // their result, in a temporary above the arguments (see codegen::calls).
                let needs_temp = matches!(op, Op::NewObj(_))
                    || (matches!(op, Op::Call { .. } | Op::Calli(_))
                        && matches!(k, StackKind::Struct(_)));
                // `dup` pushes two values: the original back at depth - 1 and
                // the copy at `depth`.
                if needs_temp || matches!(op, Op::Dup) {
                    self.out.stack_slots.insert((depth, k.slot_class()));
                }
            }
            if let Some(state) = &block_entry {
                for (d, k) in state.iter().enumerate() {
                    self.out.stack_slots.insert((d as u16, k.slot_class()));
                }
            }
            self.out.instrs.push(Instr {
                il_offset: offset,
                op,
                ins,
                out,
                depth,
                block_entry,
            });
            i = j + 1;
            if deferred {
                // Unreachable up to the next block start: nothing to import.
                while i < code.len() && !self.block_starts.contains(&code[i].offset) {
                    i += 1;
                }
            }
        }
        // The last instruction must end its block (ret, br, throw, ...):
        // control may not fall off the end of the method.
        if self.stack.is_some() {
            let offset = code.last().map_or(0, |d| d.offset);
            return Err(invalid(offset, InvalidIl::FallsOffEnd));
        }
        if let Some(v) = verifier {
            v.finish()?;
        }
        Ok(self.out)
    }

    /// The one place a resolution failure becomes code: a token of `d` (at
    /// `offset`, with its prefixes) the
    /// host could not resolve (a member or type the program references but
    /// no assembly defines) is raised when the instruction runs, if the
    /// host agrees ([`JitHost::defer_failure`]), so code that never runs
    /// never fails. The instruction pops the whole stack and ends its block.
    /// Any other error is returned as it is.
    #[allow(clippy::type_complexity)]
    fn defer(&mut self, error: JitError, d: &Decoded, offset: u32) -> Result<ImportedOp, JitError> {
        let JitError::Resolve { il_offset, error } = error else {
            return Err(error);
        };
        let token = match d.operand {
            Operand::Token(t) if il_offset == offset => t,
            _ => return Err(JitError::Resolve { il_offset, error }),
        };
        let Some(failure) = self.host.defer_failure(&error, token) else {
            return Err(JitError::Resolve { il_offset, error });
        };
        let ins = self.stack.take().unwrap_or_default().into_iter().collect();
        Ok((Op::RaiseDeferred(failure), ins, None))
    }

    /// Resolves a method token through the host (errors name the offset).
    fn resolve_call(
        &mut self,
        token: Token,
        opcode: CallOpcode,
        offset: u32,
    ) -> Result<crate::host::CallInfo, JitError> {
        self.host
            .resolve_method(token, opcode)
            .map_err(|e| JitError::Resolve {
                il_offset: offset,
                error: e,
            })
    }

    fn depth(&self) -> u16 {
        self.stack.as_ref().map_or(0, |s| s.len() as u16)
    }

    fn stack(&mut self) -> &mut Vec<StackKind> {
        self.stack.get_or_insert_with(Vec::new)
    }

    fn pop_n(&mut self, n: usize, offset: u32) -> Result<SmallVec<[StackKind; 4]>, JitError> {
        let st = self.stack();
        if st.len() < n {
            return Err(invalid(offset, InvalidIl::StackUnderflow));
        }
        let start = st.len() - n;
        Ok(st.drain(start..).collect())
    }

    /// Records the stack shape for a branch target and checks it against a
    /// shape recorded earlier.
    fn branch_to(&mut self, target: u32, from: u32) -> Result<(), JitError> {
        let cur = self.stack.clone().unwrap_or_default();
        if target <= from {
            self.out.loop_heads.insert(target);
        }
        match self.entry_states.get(&target) {
            Some(rec) => {
                let merged = merge_shapes(rec, &cur, from)?;
                if target <= from {
                    // Already imported with its shape: the code there reads
                    // slots of those classes, which cannot change now.
                    if merged
                        .iter()
                        .zip(rec)
                        .any(|(a, b)| a.slot_class() != b.slot_class())
                    {
                        return Err(invalid(from, InvalidIl::BackwardBranchShape));
                    }
                } else {
                    self.entry_states.insert(target, merged);
                }
                Ok(())
            }
            None => {
                if target <= from && !cur.is_empty() {
                    // The target was already imported assuming the shape it had then.
                    return Err(invalid(from, InvalidIl::BackwardBranchStack));
                }
                self.entry_states.insert(target, cur);
                Ok(())
            }
        }
    }

    fn import_one(
        &mut self,
        d: &Decoded,
        offset: u32,
        constrained: Option<Token>,
        readonly: bool,
    ) -> Result<ImportedOp, JitError> {
        use Opcode as O;
        let method = self.method;
        let none = SmallVec::new();
        let op = d.opcode;
        macro_rules! push {
            ($k:expr) => {{
                let k: StackKind = $k;
                self.stack().push(k);
                Some(k)
            }};
        }
        let result: (Op, SmallVec<[StackKind; 4]>, Option<StackKind>) = match op {
            O::Nop | O::Break => (Op::Nop, none, None),
            O::Ldarg0 | O::Ldarg1 | O::Ldarg2 | O::Ldarg3 | O::LdargS | O::Ldarg => {
                let n = var_index(op, &d.operand, offset)?;
                let ty = *method
                    .args
                    .get(n as usize)
                    .ok_or_else(|| invalid(offset, InvalidIl::ArgumentIndex))?;
                (Op::LdArg(n), none, push!(ty.stack_kind()))
            }
            O::LdargaS | O::Ldarga => {
                let n = var_index(op, &d.operand, offset)?;
                if n as usize >= method.args.len() {
                    return Err(invalid(offset, InvalidIl::ArgumentIndex));
                }
                self.out.arg_address_taken[n as usize] = true;
                (Op::LdArgA(n), none, push!(StackKind::ByRef))
            }
            O::StargS | O::Starg => {
                let n = var_index(op, &d.operand, offset)?;
                if n as usize >= method.args.len() {
                    return Err(invalid(offset, InvalidIl::ArgumentIndex));
                }
                let ins = self.pop_n(1, offset)?;
                self.check_store(method.args[n as usize], ins[0], op, offset)?;
                (Op::StArg(n), ins, None)
            }
            O::Ldloc0 | O::Ldloc1 | O::Ldloc2 | O::Ldloc3 | O::LdlocS | O::Ldloc => {
                let n = var_index(op, &d.operand, offset)?;
                let local = method
                    .locals
                    .get(n as usize)
                    .ok_or_else(|| invalid(offset, InvalidIl::LocalIndex))?;
                (Op::LdLoc(n), none, push!(local.ty.stack_kind()))
            }
            O::LdlocaS | O::Ldloca => {
                let n = var_index(op, &d.operand, offset)?;
                if n as usize >= method.locals.len() {
                    return Err(invalid(offset, InvalidIl::LocalIndex));
                }
                self.out.local_address_taken[n as usize] = true;
                (Op::LdLocA(n), none, push!(StackKind::ByRef))
            }
            O::Stloc0 | O::Stloc1 | O::Stloc2 | O::Stloc3 | O::StlocS | O::Stloc => {
                let n = var_index(op, &d.operand, offset)?;
                if n as usize >= method.locals.len() {
                    return Err(invalid(offset, InvalidIl::LocalIndex));
                }
                let ins = self.pop_n(1, offset)?;
                self.check_store(method.locals[n as usize].ty, ins[0], op, offset)?;
                (Op::StLoc(n), ins, None)
            }
            O::LdcI4M1 => (Op::LdcI4(-1), none, push!(StackKind::I4)),
            O::LdcI40
            | O::LdcI41
            | O::LdcI42
            | O::LdcI43
            | O::LdcI44
            | O::LdcI45
            | O::LdcI46
            | O::LdcI47
            | O::LdcI48 => {
                let v = ldc_i4_short(op);
                (Op::LdcI4(v), none, push!(StackKind::I4))
            }
            O::LdcI4S | O::LdcI4 => {
                let v = match d.operand {
                    Operand::Int8(v) => v as i32,
                    Operand::Int32(v) => v,
                    _ => return Err(invalid(offset, InvalidIl::Operand { what: "ldc.i4" })),
                };
                (Op::LdcI4(v), none, push!(StackKind::I4))
            }
            O::LdcI8 => match d.operand {
                Operand::Int64(v) => (Op::LdcI8(v), none, push!(StackKind::I8)),
                _ => return Err(invalid(offset, InvalidIl::Operand { what: "ldc.i8" })),
            },
            O::LdcR4 => match d.operand {
                Operand::Float32(v) => (Op::LdcR4(v), none, push!(StackKind::R4)),
                _ => return Err(invalid(offset, InvalidIl::Operand { what: "ldc.r4" })),
            },
            O::LdcR8 => match d.operand {
                Operand::Float64(v) => (Op::LdcR8(v), none, push!(StackKind::R8)),
                _ => return Err(invalid(offset, InvalidIl::Operand { what: "ldc.r8" })),
            },
            O::Ldnull => (Op::LdNull, none, push!(StackKind::Ref)),
            O::Ldstr => {
                let t = token(&d.operand, offset)?;
                let addr = self.host.resolve_string(t).map_err(|e| JitError::Resolve {
                    il_offset: offset,
                    error: e,
                })?;
                (Op::LdStr(addr), none, push!(StackKind::Ref))
            }
            O::Dup => {
                let top = *self
                    .stack()
                    .last()
                    .ok_or_else(|| invalid(offset, InvalidIl::DupEmpty))?;
                let ins = self.pop_n(1, offset)?;
                self.stack().push(top);
                (Op::Dup, ins, push!(top))
            }
            O::Pop => (Op::Pop, self.pop_n(1, offset)?, None),
            O::Add
            | O::Sub
            | O::Mul
            | O::Div
            | O::DivUn
            | O::Rem
            | O::RemUn
            | O::And
            | O::Or
            | O::Xor
            | O::Shl
            | O::Shr
            | O::ShrUn
            | O::AddOvf
            | O::AddOvfUn
            | O::SubOvf
            | O::SubOvfUn
            | O::MulOvf
            | O::MulOvfUn => {
                let bop = binop(op);
                let ins = self.pop_n(2, offset)?;
                let k = binary_result(bop, ins[0], ins[1])
                    .ok_or_else(|| bad_operands(op, offset, &ins))?;
                (Op::Binary(bop), ins, push!(k))
            }
            O::Neg | O::Not => {
                let ins = self.pop_n(1, offset)?;
                let k = ins[0];
                let ok = k.is_int() || (op == O::Neg && k.is_float());
                if !ok {
                    return Err(bad_operands(op, offset, &ins));
                }
                (if op == O::Neg { Op::Neg } else { Op::Not }, ins, push!(k))
            }
            O::Ceq | O::Cgt | O::CgtUn | O::Clt | O::CltUn => {
                let cond = match op {
                    O::Ceq => Cond::Eq,
                    O::Cgt => Cond::Gt,
                    O::CgtUn => Cond::GtUn,
                    O::Clt => Cond::Lt,
                    _ => Cond::LtUn,
                };
                let ins = self.pop_n(2, offset)?;
                if !comparable(ins[0], ins[1]) {
                    return Err(bad_operands(op, offset, &ins));
                }
                (Op::Compare(cond), ins, push!(StackKind::I4))
            }
            O::Br | O::BrS => {
                let t = branch_target(&d.operand, offset)?;
                self.branch_to(t, offset)?;
                self.stack = None;
                (Op::Br(t), none, None)
            }
            O::Brtrue | O::BrtrueS | O::Brfalse | O::BrfalseS => {
                let t = branch_target(&d.operand, offset)?;
                let ins = self.pop_n(1, offset)?;
                if matches!(ins[0], StackKind::Struct(_)) || ins[0].is_float() {
                    return Err(bad_operands(op, offset, &ins));
                }
                self.branch_to(t, offset)?;
                (
                    Op::BrBool(matches!(op, O::Brtrue | O::BrtrueS), t),
                    ins,
                    None,
                )
            }
            O::Beq
            | O::BeqS
            | O::Bge
            | O::BgeS
            | O::BgeUn
            | O::BgeUnS
            | O::Bgt
            | O::BgtS
            | O::BgtUn
            | O::BgtUnS
            | O::Ble
            | O::BleS
            | O::BleUn
            | O::BleUnS
            | O::Blt
            | O::BltS
            | O::BltUn
            | O::BltUnS
            | O::BneUn
            | O::BneUnS => {
                let cond = match op {
                    O::Beq | O::BeqS => Cond::Eq,
                    O::Bge | O::BgeS => Cond::Ge,
                    O::BgeUn | O::BgeUnS => Cond::GeUn,
                    O::Bgt | O::BgtS => Cond::Gt,
                    O::BgtUn | O::BgtUnS => Cond::GtUn,
                    O::Ble | O::BleS => Cond::Le,
                    O::BleUn | O::BleUnS => Cond::LeUn,
                    O::Blt | O::BltS => Cond::Lt,
                    O::BltUn | O::BltUnS => Cond::LtUn,
                    _ => Cond::NeUn,
                };
                let t = branch_target(&d.operand, offset)?;
                let ins = self.pop_n(2, offset)?;
                if !comparable(ins[0], ins[1]) {
                    return Err(bad_operands(op, offset, &ins));
                }
                self.branch_to(t, offset)?;
                (Op::BrCmp(cond, t), ins, None)
            }
            O::Switch => {
                let targets = match &d.operand {
                    Operand::Switch(ts) => ts.clone(),
                    _ => return Err(invalid(offset, InvalidIl::Operand { what: "switch" })),
                };
                let ins = self.pop_n(1, offset)?;
                if !matches!(ins[0], StackKind::I4 | StackKind::I) {
                    return Err(bad_operands(op, offset, &ins));
                }
                for &t in &targets {
                    self.branch_to(t, offset)?;
                }
                (Op::Switch(targets), ins, None)
            }
            O::ConvI1
            | O::ConvI2
            | O::ConvI4
            | O::ConvI8
            | O::ConvU1
            | O::ConvU2
            | O::ConvU4
            | O::ConvU8
            | O::ConvI
            | O::ConvU
            | O::ConvR4
            | O::ConvR8
            | O::ConvRUn
            | O::ConvOvfI1
            | O::ConvOvfI2
            | O::ConvOvfI4
            | O::ConvOvfI8
            | O::ConvOvfU1
            | O::ConvOvfU2
            | O::ConvOvfU4
            | O::ConvOvfU8
            | O::ConvOvfI
            | O::ConvOvfU
            | O::ConvOvfI1Un
            | O::ConvOvfI2Un
            | O::ConvOvfI4Un
            | O::ConvOvfI8Un
            | O::ConvOvfU1Un
            | O::ConvOvfU2Un
            | O::ConvOvfU4Un
            | O::ConvOvfU8Un
            | O::ConvOvfIUn
            | O::ConvOvfUUn => {
                let conv = conv_op(op);
                let ins = self.pop_n(1, offset)?;
                let src = ins[0];
                let ok = src.is_int()
                    || src.is_float()
                    || (matches!(src, StackKind::ByRef | StackKind::Ref)
                        && matches!(conv.to, JitType::I | JitType::U | JitType::I8 | JitType::U8)
                        && !conv.overflow);
                if !ok {
                    return Err(bad_operands(op, offset, &ins));
                }
                (Op::Conv(conv), ins, push!(conv.to.stack_kind()))
            }
            O::Call | O::Callvirt => {
                let t = token(&d.operand, offset)?;
                let kind = if op == O::Call {
                    CallOpcode::Call
                } else {
                    CallOpcode::CallVirt
                };
                let mut info = self.resolve_call(t, kind, offset)?;
                if let CallTarget::ArrayAccessor { exact, .. } = &mut info.target {
                    if readonly {
                        *exact = None;
                    }
                }
                if matches!(info.target, CallTarget::Virtual { .. }) && op == O::Call {
                    return Err(invalid(offset, InvalidIl::CallResolvedVirtual));
                }
                let mut this_fixup = None;
                if let Some(ct) = constrained {
                    if op != O::Callvirt || info.sig.this.is_none() {
                        return Err(invalid(offset, InvalidIl::ConstrainedTarget));
                    }
                    let ct_token = ct;
                    let ct = self.type_token(&Operand::Token(ct), offset)?;
                    match ct.ty {
                        JitType::Ref => this_fixup = Some(ThisFixup::Deref),
                        ty => match self
                            .host
                            .constrained_call(ct_token, ct.handle, t, &info)
                            .map_err(|e| JitError::Resolve {
                                il_offset: offset,
                                error: e,
                            })? {
                            Some(direct) => info = direct,
                            None => {
                                let exact = ExactType {
                                    canonical: ct.handle,
                                    exact: ct.exact,
                                };
                                this_fixup = Some(ThisFixup::Box(exact, ty))
                            }
                        },
                    }
                }
                let ins = self.pop_n(info.sig.pop_count(), offset)?;
                if matches!(info.target, CallTarget::GenericVirtual { .. }) {
                    // The resolved entry waits in a slot above the arguments.
                    self.out
                        .stack_slots
                        .insert((self.depth() + ins.len() as u16, SlotClass::Prim));
                }
                if this_fixup.is_some() {
                    if !matches!(ins[0], StackKind::ByRef | StackKind::I) {
                        return Err(bad_operands(op, offset, &ins));
                    }
                    let sig = CallSig {
                        this: None,
                        ..info.sig.clone()
                    };
                    self.check_call_args(&sig, &ins[1..], offset)?;
                    // The fixed-up `this` (an object reference) gets its own slot.
                    self.out
                        .stack_slots
                        .insert((self.depth() + ins.len() as u16, SlotClass::Ref));
                } else {
                    self.check_call_args(&info.sig, &ins, offset)?;
                }
                let out = if info.sig.ret == JitType::Void {
                    None
                } else {
                    push!(info.sig.ret.stack_kind())
                };
                let call = Op::Call {
                    info: Box::new(info),
                    virt: op == O::Callvirt,
                    this_fixup,
                };
                (call, ins, out)
            }
            O::Calli => {
                let t = token(&d.operand, offset)?;
                let site = self
                    .host
                    .resolve_signature(t)
                    .map_err(|e| JitError::Resolve {
                        il_offset: offset,
                        error: e,
                    })?;
                let sig = site.sig;
                let mut ins = self.pop_n(sig.pop_count() + 1, offset)?;
                let fnptr = ins.pop().expect("popped pop_count + 1");
                if !matches!(fnptr, StackKind::I | StackKind::I8) {
                    return Err(invalid(offset, InvalidIl::CalliPointer));
                }
                self.check_call_args(&sig, &ins, offset)?;
                ins.push(fnptr);
                let out = if sig.ret == JitType::Void {
                    None
                } else {
                    push!(sig.ret.stack_kind())
                };
                let target = match site.unmanaged {
                    Some(call) => CallTarget::PInvoke(Box::new(call)),
                    None => CallTarget::Managed { entry: 0 },
                };
                let info = crate::host::CallInfo {
                    method: crate::host::MethodHandle(0),
                    method_exact: RtValue::Const(0),
                    target,
                    sig,
                    new_object: None,
                    class_init: None,
                };
                (Op::Calli(Box::new(info)), ins, out)
            }
            O::Newobj => {
                let t = token(&d.operand, offset)?;
                let info = self.resolve_call(t, CallOpcode::NewObj, offset)?;
                let k = match &info.new_object {
                    Some(
                        NewObjectInfo::Object { .. }
                        | NewObjectInfo::Factory
                        | NewObjectInfo::MdArray { .. }
                        | NewObjectInfo::Delegate { .. },
                    ) => StackKind::Ref,
                    Some(NewObjectInfo::Value { handle }) => StackKind::Struct(*handle),
                    None => return Err(invalid(offset, InvalidIl::NewobjNotConstructor)),
                };
                let ins = self.pop_n(info.sig.params.len(), offset)?;
                (Op::NewObj(Box::new(info)), ins, push!(k))
            }
            O::Ldftn => {
                let t = token(&d.operand, offset)?;
                let info = self.resolve_call(t, CallOpcode::LdFtn, offset)?;
                let entry = match info.target {
                    CallTarget::Managed { entry } => RtValue::Const(entry),
                    CallTarget::ManagedLookup { entry } => RtValue::Lookup(entry),
                    _ => return Err(invalid(offset, InvalidIl::LdftnNoPointer)),
                };
                (Op::LdFtn(entry), none, push!(StackKind::I))
            }
            O::Ldvirtftn => {
                let t = token(&d.operand, offset)?;
                let info = self.resolve_call(t, CallOpcode::LdVirtFtn, offset)?;
                let ins = self.pop_n(1, offset)?;
                if ins[0] != StackKind::Ref {
                    return Err(bad_operands(op, offset, &ins));
                }
                (Op::LdVirtFtn(info.method_exact), ins, push!(StackKind::I))
            }
            O::Ret => {
                if method
                    .eh
                    .iter()
                    .any(|c| c.in_try(offset) || c.in_handler(offset) || c.in_filter(offset))
                {
                    return Err(invalid(offset, InvalidIl::RetInRegion));
                }
                let ins = if method.ret == JitType::Void {
                    none
                } else {
                    let ins = self.pop_n(1, offset)?;
                    self.check_store(method.ret, ins[0], op, offset)?;
                    ins
                };
                if self.depth() != 0 {
                    return Err(invalid(offset, InvalidIl::StackNotEmptyAtRet));
                }
                self.stack = None;
                (Op::Ret, ins, None)
            }
            O::Ldfld | O::Ldflda | O::Stfld => {
                let t = token(&d.operand, offset)?;
                let info = self
                    .host
                    .resolve_field(t, false)
                    .map_err(|e| JitError::Resolve {
                        il_offset: offset,
                        error: e,
                    })?;
                match op {
                    O::Ldfld => {
                        let ins = self.pop_n(1, offset)?;
                        if !matches!(
                            ins[0],
                            StackKind::Ref | StackKind::ByRef | StackKind::I | StackKind::Struct(_)
                        ) {
                            return Err(bad_operands(op, offset, &ins));
                        }
                        let k = info.ty.stack_kind();
                        (Op::LdFld(Box::new(info)), ins, push!(k))
                    }
                    O::Ldflda => {
                        let ins = self.pop_n(1, offset)?;
                        let k = match ins[0] {
                            StackKind::Ref | StackKind::ByRef => StackKind::ByRef,
                            StackKind::I => StackKind::I,
                            _ => return Err(bad_operands(op, offset, &ins)),
                        };
                        (Op::LdFldA(Box::new(info)), ins, push!(k))
                    }
                    _ => {
                        let ins = self.pop_n(2, offset)?;
                        if !matches!(ins[0], StackKind::Ref | StackKind::ByRef | StackKind::I) {
                            return Err(bad_operands(op, offset, &ins));
                        }
                        self.check_store(info.ty, ins[1], op, offset)?;
                        (Op::StFld(Box::new(info)), ins, None)
                    }
                }
            }
            O::Ldsfld | O::Ldsflda | O::Stsfld => {
                let t = token(&d.operand, offset)?;
                let info = self
                    .host
                    .resolve_field(t, true)
                    .map_err(|e| JitError::Resolve {
                        il_offset: offset,
                        error: e,
                    })?;
                match op {
                    O::Ldsfld => {
                        let k = info.ty.stack_kind();
                        (Op::LdSFld(Box::new(info)), none, push!(k))
                    }
                    O::Ldsflda => (Op::LdSFldA(Box::new(info)), none, push!(StackKind::ByRef)),
                    _ => {
                        let ins = self.pop_n(1, offset)?;
                        self.check_store(info.ty, ins[0], op, offset)?;
                        (Op::StSFld(Box::new(info)), ins, None)
                    }
                }
            }
            O::LdindI1
            | O::LdindU1
            | O::LdindI2
            | O::LdindU2
            | O::LdindI4
            | O::LdindU4
            | O::LdindI8
            | O::LdindI
            | O::LdindR4
            | O::LdindR8
            | O::LdindRef => {
                let ty = access_type(op);
                let ins = self.pop_n(1, offset)?;
                if !matches!(ins[0], StackKind::ByRef | StackKind::I) {
                    return Err(bad_operands(op, offset, &ins));
                }
                (Op::LdInd(ty), ins, push!(ty.stack_kind()))
            }
            O::StindI1
            | O::StindI2
            | O::StindI4
            | O::StindI8
            | O::StindI
            | O::StindR4
            | O::StindR8
            | O::StindRef => {
                let ty = access_type(op);
                let ins = self.pop_n(2, offset)?;
                if !matches!(ins[0], StackKind::ByRef | StackKind::I) {
                    return Err(bad_operands(op, offset, &ins));
                }
                self.check_store(ty, ins[1], op, offset)?;
                (Op::StInd(ty), ins, None)
            }
            O::Ldobj | O::Stobj | O::Initobj => {
                let t = token(&d.operand, offset)?;
                let info = self.host.resolve_type(t).map_err(|e| JitError::Resolve {
                    il_offset: offset,
                    error: e,
                })?;
                match op {
                    O::Ldobj => {
                        let ins = self.pop_n(1, offset)?;
                        if !matches!(ins[0], StackKind::ByRef | StackKind::I) {
                            return Err(bad_operands(op, offset, &ins));
                        }
                        (Op::LdInd(info.ty), ins, push!(info.ty.stack_kind()))
                    }
                    O::Stobj => {
                        let ins = self.pop_n(2, offset)?;
                        if !matches!(ins[0], StackKind::ByRef | StackKind::I) {
                            return Err(bad_operands(op, offset, &ins));
                        }
                        self.check_store(info.ty, ins[1], op, offset)?;
                        (Op::StInd(info.ty), ins, None)
                    }
                    _ => {
                        let ins = self.pop_n(1, offset)?;
                        if !matches!(ins[0], StackKind::ByRef | StackKind::I) {
                            return Err(bad_operands(op, offset, &ins));
                        }
                        (Op::InitObj(info.ty), ins, None)
                    }
                }
            }
            O::Ldlen => {
                let ins = self.pop_n(1, offset)?;
                if ins[0] != StackKind::Ref {
                    return Err(bad_operands(op, offset, &ins));
                }
                (Op::LdLen, ins, push!(StackKind::I))
            }
            O::LdelemI1
            | O::LdelemU1
            | O::LdelemI2
            | O::LdelemU2
            | O::LdelemI4
            | O::LdelemU4
            | O::LdelemI8
            | O::LdelemI
            | O::LdelemR4
            | O::LdelemR8
            | O::LdelemRef
            | O::Ldelem
            | O::Ldelema => {
                let (ty, handle) = match op {
                    O::Ldelem | O::Ldelema => {
                        let info = self.type_token(&d.operand, offset)?;
                        (info.ty, Some(info.exact))
                    }
                    _ => (access_type(op), None),
                };
                let ins = self.pop_n(2, offset)?;
                if ins[0] != StackKind::Ref || !matches!(ins[1], StackKind::I4 | StackKind::I) {
                    return Err(bad_operands(op, offset, &ins));
                }
                if op == O::Ldelema {
                    // Without `readonly.`, the address of a reference element
                    // is only for an array of exactly that element type.
                    let exact = handle.filter(|_| ty == JitType::Ref && !readonly);
                    (Op::LdElemA(ty, exact), ins, push!(StackKind::ByRef))
                } else {
                    (Op::LdElem(ty), ins, push!(ty.stack_kind()))
                }
            }
            O::StelemI1
            | O::StelemI2
            | O::StelemI4
            | O::StelemI8
            | O::StelemI
            | O::StelemR4
            | O::StelemR8
            | O::StelemRef
            | O::Stelem => {
                let ty = if op == O::Stelem {
                    let t = token(&d.operand, offset)?;
                    self.host
                        .resolve_type(t)
                        .map_err(|e| JitError::Resolve {
                            il_offset: offset,
                            error: e,
                        })?
                        .ty
                } else {
                    access_type(op)
                };
                let ins = self.pop_n(3, offset)?;
                if ins[0] != StackKind::Ref || !matches!(ins[1], StackKind::I4 | StackKind::I) {
                    return Err(bad_operands(op, offset, &ins));
                }
                self.check_store(ty, ins[2], op, offset)?;
                (Op::StElem(ty), ins, None)
            }
            O::Newarr => {
                let t = token(&d.operand, offset)?;
                let array = self
                    .host
                    .resolve_array_type(t)
                    .map_err(|e| JitError::Resolve {
                        il_offset: offset,
                        error: e,
                    })?;
                let array = ExactType {
                    canonical: array.handle,
                    exact: array.exact,
                };
                let ins = self.pop_n(1, offset)?;
                if !matches!(ins[0], StackKind::I4 | StackKind::I) {
                    return Err(bad_operands(op, offset, &ins));
                }
                (Op::NewArr(array), ins, push!(StackKind::Ref))
            }
            O::Cpblk | O::Initblk => {
                let ins = self.pop_n(3, offset)?;
                let addr_ok = |k: StackKind| matches!(k, StackKind::I | StackKind::ByRef);
                let ok = addr_ok(ins[0])
                    && (if op == O::Cpblk {
                        addr_ok(ins[1])
                    } else {
                        ins[1] == StackKind::I4
                    })
                    && ins[2] == StackKind::I4;
                if !ok {
                    return Err(bad_operands(op, offset, &ins));
                }
                let op = if op == O::Cpblk {
                    Op::CpBlk
                } else {
                    Op::InitBlk
                };
                (op, ins, None)
            }
            O::Localloc => {
                if method.eh.iter().any(|c| c.in_filter(offset)) {
                    // A filter runs as a funclet and returns with `ret`:
                    // it cannot move its stack pointer.
                    return Err(JitError::Unsupported {
                        il_offset: offset,
                        what: "localloc inside a filter".into(),
                    });
                }
                let ins = self.pop_n(1, offset)?;
                if self.depth() != 0 {
                    return Err(invalid(offset, InvalidIl::LocallocStack));
                }
                (Op::Localloc, ins, push!(StackKind::I))
            }
            O::Leave | O::LeaveS => {
                let t = branch_target(&d.operand, offset)?;
                // `leave` empties the evaluation stack and runs the finally
                // handlers of the protected blocks it exits, innermost first.
                let finallies = method
                    .eh
                    .iter()
                    .enumerate()
                    .filter(|(_, c)| {
                        c.kind == crate::eh::EhKind::Finally && c.in_try(offset) && !c.in_try(t)
                    })
                    .map(|(i, _)| i)
                    .collect();
                self.stack = Some(Vec::new());
                self.branch_to(t, offset)?;
                self.stack = None;
                (
                    Op::Leave {
                        target: t,
                        finallies,
                    },
                    none,
                    None,
                )
            }
            O::Endfinally => {
                let clause = method
                    .eh
                    .iter()
                    .position(|c| {
                        matches!(
                            c.kind,
                            crate::eh::EhKind::Finally | crate::eh::EhKind::Fault
                        ) && c.in_handler(offset)
                    })
                    .ok_or_else(|| invalid(offset, InvalidIl::EndfinallyOutside))?;
                self.stack = None;
                (Op::EndFinally(clause), none, None)
            }
            O::Endfilter => {
                let clause = method
                    .eh
                    .iter()
                    .position(|c| c.in_filter(offset))
                    .ok_or_else(|| invalid(offset, InvalidIl::EndfilterOutside))?;
                let ins = self.pop_n(1, offset)?;
                if ins[0] != StackKind::I4 || self.depth() != 0 {
                    return Err(invalid(offset, InvalidIl::EndfilterOperand));
                }
                self.stack = None;
                (Op::EndFilter(clause), ins, None)
            }
            O::Rethrow => {
                let clause = method
                    .eh
                    .iter()
                    .position(|c| {
                        matches!(
                            c.kind,
                            crate::eh::EhKind::Catch(_) | crate::eh::EhKind::Filter { .. }
                        ) && c.in_handler(offset)
                    })
                    .ok_or_else(|| invalid(offset, InvalidIl::RethrowOutside))?;
                self.stack = None;
                (Op::Rethrow(clause), none, None)
            }
            O::Throw => {
                let ins = self.pop_n(1, offset)?;
                if ins[0] != StackKind::Ref {
                    return Err(bad_operands(op, offset, &ins));
                }
                self.stack = None;
                (Op::Throw, ins, None)
            }
            O::Castclass | O::Isinst => {
                let info = self.type_token(&d.operand, offset)?;
                let ins = self.pop_n(1, offset)?;
                if ins[0] != StackKind::Ref {
                    return Err(bad_operands(op, offset, &ins));
                }
                // A boxed Nullable<T> is a boxed T (or null).
                let target = match info.nullable_of {
                    Some(t) => RtValue::Const(t.0),
                    None => info.exact,
                };
                let op = if op == O::Castclass {
                    Op::CastClass(target)
                } else {
                    Op::IsInst(target)
                };
                (op, ins, push!(StackKind::Ref))
            }
            O::Box => {
                let info = self.type_token(&d.operand, offset)?;
                let ins = self.pop_n(1, offset)?;
                // The value must be of the type (`box` of a reference type
                // is a no-op on a reference, and must not turn an integer
                // into one).
                self.check_store(info.ty, ins[0], op, offset)?;
                let boxed = if info.nullable_of.is_some() {
                    Op::BoxNullable(info.exact)
                } else {
                    let exact = ExactType {
                        canonical: info.handle,
                        exact: info.exact,
                    };
                    Op::Box(exact, info.ty)
                };
                (boxed, ins, push!(StackKind::Ref))
            }
            O::Unbox => {
                let info = self.type_token(&d.operand, offset)?;
                let ins = self.pop_n(1, offset)?;
                if ins[0] != StackKind::Ref {
                    return Err(bad_operands(op, offset, &ins));
                }
                if info.nullable_of.is_some() {
                    return Err(JitError::Unsupported {
                        il_offset: offset,
                        what: "`unbox` to a Nullable<T> (only `unbox.any` is supported)".into(),
                    });
                }
                (Op::Unbox(info.exact), ins, push!(StackKind::ByRef))
            }
            O::UnboxAny => {
                let info = self.type_token(&d.operand, offset)?;
                let ins = self.pop_n(1, offset)?;
                if ins[0] != StackKind::Ref {
                    return Err(bad_operands(op, offset, &ins));
                }
                let unboxed = if info.nullable_of.is_some() {
                    Op::UnboxNullable(info.exact, info.ty)
                } else {
                    Op::UnboxAny(info.exact, info.ty)
                };
                (unboxed, ins, push!(info.ty.stack_kind()))
            }
            O::Ldtoken => {
                let t = token(&d.operand, offset)?;
                let (value, handle_type) =
                    self.host.resolve_token(t).map_err(|e| JitError::Resolve {
                        il_offset: offset,
                        error: e,
                    })?;
                (
                    Op::LdToken(value, handle_type),
                    none,
                    push!(StackKind::Struct(handle_type)),
                )
            }
            O::Sizeof => {
                let info = self.type_token(&d.operand, offset)?;
                let size = match info.ty {
                    JitType::Struct(h) => self.host.struct_layout(h).size,
                    other => other.primitive_size().unwrap_or(8),
                };
                (Op::LdcI4(size as i32), none, push!(StackKind::I4))
            }
            O::Cpobj => {
                let info = self.type_token(&d.operand, offset)?;
                let ins = self.pop_n(2, offset)?;
                if !ins
                    .iter()
                    .all(|k| matches!(k, StackKind::ByRef | StackKind::I))
                {
                    return Err(bad_operands(op, offset, &ins));
                }
                (Op::CpObj(info.ty), ins, None)
            }
            O::Ckfinite => {
                let ins = self.pop_n(1, offset)?;
                if !ins[0].is_float() {
                    return Err(bad_operands(op, offset, &ins));
                }
                let k = ins[0];
                (Op::CkFinite, ins, push!(k))
            }
            other => return Err(unsupported(other, offset)),
        };
        Ok(result)
    }
}

impl Importer<'_, '_> {
    /// Resolves the type token of `d`'s operand.
    fn type_token(
        &mut self,
        operand: &Operand,
        offset: u32,
    ) -> Result<crate::host::TypeInfo, JitError> {
        let t = token(operand, offset)?;
        self.host.resolve_type(t).map_err(|e| JitError::Resolve {
            il_offset: offset,
            error: e,
        })
    }
}

impl Importer<'_, '_> {
    /// Checks the value a store instruction (`stloc`, `starg`, `stfld`,
    /// `stsfld`, `stelem`, `stind`, `stobj`, `ret`) pops against the
    /// location's type. Besides [`assignable`], a struct without references
    /// may stand for a primitive and the other way round (`IntPtr` is
    /// `native int` in signatures but a struct after `newobj`). Above all,
    /// only a reference lands where the collector expects a reference.
    fn check_call_args(
        &mut self,
        sig: &crate::host::CallSig,
        ins: &[StackKind],
        offset: u32,
    ) -> Result<(), JitError> {
        let mut kinds = ins.iter();
        if let Some(this) = sig.this {
            let k = kinds.next().copied().unwrap_or(StackKind::I4);
            let ok = match this {
                ThisKind::Ref => matches!(k, StackKind::Ref),
                ThisKind::ByRef => matches!(k, StackKind::ByRef | StackKind::I),
            };
            if !ok {
                return Err(invalid(
                    offset,
                    InvalidIl::ThisKind {
                        have: k.name(),
                        want: this,
                    },
                ));
            }
        }
        for (p, k) in sig.params.iter().zip(kinds) {
            let want = p.stack_kind();
            // A struct without references may stand for a primitive (the
            // `newobj IntPtr::.ctor` mcs emits for `new IntPtr(n)`), as in
            // `check_store`.
            let stands_for = match (want, *k) {
                (StackKind::Struct(h), k) if !matches!(k, StackKind::Ref | StackKind::ByRef) => {
                    self.has_no_references(h)
                }
                (want, StackKind::Struct(h))
                    if !matches!(want, StackKind::Ref | StackKind::ByRef) =>
                {
                    self.has_no_references(h)
                }
                _ => false,
            };
            if !assignable(want, *k) && !stands_for {
                return Err(invalid(
                    offset,
                    InvalidIl::ArgumentKind {
                        have: k.name(),
                        want: want.name(),
                    },
                ));
            }
        }
        Ok(())
    }

    fn check_store(
        &mut self,
        want: JitType,
        k: StackKind,
        op: Opcode,
        offset: u32,
    ) -> Result<(), JitError> {
        let want = want.stack_kind();
        let pointer = |s: StackKind| matches!(s, StackKind::Ref | StackKind::ByRef);
        let ok = assignable(want, k)
            || match (want, k) {
                (StackKind::Struct(h), _) if !pointer(k) => self.has_no_references(h),
                (_, StackKind::Struct(h)) if !pointer(want) => self.has_no_references(h),
                _ => false,
            };
        if ok {
            Ok(())
        } else {
            Err(invalid(
                offset,
                InvalidIl::StoreKind {
                    op,
                    have: k.name(),
                    want: want.name(),
                },
            ))
        }
    }

    /// Whether values of the struct `h` hold no object references or
    /// managed pointers.
    fn has_no_references(&mut self, h: crate::host::TypeHandle) -> bool {
        let layout = self.host.struct_layout(h);
        layout.gc_refs.is_empty() && layout.gc_byrefs.is_empty()
    }
}

fn is_prefix(op: Opcode) -> bool {
    matches!(
        op,
        Opcode::Volatile
            | Opcode::Unaligned
            | Opcode::Readonly
            | Opcode::Tail
            | Opcode::Constrained
            | Opcode::No
    )
}

/// The stack shape where control flow merges: `a`'s kinds where the slot
/// classes agree with `b`'s, and a managed pointer where a native int meets
/// a managed pointer. (mcs compiles `fixed (T* p = array)` to push `0` with
/// `conv.u` on one path and `&array[0]` on the other; the CLR accepts that,
/// and RyuJIT also types the merged value as a byref.) Any other difference
/// is invalid IL. Code generation stores a value arriving as a native int
/// into the managed-pointer slot the block reads (`Emitter::retype_for`).
fn merge_shapes(a: &[StackKind], b: &[StackKind], offset: u32) -> Result<Vec<StackKind>, JitError> {
    let differ = || invalid(offset, InvalidIl::MergeShapes);
    if a.len() != b.len() {
        return Err(differ());
    }
    a.iter()
        .zip(b)
        .map(|(&x, &y)| match (x, y) {
            _ if x.slot_class() == y.slot_class() => Ok(x),
            (StackKind::I, StackKind::ByRef) | (StackKind::ByRef, StackKind::I) => {
                Ok(StackKind::ByRef)
            }
            _ => Err(differ()),
        })
        .collect()
}

/// Whether a value of stack kind `k` may be passed where a `want` is
/// expected: the same kind, integers with integers, floats with floats, and
/// native ints with managed pointers (unsafe code and `fixed`).
fn assignable(want: StackKind, k: StackKind) -> bool {
    want == k
        || (want.is_int() && k.is_int())
        || (want.is_float() && k.is_float())
        || (want == StackKind::I && k == StackKind::ByRef)
        || (want == StackKind::ByRef && k == StackKind::I)
}

/// Result kind of a binary numeric operation (ECMA-335 III.1.5, tables 2 and 5).
fn binary_result(op: BinOp, a: StackKind, b: StackKind) -> Option<StackKind> {
    use StackKind as K;
    if op.is_shift() {
        return match (a, b) {
            (K::I4 | K::I8 | K::I, K::I4 | K::I) => Some(a),
            _ => None,
        };
    }
    let int_only = matches!(
        op,
        BinOp::And
            | BinOp::Or
            | BinOp::Xor
            | BinOp::DivUn
            | BinOp::RemUn
            | BinOp::AddOvfUn
            | BinOp::SubOvfUn
            | BinOp::MulOvfUn
    ) || matches!(op, BinOp::AddOvf | BinOp::SubOvf | BinOp::MulOvf);
    match (a, b) {
        (K::I4, K::I4) => Some(K::I4),
        (K::I8, K::I8) => Some(K::I8),
        (K::I4 | K::I, K::I4 | K::I) => Some(K::I),
        (K::R4, K::R4) if !int_only => Some(K::R4),
        (K::R4 | K::R8, K::R4 | K::R8) if !int_only => Some(K::R8),
        (K::ByRef, K::I4 | K::I)
            if matches!(
                op,
                BinOp::Add | BinOp::Sub | BinOp::AddOvfUn | BinOp::SubOvfUn
            ) =>
        {
            Some(K::ByRef)
        }
        (K::I4 | K::I, K::ByRef) if matches!(op, BinOp::Add | BinOp::AddOvfUn) => Some(K::ByRef),
        (K::ByRef, K::ByRef) if matches!(op, BinOp::Sub | BinOp::SubOvfUn) => Some(K::I),
        _ => None,
    }
}

fn comparable(a: StackKind, b: StackKind) -> bool {
    use StackKind as K;
    matches!(
        (a, b),
        (K::I4, K::I4)
            | (K::I8, K::I8)
            | (K::I4 | K::I, K::I4 | K::I)
            | (K::R4 | K::R8, K::R4 | K::R8)
            | (K::Ref, K::Ref)
            | (K::ByRef, K::ByRef)
            | (K::ByRef, K::I)
            | (K::I, K::ByRef)
    )
}

fn binop(op: Opcode) -> BinOp {
    use Opcode as O;
    match op {
        O::Add => BinOp::Add,
        O::Sub => BinOp::Sub,
        O::Mul => BinOp::Mul,
        O::Div => BinOp::Div,
        O::DivUn => BinOp::DivUn,
        O::Rem => BinOp::Rem,
        O::RemUn => BinOp::RemUn,
        O::And => BinOp::And,
        O::Or => BinOp::Or,
        O::Xor => BinOp::Xor,
        O::Shl => BinOp::Shl,
        O::Shr => BinOp::Shr,
        O::ShrUn => BinOp::ShrUn,
        O::AddOvf => BinOp::AddOvf,
        O::AddOvfUn => BinOp::AddOvfUn,
        O::SubOvf => BinOp::SubOvf,
        O::SubOvfUn => BinOp::SubOvfUn,
        O::MulOvf => BinOp::MulOvf,
        _ => BinOp::MulOvfUn,
    }
}

fn conv_op(op: Opcode) -> ConvOp {
    use Opcode as O;
    let (to, overflow, unsigned_source) = match op {
        O::ConvI1 => (JitType::I1, false, false),
        O::ConvI2 => (JitType::I2, false, false),
        O::ConvI4 => (JitType::I4, false, false),
        O::ConvI8 => (JitType::I8, false, false),
        O::ConvU1 => (JitType::U1, false, false),
        O::ConvU2 => (JitType::U2, false, false),
        O::ConvU4 => (JitType::U4, false, false),
        O::ConvU8 => (JitType::U8, false, false),
        O::ConvI => (JitType::I, false, false),
        O::ConvU => (JitType::U, false, false),
        O::ConvR4 => (JitType::R4, false, false),
        O::ConvR8 => (JitType::R8, false, false),
        O::ConvRUn => (JitType::R8, false, true),
        O::ConvOvfI1 => (JitType::I1, true, false),
        O::ConvOvfI2 => (JitType::I2, true, false),
        O::ConvOvfI4 => (JitType::I4, true, false),
        O::ConvOvfI8 => (JitType::I8, true, false),
        O::ConvOvfU1 => (JitType::U1, true, false),
        O::ConvOvfU2 => (JitType::U2, true, false),
        O::ConvOvfU4 => (JitType::U4, true, false),
        O::ConvOvfU8 => (JitType::U8, true, false),
        O::ConvOvfI => (JitType::I, true, false),
        O::ConvOvfU => (JitType::U, true, false),
        O::ConvOvfI1Un => (JitType::I1, true, true),
        O::ConvOvfI2Un => (JitType::I2, true, true),
        O::ConvOvfI4Un => (JitType::I4, true, true),
        O::ConvOvfI8Un => (JitType::I8, true, true),
        O::ConvOvfU1Un => (JitType::U1, true, true),
        O::ConvOvfU2Un => (JitType::U2, true, true),
        O::ConvOvfU4Un => (JitType::U4, true, true),
        O::ConvOvfU8Un => (JitType::U8, true, true),
        O::ConvOvfIUn => (JitType::I, true, true),
        _ => (JitType::U, true, true),
    };
    ConvOp {
        to,
        overflow,
        unsigned_source,
    }
}

fn ldc_i4_short(op: Opcode) -> i32 {
    use Opcode as O;
    match op {
        O::LdcI40 => 0,
        O::LdcI41 => 1,
        O::LdcI42 => 2,
        O::LdcI43 => 3,
        O::LdcI44 => 4,
        O::LdcI45 => 5,
        O::LdcI46 => 6,
        O::LdcI47 => 7,
        _ => 8,
    }
}

fn var_index(op: Opcode, operand: &Operand, offset: u32) -> Result<u16, JitError> {
    use Opcode as O;
    Ok(match op {
        O::Ldarg0 | O::Ldloc0 | O::Stloc0 => 0,
        O::Ldarg1 | O::Ldloc1 | O::Stloc1 => 1,
        O::Ldarg2 | O::Ldloc2 | O::Stloc2 => 2,
        O::Ldarg3 | O::Ldloc3 | O::Stloc3 => 3,
        _ => match *operand {
            Operand::Var(v) => v,
            _ => return Err(invalid(offset, InvalidIl::Operand { what: "variable" })),
        },
    })
}

fn token(operand: &Operand, offset: u32) -> Result<Token, JitError> {
    match *operand {
        Operand::Token(t) => Ok(t),
        _ => Err(invalid(offset, InvalidIl::ExpectedToken { what: None })),
    }
}

fn branch_target(operand: &Operand, offset: u32) -> Result<u32, JitError> {
    match *operand {
        Operand::Branch(t) => Ok(t),
        _ => Err(invalid(offset, InvalidIl::ExpectedBranchTarget)),
    }
}

fn unsupported(op: Opcode, il_offset: u32) -> JitError {
    JitError::UnsupportedOpcode {
        opcode: op.name(),
        il_offset,
    }
}

fn invalid(il_offset: u32, reason: InvalidIl) -> JitError {
    JitError::InvalidIl { il_offset, reason }
}

fn bad_operands(op: Opcode, il_offset: u32, ins: &[StackKind]) -> JitError {
    let kinds = ins.iter().map(|k| k.name()).collect();
    invalid(
        il_offset,
        InvalidIl::Operands {
            op: op.name(),
            kinds,
        },
    )
}
