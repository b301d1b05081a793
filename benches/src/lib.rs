//! osprey-benches: Osprey's criterion benchmarks.
//!
//! * `benches/transitions.rs`: what each kind of call between managed code
//!   and the runtime costs, timed from JIT-compiled loops
//!   (`cargo bench -p osprey-benches --bench transitions`; the same measurement without
//!   criterion is `osprey bench transitions`). The measurement code is
//!   `osprey_vm::bench`; docs/transitions.md holds a measured table.
