//! Stage 3 of the pipeline: x86-64 code generation.
//!
//! One pass over the imported ops. The evaluation stack is virtual: each
//! entry records where its value is *right now* ([`Loc`]):
//!
//! * `Slot`: in its canonical frame slot (one per stack depth and slot class);
//! * `Imm`: a constant not yet materialized (`ldc`, `ldnull`, `ldstr`);
//! * `Var`: a local or argument not yet loaded (`ldloc`/`ldarg` of a variable
//!   whose address is never taken, so nothing can change it behind our back
//!   except a `stloc` to it, which first materializes such entries);
//! * `Reg`: in RAX (integers, references) or XMM0 (floats). Only the top
//!   entry may be in a register, and it is written to its slot before
//!   anything else can clobber the register.
//!
//! At every basic-block boundary all entries are in their canonical slots, so
//! the stack's shape at a block entry is the same whichever way control
//! arrives. Registers never hold a reference across a call or a safepoint:
//! every call first spills the register entry, polls spill everything.
//!
//! Registers: RAX, RCX, RDX, R11 and XMM0, XMM1, XMM15 are scratch; R15 holds
//! the current `Thread*` in all managed code (set by the call-site thunk,
//! preserved by everything); RBX, R12-R14 are never used; RSI/RDI are saved
//! by methods that call native code (SysV clobbers them, fastcall64 does not).

mod calls;
mod generic;
mod intrinsics;
mod memory;
mod numeric;
mod objects;
mod pinvoke;
mod tiering;

use std::collections::HashMap;

use dynasmrt::{dynasm, DynamicLabel, DynasmApi, DynasmLabelApi};

use crate::eh::{CodeMap, EhKind, NativeEhClause, OutOfLine};
use crate::error::JitError;
use crate::frame::{self, Frame, LayoutCache};
use crate::host::{ClassInitCheck, Helper, JitHost, RuntimeLayout, ThrowKind};
use crate::import::{Imported, Instr};
use crate::ops::Op;
use crate::types::{JitType, StackKind};
use crate::x64;
use crate::{CompiledMethod, MethodInput};

/// Register numbers, as dynasm's `Rq(n)` wants them.
pub(crate) mod reg {
    pub const RAX: u8 = 0;
    pub const RCX: u8 = 1;
    pub const RDX: u8 = 2;
    pub const RBP: u8 = 5;
    pub const RSI: u8 = 6;
    pub const RDI: u8 = 7;
    pub const R8: u8 = 8;
    pub const R9: u8 = 9;
    pub const R11: u8 = 11;
}

/// Where a virtual-stack entry's value is right now.
#[derive(Copy, Clone, Debug, PartialEq)]
pub(crate) enum Loc {
    /// In its canonical frame slot.
    Slot,
    /// A constant (for floats: the bit pattern).
    Imm(i64),
    /// The current value of a frame variable (local or argument home) of type `ty`.
    Var {
        /// rbp-relative offset.
        offset: i32,
        /// The variable's declared type (decides the load width).
        ty: JitType,
    },
    /// The address `rbp + offset` (only used for call arguments).
    FrameAddr(i32),
    /// In RAX (integer kinds) or XMM0 (float kinds).
    Reg,
}

/// An entry of the virtual evaluation stack.
#[derive(Copy, Clone, Debug)]
pub(crate) struct Entry {
    pub kind: StackKind,
    pub loc: Loc,
    /// The stack depth the entry occupies (selects its canonical slot).
    pub depth: u16,
}

pub(crate) use crate::x64::Asm;

/// The code generator for one method.
pub(crate) struct Emitter<'h, 'm> {
    pub ops: Asm,
    pub base: usize,
    pub method: &'m MethodInput<'m>,
    pub frame: Frame,
    pub layouts: LayoutCache<'h>,
    pub rt: RuntimeLayout,
    /// Labels of basic-block starts, by IL offset.
    pub labels: HashMap<u32, DynamicLabel>,
    /// The evaluation-stack shape each block starts with, by IL offset.
    pub entry_shapes: HashMap<u32, Vec<StackKind>>,
    pub stack: Vec<Entry>,
    /// Out-of-line throw stubs, one per kind, exception region and sequence
    /// point, with the IL offset of the first instruction that used each.
    pub throw_labels: HashMap<(ThrowKind, RegionKey, u32), (DynamicLabel, u32)>,
    /// Out-of-line calls of [`Helper::RaisePending`], one per exception
    /// region and sequence point.
    pub pending: HashMap<(RegionKey, u32), (DynamicLabel, u32)>,
    /// Out-of-line poll slow paths: (slow path label, resume label, IL offset).
    pub polls: Vec<(DynamicLabel, DynamicLabel, u32)>,
    /// Native offsets of the handler entries, per clause.
    pub handler_native: Vec<Option<u32>>,
    /// Native offsets of the filter entries, per clause.
    pub filter_native: Vec<Option<u32>>,
    /// Out-of-line code and the IL offsets it stands for.
    pub out_of_line: Vec<OutOfLine>,
    /// Switch jump tables: (table label, targets).
    pub switch_tables: Vec<(DynamicLabel, Vec<u32>)>,
    /// Whether a local/argument may be kept deferred on the stack.
    pub local_cacheable: Vec<bool>,
    pub arg_cacheable: Vec<bool>,
    pub il_map: Vec<(u32, u32)>,
    /// Per instruction, the IL offset of the last instruction at or before
    /// it that starts with an empty evaluation stack (see
    /// [`CodeMap::statements`]).
    pub statements: Vec<u32>,
    /// The last such IL offset so far.
    pub statement: u32,
    /// The last sequence point so far: the IL offset of the last statement
    /// start or call (`call`, `callvirt`, `newobj`). Out-of-line code is
    /// shared only between instructions of one sequence point, so a stack
    /// trace places a fault exactly, whether it shows statement starts or
    /// (with debug information) the compiler's sequence points, which lie
    /// at statement starts and calls.
    pub sequence_point: u32,
    /// IL offset of the instruction being compiled (for errors).
    pub il_offset: u32,
    /// Which lookup scratch slot the next runtime lookup uses (0 or 1).
    pub next_lookup_temp: usize,
}

