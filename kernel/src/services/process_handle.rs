//! `ProcessHandle`: child processes, named by handles in the calling
//! process's handle table.
//!
//! A process creates a child with `Create` (which puts a handle in its own
//! table), starts it with `Start`, and may `Join` it or read its exit code and
//! id. A handle value means something only in the process that holds it: every
//! entry resolves it in the calling process's table, so a value from another
//! process gets `InvalidHandle`.
//!
//! A child shares its parent's console sink (so a captured parent also
//! captures its children's output) and has its own pages, handles and
//! arguments. Children outlive their handles: disposing a handle (or the
//! parent ending) detaches a running child. Only an unstarted child is
//! dropped with its handle; it never runs.
//!
//! Singularity's `ProcessHandle.Terminate` is not in v1: it would change the
//! state of another process.

use core::ffi::c_void;
use std::sync::Arc;

use super::{check_out, guard, utf8, write_out};
use crate::handles::{release_objects, KernelObject, Kind};
use crate::host::DEFAULT_STACK_SIZE;
use crate::process::{self, Process, Spec};
use crate::{Handle, KernelError, ProcessEntry, ProcessId, Status, StrRef};

/// The entry context, moved to the child's thread.
struct Context(*mut c_void);

// SAFETY: `Create`'s contract requires `context` to be usable from the new
// process's thread; the kernel only hands it back to `entry`, never
// dereferences it.
unsafe impl Send for Context {}

fn kernel_error_status(e: KernelError) -> Status {
    match e {
        KernelError::Status(s) => s,
        KernelError::ProcessIdsExhausted => Status::OutOfMemory,
        KernelError::ThreadSpawn(_) => Status::OsError,
        KernelError::InvalidConfig(_) => Status::InvalidArgument,
        _ => Status::InvalidState,
    }
}

/// `ProcessHandle::Create`: creates a child process, not yet running, and
/// stores a handle to it (in the calling process's table) in `*out_handle`.
///
/// - `name_ptr`/`name_len`: the child's name (UTF-8), for diagnostics.
/// - `args`/`arg_count`: its startup arguments, an array of UTF-8 strings.
/// - `stack_size`: its thread's stack size in bytes; 0 means 16 MiB.
/// - `entry(context)`: runs on the child's thread once started; its result is
///   the child's exit code unless the child calls `Terminate` first.
///
/// The strings are copied; the caller may free them when this returns.
///
/// Returns `Ok`, `InvalidArgument` (null `entry`, null pointers with non-zero
/// lengths, null/misaligned `out_handle`), `InvalidUtf8`, `NoProcess`,
/// `OutOfMemory` (ids or handle values exhausted).
///
/// # Safety
/// The pointers must be valid for their lengths; each [`StrRef`] must point
/// to `len` readable bytes. `entry` must be safe to call with `context` on
/// another thread, at any later time, at most once (never, if the handle is
/// disposed before `Start`).
#[allow(clippy::too_many_arguments)]
pub unsafe extern "C" fn create(
    name_ptr: *const u8,
    name_len: usize,
    args: *const StrRef,
    arg_count: usize,
    stack_size: usize,
    entry: Option<ProcessEntry>,
    context: *mut c_void,
    out_handle: *mut Handle,
) -> Status {
    guard(|| {
        check_out(out_handle)?;
        let entry = entry.ok_or(Status::InvalidArgument)?;
        // SAFETY: forwarded caller contract.
        let name = unsafe { utf8(name_ptr, name_len)? }.to_owned();
        let refs: &[StrRef] = if arg_count == 0 {
            &[]
        } else {
            if args.is_null() || !args.is_aligned() {
                return Err(Status::InvalidArgument);
            }
            // SAFETY: non-null, aligned, and valid for `arg_count` elements
            // by the caller's contract.
            unsafe { core::slice::from_raw_parts(args, arg_count) }
        };
        let mut owned = Vec::new();
        owned
            .try_reserve_exact(refs.len())
            .map_err(|_| Status::OutOfMemory)?;
        for r in refs {
            // SAFETY: each StrRef is valid for `len` bytes by the contract.
            owned.push(unsafe { utf8(r.ptr, r.len)? }.to_owned());
        }
        let parent = process::current_or_status()?;
        let spec = Spec {
            name,
            args: owned,
            console: Arc::clone(parent.console()),
            stack_size: if stack_size == 0 {
                DEFAULT_STACK_SIZE
            } else {
                stack_size
            },
            // A child can do no more than its parent.
            file_access: parent.file_access(),
        };
        let context = Context(context);
        let main = Box::new(move || {
            let context = context;
            // SAFETY: `Create`'s contract: `entry` may be called once with
            // `context` on this thread.
            unsafe { entry(context.0) }
        });
        let child = Process::create(spec, main).map_err(kernel_error_status)?;
        let inserted = parent.with_handles(|t| t.insert(KernelObject::Process(Arc::clone(&child))));
        match inserted {
            Ok(handle) => {
                // SAFETY: checked above; writable by the caller's contract.
                unsafe { write_out(out_handle, handle) }
            }
            Err(status) => {
                child.handle_released();
                Err(status)
            }
        }
    })
}

