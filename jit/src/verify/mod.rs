//! The IL verifier (ECMA-335 Partition III §1.8): type-state rules over the
//! instructions the importer decodes.
//!
//! The importer ([`crate::import`]) stays the one place that decodes IL and
//! types the evaluation stack in [`crate::StackKind`]s, which is what code
//! generation needs. When the host answers the verifier's questions
//! ([`VerifyHost`]) and its policy does not trust the method, the importer
//! also drives a [`Verifier`] through three hooks: [`Verifier::begin`]
//! before each instruction (block entries and fall-through), [`Verifier::
//! instruction`] after the importer accepted one, and [`Verifier::finish`].
//! The verifier tracks verification types beside the importer's kinds: the
//! exact class of every object reference, the target type of every managed
//! pointer and whether it may point into the frame, uninitialized `this`,
//! function pointers, and merges them where control flow meets (closest
//! common supertype). Its rules ([`Rule`]) and what breaking each means are
//! in [`rules`]; docs/verification.md lists them with their tests.
//!
//! Like the importer, the verifier makes one pass in IL order. A block
//! reached only by a backward branch starts with an empty stack (ECMA-335
//! III.1.7.5); a backward branch must bring types that fit the ones the
//! block was verified with.

mod host;
mod instr;
mod regions;
mod rules;
mod types;

use std::collections::HashMap;

use osprey_metadata::il::{Opcode, Operand};
use osprey_metadata::Token;

pub use host::{
    CallSiteFacts, CalleeFacts, Cell, FieldFacts, MethodFacts, SigType, TypeFacts, TypeShape,
    VerifyHost, VerifyLevel,
};
pub use rules::{Rule, RuleClass, Violation};

use crate::eh::EhKind;
use crate::error::JitError;
use crate::host::JitHost;
use crate::ops::Op;
use crate::types::StackKind;
use crate::MethodInput;
use regions::Regions;
use types::{ObjFlags, TypeRelations, VType};

/// One instruction, as the importer hands it to [`Verifier::instruction`].
pub(crate) struct Instruction<'a> {
    /// Its IL offset (of its first prefix, if any).
    pub offset: u32,
    /// The offset of the next instruction (the code's length after the last).
    pub next: u32,
    /// Its prefixes, in order.
    pub prefixes: &'a [Opcode],
    /// The `constrained.` prefix's token.
    pub constrained: Option<Token>,
    /// The instruction's opcode and operand.
    pub opcode: Opcode,
    /// Its operand.
    pub operand: &'a Operand,
    /// What the importer made of it.
    pub op: &'a Op,
    /// The kind of the value the importer pushed.
    pub out: Option<StackKind>,
}

/// The verifier's state where a basic block begins.
#[derive(Clone, Debug)]
struct Entry {
    stack: Vec<VType>,
    this_init: bool,
}

/// The verifier of one method.
pub(crate) struct Verifier {
    level: VerifyLevel,
    facts: MethodFacts,
    rel: TypeRelations,
    regions: Regions,
    /// Stacks that handlers and filters start with (exception objects).
    handler_entries: HashMap<u32, Vec<VType>>,
    /// Where each handler's or filter's protected block starts.
    handler_try: HashMap<u32, u32>,
    /// The current stack (meaningful while `reachable`).
    stack: Vec<VType>,
    /// Control can reach the current instruction.
    reachable: bool,
    /// In a constructor of a reference type: the base (or a sibling)
    /// constructor has been called on this path.
    this_init: bool,
    /// The method is a constructor of a reference type other than `object`,
    /// so `this` starts uninitialized.
    tracks_this_init: bool,
    /// States recorded at block starts by branches, falls-through and the
    /// blocks already verified.
    entries: HashMap<u32, Entry>,
    /// The previous instruction: its offset and opcode.
    prev: Option<(u32, Opcode)>,
    /// `starg 0` or `ldarga 0` appears: `this` may not be the caller's object.
    this_written: bool,
    /// Non-virtual calls of non-final virtual methods on `this`: verifiable
    /// only if `this` is never written (checked at the end).
    nonvirtual_on_this: Vec<u32>,
    /// A `tail.` call at this offset must be followed by `ret`.
    pending_tail: Option<u32>,
}

