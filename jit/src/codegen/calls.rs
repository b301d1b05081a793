//! Calls: managed-to-managed (fastcall64), FCalls (System V), `newobj`.
//! (The System V argument assignment and the P/Invoke transition are in
//! `pinvoke.rs`.)
//!
//! fastcall64 (docs/design.md §2): argument 0 in RCX, argument 1 in RDX, the
//! rest pushed right to left, popped by the callee (`ret imm16`); structs over
//! 8 bytes by pointer to a caller-made copy; struct results over 8 bytes
//! through a hidden buffer passed as argument 0; RSP 16-byte aligned at the
//! call. The caller pads with 8 bytes when it pushes an odd number of
//! arguments.

use dynasmrt::{dynasm, DynasmApi, DynasmLabelApi};

use super::generic::Src;
use super::pinvoke::SysvCallee;
use super::{reg, Emitter, Entry, Loc};
use crate::error::JitError;
use crate::frame::{passed_by_pointer, returned_by_buffer};
use crate::host::{
    CallInfo, CallSig, CallTarget, ExactType, Helper, NativeArg, NewObjectInfo, RtValue, ThisKind,
    ThrowKind,
};
use crate::ops::ThisFixup;
use crate::types::{JitType, StackKind};

/// One argument as the ABI sees it: a source entry and the parameter type it
/// must be converted to.
#[derive(Copy, Clone)]
pub(super) struct AbiArg {
    pub src: Entry,
    pub ty: JitType,
    /// Native-call marshaling (Direct for everything else).
    pub marshal: NativeArg,
    /// For pinned strings: the slot that pins it during the call.
    pub pin: Option<i32>,
}

/// What surrounds an FCall.
#[derive(Copy, Clone)]
enum NativeSite {
    /// A plain FCall or helper call.
    Plain,
    /// An FCall that may erect a helper frame: record the call site first.
    HelperFrame,
}

/// What a managed call calls.
#[derive(Copy, Clone)]
enum Callee<'a> {
    /// A target the host resolved.
    Target(&'a CallTarget),
    /// The code address stored at `offset` in the object whose reference is
    /// in the frame slot `slot` (a delegate's method pointer).
    Indirect { slot: i32, offset: i32 },
    /// The code address in an evaluation-stack entry (`calli`).
    Pointer(Entry),
    /// The code address in the frame slot `slot`.
    InSlot { slot: i32 },
}

impl Emitter<'_, '_> {
    pub(crate) fn call(
        &mut self,
        info: &CallInfo,
        virt: bool,
        this_fixup: Option<ThisFixup>,
    ) -> Result<(), JitError> {
        let args = self.pop_n(info.sig.pop_count());
        // The call clobbers RAX/XMM0: nothing else may stay there. Arguments in
        // a register are written to their slots too when a helper runs first
        // or a `constrained.` fix-up of `this` uses RAX before the call.
        self.spill_reg();
        let uses_rax_first = info.class_init.is_some()
            // Both fix-ups use RAX, where the last argument may be cached.
            || this_fixup.is_some()
            || matches!(
                info.target,
                CallTarget::GenericVirtual { .. } | CallTarget::ManagedLookup { .. }
            );
        let mut args: Vec<Entry> = if uses_rax_first {
            args.into_iter().map(|a| self.spill_entry(a)).collect()
        } else {
            args
        };
        if let Some(check) = info.class_init {
            self.class_init_check(check);
        }
        let depth_after = self.stack.len() as u16;
        let depth_before = depth_after + args.len() as u16;
        if let Some(fixup) = this_fixup {
            args[0] = self.fix_up_this(args[0], fixup, depth_before);
        }
        let abi_args = self.abi_args(&info.sig, &args);
        match &info.target {
            CallTarget::FCall { .. } => {
                self.call_fcall(&abi_args, &info.target);
                self.push_result(&info.sig, depth_after, depth_before, true);
            }
            CallTarget::ArrayAccessor {
                kind,
                rank,
                element,
                exact,
            } => {
                self.md_array_access(&args, *kind, *rank, *element, *exact);
            }
            CallTarget::PInvoke(call) => {
                self.unmanaged_call(info, call, &args, None, depth_after);
            }
            CallTarget::DelegateInvoke => {
                self.delegate_invoke(&info.sig, &args, depth_after, depth_before);
            }
            CallTarget::Intrinsic(kind) => {
                self.intrinsic(*kind, &args);
                self.push_result(&info.sig, depth_after, depth_before, false);
            }
            CallTarget::GenericVirtual { method } => {
                // The override's entry, resolved against `this` (the helper
                // raises NullReferenceException for null) into the slot the
                // importer reserved above the arguments.
                let entry = self.slot(depth_before, StackKind::I);
                let method = self.rt_value(*method);
                self.load_gpr(args[0], reg::RDI);
                self.mov_src(reg::RSI, method);
                dynasm!(self.ops ; .arch x64 ; mov rdx, r15);
                self.call_helper(Helper::ResolveVirtualCall);
                dynasm!(self.ops ; .arch x64 ; mov [rbp + entry], rax);
                let ret_buf = self.ret_buffer(&info.sig, depth_before);
                self.call_managed(&abi_args, ret_buf, false, Callee::InSlot { slot: entry });
                self.push_result(&info.sig, depth_after, depth_before, false);
            }
            target => {
                let ret_buf = self.ret_buffer(&info.sig, depth_before);
                let null_check_this = virt || matches!(target, CallTarget::Virtual { .. });
                let callee = self.callee_of(target);
                self.call_managed(&abi_args, ret_buf, null_check_this, callee);
                self.push_result(&info.sig, depth_after, depth_before, false);
            }
        }
        Ok(())
    }

