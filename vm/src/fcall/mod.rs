//! The FCall list: `[MethodImpl(MethodImplOptions.InternalCall)]` methods of
//! corelib and the Rust functions that implement them.
//!
//! An FCall is called directly by JIT-compiled code with the System V
//! convention: no transition frame, no GC mode switch. Its Rust signature
//! mirrors the managed one (`int` → `i32`, `string`/`object` → `*mut u8`,
//! `bool` → `bool`), optionally preceded by the current `&mut Thread` when the
//! entry has [`PASS_THREAD`]. An FCall may not allocate on the GC heap, take
//! a lock or throw without erecting a helper frame (docs/internal-calls.md);
//! the few that must report an error set [`MAY_THROW`] and request it through
//! the thread, and the JIT checks for it after the call.
//!
//! To add one: declare it in corelib C#, implement it here (in the module for
//! its class), and add one line to [`FCALLS`]. The signature string is the
//! ILAsm-like form printed by `loader::names::method_sig_text`, which is how
//! overloads are told apart.

mod arrays;
mod console;
mod enums;
mod environment;
mod exception;
mod gc;
mod generics;
mod handles;
mod interlocked;
mod math;
mod mathf;
mod monitor;
mod number;
mod object;
mod probe;
mod reflection;
mod stopwatch;
mod string;
mod thread;
mod valuetype;
mod walkthrough;

/// The entry receives the current thread as an extra first argument.
pub const PASS_THREAD: u32 = 1;
/// The entry may request an exception; the JIT checks after the call.
pub const MAY_THROW: u32 = 2;
/// The entry may erect a helper frame ([`crate::frames::HelperFrame`]) to
/// allocate, block or call managed code; JIT-compiled code records the call
/// site in the thread before calling it.
pub const HELPER_FRAME: u32 = 4;

/// One FCall registration.
pub struct FCall {
    /// The declaring type's full name (`System.Console`).
    pub class: &'static str,
    /// The method's name.
    pub method: &'static str,
    /// Its signature, ILAsm-like: `void(int32,string)`.
    pub sig: &'static str,
    /// The Rust function.
    pub address: *const (),
    /// [`PASS_THREAD`] | [`MAY_THROW`] | [`HELPER_FRAME`].
    pub flags: u32,
}

// SAFETY: the table is immutable and holds only code addresses.
unsafe impl Sync for FCall {}

/// What the loader records for a bound FCall.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct FCallTarget {
    /// The Rust function's address.
    pub address: usize,
    /// Pass the thread first.
    pub pass_thread: bool,
    /// Check for a requested exception after the call.
    pub may_throw: bool,
    /// Record the call site for a helper frame.
    pub helper_frame: bool,
}

