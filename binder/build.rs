//! Computes the managed layout of every type bound in src/bindings.rs from
//! the corelib.dll that osprey-corelib just built, with the runtime's own
//! field-layout code, and writes `$OUT_DIR/layouts.rs` for lib.rs to assert
//! the Rust mirrors against. A binding that names a missing field, or a
//! managed field with no binding, fails the build here with a message naming
//! the type and field; a mirror whose offsets drifted fails to compile.

#[path = "src/generate.rs"]
mod generate;

use generate::ClassSpec;

/// Expands bindings.rs into the generator's input.
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
    };
}

/// Method bindings are checked when the runtime starts (their signatures are
/// compared with the loader's own rendering); nothing to generate.
macro_rules! bind_methods {
    ($($tt:tt)*) => {};
}

include!("src/bindings.rs");

fn main() {
    println!("cargo:rerun-if-changed=src/bindings.rs");
    println!("cargo:rerun-if-changed=src/generate.rs");
    println!(
        "cargo:rerun-if-changed={}",
        osprey_corelib::CORELIB_DLL_PATH
    );
    let specs = specs();
    let out = std::path::PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"))
        .join("layouts.rs");
    match generate::compute(osprey_corelib::CORELIB_DLL, &specs) {
        Ok(layouts) => std::fs::write(&out, generate::render(&layouts)).expect("write layouts.rs"),
        Err(e) => {
            println!("cargo::error={e}");
            std::process::exit(1);
        }
    }
}
