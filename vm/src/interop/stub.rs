//! IL stubs: the body the runtime gives a P/Invoke that needs marshaling.
//!
//! When a P/Invoke is first called through its precode (every caller of a
//! P/Invoke whose plan is not inlinable calls it so, and so do delegates and
//! function pointers to any P/Invoke), the prestub compiles this stub as the
//! method's code. The stub is CIL, made by [`build`] from the marshaling
//! plan and compiled by the JIT like any method: so its temporaries are
//! GC-reported frame slots, its pins are pinned locals, cleanup runs in a
//! `finally` even when marshaling throws, and it shows in stack traces as
//! the P/Invoke. Its shape:
//!
//! ```text
//!   [result SafeHandle created]                   (before anything can leak)
//!   try {
//!     per argument: convert (UTF-8 copy, StringBuilder buffer, AddRef, thunk) or pin
//!     push the native arguments; call <native>    (the inline transition, jit/src/codegen/pinvoke.rs)
//!     convert the result; copy [Out] values back
//!     leave
//!   } finally { free temporaries, Release SafeHandles }
//!   return the result
//! ```
//!
//! The conversions are corelib methods (`System.StubHelpers.StubHelpers`,
//! bound in binder/src/bindings.rs); the native call is a stub token the
//! stub's JIT host ([`StubHost`]) answers with the P/Invoke's transition.

use osprey_binder::BoundMethod;
use osprey_jit::{
    CallInfo, CallOpcode, CallSiteSig, FieldInfo, Helper, HostError, JitHost, JitType, MethodInput,
    RtValue, RuntimeLayout, StructLayout, TypeInfo,
};
use osprey_metadata::Token;

use super::ilgen::{IlBuilder, Label, StubToken, STUB_TOKEN_TABLE};
use super::marshal::{ArgKind, MarshalPlan, RetKind};
use crate::loader::{Loader, MethodHandle, TypeHandle};
use crate::object;
use crate::runtime::jitiface::JitContext;
use crate::runtime::{Runtime, RuntimeError};
use crate::typesystem::ExceptionKind;

/// A stub, ready to compile.
pub(crate) struct IlStub {
    /// The CIL.
    pub il: Vec<u8>,
    /// The P/Invoke's parameters.
    pub args: Vec<JitType>,
    /// Its locals.
    pub locals: Vec<osprey_jit::LocalVar>,
    /// Its return type.
    pub ret: JitType,
    /// Its `finally` clause, if it needs one.
    pub eh: Vec<osprey_jit::EhClause>,
    /// What its tokens stand for.
    pub tokens: Vec<StubToken>,
}

impl IlStub {
    /// The JIT's input.
    pub(crate) fn input(&self) -> MethodInput<'_> {
        MethodInput {
            il: &self.il,
            args: self.args.clone(),
            locals: self.locals.clone(),
            ret: self.ret,
            class_init: None,
            class_init_lookup: None,
            eh: self.eh.clone(),
            generic_context: None,
        }
    }
}

/// Per argument: the locals its conversion uses.
#[derive(Clone, Copy, Default)]
struct ArgLocals {
    /// A pinned local (string, array, byref) or the converted value.
    value: Option<u16>,
    /// SafeHandle: whether the reference was taken; UTF-8 string: whether
    /// the buffer is on the C heap; struct or formatted class copied to
    /// native memory: the (boxed) managed object.
    flag: Option<u16>,
    /// UTF-8 string: the buffer's size.
    extra: Option<u16>,
}

/// UTF-8 copies of strings up to this many bytes (3 per UTF-16 unit, and
/// the NUL) go in a buffer on the stub's stack frame instead of the C heap.
const STACK_STRING_BYTES: usize = 512;

/// What a stub is the body of.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub(crate) enum StubKind {
    /// A P/Invoke (static; the target is its bound entry point).
    PInvoke,
    /// `Invoke` of a delegate over a C function pointer
    /// (`Marshal.GetDelegateForFunctionPointer`): an instance method whose
    /// `this` is the delegate's target, a boxed `IntPtr` holding the
    /// pointer.
    PointerInvoke,
}

