//! Stage 2 of the pipeline: frame layout.
//!
//! Every managed frame looks like this (addresses grow upwards):
//!
//! ```text
//!   [rbp + 16 + 8k]  stack argument k+2 (fastcall64: the caller pushed them)
//!   [rbp + 8]        return address
//!   [rbp + 0]        caller's rbp              <- rbp
//!   [rbp - 8 ...]    saved RSI, RDI, RBX, R12-R14 (only if the method calls native code)
//!                    homes of the register arguments (rcx, rdx)
//!                    primitive evaluation-stack slots      (not zeroed)
//!                    P/Invoke transition frame (methods with P/Invokes; no references)
//!                    finally/fault continuation slots (code addresses)
//!                    locals                                 \
//!                    reference/byref/struct stack slots      |
//!                    catch/filter exception slots (references)| zeroed in the
//!                    localloc stack-pointer slot             | prologue
//!                    delegate-invocation temporaries         |
//!                    P/Invoke pinned-string slots            /
//!   [rsp]            (16-byte aligned)
//! ```
//!
//! Every value the method holds lives in one of these slots between
//! instructions; registers only carry values within an instruction sequence
//! and never across a call or safepoint. The GC info is therefore a list of
//! slots valid for the whole method ("untracked" in CoreCLR's terms), which
//! the zeroing in the prologue makes safe to scan at any safepoint.

use std::collections::{BTreeSet, HashMap};

use crate::gcinfo::{GcInfo, GcSlot, GcSlotKind};
use crate::host::{JitHost, StructLayout, TypeHandle};
use crate::types::{JitType, SlotClass};
use crate::{LocalVar, MethodInput};

/// Where one argument lives.
#[derive(Copy, Clone, Debug)]
pub(crate) struct ArgHome {
    /// rbp-relative offset of the 8-byte ABI value (register home or stack slot).
    pub offset: i32,
    /// The ABI value is a pointer to the caller's copy (structs over 8 bytes).
    pub by_pointer: bool,
    /// The argument's type.
    pub ty: JitType,
}

/// The laid-out frame of one method.
#[derive(Debug)]
pub(crate) struct Frame {
    /// One home per IL argument (`this` first).
    pub args: Vec<ArgHome>,
    /// The hidden return buffer pointer's home, for struct returns over 8 bytes.
    pub ret_buf: Option<i32>,
    /// rbp-relative offsets of the locals.
    pub locals: Vec<i32>,
    /// rbp-relative offsets of the evaluation-stack slots.
    pub stack_slots: HashMap<(u16, SlotClass), i32>,
    /// Where the callee-saved registers ([`SAVED_REGS`]) are saved, when
    /// the method calls native code.
    pub saved_rsi_rdi: Option<i32>,
    /// Bytes below rbp (a multiple of 16).
    pub size: u32,
    /// The region zeroed by the prologue: `[rbp - size, rbp - zero_end)`.
    pub zero_end: u32,
    /// Bytes of stack arguments the method pops on return (`ret imm16`).
    pub stack_arg_bytes: u32,
    /// Register arguments to home: (register number, rbp offset).
    pub reg_homes: Vec<(u8, i32)>,
    /// Where P/Invoke transition frames (and their 32-byte scratch area) go,
    /// in methods that make P/Invokes or QCalls.
    pub transition: Option<i32>,
    /// Slots that keep the strings passed to a P/Invoke pinned during the call.
    pub pin_slots: Vec<i32>,
    /// One slot per exception clause (see [`crate::eh::NativeEhClause::slot`]):
    /// the continuation of a finally/fault handler, or the exception a
    /// catch/filter handler is handling.
    pub eh_slots: Vec<i32>,
    /// Where the stack pointer is saved after each `localloc`, in methods
    /// with both `localloc` and exception handlers.
    pub sp_slot: Option<i32>,
    /// Scratch slots of delegate invocations, in methods that make them.
    pub delegate_temps: Option<DelegateTemps>,
    /// In shared generic code: where the prologue keeps the generic context
    /// (a method table or method descriptor, not a reference), and two
    /// scratch slots that receive the results of runtime lookups.
    pub generic: Option<GenericSlots>,
    /// The GC info describing the slots.
    pub gc: GcInfo,
}

/// The frame slots of shared generic code (none holds a reference).
#[derive(Copy, Clone, Debug)]
pub(crate) struct GenericSlots {
    /// The generic context, saved by the prologue.
    pub context: i32,
    /// Where runtime lookups leave their results (an op needs at most two).
    pub lookup_temps: [i32; 2],
}

