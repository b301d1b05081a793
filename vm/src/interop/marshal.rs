//! Which marshaler each parameter of a P/Invoke gets: the marshaling plan.
//!
//! A plan is made once per P/Invoke (when a caller or the IL stub is
//! compiled) from the signature, the `[DllImport]` settings and the
//! parameters' `[In]`/`[Out]`/`[MarshalAs]`. A plan whose every parameter
//! crosses as it is (blittable values, `bool` normalized, UTF-16 strings
//! pinned) is *inlinable*: callers compile the transition at the call site
//! and no stub runs. Anything else goes through the IL stub
//! (`interop::stub`). A parameter with no native form makes the plan an
//! error, raised as `MarshalDirectiveException` naming the parameter when
//! the method is first called.

use osprey_jit::{JitType, NativeArg, NativeRet, NativeStruct};
use osprey_metadata::sig::TypeSig;

use super::import::{self, native_type as nt, CharSet, PInvokeImport, ParamInfo};
use super::layout;
use crate::loader::{Loader, MethodHandle, TypeHandle, TypeKind};
use crate::runtime::RuntimeError;
use crate::typesystem::ExceptionKind;

/// How one parameter crosses.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum ArgKind {
    /// As is: primitives, enums, pointers, `IntPtr` (the native type is the
    /// managed one).
    Blittable,
    /// A blittable struct by value, as System V passes it.
    Struct(NativeStruct),
    /// `bool` as a C integer of `size` bytes (4: `BOOL`, the default; 1:
    /// `[MarshalAs(UnmanagedType.U1)]`).
    Bool { size: u32 },
    /// `char` as one UTF-8 byte (`CharSet.Ansi`).
    AnsiChar,
    /// `string` as pinned UTF-16 characters (`CharSet.Unicode`, `LPWStr`).
    StringUtf16,
    /// `string` as a temporary NUL-terminated UTF-8 copy (`CharSet.Ansi`,
    /// `LPStr`, `LPUTF8Str`), freed after the call.
    StringUtf8,
    /// `StringBuilder` as a native buffer of its capacity, copied back.
    StringBuilder { utf16: bool },
    /// An array of blittable elements, pinned: C sees (and may change) the
    /// managed elements themselves, so `[In]` and `[Out]` need no copies.
    Array,
    /// `ref`/`out` of a blittable type, pinned: C gets its address.
    ByRef,
    /// `ref`/`out bool`: a C integer of `size` bytes copied in (unless
    /// `[Out]` only) and back.
    ByRefBool { size: u32, copy_in: bool },
    /// A delegate as a C function pointer (a thunk kept alive with it).
    Delegate,
    /// A `SafeHandle`: its handle, with a reference taken for the call.
    SafeHandle,
    /// A pointer to a native copy on the C heap (`Marshal.StructureToPtr`'s
    /// form), made for the call and destroyed after it: a `ref`/`out` of a
    /// non-blittable struct (`boxed`: its type, boxed for the conversion)
    /// or a formatted class (`boxed: None`; null passes null). `copy_in`
    /// converts the value into the buffer first (not for `out`), `copy_out`
    /// reads the buffer back after the call (`ref`, `out`, and a class
    /// marked `[Out]`). `by_value`: a non-blittable struct passed by value,
    /// whose native bytes the JIT passes by their System V classification
    /// ([`NativeArg::StructAt`]) instead of passing the buffer's address.
    NativeCopy {
        boxed: Option<TypeHandle>,
        copy_in: bool,
        copy_out: bool,
        by_value: Option<NativeStruct>,
    },
}

/// How the result comes back.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum RetKind {
    /// `void`.
    Void,
    /// As is.
    Blittable,
    /// A blittable struct, as System V returns it.
    Struct(NativeStruct),
    /// A non-blittable struct of this type: its native form comes back as
    /// System V returns a struct of that layout, into a C heap buffer the
    /// stub converts to the managed struct and then destroys (freeing the
    /// strings the callee allocated, as the CLR does).
    ConvertedStruct(TypeHandle, NativeStruct),
    /// A C boolean of `size` bytes.
    Bool { size: u32 },
    /// One UTF-8 byte as a `char`.
    AnsiChar,
    /// A `char*` copied into a string, then freed (as .NET does).
    String { utf16: bool },
    /// A handle wrapped in a new instance of this `SafeHandle` type.
    SafeHandle(TypeHandle),
    /// A function pointer wrapped in a delegate of this type.
    Delegate(TypeHandle),
}

