//! Helpers for corelib's build script (`build.rs`), in their own file so
//! that `tests/build_support.rs` can test them without running a build.

use std::ffi::OsStr;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

/// What the build prints when `mcs` cannot be found.
pub const MCS_MISSING: &str =
    "mcs (the Mono C# compiler) was not found; install it with: sudo apt-get install mono-mcs";

/// Looks for an executable file called `name` in each directory of a
/// PATH-style list, in order, as a shell would.
pub fn find_program(name: &str, path: Option<&OsStr>) -> Option<PathBuf> {
    let path = path?;
    std::env::split_paths(path)
        .filter(|dir| !dir.as_os_str().is_empty())
        .map(|dir| dir.join(name))
        .find(|candidate| is_executable_file(candidate))
}

#[cfg(unix)]
fn is_executable_file(path: &Path) -> bool {
    use std::os::unix::fs::PermissionsExt;
    match fs::metadata(path) {
        Ok(meta) => meta.is_file() && meta.permissions().mode() & 0o111 != 0,
        Err(_) => false,
    }
}

#[cfg(not(unix))]
fn is_executable_file(path: &Path) -> bool {
    path.is_file()
}

/// Every `.cs` file under `dir`, recursively, sorted by path so that the
/// compiler sees them in the same order on every machine.
pub fn collect_sources(dir: &Path) -> io::Result<Vec<PathBuf>> {
    let mut files = Vec::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(current) = pending.pop() {
        for entry in fs::read_dir(&current)? {
            let entry = entry?;
            let path = entry.path();
            if entry.file_type()?.is_dir() {
                pending.push(path);
            } else if path.extension() == Some(OsStr::new("cs")) {
                files.push(path);
            }
        }
    }
    files.sort();
    Ok(files)
}

/// The arguments for compiling `sources` into `out`.
pub fn mcs_args(sources: &[PathBuf], out: &Path) -> Vec<std::ffi::OsString> {
    let mut args: Vec<std::ffi::OsString> = [
        "-nostdlib",
        "-noconfig",
        "-unsafe",
        "-target:library",
        "-optimize+",
        "-debug-",
    ]
    .iter()
    .map(|s| s.into())
    .collect();
    let mut out_arg = std::ffi::OsString::from("-out:");
    out_arg.push(out);
    args.push(out_arg);
    args.extend(sources.iter().map(|s| s.as_os_str().to_owned()));
    args
}

/// mcs's output, sorted into what the build shows.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Diagnostics {
    /// `file(line,col): warning CSnnnn: ...` lines.
    pub warnings: Vec<String>,
    /// Error lines, and any other line mcs printed (an internal compiler
    /// error prints a .NET stack trace), except its summary line.
    pub errors: Vec<String>,
}

/// Sorts mcs's stdout and stderr into warnings and errors. The summary lines
/// ("Compilation succeeded/failed ...") are dropped.
pub fn classify_output(stdout: &str, stderr: &str) -> Diagnostics {
    let mut diagnostics = Diagnostics::default();
    for line in stderr.lines().chain(stdout.lines()) {
        let line = line.trim_end();
        if line.trim().is_empty()
            || line.starts_with("Compilation succeeded")
            || line.starts_with("Compilation failed")
        {
            continue;
        }
        if line.contains(": warning CS") || line.starts_with("warning CS") {
            diagnostics.warnings.push(line.to_owned());
        } else {
            diagnostics.errors.push(line.to_owned());
        }
    }
    diagnostics
}

/// Whether `cargo -V` output names a Cargo that understands the
/// `cargo::error=` build script directive (Cargo 1.84 and later).
pub fn cargo_supports_error_directive(version_output: &str) -> bool {
    // "cargo 1.95.0 (f2d3ce0bd 2026-03-21)"
    let mut words = version_output.split_whitespace();
    if words.next() != Some("cargo") {
        return false;
    }
    let Some(version) = words.next() else {
        return false;
    };
    let mut parts = version.split(['.', '-']);
    let major: u32 = match parts.next().and_then(|p| p.parse().ok()) {
        Some(v) => v,
        None => return false,
    };
    let minor: u32 = match parts.next().and_then(|p| p.parse().ok()) {
        Some(v) => v,
        None => return false,
    };
    major > 1 || (major == 1 && minor >= 84)
}
