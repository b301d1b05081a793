//! Native code calling managed code (reverse P/Invoke), delegates over C
//! function pointers, and `calli` with an unmanaged signature.
//!
//! **Thunks.** A delegate passed to C (or given to
//! `Marshal.GetFunctionPointerForDelegate`), and the address `ldftn` takes
//! of an `[UnmanagedCallersOnly]` method, is a *thunk*: 16 bytes of code,
//! `mov r10, <entry>; jmp <reverse stub>`, where the entry ([`UmEntry`])
//! says what to call and how the arguments arrive. A delegate's thunk is
//! made once (the delegate keeps its address in `_unmanagedThunk`) and
//! lives while the delegate does: the entry holds the delegate through a
//! weak handle, and a thunk whose delegate died is reused for another one.
//!
//! **The reverse stub** (one per runtime) saves the System V argument
//! registers and calls [`reverse_worker`] with the entry, the saved
//! registers and the caller's stack arguments; the worker writes the
//! result back where the stub reloads RAX/RDX/XMM0/XMM1 from. The worker:
//!
//! 1. finds the calling thread's record: the one the thread already runs
//!    managed code with (it called C through a P/Invoke), or, for a thread
//!    the runtime has never seen (one a C library started), a new one: the
//!    thread joins the kernel process (`ThreadHandle.AttachCurrent`, with
//!    the process's attach token), gets a thread record registered with the
//!    collector, and keeps it until it exits;
//! 2. switches the thread to cooperative mode, waiting while a collection
//!    runs (`Gc::enter_cooperative`);
//! 3. reads the arguments as System V placed them and calls the managed
//!    target through the call-site API, whose call thunk links an entry
//!    record: the stack walker and the exception dispatcher see the
//!    callback's frames as a segment of their own, and the P/Invoke frame
//!    below the C frames starts the next one;
//! 4. if an exception leaves the callback, it is not unwound through C (the
//!    CLR's rule): it is reported as an unhandled exception and the process
//!    ends (the managed frames below the C frames are abandoned at their
//!    next safepoint; C gets a zero result meanwhile);
//! 5. switches back to preemptive mode and returns to C.

use std::collections::HashMap;
use std::sync::Mutex;

use osprey_jit::{
    CallSig, CallSiteSig, EightByte, HostError, HostErrorKind, JitType, NativeArg, NativeRet,
    NativeStruct, NativeTarget, StructClass, UnmanagedCall,
};
use osprey_metadata::sig::{CallingConvention, StandAloneSig, TypeSig};
use osprey_metadata::{TableId, Token};

use crate::loader::{Loader, MethodHandle, TypeHandle};
use crate::object::ObjectRef;
use crate::rooted::{Rooted, Unrooted};
use crate::runtime::jitiface::JitContext;
use crate::runtime::{Arg, CallSite, Runtime, RuntimeError, Value};
use crate::thread::Thread;
use crate::typesystem::ExceptionKind;

/// How one argument of a callback arrives from C.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
enum RevArg {
    /// An integer of `size` bytes (a general register or a stack slot).
    Int { size: u8, signed: bool },
    /// A C boolean of `size` bytes (4: `BOOL`, 1: `[MarshalAs(U1)]`;
    /// non-zero is true) as a managed `bool`.
    Bool { size: u8 },
    /// A `char*` (UTF-8, or UTF-16 with `[MarshalAs(LPWStr)]`) copied into
    /// a new string for the callback (null stays null).
    String { utf16: bool },
    /// A float (an XMM register or a stack slot).
    R4,
    /// A double.
    R8,
    /// A blittable struct, as System V passes it.
    Struct(NativeStruct),
    /// A non-blittable struct of type `ty` by value: the bytes of its
    /// native form, as System V passes a struct of that layout, converted
    /// into a new value for the callback (`PtrToStructure`'s conversion).
    ConvertedStruct { ty: TypeHandle, ns: NativeStruct },
    /// `ref`/`out` of a non-blittable struct of type `ty`: C's pointer to
    /// its native form, converted into a temporary the callback gets by
    /// reference (not for `out`: `copy_in`), and written back to C's
    /// memory after the callback (not for `[In] ref`: `copy_out`;
    /// `StructureToPtr`'s conversion; a string field written back is a new
    /// C heap copy that C owns).
    StructRef {
        ty: TypeHandle,
        copy_in: bool,
        copy_out: bool,
    },
    /// A pointer to blittable elements, as a new array of type `array`
    /// (`elem_size` bytes each) of `size_const` elements plus the value of
    /// parameter `size_param` (`[MarshalAs(LPArray, SizeParamIndex = n,
    /// SizeConst = k)]`); copied back to C's memory after the callback
    /// when the parameter is `[Out]`.
    Array {
        array: TypeHandle,
        elem_size: u32,
        size_param: Option<usize>,
        size_const: u32,
        copy_out: bool,
    },
    /// A `char*` buffer as a `StringBuilder` holding its text; after the
    /// callback the builder's text is written back to the buffer, cut to
    /// the length of the text C passed (all the room C is known to have).
    StringBuilder { utf16: bool },
}

/// How a callback's result goes back to C.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
enum RevRet {
    Void,
    Int {
        size: u8,
        signed: bool,
    },
    Bool {
        size: u8,
    },
    /// A string handed to C as a NUL-terminated copy on the C heap, which
    /// C owns (frees with `free`), as .NET and Mono do.
    String {
        utf16: bool,
    },
    R4,
    R8,
}

/// What a thunk calls. Boxed, never moved, alive as long as the runtime
/// (reused when its delegate dies).
pub(crate) struct UmEntry {
    rt: *const Runtime,
    /// A weak GC handle to the delegate, or 0 for an `[UnmanagedCallersOnly]`
    /// method.
    delegate: usize,
    /// The method to call (the delegate's, or the UCO method).
    method: MethodHandle,
    site: CallSite,
    args: Vec<RevArg>,
    ret: RevRet,
    /// The thunk's address.
    thunk: usize,
}

// SAFETY: the entry is immutable while in use; the runtime pointer is valid
// for the runtime's life, which the thunks table does not outlive.
unsafe impl Send for UmEntry {}

impl UmEntry {
    /// A new entry and its thunk (`mov r10, entry; jmp stub`: the same 16
    /// bytes as a precode, with the entry where a precode has its method).
    fn with_thunk(
        rt: &Runtime,
        delegate: usize,
        method: MethodHandle,
        site: CallSite,
        (args, ret): (Vec<RevArg>, RevRet),
        stub: usize,
    ) -> Result<Box<UmEntry>, RuntimeError> {
        let mut entry = Box::new(UmEntry {
            rt,
            delegate,
            method,
            site,
            args,
            ret,
            thunk: 0,
        });
        entry.thunk = rt
            .code
            .alloc_precode(&*entry as *const UmEntry as usize, stub)?;
        Ok(entry)
    }
}

#[derive(Default)]
struct ThunkTable {
    /// Delegate entries (live or waiting for reuse).
    #[allow(clippy::vec_box)] // boxed for stable addresses: native code holds pointers to them
    delegates: Vec<Box<UmEntry>>,
    /// `[UnmanagedCallersOnly]` methods' thunks.
    methods: HashMap<MethodHandle, Box<UmEntry>>,
    /// Whether a method is `[UnmanagedCallersOnly]` (cache).
    uco: HashMap<MethodHandle, bool>,
}

/// The thunks that make managed code callable from C.
#[derive(Default)]
pub(crate) struct Thunks {
    table: Mutex<ThunkTable>,
    /// The reverse stub (made when the runtime starts: `Thunks::init`).
    stub: std::sync::OnceLock<usize>,
    /// The kernel process's attach token (for threads C starts).
    attach_token: std::sync::atomic::AtomicU64,
}

