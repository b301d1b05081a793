//! The versioned export table: how a process finds the kernel's entries.
//!
//! A process is built against one ABI version and resolves its imports once,
//! at load time, with [`resolve`]; afterwards it calls through the table's
//! function pointers. The JIT may embed those pointers in generated code.
//!
//! # Versioning rule
//!
//! A published version is frozen: the fields of [`AbiV1`], their order,
//! their types and what each entry does never change (the layout test in this
//! module pins the offsets). A later version `N` is a new `#[repr(C)]`
//! struct `AbiVN` whose fields begin with *all of* `AbiV1`'s, in the same
//! order, followed by its new entries; it gets its own static table and
//! resolver. The kernel keeps exporting every version it has published, so a
//! process built against v1 keeps working on every later kernel. Each table
//! starts with `version` and `size` (in bytes) so a loader can check what it
//! received.

use core::ffi::c_void;
use core::fmt;

use crate::services::{
    communication_heap_service, console_service, debug_service, endpoint_core, event_handle,
    fault_service, file_service, mutex_handle, native_error, native_library, native_memory,
    page_table_service, process_handle, process_service, semaphore_handle, stack_service,
    sync_handle, thread_handle,
};
use crate::{
    ChildSpec, Handle, KernelCounters, ProcessEntry, ProcessId, Status, StrRef, ThreadEntry,
    ThreadId,
};

/// The newest ABI version this kernel exports.
pub const ABI_VERSION_LATEST: u32 = 5;

/// ABI version 1: the export table.
///
/// Entries are grouped by Singularity service and named
/// `<service>_<entry>`; each field's documentation names the function that
/// implements it, where the arguments, status codes and safety contract are
/// described. Every entry is an `extern "C"` function taking C types only
/// and never unwinds.
#[repr(C)]
#[derive(Debug)]
pub struct AbiV1 {
    /// Always 1 for this table.
    pub version: u32,
    /// `size_of::<AbiV1>()` in bytes.
    pub size: u32,

    // ---- DebugService ----
    /// [`debug_service::print`]
    pub debug_service_print: unsafe extern "C" fn(ptr: *const u8, len: usize) -> Status,

    // ---- ProcessService ----
    /// [`process_service::get_current_process_id`]
    pub process_service_get_current_process_id: unsafe extern "C" fn() -> ProcessId,
    /// [`process_service::get_cycle_count`]
    pub process_service_get_cycle_count: unsafe extern "C" fn() -> u64,
    /// [`process_service::get_cycles_per_second`]
    pub process_service_get_cycles_per_second: unsafe extern "C" fn() -> u64,
    /// [`process_service::get_up_time`]
    pub process_service_get_up_time: unsafe extern "C" fn() -> u64,
    /// [`process_service::get_startup_arg_count`]
    pub process_service_get_startup_arg_count: unsafe extern "C" fn() -> u32,
    /// [`process_service::get_startup_arg`]
    pub process_service_get_startup_arg: unsafe extern "C" fn(
        index: u32,
        buf: *mut u8,
        buf_len: usize,
        out_len: *mut usize,
    ) -> Status,
    /// [`process_service::terminate`]
    pub process_service_terminate: unsafe extern "C" fn(exit_code: i32) -> Status,
    /// [`process_service::get_environment_variable`]
    pub process_service_get_environment_variable: unsafe extern "C" fn(
        name_ptr: *const u8,
        name_len: usize,
        buf: *mut u8,
        buf_len: usize,
        out_len: *mut usize,
    ) -> Status,

    // ---- ConsoleService ----
    /// [`console_service::write`]
    pub console_service_write:
        unsafe extern "C" fn(stream: u32, ptr: *const u8, len: usize) -> Status,
    /// [`console_service::flush`]
    pub console_service_flush: unsafe extern "C" fn() -> Status,

    // ---- PageTableService ----
    /// [`page_table_service::get_page_size`]
    pub page_table_service_get_page_size: unsafe extern "C" fn() -> u64,
    /// [`page_table_service::allocate`]
    pub page_table_service_allocate:
        unsafe extern "C" fn(bytes: usize, protection: u32, out_ptr: *mut *mut u8) -> Status,
    /// [`page_table_service::free`]
    pub page_table_service_free: unsafe extern "C" fn(ptr: *mut u8, bytes: usize) -> Status,
    /// [`page_table_service::protect`]
    pub page_table_service_protect:
        unsafe extern "C" fn(ptr: *mut u8, bytes: usize, protection: u32) -> Status,
    /// [`page_table_service::reserve`]
    pub page_table_service_reserve:
        unsafe extern "C" fn(bytes: usize, out_ptr: *mut *mut u8) -> Status,
    /// [`page_table_service::commit`]
    pub page_table_service_commit:
        unsafe extern "C" fn(ptr: *mut u8, bytes: usize, protection: u32) -> Status,
    /// [`page_table_service::decommit`]
    pub page_table_service_decommit: unsafe extern "C" fn(ptr: *mut u8, bytes: usize) -> Status,
    /// [`page_table_service::bytes_in_use`]
    pub page_table_service_bytes_in_use: unsafe extern "C" fn() -> u64,

    // ---- ProcessHandle ----
    /// [`process_handle::create`]
    pub process_handle_create: unsafe extern "C" fn(
        name_ptr: *const u8,
        name_len: usize,
        args: *const StrRef,
        arg_count: usize,
        stack_size: usize,
        entry: Option<ProcessEntry>,
        context: *mut c_void,
        out_handle: *mut Handle,
    ) -> Status,
    /// [`process_handle::start`]
    pub process_handle_start: unsafe extern "C" fn(handle: Handle) -> Status,
    /// [`process_handle::join`]
    pub process_handle_join:
        unsafe extern "C" fn(handle: Handle, out_exit_code: *mut i32) -> Status,
    /// [`process_handle::get_exit_code`]
    pub process_handle_get_exit_code:
        unsafe extern "C" fn(handle: Handle, out_exit_code: *mut i32) -> Status,
    /// [`process_handle::get_process_id`]
    pub process_handle_get_process_id:
        unsafe extern "C" fn(handle: Handle, out_id: *mut ProcessId) -> Status,
    /// [`process_handle::dispose`]
    pub process_handle_dispose: unsafe extern "C" fn(handle: Handle) -> Status,
}

