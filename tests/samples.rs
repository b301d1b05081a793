//! Every program under `samples/<name>/` runs on mono and on Osprey; Osprey
//! must print the same stdout bytes and exit with the same code. Each sample
//! is its own test, so one can be run alone:
//!
//!     cargo test --release --test samples -- fib
//!
//! See docs/testing.md for the sample folder conventions.

mod common;

use common::{check_sample, discover_samples, CheckOptions};
use libtest_mimic::{Arguments, Failed, Trial};

fn main() {
    let args = Arguments::from_args();
    let trials = discover_samples()
        .into_iter()
        .map(|sample| match sample {
            Ok(sample) => Trial::test(sample.name.clone(), move || {
                check_sample(&sample, &CheckOptions::default()).map_err(Failed::from)
            }),
            Err((name, problem)) => Trial::test(name, move || Err(Failed::from(problem))),
        })
        .collect();
    libtest_mimic::run(&args, trials).exit();
}
