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

/// How a native method of corelib is declared, as the registration lists
/// name it.
enum NativeDecl {
    /// `[MethodImpl(InternalCall)]`: registered in `FCALLS` by class, method
    /// and signature text.
    FCall {
        class: String,
        method: String,
        sig: String,
    },
    /// `[DllImport("QCall", EntryPoint = "...")]`: registered in `ENTRIES`
    /// by entry point.
    QCall { entry: String },
    /// A P/Invoke into another library (not supported).
    PInvoke { module: String, entry: String },
}

/// What registration `m` needs, if it is an internal call or a P/Invoke.
fn native_decl(loader: &Loader, m: MethodHandle) -> Option<NativeDecl> {
    use osprey_metadata::flags::method_attributes as ma;
    let assembly = loader.assembly(m.assembly);
    let img = assembly.image();
    if m.is_internal_call() {
        return Some(NativeDecl::FCall {
            class: m.owner.name.clone(),
            method: m.name.clone(),
            sig: names::method_sig_text(img, &m.sig),
        });
    }
    if m.flags & ma::PINVOKE_IMPL == 0 {
        return None;
    }
    match img.pinvoke_import_of(m.rid) {
        Ok(Some(p)) if p.module_name == crate::interop::QCALL_LIBRARY => Some(NativeDecl::QCall {
            entry: p.import_name.to_string(),
        }),
        Ok(Some(p)) => Some(NativeDecl::PInvoke {
            module: p.module_name.to_string(),
            entry: p.import_name.to_string(),
        }),
        _ => Some(NativeDecl::PInvoke {
            module: "?".into(),
            entry: m.name.clone(),
        }),
    }
}

/// What is wrong with a native method that nothing is registered for: the
/// registration line it needs, where it goes, and the doc to read.
fn unregistered(m: MethodHandle, decl: &NativeDecl) -> String {
    match decl {
        NativeDecl::FCall { class, method, sig } => format!(
            "no FCall is registered for the internal call {}: add \
             `FCall {{ class: \"{class}\", method: \"{method}\", sig: \"{sig}\", address: ..., flags: ... }}` \
             to FCALLS in vm/src/fcall/mod.rs (see docs/internal-calls.md)",
            m.full_name()
        ),
        NativeDecl::QCall { entry } => format!(
            "no QCall is registered for EntryPoint \"{entry}\" (declared by {}): add \
             `QCallEntry {{ name: \"{entry}\", address: ... }}` to ENTRIES in qcall/src/lib.rs \
             (see docs/internal-calls.md)",
            m.full_name()
        ),
        NativeDecl::PInvoke { module, entry } => format!(
            "{} is a P/Invoke of \"{entry}\" in \"{module}\" whose ImplMap row cannot be read",
            m.full_name()
        ),
    }
}

/// The `MissingMethodException` message for calling `method`, whose kind is
/// `MethodKind::Unimplemented`: for an internal call or QCall with no
/// registration, the registration it needs.
pub(crate) fn unimplemented_message(loader: &Loader, method: MethodHandle) -> String {
    match native_decl(loader, method) {
        Some(decl) => unregistered(method, &decl),
        None => format!("{} has no IL body the runtime can run", method.full_name()),
    }
}

/// Which of corelib's native methods are bound, and which registrations are used.
#[derive(Debug, Default)]
pub struct NativeBindingReport {
    /// Internal calls and QCalls of corelib with no Rust implementation
    /// registered, each with the registration it needs (the FCall's
    /// signature text, the QCall's EntryPoint).
    pub unbound: Vec<String>,
    /// FCall list entries no corelib method binds to (`Class::Method sig`).
    pub unused_fcalls: Vec<String>,
    /// QCall entries no corelib method binds to (their names).
    pub unused_qcalls: Vec<String>,
}

impl NativeBindingReport {
    /// Whether everything is bound and every registration used.
    pub fn is_clean(&self) -> bool {
        self.unbound.is_empty() && self.unused_fcalls.is_empty() && self.unused_qcalls.is_empty()
    }
}

impl std::fmt::Display for NativeBindingReport {
    /// All three lists at once (empty ones say so).
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let lists = [
            (
                "corelib methods with no FCall/QCall registered",
                &self.unbound,
            ),
            (
                "FCALLS entries (vm/src/fcall/mod.rs) no corelib method uses",
                &self.unused_fcalls,
            ),
            (
                "QCall ENTRIES (qcall/src/lib.rs) no corelib method uses",
                &self.unused_qcalls,
            ),
        ];
        for (title, list) in lists {
            writeln!(f, "{title}: {}", list.len())?;
            for item in list {
                writeln!(f, "  - {item}")?;
            }
        }
        Ok(())
    }
}

/// Loads every non-generic corelib type and checks its native methods
/// against the FCall list and the QCall entry list, both ways.
pub(crate) fn native_binding_report(
    loader: &mut Loader,
) -> Result<NativeBindingReport, RuntimeError> {
    use crate::loader::{AssemblyId, MethodKind, TypeDefId};
    let corelib = loader.assembly(AssemblyId::CORELIB);
    let img = corelib.image();
    let mut report = NativeBindingReport::default();
    // Registrations are matched by what they register (several may share a
    // Rust function, so addresses would not tell them apart).
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
        for m in t.methods.iter().copied() {
            let decl = native_decl(loader, m);
            match (m.kind, &decl) {
                (MethodKind::FCall { .. }, Some(NativeDecl::FCall { class, method, sig })) => {
                    used_fcalls.insert((class.clone(), method.clone(), sig.clone()));
                }
                (MethodKind::PInvoke { .. }, Some(NativeDecl::QCall { entry })) => {
                    used_qcalls.insert(entry.clone());
                }
                // String constructors are bound to their `Ctor` factories
                // (see `Loader::string_ctor_factory`), not to native code.
                (MethodKind::Unimplemented, Some(NativeDecl::FCall { .. }))
                    if name == "System.String"
                        && m.name == ".ctor"
                        && loader.string_ctor_factory(m).is_some() => {}
                (MethodKind::Unimplemented, Some(decl)) => {
                    report.unbound.push(unregistered(m, decl));
                }
                _ => {}
            }
        }
    }
    for f in crate::fcall::FCALLS {
        let key = (f.class.to_string(), f.method.to_string(), f.sig.to_string());
        if !used_fcalls.contains(&key) {
            report
                .unused_fcalls
                .push(format!("{}::{} {}", f.class, f.method, f.sig));
        }
    }
    for q in osprey_qcall::ENTRIES {
        if !used_qcalls.contains(q.name) {
            report.unused_qcalls.push(q.name.to_string());
        }
    }
    Ok(report)
}

#[cfg(test)]
mod tests {
    use super::NativeBindingReport;

    #[test]
    fn the_report_shows_all_three_lists_at_once() {
        let report = NativeBindingReport {
            unbound: vec!["no QCall is registered for EntryPoint \"X_Y\"".into()],
            unused_fcalls: vec!["System.X::Y int32()".into()],
            unused_qcalls: vec!["X_Z".into()],
        };
        assert!(!report.is_clean());
        let text = report.to_string();
        for needle in ["EntryPoint \"X_Y\"", "System.X::Y int32()", "X_Z"] {
            assert!(text.contains(needle), "{text}");
        }
        assert_eq!(text.lines().filter(|l| !l.starts_with("  ")).count(), 3);
        let clean = NativeBindingReport::default();
        assert!(clean.is_clean());
        assert!(clean.to_string().lines().all(|l| l.ends_with(": 0")));
    }
}
