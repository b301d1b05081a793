//! `ThreadHandle` (ABI v2): more threads in the calling process.
//!
//! `Create` makes a new thread *in the calling process* and starts it at
//! once (Singularity's `Create` and `Start` in one step): an OS thread bound
//! to the caller's process, so every kernel entry it calls acts on that
//! process (`GetCurrentProcessId` returns the creator's id, and the pages it
//! allocates are counted to the process). It runs `entry(context)`; the
//! value it returns is the thread's exit code, which `Join` delivers. The
//! handle goes in the caller's handle table, and like every handle it means
//! nothing in another process (`InvalidHandle`). Disposing it detaches the
//! thread, which keeps running.
//!
//! A process does not end while it has threads. Once its `main` has
//! returned, `Create` fails with `InvalidState` and the kernel waits for
//! every thread of the process to return before it unmaps the process's
//! pages and releases its handles (see `docs/kernel.md`, "Threads"). A
//! runtime must therefore stop its background threads (a finalizer thread,
//! say) before it returns from `main`.
//!
//! As with `ProcessHandle`, no entry here acts on another process's
//! threads, and there is no `Terminate`: a thread ends by returning from its
//! entry.

use core::ffi::c_void;

use super::{check_out, guard, guard_value, write_out};
use crate::handles::{release_objects, KernelObject, Kind};
use crate::host::DEFAULT_STACK_SIZE;
use crate::thread::{Thread, MAX_STACK_SIZE};
use crate::{process, wait, Handle, Status, ThreadEntry, ThreadId};

/// The entry context, moved to the new thread.
struct Context(*mut c_void);

// SAFETY: `Create`'s contract requires `context` to be usable from the new
// thread; the kernel only hands it back to `entry`, never dereferences it.
unsafe impl Send for Context {}

/// `ThreadHandle::Create`: creates a thread in the calling process, starts
/// it running `entry(context)`, and stores a handle to it (in the calling
/// process's table) in `*out_handle`.
///
/// - `stack_size`: the thread's stack in bytes; 0 means 16 MiB (as for a
///   process); at most 4 GiB.
/// - `entry(context)` runs once on the new thread, bound to the calling
///   process; its result is the thread's exit code.
///
/// `entry` runs if and only if this returns `Ok`.
///
/// Returns `Ok`, `InvalidArgument` (null `entry`, null/misaligned
/// `out_handle`, `stack_size` above 4 GiB), `NoProcess`, `InvalidState`
/// (the process is ending: its `main` has returned), `OutOfMemory` (the OS
/// refused the thread for lack of resources, or thread ids or handle values
/// are exhausted), `OsError` (the OS refused the thread otherwise).
///
/// # Safety
/// `out_handle` must be valid for a write of a [`Handle`]. `entry` must be
/// safe to call with `context` on another thread, once, at any time after
/// this call, and must not unwind.
pub unsafe extern "C" fn create(
    entry: Option<ThreadEntry>,
    context: *mut c_void,
    stack_size: usize,
    out_handle: *mut Handle,
) -> Status {
    guard(|| {
        check_out(out_handle)?;
        let entry = entry.ok_or(Status::InvalidArgument)?;
        if stack_size > MAX_STACK_SIZE {
            return Err(Status::InvalidArgument);
        }
        let stack_size = if stack_size == 0 {
            DEFAULT_STACK_SIZE
        } else {
            stack_size
        };
        let owner = process::current_or_status()?;
        let thread = Thread::new()?;
        // The handle is entered first: once the thread runs, `Create` must
        // succeed (the entry runs only on `Ok`).
        let handle = owner
            .with_handles(|t| t.insert(KernelObject::Thread(std::sync::Arc::clone(&thread))))?;
        let context = Context(context);
        let body = Box::new(move || {
            let context = context;
            // SAFETY: `Create`'s contract: `entry` may be called once with
            // `context` on this thread.
            unsafe { entry(context.0) }
        });
        if let Err(status) = thread.start(&owner, stack_size, body) {
            let removed = owner.with_handles(|t| t.remove(handle, Kind::Thread));
            release_objects(removed.ok());
            return Err(status);
        }
        // SAFETY: checked above; writable by the caller's contract.
        unsafe { write_out(out_handle, handle) }
    })
}

fn thread(handle: Handle) -> Result<std::sync::Arc<Thread>, Status> {
    process::current_or_status()?.with_handles(|t| t.thread(handle))
}