/// Number of entries (function pointers) in [`AbiV1`].
pub const ABI_V1_ENTRY_COUNT: usize = 25;

/// The v1 export table.
pub static ABI_V1: AbiV1 = V1_ENTRIES;

/// The v1 entries (shared by every version's table).
const V1_ENTRIES: AbiV1 = AbiV1 {
    version: 1,
    size: core::mem::size_of::<AbiV1>() as u32,

    debug_service_print: debug_service::print,

    process_service_get_current_process_id: process_service::get_current_process_id,
    process_service_get_cycle_count: process_service::get_cycle_count,
    process_service_get_cycles_per_second: process_service::get_cycles_per_second,
    process_service_get_up_time: process_service::get_up_time,
    process_service_get_startup_arg_count: process_service::get_startup_arg_count,
    process_service_get_startup_arg: process_service::get_startup_arg,
    process_service_terminate: process_service::terminate,
    process_service_get_environment_variable: process_service::get_environment_variable,

    console_service_write: console_service::write,
    console_service_flush: console_service::flush,

    page_table_service_get_page_size: page_table_service::get_page_size,
    page_table_service_allocate: page_table_service::allocate,
    page_table_service_free: page_table_service::free,
    page_table_service_protect: page_table_service::protect,
    page_table_service_reserve: page_table_service::reserve,
    page_table_service_commit: page_table_service::commit,
    page_table_service_decommit: page_table_service::decommit,
    page_table_service_bytes_in_use: page_table_service::bytes_in_use,

    process_handle_create: process_handle::create,
    process_handle_start: process_handle::start,
    process_handle_join: process_handle::join,
    process_handle_get_exit_code: process_handle::get_exit_code,
    process_handle_get_process_id: process_handle::get_process_id,
    process_handle_dispose: process_handle::dispose,
};

/// ABI version 2: all of version 1, then the `StackService`, the
/// `FaultService`, the `ThreadHandle` and the `EventHandle`.
///
/// The v1 part is embedded whole as the first field, so the layout of
/// every v1 entry is unchanged; its `version` field reads 2 and its `size`
/// covers the whole v2 table.
#[repr(C)]
#[derive(Debug)]
pub struct AbiV2 {
    /// Every v1 entry, at its v1 offset.
    pub v1: AbiV1,

    // ---- StackService ----
    /// [`stack_service::get_stack_bounds`]
    pub stack_service_get_stack_bounds:
        unsafe extern "C" fn(low: *mut usize, high: *mut usize) -> Status,

    // ---- FaultService ----
    /// [`fault_service::set_thread_fault_handler`]
    pub fault_service_set_thread_fault_handler: unsafe extern "C" fn(
        handler: Option<fault_service::FaultHandler>,
        user: *mut c_void,
    ) -> Status,

    // ---- ThreadHandle ----
    /// [`thread_handle::create`]
    pub thread_handle_create: unsafe extern "C" fn(
        entry: Option<ThreadEntry>,
        context: *mut c_void,
        stack_size: usize,
        out_handle: *mut Handle,
    ) -> Status,
    /// [`thread_handle::join`]
    pub thread_handle_join:
        unsafe extern "C" fn(handle: Handle, timeout_ns: u64, out_exit_code: *mut i32) -> Status,
    /// [`thread_handle::get_thread_id`]
    pub thread_handle_get_thread_id:
        unsafe extern "C" fn(handle: Handle, out_id: *mut ThreadId) -> Status,
    /// [`thread_handle::get_current_thread_id`]
    pub thread_handle_get_current_thread_id: unsafe extern "C" fn() -> ThreadId,
    /// [`thread_handle::dispose`]
    pub thread_handle_dispose: unsafe extern "C" fn(handle: Handle) -> Status,

    // ---- EventHandle ----
    /// [`event_handle::create`]
    pub event_handle_create: unsafe extern "C" fn(
        manual_reset: u32,
        initially_set: u32,
        out_handle: *mut Handle,
    ) -> Status,
    /// [`event_handle::set`]
    pub event_handle_set: unsafe extern "C" fn(handle: Handle) -> Status,
    /// [`event_handle::reset`]
    pub event_handle_reset: unsafe extern "C" fn(handle: Handle) -> Status,
    /// [`event_handle::wait`]
    pub event_handle_wait: unsafe extern "C" fn(handle: Handle, timeout_ns: u64) -> Status,
    /// [`event_handle::dispose`]
    pub event_handle_dispose: unsafe extern "C" fn(handle: Handle) -> Status,
}

/// Number of entries added by [`AbiV2`].
pub const ABI_V2_NEW_ENTRY_COUNT: usize = 12;

/// The v2 export table.
pub static ABI_V2: AbiV2 = AbiV2 {
    v1: AbiV1 {
        version: 2,
        size: core::mem::size_of::<AbiV2>() as u32,
        ..V1_ENTRIES
    },
    ..V2_NEW_ENTRIES
};

/// The v2 entries (shared by every later version's table); its `v1` part
/// is replaced by each table's own.
const V2_NEW_ENTRIES: AbiV2 = AbiV2 {
    v1: V1_ENTRIES,
    stack_service_get_stack_bounds: stack_service::get_stack_bounds,
    fault_service_set_thread_fault_handler: fault_service::set_thread_fault_handler,
    thread_handle_create: thread_handle::create,
    thread_handle_join: thread_handle::join,
    thread_handle_get_thread_id: thread_handle::get_thread_id,
    thread_handle_get_current_thread_id: thread_handle::get_current_thread_id,
    thread_handle_dispose: thread_handle::dispose,
    event_handle_create: event_handle::create,
    event_handle_set: event_handle::set,
    event_handle_reset: event_handle::reset,
    event_handle_wait: event_handle::wait,
    event_handle_dispose: event_handle::dispose,
};

