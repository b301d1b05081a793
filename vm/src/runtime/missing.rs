//! Members and types a program references but no assembly defines: raised
//! where the reference would run, with a message a C# programmer can act on.
//!
//! When the JIT cannot resolve an instruction's token (a method, field or
//! type corelib lacks, or one missing from the program's own assemblies),
//! it asks [`defer`] whether to raise the failure at run time instead of
//! failing the whole method ([`osprey_jit::JitHost::defer_failure`]). The
//! failure is recorded here, and the instruction becomes a call of the
//! `RaiseDeferred` helper ([`raise_deferred`]) with its index: a branch that
//! never runs never fails, and the trace's top frame is the referring method
//! at the instruction's IL offset, as on mono.
//!
//! A reference into corelib (through `mscorlib`, `System.Runtime`, ...) is
//! described in C# terms and says that Osprey's corelib lacks it:
//!
//! ```text
//! System.MissingMethodException: 'System.Console.Beep()' is not implemented in Osprey's corelib (docs/api.md lists what is)
//! System.TypeLoadException: 'System.DateTime' is not implemented in Osprey's corelib (used by 'System.DateTime.Now'; docs/api.md lists what is)
//! ```
//!
//! A member missing from a program's own assembly keeps the CLR's message
//! (`Method not found: 'Void Lib.Gone()'.`).
//!
//! A local variable of a value type that does not exist gets a
//! [`PLACEHOLDER`] slot instead of failing the method: a value of the type
//! can only come from an instruction that names the type (a call returning
//! it, `initobj`, `box`, a field of it), and each of those raises before
//! it could store one, so the slot never holds a value of the real type.

use std::collections::HashMap;
use std::sync::Mutex;

use osprey_jit::{HostError, HostErrorKind};
use osprey_metadata::csharp;
use osprey_metadata::sig::MemberRefSig;
use osprey_metadata::tables::{MemberRefParent, TypeDefOrRef};
use osprey_metadata::{TableId, Token};

use super::helpers::guard;
use super::RuntimeError;
use crate::error::host_error_exception;
use crate::loader::{AssemblyId, LoadError, Loader};
use crate::thread::Thread;
use crate::typesystem::ExceptionKind;

/// The JIT type given to a local whose value type does not exist.
pub(crate) const PLACEHOLDER: osprey_jit::JitType = osprey_jit::JitType::I8;

/// What corelib-missing messages end with: where a user finds what exists.
pub(crate) use crate::loader::API_HINT;

/// One recorded failure: the managed exception it raises.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
struct Failure {
    kind: ExceptionKind,
    message: String,
}

/// The failures compiled code raises, by index (the value the JIT embeds
/// in the `RaiseDeferred` call). Equal failures share one index.
#[derive(Default)]
pub(crate) struct DeferredFailures {
    inner: Mutex<Registry>,
}

#[derive(Default)]
struct Registry {
    list: Vec<Failure>,
    index: HashMap<Failure, usize>,
}

impl DeferredFailures {
    fn register(&self, failure: Failure) -> usize {
        let mut r = self.inner.lock().unwrap_or_else(|p| p.into_inner());
        if let Some(i) = r.index.get(&failure) {
            return *i;
        }
        let i = r.list.len();
        r.list.push(failure.clone());
        r.index.insert(failure, i);
        i
    }

    fn get(&self, index: usize) -> Option<Failure> {
        let r = self.inner.lock().unwrap_or_else(|p| p.into_inner());
        r.list.get(index).cloned()
    }
}

/// The managed exception of a resolution failure the JIT may raise at run
/// time; `None` for failures that stay compile-time errors (malformed
/// metadata, what Osprey does not support).
fn deferrable(kind: HostErrorKind) -> Option<ExceptionKind> {
    match kind {
        // The last: a generic method's constraint violated, at the call (as
        // .NET).
        HostErrorKind::MissingMethod
        | HostErrorKind::MissingField
        | HostErrorKind::TypeLoad
        | HostErrorKind::Verification => Some(host_error_exception(kind)),
        // Shared generic code that cannot express the instruction is
        // compiled again per instantiation: not a failure to raise.
        // A direct call of an [UnmanagedCallersOnly] method fails the
        // caller's compilation, as in .NET.
        HostErrorKind::BadImage
        | HostErrorKind::NotSupported
        | HostErrorKind::NeedsExactCode
        | HostErrorKind::InvalidProgram => None,
    }
}