/// The callee-saved registers a method that calls native code saves in its
/// prologue, in slot order: RSI, RDI, RBX, R12, R13, R14.
pub(crate) const SAVED_REGS: [u8; 6] = [6, 7, 3, 12, 13, 14];

/// Registers that carry the first two fastcall64 arguments: RCX, RDX.
pub(crate) const ARG_REGS: [u8; 2] = [1, 2];

/// Whether a value of this type is passed by pointer to a caller-made copy.
pub(crate) fn passed_by_pointer(ty: JitType, layouts: &mut LayoutCache<'_>) -> bool {
    match ty {
        JitType::Struct(h) => layouts.get(h).size > 8,
        _ => false,
    }
}

/// Whether a return value of this type comes back through a hidden buffer.
pub(crate) fn returned_by_buffer(ty: JitType, layouts: &mut LayoutCache<'_>) -> bool {
    passed_by_pointer(ty, layouts)
}

/// A cache of struct layouts asked of the host.
pub(crate) struct LayoutCache<'h> {
    host: &'h mut dyn JitHost,
    cache: HashMap<TypeHandle, StructLayout>,
}

impl<'h> LayoutCache<'h> {
    pub(crate) fn new(host: &'h mut dyn JitHost) -> Self {
        LayoutCache {
            host,
            cache: HashMap::new(),
        }
    }

    /// The layout of a value type.
    pub(crate) fn get(&mut self, h: TypeHandle) -> &StructLayout {
        let host = &mut *self.host;
        self.cache.entry(h).or_insert_with(|| host.struct_layout(h))
    }

    /// The host, for other questions.
    pub(crate) fn host(&mut self) -> &mut dyn JitHost {
        &mut *self.host
    }

    /// Size in bytes of a value of type `ty` in memory.
    pub(crate) fn size_of(&mut self, ty: JitType) -> u32 {
        match ty {
            JitType::Struct(h) => self.get(h).size,
            other => other.primitive_size().unwrap_or(0),
        }
    }

    /// Size of a frame slot for `ty`: the size rounded up to 8 bytes.
    pub(crate) fn slot_size(&mut self, ty: JitType) -> u32 {
        self.size_of(ty).max(1).next_multiple_of(8)
    }
}

/// The largest frame a method may have (1 GiB; far beyond any thread's
/// stack, so the prologue's overflow check ends such a method first). Past
/// it rbp-relative offsets could no longer be 32-bit displacements: the
/// method is rejected as invalid (CoreCLR's JIT implementation limit).
pub(crate) const MAX_FRAME_SIZE: u64 = 1 << 30;

