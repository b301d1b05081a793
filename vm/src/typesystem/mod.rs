//! The type system: the runtime's view of types and methods, below both
//! the object model and the loader (docs/architecture.md, "Layers").
//!
//! * [`types`]: method tables (what objects point to and JIT code reads),
//!   runtime types, field descriptors, type handles;
//! * [`methods`]: method descriptors and handles;
//! * [`context`]: generic contexts (the type arguments a signature's `!n`
//!   and `!!n` mean);
//! * [`casting`]: assignability (casts, interface dispatch, constraints);
//! * [`registry`]: every type loaded, as the collector sees them;
//! * [`ExceptionKind`]: the corelib exception types the runtime raises,
//!   listed once (defined in `osprey-binder`, which the QCalls share).
//!
//! Nothing here loads anything: the loader (`crate::loader`) builds these
//! structures, everything else reads them.

pub mod casting;
pub mod context;
pub mod methods;
pub mod registry;
pub mod types;

pub use context::GenericContext;
pub use methods::{MethodDesc, MethodHandle, MethodKind};
pub use osprey_binder::ExceptionKind;
pub use registry::TypeRegistry;
pub use types::{
    FieldDesc, MethodTable, Primitive, RuntimeType, TypeDefId, TypeHandle, TypeKey, TypeKind,
};

/// Index of an assembly in its runtime's assembly list. Corelib is always 0.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct AssemblyId(pub u32);

impl AssemblyId {
    /// The core library.
    pub const CORELIB: AssemblyId = AssemblyId(0);
}
