//! A safe client of the ABI v5 table: what the VM and QCalls use to reach
//! the operating system.
//!
//! [`Os`] resolves the table (by version, as a process does at load time)
//! and wraps each entry in a safe method that turns status codes into
//! [`OsError`]s. Everything here acts on the calling thread's kernel
//! process. The wrappers call through the resolved table, never the entry
//! functions directly, so a process only ever uses the ABI it resolved.

use crate::{stream, AbiV1, AbiV2, AbiV3, AbiV4, AbiV5, Handle, Protection, Status};

/// The resolved kernel ABI.
#[derive(Copy, Clone)]
pub struct Os {
    abi: &'static AbiV1,
    v2: &'static AbiV2,
    v3: &'static AbiV3,
    v4: &'static AbiV4,
    v5: &'static AbiV5,
}

/// A failed kernel call.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct OsError {
    /// Which call failed.
    pub call: &'static str,
    /// The kernel's status code.
    pub status: Status,
}

impl std::fmt::Display for OsError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "kernel call {} failed: {}",
            self.call,
            self.status.description()
        )
    }
}

impl std::error::Error for OsError {}

fn check(call: &'static str, status: Status) -> Result<(), OsError> {
    if status == Status::Ok {
        Ok(())
    } else {
        Err(OsError { call, status })
    }
}

impl Os {
    /// Resolves ABI v5. Fails only if the kernel does not offer v5.
    pub fn resolve() -> Result<Os, crate::AbiError> {
        let v5 = crate::resolve_v5()?;
        Ok(Os {
            abi: &v5.v4.v3.v2.v1,
            v2: &v5.v4.v3.v2,
            v3: &v5.v4.v3,
            v4: &v5.v4,
            v5,
        })
    }

    /// Registers `handler` for hardware faults on the calling thread (or
    /// removes the registration with `None`); see
    /// `services::fault_service`.
    ///
    /// # Safety
    /// As for `fault_service::set_thread_fault_handler`: the handler must be
    /// async-signal-safe and `user` valid while it is registered.
    pub unsafe fn set_thread_fault_handler(
        &self,
        handler: Option<crate::services::fault_service::FaultHandler>,
        user: *mut std::ffi::c_void,
    ) -> Result<(), OsError> {
        // SAFETY: forwarded contract.
        let status = unsafe { (self.v2.fault_service_set_thread_fault_handler)(handler, user) };
        check("FaultService::SetThreadFaultHandler", status)
    }

    /// The calling thread's stack: (lowest address, one past the highest).
    pub fn stack_bounds(&self) -> Result<(usize, usize), OsError> {
        let (mut low, mut high) = (0usize, 0usize);
        // SAFETY: both out-pointers are valid, aligned locals.
        let status = unsafe { (self.v2.stack_service_get_stack_bounds)(&mut low, &mut high) };
        check("StackService::GetStackBounds", status)?;
        Ok((low, high))
    }

    /// Writes UTF-8 bytes to the process's stdout (`stream::STDOUT`) or stderr.
    pub fn console_write(&self, stream: u32, bytes: &[u8]) -> Result<(), OsError> {
        // SAFETY: the pointer and length describe a live slice.
        let status =
            unsafe { (self.abi.console_service_write)(stream, bytes.as_ptr(), bytes.len()) };
        check("ConsoleService.Write", status)
    }

    /// Writes to stdout.
    pub fn stdout(&self, text: &str) -> Result<(), OsError> {
        self.console_write(stream::STDOUT, text.as_bytes())
    }

    /// Writes to stderr.
    pub fn stderr(&self, text: &str) -> Result<(), OsError> {
        self.console_write(stream::STDERR, text.as_bytes())
    }

    /// Flushes the process's console buffers.
    pub fn console_flush(&self) -> Result<(), OsError> {
        // SAFETY: no arguments.
        let status = unsafe { (self.abi.console_service_flush)() };
        check("ConsoleService.Flush", status)
    }

    /// The processor's cycle counter.
    pub fn cycle_count(&self) -> u64 {
        // SAFETY: no arguments.
        unsafe { (self.abi.process_service_get_cycle_count)() }
    }

    /// Cycles per second of [`Os::cycle_count`].
    pub fn cycles_per_second(&self) -> u64 {
        // SAFETY: no arguments.
        unsafe { (self.abi.process_service_get_cycles_per_second)() }
    }

    /// The process's startup arguments (those after the program path).
    pub fn startup_args(&self) -> Result<Vec<String>, OsError> {
        // SAFETY: no arguments.
        let count = unsafe { (self.abi.process_service_get_startup_arg_count)() };
        let mut out = Vec::with_capacity(count as usize);
        for i in 0..count {
            let arg = sized_text("ProcessService.GetStartupArg", |buf, len, out_len| {
                // SAFETY: `sized_text` passes a buffer valid for `len` bytes
                // (or null with 0) and a valid `out_len`.
                unsafe { (self.abi.process_service_get_startup_arg)(i, buf, len, out_len) }
            })?;
            out.push(arg);
        }
        Ok(out)
    }

    /// The value of one of the process's environment variables, if set.
    pub fn environment_variable(&self, name: &str) -> Result<Option<String>, OsError> {
        let value = sized_text(
            "ProcessService.GetEnvironmentVariable",
            |buf, len, out_len| {
                // SAFETY: the name slice is live; `sized_text` passes a valid
                // buffer and `out_len`.
                unsafe {
                    (self.abi.process_service_get_environment_variable)(
                        name.as_ptr(),
                        name.len(),
                        buf,
                        len,
                        out_len,
                    )
                }
            },
        );
        match value {
            Ok(v) => Ok(Some(v)),
            Err(OsError {
                status: Status::NotFound,
                ..
            }) => Ok(None),
            Err(e) => Err(e),
        }
    }

    /// Records the process's exit code (ProcessService.Terminate). The caller
    /// must then stop running managed code (see docs/kernel.md).
    pub fn terminate(&self, exit_code: i32) -> Result<(), OsError> {
        // SAFETY: no pointers.
        let status = unsafe { (self.abi.process_service_terminate)(exit_code) };
        check("ProcessService.Terminate", status)
    }

