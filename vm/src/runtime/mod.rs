//! A runtime instance: everything one managed program needs.
//!
//! A [`Runtime`] owns its loader, code heap, stubs and object heaps. There is
//! one per kernel process and nothing is shared between instances, so two
//! programs can run at once in one OS process (see vm/tests/instances.rs).
//!
//! * [`error`]: what can go wrong, and how it is reported;
//! * [`compile`]: the prestub worker and method compilation;
//! * [`jitiface`]: the runtime's answers to the JIT's questions;
//! * [`helpers`]: the JIT helpers (HCalls) and the guard that keeps Rust
//!   panics out of managed frames;
//! * [`callsite`]: calling managed methods from Rust;
//! * [`strings`]: string literals, string allocation, type objects;
//! * [`valuetypes`]: value types' fields for `ValueType.Equals`/`GetHashCode`.

pub mod binding;
mod callsite;
mod compile;
mod delegates;
mod direct_calls;
mod enums;
mod faults;
mod finalizer;
mod gc_to_runtime;
mod generic_lookup;
mod helpers;
mod importdump;
mod inlining;
mod intrinsics;
pub(crate) mod jitdump;
pub(crate) mod jitiface;
mod jitstats;
pub(crate) mod missing;
pub(crate) mod nullable;
mod qcall_services;
mod strings;
mod thread_statics;
mod threads;
mod tier_worker;
pub mod tiering;
pub(crate) mod valuetypes;
mod verify_bench;
mod verifyiface;
mod watchdog;

#[cfg(test)]
mod tests;

use std::collections::HashMap;
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, OnceLock};

pub use crate::error::{default_message, ExceptionObject, RuntimeError};
pub use callsite::{Arg, CallSite, Value};
pub(crate) use finalizer::TRAP_EXIT;
pub use finalizer::UNHANDLED_FINALIZER_EXIT_CODE;
pub(crate) use helpers::{alloc_md_array, guard, is_assignable, run_class_constructor};
pub use jitdump::JitDump;
pub(crate) use qcall_services::services_for as qcall_services_for;
pub use watchdog::TIME_LIMIT_EXIT_CODE;

use crate::codeheap::CodeHeap;
use crate::heap::Heaps;
use crate::loader::{AssemblyId, Loader, MethodHandle, TypeHandle};
use crate::object::ObjectRef;
use crate::rooted::{Rooted, Unrooted};
use crate::stubs::Stubs;
use crate::thread::Thread;
use osprey_kernel::client::Os;
use osprey_metadata::Primitive;

/// Options of a runtime instance.
#[derive(Clone, Debug, Default)]
pub struct RuntimeOptions {
    /// Print the machine code of the compiled methods it selects (to stderr).
    pub jit_dump: Option<JitDump>,
    /// Print the importer's typed ops of the compiled methods it selects
    /// (to stderr; `--import-dump`).
    pub import_dump: Option<JitDump>,
    /// The garbage collector's configuration (the environment variables of
    /// docs/gc.md apply over it when the runtime starts, except the
    /// collector kind when `gc_kind_set`).
    pub gc: crate::gc::GcOptions,
    /// The command line chose the collector (`--gc=`): it wins over `OSPREY_GC`.
    pub gc_kind_set: bool,
    /// The command line set the heap limit: it wins over `OSPREY_GC_HEAP_LIMIT`.
    pub gc_limit_set: bool,
    /// The JIT's tiers (the environment variables of docs/jit.md apply
    /// over it when the runtime starts).
    pub jit: tiering::JitOptions,
    /// Report on stderr what each tier compiles, and why the optimizing
    /// tier declines a method (`OSPREY_JIT_LOG=1`).
    pub jit_log: bool,
    /// Run verified: every method of every assembly but corelib must be
    /// verifiable IL, whatever the assembly's own permissions, or it raises
    /// `System.Security.VerificationException` before it runs
    /// (`osprey run --verify`; an untrusted child process, one created with
    /// `CHILD_UNTRUSTED`, sets it: docs/design.md §10).
    pub verify: bool,
    /// Also verify what is normally trusted or allowed to be unverifiable
    /// (corelib, `mcs -unsafe` assemblies), with every rule except the
    /// unsafe-code ones (`OSPREY_VERIFY=1`): for testing the verifier.
    pub verify_all: bool,
}

/// Well-known corelib types, loaded at startup.
pub(crate) struct WellKnown {
    pub string: TypeHandle,
    pub runtime_type: TypeHandle,
    pub exception: TypeHandle,
    pub thread: TypeHandle,
    /// `System.IntPtr[]` (recorded stack traces).
    pub intptr_array: TypeHandle,
    /// `System.MulticastDelegate`, the base of delegate types.
    pub multicast_delegate: TypeHandle,
}

