//! What the JIT compiled in one runtime: methods, IL and code bytes, time
//! spent, and how much of it was shared generic code. Printed to stderr at
//! exit with `OSPREY_JIT_STATS=1` (docs/generics.md measures sharing with
//! it).

use std::sync::atomic::{AtomicU64, Ordering};

/// Counters, updated as methods are compiled.
#[derive(Default)]
pub(crate) struct JitStats {
    methods: AtomicU64,
    shared_methods: AtomicU64,
    il_bytes: AtomicU64,
    code_bytes: AtomicU64,
    nanos: AtomicU64,
}

impl JitStats {
    /// Records one compiled method.
    pub(crate) fn record(&self, shared: bool, il: usize, code: usize, nanos: u64) {
        self.methods.fetch_add(1, Ordering::Relaxed);
        if shared {
            self.shared_methods.fetch_add(1, Ordering::Relaxed);
        }
        self.il_bytes.fetch_add(il as u64, Ordering::Relaxed);
        self.code_bytes.fetch_add(code as u64, Ordering::Relaxed);
        self.nanos.fetch_add(nanos, Ordering::Relaxed);
    }

    /// One line: `jit: N methods (S shared), I IL bytes, C code bytes, T µs`.
    pub(crate) fn summary(&self) -> String {
        let l = |c: &AtomicU64| c.load(Ordering::Relaxed);
        format!(
            "jit: {} methods ({} shared), {} IL bytes, {} code bytes, {} us\n",
            l(&self.methods),
            l(&self.shared_methods),
            l(&self.il_bytes),
            l(&self.code_bytes),
            l(&self.nanos) / 1000
        )
    }
}
