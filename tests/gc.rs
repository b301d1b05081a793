//! Garbage-collector tests (docs/gc.md):
//!
//! * every sample under GC stress at interval 1 (a collection at every
//!   allocation and at every safepoint reached after one), with heap
//!   verification, with each collector; the samples in [`SMALL_AT_STRESS`]
//!   run with smaller arguments (listed with the reason), and at full size
//!   without stress in `option_*`. `OSPREY_TEST_GCSTRESS=N` runs them at
//!   interval N instead;
//! * the deliberate GC hole in a test FCall is caught by stress plus heap
//!   verification, and the same FCall done right passes;
//! * a collection at the poll after a QCall updates the caller's slots once
//!   (they are reported twice: `qcall_poll`);
//! * the contention stress (`samples/thread-contention`: four threads on
//!   shared locks and Interlocked counters, allocating inside the locks)
//!   at several more stress intervals, each collector (`contention_*`);
//! * a heap limit makes allocation throw OutOfMemoryException (never a
//!   crash), with each collector, and a program can catch it and go on;
//! * the `--gc` and `--gc-heap-limit` options (a limit below the nursery
//!   size too).
//!
//! ```text
//! cargo test --release --test gc
//! cargo test --release --test gc -- stress1_generational
//! ```

mod common;

use common::*;
use libtest_mimic::{Arguments, Failed, Trial};
use std::path::PathBuf;
use std::time::Duration;

const COLLECTORS: [&str; 2] = ["generational", "marksweep"];

fn stress_interval() -> String {
    std::env::var("OSPREY_TEST_GCSTRESS").unwrap_or_else(|_| "1".into())
}

/// Samples that take minutes at stress interval 1 with their own
/// arguments (every allocation collects and verifies the whole heap), run
/// under stress with these instead: (sample, arguments, why).
const SMALL_AT_STRESS: &[(&str, &[&str], &str)] = &[
    (
        "generic-sorted",
        &["500"],
        "20 000 random operations on four sorted collections: minutes at interval 1",
    ),
    (
        "gc-binarytrees",
        &["6"],
        "depth 18 allocates 2^19-node trees repeatedly: hours at interval 1",
    ),
    (
        "gc-cache",
        &["2", "500"],
        "20 rounds over a 20 000-entry table: the verifier walks the whole table at each of millions of collections",
    ),
    (
        "gc-strings",
        &["1000"],
        "200 000 rounds of string building: about a minute per collector at interval 1",
    ),
    (
        "gc-api",
        &["400"],
        "its default size allocates for minutes at interval 1",
    ),
    (
        "gc-dispose-pattern",
        &["2000"],
        "200 000 disposed objects: minutes at interval 1",
    ),
    (
        "thread-contention",
        &["500"],
        "four threads doing 20 000 rounds of locked and Interlocked updates, each allocating: minutes at interval 1",
    ),
    (
        "thread-interlocked",
        &["1000"],
        "two threads push 20 000 nodes on a shared stack: the verifier walks it at each of 40 000 collections, about a minute per collector at interval 1",
    ),
];

/// The contention stress (samples/thread-contention) beside its run at
/// interval 1: (stress interval, rounds per thread).
const CONTENTION_RUNS: [(u32, u32); 3] = [(7, 1000), (61, 2000), (997, 5000)];

/// Compiles tests/gc/NAME.cs against Osprey's corelib (for `Osprey.GcProbe`).
fn compile_test_program(name: &str) -> Result<PathBuf, String> {
    let src = repo_root()
        .join("tests")
        .join("gc")
        .join(format!("{name}.cs"));
    let corelib = format!("-r:{}", osprey_corelib::CORELIB_DLL_PATH);
    compile_cs(&src, &work_dir("gc-tests"), &["-nostdlib", &corelib])
}

