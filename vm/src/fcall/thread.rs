//! `System.Threading.Thread` internal calls (docs/runtime.md, "Managed
//! threads").

use std::time::Duration;

use osprey_binder::{ThreadObject, THREAD_STATE_RUNNING};

use crate::frames::HelperFrame;
use crate::rooted::Unrooted;
use crate::runtime::{guard, RuntimeError};
use crate::thread::Thread;

/// `static Thread Thread.GetCurrentThread()`: the calling thread's Thread
/// object. A started thread's is the object it was started from; the main
/// thread's and the finalizer thread's are created on first use (on the
/// frozen heap: they live as long as the runtime).
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
                    (*t).state = THREAD_STATE_RUNNING;
                    (*t).is_background = thread.mutator.is_finalizer;
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

/// `static int Thread.NewManagedThreadId()`.
pub(super) extern "C" fn new_managed_thread_id(thread: &mut Thread) -> i32 {
    guard(thread, 0, |thread| thread.runtime().new_managed_thread_id())
}

/// `static void Thread.StartCore(Thread)`: starts the thread (the managed
/// side checked its state).
pub(super) extern "C" fn start_core(thread: &mut Thread, obj: *mut u8) {
    guard(thread, (), |thread| {
        HelperFrame::run(thread, |thread| {
            // SAFETY: `obj` is null or an object reference managed code passed in.
            let Some(obj) = (unsafe { Unrooted::from_raw(thread, obj) }) else {
                return;
            };
            if let Err(e) = thread.runtime().start_managed_thread(obj) {
                thread.raise(e);
            }
        })
    })
}

/// `static bool Thread.JoinCore(int id, int milliseconds)`: waits in
/// preemptive mode for the thread to end (`-1`: no limit).
pub(super) extern "C" fn join_core(thread: &mut Thread, id: i32, milliseconds: i32) -> bool {
    guard(thread, false, |thread| {
        HelperFrame::run(thread, |thread| {
            let rt = thread.runtime();
            let timeout = u64::try_from(milliseconds).ok().map(Duration::from_millis);
            let gc = &rt.heaps.gc;
            gc.enter_preemptive(thread);
            let joined = rt.join_managed_thread(id, timeout);
            gc.enter_cooperative(thread);
            match joined {
                Ok(done) => done,
                Err(e @ RuntimeError::Exited(_)) => {
                    thread.raise_fatal(e);
                    false
                }
                Err(e) => {
                    thread.raise(e);
                    false
                }
            }
        })
    })
}

/// `static void Thread.SetBackgroundCore(int id, bool)`.
pub(super) extern "C" fn set_background_core(thread: &mut Thread, id: i32, background: bool) {
    guard(thread, (), |thread| {
        thread.runtime().set_background(id, background)
    })
}

/// `static void Thread.SpinPause()`: the `pause` instruction.
pub(super) extern "C" fn spin_pause() {
    std::hint::spin_loop();
}
