//! The internal calls of `System.Runtime.InteropServices.Marshal` that need
//! the runtime (registered in `fcall::FCALLS`): the last P/Invoke error,
//! native layouts, struct conversion, function pointers for delegates and
//! delegates for function pointers.

use super::convert::{self, layout_of};
use crate::frames::HelperFrame;
use crate::loader::TypeHandle;
use crate::object::{self, ObjectRef};
use crate::runtime::{guard, RuntimeError};
use crate::thread::Thread;
use crate::typesystem::ExceptionKind;

/// The value of `result`, or `fallback` after raising its error.
fn raise_or<T>(thread: &mut Thread, result: Result<T, RuntimeError>, fallback: T) -> T {
    result.unwrap_or_else(|e| {
        thread.raise(e);
        fallback
    })
}

/// `int Marshal.GetLastPInvokeError()`.
pub(crate) extern "C" fn get_last_error(thread: &mut Thread) -> i32 {
    thread.last_error
}

/// `void Marshal.SetLastPInvokeError(int)`.
pub(crate) extern "C" fn set_last_error(thread: &mut Thread, value: i32) {
    thread.last_error = value;
}

/// `int Marshal.SizeOfHelper(IntPtr type)`: the size of the type's native form.
pub(crate) extern "C" fn size_of(thread: &mut Thread, handle: usize) -> i32 {
    guard(thread, 0, |thread| {
        // SAFETY: `handle` is a RuntimeTypeHandle value corelib passed: a method
        // table of this runtime.
        let Some(t) = (handle != 0).then(|| unsafe { TypeHandle::from_address(handle) }) else {
            return 0;
        };
        let size = layout_of(thread, t).map(|nl| nl.size as i32);
        raise_or(thread, size, 0)
    })
}

/// `int Marshal.OffsetOfHelper(IntPtr type, string fieldName)`.
pub(crate) extern "C" fn offset_of(thread: &mut Thread, handle: usize, name: *mut u8) -> i32 {
    guard(thread, 0, |thread| {
        // SAFETY: `handle` is a RuntimeTypeHandle value corelib passed
        // (`RuntimeType.m_handle`): a method table of this runtime; `name`
        // is null or a string managed code passed in.
        let (Some(t), Some(name)) = (unsafe {
            (
                (handle != 0).then(|| TypeHandle::from_address(handle)),
                ObjectRef::from_raw(name),
            )
        }) else {
            return 0;
        };
        // SAFETY: `name` is a string (the managed signature says so).
        let name = unsafe { name.string_to_rust() };
        let nl = match layout_of(thread, t) {
            Ok(nl) => nl,
            Err(e) => {
                thread.raise(e);
                return 0;
            }
        };
        // The native fields are the base formatted classes' first (a
        // derived class's layout starts with its base's), then `t`'s own.
        let mut chain = vec![t];
        while let Some(p) = chain.last().and_then(|c| c.parent()) {
            if p.instance_fields.is_empty() && p.parent().is_none() {
                break;
            }
            chain.push(p);
        }
        let found = chain
            .iter()
            .rev()
            .flat_map(|c| c.instance_fields.iter())
            .zip(&nl.fields)
            .filter(|(f, _)| f.name == name)
            .last()
            .map(|(_, nf)| nf.native_offset);
        match found {
            Some(o) => o as i32,
            None => {
                thread.raise(RuntimeError::managed(
                    ExceptionKind::Argument,
                    Some(format!(
                        "Field passed in is not a marshaled member of the type '{}'.\nParameter name: fieldName",
                        t.name
                    )),
                ));
                0
            }
        }
    })
}

/// `void Marshal.StructureToPtrHelper(object structure, IntPtr ptr, bool fDeleteOld)`.
pub(crate) extern "C" fn structure_to_ptr(
    thread: &mut Thread,
    structure: *mut u8,
    ptr: usize,
    delete_old: bool,
) {
    guard(thread, (), |thread| {
        // SAFETY: `structure` is null or an object reference managed code passed in.
        let Some(obj) = (unsafe { ObjectRef::from_raw(structure) }) else {
            return;
        };
        let t = TypeHandle::from_method_table(obj.method_table());
        let result = layout_of(thread, t).and_then(|nl| {
            // SAFETY: `obj` is a boxed value of `t` (value types only pass
            // layout_of); the caller promises room for nl.size bytes at ptr.
            // Nothing below allocates on the GC heap, so `obj` stays put.
            unsafe {
                convert::to_native(
                    thread,
                    obj.as_ptr().add(object::BOX_DATA_OFFSET),
                    ptr as *mut u8,
                    &nl,
                    delete_old,
                )
            }
        });
        raise_or(thread, result, ())
    })
}