fn hole_test(hole: bool) -> Result<(), String> {
    let exe = compile_test_program("hole")?;
    let args: Vec<String> = if hole { vec!["hole".into()] } else { vec![] };
    let env = [
        ("OSPREY_GCSTRESS".into(), "1".into()),
        ("OSPREY_GC".into(), "generational".into()),
    ];
    let run = run_osprey(&exe, &args, &[], &env, None, DEFAULT_TIMEOUT)?;
    let err = run.stderr_lossy();
    if run.timed_out || run.panicked() || run.signal().is_some() {
        return Err(format!(
            "bad run: {}\n{}",
            describe_status(&run.status),
            tail(&err, 2000)
        ));
    }
    if hole {
        if run.code() != Some(70) || !err.contains("heap verification failed") {
            return Err(format!(
                "the GC hole was not caught: {}\nstdout: {}\nstderr: {}",
                describe_status(&run.status),
                tail(&run.stdout_lossy(), 1000),
                tail(&err, 2000)
            ));
        }
    } else if run.code() != Some(0) || run.stdout_lossy().trim() != "total 250" {
        return Err(format!(
            "the protected version failed: {}\nstdout: {}\nstderr: {}",
            describe_status(&run.status),
            tail(&run.stdout_lossy(), 1000),
            tail(&err, 2000)
        ));
    }
    Ok(())
}

/// A collection at the poll after a QCall (the slots of the calling frame
/// are reported twice) at every stress interval from 1 to 16, so that the
/// young argument moves exactly there at some interval.
fn qcall_poll_test(collector: &str) -> Result<(), String> {
    let exe = compile_test_program("qcall_poll")?;
    for interval in 1..=16 {
        let env = [
            ("OSPREY_GCSTRESS".into(), interval.to_string().into()),
            ("OSPREY_GC".into(), collector.into()),
        ];
        let run = run_osprey(&exe, &[], &[], &env, None, DEFAULT_TIMEOUT)?;
        if run.timed_out || run.code() != Some(0) || run.stdout_lossy().trim() != "bad 0" {
            return Err(format!(
                "interval {interval}: {}\nstdout: {}\nstderr: {}",
                describe_status(&run.status),
                tail(&run.stdout_lossy(), 1000),
                tail(&run.stderr_lossy(), 2000)
            ));
        }
    }
    Ok(())
}

fn oom_test(collector: &str, big: bool) -> Result<(), String> {
    let exe = compile_test_program("oom")?;
    let args: Vec<String> = if big { vec!["big".into()] } else { vec![] };
    let opts = [
        format!("--gc={collector}"),
        "--gc-heap-limit=32M".to_string(),
    ];
    let run = run_osprey(&exe, &args, &opts, &[], None, Duration::from_secs(120))?;
    let err = run.stderr_lossy();
    if run.timed_out || run.panicked() || run.signal().is_some() || run.code() != Some(1) {
        return Err(format!(
            "bad run: {}\n{}",
            describe_status(&run.status),
            tail(&err, 2000)
        ));
    }
    if !err.contains("Unhandled exception. System.OutOfMemoryException") {
        return Err(format!(
            "expected an OutOfMemoryException: {}",
            tail(&err, 2000)
        ));
    }
    Ok(())
}

/// OutOfMemoryException is catchable: the program catches it three times
/// and allocates again.
fn oom_catch_test(collector: &str) -> Result<(), String> {
    let exe = compile_test_program("oom_catch")?;
    let opts = [
        format!("--gc={collector}"),
        "--gc-heap-limit=32M".to_string(),
    ];
    let run = run_osprey(&exe, &[], &opts, &[], None, Duration::from_secs(120))?;
    let out = run.stdout_lossy();
    if run.code() != Some(0) || out.trim() != "caught 3, then allocated 1000" {
        return Err(format!(
            "{}
stdout: {}
stderr: {}",
            describe_status(&run.status),
            tail(&out, 1000),
            tail(&run.stderr_lossy(), 2000)
        ));
    }
    Ok(())
}

