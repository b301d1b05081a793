//! Writes docs/api.md: the public types and members of Osprey's corelib,
//! generated from the corelib.dll this crate builds. corelib/tests/api_doc.rs
//! fails when the file is out of date. From anywhere in the repository:
//!
//! ```text
//! cargo run --release -p osprey-corelib --example api_doc
//! ```

#[path = "../tools/api_doc.rs"]
mod api_doc;

fn main() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../docs/api.md");
    let text = match api_doc::render(osprey_corelib::CORELIB_DLL) {
        Ok(text) => text,
        Err(e) => {
            eprintln!("error: {e}");
            std::process::exit(1);
        }
    };
    if let Err(e) = std::fs::write(&path, text) {
        eprintln!("error: cannot write {}: {e}", path.display());
        std::process::exit(1);
    }
    let shown = std::fs::canonicalize(&path).unwrap_or(path);
    println!("wrote {}", shown.display());
}
