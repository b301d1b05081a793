//! Stage 1 of the pipeline: import.
//!
//! Decodes the CIL of one method, finds its basic blocks, resolves every token
//! through the host, and computes the kind of every value on the evaluation
//! stack (ECMA-335 III.1.7: the stack has the same shape whichever way an
//! instruction is reached; a block reached only by a backward branch starts
//! with an empty stack). The result is a list of typed [`Op`]s plus the set of
//! frame slots the evaluation stack needs, which is what lets the frame be
//! laid out before any code is emitted.

mod arith;
mod arrays;
mod branches;
mod calls;
mod constants;
mod eh;
mod family;
mod indirect;
mod objects;
mod prefixes;
mod variables;

use std::collections::{BTreeSet, HashMap, HashSet};

use osprey_metadata::il::{self, Opcode, Operand};
use osprey_metadata::Token;
use smallvec::SmallVec;

use crate::error::{InvalidIl, JitError};
use crate::host::{CallOpcode, JitHost, ThisKind};
use crate::ops::{BinOp, ConvOp, Op};
use crate::types::{JitType, SlotClass, StackKind};
use crate::MethodInput;
use family::Family;
use prefixes::Prefixes;

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
        after_prefix = d.opcode.is_prefix();
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
            let prefixes = prefixes::read(code, i)?;
            let j = prefixes.main;
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
            let (op, ins, out) = match self.import_one(d_main, offset, &prefixes) {
                Err(e) => self.defer(e, d_main, offset)?,
                Ok(imported) => imported,
            };
            let deferred = matches!(op, Op::RaiseDeferred(_));
            if let Some(v) = verifier.as_mut() {
                let next = code
                    .get(j + 1)
                    .map_or(self.method.il.len() as u32, |n| n.offset);
                let prefix_ops: SmallVec<[Opcode; 2]> =
                    code[i..j].iter().map(|p| p.opcode).collect();
                let (opcode, operand) = (d_main.opcode, &d_main.operand);
                let constrained = prefixes.constrained;
                let ins = crate::verify::Instruction {
                    offset,
                    next,
                    prefixes: &prefix_ops,
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

    /// Imports one instruction (after its prefixes): a dispatch on its
    /// [`Family`], each imported by its own module.
    fn import_one(
        &mut self,
        d: &Decoded,
        offset: u32,
        prefixes: &Prefixes,
    ) -> Result<ImportedOp, JitError> {
        match Family::of(d.opcode) {
            Family::Nop => Ok((Op::Nop, SmallVec::new(), None)),
            Family::Variable => self.import_variable(d, offset),
            Family::Constant => self.import_constant(d, offset),
            Family::Arithmetic => self.import_arithmetic(d, offset),
            Family::Conversion => self.import_conversion(d, offset),
            Family::Branch => self.import_branch(d, offset),
            Family::Call => self.import_call(d, offset, prefixes),
            Family::Field => self.import_field(d, offset),
            Family::Object => self.import_object(d, offset),
            Family::Array => self.import_array(d, offset, prefixes),
            Family::StoreElement => self.import_store_element(d, offset),
            Family::Indirect => self.import_indirect(d, offset),
            Family::StoreIndirect => self.import_store_indirect(d, offset),
            Family::ExceptionHandling => self.import_eh(d, offset),
            Family::Unsupported => Err(unsupported(d.opcode, offset)),
        }
    }

    /// Pushes `k` on the evaluation stack; returns it as the instruction's
    /// output kind.
    fn push(&mut self, k: StackKind) -> Option<StackKind> {
        self.stack().push(k);
        Some(k)
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
