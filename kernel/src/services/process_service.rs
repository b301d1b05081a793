//! `ProcessService`: the calling process's activation information, time, and
//! termination; since ABI v4 also stopping, startup endpoints and the
//! processor count; since ABI v5 the wall clock and what `System.Environment`
//! reports about the machine (host name, OS version) and the process (all
//! its environment variables, its name).

use super::{check_out, guard, guard_value, sized_text_entry, write_out};
use crate::{clock, process, ProcessId, Status};

/// `ProcessService::GetCurrentProcessId`: the calling process's id, or
/// [`ProcessId::NONE`] (0) on a thread bound to no process.
pub extern "C" fn get_current_process_id() -> ProcessId {
    guard_value(ProcessId::NONE, || {
        process::current().map_or(ProcessId::NONE, |p| p.id())
    })
}

/// `ProcessService::GetCycleCount`: the CPU time-stamp counter (`rdtsc`).
/// Not serializing; use for intervals, converted with `GetCyclesPerSecond`.
pub extern "C" fn get_cycle_count() -> u64 {
    guard_value(0, clock::cycle_count)
}

/// `ProcessService::GetCyclesPerSecond`: the time-stamp counter frequency,
/// measured once against `CLOCK_MONOTONIC` and cached kernel-wide. The first
/// call may sleep up to 5 ms to calibrate.
pub extern "C" fn get_cycles_per_second() -> u64 {
    guard_value(0, clock::cycles_per_second)
}

/// `ProcessService::GetUpTime`: monotonic nanoseconds since the kernel
/// started (its first process creation or time query). Never decreases.
pub extern "C" fn get_up_time() -> u64 {
    guard_value(0, clock::up_time_nanos)
}

/// The body of the `Get...Count` entries: how many of something the
/// calling process has (0 with no process, `u32::MAX` at most).
fn count_of_current(count: impl FnOnce(&process::Process) -> usize) -> u32 {
    guard_value(0, || {
        process::current().map_or(0, |p| u32::try_from(count(&p)).unwrap_or(u32::MAX))
    })
}

/// `ProcessService::GetStartupArgCount`: how many startup arguments the
/// calling process has (0 on a thread bound to no process).
pub extern "C" fn get_startup_arg_count() -> u32 {
    count_of_current(|p| p.args().len())
}

/// `ProcessService::GetStartupArg`: copies startup argument `index` (UTF-8,
/// not NUL-terminated) into `buf` and stores its length in `*out_len`.
///
/// The needed length is always stored (when `out_len` is valid). If `buf_len`
/// is smaller than it, nothing is copied and `BufferTooSmall` is returned, so
/// a caller can ask with `buf_len == 0` (and `buf` null) first and then size
/// its buffer.
///
/// Returns `Ok`, `InvalidArgument` (null or misaligned `out_len`, null `buf`
/// with a non-zero `buf_len` when the argument fits), `NoProcess`,
/// `IndexOutOfRange` (`index >= GetStartupArgCount()`), `BufferTooSmall`.
///
/// # Safety
/// `buf` must be valid for writes of `buf_len` bytes (or null), and `out_len`
/// valid for a write of a `usize`.
pub unsafe extern "C" fn get_startup_arg(
    index: u32,
    buf: *mut u8,
    buf_len: usize,
    out_len: *mut usize,
) -> Status {
    // SAFETY: forwarded caller contract.
    unsafe {
        sized_text_entry(buf, buf_len, out_len, || {
            let p = process::current_or_status()?;
            let arg = p
                .args()
                .get(index as usize)
                .ok_or(Status::IndexOutOfRange)?;
            Ok(arg.clone())
        })
    }
}

