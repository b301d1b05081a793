//! JIT helpers (HCalls): the Rust workers behind [`osprey_jit::Helper`].
//!
//! Generated code calls each through a wrapper stub (see `stubs`), which
//! links a stub frame and, after the worker returns, goes to the raise stub
//! if the worker raised anything (`Thread::raise`: a pending exception, or a
//! fatal error). Workers never unwind: each runs inside [`guard`], which
//! turns a Rust panic into a fatal internal error. Helpers do not appear in
//! managed stack traces.

use std::panic::{catch_unwind, AssertUnwindSafe};

use osprey_jit::{Helper, ThrowKind};

use super::{CallSite, RuntimeError};
pub(crate) use crate::loader::casting::is_assignable;
use crate::loader::casting::{is_array_covariant_interface, is_variant_convertible};
use crate::loader::{MethodDesc, MethodHandle, MethodTable, TypeHandle, TypeKind};
use crate::object::ObjectRef;
use crate::rooted::Unrooted;
use crate::stubs::Workers;
use crate::thread::{Thread, TraceStart};
use crate::typesystem::ExceptionKind;

/// Runs `f` for native code entered from managed code. A panic becomes a
/// fatal internal error raised on the thread, and `fallback` is returned;
/// the calling stub then abandons the managed frames instead of unwinding
/// through them.
pub(crate) fn guard<R>(thread: &mut Thread, fallback: R, f: impl FnOnce(&mut Thread) -> R) -> R {
    let ptr: *mut Thread = thread;
    match catch_unwind(AssertUnwindSafe(|| f(thread))) {
        Ok(r) => r,
        Err(panic) => {
            let msg = panic
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| panic.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "a panic".into());
            // SAFETY: `thread` is not borrowed any more (the closure is gone).
            unsafe { &mut *ptr }.raise_fatal(RuntimeError::Internal(msg));
            fallback
        }
    }
}

/// The workers the stubs call.
pub(crate) fn workers() -> Workers {
    Workers {
        prestub: super::compile::prestub_worker as *const () as usize,
        interface_resolve: interface_resolve as *const () as usize,
        gc_poll: gc_poll_worker as *const () as usize,
        dispatch: crate::eh::dispatch_worker as *const () as usize,
        unwind_continue: crate::eh::continue_worker as *const () as usize,
        fault: super::faults::fault as *const () as usize,
        native_fault: super::faults::native_fault as *const () as usize,
        helpers: vec![
            (Helper::NewObject, new_object as *const () as usize),
            (
                Helper::TierUp,
                super::compile::tier_up_worker as *const () as usize,
            ),
            (Helper::NewArray, new_array as *const () as usize),
            (Helper::NewString, new_string as *const () as usize),
            (Helper::ClassInit, class_init as *const () as usize),
            (Helper::Throw, throw as *const () as usize),
            (Helper::ThrowObject, throw_object as *const () as usize),
            (Helper::StElemRef, stelem_ref as *const () as usize),
            (Helper::RaisePending, raise_pending as *const () as usize),
            (Helper::NewMdArray, new_md_array as *const () as usize),
            (
                Helper::ArrayStoreCheck,
                array_store_check as *const () as usize,
            ),
            (Helper::CastClass, cast_class as *const () as usize),
            (Helper::IsInst, is_inst as *const () as usize),
            (Helper::Unbox, unbox as *const () as usize),
            (Helper::Rethrow, rethrow as *const () as usize),
            (Helper::StackOverflow, stack_overflow as *const () as usize),
            (
                Helper::DelegateCtor,
                super::delegates::delegate_ctor as *const () as usize,
            ),
            (
                Helper::LdVirtFtn,
                super::delegates::ld_virt_ftn as *const () as usize,
            ),
            (
                Helper::ThreadStaticBase,
                super::thread_statics::thread_static_base as *const () as usize,
            ),
            (
                Helper::PInvokeBind,
                crate::interop::pinvoke_bind as *const () as usize,
            ),
            (
                Helper::RaiseDeferred,
                super::missing::raise_deferred as *const () as usize,
            ),
            (
                Helper::GenericLookup,
                super::generic_lookup::generic_lookup as *const () as usize,
            ),
            (
                Helper::BoxNullable,
                super::nullable::box_nullable as *const () as usize,
            ),
            (
                Helper::UnboxNullable,
                super::nullable::unbox_nullable as *const () as usize,
            ),
            (
                Helper::ResolveVirtualCall,
                super::delegates::resolve_virtual_call as *const () as usize,
            ),
        ],
    }
}

