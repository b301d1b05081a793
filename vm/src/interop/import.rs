//! What a `[DllImport]` declaration says: the ImplMap row (library, entry
//! point, character set, `SetLastError`, calling convention), the method's
//! `PreserveSig` flag, and each parameter's direction (`[In]`, `[Out]`) and
//! `[MarshalAs]` (FieldMarshal) descriptor.

use osprey_metadata::flags::pinvoke_attributes as pia;
use osprey_metadata::flags::{method_impl_attributes as mia, param_attributes as pa};
use osprey_metadata::tables::HasFieldMarshal;
use osprey_metadata::Image;

use crate::loader::MethodHandle;
use crate::runtime::RuntimeError;
use crate::typesystem::ExceptionKind;

/// How strings and characters are encoded (`CharSet`). On Linux `Ansi` and
/// `Auto` mean UTF-8, as in .NET.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub(crate) enum CharSet {
    /// `CharSet.Ansi`, `CharSet.Auto` or none given: UTF-8, one byte per `char`.
    Utf8,
    /// `CharSet.Unicode`: UTF-16.
    Utf16,
}

/// A P/Invoke declaration.
#[derive(Clone, Debug)]
pub(crate) struct PInvokeImport {
    /// The library as written (`"m"`, `"libc.so.6"`, a path, `"QCall"`).
    pub library: String,
    /// The symbol to call (`EntryPoint`, else the method's name).
    pub entry_point: String,
    /// `CharSet`.
    pub char_set: CharSet,
    /// `SetLastError = true`.
    pub set_last_error: bool,
    /// `PreserveSig` (true unless `PreserveSig = false`).
    pub preserve_sig: bool,
}

/// The `UnmanagedType` values of `[MarshalAs]` the marshaler acts on (any
/// other one is the default for the type, or an error where it names a
/// string type the marshaler does not know).
pub(crate) mod native_type {
    /// `sbyte` / 1-byte boolean.
    pub const I1: u8 = 0x03;
    /// `byte` / 1-byte boolean.
    pub const U1: u8 = 0x04;
    /// `ushort` (a UTF-16 `char`).
    pub const U2: u8 = 0x06;
    /// A NUL-terminated string in the ANSI code page (UTF-8 on Linux).
    pub const LPSTR: u8 = 0x14;
    /// A NUL-terminated UTF-16 string.
    pub const LPWSTR: u8 = 0x15;
    /// A string in the platform's encoding (UTF-8 on Linux).
    pub const LPTSTR: u8 = 0x16;
    /// A NUL-terminated UTF-8 string.
    pub const LPUTF8STR: u8 = 0x30;
    /// `ByValTStr`: a string inline in a struct, as a fixed number of
    /// characters (`SizeConst`, the NUL included).
    pub const BYVALTSTR: u8 = 0x17;
    /// `LPArray`: a pointer to an array's elements (its count from
    /// `SizeParamIndex` and `SizeConst`).
    pub const LPARRAY: u8 = 0x2A;
    /// `ByValArray`: an array inline in a struct, a fixed number of
    /// elements (`SizeConst`).
    pub const BYVALARRAY: u8 = 0x1E;
}

/// What the metadata says about one parameter (or the return value).
#[derive(Clone, Debug, Default)]
pub(crate) struct ParamInfo {
    /// The parameter's name (empty for the return value or an unnamed one).
    pub name: String,
    /// `[In]`.
    pub is_in: bool,
    /// `[Out]` (also set by C#'s `out`).
    pub is_out: bool,
    /// The `[MarshalAs]` native type, if one is given.
    pub native_type: Option<u8>,
    /// `[MarshalAs(LPArray)]`: the 0-based `SizeParamIndex`, if given.
    pub size_param: Option<usize>,
    /// `[MarshalAs(LPArray)]`: `SizeConst` (0 if not given).
    pub size_const: u32,
}

