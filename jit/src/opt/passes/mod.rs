//! The optimization passes, in the order they run. Each is measured on the
//! benchmark suite before it stays (docs/performance.md).
//!
//! * [`fold`]: constant folding and propagation, copy propagation,
//!   branches on constants;
//! * [`strength`]: multiplications, divisions and remainders by constants
//!   as shifts, masks and multiplications;
//! * [`licm`]: loop-invariant code motion into the loop's preheader;
//! * [`checks`]: null checks after a dominating check or of new objects,
//!   range checks of counted loops over an array;
//! * [`dce`]: dead-code elimination.
//!
//! Compare-and-branch fusion and the folding of address computations into
//! loads and stores happen in lowering (`opt/lower.rs`).

pub(crate) mod checks;
pub(crate) mod dce;
pub(crate) mod fold;
pub(crate) mod licm;
pub(crate) mod strength;

use super::ir::Func;
use super::OptError;

/// Runs the passes over `f`, calling `check` after each (the verifier).
pub(crate) fn run(
    f: &mut Func,
    check: &mut dyn FnMut(&Func, &str) -> Result<(), OptError>,
) -> Result<(), OptError> {
    for _ in 0..2 {
        let a = fold::run(f);
        check(f, "constant folding")?;
        let s = strength::run(f);
        check(f, "strength reduction")?;
        let m = licm::run(f);
        check(f, "loop-invariant code motion")?;
        let b = checks::run(f);
        check(f, "check elimination")?;
        let c = dce::run(f);
        check(f, "dead-code elimination")?;
        if !(a || s || m || b || c) {
            break;
        }
    }
    Ok(())
}
