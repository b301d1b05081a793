//! The type loader: assemblies, runtime types, method descriptors, and the
//! resolution of metadata tokens to them.
//!
//! * [`assembly`]: loaded assemblies (bytes + metadata image);
//! * the structures it builds are the type system's (`crate::typesystem`:
//!   method tables, runtime types, method descriptors), re-exported here;
//! * [`build`]: constructing a runtime type from its TypeDef and type
//!   arguments (identity first, then parent, layout, statics, methods,
//!   vtable, interfaces);
//! * [`layout`]: field shapes, value-type layouts and static storage (the
//!   rules live in `osprey_metadata::layout`);
//! * [`vtable`]: vtable slots, overrides, interface maps, unboxing stubs;
//! * [`arrays`]: array types;
//! * [`generics`]: generic contexts, signature comparison across
//!   instantiations, generic method instantiation;
//! * [`resolve`]: tokens and signatures to types, methods, fields and JIT types,
//!   including the binding of references to `mscorlib` & co to corelib;
//! * [`names`]: how types, methods and signatures are printed.
//!
//! All state belongs to one runtime instance; nothing here is global.

mod arrays;
pub mod assembly;
pub(crate) mod attributes;
mod build;
pub mod generics;
mod layout;
pub mod names;
mod resolve;
pub mod sharing;
mod validate;
mod vtable;

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use osprey_metadata::MetadataError;

pub use assembly::{Assembly, AssemblyId};
pub(crate) use build::primitive_of_sig;
// The type system's structures, which the loader builds (re-exported so
// that `crate::loader::TypeHandle` and the like name them too).
pub use crate::typesystem::GenericContext;
pub use crate::typesystem::{casting, methods, types};
pub use crate::typesystem::{
    FieldDesc, MethodTable, Primitive, RuntimeType, TypeDefId, TypeHandle, TypeKey, TypeKind,
};
pub use crate::typesystem::{MethodDesc, MethodHandle, MethodKind};

use crate::codeheap::CodeHeap;
use crate::typesystem::ExceptionKind;

/// Why a type, method or field could not be loaded. Each maps to the managed
/// exception a CLR raises.
#[derive(Clone, Debug, PartialEq)]
pub enum LoadError {
    /// Malformed metadata (`BadImageFormatException`).
    BadImage {
        /// The assembly's name.
        assembly: String,
        /// What the reader found.
        error: MetadataError,
    },
    /// A type does not exist (`TypeLoadException`).
    TypeNotFound {
        /// The type's full name.
        name: String,
        /// Where it was looked for.
        assembly: String,
    },
    /// A type exists but cannot be loaded (`TypeLoadException`).
    InvalidType {
        /// The type's full name.
        name: String,
        /// Why.
        reason: String,
    },
    /// A method does not exist (`MissingMethodException`); the message names it.
    MissingMethod(String),
    /// A field does not exist (`MissingFieldException`); the message names it.
    MissingField(String),
    /// Something the runtime does not support yet; the message says what.
    NotSupported(String),
    /// Metadata that reads well but means nothing consistent (a TypeRef that
    /// is its own resolution scope): `BadImageFormatException`.
    Malformed {
        /// The assembly's name.
        assembly: String,
        /// What is wrong, naming the row.
        reason: String,
    },
    /// A type argument violates a constraint of its type parameter
    /// (`TypeLoadException` for a generic type, `VerificationException`
    /// for a generic method, as in .NET); the message says which.
    ConstraintViolation {
        /// .NET's message.
        message: String,
        /// The parameter belongs to a generic method.
        on_method: bool,
    },
    /// A token of the wrong kind where a specific kind is required.
    BadToken {
        /// The token.
        token: osprey_metadata::Token,
        /// What was expected ("a method token").
        expected: &'static str,
    },
}

