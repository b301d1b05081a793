//! `System.Threading.Thread` QCalls.

use std::time::Duration;

use osprey_kernel::client::Os;

use crate::{run, QCallError};

fn kernel_error(e: impl std::fmt::Display) -> QCallError {
    QCallError::new("System.InvalidOperationException", e.to_string())
}

/// `Thread_Sleep(int milliseconds)`: blocks the calling thread for that
/// long (`-1`: forever) on a private kernel event nobody sets. As a QCall it
/// runs in preemptive mode, so collections proceed while it sleeps. The
/// managed wrapper has rejected values below -1 and returns at once for 0.
pub(crate) extern "C" fn sleep(milliseconds: i32) {
    run((), || {
        let os = Os::resolve().map_err(kernel_error)?;
        let event = os.create_event(true, false).map_err(kernel_error)?;
        let timeout = u64::try_from(milliseconds).ok().map(Duration::from_millis);
        let waited = os.wait_event(event, timeout);
        let _ = os.dispose_event(event);
        waited.map(|_| ()).map_err(kernel_error)
    })
}