/// Builds the IL stub of `md` (a P/Invoke, or a delegate type's `Invoke`),
/// in the order its code runs: buffers made before the protected block,
/// the arguments converted or pinned, the native call, the result
/// converted, `[Out]` values copied back, and the `finally` that frees
/// what the conversions allocated.
pub(crate) fn build(
    rt: &Runtime,
    md: MethodHandle,
    plan: &MarshalPlan,
    kind: StubKind,
) -> Result<IlStub, RuntimeError> {
    let mut g = StubGen {
        rt,
        md,
        plan,
        b: IlBuilder::default(),
        // The managed arguments: `this` (the pointer's box) first for a
        // pointer delegate.
        first: u16::from(kind == StubKind::PointerInvoke),
        locals: vec![ArgLocals::default(); plan.args.len()],
    };
    let mut args: Vec<JitType> = Vec::new();
    if g.first == 1 {
        args.push(JitType::Ref);
    }
    args.extend(plan.args.iter().map(|a| a.managed));
    let result = (plan.managed_ret != JitType::Void).then(|| g.b.local(plan.managed_ret, false));
    let hresult = (!plan.import.preserve_sig).then(|| g.b.local(JitType::I4, false));
    let safe_handle_result = g.create_safe_handle_result()?;
    let needs_finally = matches!(plan.ret, RetKind::ConvertedStruct(..))
        || plan.args.iter().any(|a| {
            matches!(
                a.kind,
                ArgKind::StringUtf8
                    | ArgKind::StringBuilder { .. }
                    | ArgKind::SafeHandle
                    | ArgKind::NativeCopy { .. }
            )
        });
    g.declare_utf8_buffers();
    let struct_result = g.alloc_struct_result();
    let try_start = g.b.offset();
    g.convert_args();
    g.push_native_args();
    if hresult.is_some() {
        if let Some(r) = result {
            g.b.ldloca(r);
            g.b.conv_u();
        }
    }
    if let Some((_, buf)) = struct_result {
        g.b.ldloc(buf);
    }
    g.emit_call(kind)?;
    g.store_result(result, hresult, struct_result, safe_handle_result);
    if let Some(hr) = hresult {
        g.b.ldloc(hr);
        let t = g.helper(BoundMethod::StubHelpersThrowForHr);
        g.b.call(t);
    }
    g.copy_back();
    let end = g.b.label();
    if needs_finally {
        g.emit_finally(try_start, end, struct_result);
    }
    g.b.mark(end);
    if let Some(r) = result {
        g.b.ldloc(r);
    }
    g.b.ret();
    let (il, locals, tokens, eh) = g.b.finish();
    Ok(IlStub {
        il,
        args,
        locals,
        ret: plan.managed_ret,
        eh,
        tokens,
    })
}

/// The state of one stub being built (see [`build`]).
struct StubGen<'a> {
    rt: &'a Runtime,
    md: MethodHandle,
    plan: &'a MarshalPlan,
    b: IlBuilder,
    /// The IL argument index of the first marshaled argument (1 after a
    /// pointer delegate's `this`).
    first: u16,
    /// Per marshaled argument, the locals its conversion uses.
    locals: Vec<ArgLocals>,
}