/// Which protected blocks, handlers and filters an IL offset lies in: one
/// byte per clause (0 none, 1 try, 2 handler, 3 filter). Out-of-line code is
/// shared only between instructions with the same key, so exception dispatch
/// treats it like any of them.
pub(crate) type RegionKey = Vec<u8>;

/// A method's frame as laid out for the baseline tier, and the struct
/// layouts it asked the host for (which code generation reuses).
pub(crate) struct FramePlan<'h> {
    /// The frame.
    pub frame: Frame,
    /// The struct layouts looked up so far.
    pub layouts: LayoutCache<'h>,
    /// The runtime's layout constants.
    pub rt: RuntimeLayout,
}

/// Stage 2 of the baseline tier: lays out the frame of an imported method.
pub(crate) fn lay_out_frame<'h>(
    host: &'h mut dyn JitHost,
    method: &MethodInput<'_>,
    imported: &Imported,
) -> Result<FramePlan<'h>, JitError> {
    // Shared generic code's runtime lookups load RSI/RDI for their slow
    // path (a helper call), whatever the op.
    let calls_native = method.class_init.is_some()
        || method.generic_context.is_some()
        || method.class_init_lookup.is_some()
        || method.call_counter.is_some()
        || imported.instrs.iter().any(|i| calls_native(&i.op));
    let rt = host.runtime_layout();
    let pinvokes = pinvoke_needs(imported, &rt);
    let mut layouts = LayoutCache::new(host);
    let needs = frame::FrameNeeds {
        calls_native,
        pinvokes,
        has_localloc: imported.instrs.iter().any(|i| matches!(i.op, Op::Localloc)),
        delegate_invoke: imported.instrs.iter().any(|i| {
            matches!(&i.op, Op::Call { info, .. } if info.target == crate::host::CallTarget::DelegateInvoke)
        }),
    };
    let frame = frame::layout(method, &imported.stack_slots, needs, &mut layouts)?;
    Ok(FramePlan { frame, layouts, rt })
}

/// Stage 3 of the baseline tier: generates the code of an imported method
/// into the frame `plan` laid out, for `base`.
pub(crate) fn emit(
    method: &MethodInput<'_>,
    imported: &Imported,
    plan: FramePlan<'_>,
    base: usize,
) -> Result<CompiledMethod, JitError> {
    let FramePlan { frame, layouts, rt } = plan;
    let mut ops = Asm::new(base);
    let mut labels = HashMap::new();
    let mut entry_shapes = HashMap::new();
    for instr in &imported.instrs {
        if let Some(shape) = &instr.block_entry {
            labels.insert(instr.il_offset, ops.new_dynamic_label());
            entry_shapes.insert(instr.il_offset, shape.clone());
        }
    }
    let mut e = Emitter {
        ops,
        base,
        method,
        frame,
        layouts,
        rt,
        labels,
        entry_shapes,
        stack: Vec::new(),
        throw_labels: HashMap::new(),
        pending: HashMap::new(),
        polls: Vec::new(),
        handler_native: vec![None; method.eh.len()],
        filter_native: vec![None; method.eh.len()],
        out_of_line: Vec::new(),
        switch_tables: Vec::new(),
        local_cacheable: imported.local_address_taken.iter().map(|t| !t).collect(),
        arg_cacheable: imported.arg_address_taken.iter().map(|t| !t).collect(),
        il_map: Vec::with_capacity(imported.instrs.len()),
        statements: Vec::with_capacity(imported.instrs.len()),
        statement: 0,
        sequence_point: 0,
        il_offset: 0,
        next_lookup_temp: 0,
    };
    e.prologue();
    for instr in &imported.instrs {
        e.il_offset = instr.il_offset;
        e.instr(instr, imported)?;
    }
    let body_end = e.ops.offset().0 as u32;
    e.out_of_line();
    let stack_arg_bytes = e.frame.stack_arg_bytes;
    let gc_info = e.frame.gc.clone();
    let il_map = std::mem::take(&mut e.il_map);
    let statements = std::mem::take(&mut e.statements);
    let mut eh = Vec::with_capacity(method.eh.len());
    for (i, c) in method.eh.iter().enumerate() {
        let missing = || {
            JitError::Assembler(format!(
                "the handler of exception clause {i} was not emitted"
            ))
        };
        eh.push(NativeEhClause {
            clause: *c,
            handler: e.handler_native[i].ok_or_else(missing)?,
            filter: match c.kind {
                EhKind::Filter { .. } => Some(e.filter_native[i].ok_or_else(missing)?),
                _ => None,
            },
            slot: e.frame.eh_slots[i],
        });
    }
    let mut out_of_line = std::mem::take(&mut e.out_of_line);
    out_of_line.sort_by_key(|o| o.start);
    let sp_slot = e.frame.sp_slot;
    let code = e
        .ops
        .finalize()
        .map_err(|err| JitError::Assembler(format!("{err:?}")))?;
    Ok(CompiledMethod {
        code,
        gc_info,
        code_map: CodeMap {
            il_to_native: il_map,
            statements,
            body_end,
            out_of_line,
        },
        eh,
        sp_slot,
        stack_arg_bytes,
        call_sites: Vec::new(),
    })
}

/// The frame space a method's unmanaged call sites (P/Invokes, QCalls,
/// unmanaged `calli`) need, if it has any: the transition frame and its
/// 32-byte scratch area (where `SetLastError` keeps the result registers),
/// and pins for the strings passed.
fn pinvoke_needs(imported: &Imported, rt: &RuntimeLayout) -> Option<frame::PInvokeNeeds> {
    let mut needs: Option<frame::PInvokeNeeds> = None;
    for i in &imported.instrs {
        let info = match &i.op {
            Op::Call { info, .. } | Op::Calli(info) => info,
            _ => continue,
        };
        if let crate::host::CallTarget::PInvoke(call) = &info.target {
            let pinned = call
                .args
                .iter()
                .filter(|a| **a == crate::host::NativeArg::PinnedString)
                .count();
            let n = needs.get_or_insert(frame::PInvokeNeeds {
                frame_size: rt.transition_frame.size + 32,
                pinned_strings: 0,
            });
            n.pinned_strings = n.pinned_strings.max(pinned);
        }
    }
    needs
}

