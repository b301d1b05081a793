//! The JIT ⇄ runtime interface (the analogue of CoreCLR's JIT-EE interface,
//! `ICorJitInfo`).
//!
//! The JIT knows nothing about method tables, assemblies or the heap. Every
//! question it has about the program ("what does this call token resolve to?",
//! "where does this static field live?") goes through [`JitHost`], which the
//! runtime (vm/) implements. Answers are plain data: sizes, offsets, absolute
//! addresses and opaque handles that the JIT embeds in code but never
//! dereferences.

use osprey_metadata::Token;
use smallvec::SmallVec;

use crate::types::JitType;

/// An opaque runtime type handle (a method table pointer). The JIT embeds it
/// in code (allocation, casts) but never dereferences it.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct TypeHandle(pub usize);

/// An opaque runtime method handle (a method descriptor pointer).
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct MethodHandle(pub usize);

/// A value shared generic code finds at run time in its generic
/// dictionary (docs/generics.md): the dictionary slot, and the host's
/// descriptor of what goes there, which the slow path passes to
/// [`Helper::GenericLookup`] when the slot is still empty.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
pub struct RuntimeLookup {
    /// The slot in the dictionary of the method's generic context.
    pub slot: u32,
    /// Opaque: what the runtime computes for the slot.
    pub descriptor: usize,
}

/// A handle or address generated code uses: known when the method is
/// compiled, or looked up at run time (shared generic code).
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
pub enum RtValue {
    /// Known now: embedded as an immediate.
    Const(usize),
    /// Depends on the instantiation the shared code runs for.
    Lookup(RuntimeLookup),
}

/// A type as code that allocates, casts or boxes it needs it: the handle
/// whose layout and shape the JIT may read (in shared code, the canonical
/// instantiation: `List<__Canon>` has `List<string>`'s layout), and the
/// exact method table the code must use.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
pub struct ExactType {
    /// The handle to read layouts and allocation shapes from.
    pub canonical: TypeHandle,
    /// The exact method table.
    pub exact: RtValue,
}

impl ExactType {
    /// A type known exactly when compiling.
    pub fn known(handle: TypeHandle) -> ExactType {
        ExactType {
            canonical: handle,
            exact: RtValue::Const(handle.0),
        }
    }
}

/// Where shared generic code finds its generic context (the exact
/// instantiation it runs for), and so its dictionary.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct GenericContextSource {
    /// Where the context comes from.
    pub kind: GenericContextKind,
    /// For [`GenericContextKind::This`] and [`GenericContextKind::MethodTable`]:
    /// which entry of the method table's dictionary array belongs to the
    /// method's class (its depth in the class hierarchy).
    pub dictionary_index: u32,
}

/// The three sources of a generic context (as in CoreCLR).
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum GenericContextKind {
    /// An instance method of a shared class: `this`'s method table.
    This,
    /// A static method of a shared class: the exact method table, passed in
    /// R8 by the instantiating stub in front of the code.
    MethodTable,
    /// A shared generic method: its exact instantiated method descriptor,
    /// passed in R8 by the instantiating stub.
    MethodDesc,
}

/// Why the host could not answer a question. The runtime turns these into the
/// managed exception a CLR raises (`MissingMethodException`, ...) or into a
/// clear error message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HostError {
    /// What kind of failure this is.
    pub kind: HostErrorKind,
    /// A complete, human-readable message naming the member or type.
    pub message: String,
}

/// The kinds of [`HostError`], mirroring the CLR's loader exceptions.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum HostErrorKind {
    /// A method named by a token does not exist (`MissingMethodException`).
    MissingMethod,
    /// A field named by a token does not exist (`MissingFieldException`).
    MissingField,
    /// A type could not be found or loaded (`TypeLoadException`).
    TypeLoad,
    /// The metadata is malformed (`BadImageFormatException`).
    BadImage,
    /// The runtime cannot do this yet (a clear "not supported" error).
    NotSupported,
    /// Unverifiable: a generic method's type argument violates a
    /// constraint (`VerificationException`).
    Verification,
    /// The IL asks for something the runtime forbids, such as a direct call
    /// of an `[UnmanagedCallersOnly]` method (`InvalidProgramException`).
    InvalidProgram,
    /// Shared generic code cannot express this (yet): the runtime compiles
    /// the method for each exact instantiation instead.
    NeedsExactCode,
}

impl std::fmt::Display for HostError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

/// What a call instruction (`call`, `callvirt`, `newobj`) resolved to.
#[derive(Clone, Debug)]
pub struct CallInfo {
    /// The callee (in shared code, possibly its canonical form).
    pub method: MethodHandle,
    /// The exact callee's descriptor, where the code needs it at run time
    /// (`ldvirtftn`).
    pub method_exact: RtValue,
    /// How the callee is reached.
    pub target: CallTarget,
    /// The callee's signature, in the JIT's terms.
    pub sig: CallSig,
    /// For `newobj`: what to allocate before calling the constructor.
    pub new_object: Option<NewObjectInfo>,
    /// A class-initialization check the caller must make before the call.
    /// The runtime currently leaves this `None` and puts precise
    /// static-constructor checks in the callee's prologue instead
    /// ([`crate::MethodInput::class_init`]); the field lets a host choose
    /// caller-side checks.
    pub class_init: Option<ClassInitCheck>,
}

