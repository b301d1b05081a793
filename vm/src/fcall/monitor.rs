//! `System.Threading.Monitor` internal calls: the thin lock and sync block
//! operations of vm/src/sync.rs. They never wait: corelib sleeps on the
//! kernel events they return, in QCalls (preemptive). None erects a frame;
//! those that may fail (a kernel event refused) raise through `MAY_THROW`.

use crate::object::ObjectRef;
use crate::rooted::Unrooted;
use crate::runtime::{guard, RuntimeError};
use crate::sync::{Monitor, MonitorError, Owner};
use crate::thread::Thread;
use crate::typesystem::ExceptionKind;

/// `Monitor.ExitCore`/`WaitBegin`/`PulseCore`: the caller does not own the lock.
const NOT_OWNER: i32 = -1;

fn monitor(thread: &Thread) -> Monitor<'_> {
    let rt = thread.runtime();
    Monitor {
        blocks: &rt.sync_blocks,
        handles: &rt.heaps.gc.handles,
        ids: &rt.lock_ids,
        me: Owner {
            lock_id: thread.lock_id,
            record: thread as *const Thread as usize,
        },
    }
}

/// An object argument. None of these calls allocates or waits, so the
/// bare reference stays valid for the call; the monitor code works on its
/// header (vm/src/sync.rs takes the raw reference).
fn object(thread: &Thread, obj: *mut u8) -> Option<ObjectRef> {
    // SAFETY: `obj` is null or an object reference managed code passed in.
    unsafe { Unrooted::from_raw(thread, obj) }.map(Unrooted::raw)
}

fn raise(thread: &mut Thread, e: MonitorError) {
    match e {
        MonitorError::NotOwner => thread.raise(RuntimeError::managed(
            ExceptionKind::SynchronizationLock,
            Some(
                "Object synchronization method was called from an unsynchronized block of code."
                    .into(),
            ),
        )),
        MonitorError::OutOfResources(why) => thread.raise(RuntimeError::managed(
            ExceptionKind::OutOfMemory,
            Some(format!("cannot inflate a monitor: {why}")),
        )),
    }
}

/// `static bool Monitor.TryEnterFast(object)`.
pub(super) extern "C" fn try_enter_fast(thread: &mut Thread, obj: *mut u8) -> bool {
    guard(thread, false, |thread| {
        let Some(obj) = object(thread, obj) else {
            return false;
        };
        match monitor(thread).try_enter(obj) {
            Ok(taken) => taken,
            Err(e) => {
                raise(thread, e);
                false
            }
        }
    })
}

/// `static int Monitor.ExitCore(object)`: 0, -1 (not the owner), or a
/// kernel event to set.
pub(super) extern "C" fn exit_core(thread: &mut Thread, obj: *mut u8) -> i32 {
    guard(thread, NOT_OWNER, |thread| {
        let Some(obj) = object(thread, obj) else {
            return NOT_OWNER;
        };
        match monitor(thread).exit(obj) {
            Ok(None) => 0,
            Ok(Some(event)) => event.0 as i32,
            Err(_) => NOT_OWNER,
        }
    })
}

/// `static bool Monitor.IsEnteredCore(object)`.
pub(super) extern "C" fn is_entered_core(thread: &mut Thread, obj: *mut u8) -> bool {
    guard(thread, false, |thread| {
        object(thread, obj).is_some_and(|o| monitor(thread).is_entered(o))
    })
}

/// `static int Monitor.BeginEnterWait(object)`: the event to sleep on.
pub(super) extern "C" fn begin_enter_wait(thread: &mut Thread, obj: *mut u8) -> i32 {
    guard(thread, 0, |thread| {
        let Some(obj) = object(thread, obj) else {
            return 0;
        };
        match monitor(thread).begin_enter_wait(obj) {
            Ok(event) => event.0 as i32,
            Err(e) => {
                raise(thread, e);
                0
            }
        }
    })
}

/// `static void Monitor.EndEnterWait(object)`.
pub(super) extern "C" fn end_enter_wait(thread: &mut Thread, obj: *mut u8) {
    guard(thread, (), |thread| {
        if let Some(obj) = object(thread, obj) {
            monitor(thread).end_enter_wait(obj);
        }
    })
}

/// `static int Monitor.WaitBegin(object, out int recursion)`: -1 (not the
/// owner), 0, or a kernel event to set.
pub(super) extern "C" fn wait_begin(thread: &mut Thread, obj: *mut u8, recursion: *mut i32) -> i32 {
    guard(thread, NOT_OWNER, |thread| {
        let event = match my_wait_event(thread) {
            Ok(e) => e,
            Err(e) => {
                raise(thread, e);
                return 0;
            }
        };
        let Some(obj) = object(thread, obj) else {
            return NOT_OWNER;
        };
        match monitor(thread).wait_begin(obj, event) {
            Ok((r, wake)) => {
                // SAFETY: `recursion` is the managed caller's `out` local.
                unsafe { *recursion = r as i32 };
                wake.map_or(0, |h| h.0 as i32)
            }
            Err(MonitorError::NotOwner) => NOT_OWNER,
            Err(e) => {
                raise(thread, e);
                0
            }
        }
    })
}

/// `static bool Monitor.WaitCancel(object)`.
pub(super) extern "C" fn wait_cancel(thread: &mut Thread, obj: *mut u8) -> bool {
    guard(thread, false, |thread| {
        match (object(thread, obj), thread.wait_event) {
            (Some(obj), Some(event)) => monitor(thread).wait_cancel(obj, event),
            _ => false,
        }
    })
}

/// `static void Monitor.WaitEnd(object, int recursion)`.
pub(super) extern "C" fn wait_end(thread: &mut Thread, obj: *mut u8, recursion: i32) {
    guard(thread, (), |thread| {
        if let Some(obj) = object(thread, obj) {
            monitor(thread).wait_end(obj, recursion.max(0) as u32);
        }
    })
}

/// `static int Monitor.PulseCore(object)`: -1 (not the owner), 0 (nobody
/// waits) or the event of the waiter to wake.
pub(super) extern "C" fn pulse_core(thread: &mut Thread, obj: *mut u8) -> i32 {
    guard(thread, NOT_OWNER, |thread| {
        let Some(obj) = object(thread, obj) else {
            return NOT_OWNER;
        };
        match monitor(thread).pulse(obj) {
            Ok(next) => next.map_or(0, |h| h.0 as i32),
            Err(_) => NOT_OWNER,
        }
    })
}

/// `static int Monitor.WaitEvent()`: the calling thread's wait event.
pub(super) extern "C" fn wait_event(thread: &mut Thread) -> i32 {
    guard(thread, 0, |thread| match my_wait_event(thread) {
        Ok(e) => e.0 as i32,
        Err(e) => {
            raise(thread, e);
            0
        }
    })
}

/// The thread's `Monitor.Wait` event (an auto-reset kernel event).
fn my_wait_event(thread: &mut Thread) -> Result<osprey_kernel::Handle, MonitorError> {
    if let Some(e) = thread.wait_event {
        return Ok(e);
    }
    let e = thread.runtime().os.create_event(false, false)?;
    thread.wait_event = Some(e);
    Ok(e)
}