/// One runtime instance.
pub struct Runtime {
    pub(crate) os: Os,
    pub(crate) code: Arc<CodeHeap>,
    pub(crate) stubs: Stubs,
    pub(crate) loader: Mutex<Loader>,
    pub(crate) heaps: Heaps,
    pub(crate) options: RuntimeOptions,
    well_known: OnceLock<WellKnown>,
    /// Interned string literals: UTF-16 text → frozen string.
    literals: Mutex<HashMap<Vec<u16>, ObjectRef>>,
    /// Enum types' named constants (for `Enum.ToString`).
    enums: Mutex<HashMap<TypeHandle, std::sync::Arc<enums::EnumInfo>>>,
    /// Value types' fields as `ValueType.Equals`/`GetHashCode` see them.
    value_fields: Mutex<HashMap<TypeHandle, std::sync::Arc<valuetypes::ValueFields>>>,
    /// `System.RuntimeType` objects, one per type (frozen).
    type_objects: Mutex<HashMap<TypeHandle, ObjectRef>>,
    /// Seed of identity hash codes.
    hash_seed: AtomicU32,
    /// Whether reference-type instantiations share code (docs/generics.md;
    /// `OSPREY_GENERIC_SHARING=0` compiles each instantiation on its own,
    /// to compare the two).
    pub(crate) share_generic_code: bool,
    /// What the JIT compiled (`OSPREY_JIT_STATS=1` prints it at exit).
    pub(crate) jit_stats: jitstats::JitStats,
    /// The next `Thread.ManagedThreadId`.
    next_thread_id: std::sync::atomic::AtomicI32,
    /// The binder's method bindings, resolved (indexed by `BoundMethod`).
    bound_methods: OnceLock<Vec<MethodHandle>>,
    /// The finalizer thread (runtime/finalizer.rs).
    finalizer: finalizer::FinalizerThread,
    /// Set when a thread other than the main one ended the process.
    exit_code: Mutex<Option<i32>>,
    /// `Environment.ExitCode`: the exit code when `Main` returns `void`.
    void_main_exit_code: std::sync::atomic::AtomicI32,
    /// Static constructors running, and threads waiting for them
    /// (`helpers::run_class_constructor`).
    pub(crate) class_inits: helpers::ClassInitLocks,
    /// The threads `Thread.Start` started (runtime/threads.rs).
    threads: threads::ManagedThreads,
    /// Thread records' lock ids (vm/src/sync.rs).
    pub(crate) lock_ids: std::sync::Arc<crate::sync::LockIds>,
    /// Inflated monitors (vm/src/sync.rs).
    pub(crate) sync_blocks: crate::sync::SyncBlocks,
    /// Types with `[ThreadStatic]` fields (runtime/thread_statics.rs).
    pub(crate) thread_statics: thread_statics::ThreadStaticTypes,
    /// P/Invoke state: bound targets, marshaling plans, libraries, thunks.
    pub(crate) interop: crate::interop::Interop,
    /// Resolution failures compiled code raises where it runs (missing.rs).
    pub(crate) deferred: missing::DeferredFailures,
    /// Debug information of the loaded assemblies, for stack traces.
    pub(crate) symbols: crate::eh::Symbols,
    /// The time limit's watchdog thread (`OSPREY_TIME_LIMIT`).
    watchdog: watchdog::Watchdog,
    /// The JIT tiers' state (runtime/tiering.rs).
    pub(crate) tiers: tiering::Tiers,
    /// Optimized code's direct call sites, retargeted with the precodes
    /// (runtime/direct_calls.rs).
    pub(crate) direct_calls: direct_calls::DirectCalls,
    /// The tier-up thread (runtime/tier_worker.rs).
    tier_worker: tier_worker::TierWorker,
}

// SAFETY: the raw object references in the caches point into this runtime's
// frozen heap, which never moves or frees them while the runtime lives; every
// mutable part is behind a lock or atomic.
unsafe impl Send for Runtime {}
// SAFETY: as above.
unsafe impl Sync for Runtime {}

impl Runtime {
    /// The JIT's counters as one line (see `OSPREY_JIT_STATS`).
    pub fn jit_stats(&self) -> String {
        self.jit_stats.summary()
    }

