//! Software-isolated processes (docs/kernel.md, "Isolation guarantees"):
//! C# programs in tests/isolation/ that start children (other C# programs,
//! each with its own runtime instance) and talk to them over channels.
//! They have no mono equivalent: each test checks the program's output
//! against tests/isolation/<name>.expected, written from the semantics,
//! and its exit code. Every program also runs under GC stress with both
//! collectors (parent and children inherit the environment).
//!
//! * `pingpong`: ping-pong over a startup channel (strings, a blittable
//!   struct, bytes, a zero-copy block, an empty message), a sent block
//!   can no longer be used, the child's exit code, the channel closed
//!   after the child ended;
//! * `lifecycle`: children killed while spinning, in a receive, in a
//!   QCall, in a wait, blocked on a lock, in a finally block, with more
//!   threads; a child's unhandled exception, its OutOfMemoryException
//!   (caught, and not), Environment.Exit from a child's thread; a child on
//!   the mark-sweep collector; forged and foreign handles; an unstarted
//!   child; a missing assembly; and the kernel's counters back where they
//!   were;
//! * `rpc`: an interface (`Calc.ICalculator`) exported by a child and
//!   called by its parent through the proxy and dispatcher `osprey
//!   proxygen` generates, exceptions carried back as `RemoteException`s;
//! * `proxygen_refusals`: what a proxy cannot carry is refused by name;
//! * `orphan`: a child left running when the program ends is stopped by
//!   `osprey run` (the program's exit code stands);
//! * `untrusted`: a child started with `ChildSettings.Untrusted` runs only
//!   verifiable code: its unsafe method raises VerificationException
//!   (naming the method, the IL offset and the rule) before it runs, caught
//!   or not, where the same child started trusted runs it; the parent is
//!   unaffected.
//!
//! ```text
//! cargo test --release --test isolation
//! ```

mod common;

use common::*;
use libtest_mimic::{Arguments, Failed, Trial};
use std::path::{Path, PathBuf};
use std::time::Duration;

fn source(name: &str) -> PathBuf {
    repo_root()
        .join("tests")
        .join("isolation")
        .join(format!("{name}.cs"))
}

/// Compiles tests/isolation/NAME.cs against Osprey's corelib (with `more`
/// sources or flags).
fn compile_with(name: &str, more: &[&str]) -> Result<PathBuf, String> {
    let corelib = format!("-r:{}", osprey_corelib::CORELIB_DLL_PATH);
    let mut flags = vec!["-nostdlib", "-unsafe", &corelib];
    flags.extend_from_slice(more);
    compile_cs(&source(name), &work_dir("isolation"), &flags)
}

/// The programs that call `Calc.ICalculator` across processes (rpc and
/// calc_child) are compiled with the interface and the proxy and
/// dispatcher `osprey proxygen` generates from its compiled metadata.
fn compile(name: &str) -> Result<PathBuf, String> {
    if name != "rpc" && name != "calc_child" {
        return compile_with(name, &[]);
    }
    let iface = compile_with("calc_interface", &["-target:library"])?;
    let proxy = work_dir("isolation").join("calc_proxy.cs");
    // Written beside, then renamed: trials running at once never read a
    // half-written file.
    static SEQ: std::sync::atomic::AtomicU32 = std::sync::atomic::AtomicU32::new(0);
    let tmp = work_dir("isolation").join(format!(
        ".calc_proxy-{}-{}.cs",
        std::process::id(),
        SEQ.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
    ));
    let gen = osprey(&[
        "proxygen",
        &iface.display().to_string(),
        "Calc.ICalculator",
        "-o",
        &tmp.display().to_string(),
    ]);
    if gen.code() != Some(0) {
        return Err(format!("osprey proxygen failed: {}", gen.stderr_lossy()));
    }
    std::fs::rename(&tmp, &proxy).map_err(|e| format!("cannot move the proxy: {e}"))?;
    let iface_src = source("calc_interface").display().to_string();
    let proxy_src = proxy.display().to_string();
    compile_with(name, &[&iface_src, &proxy_src])
}