/// One parameter's plan.
#[derive(Clone, Debug)]
pub(crate) struct ArgPlan {
    /// How it crosses.
    pub kind: ArgKind,
    /// Its managed type.
    pub managed: JitType,
    /// What the native function receives.
    pub native: JitType,
}

/// The marshaling plan of a P/Invoke.
#[derive(Clone, Debug)]
pub(crate) struct MarshalPlan {
    /// The declaration.
    pub import: PInvokeImport,
    /// One per parameter.
    pub args: Vec<ArgPlan>,
    /// The result.
    pub ret: RetKind,
    /// The managed return type.
    pub managed_ret: JitType,
    /// The native return type.
    pub native_ret: JitType,
    /// `[SuppressGCTransition]`.
    pub suppress_gc_transition: bool,
}

impl MarshalPlan {
    /// Whether callers can make the call inline, without the IL stub.
    pub(crate) fn inlinable(&self) -> bool {
        self.import.preserve_sig
            && self.args.iter().all(|a| {
                matches!(
                    a.kind,
                    ArgKind::Blittable
                        | ArgKind::Struct(_)
                        | ArgKind::Bool { .. }
                        | ArgKind::StringUtf16
                )
            })
            && matches!(
                self.ret,
                RetKind::Void | RetKind::Blittable | RetKind::Struct(_) | RetKind::Bool { .. }
            )
    }

    /// How each native argument crosses the call the JIT emits, for the
    /// native signature (`native_args`).
    pub(crate) fn native_args(&self, inline: bool) -> Vec<NativeArg> {
        self.args
            .iter()
            .map(|a| match &a.kind {
                ArgKind::Struct(ns) => NativeArg::Struct(*ns),
                ArgKind::NativeCopy {
                    by_value: Some(ns), ..
                } => NativeArg::StructAt(*ns),
                ArgKind::Bool { .. } => NativeArg::Bool,
                ArgKind::StringUtf16 if inline => NativeArg::PinnedString,
                _ => NativeArg::Direct,
            })
            .collect()
    }

    /// How the native result comes back.
    pub(crate) fn native_ret(&self) -> NativeRet {
        match &self.ret {
            RetKind::Struct(ns) => NativeRet::Struct(*ns),
            RetKind::ConvertedStruct(_, ns) => NativeRet::StructTo(*ns),
            RetKind::Bool { size } => NativeRet::Bool {
                one_byte: *size == 1,
            },
            _ => NativeRet::Direct,
        }
    }
}

/// A parameter with no native form: becomes `MarshalDirectiveException`.
fn directive(md: MethodHandle, index: usize, info: &ParamInfo, why: &str) -> RuntimeError {
    let what = if index == 0 {
        "'return value'".to_string()
    } else if info.name.is_empty() {
        format!("'parameter #{index}'")
    } else {
        format!("'parameter #{index}' ({})", info.name)
    };
    RuntimeError::managed(
        ExceptionKind::MarshalDirective,
        Some(format!(
            "Cannot marshal {what} of {}: {why}.",
            md.full_name()
        )),
    )
}

/// The `SafeHandle` class, if `t` derives from it.
fn is_safe_handle(t: TypeHandle) -> bool {
    let mut cur = Some(t);
    while let Some(c) = cur {
        if c.name == "System.Runtime.InteropServices.SafeHandle" {
            return true;
        }
        cur = c.parent();
    }
    false
}

/// Makes the plan of P/Invoke `md` (the loader is locked by the caller).
pub(crate) fn plan(loader: &mut Loader, md: MethodHandle) -> Result<MarshalPlan, RuntimeError> {
    let (import, infos) = {
        let asm = loader.assembly(md.assembly);
        let img = asm.image();
        (
            import::pinvoke_import(img, md)?,
            import::param_infos(img, md.rid, md.sig.params.len()),
        )
    };
    if !md.is_static() {
        return Err(RuntimeError::managed(
            ExceptionKind::MarshalDirective,
            Some(format!("{} is a P/Invoke but not static", md.full_name())),
        ));
    }
    plan_with(loader, md, import, &infos)
}

