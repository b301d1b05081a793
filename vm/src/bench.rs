//! Transition benchmarks: what each kind of call between managed code and
//! the runtime costs, measured from JIT-compiled loops.
//!
//! The loops live in corelib (`Osprey.TransitionProbe.Loop*`): each makes `n`
//! calls of one kind. A run times a loop with the kernel's cycle counter;
//! the result is the median of several runs, minus the median of an empty
//! loop of the same shape, divided by `n`. The Rust → managed row times `n`
//! calls of `ManagedNop` through the call-site API.
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
    /// A QCall: inline transition frame, preemptive mode during the call.
    QCall,
    /// A QCall with `[SuppressGCTransition]`.
    QCallSuppressed,
    /// Rust calling a managed method through the call-site API.
    RustToManaged,
}

impl Kind {
    /// Every kind, in table order.
    pub const ALL: [Kind; 6] = [
        Kind::Managed,
        Kind::FCall,
        Kind::FCallHelperFrame,
        Kind::QCall,
        Kind::QCallSuppressed,
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
            Kind::RustToManaged => "Rust -> managed (call-site API)",
        }
    }

    fn loop_method(self) -> Option<BoundMethod> {
        Some(match self {
            Kind::Managed => BoundMethod::TransitionProbeLoopManaged,
            Kind::FCall => BoundMethod::TransitionProbeLoopFCall,
            Kind::FCallHelperFrame => BoundMethod::TransitionProbeLoopFCallHelperFrame,
            Kind::QCall => BoundMethod::TransitionProbeLoopQCall,
            Kind::QCallSuppressed => BoundMethod::TransitionProbeLoopQCallSuppressed,
            Kind::RustToManaged => return None,
        })
    }
}

/// A measurement.
#[derive(Copy, Clone, Debug)]
pub struct Row {
    /// What was measured.
    pub kind: Kind,
    /// Nanoseconds per call (empty-loop cost subtracted for managed loops).
    pub ns_per_call: f64,
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

    /// Cycles taken by `f`.
    fn cycles(
        &mut self,
        f: impl FnOnce(&mut Probe) -> Result<(), RuntimeError>,
    ) -> Result<u64, RuntimeError> {
        let start = self.os.cycle_count();
        f(self)?;
        Ok(self.os.cycle_count().saturating_sub(start))
    }

    /// Measures every kind: `runs` runs of `n` calls each.
    pub fn measure(&mut self, n: i32, runs: usize) -> Result<Vec<Row>, RuntimeError> {
        let ns_per_cycle = 1e9 / self.os.cycles_per_second() as f64;
        let median = |mut v: Vec<u64>| {
            v.sort_unstable();
            v[v.len() / 2] as f64
        };
        let mut empty = Vec::new();
        for _ in 0..runs {
            empty.push(self.cycles(|p| p.run_empty(n))?);
        }
        let empty = median(empty);
        let mut rows = Vec::new();
        for kind in Kind::ALL {
            let mut samples = Vec::new();
            for _ in 0..runs {
                samples.push(self.cycles(|p| p.run(kind, n))?);
            }
            let cycles = median(samples);
            // The Rust loop has no managed loop around it to subtract.
            let net = if kind == Kind::RustToManaged {
                cycles
            } else {
                (cycles - empty).max(0.0)
            };
            rows.push(Row {
                kind,
                ns_per_call: net * ns_per_cycle / f64::from(n),
            });
        }
        Ok(rows)
    }
}

/// Formats rows as a Markdown table with ratios to the managed call.
pub fn table(rows: &[Row]) -> String {
    let base = rows
        .iter()
        .find(|r| r.kind == Kind::Managed)
        .map_or(1.0, |r| r.ns_per_call.max(1e-9));
    let mut s = String::from("| call | ns per call | x managed call |\n|---|---:|---:|\n");
    for r in rows {
        s.push_str(&format!(
            "| {} | {:.2} | {:.2} |\n",
            r.kind.label(),
            r.ns_per_call,
            r.ns_per_call / base
        ));
    }
    s
}