/// Whether an op may call native code that does not preserve RSI/RDI.
fn calls_native(op: &Op) -> bool {
    match op {
        Op::Call {
            info, this_fixup, ..
        } => {
            info.class_init.is_some()
                || matches!(this_fixup, Some(crate::ops::ThisFixup::Box(..)))
                || matches!(
                    info.target,
                    crate::host::CallTarget::FCall { .. }
                        | crate::host::CallTarget::PInvoke(_)
                        | crate::host::CallTarget::ArrayAccessor { .. }
                        | crate::host::CallTarget::GenericVirtual { .. }
                )
        }
        // cpblk/initblk use `rep movsb`/`rep stosb` (RSI, RDI).
        Op::NewObj(_)
        | Op::Calli(_)
        | Op::CpBlk
        | Op::InitBlk
        | Op::LdVirtFtn(_)
        | Op::NewArr(_)
        | Op::StElem(JitType::Ref)
        | Op::CastClass(_)
        | Op::IsInst(_)
        | Op::Box(..)
        | Op::Unbox(_)
        | Op::UnboxAny(..)
        | Op::BoxNullable(_)
        | Op::UnboxNullable(..) => true,
        Op::LdSFld(f) | Op::LdSFldA(f) | Op::StSFld(f) => {
            f.class_init.is_some()
                || matches!(f.location, crate::host::FieldLocation::ThreadStatic { .. })
        }
        Op::Binary(crate::ops::BinOp::Rem | crate::ops::BinOp::RemUn) => true, // float rem calls fmod
        _ => false,
    }
}

impl Emitter<'_, '_> {
    // ----- the virtual stack -------------------------------------------------

    /// The canonical slot of a value of `kind` at `depth`.
    pub(crate) fn slot(&self, depth: u16, kind: StackKind) -> i32 {
        self.frame.stack_slots[&(depth, kind.slot_class())]
    }

    pub(crate) fn push(&mut self, kind: StackKind, loc: Loc) {
        self.spill_reg();
        let depth = self.stack.len() as u16;
        self.stack.push(Entry { kind, loc, depth });
    }

    pub(crate) fn pop(&mut self) -> Entry {
        self.stack.pop().expect("the importer checked stack depths")
    }

    /// Pops `n` entries, deepest first.
    pub(crate) fn pop_n(&mut self, n: usize) -> Vec<Entry> {
        let at = self.stack.len() - n;
        self.stack.split_off(at)
    }

    /// Writes a register-resident top entry to its slot.
    pub(crate) fn spill_reg(&mut self) {
        if let Some(top) = self.stack.last().copied() {
            if top.loc == Loc::Reg {
                self.store_entry_to_slot(top);
                self.stack.last_mut().unwrap().loc = Loc::Slot;
            }
        }
    }

    /// Writes `e` (if in RAX/XMM0) to its canonical slot; returns it as a Slot entry.
    pub(crate) fn spill_entry(&mut self, e: Entry) -> Entry {
        if e.loc == Loc::Reg {
            self.store_entry_to_slot(e);
            Entry {
                loc: Loc::Slot,
                ..e
            }
        } else {
            e
        }
    }

    /// Moves every entry into its canonical slot (at block boundaries).
    pub(crate) fn materialize_all(&mut self) {
        for i in 0..self.stack.len() {
            let e = self.stack[i];
            if e.loc != Loc::Slot {
                self.store_entry_to_slot(e);
                self.stack[i].loc = Loc::Slot;
            }
        }
    }

    /// After [`Self::materialize_all`], before control goes to the block at
    /// `target`: where that block's entry shape has a managed pointer and
    /// this path a native int (the merge `import::merge_shapes` allows),
    /// copies the value into the slot the block reads.
    pub(crate) fn retype_for(&mut self, target: u32) {
        let Some(shape) = self.entry_shapes.get(&target) else {
            return;
        };
        let moves: Vec<(i32, i32)> = self
            .stack
            .iter()
            .zip(shape)
            .filter(|(e, k)| e.kind.slot_class() != k.slot_class())
            .map(|(e, k)| (self.slot(e.depth, e.kind), self.slot(e.depth, *k)))
            .collect();
        for (from, to) in moves {
            dynasm!(self.ops ; .arch x64 ; mov r11, [rbp + from] ; mov [rbp + to], r11);
        }
    }

    /// Materializes deferred loads of the variable at `offset` (before it is stored to).
    pub(crate) fn materialize_var(&mut self, offset: i32) {
        for i in 0..self.stack.len() {
            if let Loc::Var { offset: o, .. } = self.stack[i].loc {
                if o == offset {
                    let e = self.stack[i];
                    self.store_entry_to_slot(e);
                    self.stack[i].loc = Loc::Slot;
                }
            }
        }
    }