    /// `Invoke` of a delegate, inline: for each delegate of the invocation
    /// list (or the delegate alone), call its method pointer, passing its
    /// target as `this` or, for a static method (null target), no `this`.
    /// The loop state lives in GC-reported frame slots, and the arguments
    /// stay in their evaluation-stack slots, so every call sees them even
    /// after a collection moved objects. The result is the last call's.
    ///
    /// (A struct argument over 8 bytes is passed by pointer to its stack
    /// slot; a target that assigns to such a parameter changes what later
    /// targets of the same invocation receive.)
    fn delegate_invoke(
        &mut self,
        sig: &CallSig,
        args: &[Entry],
        depth_after: u16,
        depth_before: u16,
    ) {
        let t = self
            .frame
            .delegate_temps
            .expect("frame::layout reserves them for methods that invoke delegates");
        let d = self.rt.delegate;
        let data = self.rt.array_data_offset;
        let args: Vec<Entry> = args.iter().map(|a| self.spill_entry(*a)).collect();
        let ret_buf = self.ret_buffer(sig, depth_before);
        let (lp, single, dispatch, open_static, next) = (
            self.ops.new_dynamic_label(),
            self.ops.new_dynamic_label(),
            self.ops.new_dynamic_label(),
            self.ops.new_dynamic_label(),
            self.ops.new_dynamic_label(),
        );
        self.load_object(args[0], reg::RAX);
        dynasm!(self.ops
            ; .arch x64
            ; mov [rbp + t.current], rax
            ; mov rcx, [rax + d.invocation_list]
            ; mov [rbp + t.list], rcx
            ; test rcx, rcx
            ; jz =>single
            ; mov rcx, [rax + d.invocation_count]
            ; mov [rbp + t.count], rcx
            ; mov QWORD [rbp + t.index], 0
            ; =>lp
            ; mov rax, [rbp + t.list]
            ; mov rcx, [rbp + t.index]
            ; mov rax, [rax + rcx * 8 + data]
            ; mov [rbp + t.current], rax
            ; add QWORD [rbp + t.index], 1
            ; jmp =>dispatch
            ; =>single
            ; mov QWORD [rbp + t.index], 0
            ; mov QWORD [rbp + t.count], 0
            ; =>dispatch
            ; mov rax, [rbp + t.current]
            ; mov rcx, [rax + d.target]
            ; mov [rbp + t.target], rcx
            ; test rcx, rcx
            ; jz =>open_static
        );
        let callee = Callee::Indirect {
            slot: t.current,
            offset: d.method_ptr,
        };
        // A method with `this`: the target takes the delegate's place.
        let this = Entry {
            kind: StackKind::Ref,
            loc: Loc::Var {
                offset: t.target,
                ty: JitType::Ref,
            },
            depth: args[0].depth,
        };
        let mut with_this = vec![this];
        with_this.extend_from_slice(&args[1..]);
        let abi = self.abi_args(sig, &with_this);
        self.call_managed(&abi, ret_buf, false, callee);
        dynasm!(self.ops ; .arch x64 ; jmp =>next ; =>open_static);
        let static_sig = CallSig {
            this: None,
            ..sig.clone()
        };
        let abi = self.abi_args(&static_sig, &args[1..]);
        self.call_managed(&abi, ret_buf, false, callee);
        dynasm!(self.ops
            ; .arch x64
            ; =>next
            ; mov rcx, [rbp + t.index]
            ; cmp rcx, [rbp + t.count]
            ; jb =>lp
        );
        self.push_result(sig, depth_after, depth_before, false);
    }