/// Resolves the v2 export table.
pub fn resolve_v2() -> Result<&'static AbiV2, AbiError> {
    Ok(&ABI_V2)
}

/// ABI version 3: all of version 2, then the `NativeLibraryService`, the
/// `NativeMemoryService`, the `NativeErrorService`, and two entries that let
/// threads the kernel did not create join a process
/// (`ProcessService::GetAttachToken`, `ThreadHandle::AttachCurrent` and
/// `DetachCurrent`): what P/Invoke needs.
///
/// The v2 part is embedded whole as the first field, so every v1 and v2
/// entry keeps its offset; `v2.v1.version` reads 3 and `v2.v1.size` covers
/// the whole v3 table.
#[repr(C)]
#[derive(Debug)]
pub struct AbiV3 {
    /// Every v2 entry (and so every v1 entry), at its v2 offset.
    pub v2: AbiV2,

    // ---- NativeLibraryService ----
    /// [`native_library::load`]
    pub native_library_service_load: unsafe extern "C" fn(
        name_ptr: *const u8,
        name_len: usize,
        out_handle: *mut Handle,
    ) -> Status,
    /// [`native_library::get_symbol`]
    pub native_library_service_get_symbol: unsafe extern "C" fn(
        handle: Handle,
        name_ptr: *const u8,
        name_len: usize,
        out_address: *mut usize,
    ) -> Status,
    /// [`native_library::free`]
    pub native_library_service_free: unsafe extern "C" fn(handle: Handle) -> Status,
    /// [`native_library::get_last_error`]
    pub native_library_service_get_last_error:
        unsafe extern "C" fn(buf: *mut u8, buf_len: usize, out_len: *mut usize) -> Status,

    // ---- NativeMemoryService ----
    /// [`native_memory::allocate`]
    pub native_memory_service_allocate:
        unsafe extern "C" fn(bytes: usize, out_ptr: *mut *mut u8) -> Status,
    /// [`native_memory::reallocate`]
    pub native_memory_service_reallocate:
        unsafe extern "C" fn(ptr: *mut u8, bytes: usize, out_ptr: *mut *mut u8) -> Status,
    /// [`native_memory::free`]
    pub native_memory_service_free: unsafe extern "C" fn(ptr: *mut u8),

    // ---- NativeErrorService ----
    /// [`native_error::get_last_error`]
    pub native_error_service_get_last_error: unsafe extern "C" fn() -> i32,
    /// [`native_error::set_last_error`]
    pub native_error_service_set_last_error: unsafe extern "C" fn(value: i32),

    // ---- ProcessService (v3) ----
    /// [`process_service::get_attach_token`]
    pub process_service_get_attach_token: unsafe extern "C" fn() -> u64,

    // ---- ThreadHandle (v3) ----
    /// [`thread_handle::attach_current`]
    pub thread_handle_attach_current:
        unsafe extern "C" fn(token: u64, out_id: *mut ThreadId) -> Status,
    /// [`thread_handle::detach_current`]
    pub thread_handle_detach_current: unsafe extern "C" fn() -> Status,
}

/// Number of entries added by [`AbiV3`].
pub const ABI_V3_NEW_ENTRY_COUNT: usize = 12;

/// The v3 export table.
pub static ABI_V3: AbiV3 = AbiV3 {
    v2: AbiV2 {
        v1: AbiV1 {
            version: 3,
            size: core::mem::size_of::<AbiV3>() as u32,
            ..V1_ENTRIES
        },
        ..V2_NEW_ENTRIES
    },
    ..V3_NEW_ENTRIES
};

/// The v3 entries (shared by every later version's table); its `v2` part
/// is replaced by each table's own.
const V3_NEW_ENTRIES: AbiV3 = AbiV3 {
    v2: V2_NEW_ENTRIES,
    native_library_service_load: native_library::load,
    native_library_service_get_symbol: native_library::get_symbol,
    native_library_service_free: native_library::free,
    native_library_service_get_last_error: native_library::get_last_error,
    native_memory_service_allocate: native_memory::allocate,
    native_memory_service_reallocate: native_memory::reallocate,
    native_memory_service_free: native_memory::free,
    native_error_service_get_last_error: native_error::get_last_error,
    native_error_service_set_last_error: native_error::set_last_error,
    process_service_get_attach_token: process_service::get_attach_token,
    thread_handle_attach_current: thread_handle::attach_current,
    thread_handle_detach_current: thread_handle::detach_current,
};

/// Resolves the v3 export table.
pub fn resolve_v3() -> Result<&'static AbiV3, AbiError> {
    Ok(&ABI_V3)
}

/// ABI version 4: all of version 3, then stopping a process (its own
/// `Stop`, a parent's `Terminate`), children from program images with
/// startup endpoints, sleeping and yielding, mutexes, semaphores, waits on
/// several objects, channels (`EndpointCore`), the exchange heap
/// (`CommunicationHeapService`) and the kernel's counters.
///
/// The v3 part is embedded whole as the first field, so every v1, v2 and
/// v3 entry keeps its offset and its behaviour; `v3.v2.v1.version` reads 4
/// and `v3.v2.v1.size` covers the whole v4 table. v4 adds three status
/// codes, `Stopped`, `ChannelClosed` and `Abandoned`, which only v4 entries
/// return.
#[repr(C)]
#[derive(Debug)]
pub struct AbiV4 {
    /// Every v1, v2 and v3 entry, at its v3 offset.
    pub v3: AbiV3,