fn main() {
    let args = Arguments::from_args();
    let mut trials = Vec::new();
    let interval = stress_interval();
    for collector in COLLECTORS {
        for mut sample in discover_samples().into_iter().flatten() {
            if let Some((_, small, _why)) =
                SMALL_AT_STRESS.iter().find(|(n, _, _)| *n == sample.name)
            {
                sample.args = small.iter().map(|s| s.to_string()).collect();
            }
            let opts = CheckOptions::default()
                .env("OSPREY_GCSTRESS", interval.clone())
                .env("OSPREY_GC", collector)
                .timeout(Duration::from_secs(300));
            let name = format!("stress1_{collector}::{}", sample.name);
            trials.push(Trial::test(name, move || {
                check_sample(&sample, &opts).map_err(Failed::from)
            }));
        }
        trials.push(Trial::test(format!("qcall_poll::{collector}"), move || {
            qcall_poll_test(collector).map_err(Failed::from)
        }));
        for (name, _, _) in SMALL_AT_STRESS {
            let dir = samples_dir().join(name);
            let Ok(sample) = load_sample(&dir) else {
                continue;
            };
            let opts = CheckOptions::default().opt(format!("--gc={collector}"));
            trials.push(Trial::test(
                format!("option_{collector}::{name}"),
                move || check_sample(&sample, &opts).map_err(Failed::from),
            ));
        }
        // A heap limit below the nursery size (4 MiB): the nursery shrinks
        // to fit instead of every allocation failing.
        for (name, args, stress) in [
            ("gc-refs-workout", &[][..], None),
            ("gc-binarytrees", &["6"][..], Some("1")),
        ] {
            let dir = samples_dir().join(name);
            let Ok(mut sample) = load_sample(&dir) else {
                continue;
            };
            sample.args = args.iter().map(|s| s.to_string()).collect();
            let mut opts = CheckOptions::default()
                .opt(format!("--gc={collector}"))
                .opt("--gc-heap-limit=1M")
                .timeout(Duration::from_secs(300));
            if let Some(n) = stress {
                opts = opts.env("OSPREY_GCSTRESS", n);
            }
            trials.push(Trial::test(
                format!("small_limit_{collector}::{name}"),
                move || check_sample(&sample, &opts).map_err(Failed::from),
            ));
        }
        // The contention stress at other intervals too: between the
        // collections the four threads run on both cores at once, so locks
        // are contended and counters raced while objects move.
        for (interval, rounds) in CONTENTION_RUNS {
            let dir = samples_dir().join("thread-contention");
            let Ok(mut sample) = load_sample(&dir) else {
                continue;
            };
            sample.args = vec![rounds.to_string()];
            let opts = CheckOptions::default()
                .env("OSPREY_GCSTRESS", interval.to_string())
                .env("OSPREY_GC", collector)
                .timeout(Duration::from_secs(300));
            trials.push(Trial::test(
                format!("contention_{collector}::interval_{interval}"),
                move || check_sample(&sample, &opts).map_err(Failed::from),
            ));
        }
        let c = collector.to_string();
        trials.push(Trial::test(
            format!("oom_{collector}::small_objects"),
            move || oom_test(&c, false).map_err(Failed::from),
        ));
        let c = collector.to_string();
        trials.push(Trial::test(
            format!("oom_{collector}::large_objects"),
            move || oom_test(&c, true).map_err(Failed::from),
        ));
        let c = collector.to_string();
        trials.push(Trial::test(format!("oom_{collector}::caught"), move || {
            oom_catch_test(&c).map_err(Failed::from)
        }));
    }
    trials.push(Trial::test("hole::caught_by_stress_and_verify", || {
        hole_test(true).map_err(Failed::from)
    }));
    trials.push(Trial::test("hole::protected_version_passes", || {
        hole_test(false).map_err(Failed::from)
    }));
    libtest_mimic::run(&args, trials).exit();
}
