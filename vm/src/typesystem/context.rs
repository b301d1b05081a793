//! The type arguments in scope while a signature is read (see
//! `loader::generics` for what the loader does with them).

use super::types::TypeHandle;

/// The type arguments `!n` and `!!n` refer to in a signature.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct GenericContext {
    /// The declaring type's arguments (`!n`).
    pub type_args: Vec<TypeHandle>,
    /// The method's arguments (`!!n`).
    pub method_args: Vec<TypeHandle>,
}

impl GenericContext {
    /// No type arguments: a non-generic type or method.
    pub fn empty() -> GenericContext {
        GenericContext::default()
    }

    /// The context of a type with these arguments.
    pub fn of_type(type_args: Vec<TypeHandle>) -> GenericContext {
        GenericContext {
            type_args,
            method_args: Vec::new(),
        }
    }

    /// The type `!n` (`method` false) or `!!n` (`method` true) denotes.
    pub fn arg(&self, n: u32, method: bool) -> Option<TypeHandle> {
        let args = if method {
            &self.method_args
        } else {
            &self.type_args
        };
        args.get(n as usize).copied()
    }
}
