//! What the JIT compiled in one runtime: methods, IL and code bytes, time
//! spent, how much of it was shared generic code, and why the optimizing
//! tier declined the methods it left to the baseline. Printed to stderr at
//! exit with `OSPREY_JIT_STATS=1` or `OSPREY_JIT_LOG=1` (docs/generics.md
//! measures sharing with it; docs/jit.md, "Tiers", the declines).

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
    /// Methods the optimizing tier was asked for and declined, by reason
    /// (`declined: ...` or `internal error`, see `osprey_jit::OptError`).
    declined: std::sync::Mutex<std::collections::HashMap<DeclineKey, u64>>,
}

/// What the declines are counted by.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
enum DeclineKey {
    /// The tier does not handle a form (`OptError::Declined`).
    Reason(osprey_jit::DeclineReason),
    /// The tier failed internally (a bug; the baseline compiled it).
    Internal,
    /// No tier can compile the method.
    NotCompilable,
}

impl std::fmt::Display for DeclineKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            DeclineKey::Reason(r) => write!(f, "{r}"),
            DeclineKey::Internal => f.write_str("internal error"),
            DeclineKey::NotCompilable => f.write_str("not compilable"),
        }
    }
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

    /// Records that the optimizing tier declined a method (`why`).
    pub(crate) fn record_decline(&self, why: &osprey_jit::OptError) {
        let reason = match why {
            osprey_jit::OptError::Declined(r) => DeclineKey::Reason(r.clone()),
            osprey_jit::OptError::Internal(_) => DeclineKey::Internal,
            osprey_jit::OptError::Jit(_) => DeclineKey::NotCompilable,
        };
        let mut d = self.declined.lock().unwrap_or_else(|p| p.into_inner());
        *d.entry(reason).or_insert(0) += 1;
    }

    /// Three lines: `jit: N methods (S shared), I IL bytes, C code bytes, T
    /// µs` for every compilation, `jit optimizing: N methods, I IL bytes, C
    /// code bytes, T µs` for the optimizing tier's, and `jit declined: N
    /// methods (reason: count, ...)`, the most frequent reasons first.
    pub(crate) fn summary(&self) -> String {
        let l = |c: &AtomicU64| c.load(Ordering::Relaxed);
        let o = &self.optimized;
        let mut declined: Vec<(String, u64)> = self
            .declined
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .iter()
            .map(|(r, n)| (r.to_string(), *n))
            .collect();
        declined.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        let total: u64 = declined.iter().map(|d| d.1).sum();
        let reasons: Vec<String> = declined.iter().map(|(r, n)| format!("{r}: {n}")).collect();
        format!(
            "jit: {} methods ({} shared), {} IL bytes, {} code bytes, {} us\n\
             jit optimizing: {} methods, {} IL bytes, {} code bytes, {} us\n\
             jit declined: {total} methods ({})\n",
            l(&self.methods),
            l(&self.shared_methods),
            l(&self.il_bytes),
            l(&self.code_bytes),
            l(&self.nanos) / 1000,
            l(&o[0]),
            l(&o[1]),
            l(&o[2]),
            l(&o[3]) / 1000,
            reasons.join(", ")
        )
    }
}