/// A safepoint poll found the trap flag set: the thread waits here while a
/// collection runs (or, under GC stress, collects).
extern "C" fn gc_poll_worker(thread: &mut Thread) {
    guard(thread, (), |thread| {
        let rt = thread.runtime();
        rt.heaps.gc.poll(thread);
        if let Some(code) = rt.exit_requested() {
            // Another thread ended the process (`Runtime::request_exit`).
            thread.raise_fatal(RuntimeError::Exited(code));
        } else if let Some(seconds) = rt.time_limit_expired() {
            // The program ran past OSPREY_TIME_LIMIT (runtime/watchdog.rs).
            let location = super::faults::innermost_managed_location(thread).unwrap_or_default();
            thread.raise_fatal(RuntimeError::TimeLimit { seconds, location });
        }
    })
}

/// `newobj` of a class: a zeroed instance.
extern "C" fn new_object(thread: &mut Thread, mt: &MethodTable) -> *mut u8 {
    guard(thread, std::ptr::null_mut(), |thread| {
        let t = TypeHandle::from_method_table(mt);
        if mt.has(crate::loader::types::mt_flags::ABSTRACT) || t.is_interface() {
            thread.raise(RuntimeError::managed(
                ExceptionKind::MemberAccess,
                Some(format!("Cannot create an abstract class '{}'.", t.name)),
            ));
            return std::ptr::null_mut();
        }
        match thread.runtime().heaps.alloc(thread, mt, 0) {
            Ok(o) => o.as_ptr(),
            Err(e) => {
                thread.raise(e.into());
                std::ptr::null_mut()
            }
        }
    })
}

/// `newarr`: a zeroed array; a negative length is an OverflowException
/// (mono raises OutOfMemoryException instead when the length comes straight
/// from an `add`, which looks like its JIT zero-extending the sum).
extern "C" fn new_array(thread: &mut Thread, mt: &MethodTable, length: i64) -> *mut u8 {
    guard(thread, std::ptr::null_mut(), |thread| {
        if length < 0 {
            thread.raise(RuntimeError::managed(ExceptionKind::Overflow, None));
            return std::ptr::null_mut();
        }
        match thread.runtime().heaps.alloc(thread, mt, length as usize) {
            Ok(o) => o.as_ptr(),
            Err(e) => {
                thread.raise(e.into());
                std::ptr::null_mut()
            }
        }
    })
}

/// `newobj` of a multi-dimensional array type: `count` dimension arguments
/// at `dims` (one length per dimension, or a lower bound and a length each).
extern "C" fn new_md_array(
    thread: &mut Thread,
    mt: &MethodTable,
    dims: *const i64,
    count: u32,
) -> *mut u8 {
    guard(thread, std::ptr::null_mut(), |thread| {
        let t = TypeHandle::from_method_table(mt);
        let TypeKind::MdArray(rank) = t.kind else {
            thread.raise(RuntimeError::Internal(format!(
                "{} is not a multi-dimensional array",
                t.name
            )));
            return std::ptr::null_mut();
        };
        // SAFETY: the JIT passes `count` dimension arguments at `dims`.
        let args = unsafe { std::slice::from_raw_parts(dims, count as usize) };
        let with_bounds = count == 2 * rank;
        let mut lengths = Vec::with_capacity(rank as usize);
        let mut lower = Vec::with_capacity(rank as usize);
        for d in 0..rank as usize {
            let (lo, len) = if with_bounds {
                (args[2 * d], args[2 * d + 1])
            } else {
                (0, args[d])
            };
            lengths.push(len);
            lower.push(lo);
        }
        match alloc_md_array(thread, mt, &lengths, &lower) {
            Ok(o) => o.as_ptr(),
            Err(e) => {
                thread.raise(e);
                std::ptr::null_mut()
            }
        }
    })
}