    /// Allocates zeroed, committed pages.
    pub fn allocate(&self, bytes: usize, protection: Protection) -> Result<*mut u8, OsError> {
        let mut ptr = std::ptr::null_mut();
        // SAFETY: `ptr` is a valid out-pointer.
        let status =
            unsafe { (self.abi.page_table_service_allocate)(bytes, protection as u32, &mut ptr) };
        check("PageTableService.Allocate", status)?;
        Ok(ptr)
    }

    /// Reserves address space without committing it.
    pub fn reserve(&self, bytes: usize) -> Result<*mut u8, OsError> {
        let mut ptr = std::ptr::null_mut();
        // SAFETY: `ptr` is a valid out-pointer.
        let status = unsafe { (self.abi.page_table_service_reserve)(bytes, &mut ptr) };
        check("PageTableService.Reserve", status)?;
        Ok(ptr)
    }

    /// Commits pages inside a reservation.
    // The kernel validates the range against the process's reservations and
    // only makes pages accessible; it never reads or writes through `ptr`.
    #[allow(clippy::not_unsafe_ptr_arg_deref)]
    pub fn commit(
        &self,
        ptr: *mut u8,
        bytes: usize,
        protection: Protection,
    ) -> Result<(), OsError> {
        // SAFETY: the kernel checks that the range lies in one of our reservations.
        let status = unsafe { (self.abi.page_table_service_commit)(ptr, bytes, protection as u32) };
        check("PageTableService.Commit", status)
    }

    /// Returns committed pages of a reservation to the kernel (they read as
    /// zero when committed again).
    ///
    /// # Safety
    /// Nothing may use the range's contents afterwards (until committed
    /// again): no Rust reference into it may be live.
    pub unsafe fn decommit(&self, ptr: *mut u8, bytes: usize) -> Result<(), OsError> {
        // SAFETY: the kernel checks that the range lies in one of our
        // reservations; the caller vouches that nothing uses its contents.
        let status = unsafe { (self.abi.page_table_service_decommit)(ptr, bytes) };
        check("PageTableService.Decommit", status)
    }

    /// Frees a whole allocation or reservation.
    ///
    /// # Safety
    /// Nothing may use the memory afterwards: no Rust reference into it may
    /// be live, and no code may still run from it.
    pub unsafe fn free(&self, ptr: *mut u8, bytes: usize) -> Result<(), OsError> {
        // SAFETY: the kernel checks ownership and bounds; the caller vouches
        // that nothing uses the memory any more.
        let status = unsafe { (self.abi.page_table_service_free)(ptr, bytes) };
        check("PageTableService.Free", status)
    }

    /// The page size.
    pub fn page_size(&self) -> usize {
        // SAFETY: no arguments.
        unsafe { (self.abi.page_table_service_get_page_size)() as usize }
    }
}

/// Calls an entry with the sizing protocol of `GetStartupArg` (ask for the
/// length with an empty buffer, then copy), retrying if the value grew in
/// between, and returns the text (invalid UTF-8 replaced).
fn sized_text(
    call: &'static str,
    mut entry: impl FnMut(*mut u8, usize, *mut usize) -> Status,
) -> Result<String, OsError> {
    let mut buf: Vec<u8> = Vec::new();
    loop {
        let mut len = 0usize;
        let ptr = if buf.is_empty() {
            std::ptr::null_mut()
        } else {
            buf.as_mut_ptr()
        };
        match entry(ptr, buf.len(), &mut len) {
            Status::Ok => {
                buf.truncate(len);
                return Ok(String::from_utf8_lossy(&buf).into_owned());
            }
            Status::BufferTooSmall if len > buf.len() => buf.resize(len, 0),
            status => return Err(OsError { call, status }),
        }
    }
}

/// Standard input, the wall clock and what `System.Environment` reports
/// (ABI v5: `ConsoleService.Read`, the v5 `ProcessService` entries).
impl Os {
    /// Reads at most `buf.len()` bytes of the process's standard input,
    /// blocking until some are available; `Ok(0)` at the end of the input.
    pub fn console_read(&self, buf: &mut [u8]) -> Result<usize, OsError> {
        let mut read = 0usize;
        // SAFETY: `buf` is a live, writable slice; `read` a valid out-pointer.
        let status =
            unsafe { (self.v5.console_service_read)(buf.as_mut_ptr(), buf.len(), &mut read) };
        check("ConsoleService.Read", status)?;
        Ok(read)
    }

    /// The wall clock: nanoseconds since 1970-01-01 00:00:00 UTC.
    pub fn utc_time_nanos(&self) -> Result<i64, OsError> {
        let mut nanos = 0i64;
        // SAFETY: a valid out-pointer.
        let status = unsafe { (self.v5.process_service_get_utc_time)(&mut nanos) };
        check("ProcessService.GetUtcTime", status)?;
        Ok(nanos)
    }

    /// The local time zone's offset from UTC, in seconds east, at the
    /// instant `unix_seconds`.
    pub fn utc_offset_seconds(&self, unix_seconds: i64) -> Result<i32, OsError> {
        let mut offset = 0i32;
        // SAFETY: a valid out-pointer.
        let status = unsafe { (self.v5.process_service_get_utc_offset)(unix_seconds, &mut offset) };
        check("ProcessService.GetUtcOffset", status)?;
        Ok(offset)
    }

    /// The host name.
    pub fn machine_name(&self) -> Result<String, OsError> {
        sized_text("ProcessService.GetMachineName", |buf, len, out_len| {
            // SAFETY: `sized_text` passes a valid buffer and `out_len`.
            unsafe { (self.v5.process_service_get_machine_name)(buf, len, out_len) }
        })
    }

    /// The OS kernel's name and release (`Linux 6.1.0-18-amd64`).
    pub fn os_version(&self) -> Result<String, OsError> {
        sized_text("ProcessService.GetOsVersion", |buf, len, out_len| {
            // SAFETY: `sized_text` passes a valid buffer and `out_len`.
            unsafe { (self.v5.process_service_get_os_version)(buf, len, out_len) }
        })
    }

    /// Every environment variable of the process, as (name, value) pairs.
    pub fn environment_variables(&self) -> Result<Vec<(String, String)>, OsError> {
        // SAFETY: no arguments.
        let count = unsafe { (self.v5.process_service_get_environment_variable_count)() };
        let mut out = Vec::with_capacity(count as usize);
        for i in 0..count {
            let entry = sized_text(
                "ProcessService.GetEnvironmentVariableAt",
                |buf, len, out_len| {
                    // SAFETY: `sized_text` passes a valid buffer and `out_len`.
                    unsafe {
                        (self.v5.process_service_get_environment_variable_at)(i, buf, len, out_len)
                    }
                },
            )?;
            let (name, value) = entry.split_once('=').unwrap_or((entry.as_str(), ""));
            out.push((name.to_owned(), value.to_owned()));
        }
        Ok(out)
    }