    // ---- ProcessService ----
    /// [`process_service::stop`]
    pub process_service_stop: unsafe extern "C" fn(exit_code: i32) -> Status,
    /// [`process_service::set_stop_word`]
    pub process_service_set_stop_word: unsafe extern "C" fn(word: *mut u32, bits: u32) -> Status,
    /// [`process_service::get_stop_code`]
    pub process_service_get_stop_code: unsafe extern "C" fn(out_code: *mut i32) -> Status,
    /// [`process_service::get_startup_endpoint_count`]
    pub process_service_get_startup_endpoint_count: unsafe extern "C" fn() -> u32,
    /// [`process_service::get_startup_endpoint`]
    pub process_service_get_startup_endpoint:
        unsafe extern "C" fn(index: u32, out_handle: *mut Handle) -> Status,
    /// [`process_service::get_processor_count`]
    pub process_service_get_processor_count: unsafe extern "C" fn() -> u32,

    // ---- ThreadHandle ----
    /// [`thread_handle::sleep`]
    pub thread_handle_sleep: unsafe extern "C" fn(timeout_ns: u64) -> Status,
    /// [`thread_handle::yield_now`]
    pub thread_handle_yield: unsafe extern "C" fn() -> Status,

    // ---- DebugService ----
    /// [`debug_service::get_counters`]
    pub debug_service_get_counters:
        unsafe extern "C" fn(out: *mut KernelCounters, size: usize) -> Status,

    // ---- SyncHandle ----
    /// [`sync_handle::wait_any`]
    pub sync_handle_wait_any: unsafe extern "C" fn(
        handles: *const Handle,
        count: usize,
        timeout_ns: u64,
        out_index: *mut u32,
    ) -> Status,
    /// [`sync_handle::wait_all`]
    pub sync_handle_wait_all:
        unsafe extern "C" fn(handles: *const Handle, count: usize, timeout_ns: u64) -> Status,

    // ---- MutexHandle ----
    /// [`mutex_handle::create`]
    pub mutex_handle_create:
        unsafe extern "C" fn(initially_owned: u32, out_handle: *mut Handle) -> Status,
    /// [`mutex_handle::release`]
    pub mutex_handle_release: unsafe extern "C" fn(handle: Handle) -> Status,
    /// [`mutex_handle::dispose`]
    pub mutex_handle_dispose: unsafe extern "C" fn(handle: Handle) -> Status,

    // ---- SemaphoreHandle ----
    /// [`semaphore_handle::create`]
    pub semaphore_handle_create:
        unsafe extern "C" fn(initial: u32, maximum: u32, out_handle: *mut Handle) -> Status,
    /// [`semaphore_handle::release`]
    pub semaphore_handle_release:
        unsafe extern "C" fn(handle: Handle, count: u32, out_previous: *mut u32) -> Status,
    /// [`semaphore_handle::dispose`]
    pub semaphore_handle_dispose: unsafe extern "C" fn(handle: Handle) -> Status,

    // ---- ProcessHandle ----
    /// [`process_handle::create_from_image`]
    pub process_handle_create_from_image:
        unsafe extern "C" fn(spec: *const ChildSpec, out_handle: *mut Handle) -> Status,
    /// [`process_handle::terminate`]
    pub process_handle_terminate: unsafe extern "C" fn(handle: Handle, exit_code: i32) -> Status,

    // ---- EndpointCore ----
    /// [`endpoint_core::create_channel`]
    pub endpoint_core_create_channel:
        unsafe extern "C" fn(out_a: *mut Handle, out_b: *mut Handle) -> Status,
    /// [`endpoint_core::send`]
    pub endpoint_core_send: unsafe extern "C" fn(endpoint: Handle, block: Handle) -> Status,
    /// [`endpoint_core::send_endpoint`]
    pub endpoint_core_send_endpoint:
        unsafe extern "C" fn(endpoint: Handle, other: Handle) -> Status,
    /// [`endpoint_core::receive`]
    pub endpoint_core_receive: unsafe extern "C" fn(
        endpoint: Handle,
        timeout_ns: u64,
        out_handle: *mut Handle,
        out_kind: *mut u32,
    ) -> Status,
    /// [`endpoint_core::get_peer_process_id`]
    pub endpoint_core_get_peer_process_id:
        unsafe extern "C" fn(endpoint: Handle, out_id: *mut ProcessId) -> Status,
    /// [`endpoint_core::dispose`]
    pub endpoint_core_dispose: unsafe extern "C" fn(endpoint: Handle) -> Status,

    // ---- CommunicationHeapService ----
    /// [`communication_heap_service::allocate`]
    pub communication_heap_service_allocate:
        unsafe extern "C" fn(size: usize, out_handle: *mut Handle) -> Status,
    /// [`communication_heap_service::free`]
    pub communication_heap_service_free: unsafe extern "C" fn(block: Handle) -> Status,
    /// [`communication_heap_service::split`]
    pub communication_heap_service_split:
        unsafe extern "C" fn(block: Handle, offset: usize, out_second: *mut Handle) -> Status,
    /// [`communication_heap_service::share`]
    pub communication_heap_service_share:
        unsafe extern "C" fn(block: Handle, out_share: *mut Handle) -> Status,
    /// [`communication_heap_service::get_size`]
    pub communication_heap_service_get_size:
        unsafe extern "C" fn(block: Handle, out_size: *mut usize) -> Status,
    /// [`communication_heap_service::get_data`]
    pub communication_heap_service_get_data: unsafe extern "C" fn(
        block: Handle,
        out_ptr: *mut *mut u8,
        out_writable: *mut u32,
    ) -> Status,
    /// [`communication_heap_service::write`]
    pub communication_heap_service_write:
        unsafe extern "C" fn(block: Handle, offset: usize, src: *const u8, len: usize) -> Status,
    /// [`communication_heap_service::read`]
    pub communication_heap_service_read:
        unsafe extern "C" fn(block: Handle, offset: usize, dst: *mut u8, len: usize) -> Status,
}

