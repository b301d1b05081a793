//! What the IL verifier costs in JIT time: `osprey bench verify FILE`
//! (docs/verification.md has a measured table).
//!
//! Every IL method of the program's assembly and of corelib is compiled
//! (not published) twice per run: with the verifier off, as for trusted
//! code, and with it on at [`VerifyLevel::AllButUnsafeCode`] (the level
//! that checks the most rules without rejecting unsafe code; the type
//! tracking, which is the cost, is the same at every level). Methods that
//! do not compile either way are left out. Each run alternates the two
//! modes over the whole set; the report gives the medians over the runs.

use std::time::{Duration, Instant};

use osprey_jit::verify::VerifyLevel;

use super::compile::method_input;
use super::jitiface::JitContext;
use super::{Runtime, RuntimeError};
use crate::loader::{AssemblyId, MethodHandle, MethodKind, TypeDefId};

/// The measured cost of verification over one set of methods.
#[derive(Clone, Debug)]
pub struct VerifyCost {
    /// Methods compiled in both modes.
    pub methods: usize,
    /// Their IL, in bytes.
    pub il_bytes: usize,
    /// Median time to compile them all without the verifier.
    pub unverified: Duration,
    /// Median time to compile them all with it.
    pub verified: Duration,
    /// Spread: the fastest and slowest runs without and with the verifier.
    pub unverified_range: (Duration, Duration),
    /// As above, with the verifier.
    pub verified_range: (Duration, Duration),
    /// Runs measured.
    pub runs: usize,
    /// Methods that compile without the verifier but not with it (the
    /// verifier's false positives, or unverifiable code past the unsafe
    /// code rules): name and error.
    pub rejected: Vec<(String, String)>,
}

impl VerifyCost {
    /// The report `osprey bench verify` prints.
    pub fn table(&self) -> String {
        let us = |d: Duration| d.as_secs_f64() * 1e6;
        let per = |d: Duration| us(d) / self.methods.max(1) as f64;
        let overhead = (us(self.verified) / us(self.unverified).max(1e-9) - 1.0) * 100.0;
        format!(
            "JIT time of {} methods ({} bytes of IL), median of {} runs (min..max):\n\n\
             | | total | per method |\n| --- | --- | --- |\n\
             | verifier off | {:.1} ms ({:.1}..{:.1}) | {:.1} us |\n\
             | verifier on | {:.1} ms ({:.1}..{:.1}) | {:.1} us |\n\
             | cost of verification | {:+.1}% | {:+.1} us |\n",
            self.methods,
            self.il_bytes,
            self.runs,
            us(self.unverified) / 1e3,
            us(self.unverified_range.0) / 1e3,
            us(self.unverified_range.1) / 1e3,
            per(self.unverified),
            us(self.verified) / 1e3,
            us(self.verified_range.0) / 1e3,
            us(self.verified_range.1) / 1e3,
            per(self.verified),
            overhead,
            per(self.verified) - per(self.unverified),
        ) + &self.rejected_report()
    }

    fn rejected_report(&self) -> String {
        if self.rejected.is_empty() {
            return "\nEvery method that compiles also verifies.\n".into();
        }
        let mut s = format!(
            "\n{} methods compile but do not verify:\n",
            self.rejected.len()
        );
        for (m, e) in &self.rejected {
            s += &format!("  {m}: {e}\n");
        }
        s
    }
}

fn median(mut v: Vec<Duration>) -> (Duration, (Duration, Duration)) {
    v.sort();
    (v[v.len() / 2], (v[0], v[v.len() - 1]))
}

impl Runtime {
    /// Measures the verifier over the IL methods of `assembly` and corelib
    /// (see the module documentation).
    pub fn bench_verification(
        &self,
        assembly: AssemblyId,
        runs: usize,
    ) -> Result<VerifyCost, RuntimeError> {
        let mut loader = self.loader();
        // Load every type that loads (generic definitions do not yet).
        let mut methods: Vec<MethodHandle> = Vec::new();
        for asm in [AssemblyId::CORELIB, assembly] {
            let count = loader
                .assembly(asm)
                .image()
                .row_count(osprey_metadata::TableId::TypeDef);
            for rid in 1..=count {
                if let Ok(t) = loader.load_type_def(TypeDefId { assembly: asm, rid }) {
                    methods.extend(t.methods.iter().filter(|m| m.kind == MethodKind::Il));
                }
            }
        }
        let base = self.code.method_base();
        let compile = |loader: &mut crate::loader::Loader, m: MethodHandle, level| {
            let data = method_input(loader, m, None)?;
            let input = data.input();
            let mut ctx = JitContext {
                rt: self,
                loader,
                method: m,
                ctx: m.generic_context(),
                shared: None,
                verify_level: Some(level),
            };
            let start = Instant::now();
            let result = osprey_jit::compile(&mut ctx, &input, base);
            let t = start.elapsed();
            result
                .map(|_| (t, input.il.len()))
                .map_err(|error| RuntimeError::Compile {
                    method: m.full_name(),
                    error,
                })
        };
        // The methods that compile both ways (warming the loader's caches).
        let mut set = Vec::new();
        let mut il_bytes = 0;
        let mut rejected = Vec::new();
        for &m in &methods {
            let Ok((_, len)) = compile(&mut loader, m, VerifyLevel::Trusted) else {
                continue;
            };
            match compile(&mut loader, m, VerifyLevel::AllButUnsafeCode) {
                Ok(_) => {
                    set.push(m);
                    il_bytes += len;
                }
                Err(e) => rejected.push((m.full_name(), e.to_string())),
            }
        }
        let (mut offs, mut ons) = (Vec::new(), Vec::new());
        for _ in 0..runs.max(1) {
            for (level, times) in [
                (VerifyLevel::Trusted, &mut offs),
                (VerifyLevel::AllButUnsafeCode, &mut ons),
            ] {
                let mut total = Duration::ZERO;
                for &m in &set {
                    total += compile(&mut loader, m, level).map_or(Duration::ZERO, |(t, _)| t);
                }
                times.push(total);
            }
        }
        let (unverified, unverified_range) = median(offs);
        let (verified, verified_range) = median(ons);
        Ok(VerifyCost {
            methods: set.len(),
            il_bytes,
            unverified,
            verified,
            unverified_range,
            verified_range,
            runs: runs.max(1),
            rejected,
        })
    }
}