    /// `ldvirtftn`: the function pointer of the override a virtual call
    /// would run on the object.
    pub(crate) fn ld_virt_ftn(&mut self, method: RtValue) {
        let obj = self.pop();
        self.spill_reg();
        let obj = self.spill_entry(obj);
        let method = self.rt_value(method);
        self.load_gpr(obj, reg::RDI);
        self.mov_src(reg::RSI, method);
        dynasm!(self.ops ; .arch x64 ; mov rdx, r15);
        self.call_helper(Helper::LdVirtFtn);
        self.push(StackKind::I, Loc::Reg);
    }

    pub(crate) fn new_obj(&mut self, info: &CallInfo) -> Result<(), JitError> {
        if info.new_object == Some(NewObjectInfo::Factory) {
            // A static factory taking the constructor's arguments.
            return self.call(info, false, None);
        }
        if let Some(NewObjectInfo::MdArray { handle, .. }) = info.new_object {
            self.new_md_array(handle, info.sig.params.len());
            return Ok(());
        }
        let params = self.pop_n(info.sig.params.len());
        self.spill_reg();
        // Helpers run before the constructor: every argument goes to its slot.
        let params: Vec<Entry> = params.into_iter().map(|a| self.spill_entry(a)).collect();
        if let Some(check) = info.class_init {
            self.class_init_check(check);
        }
        let depth_after = self.stack.len() as u16;
        let depth_temp = depth_after + params.len() as u16;
        let new_object = info
            .new_object
            .clone()
            .expect("the importer checked newobj targets");
        if let NewObjectInfo::Delegate { handle } = new_object {
            // Allocate, then let the runtime fill in target and method.
            let temp = self.alloc_object_to_slot(handle, depth_temp);
            self.load_gpr(params[0], reg::RDX);
            self.load_gpr64(params[1], reg::RCX, false);
            dynasm!(self.ops ; .arch x64 ; mov rdi, r15 ; mov rsi, [rbp + temp]);
            self.call_helper(Helper::DelegateCtor);
            self.push(StackKind::Ref, Loc::Reg);
            dynasm!(self.ops ; .arch x64 ; mov rax, [rbp + temp]);
            return Ok(());
        }
        let (this, result_kind) = match new_object {
            NewObjectInfo::Object { handle } => {
                let temp = self.alloc_object_to_slot(handle, depth_temp);
                let this = Entry {
                    kind: StackKind::Ref,
                    loc: Loc::Var {
                        offset: temp,
                        ty: JitType::Ref,
                    },
                    depth: depth_temp,
                };
                (this, StackKind::Ref)
            }
            NewObjectInfo::Factory
            | NewObjectInfo::MdArray { .. }
            | NewObjectInfo::Delegate { .. } => {
                unreachable!("handled above")
            }
            NewObjectInfo::Value { handle } => {
                let kind = StackKind::Struct(handle);
                let temp = self.slot(depth_temp, kind);
                let size = self.layouts.slot_size(JitType::Struct(handle));
                dynasm!(self.ops ; .arch x64 ; xorps xmm0, xmm0);
                let mut off = 0;
                while off < size as i32 {
                    dynasm!(self.ops ; .arch x64 ; movq QWORD [rbp + temp + off], xmm0);
                    off += 8;
                }
                let this = Entry {
                    kind: StackKind::ByRef,
                    loc: Loc::FrameAddr(temp),
                    depth: depth_temp,
                };
                (this, kind)
            }
        };
        let mut all = Vec::with_capacity(params.len() + 1);
        all.push(this);
        all.extend(params);
        let sig = CallSig {
            this: Some(if matches!(result_kind, StackKind::Ref) {
                ThisKind::Ref
            } else {
                ThisKind::ByRef
            }),
            params: info.sig.params.clone(),
            ret: JitType::Void,
        };
        let abi_args = self.abi_args(&sig, &all);
        match &info.target {
            CallTarget::FCall { .. } => self.call_fcall(&abi_args, &info.target),
            CallTarget::PInvoke(_) => {
                unreachable!("P/Invokes are static methods, never constructors")
            }
            target => {
                let callee = self.callee_of(target);
                self.call_managed(&abi_args, None, false, callee)
            }
        }
        // The new object (or value) becomes the result at depth_after.
        match result_kind {
            StackKind::Struct(h) => {
                let from = self.slot(depth_temp, result_kind);
                let to = self.slot(depth_after, result_kind);
                let size = self.layouts.slot_size(JitType::Struct(h));
                self.push(result_kind, Loc::Slot);
                self.copy_mem(reg::RBP, to, reg::RBP, from, size);
            }
            _ => {
                let temp = self.slot(depth_temp, StackKind::Ref);
                self.push(StackKind::Ref, Loc::Reg);
                dynasm!(self.ops ; .arch x64 ; mov rax, [rbp + temp]);
            }
        }
        Ok(())
    }