/// [`osprey_jit::JitHost::defer_failure`]: records `error` (raised by an
/// instruction of a method of `assembly` with `token`) and returns its
/// index, or `None` when it should fail the compilation.
pub(crate) fn defer(
    failures: &DeferredFailures,
    loader: &mut Loader,
    assembly: AssemblyId,
    error: &HostError,
    token: Token,
) -> Option<usize> {
    let default_kind = deferrable(error.kind)?;
    let failure = match describe(loader, assembly, token) {
        Some(f) => f,
        None => Failure {
            kind: default_kind,
            message: error.message.clone(),
        },
    };
    Some(failures.register(failure))
}

/// The `RaiseDeferred` helper: raises failure `index` (see [`defer`]).
pub(super) extern "C" fn raise_deferred(thread: &mut Thread, index: usize) {
    guard(thread, (), |thread| {
        let error = match thread.runtime().deferred.get(index) {
            Some(f) => RuntimeError::managed(f.kind, Some(f.message)),
            None => RuntimeError::Internal(format!("no deferred failure {index}")),
        };
        thread.raise(error);
    })
}

/// Describes a reference into corelib that does not resolve, in C# terms;
/// `None` for references elsewhere (the CLR's message stays) and for
/// tokens that resolve after all (the failure was something else).
fn describe(loader: &mut Loader, assembly: AssemblyId, token: Token) -> Option<Failure> {
    let asm = loader.assembly(assembly);
    let img = asm.image();
    match token.table()? {
        TableId::MemberRef => {
            let row = img.member_ref(token.rid()).ok()?;
            let name = img.string(row.name).ok()?;
            let MemberRefParent::TypeRef(parent) = row.class else {
                return None;
            };
            let owner = img.type_ref_full_name(parent).ok()?;
            let (member, member_kind) = match img.member_ref_sig(token.rid()).ok()? {
                MemberRefSig::Method(sig) => (
                    csharp::method_name(img, &owner, name, &sig),
                    ExceptionKind::MissingMethod,
                ),
                MemberRefSig::Field(_) => (
                    format!("{}.{name}", csharp::display_type_name(&owner)),
                    ExceptionKind::MissingField,
                ),
            };
            match loader.resolve_type_def_id(assembly, TypeDefOrRef::TypeRef(parent)) {
                Ok(id) if id.assembly == AssemblyId::CORELIB => Some(Failure {
                    kind: member_kind,
                    message: format!(
                        "'{member}' is not implemented in Osprey's corelib ({API_HINT})"
                    ),
                }),
                Ok(_) => None,
                Err(e) => missing_corelib_type(&e).map(|t| Failure {
                    kind: ExceptionKind::TypeLoad,
                    message: format!(
                        "'{t}' is not implemented in Osprey's corelib (used by '{member}'; {API_HINT})"
                    ),
                }),
            }
        }
        TableId::TypeRef => {
            let e = loader
                .resolve_type_def_id(assembly, TypeDefOrRef::TypeRef(token.rid()))
                .err()?;
            missing_corelib_type(&e).map(|t| Failure {
                kind: ExceptionKind::TypeLoad,
                message: format!("'{t}' is not implemented in Osprey's corelib ({API_HINT})"),
            })
        }
        _ => None,
    }
}

/// The C# name of the type a load error says corelib lacks, if that is
/// what it says.
fn missing_corelib_type(e: &LoadError) -> Option<String> {
    match e {
        LoadError::TypeNotFound { name, assembly } if Loader::is_corelib_alias(assembly) => {
            Some(csharp::display_type_name(name))
        }
        _ => None,
    }
}
