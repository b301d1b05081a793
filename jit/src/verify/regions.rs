//! The structure of exception regions (ECMA-335 I.12.4.2.8, II.19): where
//! control may enter and leave protected blocks, handlers and filters.
//!
//! * A protected block is entered only at its first instruction; a handler
//!   or filter only by the exception mechanism.
//! * A branch (or falling through) stays inside the regions it starts in;
//!   leaving them takes `leave` (or `throw`, `rethrow`, `endfinally`,
//!   `endfilter`).
//! * `leave` may exit protected blocks and catch handlers, never a finally
//!   or fault handler or a filter.
//!
//! The JIT's exception handling relies on these: a handler entered other
//! than by the dispatcher has no exception in its slot, a finally left by a
//! branch never returns to the dispatcher, a filter left by a branch never
//! returns from its funclet.

use smallvec::SmallVec;

use crate::eh::{EhClause, EhKind};

/// What a region is.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub(crate) enum RegionKind {
    /// A protected (try) block.
    Try,
    /// A catch handler (typed or after a filter).
    Catch,
    /// A finally or fault handler.
    Finally,
    /// A filter block.
    Filter,
}

#[derive(Copy, Clone, Debug, PartialEq, Eq)]
struct Region {
    start: u32,
    end: u32,
    kind: RegionKind,
}

/// The regions of one method. Clauses sharing a protected block (several
/// catch handlers of one `try`) share its region.
pub(crate) struct Regions {
    regions: Vec<Region>,
}

/// The regions containing an instruction, outermost first.
type Path = SmallVec<[usize; 4]>;

impl Regions {
    pub fn new(clauses: &[EhClause]) -> Regions {
        let mut regions: Vec<Region> = Vec::new();
        let mut add = |r: Region| {
            if !regions.contains(&r) {
                regions.push(r);
            }
        };
        for c in clauses {
            add(Region {
                start: c.try_start,
                end: c.try_end,
                kind: RegionKind::Try,
            });
            let (handler, filter) = match c.kind {
                EhKind::Catch(_) => (RegionKind::Catch, None),
                EhKind::Filter { filter_start } => (RegionKind::Catch, Some(filter_start)),
                EhKind::Finally | EhKind::Fault => (RegionKind::Finally, None),
            };
            add(Region {
                start: c.handler_start,
                end: c.handler_end,
                kind: handler,
            });
            if let Some(start) = filter {
                add(Region {
                    start,
                    end: c.handler_start,
                    kind: RegionKind::Filter,
                });
            }
        }
        Regions { regions }
    }

    /// Whether the method has no exception regions.
    pub fn is_empty(&self) -> bool {
        self.regions.is_empty()
    }

    fn path(&self, offset: u32) -> Path {
        let mut p: Path = (0..self.regions.len())
            .filter(|&i| {
                let r = self.regions[i];
                r.start <= offset && offset < r.end
            })
            .collect();
        // Nested regions are smaller: outermost (largest) first.
        p.sort_by_key(|&i| std::cmp::Reverse(self.regions[i].end - self.regions[i].start));
        p
    }

    /// The regions `to` is in, counting the protected blocks that begin at
    /// `to` only when `from` is inside them: entering a protected block at
    /// its first instruction is allowed from outside.
    fn target_path(&self, from: &Path, to: u32) -> Path {
        self.path(to)
            .into_iter()
            .filter(|&i| {
                let r = self.regions[i];
                !(r.kind == RegionKind::Try && r.start == to && !from.contains(&i))
            })
            .collect()
    }

    /// Checks a branch, `switch` target or fall-through from the
    /// instruction at `from` to `to`: it must stay in the same regions.
    pub fn check_branch(&self, from: u32, to: u32) -> Result<(), String> {
        if self.is_empty() {
            return Ok(());
        }
        let pf = self.path(from);
        let pt = self.target_path(&pf, to);
        if pf == pt {
            return Ok(());
        }
        Err(format!(
            "control goes from IL_{from:04x} to IL_{to:04x}, {}",
            self.difference(&pf, &pt)
        ))
    }

    /// Checks `leave` from `from` to `to`: it may exit protected blocks and
    /// catch handlers only, and enter nothing but a protected block's start.
    pub fn check_leave(&self, from: u32, to: u32) -> Result<(), String> {
        if self.is_empty() {
            return Ok(());
        }
        let pf = self.path(from);
        let pt = self.target_path(&pf, to);
        if pt.len() > pf.len() || pf[..pt.len()] != pt[..] {
            return Err(format!(
                "leave from IL_{from:04x} to IL_{to:04x} {}",
                self.difference(&pf, &pt)
            ));
        }
        for &i in &pf[pt.len()..] {
            match self.regions[i].kind {
                RegionKind::Try | RegionKind::Catch => {}
                RegionKind::Finally => {
                    return Err(format!(
                        "leave from IL_{from:04x} exits a finally or fault handler (only endfinally may)"
                    ))
                }
                RegionKind::Filter => {
                    return Err(format!(
                        "leave from IL_{from:04x} exits a filter (only endfilter may)"
                    ))
                }
            }
        }
        Ok(())
    }