    /// The name the process was created with (a program's path).
    pub fn process_name(&self) -> Result<String, OsError> {
        sized_text("ProcessService.GetProcessName", |buf, len, out_len| {
            // SAFETY: `sized_text` passes a valid buffer and `out_len`.
            unsafe { (self.v5.process_service_get_process_name)(buf, len, out_len) }
        })
    }
}

/// Files and directories (ABI v5: `FileService`). Handles are the calling
/// process's; see `services::file_service` for the numeric arguments.
impl Os {
    /// Opens a file: `mode` is .NET's `FileMode` (1..=6), `access` its
    /// `FileAccess` (1 read, 2 write, 3 both).
    pub fn file_open(&self, path: &str, mode: u32, access: u32) -> Result<Handle, OsError> {
        let mut handle = Handle::NULL;
        // SAFETY: the path slice is live; `handle` a valid out-pointer.
        let status = unsafe {
            (self.v5.file_service_open)(path.as_ptr(), path.len(), mode, access, &mut handle)
        };
        check("FileService.Open", status)?;
        Ok(handle)
    }

    /// Reads at most `buf.len()` bytes at the file's position; `Ok(0)` at
    /// the end.
    pub fn file_read(&self, file: Handle, buf: &mut [u8]) -> Result<usize, OsError> {
        let mut read = 0usize;
        // SAFETY: `buf` is a live, writable slice; `read` a valid out-pointer.
        let status =
            unsafe { (self.v5.file_service_read)(file, buf.as_mut_ptr(), buf.len(), &mut read) };
        check("FileService.Read", status)?;
        Ok(read)
    }

    /// Writes all of `data` at the file's position.
    pub fn file_write(&self, file: Handle, data: &[u8]) -> Result<(), OsError> {
        // SAFETY: `data` is a live slice.
        let status = unsafe { (self.v5.file_service_write)(file, data.as_ptr(), data.len()) };
        check("FileService.Write", status)
    }

    /// Moves the file's position (`origin`: 0 start, 1 current, 2 end) and
    /// returns the new one.
    pub fn file_seek(&self, file: Handle, offset: i64, origin: u32) -> Result<u64, OsError> {
        let mut position = 0u64;
        // SAFETY: a valid out-pointer.
        let status = unsafe { (self.v5.file_service_seek)(file, offset, origin, &mut position) };
        check("FileService.Seek", status)?;
        Ok(position)
    }

    /// The file's length.
    pub fn file_length(&self, file: Handle) -> Result<u64, OsError> {
        let mut length = 0u64;
        // SAFETY: a valid out-pointer.
        let status = unsafe { (self.v5.file_service_get_length)(file, &mut length) };
        check("FileService.GetLength", status)?;
        Ok(length)
    }

    /// Truncates or extends the file.
    pub fn file_set_length(&self, file: Handle, length: u64) -> Result<(), OsError> {
        // SAFETY: no pointers.
        let status = unsafe { (self.v5.file_service_set_length)(file, length) };
        check("FileService.SetLength", status)
    }

    /// Closes a file or directory-listing handle.
    pub fn file_close(&self, handle: Handle) -> Result<(), OsError> {
        // SAFETY: no pointers.
        let status = unsafe { (self.v5.file_service_close)(handle) };
        check("FileService.Close", status)
    }

    /// What `path` names: 0 nothing, 1 a file, 2 a directory, 3 other.
    pub fn path_kind(&self, path: &str) -> Result<u32, OsError> {
        let mut kind = 0u32;
        // SAFETY: the path slice is live; `kind` a valid out-pointer.
        let status =
            unsafe { (self.v5.file_service_get_path_kind)(path.as_ptr(), path.len(), &mut kind) };
        check("FileService.GetPathKind", status)?;
        Ok(kind)
    }

    /// Deletes a file.
    pub fn delete_file(&self, path: &str) -> Result<(), OsError> {
        // SAFETY: the path slice is live.
        let status = unsafe { (self.v5.file_service_delete_file)(path.as_ptr(), path.len()) };
        check("FileService.DeleteFile", status)
    }

    /// Creates one directory.
    pub fn create_directory(&self, path: &str) -> Result<(), OsError> {
        // SAFETY: the path slice is live.
        let status = unsafe { (self.v5.file_service_create_directory)(path.as_ptr(), path.len()) };
        check("FileService.CreateDirectory", status)
    }

    /// Deletes an empty directory.
    pub fn delete_directory(&self, path: &str) -> Result<(), OsError> {
        // SAFETY: the path slice is live.
        let status = unsafe { (self.v5.file_service_delete_directory)(path.as_ptr(), path.len()) };
        check("FileService.DeleteDirectory", status)
    }

    /// The names in a directory (without `.` and `..`).
    pub fn list_directory(&self, path: &str) -> Result<Vec<String>, OsError> {
        let mut handle = Handle::NULL;
        // SAFETY: the path slice is live; `handle` a valid out-pointer.
        let status = unsafe {
            (self.v5.file_service_open_directory)(path.as_ptr(), path.len(), &mut handle)
        };
        check("FileService.OpenDirectory", status)?;
        let mut names = Vec::new();
        let result = loop {
            let next = sized_text("FileService.ReadDirectory", |buf, len, out_len| {
                // SAFETY: `sized_text` passes a valid buffer and `out_len`.
                unsafe { (self.v5.file_service_read_directory)(handle, buf, len, out_len) }
            });
            match next {
                Ok(name) => names.push(name),
                Err(OsError {
                    status: Status::NotFound,
                    ..
                }) => break Ok(names),
                Err(e) => break Err(e),
            }
        };
        let _ = self.file_close(handle);
        result
    }
}

/// The body of a thread started with [`Os::spawn_thread`], boxed so that a
/// thin pointer to it can be the entry's context.
type ThreadBody = Box<dyn FnOnce() -> i32 + Send + 'static>;

