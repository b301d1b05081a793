//! Kernel processes: the process table, the thread binding and the process
//! life cycle. This is the version-independent implementation behind
//! `ProcessService`, `ProcessHandle` and the host API.
//!
//! Life cycle: `Created` (id assigned, in the process table, not running) →
//! `Running` (its main thread is bound to it and runs `main`; other threads
//! may be created with `ThreadHandle::Create`) → `Exited` (exit code
//! recorded, console flushed, pages unmapped, handles released, removed from
//! the table). A created process whose last handle is dropped before it is
//! started is `Discarded` instead.
//!
//! When `main` returns (or panics) the process first stops accepting new
//! threads and waits until each of its other threads has returned (and its
//! OS thread has exited); only then does it release its pages and handles.
//! So no thread ever runs after its process's pages are unmapped; the price
//! is that a runtime must stop its background threads before returning from
//! `main`, or the process does not end.

use std::cell::{Cell, RefCell};
use std::collections::BTreeMap;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::atomic::{AtomicU32, AtomicUsize, Ordering};
use std::sync::{Arc, Condvar, Mutex, MutexGuard, Weak};
use std::thread::JoinHandle;

use crate::channel::Endpoint;
use crate::console::Console;
use crate::exchange::{self, Owner};
use crate::handles::{self, HandleTable, KernelObject};
use crate::memory::AddressSpace;
use crate::mutex::KernelMutex;
use crate::sync::{Done, ProcessWaits, SyncCell, Waitable};
use crate::{clock, thread, Handle, KernelError, ProcessId, Status, ThreadId};

/// Threads bound to a process (main threads included), kernel-wide.
static LIVE_THREADS: AtomicUsize = AtomicUsize::new(0);

/// How many threads are bound to processes right now, kernel-wide.
pub(crate) fn live_threads() -> usize {
    LIVE_THREADS.load(Ordering::Relaxed)
}

/// The exit code recorded for a process whose `main` panicked.
pub const EXIT_CODE_PANIC: i32 = 101;

/// The body of a process.
pub(crate) type Main = Box<dyn FnOnce() -> i32 + Send + 'static>;

/// Locks a mutex, ignoring poisoning: kernel state stays consistent because
/// no kernel code panics while holding a lock (and if it did, the boundary
/// reports `Internal`).
pub(crate) fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

/// Why a process ended.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ExitReason {
    /// `main` returned; its result is the exit code.
    Returned,
    /// The process called `ProcessService::Terminate`; the code it passed is
    /// the exit code (whatever `main` returned afterwards is ignored).
    Terminated,
    /// `main` panicked (a runtime bug). The exit code is
    /// [`EXIT_CODE_PANIC`]; the string is the panic message when it was one.
    Panicked(String),
}

/// The record of an ended process.
#[derive(Clone, Debug)]
pub(crate) struct ExitRecord {
    pub(crate) exit_code: i32,
    pub(crate) reason: ExitReason,
    pub(crate) reclaimed_bytes: u64,
}

enum State {
    Created { main: Main, stack_size: usize },
    Running,
    Exited(ExitRecord),
    Discarded,
}

/// Whether a process may use the file system (`FileService`, ABI v5).
/// Chosen when the process is created; a child gets its parent's.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum FileSystemAccess {
    /// The `FileService` entries act on the OS file system (with the OS
    /// process's own permissions).
    #[default]
    Allowed,
    /// Every `FileService` entry that would touch the file system returns
    /// `Status::NotPermitted` (corelib raises UnauthorizedAccessException).
    Denied,
}

/// What a process is created with.
pub(crate) struct Spec {
    pub(crate) name: String,
    pub(crate) args: Vec<String>,
    pub(crate) console: Arc<Console>,
    pub(crate) stack_size: usize,
    pub(crate) file_access: FileSystemAccess,
    /// Endpoints the child starts with (ABI v4: `ProcessHandle::CreateFromImage`),
    /// already taken out of the parent: they go in the child's table.
    pub(crate) startup_endpoints: Vec<Arc<Endpoint>>,
}