impl StubGen<'_> {
    /// A token for calling the corelib helper `m`.
    fn helper(&mut self, m: BoundMethod) -> u32 {
        self.b.token(StubToken::Method(self.rt.bound_method(m)))
    }

    /// A SafeHandle result is created first, so that a failure to create it
    /// cannot leak the handle the native function returns.
    fn create_safe_handle_result(&mut self) -> Result<Option<u16>, RuntimeError> {
        let RetKind::SafeHandle(t) = &self.plan.ret else {
            return Ok(None);
        };
        let ctor = default_constructor(*t).ok_or_else(|| {
            RuntimeError::managed(
                ExceptionKind::MissingMethod,
                Some(format!(
                    "the SafeHandle type {} returned by {} has no parameterless constructor",
                    t.name,
                    self.md.full_name()
                )),
            )
        })?;
        let l = self.b.local(JitType::Ref, false);
        let tok = self.b.token(StubToken::Method(ctor));
        self.b.newobj(tok);
        self.b.stloc(l);
        Ok(Some(l))
    }

    /// UTF-8 strings that fit go in a buffer on the stack (`localloc`,
    /// which must come before the protected block); the others on the C
    /// heap, inside it (freed by the `finally`).
    fn declare_utf8_buffers(&mut self) {
        for (i, a) in self.plan.args.iter().enumerate() {
            if a.kind != ArgKind::StringUtf8 {
                continue;
            }
            let arg = self.first + i as u16;
            let (cap, buf, owned) = (
                self.b.local(JitType::I, false),
                self.b.local(JitType::I, false),
                self.b.local(JitType::Bool, false),
            );
            let later = self.b.label();
            self.b.ldarg(arg);
            let t = self.helper(BoundMethod::StubHelpersUtf8MaxBytes);
            self.b.call(t);
            self.b.dup();
            self.b.stloc(cap);
            self.b.ldc_native(STACK_STRING_BYTES);
            self.b.bgt_un(later);
            self.b.ldloc(cap);
            self.b.brfalse(later);
            self.b.ldloc(cap);
            self.b.localloc();
            self.b.stloc(buf);
            self.b.mark(later);
            self.locals[i] = ArgLocals {
                value: Some(buf),
                flag: Some(owned),
                extra: Some(cap),
            };
        }
    }

    /// A non-blittable struct result comes back into a zeroed C heap
    /// buffer (allocated before the protected block, destroyed and freed
    /// by the `finally`): its type and the local holding the buffer.
    fn alloc_struct_result(&mut self) -> Option<(TypeHandle, u16)> {
        match &self.plan.ret {
            RetKind::ConvertedStruct(t, _) => {
                let buf = self.b.local(JitType::I, false);
                self.b.ldc_native(t.to_jit().0);
                let h = self.helper(BoundMethod::StubHelpersAllocStructureNative);
                self.b.call(h);
                self.b.stloc(buf);
                Some((*t, buf))
            }
            _ => None,
        }
    }

    /// Converts or pins each argument.
    fn convert_args(&mut self) {
        for (i, a) in self.plan.args.iter().enumerate() {
            let arg = self.first + i as u16;
            let mut l = self.locals[i];
            match a.kind {
                ArgKind::Blittable
                | ArgKind::Struct(_)
                | ArgKind::Bool { .. }
                | ArgKind::AnsiChar => {}
                ArgKind::StringUtf16 | ArgKind::Array => {
                    let v = self.b.local(JitType::Ref, true);
                    self.b.ldarg(arg);
                    self.b.stloc(v);
                    l.value = Some(v);
                }
                ArgKind::ByRef => {
                    let v = self.b.local(JitType::ByRef, true);
                    self.b.ldarg(arg);
                    self.b.stloc(v);
                    l.value = Some(v);
                }
                ArgKind::StringUtf8 => {
                    let (buf, owned, cap) = (
                        l.value.expect("declared above"),
                        l.flag.expect("declared above"),
                        l.extra.expect("declared above"),
                    );
                    let (encode, done) = (self.b.label(), self.b.label());
                    // No stack buffer: a heap one, unless the string is null.
                    self.b.ldloc(buf);
                    self.b.brtrue(encode);
                    self.b.ldloc(cap);
                    self.b.brfalse(done);
                    self.b.ldloc(cap);
                    let t = self.helper(BoundMethod::StubHelpersAllocNative);
                    self.b.call(t);
                    self.b.stloc(buf);
                    self.b.ldc_i4(1);
                    self.b.stloc(owned);
                    self.b.mark(encode);
                    self.b.ldarg(arg);
                    self.b.ldloc(buf);
                    let t = self.helper(BoundMethod::StubHelpersEncodeUtf8);
                    self.b.call(t);
                    self.b.mark(done);
                }
                ArgKind::StringBuilder { utf16 } => {
                    let v = self.b.local(JitType::I, false);
                    self.b.ldarg(arg);
                    self.b.ldc_i4(i32::from(utf16));
                    let t = self.helper(BoundMethod::StubHelpersStringBuilderToNative);
                    self.b.call(t);
                    self.b.stloc(v);
                    l.value = Some(v);
                }
                ArgKind::ByRefBool { copy_in, .. } => {
                    let v = self.b.local(JitType::I4, false);
                    if copy_in {
                        self.b.ldarg(arg);
                        self.b.ldind_u1();
                        self.b.stloc(v);
                    }
                    l.value = Some(v);
                }
                ArgKind::Delegate => {
                    let v = self.b.local(JitType::I, false);
                    self.b.ldarg(arg);
                    let t = self.helper(BoundMethod::StubHelpersDelegateToNative);
                    self.b.call(t);
                    self.b.stloc(v);
                    l.value = Some(v);
                }
                ArgKind::NativeCopy {
                    boxed,
                    copy_in,
                    by_value,
                    ..
                } => {
                    // The value (boxed, for a struct by reference) or object,
                    // and its native form in a zeroed C heap buffer.
                    let obj = self.b.local(JitType::Ref, false);
                    let v = self.b.local(JitType::I, false);
                    self.b.ldarg(arg);
                    if let Some(t) = boxed {
                        // (A struct by value is the value; by reference, its address.)
                        let tok = self.b.token(StubToken::Type(t));
                        if by_value.is_none() {
                            self.b.ldobj(tok);
                        }
                        self.b.box_value(tok);
                    }
                    self.b.stloc(obj);
                    self.b.ldloc(obj);
                    self.b.ldc_i4(i32::from(copy_in));
                    let t = self.helper(BoundMethod::StubHelpersStructureToNative);
                    self.b.call(t);
                    self.b.stloc(v);
                    l.value = Some(v);
                    l.flag = Some(obj);
                }
                ArgKind::SafeHandle => {
                    let v = self.b.local(JitType::I, false);
                    let flag = self.b.local(JitType::Bool, false);
                    self.b.ldarg(arg);
                    self.b.ldloca(flag);
                    let t = self.helper(BoundMethod::StubHelpersSafeHandleAddRef);
                    self.b.call(t);
                    self.b.stloc(v);
                    l.value = Some(v);
                    l.flag = Some(flag);
                }
            }
            self.locals[i] = l;
        }
    }

    /// Pushes the native arguments.
    fn push_native_args(&mut self) {
        for (i, a) in self.plan.args.iter().enumerate() {
            let arg = self.first + i as u16;
            let l = self.locals[i];
            match a.kind {
                ArgKind::Blittable | ArgKind::Struct(_) | ArgKind::Bool { .. } => self.b.ldarg(arg),
                ArgKind::AnsiChar => {
                    self.b.ldarg(arg);
                    let t = self.helper(BoundMethod::StubHelpersCharToAnsi);
                    self.b.call(t);
                }
                ArgKind::StringUtf16 | ArgKind::Array => {
                    let offset = if a.kind == ArgKind::Array {
                        object::ARRAY_DATA_OFFSET
                    } else {
                        object::STRING_DATA_OFFSET
                    };
                    let null = self.b.label();
                    self.b.ldloc(l.value.expect("pinned above"));
                    self.b.conv_i();
                    self.b.dup();
                    self.b.brfalse(null);
                    self.b.ldc_i4(offset as i32);
                    self.b.add();
                    self.b.mark(null);
                }
                ArgKind::ByRef => {
                    self.b.ldloc(l.value.expect("pinned above"));
                    self.b.conv_u();
                }
                ArgKind::ByRefBool { .. } => {
                    self.b.ldloca(l.value.expect("declared above"));
                    self.b.conv_u();
                }
                ArgKind::StringUtf8
                | ArgKind::StringBuilder { .. }
                | ArgKind::Delegate
                | ArgKind::SafeHandle
                | ArgKind::NativeCopy { .. } => self.b.ldloc(l.value.expect("converted above")),
            }
        }
    }

    /// The native call: a direct P/Invoke, or `calli` through the pointer
    /// a pointer delegate holds.
    fn emit_call(&mut self, kind: StubKind) -> Result<(), RuntimeError> {
        match kind {
            StubKind::PInvoke => {
                let native = super::native_call_info(self.rt, self.md, self.plan)?;
                let t = self.b.token(StubToken::Native(Box::new(native)));
                self.b.call(t);
            }
            StubKind::PointerInvoke => {
                // The pointer: the IntPtr in the box `this` (no safepoint between
                // reading the reference and loading through it).
                self.b.ldarg(0);
                self.b.conv_i();
                self.b.ldc_i4(object::BOX_DATA_OFFSET as i32);
                self.b.add();
                self.b.ldind_i();
                let native = super::native_call_info(self.rt, self.md, self.plan)?;
                let osprey_jit::CallTarget::PInvoke(mut call) = native.target else {
                    unreachable!("native_call_info makes P/Invoke targets")
                };
                call.target = osprey_jit::NativeTarget::Stack;
                let t = self.b.token(StubToken::Signature(Box::new(CallSiteSig {
                    sig: native.sig,
                    unmanaged: Some(*call),
                })));
                self.b.calli(t);
            }
        }
        Ok(())
    }

    /// Converts the native result into the managed one (or stores the
    /// HRESULT of a method without `PreserveSig`).
    fn store_result(
        &mut self,
        result: Option<u16>,
        hresult: Option<u16>,
        struct_result: Option<(TypeHandle, u16)>,
        safe_handle_result: Option<u16>,
    ) {
        match (&self.plan.ret, hresult) {
            (_, Some(hr)) => self.b.stloc(hr),
            (RetKind::Void, None) => {}
            (RetKind::Blittable | RetKind::Struct(_) | RetKind::Bool { .. }, None) => {
                self.b.stloc(result.expect("non-void"))
            }
            (RetKind::ConvertedStruct(t, _), None) => {
                // A box of the (zeroed) result filled from the native form, then
                // unboxed into the result.
                let (_, buf) = struct_result.expect("allocated above");
                let obj = self.b.local(JitType::Ref, false);
                let tok = self.b.token(StubToken::Type(*t));
                let r = result.expect("non-void");
                self.b.ldloc(r);
                self.b.box_value(tok);
                self.b.stloc(obj);
                self.b.ldloc(buf);
                self.b.ldloc(obj);
                let h = self.helper(BoundMethod::StubHelpersStructureFromNative);
                self.b.call(h);
                self.b.ldloc(obj);
                self.b.unbox(tok);
                self.b.ldobj(tok);
                self.b.stloc(r);
            }
            (RetKind::AnsiChar, None) => {
                let t = self.helper(BoundMethod::StubHelpersAnsiToChar);
                self.b.call(t);
                self.b.stloc(result.expect("non-void"));
            }
            (RetKind::String { utf16 }, None) => {
                self.b.ldc_i4(i32::from(*utf16));
                let t = self.helper(BoundMethod::StubHelpersPtrToStringAndFree);
                self.b.call(t);
                self.b.stloc(result.expect("non-void"));
            }
            (RetKind::SafeHandle(_), None) => {
                let raw = self.b.local(JitType::I, false);
                self.b.stloc(raw);
                let sh = safe_handle_result.expect("created above");
                self.b.ldloc(sh);
                self.b.ldloc(raw);
                let t = self.helper(BoundMethod::StubHelpersSafeHandleSet);
                self.b.call(t);
                self.b.ldloc(sh);
                self.b.stloc(result.expect("non-void"));
            }
            (RetKind::Delegate(ty), None) => {
                self.b.ldc_native(ty.to_jit().0);
                let t = self.helper(BoundMethod::StubHelpersNativeToDelegate);
                self.b.call(t);
                self.b.stloc(result.expect("non-void"));
            }
        }
    }

    /// Copies `[Out]` values back.
    fn copy_back(&mut self) {
        for (i, a) in self.plan.args.iter().enumerate() {
            let arg = self.first + i as u16;
            let l = self.locals[i];
            match a.kind {
                ArgKind::StringBuilder { utf16 } => {
                    self.b.ldarg(arg);
                    self.b.ldloc(l.value.expect("converted above"));
                    self.b.ldc_i4(i32::from(utf16));
                    let t = self.helper(BoundMethod::StubHelpersStringBuilderFromNative);
                    self.b.call(t);
                }
                ArgKind::NativeCopy {
                    boxed,
                    copy_out: true,
                    ..
                } => {
                    let obj = l.flag.expect("converted above");
                    self.b.ldloc(l.value.expect("converted above"));
                    self.b.ldloc(obj);
                    let t = self.helper(BoundMethod::StubHelpersStructureFromNative);
                    self.b.call(t);
                    if let Some(ty) = boxed {
                        // Back from the box into the caller's variable.
                        let tok = self.b.token(StubToken::Type(ty));
                        self.b.ldarg(arg);
                        self.b.ldloc(obj);
                        self.b.unbox(tok);
                        self.b.ldobj(tok);
                        self.b.stobj(tok);
                    }
                }
                ArgKind::ByRefBool { size, .. } => {
                    self.b.ldarg(arg);
                    self.b.ldloc(l.value.expect("declared above"));
                    if size == 1 {
                        self.b.conv_u1();
                    }
                    self.b.ldc_i4(0);
                    self.b.cgt_un();
                    self.b.stind_i1();
                }
                _ => {}
            }
        }
    }

    /// Leaves the protected block for `end` and emits the `finally` that
    /// frees what the conversions allocated, in reverse order.
    fn emit_finally(
        &mut self,
        try_start: u32,
        end: Label,
        struct_result: Option<(TypeHandle, u16)>,
    ) {
        self.b.leave(end);
        let handler_start = self.b.offset();
        for (i, a) in self.plan.args.iter().enumerate().rev() {
            let arg = self.first + i as u16;
            let l = self.locals[i];
            match a.kind {
                ArgKind::StringUtf8 => {
                    // Only a heap buffer is freed.
                    let skip = self.b.label();
                    self.b.ldloc(l.flag.expect("declared above"));
                    self.b.brfalse(skip);
                    self.b.ldloc(l.value.expect("converted above"));
                    let t = self.helper(BoundMethod::StubHelpersFreeNative);
                    self.b.call(t);
                    self.b.mark(skip);
                }
                ArgKind::StringBuilder { .. } => {
                    self.b.ldloc(l.value.expect("converted above"));
                    let t = self.helper(BoundMethod::StubHelpersFreeNative);
                    self.b.call(t);
                }
                ArgKind::NativeCopy { .. } => {
                    self.b.ldloc(l.value.expect("converted above"));
                    self.b.ldloc(l.flag.expect("converted above"));
                    let t = self.helper(BoundMethod::StubHelpersFreeStructureNative);
                    self.b.call(t);
                }
                ArgKind::SafeHandle => {
                    self.b.ldarg(arg);
                    self.b.ldloc(l.flag.expect("declared above"));
                    let t = self.helper(BoundMethod::StubHelpersSafeHandleRelease);
                    self.b.call(t);
                }
                _ => {}
            }
        }
        if let Some((t, buf)) = struct_result {
            // The strings the callee returned in the struct are freed, as
            // the CLR frees them.
            self.b.ldloc(buf);
            self.b.ldc_native(t.to_jit().0);
            let h = self.helper(BoundMethod::StubHelpersFreeStructureNativeOfType);
            self.b.call(h);
        }
        self.b.endfinally();
        let handler_end = self.b.offset();
        self.b.finally(try_start, handler_start, handler_end);
    }
}