/// The [`crate::ThreadEntry`] of threads started with [`Os::spawn_thread`]:
/// runs the boxed body and turns a panic into
/// [`crate::EXIT_CODE_PANIC`], so that no panic reaches the `extern "C"`
/// boundary.
unsafe extern "C" fn run_thread_body(context: *mut std::ffi::c_void) -> i32 {
    // SAFETY: `context` is the `Box<ThreadBody>` leaked by `spawn_thread`,
    // which the kernel hands to this entry exactly once.
    let body = unsafe { Box::from_raw(context as *mut ThreadBody) };
    match std::panic::catch_unwind(std::panic::AssertUnwindSafe(*body)) {
        Ok(exit_code) => exit_code,
        Err(payload) => {
            // Dropping a payload could itself panic; leak it instead.
            std::mem::forget(payload);
            crate::EXIT_CODE_PANIC
        }
    }
}

/// A timeout for the kernel: nanoseconds, `u64::MAX` for none (a duration
/// too long for a `u64` of nanoseconds, some 584 years, is none as well).
fn timeout_ns(timeout: Option<std::time::Duration>) -> u64 {
    timeout.map_or(u64::MAX, |t| {
        u64::try_from(t.as_nanos()).unwrap_or(u64::MAX)
    })
}

/// Threads and events (ABI v2: `ThreadHandle`, `EventHandle`). Handles are
/// the calling process's; see `services::thread_handle` and
/// `services::event_handle`.
impl Os {
    /// Creates a thread in the calling process and starts it running `body`
    /// (`ThreadHandle.Create`); `stack_size` 0 means the kernel's default
    /// (16 MiB). The thread is bound to the process; `body`'s result is its
    /// exit code, and a panic in `body` is caught and becomes
    /// [`crate::EXIT_CODE_PANIC`]. Returns the thread's handle; dispose of
    /// it with [`Os::dispose_thread`] (the thread keeps running).
    ///
    /// The process does not end until the thread has returned.
    pub fn spawn_thread<F>(&self, stack_size: usize, body: F) -> Result<crate::Handle, OsError>
    where
        F: FnOnce() -> i32 + Send + 'static,
    {
        let boxed: Box<ThreadBody> = Box::new(Box::new(body));
        let context = Box::into_raw(boxed) as *mut std::ffi::c_void;
        // SAFETY: `run_thread_body` takes ownership of `context` (a leaked
        // `Box<ThreadBody>`, which is `Send`) when the kernel calls it, once,
        // and does not unwind.
        let result = unsafe { self.create_thread(run_thread_body, context, stack_size) };
        if result.is_err() {
            // SAFETY: the entry runs only on success, so `context` is still
            // ours.
            drop(unsafe { Box::from_raw(context as *mut ThreadBody) });
        }
        result
    }

    /// `ThreadHandle.Create` with a raw entry: starts `entry(context)` on a
    /// new thread of the calling process; returns its handle.
    ///
    /// # Safety
    /// As for `thread_handle::create`: `entry` must be safe to call once
    /// with `context` on another thread, and must not unwind. It runs if and
    /// only if this returns `Ok`.
    pub unsafe fn create_thread(
        &self,
        entry: crate::ThreadEntry,
        context: *mut std::ffi::c_void,
        stack_size: usize,
    ) -> Result<crate::Handle, OsError> {
        let mut handle = crate::Handle::NULL;
        // SAFETY: `handle` is a valid out-pointer; the rest is the caller's
        // contract.
        let status = unsafe {
            (self.v2.thread_handle_create)(Some(entry), context, stack_size, &mut handle)
        };
        check("ThreadHandle.Create", status)?;
        Ok(handle)
    }

    /// Waits for a thread to return, at most `timeout` (`None`: no limit),
    /// and returns its exit code; `Ok(None)` if it is still running at the
    /// timeout (`ThreadHandle.Join`).
    pub fn join_thread(
        &self,
        thread: crate::Handle,
        timeout: Option<std::time::Duration>,
    ) -> Result<Option<i32>, OsError> {
        let mut exit_code = 0;
        // SAFETY: `exit_code` is a valid out-pointer.
        let status =
            unsafe { (self.v2.thread_handle_join)(thread, timeout_ns(timeout), &mut exit_code) };
        match status {
            Status::TimedOut => Ok(None),
            status => check("ThreadHandle.Join", status).map(|()| Some(exit_code)),
        }
    }

    /// The kernel id of a thread (`ThreadHandle.GetThreadId`).
    pub fn thread_id(&self, thread: crate::Handle) -> Result<crate::ThreadId, OsError> {
        let mut id = crate::ThreadId::NONE;
        // SAFETY: `id` is a valid out-pointer.
        let status = unsafe { (self.v2.thread_handle_get_thread_id)(thread, &mut id) };
        check("ThreadHandle.GetThreadId", status)?;
        Ok(id)
    }

    /// The calling thread's kernel id; [`crate::ThreadId::NONE`] on a thread
    /// bound to no process (`ThreadHandle.GetCurrentThreadId`).
    pub fn current_thread_id(&self) -> crate::ThreadId {
        // SAFETY: no arguments.
        unsafe { (self.v2.thread_handle_get_current_thread_id)() }
    }

    /// Drops a thread handle; the thread keeps running
    /// (`ThreadHandle.Dispose`).
    pub fn dispose_thread(&self, thread: crate::Handle) -> Result<(), OsError> {
        // SAFETY: no pointers.
        let status = unsafe { (self.v2.thread_handle_dispose)(thread) };
        check("ThreadHandle.Dispose", status)
    }

    /// Creates an event, manual-reset or auto-reset, set or not
    /// (`EventHandle.Create`).
    pub fn create_event(
        &self,
        manual_reset: bool,
        initially_set: bool,
    ) -> Result<crate::Handle, OsError> {
        let mut handle = crate::Handle::NULL;
        // SAFETY: `handle` is a valid out-pointer.
        let status = unsafe {
            (self.v2.event_handle_create)(
                u32::from(manual_reset),
                u32::from(initially_set),
                &mut handle,
            )
        };
        check("EventHandle.Create", status)?;
        Ok(handle)
    }

    /// Sets an event (`EventHandle.Set`).
    pub fn set_event(&self, event: crate::Handle) -> Result<(), OsError> {
        // SAFETY: no pointers.
        let status = unsafe { (self.v2.event_handle_set)(event) };
        check("EventHandle.Set", status)
    }

