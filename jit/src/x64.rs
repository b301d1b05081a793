//! x86-64 code pieces both tiers emit the same way: the frame's entry and
//! exit, calls to absolute addresses, the card-marking write barrier, the
//! inline allocation fast paths, the class-initialization test, the
//! helper-frame record, and the bounds of overflow-checked float-to-integer
//! conversions. The baseline tier ([`crate::codegen`]) and the optimizing
//! tier's emitter (`opt/emit.rs`) call these; what differs between them
//! (which registers are free, how a helper is called, where the method
//! table comes from) is a parameter.

use dynasmrt::x64::X64Relocation;
use dynasmrt::{dynasm, DynamicLabel, DynasmApi, DynasmLabelApi, VecAssembler};

use crate::host::{AllocShape, RuntimeLayout, WriteBarrier};
use crate::types::JitType;

/// The assembler both tiers emit into.
pub(crate) type Asm = VecAssembler<X64Relocation>;

/// Calls `target` from code that will run at `base`: `call rel32` when it
/// is in reach, else `mov rax, target; call rax`.
pub(crate) fn call_abs(ops: &mut Asm, base: usize, target: usize) {
    let here = base + ops.offset().0;
    let rel = (target as i64) - (here as i64 + 5);
    if let Ok(rel32) = i32::try_from(rel) {
        ops.push(0xE8);
        ops.push_i32(rel32);
    } else {
        dynasm!(ops ; .arch x64 ; mov rax, QWORD target as i64 ; call rax);
    }
}

/// `cmp dword [trap flag], 0` (the safepoint poll's test) in code that will
/// run at `base`: rip-relative when the flag is in reach, else through R11.
pub(crate) fn trap_test(ops: &mut Asm, base: usize, trap_flag_address: usize) {
    let trap = trap_flag_address as i64;
    // cmp dword [rip + disp32], 0  =  83 3D disp32 00  (7 bytes)
    let next_ip = (base + ops.offset().0 + 7) as i64;
    match i32::try_from(trap - next_ip) {
        Ok(disp) => {
            ops.extend([0x83, 0x3D]);
            ops.push_i32(disp);
            ops.push(0);
        }
        Err(_) => dynasm!(ops ; .arch x64 ; mov r11, QWORD trap ; cmp DWORD [r11], 0),
    }
}

/// The frame's entry: `push rbp; mov rbp, rsp`, the stack-overflow check
/// (the frame of `size` bytes must end above the thread's stack limit,
/// which leaves room for the runtime's own native code; below it,
/// `call_overflow` emits the call of [`crate::Helper::StackOverflow`] with
/// the thread in RDI), and `sub rsp, size`.
pub(crate) fn enter_frame(
    ops: &mut Asm,
    size: i32,
    rt: &RuntimeLayout,
    call_overflow: impl FnOnce(&mut Asm),
) {
    let limit = rt.thread_stack_limit_offset;
    let fits = ops.new_dynamic_label();
    dynasm!(ops
        ; .arch x64
        ; push rbp
        ; mov rbp, rsp
        ; lea rax, [rsp - size]
        ; cmp rax, [r15 + limit]
        ; jae =>fits
        ; mov rdi, r15
    );
    call_overflow(ops);
    dynasm!(ops ; .arch x64 ; int3 ; =>fits);
    if size > 0 {
        dynasm!(ops ; .arch x64 ; sub rsp, size);
    }
}

/// Stores each register `r` of `regs` at `[rbp + off]`.
pub(crate) fn save_regs(ops: &mut Asm, regs: &[(u8, i32)]) {
    for &(r, off) in regs {
        dynasm!(ops ; .arch x64 ; mov [rbp + off], Rq(r));
    }
}

/// Loads each register `r` of `regs` from `[rbp + off]`.
pub(crate) fn restore_regs(ops: &mut Asm, regs: &[(u8, i32)]) {
    for &(r, off) in regs {
        dynasm!(ops ; .arch x64 ; mov Rq(r), [rbp + off]);
    }
}

/// The frame's exit (after the saved registers are restored): `mov rsp,
/// rbp; pop rbp; ret`, popping `stack_arg_bytes` of stack arguments.
pub(crate) fn leave_frame(ops: &mut Asm, stack_arg_bytes: u32) {
    dynasm!(ops ; .arch x64 ; mov rsp, rbp ; pop rbp);
    if stack_arg_bytes == 0 {
        dynasm!(ops ; .arch x64 ; ret);
    } else {
        dynasm!(ops ; .arch x64 ; ret stack_arg_bytes as i16);
    }
}

/// The card-marking write barrier after a reference store to `[base +
/// disp]`: marks the card of the address when it is inside the heap.
/// Clobbers `addr` and `tmp`.
pub(crate) fn card_mark(ops: &mut Asm, b: WriteBarrier, base: u8, disp: i32, addr: u8, tmp: u8) {
    let skip = ops.new_dynamic_label();
    dynasm!(ops
        ; .arch x64
        ; lea Rq(addr), [Rq(base) + disp]
        ; mov Rq(tmp), QWORD b.heap_base as i64
        ; sub Rq(addr), Rq(tmp)
        ; mov Rq(tmp), QWORD b.heap_size as i64
        ; cmp Rq(addr), Rq(tmp)
        ; jae =>skip
        ; shr Rq(addr), b.card_shift as i8
        ; mov Rq(tmp), QWORD b.card_table as i64
        ; mov BYTE [Rq(tmp) + Rq(addr)], 1
        ; =>skip
    );
}