/// How a callee is reached.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CallTarget {
    /// A managed method using fastcall64: `call` the given address (the
    /// method's code if compiled, otherwise its precode, which enters the
    /// prestub).
    Managed {
        /// Absolute address to call.
        entry: usize,
    },
    /// A managed method whose entry shared code looks up at run time (the
    /// callee depends on the instantiation: a method of `S<T>` for a value
    /// type `S`, a static method of `C<T>`, a generic method `M<T>`).
    ManagedLookup {
        /// Where the entry is.
        entry: RuntimeLookup,
    },
    /// A virtual call through the vtable slot `slot` of the receiver's method
    /// table (`callvirt` of a virtual method that is not final).
    Virtual {
        /// The vtable slot index.
        slot: u32,
    },
    /// An interface call through a per-call-site inline cache: a 32-byte
    /// cell holding the last receiver's method table (offset 0) and the code
    /// it dispatched to (offset 8); on a miss the site calls
    /// [`Helper::InterfaceResolve`] (or `...Rdx` when `this` is in RDX), which
    /// finds the target, updates the cell and jumps to it.
    Interface {
        /// Absolute address of the call site's cell.
        cell: usize,
    },
    /// An FCall: a Rust `extern "C"` function called directly with the
    /// native (System V) convention; no frame, no GC mode switch.
    FCall {
        /// Absolute address of the Rust function.
        address: usize,
        /// Pass the current `Thread*` as an extra first argument.
        pass_thread: bool,
        /// The function may leave an exception pending on the thread: test
        /// the thread's pending flag after the call and raise it
        /// ([`Helper::RaisePending`]) if set.
        may_throw: bool,
        /// The function may erect a helper frame (to allocate, block or call
        /// managed code): record the call site (return address, RSP, RBP) in
        /// the thread before the call so the frame can describe it.
        helper_frame: bool,
    },
    /// A call of a generic virtual method (`callvirt` of `M<int>` where `M`
    /// is virtual): the override depends on the receiver's type and on the
    /// method's type arguments, so the call site asks
    /// [`Helper::ResolveVirtualCall`] for the code to call on each call
    /// (it caches per receiver type and instantiation).
    GenericVirtual {
        /// The instantiated method named by the call.
        method: RtValue,
    },
    /// `Invoke` of a delegate type, expanded inline at the call site using
    /// [`RuntimeLayout::delegate`]: for each delegate in the invocation list
    /// (or the delegate itself), call its method pointer with its target as
    /// `this`, or without `this` when the target is null (a static method);
    /// the result is the last call's.
    DelegateInvoke,
    /// An accessor of a multi-dimensional array type (`Get`, `Set`,
    /// `Address`), compiled inline: the arguments are the array and one
    /// int32 index per dimension (and the value, for `Set`).
    ArrayAccessor {
        /// Which accessor.
        kind: ArrayAccessorKind,
        /// The array's rank.
        rank: u32,
        /// The element type.
        element: JitType,
        /// For `Address` of an array of references: the array type, which
        /// the array must be exactly (ArrayTypeMismatchException otherwise,
        /// as for `ldelema`; the importer drops it after `readonly.`).
        exact: Option<RtValue>,
    },
    /// A call the JIT expands inline (docs/jit.md, "Intrinsics"): the
    /// `Interlocked` operations as lock-prefixed instructions.
    Intrinsic(Intrinsic),
    /// A call into native code through the P/Invoke transition (design
    /// notes §3): a P/Invoke whose arguments need no marshaling beyond what
    /// [`NativeArg`] describes, compiled inline at the call site; a QCall
    /// (a P/Invoke into the runtime); the native call at the heart of an IL
    /// stub; `calli` with an unmanaged signature. See [`UnmanagedCall`].
    PInvoke(Box<UnmanagedCall>),
}