impl std::fmt::Display for LoadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            LoadError::BadImage { assembly, error } => write!(f, "bad image '{assembly}': {error}"),
            LoadError::Malformed { assembly, reason } => {
                write!(f, "bad image '{assembly}': {reason}")
            }
            LoadError::TypeNotFound { name, assembly } if Loader::is_corelib_alias(assembly) => {
                write!(
                    f,
                    "'{}' is not implemented in Osprey's corelib ({})",
                    osprey_metadata::csharp::display_type_name(name),
                    API_HINT
                )
            }
            LoadError::TypeNotFound { name, assembly } => {
                write!(
                    f,
                    "Could not load type '{name}' from assembly '{assembly}'."
                )
            }
            LoadError::InvalidType { name, reason } => {
                write!(f, "Could not load type '{name}': {reason}")
            }
            LoadError::MissingMethod(m) => write!(f, "Method not found: '{m}'."),
            LoadError::MissingField(m) => write!(f, "Field not found: '{m}'."),
            LoadError::NotSupported(what) => write!(f, "not supported: {what}"),
            LoadError::ConstraintViolation { message, .. } => f.write_str(message),
            LoadError::BadToken { token, expected } => {
                write!(f, "bad image: token {token} where {expected} is required")
            }
        }
    }
}

impl std::error::Error for LoadError {}

impl LoadError {
    /// The managed exception a CLR raises for this error.
    pub fn exception_kind(&self) -> ExceptionKind {
        match self {
            LoadError::BadImage { .. }
            | LoadError::Malformed { .. }
            | LoadError::BadToken { .. } => ExceptionKind::BadImageFormat,
            LoadError::TypeNotFound { .. } | LoadError::InvalidType { .. } => {
                ExceptionKind::TypeLoad
            }
            LoadError::MissingMethod(_) => ExceptionKind::MissingMethod,
            LoadError::MissingField(_) => ExceptionKind::MissingField,
            LoadError::NotSupported(_) => ExceptionKind::NotSupported,
            LoadError::ConstraintViolation {
                on_method: false, ..
            } => ExceptionKind::TypeLoad,
            LoadError::ConstraintViolation {
                on_method: true, ..
            } => ExceptionKind::Verification,
        }
    }
}

/// Result of loader operations.
pub type LoadResult<T> = Result<T, LoadError>;

/// The loader state of one runtime.
pub struct Loader {
    assemblies: Vec<Arc<Assembly>>,
    /// Every type by its key, including types still being built (see
    /// `build`: a type under construction can already be named as a type
    /// argument, as in `class Node : IComparable<Node>`).
    types: HashMap<TypeKey, TypeHandle>,
    /// Owns every runtime type: each was allocated by `Box::into_raw` and is
    /// freed when the loader is dropped. Handles are raw pointers into
    /// these allocations, which never move.
    type_store: Vec<std::ptr::NonNull<RuntimeType>>,
    /// Owns every method descriptor.
    #[allow(clippy::vec_box)] // as above: method handles point into the boxes
    method_store: Vec<Box<MethodDesc>>,
    /// Methods of non-generic types (and of open generic definitions) by
    /// their MethodDef; methods of instantiations are reached through
    /// their owner.
    methods_by_def: HashMap<(AssemblyId, u32), MethodHandle>,
    /// Instantiated generic methods, by (definition, type arguments).
    method_instances: HashMap<(MethodHandle, Vec<TypeHandle>), MethodHandle>,
    /// Canonical methods shared code cannot express (see `sharing`).
    unshareable: HashSet<MethodHandle>,
    /// The dictionary layout of each shared owner (see `sharing`).
    #[allow(clippy::vec_box)]
    // boxed for stable addresses: compiled code holds pointers to the lookups
    dictionary_layouts: HashMap<sharing::DictionaryOwner, Vec<Box<sharing::LookupDesc>>>,
    /// Every generic dictionary allocated (kept alive: replaced ones may
    /// still be read by other threads).
    dictionaries: Vec<Box<[std::sync::atomic::AtomicUsize]>>,
    /// Every method by its precode (its function pointer, see `ldftn`).
    methods_by_precode: HashMap<usize, MethodHandle>,
    /// Unboxing stubs made for methods of value types, by method.
    unboxing_stubs: HashMap<MethodHandle, usize>,
    /// TypeRefs being resolved right now, innermost last (`validate.rs`:
    /// scope cycles and depth).
    type_refs_resolving: Vec<(AssemblyId, u32)>,
    /// Types whose parent is being resolved right now (to report a type
    /// deriving from itself instead of recursing forever).
    in_progress: HashSet<TypeKey>,
    /// Types registered in `types` whose body is still being built.
    incomplete: HashSet<TypeHandle>,
    /// TypeRef rows already bound to their definitions.
    type_ref_cache: HashMap<(AssemblyId, u32), TypeDefId>,
    /// Top-level type names of each assembly (built on first lookup).
    type_index: HashMap<AssemblyId, HashMap<(String, String), u32>>,
    /// Layouts of value types computed without loading them (see `build::value_layout`).
    value_layouts: HashMap<TypeKey, build::ValueLayout>,
    /// Value types whose layout is being computed (cycle detection).
    layout_in_progress: HashSet<TypeKey>,
    /// Where precodes go.
    code_heap: Arc<CodeHeap>,
    /// The shared prestub every precode jumps to.
    prestub: usize,
    /// Every type loaded, shared with the garbage collector (statics are
    /// roots; the heap verifier checks method tables against it).
    pub(crate) registry: Arc<crate::typesystem::TypeRegistry>,
    /// Internal calls and QCalls (see [`NativeBindings`]).
    bindings: Box<dyn NativeBindings>,
}