fn directive(what: String) -> RuntimeError {
    RuntimeError::managed(ExceptionKind::MarshalDirective, Some(what))
}

/// The size and signedness of an integer-like type as C passes it.
fn integer(ty: JitType) -> Option<(u8, bool)> {
    Some(match ty {
        JitType::I1 => (1, true),
        JitType::U1 => (1, false),
        JitType::I2 => (2, true),
        JitType::U2 | JitType::Char => (2, false),
        JitType::I4 => (4, true),
        JitType::U4 => (4, false),
        JitType::I8 | JitType::U8 | JitType::I | JitType::U | JitType::Ptr => (8, false),
        _ => return None,
    })
}

/// How each parameter and the result of `method` cross from C: by the
/// forward marshaler's rules for the types a callback can take (strings
/// are UTF-8 unless `[MarshalAs(LPWStr)]` says UTF-16, as for a delegate
/// passed to C with the default `CharSet.Ansi`).
fn reverse_signature(
    loader: &mut Loader,
    method: MethodHandle,
    skip_first: bool,
) -> Result<(Vec<RevArg>, RevRet), RuntimeError> {
    use super::import::{self, native_type as nt};
    let infos = {
        let asm = loader.assembly(method.assembly);
        import::param_infos(asm.image(), method.rid, method.sig.params.len())
    };
    let string_utf16 = |native_type: Option<u8>| match native_type {
        None | Some(nt::LPSTR | nt::LPUTF8STR | nt::LPTSTR) => Some(false),
        Some(nt::LPWSTR) => Some(true),
        Some(_) => None,
    };
    let bool_size = |native_type: Option<u8>| match native_type {
        Some(nt::U1 | nt::I1) => 1,
        _ => 4,
    };
    let mut args = Vec::new();
    let params = method.sig.params.iter().skip(usize::from(skip_first));
    for (i, p) in params.enumerate() {
        let info = &infos[i + 1 + usize::from(skip_first)];
        let bad = |why: &str| {
            directive(format!(
                "Cannot marshal 'parameter #{}' of {} for a call from native code: {why}.",
                i + 1,
                method.full_name()
            ))
        };
        let sig = p.strip_modifiers();
        if *sig == TypeSig::String {
            let utf16 = string_utf16(info.native_type)
                .ok_or_else(|| bad("a string marshals as LPStr, LPUTF8Str or LPWStr"))?;
            args.push(RevArg::String { utf16 });
            continue;
        }
        if let TypeSig::SzArray(elem) = sig {
            let array = loader.type_of_sig(method.assembly, sig, &method.generic_context())?;
            let et = loader.type_of_sig(method.assembly, elem, &method.generic_context())?;
            if !blittable_element(loader, et) {
                return Err(bad(&format!(
                    "arrays of {} are not blittable (use an array of a blittable type)",
                    et.name
                )));
            }
            if info.size_param.is_none() && info.size_const == 0 {
                return Err(bad(
                    "an array from native code needs its length: [MarshalAs(UnmanagedType.LPArray, \
                     SizeParamIndex = n)] or SizeConst",
                ));
            }
            if let Some(n) = info.size_param {
                let counts =
                    method.sig.params.get(n + usize::from(skip_first)).map(|p| {
                        loader.jit_type_of_sig(method.assembly, p, &method.generic_context())
                    });
                if !matches!(counts, Some(Ok(t)) if integer(t).is_some()) {
                    return Err(bad(&format!(
                        "SizeParamIndex {n} does not name an integer parameter"
                    )));
                }
            }
            args.push(RevArg::Array {
                array,
                elem_size: array.mt.component_size,
                size_param: info.size_param,
                size_const: info.size_const,
                copy_out: info.is_out,
            });
            continue;
        }
        if let TypeSig::Class(_) = sig {
            let t = loader.type_of_sig(method.assembly, sig, &method.generic_context())?;
            if t.name == "System.Text.StringBuilder" {
                let utf16 = string_utf16(info.native_type)
                    .ok_or_else(|| bad("a StringBuilder marshals as LPStr, LPUTF8Str or LPWStr"))?;
                args.push(RevArg::StringBuilder { utf16 });
                continue;
            }
        }
        if let TypeSig::ByRef(inner) = sig {
            // C passes a pointer; the callback's byref is that pointer (native
            // memory: nothing for the collector to track).
            let it = loader.type_of_sig(
                method.assembly,
                inner.strip_modifiers(),
                &method.generic_context(),
            );
            if let Ok(t) = it {
                let converted = t.kind == crate::loader::TypeKind::ValueType
                    && super::layout::native_layout(loader, t).is_ok_and(|l| !l.blittable);
                if converted {
                    // .NET's rule: `ref` is [In, Out], `out` is [Out], `[In]
                    // ref` is [In].
                    args.push(RevArg::StructRef {
                        ty: t,
                        copy_in: !info.is_out || info.is_in,
                        copy_out: !info.is_in || info.is_out,
                    });
                    continue;
                }
            }
            let blittable = match it {
                Ok(t) => match t.kind {
                    crate::loader::TypeKind::Primitive(_) | crate::loader::TypeKind::Enum(_) => {
                        !matches!(t.jit_type(), JitType::Bool | JitType::Char)
                    }
                    crate::loader::TypeKind::ValueType => {
                        super::layout::native_layout(loader, t).is_ok_and(|l| l.blittable)
                    }
                    _ => false,
                },
                Err(_) => false,
            };
            if !blittable {
                return Err(bad(
                    "only a blittable type can be passed by reference from native code",
                ));
            }
            args.push(RevArg::Int {
                size: 8,
                signed: false,
            });
            continue;
        }
        let ty = loader.jit_type_of_sig(method.assembly, p, &method.generic_context())?;
        if ty == JitType::Bool {
            args.push(RevArg::Bool {
                size: bool_size(info.native_type),
            });
            continue;
        }
        if let Some((size, signed)) = integer(ty) {
            args.push(RevArg::Int { size, signed });
            continue;
        }
        args.push(match ty {
            JitType::R4 => RevArg::R4,
            JitType::R8 => RevArg::R8,
            JitType::Struct(h) => {
                // SAFETY: `JitType::Struct` handles come from this runtime's loader.
                let t = unsafe { TypeHandle::from_jit(h) };
                match super::layout::native_layout(loader, t) {
                    Ok(nl) if nl.blittable => {
                        RevArg::Struct(super::layout::sysv_class(loader, t).map_err(|e| bad(&e.0))?)
                    }
                    Ok(_) => RevArg::ConvertedStruct {
                        ty: t,
                        ns: super::layout::sysv_class(loader, t).map_err(|e| bad(&e.0))?,
                    },
                    Err(e) => return Err(bad(&e.0)),
                }
            }
            _ => return Err(bad(
                "objects, arrays and classes cannot be passed from native code (take an IntPtr)",
            )),
        });
    }
    let bad_ret = |why: &str| {
        directive(format!(
            "Cannot marshal 'return value' of {} for a call from native code: {why}.",
            method.full_name()
        ))
    };
    if *method.sig.ret.strip_modifiers() == TypeSig::String {
        let utf16 = string_utf16(infos[0].native_type)
            .ok_or_else(|| bad_ret("a string marshals as LPStr, LPUTF8Str or LPWStr"))?;
        return Ok((args, RevRet::String { utf16 }));
    }
    let ret_type =
        loader.jit_type_of_sig(method.assembly, &method.sig.ret, &method.generic_context())?;
    let ret = match ret_type {
        JitType::Bool => RevRet::Bool {
            size: bool_size(infos[0].native_type),
        },
        t if integer(t).is_some() => {
            let (size, signed) = integer(t).expect("checked");
            RevRet::Int { size, signed }
        }
        JitType::Void => RevRet::Void,
        JitType::R4 => RevRet::R4,
        JitType::R8 => RevRet::R8,
        _ => {
            return Err(bad_ret(
                "return a primitive, a string, a pointer or an IntPtr",
            ))
        }
    };
    Ok((args, ret))
}