/// `ThreadHandle::Join`: waits until the thread's entry has returned, at
/// most `timeout_ns` nanoseconds (`u64::MAX`: no limit; 0: do not block),
/// and stores its exit code in `*out_exit_code`. A thread that has ended
/// can be joined any number of times. The entry cannot unwind (see
/// [`ThreadEntry`]); should the kernel's own frames around it panic, the
/// thread ends with exit code 101 ([`crate::EXIT_CODE_PANIC`]) and its
/// process carries on.
///
/// Returns `Ok`, `TimedOut` (still running; nothing written),
/// `InvalidArgument` (null/misaligned `out_exit_code`), `NoProcess`,
/// `InvalidHandle` (not a thread handle of the calling process),
/// `InvalidState` (the handle names the calling thread).
///
/// # Safety
/// `out_exit_code` must be valid for a write of an `i32`.
pub unsafe extern "C" fn join(handle: Handle, timeout_ns: u64, out_exit_code: *mut i32) -> Status {
    guard(|| {
        check_out(out_exit_code)?;
        let deadline = wait::deadline(timeout_ns);
        let exit_code = thread(handle)?.join(deadline)?;
        // SAFETY: checked above; writable by the caller's contract.
        unsafe { write_out(out_exit_code, exit_code) }
    })
}

/// `ThreadHandle::GetThreadId`: stores the thread's kernel id in `*out_id`.
///
/// Returns `Ok`, `InvalidArgument`, `NoProcess`, `InvalidHandle`.
///
/// # Safety
/// `out_id` must be valid for a write of a [`ThreadId`].
pub unsafe extern "C" fn get_thread_id(handle: Handle, out_id: *mut ThreadId) -> Status {
    guard(|| {
        check_out(out_id)?;
        let id = thread(handle)?.id();
        // SAFETY: checked above; writable by the caller's contract.
        unsafe { write_out(out_id, id) }
    })
}

/// `ThreadHandle::GetCurrentThreadId`: the calling thread's kernel id (a
/// process's main thread has one too), or [`ThreadId::NONE`] (0) on a
/// thread bound to no process.
pub extern "C" fn get_current_thread_id() -> ThreadId {
    guard_value(ThreadId::NONE, process::current_thread_id)
}

/// `ThreadHandle::Dispose`: removes the handle from the calling process's
/// table. The thread is detached: it keeps running, and the process still
/// waits for it before ending.
///
/// Returns `Ok`, `NoProcess`, `InvalidHandle` (not a thread handle of the
/// calling process).
pub extern "C" fn dispose(handle: Handle) -> Status {
    guard(|| {
        let object =
            process::current_or_status()?.with_handles(|t| t.remove(handle, Kind::Thread))?;
        release_objects([object]);
        Ok(())
    })
}

/// `ThreadHandle::AttachCurrent` (ABI v3): binds the calling OS thread,
/// one the kernel did not create (a thread a C library started) and which
/// is bound to no process, to the process whose attach token is `token`
/// (`ProcessService::GetAttachToken`), as a new kernel thread; stores its
/// id in `*out_id`. From then on the thread's kernel calls act on that
/// process. The process does not wait for an attached thread when it ends;
/// the thread should detach ([`detach_current`]) before it exits, and is
/// unbound when it exits in any case.
///
/// Returns `Ok`, `InvalidArgument` (null/misaligned `out_id`),
/// `InvalidState` (the thread is already bound to a process), `NotFound`
/// (no running process has that token, or it is ending), `OutOfMemory`
/// (thread ids exhausted).
///
/// # Safety
/// `out_id` must be valid for a write of a [`ThreadId`].
pub unsafe extern "C" fn attach_current(token: u64, out_id: *mut ThreadId) -> Status {
    guard(|| {
        check_out(out_id)?;
        let id = process::attach_current(token)?;
        // SAFETY: checked above; writable by the caller's contract.
        unsafe { write_out(out_id, id) }
    })
}

/// `ThreadHandle::DetachCurrent` (ABI v3): unbinds a thread bound with
/// [`attach_current`].
///
/// Returns `Ok`, `InvalidState` (the thread was not attached that way:
/// the kernel created it, or it is bound to no process).
pub extern "C" fn detach_current() -> Status {
    guard(process::detach_current)
}

/// `ThreadHandle::Sleep` (ABI v4): blocks the calling thread for
/// `timeout_ns` nanoseconds (`u64::MAX`: until the process is stopped; 0:
/// returns at once). Interruptible like every v4 wait.
///
/// Returns `Ok` (the time passed), `Stopped` (the process is being
/// stopped), `NoProcess`.
pub extern "C" fn sleep(timeout_ns: u64) -> Status {
    guard(|| {
        let me = process::current_or_status()?;
        if timeout_ns == 0 {
            return if me.waits().is_stopping() {
                Err(Status::Stopped)
            } else {
                Ok(())
            };
        }
        match crate::sync::wait_any(
            &[],
            wait::deadline(timeout_ns),
            crate::sync::Interrupt::By(me.waits()),
            process::current_thread_id(),
        ) {
            Err(Status::TimedOut) => Ok(()),
            Err(s) => Err(s),
            Ok(_) => Ok(()),
        }
    })
}

/// `ThreadHandle::Yield` (ABI v4): offers the processor to another ready
/// thread (`sched_yield`). Works with no process.
pub extern "C" fn yield_now() -> Status {
    guard(|| {
        std::thread::yield_now();
        Ok(())
    })
}
