//! Compiles corelib's C# sources (`src/cs/**/*.cs`) with the Mono C#
//! compiler into `$OUT_DIR/corelib.dll`, which `src/lib.rs` embeds.

#[path = "build/support.rs"]
mod support;

use std::env;
use std::path::PathBuf;
use std::process::{self, Command};

fn main() {
    let manifest_dir =
        PathBuf::from(env::var_os("CARGO_MANIFEST_DIR").expect("CARGO_MANIFEST_DIR"));
    let out_dir = PathBuf::from(env::var_os("OUT_DIR").expect("OUT_DIR"));
    let cs_dir = manifest_dir.join("src").join("cs");

    let sources = match support::collect_sources(&cs_dir) {
        Ok(sources) => sources,
        Err(err) => fail(&[format!(
            "cannot list the C# sources in {}: {err}",
            cs_dir.display()
        )]),
    };
    if sources.is_empty() {
        fail(&[format!("no C# sources found in {}", cs_dir.display())]);
    }
    let Some(mcs) = support::find_program("mcs", env::var_os("PATH").as_deref()) else {
        fail(&[support::MCS_MISSING.to_owned()]);
    };

    let dll = out_dir.join("corelib.dll");
    let output = match Command::new(&mcs)
        .args(support::mcs_args(&sources, &dll))
        .current_dir(&manifest_dir)
        .output()
    {
        Ok(output) => output,
        Err(err) => fail(&[format!("cannot run {}: {err}", mcs.display())]),
    };
    let diagnostics = support::classify_output(
        &String::from_utf8_lossy(&output.stdout),
        &String::from_utf8_lossy(&output.stderr),
    );
    for warning in &diagnostics.warnings {
        println!("cargo:warning={warning}");
    }
    if !output.status.success() || !dll.is_file() {
        let mut errors = diagnostics.errors;
        errors.push(format!("mcs failed ({}) compiling corelib", output.status));
        fail(&errors);
    }

    // Only after success: a failed build script always runs again, and
    // this keeps the failure output short.
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-changed=build/support.rs");
    // The folder catches added and removed files; each file, edits.
    println!("cargo:rerun-if-changed={}", cs_dir.display());
    for source in &sources {
        println!("cargo:rerun-if-changed={}", source.display());
    }
}

/// Reports `lines` as build errors and stops the build. With Cargo 1.84+
/// each line is shown as `error: osprey-corelib@...: <line>`; older Cargo
/// gets warnings plus the same lines on stderr and a failing exit status.
fn fail(lines: &[String]) -> ! {
    if cargo_supports_error_directive() {
        for line in lines {
            println!("cargo::error={line}");
        }
        // Cargo fails the build itself after a cargo::error line.
        process::exit(0);
    }
    for line in lines {
        println!("cargo:warning={line}");
    }
    for line in lines {
        eprintln!("error: {line}");
    }
    process::exit(1);
}

fn cargo_supports_error_directive() -> bool {
    let cargo = env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    match Command::new(cargo).arg("-V").output() {
        Ok(output) => {
            support::cargo_supports_error_directive(&String::from_utf8_lossy(&output.stdout))
        }
        Err(_) => false,
    }
}
