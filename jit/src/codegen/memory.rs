//! Loads and stores: typed memory access, fields, indirections, arrays.

use dynasmrt::{dynasm, DynasmApi, DynasmLabelApi};

use super::generic::Src;
use super::{reg, Emitter, Entry, Loc};
use crate::host::{ExactType, FieldInfo, FieldLocation, Helper, RtValue, ThrowKind};
use crate::types::{JitType, StackKind};

/// Copies and zeroing of more bytes than this are loops, not unrolled moves.
const UNROLL_LIMIT: i32 = 128;

impl Emitter<'_, '_> {
    // ----- typed memory access ------------------------------------------------

    /// Loads a value of type `ty` from `[base + disp]` into general register
    /// `r`, widened to the stack width (small types sign/zero-extended).
    pub(crate) fn load_mem(&mut self, ty: JitType, r: u8, base: u8, disp: i32) {
        match ty {
            JitType::I1 => dynasm!(self.ops ; .arch x64 ; movsx Rd(r), BYTE [Rq(base) + disp]),
            JitType::U1 | JitType::Bool => {
                dynasm!(self.ops ; .arch x64 ; movzx Rd(r), BYTE [Rq(base) + disp])
            }
            JitType::I2 => dynasm!(self.ops ; .arch x64 ; movsx Rd(r), WORD [Rq(base) + disp]),
            JitType::U2 | JitType::Char => {
                dynasm!(self.ops ; .arch x64 ; movzx Rd(r), WORD [Rq(base) + disp])
            }
            JitType::I4 | JitType::U4 | JitType::R4 => {
                dynasm!(self.ops ; .arch x64 ; mov Rd(r), [Rq(base) + disp])
            }
            _ => dynasm!(self.ops ; .arch x64 ; mov Rq(r), [Rq(base) + disp]),
        }
    }

    /// Loads a float of type `ty` from `[base + disp]` into XMM `x`.
    pub(crate) fn load_mem_xmm(&mut self, ty: JitType, x: u8, base: u8, disp: i32) {
        if ty == JitType::R4 {
            dynasm!(self.ops ; .arch x64 ; movss Rx(x), [Rq(base) + disp]);
        } else {
            dynasm!(self.ops ; .arch x64 ; movsd Rx(x), [Rq(base) + disp]);
        }
    }

    /// Stores general register `r` to `[base + disp]` at the width of `ty`.
    pub(crate) fn store_mem(&mut self, ty: JitType, r: u8, base: u8, disp: i32) {
        match ty.primitive_size() {
            Some(1) => dynasm!(self.ops ; .arch x64 ; mov [Rq(base) + disp], Rb(r)),
            Some(2) => dynasm!(self.ops ; .arch x64 ; mov [Rq(base) + disp], Rw(r)),
            Some(4) => dynasm!(self.ops ; .arch x64 ; mov [Rq(base) + disp], Rd(r)),
            _ => dynasm!(self.ops ; .arch x64 ; mov [Rq(base) + disp], Rq(r)),
        }
    }

    /// The card-marking write barrier after a reference store at
    /// `[base + disp]` (nothing for frame slots, or without a barrier).
    /// Uses RAX and R11.
    pub(crate) fn write_barrier(&mut self, base: u8, disp: i32) {
        let Some(b) = self.rt.write_barrier else {
            return;
        };
        if base == reg::RBP {
            return;
        }
        crate::x64::card_mark(&mut self.ops, b, base, disp, reg::RAX, reg::R11);
    }

    /// The write barrier for every reference inside a struct of type `ty`
    /// just stored at `[base + disp]`.
    pub(crate) fn struct_write_barrier(&mut self, ty: JitType, base: u8, disp: i32) {
        if self.rt.write_barrier.is_none() || base == reg::RBP {
            return;
        }
        if let JitType::Struct(h) = ty {
            let refs = self.layouts.get(h).gc_refs.clone();
            for off in refs {
                self.write_barrier(base, disp + off as i32);
            }
        }
    }

