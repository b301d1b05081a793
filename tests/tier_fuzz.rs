//! The JIT's tiers compared on generated IL (issue 14 item 7): each seed's
//! program from `tests/fuzz/tiergen.rs` is assembled with ilasm and run on
//! mono and on Osprey with the baseline tier only, with the optimizing tier
//! forced on, and tiered (tier-up after 5 calls, on the tier-up thread);
//! every run must print the same stdout and exit with the same code as
//! mono's. The optimizing run must actually optimize at least one of the
//! program's generated functions (`OSPREY_JIT_LOG=1` says which), so a
//! tier that declines everything fails instead of passing unseen. Each
//! seed is one test (`seed_<n>`); the first few also run with the
//! optimizing tier under GC stress at interval 1 with each collector.
//!
//!     OSPREY_TIERFUZZ_SEEDS=100..400 cargo test --release --test tier_fuzz
//!
//! A failing seed's program is kept as
//! `target/tmp/tier-fuzz/failures/tiergen<seed>.il`.

mod common;
#[path = "fuzz/tiergen.rs"]
mod tiergen;

use common::*;
use libtest_mimic::{Arguments, Failed, Trial};
use std::ffi::OsString;
use std::fs;
use std::process::Command;

/// The seeds `cargo test` runs when `OSPREY_TIERFUZZ_SEEDS` is not set.
const DEFAULT_SEEDS: std::ops::Range<u64> = 0..40;
/// The default seeds that also run under GC stress at interval 1.
const STRESS_SEEDS: std::ops::Range<u64> = 0..6;

fn seeds() -> Result<Vec<u64>, String> {
    let Ok(spec) = std::env::var("OSPREY_TIERFUZZ_SEEDS") else {
        return Ok(DEFAULT_SEEDS.collect());
    };
    let bad = || format!("OSPREY_TIERFUZZ_SEEDS={spec:?}: expected N or A..B");
    match spec.trim().split_once("..") {
        Some((a, b)) => {
            let a: u64 = a.trim().parse().map_err(|_| bad())?;
            let b: u64 = b.trim().parse().map_err(|_| bad())?;
            Ok((a..b).collect())
        }
        None => Ok(vec![spec.trim().parse().map_err(|_| bad())?]),
    }
}

/// One way of running the program on Osprey.
struct Mode {
    name: &'static str,
    env: &'static [(&'static str, &'static str)],
}

const MODES: &[Mode] = &[
    Mode {
        name: "baseline",
        env: &[("OSPREY_JIT", "baseline")],
    },
    Mode {
        name: "optimizing",
        env: &[("OSPREY_JIT", "optimizing"), ("OSPREY_JIT_LOG", "1")],
    },
    Mode {
        name: "tiered",
        env: &[("OSPREY_JIT", "tiered"), ("OSPREY_TIER_CALLS", "5")],
    },
];

const STRESS_MODES: &[Mode] = &[
    Mode {
        name: "optimizing, GC stress 1, generational",
        env: &[
            ("OSPREY_JIT", "optimizing"),
            ("OSPREY_GCSTRESS", "1"),
            ("OSPREY_GC", "generational"),
        ],
    },
    Mode {
        name: "optimizing, GC stress 1, marksweep",
        env: &[
            ("OSPREY_JIT", "optimizing"),
            ("OSPREY_GCSTRESS", "1"),
            ("OSPREY_GC", "marksweep"),
        ],
    },
];

fn check_seed(seed: u64, stress: bool) -> Result<(), String> {
    let dir = work_dir("tier-fuzz");
    let stem = format!("tiergen{seed}");
    let program = tiergen::generate(seed);
    let il = dir.join(format!("{stem}.il"));
    let exe = dir.join(format!("{stem}.exe"));
    fs::write(&il, &program.text).map_err(|e| format!("cannot write {}: {e}", il.display()))?;
    let keep = |why: &str| -> String {
        let failures = dir.join("failures");
        let _ = fs::create_dir_all(&failures);
        let kept = failures.join(format!("{stem}.il"));
        let _ = fs::write(&kept, &program.text);
        format!(
            "seed {seed}: {why}\nprogram: {}\nreproduce: OSPREY_TIERFUZZ_SEEDS={seed} cargo test --release --test tier_fuzz\n",
            kept.display()
        )
    };
    let out = Command::new("ilasm")
        .arg("-quiet")
        .arg(format!("-output:{}", exe.display()))
        .arg(&il)
        .output()
        .map_err(|e| format!("cannot run ilasm (mono-devel): {e}"))?;
    if !out.status.success() {
        return Err(keep(&format!(
            "ilasm rejected the generated program (a generator bug)\n{}",
            String::from_utf8_lossy(&out.stdout)
        )));
    }
    let mono = run_mono(&exe, &[], None, DEFAULT_TIMEOUT)?;
    check_reference(&mono, "mono", &exe, DEFAULT_TIMEOUT)
        .map_err(|e| keep(&format!("mono itself misbehaved (a generator bug?)\n{e}")))?;
    let modes = if stress { STRESS_MODES } else { MODES };
    for mode in modes {
        let env: Vec<(OsString, OsString)> =
            mode.env.iter().map(|(k, v)| (k.into(), v.into())).collect();
        let osprey = run_osprey(&exe, &[], &[], &env, None, DEFAULT_TIMEOUT)?;
        compare_runs("mono", &mono, "osprey", &osprey, DEFAULT_TIMEOUT).map_err(|report| {
            let vars: String = mode.env.iter().map(|(k, v)| format!("{k}={v} ")).collect();
            format!(
                "{}Osprey ({}: {vars}) differs from mono\n{report}",
                keep(""),
                mode.name
            )
        })?;
        if mode.env.contains(&("OSPREY_JIT_LOG", "1")) {
            let log = osprey.stderr_lossy();
            let optimized = program
                .functions
                .iter()
                .filter(|f| log.contains(&format!("jit: {f} optimized at")))
                .count();
            if optimized == 0 {
                return Err(keep(&format!(
                    "the optimizing tier compiled none of {:?}; its log:\n{log}",
                    program.functions
                )));
            }
        }
    }
    if std::env::var_os("OSPREY_TIERFUZZ_KEEP").is_none() {
        let _ = fs::remove_file(&il);
        let _ = fs::remove_file(&exe);
    }
    Ok(())
}

fn main() {
    let args = Arguments::from_args();
    let chosen = std::env::var_os("OSPREY_TIERFUZZ_SEEDS").is_some();
    let trials = match seeds() {
        Ok(seeds) => {
            let mut trials: Vec<Trial> = seeds
                .iter()
                .map(|&seed| {
                    Trial::test(format!("seed_{seed}"), move || {
                        check_seed(seed, false).map_err(Failed::from)
                    })
                })
                .collect();
            if !chosen {
                trials.extend(STRESS_SEEDS.map(|seed| {
                    Trial::test(format!("stress1::seed_{seed}"), move || {
                        check_seed(seed, true).map_err(Failed::from)
                    })
                }));
            }
            trials
        }
        Err(e) => vec![Trial::test("seeds", move || Err(Failed::from(e)))],
    };
    libtest_mimic::run(&args, trials).exit();
}
