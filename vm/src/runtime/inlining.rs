//! The runtime's answers to the optimizing tier's inlining and
//! devirtualization questions (docs/jit.md, "Inlining" and
//! "Devirtualization"); the JIT decides from the callee's imported body
//! whether it really inlines (jit/src/opt/build/inline.rs).

use osprey_metadata::flags::method_impl_attributes as mia;

use super::compile::method_input;
use super::jitiface::JitContext;
use crate::loader::{MethodHandle, MethodKind, TypeHandle};

/// The imported body of `callee` when it may be inlined into the method
/// `ctx` compiles: a small IL method (at most `OSPREY_INLINE_IL` bytes)
/// that is not marked `NoInlining` or `Synchronized`, has no exception
/// clauses and no class-initialization check of its own, and is not
/// compiled as shared generic code. The callee's body is imported with a
/// context of its own (its assembly's tokens, its own verification).
pub(super) fn inlinee(
    ctx: &mut JitContext<'_>,
    callee: osprey_jit::MethodHandle,
) -> Option<osprey_jit::Inlinee> {
    let limit = ctx.rt.options.jit.inline_il as usize;
    if limit == 0 || ctx.shared.is_some() {
        return None;
    }
    // SAFETY: the JIT's method handles come from this host (to_jit).
    let md = unsafe { MethodHandle::from_ptr(callee.0 as *const crate::loader::MethodDesc) };
    if !matches!(md.kind, MethodKind::Il)
        || md.impl_flags & (mia::NO_INLINING | mia::SYNCHRONIZED) != 0
        || md.is_generic_definition()
        || md.owner.is_generic_definition()
        || md.as_ptr() == ctx.method.as_ptr()
    {
        return None;
    }
    if ctx.rt.share_generic_code && !matches!(ctx.loader.shared_form(md), Ok(None)) {
        return None;
    }
    let data = method_input(ctx.loader, md, None).ok()?;
    let input = data.input();
    if input.il.len() > limit || !input.eh.is_empty() || input.class_init.is_some() {
        return None;
    }
    let mut callee_ctx = JitContext {
        rt: ctx.rt,
        loader: ctx.loader,
        method: md,
        ctx: md.generic_context(),
        shared: None,
        verify_level: None,
    };
    osprey_jit::import_inlinee(&mut callee_ctx, &input).ok()
}

/// The method a virtual call of `callee` runs on an object of exactly
/// type `receiver`, and a direct target for it: the override in the
/// receiver's vtable, when it is an IL method of a reference type.
pub(super) fn devirtualize(
    ctx: &mut JitContext<'_>,
    callee: osprey_jit::MethodHandle,
    receiver: osprey_jit::TypeHandle,
) -> Option<(osprey_jit::MethodHandle, osprey_jit::CallTarget)> {
    // SAFETY: the JIT's method handles come from this host (to_jit).
    let md = unsafe { MethodHandle::from_ptr(callee.0 as *const crate::loader::MethodDesc) };
    // SAFETY: the JIT's type handles come from this host (to_jit): the
    // receiver's is the exact type of a `newobj` it resolved.
    let t = unsafe { TypeHandle::from_jit(receiver) };
    if md.definition.is_some() || md.owner.is_interface() || t.is_value_type() {
        return None;
    }
    let implementation = ctx.rt.virtual_target(md, t);
    if !matches!(implementation.kind, MethodKind::Il)
        || implementation.is_generic_definition()
        || implementation.owner.is_value_type()
    {
        return None;
    }
    Some((
        implementation.to_jit(),
        osprey_jit::CallTarget::Managed {
            entry: implementation.entry_point(),
        },
    ))
}
