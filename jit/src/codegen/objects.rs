//! Casts, boxing, unboxing and the other object-model instructions.

use dynasmrt::{dynasm, DynasmApi, DynasmLabelApi};

use super::generic::Src;
use super::{reg, Emitter, Loc};
use crate::host::{ExactType, Helper, RtValue, ThrowKind, TypeHandle};
use crate::types::{JitType, StackKind};
use crate::x64;

impl Emitter<'_, '_> {
    /// `castclass` / `isinst`: null passes through; an exact method-table
    /// match is decided inline; everything else asks the helper (which walks
    /// parents, interfaces and array covariance). The helpers do not
    /// allocate or poll, so the reference may stay in a register across them.
    pub(crate) fn cast(&mut self, target: RtValue, throwing: bool) {
        let obj = self.pop();
        self.spill_reg();
        let obj = self.spill_entry(obj);
        let target = self.rt_value(target);
        self.load_gpr(obj, reg::RAX);
        let done = self.ops.new_dynamic_label();
        self.mov_src(reg::RSI, target);
        dynasm!(self.ops
            ; .arch x64
            ; test rax, rax
            ; jz =>done
            ; cmp [rax], rsi
            ; je =>done
            ; mov rdi, rax
            ; mov rdx, r15
        );
        self.call_helper(if throwing {
            Helper::CastClass
        } else {
            Helper::IsInst
        });
        dynasm!(self.ops ; .arch x64 ; =>done);
        self.push(StackKind::Ref, Loc::Reg);
    }

    /// `box`: allocate an instance of the value type and copy the value in.
    /// A no-op for reference types.
    pub(crate) fn box_value(&mut self, handle: ExactType, ty: JitType) {
        if ty == JitType::Ref {
            return;
        }
        let v = self.pop();
        self.spill_reg();
        // The value goes to its slot first: it must be in memory while the
        // allocation runs (it may hold references, which the GC sees only in
        // frame slots), and the copy below reads it from there. A slot holds
        // at least the value's bytes, little-endian, whatever its kind.
        self.store_entry_to_slot(v);
        let slot = self.slot(v.depth, v.kind);
        let mt = self.rt_value(handle.exact);
        self.alloc_object(handle.canonical, mt);
        let size = self.layouts.size_of(ty);
        self.copy_mem(reg::RAX, 8, reg::RBP, slot, size);
        self.push(StackKind::Ref, Loc::Reg);
    }

    /// `box` of a `Nullable<T>`: the value goes to its slot, the helper
    /// returns null or a boxed `T`.
    pub(crate) fn box_nullable(&mut self, handle: RtValue) {
        let v = self.pop();
        self.spill_reg();
        self.store_entry_to_slot(v);
        let slot = self.slot(v.depth, v.kind);
        let mt = self.rt_value(handle);
        self.mov_src(reg::RSI, mt);
        dynasm!(self.ops
            ; .arch x64
            ; mov rdi, r15
            ; lea rdx, [rbp + slot]
        );
        self.call_helper(Helper::BoxNullable);
        self.push(StackKind::Ref, Loc::Reg);
    }

    /// `unbox.any` to a `Nullable<T>`: the helper writes the result into
    /// its slot (the same depth as the object it replaces, another class).
    pub(crate) fn unbox_nullable(&mut self, handle: RtValue, ty: JitType) {
        let obj = self.pop();
        self.spill_reg();
        let obj = self.spill_entry(obj);
        let mt = self.rt_value(handle);
        let kind = ty.stack_kind();
        let dst = self.slot(obj.depth, kind);
        self.load_gpr(obj, reg::RDI);
        self.mov_src(reg::RSI, mt);
        dynasm!(self.ops
            ; .arch x64
            ; lea rdx, [rbp + dst]
            ; mov rcx, r15
        );
        self.call_helper(Helper::UnboxNullable);
        self.push(kind, Loc::Slot);
    }

    /// `unbox`: check the object is a boxed `handle`, push a pointer to its value.
    pub(crate) fn unbox(&mut self, handle: RtValue) {
        let obj = self.pop();
        self.spill_reg();
        let obj = self.spill_entry(obj);
        let mt = self.rt_value(handle);
        self.load_gpr(obj, reg::RDI);
        self.mov_src(reg::RSI, mt);
        dynasm!(self.ops ; .arch x64 ; mov rdx, r15);
        self.call_helper(Helper::Unbox);
        dynasm!(self.ops ; .arch x64 ; add rax, 8);
        self.push(StackKind::ByRef, Loc::Reg);
    }

    /// `unbox.any`: the value of a boxed value type, or `castclass` for a reference type.
    pub(crate) fn unbox_any(&mut self, handle: RtValue, ty: JitType) {
        if ty == JitType::Ref {
            self.cast(handle, true);
            return;
        }
        self.unbox(handle);
        self.ld_ind(ty);
    }