    /// Resets an event (`EventHandle.Reset`).
    pub fn reset_event(&self, event: crate::Handle) -> Result<(), OsError> {
        // SAFETY: no pointers.
        let status = unsafe { (self.v2.event_handle_reset)(event) };
        check("EventHandle.Reset", status)
    }

    /// Waits for an event, at most `timeout` (`None`: no limit). `Ok(true)`
    /// if it was set, `Ok(false)` if the timeout passed first
    /// (`EventHandle.Wait`).
    pub fn wait_event(
        &self,
        event: crate::Handle,
        timeout: Option<std::time::Duration>,
    ) -> Result<bool, OsError> {
        // SAFETY: no pointers.
        let status = unsafe { (self.v2.event_handle_wait)(event, timeout_ns(timeout)) };
        match status {
            Status::TimedOut => Ok(false),
            status => check("EventHandle.Wait", status).map(|()| true),
        }
    }

    /// Drops an event handle (`EventHandle.Dispose`).
    pub fn dispose_event(&self, event: crate::Handle) -> Result<(), OsError> {
        // SAFETY: no pointers.
        let status = unsafe { (self.v2.event_handle_dispose)(event) };
        check("EventHandle.Dispose", status)
    }
}

/// What a wait on several objects ended with.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum WaitOutcome {
    /// The object at this index was acquired.
    Acquired(usize),
    /// The object at this index, an abandoned mutex, was acquired.
    Abandoned(usize),
    /// The timeout passed.
    TimedOut,
}

/// What a receive delivered.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Message {
    /// A block, now the caller's.
    Block(Handle),
    /// An endpoint, now the caller's.
    Endpoint(Handle),
}

/// ABI v4: stopping, sleeping, synchronization objects, waits, children
/// from images, channels and the exchange heap. Every wait here is
/// interruptible: it fails with `Status::Stopped` once the calling process
/// is being stopped.
impl Os {
    /// Stops the calling process (`ProcessService.Stop`): see
    /// `services::process_service::stop`. The caller must then leave its
    /// managed code.
    pub fn stop(&self, exit_code: i32) -> Result<(), OsError> {
        // SAFETY: no pointers.
        let status = unsafe { (self.v4.process_service_stop)(exit_code) };
        check("ProcessService.Stop", status)
    }

    /// Registers the stop word (`ProcessService.SetStopWord`).
    ///
    /// # Safety
    /// `word` must point into a page the calling process owns (the kernel
    /// checks) that nothing else relies on being executable.
    pub unsafe fn set_stop_word(
        &self,
        word: &std::sync::atomic::AtomicU32,
        bits: u32,
    ) -> Result<(), OsError> {
        // SAFETY: the kernel validates the address; the caller vouches
        // for the page's use.
        let status = unsafe { (self.v4.process_service_set_stop_word)(word.as_ptr(), bits) };
        check("ProcessService.SetStopWord", status)
    }

    /// The exit code the calling process is being stopped with, if it is
    /// (`ProcessService.GetStopCode`).
    pub fn stop_code(&self) -> Option<i32> {
        let mut code = 0;
        // SAFETY: `code` is a valid out-pointer.
        let status = unsafe { (self.v4.process_service_get_stop_code)(&mut code) };
        (status == Status::Ok).then_some(code)
    }

    /// The calling process's startup endpoints
    /// (`ProcessService.GetStartupEndpoint`).
    pub fn startup_endpoints(&self) -> Result<Vec<Handle>, OsError> {
        // SAFETY: no arguments.
        let count = unsafe { (self.v4.process_service_get_startup_endpoint_count)() };
        (0..count)
            .map(|i| {
                let mut h = Handle::NULL;
                // SAFETY: `h` is a valid out-pointer.
                let status = unsafe { (self.v4.process_service_get_startup_endpoint)(i, &mut h) };
                check("ProcessService.GetStartupEndpoint", status).map(|()| h)
            })
            .collect()
    }

    /// Sleeps (`ThreadHandle.Sleep`); `None` until stopped.
    pub fn sleep(&self, timeout: Option<std::time::Duration>) -> Result<(), OsError> {
        // SAFETY: no pointers.
        let status = unsafe { (self.v4.thread_handle_sleep)(timeout_ns(timeout)) };
        check("ThreadHandle.Sleep", status)
    }

    /// The number of processors (`ProcessService.GetProcessorCount`).
    pub fn processor_count(&self) -> u32 {
        // SAFETY: no arguments.
        unsafe { (self.v4.process_service_get_processor_count)() }
    }

    /// Yields the processor (`ThreadHandle.Yield`).
    pub fn yield_now(&self) {
        // SAFETY: no arguments.
        let _ = unsafe { (self.v4.thread_handle_yield)() };
    }

    /// The kernel's counters (`DebugService.GetCounters`).
    pub fn counters(&self) -> Result<crate::KernelCounters, OsError> {
        let mut c = crate::KernelCounters::default();
        // SAFETY: `c` is a valid out-pointer of the given size.
        let status = unsafe {
            (self.v4.debug_service_get_counters)(
                &mut c,
                core::mem::size_of::<crate::KernelCounters>(),
            )
        };
        check("DebugService.GetCounters", status).map(|()| c)
    }

    /// Waits until one of `handles` is signaled and acquires it
    /// (`SyncHandle.WaitAny`).
    pub fn wait_any(
        &self,
        handles: &[Handle],
        timeout: Option<std::time::Duration>,
    ) -> Result<WaitOutcome, OsError> {
        let mut index = 0u32;
        // SAFETY: the slice and `index` are valid.
        let status = unsafe {
            (self.v4.sync_handle_wait_any)(
                handles.as_ptr(),
                handles.len(),
                timeout_ns(timeout),
                &mut index,
            )
        };
        match status {
            Status::Ok => Ok(WaitOutcome::Acquired(index as usize)),
            Status::Abandoned => Ok(WaitOutcome::Abandoned(index as usize)),
            Status::TimedOut => Ok(WaitOutcome::TimedOut),
            status => Err(OsError {
                call: "SyncHandle.WaitAny",
                status,
            }),
        }
    }

