//! `System.Environment` QCalls.

use osprey_kernel::client::Os;

use crate::{run, ExceptionKind, QCallError, StringHandleOnStack, Utf16Ptr};

/// Reads a variable through the kernel (ProcessService.GetEnvironmentVariable).
fn kernel_environment_variable(name: &str) -> Result<Option<String>, QCallError> {
    let os = Os::resolve()
        .map_err(|e| QCallError::new(ExceptionKind::InvalidOperation, e.to_string()))?;
    os.environment_variable(name)
        .map_err(|e| QCallError::new(ExceptionKind::InvalidOperation, e.to_string()))
}

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
            kernel_environment_variable(&name)?
        };
        result.set(value.as_deref())
    })
}
