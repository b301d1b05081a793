//! Calls into native code: the System V argument assignment shared by
//! FCalls, helpers and P/Invokes, and the one P/Invoke transition.
//!
//! Every unmanaged call (a P/Invoke compiled inline at its call site, a
//! QCall, the native call inside an IL stub, `calli` with an unmanaged
//! signature) is [`Emitter::unmanaged_call`]:
//!
//! ```text
//!   [bind]   cell = 0?  -> Helper::PInvokeBind(thread, method)     (lazy binding, cooperative)
//!   [frame]  link a transition frame in this frame; gc_mode = 0      (skipped with SuppressGCTransition)
//!   [errno]  errno = 0                                               (SetLastError)
//!            arguments (System V), call, result saved
//!   [errno]  thread.last_error = errno                               (SetLastError)
//!   [frame]  gc_mode = 1 (xchg); poll the trap flag; unlink          (skipped with SuppressGCTransition)
//!            clear the string pins; raise what is pending
//! ```

use dynasmrt::{dynasm, DynamicLabel, DynasmApi, DynasmLabelApi};

use super::calls::AbiArg;
use super::{reg, Emitter, Entry, Loc};
use crate::host::{
    CallInfo, EightByte, Helper, MethodHandle, NativeArg, NativeRet, NativeStruct, NativeTarget,
    StructClass, UnmanagedCall,
};
use crate::types::JitType;

/// System V integer argument registers: RDI, RSI, RDX, RCX, R8, R9.
const SYSV_INT_REGS: [u8; 6] = [reg::RDI, reg::RSI, reg::RDX, reg::RCX, reg::R8, reg::R9];

/// What a System V call calls.
#[derive(Copy, Clone)]
pub(super) enum SysvCallee {
    /// A Rust function (FCall, helper): `mov rax, imm64; call rax`.
    Rust(usize),
    /// A native function at a fixed address: `mov r11, imm64; call r11`.
    Native(usize),
    /// The address in an 8-byte cell: `mov r11, cell; call [r11]`.
    Cell(usize),
    /// The address in an evaluation-stack entry (`calli`).
    Entry(Entry),
}

/// Where one argument goes.
#[derive(Copy, Clone)]
enum Place {
    /// A general register.
    Gpr(u8),
    /// An XMM register.
    Xmm(u8),
    /// Eightbyte `index` of a struct argument, into a general register.
    StructGpr(u8, i32),
    /// Eightbyte `index` of a struct argument, into an XMM register.
    StructXmm(u8, i32),
}

/// One stack-passed argument: a scalar, or a whole struct of `n` eightbytes.
#[derive(Copy, Clone)]
enum StackItem {
    Scalar(AbiArg),
    Struct(AbiArg, u32),
}

impl StackItem {
    fn eightbytes(&self) -> usize {
        match self {
            StackItem::Scalar(_) => 1,
            StackItem::Struct(_, n) => *n as usize,
        }
    }
}

/// Where the result of a System V call goes when it is a struct returned
/// in memory: the callee writes it to the buffer whose address is passed in
/// RDI.
#[derive(Copy, Clone)]
pub(super) enum RetBuffer {
    /// A frame slot (an rbp offset).
    Slot(i32),
    /// Native memory whose address is in an evaluation-stack entry.
    At(Entry),
}

/// The struct a by-value struct argument passes, if it is one.
fn struct_arg(marshal: NativeArg) -> Option<NativeStruct> {
    match marshal {
        NativeArg::Struct(ns) | NativeArg::StructAt(ns) => Some(ns),
        _ => None,
    }
}

/// The eightbytes of a struct passed in registers.
fn eightbytes(class: StructClass) -> Option<Vec<EightByte>> {
    match class {
        StructClass::Memory => None,
        StructClass::Registers { first, second } => {
            Some(std::iter::once(first).chain(second).collect())
        }
    }
}