/// A new multi-dimensional array of type `mt` (rank `lengths.len()`) with
/// these lengths and lower bounds: `newobj` of an array type, and
/// `Array.CreateInstance`. A negative length, or a lower bound outside
/// `int`, is an OverflowException; more than `int.MaxValue` elements an
/// OutOfMemoryException.
pub(crate) fn alloc_md_array<'t>(
    thread: &'t mut Thread,
    mt: &MethodTable,
    lengths: &[i64],
    lower: &[i64],
) -> Result<crate::rooted::Unrooted<'t>, RuntimeError> {
    let rank = lengths.len();
    if lower.len() != rank
        || lengths.iter().any(|&l| l < 0)
        || lower.iter().any(|&lo| i32::try_from(lo).is_err())
    {
        return Err(RuntimeError::managed(ExceptionKind::Overflow, None));
    }
    let total = lengths.iter().try_fold(1i64, |acc, &l| {
        acc.checked_mul(l).filter(|t| *t <= i32::MAX as i64)
    });
    let Some(total) = total else {
        return Err(RuntimeError::managed(ExceptionKind::OutOfMemory, None));
    };
    let o = thread.runtime().heaps.alloc(thread, mt, total as usize)?;
    let bounds = osprey_binder::MD_ARRAY_BOUNDS_OFFSET;
    for d in 0..rank {
        // SAFETY: a fresh array of this rank has room for `rank` lengths and
        // `rank` lower bounds at MD_ARRAY_BOUNDS_OFFSET.
        unsafe {
            *(o.as_ptr().add(bounds + 4 * d) as *mut i32) = lengths[d] as i32;
            *(o.as_ptr().add(bounds + 4 * (rank + d)) as *mut i32) = lower[d] as i32;
        }
    }
    Ok(o)
}

/// The covariance check of a store of `value` into an array of references.
extern "C" fn array_store_check(array: *mut u8, value: *mut u8, thread: &mut Thread) {
    guard(thread, (), |thread| {
        let (Some(arr), Some(v)) = (
            // SAFETY: `array` is null or an object reference managed code passed in.
            unsafe { Unrooted::from_raw(thread, array) },
            // SAFETY: `value` is null or an object reference managed code passed in.
            unsafe { Unrooted::from_raw(thread, value) },
        ) else {
            return;
        };
        let element = arr.type_handle().element;
        let vt = v.type_handle();
        if element.is_some_and(|e| !is_assignable(vt, e)) {
            thread.raise(RuntimeError::managed(
                ExceptionKind::ArrayTypeMismatch,
                None,
            ));
        }
    })
}

/// A zeroed string of `length` characters.
extern "C" fn new_string(thread: &mut Thread, length: i64) -> *mut u8 {
    guard(thread, std::ptr::null_mut(), |thread| {
        if length < 0 {
            thread.raise(RuntimeError::managed(ExceptionKind::OutOfMemory, None));
            return std::ptr::null_mut();
        }
        match thread.runtime().alloc_string(thread, length as usize) {
            Ok(o) => o.as_ptr(),
            Err(e) => {
                thread.raise(e);
                std::ptr::null_mut()
            }
        }
    })
}

/// Runs a class's static constructor, once (ECMA-335 II.10.5.3.2). A thread
/// that is already running the constructor (a static access from inside it)
/// proceeds without waiting.
extern "C" fn class_init(thread: &mut Thread, mt: &MethodTable) {
    guard(thread, (), |thread| {
        let t = TypeHandle::from_method_table(mt);
        if let Err(e) = run_class_constructor(thread, t) {
            // The (cached) TypeInitializationException is raised here, with
            // a trace of this access, not of the earlier ones.
            match e.exception_object(thread).map(|o| o.raw()) {
                Some(obj) => thread.raise_object(obj, TraceStart::Fresh),
                None => thread.raise(e),
            }
        }
    })
}