    /// Writes `e`'s value to its canonical slot (a no-op if it is there).
    pub(crate) fn store_entry_to_slot(&mut self, e: Entry) {
        let slot = self.slot(e.depth, e.kind);
        match e.loc {
            Loc::Slot => {}
            Loc::Reg => {
                if e.kind.is_float() {
                    self.store_xmm(e.kind, 0, reg::RBP, slot);
                } else if e.kind.is_64() {
                    dynasm!(self.ops ; .arch x64 ; mov [rbp + slot], rax);
                } else {
                    dynasm!(self.ops ; .arch x64 ; mov [rbp + slot], eax);
                }
            }
            Loc::Imm(v) => {
                if !e.kind.is_64() {
                    dynasm!(self.ops ; .arch x64 ; mov DWORD [rbp + slot], v as i32);
                } else if i32::try_from(v).is_ok() {
                    dynasm!(self.ops ; .arch x64 ; mov QWORD [rbp + slot], v as i32);
                } else {
                    dynasm!(self.ops ; .arch x64 ; mov r11, QWORD v ; mov [rbp + slot], r11);
                }
            }
            Loc::Var { offset, ty } => {
                if let StackKind::Struct(h) = e.kind {
                    let size = self.layouts.slot_size(JitType::Struct(h));
                    self.copy_mem(reg::RBP, slot, reg::RBP, offset, size);
                } else if e.kind.is_float() {
                    self.load_mem_xmm(ty, 15, reg::RBP, offset);
                    self.store_xmm(e.kind, 15, reg::RBP, slot);
                } else {
                    self.load_mem(ty, reg::R11, reg::RBP, offset);
                    dynasm!(self.ops ; .arch x64 ; mov [rbp + slot], r11);
                }
            }
            Loc::FrameAddr(offset) => {
                dynasm!(self.ops ; .arch x64 ; lea r11, [rbp + offset] ; mov [rbp + slot], r11);
            }
        }
    }

    // ----- loading entries into registers ------------------------------------

    /// Loads an integer/reference/pointer entry into general register `r`
    /// (32 bits for I4 entries, 64 otherwise).
    pub(crate) fn load_gpr(&mut self, e: Entry, r: u8) {
        match e.loc {
            Loc::Slot => {
                let slot = self.slot(e.depth, e.kind);
                if e.kind.is_float() {
                    if e.kind == StackKind::R4 {
                        dynasm!(self.ops ; .arch x64 ; mov Rd(r), [rbp + slot]);
                    } else {
                        dynasm!(self.ops ; .arch x64 ; mov Rq(r), [rbp + slot]);
                    }
                } else if let StackKind::Struct(_) = e.kind {
                    // A struct of at most 8 bytes, as its bits.
                    dynasm!(self.ops ; .arch x64 ; mov Rq(r), [rbp + slot]);
                } else if e.kind.is_64() {
                    dynasm!(self.ops ; .arch x64 ; mov Rq(r), [rbp + slot]);
                } else {
                    dynasm!(self.ops ; .arch x64 ; mov Rd(r), [rbp + slot]);
                }
            }
            Loc::Imm(v) => self.mov_imm(r, v, e.kind.is_64()),
            Loc::Var { offset, ty } => match ty {
                JitType::R4 => dynasm!(self.ops ; .arch x64 ; mov Rd(r), [rbp + offset]),
                JitType::R8 => dynasm!(self.ops ; .arch x64 ; mov Rq(r), [rbp + offset]),
                _ => self.load_mem(ty, r, reg::RBP, offset),
            },
            Loc::FrameAddr(offset) => dynasm!(self.ops ; .arch x64 ; lea Rq(r), [rbp + offset]),
            Loc::Reg => {
                if e.kind.is_float() {
                    if e.kind == StackKind::R4 {
                        dynasm!(self.ops ; .arch x64 ; movd Rd(r), xmm0);
                    } else {
                        dynasm!(self.ops ; .arch x64 ; movq Rq(r), xmm0);
                    }
                } else if r != reg::RAX {
                    dynasm!(self.ops ; .arch x64 ; mov Rq(r), rax);
                }
            }
        }
    }

    /// Loads an integer entry into `r` widened to 64 bits (sign- or
    /// zero-extending an I4).
    pub(crate) fn load_gpr64(&mut self, e: Entry, r: u8, signed: bool) {
        self.load_gpr(e, r);
        if e.kind == StackKind::I4 {
            if signed {
                dynasm!(self.ops ; .arch x64 ; movsxd Rq(r), Rd(r));
            } else {
                dynasm!(self.ops ; .arch x64 ; mov Rd(r), Rd(r));
            }
        }
    }

    /// Loads a float entry into XMM register `x`, at its own width.
    pub(crate) fn load_xmm(&mut self, e: Entry, x: u8) {
        let single = e.kind == StackKind::R4;
        match e.loc {
            Loc::Slot => {
                let slot = self.slot(e.depth, e.kind);
                if single {
                    dynasm!(self.ops ; .arch x64 ; movss Rx(x), [rbp + slot]);
                } else {
                    dynasm!(self.ops ; .arch x64 ; movsd Rx(x), [rbp + slot]);
                }
            }
            Loc::Imm(bits) => {
                dynasm!(self.ops ; .arch x64 ; mov r11, QWORD bits ; movq Rx(x), r11);
            }
            Loc::Var { offset, ty } => self.load_mem_xmm(ty, x, reg::RBP, offset),
            Loc::FrameAddr(_) => unreachable!("frame addresses are not floats"),
            Loc::Reg => {
                if x != 0 {
                    dynasm!(self.ops ; .arch x64 ; movaps Rx(x), xmm0);
                }
            }
        }
    }

    /// Loads a float entry into `x` converted to double (or single) precision.
    pub(crate) fn load_xmm_as(&mut self, e: Entry, x: u8, want: StackKind) {
        self.load_xmm(e, x);
        match (e.kind, want) {
            (StackKind::R4, StackKind::R8) => dynasm!(self.ops ; .arch x64 ; cvtss2sd Rx(x), Rx(x)),
            (StackKind::R8, StackKind::R4) => dynasm!(self.ops ; .arch x64 ; cvtsd2ss Rx(x), Rx(x)),
            _ => {}
        }
    }

    pub(crate) fn mov_imm(&mut self, r: u8, v: i64, wide: bool) {
        if !wide {
            dynasm!(self.ops ; .arch x64 ; mov Rd(r), v as i32);
        } else if v == 0 {
            dynasm!(self.ops ; .arch x64 ; xor Rd(r), Rd(r));
        } else if let Ok(v32) = i32::try_from(v) {
            dynasm!(self.ops ; .arch x64 ; mov Rq(r), v32);
        } else if let Ok(u32v) = u32::try_from(v) {
            dynasm!(self.ops ; .arch x64 ; mov Rd(r), u32v as i32);
        } else {
            dynasm!(self.ops ; .arch x64 ; mov Rq(r), QWORD v);
        }
    }