/// `ProcessService::GetEnvironmentVariable`: copies the value of the
/// calling process's environment variable named by the UTF-8 string
/// `name_ptr[..name_len]` into `buf` (UTF-8, not NUL-terminated) and stores
/// its length in `*out_len`, with the same sizing protocol as
/// [`get_startup_arg`].
///
/// Returns `Ok`, `InvalidArgument`, `InvalidUtf8` (the name), `NoProcess`,
/// `NotFound` (no such variable), `BufferTooSmall`.
///
/// # Safety
/// `name_ptr` must be valid for reads of `name_len` bytes; `buf` valid for
/// writes of `buf_len` bytes (or null); `out_len` valid for a write.
pub unsafe extern "C" fn get_environment_variable(
    name_ptr: *const u8,
    name_len: usize,
    buf: *mut u8,
    buf_len: usize,
    out_len: *mut usize,
) -> Status {
    let value = || {
        if name_ptr.is_null() {
            return Err(Status::InvalidArgument);
        }
        // SAFETY: non-null and valid for `name_len` bytes by the caller's contract.
        let name = unsafe { core::slice::from_raw_parts(name_ptr, name_len) };
        let name = core::str::from_utf8(name).map_err(|_| Status::InvalidUtf8)?;
        let p = process::current_or_status()?;
        let value = p.environment_variable(name).ok_or(Status::NotFound)?;
        Ok(value.to_owned())
    };
    // SAFETY: forwarded caller contract.
    unsafe { sized_text_entry(buf, buf_len, out_len, value) }
}

/// `ProcessService::Terminate`: records `exit_code` as the calling process's
/// exit code and marks it terminating. **It returns to its caller.**
///
/// Unlike Singularity's, this entry cannot end the thread itself: its caller
/// is the VM, with Rust and JIT-compiled frames on the stack that a kernel
/// call cannot unwind safely. The convention is therefore: after `Terminate`
/// returns `Ok`, the VM unwinds its own managed frames to the process entry
/// (running no further managed code) and returns from the process's main
/// function; the kernel then ends the process with the recorded code, ignoring
/// the value `main` returns. Other entries keep working until then.
///
/// Returns `Ok`, `NoProcess`, `InvalidState` (already terminating; the first
/// code stands).
pub extern "C" fn terminate(exit_code: i32) -> Status {
    guard(|| process::current_or_status()?.terminate(exit_code))
}

/// `ProcessService::GetAttachToken` (ABI v3): the calling process's attach
/// token, the secret a thread the kernel did not create presents to
/// `ThreadHandle::AttachCurrent` to join the process; 0 with no process.
/// A process hands it only to code it trusts to run as one of its threads.
pub extern "C" fn get_attach_token() -> u64 {
    guard_value(0, || process::current().map_or(0, |p| p.attach_token()))
}

/// `ProcessService::Stop` (ABI v4): ends the calling process from any of
/// its threads, as a parent's `ProcessHandle::Terminate` does: records
/// `exit_code` (unless an exit code is already recorded: the first stands),
/// sets the process's stop word (`SetStopWord`), and makes every
/// interruptible (v4) wait of the process's threads return `Stopped`, now
/// and from then on. **It returns to its caller**, like `Terminate`: the
/// runtime then leaves its managed code on every thread (each notices the
/// stop word at its next safepoint, or the `Stopped` status of its wait)
/// and returns from its threads and `main`; the process ends as usual.
/// Calling it again changes nothing.
///
/// Returns `Ok`, `NoProcess`.
pub extern "C" fn stop(exit_code: i32) -> Status {
    guard(|| {
        process::current_or_status()?.stop(exit_code);
        Ok(())
    })
}

/// `ProcessService::SetStopWord` (ABI v4): registers the 32-bit word at
/// `word` (4-byte aligned, in a page the calling process allocated, or a
/// committed page of one of its reservations) as its *stop word*: when the
/// process is stopped, the kernel sets `bits` in it (an atomic OR). A
/// runtime points it at the flag its safepoint polls read, so that managed
/// code running in a loop notices the stop. The kernel makes that page
/// read-write (not executable); freeing, decommitting or re-protecting the
/// page unregisters the word. A second call replaces the first. If the
/// process is already stopping, the bits are set at once.
///
/// Returns `Ok`, `InvalidArgument` (null or misaligned `word`, `bits` 0),
/// `InvalidRange` (not in a committed page of the process), `NoProcess`,
/// `OsError` (the page's protection could not be changed).
pub extern "C" fn set_stop_word(word: *mut u32, bits: u32) -> Status {
    guard(|| process::current_or_status()?.set_stop_word(word as usize, bits))
}

