//! Delegates: the runtime side of `ldftn`/`ldvirtftn` and of delegate
//! construction (the JIT expands `Invoke` inline; see
//! jit/src/codegen/calls.rs, `delegate_invoke`).
//!
//! A delegate's fields are the runtime's to define (corelib's
//! `System.Delegate`, bound by the binder):
//!
//! * `_target`: the receiver for an instance method (or the first argument
//!   of a static method closed over it); null for a static method;
//! * `_methodPtr`: the code to call: the method's function pointer (its
//!   precode), or the unboxing stub of a value type's instance method;
//! * `_methodPtrAux`: the method's descriptor (its identity: delegate
//!   equality compares it with the target);
//! * `_invocationList`/`_invocationCount` (MulticastDelegate): the
//!   delegates a combined delegate calls, in order (corelib builds them).
//!
//! A call through a delegate passes `_target` as `this`, or no `this` when
//! it is null: the same shapes as a direct call, with no shuffle thunk.

use std::sync::atomic::Ordering;

use osprey_binder::DelegateObject;

use super::helpers::{guard, interface_slot, method_from_raw, not_implemented};
use super::RuntimeError;
use crate::loader::{MethodDesc, MethodKind, TypeHandle};
use crate::rooted::Unrooted;
use crate::thread::Thread;
use crate::typesystem::ExceptionKind;

/// `newobj D::.ctor(object target, native int method)` after allocation:
/// fills in the delegate `del`.
pub(super) extern "C" fn delegate_ctor(
    thread: &mut Thread,
    del: *mut u8,
    target: *mut u8,
    method: usize,
) {
    guard(thread, (), |thread| {
        if let Err(e) = init_delegate(thread, del, target, method) {
            thread.raise(e);
        }
    })
}

fn init_delegate(
    thread: &mut Thread,
    del: *mut u8,
    target: *mut u8,
    method: usize,
) -> Result<(), RuntimeError> {
    let rt = thread.runtime();
    let Some(m) = rt.loader().method_of_precode(method) else {
        return Err(RuntimeError::managed(
            ExceptionKind::NotSupported,
            Some("a delegate to a function pointer that is not a managed method".into()),
        ));
    };
    if matches!(m.kind, MethodKind::FCall { .. }) {
        return Err(RuntimeError::managed(
            ExceptionKind::NotSupported,
            Some(format!(
                "a delegate to the internal call {} (wrap it in a managed method)",
                m.full_name()
            )),
        ));
    }
    // `del` is a freshly allocated delegate (see below). It and `target`
    // are bare references borrowed from the thread: what follows only
    // reads the loader and cannot collect.
    let (del, target) = (
        // SAFETY: `del` is null or an object reference managed code passed in.
        unsafe { Unrooted::from_raw(thread, del) },
        // SAFETY: `target` is null or an object reference managed code passed in.
        unsafe { Unrooted::from_raw(thread, target) },
    );
    let delegate_mt = del
        .map(|d| d.method_table() as *const _ as usize)
        .unwrap_or(0);
    if m.delegate_checked.load(Ordering::Relaxed) != delegate_mt {
        check_signature(rt, delegate_mt, m, target.is_some())?;
        m.delegate_checked.store(delegate_mt, Ordering::Relaxed);
    }
    let code = if m.is_static() {
        m.precode
    } else {
        if target.is_none() {
            // What mono raises for an instance delegate over null.
            return Err(RuntimeError::managed(ExceptionKind::Argument, None));
        }
        if m.owner.is_value_type() {
            rt.loader().unboxing_stub(m)?
        } else {
            m.precode
        }
    };
    let Some(del) = del else {
        return Err(RuntimeError::managed(ExceptionKind::NullReference, None));
    };
    let d = del.as_ptr() as *mut DelegateObject;
    // SAFETY: `del` is a freshly allocated instance of a delegate type (the
    // JIT calls this right after allocating it), laid out as the binder's
    // DelegateObject; the target is a reference or null.
    unsafe {
        del.write_ref(
            std::mem::offset_of!(DelegateObject, target),
            target,
            &rt.heaps.gc,
        );
        (*d).method_ptr = code;
        (*d).method_ptr_aux = m.as_ptr() as usize;
    }
    Ok(())
}