/// Number of entries added by [`AbiV4`].
pub const ABI_V4_NEW_ENTRY_COUNT: usize = 33;

/// The v4 export table.
pub static ABI_V4: AbiV4 = AbiV4 {
    v3: AbiV3 {
        v2: AbiV2 {
            v1: AbiV1 {
                version: 4,
                size: core::mem::size_of::<AbiV4>() as u32,
                ..V1_ENTRIES
            },
            ..V2_NEW_ENTRIES
        },
        ..V3_NEW_ENTRIES
    },
    ..V4_NEW_ENTRIES
};

/// The v4 entries (shared by every later version's table); its `v3` part
/// is replaced by each table's own.
const V4_NEW_ENTRIES: AbiV4 = AbiV4 {
    v3: V3_NEW_ENTRIES,
    process_service_stop: process_service::stop,
    process_service_set_stop_word: process_service::set_stop_word,
    process_service_get_stop_code: process_service::get_stop_code,
    process_service_get_startup_endpoint_count: process_service::get_startup_endpoint_count,
    process_service_get_startup_endpoint: process_service::get_startup_endpoint,
    process_service_get_processor_count: process_service::get_processor_count,
    thread_handle_sleep: thread_handle::sleep,
    thread_handle_yield: thread_handle::yield_now,
    debug_service_get_counters: debug_service::get_counters,
    sync_handle_wait_any: sync_handle::wait_any,
    sync_handle_wait_all: sync_handle::wait_all,
    mutex_handle_create: mutex_handle::create,
    mutex_handle_release: mutex_handle::release,
    mutex_handle_dispose: mutex_handle::dispose,
    semaphore_handle_create: semaphore_handle::create,
    semaphore_handle_release: semaphore_handle::release,
    semaphore_handle_dispose: semaphore_handle::dispose,
    process_handle_create_from_image: process_handle::create_from_image,
    process_handle_terminate: process_handle::terminate,
    endpoint_core_create_channel: endpoint_core::create_channel,
    endpoint_core_send: endpoint_core::send,
    endpoint_core_send_endpoint: endpoint_core::send_endpoint,
    endpoint_core_receive: endpoint_core::receive,
    endpoint_core_get_peer_process_id: endpoint_core::get_peer_process_id,
    endpoint_core_dispose: endpoint_core::dispose,
    communication_heap_service_allocate: communication_heap_service::allocate,
    communication_heap_service_free: communication_heap_service::free,
    communication_heap_service_split: communication_heap_service::split,
    communication_heap_service_share: communication_heap_service::share,
    communication_heap_service_get_size: communication_heap_service::get_size,
    communication_heap_service_get_data: communication_heap_service::get_data,
    communication_heap_service_write: communication_heap_service::write,
    communication_heap_service_read: communication_heap_service::read,
};

/// Resolves the v4 export table.
pub fn resolve_v4() -> Result<&'static AbiV4, AbiError> {
    Ok(&ABI_V4)
}

/// ABI version 5: all of version 4, then `ConsoleService::Read`, the new
/// `ProcessService` entries (wall clock, time zone offset, machine name, OS
/// version, environment enumeration, process name) and the `FileService`:
/// what `System.Console` input, `System.IO` and `System.Environment` need.
/// (The processor count is v4's `process_service_get_processor_count`.)
///
/// The v4 part is embedded whole as the first field (so every earlier
/// entry keeps its offset); its `v3.v2.v1.version` reads 5 and its
/// `v3.v2.v1.size` covers the whole v5 table. v5 also adds status codes, from
/// [`Status::AccessDenied`] to [`Status::IoError`], which only v5 entries
/// return.
#[repr(C)]
#[derive(Debug)]
pub struct AbiV5 {
    /// Every v4 entry (and so every v3, v2 and v1 entry), at its v4 offset.
    pub v4: AbiV4,

    // ---- ConsoleService ----
    /// [`console_service::read`]
    pub console_service_read:
        unsafe extern "C" fn(buf: *mut u8, buf_len: usize, out_read: *mut usize) -> Status,

    // ---- ProcessService ----
    /// [`process_service::get_utc_time`]
    pub process_service_get_utc_time: unsafe extern "C" fn(out_nanos: *mut i64) -> Status,
    /// [`process_service::get_utc_offset`]
    pub process_service_get_utc_offset:
        unsafe extern "C" fn(unix_seconds: i64, out_offset: *mut i32) -> Status,
    /// [`process_service::get_machine_name`]
    pub process_service_get_machine_name:
        unsafe extern "C" fn(buf: *mut u8, buf_len: usize, out_len: *mut usize) -> Status,
    /// [`process_service::get_os_version`]
    pub process_service_get_os_version:
        unsafe extern "C" fn(buf: *mut u8, buf_len: usize, out_len: *mut usize) -> Status,
    /// [`process_service::get_environment_variable_count`]
    pub process_service_get_environment_variable_count: unsafe extern "C" fn() -> u32,
    /// [`process_service::get_environment_variable_at`]
    pub process_service_get_environment_variable_at: unsafe extern "C" fn(
        index: u32,
        buf: *mut u8,
        buf_len: usize,
        out_len: *mut usize,
    ) -> Status,
    /// [`process_service::get_process_name`]
    pub process_service_get_process_name:
        unsafe extern "C" fn(buf: *mut u8, buf_len: usize, out_len: *mut usize) -> Status,

