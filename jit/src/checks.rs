//! The checks [`crate::pipeline`] runs between the JIT's stages in debug
//! builds (`cfg(debug_assertions)`): what each stage's output must satisfy
//! for the next stage to be correct. A failure is a bug in the JIT, never
//! in the program being compiled (docs/jit.md, "Stage checks").

use std::collections::HashMap;

use regalloc2::Function;

use crate::frame::Frame;
use crate::import::{Imported, Instr};
use crate::ops::Op;
use crate::CompiledMethod;

/// The stage whose output a check rejected.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Stage {
    /// The importer (typed ops, block entry stacks, stack slots).
    Import,
    /// The baseline tier's frame layout.
    FrameLayout,
    /// The optimizing tier's lowering to machine instructions (VCode).
    Lower,
    /// Code emission, by either tier (code, code map, GC info, EH clauses).
    Emit,
}

/// What a stage check found wrong.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Inconsistency {
    /// An instruction's recorded stack depth is not what its predecessor
    /// leaves (or, at a block start, the length of the block's entry stack).
    StackDepth {
        /// The instruction.
        il_offset: u32,
        /// The depth its predecessor or block entry implies.
        expected: u16,
        /// The depth recorded.
        found: u16,
    },
    /// A branch targets an offset where no imported block starts.
    BranchTarget {
        /// The branch.
        il_offset: u32,
        /// Its target.
        target: u32,
    },
    /// A branch leaves a stack of a different depth than its target's
    /// entry stack.
    EntryDepth {
        /// The branch.
        il_offset: u32,
        /// Its target.
        target: u32,
        /// The depth the branch leaves.
        leaves: u16,
        /// The depth the target is entered with.
        entry: u16,
    },
    /// A value occupies an evaluation-stack slot the frame will not have.
    MissingStackSlot {
        /// The instruction that pushes the value (or whose block entry
        /// holds it).
        il_offset: u32,
        /// The slot's stack depth.
        depth: u16,
    },
    /// A per-variable vector does not have one entry per variable.
    VariableCount {
        /// Which vector.
        what: &'static str,
    },
    /// A frame slot lies outside the frame.
    SlotOutsideFrame {
        /// Which slot.
        what: &'static str,
        /// Its rbp-relative offset.
        offset: i32,
        /// Bytes of frame below rbp.
        frame_size: u32,
    },
    /// The frame's sizes disagree with one another.
    FrameSize {
        /// What disagrees.
        what: &'static str,
    },
    /// A native offset lies outside the method's code.
    OutsideCode {
        /// What the offset is.
        what: &'static str,
        /// The offset.
        offset: u32,
        /// The code's length.
        code_len: u32,
    },
    /// A list that must be sorted by native offset is not.
    Unsorted {
        /// Which list.
        what: &'static str,
    },
    /// The code map's statement list is not parallel to its IL map.
    StatementCount,
    /// A machine-code block is empty, or does not end with its only branch
    /// or return.
    BlockShape {
        /// The block's index.
        block: usize,
    },
    /// A machine-code block's successor is not a block, or does not list
    /// the block among its predecessors.
    BlockEdge {
        /// The block's index.
        block: usize,
        /// The successor's index.
        succ: usize,
    },
}

/// A stage check's failure: which stage, and what it found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StageCheckFailed {
    /// The stage whose output is inconsistent.
    pub stage: Stage,
    /// What is wrong with it.
    pub problem: Inconsistency,
}

impl std::fmt::Display for StageCheckFailed {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "the output of {:?} is inconsistent: {:?}",
            self.stage, self.problem
        )
    }
}

fn fail(stage: Stage, problem: Inconsistency) -> Result<(), StageCheckFailed> {
    Err(StageCheckFailed { stage, problem })
}

/// Whether control falls through from `op` to the next instruction.
fn falls_through(op: &Op) -> bool {
    !matches!(
        op,
        Op::Br(_)
            | Op::Ret
            | Op::Throw
            | Op::Rethrow(_)
            | Op::Leave { .. }
            | Op::EndFinally(_)
            | Op::EndFilter(_)
            | Op::RaiseDeferred(_)
    )
}

/// The stack depth after `i` (on the paths it continues on).
fn depth_after(i: &Instr) -> u16 {
    match i.op {
        // `leave` empties the stack whatever it holds.
        Op::Leave { .. } => 0,
        // `dup` pops one value and pushes it twice.
        Op::Dup => i.depth + 1,
        _ => i.depth - i.ins.len() as u16 + u16::from(i.out.is_some()),
    }
}

