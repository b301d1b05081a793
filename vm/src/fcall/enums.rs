//! `System.Enum` internal calls: the named constants of an enum type.
//!
//! The runtime reads an enum's literal fields and their constants from
//! metadata once per type ([`Runtime::enum_info`]) and answers by index;
//! corelib's `Enum.ToString` does the formatting.

use crate::loader::TypeHandle;
use crate::rooted::Unrooted;
use crate::runtime::{guard, RuntimeError};
use crate::thread::Thread;
use crate::typesystem::ExceptionKind;

/// `static ulong Enum.InternalGetRawValue(object value)`: the boxed value,
/// converted to ulong as `Enum.ToUInt64` does (sign-extended when signed).
pub(super) extern "C" fn raw_value(thread: &mut Thread, value: *mut u8) -> u64 {
    guard(thread, 0, |thread| {
        // SAFETY: `value` is null or an object reference managed code passed in.
        let Some(obj) = (unsafe { Unrooted::from_raw(thread, value) }) else {
            thread.raise(RuntimeError::managed(ExceptionKind::NullReference, None));
            return 0;
        };
        let t = obj.type_handle();
        match thread.runtime().enum_info(t) {
            // SAFETY: `obj` is a boxed enum: its value follows the method-table word.
            Ok(info) => info.read(unsafe { obj.as_ptr().add(8) }),
            Err(e) => {
                thread.raise(e);
                0
            }
        }
    })
}

/// `static int Enum.InternalGetCount(IntPtr enumType)`.
pub(super) extern "C" fn count(thread: &mut Thread, handle: usize) -> i32 {
    guard(thread, 0, |thread| {
        // SAFETY: `handle` is a RuntimeTypeHandle value corelib passed: a method
        // table of this runtime.
        let t = unsafe { TypeHandle::from_address(handle) };
        match thread.runtime().enum_info(t) {
            Ok(info) => info.values.len() as i32,
            Err(e) => {
                thread.raise(e);
                0
            }
        }
    })
}

/// `static ulong Enum.InternalGetValue(IntPtr enumType, int index)`.
pub(super) extern "C" fn value(thread: &mut Thread, handle: usize, index: i32) -> u64 {
    guard(thread, 0, |thread| {
        // SAFETY: `handle` is a RuntimeTypeHandle value corelib passed: a method
        // table of this runtime.
        let t = unsafe { TypeHandle::from_address(handle) };
        match thread.runtime().enum_info(t) {
            Ok(info) => info.values.get(index as usize).copied().unwrap_or(0),
            Err(e) => {
                thread.raise(e);
                0
            }
        }
    })
}

/// `static string Enum.InternalGetName(IntPtr enumType, int index)`: an
/// interned string (no GC allocation, so no helper frame).
pub(super) extern "C" fn name(thread: &mut Thread, handle: usize, index: i32) -> *mut u8 {
    guard(thread, std::ptr::null_mut(), |thread| {
        // SAFETY: `handle` is a RuntimeTypeHandle value corelib passed: a method
        // table of this runtime.
        let t = unsafe { TypeHandle::from_address(handle) };
        match thread.runtime().enum_info(t) {
            Ok(info) => info
                .names
                .get(index as usize)
                .map_or(std::ptr::null_mut(), |n| n.as_ptr()),
            Err(e) => {
                thread.raise(e);
                std::ptr::null_mut()
            }
        }
    })
}

/// `static int Enum.InternalGetInfo(IntPtr enumType)`: bit 0 `[Flags]`, bit 1
/// signed, bit 2 the underlying type is `bool`, bit 3 `char`, bits 8.. the
/// underlying size in bytes.
pub(super) extern "C" fn info(thread: &mut Thread, handle: usize) -> i32 {
    guard(thread, 0, |thread| {
        // SAFETY: `handle` is a RuntimeTypeHandle value corelib passed: a method
        // table of this runtime.
        let t = unsafe { TypeHandle::from_address(handle) };
        let (is_bool, is_char) = match t.kind {
            crate::loader::TypeKind::Enum(p) => (
                p == crate::loader::Primitive::Boolean,
                p == crate::loader::Primitive::Char,
            ),
            _ => (false, false),
        };
        match thread.runtime().enum_info(t) {
            Ok(info) => {
                i32::from(info.flags)
                    | (i32::from(info.signed) << 1)
                    | (i32::from(is_bool) << 2)
                    | (i32::from(is_char) << 3)
                    | ((info.size as i32) << 8)
            }
            Err(e) => {
                thread.raise(e);
                0
            }
        }
    })
}

/// `static object Enum.InternalBoxEnum(IntPtr enumType, ulong value)`: a new
/// boxed enum of the type holding `value`'s low bytes (the underlying size).
/// Allocates under a helper frame.
pub(super) extern "C" fn box_enum(thread: &mut Thread, handle: usize, value: u64) -> *mut u8 {
    guard(thread, std::ptr::null_mut(), |thread| {
        // SAFETY: `handle` is a RuntimeTypeHandle value corelib passed: a method
        // table of this runtime.
        let t = unsafe { TypeHandle::from_address(handle) };
        let size = match thread.runtime().enum_info(t) {
            Ok(info) => info.size,
            Err(e) => {
                thread.raise(e);
                return std::ptr::null_mut();
            }
        };
        crate::frames::HelperFrame::run(thread, |thread| {
            match thread.runtime().heaps.alloc(thread, &t.mt, 0) {
                Ok(boxed) => {
                    let bytes = value.to_le_bytes();
                    // SAFETY: a fresh box of an enum: its value (`size`
                    // bytes, at most 8) follows the method-table word.
                    unsafe {
                        std::ptr::copy_nonoverlapping(
                            bytes.as_ptr(),
                            boxed.as_ptr().add(8),
                            size.min(8),
                        )
                    };
                    boxed.as_ptr()
                }
                Err(e) => {
                    thread.raise(e.into());
                    std::ptr::null_mut()
                }
            }
        })
    })
}