/// Lays out the frame of `method`, whose evaluation stack needs `stack_slots`.
pub(crate) fn layout(
    method: &MethodInput<'_>,
    stack_slots: &BTreeSet<(u16, SlotClass)>,
    needs: FrameNeeds,
    layouts: &mut LayoutCache<'_>,
) -> Result<Frame, crate::JitError> {
    let FrameNeeds {
        calls_native,
        pinvokes,
        has_localloc,
        delegate_invoke,
    } = needs;
    let mut gc = Vec::new();
    let mut below = Below(0);

    // A method that calls native code saves every callee-saved register
    // there: native code may keep one where no stack walk finds it, and an
    // optimized caller's reference in it must stay reachable (and
    // updatable) through this frame (docs/gc.md, "Registers").
    let saved_rsi_rdi = calls_native.then(|| below.alloc(8 * SAVED_REGS.len() as u32));

    let ArgLayout {
        args,
        ret_buf,
        reg_homes,
        stack_arg_bytes,
    } = lay_out_args(method, &mut below, &mut gc, layouts);

    // Primitive stack slots: not scanned, not zeroed.
    let mut slots = HashMap::new();
    for &(depth, class) in stack_slots {
        if class == SlotClass::Prim {
            slots.insert((depth, class), below.alloc(8));
        }
    }
    // The P/Invoke transition frame holds no references: not zeroed, not scanned.
    let transition = pinvokes.map(|q| below.alloc(q.frame_size));
    let generic = method.generic_context.map(|_| GenericSlots {
        context: below.alloc(8),
        lookup_temps: [below.alloc(8), below.alloc(8)],
    });
    // Finally/fault continuations are code addresses, written before use.
    let mut eh_slots: Vec<i32> = method
        .eh
        .iter()
        .map(|c| match c.kind {
            crate::eh::EhKind::Finally | crate::eh::EhKind::Fault => below.alloc(8),
            _ => 0,
        })
        .collect();
    let zero_end = below.0.next_multiple_of(16);
    below.0 = zero_end;
    let zero_end = zero_end as u32; // below MAX_FRAME_SIZE: checked at the end

    let mut locals = Vec::with_capacity(method.locals.len());
    for LocalVar { ty, pinned } in &method.locals {
        let size = layouts.slot_size(*ty);
        let off = below.alloc(size);
        report_value(&mut gc, off, *ty, *pinned, layouts);
        locals.push(off);
    }
    for &(depth, class) in stack_slots {
        let (size, ty) = match class {
            SlotClass::Prim => continue,
            SlotClass::Ref => (8, JitType::Ref),
            SlotClass::ByRef => (8, JitType::ByRef),
            SlotClass::Struct(h) => (layouts.slot_size(JitType::Struct(h)), JitType::Struct(h)),
        };
        let off = below.alloc(size);
        report_value(&mut gc, off, ty, false, layouts);
        slots.insert((depth, class), off);
    }
    // The exception a catch handler handles: a reference, zeroed and scanned.
    for (i, c) in method.eh.iter().enumerate() {
        if matches!(
            c.kind,
            crate::eh::EhKind::Catch(_) | crate::eh::EhKind::Filter { .. }
        ) {
            let off = below.alloc(8);
            gc.push(GcSlot {
                offset: off,
                kind: GcSlotKind::Ref,
                pinned: false,
            });
            eh_slots[i] = off;
        }
    }
    // Zero until the first localloc: "the stack pointer is the frame's".
    let sp_slot = (has_localloc && !method.eh.is_empty()).then(|| below.alloc(8));
    let delegate_temps = delegate_invoke.then(|| {
        let mut reference = || {
            let off = below.alloc(8);
            gc.push(GcSlot {
                offset: off,
                kind: GcSlotKind::Ref,
                pinned: false,
            });
            off
        };
        let (current, list, target) = (reference(), reference(), reference());
        DelegateTemps {
            current,
            list,
            target,
            index: below.alloc(8),
            count: below.alloc(8),
        }
    });
    let mut pin_slots = Vec::new();
    for _ in 0..pinvokes.map_or(0, |q| q.pinned_strings) {
        let off = below.alloc(8);
        gc.push(GcSlot {
            offset: off,
            kind: GcSlotKind::Ref,
            pinned: true,
        });
        pin_slots.push(off);
    }
    let size = below.0.next_multiple_of(16);
    if size > MAX_FRAME_SIZE {
        return Err(crate::JitError::InvalidIl {
            il_offset: 0,
            reason: crate::InvalidIl::FrameTooLarge {
                size,
                limit: MAX_FRAME_SIZE,
            },
        });
    }
    let size = size as u32;
    Ok(Frame {
        transition,
        pin_slots,
        eh_slots,
        sp_slot,
        delegate_temps,
        generic,
        args,
        ret_buf,
        locals,
        stack_slots: slots,
        saved_rsi_rdi,
        size,
        zero_end,
        stack_arg_bytes,
        reg_homes,
        gc: GcInfo {
            frame_size: size,
            slots: gc,
            saved_regs: saved_rsi_rdi
                .map(|off| {
                    SAVED_REGS
                        .iter()
                        .enumerate()
                        .map(|(k, r)| (*r, off + 8 * k as i32))
                        .collect()
                })
                .unwrap_or_default(),
            ..GcInfo::default()
        },
    })
}

/// Where the arguments of a method live ([`lay_out_args`]).
struct ArgLayout {
    args: Vec<ArgHome>,
    ret_buf: Option<i32>,
    reg_homes: Vec<(u8, i32)>,
    stack_arg_bytes: u32,
}