    /// The frame location of local `n` or argument `n` as a deferred entry source.
    pub(crate) fn store_xmm(&mut self, kind: StackKind, x: u8, base: u8, disp: i32) {
        if kind == StackKind::R4 {
            dynasm!(self.ops ; .arch x64 ; movss [Rq(base) + disp], Rx(x));
        } else {
            dynasm!(self.ops ; .arch x64 ; movsd [Rq(base) + disp], Rx(x));
        }
    }

    // ----- labels, calls to helpers, throws -----------------------------------

    pub(crate) fn label_for(&self, il_offset: u32) -> DynamicLabel {
        self.labels[&il_offset]
    }

    /// The exception regions the instruction being compiled lies in.
    fn region_key(&self) -> RegionKey {
        let il = self.il_offset;
        self.method
            .eh
            .iter()
            .map(|c| {
                if c.in_try(il) {
                    1
                } else if c.in_handler(il) {
                    2
                } else if c.in_filter(il) {
                    3
                } else {
                    0
                }
            })
            .collect()
    }

    /// The out-of-line stub that throws `kind` from the current instruction's
    /// exception region and sequence point.
    pub(crate) fn throw_label(&mut self, kind: ThrowKind) -> DynamicLabel {
        let key = (kind, self.region_key(), self.sequence_point);
        if let Some((l, _)) = self.throw_labels.get(&key) {
            return *l;
        }
        let l = self.ops.new_dynamic_label();
        self.throw_labels.insert(key, (l, self.il_offset));
        l
    }

    /// The out-of-line call of [`Helper::RaisePending`] for the current
    /// instruction's exception region and sequence point.
    pub(crate) fn pending_label(&mut self) -> DynamicLabel {
        let key = (self.region_key(), self.sequence_point);
        if let Some((l, _)) = self.pending.get(&key) {
            return *l;
        }
        let l = self.ops.new_dynamic_label();
        self.pending.insert(key, (l, self.il_offset));
        l
    }

    /// Records that the code emitted since native offset `start` stands for
    /// the instruction at `il_offset`.
    fn attribute(&mut self, start: usize, il_offset: u32) {
        self.out_of_line.push(OutOfLine {
            start: start as u32,
            end: self.ops.offset().0 as u32,
            il_offset,
        });
    }

    /// `call` an absolute address: `rel32` when in range, else through RAX.
    pub(crate) fn call_abs(&mut self, target: usize) {
        x64::call_abs(&mut self.ops, self.base, target);
    }

    /// Calls a runtime helper with native (SysV) argument registers already loaded.
    pub(crate) fn call_helper(&mut self, helper: Helper) {
        let addr = self.layouts.host().helper(helper);
        dynasm!(self.ops ; .arch x64 ; mov rax, QWORD addr as i64 ; call rax);
    }

    /// Emits a safepoint poll: `cmp dword [trap], 0; jne slow` with the slow
    /// path out of line. Nothing may be live in registers.
    pub(crate) fn poll(&mut self) {
        let slow = self.ops.new_dynamic_label();
        let resume = self.ops.new_dynamic_label();
        x64::trap_test(&mut self.ops, self.base, self.rt.trap_flag_address);
        dynasm!(self.ops ; .arch x64 ; jne =>slow ; =>resume);
        self.polls.push((slow, resume, self.il_offset));
    }

    /// Emits a class-initialization check. Nothing may be live in registers.
    pub(crate) fn class_init_check(&mut self, check: ClassInitCheck) {
        let done = self.ops.new_dynamic_label();
        x64::class_init_test(&mut self.ops, check.flag_address, check.handle.0, done);
        self.call_helper(Helper::ClassInit);
        dynasm!(self.ops ; .arch x64 ; =>done);
    }

    // ----- prologue, epilogue, out-of-line code -------------------------------

    fn prologue(&mut self) {
        let size = self.frame.size as i32;
        let overflow = self.layouts.host().helper(Helper::StackOverflow);
        x64::enter_frame(
            &mut self.ops,
            size,
            &self.rt,
            |ops| dynasm!(ops ; .arch x64 ; mov rax, QWORD overflow as i64 ; call rax),
        );
        if let Some(off) = self.frame.saved_rsi_rdi {
            for (k, r) in frame::SAVED_REGS.iter().enumerate() {
                let at = off + 8 * k as i32;
                dynasm!(self.ops ; .arch x64 ; mov [rbp + at], Rq(*r));
            }
        }
        x64::save_regs(&mut self.ops, &self.frame.reg_homes);
        self.save_generic_context();
        let zero_len = self.frame.size - self.frame.zero_end;
        if zero_len > 0 {
            let lo = -size;
            let hi = -(self.frame.zero_end as i32);
            dynasm!(self.ops ; .arch x64 ; xorps xmm0, xmm0);
            if zero_len <= 128 {
                let mut off = lo;
                while off < hi {
                    dynasm!(self.ops ; .arch x64 ; movaps [rbp + off], xmm0);
                    off += 16;
                }
            } else {
                let top = self.ops.new_dynamic_label();
                dynasm!(self.ops
                    ; .arch x64
                    ; lea rax, [rbp + lo]
                    ; lea r11, [rbp + hi]
                    ; =>top
                    ; movaps [rax], xmm0
                    ; add rax, 16
                    ; cmp rax, r11
                    ; jb =>top
                );
            }
        }
        if let Some(check) = self.method.class_init {
            self.class_init_check(check);
        }
        if let Some(l) = self.method.class_init_lookup {
            self.rt_value(crate::host::RtValue::Lookup(l));
        }
        self.count_call();
        self.poll();
    }

    pub(crate) fn epilogue(&mut self) {
        if let Some(off) = self.frame.saved_rsi_rdi {
            for (k, r) in frame::SAVED_REGS.iter().enumerate() {
                let at = off + 8 * k as i32;
                dynasm!(self.ops ; .arch x64 ; mov Rq(*r), [rbp + at]);
            }
        }
        x64::leave_frame(&mut self.ops, self.frame.stack_arg_bytes);
    }