/// The branch targets of `op`.
fn targets(op: &Op) -> &[u32] {
    match op {
        Op::Br(t) | Op::BrBool(_, t) | Op::BrCmp(_, t) | Op::Leave { target: t, .. } => {
            std::slice::from_ref(t)
        }
        Op::Switch(ts) => ts,
        _ => &[],
    }
}

/// After import: each instruction's depth is what its predecessor leaves
/// (0 after an unconditional transfer) or its block's entry depth; every
/// branch target is a block start entered with the depth the branch
/// leaves; every value pushed and every block-entry value has its
/// evaluation-stack slot; one address-taken flag per argument and local.
pub(crate) fn imported(
    imported: &Imported,
    args: usize,
    locals: usize,
) -> Result<(), StageCheckFailed> {
    let stage = Stage::Import;
    if imported.arg_address_taken.len() != args {
        return fail(stage, Inconsistency::VariableCount { what: "arguments" });
    }
    if imported.local_address_taken.len() != locals {
        return fail(stage, Inconsistency::VariableCount { what: "locals" });
    }
    let entries: HashMap<u32, u16> = imported
        .instrs
        .iter()
        .filter_map(|i| Some((i.il_offset, i.block_entry.as_ref()?.len() as u16)))
        .collect();
    let mut prev: Option<&Instr> = None;
    for i in &imported.instrs {
        let expected = match (&i.block_entry, prev) {
            (Some(entry), _) => entry.len() as u16,
            (None, Some(p)) if falls_through(&p.op) => depth_after(p),
            (None, _) => 0,
        };
        if i.depth != expected {
            let (il_offset, found) = (i.il_offset, i.depth);
            return fail(
                stage,
                Inconsistency::StackDepth {
                    il_offset,
                    expected,
                    found,
                },
            );
        }
        for &target in targets(&i.op) {
            let Some(&entry) = entries.get(&target) else {
                let il_offset = i.il_offset;
                return fail(stage, Inconsistency::BranchTarget { il_offset, target });
            };
            let leaves = depth_after(i);
            if entry != leaves {
                let il_offset = i.il_offset;
                let problem = Inconsistency::EntryDepth {
                    il_offset,
                    target,
                    leaves,
                    entry,
                };
                return fail(stage, problem);
            }
        }
        let mut slots = i.block_entry.iter().flatten().enumerate();
        let entry_slot_missing = slots
            .find(|(d, k)| !imported.stack_slots.contains(&(*d as u16, k.slot_class())))
            .map(|(d, _)| d as u16);
        let pushed_slot_missing = i.out.and_then(|k| {
            let depth = i.depth - i.ins.len() as u16;
            (!imported.stack_slots.contains(&(depth, k.slot_class()))).then_some(depth)
        });
        if let Some(depth) = entry_slot_missing.or(pushed_slot_missing) {
            let il_offset = i.il_offset;
            return fail(stage, Inconsistency::MissingStackSlot { il_offset, depth });
        }
        prev = Some(i);
    }
    Ok(())
}

