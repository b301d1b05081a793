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

use super::ilgen::{IlBuilder, StubToken, STUB_TOKEN_TABLE};
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

/// Builds the IL stub of `md` (a P/Invoke, or a delegate type's `Invoke`).
pub(crate) fn build(
    rt: &Runtime,
    md: MethodHandle,
    plan: &MarshalPlan,
    kind: StubKind,
) -> Result<IlStub, RuntimeError> {
    let mut b = IlBuilder::default();
    let helper = |b: &mut IlBuilder, m: BoundMethod| b.token(StubToken::Method(rt.bound_method(m)));
    // The managed arguments: `this` (the pointer's box) first for a
    // pointer delegate.
    let first = u16::from(kind == StubKind::PointerInvoke);
    let mut args: Vec<JitType> = Vec::new();
    if first == 1 {
        args.push(JitType::Ref);
    }
    args.extend(plan.args.iter().map(|a| a.managed));
    let result = (plan.managed_ret != JitType::Void).then(|| b.local(plan.managed_ret, false));
    let hresult = (!plan.import.preserve_sig).then(|| b.local(JitType::I4, false));
    // A SafeHandle result is created first, so that a failure to create it
    // cannot leak the handle the native function returns.
    let mut safe_handle_result = None;
    if let RetKind::SafeHandle(t) = &plan.ret {
        let ctor = default_constructor(*t).ok_or_else(|| {
            RuntimeError::managed(
                ExceptionKind::MissingMethod,
                Some(format!(
                    "the SafeHandle type {} returned by {} has no parameterless constructor",
                    t.name,
                    md.full_name()
                )),
            )
        })?;
        let l = b.local(JitType::Ref, false);
        let tok = b.token(StubToken::Method(ctor));
        b.newobj(tok);
        b.stloc(l);
        safe_handle_result = Some(l);
    }
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
    let mut locals = vec![ArgLocals::default(); plan.args.len()];
    // UTF-8 strings that fit go in a buffer on the stack (`localloc`,
    // which must come before the protected block); the others on the C
    // heap, inside it (freed by the `finally`).
    for (i, a) in plan.args.iter().enumerate() {
        if a.kind != ArgKind::StringUtf8 {
            continue;
        }
        let arg = first + i as u16;
        let (cap, buf, owned) = (
            b.local(JitType::I, false),
            b.local(JitType::I, false),
            b.local(JitType::Bool, false),
        );
        let later = b.label();
        b.ldarg(arg);
        let t = helper(&mut b, BoundMethod::StubHelpersUtf8MaxBytes);
        b.call(t);
        b.dup();
        b.stloc(cap);
        b.ldc_native(STACK_STRING_BYTES);
        b.bgt_un(later);
        b.ldloc(cap);
        b.brfalse(later);
        b.ldloc(cap);
        b.localloc();
        b.stloc(buf);
        b.mark(later);
        locals[i] = ArgLocals {
            value: Some(buf),
            flag: Some(owned),
            extra: Some(cap),
        };
    }
    // A non-blittable struct result comes back into a zeroed C heap
    // buffer (allocated before the protected block, destroyed and freed
    // by the `finally`).
    let struct_result = match &plan.ret {
        RetKind::ConvertedStruct(t, _) => {
            let buf = b.local(JitType::I, false);
            b.ldc_native(t.to_jit().0);
            let h = helper(&mut b, BoundMethod::StubHelpersAllocStructureNative);
            b.call(h);
            b.stloc(buf);
            Some((*t, buf))
        }
        _ => None,
    };
    let try_start = b.offset();
    // Convert or pin each argument.
    for (i, a) in plan.args.iter().enumerate() {
        let arg = first + i as u16;
        let l = &mut locals[i];
        match a.kind {
            ArgKind::Blittable | ArgKind::Struct(_) | ArgKind::Bool { .. } | ArgKind::AnsiChar => {}
            ArgKind::StringUtf16 | ArgKind::Array => {
                let v = b.local(JitType::Ref, true);
                b.ldarg(arg);
                b.stloc(v);
                l.value = Some(v);
            }
            ArgKind::ByRef => {
                let v = b.local(JitType::ByRef, true);
                b.ldarg(arg);
                b.stloc(v);
                l.value = Some(v);
            }
            ArgKind::StringUtf8 => {
                let (buf, owned, cap) = (
                    l.value.expect("declared above"),
                    l.flag.expect("declared above"),
                    l.extra.expect("declared above"),
                );
                let (encode, done) = (b.label(), b.label());
                // No stack buffer: a heap one, unless the string is null.
                b.ldloc(buf);
                b.brtrue(encode);
                b.ldloc(cap);
                b.brfalse(done);
                b.ldloc(cap);
                let t = helper(&mut b, BoundMethod::StubHelpersAllocNative);
                b.call(t);
                b.stloc(buf);
                b.ldc_i4(1);
                b.stloc(owned);
                b.mark(encode);
                b.ldarg(arg);
                b.ldloc(buf);
                let t = helper(&mut b, BoundMethod::StubHelpersEncodeUtf8);
                b.call(t);
                b.mark(done);
            }
            ArgKind::StringBuilder { utf16 } => {
                let v = b.local(JitType::I, false);
                b.ldarg(arg);
                b.ldc_i4(i32::from(utf16));
                let t = helper(&mut b, BoundMethod::StubHelpersStringBuilderToNative);
                b.call(t);
                b.stloc(v);
                l.value = Some(v);
            }
            ArgKind::ByRefBool { copy_in, .. } => {
                let v = b.local(JitType::I4, false);
                if copy_in {
                    b.ldarg(arg);
                    b.ldind_u1();
                    b.stloc(v);
                }
                l.value = Some(v);
            }
            ArgKind::Delegate => {
                let v = b.local(JitType::I, false);
                b.ldarg(arg);
                let t = helper(&mut b, BoundMethod::StubHelpersDelegateToNative);
                b.call(t);
                b.stloc(v);
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
                let obj = b.local(JitType::Ref, false);
                let v = b.local(JitType::I, false);
                b.ldarg(arg);
                if let Some(t) = boxed {
                    // (A struct by value is the value; by reference, its address.)
                    let tok = b.token(StubToken::Type(t));
                    if by_value.is_none() {
                        b.ldobj(tok);
                    }
                    b.box_value(tok);
                }
                b.stloc(obj);
                b.ldloc(obj);
                b.ldc_i4(i32::from(copy_in));
                let t = helper(&mut b, BoundMethod::StubHelpersStructureToNative);
                b.call(t);
                b.stloc(v);
                l.value = Some(v);
                l.flag = Some(obj);
            }
            ArgKind::SafeHandle => {
                let v = b.local(JitType::I, false);
                let flag = b.local(JitType::Bool, false);
                b.ldarg(arg);
                b.ldloca(flag);
                let t = helper(&mut b, BoundMethod::StubHelpersSafeHandleAddRef);
                b.call(t);
                b.stloc(v);
                l.value = Some(v);
                l.flag = Some(flag);
            }
        }
    }
    // Push the native arguments and call.
    for (i, a) in plan.args.iter().enumerate() {
        let arg = first + i as u16;
        let l = locals[i];
        match a.kind {
            ArgKind::Blittable | ArgKind::Struct(_) | ArgKind::Bool { .. } => b.ldarg(arg),
            ArgKind::AnsiChar => {
                b.ldarg(arg);
                let t = helper(&mut b, BoundMethod::StubHelpersCharToAnsi);
                b.call(t);
            }
            ArgKind::StringUtf16 | ArgKind::Array => {
                let offset = if a.kind == ArgKind::Array {
                    object::ARRAY_DATA_OFFSET
                } else {
                    object::STRING_DATA_OFFSET
                };
                let null = b.label();
                b.ldloc(l.value.expect("pinned above"));
                b.conv_i();
                b.dup();
                b.brfalse(null);
                b.ldc_i4(offset as i32);
                b.add();
                b.mark(null);
            }
            ArgKind::ByRef => {
                b.ldloc(l.value.expect("pinned above"));
                b.conv_u();
            }
            ArgKind::ByRefBool { .. } => {
                b.ldloca(l.value.expect("declared above"));
                b.conv_u();
            }
            ArgKind::StringUtf8
            | ArgKind::StringBuilder { .. }
            | ArgKind::Delegate
            | ArgKind::SafeHandle
            | ArgKind::NativeCopy { .. } => b.ldloc(l.value.expect("converted above")),
        }
    }
    if hresult.is_some() {
        if let Some(r) = result {
            b.ldloca(r);
            b.conv_u();
        }
    }
    if let Some((_, buf)) = struct_result {
        b.ldloc(buf);
    }
    match kind {
        StubKind::PInvoke => {
            let native = super::native_call_info(rt, md, plan)?;
            let t = b.token(StubToken::Native(Box::new(native)));
            b.call(t);
        }
        StubKind::PointerInvoke => {
            // The pointer: the IntPtr in the box `this` (no safepoint between
            // reading the reference and loading through it).
            b.ldarg(0);
            b.conv_i();
            b.ldc_i4(object::BOX_DATA_OFFSET as i32);
            b.add();
            b.ldind_i();
            let native = super::native_call_info(rt, md, plan)?;
            let osprey_jit::CallTarget::PInvoke(mut call) = native.target else {
                unreachable!("native_call_info makes P/Invoke targets")
            };
            call.target = osprey_jit::NativeTarget::Stack;
            let t = b.token(StubToken::Signature(Box::new(CallSiteSig {
                sig: native.sig,
                unmanaged: Some(*call),
            })));
            b.calli(t);
        }
    }
    // The result.
    match (&plan.ret, hresult) {
        (_, Some(hr)) => b.stloc(hr),
        (RetKind::Void, None) => {}
        (RetKind::Blittable | RetKind::Struct(_) | RetKind::Bool { .. }, None) => {
            b.stloc(result.expect("non-void"))
        }
        (RetKind::ConvertedStruct(t, _), None) => {
            // A box of the (zeroed) result filled from the native form, then
            // unboxed into the result.
            let (_, buf) = struct_result.expect("allocated above");
            let obj = b.local(JitType::Ref, false);
            let tok = b.token(StubToken::Type(*t));
            let r = result.expect("non-void");
            b.ldloc(r);
            b.box_value(tok);
            b.stloc(obj);
            b.ldloc(buf);
            b.ldloc(obj);
            let h = helper(&mut b, BoundMethod::StubHelpersStructureFromNative);
            b.call(h);
            b.ldloc(obj);
            b.unbox(tok);
            b.ldobj(tok);
            b.stloc(r);
        }
        (RetKind::AnsiChar, None) => {
            let t = helper(&mut b, BoundMethod::StubHelpersAnsiToChar);
            b.call(t);
            b.stloc(result.expect("non-void"));
        }
        (RetKind::String { utf16 }, None) => {
            b.ldc_i4(i32::from(*utf16));
            let t = helper(&mut b, BoundMethod::StubHelpersPtrToStringAndFree);
            b.call(t);
            b.stloc(result.expect("non-void"));
        }
        (RetKind::SafeHandle(_), None) => {
            let raw = b.local(JitType::I, false);
            b.stloc(raw);
            let sh = safe_handle_result.expect("created above");
            b.ldloc(sh);
            b.ldloc(raw);
            let t = helper(&mut b, BoundMethod::StubHelpersSafeHandleSet);
            b.call(t);
            b.ldloc(sh);
            b.stloc(result.expect("non-void"));
        }
        (RetKind::Delegate(ty), None) => {
            b.ldc_native(ty.to_jit().0);
            let t = helper(&mut b, BoundMethod::StubHelpersNativeToDelegate);
            b.call(t);
            b.stloc(result.expect("non-void"));
        }
    }
    if let Some(hr) = hresult {
        b.ldloc(hr);
        let t = helper(&mut b, BoundMethod::StubHelpersThrowForHr);
        b.call(t);
    }
    // Copy [Out] values back.
    for (i, a) in plan.args.iter().enumerate() {
        let arg = first + i as u16;
        let l = locals[i];
        match a.kind {
            ArgKind::StringBuilder { utf16 } => {
                b.ldarg(arg);
                b.ldloc(l.value.expect("converted above"));
                b.ldc_i4(i32::from(utf16));
                let t = helper(&mut b, BoundMethod::StubHelpersStringBuilderFromNative);
                b.call(t);
            }
            ArgKind::NativeCopy {
                boxed,
                copy_out: true,
                ..
            } => {
                let obj = l.flag.expect("converted above");
                b.ldloc(l.value.expect("converted above"));
                b.ldloc(obj);
                let t = helper(&mut b, BoundMethod::StubHelpersStructureFromNative);
                b.call(t);
                if let Some(ty) = boxed {
                    // Back from the box into the caller's variable.
                    let tok = b.token(StubToken::Type(ty));
                    b.ldarg(arg);
                    b.ldloc(obj);
                    b.unbox(tok);
                    b.ldobj(tok);
                    b.stobj(tok);
                }
            }
            ArgKind::ByRefBool { size, .. } => {
                b.ldarg(arg);
                b.ldloc(l.value.expect("declared above"));
                if size == 1 {
                    b.conv_u1();
                }
                b.ldc_i4(0);
                b.cgt_un();
                b.stind_i1();
            }
            _ => {}
        }
    }
    let end = b.label();
    if needs_finally {
        b.leave(end);
        let handler_start = b.offset();
        for (i, a) in plan.args.iter().enumerate().rev() {
            let arg = first + i as u16;
            let l = locals[i];
            match a.kind {
                ArgKind::StringUtf8 => {
                    // Only a heap buffer is freed.
                    let skip = b.label();
                    b.ldloc(l.flag.expect("declared above"));
                    b.brfalse(skip);
                    b.ldloc(l.value.expect("converted above"));
                    let t = helper(&mut b, BoundMethod::StubHelpersFreeNative);
                    b.call(t);
                    b.mark(skip);
                }
                ArgKind::StringBuilder { .. } => {
                    b.ldloc(l.value.expect("converted above"));
                    let t = helper(&mut b, BoundMethod::StubHelpersFreeNative);
                    b.call(t);
                }
                ArgKind::NativeCopy { .. } => {
                    b.ldloc(l.value.expect("converted above"));
                    b.ldloc(l.flag.expect("converted above"));
                    let t = helper(&mut b, BoundMethod::StubHelpersFreeStructureNative);
                    b.call(t);
                }
                ArgKind::SafeHandle => {
                    b.ldarg(arg);
                    b.ldloc(l.flag.expect("declared above"));
                    let t = helper(&mut b, BoundMethod::StubHelpersSafeHandleRelease);
                    b.call(t);
                }
                _ => {}
            }
        }
        if let Some((t, buf)) = struct_result {
            // The strings the callee returned in the struct are freed, as
            // the CLR frees them.
            b.ldloc(buf);
            b.ldc_native(t.to_jit().0);
            let h = helper(&mut b, BoundMethod::StubHelpersFreeStructureNativeOfType);
            b.call(h);
        }
        b.endfinally();
        let handler_end = b.offset();
        b.finally(try_start, handler_start, handler_end);
    }
    b.mark(end);
    if let Some(r) = result {
        b.ldloc(r);
    }
    b.ret();
    let (il, locals, tokens, eh) = b.finish();
    Ok(IlStub {
        il,
        args,
        locals,
        ret: plan.managed_ret,
        eh,
        tokens,
    })
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