/// Lays out the homes of `method`'s ABI arguments (the return buffer
/// pointer, if any, `this`, the parameters): the register arguments get
/// homes in the frame (allocated from `below`), the others stay where the
/// caller pushed them. Their GC slots go to `gc`.
fn lay_out_args(
    method: &MethodInput<'_>,
    below: &mut Below,
    gc: &mut Vec<GcSlot>,
    layouts: &mut LayoutCache<'_>,
) -> ArgLayout {
    // ABI arguments: [return buffer], this, params.
    let ret_by_buffer = returned_by_buffer(method.ret, layouts);
    let mut abi_types: Vec<Option<JitType>> = Vec::new();
    if ret_by_buffer {
        abi_types.push(None);
    }
    abi_types.extend(method.args.iter().map(|t| Some(*t)));

    let mut reg_homes = Vec::new();
    let mut homes = Vec::new();
    for (i, ty) in abi_types.iter().enumerate() {
        let offset = if i < ARG_REGS.len() {
            let off = below.alloc(8);
            reg_homes.push((ARG_REGS[i], off));
            off
        } else {
            16 + 8 * (i as i32 - ARG_REGS.len() as i32)
        };
        homes.push((offset, *ty));
    }
    let stack_arg_bytes = 8 * abi_types.len().saturating_sub(ARG_REGS.len()) as u32;

    let mut ret_buf = None;
    let mut args = Vec::new();
    for (offset, ty) in homes {
        match ty {
            None => {
                ret_buf = Some(offset);
                gc.push(GcSlot {
                    offset,
                    kind: GcSlotKind::Interior,
                    pinned: false,
                });
            }
            Some(ty) => {
                let by_pointer = passed_by_pointer(ty, layouts);
                if by_pointer {
                    gc.push(GcSlot {
                        offset,
                        kind: GcSlotKind::Interior,
                        pinned: false,
                    });
                } else {
                    report_value(gc, offset, ty, false, layouts);
                }
                args.push(ArgHome {
                    offset,
                    by_pointer,
                    ty,
                });
            }
        }
    }

    ArgLayout {
        args,
        ret_buf,
        reg_homes,
        stack_arg_bytes,
    }
}

/// What, besides its locals and evaluation stack, a method needs in its frame.
#[derive(Copy, Clone, Debug, Default)]
pub(crate) struct FrameNeeds {
    /// It calls native code (save the callee-saved registers).
    pub calls_native: bool,
    /// Its P/Invoke sites, if any.
    pub pinvokes: Option<PInvokeNeeds>,
    /// It uses `localloc`.
    pub has_localloc: bool,
    /// It invokes delegates.
    pub delegate_invoke: bool,
}

/// The frame slots a delegate invocation loops with (see
/// `codegen::calls::delegate_invoke`).
#[derive(Copy, Clone, Debug)]
pub(crate) struct DelegateTemps {
    /// The delegate being called (a reference).
    pub current: i32,
    /// The invocation list (a reference, or null).
    pub list: i32,
    /// The current delegate's target (a reference).
    pub target: i32,
    /// The next list index.
    pub index: i32,
    /// The list's length (0 for a single delegate).
    pub count: i32,
}

/// What a method's P/Invoke (and QCall) sites need in its frame.
#[derive(Copy, Clone, Debug)]
pub(crate) struct PInvokeNeeds {
    /// Bytes of the transition frame.
    pub frame_size: u32,
    /// The most strings any one P/Invoke site pins.
    pub pinned_strings: usize,
}

/// Bytes allocated below rbp so far (64-bit: a frame past
/// [`MAX_FRAME_SIZE`] is rejected once laid out, never wrapped).
struct Below(u64);

impl Below {
    /// Allocates `bytes` (rounded up to 8) and returns the rbp-relative
    /// offset (meaningless past [`MAX_FRAME_SIZE`], which `layout` rejects).
    fn alloc(&mut self, bytes: u32) -> i32 {
        self.0 += u64::from(bytes).next_multiple_of(8);
        -(self.0.min(MAX_FRAME_SIZE) as i32)
    }
}

/// Adds the GC-visible parts of a value of type `ty` stored at `offset`.
fn report_value(
    gc: &mut Vec<GcSlot>,
    offset: i32,
    ty: JitType,
    pinned: bool,
    layouts: &mut LayoutCache<'_>,
) {
    match ty {
        JitType::Ref => gc.push(GcSlot {
            offset,
            kind: GcSlotKind::Ref,
            pinned,
        }),
        JitType::ByRef => gc.push(GcSlot {
            offset,
            kind: GcSlotKind::Interior,
            pinned,
        }),
        JitType::Struct(h) => {
            let l = layouts.get(h).clone();
            for r in l.gc_refs {
                gc.push(GcSlot {
                    offset: offset + r as i32,
                    kind: GcSlotKind::Ref,
                    pinned,
                });
            }
            for r in l.gc_byrefs {
                gc.push(GcSlot {
                    offset: offset + r as i32,
                    kind: GcSlotKind::Interior,
                    pinned,
                });
            }
        }
        _ => {}
    }
}
