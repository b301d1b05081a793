//! The kernel's one waiting mechanism: objects threads can wait on
//! ([`SyncCell`]), and the waits themselves ([`wait_any`], [`wait_all`]).
//!
//! Every waitable kernel object (events, mutexes, semaphores, threads,
//! processes, endpoints) is a [`SyncCell`]: its state (a [`Signal`]) and
//! the threads registered to wait on it, behind one lock. A waiting thread
//! has a [`Waiter`] (a flag word and a condition variable). A wait:
//!
//! 1. visits its objects in order: each one either *grants* itself at once
//!    (a set event, a free mutex, ...) or registers the waiter;
//! 2. blocks on the waiter's condition variable (never spinning) until an
//!    object grants itself, the deadline passes, or the process is stopped;
//! 3. unregisters from every object.
//!
//! An object whose state changes (an event set, a mutex released, a message
//! queued) *hands itself to* the first registered waiters it can satisfy,
//! under its lock and the waiter's (always in that order: object, then
//! waiter): the acquisition (an auto-reset event's reset, a mutex's owner,
//! a semaphore's count) happens at that moment, on the waiter's behalf. So
//! exactly one of "granted" and "gave up" happens to every wait, and a
//! signal is never lost between a check and a block.
//!
//! [`wait_all`] acquires every object at once or none: it locks them all
//! (in address order), and only when each can be acquired does it acquire
//! them; otherwise it registers to be *notified* of any change and tries
//! again.
//!
//! **Stopping.** A wait that is *interruptible* (every ABI v4 wait) is
//! entered in its process's list of waits. When the process is stopped
//! (`ProcessService::Stop`, or its parent's `ProcessHandle::Terminate`),
//! every such wait returns [`Status::Stopped`] at once, and so does every
//! later one: this is how the kernel gets a thread of a dying process back
//! out of a wait (see docs/kernel.md, "Stopping a process"). ABI v2 waits
//! are not interruptible and keep their v2 behaviour.

use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Condvar, Mutex, MutexGuard};
use std::time::Instant;

use crate::process::lock;
use crate::{Status, ThreadId};

/// How an object was acquired by a wait.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub(crate) enum Acquired {
    /// Normally.
    Ok,
    /// A mutex whose owner ended without releasing it: the waiter owns it
    /// now, but what it protects may be inconsistent.
    Abandoned,
}

/// The state of a waitable object: whether (and how) a thread can acquire
/// it now.
pub(crate) trait Signal: Send + 'static {
    /// Acquires the object for `thread` if it can be acquired now
    /// (consuming what acquisition consumes: an auto-reset event's signal,
    /// a semaphore's count, a mutex's ownership).
    fn try_acquire(&mut self, thread: ThreadId) -> Option<Acquired>;
    /// Whether [`Signal::try_acquire`] would succeed, without acquiring.
    fn ready(&self, thread: ThreadId) -> bool;
}

/// How a registered waiter waits on an object.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
enum Mode {
    /// [`wait_any`]: the object grants itself to the waiter.
    Any,
    /// [`wait_all`]: the object only tells the waiter that it changed.
    All,
}

struct WaiterState {
    /// The wait is over: an object granted itself, or the waiter gave up.
    done: bool,
    /// Which object granted itself, and how.
    granted: Option<(usize, Acquired)>,
    /// A [`Mode::All`] waiter's object changed.
    notified: bool,
    /// The process was stopped.
    stopped: bool,
}

/// A thread blocked in a wait.
pub(crate) struct Waiter {
    thread: ThreadId,
    state: Mutex<WaiterState>,
    wake: Condvar,
    /// Identity within the process's list of waits.
    id: u64,
}

static NEXT_WAITER: AtomicU64 = AtomicU64::new(1);

impl Waiter {
    fn new(thread: ThreadId) -> Arc<Waiter> {
        Arc::new(Waiter {
            thread,
            state: Mutex::new(WaiterState {
                done: false,
                granted: None,
                notified: false,
                stopped: false,
            }),
            wake: Condvar::new(),
            id: NEXT_WAITER.fetch_add(1, Ordering::Relaxed),
        })
    }