/// Whether array elements of type `t` are the same bytes in C: primitives
/// other than `bool` and `char`, enums, and blittable structs.
fn blittable_element(loader: &mut Loader, t: TypeHandle) -> bool {
    match t.kind {
        crate::loader::TypeKind::Primitive(_) | crate::loader::TypeKind::Enum(_) => {
            !matches!(t.jit_type(), JitType::Bool | JitType::Char)
        }
        crate::loader::TypeKind::ValueType => {
            super::layout::native_layout(loader, t).is_ok_and(|l| l.blittable)
        }
        _ => false,
    }
}

/// The delegate's fields, read through the binder's mirror.
fn delegate_fields(d: ObjectRef) -> (Option<ObjectRef>, usize, Option<ObjectRef>) {
    use osprey_binder::{DelegateObject, MulticastDelegateObject};
    // SAFETY: `d` is a live delegate (checked by the callers); the mirrors
    // are checked against corelib's layout at build time and startup.
    unsafe {
        let m = &*(d.as_ptr() as *const MulticastDelegateObject);
        let del = &*(d.as_ptr() as *const DelegateObject);
        (
            ObjectRef::from_raw(del.target as *mut u8),
            del.method_ptr_aux,
            ObjectRef::from_raw(m.invocation_list as *mut u8),
        )
    }
}

impl Thunks {
    /// The reverse stub.
    fn stub(&self, _rt: &Runtime) -> Result<usize, RuntimeError> {
        self.stub
            .get()
            .copied()
            .ok_or_else(|| RuntimeError::Internal("the reverse stub was not made".into()))
    }

    /// Records the kernel process's attach token (on a thread of the
    /// process, before any C thread can need it).
    fn remember_attach_token(&self, rt: &Runtime) {
        use std::sync::atomic::Ordering;
        if self.attach_token.load(Ordering::Relaxed) == 0 {
            self.attach_token
                .store(rt.os.attach_token(), Ordering::Relaxed);
        }
    }

    /// Whether `md` carries `[UnmanagedCallersOnly]` (cached).
    pub(crate) fn is_unmanaged_callers_only(&self, loader: &Loader, md: MethodHandle) -> bool {
        let mut t = self.table.lock().unwrap_or_else(|p| p.into_inner());
        if let Some(v) = t.uco.get(&md) {
            return *v;
        }
        let asm = loader.assembly(md.assembly);
        let v = crate::loader::attributes::has_attribute(
            asm.image(),
            Token::new(TableId::MethodDef, md.rid),
            "System.Runtime.InteropServices.UnmanagedCallersOnlyAttribute",
        );
        t.uco.insert(md, v);
        v
    }

    /// The C function pointer of `[UnmanagedCallersOnly]` method `md`.
    pub(crate) fn method_thunk(
        &self,
        rt: &Runtime,
        loader: &mut Loader,
        md: MethodHandle,
    ) -> Result<usize, RuntimeError> {
        if let Some(e) = self
            .table
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .methods
            .get(&md)
        {
            return Ok(e.thunk);
        }
        if !md.is_static() {
            return Err(RuntimeError::managed(
                ExceptionKind::InvalidProgram,
                Some(format!(
                    "{} is [UnmanagedCallersOnly] but not static",
                    md.full_name()
                )),
            ));
        }
        let (args, ret) = reverse_signature(loader, md, false)?;
        let site = CallSite::from_return_type(
            md,
            loader.jit_type_of_sig(md.assembly, &md.sig.ret, &md.generic_context())?,
        );
        self.remember_attach_token(rt);
        let stub = self.stub(rt)?;
        let entry = UmEntry::with_thunk(rt, 0, md, site, (args, ret), stub)?;
        let thunk = entry.thunk;
        self.table
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .methods
            .insert(md, entry);
        Ok(thunk)
    }

    /// The C function pointer of delegate `d` (the thread is cooperative and
    /// `d` a live delegate; nothing here allocates on the GC heap).
    pub(crate) fn delegate_thunk(
        &self,
        thread: &mut Thread,
        d: ObjectRef,
    ) -> Result<usize, RuntimeError> {
        use osprey_binder::DelegateObject;
        let rt = thread.runtime();
        // SAFETY: `d` is a delegate (the managed signature says so).
        let cached = unsafe { (*(d.as_ptr() as *const DelegateObject)).unmanaged_thunk };
        if cached != 0 {
            return Ok(cached);
        }
        let (_, method_ptr_aux, list) = delegate_fields(d);
        // A delegate over a C function pointer goes back to that pointer.
        if let Some(p) = native_pointer_of(rt, d) {
            return Ok(p);
        }
        // SAFETY: `_methodPtrAux` holds the MethodDesc of the delegate's
        // method (runtime/delegates.rs).
        let method = unsafe { MethodHandle::from_ptr(method_ptr_aux as *const _) };
        let invoke = {
            let t = TypeHandle::from_method_table(d.method_table());
            t.methods
                .iter()
                .copied()
                .find(|m| m.name == "Invoke" && !m.is_static())
                .ok_or_else(|| directive(format!("{} has no Invoke method", t.name)))?
        };
        let (args, ret) = {
            let mut loader = rt.loader();
            reverse_signature(&mut loader, invoke, false)?
        };
        let site = {
            let mut loader = rt.loader();
            let ret_type = loader.jit_type_of_sig(
                method.assembly,
                &method.sig.ret,
                &method.generic_context(),
            )?;
            CallSite::from_return_type(method, ret_type)
        };
        let _ = list;
        self.remember_attach_token(rt);
        let stub = self.stub(rt)?;
        let handle = {
            let mut h = rt
                .heaps
                .gc
                .handles
                .lock()
                .unwrap_or_else(|p| p.into_inner());
            h.alloc(d.as_ptr() as usize, crate::gc::HandleKind::Weak)
        };
        let mut table = self.table.lock().unwrap_or_else(|p| p.into_inner());
        // Reuse the entry of a delegate that died.
        let dead = {
            let h = rt
                .heaps
                .gc
                .handles
                .lock()
                .unwrap_or_else(|p| p.into_inner());
            table
                .delegates
                .iter()
                .position(|e| h.get(e.delegate).map_or(true, |t| t == 0))
        };
        let thunk = match dead {
            Some(i) => {
                let e = &mut table.delegates[i];
                let _ = rt
                    .heaps
                    .gc
                    .handles
                    .lock()
                    .unwrap_or_else(|p| p.into_inner())
                    .free(e.delegate);
                e.delegate = handle;
                e.method = method;
                e.site = site;
                e.args = args;
                e.ret = ret;
                e.thunk
            }
            None => {
                let entry = UmEntry::with_thunk(rt, handle, method, site, (args, ret), stub)?;
                let t = entry.thunk;
                table.delegates.push(entry);
                t
            }
        };
        // SAFETY: as above; a plain field store (no reference: no barrier).
        unsafe { (*(d.as_ptr() as *mut DelegateObject)).unmanaged_thunk = thunk };
        Ok(thunk)
    }
}

