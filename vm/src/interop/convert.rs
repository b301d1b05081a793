//! Converting structs between their managed and native forms, field by
//! field, by their native layout (`layout`): what `Marshal.StructureToPtr`,
//! `PtrToStructure` and `DestroyStructure` do. Blittable fields are copied;
//! `bool` becomes a C integer, `char` a UTF-8 byte (or stays UTF-16),
//! `string` a NUL-terminated copy on the C heap (freed by
//! `DestroyStructure`, or by `StructureToPtr` with `fDeleteOld`), a
//! delegate a C function pointer (its thunk), an inline string or array
//! (`ByValTStr`, `ByValArray`) its characters or elements.

use super::layout::{native_layout, NativeField, NativeLayout};
use crate::loader::TypeHandle;
use crate::object::{self, ObjectRef};
use crate::rooted::Rooted;
use crate::runtime::RuntimeError;
use crate::thread::Thread;
use crate::typesystem::ExceptionKind;
use osprey_jit::JitType;

/// The native layout of value type or formatted class `t`, or the
/// ArgumentException .NET raises.
pub(crate) fn layout_of(thread: &mut Thread, t: TypeHandle) -> Result<NativeLayout, RuntimeError> {
    let rt = thread.runtime();
    let mut loader = rt.loader();
    if !t.is_value_type() && !super::layout::is_formatted_class(&mut loader, t) {
        return Err(not_marshalable(t));
    }
    native_layout(&mut loader, t).map_err(|_| not_marshalable(t))
}

/// .NET's error for a type with no native form.
pub(crate) fn not_marshalable(t: TypeHandle) -> RuntimeError {
    RuntimeError::managed(
        ExceptionKind::Argument,
        Some(format!(
            "Type '{}' cannot be marshaled as an unmanaged structure; no meaningful size or offset can be computed.",
            t.name
        )),
    )
}

fn out_of_memory() -> RuntimeError {
    RuntimeError::managed(ExceptionKind::OutOfMemory, None)
}

/// A NUL-terminated copy of `units` on the C heap (UTF-8 or UTF-16).
pub(crate) fn native_string(
    thread: &Thread,
    units: &[u16],
    utf16: bool,
) -> Result<usize, RuntimeError> {
    let os = thread.runtime().os;
    let copy = if utf16 {
        let bytes: Vec<u8> = units.iter().flat_map(|u| u.to_ne_bytes()).collect();
        os.native_copy(&bytes, 2)
    } else {
        os.native_copy(String::from_utf16_lossy(units).as_bytes(), 1)
    };
    copy.map(|p| p as usize).map_err(|_| out_of_memory())
}

/// The UTF-16 units of the NUL-terminated native string at `p` (UTF-8,
/// malformed sequences as U+FFFD, or UTF-16 as is).
///
/// # Safety
/// `p` is a readable NUL-terminated string of that encoding.
pub(crate) unsafe fn native_string_units(p: usize, utf16: bool) -> Vec<u16> {
    if utf16 {
        let mut len = 0;
        // SAFETY: caller's contract (the terminator ends the loop).
        unsafe {
            while *(p as *const u16).add(len) != 0 {
                len += 1;
            }
            std::slice::from_raw_parts(p as *const u16, len).to_vec()
        }
    } else {
        // SAFETY: caller's contract.
        let bytes = unsafe { std::ffi::CStr::from_ptr(p as *const std::ffi::c_char) }.to_bytes();
        String::from_utf8_lossy(bytes).encode_utf16().collect()
    }
}

/// The `ArgumentException` .NET raises for a `ByValArray` field holding an
/// array shorter than its `SizeConst`.
fn embedded_array_length() -> RuntimeError {
    RuntimeError::managed(
        ExceptionKind::Argument,
        Some(
            "Type could not be marshaled because the length of an embedded array instance \
             does not match the declared length in the layout."
                .into(),
        ),
    )
}

/// Writes `units` as a `ByValTStr` of `count` characters at `n`: at most
/// `count - 1` of them (UTF-8 bytes, never splitting a character, or
/// UTF-16 units), then NULs to the end.
///
/// # Safety
/// `n` has room for `count` characters of the encoding.
unsafe fn write_fixed_string(units: &[u16], n: *mut u8, count: usize, utf16: bool) {
    let room = count.saturating_sub(1);
    // SAFETY: caller's contract: `count` units (of 1 or 2 bytes) at `n`.
    unsafe {
        if utf16 {
            std::ptr::write_bytes(n, 0, 2 * count);
            let k = units.len().min(room);
            std::ptr::copy_nonoverlapping(units.as_ptr() as *const u8, n, 2 * k);
        } else {
            std::ptr::write_bytes(n, 0, count);
            let mut at = 0;
            for c in char::decode_utf16(units.iter().copied()) {
                let mut tmp = [0u8; 4];
                let bytes = c
                    .unwrap_or(char::REPLACEMENT_CHARACTER)
                    .encode_utf8(&mut tmp)
                    .as_bytes();
                if at + bytes.len() > room {
                    break;
                }
                std::ptr::copy_nonoverlapping(bytes.as_ptr(), n.add(at), bytes.len());
                at += bytes.len();
            }
        }
    }
}