    /// Stores the stack entry `v` as a value of type `ty` at `[base + disp]`,
    /// with the write barrier for references. `base` must not be RAX, RCX or
    /// R11 (used here) unless it is RBP.
    pub(crate) fn store_value(&mut self, ty: JitType, v: Entry, base: u8, disp: i32) {
        match ty {
            JitType::Struct(h) => {
                let size = self.layouts.size_of(JitType::Struct(h));
                let slot = self.slot(v.depth, v.kind);
                let v = self.spill_entry(v);
                debug_assert_eq!(v.loc, Loc::Slot, "struct values live in slots");
                self.copy_mem(base, disp, reg::RBP, slot, size);
                self.struct_write_barrier(ty, base, disp);
            }
            JitType::R4 | JitType::R8 => {
                self.load_xmm_as(v, 0, ty.stack_kind());
                self.store_xmm(ty.stack_kind(), 0, base, disp);
            }
            _ => {
                if let (Loc::Imm(i), Some(size)) = (v.loc, ty.primitive_size()) {
                    if let Ok(i32v) = i32::try_from(i) {
                        match size {
                            1 => {
                                dynasm!(self.ops ; .arch x64 ; mov BYTE [Rq(base) + disp], i32v as i8)
                            }
                            2 => {
                                dynasm!(self.ops ; .arch x64 ; mov WORD [Rq(base) + disp], i32v as i16)
                            }
                            4 => dynasm!(self.ops ; .arch x64 ; mov DWORD [Rq(base) + disp], i32v),
                            _ => dynasm!(self.ops ; .arch x64 ; mov QWORD [Rq(base) + disp], i32v),
                        }
                        return;
                    }
                }
                let wide = matches!(ty.primitive_size(), Some(8));
                if wide && v.kind == StackKind::I4 {
                    let signed = !matches!(ty, JitType::U | JitType::U8);
                    self.load_gpr64(v, reg::RAX, signed);
                } else {
                    self.load_gpr(v, reg::RAX);
                }
                self.store_mem(ty, reg::RAX, base, disp);
                if ty == JitType::Ref {
                    self.write_barrier(base, disp);
                }
            }
        }
    }

    /// Copies `size` bytes from `[src + src_disp]` to `[dst + dst_disp]`
    /// through R11. Neither base may be R11.
    pub(crate) fn copy_mem(&mut self, dst: u8, dst_disp: i32, src: u8, src_disp: i32, size: u32) {
        let mut off = 0i32;
        let size = i32::try_from(size).expect("the loader bounds value sizes (MAX_INSTANCE_SIZE)");
        if size > UNROLL_LIMIT {
            // A loop of 16-byte moves (R11 counts), then the tail unrolled:
            // code size stays constant however large the struct.
            let blocks = size & !15;
            let top = self.ops.new_dynamic_label();
            dynasm!(self.ops
                ; .arch x64
                ; xor r11d, r11d
                ; =>top
                ; movdqu xmm15, [Rq(src) + r11 + src_disp]
                ; movdqu [Rq(dst) + r11 + dst_disp], xmm15
                ; add r11, 16
                ; cmp r11, blocks
                ; jb =>top
            );
            off = blocks;
        }
        while off + 8 <= size {
            dynasm!(self.ops ; .arch x64 ; mov r11, [Rq(src) + src_disp + off] ; mov [Rq(dst) + dst_disp + off], r11);
            off += 8;
        }
        if off + 4 <= size {
            dynasm!(self.ops ; .arch x64 ; mov r11d, [Rq(src) + src_disp + off] ; mov [Rq(dst) + dst_disp + off], r11d);
            off += 4;
        }
        if off + 2 <= size {
            dynasm!(self.ops ; .arch x64 ; mov r11w, [Rq(src) + src_disp + off] ; mov [Rq(dst) + dst_disp + off], r11w);
            off += 2;
        }
        if off < size {
            dynasm!(self.ops ; .arch x64 ; mov r11b, [Rq(src) + src_disp + off] ; mov [Rq(dst) + dst_disp + off], r11b);
        }
    }

