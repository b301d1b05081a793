//! Transition benchmarks: what each kind of call between managed code and
//! the runtime (or a C library) costs, measured from JIT-compiled loops.
//!
//! The loops live in corelib (`Osprey.TransitionProbe.Loop*`): each makes `n`
//! calls of one kind. A run times a loop with the kernel's cycle counter;
//! a row is computed from several runs: each run's time minus the median
//! time of its baseline loop (an empty loop of the same shape; for the
//! reverse P/Invoke, the same `bsearch` loop over no elements, which makes
//! no callback), divided by `n`. A row reports the median of those per-call
//! costs and their spread: the interquartile range and the extremes. The
//! Rust → managed row times `n` calls of `ManagedNop` through the call-site
//! API (no baseline).
//!
//! Used by `osprey bench transitions` (vm/src/cli) and the criterion bench
//! (benches/benches/transitions.rs). docs/transitions.md holds a measured table.

use osprey_binder::BoundMethod;
use osprey_kernel::client::Os;

use crate::runtime::{Arg, CallSite, Runtime, RuntimeError, RuntimeOptions, Value};
use crate::thread::Thread;

/// One kind of call.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Kind {
    /// A managed static call (not inlined: the JIT never inlines).
    Managed,
    /// An FCall: a direct native call, no frame, no mode switch.
    FCall,
    /// An FCall that erects a helper frame.
    FCallHelperFrame,
    /// A QCall: a P/Invoke into the runtime (inline transition frame,
    /// preemptive mode during the call).
    QCall,
    /// A QCall with `[SuppressGCTransition]` (no frame, no mode switch).
    QCallSuppressed,
    /// A blittable P/Invoke of the C library (`abs`), bound lazily.
    PInvoke,
    /// The same with `[SuppressGCTransition]`.
    PInvokeSuppressed,
    /// A P/Invoke with a string argument (`strlen`: a UTF-8 copy made and
    /// freed by the IL stub).
    PInvokeString,
    /// A P/Invoke with a struct by value (`cabs` of two doubles, in SSE
    /// registers).
    PInvokeStruct,
    /// C calling a managed callback (`bsearch` over one element, minus
    /// `bsearch` over none).
    ReversePInvoke,
    /// Rust calling a managed method through the call-site API.
    RustToManaged,
}

impl Kind {
    /// Every kind, in table order.
    pub const ALL: [Kind; 11] = [
        Kind::Managed,
        Kind::FCall,
        Kind::FCallHelperFrame,
        Kind::QCall,
        Kind::QCallSuppressed,
        Kind::PInvoke,
        Kind::PInvokeSuppressed,
        Kind::PInvokeString,
        Kind::PInvokeStruct,
        Kind::ReversePInvoke,
        Kind::RustToManaged,
    ];