    /// Creates a runtime in the current kernel process and loads corelib.
    pub fn new(options: RuntimeOptions) -> Result<Box<Runtime>, RuntimeError> {
        let os = Os::resolve().map_err(|e| RuntimeError::Internal(format!("kernel ABI: {e}")))?;
        let code = Arc::new(CodeHeap::new(os)?);
        let mut gc_options = options.gc.clone();
        gc_options.apply_env(&os).map_err(RuntimeError::Config)?;
        if options.gc_kind_set {
            gc_options.kind = options.gc.kind;
        }
        if options.gc_limit_set {
            gc_options.heap_limit = options.gc.heap_limit;
        }
        let mut options = options;
        options
            .jit
            .apply_env(&os)
            .map_err(RuntimeError::JitConfig)?;
        if let Ok(Some(v)) = os.environment_variable("OSPREY_JIT_LOG") {
            options.jit_log = v.trim() != "0";
        }
        let stubs = Stubs::generate(&code, &helpers::workers())?;
        let loader = Loader::new(
            osprey_corelib::CORELIB_DLL,
            code.clone(),
            stubs.prestub,
            Box::new(crate::fcall::Bindings),
        )?;
        let rt = Box::new(Runtime {
            os,
            code,
            stubs,
            loader: Mutex::new(loader),
            heaps: Heaps::new(os, gc_options, &gc_to_runtime::GC_TO_RUNTIME)
                .map_err(RuntimeError::Os)?,
            options,
            well_known: OnceLock::new(),
            literals: Mutex::new(HashMap::new()),
            type_objects: Mutex::new(HashMap::new()),
            enums: Mutex::new(HashMap::new()),
            value_fields: Mutex::new(HashMap::new()),
            hash_seed: AtomicU32::new(0x2545_F491),
            jit_stats: jitstats::JitStats::default(),
            share_generic_code: os
                .environment_variable("OSPREY_GENERIC_SHARING")
                .ok()
                .flatten()
                .map_or(true, |v| v.trim() != "0"),
            next_thread_id: std::sync::atomic::AtomicI32::new(1),
            bound_methods: OnceLock::new(),
            finalizer: finalizer::FinalizerThread::default(),
            exit_code: Mutex::new(None),
            void_main_exit_code: std::sync::atomic::AtomicI32::new(0),
            class_inits: helpers::ClassInitLocks::default(),
            threads: threads::ManagedThreads::new(os.create_event(true, true).ok()),
            lock_ids: std::sync::Arc::new(crate::sync::LockIds::default()),
            sync_blocks: crate::sync::SyncBlocks::new(os),
            thread_statics: thread_statics::ThreadStaticTypes::default(),
            interop: crate::interop::Interop::default(),
            deferred: missing::DeferredFailures::default(),
            symbols: crate::eh::Symbols::default(),
            tiers: tiering::Tiers::new(&os),
            direct_calls: Default::default(),
            tier_worker: tier_worker::TierWorker::default(),
            watchdog: watchdog::Watchdog::default(),
        });
        let wk = {
            let mut loader = rt.loader();
            WellKnown {
                string: loader.corelib_type("System", "String")?,
                runtime_type: loader.corelib_type("System", "RuntimeType")?,
                exception: loader.corelib_type("System", "Exception")?,
                thread: loader.corelib_type("System.Threading", "Thread")?,
                multicast_delegate: loader.corelib_type("System", "MulticastDelegate")?,
                intptr_array: {
                    let intptr = loader.corelib_type("System", "IntPtr")?;
                    loader.load_array(intptr, None)?
                },
            }
        };
        let _ = rt.well_known.set(wk);
        rt.interop.thunks.init(&rt)?;
        let registry = rt.loader().registry.clone();
        rt.heaps.gc.attach(registry, &rt.code.globals().trap);
        // When the process is stopped (by itself, or by its parent's
        // Terminate), the kernel sets the exit bit of the trap flag:
        // managed code abandons its frames at its next safepoint. Outside a
        // kernel process this fails, and only `request_exit` sets the bit.
        // SAFETY: the trap flag lives in the code heap's data page, which
        // holds only data and lives as long as the runtime.
        let _ = unsafe {
            rt.os
                .set_stop_word(&rt.code.globals().trap, finalizer::TRAP_EXIT)
        };
        let bound = binding::check_and_resolve(&mut rt.loader())?;
        let _ = rt.bound_methods.set(bound);
        rt.start_finalizer_thread();
        if let Some(seconds) = watchdog::time_limit(&os).map_err(RuntimeError::Config)? {
            rt.start_watchdog(seconds);
        }
        Ok(rt)
    }