/// Which thread runs which static constructor, and which thread waits for
/// which type: the cross-thread part of running a static constructor once
/// (one per runtime).
#[derive(Default)]
pub(crate) struct ClassInitLocks {
    state: std::sync::Mutex<ClassInitState>,
    /// Signalled when a constructor finishes.
    finished: std::sync::Condvar,
    /// The TypeInitializationException of each type whose constructor
    /// failed (`ClassInit::failed` says which have one).
    failures: std::sync::Mutex<std::collections::HashMap<TypeHandle, super::ExceptionObject>>,
}

impl ClassInitLocks {
    /// The recorded TypeInitializationException of `t`, if its
    /// constructor failed.
    fn failure(&self, t: TypeHandle) -> Option<super::ExceptionObject> {
        if !t
            .class_init
            .failed
            .load(std::sync::atomic::Ordering::Acquire)
        {
            return None;
        }
        self.failures
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .get(&t)
            .cloned()
    }

    /// Records `failure` as `t`'s (unless another thread recorded one
    /// first) and returns the one recorded.
    fn record_failure(
        &self,
        t: TypeHandle,
        failure: super::ExceptionObject,
    ) -> super::ExceptionObject {
        let mut map = self.failures.lock().unwrap_or_else(|p| p.into_inner());
        let recorded = map.entry(t).or_insert(failure).clone();
        t.class_init
            .failed
            .store(true, std::sync::atomic::Ordering::Release);
        recorded
    }
}

#[derive(Default)]
struct ClassInitState {
    /// Type → the thread record (address) running its constructor.
    running: std::collections::HashMap<TypeHandle, usize>,
    /// Thread record (address) → the type whose constructor it waits for.
    waiting: std::collections::HashMap<usize, TypeHandle>,
}

impl ClassInitState {
    /// Whether `owner` waits, directly or through other threads, for a
    /// constructor that `me` runs: waiting for `owner` would deadlock.
    fn waits_for(&self, mut owner: usize, me: usize) -> bool {
        for _ in 0..=self.waiting.len() {
            let Some(t) = self.waiting.get(&owner) else {
                return false;
            };
            match self.running.get(t) {
                Some(&next) if next == me => return true,
                Some(&next) => owner = next,
                None => return false,
            }
        }
        false
    }
}

/// What [`claim_class_constructor`] decided.
enum Claim {
    /// This thread runs the constructor.
    Run,
    /// Nothing to do: it ran, or waiting for it would deadlock (ECMA-335
    /// II.10.5.3.3 lets the type be used before its constructor finished).
    Proceed,
}

/// Becomes the thread that runs `t`'s constructor, waiting (in preemptive
/// mode) while another thread runs it.
fn claim_class_constructor(thread: &mut Thread, t: TypeHandle) -> Result<Claim, RuntimeError> {
    let rt = thread.runtime();
    let locks = &rt.class_inits;
    let me = thread as *mut Thread as usize;
    loop {
        let mut st = locks.state.lock().unwrap_or_else(|p| p.into_inner());
        if let Some(failure) = locks.failure(t) {
            return Err(rt.exception_error(failure.get(thread)));
        }
        if t.class_init.is_done() {
            return Ok(Claim::Proceed);
        }
        let owner = match st.running.get(&t) {
            None => {
                st.running.insert(t, me);
                return Ok(Claim::Run);
            }
            Some(&owner) => owner,
        };
        if owner == me || st.waits_for(owner, me) {
            return Ok(Claim::Proceed);
        }
        st.waiting.insert(me, t);
        // Preemptive while blocked: the owner may need a collection.
        rt.heaps.gc.enter_preemptive(thread);
        while st.running.get(&t) == Some(&owner) {
            st = locks.finished.wait(st).unwrap_or_else(|p| p.into_inner());
        }
        st.waiting.remove(&me);
        drop(st);
        rt.heaps.gc.enter_cooperative(thread);
    }
}