/// For a delegate made by `GetDelegateForFunctionPointer`: the C function
/// pointer it wraps.
fn native_pointer_of(rt: &Runtime, d: ObjectRef) -> Option<usize> {
    let (target, aux, _) = delegate_fields(d);
    let holder = target?;
    let t = TypeHandle::from_method_table(d.method_table());
    let invoke = t.methods.iter().find(|m| m.name == "Invoke")?;
    if aux != invoke.as_ptr() as usize {
        return None;
    }
    let _ = rt;
    // SAFETY: the holder is a boxed IntPtr (see `delegate_for_pointer`).
    Some(unsafe { *(holder.as_ptr().add(crate::object::BOX_DATA_OFFSET) as *const usize) })
}

/// Where the reverse stub keeps what it saved, in 8-byte words from RSP.
mod save {
    /// RDI, RSI, RDX, RCX, R8, R9.
    pub const GPRS: usize = 0;
    /// XMM0-7 (their low 8 bytes).
    pub const XMMS: usize = 6;
    /// The result: RAX, RDX, XMM0, XMM1.
    pub const RESULT: usize = 14;
    /// Words in all.
    pub const WORDS: usize = 18;
}

/// Emits the reverse stub: System V entry with the [`UmEntry`] in R10.
fn emit_reverse_stub(rt: &Runtime) -> Result<usize, RuntimeError> {
    use dynasmrt::{dynasm, DynasmApi};
    let heap = &rt.code;
    let base = heap.method_base();
    let mut ops: dynasmrt::VecAssembler<dynasmrt::x64::X64Relocation> =
        dynasmrt::VecAssembler::new(base);
    let frame = (8 * save::WORDS) as i32; // 144: RSP stays 16-byte aligned
    let worker = reverse_worker as *const () as i64;
    let (g, x, r) = (
        8 * save::GPRS as i32,
        8 * save::XMMS as i32,
        8 * save::RESULT as i32,
    );
    dynasm!(ops
        ; .arch x64
        ; push rbp
        ; mov rbp, rsp
        ; sub rsp, frame
        ; mov [rsp + g], rdi
        ; mov [rsp + g + 8], rsi
        ; mov [rsp + g + 16], rdx
        ; mov [rsp + g + 24], rcx
        ; mov [rsp + g + 32], r8
        ; mov [rsp + g + 40], r9
        ; movq [rsp + x], xmm0
        ; movq [rsp + x + 8], xmm1
        ; movq [rsp + x + 16], xmm2
        ; movq [rsp + x + 24], xmm3
        ; movq [rsp + x + 32], xmm4
        ; movq [rsp + x + 40], xmm5
        ; movq [rsp + x + 48], xmm6
        ; movq [rsp + x + 56], xmm7
        ; mov rdi, r10
        ; mov rsi, rsp
        ; lea rdx, [rbp + 16]
        ; mov rax, QWORD worker
        ; call rax
        ; mov rax, [rsp + r]
        ; mov rdx, [rsp + r + 8]
        ; movq xmm0, [rsp + r + 16]
        ; movq xmm1, [rsp + r + 24]
        ; mov rsp, rbp
        ; pop rbp
        ; ret
    );
    let code = ops
        .finalize()
        .map_err(|e| RuntimeError::Internal(format!("assembling the reverse stub: {e:?}")))?;
    Ok(heap.publish(
        base,
        &code,
        crate::codeheap::CodeKind::Stub("reverse P/Invoke"),
    )?)
}

/// The arguments as System V placed them, read in order.
struct ArgReader {
    regs: *const u64,
    stack: *const u64,
    gpr: usize,
    xmm: usize,
    slot: usize,
}

impl ArgReader {
    /// The next integer-class word.
    ///
    /// # Safety
    /// The reader's pointers are the reverse stub's save area and the
    /// caller's stack arguments, and the signature says this word exists.
    unsafe fn int(&mut self) -> u64 {
        // SAFETY: caller's contract.
        unsafe { self.next(false) }
    }

    /// The next SSE-class word.
    ///
    /// # Safety
    /// As for [`ArgReader::int`].
    unsafe fn sse(&mut self) -> u64 {
        // SAFETY: caller's contract.
        unsafe { self.next(true) }
    }

    /// The next word of a class: from its registers (6 general, 8 SSE)
    /// while they last, then from the stack.
    ///
    /// # Safety
    /// As for [`ArgReader::int`].
    unsafe fn next(&mut self, sse: bool) -> u64 {
        let regs = self.regs;
        let (used, limit, base) = if sse {
            (&mut self.xmm, 8, save::XMMS)
        } else {
            (&mut self.gpr, 6, save::GPRS)
        };
        if *used < limit {
            *used += 1;
            // SAFETY: caller's contract: a saved register of the class.
            unsafe { *regs.add(base + *used - 1) }
        } else {
            self.slot += 1;
            // SAFETY: caller's contract: a stack argument word.
            unsafe { *self.stack.add(self.slot - 1) }
        }
    }

    /// A struct argument: its eightbytes, from registers if all fit, else
    /// from the stack.
    ///
    /// # Safety
    /// As for [`ArgReader::int`].
    unsafe fn structure(&mut self, ns: NativeStruct) -> Vec<u64> {
        let n = ns.size.div_ceil(8) as usize;
        let mut out = vec![0u64; n];
        if let StructClass::Registers { first, second } = ns.class {
            let ebs: Vec<EightByte> = std::iter::once(first).chain(second).collect();
            let ints = ebs.iter().filter(|e| **e == EightByte::Integer).count();
            let sses = ebs.len() - ints;
            if self.gpr + ints <= 6 && self.xmm + sses <= 8 {
                for (i, eb) in ebs.iter().enumerate() {
                    // SAFETY: caller's contract.
                    out[i] = unsafe {
                        match eb {
                            EightByte::Integer => self.int(),
                            EightByte::Sse => self.sse(),
                        }
                    };
                }
                return out;
            }
        }
        for w in out.iter_mut() {
            self.slot += 1;
            // SAFETY: caller's contract.
            *w = unsafe { *self.stack.add(self.slot - 1) };
        }
        out
    }
}

/// Sign- or zero-extends the low `size` bytes of `v`.
fn extend(v: u64, size: u8, signed: bool) -> i64 {
    let bits = 8 * u32::from(size);
    if bits >= 64 {
        return v as i64;
    }
    let shift = 64 - bits;
    if signed {
        ((v << shift) as i64) >> shift
    } else {
        ((v << shift) >> shift) as i64
    }
}

/// The thread record of the calling OS thread for `rt`, attaching a thread
/// the runtime has never seen. `Err` for a thread of another runtime.
fn current_thread(rt: &Runtime) -> Result<&'static mut Thread, String> {
    let ctx = osprey_qcall::services::installed_context() as *mut Thread;
    if !ctx.is_null() {
        // SAFETY: the installed context is a live thread record of the
        // runtime whose code runs on this OS thread (callsite.rs installs
        // it; the record removes it when it drops).
        let thread = unsafe { &mut *ctx };
        if std::ptr::eq(thread.runtime as *const Runtime, rt) {
            return Ok(thread);
        }
        return Err("a thread running another runtime's managed code called a callback".into());
    }
    attach_foreign_thread(rt)
}

