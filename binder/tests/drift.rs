//! The binder catches drift between corelib and the Rust mirrors.
//!
//! Each test builds a modified copy of corelib with mcs, runs the binder's
//! generator on it (what build.rs does), and, where the generator accepts
//! it, compiles the binder's real `src/lib.rs` with rustc against the
//! generated layouts: the build must fail with a message that names the
//! managed type and field.

#[path = "../src/generate.rs"]
#[allow(dead_code)]
mod generate;

#[path = "../src/mirrors.rs"]
#[allow(dead_code)]
mod mirrors;

use std::path::{Path, PathBuf};
use std::process::Command;

use generate::{ClassSpec, MirrorLayout};

include!("../src/build_bindings.rs");

include!("../src/bindings.rs");

fn binder_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn scratch(name: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR"))
        .join("binder-drift")
        .join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn collect_cs(dir: &Path, out: &mut Vec<PathBuf>) {
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            collect_cs(&p, out);
        } else if p.extension().is_some_and(|x| x == "cs") {
            out.push(p);
        }
    }
}

/// Compiles corelib with, for each `(from, to)` in `edits`, every `from`
/// in one of its files (or, with `file` set to `"*"`, in every file that
/// contains it) replaced by `to`; returns the dll bytes.
fn modified_corelib(name: &str, file: &str, edits: &[(&str, &str)]) -> Vec<u8> {
    let dir = scratch(name);
    let src_root = binder_dir().join("../corelib/src/cs");
    let mut files = Vec::new();
    collect_cs(&src_root, &mut files);
    files.sort();
    let mut sources = Vec::new();
    let mut edited = false;
    for f in files {
        let rel = f
            .strip_prefix(&src_root)
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        let mut text = std::fs::read_to_string(&f).unwrap();
        for (from, to) in edits {
            if file == "*" && text.contains(from) {
                text = text.replace(from, to);
                edited = true;
            } else if rel == file {
                assert!(
                    text.contains(from),
                    "{file} no longer contains {from:?}: update this test"
                );
                text = text.replace(from, to);
                edited = true;
            }
        }
        let dst = dir.join(rel.replace('/', "_"));
        std::fs::write(&dst, text).unwrap();
        sources.push(dst);
    }
    assert!(edited, "no file {file} in corelib");
    let dll = dir.join("corelib.dll");
    let out = Command::new("mcs")
        .args([
            "-nostdlib",
            "-unsafe",
            "-target:library",
            "-nowarn:169,414,649",
        ])
        .arg(format!("-out:{}", dll.display()))
        .args(&sources)
        .output()
        .expect("mcs is installed (apt-get install mono-mcs)");
    assert!(
        out.status.success(),
        "mcs failed:\n{}",
        String::from_utf8_lossy(&out.stdout)
    );
    std::fs::read(dll).unwrap()
}

/// Compiles the binder's lib.rs against `layouts` with rustc, with
/// `mirror_edit` (from, to) applied to a copy of src/mirrors.rs; returns
/// rustc's stderr if the build fails.
fn compile_binder(
    name: &str,
    layouts: &str,
    mirror_edit: Option<(&str, &str)>,
) -> Result<(), String> {
    let dir = scratch(&format!("{name}-rustc"));
    std::fs::write(dir.join("layouts.rs"), layouts).unwrap();
    let src = dir.join("src");
    std::fs::create_dir_all(&src).unwrap();
    for f in [
        "lib.rs",
        "mirrors.rs",
        "bindings.rs",
        "generate.rs",
        "exceptions.rs",
    ] {
        let mut text = std::fs::read_to_string(binder_dir().join("src").join(f)).unwrap();
        if let (Some((from, to)), "mirrors.rs") = (mirror_edit, f) {
            assert!(
                text.contains(from),
                "mirrors.rs no longer contains {from:?}: update this test"
            );
            text = text.replace(from, to);
        }
        std::fs::write(src.join(f), text).unwrap();
    }
    let out = Command::new(std::env::var("RUSTC").unwrap_or_else(|_| "rustc".into()))
        .args([
            "--edition",
            "2021",
            "--crate-type",
            "lib",
            "--crate-name",
            "binder_drift",
        ])
        .arg("--out-dir")
        .arg(&dir)
        .arg(src.join("lib.rs"))
        .env("OUT_DIR", &dir)
        .output()
        .expect("rustc runs");
    if out.status.success() {
        Ok(())
    } else {
        Err(String::from_utf8_lossy(&out.stderr).into_owned())
    }
}

#[test]
fn the_real_corelib_matches_the_mirrors() {
    let layouts =
        generate::compute(osprey_corelib::CORELIB_DLL, &specs()).expect("bindings match corelib");
    compile_binder("real", &generate::render(&layouts), None)
        .expect("the binder compiles against the real corelib");
}