/// The parameterless instance constructor of class `t`.
fn default_constructor(t: TypeHandle) -> Option<MethodHandle> {
    t.methods
        .iter()
        .copied()
        .find(|m| m.name == ".ctor" && !m.is_static() && m.sig.params.is_empty())
}

/// The JIT host of a stub: the runtime's answers, plus the stub's tokens.
pub(crate) struct StubHost<'a, 'b> {
    /// The runtime's host (for the P/Invoke's assembly).
    pub inner: &'a mut JitContext<'b>,
    /// The stub's token table.
    pub tokens: &'a [StubToken],
}

impl StubHost<'_, '_> {
    fn stub_token(&self, token: Token) -> Option<&StubToken> {
        (token.table_byte() == STUB_TOKEN_TABLE)
            .then(|| self.tokens.get((token.rid() as usize).wrapping_sub(1)))
            .flatten()
    }
}

impl JitHost for StubHost<'_, '_> {
    fn resolve_method(&mut self, token: Token, opcode: CallOpcode) -> Result<CallInfo, HostError> {
        match self.stub_token(token).cloned() {
            Some(StubToken::Native(info)) => Ok(*info),
            Some(StubToken::Method(md)) => self.inner.call_info(md, opcode, token),
            Some(StubToken::Signature(_) | StubToken::Type(_)) | None => {
                self.inner.resolve_method(token, opcode)
            }
        }
    }