    /// Zeroes `size` bytes at `[base + disp]`.
    fn zero_mem(&mut self, base: u8, disp: i32, size: u32) {
        let mut off = 0i32;
        let size = i32::try_from(size).expect("the loader bounds value sizes (MAX_INSTANCE_SIZE)");
        if size > UNROLL_LIMIT {
            let blocks = size & !15;
            let top = self.ops.new_dynamic_label();
            dynasm!(self.ops
                ; .arch x64
                ; xorps xmm15, xmm15
                ; xor r11d, r11d
                ; =>top
                ; movdqu [Rq(base) + r11 + disp], xmm15
                ; add r11, 16
                ; cmp r11, blocks
                ; jb =>top
            );
            off = blocks;
        }
        dynasm!(self.ops ; .arch x64 ; xor r11d, r11d);
        while off + 8 <= size {
            dynasm!(self.ops ; .arch x64 ; mov [Rq(base) + disp + off], r11);
            off += 8;
        }
        if off + 4 <= size {
            dynasm!(self.ops ; .arch x64 ; mov [Rq(base) + disp + off], r11d);
            off += 4;
        }
        if off + 2 <= size {
            dynasm!(self.ops ; .arch x64 ; mov [Rq(base) + disp + off], r11w);
            off += 2;
        }
        if off < size {
            dynasm!(self.ops ; .arch x64 ; mov [Rq(base) + disp + off], r11b);
        }
    }

    /// Pushes a value of type `ty` loaded from `[base + disp]`. `base` is RCX
    /// or RDX (not RAX, which receives integer results).
    pub(crate) fn push_loaded(&mut self, ty: JitType, base: u8, disp: i32) {
        let kind = ty.stack_kind();
        match ty {
            JitType::Struct(h) => {
                self.push(kind, Loc::Slot);
                let slot = self.slot(self.stack.len() as u16 - 1, kind);
                let size = self.layouts.size_of(JitType::Struct(h));
                self.copy_mem(reg::RBP, slot, base, disp, size);
            }
            JitType::R4 | JitType::R8 => {
                self.push(kind, Loc::Reg);
                self.load_mem_xmm(ty, 0, base, disp);
            }
            _ => {
                self.push(kind, Loc::Reg);
                self.load_mem(ty, reg::RAX, base, disp);
            }
        }
    }

    /// Loads an object reference or pointer operand into `r`, with a null
    /// check when it is an object reference.
    pub(crate) fn load_object(&mut self, obj: Entry, r: u8) {
        self.load_gpr(obj, r);
        if obj.kind == StackKind::Ref {
            let nre = self.throw_label(ThrowKind::NullReference);
            dynasm!(self.ops ; .arch x64 ; test Rq(r), Rq(r) ; jz =>nre);
        }
    }

    // ----- instance fields ---------------------------------------------------------

    fn field_offset(f: &FieldInfo) -> i32 {
        match f.location {
            FieldLocation::Instance { offset } => offset as i32,
            FieldLocation::Static { .. }
            | FieldLocation::StaticLookup { .. }
            | FieldLocation::ThreadStatic { .. } => {
                unreachable!("the host resolves instance fields for ldfld")
            }
        }
    }

    pub(crate) fn ld_fld(&mut self, f: &FieldInfo) {
        let obj = self.pop();
        let off = Self::field_offset(f);
        if let StackKind::Struct(_) = obj.kind {
            // A field of a value on the stack: read it from the value's slot.
            let obj = self.spill_entry(obj);
            let slot = self.slot(obj.depth, obj.kind);
            dynasm!(self.ops ; .arch x64 ; lea rcx, [rbp + slot]);
            self.push_loaded(f.ty, reg::RCX, off);
            return;
        }
        self.spill_reg();
        self.load_object(obj, reg::RCX);
        self.push_loaded(f.ty, reg::RCX, off);
    }

    pub(crate) fn ld_flda(&mut self, f: &FieldInfo) {
        let obj = self.pop();
        let off = Self::field_offset(f);
        let kind = if obj.kind == StackKind::I {
            StackKind::I
        } else {
            StackKind::ByRef
        };
        self.spill_reg();
        self.load_gpr(obj, reg::RAX);
        if obj.kind == StackKind::Ref {
            let nre = self.throw_label(ThrowKind::NullFieldAddress);
            dynasm!(self.ops ; .arch x64 ; test rax, rax ; jz =>nre);
        }
        dynasm!(self.ops ; .arch x64 ; lea rax, [rax + off]);
        self.push(kind, Loc::Reg);
    }

