//! P/Invoke against a C library of the test suite's own
//! (tests/native/ospreytest.c, built here with `cc`), libc and libm
//! (docs/native-interop.md):
//!
//! * `compare/NAME`: tests/native/NAME.cs (or NAME.il, assembled with
//!   ilasm) compiled with mcs against mono's mscorlib, run on mono and on
//!   Osprey; stdout and exit code must match;
//! * `self/NAME`: programs where mono departs from .NET (dotnet.cs,
//!   unmanaged-callers-only.il): they check themselves, Osprey must exit 0;
//! * `stress/COLLECTOR/NAME`: each of the above under `OSPREY_GCSTRESS=1`
//!   (a collection at every allocation and safepoint) with both
//!   collectors, same expectations: callbacks allocate while C holds
//!   pinned pointers, and C threads call in while the main thread waits in C;
//! * `callback-throws` and `error-messages`: what Osprey reports when an
//!   exception would unwind into C, and the messages of the error cases.
//!
//! The library and the programs go to one directory, so the library is
//! found as .NET finds it, in the assembly's directory.
//!
//! ```text
//! cargo test --release --test native
//! cargo test --release --test native -- callbacks
//! ```

mod common;

use common::*;
use libtest_mimic::{Arguments, Failed, Trial};
use std::path::PathBuf;
use std::process::Command;
use std::sync::OnceLock;
use std::time::Duration;

/// Programs compared with mono.
const COMPARED: &[&str] = &[
    "primitives",
    "structs",
    "callbacks",
    "pinning",
    "handles",
    "errors",
    "calli-unmanaged",
    "marshal-more",
    "marshal-byvalue",
];

/// Programs that check themselves (mono departs from .NET there).
const SELF_CHECKED: &[&str] = &["dotnet", "unmanaged-callers-only", "marshal-dotnet"];

const COLLECTORS: [&str; 2] = ["generational", "marksweep"];

/// Where the library and the compiled programs go.
fn out_dir() -> PathBuf {
    work_dir("native")
}

fn source_dir() -> PathBuf {
    repo_root().join("tests").join("native")
}

/// Builds libospreytest.so once per test run.
fn library() -> Result<PathBuf, String> {
    static BUILT: OnceLock<Result<PathBuf, String>> = OnceLock::new();
    BUILT
        .get_or_init(|| {
            let out = out_dir().join("libospreytest.so");
            let cc = std::env::var("CC").unwrap_or_else(|_| "cc".into());
            let result = Command::new(&cc)
                .args(["-shared", "-fPIC", "-O2", "-pthread", "-Wall", "-o"])
                .arg(&out)
                .arg(source_dir().join("ospreytest.c"))
                .output()
                .map_err(|e| {
                    format!("cannot run `{cc}` ({e}): install a C compiler (`gcc`; .ci/run does)")
                })?;
            if !result.status.success() {
                return Err(format!(
                    "`{cc}` failed to build ospreytest.c:\n{}",
                    String::from_utf8_lossy(&result.stderr)
                ));
            }
            Ok(out)
        })
        .clone()
}

/// Compiles (or assembles) program `name` next to the library.
fn program(name: &str) -> Result<PathBuf, String> {
    library()?;
    let il = source_dir().join(format!("{name}.il"));
    if il.exists() {
        let exe = out_dir().join(format!("{name}.exe"));
        let out = Command::new("ilasm")
            .arg("-quiet")
            .arg(format!("-output:{}", exe.display()))
            .arg(&il)
            .output()
            .map_err(|e| format!("cannot run ilasm ({e}): install mono-devel"))?;
        if !out.status.success() {
            return Err(format!(
                "ilasm {}: {}",
                il.display(),
                String::from_utf8_lossy(&out.stdout)
            ));
        }
        return Ok(exe);
    }
    let cs = source_dir().join(format!("{name}.cs"));
    if name == "dotnet" {
        // Newer .NET APIs than mono's mscorlib: against Osprey's corelib.
        let corelib = format!("-r:{}", osprey_corelib::CORELIB_DLL_PATH);
        compile_cs(
            &cs,
            &out_dir(),
            &["-unsafe", "-nostdlib", "-noconfig", &corelib],
        )
    } else {
        compile_cs(&cs, &out_dir(), &["-unsafe"])
    }
}

fn env(collector: Option<&str>) -> Vec<(std::ffi::OsString, std::ffi::OsString)> {
    match collector {
        Some(c) => vec![
            ("OSPREY_GC".into(), c.into()),
            ("OSPREY_GCSTRESS".into(), "1".into()),
        ],
        None => Vec::new(),
    }
}

