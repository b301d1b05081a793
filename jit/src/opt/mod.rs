//! The optimizing tier: IL (as the importer typed it) → SSA IR →
//! optimizations → x86-64 with registers allocated by regalloc2.
//!
//! ```text
//! Imported (jit/src/import/)
//!   │ build     SSA values, blocks with parameters       opt/build.rs
//!   │ passes    folding, DCE, ...                       opt/passes/
//!   │ lower     x86-64 over virtual registers (VCode)   opt/lower.rs, opt/vcode.rs
//!   │ regalloc  regalloc2 (Ion)                         (crate regalloc2)
//!   │ emit      machine code, code map                  opt/emit.rs
//!   │ gcmap     per-safepoint GC maps                   opt/gcmap.rs
//!   ▼
//! CompiledMethod (tracked GC info)
//! ```
//!
//! Between stages, debug builds run the IR verifier ([`verify`]). What the
//! tier cannot compile yet it *declines* ([`OptError::Declined`]): the
//! method is then compiled by the baseline tier, unchanged.

mod build;
pub(crate) mod cfg;
mod decline;
// dynasm expands register operands such as `Rq(r)` to `r.into()`, which
// clippy reports for every `u8` register variable.
#[allow(clippy::useless_conversion)]
mod emit;
mod gcmap;
pub(crate) mod ir;
mod lower;
pub(crate) mod passes;
mod vcode;
pub(crate) mod verify;

use std::collections::HashMap;

use crate::error::JitError;
use crate::gcinfo::{GcInfo, GcSafepoint};
use crate::host::JitHost;
use crate::import::Imported;
use crate::{CompiledMethod, MethodInput};

pub use decline::DeclineReason;

/// Why the optimizing tier did not compile a method.
#[derive(Clone, Debug, PartialEq)]
pub enum OptError {
    /// The method uses something this tier does not handle (yet); the
    /// baseline tier compiles it.
    Declined(DeclineReason),
    /// An internal inconsistency (a bug); the baseline tier compiles it.
    Internal(String),
    /// The method cannot be compiled by any tier.
    Jit(JitError),
}

impl std::fmt::Display for OptError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            OptError::Declined(why) => write!(f, "declined: {why}"),
            OptError::Internal(why) => write!(f, "internal error: {why}"),
            OptError::Jit(e) => write!(f, "{e}"),
        }
    }
}

/// Checks the IR after `stage` (debug builds).
fn check(f: &ir::Func, stage: &str) -> Result<(), OptError> {
    if cfg!(debug_assertions) {
        verify::verify(f).map_err(|e| {
            OptError::Internal(format!(
                "the IR after {stage} is invalid: {e}\n{}",
                f.display()
            ))
        })?;
    }
    Ok(())
}

/// Builds and optimizes the IR of a method (what `--jit-dump` and the
/// golden tests show).
pub(crate) fn optimized_ir(
    host: &mut dyn JitHost,
    method: &MethodInput<'_>,
    imported: &Imported,
) -> Result<ir::Func, OptError> {
    let rt = host.runtime_layout();
    let mut f = build::build(host, method, imported, &rt)?;
    check(&f, "build")?;
    passes::run(&mut f, &mut |f, name| check(f, name))?;
    Ok(f)
}

/// Compiles an imported method with the optimizing tier.
pub(crate) fn compile(
    host: &mut dyn JitHost,
    method: &MethodInput<'_>,
    imported: &Imported,
    base: usize,
) -> Result<CompiledMethod, OptError> {
    let rt = host.runtime_layout();
    let f = optimized_ir(host, method, imported)?;
    let v = lower::lower(&f, host, &rt)?;
    if cfg!(debug_assertions) {
        crate::checks::vcode(&v).map_err(|e| OptError::Internal(e.to_string()))?;
    }
    let options = regalloc2::RegallocOptions {
        verbose_log: false,
        validate_ssa: cfg!(debug_assertions),
        algorithm: regalloc2::Algorithm::Ion,
    };
    let out = regalloc2::run(&v, &vcode::machine_env(), &options)
        .map_err(|e| OptError::Internal(format!("register allocation: {e:?}")))?;
    let mut statements: HashMap<u32, u32> = HashMap::new();
    let mut stmt = 0;
    for i in &imported.instrs {
        if i.depth == 0 {
            stmt = i.il_offset;
        }
        statements.insert(i.il_offset, stmt);
    }
    let statement_of = |il: u32| statements.get(&il).copied().unwrap_or(il);
    let e = emit::emit(&v, &out, host, &rt, base, method.args.len(), &statement_of)?;
    let spill_base = e.spill_base;
    let maps = gcmap::compute(&v, &out, &|slot| spill_base - 8 * (slot as i32 + 1))?;
    let mut safepoints: Vec<GcSafepoint> = e
        .safepoints
        .iter()
        .map(|&(offset, inst)| GcSafepoint {
            offset,
            live: inst.map(|i| maps[i].clone()).unwrap_or_default(),
        })
        .collect();
    safepoints.sort_by_key(|s| s.offset);
    Ok(CompiledMethod {
        code: e.code,
        gc_info: GcInfo {
            frame_size: e.frame_size,
            slots: e.frame_slots,
            tracked: true,
            safepoints,
            saved_regs: e.saved_regs,
        },
        code_map: e.code_map,
        eh: Vec::new(),
        sp_slot: None,
        stack_arg_bytes: e.stack_arg_bytes,
        call_sites: e.call_sites,
    })
}