/// The methods the JIT compiles inline instead of calling
/// ([`CallTarget::Intrinsic`]). The first argument of each `Interlocked`
/// form is the location (a managed or unmanaged pointer); integers are
/// 32-bit (`I4`) or 64-bit (`I8`, also `IntPtr`); `Ref` forms store an
/// object reference and keep the write barrier. The `Math` forms take and
/// return a float; the rounding ones (`roundsd`) are offered by the host
/// only where the CPU has SSE4.1.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
pub enum Intrinsic {
    /// `Interlocked.Add(ref int, int)`: `lock xadd`; the new value.
    AddI4,
    /// `Interlocked.Add(ref long, long)`.
    AddI8,
    /// `Interlocked.Increment(ref int)`: the new value.
    IncrementI4,
    /// `Interlocked.Increment(ref long)`.
    IncrementI8,
    /// `Interlocked.Decrement(ref int)`.
    DecrementI4,
    /// `Interlocked.Decrement(ref long)`.
    DecrementI8,
    /// `Interlocked.Exchange(ref int, int)`: `xchg`; the old value.
    ExchangeI4,
    /// `Interlocked.Exchange(ref long|IntPtr, ...)`.
    ExchangeI8,
    /// `Interlocked.Exchange(ref object, object)`.
    ExchangeRef,
    /// `Interlocked.CompareExchange(ref int, int value, int comparand)`:
    /// `lock cmpxchg`; the old value.
    CompareExchangeI4,
    /// `Interlocked.CompareExchange(ref long|IntPtr, ...)`.
    CompareExchangeI8,
    /// `Interlocked.CompareExchange(ref object, object, object)`.
    CompareExchangeRef,
    /// `Interlocked.Read(ref long)`: one aligned 64-bit load.
    ReadI8,
    /// `Interlocked.MemoryBarrier()`, `Thread.MemoryBarrier()`: `mfence`.
    MemoryBarrier,
    /// `Math.Sqrt(double)`: `sqrtsd`.
    SqrtR8,
    /// `Math.Abs(double)`: the sign bit cleared.
    AbsR8,
    /// `Math.Abs(float)`: the sign bit cleared.
    AbsR4,
    /// `Math.Floor(double)`: `roundsd` toward negative infinity (SSE4.1).
    FloorR8,
    /// `Math.Ceiling(double)`: `roundsd` toward positive infinity (SSE4.1).
    CeilingR8,
    /// `Math.Round(double)`: `roundsd` to nearest, halves to even (SSE4.1).
    RoundR8,
    /// `Math.Truncate(double)`: `roundsd` toward zero (SSE4.1).
    TruncateR8,
}

impl Intrinsic {
    /// For the `Math` forms: whether the operand is a `float` (else a
    /// `double`) and the `roundsd` immediate (`None` for Sqrt and Abs);
    /// `None` for the `Interlocked` forms.
    pub fn float_op(self) -> Option<(bool, Option<i8>)> {
        use Intrinsic as I;
        Some(match self {
            I::SqrtR8 | I::AbsR8 => (false, None),
            I::AbsR4 => (true, None),
            // roundsd's rounding-mode immediate, with bit 3 set: inexact
            // results do not raise the precision exception.
            I::RoundR8 => (false, Some(8)),
            I::FloorR8 => (false, Some(9)),
            I::CeilingR8 => (false, Some(10)),
            I::TruncateR8 => (false, Some(11)),
            _ => return None,
        })
    }
}

/// The accessors of a multi-dimensional array type.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum ArrayAccessorKind {
    /// `T Get(int, ...)`.
    Get,
    /// `void Set(int, ..., T)`.
    Set,
    /// `T& Address(int, ...)`.
    Address,
}

/// A call into native code with the System V convention, through the
/// inline P/Invoke transition: link a transition frame in the caller's own
/// frame, switch the thread to preemptive mode, call, switch back (waiting
/// out a collection), unlink, and raise whatever was left pending.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnmanagedCall {
    /// Where the native function's address comes from.
    pub target: NativeTarget,
    /// How each parameter crosses (one per [`CallSig::params`] entry).
    pub args: Vec<NativeArg>,
    /// How the result comes back.
    pub ret: NativeRet,
    /// `[SuppressGCTransition]`: no transition frame and no GC mode switch:
    /// the thread stays cooperative, so the callee must be short and must
    /// not block, call back into managed code or fault (docs/native-interop.md).
    pub suppress_gc_transition: bool,
    /// `SetLastError = true`: clear `errno` before the call and save it in
    /// the thread ([`RuntimeLayout::thread_last_error_offset`]) right after.
    pub set_last_error: bool,
}

/// Where an unmanaged call's target comes from.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum NativeTarget {
    /// A fixed address (a QCall's Rust function).
    Address(usize),
    /// A cell holding the address once the P/Invoke is bound, 0 before: the
    /// call site first calls [`Helper::PInvokeBind`] when it reads 0 (lazy
    /// binding: the library is loaded and the symbol found at the first
    /// call, which raises `DllNotFoundException` or
    /// `EntryPointNotFoundException` when that fails).
    Cell {
        /// Absolute address of the 8-byte cell.
        cell: usize,
    },
    /// The address is on the evaluation stack, above the arguments (`calli`).
    Stack,
}

