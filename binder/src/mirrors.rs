//! The mirror structs: `repr(C)` views of managed objects. Classes start with
//! [`Object`] (the method-table word; the runtime's header word sits before
//! it, at offset -8, and belongs to no mirror). Checked against corelib by
//! the assertions in lib.rs.

use core::ffi::c_void;

/// `System.Object`: what every object starts with.
#[repr(C)]
pub struct Object {
    /// The object's method table.
    pub method_table: *const c_void,
}

/// `System.String`.
#[repr(C)]
pub struct StringObject {
    /// The header.
    pub object: Object,
    /// Number of UTF-16 units.
    pub length: i32,
    /// The first unit; the rest follow, then a NUL.
    pub first_char: u16,
}

/// `System.Exception`.
#[repr(C)]
pub struct ExceptionObject {
    /// The header.
    pub object: Object,
    /// `_message` (string or null).
    pub message: *mut StringObject,
    /// `_innerException`.
    pub inner_exception: *mut ExceptionObject,
    /// `_stackTrace`: the runtime's record of where the exception went, an
    /// `IntPtr[]` of (method descriptor, IL offset) pairs (vm/src/eh/trace.rs).
    pub stack_trace: *mut Object,
    /// `_stackTraceString`.
    pub stack_trace_string: *mut StringObject,
    /// `_HResult`.
    pub hresult: i32,
}

/// `System.Delegate`.
#[repr(C)]
pub struct DelegateObject {
    /// The header.
    pub object: Object,
    /// `_target`: the receiver of an instance delegate, or null.
    pub target: *mut Object,
    /// `_methodPtr`: the code to call.
    pub method_ptr: usize,
    /// `_methodPtrAux`: auxiliary (the method handle for static delegates).
    pub method_ptr_aux: usize,
    /// `_unmanagedThunk`: the C function pointer made for the delegate, or 0.
    pub unmanaged_thunk: usize,
}

/// `System.MulticastDelegate`.
#[repr(C)]
pub struct MulticastDelegateObject {
    /// The Delegate part.
    pub delegate: DelegateObject,
    /// `_invocationList`: an array of delegates, or null.
    pub invocation_list: *mut Object,
    /// `_invocationCount`.
    pub invocation_count: isize,
}

/// `System.RuntimeType`: the `Type` object of a runtime type.
#[repr(C)]
pub struct RuntimeTypeObject {
    /// The header.
    pub object: Object,
    /// `m_handle`: the method table.
    pub handle: *const c_void,
}

/// `System.Threading.Thread`.
#[repr(C)]
pub struct ThreadObject {
    /// The header.
    pub object: Object,
    /// `_name` (references come first in auto layout).
    pub name: *mut StringObject,
    /// `_start`: the `ThreadStart` or `ParameterizedThreadStart` to run.
    pub start: *mut Object,
    /// `_startArg`: the argument of `Start(object)`.
    pub start_arg: *mut Object,
    /// `_runtimeThread`: the runtime's thread record while the thread runs.
    pub runtime_thread: *mut c_void,
    /// `_managedThreadId`.
    pub managed_thread_id: i32,
    /// `_state`: 0 unstarted, 1 running, 2 stopped ([`THREAD_STATE_RUNNING`], ...).
    pub state: i32,
    /// `_maxStackSize`: the stack size asked for (0: the default).
    pub max_stack_size: i32,
    /// `_isBackground`.
    pub is_background: bool,
}

/// [`ThreadObject::state`] of a thread that has not been started.
pub const THREAD_STATE_UNSTARTED: i32 = 0;
/// [`ThreadObject::state`] of a running thread.
pub const THREAD_STATE_RUNNING: i32 = 1;
/// [`ThreadObject::state`] of a thread that has ended.
pub const THREAD_STATE_STOPPED: i32 = 2;

/// `System.Runtime.InteropServices.SafeHandle`.
#[repr(C)]
pub struct SafeHandleObject {
    /// The header.
    pub object: Object,
    /// `handle`: the native handle.
    pub handle: isize,
    /// `_state`: bit 0 closed, bit 1 disposed, the rest a reference count
    /// (times 4).
    pub state: i32,
    /// `_ownsHandle`.
    pub owns_handle: bool,
    /// `_fullyInitialized`.
    pub fully_initialized: bool,
}

/// `System.Runtime.CompilerServices.StringHandleOnStack` (a value type).
#[repr(C)]
pub struct StringHandleOnStack {
    /// `_ptr`: the address of a `string` local.
    pub ptr: *mut *mut StringObject,
}

/// `System.Runtime.CompilerServices.ObjectHandleOnStack` (a value type).
#[repr(C)]
pub struct ObjectHandleOnStack {
    /// `_ptr`: the address of an `object` local.
    pub ptr: *mut *mut Object,
}

/// `System.RuntimeTypeHandle` (a value type).
#[repr(C)]
pub struct RuntimeTypeHandle {
    /// `m_value`: the method table.
    pub value: *const c_void,
}

/// A single-dimensional array's fixed part; elements follow, 8-byte aligned.
/// Runtime-defined (System.Array has no managed fields).
#[repr(C)]
pub struct ArrayObject {
    /// The header.
    pub object: Object,
    /// Number of elements.
    pub length: u32,
    /// Always zero (keeps the elements 8-byte aligned).
    pub padding: u32,
}

/// A multi-dimensional array's fixed part: then `rank` lengths (i32) and
/// `rank` lower bounds (i32), then the elements, 8-byte aligned.
/// Runtime-defined.
#[repr(C)]
pub struct MdArrayObject {
    /// The header.
    pub object: Object,
    /// Total number of elements.
    pub length: u32,
    /// Always zero.
    pub padding: u32,
}

/// Offset of element 0 in a single-dimensional array.
pub const ARRAY_DATA_OFFSET: usize = core::mem::size_of::<ArrayObject>();

/// Offset of a string's first character.
pub const STRING_DATA_OFFSET: usize = core::mem::offset_of!(StringObject, first_char);

/// Offset of the length of strings and arrays (the same place in both).
pub const LENGTH_OFFSET: usize = core::mem::offset_of!(ArrayObject, length);

const _: () = assert!(
    core::mem::offset_of!(StringObject, length) == LENGTH_OFFSET,
    "binder: strings and arrays keep their length at the same offset"
);

/// Offset of the lengths of a multi-dimensional array.
pub const MD_ARRAY_BOUNDS_OFFSET: usize = core::mem::size_of::<MdArrayObject>();

/// Offset of element 0 of a multi-dimensional array of rank `rank`.
pub const fn md_array_data_offset(rank: usize) -> usize {
    (MD_ARRAY_BOUNDS_OFFSET + 8 * rank).next_multiple_of(8)
}