/// `osprey proxygen` refuses what a proxy cannot carry, naming why.
fn proxygen_refusals() -> Result<(), String> {
    let dll = compile_with("unsupported_interface", &["-target:library"])?;
    let dll = dll.display().to_string();
    for (iface, why) in [
        (
            "Bad.IWithProperty",
            "properties and events are not supported",
        ),
        (
            "Bad.IWithObject",
            "parameter 1 has a type proxies cannot carry",
        ),
        (
            "Bad.IWithRef",
            "parameter 1 has a type proxies cannot carry",
        ),
        ("Bad.NotAnInterface", "is not an interface"),
        ("Bad.Missing", "defines no type 'Bad.Missing'"),
    ] {
        let run = osprey(&["proxygen", &dll, iface]);
        let err = run.stderr_lossy();
        if run.code() != Some(1) || !err.contains(why) || run.panicked() {
            return Err(format!(
                "proxygen {iface}: {} (wanted an error containing {why:?})\n{err}",
                describe_status(&run.status)
            ));
        }
    }
    let run = osprey(&["proxygen", "/nonexistent.dll", "A.B"]);
    if run.code() != Some(1) || !run.stderr_lossy().contains("cannot read") {
        return Err(format!(
            "proxygen of a missing file: {}",
            run.stderr_lossy()
        ));
    }
    Ok(())
}

fn expected(name: &str) -> Result<String, String> {
    let path = repo_root()
        .join("tests")
        .join("isolation")
        .join(format!("{name}.expected"));
    std::fs::read_to_string(&path).map_err(|e| format!("cannot read {}: {e}", path.display()))
}

/// Runs program `name` with its children's paths (and `args`), with `env`
/// added, and checks its output and exit code.
fn check(name: &str, children: &[&str], args: &[&str], env: &[(&str, &str)]) -> Result<(), String> {
    let want_code = if name == "orphan" { 4 } else { 0 };
    let exe = compile(name)?;
    let mut all_args: Vec<String> = Vec::new();
    for child in children {
        all_args.push(compile(child)?.display().to_string());
    }
    all_args.extend(args.iter().map(|a| a.to_string()));
    // The children's collector must come from their settings, not from
    // the environment the tests run in.
    let mut env: Vec<(std::ffi::OsString, std::ffi::OsString)> = env
        .iter()
        .map(|(k, v)| ((*k).into(), (*v).into()))
        .collect();
    if !env.iter().any(|(k, _)| k == "OSPREY_GC") {
        env.push(("OSPREY_GC".into(), "generational".into()));
    }
    let run = run_osprey(
        Path::new(&exe),
        &all_args,
        &[],
        &env,
        None,
        Duration::from_secs(600),
    )?;
    let out = run.stdout_lossy();
    let want = expected(name)?;
    if run.timed_out || run.panicked() || run.signal().is_some() || run.code() != Some(want_code) {
        return Err(format!(
            "{name}: {}\nstdout:\n{}\nstderr:\n{}",
            describe_status(&run.status),
            tail(&out, 3000),
            tail(&run.stderr_lossy(), 3000)
        ));
    }
    if out != want {
        return Err(format!(
            "{name}: unexpected output\n{}\nstderr:\n{}",
            diff_report("expected", want.as_bytes(), "osprey", out.as_bytes()),
            tail(&run.stderr_lossy(), 3000)
        ));
    }
    Ok(())
}

type Case = (
    &'static str,
    &'static [&'static str],
    &'static [&'static str],
);

const CASES: &[Case] = &[
    ("pingpong", &["pingpong_child"], &["100"]),
    ("lifecycle", &["child"], &[]),
    ("rpc", &["calc_child"], &[]),
    ("orphan", &["orphan_child"], &[]),
    ("untrusted", &["untrusted_child"], &[]),
];

fn main() {
    let args = Arguments::from_args();
    let mut trials = Vec::new();
    for &(name, children, extra) in CASES {
        trials.push(Trial::test(name.to_string(), move || {
            check(name, children, extra, &[]).map_err(Failed::from)
        }));
        for collector in ["generational", "marksweep"] {
            let interval = if name == "lifecycle" { "50" } else { "1" };
            trials.push(Trial::test(
                format!("stress_{collector}::{name}"),
                move || {
                    check(
                        name,
                        children,
                        extra,
                        &[("OSPREY_GCSTRESS", interval), ("OSPREY_GC", collector)],
                    )
                    .map_err(Failed::from)
                },
            ));
        }
    }
    trials.push(Trial::test("proxygen_refusals", || {
        proxygen_refusals().map_err(Failed::from)
    }));
    libtest_mimic::run(&args, trials).exit();
}
