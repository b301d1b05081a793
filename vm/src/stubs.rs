//! Hand-written machine code the runtime generates once per instance: the
//! transitions between Rust and JIT-compiled code.
//!
//! * **call thunk** (Rust → managed): `extern "sysv64" fn(thread, target,
//!   args, nargs) -> u64` (and XMM0 for float results). Saves the System V
//!   callee-saved registers, links an *entry record* into the thread
//!   (`Thread::entry_sp`, see below), sets R15 to the thread and the GC mode
//!   to cooperative, pushes stack arguments and loads RCX/RDX per
//!   fastcall64, calls, and undoes it all.
//! * **funclet call**: `extern "sysv64" fn(thread, frame_pointer, target,
//!   exception) -> u64`: how the exception dispatcher runs a filter on top of
//!   the stack with RBP set to the filter's method frame. It links an entry
//!   record like the call thunk, so an exception that escapes the filter
//!   ends there (and the filter counts as false).
//! * **abort**: abandons every managed frame up to the innermost entry record
//!   and leaves through that record's *escape* path (RAX = 0). Stubs jump
//!   here when native code raised a fatal error (`Thread::raise_fatal`).
//! * **raise**: JIT helpers, the prestub and the interface resolver jump here
//!   when the Rust code they called left something for managed code
//!   (`Thread::attention`): a fatal error (→ abort) or a pending exception,
//!   which it hands to the exception dispatcher with the managed context
//!   (return address at [RSP], the managed RBP), then resumes where the
//!   dispatcher says: a catch handler, a finally handler, or an entry
//!   record's escape path.
//! * **unwind continue**: the second pass of exception dispatch stores this
//!   address as the continuation of each finally/fault handler it runs;
//!   `endfinally` jumps here and the dispatcher picks the next step.
//! * **prestub**: every precode jumps here with the method descriptor in R10.
//!   Saves the argument registers (and RSI/RDI, callee-saved in fastcall64),
//!   links a prestub frame, calls the prestub worker (which compiles the
//!   method and patches the precode), restores, and jumps to the code.
//! * **GC poll**: called from safepoint polls when the trap flag is set;
//!   preserves every register, links a frame and calls the poll worker;
//!   if the worker made the thread abandon its managed code (the process
//!   is being stopped or ending), goes to abort instead of back.
//! * **interface resolve**: an interface call site whose inline cache missed
//!   calls this with the cell in R11 and its arguments in place; it saves the
//!   argument registers, asks the worker for the target (which updates the
//!   cell), restores them and jumps to the target, so the callee returns
//!   straight to the call site.
//! * **fault**: a hardware fault in JIT-compiled code is redirected here by
//!   the kernel's fault service (`runtime::faults`); it makes the faulting
//!   instruction look like a call of the fault helper.
//! * **helper wrappers**: JIT helpers implemented in Rust are called through
//!   a wrapper that links a frame (so the helper may allocate, call managed
//!   code and raise exceptions), calls the worker, and goes to *raise* if the
//!   worker left anything for managed code (throw helpers always do).
//!
//! ## Entry records
//!
//! The call thunk and the funclet call push the same 24-byte record, and
//! `Thread::entry_sp` points at the innermost one:
//!
//! ```text
//!   [entry + 16]  the thread's frame_head on entry (restored on exit)
//!   [entry + 8]   the previous entry_sp
//!   [entry + 0]   the escape address: where to go to leave the stub with
//!                 RSP = entry and RBP = entry + ENTRY_RBP_OFFSET
//! ```
//!
//! Exception dispatch never crosses an entry record: an exception nobody in
//! the record's managed frames handles leaves through its escape path, and
//! the stub's Rust caller finds it in `Thread::escaped`.

use std::collections::HashMap;

use dynasmrt::x64::X64Relocation;
use dynasmrt::{dynasm, DynasmApi, DynasmLabelApi, VecAssembler};
use osprey_jit::Helper;

use crate::codeheap::{CodeHeap, CodeHeapError, CodeKind};
use crate::eh::resume_offsets;
use crate::frames::{offsets as frame, FrameKind};
use crate::thread::offsets::{ATTENTION, ENTRY_SP, FRAME_HEAD, GC_MODE};
use crate::thread::ATTENTION_FATAL;

/// The signature of the call thunk, for integer/reference/void results.
pub type CallThunk = unsafe extern "sysv64" fn(
    thread: *mut crate::thread::Thread,
    target: usize,
    args: *const u64,
    nargs: usize,
) -> u64;