    /// Waits until all of `handles` can be acquired at once, and acquires
    /// them (`SyncHandle.WaitAll`): `Ok(true)` when acquired (whether or not
    /// one was abandoned), `Ok(false)` on timeout.
    pub fn wait_all(
        &self,
        handles: &[Handle],
        timeout: Option<std::time::Duration>,
    ) -> Result<bool, OsError> {
        // SAFETY: the slice is valid.
        let status = unsafe {
            (self.v4.sync_handle_wait_all)(handles.as_ptr(), handles.len(), timeout_ns(timeout))
        };
        match status {
            Status::Ok | Status::Abandoned => Ok(true),
            Status::TimedOut => Ok(false),
            status => Err(OsError {
                call: "SyncHandle.WaitAll",
                status,
            }),
        }
    }

    /// Creates a mutex (`MutexHandle.Create`).
    pub fn create_mutex(&self, initially_owned: bool) -> Result<Handle, OsError> {
        let mut h = Handle::NULL;
        // SAFETY: `h` is a valid out-pointer.
        let status = unsafe { (self.v4.mutex_handle_create)(u32::from(initially_owned), &mut h) };
        check("MutexHandle.Create", status).map(|()| h)
    }

    /// Releases a mutex the calling thread owns (`MutexHandle.Release`).
    pub fn release_mutex(&self, mutex: Handle) -> Result<(), OsError> {
        // SAFETY: no pointers.
        let status = unsafe { (self.v4.mutex_handle_release)(mutex) };
        check("MutexHandle.Release", status)
    }

    /// Creates a semaphore (`SemaphoreHandle.Create`).
    pub fn create_semaphore(&self, initial: u32, maximum: u32) -> Result<Handle, OsError> {
        let mut h = Handle::NULL;
        // SAFETY: `h` is a valid out-pointer.
        let status = unsafe { (self.v4.semaphore_handle_create)(initial, maximum, &mut h) };
        check("SemaphoreHandle.Create", status).map(|()| h)
    }

    /// Adds `count` to a semaphore; returns the count before
    /// (`SemaphoreHandle.Release`).
    pub fn release_semaphore(&self, semaphore: Handle, count: u32) -> Result<u32, OsError> {
        let mut previous = 0;
        // SAFETY: `previous` is a valid out-pointer.
        let status = unsafe { (self.v4.semaphore_handle_release)(semaphore, count, &mut previous) };
        check("SemaphoreHandle.Release", status).map(|()| previous)
    }

    /// Drops a mutex handle (`MutexHandle.Dispose`).
    pub fn dispose_mutex(&self, mutex: Handle) -> Result<(), OsError> {
        // SAFETY: no pointers.
        let status = unsafe { (self.v4.mutex_handle_dispose)(mutex) };
        check("MutexHandle.Dispose", status)
    }

    /// Drops a semaphore handle (`SemaphoreHandle.Dispose`).
    pub fn dispose_semaphore(&self, semaphore: Handle) -> Result<(), OsError> {
        // SAFETY: no pointers.
        let status = unsafe { (self.v4.semaphore_handle_dispose)(semaphore) };
        check("SemaphoreHandle.Dispose", status)
    }

    /// Closes an endpoint (`EndpointCore.Dispose`).
    pub fn dispose_endpoint(&self, endpoint: Handle) -> Result<(), OsError> {
        // SAFETY: no pointers.
        let status = unsafe { (self.v4.endpoint_core_dispose)(endpoint) };
        check("EndpointCore.Dispose", status)
    }

    /// Drops a child process handle (`ProcessHandle.Dispose`): a running
    /// child keeps running.
    pub fn dispose_child(&self, child: Handle) -> Result<(), OsError> {
        // SAFETY: no pointers.
        let status = unsafe { (self.abi.process_handle_dispose)(child) };
        check("ProcessHandle.Dispose", status)
    }

    /// Creates a child from a program image (`ProcessHandle.CreateFromImage`).
    ///
    /// # Safety
    /// Every pointer in `spec` must be valid for its length.
    pub unsafe fn create_child(&self, spec: &crate::ChildSpec) -> Result<Handle, OsError> {
        let mut h = Handle::NULL;
        // SAFETY: forwarded contract; `h` is a valid out-pointer.
        let status = unsafe { (self.v4.process_handle_create_from_image)(spec, &mut h) };
        check("ProcessHandle.CreateFromImage", status).map(|()| h)
    }

    /// Starts a child (`ProcessHandle.Start`).
    pub fn start_child(&self, child: Handle) -> Result<(), OsError> {
        // SAFETY: no pointers.
        let status = unsafe { (self.abi.process_handle_start)(child) };
        check("ProcessHandle.Start", status)
    }

    /// Stops a child (`ProcessHandle.Terminate`).
    pub fn terminate_child(&self, child: Handle, exit_code: i32) -> Result<(), OsError> {
        // SAFETY: no pointers.
        let status = unsafe { (self.v4.process_handle_terminate)(child, exit_code) };
        check("ProcessHandle.Terminate", status)
    }

    /// A child's exit code once it has ended, `None` while it runs
    /// (`ProcessHandle.GetExitCode`).
    pub fn child_exit_code(&self, child: Handle) -> Result<Option<i32>, OsError> {
        let mut code = 0;
        // SAFETY: `code` is a valid out-pointer.
        let status = unsafe { (self.abi.process_handle_get_exit_code)(child, &mut code) };
        match status {
            Status::StillRunning => Ok(None),
            status => check("ProcessHandle.GetExitCode", status).map(|()| Some(code)),
        }
    }

    /// The process id of a child (`ProcessHandle.GetProcessId`).
    pub fn child_process_id(&self, child: Handle) -> Result<crate::ProcessId, OsError> {
        let mut id = crate::ProcessId::NONE;
        // SAFETY: `id` is a valid out-pointer.
        let status = unsafe { (self.abi.process_handle_get_process_id)(child, &mut id) };
        check("ProcessHandle.GetProcessId", status).map(|()| id)
    }

    /// Creates a channel (`EndpointCore.CreateChannel`).
    pub fn create_channel(&self) -> Result<(Handle, Handle), OsError> {
        let (mut a, mut b) = (Handle::NULL, Handle::NULL);
        // SAFETY: both out-pointers are valid.
        let status = unsafe { (self.v4.endpoint_core_create_channel)(&mut a, &mut b) };
        check("EndpointCore.CreateChannel", status).map(|()| (a, b))
    }

    /// Sends a block (`EndpointCore.Send`).
    pub fn send_block(&self, endpoint: Handle, block: Handle) -> Result<(), OsError> {
        // SAFETY: no pointers.
        let status = unsafe { (self.v4.endpoint_core_send)(endpoint, block) };
        check("EndpointCore.Send", status)
    }

