//! Errors that end a managed program.

use osprey_jit::JitError;

use std::sync::Arc;

use crate::codeheap::CodeHeapError;
use crate::gc::ObjectHandle;
use crate::heap::AllocError;
use crate::loader::LoadError;
use crate::rooted::Unrooted;
use crate::thread::Thread;
use crate::typesystem::ExceptionKind;
use osprey_kernel::client::OsError;

/// Why running managed code failed.
#[derive(Clone, Debug, PartialEq)]
pub enum RuntimeError {
    /// A type, method or field could not be loaded.
    Load(LoadError),
    /// A method could not be compiled.
    Compile {
        /// `Namespace.Type::Method`.
        method: String,
        /// Why.
        error: JitError,
    },
    /// A managed exception: one native code raises (described by type and
    /// message; the dispatcher creates the object), or one that left
    /// managed code unhandled (with its object).
    Exception {
        /// Its type's full name (`System.DivideByZeroException`).
        type_name: String,
        /// Its message.
        message: String,
        /// What the exception's own `ToString()` returned, when the runtime
        /// called it (an unhandled exception about to be printed).
        description: Option<String>,
        /// The exception object, when there is one.
        object: Option<ExceptionObject>,
    },
    /// A method's prologue found the stack exhausted. The process ends (as
    /// in the CLR, this cannot be caught); the text is the managed stack
    /// trace at the overflow.
    StackOverflow(String),
    /// JIT-compiled code dereferenced a wild pointer (unsafe code): the
    /// program ends, as the CLR ends on an AccessViolationException.
    AccessViolation {
        /// The address whose access faulted.
        address: usize,
        /// The faulting method and IL offset (`Type::Method at IL_0004`),
        /// or empty if unknown.
        location: String,
        /// The managed stack trace at the fault.
        trace: String,
    },
    /// The assembly has no entry point.
    NoEntryPoint(String),
    /// The entry point's signature is not one the runtime can call.
    BadEntryPoint(String),
    /// Allocation failed.
    Alloc(AllocError),
    /// The code heap could not take more code.
    CodeHeap(CodeHeapError),
    /// A kernel call failed.
    Os(OsError),
    /// A bug in the runtime (a caught Rust panic): reported, never unwound
    /// through managed frames.
    Internal(String),
    /// A configuration option (an `OSPREY_GC*` variable) has a value it
    /// does not accept: a usage error, reported before anything runs.
    Config(crate::gc::GcOptionError),
    /// A JIT option (`OSPREY_JIT`, `OSPREY_TIERED`, `OSPREY_TIER_CALLS`,
    /// `OSPREY_TIER_BACKGROUND`)
    /// has a value it does not accept: a usage error, as [`RuntimeError::Config`].
    JitConfig(JitOptionError),
    /// The program ran past its time limit (`OSPREY_TIME_LIMIT`) and was
    /// stopped at a safepoint.
    TimeLimit {
        /// The limit.
        seconds: u64,
        /// Where the thread was (`Type::Method at IL_0012`), or empty.
        location: String,
    },
    /// Another thread ended the process with this exit code (an unhandled
    /// exception in a finalizer): this thread's managed frames were
    /// abandoned. Already reported.
    Exited(i32),
    /// Shared generic code cannot express a method (never reported: the
    /// runtime compiles the exact instantiation instead).
    NeedsExactCode,
}

/// An exception object carried by a [`RuntimeError`]: a strong handle, so
/// the object stays alive (and is updated if the GC moves it) while Rust
/// code passes the error along.
#[derive(Clone)]
pub struct ExceptionObject(Arc<ObjectHandle>);

impl ExceptionObject {
    /// Wraps a handle.
    pub fn new(handle: ObjectHandle) -> ExceptionObject {
        ExceptionObject(Arc::new(handle))
    }

    /// The object, as it is now.
    pub fn get<'t>(&self, thread: &'t Thread) -> Unrooted<'t> {
        self.0.get(thread)
    }
}

impl PartialEq for ExceptionObject {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

impl std::fmt::Debug for ExceptionObject {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "ExceptionObject({:?})", self.0)
    }
}

impl RuntimeError {
    /// A managed exception of kind `kind`, with the kind's default message
    /// unless one is given.
    pub fn managed(kind: ExceptionKind, message: Option<String>) -> RuntimeError {
        RuntimeError::Exception {
            type_name: kind.full_name().to_string(),
            message: message.unwrap_or_else(|| kind.default_message().to_string()),
            description: None,
            object: None,
        }
    }

    /// The kind of the managed exception this error is raised as, if it is
    /// one and of a type the runtime raises itself.
    pub fn exception_kind(&self) -> Option<ExceptionKind> {
        self.as_exception()
            .and_then(|(type_name, _)| ExceptionKind::from_full_name(&type_name))
    }