/// The same thunk, read as returning a double (XMM0).
pub type CallThunkF64 = unsafe extern "sysv64" fn(
    thread: *mut crate::thread::Thread,
    target: usize,
    args: *const u64,
    nargs: usize,
) -> f64;

/// The signature of the funclet call: runs the funclet at `target` with RBP
/// = `frame_pointer` and RAX = `exception`; returns its EAX (a filter's
/// verdict), or 0 if it was left through the escape path.
pub type CallFunclet = unsafe extern "sysv64" fn(
    thread: *mut crate::thread::Thread,
    frame_pointer: usize,
    target: usize,
    exception: usize,
) -> u64;

/// Bytes a stub with an entry record keeps between its RBP and the record:
/// the record's stub has RBP = entry + `ENTRY_RBP_OFFSET`.
pub const ENTRY_RBP_OFFSET: usize = 64;
const THUNK_SAVE: i32 = ENTRY_RBP_OFFSET as i32;

/// Addresses of the Rust workers the stubs call.
pub struct Workers {
    /// `extern "C" fn(thread, method) -> code address or 0`.
    pub prestub: usize,
    /// `extern "C" fn(thread)`.
    pub gc_poll: usize,
    /// `extern "C" fn(thread, cell, this) -> target`.
    pub interface_resolve: usize,
    /// `extern "C" fn(thread, ip, fp) -> *const Resume`: dispatch the
    /// pending exception raised at the managed context (ip, fp).
    pub dispatch: usize,
    /// `extern "C" fn(thread, fp) -> *const Resume`: a finally handler run
    /// by the dispatcher in the frame `fp` finished.
    pub unwind_continue: usize,
    /// `extern "C" fn(thread, address)`: a hardware fault at `address` in
    /// JIT-compiled code (entered through the fault stub).
    pub fault: usize,
    /// `extern "C" fn(thread) -> !`: a hardware fault in native code,
    /// reported (entered through the native-fault stub).
    pub native_fault: usize,
    /// Each helper's worker: `extern "C"`, System V arguments as the JIT passes them.
    pub helpers: Vec<(Helper, usize)>,
}

/// The generated stubs.
pub struct Stubs {
    /// The call thunk.
    pub call_thunk: usize,
    /// The funclet call ([`CallFunclet`]).
    pub call_funclet: usize,
    /// The raise path (see the module documentation).
    pub raise: usize,
    /// Where finally handlers run by the dispatcher continue.
    pub unwind_continue: usize,
    /// The shared prestub.
    pub prestub: usize,
    /// The register-preserving GC poll stub.
    pub gc_poll: usize,
    /// Where a hardware fault in JIT-compiled code is redirected (see
    /// `runtime::faults`): RDI = the faulting address, RSI = the faulting
    /// instruction, RBP = the method's frame.
    pub fault: usize,
    /// Where a hardware fault in native code on a managed thread is
    /// redirected: RDI = the thread; aligns the stack and calls the
    /// reporting worker, which does not return.
    pub native_fault: usize,
    /// Wrapped helpers, by kind.
    pub helpers: HashMap<Helper, usize>,
}

impl Stubs {
    /// Generates every stub into `heap`.
    pub fn generate(heap: &CodeHeap, workers: &Workers) -> Result<Stubs, CodeHeapError> {
        let abort = emit_abort(heap)?;
        let (raise, resume) = emit_raise(heap, workers.dispatch, abort)?;
        let unwind_continue = emit_unwind_continue(heap, workers.unwind_continue, abort, resume)?;
        let call_thunk = emit_call_thunk(heap)?;
        let call_funclet = emit_call_funclet(heap)?;
        let prestub = emit_prestub(heap, workers.prestub, raise)?;
        let gc_poll = emit_gc_poll(heap, workers.gc_poll, abort)?;
        let fault = emit_fault(heap, workers.fault, raise)?;
        let native_fault = emit_native_fault(heap, workers.native_fault)?;
        let mut helpers = HashMap::new();
        for (helper, worker) in &workers.helpers {
            helpers.insert(*helper, emit_helper_wrapper(heap, *worker, raise)?);
        }
        helpers.insert(Helper::GcPoll, gc_poll);
        helpers.insert(
            Helper::InterfaceResolve,
            emit_interface_resolve(heap, workers.interface_resolve, raise, false)?,
        );
        helpers.insert(
            Helper::InterfaceResolveRdx,
            emit_interface_resolve(heap, workers.interface_resolve, raise, true)?,
        );
        Ok(Stubs {
            call_thunk,
            call_funclet,
            raise,
            unwind_continue,
            prestub,
            gc_poll,
            fault,
            native_fault,
            helpers,
        })
    }
}

