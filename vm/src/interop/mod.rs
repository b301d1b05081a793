//! P/Invoke: managed code calling native libraries, and native code calling
//! back (docs/native-interop.md).
//!
//! * [`import`]: what a `[DllImport]` declaration says;
//! * [`marshal`]: the marshaling plan of each P/Invoke;
//! * [`layout`]: structs as C sees them (blittability, native layout,
//!   System V classification);
//! * [`library`]: library names, loading through the kernel, symbols;
//! * [`stub`] (with `ilgen`): the IL stubs of P/Invokes that need
//!   marshaling, compiled by the JIT like any method;
//! * [`reverse`]: C calling managed code (delegate thunks,
//!   `UnmanagedCallersOnly`), and delegates over C function pointers.
//!
//! There is one transition: the JIT's inline P/Invoke sequence
//! (jit/src/codegen/pinvoke.rs). A blittable P/Invoke uses it at its call
//! site; an IL stub uses it for its native call; a QCall is a P/Invoke into
//! the runtime whose entry point is known when the method loads; `calli`
//! with an unmanaged signature uses it with the target on the stack.

pub(crate) mod convert;
pub(crate) mod fcalls;
pub(crate) mod ilgen;
pub(crate) mod import;
pub(crate) mod layout;
pub(crate) mod library;
pub(crate) mod marshal;
pub(crate) mod reverse;
pub(crate) mod stub;

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use osprey_jit::{CallInfo, CallSig, CallTarget, NativeTarget, UnmanagedCall};

use crate::loader::{AssemblyId, Loader, MethodDesc, MethodHandle, MethodKind};
use crate::runtime::{guard, Runtime, RuntimeError};
use crate::thread::Thread;
use marshal::MarshalPlan;

/// The library name of QCalls: P/Invokes into the runtime itself.
pub use crate::loader::QCALL_LIBRARY;

/// A runtime's interop state.
#[derive(Default)]
pub(crate) struct Interop {
    /// The target cell of each lazily bound P/Invoke (a code-heap data
    /// cell: 0 until bound, then the native function's address).
    cells: Mutex<HashMap<MethodHandle, usize>>,
    /// Marshaling plans (or why there is none), per P/Invoke.
    plans: Mutex<HashMap<MethodHandle, Result<Arc<MarshalPlan>, RuntimeError>>>,
    /// Loaded libraries.
    pub(crate) libraries: library::Libraries,
    /// Reverse P/Invoke thunks.
    pub(crate) thunks: reverse::Thunks,
    /// The pointer-invoke stubs of delegate types, by `Invoke` method
    /// (`reverse::delegate_for_pointer`).
    pointer_stubs: Mutex<HashMap<MethodHandle, usize>>,
}

impl Interop {
    /// The marshaling plan of P/Invoke `md` (made once).
    pub(crate) fn plan(
        &self,
        loader: &mut Loader,
        md: MethodHandle,
    ) -> Result<Arc<MarshalPlan>, RuntimeError> {
        if let Some(p) = self
            .plans
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .get(&md)
        {
            return p.clone();
        }
        let p = marshal::plan(loader, md).map(Arc::new);
        self.plans
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .insert(md, p.clone());
        p
    }

    /// Where P/Invoke `md`'s native function is: a QCall's Rust function,
    /// or the cell filled when it is bound.
    pub(crate) fn target(
        &self,
        rt: &Runtime,
        md: MethodHandle,
    ) -> Result<NativeTarget, RuntimeError> {
        if let MethodKind::PInvoke { qcall, .. } = md.kind {
            if qcall != 0 {
                return Ok(NativeTarget::Address(qcall));
            }
        }
        let mut cells = self.cells.lock().unwrap_or_else(|p| p.into_inner());
        if let Some(&cell) = cells.get(&md) {
            return Ok(NativeTarget::Cell { cell });
        }
        let cell = rt.code.alloc_data_cell()?;
        cells.insert(md, cell);
        Ok(NativeTarget::Cell { cell })
    }

