//! Method descriptors.
//!
//! Every method of a loaded type gets one [`MethodDesc`], created with its
//! type and never moved. Each has a *precode*: a 16-byte stub in the code heap
//! that loads the descriptor's address into R10 and jumps to the shared
//! prestub. Callers that reach a method before it is compiled call its
//! precode; the prestub compiles the method and rewrites the precode into a
//! jump to the code (see `stubs` and `runtime::prestub`).

use std::ptr::NonNull;
use std::sync::atomic::{AtomicUsize, Ordering};

use osprey_metadata::flags::{method_attributes as ma, method_impl_attributes as mia};
use osprey_metadata::sig::MethodSig;

use super::types::TypeHandle;
use super::AssemblyId;

/// How a method is implemented.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum MethodKind {
    /// CIL, compiled by the JIT on first call.
    Il,
    /// An FCall (`[MethodImpl(InternalCall)]`): a Rust function called directly.
    FCall {
        /// The Rust function's address.
        address: usize,
        /// It takes the current `Thread*` as an extra first argument.
        pass_thread: bool,
        /// It may leave an exception pending on the thread.
        may_throw: bool,
        /// It may erect a helper frame (its call site is recorded first).
        helper_frame: bool,
    },
    /// A P/Invoke (`[DllImport]`, `pinvokeimpl`): a native function reached
    /// through the P/Invoke transition, which switches the thread to
    /// preemptive mode (see `crate::interop`). A QCall is a P/Invoke into
    /// the runtime (`[DllImport("QCall")]`), whose Rust function is known
    /// when the method loads; any other library is loaded, and the entry
    /// point found, at the first call.
    PInvoke {
        /// The QCall's Rust function (from the QCall entry list); 0 for a
        /// P/Invoke bound at its first call.
        qcall: usize,
        /// `[SuppressGCTransition]`: no transition frame, no GC mode switch.
        suppress_gc_transition: bool,
    },
    /// `abstract`: no body.
    Abstract,
    /// An `internalcall` with no FCall registered, or another implementation
    /// the runtime cannot run; calling it is an error naming the method.
    Unimplemented,
}

/// A method of a loaded type.
pub struct MethodDesc {
    /// The declaring type.
    pub owner: TypeHandle,
    /// The defining assembly.
    pub assembly: AssemblyId,
    /// MethodDef row id.
    pub rid: u32,
    /// The method's name.
    pub name: String,
    /// Its signature (tokens relative to `assembly`).
    pub sig: MethodSig,
    /// `MethodAttributes`.
    pub flags: u16,
    /// `MethodImplAttributes`.
    pub impl_flags: u16,
    /// RVA of the IL body (0 if none).
    pub rva: u32,
    /// How it is implemented.
    pub kind: MethodKind,
    /// Its vtable slot, for virtual methods. An instantiation of a generic
    /// virtual method has none: calls to it resolve the slot of its
    /// [`MethodDesc::definition`] against the receiver at run time.
    pub slot: Option<u32>,
    /// The type arguments of an instantiated generic method (`!!n` means
    /// `instantiation[n]`); empty for a non-generic method and for a generic
    /// method's definition.
    pub instantiation: Vec<super::types::TypeHandle>,
    /// For an instantiated generic method: the method definition it
    /// instantiates (a descriptor of the same owner).
    pub definition: Option<MethodHandle>,
    /// For an instantiated generic method: the cell holding its generic
    /// dictionary (see [`super::types::RuntimeType::dictionary`]).
    pub dictionary: std::sync::atomic::AtomicPtr<usize>,
    /// Address of the precode stub.
    pub precode: usize,
    /// Address of the compiled code, 0 until compiled.
    pub code: AtomicUsize,
    /// The method table of the last delegate type this method was found
    /// call-compatible with (`runtime::delegates`), 0 for none: a
    /// one-entry cache of a check every delegate construction needs.
    pub delegate_checked: AtomicUsize,
}

impl MethodDesc {
    /// `static`.
    pub fn is_static(&self) -> bool {
        self.flags & ma::STATIC != 0
    }

