//! `System.Object`, `RuntimeHelpers` and `RuntimeType` internal calls.

use crate::loader::TypeHandle;
use crate::rooted::Unrooted;
use crate::runtime::{guard, RuntimeError};
use crate::thread::Thread;
use crate::typesystem::ExceptionKind;

/// `Type Object.GetType()`: the unique `System.RuntimeType` object of the
/// receiver's exact type (created on first use, never moved).
pub(super) extern "C" fn get_type(thread: &mut Thread, this: *mut u8) -> *mut u8 {
    guard(thread, std::ptr::null_mut(), |thread| {
        // SAFETY: `this` is null or an object reference managed code passed in.
        let Some(obj) = (unsafe { Unrooted::from_raw(thread, this) }) else {
            thread.raise(RuntimeError::managed(ExceptionKind::NullReference, None));
            return std::ptr::null_mut();
        };
        let t = obj.type_handle();
        match thread.runtime().type_object(t) {
            Ok(o) => o.as_ptr(),
            Err(e) => {
                thread.raise(e);
                std::ptr::null_mut()
            }
        }
    })
}

/// `static int RuntimeHelpers.GetHashCode(object o)`: the identity hash code,
/// stored in the object's header on first use so it survives moves.
pub(super) extern "C" fn get_hash_code(thread: &mut Thread, o: *mut u8) -> i32 {
    guard(thread, 0, |thread| {
        // SAFETY: `o` is null or an object reference managed code passed in.
        match unsafe { Unrooted::from_raw(thread, o) } {
            None => 0,
            Some(obj) => thread.runtime().identity_hash(obj),
        }
    })
}

/// `static string RuntimeType.GetTypeName(IntPtr handle, int format)`: the
/// type's Name (0), Namespace (1), FullName (2) or ToString form (3).
pub(super) extern "C" fn get_type_name(thread: &mut Thread, handle: usize, format: i32) -> *mut u8 {
    guard(thread, std::ptr::null_mut(), |thread| {
        if handle == 0 {
            thread.raise(RuntimeError::managed(ExceptionKind::ArgumentNull, None));
            return std::ptr::null_mut();
        }
        // SAFETY: RuntimeType.m_handle is only ever set by the runtime, to a
        // method table of this runtime (see Runtime::type_object).
        let t = TypeHandle::from_method_table(unsafe {
            &*(handle as *const crate::loader::MethodTable)
        });
        let text: Option<String> = match format {
            0 => Some(t.simple_name.clone()),
            1 => (!t.namespace.is_empty()).then(|| t.namespace.clone()),
            _ => Some(t.name.clone()),
        };
        let Some(text) = text else {
            return std::ptr::null_mut();
        };
        crate::frames::HelperFrame::run(thread, |thread| {
            match thread.runtime().new_string(thread, &text) {
                Ok(s) => s.get(thread).as_ptr(),
                Err(e) => {
                    thread.raise(e);
                    std::ptr::null_mut()
                }
            }
        })
    })
}