fn publish(
    heap: &CodeHeap,
    ops: VecAssembler<X64Relocation>,
    base: usize,
    name: &'static str,
) -> Result<usize, CodeHeapError> {
    let code = ops.finalize().map_err(|_| CodeHeapError::Moved)?;
    heap.publish(base, &code, CodeKind::Stub(name))
}

/// Emits the prologue shared by the stubs with an entry record: saves the
/// System V callee-saved registers, sets R15 to the thread (RDI) and links
/// the record whose escape address is `escape`. Leaves RSP = the record
/// (16-byte aligned) and RBP = record + `THUNK_SAVE`.
fn enter_with_record(ops: &mut VecAssembler<X64Relocation>, escape: dynasmrt::DynamicLabel) {
    dynasm!(ops
        ; .arch x64
        ; push rbp
        ; mov rbp, rsp
        ; push rbx
        ; push r12
        ; push r13
        ; push r14
        ; push r15
        ; mov r15, rdi
        ; push QWORD [r15 + FRAME_HEAD]
        ; push QWORD [r15 + ENTRY_SP]
        ; lea rax, [=>escape]
        ; push rax
        ; mov [r15 + ENTRY_SP], rsp
    );
}

/// Undoes [`enter_with_record`] (from any RSP, given RBP) and returns.
fn leave_record(ops: &mut VecAssembler<X64Relocation>) {
    dynasm!(ops
        ; .arch x64
        ; lea rsp, [rbp - THUNK_SAVE + 8]
        ; pop QWORD [r15 + ENTRY_SP]
        ; pop QWORD [r15 + FRAME_HEAD]
        ; pop r15
        ; pop r14
        ; pop r13
        ; pop r12
        ; pop rbx
        ; pop rbp
        ; ret
    );
}

/// Emits the call thunk.
fn emit_call_thunk(heap: &CodeHeap) -> Result<usize, CodeHeapError> {
    let base = heap.method_base();
    let mut ops: VecAssembler<X64Relocation> = VecAssembler::new(base);
    let done = ops.new_dynamic_label();
    let escape = ops.new_dynamic_label();
    let no_stack = ops.new_dynamic_label();
    let even = ops.new_dynamic_label();
    let push_loop = ops.new_dynamic_label();
    let regs_done = ops.new_dynamic_label();
    enter_with_record(&mut ops, escape);
    dynasm!(ops
        ; .arch x64
        // The caller's GC mode, restored on the way out, also on the escape
        // path: it lives in RBX, which managed code preserves (optimized
        // code saves it in its prologue, and the dispatcher restores it
        // before the escape: eh::unwind_regs) and Rust code preserves.
        ; mov ebx, [r15 + GC_MODE]
        ; mov DWORD [r15 + GC_MODE], 1
        ; mov r12, rsi                         // target
        ; mov r13, rdx                         // args
        ; mov r14, rcx                         // nargs
        // Stack arguments 2..nargs-1, pushed right to left, padded to keep RSP aligned.
        ; mov rcx, r14
        ; sub rcx, 2
        ; jle =>no_stack
        ; test cl, 1
        ; jz =>even
        ; sub rsp, 8
        ; =>even
        ; =>push_loop
        ; mov rax, [r13 + rcx * 8 + 8]
        ; push rax
        ; dec rcx
        ; jnz =>push_loop
        ; =>no_stack
        // Register arguments.
        ; cmp r14, 1
        ; jl =>regs_done
        ; mov rcx, [r13]
        ; cmp r14, 2
        ; jl =>regs_done
        ; mov rdx, [r13 + 8]
        ; =>regs_done
        ; call r12
        ; =>done
        ; mov [r15 + GC_MODE], ebx
    );
    leave_record(&mut ops);
    dynasm!(ops
        ; .arch x64
        // Escape: an exception left the managed frames (the dispatcher put
        // it in Thread::escaped) or a fatal error abandoned them.
        ; =>escape
        ; xor eax, eax
        ; xorps xmm0, xmm0
        ; jmp =>done
    );
    publish(heap, ops, base, "call thunk")
}