    /// `ldtoken`: the handle value as an 8-byte struct.
    pub(crate) fn ld_token(&mut self, value: RtValue, handle_type: TypeHandle) {
        self.spill_reg();
        let value = self.rt_value(value);
        let kind = StackKind::Struct(handle_type);
        self.push(kind, Loc::Slot);
        let slot = self.slot(self.stack.len() as u16 - 1, kind);
        self.mov_src(reg::RAX, value);
        dynasm!(self.ops ; .arch x64 ; mov [rbp + slot], rax);
    }

    /// `ldftn`: a function pointer known now or looked up.
    pub(crate) fn ld_ftn(&mut self, entry: RtValue) {
        match entry {
            RtValue::Const(e) => self.push(StackKind::I, Loc::Imm(e as i64)),
            lookup => {
                self.spill_reg();
                let e = self.rt_value(lookup);
                self.mov_src(reg::RAX, e);
                self.push(StackKind::I, Loc::Reg);
            }
        }
    }

    /// `cpobj`: copy a `ty` from one address to another.
    pub(crate) fn cp_obj(&mut self, ty: JitType) {
        let src = self.pop();
        let dst = self.pop();
        self.spill_reg();
        self.load_gpr(src, reg::RCX);
        self.load_gpr(dst, reg::RDX);
        let size = self.layouts.size_of(ty);
        self.copy_mem(reg::RDX, 0, reg::RCX, 0, size);
        self.struct_write_barrier(ty, reg::RDX, 0);
    }

    /// Allocates an instance of the method table `mt` (whose shape is
    /// `handle`'s) into RAX: inline when the thread's allocation context
    /// has room, else through [`Helper::NewObject`]. Nothing may be live in
    /// registers.
    pub(crate) fn alloc_object(&mut self, handle: TypeHandle, mt: Src) {
        let Some(shape) = self.inline_alloc_shape(handle, false) else {
            self.alloc_call(Helper::NewObject, mt);
            return;
        };
        let slow = self.ops.new_dynamic_label();
        let done = self.ops.new_dynamic_label();
        x64::bump_alloc_object(&mut self.ops, &self.rt, &shape, slow);
        self.mov_src(reg::RCX, mt);
        x64::finish_alloc(&mut self.ops, None, done, slow);
        self.alloc_call(Helper::NewObject, mt);
        dynasm!(self.ops ; .arch x64 ; =>done);
    }

    /// The inline-allocation shape of `handle` (an array type when
    /// `array`), or `None` when allocations must call the helper.
    fn inline_alloc_shape(
        &mut self,
        handle: TypeHandle,
        array: bool,
    ) -> Option<crate::host::AllocShape> {
        if !self.rt.inline_allocation {
            return None;
        }
        self.layouts
            .host()
            .alloc_shape(handle)
            .filter(|s| (s.component_size != 0) == array)
    }

    /// Calls an allocation helper for `handle` (the thread and the type in
    /// the first two System V registers; `NewArray`'s length stays in RDX).
    fn alloc_call(&mut self, helper: Helper, mt: Src) {
        self.mov_src(reg::RSI, mt);
        dynasm!(self.ops ; .arch x64 ; mov rdi, r15);
        self.call_helper(helper);
    }

    /// Allocates an array of `handle` with the length in RDX (a 64-bit
    /// signed value) into RAX: inline for small arrays when the context
    /// has room, else through [`Helper::NewArray`]. Nothing else may be live
    /// in registers.
    pub(crate) fn alloc_array(&mut self, handle: TypeHandle, mt: Src) {
        let Some(shape) = self.inline_alloc_shape(handle, true) else {
            self.alloc_call(Helper::NewArray, mt);
            return;
        };
        let slow = self.ops.new_dynamic_label();
        let done = self.ops.new_dynamic_label();
        x64::bump_alloc_array(&mut self.ops, &self.rt, &shape, slow);
        self.mov_src(reg::RCX, mt);
        let len_off = self.rt.array_length_offset;
        x64::finish_alloc(&mut self.ops, Some(len_off), done, slow);
        self.alloc_call(Helper::NewArray, mt);
        dynasm!(self.ops ; .arch x64 ; =>done);
    }

    /// `ckfinite`: ArithmeticException for NaN and infinities.
    pub(crate) fn ck_finite(&mut self) {
        let v = self.pop();
        let kind = v.kind;
        self.load_xmm_as(v, 0, StackKind::R8);
        let throw = self.throw_label(ThrowKind::NotFinite);
        dynasm!(self.ops
            ; .arch x64
            ; movq rax, xmm0
            ; btr rax, 63
            ; mov rcx, QWORD 0x7FF0_0000_0000_0000
            ; cmp rax, rcx
            ; jae =>throw
        );
        if kind == StackKind::R4 {
            dynasm!(self.ops ; .arch x64 ; cvtsd2ss xmm0, xmm0);
        }
        self.push(kind, Loc::Reg);
    }
}