/// Every FCall, one line each.
pub static FCALLS: &[FCall] = &[
    // P/Invoke support (vm/src/interop/fcalls.rs).
    FCall {
        class: "System.StubHelpers.StubHelpers",
        method: "Utf8MaxBytes",
        sig: "native int(string)",
        address: crate::interop::fcalls::utf8_max_bytes as *const (),
        flags: 0,
    },
    FCall {
        class: "System.StubHelpers.StubHelpers",
        method: "EncodeUtf8",
        sig: "void(string,native int)",
        address: crate::interop::fcalls::encode_utf8 as *const (),
        flags: 0,
    },
    FCall {
        class: "System.Runtime.InteropServices.Marshal",
        method: "GetLastPInvokeError",
        sig: "int32()",
        address: crate::interop::fcalls::get_last_error as *const (),
        flags: PASS_THREAD,
    },
    FCall {
        class: "System.Runtime.InteropServices.Marshal",
        method: "SetLastPInvokeError",
        sig: "void(int32)",
        address: crate::interop::fcalls::set_last_error as *const (),
        flags: PASS_THREAD,
    },
    FCall {
        class: "System.Runtime.InteropServices.Marshal",
        method: "SizeOfHelper",
        sig: "int32(native int)",
        address: crate::interop::fcalls::size_of as *const (),
        flags: PASS_THREAD | MAY_THROW,
    },
    FCall {
        class: "System.Runtime.InteropServices.Marshal",
        method: "OffsetOfHelper",
        sig: "int32(native int,string)",
        address: crate::interop::fcalls::offset_of as *const (),
        flags: PASS_THREAD | MAY_THROW,
    },
    FCall {
        class: "System.Runtime.InteropServices.Marshal",
        method: "StructureToPtrHelper",
        sig: "void(object,native int,bool)",
        address: crate::interop::fcalls::structure_to_ptr as *const (),
        flags: PASS_THREAD | MAY_THROW,
    },
    FCall {
        class: "System.Runtime.InteropServices.Marshal",
        method: "PtrToStructureHelper",
        sig: "object(native int,native int)",
        address: crate::interop::fcalls::ptr_to_structure as *const (),
        flags: PASS_THREAD | MAY_THROW | HELPER_FRAME,
    },
    FCall {
        class: "System.Runtime.InteropServices.Marshal",
        method: "PtrToExistingStructureHelper",
        sig: "void(native int,object)",
        address: crate::interop::fcalls::ptr_to_existing_structure as *const (),
        flags: PASS_THREAD | MAY_THROW | HELPER_FRAME,
    },
    FCall {
        class: "System.StubHelpers.StubHelpers",
        method: "StructureFromNative",
        sig: "void(native int,object)",
        address: crate::interop::fcalls::structure_from_native as *const (),
        flags: PASS_THREAD | MAY_THROW | HELPER_FRAME,
    },
    FCall {
        class: "System.Runtime.InteropServices.Marshal",
        method: "DestroyStructureHelper",
        sig: "void(native int,native int)",
        address: crate::interop::fcalls::destroy_structure as *const (),
        flags: PASS_THREAD | MAY_THROW,
    },
    FCall {
        class: "System.Runtime.InteropServices.Marshal",
        method: "GetFunctionPointerForDelegateHelper",
        sig: "native int(System.Delegate)",
        address: crate::interop::fcalls::function_pointer_for_delegate as *const (),
        flags: PASS_THREAD | MAY_THROW,
    },
    FCall {
        class: "System.Runtime.InteropServices.Marshal",
        method: "GetDelegateForFunctionPointerHelper",
        sig: "System.Delegate(native int,native int)",
        address: crate::interop::fcalls::delegate_for_function_pointer as *const (),
        flags: PASS_THREAD | MAY_THROW | HELPER_FRAME,
    },
    FCall {
        class: "System.Console",
        method: "InternalWrite",
        sig: "void(int32,string)",
        address: console::internal_write as *const (),
        flags: PASS_THREAD | MAY_THROW,
    },
    FCall {
        class: "System.String",
        method: "FastAllocateString",
        sig: "string(int32)",
        address: string::fast_allocate_string as *const (),
        flags: PASS_THREAD | MAY_THROW | HELPER_FRAME,
    },
    FCall {
        class: "System.Runtime.CompilerServices.GenericHooks",
        method: "IsAssignableTo",
        sig: "bool(System.Type,System.Type)",
        address: generics::is_assignable_to as *const (),
        flags: PASS_THREAD | MAY_THROW,
    },
    FCall {
        class: "System.Runtime.CompilerServices.GenericHooks",
        method: "Instantiate",
        sig: "System.Type(System.Type,System.Type)",
        address: generics::instantiate as *const (),
        flags: PASS_THREAD | MAY_THROW,
    },
    FCall {
        class: "System.Runtime.CompilerServices.GenericHooks",
        method: "NullableUnderlying",
        sig: "System.Type(System.Type)",
        address: generics::nullable_underlying as *const (),
        flags: PASS_THREAD | MAY_THROW,
    },
    FCall {
        class: "System.Runtime.CompilerServices.GenericHooks",
        method: "CreateInstance",
        sig: "object(System.Type)",
        address: generics::create_instance as *const (),
        flags: PASS_THREAD | MAY_THROW | HELPER_FRAME,
    },
    FCall {
        class: "System.Object",
        method: "GetType",
        sig: "System.Type()",
        address: object::get_type as *const (),
        flags: PASS_THREAD | MAY_THROW,
    },
    FCall {
        class: "System.Runtime.CompilerServices.RuntimeHelpers",
        method: "GetHashCode",
        sig: "int32(object)",
        address: object::get_hash_code as *const (),
        flags: PASS_THREAD,
    },
    FCall {
        class: "System.RuntimeType",
        method: "GetTypeName",
        sig: "string(native int,int32)",
        address: object::get_type_name as *const (),
        flags: PASS_THREAD | MAY_THROW | HELPER_FRAME,
    },
    FCall {
        class: "System.Runtime.CompilerServices.RuntimeHelpers",
        method: "AddressOf",
        sig: "native int(string&)",
        address: handles::address_of as *const (),
        flags: 0,
    },
    FCall {
        class: "System.Runtime.CompilerServices.RuntimeHelpers",
        method: "AddressOf",
        sig: "native int(object&)",
        address: handles::address_of as *const (),
        flags: 0,
    },
    FCall {
        class: "System.Diagnostics.Stopwatch",
        method: "GetTimestamp",
        sig: "int64()",
        address: stopwatch::get_timestamp as *const (),
        flags: 0,
    },
    FCall {
        class: "System.Diagnostics.Stopwatch",
        method: "QueryFrequency",
        sig: "int64()",
        address: stopwatch::query_frequency as *const (),
        flags: 0,
    },
    FCall {
        class: "Osprey.TransitionProbe",
        method: "FCallNop",
        sig: "int32(int32)",
        address: probe::fcall_nop as *const (),
        flags: 0,
    },
    FCall {
        class: "Osprey.TransitionProbe",
        method: "FCallHelperFrameNop",
        sig: "int32(int32)",
        address: probe::fcall_helper_frame_nop as *const (),
        flags: PASS_THREAD | HELPER_FRAME,
    },
    FCall {
        class: "Osprey.TransitionProbe",
        method: "FCallRepeat",
        sig: "string(string,int32)",
        address: probe::fcall_repeat as *const (),
        flags: PASS_THREAD | MAY_THROW | HELPER_FRAME,
    },
    FCall {
        class: "Osprey.TransitionProbe",
        method: "FCallAsString",
        sig: "string(object)",
        address: probe::fcall_as_string as *const (),
        flags: 0,
    },
    FCall {
        class: "System.Threading.Thread",
        method: "GetCurrentThread",
        sig: "System.Threading.Thread()",
        address: thread::get_current_thread as *const (),
        flags: PASS_THREAD | MAY_THROW,
    },
    FCall {
        class: "System.Threading.Thread",
        method: "NewManagedThreadId",
        sig: "int32()",
        address: thread::new_managed_thread_id as *const (),
        flags: PASS_THREAD,
    },
    FCall {
        class: "System.Threading.Thread",
        method: "StartCore",
        sig: "void(System.Threading.Thread)",
        address: thread::start_core as *const (),
        flags: PASS_THREAD | MAY_THROW | HELPER_FRAME,
    },
    FCall {
        class: "System.Threading.Thread",
        method: "JoinCore",
        sig: "bool(int32,int32)",
        address: thread::join_core as *const (),
        flags: PASS_THREAD | MAY_THROW | HELPER_FRAME,
    },
    FCall {
        class: "System.Threading.Thread",
        method: "SetBackgroundCore",
        sig: "void(int32,bool)",
        address: thread::set_background_core as *const (),
        flags: PASS_THREAD,
    },
    FCall {
        class: "System.Threading.Thread",
        method: "SpinPause",
        sig: "void()",
        address: thread::spin_pause as *const (),
        flags: 0,
    },
    FCall {
        class: "System.Threading.Monitor",
        method: "TryEnterFast",
        sig: "bool(object)",
        address: monitor::try_enter_fast as *const (),
        flags: PASS_THREAD | MAY_THROW,
    },
    FCall {
        class: "System.Threading.Monitor",
        method: "ExitCore",
        sig: "int32(object)",
        address: monitor::exit_core as *const (),
        flags: PASS_THREAD,
    },
    FCall {
        class: "System.Threading.Monitor",
        method: "IsEnteredCore",
        sig: "bool(object)",
        address: monitor::is_entered_core as *const (),
        flags: PASS_THREAD,
    },
    FCall {
        class: "System.Threading.Monitor",
        method: "BeginEnterWait",
        sig: "int32(object)",
        address: monitor::begin_enter_wait as *const (),
        flags: PASS_THREAD | MAY_THROW,
    },
    FCall {
        class: "System.Threading.Monitor",
        method: "EndEnterWait",
        sig: "void(object)",
        address: monitor::end_enter_wait as *const (),
        flags: PASS_THREAD,
    },
    FCall {
        class: "System.Threading.Monitor",
        method: "WaitBegin",
        sig: "int32(object,int32&)",
        address: monitor::wait_begin as *const (),
        flags: PASS_THREAD | MAY_THROW,
    },
    FCall {
        class: "System.Threading.Monitor",
        method: "WaitCancel",
        sig: "bool(object)",
        address: monitor::wait_cancel as *const (),
        flags: PASS_THREAD,
    },
    FCall {
        class: "System.Threading.Monitor",
        method: "WaitEnd",
        sig: "void(object,int32)",
        address: monitor::wait_end as *const (),
        flags: PASS_THREAD,
    },
    FCall {
        class: "System.Threading.Monitor",
        method: "PulseCore",
        sig: "int32(object)",
        address: monitor::pulse_core as *const (),
        flags: PASS_THREAD,
    },
    FCall {
        class: "System.Threading.Monitor",
        method: "WaitEvent",
        sig: "int32()",
        address: monitor::wait_event as *const (),
        flags: PASS_THREAD | MAY_THROW,
    },
    FCall {
        class: "System.Threading.Interlocked",
        method: "ExchangeAdd32",
        sig: "int32(int32&,int32)",
        address: interlocked::exchange_add32 as *const (),
        flags: 0,
    },
    FCall {
        class: "System.Threading.Interlocked",
        method: "ExchangeAdd64",
        sig: "int64(int64&,int64)",
        address: interlocked::exchange_add64 as *const (),
        flags: 0,
    },
    FCall {
        class: "System.Threading.Interlocked",
        method: "Exchange32",
        sig: "int32(int32&,int32)",
        address: interlocked::exchange32 as *const (),
        flags: 0,
    },
    FCall {
        class: "System.Threading.Interlocked",
        method: "Exchange64",
        sig: "int64(int64&,int64)",
        address: interlocked::exchange64 as *const (),
        flags: 0,
    },
    FCall {
        class: "System.Threading.Interlocked",
        method: "Exchange64",
        sig: "int64(native int&,int64)",
        address: interlocked::exchange64 as *const (),
        flags: 0,
    },
    FCall {
        class: "System.Threading.Interlocked",
        method: "ExchangeObject",
        sig: "object(object&,object)",
        address: interlocked::exchange_object as *const (),
        flags: PASS_THREAD,
    },
    FCall {
        class: "System.Threading.Interlocked",
        method: "CompareExchange32",
        sig: "int32(int32&,int32,int32)",
        address: interlocked::compare_exchange32 as *const (),
        flags: 0,
    },
    FCall {
        class: "System.Threading.Interlocked",
        method: "CompareExchange64",
        sig: "int64(int64&,int64,int64)",
        address: interlocked::compare_exchange64 as *const (),
        flags: 0,
    },
    FCall {
        class: "System.Threading.Interlocked",
        method: "CompareExchange64",
        sig: "int64(native int&,int64,int64)",
        address: interlocked::compare_exchange64 as *const (),
        flags: 0,
    },
    FCall {
        class: "System.Threading.Interlocked",
        method: "CompareExchangeObject",
        sig: "object(object&,object,object)",
        address: interlocked::compare_exchange_object as *const (),
        flags: PASS_THREAD,
    },
    FCall {
        class: "System.Threading.Interlocked",
        method: "ExchangeRef",
        sig: "!!0(!!0&,!!0)",
        address: interlocked::exchange_object as *const (),
        flags: PASS_THREAD,
    },
    FCall {
        class: "System.Threading.Interlocked",
        method: "CompareExchangeRef",
        sig: "!!0(!!0&,!!0,!!0)",
        address: interlocked::compare_exchange_object as *const (),
        flags: PASS_THREAD,
    },
    FCall {
        class: "System.Threading.Interlocked",
        method: "FullBarrier",
        sig: "void()",
        address: interlocked::full_barrier as *const (),
        flags: 0,
    },
    FCall {
        class: "System.Number",
        method: "DoubleToDigits",
        sig: "int32(float64,int32,char*)",
        address: number::double_to_digits as *const (),
        flags: 0,
    },
    FCall {
        class: "System.Math",
        method: "Sqrt",
        sig: "float64(float64)",
        address: math::sqrt as *const (),
        flags: 0,
    },
    FCall {
        class: "System.Math",
        method: "Exp",
        sig: "float64(float64)",
        address: math::exp as *const (),
        flags: 0,
    },
    FCall {
        class: "System.Math",
        method: "Log",
        sig: "float64(float64)",
        address: math::log as *const (),
        flags: 0,
    },
    FCall {
        class: "System.Math",
        method: "Log10",
        sig: "float64(float64)",
        address: math::log10 as *const (),
        flags: 0,
    },
    FCall {
        class: "System.Math",
        method: "Sin",
        sig: "float64(float64)",
        address: math::sin as *const (),
        flags: 0,
    },
    FCall {
        class: "System.Math",
        method: "Cos",
        sig: "float64(float64)",
        address: math::cos as *const (),
        flags: 0,
    },
    FCall {
        class: "System.Math",
        method: "Tan",
        sig: "float64(float64)",
        address: math::tan as *const (),
        flags: 0,
    },
    FCall {
        class: "System.Math",
        method: "Asin",
        sig: "float64(float64)",
        address: math::asin as *const (),
        flags: 0,
    },
    FCall {
        class: "System.Math",
        method: "Acos",
        sig: "float64(float64)",
        address: math::acos as *const (),
        flags: 0,
    },
    FCall {
        class: "System.Math",
        method: "Atan",
        sig: "float64(float64)",
        address: math::atan as *const (),
        flags: 0,
    },
    FCall {
        class: "System.Math",
        method: "Sinh",
        sig: "float64(float64)",
        address: math::sinh as *const (),
        flags: 0,
    },
    FCall {
        class: "System.Math",
        method: "Cosh",
        sig: "float64(float64)",
        address: math::cosh as *const (),
        flags: 0,
    },
    FCall {
        class: "System.Math",
        method: "Tanh",
        sig: "float64(float64)",
        address: math::tanh as *const (),
        flags: 0,
    },
    FCall {
        class: "System.Math",
        method: "Floor",
        sig: "float64(float64)",
        address: math::floor as *const (),
        flags: 0,
    },
    FCall {
        class: "System.Math",
        method: "Ceiling",
        sig: "float64(float64)",
        address: math::ceiling as *const (),
        flags: 0,
    },
    FCall {
        class: "System.Math",
        method: "Truncate",
        sig: "float64(float64)",
        address: math::truncate as *const (),
        flags: 0,
    },
    FCall {
        class: "System.Math",
        method: "Round",
        sig: "float64(float64)",
        address: math::round as *const (),
        flags: 0,
    },
    FCall {
        class: "System.Math",
        method: "Pow",
        sig: "float64(float64,float64)",
        address: math::pow as *const (),
        flags: 0,
    },
    FCall {
        class: "System.Math",
        method: "Atan2",
        sig: "float64(float64,float64)",
        address: math::atan2 as *const (),
        flags: 0,
    },
    FCall {
        class: "System.Runtime.CompilerServices.RuntimeHelpers",
        method: "InitializeArrayCore",
        sig: "void(System.Array,native int)",
        address: arrays::initialize_array as *const (),
        flags: PASS_THREAD | MAY_THROW,
    },
    FCall {
        class: "System.Type",
        method: "GetTypeFromHandleCore",
        sig: "System.Type(native int)",
        address: arrays::get_type_from_handle as *const (),
        flags: PASS_THREAD | MAY_THROW,
    },
    FCall {
        class: "System.Enum",
        method: "InternalGetRawValue",
        sig: "uint64(object)",
        address: enums::raw_value as *const (),
        flags: PASS_THREAD | MAY_THROW,
    },
    FCall {
        class: "System.Enum",
        method: "InternalGetCount",
        sig: "int32(native int)",
        address: enums::count as *const (),
        flags: PASS_THREAD | MAY_THROW,
    },
    FCall {
        class: "System.Enum",
        method: "InternalGetValue",
        sig: "uint64(native int,int32)",
        address: enums::value as *const (),
        flags: PASS_THREAD | MAY_THROW,
    },
    FCall {
        class: "System.Enum",
        method: "InternalGetName",
        sig: "string(native int,int32)",
        address: enums::name as *const (),
        flags: PASS_THREAD | MAY_THROW,
    },
    FCall {
        class: "System.Enum",
        method: "InternalGetInfo",
        sig: "int32(native int)",
        address: enums::info as *const (),
        flags: PASS_THREAD | MAY_THROW,
    },
    FCall {
        class: "System.Array",
        method: "InternalGetTotalLength",
        sig: "int32(System.Array)",
        address: arrays::total_length as *const (),
        flags: PASS_THREAD | MAY_THROW,
    },
    FCall {
        class: "System.Array",
        method: "InternalGetRank",
        sig: "int32(System.Array)",
        address: arrays::rank as *const (),
        flags: PASS_THREAD | MAY_THROW,
    },
    FCall {
        class: "System.Array",
        method: "InternalGetLength",
        sig: "int32(System.Array,int32)",
        address: arrays::length as *const (),
        flags: PASS_THREAD | MAY_THROW,
    },
    FCall {
        class: "System.Array",
        method: "InternalGetLowerBound",
        sig: "int32(System.Array,int32)",
        address: arrays::lower_bound as *const (),
        flags: PASS_THREAD | MAY_THROW,
    },
    FCall {
        class: "System.Array",
        method: "InternalCopy",
        sig: "void(System.Array,int32,System.Array,int32,int32)",
        address: arrays::copy as *const (),
        flags: PASS_THREAD | MAY_THROW,
    },
    FCall {
        class: "System.Array",
        method: "InternalClear",
        sig: "void(System.Array,int32,int32)",
        address: arrays::clear as *const (),
        flags: PASS_THREAD | MAY_THROW,
    },
    FCall {
        class: "System.Array",
        method: "InternalGetValue",
        sig: "object(System.Array,int32)",
        address: arrays::get_value as *const (),
        flags: PASS_THREAD | MAY_THROW | HELPER_FRAME,
    },
    FCall {
        class: "System.Array",
        method: "InternalSetValue",
        sig: "void(System.Array,object,int32)",
        address: arrays::set_value as *const (),
        flags: PASS_THREAD | MAY_THROW,
    },
    FCall {
        class: "System.Exception",
        method: "FormatStackTrace",
        sig: "string(native int[])",
        address: exception::format_stack_trace as *const (),
        flags: PASS_THREAD | MAY_THROW | HELPER_FRAME,
    },
    FCall {
        class: "System.Object",
        method: "MemberwiseClone",
        sig: "object()",
        address: arrays::memberwise_clone as *const (),
        flags: PASS_THREAD | MAY_THROW | HELPER_FRAME,
    },
    FCall {
        class: "System.GC",
        method: "InternalCollect",
        sig: "void(int32)",
        address: gc::collect as *const (),
        flags: PASS_THREAD | MAY_THROW | HELPER_FRAME,
    },
    FCall {
        class: "System.GC",
        method: "InternalGetTotalMemory",
        sig: "int64()",
        address: gc::get_total_memory as *const (),
        flags: PASS_THREAD,
    },
    FCall {
        class: "System.GC",
        method: "InternalSuppressFinalize",
        sig: "void(object)",
        address: gc::suppress_finalize as *const (),
        flags: PASS_THREAD,
    },
    FCall {
        class: "System.GC",
        method: "InternalReRegisterForFinalize",
        sig: "void(object)",
        address: gc::reregister_for_finalize as *const (),
        flags: PASS_THREAD,
    },
    FCall {
        class: "System.GC",
        method: "InternalWaitForPendingFinalizers",
        sig: "void()",
        address: gc::wait_for_pending_finalizers as *const (),
        flags: PASS_THREAD | MAY_THROW | HELPER_FRAME,
    },
    FCall {
        class: "System.GC",
        method: "InternalCollectionCount",
        sig: "int32(int32)",
        address: gc::collection_count as *const (),
        flags: PASS_THREAD,
    },
    FCall {
        class: "System.Runtime.InteropServices.GCHandle",
        method: "InternalAlloc",
        sig: "native int(object,System.Runtime.InteropServices.GCHandleType)",
        address: gc::handle_alloc as *const (),
        flags: PASS_THREAD | MAY_THROW,
    },
    FCall {
        class: "System.Runtime.InteropServices.GCHandle",
        method: "InternalFree",
        sig: "void(native int)",
        address: gc::handle_free as *const (),
        flags: PASS_THREAD | MAY_THROW,
    },
    FCall {
        class: "System.Runtime.InteropServices.GCHandle",
        method: "InternalGet",
        sig: "object(native int)",
        address: gc::handle_get as *const (),
        flags: PASS_THREAD | MAY_THROW,
    },
    FCall {
        class: "System.Runtime.InteropServices.GCHandle",
        method: "InternalSet",
        sig: "void(native int,object)",
        address: gc::handle_set as *const (),
        flags: PASS_THREAD | MAY_THROW,
    },
    FCall {
        class: "System.Runtime.InteropServices.GCHandle",
        method: "InternalAddrOfPinnedObject",
        sig: "native int(native int)",
        address: gc::handle_addr_of_pinned as *const (),
        flags: PASS_THREAD | MAY_THROW,
    },
    FCall {
        class: "Osprey.GcProbe",
        method: "KeepAcrossAllocation",
        sig: "string(int32)",
        address: gc::keep_across_allocation as *const (),
        flags: PASS_THREAD | MAY_THROW | HELPER_FRAME,
    },
    FCall {
        class: "Osprey.GcProbe",
        method: "HoleAcrossAllocation",
        sig: "string(int32)",
        address: gc::hole_across_allocation as *const (),
        flags: PASS_THREAD | MAY_THROW | HELPER_FRAME,
    },
    FCall {
        class: "Osprey.FaultProbe",
        method: "ReadNative",
        sig: "int32(int64)",
        address: probe::read_native as *const (),
        flags: 0,
    },
    FCall {
        class: "System.ValueType",
        method: "InternalEquals",
        sig: "int32(object,object)",
        address: valuetype::equals as *const (),
        flags: PASS_THREAD | MAY_THROW | HELPER_FRAME,
    },
    FCall {
        class: "System.ValueType",
        method: "InternalGetHashCode",
        sig: "int32(object,int32&)",
        address: valuetype::get_hash_code as *const (),
        flags: PASS_THREAD | MAY_THROW | HELPER_FRAME,
    },
    FCall {
        class: "System.ValueType",
        method: "InternalGetField",
        sig: "object(object,int32,bool)",
        address: valuetype::get_field as *const (),
        flags: PASS_THREAD | MAY_THROW | HELPER_FRAME,
    },
    FCall {
        class: "Osprey.Walkthrough",
        method: "Adler32Core",
        sig: "uint32(string)",
        address: walkthrough::adler32 as *const (),
        flags: 0,
    },
    FCall {
        class: "System.MathF",
        method: "Sqrt",
        sig: "float32(float32)",
        address: mathf::sqrt as *const (),
        flags: 0,
    },
    FCall {
        class: "System.MathF",
        method: "Exp",
        sig: "float32(float32)",
        address: mathf::exp as *const (),
        flags: 0,
    },
    FCall {
        class: "System.MathF",
        method: "Log",
        sig: "float32(float32)",
        address: mathf::log as *const (),
        flags: 0,
    },
    FCall {
        class: "System.MathF",
        method: "Log10",
        sig: "float32(float32)",
        address: mathf::log10 as *const (),
        flags: 0,
    },
    FCall {
        class: "System.MathF",
        method: "Sin",
        sig: "float32(float32)",
        address: mathf::sin as *const (),
        flags: 0,
    },
    FCall {
        class: "System.MathF",
        method: "Cos",
        sig: "float32(float32)",
        address: mathf::cos as *const (),
        flags: 0,
    },
    FCall {
        class: "System.MathF",
        method: "Tan",
        sig: "float32(float32)",
        address: mathf::tan as *const (),
        flags: 0,
    },
    FCall {
        class: "System.MathF",
        method: "Asin",
        sig: "float32(float32)",
        address: mathf::asin as *const (),
        flags: 0,
    },
    FCall {
        class: "System.MathF",
        method: "Acos",
        sig: "float32(float32)",
        address: mathf::acos as *const (),
        flags: 0,
    },
    FCall {
        class: "System.MathF",
        method: "Atan",
        sig: "float32(float32)",
        address: mathf::atan as *const (),
        flags: 0,
    },
    FCall {
        class: "System.MathF",
        method: "Sinh",
        sig: "float32(float32)",
        address: mathf::sinh as *const (),
        flags: 0,
    },
    FCall {
        class: "System.MathF",
        method: "Cosh",
        sig: "float32(float32)",
        address: mathf::cosh as *const (),
        flags: 0,
    },
    FCall {
        class: "System.MathF",
        method: "Tanh",
        sig: "float32(float32)",
        address: mathf::tanh as *const (),
        flags: 0,
    },
    FCall {
        class: "System.MathF",
        method: "Asinh",
        sig: "float32(float32)",
        address: mathf::asinh as *const (),
        flags: 0,
    },
    FCall {
        class: "System.MathF",
        method: "Acosh",
        sig: "float32(float32)",
        address: mathf::acosh as *const (),
        flags: 0,
    },
    FCall {
        class: "System.MathF",
        method: "Atanh",
        sig: "float32(float32)",
        address: mathf::atanh as *const (),
        flags: 0,
    },
    FCall {
        class: "System.MathF",
        method: "Cbrt",
        sig: "float32(float32)",
        address: mathf::cbrt as *const (),
        flags: 0,
    },
    FCall {
        class: "System.MathF",
        method: "Floor",
        sig: "float32(float32)",
        address: mathf::floor as *const (),
        flags: 0,
    },
    FCall {
        class: "System.MathF",
        method: "Ceiling",
        sig: "float32(float32)",
        address: mathf::ceiling as *const (),
        flags: 0,
    },
    FCall {
        class: "System.MathF",
        method: "Truncate",
        sig: "float32(float32)",
        address: mathf::truncate as *const (),
        flags: 0,
    },
    FCall {
        class: "System.MathF",
        method: "Round",
        sig: "float32(float32)",
        address: mathf::round as *const (),
        flags: 0,
    },
    FCall {
        class: "System.MathF",
        method: "Pow",
        sig: "float32(float32,float32)",
        address: mathf::pow as *const (),
        flags: 0,
    },
    FCall {
        class: "System.MathF",
        method: "Atan2",
        sig: "float32(float32,float32)",
        address: mathf::atan2 as *const (),
        flags: 0,
    },
    FCall {
        class: "System.Math",
        method: "Asinh",
        sig: "float64(float64)",
        address: math::asinh as *const (),
        flags: 0,
    },
    FCall {
        class: "System.Math",
        method: "Acosh",
        sig: "float64(float64)",
        address: math::acosh as *const (),
        flags: 0,
    },
    FCall {
        class: "System.Math",
        method: "Atanh",
        sig: "float64(float64)",
        address: math::atanh as *const (),
        flags: 0,
    },
    FCall {
        class: "System.Math",
        method: "Cbrt",
        sig: "float64(float64)",
        address: math::cbrt as *const (),
        flags: 0,
    },
    FCall {
        class: "System.RuntimeType",
        method: "GetAttributes",
        sig: "int32(native int)",
        address: reflection::get_attributes as *const (),
        flags: PASS_THREAD,
    },
    FCall {
        class: "System.RuntimeType",
        method: "GetBaseTypeHandle",
        sig: "native int(native int)",
        address: reflection::get_base_type as *const (),
        flags: PASS_THREAD,
    },
    FCall {
        class: "System.RuntimeType",
        method: "GetElementTypeHandle",
        sig: "native int(native int)",
        address: reflection::get_element_type as *const (),
        flags: PASS_THREAD,
    },
    FCall {
        class: "System.RuntimeType",
        method: "IsAssignable",
        sig: "bool(native int,native int)",
        address: reflection::is_assignable as *const (),
        flags: PASS_THREAD,
    },
    FCall {
        class: "System.RuntimeType",
        method: "MakeArrayTypeHandle",
        sig: "native int(native int,int32)",
        address: reflection::make_array_type as *const (),
        flags: PASS_THREAD | MAY_THROW,
    },
    FCall {
        class: "System.RuntimeType",
        method: "FindTypeHandle",
        sig: "native int(string,bool)",
        address: reflection::find_type as *const (),
        flags: PASS_THREAD | MAY_THROW,
    },
    FCall {
        class: "System.Activator",
        method: "FindDefaultConstructor",
        sig: "native int(native int,bool)",
        address: reflection::find_default_constructor as *const (),
        flags: PASS_THREAD,
    },
    FCall {
        class: "System.Activator",
        method: "CreateValue",
        sig: "object(native int,native int)",
        address: reflection::create_value as *const (),
        flags: PASS_THREAD | MAY_THROW | HELPER_FRAME,
    },
    FCall {
        class: "System.Array",
        method: "InternalCreate",
        sig: "System.Array(native int,int32[],int32[])",
        address: reflection::create_array as *const (),
        flags: PASS_THREAD | MAY_THROW | HELPER_FRAME,
    },
    FCall {
        class: "System.Enum",
        method: "InternalBoxEnum",
        sig: "object(native int,uint64)",
        address: enums::box_enum as *const (),
        flags: PASS_THREAD | MAY_THROW | HELPER_FRAME,
    },
    FCall {
        class: "System.Environment",
        method: "SetExitCodeCore",
        sig: "void(int32)",
        address: environment::set_exit_code as *const (),
        flags: PASS_THREAD,
    },
    FCall {
        class: "System.Environment",
        method: "GetStackTraceCore",
        sig: "string()",
        address: environment::get_stack_trace as *const (),
        flags: PASS_THREAD | MAY_THROW | HELPER_FRAME,
    },
];

/// The runtime's native bindings for the loader: the FCall table above
/// and the QCall entry list (`osprey_qcall::ENTRIES`).
pub(crate) struct Bindings;

impl crate::loader::NativeBindings for Bindings {
    fn internal_call(
        &self,
        class: &str,
        method: &str,
        sig: &str,
    ) -> Option<crate::loader::MethodKind> {
        lookup(class, method, sig).map(|f| crate::loader::MethodKind::FCall {
            address: f.address,
            pass_thread: f.pass_thread,
            may_throw: f.may_throw,
            helper_frame: f.helper_frame,
        })
    }

    fn qcall(&self, entry: &str) -> Option<usize> {
        osprey_qcall::lookup(entry)
    }
}

/// Finds the FCall registered for a method.
pub fn lookup(class: &str, method: &str, sig: &str) -> Option<FCallTarget> {
    FCALLS
        .iter()
        .find(|f| f.class == class && f.method == method && f.sig == sig)
        .map(|f| FCallTarget {
            address: f.address as usize,
            pass_thread: f.flags & PASS_THREAD != 0,
            may_throw: f.flags & MAY_THROW != 0,
            helper_frame: f.flags & HELPER_FRAME != 0,
        })
}
