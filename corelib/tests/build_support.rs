//! Tests of corelib's build script: its helpers (`build/support.rs`) and,
//! end to end, what `cargo build` shows when mcs is missing or fails. The
//! end-to-end test builds a copy of this crate as a standalone package in
//! a temporary directory, so it needs neither the network nor the rest of
//! the workspace.

#[path = "../build/support.rs"]
#[allow(dead_code)]
mod support;

use std::ffi::OsString;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

fn manifest_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn temp_dir(name: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).unwrap();
    dir
}

#[cfg(unix)]
fn write_executable(path: &Path, mode: u32) {
    use std::os::unix::fs::PermissionsExt;
    fs::write(path, "#!/bin/sh\n").unwrap();
    fs::set_permissions(path, fs::Permissions::from_mode(mode)).unwrap();
}

#[test]
#[cfg(unix)]
fn find_program_searches_path_in_order_and_needs_an_executable() {
    let root = temp_dir("find-program");
    let (a, b, c) = (root.join("a"), root.join("b"), root.join("c"));
    for dir in [&a, &b, &c] {
        fs::create_dir_all(dir).unwrap();
    }
    write_executable(&a.join("mcs"), 0o644); // not executable: skipped
    fs::create_dir_all(b.join("mcs")).unwrap(); // a directory: skipped
    write_executable(&c.join("mcs"), 0o755);

    let path = std::env::join_paths([&a, &b, &c]).unwrap();
    assert_eq!(
        support::find_program("mcs", Some(&path)),
        Some(c.join("mcs"))
    );

    let without = std::env::join_paths([&a, &b]).unwrap();
    assert_eq!(support::find_program("mcs", Some(&without)), None);
    assert_eq!(support::find_program("mcs", Some(&OsString::new())), None);
    assert_eq!(support::find_program("mcs", None), None);
}

#[test]
fn missing_mcs_message_is_one_actionable_line() {
    assert_eq!(
        support::MCS_MISSING,
        "mcs (the Mono C# compiler) was not found; install it with: sudo apt-get install mono-mcs"
    );
    assert!(!support::MCS_MISSING.contains('\n'));
}

#[test]
fn sources_are_every_cs_file_sorted() {
    let cs = manifest_dir().join("src/cs");
    let sources = support::collect_sources(&cs).unwrap();
    assert!(sources.contains(&cs.join("System/Object.cs")));
    assert!(sources.contains(&cs.join("System/String.cs")));
    assert!(sources.contains(&cs.join("System/Runtime/CompilerServices/RuntimeHelpers.cs")));
    assert!(sources.iter().all(|p| p.extension().unwrap() == "cs"));
    let mut sorted = sources.clone();
    sorted.sort();
    assert_eq!(sources, sorted);
}

#[test]
fn mcs_arguments() {
    let args = support::mcs_args(&[PathBuf::from("/x/A.cs")], Path::new("/out/corelib.dll"));
    let args: Vec<String> = args
        .iter()
        .map(|a| a.to_string_lossy().into_owned())
        .collect();
    for flag in [
        "-nostdlib",
        "-unsafe",
        "-target:library",
        "-optimize+",
        "-debug-",
        "-out:/out/corelib.dll",
    ] {
        assert!(args.iter().any(|a| a == flag), "missing {flag} in {args:?}");
    }
    assert_eq!(args.last().unwrap(), "/x/A.cs");
}

#[test]
fn classify_mcs_output() {
    let stderr = "\
/w/System/A.cs(1,26): warning CS0168: The variable `unused' is declared but never used
/w/System/B.cs(3,4): error CS0103: The name `x' does not exist in the current context
error CS0518: The predefined type `System.Void' is not defined or imported
";
    let stdout = "Compilation failed: 2 error(s), 1 warnings\n";
    let d = support::classify_output(stdout, stderr);
    assert_eq!(
        d.warnings,
        ["/w/System/A.cs(1,26): warning CS0168: The variable `unused' is declared but never used"]
    );
    assert_eq!(
        d.errors,
        [
            "/w/System/B.cs(3,4): error CS0103: The name `x' does not exist in the current context",
            "error CS0518: The predefined type `System.Void' is not defined or imported",
        ]
    );

    // An internal compiler error prints a stack trace: keep all of it.
    let crash = "Unhandled Exception:\nSystem.NullReferenceException: Object reference not set\n  at Mono.CSharp.X.Y ()\n";
    let d = support::classify_output(crash, "");
    assert_eq!(d.errors.len(), 3);

    let d = support::classify_output("Compilation succeeded - 0 warning(s)\n", "");
    assert_eq!(d, support::Diagnostics::default());
}

#[test]
fn cargo_error_directive_needs_cargo_1_84() {
    assert!(support::cargo_supports_error_directive(
        "cargo 1.95.0 (f2d3ce0bd 2026-03-21)"
    ));
    assert!(support::cargo_supports_error_directive(
        "cargo 1.84.0-nightly (abc 2024-11-01)"
    ));
    assert!(support::cargo_supports_error_directive("cargo 2.0.0"));
    assert!(!support::cargo_supports_error_directive(
        "cargo 1.83.0 (5ffbef321 2024-10-29)"
    ));
    assert!(!support::cargo_supports_error_directive("cargo 1.80.1"));
    assert!(!support::cargo_supports_error_directive(""));
    assert!(!support::cargo_supports_error_directive("rustc 1.95.0"));
}

