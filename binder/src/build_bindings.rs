// How build-time code (build.rs, tests/drift.rs) expands bindings.rs:
// `specs()`, the generator's input, and `mirror_layouts()`, the Rust
// mirrors as the compiler laid them out. Include it where `ClassSpec`,
// `MirrorLayout` (src/generate.rs) and `mirrors` (src/mirrors.rs) are in
// scope, before bindings.rs.

/// Expands bindings.rs into the generator's input and the mirrors' layouts.
macro_rules! bind_classes {
    ($( $kind:ident $mirror:ident = $ns:literal $name:literal { $( $field:ident : $managed:literal ),* $(,)? } )*) => {
        fn specs() -> Vec<ClassSpec> {
            vec![ $( ClassSpec {
                value_type: stringify!($kind) == "value",
                mirror: stringify!($mirror),
                namespace: $ns,
                name: $name,
                fields: vec![ $( (stringify!($field), $managed) ),* ],
            } ),* ]
        }

        fn mirror_layouts() -> Vec<MirrorLayout> {
            vec![ $( MirrorLayout {
                mirror: stringify!($mirror),
                size: core::mem::size_of::<mirrors::$mirror>(),
                offsets: vec![ $( core::mem::offset_of!(mirrors::$mirror, $field) ),* ],
            } ),* ]
        }
    };
}

/// Method bindings are checked when the runtime starts (their signatures are
/// compared with the loader's own rendering); nothing to generate.
macro_rules! bind_methods {
    ($($tt:tt)*) => {};
}