/// How an argument crosses into native code.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum NativeArg {
    /// As is: integers, pointers and references as integer arguments,
    /// floats in XMM registers.
    Direct,
    /// A managed `bool`, normalized to 0 or 1 (a C `int` or `bool` alike).
    Bool,
    /// A `string` as a pointer to its NUL-terminated UTF-16 characters
    /// (null for a null string); the string is pinned for the call.
    PinnedString,
    /// A struct by value, passed as System V classifies it.
    Struct(NativeStruct),
    /// The address of a struct's native bytes (a non-blittable struct the
    /// IL stub converted to its native form): the bytes it points to are
    /// passed by value, as System V classifies them, exactly as
    /// [`NativeArg::Struct`] passes a struct's own bytes.
    StructAt(NativeStruct),
}

/// How a native result comes back.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum NativeRet {
    /// As is (small integers re-normalized: System V leaves their upper bits
    /// undefined).
    Direct,
    /// A C boolean (non-zero is true) turned into a managed `bool`: a 4-byte
    /// `BOOL` (`one_byte: false`) or a 1-byte C `bool`.
    Bool {
        /// Only the low byte is defined.
        one_byte: bool,
    },
    /// A struct, returned as System V classifies it: in RAX/RDX/XMM0/XMM1,
    /// or through a hidden buffer whose address goes in RDI.
    Struct(NativeStruct),
    /// A struct returned as [`NativeRet::Struct`] is, but into native
    /// memory: the call's last argument is the address of a buffer (of the
    /// struct's size rounded up to 8 bytes) that receives the native bytes.
    /// That argument is not passed to the callee, except as the hidden RDI
    /// pointer of a struct returned in memory; the call pushes nothing (its
    /// signature returns `void`). The IL stub converts the bytes to the
    /// managed struct afterwards.
    StructTo(NativeStruct),
}

/// A struct as the System V AMD64 ABI passes it (§3.2.3).
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct NativeStruct {
    /// Size in bytes.
    pub size: u32,
    /// How it travels.
    pub class: StructClass,
}

/// The System V classification of a struct.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum StructClass {
    /// In memory: an argument is copied onto the stack (in 8-byte units), a
    /// result is written to a buffer the caller passes in RDI.
    Memory,
    /// In registers, one per eightbyte (one or two of them): INTEGER ones in
    /// the next general register, SSE ones in the next XMM register. An
    /// argument whose eightbytes do not all find a register goes on the
    /// stack, as `Memory`.
    Registers {
        /// The first eightbyte.
        first: EightByte,
        /// The second eightbyte, for structs over 8 bytes.
        second: Option<EightByte>,
    },
}

/// The class of one eightbyte of a struct passed in registers.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum EightByte {
    /// A general-purpose register.
    Integer,
    /// An XMM register.
    Sse,
}

/// The signature of a `calli` (a StandAloneSig token), as the host resolved it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CallSiteSig {
    /// The signature in the JIT's terms.
    pub sig: CallSig,
    /// For an unmanaged calling convention (`calli unmanaged cdecl`, ...):
    /// how the call crosses into native code ([`NativeTarget::Stack`]).
    /// `None` for a managed function pointer (fastcall64).
    pub unmanaged: Option<UnmanagedCall>,
}

/// The layout of the transition frame JIT-compiled code builds around
/// P/Invokes (offsets in bytes from the frame's start; the runtime defines
/// the struct).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TransitionFrameLayout {
    /// Size of the frame in bytes (a multiple of 8).
    pub size: u32,
    /// The previous frame in the thread's list.
    pub prev: i32,
    /// The frame kind word.
    pub kind: i32,
    /// The method handle of the P/Invoke being called (0 for `calli`).
    pub method: i32,
    /// The return address into managed code.
    pub return_address: i32,
    /// The managed RSP at the call.
    pub rsp: i32,
    /// The managed RBP at the call.
    pub rbp: i32,
    /// The pointer to a register area (the JIT stores 0: P/Invoke frames
    /// have none, see the runtime's `Frame::regs`).
    pub regs: i32,
    /// The value to store in `kind` for P/Invoke frames.
    pub pinvoke_kind: u64,
}

/// The shape of `this` for an instance method.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum ThisKind {
    /// An object reference (methods of classes).
    Ref,
    /// A managed pointer to the value (methods of value types).
    ByRef,
}

/// A call signature after the host resolved every type in it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CallSig {
    /// `Some` for instance methods.
    pub this: Option<ThisKind>,
    /// Declared parameters, excluding `this`.
    pub params: Vec<JitType>,
    /// The return type (`JitType::Void` for none).
    pub ret: JitType,
}

impl CallSig {
    /// Number of values the call pops from the evaluation stack.
    pub fn pop_count(&self) -> usize {
        self.params.len() + usize::from(self.this.is_some())
    }
}

