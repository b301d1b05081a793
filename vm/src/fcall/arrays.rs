//! `RuntimeHelpers.InitializeArray` and `Type.GetTypeFromHandle`: the
//! targets of `ldtoken`.

use crate::loader::{FieldDesc, Primitive, TypeHandle, TypeKind};
use crate::rooted::Unrooted;
use crate::runtime::{guard, RuntimeError};
use crate::thread::Thread;
use crate::typesystem::ExceptionKind;

/// `static void RuntimeHelpers.InitializeArrayCore(Array array, IntPtr field)`:
/// copies the field's RVA data (an array initializer's elements) into the
/// array. `field` is a RuntimeFieldHandle value: a FieldDesc of this runtime.
pub(super) extern "C" fn initialize_array(thread: &mut Thread, array: *mut u8, field: usize) {
    guard(thread, (), |thread| {
        // SAFETY: `array` is null or an object reference managed code passed in.
        let Some(arr) = (unsafe { Unrooted::from_raw(thread, array) }) else {
            thread.raise(RuntimeError::managed(ExceptionKind::ArgumentNull, None));
            return;
        };
        // SAFETY: RuntimeFieldHandle values are made only by `ldtoken`, from
        // FieldDescs of published (immutable, never freed) types.
        let fd: &FieldDesc = unsafe { &*(field as *const FieldDesc) };
        let mt = arr.method_table();
        if !mt.has(crate::loader::types::mt_flags::ARRAY) || !fd.is_static || fd.address == 0 {
            thread.raise(RuntimeError::managed(
                ExceptionKind::Argument,
                Some("The field is not an array initializer for this array.".into()),
            ));
            return;
        }
        // SAFETY: `arr` is an array.
        let bytes = unsafe { arr.length() } * mt.component_size as usize;
        if bytes > fd.size as usize {
            thread.raise(RuntimeError::managed(
                ExceptionKind::Argument,
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
        let t = unsafe { TypeHandle::from_address(handle) };
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
fn shape(arr: Unrooted<'_>) -> (u32, Vec<i32>, Vec<i32>, *mut u8) {
    let t = arr.type_handle();
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

/// Raises NullReferenceException (a null array argument) and returns
/// `fallback`.
fn null_array<T>(thread: &mut Thread, fallback: T) -> T {
    thread.raise(RuntimeError::managed(ExceptionKind::NullReference, None));
    fallback
}

/// `static int Array.InternalGetTotalLength(Array)`.
pub(super) extern "C" fn total_length(thread: &mut Thread, array: *mut u8) -> i32 {
    guard(thread, 0, |thread| {
        // SAFETY: `array` is null or an object reference managed code passed in.
        match unsafe { Unrooted::from_raw(thread, array) } {
            // SAFETY: arrays keep their total length at LENGTH_OFFSET.
            Some(a) => unsafe { a.length() as i32 },
            None => null_array(thread, 0),
        }
    })
}

/// `static int Array.InternalGetRank(Array)`.
pub(super) extern "C" fn rank(thread: &mut Thread, array: *mut u8) -> i32 {
    guard(thread, 0, |thread| {
        // SAFETY: `array` is null or an object reference managed code passed in.
        match unsafe { Unrooted::from_raw(thread, array) } {
            Some(a) => shape(a).0 as i32,
            None => null_array(thread, 0),
        }
    })
}

/// `static int Array.InternalGetLength(Array, int dimension)` (checked by corelib).
pub(super) extern "C" fn length(thread: &mut Thread, array: *mut u8, dimension: i32) -> i32 {
    guard(thread, 0, |thread| {
        // SAFETY: `array` is null or an object reference managed code passed in.
        match unsafe { Unrooted::from_raw(thread, array) } {
            Some(a) => shape(a).1.get(dimension as usize).copied().unwrap_or(0),
            None => null_array(thread, 0),
        }
    })
}

/// `static int Array.InternalGetLowerBound(Array, int dimension)` (checked by corelib).
pub(super) extern "C" fn lower_bound(thread: &mut Thread, array: *mut u8, dimension: i32) -> i32 {
    guard(thread, 0, |thread| {
        // SAFETY: `array` is null or an object reference managed code passed in.
        match unsafe { Unrooted::from_raw(thread, array) } {
            Some(a) => shape(a).2.get(dimension as usize).copied().unwrap_or(0),
            None => null_array(thread, 0),
        }
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
        let (Some(s), Some(d)) = (
            // SAFETY: `src` is null or an object reference managed code passed in.
            unsafe { Unrooted::from_raw(thread, src) },
            // SAFETY: `dst` is null or an object reference managed code passed in.
            unsafe { Unrooted::from_raw(thread, dst) },
        ) else {
            return null_array(thread, ());
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
            if d.method_table()
                .has(crate::loader::types::mt_flags::CONTAINS_GC_REFS)
            {
                let gc = &thread.runtime().heaps.gc;
                gc.write_barrier_range(ddata as usize + di * size, n * size);
            }
        } else if !se.is_value_type() && !de.is_value_type() {
            // Downcasting copy (object[] to string[]): check every element.
            for i in 0..n {
                // SAFETY: indices within the checked ranges; elements are references.
                let v = unsafe { *(sdata as *mut *mut u8).add(si + i) };
                // SAFETY: `v` is null or an object reference managed code passed in.
                if let Some(o) = unsafe { Unrooted::from_raw(thread, v) } {
                    if !crate::runtime::is_assignable(
                        TypeHandle::from_method_table(o.method_table()),
                        de,
                    ) {
                        thread.raise(RuntimeError::managed(
                            ExceptionKind::InvalidCast,
                            Some("At least one element in the source array could not be cast down to the destination array type.".into()),
                        ));
                        return;
                    }
                }
                // SAFETY: as above.
                unsafe { *(ddata as *mut *mut u8).add(di + i) = v };
                thread
                    .runtime()
                    .heaps
                    .gc
                    .write_barrier(ddata as usize + 8 * (di + i));
            }
        } else {
            thread.raise(RuntimeError::managed(
                ExceptionKind::ArrayTypeMismatch,
                Some("Source array type cannot be assigned to destination array type.".into()),
            ));
        }
    })
}

/// `static void Array.InternalClear(Array, int index, int length)` (checked by corelib).
pub(super) extern "C" fn clear(thread: &mut Thread, array: *mut u8, index: i32, length: i32) {
    guard(thread, (), |thread| {
        // SAFETY: `array` is null or an object reference managed code passed in.
        let Some(a) = (unsafe { Unrooted::from_raw(thread, array) }) else {
            return null_array(thread, ());
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
/// `this` rooted, then copies everything after the method-table word.
pub(super) extern "C" fn memberwise_clone(thread: &mut Thread, this: *mut u8) -> *mut u8 {
    guard(thread, std::ptr::null_mut(), |thread| {
        // SAFETY: `this` is null or an object reference managed code passed in.
        let Some(this) = unsafe { Unrooted::from_raw(thread, this) }.map(|o| thread.root(o)) else {
            thread.raise(RuntimeError::managed(ExceptionKind::NullReference, None));
            return std::ptr::null_mut();
        };
        let mt = this.get(thread).method_table();
        let length = if mt.component_size != 0 {
            // SAFETY: arrays and strings have a length; other objects have none.
            unsafe { this.get(thread).length() }
        } else {
            0
        };
        crate::frames::HelperFrame::run(thread, |thread| {
            let rt = thread.runtime();
            let copy = match rt.new_object(thread, mt, length) {
                Ok(c) => c,
                Err(e) => {
                    thread.raise(e);
                    return std::ptr::null_mut();
                }
            };
            let (src, dst) = (this.get(thread), copy.get(thread));
            let bytes = crate::object::allocation_size(mt, length) - crate::object::HEADER_SIZE - 8;
            // SAFETY: both objects have the same type and length, so the same
            // size; copy everything after the method-table word.
            unsafe {
                std::ptr::copy_nonoverlapping(src.as_ptr().add(8), dst.as_ptr().add(8), bytes)
            };
            // A large copy is old at once: its references need cards.
            rt.heaps
                .gc
                .write_barrier_range(dst.as_ptr() as usize + 8, bytes);
            dst.as_ptr()
        })
    })
}

/// Element `flat` (counted over all dimensions, row-major) of an array:
/// its address, its size and the element type. `None` when `flat` is out
/// of range.
fn element_at(arr: Unrooted<'_>, flat: i32) -> Option<(*mut u8, usize, TypeHandle)> {
    let t = arr.type_handle();
    let element = t.element?;
    // SAFETY: arrays keep their total length at LENGTH_OFFSET.
    let total = unsafe { arr.length() };
    let index = usize::try_from(flat).ok().filter(|&i| i < total)?;
    let size = arr.method_table().component_size as usize;
    // SAFETY: index < total, and the data holds `total` elements of `size` bytes.
    Some((unsafe { shape(arr).3.add(index * size) }, size, element))
}

/// `static object Array.InternalGetValue(Array array, int flatIndex)`: the
/// element (counted over all dimensions), boxed when the element type is a
/// value type (allocates under a helper frame). corelib checks the index.
pub(super) extern "C" fn get_value(thread: &mut Thread, array: *mut u8, flat: i32) -> *mut u8 {
    guard(thread, std::ptr::null_mut(), |thread| {
        // SAFETY: `array` is null or an object reference managed code passed in.
        let Some(arr) = (unsafe { Unrooted::from_raw(thread, array) }) else {
            return null_array(thread, std::ptr::null_mut());
        };
        let Some((at, _, element)) = element_at(arr, flat) else {
            thread.raise(RuntimeError::managed(ExceptionKind::IndexOutOfRange, None));
            return std::ptr::null_mut();
        };
        if !element.is_value_type() {
            // SAFETY: an element of an array of references.
            return unsafe { *(at as *const *mut u8) };
        }
        let offset = at as usize - arr.as_ptr() as usize;
        let arr = thread.root(arr);
        crate::frames::HelperFrame::run(thread, |thread| {
            super::valuetype::box_from(thread, element, &arr, offset)
        })
    })
}

/// The primitive a value of type `t` is, enums as their underlying type
/// (mono normalizes enums this way before widening).
fn primitive_of(t: TypeHandle) -> Option<Primitive> {
    match t.kind {
        TypeKind::Primitive(p) | TypeKind::Enum(p) => Some(p),
        _ => None,
    }
}

/// What `Array.SetValue` may widen from or to: the integer, char and
/// floating-point primitives (not bool, IntPtr or UIntPtr).
fn is_numeric(p: Primitive) -> bool {
    !matches!(p, Primitive::Boolean | Primitive::I | Primitive::U)
}

/// Why a value cannot be stored in an array element.
enum StoreError {
    /// `InvalidCastException` (mono's message is empty).
    InvalidCast,
    /// `ArgumentException("not a widening conversion", "value")`.
    NoWidening,
}

/// The numeric value of a boxed primitive: (unsigned, signed, real) as mono
/// reads it (one of the three is meaningful, by `p`).
///
/// # Safety
/// `at` points at a value of primitive `p`.
unsafe fn read_numeric(at: *const u8, p: Primitive) -> (u64, i64, f64) {
    // SAFETY: caller's contract.
    unsafe {
        match p {
            Primitive::U1 => (u64::from(*at), 0, 0.0),
            Primitive::U2 | Primitive::Char => (u64::from(*(at as *const u16)), 0, 0.0),
            Primitive::U4 => (u64::from(*(at as *const u32)), 0, 0.0),
            Primitive::U8 => (*(at as *const u64), 0, 0.0),
            Primitive::I1 => (0, i64::from(*(at as *const i8)), 0.0),
            Primitive::I2 => (0, i64::from(*(at as *const i16)), 0.0),
            Primitive::I4 => (0, i64::from(*(at as *const i32)), 0.0),
            Primitive::I8 => (0, *(at as *const i64), 0.0),
            Primitive::R4 => (0, 0, f64::from(*(at as *const f32))),
            Primitive::R8 => (0, 0, *(at as *const f64)),
            Primitive::Boolean | Primitive::I | Primitive::U => (0, 0, 0.0),
        }
    }
}

fn is_unsigned(p: Primitive) -> bool {
    matches!(
        p,
        Primitive::U1 | Primitive::U2 | Primitive::U4 | Primitive::U8 | Primitive::Char
    )
}

fn is_signed(p: Primitive) -> bool {
    matches!(
        p,
        Primitive::I1 | Primitive::I2 | Primitive::I4 | Primitive::I8
    )
}

fn is_real(p: Primitive) -> bool {
    matches!(p, Primitive::R4 | Primitive::R8)
}

/// Stores the numeric value `(u, i, r)` (of primitive `vt`, `vsize` bytes)
/// into an element of primitive `et` (`esize` bytes) at `at`, with mono's
/// widening rules (`ves_icall_System_Array_SetValueImpl`): unsigned into
/// unsigned if it fits; signed into signed if it fits; unsigned into signed
/// only into a larger element; any integer into a floating-point element;
/// float into double; nothing signed into unsigned, nor floating point into
/// an integer.
///
/// # Safety
/// `at` points at an element of primitive `et`.
unsafe fn store_widened(
    at: *mut u8,
    et: Primitive,
    esize: usize,
    vt: Primitive,
    vsize: usize,
    (u, i, r): (u64, i64, f64),
) -> Result<(), StoreError> {
    let fits = |extra: usize| {
        if esize < vsize + extra {
            Err(StoreError::NoWidening)
        } else {
            Ok(())
        }
    };
    // The integer value of an integer source (the conversions below are
    // the C casts mono does; only widening ones are reached).
    let int = if is_unsigned(vt) { u as i64 } else { i };
    // SAFETY: the caller's contract (all stores below); each writes `et`'s size.
    unsafe {
        if is_unsigned(et) {
            if is_unsigned(vt) {
                fits(0)?;
            } else {
                return Err(StoreError::NoWidening);
            }
            match et {
                Primitive::U1 => *at = u as u8,
                Primitive::U2 | Primitive::Char => *(at as *mut u16) = u as u16,
                Primitive::U4 => *(at as *mut u32) = u as u32,
                _ => *(at as *mut u64) = u,
            }
        } else if is_signed(et) {
            if is_signed(vt) {
                fits(0)?;
            } else if is_unsigned(vt) {
                fits(1)?;
            } else {
                return Err(StoreError::NoWidening);
            }
            match et {
                Primitive::I1 => *(at as *mut i8) = int as i8,
                Primitive::I2 => *(at as *mut i16) = int as i16,
                Primitive::I4 => *(at as *mut i32) = int as i32,
                _ => *(at as *mut i64) = int,
            }
        } else {
            // R4 or R8: every integer fits; a float only into a wider one.
            let value = if is_real(vt) {
                fits(0)?;
                r
            } else if is_unsigned(vt) {
                u as f64
            } else {
                i as f64
            };
            match et {
                Primitive::R4 if is_unsigned(vt) => *(at as *mut f32) = u as f32,
                Primitive::R4 if is_signed(vt) => *(at as *mut f32) = i as f32,
                Primitive::R4 => *(at as *mut f32) = value as f32,
                _ if is_unsigned(vt) => *(at as *mut f64) = u as f64,
                _ => *(at as *mut f64) = value,
            }
        }
    }
    Ok(())
}

/// Stores `value` (not null) into the element at `at` of type `element`,
/// as mono's `Array.SetValue` does.
fn store_value(
    value: Unrooted<'_>,
    at: *mut u8,
    esize: usize,
    element: TypeHandle,
) -> Result<(), StoreError> {
    let vc = TypeHandle::from_method_table(value.method_table());
    let et = primitive_of(element);
    // A bool element takes only a bool (the value's own type: an enum is
    // not a number here).
    if et == Some(Primitive::Boolean) {
        match vc.kind {
            TypeKind::Primitive(Primitive::Boolean) => {}
            TypeKind::Primitive(p) if is_numeric(p) => return Err(StoreError::NoWidening),
            _ => return Err(StoreError::InvalidCast),
        }
    }
    if !element.is_value_type() {
        if !crate::runtime::is_assignable(vc, element) {
            return Err(StoreError::InvalidCast);
        }
        // SAFETY: an element of an array of references.
        unsafe { *(at as *mut *mut u8) = value.as_ptr() };
        return Ok(());
    }
    let data = super::valuetype::BOX_VALUE_OFFSET;
    if element.is_nullable() {
        // A T? element takes a boxed T (null was handled by the caller).
        let l = crate::runtime::nullable::layout(element).map_err(|_| StoreError::InvalidCast)?;
        if vc != l.underlying {
            return Err(StoreError::InvalidCast);
        }
        // SAFETY: `value` is a box of T (size bytes of value); `at` is a
        // whole T? element.
        unsafe {
            std::ptr::write_bytes(at, 0, esize);
            *at.add(l.has_value) = 1;
            std::ptr::copy_nonoverlapping(value.as_ptr().add(data), at.add(l.value), l.size);
        }
        return Ok(());
    }
    if vc == element {
        // SAFETY: `value` is a box of the element type: esize bytes of value.
        unsafe { std::ptr::copy_nonoverlapping(value.as_ptr().add(data), at, esize) };
        return Ok(());
    }
    if !vc.is_value_type() {
        return Err(StoreError::InvalidCast);
    }
    let Some(vt) = primitive_of(vc) else {
        return Err(StoreError::InvalidCast);
    };
    if vt == Primitive::Boolean {
        return Err(match et {
            Some(p) if is_numeric(p) => StoreError::NoWidening,
            _ => StoreError::InvalidCast,
        });
    }
    match et {
        Some(et) if is_numeric(et) && is_numeric(vt) => {
            let vsize = vc.value_layout.as_ref().map_or(0, |l| l.size as usize);
            // SAFETY: `value` is a box of primitive (or enum of) `vt`.
            let n = unsafe { read_numeric(value.as_ptr().add(data), vt) };
            // SAFETY: `at` is an element of primitive (or enum of) `et`.
            unsafe { store_widened(at, et, esize, vt, vsize, n) }
        }
        _ => Err(StoreError::InvalidCast),
    }
}

/// `static void Array.InternalSetValue(Array array, object value, int flatIndex)`:
/// stores `value` into the element (counted over all dimensions) as mono
/// does: null stores the element type's default value; a reference must be
/// assignable to the element type (InvalidCastException); a boxed value of
/// another primitive type is widened when no information is lost (else
/// ArgumentException "not a widening conversion"). corelib checks the index.
pub(super) extern "C" fn set_value(thread: &mut Thread, array: *mut u8, value: *mut u8, flat: i32) {
    guard(thread, (), |thread| {
        // SAFETY: `array` is null or an object reference managed code passed in.
        let Some(arr) = (unsafe { Unrooted::from_raw(thread, array) }) else {
            return null_array(thread, ());
        };
        let Some((at, esize, element)) = element_at(arr, flat) else {
            thread.raise(RuntimeError::managed(ExceptionKind::IndexOutOfRange, None));
            return;
        };
        // SAFETY: `value` is null or an object reference managed code passed in.
        let Some(value) = (unsafe { Unrooted::from_raw(thread, value) }) else {
            // SAFETY: the element's esize bytes; zero is null or the default value.
            unsafe { std::ptr::write_bytes(at, 0, esize) };
            return;
        };
        match store_value(value, at, esize, element) {
            // The element may now hold a young reference (card marking).
            Ok(()) => thread
                .runtime()
                .heaps
                .gc
                .write_barrier_range(at as usize, esize),
            Err(StoreError::InvalidCast) => thread.raise(RuntimeError::managed(
                ExceptionKind::InvalidCast,
                Some(String::new()),
            )),
            Err(StoreError::NoWidening) => thread.raise(RuntimeError::managed(
                ExceptionKind::Argument,
                Some("not a widening conversion\nParameter name: value".into()),
            )),
        }
    })
}