    // ---- FileService ----
    /// [`file_service::open`]
    pub file_service_open: unsafe extern "C" fn(
        path_ptr: *const u8,
        path_len: usize,
        mode: u32,
        access: u32,
        out_handle: *mut Handle,
    ) -> Status,
    /// [`file_service::read`]
    pub file_service_read: unsafe extern "C" fn(
        handle: Handle,
        buf: *mut u8,
        buf_len: usize,
        out_read: *mut usize,
    ) -> Status,
    /// [`file_service::write`]
    pub file_service_write:
        unsafe extern "C" fn(handle: Handle, ptr: *const u8, len: usize) -> Status,
    /// [`file_service::seek`]
    pub file_service_seek: unsafe extern "C" fn(
        handle: Handle,
        offset: i64,
        origin: u32,
        out_position: *mut u64,
    ) -> Status,
    /// [`file_service::get_length`]
    pub file_service_get_length:
        unsafe extern "C" fn(handle: Handle, out_length: *mut u64) -> Status,
    /// [`file_service::set_length`]
    pub file_service_set_length: unsafe extern "C" fn(handle: Handle, length: u64) -> Status,
    /// [`file_service::close`]
    pub file_service_close: unsafe extern "C" fn(handle: Handle) -> Status,
    /// [`file_service::get_path_kind`]
    pub file_service_get_path_kind:
        unsafe extern "C" fn(path_ptr: *const u8, path_len: usize, out_kind: *mut u32) -> Status,
    /// [`file_service::delete_file`]
    pub file_service_delete_file:
        unsafe extern "C" fn(path_ptr: *const u8, path_len: usize) -> Status,
    /// [`file_service::create_directory`]
    pub file_service_create_directory:
        unsafe extern "C" fn(path_ptr: *const u8, path_len: usize) -> Status,
    /// [`file_service::delete_directory`]
    pub file_service_delete_directory:
        unsafe extern "C" fn(path_ptr: *const u8, path_len: usize) -> Status,
    /// [`file_service::open_directory`]
    pub file_service_open_directory: unsafe extern "C" fn(
        path_ptr: *const u8,
        path_len: usize,
        out_handle: *mut Handle,
    ) -> Status,
    /// [`file_service::read_directory`]
    pub file_service_read_directory: unsafe extern "C" fn(
        handle: Handle,
        buf: *mut u8,
        buf_len: usize,
        out_len: *mut usize,
    ) -> Status,
}

/// Number of entries added by [`AbiV5`].
pub const ABI_V5_NEW_ENTRY_COUNT: usize = 21;

/// The v5 export table.
pub static ABI_V5: AbiV5 = AbiV5 {
    v4: AbiV4 {
        v3: AbiV3 {
            v2: AbiV2 {
                v1: AbiV1 {
                    version: 5,
                    size: core::mem::size_of::<AbiV5>() as u32,
                    ..V1_ENTRIES
                },
                ..V2_NEW_ENTRIES
            },
            ..V3_NEW_ENTRIES
        },
        ..V4_NEW_ENTRIES
    },
    console_service_read: console_service::read,
    process_service_get_utc_time: process_service::get_utc_time,
    process_service_get_utc_offset: process_service::get_utc_offset,
    process_service_get_machine_name: process_service::get_machine_name,
    process_service_get_os_version: process_service::get_os_version,
    process_service_get_environment_variable_count: process_service::get_environment_variable_count,
    process_service_get_environment_variable_at: process_service::get_environment_variable_at,
    process_service_get_process_name: process_service::get_process_name,
    file_service_open: file_service::open,
    file_service_read: file_service::read,
    file_service_write: file_service::write,
    file_service_seek: file_service::seek,
    file_service_get_length: file_service::get_length,
    file_service_set_length: file_service::set_length,
    file_service_close: file_service::close,
    file_service_get_path_kind: file_service::get_path_kind,
    file_service_delete_file: file_service::delete_file,
    file_service_create_directory: file_service::create_directory,
    file_service_delete_directory: file_service::delete_directory,
    file_service_open_directory: file_service::open_directory,
    file_service_read_directory: file_service::read_directory,
};

/// Resolves the v5 export table.
pub fn resolve_v5() -> Result<&'static AbiV5, AbiError> {
    Ok(&ABI_V5)
}

/// Resolving an ABI version failed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AbiError {
    /// This kernel does not export the requested version (0 is never a
    /// version; versions above [`ABI_VERSION_LATEST`] are from a newer
    /// kernel).
    UnknownVersion {
        /// The version the process asked for.
        requested: u32,
        /// The newest version this kernel exports.
        latest: u32,
    },
}

impl fmt::Display for AbiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            AbiError::UnknownVersion { requested, latest } => write!(
                f,
                "kernel ABI version {requested} is not exported (this kernel exports 1..={latest})"
            ),
        }
    }
}

impl std::error::Error for AbiError {}