/// What `newobj` allocates.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NewObjectInfo {
    /// A reference type: allocate an instance of this method table.
    Object {
        /// The type to allocate.
        handle: ExactType,
    },
    /// A value type: the constructor runs on a zeroed temporary.
    Value {
        /// The value type.
        handle: TypeHandle,
    },
    /// A multi-dimensional array: the arguments are one length per
    /// dimension, or a (lower bound, length) pair per dimension.
    MdArray {
        /// The array type.
        handle: ExactType,
        /// Its rank.
        rank: u32,
    },
    /// The constructor is really a static factory that returns the new
    /// object ([`CallInfo::method`] and [`CallInfo::sig`] describe it): how
    /// `String`'s constructors work, since a string's size depends on the
    /// constructor's arguments.
    Factory,
    /// A delegate's constructor `(object target, native int method)`:
    /// allocate an instance of this delegate type, then let
    /// [`Helper::DelegateCtor`] fill it in (the runtime implements delegate
    /// constructors, ECMA-335 II.14.6).
    Delegate {
        /// The delegate type.
        handle: ExactType,
    },
}

/// A check that a class's static constructor has run, emitted inline:
/// `cmp byte [flag], 0; jne done; call helper(handle)`.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct ClassInitCheck {
    /// Address of a byte that is non-zero once the class is initialized.
    pub flag_address: usize,
    /// The class whose initializer must run.
    pub handle: TypeHandle,
}

/// What a field token resolved to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldInfo {
    /// The field's type.
    pub ty: JitType,
    /// Where the field lives.
    pub location: FieldLocation,
    /// A class-initialization check to make before a static access.
    pub class_init: Option<ClassInitCheck>,
}

/// Where a field lives.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum FieldLocation {
    /// An instance field, at `offset` bytes from the object reference (for
    /// fields of classes) or from the start of the value (for fields of value
    /// types).
    Instance {
        /// Byte offset.
        offset: u32,
    },
    /// A static field at a fixed absolute address.
    Static {
        /// Absolute address of the storage.
        address: usize,
    },
    /// A `[ThreadStatic]` field: at `offset` in the calling thread's block
    /// of its type's thread statics. The thread record holds an array of
    /// block pointers ([`RuntimeLayout::thread_statics_offsets`]), indexed
    /// by the type's thread-static index; a missing block (null, or past
    /// the array's end) comes from [`Helper::ThreadStaticBase`].
    ThreadStatic {
        /// The type's index in the threads' block arrays.
        index: u32,
        /// Byte offset in the block.
        offset: u32,
    },
    /// A static field of an instantiation shared code finds at run time
    /// (the lookup also runs the class's static constructor).
    StaticLookup {
        /// Where the field's address is.
        address: RuntimeLookup,
    },
}

/// What a type token (`box`, `newarr`, `castclass`, `initobj`, ...) resolved to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TypeInfo {
    /// The runtime type handle (in shared code, the canonical one: read
    /// its layout, not its identity).
    pub handle: TypeHandle,
    /// The exact type, for code that allocates, casts or boxes it.
    pub exact: RtValue,
    /// The type as a JIT type (`Struct` for value types, `Ref` for classes,
    /// primitives as themselves).
    pub ty: JitType,
    /// For an instantiation `Nullable<T>`: `T`. Boxing and unboxing such a
    /// type follow the CLR's special rules ([`Helper::BoxNullable`],
    /// [`Helper::UnboxNullable`]), and `isinst`/`castclass` of it test for
    /// a boxed `T`.
    pub nullable_of: Option<TypeHandle>,
}

/// The layout of a value type, as the JIT needs it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StructLayout {
    /// Size in bytes (unboxed).
    pub size: u32,
    /// Alignment in bytes.
    pub align: u32,
    /// Offsets (from the start of the value) of object references.
    pub gc_refs: SmallVec<[u32; 4]>,
    /// Offsets of managed pointers (only in byref-like types).
    pub gc_byrefs: SmallVec<[u32; 2]>,
}