    /// Allocates an instance of `handle` into the reference slot at `depth`
    /// (GC-reported, so it survives the constructor call); returns the slot.
    fn alloc_object_to_slot(&mut self, handle: ExactType, depth: u16) -> i32 {
        let temp = self.slot(depth, StackKind::Ref);
        let mt = self.rt_value(handle.exact);
        self.alloc_object(handle.canonical, mt);
        dynasm!(self.ops ; .arch x64 ; mov [rbp + temp], rax);
        temp
    }

    /// `constrained.` calls: turn the managed pointer `this` into an object
    /// reference in the slot at `temp_depth` (reserved by the importer).
    fn fix_up_this(&mut self, this: Entry, fixup: ThisFixup, temp_depth: u16) -> Entry {
        let temp = self.slot(temp_depth, StackKind::Ref);
        match fixup {
            ThisFixup::Deref => {
                // Through R11: the last argument may still be in RAX.
                self.load_gpr(this, reg::R11);
                dynasm!(self.ops ; .arch x64 ; mov r11, [r11] ; mov [rbp + temp], r11);
            }
            ThisFixup::Box(handle, ty) => {
                // The pointer stays in its (GC-reported) slot across the allocation.
                let this = self.spill_entry(this);
                self.store_entry_to_slot(this);
                let mt = self.rt_value(handle.exact);
                self.alloc_object(handle.canonical, mt);
                dynasm!(self.ops ; .arch x64 ; mov [rbp + temp], rax);
                let ptr = Entry {
                    loc: Loc::Slot,
                    ..this
                };
                self.load_gpr(ptr, reg::RCX);
                let size = self.layouts.size_of(ty);
                self.copy_mem(reg::RAX, 8, reg::RCX, 0, size);
            }
        }
        Entry {
            kind: StackKind::Ref,
            loc: Loc::Var {
                offset: temp,
                ty: JitType::Ref,
            },
            depth: temp_depth,
        }
    }

    /// Calls an FCall target with the site it asks for, then raises what it
    /// left pending if it may throw.
    fn call_fcall(&mut self, abi_args: &[AbiArg], target: &CallTarget) {
        let CallTarget::FCall {
            address,
            pass_thread,
            may_throw,
            helper_frame,
        } = *target
        else {
            unreachable!("only FCall targets come here")
        };
        let site = if helper_frame {
            NativeSite::HelperFrame
        } else {
            NativeSite::Plain
        };
        self.call_native(abi_args, address, pass_thread, site);
        if may_throw {
            self.check_pending();
        }
    }

    /// After an FCall that may throw: raise the exception it left pending.
    pub(super) fn check_pending(&mut self) {
        let off = self.rt.thread_pending_offset;
        let raise = self.pending_label();
        dynasm!(self.ops ; .arch x64 ; cmp DWORD [r15 + off], 0 ; jne =>raise);
    }

    /// Pairs each argument entry with its parameter type.
    pub(super) fn abi_args(&self, sig: &CallSig, args: &[Entry]) -> Vec<AbiArg> {
        let mut out = Vec::with_capacity(args.len());
        let mut it = args.iter();
        if let Some(this) = sig.this {
            let src = *it.next().expect("the importer counted arguments");
            let ty = match this {
                ThisKind::Ref => JitType::Ref,
                ThisKind::ByRef => JitType::ByRef,
            };
            out.push(AbiArg {
                src,
                ty,
                marshal: NativeArg::Direct,
                pin: None,
            });
        }
        for (src, ty) in it.zip(&sig.params) {
            out.push(AbiArg {
                src: *src,
                ty: *ty,
                marshal: NativeArg::Direct,
                pin: None,
            });
        }
        out
    }

    /// For a struct result over 8 bytes: the temporary slot receiving it.
    fn ret_buffer(&mut self, sig: &CallSig, depth_before: u16) -> Option<i32> {
        if returned_by_buffer(sig.ret, &mut self.layouts) {
            Some(self.slot(depth_before, sig.ret.stack_kind()))
        } else {
            None
        }
    }