    /// The row label.
    pub fn label(self) -> &'static str {
        match self {
            Kind::Managed => "managed -> managed static call",
            Kind::FCall => "FCall",
            Kind::FCallHelperFrame => "FCall with a helper frame",
            Kind::QCall => "QCall",
            Kind::QCallSuppressed => "QCall [SuppressGCTransition]",
            Kind::PInvoke => "P/Invoke, blittable (abs)",
            Kind::PInvokeSuppressed => "P/Invoke [SuppressGCTransition] (abs)",
            Kind::PInvokeString => "P/Invoke, string argument (strlen)",
            Kind::PInvokeStruct => "P/Invoke, struct by value (cabs)",
            Kind::ReversePInvoke => "reverse P/Invoke (C calls a delegate)",
            Kind::RustToManaged => "Rust -> managed (call-site API)",
        }
    }

    /// A short name (CSV and JSON keys).
    pub fn key(self) -> &'static str {
        match self {
            Kind::Managed => "managed",
            Kind::FCall => "fcall",
            Kind::FCallHelperFrame => "fcall_helper_frame",
            Kind::QCall => "qcall",
            Kind::QCallSuppressed => "qcall_suppressed",
            Kind::PInvoke => "pinvoke",
            Kind::PInvokeSuppressed => "pinvoke_suppressed",
            Kind::PInvokeString => "pinvoke_string",
            Kind::PInvokeStruct => "pinvoke_struct",
            Kind::ReversePInvoke => "reverse_pinvoke",
            Kind::RustToManaged => "rust_to_managed",
        }
    }

    fn loop_method(self) -> Option<BoundMethod> {
        Some(match self {
            Kind::Managed => BoundMethod::TransitionProbeLoopManaged,
            Kind::FCall => BoundMethod::TransitionProbeLoopFCall,
            Kind::FCallHelperFrame => BoundMethod::TransitionProbeLoopFCallHelperFrame,
            Kind::QCall => BoundMethod::TransitionProbeLoopQCall,
            Kind::QCallSuppressed => BoundMethod::TransitionProbeLoopQCallSuppressed,
            Kind::PInvoke => BoundMethod::TransitionProbeLoopPInvoke,
            Kind::PInvokeSuppressed => BoundMethod::TransitionProbeLoopPInvokeSuppressed,
            Kind::PInvokeString => BoundMethod::TransitionProbeLoopPInvokeString,
            Kind::PInvokeStruct => BoundMethod::TransitionProbeLoopPInvokeStruct,
            Kind::ReversePInvoke => BoundMethod::TransitionProbeLoopReversePInvoke,
            Kind::RustToManaged => return None,
        })
    }

    /// The loop whose cost is subtracted (`None`: nothing is).
    fn baseline(self) -> Option<BoundMethod> {
        match self {
            Kind::RustToManaged => None,
            Kind::ReversePInvoke => Some(BoundMethod::TransitionProbeLoopReversePInvokeBaseline),
            _ => Some(BoundMethod::TransitionProbeLoopEmpty),
        }
    }
}

/// A measurement: nanoseconds per call over the runs.
#[derive(Copy, Clone, Debug)]
pub struct Row {
    /// What was measured.
    pub kind: Kind,
    /// The median.
    pub ns_per_call: f64,
    /// The first quartile.
    pub q1: f64,
    /// The third quartile.
    pub q3: f64,
    /// The fastest run.
    pub min: f64,
    /// The slowest run.
    pub max: f64,
    /// How many runs.
    pub runs: usize,
}

/// The value at fraction `p` (0..=1) of sorted `v` (nearest rank).
fn quantile(sorted: &[f64], p: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    let i = ((sorted.len() - 1) as f64 * p).round() as usize;
    sorted[i.min(sorted.len() - 1)]
}

impl Row {
    /// The row of `kind` from per-call costs (any order).
    pub fn from_samples(kind: Kind, mut ns: Vec<f64>) -> Row {
        ns.sort_by(f64::total_cmp);
        Row {
            kind,
            ns_per_call: quantile(&ns, 0.5),
            q1: quantile(&ns, 0.25),
            q3: quantile(&ns, 0.75),
            min: ns.first().copied().unwrap_or(0.0),
            max: ns.last().copied().unwrap_or(0.0),
            runs: ns.len(),
        }
    }
}

/// A runtime ready to run the probes, on the current kernel process's thread.
pub struct Probe {
    // Fields drop in order: the thread record before its runtime.
    thread: Box<Thread>,
    rt: Box<Runtime>,
    os: Os,
}

impl Probe {
    /// Creates a runtime and compiles every loop (one warm-up run each).
    /// Must run on a thread bound to a kernel process.
    pub fn new() -> Result<Probe, RuntimeError> {
        let os = Os::resolve().map_err(|e| RuntimeError::Internal(e.to_string()))?;
        let rt = Runtime::new(RuntimeOptions::default())?;
        let thread = rt.new_thread();
        let mut p = Probe { thread, rt, os };
        for k in Kind::ALL {
            p.run(k, 1000)?;
        }
        p.run_empty(1000)?;
        p.run_reverse_baseline(1000)?;
        Ok(p)
    }