    /// Whether this error is raised into managed code as a catchable
    /// managed exception (rather than ending the program).
    pub fn is_exception(&self) -> bool {
        self.as_exception().is_some()
    }

    /// The exception object this error carries, if any.
    pub fn exception_object<'t>(&self, thread: &'t Thread) -> Option<Unrooted<'t>> {
        match self {
            RuntimeError::Exception {
                object: Some(o), ..
            } => Some(o.get(thread)),
            _ => None,
        }
    }

    /// How an unhandled managed exception prints after `Unhandled exception. `:
    /// the exception's own `ToString()` when the runtime called it, else
    /// `Type: message`. `None` when this error is not a managed exception.
    pub fn exception_text(&self) -> Option<String> {
        if let RuntimeError::Exception {
            description: Some(d),
            ..
        } = self
        {
            return Some(d.clone());
        }
        self.as_exception().map(|(t, m)| format!("{t}: {m}"))
    }

    /// How a program that failed with this error is reported on stderr
    /// (one or more lines, ending with a newline): an unhandled managed
    /// exception as `Unhandled exception. <ToString()>`, a stack overflow
    /// as the CLR prints it, anything else as `error: ...`.
    pub fn failure_report(&self) -> String {
        let is_compile_error = matches!(
            self,
            RuntimeError::Compile { error, .. } if !matches!(
                error,
                JitError::Resolve { .. } | JitError::InvalidIl { .. } | JitError::Unverifiable { .. }
            )
        );
        if let RuntimeError::StackOverflow(_) = self {
            return format!("{self}\n");
        }
        match self.exception_text() {
            Some(text) if !is_compile_error => format!("Unhandled exception. {text}\n"),
            _ => format!("error: {self}\n"),
        }
    }

    /// The managed exception this error is raised as (type name and
    /// message), if it is one.
    pub fn as_exception(&self) -> Option<(String, String)> {
        match self {
            RuntimeError::Exception {
                type_name, message, ..
            } => Some((type_name.clone(), message.clone())),
            RuntimeError::Load(e) => Some((e.exception_kind().full_name().into(), e.to_string())),
            RuntimeError::Compile {
                error: JitError::Resolve { error, .. },
                ..
            } => Some((
                host_error_exception(error.kind).full_name().into(),
                error.message.clone(),
            )),
            // Invalid IL (including type-unsafe IL, which the verifier
            // rejects in all untrusted code) and unverifiable IL where the
            // policy asks for verifiable code, raised before the method runs
            // (docs/verification.md).
            RuntimeError::Compile {
                method,
                error: JitError::InvalidIl { il_offset, reason },
            } => Some((
                ExceptionKind::InvalidProgram.full_name().into(),
                format!("Invalid IL code in {method} at IL_{il_offset:04x}: {reason}"),
            )),
            RuntimeError::Compile {
                method,
                error:
                    JitError::Unverifiable {
                        il_offset,
                        rule,
                        detail,
                    },
            } => Some((
                ExceptionKind::Verification.full_name().into(),
                format!(
                    "Operation could destabilize the runtime: unverifiable IL in {method} at IL_{il_offset:04x} ({rule}): {detail}"
                ),
            )),
            RuntimeError::Alloc(AllocError::OutOfMemory) => Some((
                ExceptionKind::OutOfMemory.full_name().into(),
                ExceptionKind::OutOfMemory.default_message().into(),
            )),
            _ => None,
        }
    }
}

/// The managed exception a resolution failure the JIT reports is raised as.
pub(crate) fn host_error_exception(kind: osprey_jit::HostErrorKind) -> ExceptionKind {
    use osprey_jit::HostErrorKind as K;
    match kind {
        K::MissingMethod => ExceptionKind::MissingMethod,
        K::MissingField => ExceptionKind::MissingField,
        K::TypeLoad => ExceptionKind::TypeLoad,
        K::BadImage => ExceptionKind::BadImageFormat,
        K::NotSupported => ExceptionKind::NotSupported,
        K::Verification => ExceptionKind::Verification,
        K::InvalidProgram => ExceptionKind::InvalidProgram,
        // Never raised: the runtime compiles the method for its exact
        // instantiation instead (runtime/compile.rs).
        K::NeedsExactCode => ExceptionKind::NotSupported,
    }
}

/// The message of an exception of type `type_name` (a full name) that has
/// none: its kind's default message if the runtime raises the type, else
/// `System.Exception`'s text naming the type (a user's exception class).
pub fn default_message(type_name: &str) -> String {
    match ExceptionKind::from_full_name(type_name) {
        Some(kind) => kind.default_message().to_string(),
        None => format!("Exception of type '{type_name}' was thrown."),
    }
}