    pub(crate) fn st_fld(&mut self, f: &FieldInfo) {
        let value = self.pop();
        let obj = self.pop();
        let value = self.spill_entry(value);
        self.spill_reg();
        let off = Self::field_offset(f);
        self.load_object(obj, reg::RDX);
        self.store_value(f.ty, value, reg::RDX, off);
    }

    // ----- static fields --------------------------------------------------------------

    /// The address of a static field (after its class-initialization
    /// check). Nothing may be live in registers. Not for thread statics
    /// ([`Emitter::thread_static_address`]).
    fn static_address(&mut self, f: &FieldInfo) -> Src {
        if let Some(check) = f.class_init {
            self.class_init_check(check);
        }
        match f.location {
            FieldLocation::Static { address } => Src::Imm(address),
            FieldLocation::StaticLookup { address } => self.rt_value(RtValue::Lookup(address)),
            FieldLocation::Instance { .. } | FieldLocation::ThreadStatic { .. } => {
                unreachable!("the host resolves static fields for ldsfld")
            }
        }
    }

    /// For a `[ThreadStatic]` field: puts its address on the calling thread
    /// in `r` (after the class-init check) and returns true. Clobbers the
    /// helper-call registers when the thread's block does not exist yet;
    /// nothing may be live in them.
    fn thread_static_address(&mut self, f: &FieldInfo, r: u8) -> bool {
        let FieldLocation::ThreadStatic { index, offset } = f.location else {
            return false;
        };
        if let Some(check) = f.class_init {
            self.class_init_check(check);
        }
        self.thread_static_block(index);
        dynasm!(self.ops ; .arch x64 ; lea Rq(r), [rax + offset as i32]);
        true
    }

    /// RAX = the calling thread's block of thread statics `index`: the
    /// thread record's array, or the helper that makes the block.
    fn thread_static_block(&mut self, index: u32) {
        let [array, len] = self.rt.thread_statics_offsets;
        let (slow, done) = (self.ops.new_dynamic_label(), self.ops.new_dynamic_label());
        let disp = (index as i32).wrapping_mul(8);
        dynasm!(self.ops
            ; .arch x64
            ; cmp QWORD [r15 + len], index as i32
            ; jbe =>slow
            ; mov rax, [r15 + array]
            ; mov rax, [rax + disp]
            ; test rax, rax
            ; jnz =>done
            ; =>slow
            ; mov rdi, r15
            ; mov esi, index as i32
        );
        self.call_helper(crate::host::Helper::ThreadStaticBase);
        dynasm!(self.ops ; .arch x64 ; =>done);
    }

    pub(crate) fn ld_sfld(&mut self, f: &FieldInfo) {
        self.spill_reg();
        if !self.thread_static_address(f, reg::RCX) {
            let addr = self.static_address(f);
            self.mov_src(reg::RCX, addr);
        }
        self.push_loaded(f.ty, reg::RCX, 0);
    }

    pub(crate) fn ld_sflda(&mut self, f: &FieldInfo) {
        self.spill_reg();
        if self.thread_static_address(f, reg::RAX) {
            self.push(StackKind::ByRef, Loc::Reg);
            return;
        }
        match self.static_address(f) {
            Src::Imm(addr) => self.push(StackKind::ByRef, Loc::Imm(addr as i64)),
            at => {
                self.mov_src(reg::RAX, at);
                self.push(StackKind::ByRef, Loc::Reg);
            }
        }
    }

    pub(crate) fn st_sfld(&mut self, f: &FieldInfo) {
        let value = self.pop();
        let value = self.spill_entry(value);
        self.spill_reg();
        if !self.thread_static_address(f, reg::RDX) {
            let addr = self.static_address(f);
            self.mov_src(reg::RDX, addr);
        }
        self.store_value(f.ty, value, reg::RDX, 0);
    }

    // ----- indirections -------------------------------------------------------------------

    pub(crate) fn ld_ind(&mut self, ty: JitType) {
        let ptr = self.pop();
        self.spill_reg();
        self.load_gpr(ptr, reg::RCX);
        self.push_loaded(ty, reg::RCX, 0);
    }

