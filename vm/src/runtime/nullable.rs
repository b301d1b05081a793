//! `System.Nullable<T>`'s special boxing rules (ECMA-335 II.4.1.9, III.4.1):
//! boxing a `T?` with no value gives null and boxing one with a value gives
//! a boxed `T` (no boxed `Nullable<T>` ever exists); unboxing to `T?`
//! accepts null and a boxed `T`. The JIT calls these helpers for `box` and
//! `unbox.any` of a Nullable instantiation; `isinst`/`castclass` of one
//! test for `T` (see jit/src/import.rs).

use super::helpers::guard;
use super::RuntimeError;
use crate::loader::{MethodTable, TypeHandle, TypeKind};
use crate::rooted::Unrooted;
use crate::thread::Thread;
use crate::typesystem::ExceptionKind;

/// Where a Nullable instantiation keeps its flag and its value.
pub(crate) struct NullableLayout {
    /// Offset of the `hasValue` flag (a byte) in the value.
    pub(crate) has_value: usize,
    /// Offset of the `T` value.
    pub(crate) value: usize,
    /// `T`.
    pub(crate) underlying: TypeHandle,
    /// `T`'s size.
    pub(crate) size: usize,
}

/// The layout of the Nullable instantiation `nullable` (TypeLoadException
/// when corelib's Nullable lacks the fields the runtime expects).
pub(crate) fn layout(nullable: TypeHandle) -> Result<NullableLayout, RuntimeError> {
    let field = |name: &str| {
        nullable
            .instance_fields
            .iter()
            .find(|f| f.name == name)
            .map(|f| f.offset as usize)
    };
    let broken = || {
        RuntimeError::managed(
            ExceptionKind::TypeLoad,
            Some(format!(
                "{} lacks the fields the runtime expects (hasValue, value)",
                nullable.name
            )),
        )
    };
    let underlying = *nullable.instantiation.first().ok_or_else(broken)?;
    let size = underlying
        .value_layout
        .as_ref()
        .map(|l| l.size as usize)
        .ok_or_else(broken)?;
    Ok(NullableLayout {
        has_value: field("hasValue").ok_or_else(broken)?,
        value: field("value").ok_or_else(broken)?,
        underlying,
        size,
    })
}

/// `box Nullable<T>`: null, or a boxed `T` holding the value at `src`
/// (a frame slot of the boxing method).
pub(super) extern "C" fn box_nullable(
    thread: &mut Thread,
    nullable: &MethodTable,
    src: *const u8,
) -> *mut u8 {
    guard(thread, std::ptr::null_mut(), |thread| {
        let result = layout(TypeHandle::from_method_table(nullable)).and_then(|l| {
            // SAFETY: `src` points at a whole Nullable<T> in the caller's
            // frame (the JIT passes the value's slot), which the collector
            // never moves.
            if unsafe { *src.add(l.has_value) } == 0 {
                return Ok(std::ptr::null_mut());
            }
            let rt = thread.runtime();
            let boxed = rt.heaps.alloc(thread, &l.underlying.mt, 0)?;
            // SAFETY: a fresh boxed T: its value starts 8 bytes in and is
            // `size` bytes long; `src + value` holds a T of that size. The
            // copy happens after the allocation, which cannot move `src`.
            unsafe {
                std::ptr::copy_nonoverlapping(src.add(l.value), boxed.as_ptr().add(8), l.size);
            }
            rt.heaps
                .gc
                .write_barrier_range(boxed.as_ptr() as usize + 8, l.size);
            Ok(boxed.as_ptr())
        });
        match result {
            Ok(p) => p,
            Err(e) => {
                thread.raise(e);
                std::ptr::null_mut()
            }
        }
    })
}

/// `unbox.any Nullable<T>`: writes the Nullable for `obj` (null, or a boxed
/// `T` or enum of `T`'s underlying type) to `dst`; InvalidCastException
/// for anything else.
pub(super) extern "C" fn unbox_nullable(
    obj: *mut u8,
    nullable: &MethodTable,
    dst: *mut u8,
    thread: &mut Thread,
) {
    guard(thread, (), |thread| {
        let result = layout(TypeHandle::from_method_table(nullable)).and_then(|l| {
            let total = TypeHandle::from_method_table(nullable)
                .value_layout
                .as_ref()
                .map_or(0, |v| v.size as usize);
            // SAFETY: `dst` is the JIT's frame slot for a whole Nullable<T>.
            unsafe { std::ptr::write_bytes(dst, 0, total) };
            // SAFETY: `obj` is null or an object reference managed code passed in.
            let Some(o) = (unsafe { Unrooted::from_raw(thread, obj) }) else {
                return Ok(());
            };
            let from = o.type_handle();
            let prim = |t: TypeHandle| match t.kind {
                TypeKind::Enum(p) | TypeKind::Primitive(p) => Some(p),
                _ => None,
            };
            let same =
                from == l.underlying || (prim(from).is_some() && prim(from) == prim(l.underlying));
            if !same {
                return Err(RuntimeError::managed(ExceptionKind::InvalidCast, None));
            }
            // SAFETY: `obj` is a boxed T (checked above): its value is `size`
            // bytes at offset 8; `dst` holds a Nullable<T>. Nothing here can
            // collect, so `obj` stays where it is.
            unsafe {
                *dst.add(l.has_value) = 1;
                std::ptr::copy_nonoverlapping(obj.add(8), dst.add(l.value), l.size);
            }
            Ok(())
        });
        if let Err(e) = result {
            thread.raise(e);
        }
    })
}