/// `object Marshal.PtrToStructureHelper(IntPtr ptr, IntPtr type)`: a new box.
pub(crate) extern "C" fn ptr_to_structure(
    thread: &mut Thread,
    ptr: usize,
    handle: usize,
) -> *mut u8 {
    guard(thread, std::ptr::null_mut(), |thread| {
        // SAFETY: `handle` is a RuntimeTypeHandle value corelib passed: a method
        // table of this runtime.
        let Some(t) = (handle != 0).then(|| unsafe { TypeHandle::from_address(handle) }) else {
            return std::ptr::null_mut();
        };
        HelperFrame::run(thread, |thread| {
            let result = layout_of(thread, t).and_then(|nl| {
                let b = thread.runtime().new_object(thread, &t.mt, 0)?;
                if !t.is_value_type() {
                    // A formatted class: constructed first, as .NET does.
                    run_default_constructor(thread, t, &b)?;
                }
                // SAFETY: a fresh box of `t` (or object of formatted class
                // `t`, whose fields start where a box's do); the caller
                // promises a native form at `ptr`.
                unsafe {
                    convert::from_native(
                        thread,
                        &b,
                        object::BOX_DATA_OFFSET,
                        ptr as *const u8,
                        &nl,
                    )?
                };
                Ok(b.get(thread).as_ptr())
            });
            raise_or(thread, result, std::ptr::null_mut())
        })
    })
}

/// Runs the parameterless constructor of class `t` on the new object `obj`
/// (`MissingMethodException` when it has none, as .NET raises).
fn run_default_constructor(
    thread: &mut Thread,
    t: TypeHandle,
    obj: &crate::rooted::Rooted,
) -> Result<(), RuntimeError> {
    let ctor = t
        .methods
        .iter()
        .copied()
        .find(|m| m.name == ".ctor" && !m.is_static() && m.sig.params.is_empty())
        .ok_or_else(|| {
            RuntimeError::managed(
                ExceptionKind::MissingMethod,
                Some(format!(
                    "No parameterless constructor defined for type '{}'.",
                    t.name
                )),
            )
        })?;
    let site = crate::runtime::CallSite::new(thread.runtime(), ctor)?;
    site.call(thread, &[crate::runtime::Arg::Ref(Some(obj))])?;
    Ok(())
}

/// `void Marshal.PtrToExistingStructureHelper(IntPtr ptr, object structure)`:
/// fills an object of a formatted class from the native form at `ptr`
/// (a boxed value is an `ArgumentException`, as in .NET).
pub(crate) extern "C" fn ptr_to_existing_structure(
    thread: &mut Thread,
    ptr: usize,
    structure: *mut u8,
) {
    guard(thread, (), |thread| {
        // SAFETY: `structure` is null or an object reference managed code passed in.
        let Some(obj) = (unsafe { ObjectRef::from_raw(structure) }) else {
            return;
        };
        let t = TypeHandle::from_method_table(obj.method_table());
        if t.is_value_type() {
            thread.raise(RuntimeError::managed(
                ExceptionKind::Argument,
                Some("The structure must not be a value class.\nParameter name: structure".into()),
            ));
            return;
        }
        fill_from_native(thread, ptr, obj);
    })
}

/// Reads the native form at `native` into `obj` (a box of a value type or
/// an object of a formatted class: its fields start at BOX_DATA_OFFSET
/// either way), in place, raising what the conversion raises.
fn fill_from_native(thread: &mut Thread, native: usize, obj: ObjectRef) {
    let t = TypeHandle::from_method_table(obj.method_table());
    let obj = thread.root_table().root_raw(obj);
    HelperFrame::run(thread, |thread| {
        let result = layout_of(thread, t).and_then(|nl| {
            // SAFETY: as above; the caller promises a native form of `t`
            // at `native`.
            unsafe {
                convert::from_native(
                    thread,
                    &obj,
                    object::BOX_DATA_OFFSET,
                    native as *const u8,
                    &nl,
                )
            }
        });
        raise_or(thread, result, ())
    })
}