    pub(crate) fn st_ind(&mut self, ty: JitType) {
        let value = self.pop();
        let ptr = self.pop();
        let value = self.spill_entry(value);
        self.spill_reg();
        self.load_gpr(ptr, reg::RDX);
        self.store_value(ty, value, reg::RDX, 0);
    }

    pub(crate) fn init_obj(&mut self, ty: JitType) {
        let ptr = self.pop();
        self.spill_reg();
        self.load_gpr(ptr, reg::RDX);
        let size = self.layouts.size_of(ty);
        self.zero_mem(reg::RDX, 0, size);
    }

    // ----- arrays ----------------------------------------------------------------------------

    pub(crate) fn ld_len(&mut self) {
        let arr = self.pop();
        self.spill_reg();
        self.load_object(arr, reg::RCX);
        let off = self.rt.array_length_offset;
        self.push(StackKind::I, Loc::Reg);
        dynasm!(self.ops ; .arch x64 ; mov eax, [rcx + off]);
    }

    /// Computes the address of element `index` of `arr` into RCX, with the
    /// null and bounds checks.
    /// With `exact`, the array's element type must be exactly that type
    /// (`ldelema` of a reference type: ArrayTypeMismatchException), checked
    /// after the bounds as CoreCLR does.
    fn element_address(&mut self, arr: Entry, index: Entry, elem_size: u32, exact: Option<Src>) {
        // Index first (it may be in RAX), then the array.
        self.load_gpr(index, reg::RDX);
        if index.kind == StackKind::I4 {
            // A negative int32 index becomes a huge unsigned one: the bounds check catches it.
            dynasm!(self.ops ; .arch x64 ; mov edx, edx);
        }
        self.load_object(arr, reg::RCX);
        let len = self.rt.array_length_offset;
        let data = self.rt.array_data_offset;
        let ioor = self.throw_label(ThrowKind::IndexOutOfRange);
        dynasm!(self.ops ; .arch x64 ; mov r11d, [rcx + len] ; cmp rdx, r11 ; jae =>ioor);
        if let Some(t) = exact {
            let atm = self.throw_label(ThrowKind::ArrayTypeMismatch);
            let elem = self.rt.method_table_element_type_offset;
            self.mov_src(11, t);
            dynasm!(self.ops
                ; .arch x64
                ; mov rax, [rcx]
                ; cmp r11, [rax + elem]
                ; jne =>atm
            );
        }
        match elem_size {
            1 => dynasm!(self.ops ; .arch x64 ; lea rcx, [rcx + rdx + data]),
            2 => dynasm!(self.ops ; .arch x64 ; lea rcx, [rcx + rdx * 2 + data]),
            4 => dynasm!(self.ops ; .arch x64 ; lea rcx, [rcx + rdx * 4 + data]),
            8 => dynasm!(self.ops ; .arch x64 ; lea rcx, [rcx + rdx * 8 + data]),
            n => {
                dynasm!(self.ops ; .arch x64 ; imul rdx, rdx, n as i32 ; lea rcx, [rcx + rdx + data])
            }
        }
    }

    pub(crate) fn ld_elem(&mut self, ty: JitType, address: bool, exact: Option<RtValue>) {
        let index = self.pop();
        let arr = self.pop();
        self.spill_reg();
        let (index, arr, exact) = match exact {
            // A lookup (shared code) uses RAX: nothing may be in a register.
            Some(v) => {
                let (index, arr) = (self.spill_entry(index), self.spill_entry(arr));
                (index, arr, Some(self.rt_value(v)))
            }
            None => (index, arr, None),
        };
        let size = self.layouts.size_of(ty);
        self.element_address(arr, index, size, exact);
        if address {
            self.push(StackKind::ByRef, Loc::Reg);
            dynasm!(self.ops ; .arch x64 ; mov rax, rcx);
        } else {
            self.push_loaded(ty, reg::RCX, 0);
        }
    }