    /// The loader, locked.
    pub(crate) fn loader(&self) -> MutexGuard<'_, Loader> {
        self.loader.lock().unwrap_or_else(|p| p.into_inner())
    }

    pub(crate) fn well_known(&self) -> &WellKnown {
        self.well_known.get().expect("set in Runtime::new")
    }

    /// A corelib method the runtime calls (see binder/src/bindings.rs).
    pub fn bound_method(&self, m: osprey_binder::BoundMethod) -> MethodHandle {
        binding::bound(self.bound_methods.get().expect("set in Runtime::new"), m)
    }

    /// Checks corelib's internal calls and QCalls against the FCall list and
    /// the QCall entry list, both ways (used by tests and diagnostics).
    pub fn native_binding_report(&self) -> Result<binding::NativeBindingReport, RuntimeError> {
        binding::native_binding_report(&mut self.loader())
    }

    /// The garbage collector (docs/gc.md).
    pub fn gc(&self) -> &crate::gc::Gc {
        &self.heaps.gc
    }

    /// Creates the record for a thread that will run managed code on the
    /// calling OS thread (whose stack bounds it records).
    pub fn new_thread(&self) -> Box<Thread> {
        self.thread_record(self.next_managed_id())
    }

    /// The next `Thread.ManagedThreadId` (2 is the finalizer thread's).
    fn next_managed_id(&self) -> i32 {
        let mut id = self.next_thread_id.fetch_add(1, Ordering::Relaxed);
        if id == finalizer::FINALIZER_THREAD_ID {
            id = self.next_thread_id.fetch_add(1, Ordering::Relaxed);
        }
        id
    }

    /// [`Runtime::new_thread`] with a given `Thread.ManagedThreadId`.
    fn thread_record(&self, id: i32) -> Box<Thread> {
        // Without bounds (the kernel could not tell), prologues never
        // report an overflow: the guard page remains the backstop.
        let stack = self.os.stack_bounds().unwrap_or((0, 0));
        let mut thread = Thread::new(self as *const Runtime as *const (), id, stack);
        // SAFETY: the handler only reads the code heap and registers; the
        // record is boxed (its address is stable) and unregisters itself
        // when dropped. If registration fails, faults in unsafe code are
        // not turned into exceptions; nothing else changes.
        let registered = unsafe {
            self.os.set_thread_fault_handler(
                Some(faults::fault_handler),
                &mut *thread as *mut Thread as *mut std::ffi::c_void,
            )
        };
        if registered.is_ok() {
            thread.fault_handler_on = Some(std::thread::current().id());
        }
        thread.lock_id = self.lock_ids.take(&*thread as *const Thread as usize);
        thread.lock_ids = Some(self.lock_ids.clone());
        self.heaps.gc.register_thread(&mut *thread);
        thread
    }

    /// Loads an assembly from its bytes.
    pub fn load_assembly(
        &self,
        bytes: Vec<u8>,
        display_name: &str,
    ) -> Result<AssemblyId, RuntimeError> {
        Ok(self.loader().load_assembly(bytes, display_name)?)
    }

    /// Records the directory `assembly` was loaded from: its P/Invokes
    /// look for native libraries there before the system loader's search.
    pub fn set_assembly_directory(&self, assembly: AssemblyId, directory: &str) {
        self.interop
            .set_assembly_directory(assembly, directory.to_string());
    }

    /// Runs the entry point of `assembly` with `args` and returns its exit
    /// code (Main's result, or `Environment.ExitCode` for `void Main`).
    pub fn run_main(
        &self,
        thread: &mut Thread,
        assembly: AssemblyId,
        args: &[String],
    ) -> Result<i32, RuntimeError> {
        let (main, takes_args, returns_int) = {
            let mut loader = self.loader();
            let name = loader.assembly(assembly).name.clone();
            let main = loader
                .entry_point(assembly)?
                .ok_or(RuntimeError::NoEntryPoint(name))?;
            let (takes_args, returns_int) = entry_point_shape(main)?;
            (main, takes_args, returns_int)
        };
        // Cooperative throughout: the argument array is rooted, and an
        // unhandled exception is described before Main's frames are gone.
        let result = thread.cooperative(|thread| {
            let argv = if takes_args {
                Some(self.new_string_array(thread, args)?)
            } else {
                None
            };
            let call_args: Vec<Arg<'_>> = argv.iter().map(Arg::from).collect();
            CallSite::new(self, main)?
                .call(thread, &call_args)
                .map_err(|e| match self.exit_requested() {
                    Some(code) => RuntimeError::Exited(code),
                    None => self.describe_unhandled(thread, e),
                })
        });
        self.os.console_flush().map_err(RuntimeError::Os)?;
        if let Some(code) = self.exit_requested() {
            // Another thread ended the process (and reported why).
            return Err(RuntimeError::Exited(code));
        }
        Ok(match result? {
            Value::I4(code) if returns_int => code,
            _ => self.void_main_exit_code.load(Ordering::Relaxed),
        })
    }

    /// `Environment.ExitCode = code`: what the process exits with when
    /// `Main` returns `void`.
    pub(crate) fn set_void_main_exit_code(&self, code: i32) {
        self.void_main_exit_code.store(code, Ordering::Relaxed);
    }

    /// A new identity hash code for `obj` (stored in its header).
    pub(crate) fn identity_hash(&self, obj: Unrooted<'_>) -> i32 {
        // SAFETY: every object has an 8-byte header before it; its low 32
        // bits hold the hash code (0 = not yet assigned).
        let header =
            unsafe { &*(obj.as_ptr().sub(crate::object::HEADER_SIZE) as *const AtomicU32) };
        let h = header.load(Ordering::Relaxed);
        if h != 0 {
            return h as i32;
        }
        // xorshift32 over a per-runtime seed; 0 is skipped.
        let mut x = self.hash_seed.fetch_add(0x9E37_79B9, Ordering::Relaxed) | 1;
        x ^= x << 13;
        x ^= x >> 17;
        x ^= x << 5;
        let x = (x & 0x7FFF_FFFF).max(1);
        match header.compare_exchange(0, x, Ordering::Relaxed, Ordering::Relaxed) {
            Ok(_) => x as i32,
            Err(existing) => existing as i32,
        }
    }
}