/// Runs `t`'s static constructor unless it ran or is running on this thread;
/// a thread that finds another one running it waits until it is done (or
/// proceeds where waiting would deadlock, as the CLR does). A constructor
/// that failed is not run again: every later access raises the same
/// TypeInitializationException (ECMA-335 II.10.5.3.3). The caller is
/// cooperative and can be walked.
pub(crate) fn run_class_constructor(
    thread: &mut Thread,
    t: TypeHandle,
) -> Result<(), RuntimeError> {
    if let Some(failure) = thread.runtime().class_inits.failure(t) {
        return Err(thread.runtime().exception_error(failure.get(thread)));
    }
    if t.class_init.is_done() || thread.initializing.contains(&t) {
        return Ok(());
    }
    let Some(cctor) = t.class_init.cctor else {
        t.class_init
            .done
            .store(1, std::sync::atomic::Ordering::Release);
        return Ok(());
    };
    if !cctor.is_static()
        || !cctor.sig.params.is_empty()
        || cctor.sig.ret != osprey_metadata::sig::TypeSig::Void
    {
        // Malformed metadata (ECMA-335 II.10.5.3.1): never called with
        // arguments it would read from nowhere.
        return Err(RuntimeError::managed(
            ExceptionKind::TypeLoad,
            Some(format!(
                "The type initializer of '{}' is not a static method without parameters returning void.",
                t.name
            )),
        ));
    }
    if let Claim::Proceed = claim_class_constructor(thread, t)? {
        return Ok(());
    }
    thread.initializing.push(t);
    let result = CallSite::new(thread.runtime(), cctor).and_then(|site| site.call(thread, &[]));
    thread.initializing.retain(|x| *x != t);
    let outcome = match result {
        Ok(_) => {
            t.class_init
                .done
                .store(1, std::sync::atomic::Ordering::Release);
            Ok(())
        }
        Err(e) if e.is_exception() => Err(record_class_init_failure(thread, t, &e)),
        Err(fatal) => Err(fatal),
    };
    release_class_constructor(thread, t);
    outcome
}

/// Wraps what `t`'s constructor threw in a TypeInitializationException and
/// records it: every later access rethrows the same object, as the CLR
/// does. Returns the error to raise now.
fn record_class_init_failure(
    thread: &mut Thread,
    t: TypeHandle,
    error: &RuntimeError,
) -> RuntimeError {
    let tie = crate::eh::exception_from_error(thread, error)
        .and_then(|(inner, _)| crate::eh::type_initialization_exception(thread, &t.name, &inner));
    let tie = match tie {
        Ok(tie) => tie,
        Err(e) => return e,
    };
    let rt = thread.runtime();
    let failure = super::ExceptionObject::new(rt.heaps.gc.new_handle(tie.get(thread).raw()));
    let failure = rt.class_inits.record_failure(t, failure);
    rt.exception_error(failure.get(thread))
}

/// This thread finished `t`'s constructor (its outcome is recorded): wakes
/// the threads waiting for it.
fn release_class_constructor(thread: &mut Thread, t: TypeHandle) {
    let locks = &thread.runtime().class_inits;
    let mut st = locks.state.lock().unwrap_or_else(|p| p.into_inner());
    st.running.remove(&t);
    locks.finished.notify_all();
}

/// Raises one of the runtime's exceptions (null reference, bounds, ...).
extern "C" fn throw(thread: &mut Thread, kind: u32) {
    guard(thread, (), |thread| {
        let error = match ThrowKind::from_u32(kind) {
            Some(kind) => throw_kind_exception(kind),
            None => RuntimeError::managed(ExceptionKind::Exception, None),
        };
        thread.raise(error);
    })
}

/// The exception a fault check the JIT emits raises.
fn throw_kind_exception(kind: ThrowKind) -> RuntimeError {
    let (kind, message) = match kind {
        ThrowKind::NullReference => (ExceptionKind::NullReference, None),
        // Mono checks `ldflda` explicitly and raises the exception through
        // its constructor (with a period); its other null checks are
        // hardware faults (without).
        ThrowKind::NullFieldAddress => (
            ExceptionKind::NullReference,
            Some(ExceptionKind::NULL_REFERENCE_CONSTRUCTOR_MESSAGE.to_string()),
        ),
        ThrowKind::IndexOutOfRange => (ExceptionKind::IndexOutOfRange, None),
        ThrowKind::DivideByZero => (ExceptionKind::DivideByZero, None),
        ThrowKind::Overflow => (ExceptionKind::Overflow, None),
        ThrowKind::InvalidCast => (ExceptionKind::InvalidCast, None),
        ThrowKind::ArrayTypeMismatch => (ExceptionKind::ArrayTypeMismatch, None),
        ThrowKind::NotFinite => (ExceptionKind::Arithmetic, None),
    };
    RuntimeError::managed(kind, message)
}

