//! The JIT's stages in order, with the checks debug builds run between
//! them ([`crate::checks`]; docs/jit.md, "Stage checks"):
//!
//! ```text
//! import (verification inside, where the host enables it)   check: imported
//!   ├─ baseline:   frame layout   check: frame
//!   │              emit           check: compiled
//!   └─ optimizing: build → passes → lower → regalloc → emit → gcmap
//!                  (opt::compile; the IR verifier after build and each
//!                  pass, check: vcode after lower, regalloc2's SSA
//!                  validation)    check: compiled
//! ```
//!
//! Release builds skip the checks (they cost a pass over each stage's
//! output); `cargo test -p osprey-jit` (a debug build) runs them.

use crate::checks::{self, StageCheckFailed};
use crate::error::JitError;
use crate::host::JitHost;
use crate::import::{self, Imported};
use crate::opt::{self, OptError};
use crate::{codegen, CompiledMethod, MethodInput};

/// Runs `check` in debug builds.
fn debug_check(check: impl FnOnce() -> Result<(), StageCheckFailed>) -> Result<(), JitError> {
    if cfg!(debug_assertions) {
        check().map_err(JitError::StageCheck)
    } else {
        Ok(())
    }
}

/// Stage 1: imports (and, where the host asks, verifies) `method`.
pub(crate) fn import(
    host: &mut dyn JitHost,
    method: &MethodInput<'_>,
) -> Result<Imported, JitError> {
    let imported = import::import(host, method)?;
    debug_check(|| checks::imported(&imported, method.args.len(), method.locals.len()))?;
    Ok(imported)
}

/// The baseline tier: frame layout, then code emission.
pub(crate) fn baseline(
    host: &mut dyn JitHost,
    method: &MethodInput<'_>,
    imported: &Imported,
    base: usize,
) -> Result<CompiledMethod, JitError> {
    let plan = codegen::lay_out_frame(host, method, imported)?;
    debug_check(|| checks::frame(&plan.frame))?;
    let compiled = codegen::emit(method, imported, plan, base)?;
    debug_check(|| checks::compiled(&compiled))?;
    Ok(compiled)
}

/// The optimizing tier ([`opt::compile`] runs its stages in order and
/// checks the IR and the machine code between them).
pub(crate) fn optimizing(
    host: &mut dyn JitHost,
    method: &MethodInput<'_>,
    imported: &Imported,
    base: usize,
) -> Result<CompiledMethod, OptError> {
    let compiled = opt::compile(host, method, imported, base)?;
    debug_check(|| checks::compiled(&compiled)).map_err(|e| OptError::Internal(e.to_string()))?;
    Ok(compiled)
}
