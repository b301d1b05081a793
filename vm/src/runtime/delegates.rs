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

use osprey_binder::DelegateObject;

use super::helpers::{guard, interface_slot, method_from_raw};
use super::RuntimeError;
use crate::loader::{MethodDesc, MethodKind, TypeHandle};
use crate::object::ObjectRef;
use crate::thread::Thread;

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
            "System.NotSupportedException",
            Some("a delegate to a function pointer that is not a managed method".into()),
        ));
    };
    if matches!(m.kind, MethodKind::FCall { .. } | MethodKind::QCall { .. }) {
        return Err(RuntimeError::managed(
            "System.NotSupportedException",
            Some(format!(
                "a delegate to the internal call {} (wrap it in a managed method)",
                m.full_name()
            )),
        ));
    }
    let code = if m.is_static() {
        m.precode
    } else {
        if target.is_null() {
            // What mono raises for an instance delegate over null.
            return Err(RuntimeError::managed("System.ArgumentException", None));
        }
        if m.owner.is_value_type() {
            rt.loader().unboxing_stub(m)?
        } else {
            m.precode
        }
    };
    let d = del as *mut DelegateObject;
    // SAFETY: `del` is a freshly allocated instance of a delegate type (the
    // JIT calls this right after allocating it), laid out as the binder's
    // DelegateObject; the target is a reference or null.
    unsafe {
        (*d).target = target as *mut _;
        (*d).method_ptr = code;
        (*d).method_ptr_aux = m.as_ptr() as usize;
        rt.heaps.gc.write_barrier(std::ptr::addr_of!((*d).target) as usize);
    }
    Ok(())
}

/// `ldvirtftn`: the function pointer of the method a virtual call of
/// `method` on `obj` runs.
pub(super) extern "C" fn ld_virt_ftn(
    obj: *mut u8,
    method: *const MethodDesc,
    thread: &mut Thread,
) -> usize {
    guard(thread, 0, |thread| {
        let Some(obj) = ObjectRef::from_raw(obj) else {
            // Mono's message here comes from managed code: with a period.
            thread.raise(RuntimeError::managed(
                "System.NullReferenceException",
                Some("Object reference not set to an instance of an object.".into()),
            ));
            return 0;
        };
        let method = method_from_raw(method);
        let t = TypeHandle::from_method_table(obj.method_table());
        let slot = match method.slot {
            Some(_) if method.owner.is_interface() => interface_slot(t, method),
            Some(slot) if method.is_virtual() => Some(slot),
            _ => return method.precode,
        };
        match slot.and_then(|s| t.vtable_methods.get(s as usize)) {
            Some(m) => m.precode,
            None => {
                thread.raise(RuntimeError::managed(
                    "System.EntryPointNotFoundException",
                    Some(format!(
                        "{} does not implement {}",
                        t.name,
                        method.full_name()
                    )),
                ));
                0
            }
        }
    })
}