    fn resolve_field(&mut self, token: Token, is_static: bool) -> Result<FieldInfo, HostError> {
        self.inner.resolve_field(token, is_static)
    }

    fn resolve_type(&mut self, token: Token) -> Result<TypeInfo, HostError> {
        match self.stub_token(token) {
            // A value type of the P/Invoke's signature (never shared code).
            Some(StubToken::Type(t)) => Ok(TypeInfo {
                handle: t.to_jit(),
                exact: RtValue::Const(t.method_table() as usize),
                ty: t.jit_type(),
                nullable_of: None,
            }),
            _ => self.inner.resolve_type(token),
        }
    }

    fn resolve_token(
        &mut self,
        token: Token,
    ) -> Result<(RtValue, osprey_jit::TypeHandle), HostError> {
        self.inner.resolve_token(token)
    }

    fn constrained_call(
        &mut self,
        constrained_token: Token,
        constrained: osprey_jit::TypeHandle,
        method_token: Token,
        method: &CallInfo,
    ) -> Result<Option<CallInfo>, HostError> {
        self.inner
            .constrained_call(constrained_token, constrained, method_token, method)
    }

    fn resolve_array_type(&mut self, element: Token) -> Result<TypeInfo, HostError> {
        self.inner.resolve_array_type(element)
    }