// ---------------------------------------------------------------------------
// End to end: `cargo build` of a standalone copy of this crate.

fn copy_tree(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap();
    for entry in fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_tree(&entry.path(), &target);
        } else {
            fs::copy(entry.path(), &target).unwrap();
        }
    }
}

/// A copy of the crate (build script, helpers, C# sources, lib.rs) as its
/// own workspace.
fn standalone_copy(dir: &Path) {
    let src = manifest_dir();
    fs::write(
        dir.join("Cargo.toml"),
        "[package]\nname = \"osprey-corelib\"\nversion = \"0.1.0\"\nedition = \"2021\"\n\n[workspace]\n",
    )
    .unwrap();
    fs::copy(src.join("build.rs"), dir.join("build.rs")).unwrap();
    copy_tree(&src.join("build"), &dir.join("build"));
    copy_tree(&src.join("src"), &dir.join("src"));
}

/// PATH without any `mcs`: directories holding one are replaced by a
/// directory of links to everything else in them (the C linker and the
/// rest of the toolchain live next to mcs in /usr/bin).
#[cfg(unix)]
fn path_without_mcs(scratch: &Path) -> OsString {
    let mut dirs = Vec::new();
    for (i, dir) in std::env::split_paths(&std::env::var_os("PATH").unwrap_or_default()).enumerate()
    {
        if !dir.join("mcs").exists() {
            dirs.push(dir);
            continue;
        }
        let links = scratch.join(format!("bin{i}"));
        fs::create_dir_all(&links).unwrap();
        for entry in fs::read_dir(&dir).unwrap().flatten() {
            if entry.file_name() != "mcs" {
                let _ = std::os::unix::fs::symlink(entry.path(), links.join(entry.file_name()));
            }
        }
        dirs.push(links);
    }
    let path = std::env::join_paths(dirs).unwrap();
    assert_eq!(support::find_program("mcs", Some(&path)), None);
    path
}

fn cargo_build(package: &Path, target: &Path, path: Option<&OsString>) -> (bool, String) {
    let cargo = env!("CARGO");
    let mut command = Command::new(cargo);
    command
        .args(["build", "--offline", "--color", "never", "--manifest-path"])
        .arg(package.join("Cargo.toml"))
        .env("CARGO_TARGET_DIR", target)
        .env_remove("RUSTFLAGS");
    // The toolchain's rustc sits next to its cargo.
    if let Some(rustc) = Path::new(cargo)
        .parent()
        .map(|d| d.join("rustc"))
        .filter(|p| p.exists())
    {
        command.env("RUSTC", rustc);
    }
    if let Some(path) = path {
        command.env("PATH", path);
    }
    let output = command.output().expect("run cargo");
    (
        output.status.success(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

fn assert_no_rust_noise(stderr: &str) {
    for noise in ["panicked", "RUST_BACKTRACE", "stack backtrace"] {
        assert!(
            !stderr.contains(noise),
            "build output contains `{noise}`:\n{stderr}"
        );
    }
}

#[test]
#[cfg(unix)]
fn cargo_build_reports_missing_mcs_failing_mcs_and_is_deterministic() {
    let root = temp_dir("standalone-build");
    let package = root.join("corelib");
    let target = root.join("target");
    fs::create_dir_all(&package).unwrap();
    standalone_copy(&package);

    // 1. No mcs on PATH: one clear line.
    let path = path_without_mcs(&root);
    let (ok, stderr) = cargo_build(&package, &target, Some(&path));
    assert!(!ok, "the build succeeded without mcs:\n{stderr}");
    assert!(
        stderr.contains(support::MCS_MISSING),
        "no install hint in:\n{stderr}"
    );
    assert_no_rust_noise(&stderr);

    // 2. A C# error: mcs's file(line,col) message is shown.
    let broken = package.join("src/cs/System/Broken.cs");
    fs::write(
        &broken,
        "namespace System\n{\n    internal class Broken { int M() { return undefined; } }\n}\n",
    )
    .unwrap();
    let (ok, stderr) = cargo_build(&package, &target, None);
    assert!(!ok, "the build succeeded with a C# error:\n{stderr}");
    assert!(
        stderr.contains("Broken.cs(3,") && stderr.contains("error CS0103"),
        "mcs's error is not shown:\n{stderr}"
    );
    assert_no_rust_noise(&stderr);

    // 3. Fixed: the build succeeds and, although the sources are compiled
    // from another directory, produces exactly this crate's corelib.dll.
    fs::remove_file(&broken).unwrap();
    let (ok, stderr) = cargo_build(&package, &target, None);
    assert!(ok, "the build failed:\n{stderr}");
    assert!(
        !stderr.contains("warning: osprey-corelib"),
        "mcs warnings in corelib:\n{stderr}"
    );
    let built: Vec<PathBuf> = fs::read_dir(target.join("debug/build"))
        .unwrap()
        .flatten()
        .map(|e| e.path().join("out/corelib.dll"))
        .filter(|p| p.exists())
        .collect();
    assert_eq!(built.len(), 1, "expected one corelib.dll, found {built:?}");
    assert!(
        fs::read(&built[0]).unwrap() == osprey_corelib::CORELIB_DLL,
        "the same sources built elsewhere gave a different corelib.dll (the build is not deterministic)"
    );
}