/// Reads the P/Invoke declaration of `md`.
pub(crate) fn pinvoke_import(
    img: &Image<'_>,
    md: MethodHandle,
) -> Result<PInvokeImport, RuntimeError> {
    let bad = |what: String| RuntimeError::managed(ExceptionKind::BadImageFormat, Some(what));
    let p = img
        .pinvoke_import_of(md.rid)
        .map_err(|e| bad(format!("the ImplMap row of {}: {e}", md.full_name())))?
        .ok_or_else(|| {
            bad(format!(
                "{} is pinvokeimpl but has no ImplMap row",
                md.full_name()
            ))
        })?;
    let qcall = p.module_name == super::QCALL_LIBRARY;
    let char_set = match p.flags & pia::CHAR_SET_MASK {
        pia::CHAR_SET_UNICODE => CharSet::Utf16,
        // QCalls take UTF-16 strings (docs/internal-calls.md), whatever they declare.
        _ if qcall => CharSet::Utf16,
        _ => CharSet::Utf8,
    };
    let entry_point = if p.import_name.is_empty() {
        md.name.clone()
    } else {
        p.import_name.to_string()
    };
    Ok(PInvokeImport {
        library: p.module_name.to_string(),
        entry_point,
        char_set,
        set_last_error: p.flags & pia::SUPPORTS_LAST_ERROR != 0,
        preserve_sig: md.impl_flags & mia::PRESERVE_SIG != 0 || qcall,
    })
}

/// The parameter descriptions of method `rid`: index 0 is the return value,
/// index `i` the `i`-th parameter; entries with no Param row are defaults.
pub(crate) fn param_infos(img: &Image<'_>, rid: u32, count: usize) -> Vec<ParamInfo> {
    let mut out = vec![ParamInfo::default(); count + 1];
    let Ok(range) = img.param_range(rid) else {
        return out;
    };
    for prid in range {
        let Ok(row) = img.param(prid) else { continue };
        let Some(slot) = out.get_mut(row.sequence as usize) else {
            continue;
        };
        slot.name = img.string(row.name).unwrap_or_default().to_string();
        slot.is_in = row.flags & pa::IN != 0;
        slot.is_out = row.flags & pa::OUT != 0;
        if row.flags & pa::HAS_FIELD_MARSHAL != 0 {
            let owner = HasFieldMarshal::Param(prid);
            slot.native_type = field_marshal(img, owner);
            if slot.native_type == Some(native_type::LPARRAY) {
                let blob = img.field_marshal_of(owner).ok().flatten().unwrap_or(&[]);
                (slot.size_param, slot.size_const) = lparray_size(blob);
            }
        }
    }
    out
}

/// The `SizeConst` of a `ByValTStr` or `ByValArray` FieldMarshal
/// descriptor: the compressed count after its native type (ECMA-335
/// II.23.4); `None` when the descriptor is another one or has no count.
pub(crate) fn fixed_count(img: &Image<'_>, owner: HasFieldMarshal) -> Option<u32> {
    let blob = img.field_marshal_of(owner).ok().flatten()?;
    match blob.first() {
        Some(&(native_type::BYVALTSTR | native_type::BYVALARRAY)) => {
            osprey_metadata::compressed::decode_u32(&blob[1..])
                .ok()
                .map(|(n, _)| n)
        }
        _ => None,
    }
}

/// The count of an `LPArray` descriptor (ECMA-335 II.23.4: the native
/// type, the element type, then optionally the parameter number, the
/// element count and, as mcs and the CLR write it, a flag saying whether
/// the parameter number was given): (`SizeParamIndex`, `SizeConst`).
fn lparray_size(blob: &[u8]) -> (Option<usize>, u32) {
    let mut rest = blob.get(2..).unwrap_or(&[]);
    let mut next = || {
        let (v, n) = osprey_metadata::compressed::decode_u32(rest).ok()?;
        rest = &rest[n..];
        Some(v)
    };
    let param = next();
    let count = next();
    let flag = next();
    let param = match (param, count, flag) {
        (Some(p), None, _) | (Some(p), Some(_), None) => Some(p as usize),
        (Some(p), Some(_), Some(f)) if f & 1 != 0 => Some(p as usize),
        _ => None,
    };
    (param, count.unwrap_or(0))
}

/// The first byte of a FieldMarshal descriptor (its `UnmanagedType`).
pub(crate) fn field_marshal(img: &Image<'_>, owner: HasFieldMarshal) -> Option<u8> {
    img.field_marshal_of(owner)
        .ok()
        .flatten()
        .and_then(|b| b.first().copied())
}