    fn out_of_line(&mut self) {
        for (slow, resume, il) in std::mem::take(&mut self.polls) {
            let start = self.ops.offset().0;
            dynasm!(self.ops ; .arch x64 ; =>slow);
            // The poll stub preserves every register.
            let stub = self.layouts.host().helper(Helper::GcPoll);
            self.call_abs(stub);
            dynasm!(self.ops ; .arch x64 ; jmp =>resume);
            self.attribute(start, il);
        }
        let mut pending: Vec<_> = self.pending.values().copied().collect();
        pending.sort_by_key(|(_, il)| *il);
        for (l, il) in pending {
            let start = self.ops.offset().0;
            let raise = self.layouts.host().helper(Helper::RaisePending);
            // Called (not jumped to): the stub sees a normal, aligned call
            // from this method, with the thread in RDI. It never returns.
            dynasm!(self.ops ; .arch x64 ; =>l ; mov rdi, r15 ; mov rax, QWORD raise as i64 ; call rax ; int3);
            self.attribute(start, il);
        }
        let mut throws: Vec<_> = self
            .throw_labels
            .iter()
            .map(|((k, _, _), (l, il))| (*k, *l, *il))
            .collect();
        throws.sort_by_key(|(k, _, il)| (*il, *k as u32));
        for (kind, label, il) in throws {
            let start = self.ops.offset().0;
            dynasm!(self.ops
                ; .arch x64
                ; =>label
                ; mov rdi, r15
                ; mov esi, kind as u32 as i32
            );
            self.call_helper(Helper::Throw);
            dynasm!(self.ops ; .arch x64 ; int3);
            self.attribute(start, il);
        }
        for (table, targets) in std::mem::take(&mut self.switch_tables) {
            self.ops.align(8, 0xCC);
            dynasm!(self.ops ; .arch x64 ; =>table);
            for t in targets {
                let l = self.label_for(t);
                let start = self.ops.offset().0;
                dynasm!(self.ops ; .arch x64 ; jmp =>l);
                let len = self.ops.offset().0 - start;
                for _ in len..8 {
                    self.ops.push(0xCC);
                }
            }
        }
    }

    // ----- instructions --------------------------------------------------------

    fn instr(&mut self, instr: &Instr, imported: &Imported) -> Result<(), JitError> {
        if let Some(entry) = &instr.block_entry {
            // Falling through into a block: everything to canonical slots.
            self.materialize_all();
            self.retype_for(instr.il_offset);
            let label = self.label_for(instr.il_offset);
            dynasm!(self.ops ; .arch x64 ; =>label);
            self.stack = entry
                .iter()
                .enumerate()
                .map(|(d, k)| Entry {
                    kind: *k,
                    loc: Loc::Slot,
                    depth: d as u16,
                })
                .collect();
            self.handler_entry(instr.il_offset);
        }
        self.il_map
            .push((instr.il_offset, self.ops.offset().0 as u32));
        if instr.depth == 0 {
            self.statement = instr.il_offset;
            self.sequence_point = instr.il_offset;
        }
        if matches!(instr.op, Op::Call { .. } | Op::NewObj(_)) {
            self.sequence_point = instr.il_offset;
        }
        self.statements.push(self.statement);
        debug_assert_eq!(
            self.stack.len(),
            instr.depth as usize,
            "IL_{:04x}",
            instr.il_offset
        );
        debug_assert!(
            self.stack[self.stack.len() - instr.ins.len()..]
                .iter()
                .map(|e| e.kind)
                .eq(instr.ins.iter().copied()),
            "IL_{:04x}: the virtual stack disagrees with the importer",
            instr.il_offset
        );
        let backward = |t: u32| t <= instr.il_offset && imported.loop_heads.contains(&t);
        match &instr.op {
            Op::Nop => {}
            Op::LdArg(n) => self.ld_arg(*n),
            Op::LdArgA(n) => self.ld_arg_addr(*n),
            Op::StArg(n) => self.st_arg(*n),
            Op::LdLoc(n) => self.ld_local(*n),
            Op::LdLocA(n) => {
                let off = self.frame.locals[*n as usize];
                self.push(StackKind::ByRef, Loc::Reg);
                dynasm!(self.ops ; .arch x64 ; lea rax, [rbp + off]);
            }
            Op::StLoc(n) => self.st_local(*n),
            Op::LdcI4(v) => self.push(StackKind::I4, Loc::Imm(*v as i64)),
            Op::LdcI8(v) => self.push(StackKind::I8, Loc::Imm(*v)),
            Op::LdcR4(v) => self.push(StackKind::R4, Loc::Imm(v.to_bits() as i64)),
            Op::LdcR8(v) => self.push(StackKind::R8, Loc::Imm(v.to_bits() as i64)),
            Op::LdNull => self.push(StackKind::Ref, Loc::Imm(0)),
            Op::LdStr(addr) => self.push(StackKind::Ref, Loc::Imm(*addr as i64)),
            Op::Dup => self.dup(),
            Op::Pop => {
                self.pop();
            }
            Op::Binary(op) => self.binary(*op, instr),
            Op::Neg => self.neg(),
            Op::Not => self.not(),
            Op::Compare(c) => self.compare(*c),
            Op::Br(t) => {
                self.materialize_all();
                self.retype_for(*t);
                if backward(*t) {
                    self.poll();
                }
                let l = self.label_for(*t);
                dynasm!(self.ops ; .arch x64 ; jmp =>l);
                self.stack.clear();
            }
            Op::BrBool(nonzero, t) => self.br_bool(*nonzero, *t, backward(*t)),
            Op::BrCmp(c, t) => self.br_cmp(*c, *t, backward(*t)),
            Op::Switch(targets) => {
                self.switch(targets.clone(), targets.iter().any(|t| backward(*t)))
            }
            Op::Conv(c) => self.conv(*c),
            Op::Call {
                info,
                virt,
                this_fixup,
            } => self.call(info, *virt, *this_fixup)?,
            Op::NewObj(info) => self.new_obj(info)?,
            Op::Calli(info) => self.calli(info),
            Op::Ret => self.ret(),
            Op::LdFld(f) => self.ld_fld(f),
            Op::LdFldA(f) => self.ld_flda(f),
            Op::StFld(f) => self.st_fld(f),
            Op::LdSFld(f) => self.ld_sfld(f),
            Op::LdSFldA(f) => self.ld_sflda(f),
            Op::StSFld(f) => self.st_sfld(f),
            Op::LdInd(ty) => self.ld_ind(*ty),
            Op::StInd(ty) => self.st_ind(*ty),
            Op::LdLen => self.ld_len(),
            Op::LdElem(ty) => self.ld_elem(*ty, false, None),
            Op::LdElemA(ty, exact) => self.ld_elem(*ty, true, *exact),
            Op::StElem(ty) => self.st_elem(*ty),
            Op::NewArr(h) => self.new_arr(*h),
            Op::InitObj(ty) => self.init_obj(*ty),
            Op::Localloc => self.localloc(),
            Op::Throw => self.throw(),
            Op::RaiseDeferred(failure) => self.raise_deferred(*failure),
            Op::Rethrow(c) => self.rethrow(*c),
            Op::Leave { target, finallies } => self.leave(*target, finallies, backward(*target)),
            Op::EndFinally(c) => {
                let slot = self.frame.eh_slots[*c];
                dynasm!(self.ops ; .arch x64 ; jmp QWORD [rbp + slot]);
                self.stack.clear();
            }
            Op::EndFilter(_) => {
                let verdict = self.pop();
                self.load_gpr(verdict, reg::RAX);
                // Undo the entry's alignment and return to the dispatcher.
                dynasm!(self.ops ; .arch x64 ; add rsp, 8 ; ret);
                self.stack.clear();
            }
            Op::CastClass(h) => self.cast(*h, true),
            Op::IsInst(h) => self.cast(*h, false),
            Op::Box(h, ty) => self.box_value(*h, *ty),
            Op::Unbox(h) => self.unbox(*h),
            Op::UnboxAny(h, ty) => self.unbox_any(*h, *ty),
            Op::BoxNullable(h) => self.box_nullable(*h),
            Op::UnboxNullable(h, ty) => self.unbox_nullable(*h, *ty),
            Op::LdToken(value, h) => self.ld_token(*value, *h),
            Op::CpObj(ty) => self.cp_obj(*ty),
            Op::CkFinite => self.ck_finite(),
            Op::LdFtn(entry) => self.ld_ftn(*entry),
            Op::CpBlk => self.block_op(true),
            Op::InitBlk => self.block_op(false),
            Op::LdVirtFtn(method) => self.ld_virt_ftn(*method),
        }
        Ok(())
    }

