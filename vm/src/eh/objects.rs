//! Exception objects made or read by the runtime.
//!
//! Native code describes the exceptions it raises by type and message
//! ([`RuntimeError::Exception`]); the dispatcher turns the description into
//! an object of that corelib type here, running its constructor as managed
//! code would. The other way, an exception object leaving managed code
//! becomes a [`RuntimeError`] holding a handle to it.

use osprey_binder::ExceptionObject as ExceptionMirror;

use crate::loader::TypeHandle;
use crate::rooted::{Rooted, Unrooted};
use crate::runtime::{Arg, CallSite, Runtime, RuntimeError};
use crate::thread::Thread;
use crate::typesystem::ExceptionKind;

/// The exception object `error` stands for: the one it carries, or a new
/// one of its type and message. Returns the object, rooted, and whether it
/// is new (a new exception's stack trace starts where it is raised).
///
/// If constructing the object throws, that exception is returned instead,
/// as the CLR does when an exception's constructor throws. Fails only for
/// errors that are not managed exceptions, or if corelib lacks the type.
pub(crate) fn exception_from_error(
    thread: &mut Thread,
    error: &RuntimeError,
) -> Result<(Rooted, bool), RuntimeError> {
    if let Some(obj) = error.exception_object(thread) {
        return Ok((thread.root(obj), false));
    }
    let Some((type_name, message)) = error.as_exception() else {
        return Err(RuntimeError::Internal(format!(
            "`{error}` was raised as a managed exception"
        )));
    };
    let rt = thread.runtime();
    let (namespace, name) = type_name.rsplit_once('.').unwrap_or(("", &type_name));
    let t = rt.loader().corelib_type(namespace, name).map_err(|_| {
        RuntimeError::Internal(format!(
            "corelib has no exception type {type_name} to raise ({message})"
        ))
    })?;
    match new_exception(thread, t, Some(&message), &[]) {
        Ok(obj) => Ok((obj, true)),
        Err(e) => match e.exception_object(thread) {
            Some(thrown) => Ok((thread.root(thrown), true)),
            None => Err(e),
        },
    }
}

/// A new `System.TypeInitializationException` for the type `type_name`
/// whose static constructor threw `inner`.
pub(crate) fn type_initialization_exception(
    thread: &mut Thread,
    type_name: &str,
    inner: &Rooted,
) -> Result<Rooted, RuntimeError> {
    let rt = thread.runtime();
    let kind = ExceptionKind::TypeInitialization;
    let t = rt.loader().corelib_type(kind.namespace(), kind.name())?;
    let name = rt.new_string(thread, type_name)?;
    new_exception(thread, t, None, &[Arg::from(&name), Arg::from(inner)])
}

/// Allocates an instance of `t`, runs its constructor taking `args`
/// (references: strings and exceptions), and sets `_message` to `message`
/// when one is given. Everything is rooted across the allocations and the
/// constructor call.
fn new_exception(
    thread: &mut Thread,
    t: TypeHandle,
    message: Option<&str>,
    args: &[Arg<'_>],
) -> Result<Rooted, RuntimeError> {
    let rt = thread.runtime();
    let ctor = t
        .methods
        .iter()
        .copied()
        .find(|m| m.name == ".ctor" && !m.is_static() && m.sig.params.len() == args.len())
        .ok_or_else(|| {
            RuntimeError::Internal(format!(
                "{} has no constructor taking {} arguments",
                t.name,
                args.len()
            ))
        })?;
    let site = CallSite::new(rt, ctor)?;
    let obj = rt.new_object(thread, &t.mt, 0)?;
    let call_args: Vec<Arg<'_>> = std::iter::once(Arg::from(&obj))
        .chain(args.iter().copied())
        .collect();
    site.call(thread, &call_args)?;
    if let Some(text) = message {
        let s = rt.new_string(thread, text)?;
        let offset = std::mem::offset_of!(ExceptionMirror, message);
        // SAFETY: `obj` is an instance of an exception type (a subclass of
        // System.Exception, whose layout the binder checked): `_message`
        // is a string field at `offset`.
        unsafe {
            obj.get(thread)
                .write_ref(offset, Some(s.get(thread)), &rt.heaps.gc)
        };
    }
    Ok(obj)
}

impl Runtime {
    /// The error an exception object leaving managed code becomes: it
    /// holds the object (through a strong handle) and its type name and
    /// message, read now.
    pub(crate) fn exception_error(&self, exception: Unrooted<'_>) -> RuntimeError {
        let t = exception.type_handle();
        let is_exception =
            t == self.well_known().exception || t.is_subclass_of(self.well_known().exception);
        let message = if is_exception {
            let offset = std::mem::offset_of!(ExceptionMirror, message);
            // SAFETY: a System.Exception, laid out as the binder's mirror;
            // `_message` holds a string or null.
            unsafe { exception.read_ref(offset) }.map(|s| unsafe { s.string_to_rust() })
        } else {
            None
        };
        RuntimeError::Exception {
            type_name: t.name.clone(),
            message: message.unwrap_or_else(|| crate::runtime::default_message(&t.name)),
            description: None,
            object: Some(crate::runtime::ExceptionObject::new(
                self.heaps.gc.new_handle(exception.raw()),
            )),
        }
    }
}