    /// The kind of the innermost handler or filter containing `offset`
    /// (protected blocks nested inside it do not count).
    pub fn innermost_handler(&self, offset: u32) -> Option<RegionKind> {
        self.path(offset)
            .into_iter()
            .rev()
            .map(|i| self.regions[i].kind)
            .find(|k| *k != RegionKind::Try)
    }

    /// The end of the filter containing `offset`, if any.
    pub fn filter_end(&self, offset: u32) -> Option<u32> {
        self.path(offset)
            .into_iter()
            .map(|i| self.regions[i])
            .find(|r| r.kind == RegionKind::Filter)
            .map(|r| r.end)
    }

    /// Describes how two region paths differ (for messages).
    fn difference(&self, from: &Path, to: &Path) -> String {
        let describe = |i: usize| {
            let r = self.regions[i];
            let what = match r.kind {
                RegionKind::Try => "protected block",
                RegionKind::Catch => "catch handler",
                RegionKind::Finally => "finally/fault handler",
                RegionKind::Filter => "filter",
            };
            format!("the {what} IL_{:04x}..IL_{:04x}", r.start, r.end)
        };
        if let Some(&i) = to.iter().find(|i| !from.contains(i)) {
            format!("entering {} other than at its start", describe(i))
        } else if let Some(&i) = from.iter().rev().find(|i| !to.contains(i)) {
            format!("leaving {} without leave", describe(i))
        } else {
            "between exception regions".into()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::host::TypeHandle;

    /// `try { 0..10 } catch { 10..20 }` inside `try { 0..20 } finally { 20..30 }`,
    /// and a filtered handler: `try { 40..50 } filter { 50..60 } { 60..70 }`.
    fn regions() -> Regions {
        Regions::new(&[
            EhClause {
                kind: EhKind::Catch(TypeHandle(8)),
                try_start: 0,
                try_end: 10,
                handler_start: 10,
                handler_end: 20,
            },
            EhClause {
                kind: EhKind::Finally,
                try_start: 0,
                try_end: 20,
                handler_start: 20,
                handler_end: 30,
            },
            EhClause {
                kind: EhKind::Filter { filter_start: 50 },
                try_start: 40,
                try_end: 50,
                handler_start: 60,
                handler_end: 70,
            },
        ])
    }

    #[test]
    fn branches_stay_in_their_regions() {
        let r = regions();
        assert!(r.check_branch(2, 8).is_ok(), "inside one try");
        assert!(r.check_branch(35, 0).is_ok(), "to the start of nested trys");
        assert!(r.check_branch(35, 40).is_ok(), "to a try's start");
        assert!(r.check_branch(2, 35).is_err(), "out of a try");
        assert!(r.check_branch(35, 5).is_err(), "into a try's middle");
        assert!(r.check_branch(35, 10).is_err(), "into a handler");
        assert!(r.check_branch(9, 10).is_err(), "falling into a handler");
        assert!(r.check_branch(35, 50).is_err(), "into a filter");
        assert!(
            r.check_branch(12, 2).is_err(),
            "from a handler into its try"
        );
    }

    #[test]
    fn leave_exits_trys_and_catch_handlers_only() {
        let r = regions();
        assert!(r.check_leave(2, 35).is_ok(), "out of two trys");
        assert!(r.check_leave(12, 15).is_ok(), "within a catch handler");
        assert!(r.check_leave(12, 35).is_ok(), "out of a catch handler");
        assert!(r.check_leave(62, 35).is_ok(), "out of a filtered handler");
        assert!(r.check_leave(22, 35).is_err(), "out of a finally");
        assert!(r.check_leave(52, 35).is_err(), "out of a filter");
        assert!(r.check_leave(35, 5).is_err(), "into a try's middle");
        assert!(r.check_leave(35, 0).is_ok(), "to a try's start");
    }

    #[test]
    fn handlers_are_found_innermost_first() {
        let r = regions();
        assert_eq!(r.innermost_handler(12), Some(RegionKind::Catch));
        assert_eq!(r.innermost_handler(22), Some(RegionKind::Finally));
        assert_eq!(r.innermost_handler(52), Some(RegionKind::Filter));
        assert_eq!(r.innermost_handler(5), None);
        assert_eq!(r.filter_end(55), Some(60));
        assert_eq!(r.filter_end(45), None);
    }
}