    /// Sends an endpoint (`EndpointCore.SendEndpoint`).
    pub fn send_endpoint(&self, endpoint: Handle, other: Handle) -> Result<(), OsError> {
        // SAFETY: no pointers.
        let status = unsafe { (self.v4.endpoint_core_send_endpoint)(endpoint, other) };
        check("EndpointCore.SendEndpoint", status)
    }

    /// Receives the next message (`EndpointCore.Receive`); `Ok(None)` on
    /// timeout.
    pub fn receive(
        &self,
        endpoint: Handle,
        timeout: Option<std::time::Duration>,
    ) -> Result<Option<Message>, OsError> {
        let (mut h, mut kind) = (Handle::NULL, 0u32);
        // SAFETY: both out-pointers are valid.
        let status = unsafe {
            (self.v4.endpoint_core_receive)(endpoint, timeout_ns(timeout), &mut h, &mut kind)
        };
        match status {
            Status::TimedOut => Ok(None),
            status => check("EndpointCore.Receive", status).map(|()| {
                Some(if kind == crate::received::ENDPOINT {
                    Message::Endpoint(h)
                } else {
                    Message::Block(h)
                })
            }),
        }
    }

    /// The process holding the other end of a channel, if any
    /// (`EndpointCore.GetPeerProcessId`).
    pub fn peer_process_id(&self, endpoint: Handle) -> Result<crate::ProcessId, OsError> {
        let mut id = crate::ProcessId::NONE;
        // SAFETY: `id` is a valid out-pointer.
        let status = unsafe { (self.v4.endpoint_core_get_peer_process_id)(endpoint, &mut id) };
        check("EndpointCore.GetPeerProcessId", status).map(|()| id)
    }

    /// Allocates an exchange-heap block (`CommunicationHeapService.Allocate`).
    pub fn allocate_block(&self, size: usize) -> Result<Handle, OsError> {
        let mut h = Handle::NULL;
        // SAFETY: `h` is a valid out-pointer.
        let status = unsafe { (self.v4.communication_heap_service_allocate)(size, &mut h) };
        check("CommunicationHeapService.Allocate", status).map(|()| h)
    }

    /// Frees a block (`CommunicationHeapService.Free`).
    pub fn free_block(&self, block: Handle) -> Result<(), OsError> {
        // SAFETY: no pointers.
        let status = unsafe { (self.v4.communication_heap_service_free)(block) };
        check("CommunicationHeapService.Free", status)
    }

    /// Splits a block at `offset` (`CommunicationHeapService.Split`).
    pub fn split_block(&self, block: Handle, offset: usize) -> Result<Handle, OsError> {
        let mut h = Handle::NULL;
        // SAFETY: `h` is a valid out-pointer.
        let status = unsafe { (self.v4.communication_heap_service_split)(block, offset, &mut h) };
        check("CommunicationHeapService.Split", status).map(|()| h)
    }

    /// Shares a block read-only (`CommunicationHeapService.Share`).
    pub fn share_block(&self, block: Handle) -> Result<Handle, OsError> {
        let mut h = Handle::NULL;
        // SAFETY: `h` is a valid out-pointer.
        let status = unsafe { (self.v4.communication_heap_service_share)(block, &mut h) };
        check("CommunicationHeapService.Share", status).map(|()| h)
    }

    /// A block's size (`CommunicationHeapService.GetSize`).
    pub fn block_size(&self, block: Handle) -> Result<usize, OsError> {
        let mut n = 0;
        // SAFETY: `n` is a valid out-pointer.
        let status = unsafe { (self.v4.communication_heap_service_get_size)(block, &mut n) };
        check("CommunicationHeapService.GetSize", status).map(|()| n)
    }

    /// A block's data address and whether it is writable
    /// (`CommunicationHeapService.GetData`).
    pub fn block_data(&self, block: Handle) -> Result<(*mut u8, bool), OsError> {
        let (mut p, mut w) = (std::ptr::null_mut(), 0u32);
        // SAFETY: both out-pointers are valid.
        let status =
            unsafe { (self.v4.communication_heap_service_get_data)(block, &mut p, &mut w) };
        check("CommunicationHeapService.GetData", status).map(|()| (p, w != 0))
    }

    /// Copies `bytes` into a block at `offset` (`CommunicationHeapService.Write`).
    pub fn write_block(&self, block: Handle, offset: usize, bytes: &[u8]) -> Result<(), OsError> {
        // SAFETY: the slice is valid for its length.
        let status = unsafe {
            (self.v4.communication_heap_service_write)(block, offset, bytes.as_ptr(), bytes.len())
        };
        check("CommunicationHeapService.Write", status)
    }

    /// Copies a block's bytes at `offset` into `buf` (`CommunicationHeapService.Read`).
    pub fn read_block(&self, block: Handle, offset: usize, buf: &mut [u8]) -> Result<(), OsError> {
        // SAFETY: the slice is valid for its length.
        let status = unsafe {
            (self.v4.communication_heap_service_read)(block, offset, buf.as_mut_ptr(), buf.len())
        };
        check("CommunicationHeapService.Read", status)
    }

    /// The resolved v4 table, for callers that need an entry's raw form.
    pub fn v4(&self) -> &'static AbiV4 {
        self.v4
    }
}

/// A library that could not be loaded, or a symbol that could not be found:
/// the status and the dynamic loader's explanation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LoadFailure {
    /// The kernel's status (`NotFound` for what the loader refused).
    pub status: Status,
    /// The dynamic loader's message (`dlerror`), possibly empty.
    pub message: String,
}

/// Native libraries, the C heap, `errno` and foreign threads (ABI v3:
/// `NativeLibraryService`, `NativeMemoryService`, `NativeErrorService`,
/// `ThreadHandle.AttachCurrent`); see the `services` modules of those names.
impl Os {
    /// Loads a shared library by file name or path (`""`: the main program)
    /// and returns its handle (`NativeLibraryService.Load`).
    pub fn load_library(&self, name: &str) -> Result<crate::Handle, LoadFailure> {
        let mut handle = crate::Handle::NULL;
        // SAFETY: the name slice is live; `handle` is a valid out-pointer.
        let status = unsafe {
            (self.v3.native_library_service_load)(name.as_ptr(), name.len(), &mut handle)
        };
        match status {
            Status::Ok => Ok(handle),
            status => Err(self.load_failure(status)),
        }
    }