    pub(crate) fn st_elem(&mut self, ty: JitType) {
        let value = self.pop();
        let index = self.pop();
        let arr = self.pop();
        let value = self.spill_entry(value);
        self.spill_reg();
        if ty == JitType::Ref {
            // Covariant arrays: the helper checks the element type and stores.
            self.load_gpr(value, reg::RDX);
            self.load_gpr64(index, reg::RSI, true);
            self.load_gpr(arr, reg::RDI);
            dynasm!(self.ops ; .arch x64 ; mov rcx, r15);
            self.call_helper(Helper::StElemRef);
            return;
        }
        let size = self.layouts.size_of(ty);
        self.element_address(arr, index, size, None);
        dynasm!(self.ops ; .arch x64 ; mov rdx, rcx);
        self.store_value(ty, value, reg::RDX, 0);
    }

    pub(crate) fn new_arr(&mut self, handle: ExactType) {
        let len = self.pop();
        self.spill_reg();
        let len = self.spill_entry(len);
        let mt = self.rt_value(handle.exact);
        self.load_gpr64(len, reg::RDX, true);
        self.alloc_array(handle.canonical, mt);
        self.push(StackKind::Ref, Loc::Reg);
    }

    /// `cpblk` (`copy`) or `initblk`: `rep movsb` / `rep stosb`. The method
    /// saves RSI/RDI in its prologue (codegen::calls_native).
    pub(crate) fn block_op(&mut self, copy: bool) {
        let args = self.pop_n(3);
        self.spill_reg();
        let args: Vec<Entry> = args.into_iter().map(|a| self.spill_entry(a)).collect();
        self.load_gpr64(args[0], reg::RDI, false);
        if copy {
            self.load_gpr64(args[1], reg::RSI, false);
        } else {
            self.load_gpr(args[1], reg::RAX);
        }
        self.load_gpr64(args[2], reg::RCX, false);
        if copy {
            dynasm!(self.ops ; .arch x64 ; cld ; rep movsb);
        } else {
            dynasm!(self.ops ; .arch x64 ; cld ; rep stosb);
        }
    }

    pub(crate) fn localloc(&mut self) {
        let size = self.pop();
        self.load_gpr64(size, reg::RAX, false);
        let top = self.ops.new_dynamic_label();
        let done = self.ops.new_dynamic_label();
        let overflow = self.ops.new_dynamic_label();
        let resume = self.ops.new_dynamic_label();
        let zero = self.ops.new_dynamic_label();
        let limit = self.rt.thread_stack_limit_offset;
        // Zero bytes give null, as in CoreCLR and mono (a write through it
        // is a NullReferenceException). Otherwise round up to 16 (a size
        // within 15 of 2^64 wraps: an overflow), move rsp down, zero the
        // block (locals are zero-initialized).
        dynasm!(self.ops
            ; .arch x64
            ; test rax, rax
            ; jz =>zero
            ; add rax, 15
            ; jc =>overflow
            ; and rax, -16
            // Past the bottom of the address space or below the stack
            // limit: a stack overflow, as in a prologue.
            ; mov rcx, rsp
            ; sub rcx, rax
            ; jb =>overflow
            ; cmp rcx, [r15 + limit]
            ; jb =>overflow
            ; mov rsp, rcx
            ; xorps xmm0, xmm0
            ; =>top
            ; test rax, rax
            ; jz =>done
            ; movaps [rcx], xmm0
            ; add rcx, 16
            ; sub rax, 16
            ; jmp =>top
            ; =>done
            ; mov rax, rsp
            ; jmp =>resume
            ; =>zero
            ; xor eax, eax
            ; jmp =>resume
            ; =>overflow
            ; mov rdi, r15
        );
        self.call_helper(Helper::StackOverflow);
        dynasm!(self.ops ; .arch x64 ; int3 ; =>resume);
        if let Some(slot) = self.frame.sp_slot {
            // Handlers of this method resume with this stack pointer.
            dynasm!(self.ops ; .arch x64 ; mov [rbp + slot], rsp);
        }
        self.push(StackKind::I, Loc::Reg);
    }
}