/// A kernel process: one runtime instance inside the OS process.
pub(crate) struct Process {
    id: ProcessId,
    name: String,
    args: Vec<String>,
    /// The environment variables the process sees: a snapshot of the OS
    /// process's environment taken when the process was created.
    environment: Vec<(String, String)>,
    console: Arc<Console>,
    file_access: FileSystemAccess,
    memory: Mutex<AddressSpace>,
    handles: Mutex<HandleTable>,
    terminate_code: Mutex<Option<i32>>,
    state: Mutex<State>,
    state_changed: Condvar,
    thread: Mutex<Option<JoinHandle<()>>>,
    /// The threads created with `ThreadHandle::Create` (not the main one).
    threads: Mutex<Threads>,
    /// The secret a thread the kernel did not create presents to join this
    /// process (`ThreadHandle::AttachCurrent`, ABI v3).
    attach_token: u64,
    /// The process's interruptible (ABI v4) waits, for stopping them.
    waits: ProcessWaits,
    /// Raised when the process has ended (or was discarded): what waits on
    /// a process handle wait for.
    exit_cell: Arc<SyncCell<Done>>,
    /// The mutexes created in this process, to abandon a dying thread's.
    mutexes: Mutex<Vec<Weak<KernelMutex>>>,
    /// Threads bound to this process right now (the main one included).
    live_threads: AtomicUsize,
    /// Handles of the startup endpoints, in the process's own table.
    startup_endpoints: Vec<Handle>,
}

/// A process's threads besides its main thread.
#[derive(Default)]
struct Threads {
    /// Set when `main` has returned: no new threads from then on.
    ending: bool,
    /// The OS threads not yet joined (finished ones are reaped lazily).
    running: Vec<JoinHandle<()>>,
}

static NEXT_ID: AtomicU32 = AtomicU32::new(1);
static TABLE: Mutex<BTreeMap<ProcessId, Arc<Process>>> = Mutex::new(BTreeMap::new());

thread_local! {
    /// The process the current OS thread runs code for.
    static CURRENT: RefCell<Option<Arc<Process>>> = const { RefCell::new(None) };
    /// The kernel thread id of the current OS thread while it is bound (0
    /// otherwise).
    static CURRENT_THREAD: Cell<u32> = const { Cell::new(0) };
    /// The current OS thread was bound by `ThreadHandle::AttachCurrent`
    /// (not created by the kernel), so it may detach itself.
    static ATTACHED: Cell<bool> = const { Cell::new(false) };
}

/// The calling thread's process, if it is bound to one.
pub(crate) fn current() -> Option<Arc<Process>> {
    CURRENT
        .try_with(|c| c.try_borrow().ok().and_then(|p| p.clone()))
        .ok()
        .flatten()
}

/// The calling thread's kernel thread id; [`ThreadId::NONE`] on a thread
/// bound to no process.
pub(crate) fn current_thread_id() -> ThreadId {
    ThreadId(CURRENT_THREAD.try_with(Cell::get).unwrap_or(0))
}

/// The calling thread's process, or `NoProcess`.
pub(crate) fn current_or_status() -> Result<Arc<Process>, Status> {
    current().ok_or(Status::NoProcess)
}

/// Number of processes in the table (created or running).
pub(crate) fn live_count() -> usize {
    lock(&TABLE).len()
}

/// Every process in the table.
pub(crate) fn all() -> Vec<Arc<Process>> {
    lock(&TABLE).values().cloned().collect()
}