/// After frame layout: the frame is a multiple of 16 bytes, its GC info
/// has its size, the zeroed region is inside it, and every slot (locals,
/// evaluation-stack slots, exception-clause slots, pins, the transition
/// frame, saved registers, argument homes, generic-context and delegate
/// slots, GC slots) lies inside it, or above the return address for
/// stack arguments.
pub(crate) fn frame(frame: &Frame) -> Result<(), StageCheckFailed> {
    let stage = Stage::FrameLayout;
    let size = frame.size;
    if size % 16 != 0 {
        return fail(
            stage,
            Inconsistency::FrameSize {
                what: "not 16-byte aligned",
            },
        );
    }
    if frame.gc.frame_size != size {
        return fail(
            stage,
            Inconsistency::FrameSize {
                what: "the GC info's frame size",
            },
        );
    }
    if frame.zero_end > size {
        return fail(
            stage,
            Inconsistency::FrameSize {
                what: "the zeroed region",
            },
        );
    }
    let mut slots: Vec<(&'static str, i32)> = Vec::new();
    slots.extend(frame.locals.iter().map(|&o| ("a local", o)));
    slots.extend(frame.stack_slots.values().map(|&o| ("a stack slot", o)));
    slots.extend(frame.eh_slots.iter().map(|&o| ("a clause slot", o)));
    slots.extend(frame.pin_slots.iter().map(|&o| ("a pin slot", o)));
    slots.extend(frame.reg_homes.iter().map(|&(_, o)| ("a register home", o)));
    slots.extend(frame.ret_buf.map(|o| ("the return buffer home", o)));
    slots.extend(frame.sp_slot.map(|o| ("the localloc sp slot", o)));
    slots.extend(frame.transition.map(|o| ("the transition frame", o)));
    slots.extend(frame.saved_rsi_rdi.map(|o| ("the saved registers", o)));
    if let Some(g) = frame.generic {
        slots.push(("the generic context", g.context));
        slots.extend(g.lookup_temps.iter().map(|&o| ("a lookup temporary", o)));
    }
    if let Some(d) = &frame.delegate_temps {
        let temps = [d.current, d.list, d.target, d.index];
        slots.extend(temps.iter().map(|&o| ("a delegate temporary", o)));
    }
    for (what, offset) in slots {
        in_frame(stage, what, offset, size)?;
    }
    for (what, offset) in frame
        .args
        .iter()
        .map(|a| ("an argument home", a.offset))
        .chain(frame.gc.slots.iter().map(|s| ("a GC slot", s.offset)))
    {
        in_frame_or_args(stage, what, offset, size)?;
    }
    Ok(())
}

/// `offset` lies in the `size` bytes below rbp.
fn in_frame(
    stage: Stage,
    what: &'static str,
    offset: i32,
    size: u32,
) -> Result<(), StageCheckFailed> {
    if offset < 0 && offset >= -(size as i32) {
        return Ok(());
    }
    let frame_size = size;
    fail(
        stage,
        Inconsistency::SlotOutsideFrame {
            what,
            offset,
            frame_size,
        },
    )
}

/// `offset` lies in the frame, or among the stack arguments above the
/// return address.
fn in_frame_or_args(
    stage: Stage,
    what: &'static str,
    offset: i32,
    size: u32,
) -> Result<(), StageCheckFailed> {
    if offset >= 16 {
        return Ok(());
    }
    in_frame(stage, what, offset, size)
}

/// After emission (either tier): every native offset the runtime will look
/// up lies inside the code (the IL map, the body's end, the out-of-line
/// stretches, the handlers and filters, the GC safepoints), the lists the
/// runtime searches are sorted, the statement list is parallel to the IL
/// map, and the GC info's slots and saved registers are inside the frame.
pub(crate) fn compiled(m: &CompiledMethod) -> Result<(), StageCheckFailed> {
    let stage = Stage::Emit;
    let code_len = m.code.len() as u32;
    let inside = |what: &'static str, offset: u32| {
        if offset <= code_len {
            Ok(())
        } else {
            fail(
                stage,
                Inconsistency::OutsideCode {
                    what,
                    offset,
                    code_len,
                },
            )
        }
    };
    let map = &m.code_map;
    for &(_, native) in &map.il_to_native {
        inside("an IL map entry", native)?;
    }
    if map.statements.len() != map.il_to_native.len() {
        return fail(stage, Inconsistency::StatementCount);
    }
    inside("the body's end", map.body_end)?;
    for o in &map.out_of_line {
        inside("an out-of-line stretch's start", o.start)?;
        inside("an out-of-line stretch's end", o.end)?;
    }
    if !map.out_of_line.windows(2).all(|w| w[0].start <= w[1].start) {
        return fail(
            stage,
            Inconsistency::Unsorted {
                what: "the out-of-line stretches",
            },
        );
    }
    for c in &m.eh {
        inside("a handler entry", c.handler)?;
        if let Some(f) = c.filter {
            inside("a filter entry", f)?;
        }
    }
    let gc = &m.gc_info;
    for s in &gc.safepoints {
        inside("a safepoint", s.offset)?;
    }
    if !gc.safepoints.windows(2).all(|w| w[0].offset <= w[1].offset) {
        return fail(
            stage,
            Inconsistency::Unsorted {
                what: "the safepoints",
            },
        );
    }
    for s in &gc.slots {
        in_frame_or_args(stage, "a GC slot", s.offset, gc.frame_size)?;
    }
    for &(_, offset) in &gc.saved_regs {
        in_frame(stage, "a saved register", offset, gc.frame_size)?;
    }
    Ok(())
}

