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
//! Singularity's `ProcessHandle.Terminate` is not in v1 or v2: it changes
//! the state of another process. ABI v4 adds it, for a child only, through
//! the handle its creator holds, together with `CreateFromImage` (a child
//! running its own runtime instance from a program image).

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
        // SAFETY: forwarded caller contract.
        let owned = unsafe { string_array(args, arg_count)? };
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
            startup_endpoints: Vec::new(),
        };
        let context = Context(context);
        let main = Box::new(move || {
            let context = context;
            // SAFETY: `Create`'s contract: `entry` may be called once with
            // `context` on this thread.
            unsafe { entry(context.0) }
        });
        let child = Process::create(spec, main).map_err(kernel_error_status)?;
        // SAFETY: checked above; writable by the caller's contract.
        unsafe { hand_to_parent(&parent, child, out_handle) }
    })
}

/// Enters a created child in its parent's table and stores the handle; a
/// child that gets no handle is dropped (it never runs).
///
/// # Safety
/// `out_handle` must be checked (`check_out`) and writable.
unsafe fn hand_to_parent(
    parent: &Process,
    child: Arc<Process>,
    out_handle: *mut Handle,
) -> Result<(), Status> {
    match parent.with_handles(|t| t.insert(KernelObject::Process(Arc::clone(&child)))) {
        // SAFETY: the caller's contract.
        Ok(handle) => unsafe { write_out(out_handle, handle) },
        Err(status) => {
            child.handle_released();
            Err(status)
        }
    }
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

/// `ProcessHandle::CreateFromImage` (ABI v4): creates a child process, not
/// yet running, from a program image described by `*spec`
/// ([`crate::ChildSpec`]), and stores its handle in `*out_handle`. The
/// child runs its own runtime instance (the host's image runner, installed
/// with `host::set_image_runner`) with the given settings, startup
/// arguments and startup endpoints.
///
/// - The image is read from `spec.path` by the kernel, or copied from
///   `spec.image` when the path is empty.
/// - The `spec.endpoints` handles leave the caller's table (all of them, or
///   none if any is invalid) and become the child's startup endpoints
///   (`ProcessService::GetStartupEndpoint`): the child reaches nothing else.
/// - `spec.collector`, `spec.heap_limit`, `spec.abi_version` and the
///   `CHILD_UNTRUSTED` flag are handed to the runner as the child runtime's
///   settings.
///
/// Returns `Ok`, `InvalidArgument` (wrong `spec.size`, unknown flags or
/// collector, an ABI version this kernel does not export, both or neither
/// of path and image, null pointers, a repeated endpoint handle),
/// `InvalidUtf8`, `NotFound` (no image runner is installed, or no file at
/// the path), `OsError` (the file could not be read), `NoProcess`,
/// `InvalidHandle` (an endpoint handle that is not one of the caller's),
/// `OutOfMemory`.
///
/// # Safety
/// `spec` must be valid for a read of a [`crate::ChildSpec`], and every
/// pointer in it valid for its length.
pub unsafe extern "C" fn create_from_image(
    spec: *const crate::ChildSpec,
    out_handle: *mut Handle,
) -> Status {
    guard(|| {
        check_out(out_handle)?;
        if spec.is_null() || !spec.is_aligned() {
            return Err(Status::InvalidArgument);
        }
        // SAFETY: non-null, aligned, readable by the caller's contract.
        let spec = unsafe { &*spec };
        if spec.size as usize != core::mem::size_of::<crate::ChildSpec>()
            || spec.flags & !crate::CHILD_UNTRUSTED != 0
            || spec.collector > crate::collector::MARK_SWEEP
        {
            return Err(Status::InvalidArgument);
        }
        let abi_version = match spec.abi_version {
            0 => crate::ABI_VERSION_LATEST,
            v if crate::resolve(v).is_ok() => v,
            _ => return Err(Status::InvalidArgument),
        };
        let stack_size = usize::try_from(spec.stack_size).map_err(|_| Status::InvalidArgument)?;
        if stack_size > crate::thread::MAX_STACK_SIZE {
            return Err(Status::InvalidArgument);
        }
        // SAFETY: forwarded contract (each StrRef/BytesRef valid).
        let (name, path) = unsafe {
            (
                utf8(spec.name.ptr, spec.name.len)?.to_owned(),
                utf8(spec.path.ptr, spec.path.len)?.to_owned(),
            )
        };
        // SAFETY: as above.
        let image = unsafe { super::bytes(spec.image.ptr, spec.image.len)? };
        let bytes = match (path.is_empty(), image.is_empty()) {
            (false, true) => std::fs::read(&path).map_err(|e| match e.kind() {
                std::io::ErrorKind::NotFound => Status::NotFound,
                std::io::ErrorKind::OutOfMemory => Status::OutOfMemory,
                _ => Status::OsError,
            })?,
            (true, false) => image.to_vec(),
            _ => return Err(Status::InvalidArgument),
        };
        // SAFETY: forwarded contract.
        let args = unsafe { string_array(spec.args, spec.arg_count)? };
        let endpoint_handles: &[Handle] = if spec.endpoint_count == 0 {
            &[]
        } else {
            if spec.endpoints.is_null() || !spec.endpoints.is_aligned() {
                return Err(Status::InvalidArgument);
            }
            // SAFETY: non-null, aligned, valid for `endpoint_count` reads.
            unsafe { core::slice::from_raw_parts(spec.endpoints, spec.endpoint_count) }
        };
        let runner = crate::host::image_runner().ok_or(Status::NotFound)?;
        let parent = process::current_or_status()?;
        // Take the endpoints: all or none.
        let endpoints = parent.with_handles(|t| {
            let mut seen = std::collections::BTreeSet::new();
            for h in endpoint_handles {
                t.endpoint(*h)?;
                if !seen.insert(h.0) {
                    return Err(Status::InvalidArgument);
                }
            }
            let mut taken = Vec::with_capacity(endpoint_handles.len());
            for h in endpoint_handles {
                if let Ok(KernelObject::Endpoint(e)) = t.remove(*h, Kind::Endpoint) {
                    taken.push(e);
                }
            }
            Ok(taken)
        })?;
        let settings = crate::host::ImageSettings {
            collector: spec.collector,
            heap_limit: spec.heap_limit,
            abi_version,
            untrusted: spec.flags & crate::CHILD_UNTRUSTED != 0,
        };
        let image = crate::host::ProcessImage {
            name: name.clone(),
            bytes,
            settings,
        };
        let spec = Spec {
            name,
            args,
            console: Arc::clone(parent.console()),
            stack_size: if stack_size == 0 {
                DEFAULT_STACK_SIZE
            } else {
                stack_size
            },
            // A child can do no more than its parent.
            file_access: parent.file_access(),
            startup_endpoints: endpoints,
        };
        let main = Box::new(move || runner(image));
        let child = Process::create(spec, main).map_err(kernel_error_status)?;
        // SAFETY: checked above; writable by the caller's contract.
        unsafe { hand_to_parent(&parent, child, out_handle) }
    })
}

/// Copies an array of `count` [`StrRef`]s into owned strings.
///
/// # Safety
/// `ptr` must be valid for `count` reads, each `StrRef` for its length.
unsafe fn string_array(ptr: *const StrRef, count: usize) -> Result<Vec<String>, Status> {
    if count == 0 {
        return Ok(Vec::new());
    }
    if ptr.is_null() || !ptr.is_aligned() {
        return Err(Status::InvalidArgument);
    }
    // SAFETY: non-null, aligned, valid for `count` elements by contract.
    let refs = unsafe { core::slice::from_raw_parts(ptr, count) };
    let mut owned = Vec::new();
    owned
        .try_reserve_exact(refs.len())
        .map_err(|_| Status::OutOfMemory)?;
    for r in refs {
        // SAFETY: each StrRef is valid for `len` bytes by the contract.
        owned.push(unsafe { utf8(r.ptr, r.len)? }.to_owned());
    }
    Ok(owned)
}

/// `ProcessHandle::Terminate` (ABI v4): stops the child named by the
/// handle, as if it had called `ProcessService::Stop(exit_code)`: its
/// threads leave their managed code at their next safepoint, transition or
/// wait, and the kernel reclaims everything it held when it has ended
/// (pages, handles, exchange-heap blocks, endpoints: the peers see their
/// channels closed). Returns at once; wait on the handle (or `Join`) for
/// the end. This is the one entry that changes another process's state,
/// and only a child's, through the handle its creator holds. If the child
/// already recorded an exit code (it is ending), that code stands.
///
/// Returns `Ok`, `InvalidState` (not running: never started, or already
/// ended), `NoProcess`, `InvalidHandle`.
pub extern "C" fn terminate(handle: Handle, exit_code: i32) -> Status {
    guard(|| {
        let c = child(handle)?;
        if !c.is_running() {
            return Err(Status::InvalidState);
        }
        c.stop(exit_code);
        Ok(())
    })
}
