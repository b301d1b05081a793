//! Differential fuzzing against mono: random C# programs from the
//! generator in `tests/fuzz/csgen.rs` are compiled with `mcs -unsafe`, run on
//! `mono` and on Osprey, and must print the same stdout and exit with the
//! same code. Each seed is one test (`seed_<n>`).
//!
//! By default a fixed set of seeds runs (fast enough for every
//! `cargo test`), as the environment says, and the first twelve once more
//! under GC stress at interval 1 with each collector
//! (`stress1_<collector>::seed_<n>`).
//! For a longer campaign:
//!
//!     OSPREY_DIFF_SEEDS=1000..1500 cargo test --release --test differential
//!     OSPREY_DIFF_COUNT=500 cargo test --release --test differential   # seeds 10000..10499
//!     OSPREY_DIFF_SEEDS=1234 cargo test --release --test differential  # one seed
//!
//! A failing seed's program is kept as
//! `target/tmp/differential/failures/fuzz<seed>.cs`, and the report shows the
//! first line where Osprey's output differs. Programs that pass are deleted
//! unless `OSPREY_DIFF_KEEP=1`. The runtime inherits the test's environment,
//! so `OSPREY_GCSTRESS=1`, `OSPREY_GC=marksweep` and the other `OSPREY_GC*`
//! settings apply to every program (the reproduce line repeats them). See
//! docs/testing.md.

mod common;
#[path = "fuzz/csgen.rs"]
mod csgen;

use common::*;
use libtest_mimic::{Arguments, Failed, Trial};
use std::fs;
use std::path::Path;

/// The seeds `cargo test` runs when no environment variable says otherwise.
const DEFAULT_SEEDS: std::ops::RangeInclusive<u64> = 1..=24;
/// The default seeds that also run under GC stress at interval 1.
const STRESS_SEEDS: std::ops::RangeInclusive<u64> = 1..=12;
/// Where `OSPREY_DIFF_COUNT` starts counting (away from the default set).
const COUNT_BASE: u64 = 10_000;

fn parse_seeds(spec: &str) -> Result<Vec<u64>, String> {
    let bad =
        || format!("OSPREY_DIFF_SEEDS={spec:?}: expected N, A..B, A..=B or a comma-separated list");
    let mut seeds = Vec::new();
    for part in spec.split(',').map(str::trim).filter(|p| !p.is_empty()) {
        if let Some((a, b)) = part.split_once("..=") {
            let (a, b) = (a.trim().parse::<u64>(), b.trim().parse::<u64>());
            let (a, b) = (a.map_err(|_| bad())?, b.map_err(|_| bad())?);
            seeds.extend(a..=b);
        } else if let Some((a, b)) = part.split_once("..") {
            let (a, b) = (a.trim().parse::<u64>(), b.trim().parse::<u64>());
            let (a, b) = (a.map_err(|_| bad())?, b.map_err(|_| bad())?);
            seeds.extend(a..b);
        } else {
            seeds.push(part.parse::<u64>().map_err(|_| bad())?);
        }
    }
    if seeds.is_empty() {
        return Err(bad());
    }
    Ok(seeds)
}

fn seeds() -> Result<Vec<u64>, String> {
    if let Ok(spec) = std::env::var("OSPREY_DIFF_SEEDS") {
        return parse_seeds(&spec);
    }
    if let Ok(n) = std::env::var("OSPREY_DIFF_COUNT") {
        let n: u64 = n
            .trim()
            .parse()
            .map_err(|_| format!("OSPREY_DIFF_COUNT={n:?} is not a number"))?;
        return Ok((COUNT_BASE..COUNT_BASE + n).collect());
    }
    Ok(DEFAULT_SEEDS.collect())
}

/// The `OSPREY_*` settings of this run that reach the runtime (the
/// children inherit the test's environment: `OSPREY_GCSTRESS`, `OSPREY_GC`,
/// `OSPREY_GC_NURSERY`, ...), as a shell prefix for the reproduce line.
fn runtime_env() -> String {
    let mut vars: Vec<(String, String)> = std::env::vars()
        .filter(|(k, _)| k.starts_with("OSPREY_") && !k.starts_with("OSPREY_DIFF_"))
        .collect();
    vars.sort();
    vars.iter().map(|(k, v)| format!("{k}={v} ")).collect()
}

fn remove_build(dir: &Path, stem: &str) {
    for ext in ["cs", "exe", "exe.stamp"] {
        let _ = fs::remove_file(dir.join(format!("{stem}.{ext}")));
    }
}