/// The module name of QCalls: `[DllImport("QCall")]` is a P/Invoke into the
/// runtime (docs/internal-calls.md).
pub const QCALL_LIBRARY: &str = "QCall";

/// Where a message about a member corelib lacks sends the user.
pub(crate) const API_HINT: &str = "docs/api.md lists what is";

/// How the loader binds methods implemented in native code: corelib's
/// internal calls (FCalls) and QCall entry points. The layer that owns
/// those tables (the runtime) hands an implementation to
/// [`Loader::new`], so the loader names neither.
pub trait NativeBindings: Send + Sync {
    /// The FCall registered for `class::method` with the ILAsm-like
    /// signature `sig` (`double(double)`), as the method's kind.
    fn internal_call(&self, class: &str, method: &str, sig: &str) -> Option<MethodKind>;
    /// The address of the QCall entry point `entry`.
    fn qcall(&self, entry: &str) -> Option<usize>;
}

/// Names under which programs refer to the core library.
const CORELIB_ALIASES: &[&str] = &[
    "mscorlib",
    "System",
    "System.Core",
    "System.Runtime",
    "netstandard",
    "System.Private.CoreLib",
    "corelib",
];

impl Loader {
    /// A loader with corelib loaded (as assembly 0), binding native methods
    /// through `bindings`.
    pub fn new(
        corelib: &'static [u8],
        code_heap: Arc<CodeHeap>,
        prestub: usize,
        bindings: Box<dyn NativeBindings>,
    ) -> LoadResult<Loader> {
        let corelib = Assembly::from_static(AssemblyId::CORELIB, corelib).map_err(|error| {
            LoadError::BadImage {
                assembly: "corelib".into(),
                error,
            }
        })?;
        Ok(Loader {
            assemblies: vec![Arc::new(corelib)],
            types: HashMap::new(),
            type_store: Vec::new(),
            method_store: Vec::new(),
            methods_by_def: HashMap::new(),
            method_instances: HashMap::new(),
            dictionary_layouts: HashMap::new(),
            unshareable: HashSet::new(),
            dictionaries: Vec::new(),
            methods_by_precode: HashMap::new(),
            unboxing_stubs: HashMap::new(),
            in_progress: HashSet::new(),
            type_refs_resolving: Vec::new(),
            incomplete: HashSet::new(),
            type_ref_cache: HashMap::new(),
            type_index: HashMap::new(),
            value_layouts: HashMap::new(),
            layout_in_progress: HashSet::new(),
            code_heap,
            prestub,
            registry: Arc::new(crate::typesystem::TypeRegistry::default()),
            bindings,
        })
    }

    /// Loads an assembly from its bytes.
    pub fn load_assembly(&mut self, bytes: Vec<u8>, display_name: &str) -> LoadResult<AssemblyId> {
        let id = AssemblyId(self.assemblies.len() as u32);
        let asm = Assembly::from_owned(id, bytes).map_err(|error| LoadError::BadImage {
            assembly: display_name.to_string(),
            error,
        })?;
        self.assemblies.push(Arc::new(asm));
        Ok(id)
    }

    /// An assembly by id.
    pub fn assembly(&self, id: AssemblyId) -> Arc<Assembly> {
        self.assemblies[id.0 as usize].clone()
    }

    /// Whether an assembly reference names the core library.
    pub(crate) fn is_corelib_alias(name: &str) -> bool {
        CORELIB_ALIASES.contains(&name)
    }

    /// Finds a loaded assembly by simple name (corelib aliases map to corelib).
    fn find_assembly(&self, name: &str) -> Option<AssemblyId> {
        if Self::is_corelib_alias(name) {
            return Some(AssemblyId::CORELIB);
        }
        self.assemblies
            .iter()
            .find(|a| a.name == name)
            .map(|a| a.id)
    }