/// Emits the funclet call.
fn emit_call_funclet(heap: &CodeHeap) -> Result<usize, CodeHeapError> {
    let base = heap.method_base();
    let mut ops: VecAssembler<X64Relocation> = VecAssembler::new(base);
    let done = ops.new_dynamic_label();
    let escape = ops.new_dynamic_label();
    enter_with_record(&mut ops, escape);
    dynasm!(ops
        ; .arch x64
        ; mov rax, rcx                         // the exception
        ; mov rbp, rsi                         // the method's frame
        // RSP is 16-aligned here; the funclet realigns after this call.
        ; call rdx
        ; =>done
        // The funclet returned with RSP back at the entry record.
        ; lea rbp, [rsp + THUNK_SAVE]
    );
    leave_record(&mut ops);
    dynasm!(ops
        ; .arch x64
        ; =>escape
        ; xor eax, eax
        ; jmp =>done
    );
    publish(heap, ops, base, "funclet call")
}

/// Emits the abort path.
fn emit_abort(heap: &CodeHeap) -> Result<usize, CodeHeapError> {
    let base = heap.method_base();
    let mut ops: VecAssembler<X64Relocation> = VecAssembler::new(base);
    dynasm!(ops
        ; .arch x64
        ; mov rsp, [r15 + ENTRY_SP]
        ; lea rbp, [rsp + THUNK_SAVE]
        ; jmp QWORD [rsp]
    );
    publish(heap, ops, base, "abort")
}

/// Emits the resume sequence: RAX points at a `Resume`.
fn emit_resume(ops: &mut VecAssembler<X64Relocation>) {
    for r in CALLEE_SAVED {
        let off = resume_offsets::REGS + 8 * r as i32;
        dynasm!(ops ; .arch x64 ; mov Rq(r), [rax + off]);
    }
    dynasm!(ops
        ; .arch x64
        ; mov rsp, [rax + resume_offsets::SP]
        ; mov rbp, [rax + resume_offsets::FP]
        ; mov rcx, [rax + resume_offsets::IP]
        ; mov rax, [rax + resume_offsets::VALUE]
        ; jmp rcx
    );
}

/// Emits the raise path; returns (raise, resume sequence).
fn emit_raise(
    heap: &CodeHeap,
    dispatch: usize,
    abort: usize,
) -> Result<(usize, usize), CodeHeapError> {
    let base = heap.method_base();
    let mut ops: VecAssembler<X64Relocation> = VecAssembler::new(base);
    let fatal = ops.new_dynamic_label();
    let resume = ops.new_dynamic_label();
    dynasm!(ops
        ; .arch x64
        ; cmp DWORD [r15 + ATTENTION], ATTENTION_FATAL as i32
        ; je =>fatal
        // The register area (the callee-saved registers at the raise) right
        // below the return address into managed code.
        ; sub rsp, REG_AREA
    );
    for r in CALLEE_SAVED {
        let off = 8 * r as i32;
        dynasm!(ops ; .arch x64 ; mov [rsp + off], Rq(r));
    }
    dynasm!(ops
        ; .arch x64
        ; mov rsi, [rsp + REG_AREA]            // the return address into managed code
        ; mov rdx, rbp                         // its frame
        ; mov rcx, rsp                         // the register area
        ; mov rdi, r15
        ; and rsp, -16
        ; mov rax, QWORD dispatch as i64
        ; call rax
        ; cmp DWORD [r15 + ATTENTION], ATTENTION_FATAL as i32
        ; je =>fatal
        ; =>resume
    );
    let resume_offset = ops.offset().0;
    emit_resume(&mut ops);
    dynasm!(ops
        ; .arch x64
        ; =>fatal
        ; mov rax, QWORD abort as i64
        ; jmp rax
    );
    let raise = publish(heap, ops, base, "raise")?;
    Ok((raise, raise + resume_offset))
}