/// How a seed's program runs on Osprey: as the environment says, or under
/// GC stress at interval 1 with one collector.
#[derive(Copy, Clone)]
enum Variant {
    Plain,
    Stress1(&'static str),
}

impl Variant {
    fn env(self) -> Vec<(std::ffi::OsString, std::ffi::OsString)> {
        match self {
            Variant::Plain => Vec::new(),
            Variant::Stress1(collector) => vec![
                ("OSPREY_GCSTRESS".into(), "1".into()),
                ("OSPREY_GC".into(), collector.into()),
            ],
        }
    }

    fn dir(self) -> String {
        match self {
            Variant::Plain => "differential".into(),
            Variant::Stress1(c) => format!("differential-stress1-{c}"),
        }
    }

    fn prefix(self) -> String {
        match self {
            Variant::Plain => String::new(),
            Variant::Stress1(c) => format!("stress1_{c}::"),
        }
    }
}

fn check_seed(seed: u64, variant: Variant) -> Result<(), String> {
    let dir = work_dir(&variant.dir());
    let stem = format!("fuzz{seed}");
    let source = dir.join(format!("{stem}.cs"));
    let text = csgen::generate(seed);
    fs::write(&source, &text).map_err(|e| format!("cannot write {}: {e}", source.display()))?;
    let extra: String = variant
        .env()
        .iter()
        .map(|(k, v)| format!("{}={} ", k.to_string_lossy(), v.to_string_lossy()))
        .collect();
    let reproduce = format!(
        "reproduce: {}{extra}OSPREY_DIFF_SEEDS={seed} cargo test --release --test differential",
        runtime_env()
    );

    let keep = |why: &str| -> String {
        let failures = dir.join("failures");
        let _ = fs::create_dir_all(&failures);
        let kept = failures.join(format!("{stem}.cs"));
        let _ = fs::write(&kept, &text);
        format!(
            "seed {seed}: {why}\nprogram: {}\n{reproduce}\n",
            kept.display()
        )
    };

    let exe = compile_cs(&source, &dir, &["-unsafe"]).map_err(|e| {
        keep(&format!(
            "mcs rejected the generated program (a generator bug)\n{e}"
        ))
    })?;
    let mono = run_mono(&exe, &[], None, DEFAULT_TIMEOUT)?;
    check_reference(&mono, "mono", &exe, DEFAULT_TIMEOUT)
        .map_err(|e| keep(&format!("mono itself misbehaved (a generator bug?)\n{e}")))?;
    let osprey = run_osprey(&exe, &[], &[], &variant.env(), None, DEFAULT_TIMEOUT)?;
    match compare_runs("mono", &mono, "osprey", &osprey, DEFAULT_TIMEOUT) {
        Ok(()) => {
            if std::env::var_os("OSPREY_DIFF_KEEP").is_none() {
                remove_build(&dir, &stem);
            }
            Ok(())
        }
        Err(report) => Err(format!("{}\n{report}", keep("Osprey differs from mono"))),
    }
}

fn main() {
    let args = Arguments::from_args();
    // The default seeds also run under GC stress at interval 1 with each
    // collector (a campaign sets OSPREY_GCSTRESS itself: it is inherited).
    let chosen = std::env::var_os("OSPREY_DIFF_SEEDS").is_some()
        || std::env::var_os("OSPREY_DIFF_COUNT").is_some();
    let variants: &[Variant] = if chosen {
        &[Variant::Plain]
    } else {
        &[
            Variant::Plain,
            Variant::Stress1("generational"),
            Variant::Stress1("marksweep"),
        ]
    };
    let trials = match seeds() {
        Ok(seeds) => variants
            .iter()
            .flat_map(|&variant| {
                let seeds: Vec<u64> = match variant {
                    Variant::Plain => seeds.clone(),
                    Variant::Stress1(_) => seeds
                        .iter()
                        .copied()
                        .filter(|s| STRESS_SEEDS.contains(s))
                        .collect(),
                };
                seeds.into_iter().map(move |seed| {
                    Trial::test(format!("{}seed_{seed}", variant.prefix()), move || {
                        check_seed(seed, variant).map_err(Failed::from)
                    })
                })
            })
            .collect(),
        Err(e) => vec![Trial::test("seeds", move || Err(Failed::from(e)))],
    };
    libtest_mimic::run(&args, trials).exit();
}