/// The runtime helpers (HCalls) the JIT calls. Each is a Rust `extern "C"`
/// function; [`JitHost::helper`] gives its address.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
pub enum Helper {
    /// A safepoint poll found the trap flag set. Called with no arguments;
    /// the stub at this address preserves every register.
    GcPoll,
    /// `fn(thread, handle) -> object`: allocate an instance (slow path).
    NewObject,
    /// `fn(thread, handle, length) -> array`: allocate a single-dimensional array.
    NewArray,
    /// `fn(thread, length) -> string`: allocate a string.
    NewString,
    /// `fn(thread, handle)`: run a class's static constructor if needed.
    ClassInit,
    /// `fn(thread, kind: u32) -> !`: raise one of the runtime's exceptions
    /// ([`ThrowKind`]). Never returns.
    Throw,
    /// `fn(thread, exception) -> !`: the `throw` instruction. Never returns.
    ThrowObject,
    /// `fn(array, index: i64, value, thread)`: `stelem.ref` with the bounds
    /// and covariance checks (ArrayTypeMismatchException).
    StElemRef,
    /// `fn(thread) -> !`: called when an FCall or QCall left an exception
    /// pending on the thread; raises it. Never returns.
    RaisePending,
    /// Interface-call cache miss, `this` in RCX: called with the cell in R11
    /// and the call's arguments in place; dispatches to the target (a tail
    /// jump) after updating the cell. Preserves the argument registers.
    InterfaceResolve,
    /// The same, with `this` in RDX (the callee has a hidden return buffer).
    InterfaceResolveRdx,
    /// `fn(thread, array type, dimensions: *const i64, count)`: allocate a
    /// multi-dimensional array (`count` is the rank, or twice the rank with
    /// lower bounds).
    NewMdArray,
    /// `fn(array, value, thread)`: the covariance check of a store into an
    /// array of references other than `stelem.ref` (ArrayTypeMismatchException).
    ArrayStoreCheck,
    /// `fn(object, type, thread) -> object`: `castclass` (raises
    /// InvalidCastException).
    CastClass,
    /// `fn(object, type, thread) -> object or null`: `isinst`.
    IsInst,
    /// `fn(object, type, thread) -> object`: the check of `unbox` (raises
    /// NullReferenceException or InvalidCastException); the JIT adds the
    /// offset of the value.
    Unbox,
    /// `fn(thread, exception) -> !`: `rethrow` of the exception a catch
    /// handler is handling (its stack trace restarts here, as on mono).
    /// Never returns.
    Rethrow,
    /// `fn(thread) -> !`: a method's prologue found the stack nearly
    /// exhausted. Ends the process with a stack-overflow report.
    StackOverflow,
    /// `fn(thread, delegate, target, method)`: a delegate constructor
    /// (see [`NewObjectInfo::Delegate`]).
    DelegateCtor,
    /// `fn(thread, context, descriptor) -> value`: the slow path of a
    /// runtime lookup in shared generic code ([`RuntimeLookup`]): computes
    /// the slot's value for the context (a method table or a method
    /// descriptor, see [`GenericContextKind`]) and stores it in the
    /// context's dictionary.
    GenericLookup,
    /// `fn(thread, nullable type, value: *const u8) -> object`: `box` of a
    /// `Nullable<T>`: null when it has no value, else a boxed `T`.
    BoxNullable,
    /// `fn(object, nullable type, dst: *mut u8, thread)`: `unbox.any` to a
    /// `Nullable<T>`, written to `dst` (null gives no value; a boxed `T`
    /// its value; anything else raises InvalidCastException).
    UnboxNullable,
    /// `fn(object, method, thread) -> code`: the entry a virtual call of
    /// the generic virtual method `method` runs on the object (an
    /// unboxing stub for a value type's override; NullReferenceException
    /// for null).
    ResolveVirtualCall,
    /// `fn(object, method, thread) -> function pointer`: `ldvirtftn`, the
    /// function pointer of the method a virtual call of `method` on the
    /// object runs (NullReferenceException for null).
    LdVirtFtn,
    /// `fn(thread, index) -> block`: the calling thread's block of
    /// `[ThreadStatic]` fields for thread-static index `index`, made
    /// (zeroed) on first use ([`FieldLocation::ThreadStatic`]).
    ThreadStaticBase,
    /// `fn(thread, method)`: binds a P/Invoke whose cell is still 0 (loads
    /// its library, finds its entry point, fills the cell), raising
    /// `DllNotFoundException` or `EntryPointNotFoundException` when that
    /// fails ([`NativeTarget::Cell`]).
    PInvokeBind,
    /// `fn(thread, failure) -> !`: raise the resolution failure the host
    /// recorded for an instruction ([`JitHost::defer_failure`]). Never returns.
    RaiseDeferred,
    /// `fn(thread, method)`: a baseline method's call counter reached zero
    /// (tiered compilation): the runtime compiles it with the optimizing
    /// tier. Returns normally; the call goes on in the baseline code.
    TierUp,
}

/// Field offsets of `System.Delegate` and `System.MulticastDelegate` that
/// delegate invocation reads.
#[derive(Copy, Clone, Debug, Default, PartialEq, Eq)]
pub struct DelegateLayout {
    /// `_target`: the receiver, null for a static method.
    pub target: i32,
    /// `_methodPtr`: the code to call.
    pub method_ptr: i32,
    /// `_invocationList`: null, or an `object[]` of the delegates to call.
    pub invocation_list: i32,
    /// `_invocationCount`: how many entries of the list are used.
    pub invocation_count: i32,
}

/// Exceptions the JIT-compiled code raises through [`Helper::Throw`]. The
/// runtime maps each kind to its managed exception and message
/// (`throw_kind_exception` in vm/src/runtime/helpers.rs).
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
#[repr(u32)]
pub enum ThrowKind {
    /// `System.NullReferenceException`.
    NullReference = 0,
    /// `System.IndexOutOfRangeException`.
    IndexOutOfRange = 1,
    /// `System.DivideByZeroException`.
    DivideByZero = 2,
    /// `System.OverflowException` (checked arithmetic, `conv.ovf.*`, `INT_MIN / -1`).
    Overflow = 3,
    /// `System.InvalidCastException`.
    InvalidCast = 4,
    /// `System.ArrayTypeMismatchException`.
    ArrayTypeMismatch = 5,
    /// `System.ArithmeticException` (`ckfinite`).
    NotFinite = 6,
    /// `System.NullReferenceException` from `ldflda` on null. Mono checks
    /// `ldflda` explicitly and raises the exception through its constructor,
    /// whose message ends with a period; its other null checks are
    /// hardware faults, whose message does not.
    NullFieldAddress = 7,
}

