//! osprey-binder: the types corelib and the runtime share.
//!
//! Native code reads some managed objects directly (a string's characters,
//! an exception's message, a thread's record). It does so through `repr(C)`
//! **mirror** structs declared here, one per bound corelib type, whose field
//! offsets are checked against the managed layout:
//!
//! * at **build time**: `build.rs` reads the freshly built `corelib.dll`,
//!   lays out every bound type with the runtime's own field-layout code
//!   (`osprey_metadata::layout`), lays out the mirrors (it compiles
//!   `src/mirrors.rs` into itself), and fails `cargo build` with one line per
//!   drifted field, naming the managed field, its offset and the mirror
//!   field's (`generate::drift`); it then generates [`layouts`], and the
//!   constant assertions below compare each mirror field's `offset_of!` with
//!   it again;
//! * at **load time**: the runtime compares [`CLASS_BINDINGS`] with the types
//!   it actually loaded, and resolves [`METHOD_BINDINGS`] to method handles,
//!   refusing to start if one is missing (vm/src/runtime/binding.rs).
//!
//! The declarations are in `src/bindings.rs` (CoreCLR's corelib.h): one list,
//! expanded both by the build script and here. `core::mem::offset_of!` with
//! `const` assertions is used rather than memoffset + static_assertions: both
//! are in the standard library now, and a `const` `assert!` can carry the
//! message that names the field, which `const_assert!` cannot.
//!
//! The managed exceptions the runtime raises are listed here too, once, as
//! [`ExceptionKind`] (each kind's corelib type and default message), so
//! that the VM and the QCalls name them by kind rather than by string.
//!
//! Arrays have no managed fields: their layout is the runtime's own, defined
//! here by [`ArrayObject`] and [`MdArrayObject`] and used by the VM and JIT.

#![no_std]
#![deny(missing_docs)]

/// Managed layouts computed from corelib.dll by build.rs (one module per mirror).
#[allow(non_snake_case, non_upper_case_globals, missing_docs, dead_code)]
pub mod layouts {
    include!(concat!(env!("OUT_DIR"), "/layouts.rs"));
}

mod exceptions;
mod mirrors;

pub use exceptions::ExceptionKind;
pub use mirrors::*;

/// A field binding, for the runtime's load-time check.
#[derive(Debug)]
pub struct FieldBinding {
    /// The managed field's name.
    pub managed: &'static str,
    /// The mirror field's offset.
    pub offset: usize,
}

/// A class binding, for the runtime's load-time check.
#[derive(Debug)]
pub struct ClassBinding {
    /// The mirror's Rust name.
    pub mirror: &'static str,
    /// Managed namespace.
    pub namespace: &'static str,
    /// Managed name.
    pub name: &'static str,
    /// Whether the type is a value type.
    pub value_type: bool,
    /// `size_of` the mirror.
    pub size: usize,
    /// The bound fields.
    pub fields: &'static [FieldBinding],
}

/// A method binding: a corelib method native code calls, identified by name
/// and signature so that overloads are told apart.
#[derive(Debug)]
pub struct MethodBinding {
    /// Managed namespace of the declaring type.
    pub namespace: &'static str,
    /// Declaring type.
    pub class: &'static str,
    /// Method name.
    pub name: &'static str,
    /// Signature, ILAsm-like: `string()`, `int64(int32,int64,string)`.
    pub sig: &'static str,
}

macro_rules! bind_classes {
    ($( $kind:ident $mirror:ident = $ns:literal $name:literal { $( $field:ident : $managed:literal ),* $(,)? } )*) => {
        $(
            const _: () = {
                $(
                    assert!(
                        core::mem::offset_of!($mirror, $field) == layouts::$mirror::$field,
                        concat!(
                            "binder: ", $ns, ".", $name, ".", $managed, ": the mirror field ",
                            stringify!($mirror), "::", stringify!($field),
                            " is not at the managed field's offset (see binder/src/mirrors.rs)"
                        )
                    );
                )*
                assert!(
                    bind_classes!(@size $kind $mirror) == layouts::$mirror::SIZE,
                    concat!(
                        "binder: ", $ns, ".", $name, ": the mirror ", stringify!($mirror),
                        " does not have the managed type's size (see binder/src/mirrors.rs)"
                    )
                );
            };
        )*

        /// Every class binding (see src/bindings.rs).
        pub static CLASS_BINDINGS: &[ClassBinding] = &[
            $( ClassBinding {
                mirror: stringify!($mirror),
                namespace: $ns,
                name: $name,
                value_type: bind_classes!(@is_value $kind),
                size: core::mem::size_of::<$mirror>(),
                fields: &[ $( FieldBinding { managed: $managed, offset: core::mem::offset_of!($mirror, $field) } ),* ],
            } ),*
        ];
    };
    // A class's managed SIZE is its instance end rounded to 8; a repr(C)
    // mirror of it is rounded to its alignment (8: it starts with a pointer).
    (@size class $mirror:ident) => { core::mem::size_of::<$mirror>() };
    (@size value $mirror:ident) => { core::mem::size_of::<$mirror>() };
    (@is_value class) => { false };
    (@is_value value) => { true };
}

macro_rules! bind_methods {
    ($( $id:ident = $ns:literal $class:literal $name:literal $sig:literal )*) => {
        /// The bound methods, by index into [`METHOD_BINDINGS`].
        #[derive(Copy, Clone, Debug, PartialEq, Eq)]
        #[allow(missing_docs)]
        pub enum BoundMethod { $( $id ),* }

        /// Every method binding, in [`BoundMethod`] order.
        pub static METHOD_BINDINGS: &[MethodBinding] = &[
            $( MethodBinding { namespace: $ns, class: $class, name: $name, sig: $sig } ),*
        ];
    };
}

include!("bindings.rs");