    /// Loads the 8-byte ABI value of `arg` into general register `r`.
    pub(super) fn load_abi_value(&mut self, arg: AbiArg, r: u8) {
        let AbiArg { src, ty, .. } = arg;
        match ty {
            JitType::Struct(_) if passed_by_pointer(ty, &mut self.layouts) => {
                let slot = self.slot(src.depth, src.kind);
                dynasm!(self.ops ; .arch x64 ; lea Rq(r), [rbp + slot]);
            }
            JitType::R4 | JitType::R8 => {
                if src.kind == ty.stack_kind() {
                    self.load_gpr(src, r);
                } else {
                    self.load_xmm_as(src, 15, ty.stack_kind());
                    if ty == JitType::R4 {
                        dynasm!(self.ops ; .arch x64 ; movd Rd(r), xmm15);
                    } else {
                        dynasm!(self.ops ; .arch x64 ; movq Rq(r), xmm15);
                    }
                }
            }
            JitType::I8 | JitType::I | JitType::Ptr | JitType::ByRef => {
                self.load_gpr64(src, r, true)
            }
            JitType::U8 | JitType::U => self.load_gpr64(src, r, false),
            _ => self.load_gpr(src, r),
        }
    }

    /// How `call_managed` reaches `target`: an entry shared code looks up
    /// is fetched into a slot first (nothing may be live in registers).
    fn callee_of<'t>(&mut self, target: &'t CallTarget) -> Callee<'t> {
        match target {
            CallTarget::ManagedLookup { entry } => match self.rt_value(RtValue::Lookup(*entry)) {
                Src::Slot(slot) => Callee::InSlot { slot },
                Src::Imm(_) => unreachable!("a lookup lands in a slot"),
            },
            target => Callee::Target(target),
        }
    }

    /// A managed call with the fastcall64 convention.
    fn call_managed(
        &mut self,
        args: &[AbiArg],
        ret_buf: Option<i32>,
        null_check_this: bool,
        callee: Callee<'_>,
    ) {
        // ABI argument list: [return buffer] then the IL arguments.
        let mut abi: Vec<Option<AbiArg>> = Vec::with_capacity(args.len() + 1);
        if ret_buf.is_some() {
            abi.push(None);
        }
        abi.extend(args.iter().copied().map(Some));
        let stack_count = abi.len().saturating_sub(2);
        let pad = stack_count % 2 == 1;
        if pad {
            dynasm!(self.ops ; .arch x64 ; sub rsp, 8);
        }
        for a in abi.iter().skip(2).rev() {
            let a = a.expect("only argument 0 can be the return buffer");
            self.load_abi_value(a, reg::R11);
            dynasm!(self.ops ; .arch x64 ; push r11);
        }
        // Register arguments: RDX first, then RCX (sources are memory,
        // constants or RAX/XMM0, none of which these loads clobber).
        for (i, r) in [(1usize, reg::RDX), (0usize, reg::RCX)] {
            match abi.get(i) {
                Some(Some(a)) => self.load_abi_value(*a, r),
                Some(None) => {
                    let buf = ret_buf.expect("checked above");
                    dynasm!(self.ops ; .arch x64 ; lea Rq(r), [rbp + buf]);
                }
                None => {}
            }
        }
        let this_reg = if ret_buf.is_some() {
            reg::RDX
        } else {
            reg::RCX
        };
        if null_check_this {
            let nre = self.throw_label(ThrowKind::NullReference);
            dynasm!(self.ops ; .arch x64 ; test Rq(this_reg), Rq(this_reg) ; jz =>nre);
        }
        let target = match callee {
            Callee::Indirect { slot, offset } => {
                dynasm!(self.ops
                    ; .arch x64
                    ; mov rax, [rbp + slot]
                    ; call QWORD [rax + offset]
                );
                if pad {
                    dynasm!(self.ops ; .arch x64 ; add rsp, 8);
                }
                return;
            }
            Callee::Pointer(e) => {
                self.load_gpr(e, reg::RAX);
                dynasm!(self.ops ; .arch x64 ; call rax);
                if pad {
                    dynasm!(self.ops ; .arch x64 ; add rsp, 8);
                }
                return;
            }
            Callee::InSlot { slot } => {
                dynasm!(self.ops ; .arch x64 ; call QWORD [rbp + slot]);
                if pad {
                    dynasm!(self.ops ; .arch x64 ; add rsp, 8);
                }
                return;
            }
            Callee::Target(target) => target,
        };
        match target {
            CallTarget::Managed { entry } => self.call_abs(*entry),
            CallTarget::Virtual { slot } => {
                let vt = self.rt.method_table_vtable_offset;
                let disp = (*slot as i32) * 8;
                dynasm!(self.ops
                    ; .arch x64
                    ; mov rax, [Rq(this_reg)]
                    ; mov rax, [rax + vt]
                    ; call QWORD [rax + disp]
                );
            }
            CallTarget::Interface { cell } => {
                // Monomorphic inline cache: hit = one compare and an indirect
                // call; miss = the resolve stub (which updates the cell and
                // jumps to the target with the arguments untouched).
                let miss = self.ops.new_dynamic_label();
                let done = self.ops.new_dynamic_label();
                let resolve = self.layouts.host().helper(if this_reg == reg::RDX {
                    Helper::InterfaceResolveRdx
                } else {
                    Helper::InterfaceResolve
                });
                dynasm!(self.ops
                    ; .arch x64
                    ; mov r11, QWORD *cell as i64
                    ; mov rax, [Rq(this_reg)]
                    ; cmp rax, [r11]
                    ; jne =>miss
                    ; call QWORD [r11 + 8]
                    ; jmp =>done
                    ; =>miss
                    ; mov rax, QWORD resolve as i64
                    ; call rax
                    ; =>done
                );
            }
            CallTarget::FCall { .. }
            | CallTarget::PInvoke(_)
            | CallTarget::ArrayAccessor { .. }
            | CallTarget::GenericVirtual { .. }
            | CallTarget::ManagedLookup { .. }
            | CallTarget::DelegateInvoke
            | CallTarget::Intrinsic(_) => {
                unreachable!("handled by call() and callee_of()")
            }
        }
        if pad {
            dynasm!(self.ops ; .arch x64 ; add rsp, 8);
        }
    }

    /// A call to a Rust `extern "C"` function (System V convention), with
    /// what `site` asks for around it.
    fn call_native(
        &mut self,
        args: &[AbiArg],
        address: usize,
        pass_thread: bool,
        site: NativeSite,
    ) {
        // Sources must not be in RAX/XMM0: XMM0 is an argument register and
        // the site record below uses RAX.
        let args: Vec<AbiArg> = args
            .iter()
            .map(|a| AbiArg {
                src: self.spill_entry(a.src),
                ..*a
            })
            .collect();
        let ret_label = self.ops.new_dynamic_label();
        match &site {
            NativeSite::Plain => {}
            NativeSite::HelperFrame => {
                crate::x64::record_helper_site(&mut self.ops, &self.rt, ret_label);
            }
        }
        self.emit_sysv_call(
            &args,
            pass_thread,
            None,
            SysvCallee::Rust(address),
            ret_label,
        );
    }

    /// A managed call through a function pointer (`calli` with a managed
    /// signature): fastcall64, as a direct call would be.
    pub(super) fn managed_call_through(
        &mut self,
        info: &CallInfo,
        args: &[Entry],
        fnptr: Entry,
        depth_after: u16,
        depth_before: u16,
    ) {
        let abi_args = self.abi_args(&info.sig, args);
        let ret_buf = self.ret_buffer(&info.sig, depth_before);
        self.call_managed(&abi_args, ret_buf, false, Callee::Pointer(fnptr));
        self.push_result(&info.sig, depth_after, depth_before, false);
    }

    /// Pushes a call's result.
    fn push_result(&mut self, sig: &CallSig, depth_after: u16, depth_before: u16, native: bool) {
        let ret = sig.ret;
        let kind = ret.stack_kind();
        match ret {
            JitType::Void => {}
            JitType::Struct(h) => {
                let to = self.slot(depth_after, kind);
                if returned_by_buffer(ret, &mut self.layouts) {
                    let from = self.slot(depth_before, kind);
                    self.push(kind, Loc::Slot);
                    if from != to {
                        let size = self.layouts.slot_size(JitType::Struct(h));
                        self.copy_mem(reg::RBP, to, reg::RBP, from, size);
                    }
                } else {
                    self.push(kind, Loc::Slot);
                    dynasm!(self.ops ; .arch x64 ; mov [rbp + to], rax);
                }
            }
            _ => {
                if native {
                    // System V leaves the upper bits of small results undefined.
                    self.normalize_small(ret, reg::RAX);
                }
                self.push(kind, Loc::Reg);
            }
        }
    }
}