    /// The address of an exported symbol (`NativeLibraryService.GetSymbol`).
    pub fn library_symbol(&self, library: crate::Handle, name: &str) -> Result<usize, LoadFailure> {
        let mut address = 0usize;
        // SAFETY: the name slice is live; `address` is a valid out-pointer.
        let status = unsafe {
            (self.v3.native_library_service_get_symbol)(
                library,
                name.as_ptr(),
                name.len(),
                &mut address,
            )
        };
        match status {
            Status::Ok => Ok(address),
            status => Err(self.load_failure(status)),
        }
    }

    /// Drops a library handle (`NativeLibraryService.Free`).
    pub fn free_library(&self, library: crate::Handle) -> Result<(), OsError> {
        // SAFETY: no pointers.
        let status = unsafe { (self.v3.native_library_service_free)(library) };
        check("NativeLibraryService.Free", status)
    }

    /// The failure with the loader's message for `status`.
    fn load_failure(&self, status: Status) -> LoadFailure {
        let message = if status == Status::NotFound {
            self.library_error()
        } else {
            String::new()
        };
        LoadFailure { status, message }
    }

    /// The calling thread's last load or lookup failure message
    /// (`NativeLibraryService.GetLastError`).
    pub fn library_error(&self) -> String {
        let mut len = 0usize;
        // SAFETY: a null buffer of length 0 asks for the length.
        let status = unsafe {
            (self.v3.native_library_service_get_last_error)(std::ptr::null_mut(), 0, &mut len)
        };
        if status != Status::Ok && status != Status::BufferTooSmall {
            return String::new();
        }
        let mut buf = vec![0u8; len];
        // SAFETY: `buf` has room for `len` bytes.
        let status = unsafe {
            (self.v3.native_library_service_get_last_error)(buf.as_mut_ptr(), buf.len(), &mut len)
        };
        if status != Status::Ok {
            return String::new();
        }
        buf.truncate(len);
        String::from_utf8_lossy(&buf).into_owned()
    }

    /// Allocates `bytes` (at least one) of uninitialized C heap
    /// (`NativeMemoryService.Allocate`).
    pub fn native_alloc(&self, bytes: usize) -> Result<*mut u8, OsError> {
        let mut ptr = std::ptr::null_mut();
        // SAFETY: `ptr` is a valid out-pointer.
        let status = unsafe { (self.v3.native_memory_service_allocate)(bytes, &mut ptr) };
        check("NativeMemoryService.Allocate", status)?;
        Ok(ptr)
    }

    /// A copy of `bytes` on the C heap, followed by `terminator` zero bytes
    /// (1 for a C string, 2 for a UTF-16 one): what a native string is.
    pub fn native_copy(&self, bytes: &[u8], terminator: usize) -> Result<*mut u8, OsError> {
        let p = self.native_alloc(bytes.len() + terminator)?;
        // SAFETY: `p` has room for the bytes and the terminator.
        unsafe {
            std::ptr::copy_nonoverlapping(bytes.as_ptr(), p, bytes.len());
            std::ptr::write_bytes(p.add(bytes.len()), 0, terminator);
        }
        Ok(p)
    }

    /// Resizes a C heap block (`NativeMemoryService.Reallocate`).
    ///
    /// # Safety
    /// `ptr` must be null or a live C heap block, not used afterwards when
    /// this succeeds.
    pub unsafe fn native_realloc(&self, ptr: *mut u8, bytes: usize) -> Result<*mut u8, OsError> {
        let mut out = std::ptr::null_mut();
        // SAFETY: caller's contract; `out` is a valid out-pointer.
        let status = unsafe { (self.v3.native_memory_service_reallocate)(ptr, bytes, &mut out) };
        check("NativeMemoryService.Reallocate", status)?;
        Ok(out)
    }

    /// Frees a C heap block (`NativeMemoryService.Free`).
    ///
    /// # Safety
    /// `ptr` must be null or a live C heap block, not used afterwards.
    pub unsafe fn native_free(&self, ptr: *mut u8) {
        // SAFETY: caller's contract.
        unsafe { (self.v3.native_memory_service_free)(ptr) }
    }

    /// The addresses of `NativeErrorService.GetLastError` and
    /// `SetLastError` (`extern "C" fn() -> i32` and `extern "C" fn(i32)`),
    /// for JIT-compiled code that calls them around a P/Invoke.
    pub fn last_error_entries(&self) -> (usize, usize) {
        (
            self.v3.native_error_service_get_last_error as usize,
            self.v3.native_error_service_set_last_error as usize,
        )
    }

    /// The calling thread's `errno` (`NativeErrorService.GetLastError`).
    pub fn last_error(&self) -> i32 {
        // SAFETY: no arguments.
        unsafe { (self.v3.native_error_service_get_last_error)() }
    }

    /// Sets the calling thread's `errno` (`NativeErrorService.SetLastError`).
    pub fn set_last_error(&self, value: i32) {
        // SAFETY: no pointers.
        unsafe { (self.v3.native_error_service_set_last_error)(value) }
    }

    /// The calling process's attach token (`ProcessService.GetAttachToken`;
    /// 0 with no process).
    pub fn attach_token(&self) -> u64 {
        // SAFETY: no arguments.
        unsafe { (self.v3.process_service_get_attach_token)() }
    }

    /// Binds the calling foreign thread to the process with attach token
    /// `token` (`ThreadHandle.AttachCurrent`); returns its kernel id.
    pub fn attach_current_thread(&self, token: u64) -> Result<crate::ThreadId, OsError> {
        let mut id = crate::ThreadId::NONE;
        // SAFETY: `id` is a valid out-pointer.
        let status = unsafe { (self.v3.thread_handle_attach_current)(token, &mut id) };
        check("ThreadHandle.AttachCurrent", status)?;
        Ok(id)
    }

    /// Unbinds a thread bound by [`Os::attach_current_thread`]
    /// (`ThreadHandle.DetachCurrent`).
    pub fn detach_current_thread(&self) -> Result<(), OsError> {
        // SAFETY: no arguments.
        let status = unsafe { (self.v3.thread_handle_detach_current)() };
        check("ThreadHandle.DetachCurrent", status)
    }
}
