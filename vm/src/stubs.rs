//! Hand-written machine code the runtime generates once per instance: the
//! transitions between Rust and JIT-compiled code.
//!
//! * **call thunk** (Rust → managed): `extern "sysv64" fn(thread, target,
//!   args, nargs) -> u64` (and XMM0 for float results). Saves the System V
//!   callee-saved registers, links an *entry record* into the thread
//!   (`Thread::entry_sp`), sets R15 to the thread and the GC mode to
//!   cooperative, pushes stack arguments and loads RCX/RDX per fastcall64,
//!   calls, and undoes it all.
//! * **abort**: abandons every managed frame up to the innermost entry record
//!   and returns from that thunk with RAX = 0. Only stubs jump here, after the
//!   Rust code they called has returned (so no Rust frame is skipped) and set
//!   `Thread::abort_requested` with a reason (`Thread::request_abort`).
//!   Exception dispatch replaces most uses of this with real unwinding to
//!   handlers; it remains the path for fatal errors.
//! * **prestub**: every precode jumps here with the method descriptor in R10.
//!   Saves the argument registers (and RSI/RDI, callee-saved in fastcall64),
//!   calls the prestub worker (which compiles the method and patches the
//!   precode), restores, and jumps to the code; aborts if compilation failed.
//! * **GC poll**: called from safepoint polls when the trap flag is set;
//!   preserves every register and calls the poll worker.
//! * **interface resolve**: an interface call site whose inline cache missed
//!   calls this with the cell in R11 and its arguments in place; it saves the
//!   argument registers, asks the worker for the target (which updates the
//!   cell), restores them and jumps to the target, so the callee returns
//!   straight to the call site.
//! * **helper wrappers**: JIT helpers implemented in Rust are called through
//!   a wrapper that aligns the stack, calls the worker and then aborts if the
//!   worker requested it (throw helpers always do).

use std::collections::HashMap;

use dynasmrt::x64::X64Relocation;
use dynasmrt::{dynasm, DynasmApi, DynasmLabelApi, VecAssembler};
use osprey_jit::Helper;

use crate::codeheap::{CodeHeap, CodeHeapError, CodeKind};
use crate::frames::{offsets as fo, FrameKind, PRESTUB_FRAME_SIZE};
use crate::thread::offsets::{ABORT_REQUESTED, ENTRY_SP, FRAME_HEAD, GC_MODE};

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

/// Bytes the call thunk keeps between its RBP and its entry record.
const THUNK_SAVE: i32 = 48;

/// Addresses of the Rust workers the stubs call.
pub struct Workers {
    /// `extern "C" fn(thread, method) -> code address or 0`.
    pub prestub: usize,
    /// `extern "C" fn(thread)`.
    pub gc_poll: usize,
    /// `extern "C" fn(thread, cell, this) -> target`.
    pub interface_resolve: usize,
    /// Each helper's worker: `extern "C"`, System V arguments as the JIT passes them.
    pub helpers: Vec<(Helper, usize)>,
}

/// The generated stubs.
pub struct Stubs {
    /// The call thunk.
    pub call_thunk: usize,
    /// The abort path.
    pub abort: usize,
    /// The shared prestub.
    pub prestub: usize,
    /// The register-preserving GC poll stub.
    pub gc_poll: usize,
    /// Wrapped helpers, by kind.
    pub helpers: HashMap<Helper, usize>,
}