/// Emits the unwind-continue stub.
fn emit_unwind_continue(
    heap: &CodeHeap,
    worker: usize,
    abort: usize,
    resume: usize,
) -> Result<usize, CodeHeapError> {
    let base = heap.method_base();
    let mut ops: VecAssembler<X64Relocation> = VecAssembler::new(base);
    let fatal = ops.new_dynamic_label();
    dynasm!(ops
        ; .arch x64
        // endfinally jumped here with RBP = the handler's frame: the
        // callee-saved registers go to a register area for the worker.
        ; and rsp, -16
        ; sub rsp, REG_AREA
    );
    for r in CALLEE_SAVED {
        let off = 8 * r as i32;
        dynasm!(ops ; .arch x64 ; mov [rsp + off], Rq(r));
    }
    dynasm!(ops
        ; .arch x64
        ; mov rdi, r15
        ; mov rsi, rbp
        ; mov rdx, rsp
        ; mov rax, QWORD worker as i64
        ; call rax
        ; cmp DWORD [r15 + ATTENTION], ATTENTION_FATAL as i32
        ; je =>fatal
        ; mov rcx, QWORD resume as i64
        ; jmp rcx
        ; =>fatal
        ; mov rax, QWORD abort as i64
        ; jmp rax
    );
    publish(heap, ops, base, "unwind continue")
}

/// Fills in a stub frame at RSP for the managed caller whose return address
/// is at [RBP + 8] and frame pointer at [RBP], with the register area at
/// `[rbp + regs]` (valid registers `mask`), and links it. Clobbers RAX.
fn link_stub_frame(
    ops: &mut VecAssembler<X64Relocation>,
    kind: FrameKind,
    method_in_r10: bool,
    regs: i32,
    mask: usize,
) {
    dynasm!(ops
        ; .arch x64
        ; mov rax, [r15 + FRAME_HEAD]
        ; mov [rsp + frame::PREV], rax
        ; mov rax, QWORD kind as u64 as i64
        ; mov [rsp + frame::KIND], rax
        ; mov rax, [rbp + 8]
        ; mov [rsp + frame::RETURN_ADDRESS], rax
        ; lea rax, [rbp + 16]
        ; mov [rsp + frame::RSP], rax
        ; mov rax, [rbp]
        ; mov [rsp + frame::RBP], rax
        ; lea rax, [rbp + regs]
        ; mov [rsp + frame::REGS], rax
        ; mov rax, QWORD mask as i64
        ; mov [rsp + frame::REG_MASK], rax
        ; mov [r15 + FRAME_HEAD], rsp
    );
    if method_in_r10 {
        dynasm!(ops ; .arch x64 ; mov [rsp + frame::METHOD], r10);
    } else {
        dynasm!(ops ; .arch x64 ; mov QWORD [rsp + frame::METHOD], 0);
    }
}

/// Bytes of a register area: 16 words, indexed by hardware register number
/// (see `frames::Frame::regs`).
const REG_AREA: i32 = 16 * 8;

/// The callee-saved registers, by hardware number.
const CALLEE_SAVED: [u8; 6] = [3, 6, 7, 12, 13, 14];

/// Stores the registers `regs` into the register area at `[rbp + area]`.
fn save_regs(ops: &mut VecAssembler<X64Relocation>, area: i32, regs: &[u8]) {
    for &r in regs {
        let off = area + 8 * r as i32;
        dynasm!(ops ; .arch x64 ; mov [rbp + off], Rq(r));
    }
}

/// Reloads the registers `regs` from the register area at `[rbp + area]`
/// (the collector may have updated references there).
fn restore_regs(ops: &mut VecAssembler<X64Relocation>, area: i32, regs: &[u8]) {
    for &r in regs {
        let off = area + 8 * r as i32;
        dynasm!(ops ; .arch x64 ; mov Rq(r), [rbp + off]);
    }
}

/// Unlinks the stub frame at RSP. Clobbers R11.
fn unlink_stub_frame(ops: &mut VecAssembler<X64Relocation>) {
    dynasm!(ops
        ; .arch x64
        ; mov r11, [rsp + frame::PREV]
        ; mov [r15 + FRAME_HEAD], r11
    );
}

