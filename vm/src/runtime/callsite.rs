//! Calling managed code from Rust (CoreCLR's `MethodDescCallSite`).
//!
//! A [`CallSite`] is a method plus a way to call it: the arguments are
//! marshaled into the fastcall64 layout (one 8-byte slot each, `this` first)
//! and passed to the call thunk, which enters managed code. References
//! travel rooted both ways ([`Arg::Ref`], [`Value::Ref`]). If an exception
//! leaves the callee (after its finally blocks ran) or managed code is
//! abandoned (a fatal error), the thunk returns and the call reports it as
//! an error, holding the exception object: nothing ever unwinds through
//! Rust frames.

use std::sync::atomic::Ordering;

use osprey_jit::JitType;

use super::{Runtime, RuntimeError};
use crate::loader::MethodHandle;
use crate::object::ObjectRef;
use crate::rooted::Rooted;
use crate::stubs::{CallThunk, CallThunkF64};
use crate::thread::Thread;

/// An argument passed to managed code. References are passed rooted: the
/// call reads them only after it has entered cooperative mode, right
/// before managed code receives them (from then on the prestub's frame or
/// the callee's frame reports them).
#[derive(Copy, Clone, Debug)]
pub enum Arg<'a> {
    /// `bool`, `char`, and 8-to-32-bit integers.
    I4(i32),
    /// 64-bit integers.
    I8(i64),
    /// Native integers and pointers.
    I(isize),
    /// `float`.
    R4(f32),
    /// `double`.
    R8(f64),
    /// An object reference (or null).
    Ref(Option<&'a Rooted>),
}

impl Arg<'_> {
    fn to_slot(self) -> u64 {
        match self {
            Arg::I4(v) => v as i64 as u64,
            Arg::I8(v) => v as u64,
            Arg::I(v) => v as i64 as u64,
            Arg::R4(v) => u64::from(v.to_bits()),
            Arg::R8(v) => v.to_bits(),
            Arg::Ref(r) => r.map_or(0, |o| o.load().as_ptr() as u64),
        }
    }
}

impl<'a> From<&'a Rooted> for Arg<'a> {
    fn from(r: &'a Rooted) -> Arg<'a> {
        Arg::Ref(Some(r))
    }
}

/// A value returned from managed code. A reference comes back rooted.
#[derive(Debug)]
pub enum Value {
    /// No value (void).
    Void,
    /// `bool`, `char`, and 8-to-32-bit integers.
    I4(i32),
    /// 64-bit integers.
    I8(i64),
    /// Native integers and pointers.
    I(isize),
    /// `float`.
    R4(f32),
    /// `double`.
    R8(f64),
    /// An object reference (or null).
    Ref(Option<Rooted>),
}

/// A managed method, ready to be called from Rust: its return type is
/// resolved once, when the call site is made.
#[derive(Copy, Clone, Debug)]
pub struct CallSite {
    method: MethodHandle,
    ret: JitType,
    nargs: usize,
}

impl CallSite {
    /// A call site for `method`. Fails if its return type cannot be loaded
    /// or is a struct (not supported through this API yet).
    pub fn new(rt: &Runtime, method: MethodHandle) -> Result<CallSite, RuntimeError> {
        let ret = rt.loader().jit_type_of_sig(
            method.assembly,
            &method.sig.ret,
            &method.generic_context(),
        )?;
        if matches!(ret, JitType::Struct(_)) {
            return Err(RuntimeError::Internal(format!(
                "{} returns a struct, which call sites do not support yet",
                method.full_name()
            )));
        }
        Ok(CallSite {
            method,
            ret,
            nargs: method.sig.params.len() + usize::from(!method.is_static()),
        })
    }

    /// A call site for `method` whose return type the caller resolved
    /// (code that holds the loader lock cannot let [`CallSite::new`] take
    /// it). Struct results are not supported: treat them as the caller's
    /// error.
    pub(crate) fn from_return_type(method: MethodHandle, ret: JitType) -> CallSite {
        CallSite {
            method,
            ret,
            nargs: method.sig.params.len() + usize::from(!method.is_static()),
        }
    }

    /// Calls the method with `args` (`this` first for instance methods).
    pub fn call(&self, thread: &mut Thread, args: &[Arg<'_>]) -> Result<Value, RuntimeError> {
        let m = self.method;
        if args.len() != self.nargs {
            return Err(RuntimeError::Internal(format!(
                "{} takes {} arguments, the call site passed {}",
                m.full_name(),
                self.nargs,
                args.len()
            )));
        }
        // Managed code runs in cooperative mode. A caller in preemptive mode
        // enters it here, first waiting out a collection another thread
        // runs (the thunk would only store the mode); the rooted arguments
        // are read after that, where they are now.
        let enter = thread.mutator.gc_mode == 0;
        if enter {
            thread.runtime().heaps.gc.enter_cooperative(thread);
        }
        let mut inline = [0u64; 8];
        let heap: Vec<u64>;
        let slots: &[u64] = if args.len() <= inline.len() {
            for (slot, a) in inline.iter_mut().zip(args) {
                *slot = a.to_slot();
            }
            &inline[..args.len()]
        } else {
            heap = args.iter().map(|a| a.to_slot()).collect();
            &heap
        };
        let entry = match m.code.load(Ordering::Acquire) {
            0 => m.precode,
            code => code,
        };
        let thunk = thread.runtime().stubs.call_thunk;
        let ret = self.ret;
        // A reference result is rooted before anything else happens.
        let table = thread.root_table();
        let thread: *mut Thread = thread;
        // QCalls made by the callee find the runtime through these services,
        // installed once per OS thread (and removed when the record drops).
        if osprey_qcall::services::installed_context() != thread as *mut std::ffi::c_void {
            osprey_qcall::services::install(Some(super::qcall_services::services_for(thread)));
        }
        let value = if matches!(ret, JitType::R4 | JitType::R8) {
            // SAFETY: `thunk` is this runtime's call thunk, whose contract is
            // CallThunkF64 (it returns XMM0 untouched); `entry` is the method's
            // code or precode; `slots` holds exactly the method's arguments.
            let f: CallThunkF64 = unsafe { std::mem::transmute::<usize, CallThunkF64>(thunk) };
            // SAFETY: as above; the thread is the current thread's record.
            let r = unsafe { f(thread, entry, slots.as_ptr(), slots.len()) };
            if ret == JitType::R4 {
                Value::R4(f32::from_bits(r.to_bits() as u32))
            } else {
                Value::R8(r)
            }
        } else {
            // SAFETY: as above, with the integer-result view of the thunk.
            let f: CallThunk = unsafe { std::mem::transmute::<usize, CallThunk>(thunk) };
            // SAFETY: as above.
            let r = unsafe { f(thread, entry, slots.as_ptr(), slots.len()) };
            match ret {
                JitType::Void => Value::Void,
                JitType::I8 | JitType::U8 => Value::I8(r as i64),
                JitType::I | JitType::U | JitType::Ptr | JitType::ByRef => Value::I(r as isize),
                JitType::Ref => {
                    // SAFETY: `r` is what a method returning a reference returned: null or a live object.
                    Value::Ref(
                        unsafe { ObjectRef::from_raw(r as *mut u8) }.map(|o| table.root_raw(o)),
                    )
                }
                _ => Value::I4(r as i32),
            }
        };
        // SAFETY: the thunk has returned; `thread` is the caller's exclusive borrow again.
        let thread = unsafe { &mut *thread };
        if enter {
            thread.runtime().heaps.gc.enter_preemptive(thread);
        }
        match thread.take_failure() {
            Some(e) => Err(e),
            None => Ok(value),
        }
    }
}
