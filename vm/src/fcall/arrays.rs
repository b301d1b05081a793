//! `RuntimeHelpers.InitializeArray` and `Type.GetTypeFromHandle`: the
//! targets of `ldtoken`.

use crate::loader::{FieldDesc, MethodTable, TypeHandle};
use crate::object::ObjectRef;
use crate::runtime::{guard, RuntimeError};
use crate::thread::Thread;

/// `static void RuntimeHelpers.InitializeArrayCore(Array array, IntPtr field)`:
/// copies the field's RVA data (an array initializer's elements) into the
/// array. `field` is a RuntimeFieldHandle value: a FieldDesc of this runtime.
pub(super) extern "C" fn initialize_array(thread: &mut Thread, array: *mut u8, field: usize) {
    guard(thread, (), |thread| {
        let Some(arr) = ObjectRef::from_raw(array) else {
            thread.request_abort(RuntimeError::managed("System.ArgumentNullException", None));
            return;
        };
        // SAFETY: RuntimeFieldHandle values are made only by `ldtoken`, from
        // FieldDescs of published (immutable, never freed) types.
        let fd: &FieldDesc = unsafe { &*(field as *const FieldDesc) };
        let mt = arr.method_table();
        if !mt.has(crate::loader::types::mt_flags::ARRAY) || !fd.is_static || fd.address == 0 {
            thread.request_abort(RuntimeError::managed(
                "System.ArgumentException",
                Some("The field is not an array initializer for this array.".into()),
            ));
            return;
        }
        // SAFETY: `arr` is an array.
        let bytes = unsafe { arr.length() } * mt.component_size as usize;
        if bytes > fd.size as usize {
            thread.request_abort(RuntimeError::managed(
                "System.ArgumentException",
                Some("The field's data is smaller than the array.".into()),
            ));
            return;
        }
        // SAFETY: the source holds fd.size >= bytes bytes (the field's static
        // storage); the destination is the array's element area of `bytes`
        // bytes; elements of initialized arrays are primitives (no references).
        unsafe { std::ptr::copy_nonoverlapping(fd.address as *const u8, arr.array_data(), bytes) };
    })
}

/// `static Type Type.GetTypeFromHandleCore(IntPtr handle)`: the Type object
/// of the type whose method table is `handle`, or null.
pub(super) extern "C" fn get_type_from_handle(thread: &mut Thread, handle: usize) -> *mut u8 {
    guard(thread, std::ptr::null_mut(), |thread| {
        if handle == 0 {
            return std::ptr::null_mut();
        }
        // SAFETY: RuntimeTypeHandle values are made by `ldtoken` and
        // `RuntimeType.m_handle`: method tables of this runtime.
        let t = TypeHandle::from_method_table(unsafe { &*(handle as *const MethodTable) });
        match thread.runtime().type_object(t) {
            Ok(o) => o.as_ptr(),
            Err(e) => {
                thread.request_abort(e);
                std::ptr::null_mut()
            }
        }
    })
}
