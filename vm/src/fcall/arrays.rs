//! `RuntimeHelpers.InitializeArray` and `Type.GetTypeFromHandle`: the
//! targets of `ldtoken`.

use crate::loader::{FieldDesc, MethodTable, TypeHandle, TypeKind};
use crate::object::ObjectRef;
use crate::runtime::{guard, RuntimeError};
use crate::thread::Thread;

/// `static void RuntimeHelpers.InitializeArrayCore(Array array, IntPtr field)`:
/// copies the field's RVA data (an array initializer's elements) into the
/// array. `field` is a RuntimeFieldHandle value: a FieldDesc of this runtime.
pub(super) extern "C" fn initialize_array(thread: &mut Thread, array: *mut u8, field: usize) {
    guard(thread, (), |thread| {
        let Some(arr) = ObjectRef::from_raw(array) else {
            thread.raise(RuntimeError::managed("System.ArgumentNullException", None));
            return;
        };
        // SAFETY: RuntimeFieldHandle values are made only by `ldtoken`, from
        // FieldDescs of published (immutable, never freed) types.
        let fd: &FieldDesc = unsafe { &*(field as *const FieldDesc) };
        let mt = arr.method_table();
        if !mt.has(crate::loader::types::mt_flags::ARRAY) || !fd.is_static || fd.address == 0 {
            thread.raise(RuntimeError::managed(
                "System.ArgumentException",
                Some("The field is not an array initializer for this array.".into()),
            ));
            return;
        }
        // SAFETY: `arr` is an array.
        let bytes = unsafe { arr.length() } * mt.component_size as usize;
        if bytes > fd.size as usize {
            thread.raise(RuntimeError::managed(
                "System.ArgumentException",
                Some("The field's data is smaller than the array.".into()),
            ));
            return;
        }
        // SAFETY: the source holds fd.size >= bytes bytes (the field's static
        // storage); the destination is the array's element area (single- or
        // multi-dimensional) of `bytes` bytes; elements of initialized arrays
        // are primitives (no references).
        unsafe { std::ptr::copy_nonoverlapping(fd.address as *const u8, shape(arr).3, bytes) };
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
                thread.raise(e);
                std::ptr::null_mut()
            }
        }
    })
}

/// The shape of an array object: (rank, lengths, lower bounds, data pointer).
fn shape(arr: ObjectRef) -> (u32, Vec<i32>, Vec<i32>, *mut u8) {
    let t = TypeHandle::from_method_table(arr.method_table());
    match t.kind {
        TypeKind::MdArray(rank) => {
            let bounds = osprey_binder::MD_ARRAY_BOUNDS_OFFSET;
            let r = rank as usize;
            // SAFETY: a multi-dimensional array of rank r has r lengths and r
            // lower bounds at MD_ARRAY_BOUNDS_OFFSET, then its elements.
            unsafe {
                let lens = (0..r)
                    .map(|d| *(arr.as_ptr().add(bounds + 4 * d) as *const i32))
                    .collect();
                let lower = (0..r)
                    .map(|d| *(arr.as_ptr().add(bounds + 4 * (r + d)) as *const i32))
                    .collect();
                (
                    rank,
                    lens,
                    lower,
                    arr.as_ptr().add(osprey_binder::md_array_data_offset(r)),
                )
            }
        }
        // SAFETY: a single-dimensional array: length at LENGTH_OFFSET, data after.
        _ => unsafe { (1, vec![arr.length() as i32], vec![0], arr.array_data()) },
    }
}

/// Reads an array argument, raising NullReferenceException for null.
fn array_arg(thread: &mut Thread, array: *mut u8) -> Option<ObjectRef> {
    let arr = ObjectRef::from_raw(array);
    if arr.is_none() {
        thread.raise(RuntimeError::managed("System.NullReferenceException", None));
    }
    arr
}

/// `static int Array.InternalGetTotalLength(Array)`.
pub(super) extern "C" fn total_length(thread: &mut Thread, array: *mut u8) -> i32 {
    guard(thread, 0, |thread| match array_arg(thread, array) {
        // SAFETY: arrays keep their total length at LENGTH_OFFSET.
        Some(a) => unsafe { a.length() as i32 },
        None => 0,
    })
}

/// `static int Array.InternalGetRank(Array)`.
pub(super) extern "C" fn rank(thread: &mut Thread, array: *mut u8) -> i32 {
    guard(thread, 0, |thread| {
        array_arg(thread, array).map_or(0, |a| shape(a).0 as i32)
    })
}

/// `static int Array.InternalGetLength(Array, int dimension)` (checked by corelib).
pub(super) extern "C" fn length(thread: &mut Thread, array: *mut u8, dimension: i32) -> i32 {
    guard(thread, 0, |thread| {
        array_arg(thread, array).map_or(0, |a| {
            shape(a).1.get(dimension as usize).copied().unwrap_or(0)
        })
    })
}

