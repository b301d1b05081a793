//! Exception-handling clauses: what the JIT is given and what it reports.
//!
//! The runtime hands the JIT a method's clauses in IL terms ([`EhClause`],
//! catch types already resolved); the JIT compiles handlers inline in the
//! method body and reports, per clause, where the handler (and filter)
//! starts in the generated code and which frame slot the handler uses
//! ([`NativeEhClause`]). Together with the [`CodeMap`] (native offset → IL
//! offset) that is everything the runtime's table-driven dispatcher needs:
//! entering and leaving a `try` costs nothing at run time.
//!
//! How handlers run (see docs/exceptions.md):
//!
//! * **catch**: the dispatcher resumes the method at the handler with the
//!   frame cut back to the method's own stack pointer and the exception in
//!   RAX; the handler's entry code stores it in the clause's exception slot
//!   (for `rethrow`) and in evaluation-stack slot 0.
//! * **finally / fault**: the handler ends with `endfinally`, an indirect
//!   jump through the clause's continuation slot. `leave` stores the address
//!   to continue at and jumps in; the dispatcher stores the address of its
//!   unwind-continue stub and resumes there, as for a catch.
//! * **filter**: run by the dispatcher *before* any frame is unwound (the
//!   first pass), as a funclet: called with RBP set to the method's frame and
//!   the exception in RAX; `endfilter` returns the verdict in EAX.

use crate::host::TypeHandle;

/// What kind of handler a clause has.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum EhKind {
    /// `catch T`: handles exceptions whose type is `T` or derives from it.
    Catch(TypeHandle),
    /// `filter`: the filter block at this IL offset decides.
    Filter {
        /// IL offset of the filter block (it ends where the handler starts).
        filter_start: u32,
    },
    /// `finally`: runs whenever control leaves the try block.
    Finally,
    /// `fault`: runs only when an exception leaves the try block.
    Fault,
}

/// One exception-handling clause, in IL offsets (ends exclusive). Clauses
/// are ordered as ECMA-335 requires: a nested clause before its enclosing one.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct EhClause {
    /// The handler kind.
    pub kind: EhKind,
    /// First IL offset of the protected block.
    pub try_start: u32,
    /// IL offset just past the protected block.
    pub try_end: u32,
    /// First IL offset of the handler.
    pub handler_start: u32,
    /// IL offset just past the handler.
    pub handler_end: u32,
}

impl EhClause {
    /// Whether `il` lies in the protected block.
    pub fn in_try(&self, il: u32) -> bool {
        (self.try_start..self.try_end).contains(&il)
    }

    /// Whether `il` lies in the handler block.
    pub fn in_handler(&self, il: u32) -> bool {
        (self.handler_start..self.handler_end).contains(&il)
    }

    /// Whether `il` lies in the filter block (filters only).
    pub fn in_filter(&self, il: u32) -> bool {
        match self.kind {
            EhKind::Filter { filter_start } => (filter_start..self.handler_start).contains(&il),
            _ => false,
        }
    }
}

/// A clause as compiled: its IL description plus native entry points and
/// the frame slot its handler uses.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct NativeEhClause {
    /// The clause in IL terms.
    pub clause: EhClause,
    /// Native offset (from the method's start) of the handler's entry.
    pub handler: u32,
    /// Native offset of the filter funclet's entry (filters only).
    pub filter: Option<u32>,
    /// rbp-relative offset of the clause's slot: for finally/fault the
    /// continuation `endfinally` jumps through; for catch/filter the
    /// exception being handled (a GC reference, for `rethrow`).
    pub slot: i32,
}

/// A stretch of out-of-line code (throw stubs, poll slow paths) and the IL
/// offset it stands for: an instruction in the same try/handler regions, so
/// that a fault raised there is dispatched as if raised by that instruction.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct OutOfLine {
    /// First native offset.
    pub start: u32,
    /// Native offset just past the stretch.
    pub end: u32,
    /// The IL offset it is attributed to.
    pub il_offset: u32,
}