/// `throw`: raises a managed exception object (`throw null` raises a
/// NullReferenceException). Its stack trace starts here.
extern "C" fn throw_object(thread: &mut Thread, exception: *mut u8) {
    guard(thread, (), |thread| {
        // SAFETY: `exception` is null or an object reference managed code passed in.
        match unsafe { Unrooted::from_raw(thread, exception) } {
            None => thread.raise(RuntimeError::managed(ExceptionKind::NullReference, None)),
            Some(obj) => {
                let obj = obj.raw();
                thread.raise_object(obj, TraceStart::Fresh)
            }
        }
    })
}

/// `rethrow`: raises the exception a catch handler is handling again. Its
/// stack trace goes on from the original throw, with the rethrowing frame
/// once (at the rethrow), as on CoreCLR and mono.
extern "C" fn rethrow(thread: &mut Thread, exception: *mut u8) {
    guard(thread, (), |thread| {
        // SAFETY: `exception` is null or an object reference managed code passed in.
        match unsafe { Unrooted::from_raw(thread, exception) } {
            None => thread.raise(RuntimeError::managed(ExceptionKind::NullReference, None)),
            Some(obj) => {
                let obj = obj.raw();
                thread.raise_object(obj, TraceStart::Rethrow)
            }
        }
    })
}

/// Raised after an FCall or QCall left an exception pending: the stub
/// dispatches it; nothing to do here.
extern "C" fn raise_pending(thread: &mut Thread) {
    guard(thread, (), |_| {})
}

/// A prologue found the stack exhausted. Like the CLR, Osprey does not let
/// programs catch this: the managed frames are abandoned with a fatal
/// error carrying the trace, and the program ends with a report.
extern "C" fn stack_overflow(thread: &mut Thread) {
    guard(thread, (), |thread| {
        let trace = crate::eh::overflow_trace(thread);
        thread.raise_fatal(RuntimeError::StackOverflow(trace));
    })
}

/// `stelem.ref`: bounds check, covariance check, store.
extern "C" fn stelem_ref(array: *mut u8, index: i64, value: *mut u8, thread: &mut Thread) {
    guard(thread, (), |thread| {
        // SAFETY: `array` is null or an object reference managed code passed in.
        let Some(arr) = (unsafe { Unrooted::from_raw(thread, array) }) else {
            thread.raise(RuntimeError::managed(ExceptionKind::NullReference, None));
            return;
        };
        // SAFETY: the JIT emits stelem.ref only on arrays of references.
        let len = unsafe { arr.length() };
        if index < 0 || index as usize >= len {
            thread.raise(RuntimeError::managed(ExceptionKind::IndexOutOfRange, None));
            return;
        }
        // SAFETY: `value` is null or an object reference managed code passed in.
        if let Some(v) = unsafe { Unrooted::from_raw(thread, value) } {
            let elem = arr
                .type_handle()
                .element
                .expect("arrays have an element type");
            let vt = v.type_handle();
            if !is_assignable(vt, elem) {
                thread.raise(RuntimeError::managed(
                    ExceptionKind::ArrayTypeMismatch,
                    None,
                ));
                return;
            }
        }
        // SAFETY: index < length, and elements of reference arrays are 8-byte slots.
        let slot = unsafe { (arr.array_data() as *mut *mut u8).add(index as usize) };
        // SAFETY: as above.
        unsafe { *slot = value };
        thread.runtime().heaps.gc.write_barrier(slot as usize);
    })
}