/// `ProcessService::GetStopCode` (ABI v4): while the calling process is
/// being stopped, stores the exit code it will end with in `*out_code`.
///
/// Returns `Ok`, `StillRunning` (the process is not being stopped),
/// `InvalidArgument`, `NoProcess`.
///
/// # Safety
/// `out_code` must be valid for a write of an `i32`.
pub unsafe extern "C" fn get_stop_code(out_code: *mut i32) -> Status {
    guard(|| {
        check_out(out_code)?;
        let code = process::current_or_status()?
            .stop_code()
            .ok_or(Status::StillRunning)?;
        // SAFETY: checked above; writable by the caller's contract.
        unsafe { write_out(out_code, code) }
    })
}

/// `ProcessService::GetStartupEndpointCount` (ABI v4): how many startup
/// endpoints the calling process was given (0 with no process).
pub extern "C" fn get_startup_endpoint_count() -> u32 {
    count_of_current(|p| p.startup_endpoints().len())
}

/// `ProcessService::GetStartupEndpoint` (ABI v4): the handle (in the
/// calling process's table) of startup endpoint `index`, in the order the
/// parent passed them. It stays the same handle: once disposed, it is
/// invalid like any other.
///
/// Returns `Ok`, `IndexOutOfRange`, `InvalidArgument`, `NoProcess`.
///
/// # Safety
/// `out_handle` must be valid for a write of a [`crate::Handle`].
pub unsafe extern "C" fn get_startup_endpoint(
    index: u32,
    out_handle: *mut crate::Handle,
) -> Status {
    guard(|| {
        check_out(out_handle)?;
        let p = process::current_or_status()?;
        let h = *p
            .startup_endpoints()
            .get(index as usize)
            .ok_or(Status::IndexOutOfRange)?;
        // SAFETY: checked above; writable by the caller's contract.
        unsafe { write_out(out_handle, h) }
    })
}

/// `ProcessService::GetProcessorCount` (ABI v4): how many processors the
/// OS lets this process run on (at least 1). Works with no process.
pub extern "C" fn get_processor_count() -> u32 {
    guard_value(1, || {
        std::thread::available_parallelism()
            .map_or(1, |n| u32::try_from(n.get()).unwrap_or(u32::MAX))
    })
}

// ---- ABI v5 ----

/// `ProcessService::GetUtcTime` (v5): the wall clock, as nanoseconds since
/// 1970-01-01 00:00:00 UTC (`CLOCK_REALTIME`), stored in `*out_nanos`. It
/// may jump when the system clock is set; use `GetUpTime` for intervals.
/// Works with no process.
///
/// Returns `Ok`, `InvalidArgument` (null or misaligned `out_nanos`),
/// `OsError`.
///
/// # Safety
/// `out_nanos` must be valid for a write of an `i64`.
pub unsafe extern "C" fn get_utc_time(out_nanos: *mut i64) -> Status {
    guard(|| {
        check_out(out_nanos)?;
        let nanos = clock::wall_clock_nanos()?;
        // SAFETY: checked above; writable by the caller's contract.
        unsafe { write_out(out_nanos, nanos) }
    })
}

/// `ProcessService::GetUtcOffset` (v5): the offset of the local time zone
/// from UTC, in seconds east of Greenwich, at the instant `unix_seconds`
/// (seconds since 1970-01-01 UTC), daylight saving time included; stored in
/// `*out_offset`. The zone is the OS process's (`TZ`, `/etc/localtime`).
/// Works with no process.
///
/// Returns `Ok`, `InvalidArgument` (null or misaligned `out_offset`, an
/// instant the OS cannot convert), `OsError`.
///
/// # Safety
/// `out_offset` must be valid for a write of an `i32`.
pub unsafe extern "C" fn get_utc_offset(unix_seconds: i64, out_offset: *mut i32) -> Status {
    guard(|| {
        check_out(out_offset)?;
        let offset = clock::utc_offset_seconds(unix_seconds)?;
        // SAFETY: checked above; writable by the caller's contract.
        unsafe { write_out(out_offset, offset) }
    })
}

