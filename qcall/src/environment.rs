//! `System.Environment` QCalls.

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
            std::env::var_os(&name).map(|v| v.to_string_lossy().into_owned())
        };
        result.set(value.as_deref())
    })
}
