//! Computes the managed layout of every type bound in src/bindings.rs from
//! the corelib.dll that osprey-corelib just built, with the runtime's own
//! field-layout code, and writes `$OUT_DIR/layouts.rs` for lib.rs to assert
//! the Rust mirrors against. A binding that names a missing field, or a
//! managed field with no binding, fails the build here with a message naming
//! the type and field. So does a mirror whose layout drifted: the script
//! lays out the mirrors too (src/mirrors.rs, compiled into it) and reports
//! every drifted field, one line each with both offsets; the assertions in
//! lib.rs stay as a second check.

#[path = "src/generate.rs"]
mod generate;

#[path = "src/mirrors.rs"]
#[allow(dead_code)]
mod mirrors;

use generate::{ClassSpec, MirrorLayout};

include!("src/build_bindings.rs");

include!("src/bindings.rs");

fn main() {
    println!("cargo:rerun-if-changed=src/bindings.rs");
    println!("cargo:rerun-if-changed=src/generate.rs");
    println!("cargo:rerun-if-changed=src/mirrors.rs");
    println!("cargo:rerun-if-changed=src/build_bindings.rs");
    println!(
        "cargo:rerun-if-changed={}",
        osprey_corelib::CORELIB_DLL_PATH
    );
    let specs = specs();
    let out = std::path::PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"))
        .join("layouts.rs");
    match generate::compute(osprey_corelib::CORELIB_DLL, &specs) {
        Ok(layouts) => {
            let drift = generate::drift(&layouts, &mirror_layouts());
            if !drift.is_empty() {
                for d in drift {
                    println!("cargo::error={d}");
                }
                std::process::exit(1);
            }
            std::fs::write(&out, generate::render(&layouts)).expect("write layouts.rs")
        }
        Err(e) => {
            println!("cargo::error={e}");
            std::process::exit(1);
        }
    }
}