impl Emitter<'_, '_> {
    /// Emits a System V call: assigns the arguments to registers and the
    /// stack (System V §3.2.3: integers and pointers in RDI, RSI, RDX, RCX,
    /// R8, R9; floats in XMM0-7; structs by their classification; the rest
    /// on the stack, right to left, padded to keep RSP 16-byte aligned),
    /// loads them, calls, binds `ret_label` to the return address, and pops
    /// the stack arguments. `pass_thread` puts R15 in RDI; `ret_buffer`
    /// passes its address in RDI as a hidden first argument. A struct
    /// argument's bytes are read from its slot ([`NativeArg::Struct`]) or
    /// through the address it holds ([`NativeArg::StructAt`]). The argument
    /// sources must not be in RAX/XMM0 (the caller spilled them).
    pub(super) fn emit_sysv_call(
        &mut self,
        args: &[AbiArg],
        pass_thread: bool,
        ret_buffer: Option<RetBuffer>,
        callee: SysvCallee,
        ret_label: DynamicLabel,
    ) {
        let mut gprs = SYSV_INT_REGS.iter().copied().peekable();
        let mut xmm_next = 0u8;
        if pass_thread || ret_buffer.is_some() {
            gprs.next(); // RDI carries the thread or the buffer
        }
        let mut stack: Vec<StackItem> = Vec::new();
        let mut places: Vec<(AbiArg, Place)> = Vec::new();
        for a in args {
            if let Some(NativeStruct { size, class }) = struct_arg(a.marshal) {
                let remaining_gprs = gprs.len();
                match eightbytes(class) {
                    Some(ebs)
                        if ebs.iter().filter(|e| **e == EightByte::Integer).count()
                            <= remaining_gprs
                            && ebs.iter().filter(|e| **e == EightByte::Sse).count()
                                <= (8 - xmm_next) as usize =>
                    {
                        for (i, eb) in ebs.iter().enumerate() {
                            let disp = 8 * i as i32;
                            match eb {
                                EightByte::Integer => {
                                    let r = gprs.next().expect("counted above");
                                    places.push((*a, Place::StructGpr(r, disp)));
                                }
                                EightByte::Sse => {
                                    places.push((*a, Place::StructXmm(xmm_next, disp)));
                                    xmm_next += 1;
                                }
                            }
                        }
                    }
                    _ => stack.push(StackItem::Struct(*a, size.div_ceil(8))),
                }
            } else if a.ty.is_float() {
                if xmm_next < 8 {
                    places.push((*a, Place::Xmm(xmm_next)));
                    xmm_next += 1;
                } else {
                    stack.push(StackItem::Scalar(*a));
                }
            } else if let Some(r) = gprs.next() {
                places.push((*a, Place::Gpr(r)));
            } else {
                stack.push(StackItem::Scalar(*a));
            }
        }
        let stack_slots: usize = stack.iter().map(StackItem::eightbytes).sum();
        let pad = stack_slots % 2 == 1;
        if pad {
            dynasm!(self.ops ; .arch x64 ; sub rsp, 8);
        }
        for item in stack.iter().rev() {
            match *item {
                StackItem::Scalar(a) if a.ty.is_float() => {
                    self.load_xmm_as(a.src, 15, a.ty.stack_kind());
                    dynasm!(self.ops ; .arch x64 ; movq r11, xmm15 ; push r11);
                }
                StackItem::Scalar(a) => {
                    self.load_native_value(a, reg::R11);
                    dynasm!(self.ops ; .arch x64 ; push r11);
                }
                StackItem::Struct(a, n) => {
                    let (base, at) = self.struct_bytes(a);
                    for i in (0..n as i32).rev() {
                        dynasm!(self.ops ; .arch x64 ; push QWORD [Rq(base) + at + 8 * i]);
                    }
                }
            }
        }
        for (a, place) in places {
            match place {
                Place::Gpr(r) => self.load_native_value(a, r),
                Place::Xmm(x) => self.load_xmm_as(a.src, x, a.ty.stack_kind()),
                Place::StructGpr(r, disp) => {
                    let (base, at) = self.struct_bytes(a);
                    dynasm!(self.ops ; .arch x64 ; mov Rq(r), [Rq(base) + at + disp]);
                }
                Place::StructXmm(x, disp) => {
                    let (base, at) = self.struct_bytes(a);
                    dynasm!(self.ops ; .arch x64 ; movq Rx(x), [Rq(base) + at + disp]);
                }
            }
        }
        if pass_thread {
            dynasm!(self.ops ; .arch x64 ; mov rdi, r15);
        }
        match ret_buffer {
            Some(RetBuffer::Slot(buf)) => dynasm!(self.ops ; .arch x64 ; lea rdi, [rbp + buf]),
            Some(RetBuffer::At(e)) => self.load_gpr(e, reg::RDI),
            None => {}
        }
        match callee {
            SysvCallee::Rust(address) => {
                dynasm!(self.ops ; .arch x64 ; mov rax, QWORD address as i64 ; call rax ; =>ret_label)
            }
            // AL holds the number of vector registers used, which a variadic
            // callee reads (System V §3.5.7); others ignore it.
            SysvCallee::Native(address) => dynasm!(self.ops
                ; .arch x64
                ; mov r11, QWORD address as i64
                ; mov eax, xmm_next as i32
                ; call r11
                ; =>ret_label
            ),
            SysvCallee::Cell(cell) => dynasm!(self.ops
                ; .arch x64
                ; mov r11, QWORD cell as i64
                ; mov eax, xmm_next as i32
                ; call QWORD [r11]
                ; =>ret_label
            ),
            SysvCallee::Entry(e) => {
                self.load_gpr(e, reg::R11);
                dynasm!(self.ops ; .arch x64 ; mov eax, xmm_next as i32 ; call r11 ; =>ret_label);
            }
        }
        let cleanup = 8 * stack_slots as i32 + if pad { 8 } else { 0 };
        if cleanup > 0 {
            dynasm!(self.ops ; .arch x64 ; add rsp, cleanup);
        }
    }