impl ThrowKind {
    /// All kinds, in discriminant order.
    pub const ALL: [ThrowKind; 8] = [
        ThrowKind::NullReference,
        ThrowKind::IndexOutOfRange,
        ThrowKind::DivideByZero,
        ThrowKind::Overflow,
        ThrowKind::InvalidCast,
        ThrowKind::ArrayTypeMismatch,
        ThrowKind::NotFinite,
        ThrowKind::NullFieldAddress,
    ];

    /// Converts a discriminant back to a kind.
    pub fn from_u32(v: u32) -> Option<ThrowKind> {
        Self::ALL.get(v as usize).copied()
    }
}

/// Runtime constants the generated code depends on: where things live in
/// the thread record and in objects. Supplied by the host so the JIT does not
/// depend on the runtime's Rust structs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RuntimeLayout {
    /// Absolute address of the runtime's trap flag (a `u32`, non-zero while a
    /// GC or suspension is pending). It lives in the code heap's data page, so
    /// it is always within ±2 GiB of generated code (`rip`-relative).
    pub trap_flag_address: usize,
    /// Offset of the length field in arrays and strings.
    pub array_length_offset: i32,
    /// Offset of element 0 in single-dimensional arrays.
    pub array_data_offset: i32,
    /// Offset of the per-dimension lengths (int32) in multi-dimensional
    /// arrays; the lower bounds follow them, then the elements, 8-aligned.
    pub md_array_bounds_offset: i32,
    /// Offset of the first character in strings.
    pub string_data_offset: i32,
    /// Offset, in a method table, of the pointer to its vtable slots.
    pub method_table_vtable_offset: i32,
    /// Offset, in an array's method table, of its element type's method
    /// table (`ldelema`'s exact-type check).
    pub method_table_element_type_offset: i32,
    /// Offset, in a method table, of the pointer to its array of generic
    /// dictionary cells (one per class in its hierarchy, indexed by depth;
    /// [`GenericContextKind`]); a cell holds the pointer to a dictionary.
    pub method_table_dictionaries_offset: i32,
    /// Offset, in a method descriptor, of the pointer to its generic
    /// dictionary. A dictionary is `[capacity, slot 0, slot 1, ...]`
    /// (8-byte words; an empty slot is 0).
    pub method_desc_dictionary_offset: i32,
    /// Offset, in the thread record, of the 32-bit attention flag: non-zero
    /// when native code left an exception pending (or a fatal error) for the
    /// managed code it returns to.
    pub thread_pending_offset: i32,
    /// Offset, in the thread record, of the head of the frame list.
    pub thread_frame_head_offset: i32,
    /// Offset, in the thread record, of the 32-bit GC mode (1 = cooperative).
    pub thread_gc_mode_offset: i32,
    /// Offsets, in the thread record, of the call-site record an FCall with
    /// a helper frame reads: return address, RSP and RBP of the call.
    pub thread_helper_site_offsets: [i32; 3],
    /// Offset, in the thread record, of the lowest stack address managed
    /// code may use (the prologue's stack-overflow check).
    pub thread_stack_limit_offset: i32,
    /// Delegate fields.
    pub delegate: DelegateLayout,
    /// The transition frame of P/Invokes.
    pub transition_frame: TransitionFrameLayout,
    /// Offset, in the thread record, of the 32-bit last P/Invoke error
    /// (`errno` after a call with `SetLastError`).
    pub thread_last_error_offset: i32,
    /// Addresses of the kernel's `extern "C" fn() -> i32` that reads the
    /// calling thread's `errno` and `extern "C" fn(i32)` that sets it.
    pub last_error_entries: [usize; 2],
    /// Offsets, in the thread record, of the allocation context's next free
    /// byte and end (the inline allocation fast path bumps the first).
    pub thread_alloc_offsets: [i32; 2],
    /// Allocate inline (bump the thread's context, call the helper when it
    /// is exhausted); false makes every allocation call the helper (GC stress).
    pub inline_allocation: bool,
    /// The card-marking write barrier to emit after every reference store
    /// into memory that may be in the heap (`None`: no barrier needed).
    pub write_barrier: Option<WriteBarrier>,
    /// Offsets, in the thread record, of the thread-static block array
    /// (a pointer to `usize` block addresses) and its length.
    pub thread_statics_offsets: [i32; 2],
}