/// Resolves the export table for a process built against ABI `version`.
///
/// Returns the v1 table for `1`, and the v1 part of a later version's
/// table for that version (every later table begins with all of v1); a
/// process built against version `N` uses that version's own resolver
/// (`resolve_v2`) to reach the entries `N` added.
pub fn resolve(version: u32) -> Result<&'static AbiV1, AbiError> {
    match version {
        1 => Ok(&ABI_V1),
        2 => Ok(&ABI_V2.v1),
        3 => Ok(&ABI_V3.v2.v1),
        4 => Ok(&ABI_V4.v3.v2.v1),
        5 => Ok(&ABI_V5.v4.v3.v2.v1),
        _ => Err(AbiError::UnknownVersion {
            requested: version,
            latest: ABI_VERSION_LATEST,
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use core::mem::{offset_of, size_of};

    /// Pins the v1 layout. If this fails, a published table was changed:
    /// add entries to a new version instead.
    #[test]
    fn v1_layout_is_frozen() {
        const P: usize = size_of::<usize>();
        assert_eq!(size_of::<AbiV1>(), 8 + ABI_V1_ENTRY_COUNT * P);
        assert_eq!(ABI_V1.size as usize, size_of::<AbiV1>());
        let offsets = [
            offset_of!(AbiV1, debug_service_print),
            offset_of!(AbiV1, process_service_get_current_process_id),
            offset_of!(AbiV1, process_service_get_cycle_count),
            offset_of!(AbiV1, process_service_get_cycles_per_second),
            offset_of!(AbiV1, process_service_get_up_time),
            offset_of!(AbiV1, process_service_get_startup_arg_count),
            offset_of!(AbiV1, process_service_get_startup_arg),
            offset_of!(AbiV1, process_service_terminate),
            offset_of!(AbiV1, process_service_get_environment_variable),
            offset_of!(AbiV1, console_service_write),
            offset_of!(AbiV1, console_service_flush),
            offset_of!(AbiV1, page_table_service_get_page_size),
            offset_of!(AbiV1, page_table_service_allocate),
            offset_of!(AbiV1, page_table_service_free),
            offset_of!(AbiV1, page_table_service_protect),
            offset_of!(AbiV1, page_table_service_reserve),
            offset_of!(AbiV1, page_table_service_commit),
            offset_of!(AbiV1, page_table_service_decommit),
            offset_of!(AbiV1, page_table_service_bytes_in_use),
            offset_of!(AbiV1, process_handle_create),
            offset_of!(AbiV1, process_handle_start),
            offset_of!(AbiV1, process_handle_join),
            offset_of!(AbiV1, process_handle_get_exit_code),
            offset_of!(AbiV1, process_handle_get_process_id),
            offset_of!(AbiV1, process_handle_dispose),
        ];
        assert_eq!(offsets.len(), ABI_V1_ENTRY_COUNT);
        for (i, off) in offsets.iter().enumerate() {
            assert_eq!(*off, 8 + i * P, "entry {i} moved");
        }
    }

    #[test]
    fn resolve_versions() {
        let t = resolve(1).unwrap();
        assert_eq!(t.version, 1);
        assert!(core::ptr::eq(t, &ABI_V1));
        for v in [0, 6, u32::MAX] {
            assert_eq!(
                resolve(v).unwrap_err(),
                AbiError::UnknownVersion {
                    requested: v,
                    latest: 5
                }
            );
        }
        let v5 = resolve(5).unwrap();
        assert_eq!(v5.version, 5);
        assert_eq!(v5.size as usize, core::mem::size_of::<AbiV5>());
        let v4 = resolve(4).unwrap();
        assert_eq!(v4.version, 4);
        assert_eq!(v4.size as usize, core::mem::size_of::<AbiV4>());
        let v3 = resolve(3).unwrap();
        assert_eq!(v3.version, 3);
        assert_eq!(v3.size as usize, core::mem::size_of::<AbiV3>());
        let v2 = resolve(2).unwrap();
        assert_eq!(v2.version, 2);
        assert_eq!(v2.size as usize, core::mem::size_of::<AbiV2>());
    }

    /// Pins the v2 layout: v1 untouched at offset 0, new entries after it.
    #[test]
    fn v2_extends_v1() {
        const P: usize = size_of::<usize>();
        assert_eq!(offset_of!(AbiV2, v1), 0);
        assert_eq!(
            size_of::<AbiV2>(),
            size_of::<AbiV1>() + ABI_V2_NEW_ENTRY_COUNT * P
        );
        let offsets = [
            offset_of!(AbiV2, stack_service_get_stack_bounds),
            offset_of!(AbiV2, fault_service_set_thread_fault_handler),
            offset_of!(AbiV2, thread_handle_create),
            offset_of!(AbiV2, thread_handle_join),
            offset_of!(AbiV2, thread_handle_get_thread_id),
            offset_of!(AbiV2, thread_handle_get_current_thread_id),
            offset_of!(AbiV2, thread_handle_dispose),
            offset_of!(AbiV2, event_handle_create),
            offset_of!(AbiV2, event_handle_set),
            offset_of!(AbiV2, event_handle_reset),
            offset_of!(AbiV2, event_handle_wait),
            offset_of!(AbiV2, event_handle_dispose),
        ];
        assert_eq!(offsets.len(), ABI_V2_NEW_ENTRY_COUNT);
        for (i, off) in offsets.iter().enumerate() {
            assert_eq!(*off, size_of::<AbiV1>() + i * P, "v2 entry {i} moved");
        }
        let (mut lo, mut hi) = (0usize, 0usize);
        // SAFETY: both out-pointers are valid.
        let status =
            unsafe { (resolve_v2().unwrap().stack_service_get_stack_bounds)(&mut lo, &mut hi) };
        assert_eq!(status, Status::Ok);
        let here = &lo as *const usize as usize;
        assert!(lo < here && here < hi, "{lo:#x} < {here:#x} < {hi:#x}");
    }

    /// Pins the v3 layout: v2 untouched at offset 0, new entries after it.
    #[test]
    fn v3_extends_v2() {
        const P: usize = size_of::<usize>();
        assert_eq!(offset_of!(AbiV3, v2), 0);
        assert_eq!(
            size_of::<AbiV3>(),
            size_of::<AbiV2>() + ABI_V3_NEW_ENTRY_COUNT * P
        );
        let offsets = [
            offset_of!(AbiV3, native_library_service_load),
            offset_of!(AbiV3, native_library_service_get_symbol),
            offset_of!(AbiV3, native_library_service_free),
            offset_of!(AbiV3, native_library_service_get_last_error),
            offset_of!(AbiV3, native_memory_service_allocate),
            offset_of!(AbiV3, native_memory_service_reallocate),
            offset_of!(AbiV3, native_memory_service_free),
            offset_of!(AbiV3, native_error_service_get_last_error),
            offset_of!(AbiV3, native_error_service_set_last_error),
            offset_of!(AbiV3, process_service_get_attach_token),
            offset_of!(AbiV3, thread_handle_attach_current),
            offset_of!(AbiV3, thread_handle_detach_current),
        ];
        assert_eq!(offsets.len(), ABI_V3_NEW_ENTRY_COUNT);
        for (i, off) in offsets.iter().enumerate() {
            assert_eq!(*off, size_of::<AbiV2>() + i * P, "v3 entry {i} moved");
        }
        // The v2 entries of the v3 table are the v2 table's.
        assert_eq!(
            ABI_V3.v2.thread_handle_create as usize,
            ABI_V2.thread_handle_create as usize
        );
        assert_eq!(ABI_V3.v2.v1.version, 3);
    }

    /// Pins the v4 layout: v3 untouched at offset 0, new entries after it.
    #[test]
    fn v4_extends_v3() {
        const P: usize = size_of::<usize>();
        assert_eq!(offset_of!(AbiV4, v3), 0);
        assert_eq!(
            size_of::<AbiV4>(),
            size_of::<AbiV3>() + ABI_V4_NEW_ENTRY_COUNT * P
        );
        let offsets = [
            offset_of!(AbiV4, process_service_stop),
            offset_of!(AbiV4, process_service_set_stop_word),
            offset_of!(AbiV4, process_service_get_stop_code),
            offset_of!(AbiV4, process_service_get_startup_endpoint_count),
            offset_of!(AbiV4, process_service_get_startup_endpoint),
            offset_of!(AbiV4, process_service_get_processor_count),
            offset_of!(AbiV4, thread_handle_sleep),
            offset_of!(AbiV4, thread_handle_yield),
            offset_of!(AbiV4, debug_service_get_counters),
            offset_of!(AbiV4, sync_handle_wait_any),
            offset_of!(AbiV4, sync_handle_wait_all),
            offset_of!(AbiV4, mutex_handle_create),
            offset_of!(AbiV4, mutex_handle_release),
            offset_of!(AbiV4, mutex_handle_dispose),
            offset_of!(AbiV4, semaphore_handle_create),
            offset_of!(AbiV4, semaphore_handle_release),
            offset_of!(AbiV4, semaphore_handle_dispose),
            offset_of!(AbiV4, process_handle_create_from_image),
            offset_of!(AbiV4, process_handle_terminate),
            offset_of!(AbiV4, endpoint_core_create_channel),
            offset_of!(AbiV4, endpoint_core_send),
            offset_of!(AbiV4, endpoint_core_send_endpoint),
            offset_of!(AbiV4, endpoint_core_receive),
            offset_of!(AbiV4, endpoint_core_get_peer_process_id),
            offset_of!(AbiV4, endpoint_core_dispose),
            offset_of!(AbiV4, communication_heap_service_allocate),
            offset_of!(AbiV4, communication_heap_service_free),
            offset_of!(AbiV4, communication_heap_service_split),
            offset_of!(AbiV4, communication_heap_service_share),
            offset_of!(AbiV4, communication_heap_service_get_size),
            offset_of!(AbiV4, communication_heap_service_get_data),
            offset_of!(AbiV4, communication_heap_service_write),
            offset_of!(AbiV4, communication_heap_service_read),
        ];
        assert_eq!(offsets.len(), ABI_V4_NEW_ENTRY_COUNT);
        for (i, off) in offsets.iter().enumerate() {
            assert_eq!(*off, size_of::<AbiV3>() + i * P, "v4 entry {i} moved");
        }
        // The v2 and v3 entries inside v4 are the v2 and v3 functions.
        assert_eq!(
            ABI_V4.v3.v2.event_handle_wait as usize,
            ABI_V2.event_handle_wait as usize
        );
        assert_eq!(
            ABI_V4.v3.native_library_service_load as usize,
            ABI_V3.native_library_service_load as usize
        );
        assert_eq!(ABI_V4.v3.v2.v1.version, 4);
    }

    /// Pins the v5 layout: v4 untouched at offset 0, new entries after it.
    #[test]
    fn v5_extends_v4() {
        const P: usize = size_of::<usize>();
        assert_eq!(offset_of!(AbiV5, v4), 0);
        assert_eq!(
            size_of::<AbiV5>(),
            size_of::<AbiV4>() + ABI_V5_NEW_ENTRY_COUNT * P
        );
        let offsets = [
            offset_of!(AbiV5, console_service_read),
            offset_of!(AbiV5, process_service_get_utc_time),
            offset_of!(AbiV5, process_service_get_utc_offset),
            offset_of!(AbiV5, process_service_get_machine_name),
            offset_of!(AbiV5, process_service_get_os_version),
            offset_of!(AbiV5, process_service_get_environment_variable_count),
            offset_of!(AbiV5, process_service_get_environment_variable_at),
            offset_of!(AbiV5, process_service_get_process_name),
            offset_of!(AbiV5, file_service_open),
            offset_of!(AbiV5, file_service_read),
            offset_of!(AbiV5, file_service_write),
            offset_of!(AbiV5, file_service_seek),
            offset_of!(AbiV5, file_service_get_length),
            offset_of!(AbiV5, file_service_set_length),
            offset_of!(AbiV5, file_service_close),
            offset_of!(AbiV5, file_service_get_path_kind),
            offset_of!(AbiV5, file_service_delete_file),
            offset_of!(AbiV5, file_service_create_directory),
            offset_of!(AbiV5, file_service_delete_directory),
            offset_of!(AbiV5, file_service_open_directory),
            offset_of!(AbiV5, file_service_read_directory),
        ];
        assert_eq!(offsets.len(), ABI_V5_NEW_ENTRY_COUNT);
        for (i, off) in offsets.iter().enumerate() {
            assert_eq!(*off, size_of::<AbiV4>() + i * P, "v5 entry {i} moved");
        }
        // The v3 and v4 entries of the v5 table are the v3 and v4 tables'.
        assert_eq!(
            ABI_V5.v4.v3.native_library_service_load as usize,
            ABI_V3.native_library_service_load as usize
        );
        assert_eq!(
            ABI_V5.v4.mutex_handle_create as usize,
            ABI_V4.mutex_handle_create as usize
        );
        assert_eq!(
            ABI_V5.v4.process_service_get_processor_count as usize,
            ABI_V4.process_service_get_processor_count as usize
        );
        assert_eq!(ABI_V5.v4.v3.v2.v1.version, 5);
    }
}
