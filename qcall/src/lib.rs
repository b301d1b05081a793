//! osprey-qcall: QCalls, corelib's P/Invoke-like calls into the runtime.
//!
//! A QCall is declared in corelib as
//! `[DllImport("QCall", EntryPoint = "Type_Method")] static extern ...` and
//! implemented here as a C-style `extern "C"` function registered in
//! [`ENTRIES`] (one line each). JIT-compiled code calls it through an inline
//! transition (docs/design.md §3): the thread is in *preemptive* mode while a
//! QCall runs, so a QCall must not touch managed objects except through the
//! handle types in [`handles`], which re-enter cooperative mode through the
//! runtime's [`services`].
//!
//! Arguments are marshaled as unmanaged types: primitives as themselves,
//! `bool` as a 4-byte [`Bool`], `string` as a pointer to its UTF-16
//! characters (pinned for the call; [`Utf16Ptr::units`] reads its length
//! from the string, so embedded `'\0'`s are kept), objects only through
//! [`handles::StringHandleOnStack`] (`set`, `set_utf16`, `set_null`) and
//! [`handles::ObjectHandleOnStack`]. Errors never unwind: a QCall body runs in
//! [`run`] (the BEGIN_QCALL/END_QCALL of CoreCLR), which records an error or
//! a caught panic for the runtime to raise as a managed exception after the
//! transition back.
//!
//! ```
//! use osprey_qcall::{run, QCallError, StringHandleOnStack, Utf16Ptr};
//!
//! /// `[DllImport("QCall", EntryPoint = "Demo_Reverse")]
//! ///  static extern int ReverseCore(string s, StringHandleOnStack result);`
//! /// Returns the string's length, or 0 (the fallback) after an error.
//! pub extern "C" fn reverse(s: Utf16Ptr, result: StringHandleOnStack) -> i32 {
//!     run(0, || {
//!         // SAFETY: called as a QCall: `s` is pinned for the call.
//!         let Some(units) = (unsafe { s.units() }) else {
//!             return Err(QCallError::argument_null("s"));
//!         };
//!         let reversed: Vec<u16> = units.iter().rev().copied().collect();
//!         result.set_utf16(&reversed)?;
//!         Ok(units.len() as i32)
//!     })
//! }
//! ```
//!
//! This crate sits above the kernel and below the VM: QCalls reach the OS
//! only through the kernel's ABI, and the runtime only through [`services`].

pub mod handles;
pub mod services;

mod bench;
mod console;
mod environment;
mod file;
mod isolation;
mod marshal;
mod os;
mod threading;
mod walkthrough;

use std::panic::{catch_unwind, AssertUnwindSafe};

pub use handles::{Bool, ObjectHandleOnStack, StringHandleOnStack, Utf16Ptr};
/// The managed exceptions a [`QCallError`] raises (defined by the binder,
/// shared with the VM).
pub use osprey_binder::ExceptionKind;
pub use threading::kernel_error;

/// An error a QCall reports; raised as a managed exception of its kind
/// after the QCall returns (or, for [`QCallErrorKind::ProcessStopping`],
/// not raised at all).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QCallError {
    /// Its message (`None`: the exception kind's default message).
    pub message: Option<String>,
    /// For argument exceptions: the name of the offending parameter, shown
    /// after the message as mono does (`\nParameter name: value`). The
    /// runtime appends it to the message; the exception's `ParamName`
    /// property stays null for now.
    pub param_name: Option<&'static str>,
    /// What the runtime does with the error.
    pub kind: QCallErrorKind,
}

/// What a [`QCallError`] asks the runtime to do.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum QCallErrorKind {
    /// Raise a managed exception of this kind.
    Exception(ExceptionKind),
    /// The process is being stopped (a kernel wait returned `Stopped`):
    /// abandon the thread's managed code, running no handlers, as at a
    /// safepoint after a stop (docs/kernel.md, "Stopping a process").
    ProcessStopping,
}

impl QCallError {
    /// The process is being stopped: the runtime abandons the thread's
    /// managed code instead of raising an exception.
    pub fn process_stopping() -> QCallError {
        QCallError {
            message: None,
            param_name: None,
            kind: QCallErrorKind::ProcessStopping,
        }
    }

    /// An exception of kind `exception` with `message`.
    pub fn new(exception: ExceptionKind, message: impl Into<String>) -> QCallError {
        QCallError {
            message: Some(message.into()),
            param_name: None,
            kind: QCallErrorKind::Exception(exception),
        }
    }

    /// An `ArgumentException` about parameter `param_name`.
    pub fn argument(param_name: &'static str, message: impl Into<String>) -> QCallError {
        QCallError {
            message: Some(message.into()),
            param_name: Some(param_name),
            kind: QCallErrorKind::Exception(ExceptionKind::Argument),
        }
    }

    /// An `ArgumentNullException` for parameter `param_name`.
    pub fn argument_null(param_name: &'static str) -> QCallError {
        QCallError {
            message: None,
            param_name: Some(param_name),
            kind: QCallErrorKind::Exception(ExceptionKind::ArgumentNull),
        }
    }