/// A thread a C library started calls managed code for the first time: it
/// joins the kernel process and gets a thread record, owned by the OS
/// thread (dropped, and the thread detached, when it exits).
fn attach_foreign_thread(rt: &Runtime) -> Result<&'static mut Thread, String> {
    use std::sync::atomic::Ordering;
    let token = rt.interop.thunks.attach_token.load(Ordering::Relaxed);
    if rt.os.current_thread_id().0 == 0 {
        rt.os
            .attach_current_thread(token)
            .map_err(|e| format!("a native thread could not join the process: {e}"))?;
    }
    let mut thread = rt.new_thread();
    let ptr: *mut Thread = &mut *thread;
    osprey_qcall::services::install(Some(crate::runtime::qcall_services_for(ptr)));
    struct ForeignThread(Option<Box<Thread>>);
    impl Drop for ForeignThread {
        fn drop(&mut self) {
            drop(self.0.take());
            if let Ok(os) = osprey_kernel::client::Os::resolve() {
                let _ = os.detach_current_thread();
            }
        }
    }
    osprey_qcall::services::adopt(Box::new(ForeignThread(Some(thread))));
    // SAFETY: the record lives until this OS thread exits (adopted above).
    Ok(unsafe { &mut *ptr })
}

/// Called by the reverse stub: runs the callback `entry` describes with
/// the arguments C passed, and stores its result for the stub to load.
///
/// # Safety
/// Called only by the reverse stub, with a live entry, its save area and
/// the caller's stack arguments.
unsafe extern "C" fn reverse_worker(entry: *const UmEntry, regs: *mut u64, stack: *const u64) {
    let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        // SAFETY: the stub's contract.
        unsafe { run_callback(&*entry, regs, stack) }
    }));
    if outcome.is_err() {
        // A runtime bug; C gets zeros.
        // SAFETY: the save area has room for the result words.
        unsafe {
            for i in 0..4 {
                *regs.add(save::RESULT + i) = 0;
            }
        }
    }
}

/// The body of [`reverse_worker`].
///
/// # Safety
/// As for [`reverse_worker`].
unsafe fn run_callback(entry: &UmEntry, regs: *mut u64, stack: *const u64) {
    // SAFETY: the result words of the save area.
    let result = unsafe { std::slice::from_raw_parts_mut(regs.add(save::RESULT), 4) };
    result.fill(0);
    // SAFETY: an entry's runtime outlives its thunks' use.
    let rt = unsafe { &*entry.rt };
    if rt
        .code
        .globals()
        .trap
        .load(std::sync::atomic::Ordering::Acquire)
        & crate::runtime::TRAP_EXIT
        != 0
    {
        return; // the process is ending: no more managed code
    }
    let thread = match current_thread(rt) {
        Ok(t) => t,
        Err(why) => {
            let _ = rt.os.stderr(&format!("fatal error: {why}\n"));
            rt.request_exit(1);
            return;
        }
    };
    if thread.mutator.gc_mode != 0 {
        // Only a P/Invoke with [SuppressGCTransition] gets to C without
        // leaving cooperative mode: its callee must not call back.
        thread.raise_fatal(RuntimeError::Internal(format!(
            "native code called back into managed code ({}) during a P/Invoke marked \
             [SuppressGCTransition]",
            entry.method.full_name()
        )));
        return;
    }
    let mut reader = ArgReader {
        regs,
        stack,
        gpr: 0,
        xmm: 0,
        slot: 0,
    };
    // Copies of the struct arguments over 8 bytes (passed by pointer to
    // managed code) and of the native forms of converted structs, alive
    // across the call (each Vec's buffer stays put as `big` grows).
    let mut big: smallvec::SmallVec<[Vec<u64>; 4]> = smallvec::SmallVec::new();
    let mut native: smallvec::SmallVec<[Arg<'static>; 8]> = smallvec::SmallVec::new();
    for a in &entry.args {
        // SAFETY: the signature describes what C passed.
        native.push(unsafe {
            match *a {
                RevArg::Int { size, signed } => {
                    let v = extend(reader.int(), size, signed);
                    if size == 8 {
                        Arg::I8(v)
                    } else {
                        Arg::I4(v as i32)
                    }
                }
                RevArg::Bool { size } => {
                    let v = reader.int();
                    let v = if size == 1 { v & 0xFF } else { v & 0xFFFF_FFFF };
                    Arg::I4(i32::from(v != 0))
                }
                // The pointer for now: the string is made in cooperative mode.
                RevArg::String { .. } => Arg::I(reader.int() as isize),
                RevArg::R4 => Arg::R4(f32::from_bits(reader.sse() as u32)),
                RevArg::R8 => Arg::R8(f64::from_bits(reader.sse())),
                RevArg::Struct(ns) => {
                    let words = reader.structure(ns);
                    if ns.size <= 8 {
                        Arg::I8(words[0] as i64)
                    } else {
                        big.push(words);
                        Arg::I(big[big.len() - 1].as_ptr() as isize)
                    }
                }
                // The native bytes, converted in cooperative mode.
                RevArg::ConvertedStruct { ns, .. } => {
                    big.push(reader.structure(ns));
                    Arg::I(big[big.len() - 1].as_ptr() as isize)
                }
                // Pointers, converted in cooperative mode.
                RevArg::StructRef { .. } | RevArg::Array { .. } | RevArg::StringBuilder { .. } => {
                    Arg::I(reader.int() as isize)
                }
            }
        });
    }
    let value = thread.cooperative(|thread| {
        let called = managed_arguments(thread, entry, &native)
            .and_then(|objects| {
                // The boxes whose insides the callback gets a pointer to stay
                // put until it returns (whatever compiles or collects first).
                let _pins = PinnedBoxes::new(thread.runtime(), entry, &objects);
                // (Built right before each call, after every allocation: the
                // raw bits of small converted structs, which may hold
                // references, are read from their rooted boxes then, and
                // nothing collects before the call.)
                let args = || -> smallvec::SmallVec<[Arg<'_>; 8]> {
                    entry
                        .args
                        .iter()
                        .zip(native.iter())
                        .zip(objects.iter())
                        .map(|((a, v), o)| match (a, o) {
                            (
                                RevArg::String { .. }
                                | RevArg::Array { .. }
                                | RevArg::StringBuilder { .. },
                                _,
                            ) => Arg::Ref(o.as_ref()),
                            (RevArg::ConvertedStruct { ty, .. }, Some(b)) => struct_value(*ty, b),
                            (RevArg::StructRef { .. }, Some(b)) => Arg::I(
                                b.load().as_ptr() as isize
                                    + crate::object::BOX_DATA_OFFSET as isize,
                            ),
                            _ => *v,
                        })
                        .collect()
                };
                let v = invoke(thread, entry, &args)?;
                copy_back(thread, entry, &native, &objects)?;
                Ok(v)
            })
            .and_then(|v| match (entry.ret, v) {
                // The string result goes to C as a copy it owns, made while
                // the string is still reachable (in cooperative mode).
                (RevRet::String { utf16 }, Value::Ref(s)) => {
                    let p = match s {
                        None => 0,
                        Some(s) => super::convert::native_string(
                            thread,
                            // SAFETY: the callback returned a string (its
                            // signature says so); nothing collects while its
                            // characters are copied.
                            unsafe { s.load().string_chars() },
                            utf16,
                        )?,
                    };
                    Ok(Value::I(p as isize))
                }
                (_, v) => Ok(v),
            });
        match called {
            Ok(v) => Some(v),
            Err(e) => {
                // The exception would unwind into C: the CLR's rule is
                // that it is unhandled.
                rt.report_unhandled(thread, e, 1);
                None
            }
        }
    });
    let Some(value) = value else { return };
    match (entry.ret, value) {
        (RevRet::Void, _) => {}
        (RevRet::R4, Value::R4(f)) => result[2] = u64::from(f.to_bits()),
        (RevRet::R8, Value::R8(f)) => result[2] = f.to_bits(),
        (RevRet::Bool { .. }, v) => result[0] = u64::from(value_bits(v) & 0xFF != 0),
        (RevRet::String { .. }, v) => result[0] = value_bits(v),
        (RevRet::Int { size, signed }, v) => result[0] = extend(value_bits(v), size, signed) as u64,
        _ => {}
    }
}

/// Pinned GC handles on the boxes a callback gets interior pointers into
/// (structs by reference, and converted structs over 8 bytes, which
/// fastcall64 passes by pointer), freed when dropped.
struct PinnedBoxes<'r> {
    rt: &'r Runtime,
    handles: smallvec::SmallVec<[usize; 4]>,
}