/// `castclass`: the object if it is a `to` (or null), else InvalidCastException.
extern "C" fn cast_class(obj: *mut u8, to: &MethodTable, thread: &mut Thread) -> *mut u8 {
    guard(thread, std::ptr::null_mut(), |thread| {
        // SAFETY: `obj` is null or an object reference managed code passed in.
        let Some(o) = (unsafe { Unrooted::from_raw(thread, obj) }) else {
            return obj;
        };
        let from = o.type_handle();
        let to = TypeHandle::from_method_table(to);
        if is_assignable(from, to) {
            return obj;
        }
        // Mono's message names neither type.
        thread.raise(RuntimeError::managed(ExceptionKind::InvalidCast, None));
        std::ptr::null_mut()
    })
}

/// `isinst`: the object if it is a `to`, else null.
extern "C" fn is_inst(obj: *mut u8, to: &MethodTable) -> *mut u8 {
    // SAFETY: `obj` is null or an object reference managed code passed in.
    match unsafe { ObjectRef::from_raw(obj) } {
        Some(o)
            if is_assignable(
                TypeHandle::from_method_table(o.method_table()),
                TypeHandle::from_method_table(to),
            ) =>
        {
            obj
        }
        _ => std::ptr::null_mut(),
    }
}

/// `unbox`: the object if it is a boxed `to` (an enum and its underlying
/// primitive count as the same), else NullReferenceException or
/// InvalidCastException.
extern "C" fn unbox(obj: *mut u8, to: &MethodTable, thread: &mut Thread) -> *mut u8 {
    guard(thread, std::ptr::null_mut(), |thread| {
        // SAFETY: `obj` is null or an object reference managed code passed in.
        let Some(o) = (unsafe { Unrooted::from_raw(thread, obj) }) else {
            thread.raise(RuntimeError::managed(ExceptionKind::NullReference, None));
            return std::ptr::null_mut();
        };
        let from = o.type_handle();
        let to = TypeHandle::from_method_table(to);
        let underlying = |t: TypeHandle| match t.kind {
            TypeKind::Enum(p) | TypeKind::Primitive(p) => Some(p),
            _ => None,
        };
        if from == to || (underlying(from).is_some() && underlying(from) == underlying(to)) {
            return obj;
        }
        thread.raise(RuntimeError::managed(ExceptionKind::InvalidCast, None));
        std::ptr::null_mut()
    })
}

/// An interface call site missed its cache: find the target for the
/// receiver's type, fill the cell if it is still empty, return the target.
/// The cell is `[method table, target, interface method, unused]`.
///
/// A cell is filled once and never rewritten. Call sites read the method
/// table and the target with two loads; rewriting a filled cell while
/// another thread runs the same site could pair one type's method table
/// with another type's target. So the first receiver type stays cached,
/// and other types resolve here on every call.
extern "C" fn interface_resolve(thread: &mut Thread, cell: *mut usize, this: *mut u8) -> usize {
    guard(thread, 0, |thread| {
        // SAFETY: `this` is null or an object reference managed code passed in.
        let Some(obj) = (unsafe { Unrooted::from_raw(thread, this) }) else {
            thread.raise(RuntimeError::managed(ExceptionKind::NullReference, None));
            return 0;
        };
        // SAFETY: the JIT passes the call site's 32-byte cell, whose third
        // word the runtime set to the interface method when it made the cell.
        let method = method_from_raw(unsafe { *cell.add(2) } as *const MethodDesc);
        let t = obj.type_handle();
        let vslot = interface_slot(t, method);
        let target = vslot
            .and_then(|s| t.vtable.get(s as usize))
            .map(|e| e.load(std::sync::atomic::Ordering::Acquire));
        match target {
            Some(target) => {
                use std::sync::atomic::{AtomicUsize, Ordering};
                // SAFETY: the cell is the call site's 32-byte, 8-aligned
                // data cell in the code heap, alive as long as the code;
                // every access to its first two words is an aligned word
                // access (here atomic, in JIT code plain loads).
                let (mt_word, target_word) = unsafe {
                    (
                        AtomicUsize::from_ptr(cell),
                        AtomicUsize::from_ptr(cell.add(1)),
                    )
                };
                // Claim the empty cell (1 never equals a method table, so
                // the site keeps missing until the method table is stored),
                // store the target, then publish the method table.
                // A filled cell (a site whose receivers vary) is only read:
                // a locked compare-exchange on every miss costs more than
                // the rest of the resolution (dispatch.cs, docs/performance.md).
                if mt_word.load(Ordering::Relaxed) == 0
                    && mt_word
                        .compare_exchange(0, CELL_CLAIMED, Ordering::AcqRel, Ordering::Relaxed)
                        .is_ok()
                {
                    target_word.store(target, Ordering::Release);
                    mt_word.store(t.method_table() as usize, Ordering::Release);
                }
                target
            }
            None => {
                thread.raise(not_implemented(t, method));
                0
            }
        }
    })
}

