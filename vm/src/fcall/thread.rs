//! `System.Threading.Thread` internal calls.

use osprey_binder::ThreadObject;

use crate::runtime::guard;
use crate::thread::Thread;

/// `static Thread Thread.GetCurrentThread()`: the calling thread's Thread
/// object, created on first use (on the frozen heap: it lives as long as
/// the thread record, and native code holds it without reporting it).
pub(super) extern "C" fn get_current_thread(thread: &mut Thread) -> *mut u8 {
    guard(thread, std::ptr::null_mut(), |thread| {
        if let Some(o) = thread.managed_object {
            return o.as_ptr();
        }
        let rt = thread.runtime();
        match rt.heaps.alloc_frozen(&rt.well_known().thread.mt, 0) {
            Ok(o) => {
                // SAFETY: `o` is a fresh System.Threading.Thread, whose layout
                // the binder checked against ThreadObject.
                unsafe {
                    let t = o.as_ptr() as *mut ThreadObject;
                    (*t).runtime_thread = thread as *mut Thread as *mut _;
                    (*t).managed_thread_id = thread.managed_id;
                }
                thread.managed_object = Some(o);
                o.as_ptr()
            }
            Err(e) => {
                thread.raise(e.into());
                std::ptr::null_mut()
            }
        }
    })
}