/// The plan of calls through a C function pointer with the signature of
/// delegate type `invoke`'s `Invoke` (`Marshal.GetDelegateForFunctionPointer`):
/// marshaled as a P/Invoke with that signature and the default settings
/// (`CharSet.Ansi`: UTF-8; no `SetLastError`).
pub(crate) fn delegate_plan(
    loader: &mut Loader,
    invoke: MethodHandle,
) -> Result<MarshalPlan, RuntimeError> {
    let infos = {
        let asm = loader.assembly(invoke.assembly);
        import::param_infos(asm.image(), invoke.rid, invoke.sig.params.len())
    };
    let import = PInvokeImport {
        library: String::new(),
        entry_point: String::new(),
        char_set: CharSet::Utf8,
        set_last_error: false,
        preserve_sig: true,
    };
    plan_with(loader, invoke, import, &infos)
}

fn plan_with(
    loader: &mut Loader,
    md: MethodHandle,
    import: PInvokeImport,
    infos: &[ParamInfo],
) -> Result<MarshalPlan, RuntimeError> {
    let mut args = Vec::with_capacity(md.sig.params.len());
    for (i, p) in md.sig.params.iter().enumerate() {
        let info = &infos[i + 1];
        args.push(arg_plan(loader, md, &import, i + 1, info, p)?);
    }
    let managed_ret = loader.jit_type_of_sig(md.assembly, &md.sig.ret, &md.generic_context())?;
    let (ret, native_ret) = ret_plan(loader, md, &import, &infos[0], &md.sig.ret, managed_ret)?;
    let (ret, native_ret) = if import.preserve_sig {
        (ret, native_ret)
    } else {
        // PreserveSig = false: the native function returns an HRESULT, and
        // the managed result (a blittable value or none) comes back through
        // a trailing pointer argument.
        match ret {
            RetKind::Void | RetKind::Blittable => (ret, JitType::I4),
            _ => {
                return Err(directive(
                    md,
                    0,
                    &infos[0],
                    "with PreserveSig = false the result must be void or blittable",
                ))
            }
        }
    };
    let suppress_gc_transition = matches!(
        md.kind,
        crate::loader::MethodKind::PInvoke {
            suppress_gc_transition: true,
            ..
        }
    );
    Ok(MarshalPlan {
        import,
        args,
        ret,
        managed_ret,
        native_ret,
        suppress_gc_transition,
    })
}

