//! Exception objects made or read by the runtime.
//!
//! Native code describes the exceptions it raises by type and message
//! ([`RuntimeError::Exception`]); the dispatcher turns the description into
//! an object of that corelib type here, running its constructor as managed
//! code would. The other way, an exception object leaving managed code
//! becomes a [`RuntimeError`] holding a handle to it.

use osprey_binder::{ExceptionObject as ExceptionMirror, StringObject};

use crate::frames::HelperFrame;
use crate::loader::TypeHandle;
use crate::object::ObjectRef;
use crate::runtime::{CallSite, Runtime, RuntimeError, Value};
use crate::thread::Thread;

/// The exception object `error` stands for: the one it carries, or a new
/// one of its type and message. Returns the object and whether it is new
/// (a new exception's stack trace starts where it is raised).
///
/// If constructing the object throws, that exception is returned instead,
/// as the CLR does when an exception's constructor throws. Fails only for
/// errors that are not managed exceptions, or if corelib lacks the type.
pub(crate) fn exception_from_error(
    thread: &mut Thread,
    error: &RuntimeError,
) -> Result<(ObjectRef, bool), RuntimeError> {
    if let Some(obj) = error.exception_object() {
        return Ok((obj, false));
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
        Err(e) => match e.exception_object() {
            Some(thrown) => Ok((thrown, true)),
            None => Err(e),
        },
    }
}

/// A new `System.TypeInitializationException` for the type `type_name`
/// whose static constructor threw `inner`.
pub(crate) fn type_initialization_exception(
    thread: &mut Thread,
    type_name: &str,
    inner: ObjectRef,
) -> Result<ObjectRef, RuntimeError> {
    let rt = thread.runtime();
    let t = rt
        .loader()
        .corelib_type("System", "TypeInitializationException")?;
    let mut roots = [inner.as_ptr()];
    HelperFrame::protect(thread, &mut roots, |thread, roots| {
        let name = rt.new_string(thread, type_name)?;
        let inner = ObjectRef::from_raw(roots[0].get());
        new_exception(
            thread,
            t,
            None,
            &[Value::Ref(Some(name)), Value::Ref(inner)],
        )
    })
}

/// Allocates an instance of `t`, runs its constructor taking `args`
/// (references: strings and exceptions), and sets `_message` to `message`
/// when one is given.
fn new_exception(
    thread: &mut Thread,
    t: TypeHandle,
    message: Option<&str>,
    args: &[Value],
) -> Result<ObjectRef, RuntimeError> {
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
    // The object and the argument references are protected while the
    // message string is allocated and the constructor runs.
    let obj = rt.heaps.alloc(thread, &t.mt, 0)?;
    let mut roots: Vec<*mut u8> = std::iter::once(obj.as_ptr())
        .chain(args.iter().map(|a| match a {
            Value::Ref(r) => r.map_or(std::ptr::null_mut(), |o| o.as_ptr()),
            _ => std::ptr::null_mut(),
        }))
        .collect();
    HelperFrame::protect(thread, &mut roots, |thread, roots| {
        let mut call_args = vec![Value::Ref(ObjectRef::from_raw(roots[0].get()))];
        for (i, a) in args.iter().enumerate() {
            call_args.push(match a {
                Value::Ref(_) => Value::Ref(ObjectRef::from_raw(roots[i + 1].get())),
                other => *other,
            });
        }
        site.call(thread, &call_args)?;
        if let Some(text) = message {
            let s = rt.new_string(thread, text)?;
            let obj = roots[0].get() as *mut ExceptionMirror;
            // SAFETY: `obj` is an instance of an exception type (a subclass
            // of System.Exception, whose layout the binder checked).
            unsafe { (*obj).message = s.as_ptr() as *mut StringObject };
            // SAFETY: as above: the field is inside the object.
            let field = unsafe { std::ptr::addr_of!((*obj).message) } as usize;
            rt.heaps.gc.write_barrier(field);
        }
        Ok(ObjectRef::from_raw(roots[0].get()).expect("protected object"))
    })
}

impl Runtime {
    /// The error an exception object leaving managed code becomes: it
    /// holds the object (through a strong handle) and its type name and
    /// message, read now.
    pub(crate) fn exception_error(&self, exception: ObjectRef) -> RuntimeError {
        let t = TypeHandle::from_method_table(exception.method_table());
        let is_exception =
            t == self.well_known().exception || t.is_subclass_of(self.well_known().exception);
        let message = if is_exception {
            // SAFETY: a System.Exception, laid out as the binder's mirror.
            let m = unsafe { (*(exception.as_ptr() as *const ExceptionMirror)).message };
            // SAFETY: `_message` holds a string or null.
            ObjectRef::from_raw(m as *mut u8).map(|s| unsafe { s.string_to_rust() })
        } else {
            None
        };
        RuntimeError::Exception {
            type_name: t.name.clone(),
            message: message.unwrap_or_else(|| crate::runtime::default_message(&t.name)),
            description: None,
            object: Some(crate::runtime::ExceptionObject::new(
                self.heaps.gc.new_handle(exception),
            )),
        }
    }
}