/// The parameters of the card-marking write barrier: after a reference is
/// stored at address `a`, if `a - heap_base < heap_size` (unsigned), the
/// byte at `card_table + ((a - heap_base) >> card_shift)` is set to 1.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct WriteBarrier {
    /// First byte of the heap.
    pub heap_base: usize,
    /// Bytes of the heap.
    pub heap_size: usize,
    /// The card table.
    pub card_table: usize,
    /// log2 of the bytes per card.
    pub card_shift: u8,
}

/// How instances of a type may be allocated inline.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct AllocShape {
    /// Bytes after the 8-byte header for an instance with no elements
    /// (the method table's base size).
    pub base_size: u32,
    /// Bytes per element (arrays), 0 otherwise.
    pub component_size: u32,
    /// The largest element count the fast path may allocate (larger
    /// arrays go to the helper).
    pub max_inline_length: u32,
}

/// Everything the JIT asks of the runtime while compiling one method.
pub trait JitHost {
    /// Resolves the method token of a `call`, `callvirt` or `newobj`.
    fn resolve_method(&mut self, token: Token, opcode: CallOpcode) -> Result<CallInfo, HostError>;

    /// Resolves a field token (`ldfld`, `stsfld`, ...).
    fn resolve_field(&mut self, token: Token, is_static: bool) -> Result<FieldInfo, HostError>;

    /// Resolves a type token (`box`, `newarr`, `initobj`, `ldobj`, ...).
    fn resolve_type(&mut self, token: Token) -> Result<TypeInfo, HostError>;

    /// Resolves the token of `ldtoken`: the handle value and the value type
    /// it is pushed as (`RuntimeTypeHandle`, `RuntimeFieldHandle` or
    /// `RuntimeMethodHandle`, all 8 bytes).
    fn resolve_token(&mut self, token: Token) -> Result<(RtValue, TypeHandle), HostError>;

    /// For `constrained. T callvirt M` with `T` a value type: the direct
    /// call to `T`'s own implementation of `M` (`this` by reference), or
    /// `None` when `T` does not override `M` (the value is then boxed and
    /// `M` called virtually).
    fn constrained_call(
        &mut self,
        constrained_token: Token,
        constrained: TypeHandle,
        method_token: Token,
        method: &CallInfo,
    ) -> Result<Option<CallInfo>, HostError>;

    /// Resolves the element-type token of `newarr` to the type of
    /// single-dimensional arrays of it.
    fn resolve_array_type(&mut self, element: Token) -> Result<TypeInfo, HostError>;

    /// Returns the address of the interned string object for a `ldstr`
    /// token. Interned literals never move.
    fn resolve_string(&mut self, token: Token) -> Result<usize, HostError>;

    /// Returns the layout of a value type.
    fn struct_layout(&mut self, handle: TypeHandle) -> StructLayout;

    /// Returns the address of a runtime helper.
    fn helper(&self, helper: Helper) -> usize;

    /// How instances of `handle` may be allocated inline, or `None` when
    /// every allocation must call the helper (finalizable, abstract or
    /// large types). The default allocates through the helper only.
    fn alloc_shape(&mut self, _handle: TypeHandle) -> Option<AllocShape> {
        None
    }

    /// Returns the runtime constants generated code depends on.
    fn runtime_layout(&self) -> RuntimeLayout;

    /// The verifier's questions (`crate::verify`), or `None` when this host
    /// cannot answer them: then nothing is verified.
    fn verify_host(&mut self) -> Option<&mut dyn crate::verify::VerifyHost> {
        None
    }

    /// Resolves the StandAloneSig token of a `calli`. The default supports
    /// none.
    fn resolve_signature(&mut self, token: Token) -> Result<CallSiteSig, HostError> {
        Err(HostError {
            kind: HostErrorKind::NotSupported,
            message: format!("calli (signature token {:#010x})", token.raw()),
        })
    }

    /// A token of the instruction at hand could not be resolved (`error`).
    /// Return `Some(failure)` to compile the instruction as a call of
    /// [`Helper::RaiseDeferred`] with that opaque value, which raises the
    /// failure when (and only if) the instruction runs, as a CLR raises a
    /// `MissingMethodException` at the call site; `None` (the default)
    /// fails the compilation with the error. `token` is the instruction's
    /// token operand.
    fn defer_failure(&mut self, _error: &HostError, _token: Token) -> Option<usize> {
        None
    }
}

/// Which instruction a method token came from; it changes what the host
/// resolves (`callvirt` may dispatch virtually, `newobj` allocates).
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum CallOpcode {
    /// `call`.
    Call,
    /// `callvirt`.
    CallVirt,
    /// `newobj`.
    NewObj,
    /// `ldftn`: the host answers with [`CallTarget::Managed`] holding the
    /// method's function pointer (a stable address: its precode).
    LdFtn,
    /// `ldvirtftn`: the host answers with the method to resolve at run time
    /// against the receiver ([`Helper::LdVirtFtn`]).
    LdVirtFtn,
}