/// The characters of a `ByValTStr` of `count` characters at `n`, up to the
/// first NUL (or all `count` of them).
///
/// # Safety
/// `n` holds `count` readable characters of the encoding.
unsafe fn read_fixed_string(n: *const u8, count: usize, utf16: bool) -> Vec<u16> {
    // SAFETY: caller's contract.
    unsafe {
        if utf16 {
            let units = std::slice::from_raw_parts(n as *const u16, count);
            let end = units.iter().position(|u| *u == 0).unwrap_or(count);
            units[..end].to_vec()
        } else {
            let bytes = std::slice::from_raw_parts(n, count);
            let end = bytes.iter().position(|b| *b == 0).unwrap_or(count);
            String::from_utf8_lossy(&bytes[..end])
                .encode_utf16()
                .collect()
        }
    }
}

/// Writes the native form of the managed value at `managed` to `native`.
/// The thread is cooperative; nothing here allocates on the GC heap, so the
/// raw pointers stay valid.
///
/// # Safety
/// `managed` holds a value of the type `nl` describes; `native` has room
/// for `nl.size` bytes (and, with `delete_old`, holds a previous native
/// form whose string pointers are C heap blocks or null).
pub(crate) unsafe fn to_native(
    thread: &mut Thread,
    managed: *const u8,
    native: *mut u8,
    nl: &NativeLayout,
    delete_old: bool,
) -> Result<(), RuntimeError> {
    if nl.blittable {
        // SAFETY: caller's contract: both hold nl.size bytes.
        unsafe { std::ptr::copy_nonoverlapping(managed, native, nl.size as usize) };
        return Ok(());
    }
    for f in &nl.fields {
        // SAFETY: field offsets lie within the value and the native struct.
        unsafe {
            let m = managed.add(f.managed_offset as usize);
            let n = native.add(f.native_offset as usize);
            match f.kind {
                NativeField::Blittable(size) => std::ptr::copy_nonoverlapping(m, n, size as usize),
                NativeField::Bool(size) => {
                    let v = u32::from(*m != 0);
                    if size == 1 {
                        *n = v as u8;
                    } else {
                        (n as *mut u32).write_unaligned(v);
                    }
                }
                NativeField::AnsiChar => {
                    let c = (m as *const u16).read_unaligned();
                    *n = if c < 0x80 { c as u8 } else { b'?' };
                }
                NativeField::String { utf16 } => {
                    let slot = n as *mut usize;
                    if delete_old {
                        thread
                            .runtime()
                            .os
                            .native_free(slot.read_unaligned() as *mut u8);
                    }
                    let s = ObjectRef::from_raw(*(m as *const *mut u8));
                    let p = match s {
                        None => 0,
                        Some(s) => native_string(thread, s.string_chars(), utf16)?,
                    };
                    slot.write_unaligned(p);
                }
                NativeField::Delegate(_) => {
                    let d = ObjectRef::from_raw(*(m as *const *mut u8));
                    let p = match d {
                        None => 0,
                        Some(d) => thread.runtime().interop.thunks.delegate_thunk(thread, d)?,
                    };
                    (n as *mut usize).write_unaligned(p);
                }
                NativeField::Struct(inner) => {
                    let inl = layout_of(thread, inner)?;
                    to_native(thread, m, n, &inl, delete_old)?;
                }
                NativeField::ByValTStr { count, utf16 } => {
                    let s = ObjectRef::from_raw(*(m as *const *mut u8));
                    let units = s.map_or(&[][..], |s| s.string_chars());
                    write_fixed_string(units, n, count as usize, utf16);
                }
                NativeField::ByValArray {
                    element,
                    elem_size,
                    count,
                    ..
                } => {
                    let a = ObjectRef::from_raw(*(m as *const *mut u8));
                    let total = (count * elem_size) as usize;
                    std::ptr::write_bytes(n, 0, total);
                    if let Some(a) = a {
                        if a.length() < count as usize {
                            return Err(embedded_array_length());
                        }
                        let data = a.as_ptr().add(object::ARRAY_DATA_OFFSET);
                        if element == JitType::Char && elem_size == 1 {
                            for i in 0..count as usize {
                                let c = (data.add(2 * i) as *const u16).read_unaligned();
                                *n.add(i) = if c < 0x80 { c as u8 } else { b'?' };
                            }
                        } else {
                            std::ptr::copy_nonoverlapping(data, n, total);
                        }
                    }
                }
            }
        }
    }
    Ok(())
}

