//! Every type a runtime loaded, for the collector (statics are roots; the
//! heap verifier checks method tables against it).

use std::sync::Mutex;

use super::types::TypeHandle;

/// Every type the loader created (shared by the loader and the collector).
#[derive(Default)]
pub struct TypeRegistry {
    types: Mutex<Vec<TypeHandle>>,
}

impl TypeRegistry {
    /// Records a new type.
    pub fn register(&self, t: TypeHandle) {
        self.types.lock().unwrap_or_else(|p| p.into_inner()).push(t);
    }

    /// A snapshot of the types loaded so far.
    pub fn snapshot(&self) -> Vec<TypeHandle> {
        self.types.lock().unwrap_or_else(|p| p.into_inner()).clone()
    }
}