/// `static int Array.InternalGetLowerBound(Array, int dimension)` (checked by corelib).
pub(super) extern "C" fn lower_bound(thread: &mut Thread, array: *mut u8, dimension: i32) -> i32 {
    guard(thread, 0, |thread| {
        array_arg(thread, array).map_or(0, |a| {
            shape(a).2.get(dimension as usize).copied().unwrap_or(0)
        })
    })
}

/// `static void Array.InternalCopy(Array src, int srcIndex, Array dst, int dstIndex, int length)`:
/// ranges validated by corelib. Same element types copy as bytes (overlap
/// allowed); arrays of references copy element by element with a cast check.
pub(super) extern "C" fn copy(
    thread: &mut Thread,
    src: *mut u8,
    src_index: i32,
    dst: *mut u8,
    dst_index: i32,
    length: i32,
) {
    guard(thread, (), |thread| {
        let (Some(s), Some(d)) = (array_arg(thread, src), array_arg(thread, dst)) else {
            return;
        };
        let (se, de) = (
            TypeHandle::from_method_table(s.method_table()).element,
            TypeHandle::from_method_table(d.method_table()).element,
        );
        let (Some(se), Some(de)) = (se, de) else {
            return;
        };
        let size = s.method_table().component_size as usize;
        let (sdata, ddata) = (shape(s).3, shape(d).3);
        let (si, di, n) = (src_index as usize, dst_index as usize, length as usize);
        if se == de
            || (!se.is_value_type() && !de.is_value_type() && crate::runtime::is_assignable(se, de))
        {
            // SAFETY: corelib checked both ranges against the arrays' lengths;
            // `copy` handles overlap.
            unsafe { std::ptr::copy(sdata.add(si * size), ddata.add(di * size), n * size) };
        } else if !se.is_value_type() && !de.is_value_type() {
            // Downcasting copy (object[] to string[]): check every element.
            for i in 0..n {
                // SAFETY: indices within the checked ranges; elements are references.
                let v = unsafe { *(sdata as *mut *mut u8).add(si + i) };
                if let Some(o) = ObjectRef::from_raw(v) {
                    if !crate::runtime::is_assignable(
                        TypeHandle::from_method_table(o.method_table()),
                        de,
                    ) {
                        thread.raise(RuntimeError::managed(
                            "System.InvalidCastException",
                            Some("At least one element in the source array could not be cast down to the destination array type.".into()),
                        ));
                        return;
                    }
                }
                // SAFETY: as above.
                unsafe { *(ddata as *mut *mut u8).add(di + i) = v };
            }
        } else {
            thread.raise(RuntimeError::managed(
                "System.ArrayTypeMismatchException",
                Some("Source array type cannot be assigned to destination array type.".into()),
            ));
        }
    })
}

/// `static void Array.InternalClear(Array, int index, int length)` (checked by corelib).
pub(super) extern "C" fn clear(thread: &mut Thread, array: *mut u8, index: i32, length: i32) {
    guard(thread, (), |thread| {
        let Some(a) = array_arg(thread, array) else {
            return;
        };
        let size = a.method_table().component_size as usize;
        // SAFETY: corelib checked the range against the array's length.
        unsafe {
            std::ptr::write_bytes(
                shape(a).3.add(index as usize * size),
                0,
                length as usize * size,
            )
        };
    })
}

/// `object Object.MemberwiseClone()`: allocates under a helper frame with
/// `this` protected, then copies everything after the method-table word.
pub(super) extern "C" fn memberwise_clone(thread: &mut Thread, this: *mut u8) -> *mut u8 {
    guard(thread, std::ptr::null_mut(), |thread| {
        let Some(obj) = ObjectRef::from_raw(this) else {
            thread.raise(RuntimeError::managed("System.NullReferenceException", None));
            return std::ptr::null_mut();
        };
        let mt = obj.method_table();
        // SAFETY: arrays and strings have a length; other objects have none.
        let length = if mt.component_size != 0 {
            unsafe { obj.length() }
        } else {
            0
        };
        crate::frames::HelperFrame::run(thread, &mut [this], |thread, roots| {
            let copy = match thread.runtime().heaps.alloc(thread, mt, length) {
                Ok(c) => c,
                Err(e) => {
                    thread.raise(e.into());
                    return std::ptr::null_mut();
                }
            };
            let src = crate::frames::protected(roots, 0).expect("checked non-null");
            let bytes = crate::object::allocation_size(mt, length) - crate::object::HEADER_SIZE - 8;
            // SAFETY: both objects have the same type and length, so the same
            // size; copy everything after the method-table word.
            unsafe {
                std::ptr::copy_nonoverlapping(src.as_ptr().add(8), copy.as_ptr().add(8), bytes)
            };
            copy.as_ptr()
        })
    })
}