    /// Where a by-value struct argument's bytes start: (base register,
    /// displacement). A struct in its slot is `rbp + slot`; a struct behind
    /// an address ([`NativeArg::StructAt`]) is read through R11, loaded
    /// here (R11 is never an argument register).
    fn struct_bytes(&mut self, a: AbiArg) -> (u8, i32) {
        match a.marshal {
            NativeArg::StructAt(_) => {
                self.load_gpr(a.src, reg::R11);
                (reg::R11, 0)
            }
            _ => (reg::RBP, self.slot(a.src.depth, a.src.kind)),
        }
    }

    /// Loads a native call's scalar argument into `r`, marshaling what
    /// [`NativeArg`] asks for.
    pub(super) fn load_native_value(&mut self, a: AbiArg, r: u8) {
        match (a.marshal, a.pin) {
            (NativeArg::PinnedString, Some(pin)) => {
                // Keep the string in a pinned slot for the call; pass its characters.
                let data = self.rt.string_data_offset;
                let skip = self.ops.new_dynamic_label();
                self.load_gpr(a.src, r);
                dynasm!(self.ops
                    ; .arch x64
                    ; mov [rbp + pin], Rq(r)
                    ; test Rq(r), Rq(r)
                    ; jz =>skip
                    ; add Rq(r), data
                    ; =>skip
                );
            }
            (NativeArg::Bool, _) => {
                self.load_gpr(a.src, r);
                dynasm!(self.ops ; .arch x64 ; test Rd(r), Rd(r) ; setne Rb(r) ; movzx Rd(r), Rb(r));
            }
            _ => self.load_abi_value(a, r),
        }
    }