    /// `virtual`.
    pub fn is_virtual(&self) -> bool {
        self.flags & ma::VIRTUAL != 0
    }

    /// `final` (sealed override).
    pub fn is_final(&self) -> bool {
        self.flags & ma::FINAL != 0
    }

    /// `newslot`.
    pub fn is_new_slot(&self) -> bool {
        self.flags & ma::NEW_SLOT != 0
    }

    /// `abstract`.
    pub fn is_abstract(&self) -> bool {
        self.flags & ma::ABSTRACT != 0
    }

    /// An instance or static constructor (`.ctor`/`.cctor` with `rtspecialname`).
    pub fn is_constructor(&self) -> bool {
        self.flags & ma::RT_SPECIAL_NAME != 0 && (self.name == ".ctor" || self.name == ".cctor")
    }

    /// `internalcall`.
    pub fn is_internal_call(&self) -> bool {
        self.impl_flags & mia::INTERNAL_CALL != 0
    }

    /// The address callers should call now: the code if compiled, else the precode.
    pub fn entry_point(&self) -> usize {
        match self.code.load(Ordering::Acquire) {
            0 => self.precode,
            code => code,
        }
    }

    /// `Namespace.Type::Method`, the form used in error messages and traces
    /// (`Program::Swap[System.Int32]` for an instantiated generic method).
    pub fn full_name(&self) -> String {
        if self.instantiation.is_empty() {
            format!("{}::{}", self.owner.name, self.name)
        } else {
            let args: Vec<&str> = self.instantiation.iter().map(|t| t.name.as_str()).collect();
            format!("{}::{}[{}]", self.owner.name, self.name, args.join(","))
        }
    }

    /// Whether this is a generic method's definition (it has type
    /// parameters but no type arguments): it cannot be compiled or called.
    pub fn is_generic_definition(&self) -> bool {
        self.sig.generic_param_count > 0 && self.instantiation.is_empty()
    }

    /// The type arguments this method's signature and body refer to: its
    /// owner's (`!n`) and its own (`!!n`).
    pub fn generic_context(&self) -> super::context::GenericContext {
        super::context::GenericContext {
            type_args: self.owner.instantiation.clone(),
            method_args: self.instantiation.clone(),
        }
    }
}

/// A handle to a method descriptor; valid for the life of its runtime (see
/// [`TypeHandle`] for the argument).
#[derive(Copy, Clone, PartialEq, Eq, Hash)]
pub struct MethodHandle(NonNull<MethodDesc>);

// SAFETY: a MethodDesc is immutable after publication except for atomics.
unsafe impl Send for MethodHandle {}
// SAFETY: as above.
unsafe impl Sync for MethodHandle {}

impl MethodHandle {
    pub(crate) fn new(m: &MethodDesc) -> MethodHandle {
        MethodHandle(NonNull::from(m))
    }

    /// The raw descriptor pointer (what precodes load into R10).
    pub fn as_ptr(self) -> *const MethodDesc {
        self.0.as_ptr()
    }

    /// From a raw descriptor pointer this runtime created.
    ///
    /// # Safety
    /// `p` must come from [`MethodHandle::as_ptr`] of a live runtime.
    pub unsafe fn from_ptr(p: *const MethodDesc) -> MethodHandle {
        // SAFETY: caller's contract (non-null, live).
        MethodHandle(unsafe { NonNull::new_unchecked(p as *mut MethodDesc) })
    }

    /// As the JIT's opaque handle.
    pub fn to_jit(self) -> osprey_jit::MethodHandle {
        osprey_jit::MethodHandle(self.as_ptr() as usize)
    }
}

impl std::ops::Deref for MethodHandle {
    type Target = MethodDesc;
    fn deref(&self) -> &MethodDesc {
        // SAFETY: method descriptors live (boxed, unmoved) as long as their runtime.
        unsafe { self.0.as_ref() }
    }
}

impl std::fmt::Debug for MethodHandle {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "MethodHandle({})", self.full_name())
    }
}