impl std::fmt::Display for RuntimeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            RuntimeError::Load(e) => write!(f, "{e}"),
            RuntimeError::NeedsExactCode => {
                f.write_str("internal: shared generic code cannot express a method")
            }
            RuntimeError::Compile { method, error } => match error {
                JitError::UnsupportedOpcode { opcode, il_offset } => {
                    write!(
                        f,
                        "unsupported IL opcode {opcode} in {method} at IL_{il_offset:04x}"
                    )
                }
                JitError::InvalidIl { il_offset, reason } => {
                    write!(f, "invalid IL in {method} at IL_{il_offset:04x}: {reason}")
                }
                JitError::Unverifiable {
                    il_offset,
                    rule,
                    detail,
                } => write!(
                    f,
                    "unverifiable IL in {method} at IL_{il_offset:04x} ({rule}): {detail}"
                ),
                JitError::Unsupported { il_offset, what } => {
                    write!(f, "unsupported: {what} in {method} at IL_{il_offset:04x}")
                }
                JitError::Resolve { il_offset, error } => {
                    write!(f, "{} (in {method} at IL_{il_offset:04x})", error.message)
                }
                JitError::Assembler(e) => write!(f, "internal error compiling {method}: {e}"),
                JitError::StageCheck(e) => write!(f, "internal error compiling {method}: {e}"),
            },
            RuntimeError::Exception {
                description: Some(d),
                ..
            } => f.write_str(d),
            RuntimeError::Exception {
                type_name, message, ..
            } => write!(f, "{type_name}: {message}"),
            RuntimeError::StackOverflow(trace) => {
                f.write_str("Stack overflow.")?;
                if !trace.is_empty() {
                    write!(f, "\n{trace}")?;
                }
                Ok(())
            }
            RuntimeError::AccessViolation {
                address,
                location,
                trace,
            } => {
                if location.is_empty() {
                    write!(f, "access violation: managed code read or wrote the unmapped address {address:#x}")?;
                } else {
                    write!(f, "access violation: managed code ({location}) read or wrote the unmapped address {address:#x}")?;
                }
                if !trace.is_empty() {
                    write!(f, "\n{trace}")?;
                }
                Ok(())
            }
            RuntimeError::NoEntryPoint(asm) => {
                write!(f, "{asm} has no entry point (is it a library?)")
            }
            RuntimeError::BadEntryPoint(why) => write!(f, "unsupported entry point: {why}"),
            RuntimeError::Alloc(AllocError::OutOfMemory) => f.write_str("out of memory"),
            RuntimeError::Alloc(AllocError::Os(e)) => write!(f, "out of memory: {e}"),
            RuntimeError::CodeHeap(e) => write!(f, "code heap: {e}"),
            RuntimeError::Os(e) => write!(f, "{e}"),
            RuntimeError::Internal(e) => write!(f, "internal runtime error: {e}"),
            RuntimeError::Config(e) => write!(f, "{e}"),
            RuntimeError::JitConfig(e) => write!(f, "{e}"),
            RuntimeError::TimeLimit { seconds, location } if location.is_empty() => {
                write!(f, "the time limit of {seconds} s ran out")
            }
            RuntimeError::TimeLimit { seconds, location } => {
                write!(f, "the time limit of {seconds} s ran out in {location}")
            }
            RuntimeError::Exited(code) => {
                write!(f, "the process is ending with exit code {code}")
            }
        }
    }
}

impl std::error::Error for RuntimeError {}

impl From<LoadError> for RuntimeError {
    fn from(e: LoadError) -> Self {
        RuntimeError::Load(e)
    }
}

impl From<AllocError> for RuntimeError {
    fn from(e: AllocError) -> Self {
        RuntimeError::Alloc(e)
    }
}

impl From<CodeHeapError> for RuntimeError {
    fn from(e: CodeHeapError) -> Self {
        RuntimeError::CodeHeap(e)
    }
}

/// A bad value of one of the JIT's environment variables.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct JitOptionError {
    /// The variable.
    pub name: &'static str,
    /// Its value.
    pub value: String,
}

impl std::fmt::Display for JitOptionError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}={:?} is not valid", self.name, self.value)?;
        match self.name {
            "OSPREY_JIT" => f.write_str(" (expected baseline, optimizing or tiered)"),
            "OSPREY_TIERED" | "OSPREY_TIER_BACKGROUND" => f.write_str(" (expected 0 or 1)"),
            _ => f.write_str(" (expected a positive number)"),
        }
    }
}