impl Emitter<'_, '_> {
    /// `Get`, `Set` and `Address` of a multi-dimensional array, inline:
    /// flat index = sum over dimensions of (index - lower bound), scaled by
    /// the later dimensions' lengths, each dimension bounds-checked.
    pub(crate) fn md_array_access(
        &mut self,
        args: &[Entry],
        kind: crate::host::ArrayAccessorKind,
        rank: u32,
        element: JitType,
        exact: Option<RtValue>,
    ) {
        use crate::host::ArrayAccessorKind as K;
        let args: Vec<Entry> = args.iter().map(|a| self.spill_entry(*a)).collect();
        // Before RAX holds the array (a lookup uses it).
        let exact = exact
            .filter(|_| kind == K::Address)
            .map(|v| self.rt_value(v));
        let (array, indices) = (args[0], &args[1..=rank as usize]);
        if kind == K::Set && element == JitType::Ref {
            // Covariance: the value must fit the array's element type.
            self.load_object(array, reg::RDI);
            self.load_gpr(args[rank as usize + 1], reg::RSI);
            dynasm!(self.ops ; .arch x64 ; mov rdx, r15);
            self.call_helper(Helper::ArrayStoreCheck);
        }
        let bounds = self.rt.md_array_bounds_offset;
        let data = (bounds + 8 * rank as i32 + 7) & !7;
        let ioor = self.throw_label(ThrowKind::IndexOutOfRange);
        self.load_object(array, reg::RAX);
        if let Some(t) = exact {
            // As for `ldelema`: only an array of exactly this type.
            let atm = self.throw_label(ThrowKind::ArrayTypeMismatch);
            self.mov_src(11, t);
            dynasm!(self.ops
                ; .arch x64
                ; cmp r11, [rax]
                ; jne =>atm
            );
        }
        dynasm!(self.ops ; .arch x64 ; xor r11d, r11d);
        for (d, idx) in indices.iter().enumerate() {
            let len = bounds + 4 * d as i32;
            let lower = bounds + 4 * (rank as i32 + d as i32);
            self.load_gpr(*idx, reg::RCX);
            dynasm!(self.ops
                ; .arch x64
                ; sub ecx, [rax + lower]
                ; mov edx, [rax + len]
                ; cmp ecx, edx
                ; jae =>ioor
                ; imul r11, rdx
                ; add r11, rcx
            );
        }
        let size = self.layouts.size_of(element);
        match size {
            1 => dynasm!(self.ops ; .arch x64 ; lea rdx, [rax + r11 + data]),
            2 => dynasm!(self.ops ; .arch x64 ; lea rdx, [rax + r11 * 2 + data]),
            4 => dynasm!(self.ops ; .arch x64 ; lea rdx, [rax + r11 * 4 + data]),
            8 => dynasm!(self.ops ; .arch x64 ; lea rdx, [rax + r11 * 8 + data]),
            n => {
                dynasm!(self.ops ; .arch x64 ; imul r11, r11, n as i32 ; lea rdx, [rax + r11 + data])
            }
        }
        match kind {
            K::Get => self.push_loaded(element, reg::RDX, 0),
            K::Address => {
                self.push(StackKind::ByRef, Loc::Reg);
                dynasm!(self.ops ; .arch x64 ; mov rax, rdx);
            }
            K::Set => {
                let value = args[rank as usize + 1];
                self.store_value(element, value, reg::RDX, 0);
            }
        }
    }

    /// `newobj` of a multi-dimensional array type: the dimension arguments
    /// go to a buffer on the native stack for the helper.
    pub(crate) fn new_md_array(&mut self, handle: ExactType, count: usize) {
        let args = self.pop_n(count);
        self.spill_reg();
        let args: Vec<Entry> = args.into_iter().map(|a| self.spill_entry(a)).collect();
        let mt = self.rt_value(handle.exact);
        let bytes = (8 * count as i32 + 15) & !15;
        dynasm!(self.ops ; .arch x64 ; sub rsp, bytes);
        for (i, a) in args.iter().enumerate() {
            let off = 8 * i as i32;
            self.load_gpr64(*a, reg::RAX, true);
            dynasm!(self.ops ; .arch x64 ; mov [rsp + off], rax);
        }
        self.mov_src(reg::RSI, mt);
        dynasm!(self.ops
            ; .arch x64
            ; mov rdi, r15
            ; mov rdx, rsp
            ; mov ecx, count as i32
        );
        self.call_helper(Helper::NewMdArray);
        dynasm!(self.ops ; .arch x64 ; add rsp, bytes);
        self.push(StackKind::Ref, Loc::Reg);
    }
}