    /// A corelib type by namespace and name, loaded.
    pub fn corelib_type(&mut self, namespace: &str, name: &str) -> LoadResult<TypeHandle> {
        let rid = self
            .find_type(AssemblyId::CORELIB, namespace, name)?
            .ok_or_else(|| LoadError::TypeNotFound {
                name: names::join(namespace, name),
                assembly: "corelib".into(),
            })?;
        self.load_type_def(TypeDefId {
            assembly: AssemblyId::CORELIB,
            rid,
        })
    }

    /// Finds a top-level TypeDef of `assembly` by namespace and name.
    pub(crate) fn find_type(
        &mut self,
        assembly: AssemblyId,
        namespace: &str,
        name: &str,
    ) -> LoadResult<Option<u32>> {
        if !self.type_index.contains_key(&assembly) {
            let asm = self.assembly(assembly);
            let img = asm.image();
            let mut index = HashMap::new();
            for rid in 1..=img.row_count(osprey_metadata::TableId::TypeDef) {
                let bad = |e| self.bad_image(assembly, e);
                if img.enclosing_class_of(rid).map_err(bad)?.is_some() {
                    continue;
                }
                let row = img.type_def(rid).map_err(bad)?;
                let ns = img.string(row.namespace).map_err(bad)?.to_string();
                let n = img.string(row.name).map_err(bad)?.to_string();
                index.entry((ns, n)).or_insert(rid);
            }
            self.type_index.insert(assembly, index);
        }
        Ok(self.type_index[&assembly]
            .get(&(namespace.to_string(), name.to_string()))
            .copied())
    }

    /// The method descriptor of a MethodDef, loading its type.
    pub fn method_def(&mut self, assembly: AssemblyId, rid: u32) -> LoadResult<MethodHandle> {
        if let Some(m) = self.methods_by_def.get(&(assembly, rid)) {
            return Ok(*m);
        }
        let asm = self.assembly(assembly);
        let owner = asm
            .image()
            .method_owner(rid)
            .map_err(|e| self.bad_image(assembly, e))?
            .ok_or_else(|| {
                LoadError::MissingMethod(format!("MethodDef 0x{rid:06x} has no owner"))
            })?;
        self.load_type_def(TypeDefId {
            assembly,
            rid: owner,
        })?;
        self.methods_by_def
            .get(&(assembly, rid))
            .copied()
            .ok_or_else(|| LoadError::MissingMethod(format!("MethodDef 0x{rid:06x}")))
    }

    /// The method whose function pointer (`ldftn`, the precode) is `ptr`.
    pub fn method_of_precode(&self, ptr: usize) -> Option<MethodHandle> {
        self.methods_by_precode.get(&ptr).copied()
    }

    /// The entry point of an assembly.
    pub fn entry_point(&mut self, assembly: AssemblyId) -> LoadResult<Option<MethodHandle>> {
        let token = self.assemblies[assembly.0 as usize].image().entry_point();
        match token {
            None => Ok(None),
            Some(t) if t.table() == Some(osprey_metadata::TableId::MethodDef) => {
                self.method_def(assembly, t.rid()).map(Some)
            }
            Some(t) => Err(LoadError::NotSupported(format!(
                "entry point token {t} is not a MethodDef"
            ))),
        }
    }

    pub(crate) fn bad_image(&self, assembly: AssemblyId, error: MetadataError) -> LoadError {
        LoadError::BadImage {
            assembly: self.assemblies[assembly.0 as usize].name.clone(),
            error,
        }
    }

    /// Every loaded type (for diagnostics and, later, the GC's static roots).
    pub fn all_types(&self) -> impl Iterator<Item = TypeHandle> + '_ {
        // SAFETY: the loader's type store owns the boxed RuntimeType, never freed while the runtime lives.
        self.type_store
            .iter()
            .map(|t| unsafe { TypeHandle::from_raw(*t) })
    }
}

impl Drop for Loader {
    fn drop(&mut self) {
        for t in self.type_store.drain(..) {
            // SAFETY: every entry came from `Box::into_raw` (build.rs) and
            // is freed only here, once; the runtime owning this loader is
            // being torn down, so no handle is used after this.
            drop(unsafe { Box::from_raw(t.as_ptr()) });
        }
    }
}