/// The first half of an inline object allocation of `shape`: bumps the
/// thread's allocation pointer into RAX (the new object's header), or
/// jumps to `slow` when the allocation context has no room. The caller
/// then loads the method table into RCX and calls [`finish_alloc`].
/// Clobbers RDX.
pub(crate) fn bump_alloc_object(
    ops: &mut Asm,
    rt: &RuntimeLayout,
    shape: &AllocShape,
    slow: DynamicLabel,
) {
    let size = 8 + shape.base_size.next_multiple_of(8) as i32;
    let [ptr, limit] = rt.thread_alloc_offsets;
    dynasm!(ops
        ; .arch x64
        ; mov rax, [r15 + ptr]
        ; lea rdx, [rax + size]
        ; cmp rdx, [r15 + limit]
        ; ja =>slow
        ; mov [r15 + ptr], rdx
    );
}

/// The first half of an inline array allocation of `shape` with the
/// length in RDX: as [`bump_alloc_object`], also jumping to `slow` for
/// lengths above the shape's inline maximum. Clobbers RCX.
pub(crate) fn bump_alloc_array(
    ops: &mut Asm,
    rt: &RuntimeLayout,
    shape: &AllocShape,
    slow: DynamicLabel,
) {
    let [ptr, limit] = rt.thread_alloc_offsets;
    let fixed = 8 + shape.base_size as i32 + 7;
    dynasm!(ops
        ; .arch x64
        ; cmp rdx, shape.max_inline_length as i32
        ; ja =>slow
        ; imul rcx, rdx, shape.component_size as i32
        ; add rcx, fixed
        ; and rcx, -8
        ; mov rax, [r15 + ptr]
        ; add rcx, rax
        ; cmp rcx, [r15 + limit]
        ; ja =>slow
        ; mov [r15 + ptr], rcx
    );
}

/// The second half of an inline allocation: stores the method table (in
/// RCX) and, for an array (`array_length_offset`), the length (in EDX);
/// leaves the object reference in RAX, jumps to `done`, and binds `slow`
/// for the caller's helper call.
pub(crate) fn finish_alloc(
    ops: &mut Asm,
    array_length_offset: Option<i32>,
    done: DynamicLabel,
    slow: DynamicLabel,
) {
    dynasm!(ops ; .arch x64 ; mov [rax + 8], rcx);
    if let Some(len_off) = array_length_offset {
        dynasm!(ops ; .arch x64 ; mov [rax + 8 + len_off], edx);
    }
    dynasm!(ops
        ; .arch x64
        ; add rax, 8
        ; jmp =>done
        ; =>slow
    );
}

/// The class-initialization test: jumps to `done` when the class's
/// `flag` byte says it is initialized, else falls through with the thread
/// in RDI and the class `handle` in RSI for the call of
/// [`crate::Helper::ClassInit`] (which the caller emits).
pub(crate) fn class_init_test(ops: &mut Asm, flag: usize, handle: usize, done: DynamicLabel) {
    dynasm!(ops
        ; .arch x64
        ; mov rax, QWORD flag as i64
        ; cmp BYTE [rax], 0
        ; jne =>done
        ; mov rdi, r15
        ; mov rsi, QWORD handle as i64
    );
}

/// Records a helper frame in the thread (return address `ret`, stack and
/// frame pointers) before a call to a helper that walks the managed stack.
pub(crate) fn record_helper_site(ops: &mut Asm, rt: &RuntimeLayout, ret: DynamicLabel) {
    // (Names that are not x86 register names: dynasm reads `sp`/`ip` as registers.)
    let [site_ip, site_sp, site_fp] = rt.thread_helper_site_offsets;
    dynasm!(ops
        ; .arch x64
        ; lea rax, [=>ret]
        ; mov [r15 + site_ip], rax
        ; mov [r15 + site_sp], rsp
        ; mov [r15 + site_fp], rbp
    );
}

/// The open bounds `(lo - 1, hi + 1)` in double precision that a float
/// must lie strictly between to convert to `to` without overflow (NaN lies
/// between none).
pub(crate) fn overflow_bounds(to: JitType) -> (f64, f64) {
    match to {
        JitType::I1 => (-129.0, 128.0),
        JitType::U1 | JitType::Bool => (-1.0, 256.0),
        JitType::I2 => (-32769.0, 32768.0),
        JitType::U2 | JitType::Char => (-1.0, 65536.0),
        JitType::I4 => (-2147483649.0, 2147483648.0),
        JitType::U4 => (-1.0, 4294967296.0),
        JitType::I8 | JitType::I => (-9223372036854777856.0, 9223372036854775808.0),
        _ => (-1.0, 18446744073709551616.0),
    }
}