    /// Tells the waiter that its process is being stopped.
    pub(crate) fn stop(&self) {
        lock(&self.state).stopped = true;
        self.wake.notify_all();
    }
}

struct Registration {
    waiter: Arc<Waiter>,
    index: usize,
    mode: Mode,
}

struct CellInner<S> {
    signal: S,
    waiters: Vec<Registration>,
}

/// A waitable kernel object: its [`Signal`] state and its waiters.
pub(crate) struct SyncCell<S: Signal> {
    inner: Mutex<CellInner<S>>,
}

/// Something threads can wait on (a [`SyncCell`] of any signal type).
pub(crate) trait Waitable: Send + Sync {
    /// Step 1 of [`wait_any`]: acquire now, or register `waiter`.
    fn acquire_or_register(&self, waiter: &Arc<Waiter>, index: usize);
    /// Removes `waiter`'s registrations.
    fn unregister(&self, waiter: &Waiter);
    /// Locks the object for [`wait_all`].
    fn lock_all(&self) -> Box<dyn LockedCell + '_>;
    /// The object's identity (duplicate detection, lock order).
    fn address(&self) -> usize;
}

/// A [`SyncCell`] locked by [`wait_all`].
pub(crate) trait LockedCell {
    fn ready(&self, thread: ThreadId) -> bool;
    fn acquire(&mut self, thread: ThreadId) -> Option<Acquired>;
    fn register_notify(&mut self, waiter: &Arc<Waiter>, index: usize);
}

impl<S: Signal> LockedCell for MutexGuard<'_, CellInner<S>> {
    fn ready(&self, thread: ThreadId) -> bool {
        self.signal.ready(thread)
    }
    fn acquire(&mut self, thread: ThreadId) -> Option<Acquired> {
        self.signal.try_acquire(thread)
    }
    fn register_notify(&mut self, waiter: &Arc<Waiter>, index: usize) {
        self.waiters.push(Registration {
            waiter: Arc::clone(waiter),
            index,
            mode: Mode::All,
        });
    }
}

impl<S: Signal> SyncCell<S> {
    /// A cell in state `signal`, with no waiters.
    pub(crate) fn new(signal: S) -> SyncCell<S> {
        SyncCell {
            inner: Mutex::new(CellInner {
                signal,
                waiters: Vec::new(),
            }),
        }
    }

    /// Runs `f` on the state under the cell's lock, then hands the object
    /// to the waiters it can now satisfy (in registration order).
    pub(crate) fn update<R>(&self, f: impl FnOnce(&mut S) -> R) -> R {
        let mut woken = Vec::new();
        let r = {
            let mut inner = lock(&self.inner);
            let r = f(&mut inner.signal);
            Self::wake(&mut inner, &mut woken);
            r
        };
        // Notified once no lock is held: a woken thread does not wake up
        // only to block on the cell's or its own lock.
        for w in woken {
            w.wake.notify_all();
        }
        r
    }

    /// How many waiters are registered (tests).
    #[cfg(test)]
    pub(crate) fn waiter_count(&self) -> usize {
        lock(&self.inner).waiters.len()
    }

    /// Reads the state under the cell's lock (no waiter is woken).
    pub(crate) fn with<R>(&self, f: impl FnOnce(&mut S) -> R) -> R {
        f(&mut lock(&self.inner).signal)
    }

    /// Hands the object to the waiters it can satisfy; the ones to notify
    /// go to `woken` (the caller notifies them after unlocking).
    fn wake(inner: &mut CellInner<S>, woken: &mut Vec<Arc<Waiter>>) {
        let CellInner { signal, waiters } = inner;
        waiters.retain(|r| {
            let mut w = lock(&r.waiter.state);
            if w.done {
                return false;
            }
            match r.mode {
                Mode::Any => match signal.try_acquire(r.waiter.thread) {
                    Some(how) => {
                        w.granted = Some((r.index, how));
                        w.done = true;
                        woken.push(Arc::clone(&r.waiter));
                        false
                    }
                    None => true,
                },
                Mode::All => {
                    w.notified = true;
                    woken.push(Arc::clone(&r.waiter));
                    true
                }
            }
        });
    }
}

