//! `System.ValueType` internal calls: field-by-field `Equals` and
//! `GetHashCode`, as mono does them.
//!
//! The runtime compares or hashes the fields it can on its own (integers,
//! chars, bools, floats with NaN equal to NaN, pointers, strings by value;
//! for hashing only `int`, pointers and strings) and hands the others back
//! one at a time through [`get_field`], boxed when they are value types, for
//! corelib to call their own `Equals`/`GetHashCode`
//! (corelib/src/cs/System/ValueType.cs). The field plans are
//! `Runtime::value_fields` (vm/src/runtime/valuetypes.rs).

use crate::frames::HelperFrame;
use crate::loader::TypeHandle;
use crate::object::ObjectRef;
use crate::rooted::{Rooted, Unrooted};
use crate::runtime::valuetypes::{mono_aligned_addr_hash, mono_string_hash, Compare, Hash};
use crate::runtime::{guard, RuntimeError};
use crate::thread::Thread;
use crate::typesystem::ExceptionKind;

/// Offset of a boxed value in its box: right after the method-table word.
pub(super) const BOX_VALUE_OFFSET: usize = core::mem::size_of::<osprey_binder::Object>();

/// The UTF-16 units of the string referenced at `at` (`None` for null).
///
/// # Safety
/// `at` is a readable, aligned object-reference slot holding null or a string.
unsafe fn string_at<'a>(at: *const u8) -> Option<&'a [u16]> {
    // SAFETY: caller's contract; strings hold their length and characters.
    unsafe { ObjectRef::from_raw(*(at as *const *mut u8)).map(|s| s.string_chars()) }
}

/// Whether the fields at `x` and `y` are equal as mono's
/// `ValueType.InternalEquals` compares them.
///
/// # Safety
/// Both point at a field of the kind `how` describes, inside live objects.
unsafe fn field_equal(x: *const u8, y: *const u8, how: Compare) -> bool {
    // SAFETY: caller's contract (fields are naturally aligned by the layout).
    unsafe {
        match how {
            Compare::Bytes(n) => {
                std::slice::from_raw_parts(x, n as usize)
                    == std::slice::from_raw_parts(y, n as usize)
            }
            Compare::F32 => {
                let (a, b) = (*(x as *const f32), *(y as *const f32));
                a == b || (a.is_nan() && b.is_nan())
            }
            Compare::F64 => {
                let (a, b) = (*(x as *const f64), *(y as *const f64));
                a == b || (a.is_nan() && b.is_nan())
            }
            Compare::Str => {
                let (a, b) = (*(x as *const *mut u8), *(y as *const *mut u8));
                a == b || matches!((string_at(x), string_at(y)), (Some(p), Some(q)) if p == q)
            }
        }
    }
}

/// `static int ValueType.InternalEquals(object a, object b)`: -1 when `a`
/// and `b` (boxed values) have different types or a natively compared field
/// differs; otherwise the number of fields left for managed `Equals`
/// ([`get_field`] with `forHash` false).
pub(super) extern "C" fn equals(thread: &mut Thread, a: *mut u8, b: *mut u8) -> i32 {
    guard(thread, -1, |thread| {
        // SAFETY: `a` is null or an object reference managed code passed in.
        let (Some(x), Some(y)) = (unsafe { Unrooted::from_raw(thread, a) }, unsafe {
            Unrooted::from_raw(thread, b)
        }) else {
            // corelib passes `this` and a non-null argument.
            return -1;
        };
        if !std::ptr::eq(x.method_table(), y.method_table()) {
            return -1;
        }
        let t = x.type_handle();
        // Building the plan loads field types (no allocation on the GC
        // heap), so the boxes are read after it.
        let plan = match thread.runtime().value_fields(t) {
            Ok(p) => p,
            Err(e) => {
                thread.raise(e);
                return -1;
            }
        };
        // SAFETY: `a` is null or an object reference managed code passed in.
        let (Some(x), Some(y)) = (unsafe { Unrooted::from_raw(thread, a) }, unsafe {
            Unrooted::from_raw(thread, b)
        }) else {
            return -1;
        };
        for &(offset, how) in &plan.compared {
            let at = BOX_VALUE_OFFSET + offset as usize;
            // SAFETY: both are boxes of `t`, whose plan describes this field.
            if !unsafe { field_equal(x.as_ptr().add(at), y.as_ptr().add(at), how) } {
                return -1;
            }
        }
        i32::try_from(plan.equals_rest.len()).unwrap_or(i32::MAX)
    })
}