    /// An unmanaged call: `args` are the entries of `info.sig`'s parameters
    /// (deepest first), `fnptr` the function pointer of a `calli`. Pushes
    /// the result.
    pub(super) fn unmanaged_call(
        &mut self,
        info: &CallInfo,
        call: &UnmanagedCall,
        args: &[Entry],
        fnptr: Option<Entry>,
        depth_after: u16,
    ) {
        let mut pins = self.frame.pin_slots.clone().into_iter();
        // Sources must not be in RAX/XMM0: the sequence below uses them.
        let abi: Vec<AbiArg> = self
            .abi_args(&info.sig, args)
            .into_iter()
            .zip(
                call.args
                    .iter()
                    .copied()
                    .chain(std::iter::repeat(NativeArg::Direct)),
            )
            .map(|(a, m)| AbiArg {
                src: self.spill_entry(a.src),
                marshal: m,
                pin: if m == NativeArg::PinnedString {
                    pins.next()
                } else {
                    None
                },
                ..a
            })
            .collect();
        // A struct argument is read from its slot.
        for a in &abi {
            if matches!(a.marshal, NativeArg::Struct(_)) && a.src.loc != Loc::Slot {
                self.store_entry_to_slot(a.src);
            }
        }
        let mut abi: Vec<AbiArg> = abi
            .into_iter()
            .map(|a| match a.marshal {
                NativeArg::Struct(_) => AbiArg {
                    src: Entry {
                        loc: Loc::Slot,
                        ..a.src
                    },
                    ..a
                },
                _ => a,
            })
            .collect();
        // A struct result into native memory: the last argument is the
        // buffer's address, not an argument of the callee.
        let result_at = match call.ret {
            NativeRet::StructTo(_) => Some(abi.pop().expect("the buffer's address").src),
            _ => None,
        };
        let fnptr = fnptr.map(|e| self.spill_entry(e));
        let callee = match call.target {
            NativeTarget::Address(a) => SysvCallee::Native(a),
            NativeTarget::Cell { cell } => {
                self.bind_check(cell, info.method);
                SysvCallee::Cell(cell)
            }
            NativeTarget::Stack => {
                SysvCallee::Entry(fnptr.expect("the importer pops calli's function pointer"))
            }
        };
        let ret_label = self.ops.new_dynamic_label();
        if !call.suppress_gc_transition {
            self.link_transition_frame(info.method, ret_label);
        }
        if call.set_last_error {
            let [_, set] = self.rt.last_error_entries;
            dynasm!(self.ops ; .arch x64 ; xor edi, edi ; mov rax, QWORD set as i64 ; call rax);
        }
        let result_kind = info.sig.ret.stack_kind();
        let result_slot = match call.ret {
            NativeRet::Struct(_) => Some(self.slot(depth_after, result_kind)),
            _ => None,
        };
        let ret_buffer = match call.ret {
            NativeRet::Struct(NativeStruct {
                class: StructClass::Memory,
                ..
            }) => result_slot.map(RetBuffer::Slot),
            NativeRet::StructTo(NativeStruct {
                class: StructClass::Memory,
                ..
            }) => result_at.map(RetBuffer::At),
            _ => None,
        };
        self.emit_sysv_call(&abi, false, ret_buffer, callee, ret_label);
        match (call.ret, result_slot, result_at) {
            (NativeRet::Struct(ns), Some(slot), _) => self.store_struct_result(ns, reg::RBP, slot),
            (NativeRet::StructTo(ns), _, Some(at)) => {
                // R11 is scratch here: the result registers stay intact.
                self.load_gpr(at, reg::R11);
                self.store_struct_result(ns, reg::R11, 0);
            }
            _ => {}
        }
        if call.set_last_error {
            self.save_last_error();
        }
        if !call.suppress_gc_transition {
            self.unlink_transition_frame();
        }
        for pin in self.frame.pin_slots.clone() {
            dynasm!(self.ops ; .arch x64 ; mov QWORD [rbp + pin], 0);
        }
        self.check_pending();
        match call.ret {
            NativeRet::Struct(_) => self.push(result_kind, Loc::Slot),
            NativeRet::StructTo(_) => {}
            NativeRet::Bool { one_byte } => {
                if one_byte {
                    dynasm!(self.ops ; .arch x64 ; test al, al ; setne al ; movzx eax, al);
                } else {
                    dynasm!(self.ops ; .arch x64 ; test eax, eax ; setne al ; movzx eax, al);
                }
                self.push(result_kind, Loc::Reg);
            }
            NativeRet::Direct => {
                if info.sig.ret != JitType::Void {
                    // System V leaves the upper bits of small results undefined.
                    self.normalize_small(info.sig.ret, reg::RAX);
                    self.push(result_kind, Loc::Reg);
                }
            }
        }
    }

    /// Lazy binding: while the cell is 0, call [`Helper::PInvokeBind`]
    /// (which fills it or raises). Runs in cooperative mode, before the
    /// transition, with nothing live in registers.
    fn bind_check(&mut self, cell: usize, method: MethodHandle) {
        let bound = self.ops.new_dynamic_label();
        dynasm!(self.ops
            ; .arch x64
            ; mov rax, QWORD cell as i64
            ; cmp QWORD [rax], 0
            ; jne =>bound
            ; mov rdi, r15
            ; mov rsi, QWORD method.0 as i64
        );
        self.call_helper(Helper::PInvokeBind);
        dynasm!(self.ops ; .arch x64 ; =>bound);
    }

    /// Stores a struct result that came back in registers to `[base + at]`
    /// (its slot, or native memory; a result in memory is already there:
    /// RDI pointed at it). INTEGER eightbytes come in RAX then RDX, SSE ones
    /// in XMM0 then XMM1.
    fn store_struct_result(&mut self, ns: NativeStruct, base: u8, slot: i32) {
        let Some(ebs) = eightbytes(ns.class) else {
            return;
        };
        let (mut gpr, mut xmm) = (0, 0);
        for (i, eb) in ebs.iter().enumerate() {
            let disp = 8 * i as i32;
            match (eb, gpr, xmm) {
                (EightByte::Integer, 0, _) => {
                    dynasm!(self.ops ; .arch x64 ; mov [Rq(base) + slot + disp], rax);
                    gpr += 1;
                }
                (EightByte::Integer, _, _) => {
                    dynasm!(self.ops ; .arch x64 ; mov [Rq(base) + slot + disp], rdx);
                }
                (EightByte::Sse, _, 0) => {
                    dynasm!(self.ops ; .arch x64 ; movq [Rq(base) + slot + disp], xmm0);
                    xmm += 1;
                }
                (EightByte::Sse, _, _) => {
                    dynasm!(self.ops ; .arch x64 ; movq [Rq(base) + slot + disp], xmm1);
                }
            }
        }
    }