    /// Binds P/Invoke `md`: loads its library, finds its entry point and
    /// fills its cell. `DllNotFoundException`/`EntryPointNotFoundException`
    /// when that fails (and again at every later call: a library may appear
    /// in the meantime).
    pub(crate) fn bind(&self, rt: &Runtime, md: MethodHandle) -> Result<usize, RuntimeError> {
        let NativeTarget::Cell { cell } = self.target(rt, md)? else {
            unreachable!("QCalls are bound when they load")
        };
        // SAFETY: a live, 8-byte-aligned data cell of this runtime.
        let slot = unsafe { &*(cell as *const std::sync::atomic::AtomicUsize) };
        let bound = slot.load(std::sync::atomic::Ordering::Acquire);
        if bound != 0 {
            return Ok(bound);
        }
        let import = {
            let loader = rt.loader();
            let asm = loader.assembly(md.assembly);
            import::pinvoke_import(asm.image(), md)?
        };
        let lib = self.libraries.load(&rt.os, md.assembly, &import.library)?;
        let address = self
            .libraries
            .symbol(&rt.os, lib, &import.library, &import.entry_point)?;
        slot.store(address, std::sync::atomic::Ordering::Release);
        Ok(address)
    }

    /// Records the directory `assembly` was loaded from: its P/Invokes look
    /// for libraries there first.
    pub(crate) fn set_assembly_directory(&self, assembly: AssemblyId, directory: String) {
        self.libraries.set_directory(assembly, directory);
    }
}

/// `Helper::PInvokeBind(thread, method)`: binds a P/Invoke whose cell is
/// still 0 (the JIT calls it before the transition), or raises why not.
pub(crate) extern "C" fn pinvoke_bind(thread: &mut Thread, md: *const MethodDesc) {
    guard(thread, (), |thread| {
        // SAFETY: JIT code passes the MethodDesc it was compiled against.
        let md = unsafe { MethodHandle::from_ptr(md) };
        let rt = thread.runtime();
        if let Err(e) = rt.interop.bind(rt, md) {
            thread.raise(e);
        }
    })
}

/// How a call of P/Invoke `md` is compiled: inline (the transition at the
/// call site) when its plan is inlinable, otherwise a call of its precode,
/// which compiles its IL stub (or raises the plan's
/// `MarshalDirectiveException`) at the first call.
pub(crate) fn call_target(
    rt: &Runtime,
    loader: &mut Loader,
    md: MethodHandle,
) -> Result<CallTarget, RuntimeError> {
    let plan = match rt.interop.plan(loader, md) {
        Ok(p) if p.inlinable() => p,
        _ => {
            return Ok(CallTarget::Managed {
                entry: md.entry_point(),
            })
        }
    };
    Ok(CallTarget::PInvoke(Box::new(UnmanagedCall {
        target: rt.interop.target(rt, md)?,
        args: plan.native_args(true),
        ret: plan.native_ret(),
        suppress_gc_transition: plan.suppress_gc_transition,
        set_last_error: plan.import.set_last_error,
    })))
}

/// The call of the native function itself, as an IL stub makes it: the
/// native signature, every argument already converted.
pub(crate) fn native_call_info(
    rt: &Runtime,
    md: MethodHandle,
    plan: &MarshalPlan,
) -> Result<CallInfo, RuntimeError> {
    let mut params: Vec<_> = plan.args.iter().map(|a| a.native).collect();
    if !plan.import.preserve_sig && plan.ret != marshal::RetKind::Void {
        params.push(osprey_jit::JitType::I);
    }
    if let marshal::RetKind::ConvertedStruct(..) = plan.ret {
        // The native buffer the struct result goes to (NativeRet::StructTo).
        params.push(osprey_jit::JitType::I);
    }
    Ok(CallInfo {
        method: md.to_jit(),
        method_exact: osprey_jit::RtValue::Const(md.as_ptr() as usize),
        target: CallTarget::PInvoke(Box::new(UnmanagedCall {
            target: rt.interop.target(rt, md)?,
            args: plan.native_args(false),
            ret: plan.native_ret(),
            suppress_gc_transition: plan.suppress_gc_transition,
            set_last_error: plan.import.set_last_error,
        })),
        sig: CallSig {
            this: None,
            params,
            ret: plan.native_ret,
        },
        new_object: None,
        class_init: None,
    })
}
