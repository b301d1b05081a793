//! Which tier compiles a method, and when a method moves up (docs/jit.md,
//! "Tiers").
//!
//! * `OSPREY_JIT=baseline`: the baseline tier only.
//! * `OSPREY_JIT=optimizing`, or `OSPREY_TIERED=0`: every method is
//!   compiled by the optimizing tier on its first call (what it declines,
//!   by the baseline).
//! * otherwise (tiered): a method starts in the baseline tier with a call
//!   counter; after `OSPREY_TIER_CALLS` calls (30) it is compiled again by
//!   the optimizing tier, on the tier-up thread (runtime/tier_worker.rs;
//!   `OSPREY_TIER_BACKGROUND=0`: on the calling thread), and its precode
//!   redirected there.

use osprey_kernel::client::Os;

/// How methods are compiled.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Default)]
pub enum JitMode {
    /// Baseline first, optimizing once hot.
    #[default]
    Tiered,
    /// The baseline tier only.
    Baseline,
    /// The optimizing tier for every method.
    Optimizing,
}

/// The JIT's configuration of a runtime instance.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct JitOptions {
    /// The tiering policy.
    pub mode: JitMode,
    /// Calls after which a baseline method is optimized (tiered mode).
    pub tier_calls: u32,
    /// Tiered methods are optimized on the tier-up thread while their
    /// baseline code goes on running (`OSPREY_TIER_BACKGROUND`, default on);
    /// off, on the thread whose call reached the count.
    pub background: bool,
}

impl Default for JitOptions {
    fn default() -> Self {
        JitOptions {
            mode: JitMode::Tiered,
            tier_calls: 30,
            background: true,
        }
    }
}

pub use crate::error::JitOptionError;

impl JitOptions {
    /// Applies `OSPREY_JIT`, `OSPREY_TIERED`, `OSPREY_TIER_CALLS` and
    /// `OSPREY_TIER_BACKGROUND`.
    pub fn apply_env(&mut self, os: &Os) -> Result<(), JitOptionError> {
        let var = |name: &str| os.environment_variable(name).ok().flatten();
        if let Some(v) = var("OSPREY_TIERED") {
            match v.trim() {
                "0" => self.mode = JitMode::Optimizing,
                "1" => self.mode = JitMode::Tiered,
                _ => {
                    return Err(JitOptionError {
                        name: "OSPREY_TIERED",
                        value: v,
                    })
                }
            }
        }
        if let Some(v) = var("OSPREY_JIT") {
            self.mode = match v.trim() {
                "baseline" => JitMode::Baseline,
                "optimizing" => JitMode::Optimizing,
                "tiered" => JitMode::Tiered,
                _ => {
                    return Err(JitOptionError {
                        name: "OSPREY_JIT",
                        value: v,
                    })
                }
            };
        }
        if let Some(v) = var("OSPREY_TIER_CALLS") {
            self.tier_calls = match v.trim().parse::<u32>() {
                Ok(n) if n > 0 => n,
                _ => {
                    return Err(JitOptionError {
                        name: "OSPREY_TIER_CALLS",
                        value: v,
                    })
                }
            };
        }
        if let Some(v) = var("OSPREY_TIER_BACKGROUND") {
            self.background = match v.trim() {
                "0" => false,
                "1" => true,
                _ => {
                    return Err(JitOptionError {
                        name: "OSPREY_TIER_BACKGROUND",
                        value: v,
                    })
                }
            };
        }
        Ok(())
    }
}

/// The tiering state of a runtime instance.
#[derive(Debug, Default)]
pub struct Tiers {
    /// Methods running their baseline code with a call counter, and that
    /// code's address (their descriptors show no code meanwhile, so that
    /// callers go through the precode, which tiering redirects).
    tier0: std::sync::Mutex<std::collections::HashMap<usize, usize>>,
    /// Each counting method's call counter cell (what `--jit-dump` names).
    counters: std::sync::Mutex<std::collections::HashMap<usize, usize>>,
    /// `OSPREY_JIT_BISECT=N` (or `M-N`): only the methods the optimizing
    /// tier is asked for as the first N (the M-th to the N-th, from 0) get
    /// it: a debugging aid, to bisect a miscompilation.
    bisect: Option<(u32, u32)>,
    asked: std::sync::atomic::AtomicU32,
}

impl Tiers {
    /// The state for a runtime in process `os`.
    pub fn new(os: &Os) -> Tiers {
        let bisect = os
            .environment_variable("OSPREY_JIT_BISECT")
            .ok()
            .flatten()
            .and_then(|v| match v.trim().split_once('-') {
                Some((a, b)) => Some((a.parse().ok()?, b.parse().ok()?)),
                None => Some((0, v.trim().parse().ok()?)),
            });
        Tiers {
            bisect,
            asked: Default::default(),
            tier0: Default::default(),
            counters: Default::default(),
        }
    }

    /// A new call counter of method `m` set to `calls` (a cell near the
    /// code).
    pub fn new_counter(
        &self,
        code: &crate::codeheap::CodeHeap,
        m: crate::loader::MethodHandle,
        calls: u32,
    ) -> Result<usize, crate::codeheap::CodeHeapError> {
        let cell = code.alloc_data_cell()?;
        // SAFETY: a fresh, zeroed 32-byte cell nothing else uses yet.
        unsafe { (cell as *mut u32).write_volatile(calls) };
        self.counters
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .insert(m.as_ptr() as usize, cell);
        Ok(cell)
    }

    /// The call counter cell of method `m`, if its baseline code counts.
    pub fn counter(&self, m: crate::loader::MethodHandle) -> Option<usize> {
        self.counters
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .get(&(m.as_ptr() as usize))
            .copied()
    }

    fn map(&self) -> std::sync::MutexGuard<'_, std::collections::HashMap<usize, usize>> {
        self.tier0.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// The baseline code of a method waiting to be tiered up.
    pub fn baseline_code(&self, m: crate::loader::MethodHandle) -> Option<usize> {
        self.map().get(&(m.as_ptr() as usize)).copied()
    }

    /// Records the baseline code of a method that counts its calls.
    pub fn set_baseline_code(&self, m: crate::loader::MethodHandle, code: usize) {
        self.map().insert(m.as_ptr() as usize, code);
    }

    /// The method has its final code.
    pub fn promoted(&self, m: crate::loader::MethodHandle) {
        self.map().remove(&(m.as_ptr() as usize));
    }

    /// Whether the next method may be optimized (see `bisect`).
    pub fn bisect_allows(&self) -> bool {
        match self.bisect {
            None => true,
            Some((m, n)) => {
                let k = self
                    .asked
                    .fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                m <= k && k < n
            }
        }
    }
}