    /// An `ArgumentOutOfRangeException` about parameter `param_name`.
    pub fn argument_out_of_range(
        param_name: &'static str,
        message: impl Into<String>,
    ) -> QCallError {
        QCallError {
            message: Some(message.into()),
            param_name: Some(param_name),
            kind: QCallErrorKind::Exception(ExceptionKind::ArgumentOutOfRange),
        }
    }
}

/// Runs a QCall body (CoreCLR's BEGIN_QCALL/END_QCALL).
///
/// `fallback` is what the QCall returns to managed code when `body` fails
/// (an `Err`, or a Rust panic): a value of the QCall's return type (`()` for
/// `void`, `0`, [`Bool::FALSE`], ...). Managed code never sees it: the
/// failure is recorded through [`services::raise`], and the runtime raises it
/// as a managed exception as soon as the call returns (after the transition
/// back to cooperative mode), discarding the result. It only has to be a
/// valid value of the type. A panic becomes a
/// `System.Runtime.InteropServices.ExternalException` naming the panic
/// message. Nothing unwinds into JIT-compiled frames.
pub fn run<R>(fallback: R, body: impl FnOnce() -> Result<R, QCallError>) -> R {
    match catch_unwind(AssertUnwindSafe(body)) {
        Ok(Ok(r)) => r,
        Ok(Err(e)) => {
            services::raise(e);
            fallback
        }
        Err(panic) => {
            let what = panic
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| panic.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "a panic".into());
            services::raise(QCallError::new(
                ExceptionKind::External,
                format!("a QCall panicked: {what}"),
            ));
            fallback
        }
    }
}

/// One QCall registration: the `EntryPoint` name corelib uses and the Rust function.
pub struct QCallEntry {
    /// The `EntryPoint` of the `[DllImport("QCall")]`.
    pub name: &'static str,
    /// The `extern "C"` function.
    pub address: *const (),
}

// SAFETY: the table is immutable and holds only code addresses.
unsafe impl Sync for QCallEntry {}