impl<'r> PinnedBoxes<'r> {
    fn new(rt: &'r Runtime, entry: &UmEntry, objects: &[Option<Rooted>]) -> Self {
        let mut handles = smallvec::SmallVec::new();
        let mut table = rt
            .heaps
            .gc
            .handles
            .lock()
            .unwrap_or_else(|p| p.into_inner());
        for (a, o) in entry.args.iter().zip(objects) {
            let inside = match a {
                RevArg::StructRef { .. } => true,
                RevArg::ConvertedStruct { ty, .. } => {
                    ty.value_layout.as_ref().map_or(8, |l| l.size) > 8
                }
                _ => false,
            };
            if let (true, Some(o)) = (inside, o) {
                handles
                    .push(table.alloc(o.load().as_ptr() as usize, crate::gc::HandleKind::Pinned));
            }
        }
        PinnedBoxes { rt, handles }
    }
}

impl Drop for PinnedBoxes<'_> {
    fn drop(&mut self) {
        let mut table = self
            .rt
            .heaps
            .gc
            .handles
            .lock()
            .unwrap_or_else(|p| p.into_inner());
        for h in self.handles.drain(..) {
            let _ = table.free(h);
        }
    }
}

/// A converted struct argument as managed code takes it by value: its bits
/// (8 bytes or less) or a pointer to the boxed value (the callee reports
/// it as an interior pointer), as fastcall64 passes a struct.
fn struct_value(ty: TypeHandle, b: &Rooted) -> Arg<'static> {
    let size = ty.value_layout.as_ref().map_or(8, |l| l.size) as usize;
    let data = b.load().as_ptr() as usize + crate::object::BOX_DATA_OFFSET;
    if size <= 8 {
        let mut bits = [0u8; 8];
        // SAFETY: the box holds `size` bytes of the value at `data`.
        unsafe { std::ptr::copy_nonoverlapping(data as *const u8, bits.as_mut_ptr(), size) };
        Arg::I8(i64::from_le_bytes(bits))
    } else {
        Arg::I(data as isize)
    }
}