fn child(handle: Handle) -> Result<Arc<Process>, Status> {
    process::current_or_status()?.with_handles(|t| t.process(handle))
}

/// `ProcessHandle::Start`: starts a created child on its own OS thread.
///
/// Returns `Ok`, `NoProcess`, `InvalidHandle`, `InvalidState` (already
/// started), `OsError` (the OS refused the thread; the child is dropped and
/// the handle stays valid only for `Dispose`).
pub extern "C" fn start(handle: Handle) -> Status {
    guard(|| child(handle)?.start().map_err(kernel_error_status))
}

/// `ProcessHandle::Join`: blocks until the child has ended and stores its
/// exit code in `*out_exit_code`.
///
/// Returns `Ok`, `InvalidArgument` (null/misaligned `out_exit_code`),
/// `NoProcess`, `InvalidHandle`, `InvalidState` (never started).
///
/// # Safety
/// `out_exit_code` must be valid for a write of an `i32`.
pub unsafe extern "C" fn join(handle: Handle, out_exit_code: *mut i32) -> Status {
    guard(|| {
        check_out(out_exit_code)?;
        let record = child(handle)?.wait()?;
        // SAFETY: checked above; writable by the caller's contract.
        unsafe { write_out(out_exit_code, record.exit_code) }
    })
}

/// `ProcessHandle::GetExitCode`: stores the child's exit code in
/// `*out_exit_code` if it has ended; does not block.
///
/// Returns `Ok`, `StillRunning`, `InvalidArgument`, `NoProcess`,
/// `InvalidHandle`, `InvalidState` (never started).
///
/// # Safety
/// `out_exit_code` must be valid for a write of an `i32`.
pub unsafe extern "C" fn get_exit_code(handle: Handle, out_exit_code: *mut i32) -> Status {
    guard(|| {
        check_out(out_exit_code)?;
        let record = child(handle)?.try_exit()?;
        // SAFETY: checked above; writable by the caller's contract.
        unsafe { write_out(out_exit_code, record.exit_code) }
    })
}

/// `ProcessHandle::GetProcessId`: stores the child's process id in `*out_id`.
///
/// Returns `Ok`, `InvalidArgument`, `NoProcess`, `InvalidHandle`.
///
/// # Safety
/// `out_id` must be valid for a write of a [`ProcessId`].
pub unsafe extern "C" fn get_process_id(handle: Handle, out_id: *mut ProcessId) -> Status {
    guard(|| {
        check_out(out_id)?;
        let id = child(handle)?.id();
        // SAFETY: checked above; writable by the caller's contract.
        unsafe { write_out(out_id, id) }
    })
}

/// `ProcessHandle::Dispose`: removes the handle from the calling process's
/// table. A running child keeps running; an unstarted one is dropped.
///
/// Returns `Ok`, `NoProcess`, `InvalidHandle`.
pub extern "C" fn dispose(handle: Handle) -> Status {
    guard(|| {
        let object =
            process::current_or_status()?.with_handles(|t| t.remove(handle, Kind::Process))?;
        release_objects([object]);
        Ok(())
    })
}