fn arg_plan(
    loader: &mut Loader,
    md: MethodHandle,
    import: &PInvokeImport,
    index: usize,
    info: &ParamInfo,
    p: &TypeSig,
) -> Result<ArgPlan, RuntimeError> {
    let managed = loader.jit_type_of_sig(md.assembly, p, &md.generic_context())?;
    let plan = |kind: ArgKind, native: JitType| {
        Ok(ArgPlan {
            kind,
            managed,
            native,
        })
    };
    let sig = p.strip_modifiers();
    match sig {
        TypeSig::Boolean => {
            let size = bool_size(info.native_type);
            plan(ArgKind::Bool { size }, if size == 1 { JitType::U1 } else { JitType::I4 })
        }
        TypeSig::Char => {
            if import.char_set == CharSet::Utf16 || info.native_type == Some(nt::U2) {
                plan(ArgKind::Blittable, JitType::Char)
            } else {
                plan(ArgKind::AnsiChar, JitType::U1)
            }
        }
        TypeSig::String => match string_utf16(import, info.native_type) {
            Some(true) => plan(ArgKind::StringUtf16, JitType::I),
            Some(false) => plan(ArgKind::StringUtf8, JitType::I),
            None => Err(directive(md, index, info, "a string marshals as LPStr, LPUTF8Str or LPWStr")),
        },
        TypeSig::Ptr(_) | TypeSig::FnPtr(_) => plan(ArgKind::Blittable, JitType::Ptr),
        TypeSig::Object => Err(directive(
            md,
            index,
            info,
            "an object has no native form (pass a string, an array, a delegate, a SafeHandle or an IntPtr)",
        )),
        TypeSig::SzArray(elem) => {
            let et = loader.type_of_sig(md.assembly, elem, &md.generic_context())?;
            if blittable_value(loader, et, import) {
                plan(ArgKind::Array, JitType::I)
            } else {
                Err(directive(
                    md,
                    index,
                    info,
                    &format!("arrays of {} are not blittable (use an array of a blittable type)", et.name),
                ))
            }
        }
        TypeSig::ByRef(inner) => {
            let inner_sig = inner.strip_modifiers();
            if *inner_sig == TypeSig::Boolean {
                let size = bool_size(info.native_type);
                let copy_in = !info.is_out || info.is_in;
                return plan(ArgKind::ByRefBool { size, copy_in }, JitType::I);
            }
            if let TypeSig::Ptr(_) = inner_sig {
                return plan(ArgKind::ByRef, JitType::I);
            }
            let it = match loader.type_of_sig(md.assembly, inner_sig, &md.generic_context()) {
                Ok(t) => t,
                Err(_) => {
                    return Err(directive(md, index, info, "the referenced type cannot be loaded"))
                }
            };
            if it.is_value_type() && blittable_value(loader, it, import) {
                plan(ArgKind::ByRef, JitType::I)
            } else if it.kind == TypeKind::ValueType && layout::native_layout(loader, it).is_ok() {
                // .NET's rule: `ref` is [In, Out], `out` is [Out], `[In] ref`
                // is [In].
                let copy_in = !info.is_out || info.is_in;
                let copy_out = !info.is_in || info.is_out;
                plan(
                    ArgKind::NativeCopy {
                        boxed: Some(it),
                        copy_in,
                        copy_out,
                        by_value: None,
                    },
                    JitType::I,
                )
            } else {
                Err(directive(
                    md,
                    index,
                    info,
                    &format!(
                        "a ref or out {} is not blittable (pass a blittable type by reference)",
                        it.name
                    ),
                ))
            }
        }
        TypeSig::GenericInst { .. } | TypeSig::Var(_) | TypeSig::MVar(_) => {
            Err(directive(md, index, info, "generic types cannot be marshaled"))
        }
        TypeSig::Class(_) | TypeSig::ValueType(_) | TypeSig::I | TypeSig::U => {
            let t = loader.type_of_sig(md.assembly, sig, &md.generic_context())?;
            match t.kind {
                TypeKind::Primitive(_) | TypeKind::Enum(_) => plan(ArgKind::Blittable, managed),
                TypeKind::ValueType => match layout::native_layout(loader, t) {
                    Ok(nl) if nl.blittable => {
                        let ns = layout::sysv_class(loader, t).map_err(|e| {
                            directive(md, index, info, &e.0)
                        })?;
                        plan(ArgKind::Struct(ns), managed)
                    }
                    // Converted to its native form in a C heap buffer, whose
                    // bytes travel as System V passes a struct of that layout.
                    Ok(_) => {
                        let ns = layout::sysv_class(loader, t)
                            .map_err(|e| directive(md, index, info, &e.0))?;
                        plan(
                            ArgKind::NativeCopy {
                                boxed: Some(t),
                                copy_in: true,
                                copy_out: false,
                                by_value: Some(ns),
                            },
                            JitType::I,
                        )
                    }
                    Err(e) => Err(directive(md, index, info, &e.0)),
                },
                TypeKind::Class if layout::is_delegate(t) => plan(ArgKind::Delegate, JitType::I),
                TypeKind::Class if is_safe_handle(t) => plan(ArgKind::SafeHandle, JitType::I),
                TypeKind::Class if layout::is_formatted_class(loader, t) => {
                    if let Err(e) = layout::native_layout(loader, t) {
                        return Err(directive(md, index, info, &e.0));
                    }
                    // A formatted class is [In] unless marked [Out].
                    plan(
                        ArgKind::NativeCopy {
                            boxed: None,
                                copy_in: !info.is_out || info.is_in,
                            copy_out: info.is_out,
                            by_value: None,
                        },
                        JitType::I,
                    )
                }
                TypeKind::Class if t.name == "System.Text.StringBuilder" => {
                    let utf16 = string_utf16(import, info.native_type).unwrap_or(false);
                    plan(ArgKind::StringBuilder { utf16 }, JitType::I)
                }
                _ => Err(directive(
                    md,
                    index,
                    info,
                    &format!("{} has no native form", t.name),
                )),
            }
        }
        TypeSig::Array { .. } => Err(directive(
            md,
            index,
            info,
            "multi-dimensional arrays cannot be marshaled",
        )),
        _ => plan(ArgKind::Blittable, managed),
    }
}

