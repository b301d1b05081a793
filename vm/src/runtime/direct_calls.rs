//! Direct calls from optimized code (docs/jit.md, "Direct calls").
//!
//! The JIT resolves a call to a compiled method to its code; a call to a
//! method without final code yet (not compiled, or running its counting
//! baseline code) targets the callee's precode. The optimizing tier records
//! each such `call rel32` ([`osprey_jit::CallSite`], its displacement
//! within one cache line). [`DirectCalls`] keeps, per precode, the code it currently
//! leads to and the optimized call sites aimed at it, and retargets them
//! whenever the precode is: so once a callee has code (of either tier) an
//! optimized caller reaches it with one `call rel32`, and when the callee
//! tiers up its optimized callers move to the new code with its precode.
//!
//! Retargeting is one 4-byte atomic store per site (x86 makes a store
//! that does not cross a cache line atomic): a thread
//! running the site at that moment calls either the old target (the
//! precode, or baseline code whose frames finish normally) or the new one.
//! The return address does not change, so the caller's safepoint and GC
//! map stay where they were.

use std::collections::HashMap;
use std::sync::Mutex;

/// What one precode leads to, and who calls it directly.
#[derive(Debug, Default)]
struct Target {
    /// The code the precode currently jumps to (0 while it leads to the
    /// prestub).
    code: usize,
    /// Absolute addresses of the rel32 displacements of optimized call
    /// sites that call this method.
    sites: Vec<usize>,
}

/// The direct call sites of optimized code, by callee precode.
#[derive(Debug, Default)]
pub(crate) struct DirectCalls {
    by_precode: Mutex<HashMap<usize, Target>>,
}

impl DirectCalls {
    fn map(&self) -> std::sync::MutexGuard<'_, HashMap<usize, Target>> {
        self.by_precode.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// The precode `precode` now jumps to `code`: every call site recorded
    /// for it calls `code` directly from now on.
    pub(crate) fn retarget(&self, precode: usize, code: usize) {
        let mut map = self.map();
        let t = map.entry(precode).or_default();
        t.code = code;
        for &site in &t.sites {
            patch(site, code);
        }
    }

    /// Records the call sites of optimized code just published at `start`
    /// whose target is one of `is_precode`'s precodes, and points each at
    /// the code its precode already leads to, if any.
    pub(crate) fn record(
        &self,
        start: usize,
        sites: &[osprey_jit::CallSite],
        is_precode: impl Fn(usize) -> bool,
    ) {
        if sites.is_empty() {
            return;
        }
        let mut map = self.map();
        for s in sites {
            if !is_precode(s.target) {
                continue; // already the callee's final code
            }
            let site = start + s.offset as usize;
            let t = map.entry(s.target).or_default();
            t.sites.push(site);
            if t.code != 0 {
                patch(site, t.code);
            }
        }
    }
}

/// Points the `call rel32` whose displacement is at `site` at `target`.
fn patch(site: usize, target: usize) {
    let rel = target as i64 - (site as i64 + 4);
    let Ok(rel) = i32::try_from(rel) else {
        return; // out of reach (the code heap is smaller than 2 GiB): stays as it is
    };
    debug_assert!(
        site % 64 <= 60,
        "a direct call's displacement is in one line"
    );
    // SAFETY: `site` is the displacement of a `call rel32` in published
    // code (the JIT recorded it; code is never freed), inside one cache
    // line, and the code heap is writable. The store is one `mov dword`
    // (written in assembly so that the compiler cannot split it), which
    // x86 performs atomically within a cache line: a thread executing the
    // call sees the old or the new displacement, both valid targets of the
    // same method.
    unsafe {
        std::arch::asm!(
            "mov dword ptr [{site}], {rel:e}",
            site = in(reg) site,
            rel = in(reg) rel as u32,
            options(nostack, preserves_flags),
        )
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A `call rel32` in a buffer standing for published code, its
    /// displacement inside one cache line as the JIT emits it.
    fn code_with_call() -> (Box<[u32; 4]>, usize) {
        let code = Box::new([0u32; 4]);
        let site = code.as_ptr() as usize + 4; // the displacement
        (code, site)
    }

    fn target_of(site: usize) -> usize {
        // SAFETY: `site` points into the live test buffer.
        let rel = unsafe { *(site as *const i32) };
        (site as i64 + 4 + rel as i64) as usize
    }

    #[test]
    fn a_site_follows_its_precode() {
        let calls = DirectCalls::default();
        let (code, site) = code_with_call();
        let precode = site + 0x1000;
        let start = code.as_ptr() as usize;
        let sites = [osprey_jit::CallSite {
            offset: 4,
            target: precode,
        }];
        // Not compiled yet: the site keeps calling the precode.
        calls.record(start, &sites, |t| t == precode);
        assert_eq!(code[1], 0);
        // Compiled (baseline, counting): the site calls that code.
        calls.retarget(precode, site + 0x2000);
        assert_eq!(target_of(site), site + 0x2000);
        // Tiered up: the site moves to the optimized code.
        calls.retarget(precode, site + 0x3000);
        assert_eq!(target_of(site), site + 0x3000);
        // A site recorded later starts at the current code.
        let (later, later_site) = code_with_call();
        calls.record(later.as_ptr() as usize, &sites, |t| t == precode);
        assert_eq!(target_of(later_site), site + 0x3000);
    }

    #[test]
    fn calls_of_final_code_are_left_alone() {
        let calls = DirectCalls::default();
        let (code, site) = code_with_call();
        let sites = [osprey_jit::CallSite {
            offset: 4,
            target: site + 0x1000,
        }];
        calls.record(code.as_ptr() as usize, &sites, |_| false);
        calls.retarget(site + 0x1000, site + 0x2000);
        assert_eq!(code[1], 0);
    }
}