impl<S: Signal> Waitable for SyncCell<S> {
    fn acquire_or_register(&self, waiter: &Arc<Waiter>, index: usize) {
        let mut inner = lock(&self.inner);
        {
            let mut w = lock(&waiter.state);
            if w.done {
                return;
            }
            if let Some(how) = inner.signal.try_acquire(waiter.thread) {
                w.granted = Some((index, how));
                w.done = true;
                return;
            }
        }
        inner.waiters.push(Registration {
            waiter: Arc::clone(waiter),
            index,
            mode: Mode::Any,
        });
    }

    fn unregister(&self, waiter: &Waiter) {
        lock(&self.inner)
            .waiters
            .retain(|r| !std::ptr::eq(Arc::as_ptr(&r.waiter), waiter));
    }

    fn lock_all(&self) -> Box<dyn LockedCell + '_> {
        Box::new(lock(&self.inner))
    }

    fn address(&self) -> usize {
        self as *const Self as *const u8 as usize
    }
}

/// Whether a wait can be interrupted by stopping its process, and which
/// process that is.
#[derive(Clone, Copy)]
pub(crate) enum Interrupt<'a> {
    /// An ABI v2 wait: only its objects or its deadline end it.
    No,
    /// An ABI v4 wait of a thread of the process whose waits these are:
    /// stopping the process ends it with [`Status::Stopped`].
    By(&'a ProcessWaits),
}

/// Enters `waiter` in the process's list of waits; `Stopped` if the
/// process is already stopping.
fn enter(interrupt: Interrupt<'_>, waiter: &Arc<Waiter>) -> Result<(), Status> {
    match interrupt {
        Interrupt::No => Ok(()),
        Interrupt::By(p) => p.enter(waiter),
    }
}

fn leave(interrupt: Interrupt<'_>, waiter: &Waiter) {
    if let Interrupt::By(p) = interrupt {
        p.leave(waiter.id);
    }
}

/// A process's waits, for stopping them.
#[derive(Default)]
pub(crate) struct ProcessWaits {
    /// Set once the process is being stopped.
    pub(crate) stopping: AtomicBool,
    waits: Mutex<Vec<Arc<Waiter>>>,
}

impl ProcessWaits {
    /// Enters a wait; `Stopped` once the process is stopping.
    pub(crate) fn enter(&self, waiter: &Arc<Waiter>) -> Result<(), Status> {
        let mut waits = lock(&self.waits);
        if self.stopping.load(Ordering::SeqCst) {
            return Err(Status::Stopped);
        }
        waits.push(Arc::clone(waiter));
        Ok(())
    }

    /// Removes the wait with id `id`.
    pub(crate) fn leave(&self, id: u64) {
        let mut waits = lock(&self.waits);
        if let Some(i) = waits.iter().position(|w| w.id == id) {
            waits.swap_remove(i);
        }
    }

    /// Marks the process stopping and returns the waits to wake (with
    /// [`Waiter::stop`]), or `None` if it was already stopping. From now on
    /// no new wait is entered.
    pub(crate) fn begin_stop(&self) -> Option<Vec<Arc<Waiter>>> {
        let waits = lock(&self.waits);
        if self.stopping.swap(true, Ordering::SeqCst) {
            return None;
        }
        Some(waits.clone())
    }

    /// Marks the process stopping and wakes every wait it has; returns
    /// whether this call was the first.
    #[cfg(test)]
    pub(crate) fn stop_all(&self) -> bool {
        match self.begin_stop() {
            Some(waits) => {
                for w in waits {
                    w.stop();
                }
                true
            }
            None => false,
        }
    }

    /// Whether the process is stopping.
    pub(crate) fn is_stopping(&self) -> bool {
        self.stopping.load(Ordering::SeqCst)
    }
}