/// A hard-to-guess, non-zero attach token for process `id`: the process id
/// in the low 32 bits, mixed with the clock and an address.
fn new_attach_token(id: u32) -> u64 {
    let local = 0u8;
    let mut x = clock::cycle_count() ^ ((&local as *const u8 as u64) << 17) ^ 0x9E37_79B9_7F4A_7C15;
    // splitmix64's finalizer.
    x = (x ^ (x >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    x ^= x >> 31;
    (x << 32) | u64::from(id)
}

/// Binds the calling OS thread, which the kernel did not create and which
/// is bound to no process, to the process whose attach token is `token`,
/// as a new kernel thread (`ThreadHandle::AttachCurrent`). `InvalidState`
/// if the thread is already bound; `NotFound` if no running process has
/// that token; `OutOfMemory` once thread ids are exhausted.
pub(crate) fn attach_current(token: u64) -> Result<ThreadId, Status> {
    if current().is_some() {
        return Err(Status::InvalidState);
    }
    let process = lock(&TABLE)
        .values()
        .find(|p| p.attach_token == token && token != 0)
        .cloned()
        .ok_or(Status::NotFound)?;
    if lock(&process.threads).ending {
        return Err(Status::NotFound);
    }
    let id = thread::next_id().ok_or(Status::OutOfMemory)?;
    let binding = Binding::bind(&process, id).map_err(|_| Status::InvalidState)?;
    // The binding lasts until `detach_current` (or the OS thread's exit,
    // which drops the thread-locals).
    std::mem::forget(binding);
    let _ = ATTACHED.try_with(|a| a.set(true));
    Ok(id)
}

/// Unbinds a thread bound by [`attach_current`]. `InvalidState` for a
/// thread the kernel created (or one bound to no process).
pub(crate) fn detach_current() -> Result<(), Status> {
    if !ATTACHED.try_with(Cell::get).unwrap_or(false) {
        return Err(Status::InvalidState);
    }
    let _ = ATTACHED.try_with(|a| a.set(false));
    drop(Binding);
    Ok(())
}

/// Binds the calling thread to `process`, as kernel thread `thread`, until
/// the guard drops.
struct Binding;

impl Binding {
    fn bind(process: &Arc<Process>, thread: ThreadId) -> Result<Binding, KernelError> {
        CURRENT.with(|c| {
            let mut slot = c.borrow_mut();
            if slot.is_some() {
                return Err(KernelError::ThreadAlreadyBound);
            }
            *slot = Some(Arc::clone(process));
            CURRENT_THREAD.with(|t| t.set(thread.0));
            Ok(Binding)
        })
    }
}

impl Drop for Binding {
    fn drop(&mut self) {
        let _ = CURRENT_THREAD.try_with(|t| t.set(0));
        let _ = CURRENT.try_with(|c| c.borrow_mut().take());
    }
}

/// Extracts a panic payload's message.
pub(crate) fn panic_message(payload: &(dyn std::any::Any + Send)) -> String {
    if let Some(s) = payload.downcast_ref::<&str>() {
        (*s).to_owned()
    } else if let Some(s) = payload.downcast_ref::<String>() {
        s.clone()
    } else {
        String::from("(non-string panic payload)")
    }
}

impl Process {
    /// Creates a process in the `Created` state and enters it in the table.
    pub(crate) fn create(spec: Spec, main: Main) -> Result<Arc<Process>, KernelError> {
        clock::boot();
        let id = NEXT_ID
            .fetch_update(Ordering::Relaxed, Ordering::Relaxed, |n| n.checked_add(1))
            .map_err(|_| KernelError::ProcessIdsExhausted)?;
        let mut table = HandleTable::default();
        let mut startup_endpoints = Vec::with_capacity(spec.startup_endpoints.len());
        let mut endpoints = spec.startup_endpoints.into_iter();
        for e in endpoints.by_ref() {
            e.set_holder(Owner::Process(ProcessId(id)));
            match table.insert(KernelObject::Endpoint(Arc::clone(&e))) {
                Ok(h) => startup_endpoints.push(h),
                Err(_) => {
                    e.close();
                    break;
                }
            }
        }
        for e in endpoints {
            e.close();
        }
        let process = Arc::new(Process {
            id: ProcessId(id),
            name: spec.name,
            args: spec.args,
            environment: std::env::vars_os()
                .filter_map(|(k, v)| Some((k.into_string().ok()?, v.into_string().ok()?)))
                .collect(),
            console: spec.console,
            file_access: spec.file_access,
            memory: Mutex::new(AddressSpace::default()),
            handles: Mutex::new(table),
            terminate_code: Mutex::new(None),
            state: Mutex::new(State::Created {
                main,
                stack_size: spec.stack_size,
            }),
            state_changed: Condvar::new(),
            thread: Mutex::new(None),
            threads: Mutex::new(Threads::default()),
            attach_token: new_attach_token(id),
            waits: ProcessWaits::default(),
            exit_cell: Arc::new(SyncCell::new(Done(false))),
            mutexes: Mutex::new(Vec::new()),
            live_threads: AtomicUsize::new(0),
            startup_endpoints,
        });
        lock(&TABLE).insert(process.id, Arc::clone(&process));
        Ok(process)
    }

    /// Starts a created process on a new OS thread.
    pub(crate) fn start(self: &Arc<Self>) -> Result<(), KernelError> {
        let (main, stack_size) = {
            let mut state = lock(&self.state);
            match std::mem::replace(&mut *state, State::Running) {
                State::Created { main, stack_size } => (main, stack_size),
                other => {
                    *state = other;
                    return Err(KernelError::Status(Status::InvalidState));
                }
            }
        };
        let process = Arc::clone(self);
        let thread_name: String = format!("osprey-{}-{}", self.id, self.name)
            .chars()
            .filter(|c| *c != '\0')
            .collect();
        let spawned = std::thread::Builder::new()
            .name(thread_name)
            .stack_size(stack_size)
            .spawn(move || {
                // The thread is new, so binding cannot fail; if it somehow
                // did, the process still ends cleanly with a panic record.
                let _ = process.run_here(main);
            });
        match spawned {
            Ok(thread) => {
                *lock(&self.thread) = Some(thread);
                Ok(())
            }
            Err(e) => {
                self.discard();
                Err(KernelError::ThreadSpawn(e))
            }
        }
    }

    /// Runs a created process on the calling thread until it ends.
    pub(crate) fn run_in_current_thread(self: &Arc<Self>) -> Result<(), KernelError> {
        let main = {
            let mut state = lock(&self.state);
            match std::mem::replace(&mut *state, State::Running) {
                State::Created { main, .. } => main,
                other => {
                    *state = other;
                    return Err(KernelError::Status(Status::InvalidState));
                }
            }
        };
        self.run_here(main)
    }

    /// Binds the calling thread, runs `main`, and ends the process.
    fn run_here(self: &Arc<Self>, main: Main) -> Result<(), KernelError> {
        let thread_id = thread::next_id().unwrap_or(ThreadId::NONE);
        let binding = match Binding::bind(self, thread_id) {
            Ok(binding) => binding,
            Err(e) => {
                // Never run `main` on a thread bound to another process.
                self.end(Err(String::from("thread already bound to a process")));
                return Err(e);
            }
        };
        self.thread_started();
        let outcome = catch_unwind(AssertUnwindSafe(main)).map_err(|payload| {
            let message = panic_message(&*payload);
            // A payload whose destructor panics must not escape: leak it.
            std::mem::forget(payload);
            message
        });
        self.thread_exited(thread_id);
        self.end(outcome);
        drop(binding);
        Ok(())
    }

    /// A thread was bound to the process.
    fn thread_started(&self) {
        self.live_threads.fetch_add(1, Ordering::Relaxed);
        LIVE_THREADS.fetch_add(1, Ordering::Relaxed);
    }

    /// Thread `id` returned from its body: the mutexes it still owns are
    /// abandoned.
    fn thread_exited(&self, id: ThreadId) {
        let mutexes: Vec<Arc<KernelMutex>> = {
            let mut all = lock(&self.mutexes);
            all.retain(|m| m.strong_count() > 0);
            all.iter().filter_map(Weak::upgrade).collect()
        };
        for m in mutexes {
            m.abandon(id);
        }
        self.live_threads.fetch_sub(1, Ordering::Relaxed);
        LIVE_THREADS.fetch_sub(1, Ordering::Relaxed);
    }

    /// Records a mutex created in this process (abandoned when its owner
    /// thread ends).
    pub(crate) fn add_mutex(&self, m: &Arc<KernelMutex>) {
        let mut all = lock(&self.mutexes);
        all.retain(|m| m.strong_count() > 0);
        all.push(Arc::downgrade(m));
    }

    /// Ends the process: waits for its other threads, records the exit,
    /// flushes the console, unmaps its pages, releases its handles, leaves
    /// the table and wakes joiners.
    ///
    /// Called on the main thread once `main` has returned. From then on
    /// `ThreadHandle::Create` fails with `InvalidState`; the threads that
    /// exist are joined (their OS threads have exited, thread-local
    /// destructors included) before anything is released, so none of them
    /// can touch the process's pages after they are unmapped.
    fn end(self: &Arc<Self>, outcome: Result<i32, String>) {
        let others = {
            let mut threads = lock(&self.threads);
            threads.ending = true;
            std::mem::take(&mut threads.running)
        };
        for other in others {
            // A thread body never panics out (it runs its entry under
            // `catch_unwind`); an `Err` would only repeat that.
            let _ = other.join();
        }
        let terminated = *lock(&self.terminate_code);
        let (exit_code, reason) = match (outcome, terminated) {
            (Err(message), _) => (EXIT_CODE_PANIC, ExitReason::Panicked(message)),
            (Ok(_), Some(code)) => (code, ExitReason::Terminated),
            (Ok(code), None) => (code, ExitReason::Returned),
        };
        let _ = self.console.flush();
        let reclaimed_bytes = lock(&self.memory).release_all() as u64;
        let objects = lock(&self.handles).take_all();
        handles::release_objects(objects);
        exchange::release_process(self.id);
        lock(&TABLE).remove(&self.id);
        *lock(&self.state) = State::Exited(ExitRecord {
            exit_code,
            reason,
            reclaimed_bytes,
        });
        self.state_changed.notify_all();
        self.exit_cell.update(|d| d.0 = true);
    }

    /// Drops a process that will never run (its startup endpoints close).
    fn discard(&self) {
        lock(&TABLE).remove(&self.id);
        let objects = lock(&self.handles).take_all();
        handles::release_objects(objects);
        exchange::release_process(self.id);
        *lock(&self.state) = State::Discarded;
        self.state_changed.notify_all();
        self.exit_cell.update(|d| d.0 = true);
    }

    /// What a wait on the process waits for: its end.
    pub(crate) fn waitable(&self) -> Arc<dyn Waitable> {
        Arc::clone(&self.exit_cell) as Arc<dyn Waitable>
    }

    /// The process's interruptible waits.
    pub(crate) fn waits(&self) -> &ProcessWaits {
        &self.waits
    }

    /// Stops the process (ABI v4, `ProcessService::Stop` and
    /// `ProcessHandle::Terminate`): records `exit_code` unless an exit code
    /// is already recorded, sets the process's stop word, and ends every
    /// interruptible wait of its threads (now and later) with `Stopped`.
    /// The process's runtime then returns from its threads and its `main`,
    /// and the process ends as usual.
    pub(crate) fn stop(&self, exit_code: i32) {
        {
            let mut code = lock(&self.terminate_code);
            if code.is_none() {
                *code = Some(exit_code);
            }
        }
        // The stop word first, then the waits: a thread woken from its wait
        // finds the word already set.
        if let Some(waits) = self.waits.begin_stop() {
            lock(&self.memory).raise_stop_word();
            for w in waits {
                w.stop();
            }
        }
    }

    /// The exit code recorded by `Terminate` or `Stop`, once the process
    /// is stopping.
    pub(crate) fn stop_code(&self) -> Option<i32> {
        if self.waits.is_stopping() {
            *lock(&self.terminate_code)
        } else {
            None
        }
    }

    /// Registers the stop word (`ProcessService::SetStopWord`); if the
    /// process is already stopping, sets it at once.
    pub(crate) fn set_stop_word(&self, at: usize, bits: u32) -> Result<(), Status> {
        let mut memory = lock(&self.memory);
        memory.set_stop_word(at, bits)?;
        if self.waits.is_stopping() {
            memory.raise_stop_word();
        }
        Ok(())
    }

    /// Whether the process has been started and not yet ended.
    pub(crate) fn is_running(&self) -> bool {
        matches!(*lock(&self.state), State::Running)
    }

    /// The process's startup endpoints (handles in its own table).
    pub(crate) fn startup_endpoints(&self) -> &[Handle] {
        &self.startup_endpoints
    }

    /// Threads bound to the process right now.
    pub(crate) fn thread_count(&self) -> usize {
        self.live_threads.load(Ordering::Relaxed)
    }

    /// A handle to this process was dropped. Only the creator holds a handle
    /// to a process, so an unstarted process is then unreachable: discard it.
    pub(crate) fn handle_released(&self) {
        let created = matches!(*lock(&self.state), State::Created { .. });
        if created {
            self.discard();
        }
    }

    /// Blocks until the process has ended. `InvalidState` if it was never
    /// started (or was discarded).
    pub(crate) fn wait(&self) -> Result<ExitRecord, Status> {
        let mut state = lock(&self.state);
        loop {
            match &*state {
                State::Exited(record) => return Ok(record.clone()),
                State::Created { .. } | State::Discarded => return Err(Status::InvalidState),
                State::Running => {
                    state = self
                        .state_changed
                        .wait(state)
                        .unwrap_or_else(|e| e.into_inner());
                }
            }
        }
    }

    /// The exit record if the process has ended; `StillRunning` while it
    /// runs; `InvalidState` if it never started.
    pub(crate) fn try_exit(&self) -> Result<ExitRecord, Status> {
        match &*lock(&self.state) {
            State::Exited(record) => Ok(record.clone()),
            State::Running => Err(Status::StillRunning),
            State::Created { .. } | State::Discarded => Err(Status::InvalidState),
        }
    }

    /// Joins the OS thread after the process ended (host side).
    pub(crate) fn join_thread(&self) {
        let thread = lock(&self.thread).take();
        if let Some(thread) = thread {
            let _ = thread.join();
        }
    }

    /// Starts an OS thread of this process (`ThreadHandle::Create`): it is
    /// bound to the process as kernel thread `id` and runs `body(true)`
    /// (`body(false)` in the impossible case that the new OS thread is
    /// already bound), then unbinds. The process will not end before the OS
    /// thread has exited.
    ///
    /// Fails with `InvalidState` once `main` has returned (the process is
    /// ending), or with the status for the OS's refusal (`OutOfMemory` for
    /// `EAGAIN`/`ENOMEM`, else `OsError`); `body` is then dropped unrun.
    pub(crate) fn spawn_thread(
        self: &Arc<Self>,
        id: ThreadId,
        stack_size: usize,
        body: Box<dyn FnOnce(bool) + Send + 'static>,
    ) -> Result<(), Status> {
        let mut threads = lock(&self.threads);
        if threads.ending {
            return Err(Status::InvalidState);
        }
        // Reap threads that have finished, so a process that creates many
        // short-lived threads does not accumulate their join handles. Their
        // bodies have returned and they are unbound, so joining them cannot
        // wait for anything that needs this lock.
        let mut i = 0;
        while i < threads.running.len() {
            if threads.running[i].is_finished() {
                let _ = threads.running.swap_remove(i).join();
            } else {
                i += 1;
            }
        }
        threads
            .running
            .try_reserve(1)
            .map_err(|_| Status::OutOfMemory)?;
        let process = Arc::clone(self);
        // The thread is spawned with the lock held, so `end` either sees it
        // in `running` or has already refused it.
        let spawned = std::thread::Builder::new()
            .name(format!("osprey-{}-t{}", self.id, id))
            .stack_size(stack_size)
            .spawn(move || match Binding::bind(&process, id) {
                Ok(binding) => {
                    process.thread_started();
                    body(true);
                    process.thread_exited(id);
                    drop(binding);
                }
                Err(_) => body(false),
            });
        match spawned {
            Ok(handle) => {
                threads.running.push(handle);
                Ok(())
            }
            Err(e) => Err(e.raw_os_error().map_or(Status::OsError, Status::from_errno)),
        }
    }

    /// The process id.
    pub(crate) fn id(&self) -> ProcessId {
        self.id
    }

    /// The startup arguments.
    pub(crate) fn args(&self) -> &[String] {
        &self.args
    }

    /// The name the process was created with.
    pub(crate) fn name(&self) -> &str {
        &self.name
    }

    /// Whether the process may use the file system.
    pub(crate) fn file_access(&self) -> FileSystemAccess {
        self.file_access
    }

    /// The process's environment variables, in the order of the snapshot.
    pub(crate) fn environment(&self) -> &[(String, String)] {
        &self.environment
    }

    /// The value of environment variable `name`, if set.
    pub(crate) fn environment_variable(&self, name: &str) -> Option<&str> {
        self.environment
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }

    /// The console sink.
    pub(crate) fn console(&self) -> &Arc<Console> {
        &self.console
    }

    /// Runs `f` on the process's address space (page accounting).
    pub(crate) fn with_memory<R>(&self, f: impl FnOnce(&mut AddressSpace) -> R) -> R {
        f(&mut lock(&self.memory))
    }

    /// Runs `f` on the process's handle table. Objects removed from the table
    /// must be released after `f` returns (see `handles::release_objects`).
    pub(crate) fn with_handles<R>(&self, f: impl FnOnce(&mut HandleTable) -> R) -> R {
        f(&mut lock(&self.handles))
    }

    /// Records `code` as the exit code and marks the process terminating.
    /// The first call wins; later calls return `InvalidState`.
    pub(crate) fn terminate(&self, code: i32) -> Result<(), Status> {
        let mut slot = lock(&self.terminate_code);
        if slot.is_some() {
            return Err(Status::InvalidState);
        }
        *slot = Some(code);
        Ok(())
    }

    /// The token foreign threads present to attach to this process.
    pub(crate) fn attach_token(&self) -> u64 {
        self.attach_token
    }

    /// Whether `Terminate` has been called.
    pub(crate) fn is_terminating(&self) -> bool {
        lock(&self.terminate_code).is_some()
    }
}

/// The kernel's counters (`DebugService::GetCounters`), with the calling
/// thread's process's share.
pub(crate) fn counters() -> crate::KernelCounters {
    let processes: Vec<Arc<Process>> = lock(&TABLE).values().cloned().collect();
    let page_bytes: usize = processes
        .iter()
        .map(|p| p.with_memory(|m| m.bytes_in_use()))
        .sum();
    let me = current();
    let pid = me.as_ref().map_or(ProcessId::NONE, |p| p.id());
    let (blocks, block_bytes, own_blocks) = exchange::counters(pid);
    let (own_threads, own_page_bytes, own_endpoints, own_handles) = match &me {
        Some(p) => {
            let (endpoints, handles) = p.with_handles(|t| (t.endpoint_count(), t.len()));
            (
                p.thread_count(),
                p.with_memory(|m| m.bytes_in_use()),
                endpoints,
                handles,
            )
        }
        None => (0, 0, 0, 0),
    };
    crate::KernelCounters {
        processes: processes.len() as u64,
        threads: live_threads() as u64,
        own_threads: own_threads as u64,
        page_bytes: page_bytes as u64,
        own_page_bytes: own_page_bytes as u64,
        blocks: blocks as u64,
        block_bytes: block_bytes as u64,
        own_blocks: if pid == ProcessId::NONE {
            0
        } else {
            own_blocks as u64
        },
        endpoints: crate::channel::live_count() as u64,
        own_endpoints: own_endpoints as u64,
        own_handles: own_handles as u64,
    }
}