/// The integer value of argument `i` (an array's `SizeParamIndex`).
fn integer_argument(native: &[Arg<'_>], i: usize) -> i64 {
    match native.get(i) {
        Some(Arg::I4(v)) => i64::from(*v),
        Some(Arg::I8(v)) => *v,
        Some(Arg::I(v)) => *v as i64,
        _ => 0,
    }
}

/// The number of elements of array argument `a` (negative counts are 0).
fn array_length(native: &[Arg<'_>], size_param: Option<usize>, size_const: u32) -> usize {
    let n = i64::from(size_const) + size_param.map_or(0, |i| integer_argument(native, i));
    n.max(0) as usize
}

/// Calls a corelib helper of the callback marshaler.
fn call_helper(
    thread: &mut Thread,
    m: osprey_binder::BoundMethod,
    args: &[Arg<'_>],
) -> Result<Value, RuntimeError> {
    let rt = thread.runtime();
    let site = CallSite::new(rt, rt.bound_method(m))?;
    site.call(thread, args)
}

/// After the callback: `[Out]` arrays, `StringBuilder`s and structs by
/// reference written back to C's memory.
fn copy_back(
    thread: &mut Thread,
    entry: &UmEntry,
    native: &[Arg<'_>],
    objects: &[Option<Rooted>],
) -> Result<(), RuntimeError> {
    for ((a, v), o) in entry.args.iter().zip(native).zip(objects) {
        let (Arg::I(p), Some(o)) = (v, o) else {
            continue;
        };
        let p = *p as usize;
        match *a {
            RevArg::Array {
                elem_size,
                size_param,
                size_const,
                copy_out: true,
                ..
            } => {
                let n = array_length(native, size_param, size_const);
                // SAFETY: C passed room for the `n` elements the signature
                // names; the array was made with `n` of them, and nothing
                // allocates during the copy.
                unsafe {
                    std::ptr::copy_nonoverlapping(
                        o.load().as_ptr().add(crate::object::ARRAY_DATA_OFFSET),
                        p as *mut u8,
                        n * elem_size as usize,
                    )
                };
            }
            RevArg::StringBuilder { utf16 } => {
                call_helper(
                    thread,
                    osprey_binder::BoundMethod::StubHelpersStringBuilderToCallerBuffer,
                    &[
                        Arg::Ref(Some(o)),
                        Arg::I(p as isize),
                        Arg::I4(i32::from(utf16)),
                    ],
                )?;
            }
            RevArg::StructRef {
                ty, copy_out: true, ..
            } => {
                let nl = super::convert::layout_of(thread, ty)?;
                // SAFETY: `o` is a box of `ty`; C's pointer holds room for
                // its native form. Nothing here allocates on the GC heap.
                unsafe {
                    super::convert::to_native(
                        thread,
                        o.load().as_ptr().add(crate::object::BOX_DATA_OFFSET),
                        p as *mut u8,
                        &nl,
                        false,
                    )?
                };
            }
            _ => {}
        }
    }
    Ok(())
}

/// The callback's arguments that are objects (in cooperative mode), rooted
/// across the call: a new string for each non-null `char*`, a new array
/// for each element pointer, a `StringBuilder` for each buffer, a box for
/// each converted struct (by value or by reference); `None` for the other
/// arguments and for null pointers.
fn managed_arguments(
    thread: &mut Thread,
    entry: &UmEntry,
    native: &[Arg<'_>],
) -> Result<smallvec::SmallVec<[Option<Rooted>; 8]>, RuntimeError> {
    let rt = thread.runtime();
    let mut strings = smallvec::SmallVec::new();
    for (a, v) in entry.args.iter().zip(native) {
        let s = match (a, v) {
            (RevArg::ConvertedStruct { ty, .. }, Arg::I(p))
            | (
                RevArg::StructRef {
                    ty, copy_in: true, ..
                },
                Arg::I(p),
            ) if *p != 0 => {
                let nl = super::convert::layout_of(thread, *ty)?;
                let b = rt.new_object(thread, &ty.mt, 0)?;
                // SAFETY: a fresh box of `ty`; `p` points at its native form
                // (the callback's signature says so).
                unsafe {
                    super::convert::from_native(
                        thread,
                        &b,
                        crate::object::BOX_DATA_OFFSET,
                        *p as *const u8,
                        &nl,
                    )?
                };
                Some(b)
            }
            (
                RevArg::StructRef {
                    ty, copy_in: false, ..
                },
                Arg::I(p),
            ) if *p != 0 => Some(rt.new_object(thread, &ty.mt, 0)?),
            (
                RevArg::Array {
                    array,
                    elem_size,
                    size_param,
                    size_const,
                    ..
                },
                Arg::I(p),
            ) if *p != 0 => {
                let n = array_length(native, *size_param, *size_const);
                let arr = rt.new_object(thread, &array.mt, n)?;
                // SAFETY: C passed `n` elements at `p` (the signature says
                // how many); the new array has room for them.
                unsafe {
                    std::ptr::copy_nonoverlapping(
                        *p as *const u8,
                        arr.load().as_ptr().add(crate::object::ARRAY_DATA_OFFSET),
                        n * *elem_size as usize,
                    )
                };
                Some(arr)
            }
            (RevArg::StringBuilder { utf16 }, Arg::I(p)) if *p != 0 => {
                match call_helper(
                    thread,
                    osprey_binder::BoundMethod::StubHelpersStringBuilderForCallback,
                    &[Arg::I(*p), Arg::I4(i32::from(*utf16))],
                )? {
                    Value::Ref(sb) => sb,
                    _ => None,
                }
            }
            (RevArg::String { utf16 }, Arg::I(p)) if *p != 0 => {
                // SAFETY: C passed a NUL-terminated string of this encoding
                // (the callback's signature says so).
                let units = unsafe { super::convert::native_string_units(*p as usize, *utf16) };
                let s = rt.new_zeroed_string(thread, units.len())?;
                // SAFETY: the new string has room for `units.len()` characters.
                unsafe {
                    std::ptr::copy_nonoverlapping(
                        units.as_ptr(),
                        s.load().as_ptr().add(crate::object::STRING_DATA_OFFSET) as *mut u16,
                        units.len(),
                    )
                };
                Some(s)
            }
            _ => None,
        };
        strings.push(s);
    }
    Ok(strings)
}

/// The bits of an integer-like value.
fn value_bits(v: Value) -> u64 {
    match v {
        Value::I4(x) => x as u32 as u64,
        Value::I8(x) => x as u64,
        Value::I(x) => x as u64,
        _ => 0,
    }
}

/// Calls the entry's target in cooperative mode: the delegate (every
/// delegate of its invocation list, the last result winning) or the
/// `[UnmanagedCallersOnly]` method, with the arguments `args` makes (made
/// anew for each call: a collection in one call may move what they hold).
fn invoke<'a>(
    thread: &mut Thread,
    entry: &UmEntry,
    args: &dyn Fn() -> smallvec::SmallVec<[Arg<'a>; 8]>,
) -> Result<Value, RuntimeError> {
    let rt = thread.runtime();
    if entry.delegate == 0 {
        return entry.site.call(thread, &args());
    }
    let d = {
        let h = rt
            .heaps
            .gc
            .handles
            .lock()
            .unwrap_or_else(|p| p.into_inner());
        h.get(entry.delegate).unwrap_or(0)
    };
    // SAFETY: `d as *mut u8` is null or an object reference managed code passed in.
    let Some(d) = (unsafe { Unrooted::from_raw(thread, d as *mut u8) }) else {
        return Err(RuntimeError::Internal(format!(
            "native code called a function pointer of a delegate to {} that was garbage-collected \
             (keep the delegate alive while native code may call it)",
            entry.method.full_name()
        )));
    };
    let (_, _, list) = delegate_fields(d.raw());
    match list {
        None => {
            let d = thread.root(d);
            call_delegate(thread, entry.method, entry.site, &d, &args())
        }
        Some(list) => {
            // Every delegate of the list: the list stays rooted across the
            // calls, each delegate while it is called.
            // SAFETY: an invocation list is an object[].
            let n = unsafe { list.length() };
            let list = thread.root(Unrooted::assume(list));
            let mut last = Value::Void;
            for i in 0..n {
                // SAFETY: an invocation list is an object[] of delegates.
                let item = unsafe {
                    *(list
                        .load()
                        .as_ptr()
                        .add(crate::object::ARRAY_DATA_OFFSET + 8 * i)
                        as *const *mut u8)
                };
                // SAFETY: an element of the invocation list, a live object[] rooted above: null or a delegate.
                let Some(item) = (unsafe { Unrooted::from_raw(thread, item) }) else {
                    continue;
                };
                let (_, aux, _) = delegate_fields(item.raw());
                // SAFETY: `_methodPtrAux` is a MethodDesc.
                let method = unsafe { MethodHandle::from_ptr(aux as *const _) };
                let site = CallSite::new(rt, method)?;
                let item = thread.root(item);
                last = call_delegate(thread, method, site, &item, &args())?;
            }
            Ok(last)
        }
    }
}

/// Calls one delegate's method: its target first when it has one.
fn call_delegate(
    thread: &mut Thread,
    method: MethodHandle,
    site: CallSite,
    d: &Rooted,
    args: &[Arg<'_>],
) -> Result<Value, RuntimeError> {
    let (target, _, _) = delegate_fields(d.load());
    let target = target.map(|t| thread.root(Unrooted::assume(t)));
    let mut all: smallvec::SmallVec<[Arg<'_>; 8]> = smallvec::SmallVec::new();
    if let Some(t) = &target {
        if method.owner.is_value_type() && !method.is_static() {
            // `this` of a value type's method: the boxed value (nothing
            // collects between this read and the call's entry into
            // managed code, which reads no other reference first).
            all.push(Arg::I(
                t.load().as_ptr() as isize + crate::object::BOX_DATA_OFFSET as isize,
            ));
        } else {
            all.push(Arg::Ref(Some(t)));
        }
    }
    all.extend_from_slice(args);
    site.call(thread, &all)
}

/// The method signature a `calli`'s StandAloneSig token names (in the
/// assembly of the method being compiled), and whether its calling
/// convention is unmanaged (`cdecl`, `stdcall`, `thiscall`, `fastcall`,
/// `unmanaged`: all System V on x86-64 Linux). The JIT's
/// [`calli_signature`] and the verifier's call-site facts both read it.
pub(crate) fn calli_method_sig(
    ctx: &JitContext<'_>,
    token: Token,
) -> Result<(osprey_metadata::sig::MethodSig, bool), HostError> {
    let bad = |message: String| HostError {
        kind: HostErrorKind::BadImage,
        message,
    };
    if token.table() != Some(TableId::StandAloneSig) {
        return Err(bad(format!(
            "calli with token {:#010x}, which is not a StandAloneSig",
            token.raw()
        )));
    }
    let asm = ctx.loader.assembly(ctx.method.assembly);
    let img = asm.image();
    let row = img
        .stand_alone_sig(token.rid())
        .map_err(|e| bad(format!("calli signature: {e}")))?;
    let blob = img
        .blob(row.signature)
        .map_err(|e| bad(format!("calli signature: {e}")))?;
    let sig = match osprey_metadata::sig::parse_standalone_sig(blob) {
        Ok(StandAloneSig::Method(m)) => m,
        Ok(_) => return Err(bad("calli with a signature that is not a method's".into())),
        Err(e) => return Err(bad(format!("calli signature: {e}"))),
    };
    let unmanaged = matches!(
        sig.call_conv,
        CallingConvention::C
            | CallingConvention::StdCall
            | CallingConvention::ThisCall
            | CallingConvention::FastCall
            | CallingConvention::Unmanaged
    );
    Ok((sig, unmanaged))
}

/// Resolves the StandAloneSig token of a `calli`: its signature, and for an
/// unmanaged calling convention how the call crosses
/// ([`calli_method_sig`]). Unmanaged `calli` does no marshaling: its types
/// must be blittable (a `bool` travels as its byte).
pub(crate) fn calli_signature(
    ctx: &mut JitContext<'_>,
    token: Token,
) -> Result<CallSiteSig, HostError> {
    let assembly = ctx.method.assembly;
    let (sig, unmanaged) = calli_method_sig(ctx, token)?;
    let jit = |ctx: &mut JitContext<'_>, t| {
        let gctx = ctx.ctx.clone();
        ctx.loader
            .jit_type_of_sig(assembly, t, &gctx)
            .map_err(|e| HostError {
                kind: HostErrorKind::TypeLoad,
                message: e.to_string(),
            })
    };
    let mut params = Vec::with_capacity(sig.params.len());
    for p in &sig.params {
        params.push(jit(ctx, p)?);
    }
    let ret = jit(ctx, &sig.ret)?;
    if sig.call_conv == CallingConvention::VarArg || sig.sentinel.is_some() {
        return Err(HostError {
            kind: HostErrorKind::NotSupported,
            message: "calli of a variadic signature".into(),
        });
    }
    let this = (sig.has_this && !unmanaged).then_some(osprey_jit::ThisKind::Ref);
    let call_sig = CallSig { this, params, ret };
    if !unmanaged {
        return Ok(CallSiteSig {
            sig: call_sig,
            unmanaged: None,
        });
    }
    let class = |ctx: &mut JitContext<'_>,
                 t: JitType|
     -> Result<Option<osprey_jit::NativeStruct>, HostError> {
        match t {
            JitType::Struct(h) => {
                // SAFETY: `JitType::Struct` handles come from this runtime's loader.
                let th = unsafe { TypeHandle::from_jit(h) };
                super::layout::sysv_class(ctx.loader, th).map(Some).map_err(|e| HostError {
                    kind: HostErrorKind::NotSupported,
                    message: format!("calli: {}", e.0),
                })
            }
            JitType::Ref | JitType::ByRef => Err(HostError {
                kind: HostErrorKind::NotSupported,
                message: "calli with an unmanaged signature taking or returning an object reference or a managed pointer (use pointers)".into(),
            }),
            _ => Ok(None),
        }
    };
    let mut args = Vec::with_capacity(call_sig.params.len());
    for p in call_sig.params.clone() {
        args.push(match class(ctx, p)? {
            Some(ns) => NativeArg::Struct(ns),
            None => NativeArg::Direct,
        });
    }
    let ret = match class(ctx, call_sig.ret)? {
        Some(ns) => NativeRet::Struct(ns),
        None => NativeRet::Direct,
    };
    Ok(CallSiteSig {
        sig: call_sig,
        unmanaged: Some(UnmanagedCall {
            target: NativeTarget::Stack,
            args,
            ret,
            suppress_gc_transition: false,
            set_last_error: false,
        }),
    })
}

/// `Marshal.GetDelegateForFunctionPointer(ptr, type)`: a delegate of
/// `delegate_type` whose `Invoke` calls the C function at `fnptr`. Its
/// target is a boxed `IntPtr` holding the pointer and its method pointer
/// the type's *pointer-invoke stub*: an IL stub compiled once per delegate
/// type (`stub::StubKind::PointerInvoke`), marshaling as a P/Invoke of the
/// same signature would and calling through the pointer with the inline
/// transition. The thread is cooperative, under a helper frame.
pub(crate) fn delegate_for_pointer(
    thread: &mut Thread,
    fnptr: usize,
    delegate_type: TypeHandle,
) -> Result<ObjectRef, RuntimeError> {
    use osprey_binder::DelegateObject;
    let rt = thread.runtime();
    if !super::layout::is_delegate(delegate_type) {
        return Err(RuntimeError::managed(
            ExceptionKind::Argument,
            Some(format!(
                "Type must derive from Delegate.\nParameter name: t ({})",
                delegate_type.name
            )),
        ));
    }
    let invoke = delegate_type
        .methods
        .iter()
        .copied()
        .find(|m| m.name == "Invoke" && !m.is_static())
        .ok_or_else(|| directive(format!("{} has no Invoke method", delegate_type.name)))?;
    let stub = rt.interop.pointer_invoke_stub(rt, invoke)?;
    let intptr = rt.loader().corelib_type("System", "IntPtr")?;
    let d = rt.new_object(thread, &delegate_type.mt, 0)?;
    let holder = rt.heaps.alloc(thread, &intptr.mt, 0)?.raw();
    let d = d.load();
    // SAFETY: a fresh box of IntPtr and a fresh delegate of a delegate
    // type (the mirror matches System.Delegate's layout); nothing has
    // allocated since the box.
    unsafe {
        *(holder.as_ptr().add(crate::object::BOX_DATA_OFFSET) as *mut usize) = fnptr;
        let del = &mut *(d.as_ptr() as *mut DelegateObject);
        del.target = holder.as_ptr() as *mut osprey_binder::Object;
        del.method_ptr = stub;
        del.method_ptr_aux = invoke.as_ptr() as usize;
        rt.heaps
            .gc
            .write_barrier(std::ptr::addr_of!(del.target) as usize);
    }
    Ok(d)
}

impl super::Interop {
    /// The pointer-invoke stub of delegate type `invoke.owner` (see
    /// [`delegate_for_pointer`]), compiled once.
    pub(crate) fn pointer_invoke_stub(
        &self,
        rt: &Runtime,
        invoke: MethodHandle,
    ) -> Result<usize, RuntimeError> {
        let mut loader = rt.loader();
        let mut stubs = self.pointer_stubs.lock().unwrap_or_else(|p| p.into_inner());
        if let Some(s) = stubs.get(&invoke) {
            return Ok(*s);
        }
        let plan = super::marshal::delegate_plan(&mut loader, invoke)?;
        let addr = super::stub::compile_plan(
            rt,
            &mut loader,
            invoke,
            &plan,
            super::stub::StubKind::PointerInvoke,
        )?;
        stubs.insert(invoke, addr);
        Ok(addr)
    }
}

impl Thunks {
    /// Makes the reverse stub (at runtime creation, before anything runs).
    pub(crate) fn init(&self, rt: &Runtime) -> Result<(), RuntimeError> {
        let s = emit_reverse_stub(rt)?;
        let _ = self.stub.set(s);
        Ok(())
    }
}

/// For a method marked `[UnmanagedCallersOnly]`: `ldftn` gives its C
/// function pointer (a thunk), and anything else is an error (a direct
/// call is an `InvalidProgramException`, as in .NET; a delegate of it is
/// made with `ldftn`, so `newobj` then fails to map the pointer back to a
/// method: `NotSupportedException`). `None` for any other method.
pub(crate) fn unmanaged_callers_only(
    ctx: &mut JitContext<'_>,
    md: MethodHandle,
    opcode: osprey_jit::CallOpcode,
    sig: &CallSig,
) -> Result<Option<osprey_jit::CallInfo>, HostError> {
    use osprey_jit::CallOpcode;
    let rt = ctx.rt;
    if !rt.interop.thunks.is_unmanaged_callers_only(ctx.loader, md) {
        return Ok(None);
    }
    match opcode {
        CallOpcode::LdFtn => {
            let entry = rt
                .interop
                .thunks
                .method_thunk(rt, ctx.loader, md)
                .map_err(crate::runtime::jitiface::runtime_error)?;
            Ok(Some(osprey_jit::CallInfo {
                method: md.to_jit(),
                method_exact: osprey_jit::RtValue::Const(md.as_ptr() as usize),
                target: osprey_jit::CallTarget::Managed { entry },
                sig: sig.clone(),
                new_object: None,
                class_init: None,
            }))
        }
        _ => Err(HostError {
            kind: HostErrorKind::InvalidProgram,
            message: format!(
                "{} is marked [UnmanagedCallersOnly]: it can only be called from native code \
                 (take its address with ldftn)",
                md.full_name()
            ),
        }),
    }
}