/// Checks Main's signature: `static`, no parameters or `string[]`, returning
/// `void` or `int`. Returns (takes args, returns int).
fn entry_point_shape(main: MethodHandle) -> Result<(bool, bool), RuntimeError> {
    use osprey_metadata::sig::TypeSig;
    let sig = &main.sig;
    if !main.is_static() {
        return Err(RuntimeError::BadEntryPoint(format!(
            "{} is not static",
            main.full_name()
        )));
    }
    let takes_args = match sig.params.as_slice() {
        [] => false,
        [TypeSig::SzArray(e)] if **e == TypeSig::String => true,
        _ => {
            return Err(RuntimeError::BadEntryPoint(format!(
                "{} must take no parameters or string[]",
                main.full_name()
            )))
        }
    };
    let returns_int = match sig.ret {
        TypeSig::Void => false,
        TypeSig::Prim(Primitive::I4) | TypeSig::Prim(Primitive::U4) => true,
        _ => {
            return Err(RuntimeError::BadEntryPoint(format!(
                "{} must return void or int",
                main.full_name()
            )))
        }
    };
    Ok((takes_args, returns_int))
}

impl Drop for Runtime {
    fn drop(&mut self) {
        // First: the threads use everything else. Started threads still
        // running (the program failed) are stopped and joined.
        self.stop_threads(1);
        self.stop_watchdog();
        // The tier-up thread compiles: it uses the loader and the code heap.
        self.stop_tier_worker();
        // Then the finalizer thread, which uses everything else too.
        self.stop_finalizer_thread();
        self.dispose_thread_table();
        self.sync_blocks.dispose();
    }
}

/// Runs `obj`'s finalizer (its override of `Object.Finalize`) on `thread`,
/// which is cooperative. Returns what the finalizer threw.
pub(crate) fn run_finalizer(thread: &mut Thread, obj: &Rooted) -> Result<(), RuntimeError> {
    let rt = thread.runtime();
    let t = obj.get(thread).type_handle();
    let finalize = t
        .vtable_methods
        .iter()
        .rev()
        .find(|m| m.name == "Finalize" && m.sig.params.is_empty() && !m.is_static())
        .copied();
    let Some(finalize) = finalize else {
        return Ok(());
    };
    CallSite::new(rt, finalize)?.call(thread, &[Arg::from(obj)])?;
    Ok(())
}

/// The thread record's typed view of its runtime (the record, one layer
/// down, holds the pointer opaque).
impl Thread {
    /// The runtime this thread belongs to.
    ///
    /// The reference is not tied to the borrow of `self`, so native code can
    /// use the runtime and the (mutable) thread together. This is sound
    /// because a runtime outlives every thread record it creates and every
    /// frame that runs on one.
    pub fn runtime<'r>(&self) -> &'r Runtime {
        // SAFETY: see above: `runtime` points at a live, boxed (unmoving)
        // Runtime for as long as any code runs on this thread.
        unsafe { &*(self.runtime as *const Runtime) }
    }
}