/// `ProcessService::GetMachineName` (v5): the host name (`gethostname`,
/// UTF-8), with the sizing protocol of [`get_startup_arg`].
///
/// Returns `Ok`, `InvalidArgument`, `BufferTooSmall`, `OsError`.
///
/// # Safety
/// As for [`get_startup_arg`].
pub unsafe extern "C" fn get_machine_name(
    buf: *mut u8,
    buf_len: usize,
    out_len: *mut usize,
) -> Status {
    // SAFETY: forwarded caller contract.
    unsafe { sized_text_entry(buf, buf_len, out_len, machine_name) }
}

fn machine_name() -> Result<String, Status> {
    let mut buf = [0u8; 256];
    // SAFETY: `buf` is writable for its length; gethostname NUL-terminates
    // when the name fits (the last byte stays 0 otherwise).
    if unsafe { libc::gethostname(buf.as_mut_ptr().cast(), buf.len() - 1) } != 0 {
        return Err(Status::OsError);
    }
    let end = buf.iter().position(|b| *b == 0).unwrap_or(buf.len());
    Ok(String::from_utf8_lossy(&buf[..end]).into_owned())
}

/// `ProcessService::GetOsVersion` (v5): the kernel's name and release as
/// `uname` reports them, separated by a space (`Linux 6.1.0-18-amd64`),
/// with the sizing protocol of [`get_startup_arg`].
///
/// Returns `Ok`, `InvalidArgument`, `BufferTooSmall`, `OsError`.
///
/// # Safety
/// As for [`get_startup_arg`].
pub unsafe extern "C" fn get_os_version(
    buf: *mut u8,
    buf_len: usize,
    out_len: *mut usize,
) -> Status {
    // SAFETY: forwarded caller contract.
    unsafe { sized_text_entry(buf, buf_len, out_len, os_version) }
}

fn os_version() -> Result<String, Status> {
    // SAFETY: utsname is plain old data; all zeros is a valid value.
    let mut uts: libc::utsname = unsafe { core::mem::zeroed() };
    // SAFETY: `uts` is a valid, writable utsname.
    if unsafe { libc::uname(&mut uts) } != 0 {
        return Err(Status::OsError);
    }
    let field = |chars: &[libc::c_char]| {
        let bytes: Vec<u8> = chars
            .iter()
            .take_while(|c| **c != 0)
            .map(|c| *c as u8)
            .collect();
        String::from_utf8_lossy(&bytes).into_owned()
    };
    Ok(format!("{} {}", field(&uts.sysname), field(&uts.release)))
}

/// `ProcessService::GetEnvironmentVariableCount` (v5): how many environment
/// variables the calling process has (0 with no process).
pub extern "C" fn get_environment_variable_count() -> u32 {
    count_of_current(|p| p.environment().len())
}

/// `ProcessService::GetEnvironmentVariableAt` (v5): environment variable
/// number `index` of the calling process as `NAME=value` (UTF-8; the first
/// `=` ends the name), with the sizing protocol of [`get_startup_arg`].
///
/// Returns `Ok`, `InvalidArgument`, `NoProcess`, `IndexOutOfRange`
/// (`index >= GetEnvironmentVariableCount()`), `BufferTooSmall`.
///
/// # Safety
/// As for [`get_startup_arg`].
pub unsafe extern "C" fn get_environment_variable_at(
    index: u32,
    buf: *mut u8,
    buf_len: usize,
    out_len: *mut usize,
) -> Status {
    // SAFETY: forwarded caller contract.
    unsafe {
        sized_text_entry(buf, buf_len, out_len, || {
            let p = process::current_or_status()?;
            let (name, value) = p
                .environment()
                .get(index as usize)
                .ok_or(Status::IndexOutOfRange)?;
            Ok(format!("{name}={value}"))
        })
    }
}

/// `ProcessService::GetProcessName` (v5): the name the calling process was
/// created with (for a program, the path it was started from), with the
/// sizing protocol of [`get_startup_arg`].
///
/// Returns `Ok`, `InvalidArgument`, `NoProcess`, `BufferTooSmall`.
///
/// # Safety
/// As for [`get_startup_arg`].
pub unsafe extern "C" fn get_process_name(
    buf: *mut u8,
    buf_len: usize,
    out_len: *mut usize,
) -> Status {
    // SAFETY: forwarded caller contract.
    unsafe {
        sized_text_entry(buf, buf_len, out_len, || {
            Ok(process::current_or_status()?.name().to_owned())
        })
    }
}
