//! Load-time checks of the binder's declarations (binder/src/bindings.rs).
//!
//! The build already asserted every mirror against corelib.dll; here the
//! runtime checks again against the types it actually loaded (cheap: a few
//! field lookups), so that a corelib and a runtime built apart cannot run
//! together, and resolves each method binding to a method handle. Either
//! failure stops startup with a message naming the member.

use osprey_binder::{BoundMethod, CLASS_BINDINGS, METHOD_BINDINGS};

use super::RuntimeError;
use crate::loader::{names, Loader, MethodHandle};

/// Checks every class binding and resolves every method binding.
pub(crate) fn check_and_resolve(loader: &mut Loader) -> Result<Vec<MethodHandle>, RuntimeError> {
    let fail = |what: String| RuntimeError::Internal(format!("binder check failed: {what}"));
    for b in CLASS_BINDINGS {
        let t = loader
            .corelib_type(b.namespace, b.name)
            .map_err(|e| fail(format!("{}.{}: {e}", b.namespace, b.name)))?;
        for f in b.fields {
            let actual = t
                .instance_fields
                .iter()
                .find(|x| x.name == f.managed)
                .map(|x| x.offset as usize);
            if actual != Some(f.offset) {
                return Err(fail(format!(
                    "{}.{}.{}: the mirror {} has it at {}, the loaded type at {:?}",
                    b.namespace, b.name, f.managed, b.mirror, f.offset, actual
                )));
            }
        }
        let size = match &t.value_layout {
            Some(l) if b.value_type => l.size as usize,
            _ => t.mt.base_size as usize,
        };
        if size != b.size && !(b.name == "String" && b.namespace == "System") {
            return Err(fail(format!(
                "{}.{}: the mirror {} is {} bytes, the loaded type {size}",
                b.namespace, b.name, b.mirror, b.size
            )));
        }
    }
    let mut methods = Vec::with_capacity(METHOD_BINDINGS.len());
    for b in METHOD_BINDINGS {
        let t = loader
            .corelib_type(b.namespace, b.class)
            .map_err(|e| fail(format!("{}.{}: {e}", b.namespace, b.class)))?;
        let corelib = loader.assembly(crate::loader::AssemblyId::CORELIB);
        let found =
            t.methods.iter().copied().find(|m| {
                m.name == b.name && names::method_sig_text(corelib.image(), &m.sig) == b.sig
            });
        match found {
            Some(m) => methods.push(m),
            None => {
                return Err(fail(format!(
                    "corelib has no method {}.{}::{} with signature {}",
                    b.namespace, b.class, b.name, b.sig
                )))
            }
        }
    }
    Ok(methods)
}

/// The bound method `m` (resolved at startup).
pub(crate) fn bound(methods: &[MethodHandle], m: BoundMethod) -> MethodHandle {
    methods[m as usize]
}

/// Which of corelib's native methods are bound, and which registrations are used.
#[derive(Debug, Default)]
pub struct NativeBindingReport {
    /// Internal calls and QCalls of corelib with no Rust implementation registered.
    pub unbound: Vec<String>,
    /// FCall list entries no corelib method binds to.
    pub unused_fcalls: Vec<String>,
    /// QCall entries no corelib method binds to.
    pub unused_qcalls: Vec<String>,
}

/// Loads every non-generic corelib type and checks its native methods
/// against the FCall list and the QCall entry list, both ways.
pub(crate) fn native_binding_report(
    loader: &mut Loader,
) -> Result<NativeBindingReport, RuntimeError> {
    use crate::loader::{AssemblyId, MethodKind, TypeDefId};
    use osprey_metadata::flags::method_attributes as ma;
    let corelib = loader.assembly(AssemblyId::CORELIB);
    let img = corelib.image();
    let mut report = NativeBindingReport::default();
    let mut used_fcalls = std::collections::HashSet::new();
    let mut used_qcalls = std::collections::HashSet::new();
    for rid in 1..=img.row_count(osprey_metadata::TableId::TypeDef) {
        let generic = img
            .generic_params_of(osprey_metadata::tables::TypeOrMethodDef::TypeDef(rid))
            .next()
            .is_some();
        let name = loader.type_def_name(TypeDefId {
            assembly: AssemblyId::CORELIB,
            rid,
        });
        if generic || name == "<Module>" {
            continue;
        }
        let t = loader.load_type_def(TypeDefId {
            assembly: AssemblyId::CORELIB,
            rid,
        })?;
        for m in &t.methods {
            match m.kind {
                MethodKind::FCall { address, .. } => {
                    used_fcalls.insert(address);
                }
                MethodKind::QCall { address, .. } => {
                    used_qcalls.insert(address);
                }
                // String constructors are bound to their `Ctor` factories
                // (see `Loader::string_ctor_factory`), not to native code.
                MethodKind::Unimplemented
                    if name == "System.String"
                        && m.name == ".ctor"
                        && loader.string_ctor_factory(*m).is_some() => {}
                MethodKind::Unimplemented
                    if m.is_internal_call() || m.flags & ma::PINVOKE_IMPL != 0 =>
                {
                    report.unbound.push(format!(
                        "{} {}",
                        m.full_name(),
                        names::method_sig_text(img, &m.sig)
                    ));
                }
                _ => {}
            }
        }
    }
    for f in crate::fcall::FCALLS {
        if !used_fcalls.contains(&(f.address as usize)) {
            report
                .unused_fcalls
                .push(format!("{}::{} {}", f.class, f.method, f.sig));
        }
    }
    for q in osprey_qcall::ENTRIES {
        if !used_qcalls.contains(&(q.address as usize)) {
            report.unused_qcalls.push(q.name.to_string());
        }
    }
    Ok(report)
}