/// Reads the native form at `native` into the managed value `offset` bytes
/// into the rooted object `obj` (re-read after every allocation: strings
/// and delegates are allocated here).
///
/// # Safety
/// `native` holds `nl.size` readable bytes of a native form; `obj` holds
/// a value of the type `nl` describes at `offset`.
pub(crate) unsafe fn from_native(
    thread: &mut Thread,
    obj: &Rooted,
    offset: usize,
    native: *const u8,
    nl: &NativeLayout,
) -> Result<(), RuntimeError> {
    let base = |obj: &Rooted| obj.load().as_ptr();
    if nl.blittable {
        // SAFETY: caller's contract.
        unsafe { std::ptr::copy_nonoverlapping(native, base(obj).add(offset), nl.size as usize) };
        return Ok(());
    }
    let rt = thread.runtime();
    for f in &nl.fields {
        let mo = offset + f.managed_offset as usize;
        // SAFETY: field offsets lie within the value and the native struct;
        // `base` is re-read after every allocation.
        unsafe {
            let n = native.add(f.native_offset as usize);
            match f.kind {
                NativeField::Blittable(size) => {
                    std::ptr::copy_nonoverlapping(n, base(obj).add(mo), size as usize)
                }
                NativeField::Bool(size) => {
                    let v = if size == 1 {
                        *n != 0
                    } else {
                        (n as *const u32).read_unaligned() != 0
                    };
                    *base(obj).add(mo) = u8::from(v);
                }
                NativeField::AnsiChar => {
                    let b = *n;
                    let c: u16 = if b < 0x80 { u16::from(b) } else { 0xFFFD };
                    (base(obj).add(mo) as *mut u16).write_unaligned(c);
                }
                NativeField::String { utf16 } => {
                    let p = (n as *const usize).read_unaligned();
                    let s = if p == 0 {
                        std::ptr::null_mut()
                    } else {
                        let units = native_string_units(p, utf16);
                        let s = rt.alloc_string(thread, units.len())?;
                        std::ptr::copy_nonoverlapping(
                            units.as_ptr(),
                            s.as_ptr().add(object::STRING_DATA_OFFSET) as *mut u16,
                            units.len(),
                        );
                        s.as_ptr()
                    };
                    let slot = base(obj).add(mo) as *mut *mut u8;
                    *slot = s;
                    rt.heaps.gc.write_barrier(slot as usize);
                }
                NativeField::Delegate(t) => {
                    let p = (n as *const usize).read_unaligned();
                    let d = if p == 0 {
                        std::ptr::null_mut()
                    } else {
                        super::reverse::delegate_for_pointer(thread, p, t)?.as_ptr()
                    };
                    let slot = base(obj).add(mo) as *mut *mut u8;
                    *slot = d;
                    rt.heaps.gc.write_barrier(slot as usize);
                }
                NativeField::Struct(inner) => {
                    let inl = layout_of(thread, inner)?;
                    from_native(thread, obj, mo, n, &inl)?;
                }
                NativeField::ByValTStr { count, utf16 } => {
                    let units = read_fixed_string(n, count as usize, utf16);
                    let s = rt.alloc_string(thread, units.len())?;
                    std::ptr::copy_nonoverlapping(
                        units.as_ptr(),
                        s.as_ptr().add(object::STRING_DATA_OFFSET) as *mut u16,
                        units.len(),
                    );
                    let s = s.as_ptr();
                    let slot = base(obj).add(mo) as *mut *mut u8;
                    *slot = s;
                    rt.heaps.gc.write_barrier(slot as usize);
                }
                NativeField::ByValArray {
                    array,
                    element,
                    elem_size,
                    count,
                } => {
                    let a = rt.new_object(thread, &array.mt, count as usize)?;
                    let data = a.get(thread).as_ptr().add(object::ARRAY_DATA_OFFSET);
                    if element == JitType::Char && elem_size == 1 {
                        for i in 0..count as usize {
                            let b = *n.add(i);
                            let c: u16 = if b < 0x80 { u16::from(b) } else { 0xFFFD };
                            (data.add(2 * i) as *mut u16).write_unaligned(c);
                        }
                    } else {
                        std::ptr::copy_nonoverlapping(n, data, (count * elem_size) as usize);
                    }
                    let a = a.get(thread).as_ptr();
                    let slot = base(obj).add(mo) as *mut *mut u8;
                    *slot = a;
                    rt.heaps.gc.write_barrier(slot as usize);
                }
            }
        }
    }
    Ok(())
}

/// Frees what a native form owns: its strings (recursively).
///
/// # Safety
/// `native` holds a native form of the layout `nl` describes.
pub(crate) unsafe fn destroy(
    thread: &mut Thread,
    native: *mut u8,
    nl: &NativeLayout,
) -> Result<(), RuntimeError> {
    for f in &nl.fields {
        // SAFETY: field offsets lie within the native struct.
        unsafe {
            let n = native.add(f.native_offset as usize);
            match f.kind {
                NativeField::String { .. } => {
                    let slot = n as *mut usize;
                    thread
                        .runtime()
                        .os
                        .native_free(slot.read_unaligned() as *mut u8);
                    slot.write_unaligned(0);
                }
                NativeField::Struct(inner) => {
                    let inl = layout_of(thread, inner)?;
                    destroy(thread, n, &inl)?;
                }
                _ => {}
            }
        }
    }
    Ok(())
}