/// Blocks on `waiter` until its wait is over, the deadline passes or (with
/// `check_notify`) an object notified it. Returns the state lock.
fn block<'a>(
    waiter: &'a Waiter,
    deadline: Option<Instant>,
    check_notify: bool,
) -> MutexGuard<'a, WaiterState> {
    let mut w = lock(&waiter.state);
    loop {
        if w.done || w.stopped || (check_notify && w.notified) {
            return w;
        }
        match deadline {
            None => w = waiter.wake.wait(w).unwrap_or_else(|e| e.into_inner()),
            Some(d) => {
                let now = Instant::now();
                if now >= d {
                    return w;
                }
                w = waiter
                    .wake
                    .wait_timeout(w, d - now)
                    .unwrap_or_else(|e| e.into_inner())
                    .0;
            }
        }
    }
}

/// Waits until one of `objects` can be acquired (and acquires it), the
/// deadline passes (`TimedOut`) or, for an interruptible wait, the process
/// is stopped (`Stopped`). Returns the index of the acquired object and how
/// it was acquired. With no objects, waits for the deadline (a sleep):
/// `TimedOut` when it passes.
pub(crate) fn wait_any(
    objects: &[Arc<dyn Waitable>],
    deadline: Option<Instant>,
    interrupt: Interrupt<'_>,
    thread: ThreadId,
) -> Result<(usize, Acquired), Status> {
    let waiter = Waiter::new(thread);
    enter(interrupt, &waiter)?;
    for (i, o) in objects.iter().enumerate() {
        o.acquire_or_register(&waiter, i);
        if lock(&waiter.state).done {
            break;
        }
    }
    let result = {
        let mut w = block(&waiter, deadline, false);
        if !w.done {
            // Give up: no object may grant itself from now on.
            w.done = true;
        }
        match (w.granted, w.stopped) {
            (Some(g), _) => Ok(g),
            (None, true) => Err(Status::Stopped),
            (None, false) => Err(Status::TimedOut),
        }
    };
    for o in objects {
        o.unregister(&waiter);
    }
    leave(interrupt, &waiter);
    result
}

/// Waits until every one of `objects` can be acquired, and acquires them
/// all at once; `TimedOut`, `Stopped` as for [`wait_any`]. Returns whether
/// any was an abandoned mutex. The objects must be distinct
/// (`InvalidArgument` otherwise).
pub(crate) fn wait_all(
    objects: &[Arc<dyn Waitable>],
    deadline: Option<Instant>,
    interrupt: Interrupt<'_>,
    thread: ThreadId,
) -> Result<Acquired, Status> {
    let mut order: Vec<usize> = (0..objects.len()).collect();
    order.sort_by_key(|&i| objects[i].address());
    if order
        .windows(2)
        .any(|w| objects[w[0]].address() == objects[w[1]].address())
    {
        return Err(Status::InvalidArgument);
    }
    let waiter = Waiter::new(thread);
    enter(interrupt, &waiter)?;
    let result = loop {
        {
            let mut locked: Vec<Box<dyn LockedCell + '_>> =
                order.iter().map(|&i| objects[i].lock_all()).collect();
            if locked.iter().all(|l| l.ready(thread)) {
                let mut how = Acquired::Ok;
                for l in &mut locked {
                    if l.acquire(thread) == Some(Acquired::Abandoned) {
                        how = Acquired::Abandoned;
                    }
                }
                break Ok(how);
            }
            lock(&waiter.state).notified = false;
            for (k, l) in locked.iter_mut().enumerate() {
                l.register_notify(&waiter, order[k]);
            }
        }
        let w = block(&waiter, deadline, true);
        let (notified, stopped) = (w.notified, w.stopped);
        drop(w);
        for o in objects {
            o.unregister(&waiter);
        }
        if stopped {
            break Err(Status::Stopped);
        }
        if !notified {
            break Err(Status::TimedOut);
        }
    };
    for o in objects {
        o.unregister(&waiter);
    }
    leave(interrupt, &waiter);
    result
}

/// A one-way flag that releases every waiter once raised: a thread's or a
/// process's end (threads and processes are waitable).
pub(crate) struct Done(pub(crate) bool);

