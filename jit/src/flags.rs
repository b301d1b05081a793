//! x86 condition codes for the CIL comparisons, shared by both tiers'
//! code generators (`codegen/numeric.rs`, `opt/emit.rs`).

use crate::ops::Cond;

/// An x86 condition to test after a comparison.
#[derive(Copy, Clone, Debug)]
pub(crate) enum FlagCond {
    E,
    Ne,
    L,
    Le,
    G,
    Ge,
    B,
    Be,
    A,
    Ae,
    /// Floats: equal and ordered (ZF=1, PF=0).
    OrderedEq,
    /// Floats: not equal or unordered (ZF=0 or PF=1).
    UnorderedNe,
}

pub(crate) fn int_cond(c: Cond) -> FlagCond {
    match c {
        Cond::Eq => FlagCond::E,
        Cond::NeUn => FlagCond::Ne,
        Cond::Ge => FlagCond::Ge,
        Cond::GeUn => FlagCond::Ae,
        Cond::Gt => FlagCond::G,
        Cond::GtUn => FlagCond::A,
        Cond::Le => FlagCond::Le,
        Cond::LeUn => FlagCond::Be,
        Cond::Lt => FlagCond::L,
        Cond::LtUn => FlagCond::B,
    }
}

/// The float comparison for a CIL condition: (swap operands?, flags to test)
/// after `ucomisd x, y`. `ucomisd` sets CF=ZF=PF=1 for unordered operands, so
/// "above" tests are false on NaN and "below" tests true: ordered conditions
/// are written as `above` tests, unordered (`.un`) ones as `below` tests.
pub(crate) fn float_cond(c: Cond) -> (bool, FlagCond) {
    match c {
        Cond::Eq => (false, FlagCond::OrderedEq),
        Cond::NeUn => (false, FlagCond::UnorderedNe),
        Cond::Gt => (false, FlagCond::A),  // a > b
        Cond::Ge => (false, FlagCond::Ae), // a >= b
        Cond::Lt => (true, FlagCond::A),   // b > a
        Cond::Le => (true, FlagCond::Ae),  // b >= a
        Cond::GtUn => (true, FlagCond::B), // b < a or unordered
        Cond::GeUn => (true, FlagCond::Be),
        Cond::LtUn => (false, FlagCond::B), // a < b or unordered
        Cond::LeUn => (false, FlagCond::Be),
    }
}

impl FlagCond {
    /// The opposite condition.
    pub(crate) fn invert(self) -> Option<FlagCond> {
        Some(match self {
            FlagCond::E => FlagCond::Ne,
            FlagCond::Ne => FlagCond::E,
            FlagCond::L => FlagCond::Ge,
            FlagCond::Ge => FlagCond::L,
            FlagCond::Le => FlagCond::G,
            FlagCond::G => FlagCond::Le,
            FlagCond::B => FlagCond::Ae,
            FlagCond::Ae => FlagCond::B,
            FlagCond::Be => FlagCond::A,
            FlagCond::A => FlagCond::Be,
            FlagCond::OrderedEq => FlagCond::UnorderedNe,
            FlagCond::UnorderedNe => FlagCond::OrderedEq,
        })
    }
}