    fn call_loop(&mut self, m: BoundMethod, n: i32) -> Result<(), RuntimeError> {
        let site = CallSite::new(&self.rt, self.rt.bound_method(m))?;
        match site.call(&mut self.thread, &[Arg::I4(n)])? {
            Value::I4(r) if r == n => Ok(()),
            other => Err(RuntimeError::Internal(format!(
                "{m:?}({n}) returned {other:?}"
            ))),
        }
    }

    /// Runs `n` calls of `kind` once.
    pub fn run(&mut self, kind: Kind, n: i32) -> Result<(), RuntimeError> {
        match kind.loop_method() {
            Some(m) => self.call_loop(m, n),
            None => {
                let site = CallSite::new(
                    &self.rt,
                    self.rt.bound_method(BoundMethod::TransitionProbeManagedNop),
                )?;
                let mut s = 0;
                for _ in 0..n {
                    match site.call(&mut self.thread, &[Arg::I4(s)])? {
                        Value::I4(v) => s = v,
                        other => {
                            return Err(RuntimeError::Internal(format!(
                                "ManagedNop returned {other:?}"
                            )))
                        }
                    }
                }
                Ok(())
            }
        }
    }

    /// Runs the empty loop (`n` iterations) once.
    pub fn run_empty(&mut self, n: i32) -> Result<(), RuntimeError> {
        self.call_loop(BoundMethod::TransitionProbeLoopEmpty, n)
    }

    /// Runs the reverse P/Invoke's baseline (`bsearch` over no elements,
    /// `n` times) once.
    pub fn run_reverse_baseline(&mut self, n: i32) -> Result<(), RuntimeError> {
        self.call_loop(BoundMethod::TransitionProbeLoopReversePInvokeBaseline, n)
    }

    /// Cycles taken by `f`.
    fn cycles(
        &mut self,
        f: impl FnOnce(&mut Probe) -> Result<(), RuntimeError>,
    ) -> Result<u64, RuntimeError> {
        let start = self.os.cycle_count();
        f(self)?;
        Ok(self.os.cycle_count().saturating_sub(start))
    }

    /// Measures every kind: `runs` runs of `n` calls each, runs of the
    /// kinds interleaved (so a slow spell of the machine spreads over all
    /// rows instead of skewing one).
    pub fn measure(&mut self, n: i32, runs: usize) -> Result<Vec<Row>, RuntimeError> {
        let ns_per_cycle = 1e9 / self.os.cycles_per_second() as f64;
        let runs = runs.max(1);
        let baselines = [
            BoundMethod::TransitionProbeLoopEmpty,
            BoundMethod::TransitionProbeLoopReversePInvokeBaseline,
        ];
        let mut base_samples: Vec<Vec<u64>> = vec![Vec::new(); baselines.len()];
        let mut samples: Vec<Vec<u64>> = vec![Vec::new(); Kind::ALL.len()];
        for _ in 0..runs {
            for (i, b) in baselines.iter().enumerate() {
                let b = *b;
                base_samples[i].push(self.cycles(|p| p.call_loop(b, n))?);
            }
            for (i, kind) in Kind::ALL.iter().enumerate() {
                let kind = *kind;
                samples[i].push(self.cycles(|p| p.run(kind, n))?);
            }
        }
        let median = |v: &[u64]| {
            let mut v = v.to_vec();
            v.sort_unstable();
            v[v.len() / 2] as f64
        };
        let base: Vec<f64> = base_samples.iter().map(|v| median(v)).collect();
        let mut rows = Vec::new();
        for (i, kind) in Kind::ALL.iter().enumerate() {
            let subtract = match kind.baseline() {
                None => 0.0,
                Some(b) => base[baselines.iter().position(|x| *x == b).unwrap_or(0)],
            };
            let ns: Vec<f64> = samples[i]
                .iter()
                .map(|c| (*c as f64 - subtract).max(0.0) * ns_per_cycle / f64::from(n))
                .collect();
            rows.push(Row::from_samples(*kind, ns));
        }
        Ok(rows)
    }
}

