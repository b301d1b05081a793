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
    /// The same four counters for the methods the optimizing tier compiled.
    optimized: [AtomicU64; 4],
}

impl JitStats {
    /// Records one compiled method, and whether the optimizing tier
    /// compiled it.
    pub(crate) fn record_tier(
        &self,
        shared: bool,
        optimized: bool,
        il: usize,
        code: usize,
        nanos: u64,
    ) {
        if optimized {
            for (c, v) in self
                .optimized
                .iter()
                .zip([1, il as u64, code as u64, nanos])
            {
                c.fetch_add(v, Ordering::Relaxed);
            }
        }
        self.methods.fetch_add(1, Ordering::Relaxed);
        if shared {
            self.shared_methods.fetch_add(1, Ordering::Relaxed);
        }
        self.il_bytes.fetch_add(il as u64, Ordering::Relaxed);
        self.code_bytes.fetch_add(code as u64, Ordering::Relaxed);
        self.nanos.fetch_add(nanos, Ordering::Relaxed);
    }

    /// Two lines: `jit: N methods (S shared), I IL bytes, C code bytes, T
    /// µs` for every compilation, and `jit optimizing: N methods, I IL
    /// bytes, C code bytes, T µs` for the optimizing tier's.
    pub(crate) fn summary(&self) -> String {
        let l = |c: &AtomicU64| c.load(Ordering::Relaxed);
        let o = &self.optimized;
        format!(
            "jit: {} methods ({} shared), {} IL bytes, {} code bytes, {} us\n\
             jit optimizing: {} methods, {} IL bytes, {} code bytes, {} us\n",
            l(&self.methods),
            l(&self.shared_methods),
            l(&self.il_bytes),
            l(&self.code_bytes),
            l(&self.nanos) / 1000,
            l(&o[0]),
            l(&o[1]),
            l(&o[2]),
            l(&o[3]) / 1000
        )
    }
}
