//! Transition costs, timed with criterion: each benchmark runs one
//! JIT-compiled loop of `CALLS` calls of one kind (see `osprey_vm::bench`),
//! so criterion's time per iteration divided by `CALLS` is the cost per call
//! *plus* the loop's own cost (the "empty loop" benchmark; for the reverse
//! P/Invoke, the `bsearch` loop over no elements, which the table
//! subtracts). At the end, the ns-per-call table (baseline subtracted,
//! median and spread, ratios to the managed call) is printed, as `osprey
//! bench transitions` prints it. docs/transitions.md reconciles the two.
//! criterion's HTML report goes to target/criterion/report/index.html.

use criterion::Criterion;
use osprey_kernel::host::{self, ProcessConfig};
use osprey_kernel::ConsoleMode;
use osprey_vm::bench::{table, Kind, Probe};

const CALLS: i32 = 1000;

fn main() {
    let config = ProcessConfig {
        name: "transitions bench".into(),
        console: ConsoleMode::Inherit,
        ..ProcessConfig::default()
    };
    let exit = host::run_in_current_thread(config, || {
        let mut probe = Probe::new().expect("the runtime starts and compiles the probes");
        let mut c = Criterion::default().configure_from_args();
        {
            let mut group = c.benchmark_group(format!("transitions ({CALLS} calls per iteration)"));
            group.bench_function("empty loop", |b| b.iter(|| probe.run_empty(CALLS).unwrap()));
            group.bench_function("bsearch over no elements", |b| {
                b.iter(|| probe.run_reverse_baseline(CALLS).unwrap())
            });
            for kind in Kind::ALL {
                group.bench_function(kind.label(), |b| b.iter(|| probe.run(kind, CALLS).unwrap()));
            }
            group.finish();
        }
        c.final_summary();
        let rows = probe.measure(100_000, 15).expect("measure");
        println!("\nTransition costs: ns per call, baseline subtracted, 15 runs of 100000 calls: median, IQR, extremes\n");
        println!("{}", table(&rows));
        0
    })
    .expect("a kernel process for the benchmark");
    std::process::exit(exit.exit_code);
}