fn timeout(collector: Option<&str>) -> Duration {
    if collector.is_some() {
        Duration::from_secs(600)
    } else {
        DEFAULT_TIMEOUT
    }
}

/// Runs `name` on mono and on Osprey (under stress with `collector`).
fn compare(name: &str, collector: Option<&str>) -> Result<(), Failed> {
    let exe = program(name)?;
    let mono = run_mono(&exe, &[], None, DEFAULT_TIMEOUT)?;
    check_reference(&mono, "mono", &exe, DEFAULT_TIMEOUT)?;
    let t = timeout(collector);
    let osprey = run_osprey(&exe, &[], &[], &env(collector), None, t)?;
    compare_runs("mono", &mono, "osprey", &osprey, t).map_err(Failed::from)
}

/// Runs a self-checking program: it must exit 0 and print no FAIL.
fn self_check(name: &str, collector: Option<&str>) -> Result<(), Failed> {
    let exe = program(name)?;
    let t = timeout(collector);
    let run = run_osprey(&exe, &[], &[], &env(collector), None, t)?;
    let out = run.stdout_lossy();
    if run.code() != Some(0) || out.contains("FAIL") || run.panicked() || run.timed_out {
        return Err(format!(
            "{name}: {}\nstdout:\n{out}\nstderr:\n{}",
            describe_status(&run.status),
            tail(&run.stderr_lossy(), 4000)
        )
        .into());
    }
    Ok(())
}

/// An exception leaving a callback is reported as unhandled, and the
/// process ends with exit code 1 (mono unwinds through C instead).
fn callback_throws(collector: Option<&str>) -> Result<(), Failed> {
    let exe = program("callback-throws")?;
    let t = timeout(collector);
    let run = run_osprey(&exe, &[], &[], &env(collector), None, t)?;
    let err = run.stderr_lossy();
    let ok = run.code() == Some(1)
        && run.stdout_lossy() == "sorting\n"
        && err.starts_with(
            "Unhandled exception. System.InvalidOperationException: three is not comparable\n  at Program.Compare (System.IntPtr a, System.IntPtr b)",
        )
        && !run.panicked();
    if !ok {
        return Err(format!(
            "{}\nstdout:\n{}\nstderr:\n{err}",
            describe_status(&run.status),
            run.stdout_lossy()
        )
        .into());
    }
    Ok(())
}

/// The error cases' messages name what is missing.
fn error_messages() -> Result<(), Failed> {
    let exe = program("errors")?;
    let run = run_osprey(&exe, &["messages".into()], &[], &[], None, DEFAULT_TIMEOUT)?;
    let out = run.stdout_lossy();
    let expect = [
        "missing library (attempt 0): Unable to load shared library 'osprey-no-such-library' or one of its dependencies: ",
        "missing entry point (attempt 0): Unable to find an entry point named 'ot_no_such_function' in shared library 'ospreytest'.",
        "unmarshalable argument (attempt 0): Cannot marshal 'parameter #1' (o) of Native::Unmarshalable: NoLayout has no native form.",
        "still working: 4",
    ];
    for e in expect {
        if !out.lines().any(|l| l.starts_with(e)) {
            return Err(format!("no line starting `{e}` in:\n{out}").into());
        }
    }
    if !out.contains("libosprey-no-such-library.so: cannot open shared object file") {
        return Err(format!("the loader's message is missing:\n{out}").into());
    }
    Ok(())
}

fn main() {
    let args = Arguments::from_args();
    let mut trials = Vec::new();
    for name in COMPARED {
        trials.push(Trial::test(format!("compare/{name}"), move || {
            compare(name, None)
        }));
    }
    for name in SELF_CHECKED {
        trials.push(Trial::test(format!("self/{name}"), move || {
            self_check(name, None)
        }));
    }
    trials.push(Trial::test("callback-throws", || callback_throws(None)));
    trials.push(Trial::test("error-messages", error_messages));
    for collector in COLLECTORS {
        for name in COMPARED {
            trials.push(Trial::test(
                format!("stress/{collector}/{name}"),
                move || compare(name, Some(collector)),
            ));
        }
        for name in SELF_CHECKED {
            trials.push(Trial::test(
                format!("stress/{collector}/{name}"),
                move || self_check(name, Some(collector)),
            ));
        }
        trials.push(Trial::test(
            format!("stress/{collector}/callback-throws"),
            move || callback_throws(Some(collector)),
        ));
    }
    libtest_mimic::run(&args, trials).exit();
}