/// Formats rows as a Markdown table: the median, the interquartile range
/// and the extremes of the runs, and the median's ratio to the managed call.
pub fn table(rows: &[Row]) -> String {
    let base = managed_median(rows);
    let mut s = String::from(
        "| call | ns per call (median) | IQR | min - max | x managed call |\n|---|---:|---:|---:|---:|\n",
    );
    for r in rows {
        s.push_str(&format!(
            "| {} | {:.2} | {:.2} - {:.2} | {:.2} - {:.2} | {:.2} |\n",
            r.kind.label(),
            r.ns_per_call,
            r.q1,
            r.q3,
            r.min,
            r.max,
            r.ns_per_call / base
        ));
    }
    s
}

fn managed_median(rows: &[Row]) -> f64 {
    rows.iter()
        .find(|r| r.kind == Kind::Managed)
        .map_or(1.0, |r| r.ns_per_call.max(1e-9))
}

/// One row's fields as CSV and JSON name them (nanoseconds; `base` is the
/// managed call's median), each as its text and whether JSON quotes it.
fn fields(r: &Row, base: f64) -> [(&'static str, String, bool); 9] {
    let ns = |v: f64| format!("{v:.3}");
    [
        ("kind", r.kind.key().to_string(), true),
        ("label", r.kind.label().to_string(), true),
        ("median_ns", ns(r.ns_per_call), false),
        ("q1_ns", ns(r.q1), false),
        ("q3_ns", ns(r.q3), false),
        ("min_ns", ns(r.min), false),
        ("max_ns", ns(r.max), false),
        ("runs", r.runs.to_string(), false),
        ("x_managed", ns(r.ns_per_call / base), false),
    ]
}

/// The rows as CSV (a header line, then one line per row; nanoseconds).
pub fn csv(rows: &[Row]) -> String {
    let base = managed_median(rows);
    let mut s = String::from("kind,label,median_ns,q1_ns,q3_ns,min_ns,max_ns,runs,x_managed\n");
    for r in rows {
        let line: Vec<String> = fields(r, base)
            .into_iter()
            .map(|(name, text, _)| {
                if name == "label" {
                    format!("\"{text}\"")
                } else {
                    text
                }
            })
            .collect();
        s.push_str(&line.join(","));
        s.push('\n');
    }
    s
}

/// The rows as a JSON array of objects (nanoseconds).
pub fn json(rows: &[Row]) -> String {
    let base = managed_median(rows);
    let items: Vec<String> = rows
        .iter()
        .map(|r| {
            let members: Vec<String> = fields(r, base)
                .into_iter()
                .map(|(name, text, quoted)| {
                    if quoted {
                        format!("\"{name}\": \"{text}\"")
                    } else {
                        format!("\"{name}\": {text}")
                    }
                })
                .collect();
            format!("  {{{}}}", members.join(", "))
        })
        .collect();
    format!("[\n{}\n]\n", items.join(",\n"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_report_the_median_and_the_spread() {
        let r = Row::from_samples(Kind::PInvoke, vec![5.0, 1.0, 4.0, 2.0, 3.0]);
        assert_eq!(
            (r.min, r.q1, r.ns_per_call, r.q3, r.max),
            (1.0, 2.0, 3.0, 4.0, 5.0)
        );
        let rows = [Row::from_samples(Kind::Managed, vec![2.0]), r];
        let t = table(&rows);
        assert!(
            t.contains("| P/Invoke, blittable (abs) | 3.00 | 2.00 - 4.00 | 1.00 - 5.00 | 1.50 |"),
            "{t}"
        );
        let c = csv(&rows);
        assert!(
            c.lines().nth(2).unwrap().starts_with(
                "pinvoke,\"P/Invoke, blittable (abs)\",3.000,2.000,4.000,1.000,5.000,5,1.500"
            ),
            "{c}"
        );
        let j = json(&rows);
        assert!(
            j.contains("\"kind\": \"pinvoke\"") && j.contains("\"median_ns\": 3.000"),
            "{j}"
        );
    }
}