/// After the optimizing tier's lowering: every block is non-empty and ends
/// with its only branch or return, and every successor is a block that
/// lists the block among its predecessors (branch targets are block starts,
/// and the edges regalloc2 sees are consistent).
pub(crate) fn vcode(f: &impl Function) -> Result<(), StageCheckFailed> {
    let stage = Stage::Lower;
    let blocks = f.num_blocks();
    for b in 0..blocks {
        let block = regalloc2::Block::new(b);
        let insts = f.block_insns(block);
        if insts.len() == 0 {
            return fail(stage, Inconsistency::BlockShape { block: b });
        }
        let last = insts.last();
        let ends = |i| f.is_branch(i) || f.is_ret(i);
        if !ends(last) || insts.iter().any(|i| i != last && ends(i)) {
            return fail(stage, Inconsistency::BlockShape { block: b });
        }
        for &succ in f.block_succs(block) {
            if succ.index() >= blocks || !f.block_preds(succ).contains(&block) {
                let succ = succ.index();
                return fail(stage, Inconsistency::BlockEdge { block: b, succ });
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use smallvec::{smallvec, SmallVec};

    use super::*;
    use crate::eh::CodeMap;
    use crate::gcinfo::{GcInfo, GcSafepoint};
    use crate::types::{SlotClass, StackKind};

    fn instr(il_offset: u32, op: Op, ins: SmallVec<[StackKind; 4]>, depth: u16) -> Instr {
        let out = matches!(op, Op::LdcI4(_)).then_some(StackKind::I4);
        Instr {
            il_offset,
            op,
            ins,
            out,
            depth,
            block_entry: (il_offset == 0).then(Vec::new),
        }
    }

    /// `ldc.i4.1; ret` as the importer types it, with `depth` recorded for
    /// the `ret`.
    fn ldc_ret(ret_depth: u16) -> Imported {
        Imported {
            instrs: vec![
                instr(0, Op::LdcI4(1), SmallVec::new(), 0),
                instr(1, Op::Ret, smallvec![StackKind::I4], ret_depth),
            ],
            stack_slots: [(0, SlotClass::Prim)].into_iter().collect(),
            arg_address_taken: Vec::new(),
            local_address_taken: Vec::new(),
            loop_heads: Default::default(),
        }
    }

    #[test]
    fn imported_accepts_consistent_depths() {
        assert_eq!(imported(&ldc_ret(1), 0, 0), Ok(()));
    }

    #[test]
    fn imported_rejects_a_wrong_depth() {
        let problem = imported(&ldc_ret(0), 0, 0).unwrap_err().problem;
        let expected = Inconsistency::StackDepth {
            il_offset: 1,
            expected: 1,
            found: 0,
        };
        assert_eq!(problem, expected);
    }

    #[test]
    fn imported_rejects_a_missing_stack_slot_and_a_bad_target() {
        let mut m = ldc_ret(1);
        m.stack_slots.clear();
        let problem = imported(&m, 0, 0).unwrap_err().problem;
        let expected = Inconsistency::MissingStackSlot {
            il_offset: 0,
            depth: 0,
        };
        assert_eq!(problem, expected);
        let mut m = ldc_ret(1);
        m.instrs[1] = instr(1, Op::Br(7), smallvec![StackKind::I4], 1);
        let problem = imported(&m, 0, 0).unwrap_err().problem;
        let expected = Inconsistency::BranchTarget {
            il_offset: 1,
            target: 7,
        };
        assert_eq!(problem, expected);
    }

    fn method(safepoint: u32) -> CompiledMethod {
        CompiledMethod {
            code: vec![0x90; 4],
            gc_info: GcInfo {
                frame_size: 16,
                slots: Vec::new(),
                tracked: true,
                safepoints: vec![GcSafepoint {
                    offset: safepoint,
                    live: Vec::new(),
                }],
                saved_regs: vec![(3, -8)],
            },
            code_map: CodeMap {
                il_to_native: vec![(0, 0)],
                statements: vec![0],
                body_end: 4,
                out_of_line: Vec::new(),
            },
            eh: Vec::new(),
            sp_slot: None,
            stack_arg_bytes: 0,
            call_sites: Vec::new(),
        }
    }

    #[test]
    fn compiled_checks_native_offsets_and_frame_slots() {
        assert_eq!(compiled(&method(4)), Ok(()));
        let problem = compiled(&method(5)).unwrap_err().problem;
        let expected = Inconsistency::OutsideCode {
            what: "a safepoint",
            offset: 5,
            code_len: 4,
        };
        assert_eq!(problem, expected);
        let mut m = method(4);
        m.gc_info.saved_regs = vec![(3, -24)];
        let problem = compiled(&m).unwrap_err().problem;
        assert!(matches!(
            problem,
            Inconsistency::SlotOutsideFrame { offset: -24, .. }
        ));
    }
}