/// `static int ValueType.InternalGetHashCode(object o, out int remaining)`:
/// mono's seed (see `ValueFields::seed`) xor the natively hashed
/// fields; `remaining` receives the number of fields left for managed
/// `GetHashCode` ([`get_field`] with `forHash` true).
pub(super) extern "C" fn get_hash_code(
    thread: &mut Thread,
    o: *mut u8,
    remaining: *mut i32,
) -> i32 {
    guard(thread, 0, |thread| {
        // SAFETY: `o` is null or an object reference managed code passed in.
        let Some(obj) = (unsafe { Unrooted::from_raw(thread, o) }) else {
            thread.raise(RuntimeError::managed(ExceptionKind::NullReference, None));
            return 0;
        };
        let t = obj.type_handle();
        let plan = match thread.runtime().value_fields(t) {
            Ok(p) => p,
            Err(e) => {
                thread.raise(e);
                return 0;
            }
        };
        // SAFETY: `o` is null or an object reference managed code passed in.
        let Some(obj) = (unsafe { Unrooted::from_raw(thread, o) }) else {
            return 0;
        };
        let mut hash = plan.seed;
        for &(offset, how) in &plan.hashed {
            // SAFETY: `obj` is a box of `t`, whose plan describes this field.
            let at = unsafe { obj.as_ptr().add(BOX_VALUE_OFFSET + offset as usize) };
            // SAFETY: as above: the field has the kind `how` says.
            hash ^= unsafe {
                match how {
                    Hash::I4 => *(at as *const i32),
                    Hash::Ptr => mono_aligned_addr_hash(*(at as *const usize)) as i32,
                    Hash::Str => string_at(at).map_or(0, |s| mono_string_hash(s) as i32),
                }
            };
        }
        if !remaining.is_null() {
            // SAFETY: `remaining` is the address of the caller's `out int`.
            unsafe { *remaining = i32::try_from(plan.hash_rest.len()).unwrap_or(i32::MAX) };
        }
        hash
    })
}

/// `static object ValueType.InternalGetField(object o, int index, bool forHash)`:
/// the `index`th field left for managed `Equals` (or `GetHashCode` when
/// `forHash`), boxed when it is a value type (allocates under a helper
/// frame, with `o` rooted). An index out of range raises
/// ArgumentOutOfRangeException.
pub(super) extern "C" fn get_field(
    thread: &mut Thread,
    o: *mut u8,
    index: i32,
    for_hash: bool,
) -> *mut u8 {
    guard(thread, std::ptr::null_mut(), |thread| {
        // SAFETY: `o` is null or an object reference managed code passed in.
        let Some(obj) = (unsafe { Unrooted::from_raw(thread, o) }) else {
            thread.raise(RuntimeError::managed(ExceptionKind::NullReference, None));
            return std::ptr::null_mut();
        };
        let t = obj.type_handle();
        let plan = match thread.runtime().value_fields(t) {
            Ok(p) => p,
            Err(e) => {
                thread.raise(e);
                return std::ptr::null_mut();
            }
        };
        let rest = if for_hash {
            &plan.hash_rest
        } else {
            &plan.equals_rest
        };
        let Some(field) = usize::try_from(index)
            .ok()
            .and_then(|i| rest.get(i))
            .copied()
        else {
            thread.raise(RuntimeError::managed(
                ExceptionKind::ArgumentOutOfRange,
                None,
            ));
            return std::ptr::null_mut();
        };
        let at = BOX_VALUE_OFFSET + field.offset as usize;
        // SAFETY: `o` is null or an object reference managed code passed in.
        let Some(obj) = (unsafe { Unrooted::from_raw(thread, o) }) else {
            return std::ptr::null_mut();
        };
        match field.boxed {
            // SAFETY: a reference field of the box.
            None => unsafe { obj.read_ref(at) }.map_or(std::ptr::null_mut(), |f| f.as_ptr()),
            Some(ty) => {
                let obj = thread.root(obj);
                HelperFrame::run(thread, |thread| box_from(thread, ty, &obj, at))
            }
        }
    })
}

/// Boxes the value of type `ty` (a value type) at byte `offset` inside
/// `source`, read after the allocation (which may move `source`). A
/// `Nullable<T>` boxes as the CLR boxes it: null without a value, else a
/// boxed `T`. Must run inside [`HelperFrame::run`]; returns null (with an
/// exception requested) if the allocation fails.
pub(super) fn box_from(
    thread: &mut Thread,
    ty: TypeHandle,
    source: &Rooted,
    offset: usize,
) -> *mut u8 {
    let (ty, offset) = if ty.is_nullable() {
        let l = match crate::runtime::nullable::layout(ty) {
            Ok(l) => l,
            Err(e) => {
                thread.raise(e);
                return std::ptr::null_mut();
            }
        };
        let src = source.get(thread);
        // SAFETY: `src` holds a whole Nullable<T> at `offset` (the caller's
        // contract).
        if unsafe { *src.as_ptr().add(offset + l.has_value) } == 0 {
            return std::ptr::null_mut();
        }
        (l.underlying, offset + l.value)
    } else {
        (ty, offset)
    };
    let size = ty.value_layout.as_ref().map_or(0, |l| l.size as usize);
    let boxed = match thread.runtime().new_object(thread, &ty.mt, 0) {
        Ok(b) => b,
        Err(e) => {
            thread.raise(e);
            return std::ptr::null_mut();
        }
    };
    let (src, dst) = (source.get(thread), boxed.get(thread));
    // SAFETY: `src` holds a value of `ty` (size bytes) at `offset` (the
    // caller's contract); the box has room for it after its method-table
    // word.
    unsafe {
        std::ptr::copy_nonoverlapping(
            src.as_ptr().add(offset),
            dst.as_ptr().add(BOX_VALUE_OFFSET),
            size,
        )
    };
    // The box may be old (a large one) and now hold young references.
    thread
        .runtime()
        .heaps
        .gc
        .write_barrier_range(dst.as_ptr() as usize + BOX_VALUE_OFFSET, size);
    dst.as_ptr()
}