/// `EntryPointNotFoundException`: the receiver type `t` has no
/// implementation of `method` (an interface call or `ldvirtftn`).
pub(crate) fn not_implemented(t: TypeHandle, method: MethodHandle) -> RuntimeError {
    RuntimeError::managed(
        ExceptionKind::EntryPointNotFound,
        Some(format!(
            "{} does not implement {}",
            t.name,
            method.full_name()
        )),
    )
}

/// An interface cache cell's method-table word while its filler writes the
/// target (method tables are aligned, so no receiver matches it).
const CELL_CLAIMED: usize = 1;

/// The vtable slot of `t` that implements interface method `method`: the
/// mapping of exactly `method`'s interface if `t` implements it, else of an
/// interface `t` implements that converts to it by variance
/// (`IProducer<Dog>` for a call on `IProducer<IAnimal>`).
pub(crate) fn interface_slot(t: TypeHandle, method: MethodHandle) -> Option<u32> {
    let islot = method.slot?;
    let iface = method.owner;
    let entry = t
        .interface_map
        .iter()
        .find(|e| e.interface == iface)
        .or_else(|| {
            t.interface_map
                .iter()
                .find(|e| is_variant_convertible(e.interface, iface))
        })
        .or_else(|| canonical_interface_entry(t, iface).map(|i| &t.interface_map[i]))
        .or_else(|| {
            t.interface_map
                .iter()
                .find(|e| is_array_covariant_interface(t, e.interface, iface))
        })?;
    entry.slots.get(islot as usize).copied()
}

/// Shared generic code calls interface methods of canonical instantiations
/// (`IEnumerable<__Canon>`): the receiver's instantiation of the same
/// interface is the one meant, when it implements only one. (A class
/// implementing `I<A>` and `I<B>` cannot be told apart here; the call then
/// fails with EntryPointNotFoundException naming both, see docs/generics.md.)
fn canonical_interface_entry(t: TypeHandle, iface: TypeHandle) -> Option<usize> {
    if !iface.mentions_canon {
        return None;
    }
    let mut same_def = t
        .interface_map
        .iter()
        .enumerate()
        .filter(|(_, e)| e.interface.def == iface.def)
        .map(|(i, _)| i);
    let first = same_def.next()?;
    same_def.next().is_none().then_some(first)
}

/// The method a `constrained. T callvirt M` calls directly when `T` (a value
/// type) implements or overrides `M` itself (`this` by reference); `None`
/// when `T` inherits it (the value is then boxed and `M` called virtually).
pub(crate) fn constrained_target(t: TypeHandle, m: MethodHandle) -> Option<MethodHandle> {
    let slot = if m.owner.is_interface() {
        interface_slot(t, m)
    } else {
        m.slot
    };
    let implementation = match slot.and_then(|s| t.vtable_methods.get(s as usize)) {
        Some(i) => *i,
        None if m.owner == t => m,
        None => return None,
    };
    (implementation.owner == t).then_some(implementation)
}

/// The prestub's method argument, as a handle.
pub(crate) fn method_from_raw(md: *const MethodDesc) -> MethodHandle {
    // SAFETY: precodes load the address of a live MethodDesc of this runtime.
    unsafe { MethodHandle::from_ptr(md) }
}