    // ----- arguments and locals --------------------------------------------------

    fn ld_arg(&mut self, n: u16) {
        let home = self.frame.args[n as usize];
        let kind = home.ty.stack_kind();
        if let StackKind::Struct(h) = kind {
            self.push(kind, Loc::Slot);
            let slot = self.slot(self.stack.len() as u16 - 1, kind);
            let size = self.layouts.slot_size(JitType::Struct(h));
            if home.by_pointer {
                let exact = self.layouts.size_of(JitType::Struct(h));
                dynasm!(self.ops ; .arch x64 ; mov rax, [rbp + home.offset]);
                self.copy_mem(reg::RBP, slot, reg::RAX, 0, exact);
            } else {
                self.copy_mem(reg::RBP, slot, reg::RBP, home.offset, size);
            }
        } else if self.arg_cacheable[n as usize] {
            self.push(
                kind,
                Loc::Var {
                    offset: home.offset,
                    ty: home.ty,
                },
            );
        } else {
            self.push(kind, Loc::Reg);
            self.load_var_to_reg(home.ty, home.offset);
        }
    }

    fn ld_arg_addr(&mut self, n: u16) {
        let home = self.frame.args[n as usize];
        self.push(StackKind::ByRef, Loc::Reg);
        if home.by_pointer {
            dynasm!(self.ops ; .arch x64 ; mov rax, [rbp + home.offset]);
        } else {
            dynasm!(self.ops ; .arch x64 ; lea rax, [rbp + home.offset]);
        }
    }

    fn st_arg(&mut self, n: u16) {
        let home = self.frame.args[n as usize];
        let v = self.pop();
        self.spill_reg();
        if home.by_pointer {
            dynasm!(self.ops ; .arch x64 ; mov rcx, [rbp + home.offset]);
            self.store_value(home.ty, v, reg::RCX, 0);
        } else {
            self.materialize_var(home.offset);
            self.store_value(home.ty, v, reg::RBP, home.offset);
        }
    }

    fn ld_local(&mut self, n: u16) {
        let ty = self.method.locals[n as usize].ty;
        let off = self.frame.locals[n as usize];
        let kind = ty.stack_kind();
        if let StackKind::Struct(h) = kind {
            self.push(kind, Loc::Slot);
            let slot = self.slot(self.stack.len() as u16 - 1, kind);
            let size = self.layouts.slot_size(JitType::Struct(h));
            self.copy_mem(reg::RBP, slot, reg::RBP, off, size);
        } else if self.local_cacheable[n as usize] {
            self.push(kind, Loc::Var { offset: off, ty });
        } else {
            self.push(kind, Loc::Reg);
            self.load_var_to_reg(ty, off);
        }
    }

    fn st_local(&mut self, n: u16) {
        let ty = self.method.locals[n as usize].ty;
        let off = self.frame.locals[n as usize];
        let v = self.pop();
        self.spill_reg();
        self.materialize_var(off);
        self.store_value(ty, v, reg::RBP, off);
    }

    /// Loads a frame variable into RAX/XMM0 (the entry just pushed as `Reg`).
    fn load_var_to_reg(&mut self, ty: JitType, off: i32) {
        if ty.is_float() {
            self.load_mem_xmm(ty, 0, reg::RBP, off);
        } else {
            self.load_mem(ty, reg::RAX, reg::RBP, off);
        }
    }