impl Signal for Done {
    fn try_acquire(&mut self, _thread: ThreadId) -> Option<Acquired> {
        self.0.then_some(Acquired::Ok)
    }
    fn ready(&self, _thread: ThreadId) -> bool {
        self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    struct Count(u32);
    impl Signal for Count {
        fn try_acquire(&mut self, _: ThreadId) -> Option<Acquired> {
            (self.0 > 0).then(|| {
                self.0 -= 1;
                Acquired::Ok
            })
        }
        fn ready(&self, _: ThreadId) -> bool {
            self.0 > 0
        }
    }

    fn soon() -> Option<Instant> {
        Some(Instant::now() + Duration::from_secs(10))
    }

    #[test]
    fn any_takes_the_first_ready_object_only() {
        let a: Arc<SyncCell<Count>> = Arc::new(SyncCell::new(Count(0)));
        let b = Arc::new(SyncCell::new(Count(1)));
        let c = Arc::new(SyncCell::new(Count(1)));
        let objs: Vec<Arc<dyn Waitable>> = vec![a.clone(), b.clone(), c.clone()];
        let r = wait_any(&objs, soon(), Interrupt::No, ThreadId(1));
        assert_eq!(r, Ok((1, Acquired::Ok)));
        assert_eq!(c.with(|s| s.0), 1, "c untouched");
        assert_eq!(b.with(|s| s.0), 0);
        let r = wait_any(&objs[..1], Some(Instant::now()), Interrupt::No, ThreadId(1));
        assert_eq!(r, Err(Status::TimedOut));
    }

    #[test]
    fn a_blocked_waiter_is_granted_by_an_update() {
        let a = Arc::new(SyncCell::new(Count(0)));
        let objs: Vec<Arc<dyn Waitable>> = vec![a.clone()];
        let t = std::thread::spawn(move || wait_any(&objs, soon(), Interrupt::No, ThreadId(2)));
        while lock(&a.inner).waiters.is_empty() {
            std::thread::yield_now();
        }
        a.update(|s| s.0 += 2);
        assert_eq!(t.join().unwrap(), Ok((0, Acquired::Ok)));
        assert_eq!(a.with(|s| s.0), 1, "the grant took exactly one");
        assert!(lock(&a.inner).waiters.is_empty(), "unregistered");
    }

    #[test]
    fn all_acquires_everything_at_once_or_nothing() {
        let a = Arc::new(SyncCell::new(Count(1)));
        let b = Arc::new(SyncCell::new(Count(0)));
        let objs: Vec<Arc<dyn Waitable>> = vec![a.clone(), b.clone()];
        let r = wait_all(&objs, Some(Instant::now()), Interrupt::No, ThreadId(1));
        assert_eq!(r, Err(Status::TimedOut));
        assert_eq!(a.with(|s| s.0), 1, "nothing taken");
        let objs2 = objs.clone();
        let t = std::thread::spawn(move || wait_all(&objs2, soon(), Interrupt::No, ThreadId(3)));
        std::thread::sleep(Duration::from_millis(20));
        b.update(|s| s.0 = 1);
        assert_eq!(t.join().unwrap(), Ok(Acquired::Ok));
        assert_eq!((a.with(|s| s.0), b.with(|s| s.0)), (0, 0));
        let dup: Vec<Arc<dyn Waitable>> = vec![a.clone(), a.clone()];
        assert_eq!(
            wait_all(&dup, None, Interrupt::No, ThreadId(1)),
            Err(Status::InvalidArgument)
        );
    }

    #[test]
    fn stopping_ends_interruptible_waits_now_and_later() {
        let waits = Arc::new(ProcessWaits::default());
        let w = Waiter::new(ThreadId(1));
        waits.enter(&w).unwrap();
        let w2 = Arc::clone(&w);
        let t = std::thread::spawn(move || block(&w2, None, false).stopped);
        std::thread::sleep(Duration::from_millis(10));
        assert!(waits.stop_all());
        assert!(t.join().unwrap());
        assert!(!waits.stop_all(), "only the first stop counts");
        assert_eq!(waits.enter(&Waiter::new(ThreadId(1))), Err(Status::Stopped));
    }
}