fn emit_prestub(heap: &CodeHeap, worker: usize, raise: usize) -> Result<usize, CodeHeapError> {
    let base = heap.method_base();
    let mut ops: VecAssembler<X64Relocation> = VecAssembler::new(base);
    let attention = ops.new_dynamic_label();
    let size = frame::SIZE as i32;
    debug_assert_eq!(size % 16, 0);
    // [rbp - REG_AREA, rbp): the register area (callee-saved registers),
    // then 16 bytes of padding, RDX, RCX, and the frame record.
    dynasm!(ops
        ; .arch x64
        ; push rbp
        ; mov rbp, rsp
        ; sub rsp, REG_AREA + 16
    );
    save_regs(&mut ops, -REG_AREA, &CALLEE_SAVED);
    dynasm!(ops
        ; .arch x64
        ; push rdx
        ; push rcx
        ; sub rsp, size
    );
    // The prestub frame: the arguments the callee will receive are saved
    // right above it (RCX at +SIZE, RDX at +SIZE+8), the stack arguments
    // start at its RSP field (see frames::FrameKind::Prestub).
    link_stub_frame(
        &mut ops,
        FrameKind::Prestub,
        true,
        -REG_AREA,
        crate::frames::CALLEE_SAVED_MASK,
    );
    dynasm!(ops
        ; .arch x64
        ; mov rdi, r15
        ; mov rsi, r10
        ; mov rax, QWORD worker as i64
        ; call rax
    );
    unlink_stub_frame(&mut ops);
    dynasm!(ops
        ; .arch x64
        ; add rsp, size
        ; pop rcx
        ; pop rdx
    );
    restore_regs(&mut ops, -REG_AREA, &CALLEE_SAVED);
    dynasm!(ops
        ; .arch x64
        ; mov rsp, rbp
        ; pop rbp
        ; cmp DWORD [r15 + ATTENTION], 0
        ; jne =>attention
        ; jmp rax
        ; =>attention
        ; mov rax, QWORD raise as i64
        ; jmp rax
    );
    publish(heap, ops, base, "prestub")
}

fn emit_gc_poll(heap: &CodeHeap, worker: usize, abort: usize) -> Result<usize, CodeHeapError> {
    let base = heap.method_base();
    let mut ops: VecAssembler<X64Relocation> = VecAssembler::new(base);
    let fatal = ops.new_dynamic_label();
    // Every general register goes to the register area (a poll may stop
    // optimized code with references in any of them: the collector finds
    // and updates them there), every XMM register below it; RSP stays
    // 16-aligned (entered by a call from an aligned body).
    const XMM_AREA: i32 = 16 * 16;
    let size = frame::SIZE as i32;
    const ALL: [u8; 14] = [0, 1, 2, 3, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15];
    dynasm!(ops
        ; .arch x64
        ; push rbp
        ; mov rbp, rsp
        ; sub rsp, REG_AREA + XMM_AREA
    );
    save_regs(&mut ops, -REG_AREA, &ALL);
    for i in 0..16u8 {
        let off = i as i32 * 16;
        dynasm!(ops ; .arch x64 ; movdqu [rsp + off], Rx(i));
    }
    dynasm!(ops ; .arch x64 ; sub rsp, size);
    // R15 (the thread) is saved but never reported: it is no reference.
    let mask = ALL
        .iter()
        .filter(|r| **r != 15)
        .fold(0usize, |m, r| m | 1 << r);
    link_stub_frame(&mut ops, FrameKind::Stub, false, -REG_AREA, mask);
    dynasm!(ops
        ; .arch x64
        ; mov rdi, r15
        ; mov rax, QWORD worker as i64
        ; call rax
        // The process is ending (another thread's unhandled exception, the
        // time limit): abandon the managed frames, as raise does.
        ; cmp DWORD [r15 + ATTENTION], ATTENTION_FATAL as i32
        ; je =>fatal
    );
    unlink_stub_frame(&mut ops);
    dynasm!(ops ; .arch x64 ; add rsp, size);
    for i in 0..16u8 {
        let off = i as i32 * 16;
        dynasm!(ops ; .arch x64 ; movdqu Rx(i), [rsp + off]);
    }
    restore_regs(&mut ops, -REG_AREA, &ALL);
    dynasm!(ops
        ; .arch x64
        ; mov rsp, rbp
        ; pop rbp
        ; ret
    );
    dynasm!(ops
        ; .arch x64
        ; =>fatal
        ; mov r11, QWORD abort as i64
        ; jmp r11
    );
    publish(heap, ops, base, "gc poll")
}

/// The fault stub: turns the faulting instruction into a call of the fault
/// helper made from it (return address = faulting instruction + 1, so that
/// exception dispatch attributes it to that instruction), on the thread's
/// own stack. The fault handler left every register as it was and recorded
/// the fault in the thread record.
fn emit_fault(heap: &CodeHeap, worker: usize, raise: usize) -> Result<usize, CodeHeapError> {
    use crate::thread::offsets::FAULT_IP;
    let base = heap.method_base();
    let mut ops: VecAssembler<X64Relocation> = VecAssembler::new(base);
    dynasm!(ops
        ; .arch x64
        ; and rsp, -16
        ; mov rax, [r15 + FAULT_IP]
        ; add rax, 1
        ; push rax
    );
    emit_wrapper_body(&mut ops, worker, raise, true);
    publish(heap, ops, base, "fault")
}