/// `void StubHelpers.StructureFromNative(IntPtr native, object structure)`:
/// what the IL stub copies back after a call that took a non-blittable
/// struct by reference (boxed in `structure`) or a formatted class: the
/// native form at `native` read into the object, in place.
pub(crate) extern "C" fn structure_from_native(
    thread: &mut Thread,
    native: usize,
    structure: *mut u8,
) {
    guard(thread, (), |thread| {
        // SAFETY: `structure` is null or an object reference managed code passed in.
        let Some(obj) = (unsafe { ObjectRef::from_raw(structure) }) else {
            return;
        };
        if native == 0 {
            return;
        }
        fill_from_native(thread, native, obj);
    })
}

/// `void Marshal.DestroyStructureHelper(IntPtr ptr, IntPtr type)`.
pub(crate) extern "C" fn destroy_structure(thread: &mut Thread, ptr: usize, handle: usize) {
    guard(thread, (), |thread| {
        // SAFETY: `handle` is a RuntimeTypeHandle value corelib passed: a method
        // table of this runtime.
        let Some(t) = (handle != 0).then(|| unsafe { TypeHandle::from_address(handle) }) else {
            return;
        };
        let result = layout_of(thread, t).and_then(|nl| {
            // SAFETY: the caller promises a native form of `t` at `ptr`.
            unsafe { convert::destroy(thread, ptr as *mut u8, &nl) }
        });
        raise_or(thread, result, ())
    })
}

/// `IntPtr Marshal.GetFunctionPointerForDelegateHelper(Delegate d)`.
pub(crate) extern "C" fn function_pointer_for_delegate(thread: &mut Thread, d: *mut u8) -> usize {
    guard(thread, 0, |thread| {
        // SAFETY: `d` is null or an object reference managed code passed in.
        let Some(d) = (unsafe { ObjectRef::from_raw(d) }) else {
            return 0;
        };
        let thunk = thread.runtime().interop.thunks.delegate_thunk(thread, d);
        raise_or(thread, thunk, 0)
    })
}

/// `Delegate Marshal.GetDelegateForFunctionPointerHelper(IntPtr ptr, IntPtr type)`.
pub(crate) extern "C" fn delegate_for_function_pointer(
    thread: &mut Thread,
    ptr: usize,
    handle: usize,
) -> *mut u8 {
    guard(thread, std::ptr::null_mut(), |thread| {
        // SAFETY: `handle` is a RuntimeTypeHandle value corelib passed: a method
        // table of this runtime.
        let Some(t) = (handle != 0).then(|| unsafe { TypeHandle::from_address(handle) }) else {
            return std::ptr::null_mut();
        };
        HelperFrame::run(
            thread,
            |thread| match super::reverse::delegate_for_pointer(thread, ptr, t) {
                Ok(d) => d.as_ptr(),
                Err(e) => {
                    thread.raise(e);
                    std::ptr::null_mut()
                }
            },
        )
    })
}

/// `IntPtr StubHelpers.Utf8MaxBytes(string s)`: room for `s` in UTF-8 and
/// its NUL (3 bytes per UTF-16 unit at most), 0 for null.
pub(crate) extern "C" fn utf8_max_bytes(s: *mut u8) -> usize {
    // SAFETY: `s` is null or an object reference managed code passed in.
    match unsafe { ObjectRef::from_raw(s) } {
        // SAFETY: `s` is a string (the managed signature says so).
        Some(s) => 3 * unsafe { s.length() } + 1,
        None => 0,
    }
}

/// `void StubHelpers.EncodeUtf8(string s, IntPtr buffer)`: writes `s` in
/// UTF-8 (unpaired surrogates as U+FFFD) and a NUL to `buffer`, which has
/// `Utf8MaxBytes(s)` bytes. No allocation, no lock: the string cannot move
/// while this runs (the thread is cooperative).
pub(crate) extern "C" fn encode_utf8(s: *mut u8, buffer: *mut u8) {
    // SAFETY: `s` is null or an object reference managed code passed in.
    let Some(s) = (unsafe { ObjectRef::from_raw(s) }) else {
        return;
    };
    // SAFETY: `s` is a string; `buffer` has 3 bytes per unit and one more
    // (the caller's contract, from utf8_max_bytes).
    unsafe {
        let mut at = buffer;
        for c in char::decode_utf16(s.string_chars().iter().copied()) {
            let c = c.unwrap_or(char::REPLACEMENT_CHARACTER);
            let mut tmp = [0u8; 4];
            let bytes = c.encode_utf8(&mut tmp).as_bytes();
            std::ptr::copy_nonoverlapping(bytes.as_ptr(), at, bytes.len());
            at = at.add(bytes.len());
        }
        *at = 0;
    }
}