impl Verifier {
    /// The verifier for `method`, or `None` when the host does not verify
    /// (no [`VerifyHost`]) or trusts the method.
    pub(crate) fn new(
        host: &mut dyn JitHost,
        method: &MethodInput<'_>,
    ) -> Result<Option<Verifier>, JitError> {
        let Some(vh) = host.verify_host() else {
            return Ok(None);
        };
        let facts = vh.method_facts().map_err(|error| JitError::Resolve {
            il_offset: 0,
            error,
        })?;
        if facts.level == VerifyLevel::Trusted {
            return Ok(None);
        }
        let mut rel = TypeRelations::new(facts.object, facts.string, facts.array);
        let tracks_this_init =
            facts.is_ctor && facts.owner != facts.object && !rel.is_value_type(vh, facts.owner);
        let mut handler_entries = HashMap::new();
        let mut handler_try = HashMap::new();
        for c in &method.eh {
            let object = VType::Obj(facts.object, ObjFlags::default());
            match c.kind {
                EhKind::Catch(t) => {
                    handler_entries
                        .insert(c.handler_start, vec![VType::Obj(t, ObjFlags::default())]);
                }
                EhKind::Filter { filter_start } => {
                    handler_entries.insert(c.handler_start, vec![object]);
                    handler_entries.insert(filter_start, vec![object]);
                    handler_try.insert(filter_start, c.try_start);
                }
                EhKind::Finally | EhKind::Fault => {
                    handler_entries.insert(c.handler_start, Vec::new());
                }
            }
            handler_try.insert(c.handler_start, c.try_start);
        }
        Ok(Some(Verifier {
            level: facts.level,
            rel,
            regions: Regions::new(&method.eh),
            handler_entries,
            handler_try,
            stack: Vec::new(),
            reachable: true,
            this_init: !tracks_this_init,
            tracks_this_init,
            entries: HashMap::new(),
            prev: None,
            this_written: false,
            nonvirtual_on_this: Vec::new(),
            pending_tail: None,
            facts,
        }))
    }

    /// Called before the instruction at `offset`: sets up the state a block
    /// starts with. `falls_in`: control reaches it from the previous
    /// instruction.
    pub(crate) fn begin(
        &mut self,
        host: &mut dyn JitHost,
        offset: u32,
        is_block_start: bool,
        falls_in: bool,
    ) -> Result<(), JitError> {
        let Some(vh) = host.verify_host() else {
            return Ok(());
        };
        if !is_block_start {
            if !self.reachable {
                // Unreachable code that is not a block start: the importer
                // types it with an empty stack; so does the verifier.
                self.stack.clear();
                self.reachable = true;
            }
            return Ok(());
        }
        if falls_in && self.reachable {
            if let Some((from, _)) = self.prev {
                if let Err(why) = self.regions.check_branch(from, offset) {
                    self.report(from, Violation::new(Rule::ExceptionRegion, why))?;
                }
                self.record(vh, from, offset)?;
            }
        }
        let entry = if let Some(stack) = self.handler_entries.get(&offset) {
            // Handlers start with the state of their protected block's entry.
            let this_init = self
                .handler_try
                .get(&offset)
                .and_then(|t| self.entries.get(t))
                .map_or(self.this_init, |e| e.this_init);
            Entry {
                stack: stack.clone(),
                this_init,
            }
        } else {
            match self.entries.get(&offset) {
                Some(e) => e.clone(),
                // Reached by nothing so far: only by a backward branch (or
                // never). The stack is empty; the initialization of `this`
                // is assumed as it stands, and checked at the branch.
                None => Entry {
                    stack: Vec::new(),
                    this_init: self.this_init,
                },
            }
        };
        self.stack = entry.stack.clone();
        self.this_init = entry.this_init;
        self.entries.insert(offset, entry);
        self.reachable = true;
        Ok(())
    }

    /// Called after the importer accepted an instruction: checks it against
    /// the rules and applies its effect on the verification types.
    pub(crate) fn instruction(
        &mut self,
        host: &mut dyn JitHost,
        ins: &Instruction<'_>,
    ) -> Result<(), JitError> {
        let Some(vh) = host.verify_host() else {
            return Ok(());
        };
        let result = self.transfer(vh, ins);
        self.prev = Some((ins.offset, ins.opcode));
        result
    }

    /// Called after the last instruction: the checks that need the whole method.
    pub(crate) fn finish(self) -> Result<(), JitError> {
        if let Some(at) = self.pending_tail {
            self.report(
                at,
                Violation::new(Rule::TailCall, "a tail. call must be followed by ret"),
            )?;
        }
        if self.this_written {
            if let Some(&at) = self.nonvirtual_on_this.first() {
                self.report(
                    at,
                    Violation::new(
                        Rule::NonVirtualCall,
                        "a non-virtual call of a virtual method on this, in a method that stores to this (starg.0 or ldarga.0)",
                    ),
                )?;
            }
        }
        Ok(())
    }