    /// `SetLastError`: saves `errno` in the thread right after the call,
    /// preserving the result registers (RAX, RDX, XMM0, XMM1) in the
    /// scratch area after the transition frame.
    fn save_last_error(&mut self) {
        let f = self
            .frame
            .transition
            .expect("frame::layout reserves it for methods with P/Invokes");
        let s = f + self.rt.transition_frame.size as i32;
        let [get, _] = self.rt.last_error_entries;
        let off = self.rt.thread_last_error_offset;
        dynasm!(self.ops
            ; .arch x64
            ; mov [rbp + s], rax
            ; mov [rbp + s + 8], rdx
            ; movq [rbp + s + 16], xmm0
            ; movq [rbp + s + 24], xmm1
            ; mov rax, QWORD get as i64
            ; call rax
            ; mov [r15 + off], eax
            ; mov rax, [rbp + s]
            ; mov rdx, [rbp + s + 8]
            ; movq xmm0, [rbp + s + 16]
            ; movq xmm1, [rbp + s + 24]
        );
    }

    /// Links the transition frame and switches the thread to preemptive
    /// mode. Uses RAX only.
    fn link_transition_frame(&mut self, method: MethodHandle, ret_label: DynamicLabel) {
        let f = self
            .frame
            .transition
            .expect("frame::layout reserves it for methods with P/Invokes");
        let l = self.rt.transition_frame.clone();
        let head = self.rt.thread_frame_head_offset;
        let mode = self.rt.thread_gc_mode_offset;
        dynasm!(self.ops
            ; .arch x64
            ; mov rax, [r15 + head]
            ; mov [rbp + f + l.prev], rax
            ; mov rax, QWORD l.pinvoke_kind as i64
            ; mov [rbp + f + l.kind], rax
            ; mov rax, QWORD method.0 as i64
            ; mov [rbp + f + l.method], rax
            ; lea rax, [=>ret_label]
            ; mov [rbp + f + l.return_address], rax
            ; mov [rbp + f + l.rsp], rsp
            ; mov [rbp + f + l.rbp], rbp
            ; mov QWORD [rbp + f + l.regs], 0
            ; lea rax, [rbp + f]
            ; mov [r15 + head], rax
            ; mov DWORD [r15 + mode], 0
        );
    }

    /// After the call: back to cooperative mode, wait out a pending GC or
    /// suspension, unlink the frame. Preserves RAX, RDX, XMM0 and XMM1.
    fn unlink_transition_frame(&mut self) {
        let f = self.frame.transition.expect("reserved");
        let prev = self.rt.transition_frame.prev;
        let head = self.rt.thread_frame_head_offset;
        let mode = self.rt.thread_gc_mode_offset;
        // xchg, not mov: the mode store must be visible before the trap
        // flag is read (a collector sets the flag, then reads the mode).
        dynasm!(self.ops ; .arch x64 ; mov ecx, 1 ; xchg [r15 + mode], ecx);
        self.poll();
        dynasm!(self.ops
            ; .arch x64
            ; mov rcx, [rbp + f + prev]
            ; mov [r15 + head], rcx
        );
    }

    /// `calli`: an unmanaged signature goes through the transition; a
    /// managed one is a fastcall64 call through the pointer.
    pub(crate) fn calli(&mut self, info: &CallInfo) {
        let fnptr = self.pop();
        let args = self.pop_n(info.sig.pop_count());
        self.spill_reg();
        let depth_after = self.stack.len() as u16;
        // A struct result's temporary sits above the arguments and the
        // function pointer (the importer reserves it there).
        let depth_before = depth_after + args.len() as u16 + 1;
        match &info.target {
            crate::host::CallTarget::PInvoke(call) => {
                self.unmanaged_call(info, call, &args, Some(fnptr), depth_after)
            }
            _ => {
                let fnptr = self.spill_entry(fnptr);
                let args: Vec<Entry> = args.into_iter().map(|a| self.spill_entry(a)).collect();
                self.managed_call_through(info, &args, fnptr, depth_after, depth_before);
            }
        }
    }
}