/// Maps native code offsets of one method back to IL offsets.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CodeMap {
    /// (IL offset, native offset) pairs, one per IL instruction, in order.
    pub il_to_native: Vec<(u32, u32)>,
    /// Per entry of `il_to_native`: the IL offset of the last instruction
    /// at or before it that starts with an empty evaluation stack (a
    /// statement boundary, in C#). Stack traces report this offset, as
    /// mono does (its JIT records IL offsets only at such points).
    pub statements: Vec<u32>,
    /// Native offset where the method body ends and out-of-line code begins.
    pub body_end: u32,
    /// The out-of-line stretches, in increasing native order.
    pub out_of_line: Vec<OutOfLine>,
}

impl CodeMap {
    /// The IL offset of the instruction whose code contains `native`.
    pub fn il_offset_at(&self, native: u32) -> Option<u32> {
        if native < self.body_end {
            let i = self.il_to_native.partition_point(|&(_, n)| n <= native);
            return self.il_to_native.get(i.checked_sub(1)?).map(|&(il, _)| il);
        }
        let i = self.out_of_line.partition_point(|o| o.start <= native);
        let o = self.out_of_line.get(i.checked_sub(1)?)?;
        (native < o.end).then_some(o.il_offset)
    }

    /// The IL offset of the call instruction a return address (as a native
    /// offset) belongs to: the instruction containing the byte before it.
    pub fn il_offset_of_return(&self, return_native: u32) -> Option<u32> {
        self.il_offset_at(return_native.checked_sub(1)?)
    }

    /// The statement boundary (see [`CodeMap::statements`]) at or before
    /// the instruction at IL offset `il`: what a stack trace shows.
    pub fn statement_of(&self, il: u32) -> u32 {
        let i = self.il_to_native.partition_point(|&(o, _)| o <= il);
        i.checked_sub(1)
            .and_then(|i| self.statements.get(i))
            .copied()
            .unwrap_or(il)
    }

    /// The native offset where the instruction at IL offset `il` starts.
    pub fn native_of(&self, il: u32) -> Option<u32> {
        let i = self.il_to_native.partition_point(|&(o, _)| o < il);
        self.il_to_native
            .get(i)
            .filter(|&&(o, _)| o == il)
            .map(|&(_, n)| n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn map() -> CodeMap {
        CodeMap {
            il_to_native: vec![(0, 0), (1, 4), (2, 4), (6, 10)],
            statements: vec![0, 0, 2, 2],
            body_end: 20,
            out_of_line: vec![OutOfLine {
                start: 24,
                end: 30,
                il_offset: 2,
            }],
        }
    }

    #[test]
    fn body_offsets_map_to_the_instruction_that_emitted_them() {
        let m = map();
        assert_eq!(m.il_offset_at(0), Some(0));
        assert_eq!(m.il_offset_at(3), Some(0));
        // IL 1 emitted no code: native 4 belongs to IL 2.
        assert_eq!(m.il_offset_at(4), Some(2));
        assert_eq!(m.il_offset_at(19), Some(6));
        assert_eq!(m.il_offset_of_return(10), Some(2));
        assert_eq!(m.il_offset_of_return(0), None);
    }

    #[test]
    fn out_of_line_code_maps_to_its_attributed_instruction() {
        let m = map();
        assert_eq!(m.il_offset_at(20), None);
        assert_eq!(m.il_offset_at(24), Some(2));
        assert_eq!(m.il_offset_at(29), Some(2));
        assert_eq!(m.il_offset_at(30), None);
        assert_eq!(m.native_of(6), Some(10));
        assert_eq!(m.native_of(5), None);
        assert_eq!(m.statement_of(6), 2);
        assert_eq!(m.statement_of(1), 0);
    }

    #[test]
    fn clause_ranges() {
        let c = EhClause {
            kind: EhKind::Filter { filter_start: 10 },
            try_start: 0,
            try_end: 10,
            handler_start: 14,
            handler_end: 20,
        };
        assert!(c.in_try(0) && c.in_try(9) && !c.in_try(10));
        assert!(c.in_filter(10) && c.in_filter(13) && !c.in_filter(14));
        assert!(c.in_handler(14) && !c.in_handler(20));
    }
}