fn ret_plan(
    loader: &mut Loader,
    md: MethodHandle,
    import: &PInvokeImport,
    info: &ParamInfo,
    ret: &TypeSig,
    managed: JitType,
) -> Result<(RetKind, JitType), RuntimeError> {
    let sig = ret.strip_modifiers();
    Ok(match sig {
        TypeSig::Void => (RetKind::Void, JitType::Void),
        TypeSig::Boolean => {
            let size = bool_size(info.native_type);
            (RetKind::Bool { size }, if size == 1 { JitType::U1 } else { JitType::I4 })
        }
        TypeSig::Char => {
            if import.char_set == CharSet::Utf16 || info.native_type == Some(nt::U2) {
                (RetKind::Blittable, JitType::Char)
            } else {
                (RetKind::AnsiChar, JitType::U1)
            }
        }
        TypeSig::String => match string_utf16(import, info.native_type) {
            Some(utf16) => (RetKind::String { utf16 }, JitType::I),
            None => return Err(directive(md, 0, info, "a string marshals as LPStr, LPUTF8Str or LPWStr")),
        },
        TypeSig::Ptr(_) | TypeSig::FnPtr(_) => (RetKind::Blittable, JitType::Ptr),
        TypeSig::Class(_) | TypeSig::ValueType(_) | TypeSig::I | TypeSig::U => {
            let t = loader.type_of_sig(md.assembly, sig, &md.generic_context())?;
            match t.kind {
                TypeKind::Primitive(_) | TypeKind::Enum(_) => (RetKind::Blittable, managed),
                TypeKind::ValueType => match layout::native_layout(loader, t) {
                    Ok(nl) if nl.blittable => {
                        let ns = layout::sysv_class(loader, t)
                            .map_err(|e| directive(md, 0, info, &e.0))?;
                        (RetKind::Struct(ns), managed)
                    }
                    Ok(_) => {
                        let ns = layout::sysv_class(loader, t)
                            .map_err(|e| directive(md, 0, info, &e.0))?;
                        (RetKind::ConvertedStruct(t, ns), JitType::Void)
                    }
                    Err(e) => return Err(directive(md, 0, info, &e.0)),
                },
                TypeKind::Class if layout::is_delegate(t) => (RetKind::Delegate(t), JitType::I),
                TypeKind::Class if is_safe_handle(t) => {
                    if t.mt.has(crate::loader::types::mt_flags::ABSTRACT) {
                        return Err(directive(
                            md,
                            0,
                            info,
                            &format!("the SafeHandle type {} is abstract", t.name),
                        ));
                    }
                    (RetKind::SafeHandle(t), JitType::I)
                }
                _ => return Err(directive(md, 0, info, &format!("{} has no native form", t.name))),
            }
        }
        TypeSig::Object | TypeSig::SzArray(_) | TypeSig::Array { .. } | TypeSig::ByRef(_) => {
            return Err(directive(
                md,
                0,
                info,
                "objects, arrays and managed pointers cannot be returned from native code (return an IntPtr)",
            ))
        }
        TypeSig::GenericInst { .. } | TypeSig::Var(_) | TypeSig::MVar(_) => {
            return Err(directive(md, 0, info, "generic types cannot be marshaled"))
        }
        _ => (RetKind::Blittable, managed),
    })
}

/// The native size of a `bool` with this `[MarshalAs]`.
fn bool_size(native_type: Option<u8>) -> u32 {
    match native_type {
        Some(nt::U1 | nt::I1) => 1,
        _ => 4,
    }
}

/// Whether a string with this `[MarshalAs]` is UTF-16 (`Some(true)`),
/// UTF-8 (`Some(false)`), or has an unsupported native type (`None`).
fn string_utf16(import: &PInvokeImport, native_type: Option<u8>) -> Option<bool> {
    match native_type {
        None => Some(import.char_set == CharSet::Utf16),
        Some(nt::LPWSTR) => Some(true),
        Some(nt::LPSTR | nt::LPUTF8STR) => Some(false),
        Some(nt::LPTSTR) => Some(false),
        Some(_) => None,
    }
}

/// Whether values of `t` are the same bytes in native memory: primitives
/// other than `bool` (and `char` outside `CharSet.Unicode`), enums,
/// pointers, and structs of such fields.
fn blittable_value(loader: &mut Loader, t: TypeHandle, import: &PInvokeImport) -> bool {
    match t.kind {
        TypeKind::Primitive(_) | TypeKind::Enum(_) => match t.jit_type() {
            JitType::Bool => false,
            JitType::Char => import.char_set == CharSet::Utf16,
            _ => true,
        },
        TypeKind::ValueType => layout::native_layout(loader, t).is_ok_and(|l| l.blittable),
        _ => false,
    }
}