/// Every QCall, one line each.
pub static ENTRIES: &[QCallEntry] = &[
    QCallEntry {
        name: "Environment_GetEnvironmentVariable",
        address: environment::get_environment_variable as *const (),
    },
    QCallEntry {
        name: "Environment_GetEnvironmentVariables",
        address: environment::get_environment_variables as *const (),
    },
    QCallEntry {
        name: "Environment_GetCommandLine",
        address: environment::get_command_line as *const (),
    },
    QCallEntry {
        name: "Environment_GetMachineName",
        address: environment::get_machine_name as *const (),
    },
    QCallEntry {
        name: "Environment_GetOsVersion",
        address: environment::get_os_version as *const (),
    },
    QCallEntry {
        name: "Environment_GetUtcTime",
        address: environment::get_utc_time as *const (),
    },
    QCallEntry {
        name: "Environment_GetUtcOffset",
        address: environment::get_utc_offset as *const (),
    },
    QCallEntry {
        name: "Console_Read",
        address: console::read as *const (),
    },
    QCallEntry {
        name: "File_Open",
        address: file::open as *const (),
    },
    QCallEntry {
        name: "File_Read",
        address: file::read as *const (),
    },
    QCallEntry {
        name: "File_Write",
        address: file::write as *const (),
    },
    QCallEntry {
        name: "File_Seek",
        address: file::seek as *const (),
    },
    QCallEntry {
        name: "File_GetLength",
        address: file::get_length as *const (),
    },
    QCallEntry {
        name: "File_SetLength",
        address: file::set_length as *const (),
    },
    QCallEntry {
        name: "File_Close",
        address: file::close as *const (),
    },
    QCallEntry {
        name: "File_GetPathKind",
        address: file::get_path_kind as *const (),
    },
    QCallEntry {
        name: "File_DeleteFile",
        address: file::delete_file as *const (),
    },
    QCallEntry {
        name: "File_CreateDirectory",
        address: file::create_directory as *const (),
    },
    QCallEntry {
        name: "File_DeleteDirectory",
        address: file::delete_directory as *const (),
    },
    QCallEntry {
        name: "File_ListDirectory",
        address: file::list_directory as *const (),
    },
    QCallEntry {
        name: "Marshal_AllocHGlobal",
        address: marshal::alloc_hglobal as *const (),
    },
    QCallEntry {
        name: "Marshal_ReAllocHGlobal",
        address: marshal::realloc_hglobal as *const (),
    },
    QCallEntry {
        name: "Marshal_FreeHGlobal",
        address: marshal::free_hglobal as *const (),
    },
    QCallEntry {
        name: "StubHelpers_StringToUtf8",
        address: marshal::string_to_utf8 as *const (),
    },
    QCallEntry {
        name: "StubHelpers_Utf8Length",
        address: marshal::utf8_length as *const (),
    },
    QCallEntry {
        name: "StubHelpers_PtrToStringUtf8",
        address: marshal::ptr_to_string_utf8 as *const (),
    },
    QCallEntry {
        name: "Thread_Sleep",
        address: threading::sleep as *const (),
    },
    QCallEntry {
        name: "Thread_Yield",
        address: threading::yield_now as *const (),
    },
    QCallEntry {
        name: "WaitHandle_WaitAny",
        address: threading::wait_any as *const (),
    },
    QCallEntry {
        name: "WaitHandle_WaitAll",
        address: threading::wait_all as *const (),
    },
    QCallEntry {
        name: "WaitHandle_Close",
        address: threading::close as *const (),
    },
    QCallEntry {
        name: "Event_Create",
        address: threading::event_create as *const (),
    },
    QCallEntry {
        name: "Event_Set",
        address: threading::event_set as *const (),
    },
    QCallEntry {
        name: "Event_Reset",
        address: threading::event_reset as *const (),
    },
    QCallEntry {
        name: "Mutex_Create",
        address: threading::mutex_create as *const (),
    },
    QCallEntry {
        name: "Mutex_Release",
        address: threading::mutex_release as *const (),
    },
    QCallEntry {
        name: "Semaphore_Create",
        address: threading::semaphore_create as *const (),
    },
    QCallEntry {
        name: "Semaphore_Release",
        address: threading::semaphore_release as *const (),
    },
    QCallEntry {
        name: "Environment_GetProcessorCount",
        address: threading::processor_count as *const (),
    },
    QCallEntry {
        name: "Environment_Exit",
        address: threading::exit as *const (),
    },
    QCallEntry {
        name: "Channel_Create",
        address: isolation::channel_create as *const (),
    },
    QCallEntry {
        name: "Endpoint_Send",
        address: isolation::endpoint_send as *const (),
    },
    QCallEntry {
        name: "Endpoint_SendEndpoint",
        address: isolation::endpoint_send_endpoint as *const (),
    },
    QCallEntry {
        name: "Endpoint_Receive",
        address: isolation::endpoint_receive as *const (),
    },
    QCallEntry {
        name: "Endpoint_Close",
        address: isolation::endpoint_close as *const (),
    },
    QCallEntry {
        name: "Endpoint_PeerProcessId",
        address: isolation::endpoint_peer_process_id as *const (),
    },
    QCallEntry {
        name: "Block_Allocate",
        address: isolation::block_allocate as *const (),
    },
    QCallEntry {
        name: "Block_Free",
        address: isolation::block_free as *const (),
    },
    QCallEntry {
        name: "Block_Size",
        address: isolation::block_size as *const (),
    },
    QCallEntry {
        name: "Block_Write",
        address: isolation::block_write as *const (),
    },
    QCallEntry {
        name: "Block_Read",
        address: isolation::block_read as *const (),
    },
    QCallEntry {
        name: "Block_Split",
        address: isolation::block_split as *const (),
    },
    QCallEntry {
        name: "Block_Share",
        address: isolation::block_share as *const (),
    },
    QCallEntry {
        name: "Block_GetData",
        address: isolation::block_get_data as *const (),
    },
    QCallEntry {
        name: "Process_Create",
        address: isolation::process_create as *const (),
    },
    QCallEntry {
        name: "Process_Start",
        address: isolation::process_start as *const (),
    },
    QCallEntry {
        name: "Process_Wait",
        address: isolation::process_wait as *const (),
    },
    QCallEntry {
        name: "Process_ExitCode",
        address: isolation::process_exit_code as *const (),
    },
    QCallEntry {
        name: "Process_Terminate",
        address: isolation::process_terminate as *const (),
    },
    QCallEntry {
        name: "Process_Id",
        address: isolation::process_id as *const (),
    },
    QCallEntry {
        name: "Process_Dispose",
        address: isolation::process_dispose as *const (),
    },
    QCallEntry {
        name: "Process_StartupEndpoint",
        address: isolation::process_startup_endpoint as *const (),
    },
    QCallEntry {
        name: "Process_StartupEndpointCount",
        address: isolation::process_startup_endpoint_count as *const (),
    },
    QCallEntry {
        name: "Process_CurrentId",
        address: isolation::process_current_id as *const (),
    },
    QCallEntry {
        name: "Kernel_Counters",
        address: isolation::kernel_counters as *const (),
    },
    QCallEntry {
        name: "TransitionProbe_QCallNop",
        address: bench::qcall_nop as *const (),
    },
    QCallEntry {
        name: "TransitionProbe_QCallRaise",
        address: bench::qcall_raise as *const (),
    },
    QCallEntry {
        name: "TransitionProbe_QCallPanic",
        address: bench::qcall_panic as *const (),
    },
    QCallEntry {
        name: "TransitionProbe_QCallEcho",
        address: bench::qcall_echo as *const (),
    },
    QCallEntry {
        name: "TransitionProbe_QCallRaiseKind",
        address: bench::qcall_raise_kind as *const (),
    },
    QCallEntry {
        name: "TransitionProbe_QCallIsEven",
        address: bench::qcall_is_even as *const (),
    },
    QCallEntry {
        name: "Walkthrough_Repeat",
        address: walkthrough::repeat as *const (),
    },
];

/// The function registered under `name`.
pub fn lookup(name: &str) -> Option<usize> {
    ENTRIES
        .iter()
        .find(|e| e.name == name)
        .map(|e| e.address as usize)
}