    fn resolve_string(&mut self, token: Token) -> Result<usize, HostError> {
        self.inner.resolve_string(token)
    }

    fn struct_layout(&mut self, handle: osprey_jit::TypeHandle) -> StructLayout {
        self.inner.struct_layout(handle)
    }

    fn helper(&self, helper: Helper) -> usize {
        self.inner.helper(helper)
    }

    fn alloc_shape(&mut self, handle: osprey_jit::TypeHandle) -> Option<osprey_jit::AllocShape> {
        self.inner.alloc_shape(handle)
    }

    fn runtime_layout(&self) -> RuntimeLayout {
        self.inner.runtime_layout()
    }

    fn resolve_signature(&mut self, token: Token) -> Result<CallSiteSig, HostError> {
        match self.stub_token(token) {
            Some(StubToken::Signature(sig)) => Ok((**sig).clone()),
            _ => self.inner.resolve_signature(token),
        }
    }
}

/// Compiles and publishes P/Invoke `md`'s stub and returns its address,
/// or the plan's `MarshalDirectiveException`.
pub(crate) fn compile(
    rt: &Runtime,
    loader: &mut Loader,
    md: MethodHandle,
) -> Result<usize, RuntimeError> {
    let plan = rt.interop.plan(loader, md)?;
    compile_plan(rt, loader, md, &plan, StubKind::PInvoke)
}

/// Compiles and publishes the stub of `md` for `plan`; returns its address.
pub(crate) fn compile_plan(
    rt: &Runtime,
    loader: &mut Loader,
    md: MethodHandle,
    plan: &MarshalPlan,
    kind: StubKind,
) -> Result<usize, RuntimeError> {
    let stub = build(rt, md, plan, kind)?;
    let input = stub.input();
    let base = rt.code.method_base();
    let compiled = {
        let mut ctx = JitContext {
            rt,
            loader,
            method: md,
            ctx: md.generic_context(),
            shared: None,
        };
        let mut host = StubHost {
            inner: &mut ctx,
            tokens: &stub.tokens,
        };
        osprey_jit::compile(&mut host, &input, base).map_err(|error| RuntimeError::Compile {
            method: md.full_name(),
            error,
        })?
    };
    rt.publish_compiled(loader, md, base, &compiled, false, input.il)
}
