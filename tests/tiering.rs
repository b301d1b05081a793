//! Tiered compilation end to end (docs/jit.md, "Tiers"): hot methods are
//! optimized on the tier-up thread while the program goes on running their
//! baseline code (`OSPREY_TIER_BACKGROUND=1`, the default) or on the
//! calling thread (`OSPREY_TIER_BACKGROUND=0`), with the same output as
//! mono's; a process that ends with methods still queued ends at once with
//! its exit code; a bad value of the knob is a usage error.

mod common;

use common::*;
use std::ffi::OsString;
use std::path::PathBuf;
use std::sync::OnceLock;

/// hot.exe, compiled once for all the tests (they run in parallel).
fn hot_exe() -> PathBuf {
    static EXE: OnceLock<PathBuf> = OnceLock::new();
    EXE.get_or_init(|| {
        let dir = work_dir("tiering");
        compile_cs(&repo_root().join("tests/tiering/hot.cs"), &dir, &[]).expect("hot.cs compiles")
    })
    .clone()
}

fn env(pairs: &[(&str, &str)]) -> Vec<(OsString, OsString)> {
    pairs
        .iter()
        .map(|(k, v)| (OsString::from(k), OsString::from(v)))
        .collect()
}

/// Runs hot.exe with `args` on mono and on Osprey with `osprey_env`, and
/// checks the same stdout and exit code; returns Osprey's stderr.
fn same_as_mono(args: &[&str], osprey_env: &[(&str, &str)]) -> String {
    let exe = hot_exe();
    let args: Vec<String> = args.iter().map(|a| a.to_string()).collect();
    let mono = run_mono(&exe, &args, None, DEFAULT_TIMEOUT).expect("mono runs");
    let osprey =
        run_osprey(&exe, &args, &[], &env(osprey_env), None, DEFAULT_TIMEOUT).expect("osprey runs");
    assert!(
        !osprey.timed_out,
        "osprey timed out: {}",
        osprey.stderr_lossy()
    );
    assert_eq!(
        osprey.stdout_lossy(),
        mono.stdout_lossy(),
        "stderr: {}",
        osprey.stderr_lossy()
    );
    assert_eq!(
        osprey.status.code(),
        mono.status.code(),
        "stderr: {}",
        osprey.stderr_lossy()
    );
    osprey.stderr_lossy()
}

// `Hot::Square` is the method watched: it is marked NoInlining, so
// `Worker::Run` (optimized at once for its loops) calls it, and its
// baseline code counts those calls until it tiers up. (An inlinable
// method such as `Hot::Mix` may never be called again once `Run` is
// optimized.)
#[test]
fn hot_methods_tier_up_in_the_background() {
    let log = same_as_mono(&["0"], &[("OSPREY_JIT_LOG", "1")]);
    assert!(
        log.contains("jit: Hot::Square tiered up in the background"),
        "no background tier-up of Hot::Square in:\n{log}"
    );
    assert!(
        !log.contains("could not be tiered up"),
        "a tier-up failed:\n{log}"
    );
}

#[test]
fn hot_methods_tier_up_on_the_calling_thread_when_asked() {
    let log = same_as_mono(
        &["0"],
        &[("OSPREY_JIT_LOG", "1"), ("OSPREY_TIER_BACKGROUND", "0")],
    );
    assert!(
        log.contains("jit: Hot::Square tiered up at"),
        "no tier-up of Hot::Square in:\n{log}"
    );
    assert!(!log.contains("in the background"), "{log}");
}

#[test]
fn tier_up_under_gc_stress_with_both_collectors() {
    for gc in ["generational", "marksweep"] {
        same_as_mono(&["0"], &[("OSPREY_GCSTRESS", "1"), ("OSPREY_GC", gc)]);
    }
}

#[test]
fn a_process_ending_with_tier_ups_queued_ends_with_its_exit_code() {
    // A low count queues many methods at once; Environment.Exit and a
    // non-zero Main result both end the process while the thread compiles.
    same_as_mono(&["3", "exit"], &[("OSPREY_TIER_CALLS", "1")]);
    same_as_mono(&["5"], &[("OSPREY_TIER_CALLS", "1")]);
}

#[test]
fn a_bad_tier_background_value_is_a_usage_error() {
    let exe = hot_exe();
    let out = run_osprey(
        &exe,
        &[],
        &[],
        &env(&[("OSPREY_TIER_BACKGROUND", "yes")]),
        None,
        DEFAULT_TIMEOUT,
    )
    .expect("osprey runs");
    assert_ne!(out.status.code(), Some(0));
    assert!(
        out.stderr_lossy()
            .contains("OSPREY_TIER_BACKGROUND=\"yes\" is not valid (expected 0 or 1)"),
        "{}",
        out.stderr_lossy()
    );
    assert!(out.stdout.is_empty());
}