impl Stubs {
    /// Generates every stub into `heap`.
    pub fn generate(heap: &CodeHeap, workers: &Workers) -> Result<Stubs, CodeHeapError> {
        let (call_thunk, abort) = emit_call_thunk(heap)?;
        let prestub = emit_prestub(heap, workers.prestub, abort)?;
        let gc_poll = emit_gc_poll(heap, workers.gc_poll)?;
        let mut helpers = HashMap::new();
        for (helper, worker) in &workers.helpers {
            let never_returns = matches!(helper, Helper::Throw | Helper::ThrowObject);
            // Helpers that may collect (allocate, run managed code) link a
            // frame so the collector can walk to their managed caller.
            let frame = !matches!(
                helper,
                Helper::StElemRef
                    | Helper::ArrayStoreCheck
                    | Helper::CastClass
                    | Helper::IsInst
                    | Helper::Unbox
                    | Helper::RaisePending
            );
            helpers.insert(
                *helper,
                emit_helper_wrapper(heap, *worker, abort, never_returns, frame)?,
            );
        }
        helpers.insert(Helper::GcPoll, gc_poll);
        helpers.insert(
            Helper::InterfaceResolve,
            emit_interface_resolve(heap, workers.interface_resolve, abort, false)?,
        );
        helpers.insert(
            Helper::InterfaceResolveRdx,
            emit_interface_resolve(heap, workers.interface_resolve, abort, true)?,
        );
        Ok(Stubs {
            call_thunk,
            abort,
            prestub,
            gc_poll,
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

/// Emits the call thunk; returns (thunk, abort entry).
fn emit_call_thunk(heap: &CodeHeap) -> Result<(usize, usize), CodeHeapError> {
    let base = heap.method_base();
    let mut ops: VecAssembler<X64Relocation> = VecAssembler::new(base);
    let done = ops.new_dynamic_label();
    let no_stack = ops.new_dynamic_label();
    let even = ops.new_dynamic_label();
    let push_loop = ops.new_dynamic_label();
    let regs_done = ops.new_dynamic_label();
    dynasm!(ops
        ; .arch x64
        // Prologue: System V callee-saved registers, then the entry record.
        ; push rbp
        ; mov rbp, rsp
        ; push rbx
        ; push r12
        ; push r13
        ; push r14
        ; push r15
        ; mov r15, rdi
        ; push QWORD [r15 + ENTRY_SP]          // previous entry record (rsp = rbp - 48, 16-aligned)
        ; mov [r15 + ENTRY_SP], rsp
        // The caller's GC mode, restored on the way out, also on the abort
        // path: it lives in RBX, which JIT-compiled code never uses (see
        // jit/src/codegen/mod.rs) and Rust code preserves (callee-saved).
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
        ; lea rsp, [rbp - THUNK_SAVE]
        ; mov [r15 + GC_MODE], ebx
        ; pop QWORD [r15 + ENTRY_SP]
        ; pop r15
        ; pop r14
        ; pop r13
        ; pop r12
        ; pop rbx
        ; pop rbp
        ; ret
    );
    let abort_offset = ops.offset().0;
    dynasm!(ops
        ; .arch x64
        // Abort: back to the innermost entry record, return 0 from its thunk.
        ; mov rsp, [r15 + ENTRY_SP]
        ; lea rbp, [rsp + THUNK_SAVE]
        ; xor eax, eax
        ; jmp =>done
    );
    let thunk = publish(heap, ops, base, "call thunk")?;
    Ok((thunk, thunk + abort_offset))
}

fn emit_prestub(heap: &CodeHeap, worker: usize, abort: usize) -> Result<usize, CodeHeapError> {
    let base = heap.method_base();
    let mut ops: VecAssembler<X64Relocation> = VecAssembler::new(base);
    let failed = ops.new_dynamic_label();
    dynasm!(ops
        ; .arch x64
        ; push rbp
        ; mov rbp, rsp
        ; push rcx
        ; push rdx
        ; push rsi
        ; push rdi
        ; sub rsp, PRESTUB_FRAME_SIZE
    );
    link_frame(&mut ops, FrameKind::Prestub, true);
    dynasm!(ops
        ; .arch x64
        ; mov QWORD [rsp + fo::SIZE as i32], 0
        ; mov QWORD [rsp + fo::SIZE as i32 + 8], 0
        ; mov rdi, r15
        ; mov rsi, r10
        ; mov rax, QWORD worker as i64
        ; call rax
    );
    unlink_frame(&mut ops);
    dynasm!(ops
        ; .arch x64
        ; add rsp, PRESTUB_FRAME_SIZE
        ; pop rdi
        ; pop rsi
        ; pop rdx
        ; pop rcx
        ; pop rbp
        ; test rax, rax
        ; jz =>failed
        ; jmp rax
        ; =>failed
        ; mov rax, QWORD abort as i64
        ; jmp rax
    );
    publish(heap, ops, base, "prestub")
}

fn emit_gc_poll(heap: &CodeHeap, worker: usize) -> Result<usize, CodeHeapError> {
    let base = heap.method_base();
    let mut ops: VecAssembler<X64Relocation> = VecAssembler::new(base);
    const XMM_AREA: i32 = 16 * 16 + 8;
    dynasm!(ops
        ; .arch x64
        ; push rbp
        ; mov rbp, rsp
        ; push rax
        ; push rcx
        ; push rdx
        ; push rsi
        ; push rdi
        ; push r8
        ; push r9
        ; push r10
        ; push r11
        ; sub rsp, XMM_AREA
    );
    for i in 0..16u8 {
        let off = i as i32 * 16;
        dynasm!(ops ; .arch x64 ; movdqu [rsp + off], Rx(i));
    }
    dynasm!(ops ; .arch x64 ; sub rsp, fo::SIZE as i32);
    link_frame(&mut ops, FrameKind::HelperCall, false);
    dynasm!(ops
        ; .arch x64
        ; mov rdi, r15
        ; mov rax, QWORD worker as i64
        ; call rax
    );
    unlink_frame(&mut ops);
    dynasm!(ops ; .arch x64 ; add rsp, fo::SIZE as i32);
    for i in 0..16u8 {
        let off = i as i32 * 16;
        dynasm!(ops ; .arch x64 ; movdqu Rx(i), [rsp + off]);
    }
    dynasm!(ops
        ; .arch x64
        ; add rsp, XMM_AREA
        ; pop r11
        ; pop r10
        ; pop r9
        ; pop r8
        ; pop rdi
        ; pop rsi
        ; pop rdx
        ; pop rcx
        ; pop rax
        ; pop rbp
        ; ret
    );
    publish(heap, ops, base, "gc poll")
}

/// Fills and links a transition frame at [rsp], describing the managed
/// caller of the stub whose RBP is set up (`push rbp; mov rbp, rsp` at
/// entry). Uses RAX only. `method_in_r10`: record R10 (the prestub's method).
fn link_frame(ops: &mut VecAssembler<X64Relocation>, kind: FrameKind, method_in_r10: bool) {
    dynasm!(ops
        ; .arch x64
        ; mov rax, [r15 + FRAME_HEAD]
        ; mov [rsp + fo::PREV], rax
        ; mov rax, QWORD kind as u64 as i64
        ; mov [rsp + fo::KIND], rax
        ; mov rax, [rbp + 8]
        ; mov [rsp + fo::RETURN_ADDRESS], rax
        ; lea rax, [rbp + 16]
        ; mov [rsp + fo::RSP], rax
        ; mov rax, [rbp]
        ; mov [rsp + fo::RBP], rax
        ; mov [r15 + FRAME_HEAD], rsp
    );
    if method_in_r10 {
        dynasm!(ops ; .arch x64 ; mov [rsp + fo::METHOD], r10);
    } else {
        dynasm!(ops ; .arch x64 ; mov QWORD [rsp + fo::METHOD], 0);
    }
}

/// Unlinks the frame at [rsp] (linked by `link_frame`). Uses R11 only.
fn unlink_frame(ops: &mut VecAssembler<X64Relocation>) {
    dynasm!(ops
        ; .arch x64
        ; mov r11, [rsp + fo::PREV]
        ; mov [r15 + FRAME_HEAD], r11
    );
}

fn emit_helper_wrapper(
    heap: &CodeHeap,
    worker: usize,
    abort: usize,
    never_returns: bool,
    frame: bool,
) -> Result<usize, CodeHeapError> {
    let base = heap.method_base();
    let mut ops: VecAssembler<X64Relocation> = VecAssembler::new(base);
    let go_abort = ops.new_dynamic_label();
    dynasm!(ops ; .arch x64 ; push rbp ; mov rbp, rsp);
    if frame {
        dynasm!(ops ; .arch x64 ; sub rsp, fo::SIZE as i32);
        link_frame(&mut ops, FrameKind::HelperCall, false);
    }
    dynasm!(ops
        ; .arch x64
        ; mov rax, QWORD worker as i64
        ; call rax
    );
    if frame {
        unlink_frame(&mut ops);
    }
    dynasm!(ops ; .arch x64 ; mov rsp, rbp ; pop rbp);
    if !never_returns {
        dynasm!(ops
            ; .arch x64
            ; cmp DWORD [r15 + ABORT_REQUESTED], 0
            ; jne =>go_abort
            ; ret
        );
    }
    dynasm!(ops
        ; .arch x64
        ; =>go_abort
        ; mov rcx, QWORD abort as i64
        ; jmp rcx
    );
    publish(heap, ops, base, "helper")
}

fn emit_interface_resolve(
    heap: &CodeHeap,
    worker: usize,
    abort: usize,
    this_in_rdx: bool,
) -> Result<usize, CodeHeapError> {
    let base = heap.method_base();
    let mut ops: VecAssembler<X64Relocation> = VecAssembler::new(base);
    let failed = ops.new_dynamic_label();
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
        ; cmp DWORD [r15 + ABORT_REQUESTED], 0
        ; jne =>failed
        ; jmp rax
        ; =>failed
        ; mov rcx, QWORD abort as i64
        ; jmp rcx
    );
    publish(heap, ops, base, "interface resolve")
}