#[test]
fn moving_a_mirror_field_fails_the_build_naming_the_field() {
    let layouts = generate::compute(osprey_corelib::CORELIB_DLL, &specs()).unwrap();
    // Swap the order of two mirror fields.
    let err = compile_binder(
        "mirror-swap",
        &generate::render(&layouts),
        Some((
            "    /// `_message` (string or null).\n    pub message: *mut StringObject,\n    /// `_innerException`.\n    pub inner_exception: *mut ExceptionObject,",
            "    /// `_innerException`.\n    pub inner_exception: *mut ExceptionObject,\n    /// `_message` (string or null).\n    pub message: *mut StringObject,",
        )),
    )
    .expect_err("the build must fail");
    assert!(
        err.contains("binder: System.Exception._message: the mirror field ExceptionObject::message is not at the managed field's offset"),
        "rustc said:\n{err}"
    );
}

/// SafeHandle._state becomes a long (and the locals its compare-and-swap
/// loops read it into, so that corelib still compiles).
const SAFEHANDLE_STATE_LONG: &[(&str, &str)] = &[
    ("private int _state;", "private long _state;"),
    ("int old", "long old"),
];

#[test]
fn changing_a_managed_field_type_fails_the_build_naming_the_field() {
    // SafeHandle._state becomes 8 bytes wide: the bools after it move.
    let dll = modified_corelib(
        "safehandle-long",
        "System/Runtime/InteropServices/SafeHandle.cs",
        SAFEHANDLE_STATE_LONG,
    );
    let layouts =
        generate::compute(&dll, &specs()).expect("the bindings still name existing fields");
    let err = compile_binder("safehandle-long", &generate::render(&layouts), None)
        .expect_err("the build must fail");
    assert!(
        err.contains("binder: System.Runtime.InteropServices.SafeHandle._ownsHandle: the mirror field SafeHandleObject::owns_handle is not at the managed field's offset"),
        "rustc said:\n{err}"
    );
}

#[test]
fn a_managed_field_without_binding_is_rejected() {
    let dll = modified_corelib(
        "thread-extra",
        "System/Threading/Thread.cs",
        &[(
            "private string _name;",
            "private string _name;\n        private int _priority;",
        )],
    );
    let err = generate::compute(&dll, &specs()).expect_err("an unbound field must be reported");
    assert_eq!(
        err,
        "binder: System.Threading.Thread._priority: a managed instance field with no binding; add it to ThreadObject in binder/src/bindings.rs"
    );
}

#[test]
fn a_binding_to_a_missing_field_is_rejected() {
    let dll = modified_corelib("runtime-type-renamed", "*", &[("m_handle", "m_typeHandle")]);
    let err = generate::compute(&dll, &specs()).expect_err("a missing field must be reported");
    assert!(
        err.starts_with("binder: System.RuntimeType.m_handle: corelib has no such instance field (bound to RuntimeTypeObject::handle"),
        "{err}"
    );
}

#[test]
fn the_real_mirrors_do_not_drift() {
    let layouts = generate::compute(osprey_corelib::CORELIB_DLL, &specs()).unwrap();
    assert_eq!(
        generate::drift(&layouts, &mirror_layouts()),
        Vec::<String>::new()
    );
}

/// What build.rs reports for a managed change that moves several fields:
/// every drifted field, one line each with both offsets, not only the first.
#[test]
fn the_build_script_reports_every_drifted_field() {
    let dll = modified_corelib(
        "safehandle-long-all",
        "System/Runtime/InteropServices/SafeHandle.cs",
        SAFEHANDLE_STATE_LONG,
    );
    let layouts = generate::compute(&dll, &specs()).unwrap();
    let drift = generate::drift(&layouts, &mirror_layouts());
    assert_eq!(
        drift,
        [
            "binder: System.Runtime.InteropServices.SafeHandle._ownsHandle: managed offset 24, but the mirror field SafeHandleObject::owns_handle is at 20 (binder/src/mirrors.rs)",
            "binder: System.Runtime.InteropServices.SafeHandle._fullyInitialized: managed offset 25, but the mirror field SafeHandleObject::fully_initialized is at 21 (binder/src/mirrors.rs)",
            "binder: System.Runtime.InteropServices.SafeHandle: managed size 32, but the mirror SafeHandleObject is 24 bytes (binder/src/mirrors.rs)",
        ]
    );
}

#[test]
fn swapped_mirror_fields_are_both_reported() {
    let layouts = generate::compute(osprey_corelib::CORELIB_DLL, &specs()).unwrap();
    let mut mirrors = mirror_layouts();
    let e = mirrors
        .iter_mut()
        .find(|m| m.mirror == "ExceptionObject")
        .unwrap();
    e.offsets.swap(0, 1);
    let drift = generate::drift(&layouts, &mirrors);
    assert_eq!(drift.len(), 2, "{drift:#?}");
    assert!(drift[0].starts_with("binder: System.Exception._message: managed offset 8, but the mirror field ExceptionObject::message is at 16"), "{}", drift[0]);
    assert!(drift[1].starts_with("binder: System.Exception._innerException: managed offset 16, but the mirror field ExceptionObject::inner_exception is at 8"), "{}", drift[1]);
}