    /// Enforces a broken rule according to the level: type-safety rules are
    /// always invalid IL; the others raise `VerificationException` where
    /// the policy asks for verifiable code.
    fn report(&self, il_offset: u32, v: Violation) -> Result<(), JitError> {
        let enforced = match v.rule.class() {
            RuleClass::TypeSafety => {
                return Err(JitError::InvalidIl {
                    il_offset,
                    reason: crate::InvalidIl::TypeSafety(v),
                })
            }
            RuleClass::Verifiability => self.level >= VerifyLevel::AllButUnsafeCode,
            RuleClass::UnsafeCode => self.level >= VerifyLevel::Full,
        };
        if enforced {
            Err(JitError::Unverifiable {
                il_offset,
                rule: v.rule,
                detail: v.detail,
            })
        } else {
            Ok(())
        }
    }

    /// Reports `result`'s violation, if any, at `at`.
    fn check(&self, at: u32, result: Result<(), Violation>) -> Result<(), JitError> {
        match result {
            Ok(()) => Ok(()),
            Err(v) => self.report(at, v),
        }
    }

    /// Records the current state as flowing from `from` into the block at
    /// `target`: merged into the state recorded there, or, for a block
    /// already verified (a backward branch), checked to fit it.
    fn record(&mut self, vh: &mut dyn VerifyHost, from: u32, target: u32) -> Result<(), JitError> {
        let incoming = Entry {
            stack: self.stack.clone(),
            this_init: self.this_init,
        };
        let Some(recorded) = self.entries.get(&target).cloned() else {
            self.entries.insert(target, incoming);
            return Ok(());
        };
        if recorded.stack.len() != incoming.stack.len() {
            // The importer rejects different depths first; this is a backstop.
            return Err(JitError::InvalidIl {
                il_offset: from,
                reason: crate::InvalidIl::MergeDepths,
            });
        }
        let mut merged = Vec::with_capacity(recorded.stack.len());
        for (&a, &b) in recorded.stack.iter().zip(&incoming.stack) {
            match self.rel.merge(vh, a, b) {
                Ok((t, note)) => {
                    if let Some(v) = note {
                        self.report(from, v)?;
                    }
                    merged.push(t);
                }
                Err(v) => {
                    self.report(from, v)?;
                    merged.push(VType::Top);
                }
            }
        }
        let this_init = recorded.this_init && incoming.this_init;
        if target <= from {
            // Already verified with `recorded`: what arrives must fit it.
            if merged != recorded.stack {
                self.report(
                    from,
                    Violation::new(
                        Rule::MergeType,
                        format!(
                            "a backward branch to IL_{target:04x} brings types that do not fit those the block was verified with"
                        ),
                    ),
                )?;
            }
            if this_init != recorded.this_init {
                self.report(
                    from,
                    Violation::new(
                        Rule::UninitializedThis,
                        format!("this may be uninitialized at IL_{target:04x}"),
                    ),
                )?;
            }
        } else {
            self.entries.insert(
                target,
                Entry {
                    stack: merged,
                    this_init,
                },
            );
        }
        Ok(())
    }

    /// A branch (not `leave`) from `from` to `target`.
    fn branch(&mut self, vh: &mut dyn VerifyHost, from: u32, target: u32) -> Result<(), JitError> {
        if let Err(why) = self.regions.check_branch(from, target) {
            self.report(from, Violation::new(Rule::ExceptionRegion, why))?;
        }
        self.record(vh, from, target)
    }

    fn pop(&mut self) -> VType {
        // The importer checked the depth first.
        self.stack.pop().unwrap_or(VType::Top)
    }

    fn pop_n(&mut self, n: usize) -> Vec<VType> {
        let at = self.stack.len().saturating_sub(n);
        self.stack.split_off(at)
    }

    fn push(&mut self, v: VType) {
        self.stack.push(v);
    }
}

/// A type-safety `rule` broken at `il_offset`: always invalid IL, whatever
/// the policy ([`Verifier::report`] of such a rule returns the same error).
pub(crate) fn type_unsafe(il_offset: u32, rule: Rule, detail: impl Into<String>) -> JitError {
    debug_assert_eq!(rule.class(), RuleClass::TypeSafety);
    JitError::InvalidIl {
        il_offset,
        reason: crate::InvalidIl::TypeSafety(Violation::new(rule, detail)),
    }
}