    fn dup(&mut self) {
        let top = self.pop();
        match top.loc {
            Loc::Imm(_) | Loc::Var { .. } => {
                self.stack.push(top);
                self.push(top.kind, top.loc);
            }
            _ => {
                // Keep the original in its slot and the copy in a register (or slot for structs).
                let top = self.spill_entry(top);
                self.stack.push(top);
                if let StackKind::Struct(h) = top.kind {
                    self.push(top.kind, Loc::Slot);
                    let from = self.slot(top.depth, top.kind);
                    let to = self.slot(top.depth + 1, top.kind);
                    let size = self.layouts.slot_size(JitType::Struct(h));
                    self.copy_mem(reg::RBP, to, reg::RBP, from, size);
                } else {
                    let copy = Entry {
                        loc: Loc::Slot,
                        ..top
                    };
                    if top.kind.is_float() {
                        self.load_xmm(copy, 0);
                    } else {
                        self.load_gpr(copy, reg::RAX);
                    }
                    self.push(top.kind, Loc::Reg);
                }
            }
        }
    }

    fn ret(&mut self) {
        let ret = self.method.ret;
        if ret != JitType::Void {
            let v = self.pop();
            match ret {
                JitType::Struct(h) => {
                    let size = self.layouts.size_of(JitType::Struct(h));
                    let slot = self.slot(v.depth, v.kind);
                    if let Some(buf) = self.frame.ret_buf {
                        dynasm!(self.ops ; .arch x64 ; mov rax, [rbp + buf]);
                        self.copy_mem(reg::RAX, 0, reg::RBP, slot, size);
                    } else {
                        let v = self.spill_entry(v);
                        debug_assert_eq!(v.loc, Loc::Slot);
                        dynasm!(self.ops ; .arch x64 ; mov rax, [rbp + slot]);
                    }
                }
                JitType::R4 | JitType::R8 => self.load_xmm_as(v, 0, ret.stack_kind()),
                _ => {
                    self.load_gpr(v, reg::RAX);
                    self.normalize_small(ret, reg::RAX);
                }
            }
        }
        self.epilogue();
        self.stack.clear();
    }

    /// Sign- or zero-extends a small integer in `r` to 32 bits, per its type.
    pub(crate) fn normalize_small(&mut self, ty: JitType, r: u8) {
        match ty {
            JitType::Bool | JitType::U1 => dynasm!(self.ops ; .arch x64 ; movzx Rd(r), Rb(r)),
            JitType::I1 => dynasm!(self.ops ; .arch x64 ; movsx Rd(r), Rb(r)),
            JitType::I2 => dynasm!(self.ops ; .arch x64 ; movsx Rd(r), Rw(r)),
            JitType::U2 | JitType::Char => dynasm!(self.ops ; .arch x64 ; movzx Rd(r), Rw(r)),
            _ => {}
        }
    }

    /// Code at the start of a handler or filter block, which the exception
    /// dispatcher enters with the exception in RAX.
    fn handler_entry(&mut self, il: u32) {
        let here = self.ops.offset().0 as u32;
        for (i, c) in self.method.eh.iter().enumerate() {
            if let EhKind::Filter { filter_start } = c.kind {
                if filter_start == il {
                    // Entered by a call from the dispatcher (a funclet):
                    // realign the stack for the calls the filter makes.
                    self.filter_native[i] = Some(here);
                    let slot = self.slot(0, StackKind::Ref);
                    dynasm!(self.ops ; .arch x64 ; sub rsp, 8 ; mov [rbp + slot], rax);
                    return;
                }
            }
            if c.handler_start == il {
                self.handler_native[i] = Some(here);
                if matches!(c.kind, EhKind::Catch(_) | EhKind::Filter { .. }) {
                    let slot = self.slot(0, StackKind::Ref);
                    let exc = self.frame.eh_slots[i];
                    dynasm!(self.ops ; .arch x64 ; mov [rbp + slot], rax ; mov [rbp + exc], rax);
                }
                // Several clauses may share one handler start only if they
                // are the same kind of entry; keep looking for them.
            }
        }
    }

    /// `leave`: run the finally handlers in order, each returning through
    /// its continuation slot, then branch.
    fn leave(&mut self, target: u32, finallies: &[usize], backward: bool) {
        self.stack.clear();
        for &c in finallies {
            let slot = self.frame.eh_slots[c];
            let handler = self.label_for(self.method.eh[c].handler_start);
            let cont = self.ops.new_dynamic_label();
            dynasm!(self.ops
                ; .arch x64
                ; lea rax, [=>cont]
                ; mov [rbp + slot], rax
                ; jmp =>handler
                ; =>cont
            );
        }
        if backward {
            self.poll();
        }
        let l = self.label_for(target);
        dynasm!(self.ops ; .arch x64 ; jmp =>l);
    }

    fn rethrow(&mut self, clause: usize) {
        let exc = self.frame.eh_slots[clause];
        dynasm!(self.ops ; .arch x64 ; mov rdi, r15 ; mov rsi, [rbp + exc]);
        self.call_helper(Helper::Rethrow);
        dynasm!(self.ops ; .arch x64 ; int3);
        self.stack.clear();
    }

    /// An instruction the host could not resolve: raise the failure it
    /// recorded. The helper never returns; the stack's values are dead.
    fn raise_deferred(&mut self, failure: usize) {
        self.stack.clear();
        dynasm!(self.ops ; .arch x64 ; mov rdi, r15 ; mov rsi, QWORD failure as i64);
        self.call_helper(Helper::RaiseDeferred);
        dynasm!(self.ops ; .arch x64 ; int3);
    }

    fn throw(&mut self) {
        let exc = self.pop();
        self.spill_reg();
        self.load_gpr(exc, reg::RSI);
        dynasm!(self.ops ; .arch x64 ; mov rdi, r15);
        self.call_helper(Helper::ThrowObject);
        dynasm!(self.ops ; .arch x64 ; int3);
        self.stack.clear();
    }
}