/// Checks that a call through the delegate type of method table
/// `delegate_mt` can reach `m`: its `Invoke`'s arguments (after `this`, or
/// after the closed-over first argument of a static method with a target)
/// and result travel as `m` expects them. Without the check, IL pairing
/// `ldftn` of one method with a delegate of another shape makes the callee
/// read and write stack arguments its caller never pushed, or treat an
/// integer as an object reference.
fn check_signature(
    rt: &super::Runtime,
    delegate_mt: usize,
    m: crate::loader::MethodHandle,
    has_target: bool,
) -> Result<(), RuntimeError> {
    use osprey_jit::JitType;
    let mismatch = || {
        RuntimeError::managed(
            ExceptionKind::Argument,
            Some(format!(
                "Cannot bind to the target method because its signature is not compatible with that of the delegate type ({}).",
                m.full_name()
            )),
        )
    };
    if delegate_mt == 0 {
        return Err(mismatch());
    }
    // SAFETY: the delegate's method table is a loaded type's.
    let t = TypeHandle::from_method_table(unsafe {
        &*(delegate_mt as *const crate::loader::MethodTable)
    });
    let invoke = t
        .vtable_methods
        .iter()
        .rev()
        .find(|x| x.name == "Invoke" && !x.is_static())
        .copied()
        .ok_or_else(mismatch)?;
    let mut loader = rt.loader();
    let mut types =
        |h: crate::loader::MethodHandle| -> Result<(Vec<JitType>, JitType), RuntimeError> {
            let params = h
                .sig
                .params
                .iter()
                .map(|p| loader.jit_type_of_sig(h.assembly, p, &h.generic_context()))
                .collect::<Result<Vec<_>, _>>()?;
            let ret = loader.jit_type_of_sig(h.assembly, &h.sig.ret, &h.generic_context())?;
            Ok((params, ret))
        };
    let (want, want_ret) = types(invoke)?;
    let (mut got, got_ret) = types(m)?;
    // A static method with a target is closed over its first argument,
    // which must be a reference (the target).
    if m.is_static() && has_target {
        if got.first() != Some(&JitType::Ref) {
            return Err(mismatch());
        }
        got.remove(0);
    }
    let same_class = |a: JitType, b: JitType| {
        let class = |t: JitType| match t {
            JitType::Ref => 1,
            JitType::ByRef | JitType::I | JitType::U | JitType::Ptr => 2,
            JitType::R4 | JitType::R8 => 3,
            JitType::Struct(_) => 4,
            JitType::Void => 5,
            _ => 0, // integers
        };
        class(a) == class(b) && (!matches!(a, JitType::Struct(_)) || a == b)
    };
    let ok = want.len() == got.len()
        && want.iter().zip(&got).all(|(a, b)| same_class(*a, *b))
        && same_class(want_ret, got_ret);
    if ok {
        Ok(())
    } else {
        Err(mismatch())
    }
}

/// `ldvirtftn`: the function pointer of the method a virtual call of
/// `method` on `obj` runs.
pub(super) extern "C" fn ld_virt_ftn(
    obj: *mut u8,
    method: *const MethodDesc,
    thread: &mut Thread,
) -> usize {
    guard(thread, 0, |thread| {
        match virtual_target(thread, obj, method) {
            Ok(m) => m.precode,
            Err(e) => {
                thread.raise(e);
                0
            }
        }
    })
}

/// A call of a generic virtual method: the entry of the override the
/// receiver's type runs for the method's instantiation (an unboxing stub
/// in front of a value type's method, which wants a pointer to the value).
pub(super) extern "C" fn resolve_virtual_call(
    obj: *mut u8,
    method: *const MethodDesc,
    thread: &mut Thread,
) -> usize {
    guard(thread, 0, |thread| {
        if obj.is_null() {
            // A call on null: Mono's runtime raises this one (no period,
            // unlike ldvirtftn's, which comes from managed code).
            thread.raise(RuntimeError::managed(ExceptionKind::NullReference, None));
            return 0;
        }
        let entry = virtual_target(thread, obj, method).and_then(|m| {
            if m.owner.is_value_type() && !m.is_static() {
                Ok(thread.runtime().loader().unboxing_stub(m)?)
            } else {
                Ok(m.entry_point())
            }
        });
        match entry {
            Ok(e) => e,
            Err(e) => {
                thread.raise(e);
                0
            }
        }
    })
}

/// The method a virtual call of `method` on `obj` runs: the override in the
/// receiver's type (found through the vtable or the interface map), and
/// for an instantiated generic virtual method, that override instantiated
/// with the same type arguments.
fn virtual_target(
    thread: &mut Thread,
    obj: *mut u8,
    method: *const MethodDesc,
) -> Result<crate::loader::MethodHandle, RuntimeError> {
    // SAFETY: `obj` is null or an object reference managed code passed in.
    let Some(obj) = (unsafe { Unrooted::from_raw(thread, obj) }) else {
        // Mono's message here comes from managed code: with a period.
        return Err(RuntimeError::managed(
            ExceptionKind::NullReference,
            Some(ExceptionKind::NULL_REFERENCE_CONSTRUCTOR_MESSAGE.into()),
        ));
    };
    let method = method_from_raw(method);
    let t = obj.type_handle();
    // A generic virtual method dispatches on its definition's slot.
    let declared = method.definition.unwrap_or(method);
    let slot = match declared.slot {
        Some(_) if declared.owner.is_interface() => interface_slot(t, declared),
        Some(slot) if declared.is_virtual() => Some(slot),
        _ => return Ok(method),
    };
    let Some(&implementation) = slot.and_then(|s| t.vtable_methods.get(s as usize)) else {
        return Err(not_implemented(t, method));
    };
    if method.definition.is_none() {
        return Ok(implementation);
    }
    let rt = thread.runtime();
    let mut loader = rt.loader();
    Ok(loader.instantiate_method(implementation, method.instantiation.clone())?)
}
