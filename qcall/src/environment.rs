//! `System.Environment` QCalls (and `DateTime`'s clock), all through the
//! kernel's `ProcessService`.

use crate::os::{kernel_error, nul_terminated, os};
use crate::{run, StringHandleOnStack, Utf16Ptr};

/// `Environment_GetEnvironmentVariable(string name, StringHandleOnStack result)`:
/// the variable's value, or null when it is not set. The managed wrapper has
/// already rejected a null name.
pub(crate) extern "C" fn get_environment_variable(name: Utf16Ptr, result: StringHandleOnStack) {
    run((), || {
        // SAFETY: called as a QCall: `name` is pinned for the call.
        let name = unsafe { name.to_string_lossy() }.unwrap_or_default();
        let value = if name.is_empty() || name.contains('=') || name.contains('\0') {
            None
        } else {
            os()?.environment_variable(&name).map_err(kernel_error)?
        };
        result.set(value.as_deref())
    })
}

/// `Environment_GetEnvironmentVariables(StringHandleOnStack result)`: every
/// variable as `NAME=value`, each followed by a NUL.
pub(crate) extern "C" fn get_environment_variables(result: StringHandleOnStack) {
    run((), || {
        let vars = os()?.environment_variables().map_err(kernel_error)?;
        let entries: Vec<String> = vars.iter().map(|(k, v)| format!("{k}={v}")).collect();
        result.set(Some(&nul_terminated(entries.iter().map(String::as_str))))
    })
}

/// `Environment_GetCommandLine(StringHandleOnStack result)`: the process's
/// name (the program) and then its startup arguments, each followed by a
/// NUL.
pub(crate) extern "C" fn get_command_line(result: StringHandleOnStack) {
    run((), || {
        let os = os()?;
        let name = os.process_name().map_err(kernel_error)?;
        let args = os.startup_args().map_err(kernel_error)?;
        let all = std::iter::once(name.as_str()).chain(args.iter().map(String::as_str));
        result.set(Some(&nul_terminated(all)))
    })
}

/// `Environment_GetMachineName(StringHandleOnStack result)`: the host name.
pub(crate) extern "C" fn get_machine_name(result: StringHandleOnStack) {
    run((), || {
        let name = os()?.machine_name().map_err(kernel_error)?;
        result.set(Some(&name))
    })
}

/// `Environment_GetOsVersion(StringHandleOnStack result)`: the OS kernel's
/// name and release (`Linux 6.1.0-18-amd64`).
pub(crate) extern "C" fn get_os_version(result: StringHandleOnStack) {
    run((), || {
        let version = os()?.os_version().map_err(kernel_error)?;
        result.set(Some(&version))
    })
}

/// `Environment_GetUtcTime()`: the wall clock, nanoseconds since
/// 1970-01-01 00:00:00 UTC (what `DateTime.UtcNow` converts).
pub(crate) extern "C" fn get_utc_time() -> i64 {
    run(0, || os()?.utc_time_nanos().map_err(kernel_error))
}

/// `Environment_GetUtcOffset(long unixSeconds)`: the local time zone's
/// offset from UTC in seconds at that instant (`DateTime.Now`,
/// `ToLocalTime`).
pub(crate) extern "C" fn get_utc_offset(unix_seconds: i64) -> i32 {
    run(0, || {
        os()?.utc_offset_seconds(unix_seconds).map_err(kernel_error)
    })
}