/// The native-fault stub: a fault in native code resumes here with RDI =
/// the thread. The faulting code's frames are abandoned in place: the
/// stub aligns the stack below them and calls the worker, which reports
/// and ends the process.
fn emit_native_fault(heap: &CodeHeap, worker: usize) -> Result<usize, CodeHeapError> {
    let base = heap.method_base();
    let mut ops: VecAssembler<X64Relocation> = VecAssembler::new(base);
    dynasm!(ops
        ; .arch x64
        ; and rsp, -16
        ; mov rax, QWORD worker as i64
        ; call rax
        ; ud2
    );
    publish(heap, ops, base, "native fault")
}

fn emit_helper_wrapper(
    heap: &CodeHeap,
    worker: usize,
    raise: usize,
) -> Result<usize, CodeHeapError> {
    let base = heap.method_base();
    let mut ops: VecAssembler<X64Relocation> = VecAssembler::new(base);
    emit_wrapper_body(&mut ops, worker, raise, false);
    publish(heap, ops, base, "helper")
}

/// A helper wrapper: a stub frame with the callee-saved registers in its
/// register area (reloaded after the worker, which may have collected),
/// the worker's call, and the raise path. For the fault stub (`fault`) the
/// worker's arguments are the thread and the recorded faulting address.
fn emit_wrapper_body(
    ops: &mut VecAssembler<X64Relocation>,
    worker: usize,
    raise: usize,
    fault: bool,
) {
    use crate::thread::offsets::FAULT_ADDRESS;
    let attention = ops.new_dynamic_label();
    let size = frame::SIZE as i32;
    dynasm!(ops
        ; .arch x64
        ; push rbp
        ; mov rbp, rsp
        ; sub rsp, REG_AREA + size
    );
    save_regs(ops, -REG_AREA, &CALLEE_SAVED);
    link_stub_frame(
        ops,
        FrameKind::Stub,
        false,
        -REG_AREA,
        crate::frames::CALLEE_SAVED_MASK,
    );
    if fault {
        dynasm!(ops ; .arch x64 ; mov rdi, r15 ; mov rsi, [r15 + FAULT_ADDRESS]);
    }
    dynasm!(ops
        ; .arch x64
        ; mov rax, QWORD worker as i64
        ; call rax
    );
    unlink_stub_frame(ops);
    restore_regs(ops, -REG_AREA, &CALLEE_SAVED);
    dynasm!(ops
        ; .arch x64
        ; mov rsp, rbp
        ; pop rbp
        ; cmp DWORD [r15 + ATTENTION], 0
        ; jne =>attention
        ; ret
        ; =>attention
        ; mov r11, QWORD raise as i64
        ; jmp r11
    );
}

fn emit_interface_resolve(
    heap: &CodeHeap,
    worker: usize,
    raise: usize,
    this_in_rdx: bool,
) -> Result<usize, CodeHeapError> {
    let base = heap.method_base();
    let mut ops: VecAssembler<X64Relocation> = VecAssembler::new(base);
    let attention = ops.new_dynamic_label();
    dynasm!(ops
        ; .arch x64
        ; push rbp
        ; mov rbp, rsp
        ; push rcx
        ; push rdx
        ; push rsi
        ; push rdi
        ; push r8
        ; push r9
    );
    if this_in_rdx {
        dynasm!(ops ; .arch x64 ; mov rdi, r15 ; mov rsi, r11);
    } else {
        dynasm!(ops ; .arch x64 ; mov rdi, r15 ; mov rsi, r11 ; mov rdx, rcx);
    }
    dynasm!(ops
        ; .arch x64
        ; mov rax, QWORD worker as i64
        ; call rax
        ; pop r9
        ; pop r8
        ; pop rdi
        ; pop rsi
        ; pop rdx
        ; pop rcx
        ; pop rbp
        ; cmp DWORD [r15 + ATTENTION], 0
        ; jne =>attention
        ; jmp rax
        ; =>attention
        ; mov rax, QWORD raise as i64
        ; jmp rax
    );
    publish(heap, ops, base, "interface resolve")
}
