//! Shared generic code: saving the generic context in the prologue and
//! runtime lookups in its dictionary (docs/generics.md).
//!
//! A lookup is
//!
//! ```text
//!   mov rax, [rbp + context]            ; method table or method descriptor
//!   mov rax, [rax + dictionaries]       ; (method tables) the dictionary array,
//!   mov rax, [rax + 8 * index]          ;   this class's dictionary cell
//!   mov rax, [rax]                      ;   and the dictionary in it
//!   mov rax, [rax + dictionary]         ; (method descriptors) its dictionary
//!   cmp qword [rax], slot               ; capacity
//!   jbe slow
//!   mov rax, [rax + 8 + 8 * slot]
//!   test rax, rax
//!   jnz done
//! slow:
//!   call GenericLookup(thread, context, descriptor)
//! done:
//!   mov [rbp + temp], rax
//! ```
//!
//! The slow path calls the runtime (which may collect), so a lookup runs
//! with nothing live in registers, before an op loads its operands.

use dynasmrt::{dynasm, DynasmApi, DynasmLabelApi};

use super::{reg, Emitter};
use crate::host::{GenericContextKind, Helper, RtValue, RuntimeLookup};

/// Where an op finds a handle it needs: an immediate, or a frame slot a
/// runtime lookup filled.
#[derive(Copy, Clone, Debug)]
pub(crate) enum Src {
    /// Known when compiling.
    Imm(usize),
    /// In this frame slot.
    Slot(i32),
}

impl Emitter<'_, '_> {
    /// The prologue's part: keep the generic context where lookups find it.
    pub(crate) fn save_generic_context(&mut self) {
        let (Some(source), Some(slots)) = (self.method.generic_context, self.frame.generic) else {
            return;
        };
        match source.kind {
            GenericContextKind::This => {
                // `this` is the first argument, or the second after a hidden
                // return buffer; its method table is the context.
                let this = if self.frame.ret_buf.is_some() {
                    reg::RDX
                } else {
                    reg::RCX
                };
                dynasm!(self.ops
                    ; .arch x64
                    ; mov rax, [Rq(this)]
                    ; mov [rbp + slots.context], rax
                );
            }
            GenericContextKind::MethodTable | GenericContextKind::MethodDesc => {
                // The instantiating stub in front of the code passes it in R8.
                dynasm!(self.ops ; .arch x64 ; mov [rbp + slots.context], r8);
            }
        }
    }

    /// Makes `v` available to the op being compiled. A lookup leaves its
    /// result in one of two scratch slots, alternately, so an op may hold
    /// two at once. Nothing may be live in registers (see the module
    /// documentation).
    pub(crate) fn rt_value(&mut self, v: RtValue) -> Src {
        match v {
            RtValue::Const(x) => Src::Imm(x),
            RtValue::Lookup(l) => {
                let slots = self
                    .frame
                    .generic
                    .expect("the host asks for lookups only in shared code");
                let temp = slots.lookup_temps[self.next_lookup_temp];
                self.next_lookup_temp ^= 1;
                self.emit_lookup(l, temp);
                Src::Slot(temp)
            }
        }
    }

    /// Loads a handle into register `r`.
    pub(crate) fn mov_src(&mut self, r: u8, s: Src) {
        match s {
            Src::Imm(x) => dynasm!(self.ops ; .arch x64 ; mov Rq(r), QWORD x as i64),
            Src::Slot(off) => dynasm!(self.ops ; .arch x64 ; mov Rq(r), [rbp + off]),
        }
    }

    fn emit_lookup(&mut self, l: RuntimeLookup, temp: i32) {
        let source = self
            .method
            .generic_context
            .expect("the host asks for lookups only in shared code");
        let context = self.frame.generic.expect("checked by rt_value").context;
        let slow = self.ops.new_dynamic_label();
        let done = self.ops.new_dynamic_label();
        dynasm!(self.ops ; .arch x64 ; mov rax, [rbp + context]);
        match source.kind {
            GenericContextKind::This | GenericContextKind::MethodTable => {
                let dicts = self.rt.method_table_dictionaries_offset;
                let entry = 8 * source.dictionary_index as i32;
                dynasm!(self.ops
                    ; .arch x64
                    ; mov rax, [rax + dicts]
                    ; mov rax, [rax + entry]
                    ; mov rax, [rax]
                );
            }
            GenericContextKind::MethodDesc => {
                let dict = self.rt.method_desc_dictionary_offset;
                dynasm!(self.ops ; .arch x64 ; mov rax, [rax + dict]);
            }
        }
        let slot = l.slot as i32;
        let disp = 8 + 8 * slot;
        dynasm!(self.ops
            ; .arch x64
            ; cmp QWORD [rax], slot
            ; jbe =>slow
            ; mov rax, [rax + disp]
            ; test rax, rax
            ; jnz =>done
            ; =>slow
            ; mov rdi, r15
            ; mov rsi, [rbp + context]
            ; mov rdx, QWORD l.descriptor as i64
        );
        self.call_helper(Helper::GenericLookup);
        dynasm!(self.ops ; .arch x64 ; =>done ; mov [rbp + temp], rax);
    }
}
