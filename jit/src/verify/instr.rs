//! The verifier's rules, instruction by instruction.

use osprey_metadata::il::{Opcode, Operand};
use osprey_metadata::Token;

use super::host::{CalleeFacts, Cell, FieldFacts, SigType, TypeShape, VerifyHost};
use super::regions::RegionKind;
use super::rules::{Rule, Violation};
use super::types::{Ftn, ObjFlags, RefFlags, VType};
use super::{type_unsafe, Instruction, Verifier};
use crate::error::JitError;
use crate::host::{CallOpcode, HostError, RtValue, TypeHandle};
use crate::ops::{Cond, Op};
use crate::types::{JitType, StackKind};

/// The stack type of a numeric value of kind `k`.
fn of_kind(k: Option<StackKind>) -> VType {
    match k {
        Some(StackKind::I4) => VType::Int32,
        Some(StackKind::I8) => VType::Int64,
        Some(StackKind::I) => VType::NativeInt,
        Some(StackKind::R4 | StackKind::R8) => VType::Float,
        _ => VType::Top,
    }
}

/// The location type an `ldind.*`/`stind.*`/`ldelem.*`/`stelem.*` opcode
/// names; `None` for the `.ref` forms (any object reference).
fn cell_of_opcode_type(ty: JitType) -> Option<Cell> {
    Some(match ty {
        JitType::Bool | JitType::I1 | JitType::U1 => Cell::I1,
        JitType::Char | JitType::I2 | JitType::U2 => Cell::I2,
        JitType::I4 | JitType::U4 => Cell::I4,
        JitType::I8 | JitType::U8 => Cell::I8,
        JitType::I | JitType::U | JitType::Ptr => Cell::I,
        JitType::R4 => Cell::R4,
        JitType::R8 => Cell::R8,
        JitType::Struct(h) => Cell::Value(h),
        JitType::Ref | JitType::ByRef | JitType::Void => return None,
    })
}

fn token_of(operand: &Operand) -> Option<Token> {
    match operand {
        Operand::Token(t) => Some(*t),
        _ => None,
    }
}

/// The instruction's token operand; `what` names the kind of token expected.
fn operand_token(ins: &Instruction<'_>, what: &'static str) -> Result<Token, JitError> {
    token_of(ins.operand).ok_or(JitError::InvalidIl {
        il_offset: ins.offset,
        reason: crate::InvalidIl::ExpectedToken { what: Some(what) },
    })
}

impl Verifier {
    fn resolved<T>(&self, at: u32, r: Result<T, HostError>) -> Result<T, JitError> {
        r.map_err(|error| JitError::Resolve {
            il_offset: at,
            error,
        })
    }

    /// The type the instruction's token names.
    fn token_type(
        &self,
        vh: &mut dyn VerifyHost,
        ins: &Instruction<'_>,
    ) -> Result<TypeHandle, JitError> {
        let t = operand_token(ins, "type")?;
        self.resolved(ins.offset, vh.type_of_token(t))
    }

    fn token_cell(
        &mut self,
        vh: &mut dyn VerifyHost,
        ins: &Instruction<'_>,
    ) -> Result<(TypeHandle, Cell), JitError> {
        let t = self.token_type(vh, ins)?;
        Ok((t, self.rel.facts(vh, t).cell))
    }

    fn field(
        &self,
        vh: &mut dyn VerifyHost,
        ins: &Instruction<'_>,
    ) -> Result<FieldFacts, JitError> {
        let t = operand_token(ins, "field")?;
        self.resolved(ins.offset, vh.field_facts(t))
    }

    /// The method the instruction's token names: the one the importer
    /// resolved when that is it (not for `constrained.` calls the host
    /// redirected, string constructors that became factories, or array
    /// methods, which have no descriptor), else resolved again.
    fn callee(
        &self,
        vh: &mut dyn VerifyHost,
        ins: &Instruction<'_>,
        opcode: CallOpcode,
    ) -> Result<CalleeFacts, JitError> {
        let resolved = match ins.op {
            Op::Call { info, .. } if ins.constrained.is_none() => Some(&**info),
            Op::NewObj(info)
                if !matches!(info.new_object, Some(crate::host::NewObjectInfo::Factory)) =>
            {
                Some(&**info)
            }
            _ => None,
        };
        let t = operand_token(ins, "method")?;
        // Generic method instantiations (MethodSpec) name more than their
        // method's descriptor says.
        let spec = t.table() == Some(osprey_metadata::TableId::MethodSpec);
        if let Some(info) = resolved.filter(|i| i.method.0 != 0 && !spec) {
            return self.resolved(ins.offset, vh.method_facts_of(info.method));
        }
        self.resolved(ins.offset, vh.callee_facts(t, opcode))
    }

    fn has_prefix(ins: &Instruction<'_>, p: Opcode) -> bool {
        ins.prefixes.contains(&p)
    }

    /// The type an op names: the importer's when it is known at compile
    /// time, else the token's.
    fn op_type(
        &self,
        vh: &mut dyn VerifyHost,
        ins: &Instruction<'_>,
        v: &RtValue,
    ) -> Result<TypeHandle, JitError> {
        match v {
            RtValue::Const(h) => Ok(TypeHandle(*h)),
            RtValue::Lookup(_) => self.token_type(vh, ins),
        }
    }

    /// Applies one instruction to the verification state.
    pub(super) fn transfer(
        &mut self,
        vh: &mut dyn VerifyHost,
        ins: &Instruction<'_>,
    ) -> Result<(), JitError> {
        let at = ins.offset;
        if let Some(tail) = self.pending_tail.take() {
            if ins.opcode != Opcode::Ret {
                self.report(
                    tail,
                    Violation::new(Rule::TailCall, "a tail. call must be followed by ret"),
                )?;
            }
        }
        self.check_prefixes(ins)?;
        match ins.op {
            Op::Nop => {}
            Op::LdArg(n) => {
                let n = *n as usize;
                let mut v = self
                    .facts
                    .args
                    .get(n)
                    .and_then(|s| VType::of_sig(*s))
                    .unwrap_or(VType::Top);
                let has_this = !self.facts.is_static;
                if n == 0 && has_this {
                    if let VType::Obj(_, flags) = &mut v {
                        flags.this_ptr = true;
                        flags.uninit = self.tracks_this_init && !self.this_init;
                    }
                }
                self.push(v);
            }
            Op::LdArgA(n) | Op::LdLocA(n) => {
                let is_arg = matches!(ins.op, Op::LdArgA(_));
                let n = *n as usize;
                let sig = if is_arg {
                    self.facts.args.get(n)
                } else {
                    self.facts.locals.get(n)
                };
                if is_arg && n == 0 && !self.facts.is_static {
                    self.this_written = true;
                    if self.tracks_this_init {
                        self.report(
                            at,
                            Violation::new(
                                Rule::UninitializedThis,
                                "the address of this taken in a constructor",
                            ),
                        )?;
                    }
                }
                match sig.copied() {
                    Some(SigType::Val(c)) => self.push(VType::ByRef(
                        c,
                        RefFlags {
                            local: true,
                            readonly: false,
                        },
                    )),
                    // Of a type that does not exist: nothing can use it.
                    Some(SigType::Opaque) => self.push(VType::Top),
                    _ => {
                        self.report(
                            at,
                            Violation::new(
                                Rule::UnknownType,
                                "the address of a variable holding a managed pointer",
                            ),
                        )?;
                        self.push(VType::Top);
                    }
                }
            }
            Op::StArg(n) => {
                let n = *n as usize;
                let v = self.pop();
                let want = self.facts.args.get(n).copied().unwrap_or(SigType::Opaque);
                let r = self.rel.check_assign(vh, v, want, Rule::StoreType);
                self.check(at, r)?;
                if n == 0 && !self.facts.is_static {
                    self.this_written = true;
                    if self.tracks_this_init {
                        self.report(
                            at,
                            Violation::new(
                                Rule::UninitializedThis,
                                "this replaced in a constructor (starg.0)",
                            ),
                        )?;
                    }
                }
            }
            Op::LdLoc(n) => {
                let v = self
                    .facts
                    .locals
                    .get(*n as usize)
                    .and_then(|s| VType::of_sig(*s))
                    .unwrap_or(VType::Top);
                self.push(v);
            }
            Op::StLoc(n) => {
                let v = self.pop();
                let want = self
                    .facts
                    .locals
                    .get(*n as usize)
                    .copied()
                    .unwrap_or(SigType::Opaque);
                let r = self.rel.check_assign(vh, v, want, Rule::StoreType);
                self.check(at, r)?;
            }
            Op::LdcI4(_) => self.push(VType::Int32),
            Op::LdcI8(_) => self.push(VType::Int64),
            Op::LdcR4(_) | Op::LdcR8(_) => self.push(VType::Float),
            Op::LdNull => self.push(VType::Null),
            Op::LdStr(_) => self.push(VType::Obj(self.rel.string, ObjFlags::default())),
            Op::Dup => {
                let v = self.pop();
                self.push(v);
                self.push(v);
            }
            Op::Pop => {
                self.pop();
            }
            Op::Binary(_) => {
                let b = self.pop();
                let a = self.pop();
                let v = match (a, b) {
                    (VType::ByRef(c, f), VType::Int32 | VType::NativeInt)
                    | (VType::Int32 | VType::NativeInt, VType::ByRef(c, f)) => {
                        self.report(
                            at,
                            Violation::new(Rule::Pointer, "managed pointer arithmetic"),
                        )?;
                        VType::ByRef(c, f)
                    }
                    (VType::ByRef(..), VType::ByRef(..)) => {
                        self.report(
                            at,
                            Violation::new(Rule::Pointer, "managed pointers subtracted"),
                        )?;
                        VType::NativeInt
                    }
                    (VType::Ftn(_), _) | (_, VType::Ftn(_)) => {
                        self.report(
                            at,
                            Violation::new(
                                Rule::DelegatePattern,
                                "arithmetic on a function pointer",
                            ),
                        )?;
                        VType::NativeInt
                    }
                    _ => of_kind(ins.out),
                };
                self.push(v);
            }
            Op::Neg | Op::Not | Op::CkFinite => {
                self.pop();
                self.push(of_kind(ins.out));
            }
            Op::Compare(cond) => {
                let b = self.pop();
                let a = self.pop();
                self.check_comparison(at, *cond, a, b)?;
                self.push(VType::Int32);
            }
            Op::Br(t) => {
                self.branch(vh, at, *t)?;
                self.reachable = false;
            }
            Op::BrBool(_, t) => {
                let v = self.pop();
                if let VType::Ftn(_) = v {
                    self.report(
                        at,
                        Violation::new(Rule::DelegatePattern, "a function pointer tested"),
                    )?;
                }
                if let VType::Obj(_, f) = v {
                    if f.uninit {
                        self.report(
                            at,
                            Violation::new(Rule::UninitializedThis, "uninitialized this tested"),
                        )?;
                    }
                }
                self.branch(vh, at, *t)?;
            }
            Op::BrCmp(cond, t) => {
                let b = self.pop();
                let a = self.pop();
                self.check_comparison(at, *cond, a, b)?;
                self.branch(vh, at, *t)?;
            }
            Op::Switch(targets) => {
                self.pop();
                for &t in targets {
                    self.branch(vh, at, t)?;
                }
            }
            Op::Conv(_) => {
                let v = self.pop();
                match v {
                    VType::ByRef(..) | VType::Obj(..) | VType::Null => self.report(
                        at,
                        Violation::new(
                            Rule::Pointer,
                            "a managed pointer or object reference converted to an integer",
                        ),
                    )?,
                    VType::Ftn(_) => self.report(
                        at,
                        Violation::new(Rule::DelegatePattern, "a function pointer converted"),
                    )?,
                    _ => {}
                }
                self.push(of_kind(ins.out));
            }
            Op::Call { info, virt, .. } => self.call(vh, ins, info.sig.pop_count(), *virt)?,
            Op::Calli(info) => self.calli(vh, ins, info.sig.pop_count())?,
            Op::NewObj(info) => self.new_obj(vh, ins, info.sig.params.len())?,
            Op::LdFtn(_) => {
                let m = self.callee(vh, ins, CallOpcode::LdFtn)?;
                self.push(VType::Ftn(Ftn {
                    method: m.method,
                    at,
                    virt: false,
                    dup: false,
                }));
            }
            Op::LdVirtFtn(_) => {
                let m = self.callee(vh, ins, CallOpcode::LdVirtFtn)?;
                let obj = self.pop();
                if !m.has_this {
                    self.report(
                        at,
                        Violation::new(Rule::InstructionKind, "ldvirtftn of a static method"),
                    )?;
                } else {
                    self.check_receiver(vh, at, obj, &m, true)?;
                }
                let dup = matches!(self.prev, Some((_, Opcode::Dup)));
                self.push(VType::Ftn(Ftn {
                    method: m.method,
                    at,
                    virt: true,
                    dup,
                }));
            }
            Op::Ret => {
                let want = self.facts.ret;
                if want != SigType::Void {
                    let v = self.pop();
                    let r = self.rel.check_assign(vh, v, want, Rule::StoreType);
                    self.check(at, r)?;
                    if let VType::ByRef(_, f) = v {
                        if f.local {
                            self.report(
                                at,
                                Violation::new(
                                    Rule::ByRefEscape,
                                    "returns a managed pointer that may point into its own frame",
                                ),
                            )?;
                        }
                    }
                }
                if self.tracks_this_init && !self.this_init {
                    self.report(
                        at,
                        Violation::new(
                            Rule::UninitializedThis,
                            "the constructor returns without calling the base constructor",
                        ),
                    )?;
                }
                self.reachable = false;
            }
            Op::LdFld(_) | Op::LdFldA(_) | Op::StFld(_) => self.instance_field(vh, ins)?,
            Op::LdSFld(_) | Op::LdSFldA(_) | Op::StSFld(_) => self.static_field(vh, ins)?,
            Op::LdInd(ty) => {
                let addr = self.pop();
                let want = if ins.opcode == Opcode::Ldobj {
                    Some(self.token_cell(vh, ins)?.1)
                } else {
                    cell_of_opcode_type(*ty)
                };
                let v = self.load_through(vh, at, addr, want)?;
                self.push(v);
            }
            Op::StInd(ty) => {
                let value = self.pop();
                let addr = self.pop();
                let want = if ins.opcode == Opcode::Stobj {
                    Some(self.token_cell(vh, ins)?.1)
                } else {
                    cell_of_opcode_type(*ty)
                };
                self.store_through(vh, at, addr, want, value)?;
            }
            Op::InitObj(_) => {
                let addr = self.pop();
                let (_, want) = self.token_cell(vh, ins)?;
                self.check_target(vh, at, addr, Some(want), true)?;
            }
            Op::CpObj(_) => {
                let src = self.pop();
                let dst = self.pop();
                let (_, want) = self.token_cell(vh, ins)?;
                self.check_target(vh, at, src, Some(want), false)?;
                self.check_target(vh, at, dst, Some(want), true)?;
            }
            Op::LdLen => {
                let arr = self.pop();
                self.array_of(vh, at, arr)?;
                self.push(VType::NativeInt);
            }
            Op::LdElem(_) | Op::LdElemA(..) | Op::StElem(_) => self.array_element(vh, ins)?,
            Op::NewArr(array) => {
                self.pop();
                self.push(VType::Obj(array.canonical, ObjFlags::default()));
            }
            Op::CpBlk | Op::InitBlk => {
                self.pop_n(3);
                self.report(at, Violation::new(Rule::BlockOperation, ins.opcode.name()))?;
            }
            Op::Localloc => {
                self.pop();
                self.report(at, Violation::new(Rule::Localloc, "stack allocation"))?;
                self.push(VType::NativeInt);
            }
            Op::Leave { target, .. } => {
                if let Err(why) = self.regions.check_leave(at, *target) {
                    self.report(at, Violation::new(Rule::ExceptionRegion, why))?;
                }
                self.stack.clear();
                self.record(vh, at, *target)?;
                self.reachable = false;
            }
            Op::EndFinally(_) => {
                self.check_innermost_handler(at, RegionKind::Finally, "endfinally")?;
                self.stack.clear();
                self.reachable = false;
            }
            Op::EndFilter(_) => {
                self.pop();
                if self.regions.filter_end(at) != Some(ins.next) {
                    self.report(
                        at,
                        Violation::new(
                            Rule::HandlerExit,
                            "endfilter is not the last instruction of its filter",
                        ),
                    )?;
                }
                self.reachable = false;
            }
            Op::Rethrow(_) => {
                self.check_innermost_handler(at, RegionKind::Catch, "rethrow")?;
                self.stack.clear();
                self.reachable = false;
            }
            Op::RaiseDeferred(_) => {
                // A member or type that does not exist: the instruction
                // raises MissingMethodException (or its kind) when it runs,
                // and nothing after it in the block can run.
                self.stack.clear();
                self.reachable = false;
            }
            Op::Throw => {
                let v = self.pop();
                self.check_objref(at, v, "throw")?;
                self.stack.clear();
                self.reachable = false;
            }
            Op::CastClass(target) | Op::IsInst(target) => {
                let v = self.pop();
                // A value of unknown type is a reference (the importer
                // checked): the cast checks it at run time.
                if v != VType::Top {
                    self.check_objref(at, v, ins.opcode.name())?;
                }
                // The importer's target (for Nullable<T>, T).
                let h = self.op_type(vh, ins, target)?;
                self.push(VType::Obj(h, ObjFlags::default()));
            }
            Op::Box(t, _) => {
                let v = self.pop();
                let h = t.canonical;
                let cell = self.rel.facts(vh, h).cell;
                let r = self.rel.check_assign_cell(vh, v, cell, Rule::StoreType);
                self.check(at, r)?;
                self.push(VType::Obj(h, ObjFlags::default()));
            }
            Op::BoxNullable(_) => {
                // A boxed Nullable<T> is null or a boxed T: typed as object.
                let v = self.pop();
                let h = self.token_type(vh, ins)?;
                let cell = self.rel.facts(vh, h).cell;
                let r = self.rel.check_assign_cell(vh, v, cell, Rule::StoreType);
                self.check(at, r)?;
                self.push(VType::Obj(self.rel.object, ObjFlags::default()));
            }
            Op::UnboxNullable(..) => {
                let v = self.pop();
                if v != VType::Top {
                    self.check_objref(at, v, "unbox.any")?;
                }
                let h = self.token_type(vh, ins)?;
                let cell = self.rel.facts(vh, h).cell;
                self.push(VType::of_cell(cell));
            }
            Op::Unbox(t) => {
                let v = self.pop();
                self.check_objref(at, v, "unbox")?;
                let h = self.op_type(vh, ins, t)?;
                let facts = self.rel.facts(vh, h);
                let cell = facts.cell;
                if facts.shape != TypeShape::ValueType {
                    self.report(
                        at,
                        Violation::new(
                            Rule::InstructionKind,
                            "unbox of a type that is not a value type",
                        ),
                    )?;
                }
                self.push(VType::ByRef(cell, RefFlags::default()));
            }
            Op::UnboxAny(t, _) => {
                let v = self.pop();
                if v != VType::Top {
                    self.check_objref(at, v, "unbox.any")?;
                }
                let h = self.op_type(vh, ins, t)?;
                let cell = self.rel.facts(vh, h).cell;
                self.push(VType::of_cell(cell));
            }
            Op::LdToken(_, h) => {
                let cell = self.rel.facts(vh, *h).cell;
                self.push(VType::of_cell(cell));
            }
        }
        Ok(())
    }

    /// `endfinally` and `rethrow` belong to the innermost handler around
    /// them, which must be a finally (or fault) and a catch handler.
    fn check_innermost_handler(
        &self,
        at: u32,
        kind: RegionKind,
        what: &str,
    ) -> Result<(), JitError> {
        if self.regions.innermost_handler(at) == Some(kind) {
            return Ok(());
        }
        let handler = match kind {
            RegionKind::Finally => "finally or fault handler",
            _ => "catch handler",
        };
        self.report(
            at,
            Violation::new(
                Rule::HandlerExit,
                format!("{what} outside the innermost {handler}"),
            ),
        )
    }

    /// Prefixes must precede the instructions they apply to.
    fn check_prefixes(&mut self, ins: &Instruction<'_>) -> Result<(), JitError> {
        use Opcode as O;
        for &p in ins.prefixes {
            let ok = match p {
                O::Readonly => matches!(ins.opcode, O::Ldelema | O::Call | O::Callvirt),
                O::Tail => matches!(ins.opcode, O::Call | O::Callvirt | O::Calli),
                O::Constrained => ins.opcode == O::Callvirt,
                // Memory accesses: indirections (ldobj, stobj too), fields,
                // block operations; `volatile.` also on statics.
                O::Unaligned | O::Volatile => match ins.op {
                    Op::LdInd(_)
                    | Op::StInd(_)
                    | Op::LdFld(_)
                    | Op::StFld(_)
                    | Op::CpBlk
                    | Op::InitBlk => true,
                    Op::LdSFld(_) | Op::StSFld(_) => p == O::Volatile,
                    _ => false,
                },
                _ => false,
            };
            if !ok {
                self.report(
                    ins.offset,
                    Violation::new(
                        Rule::Prefix,
                        format!("{} before {}", p.name(), ins.opcode.name()),
                    ),
                )?;
            }
        }
        Ok(())
    }

    fn check_objref(&self, at: u32, v: VType, what: &str) -> Result<(), JitError> {
        match v {
            VType::Obj(_, f) if f.uninit => self.report(
                at,
                Violation::new(
                    Rule::UninitializedThis,
                    format!("{what} of this before the base constructor ran"),
                ),
            ),
            VType::Obj(..) | VType::Null => Ok(()),
            VType::Top => self.report(
                at,
                Violation::new(
                    Rule::UnknownType,
                    format!("{what} of a value of unknown type"),
                ),
            ),
            _ => Err(type_unsafe(
                at,
                Rule::InstructionKind,
                format!("{what} needs an object reference"),
            )),
        }
    }

    fn check_comparison(&self, at: u32, cond: Cond, a: VType, b: VType) -> Result<(), JitError> {
        let objects = a.is_objref() && b.is_objref();
        let unordered = matches!(cond, Cond::Eq | Cond::NeUn | Cond::GtUn);
        if objects && !unordered {
            return self.report(
                at,
                Violation::new(Rule::NumericType, "object references compared for order"),
            );
        }
        for v in [a, b] {
            match v {
                VType::Ftn(_) => {
                    return self.report(
                        at,
                        Violation::new(Rule::DelegatePattern, "a function pointer compared"),
                    )
                }
                VType::Obj(_, f) if f.uninit => {
                    return self.report(
                        at,
                        Violation::new(Rule::UninitializedThis, "uninitialized this compared"),
                    )
                }
                _ => {}
            }
        }
        let mixes_pointer = matches!(
            (a, b),
            (VType::ByRef(..), VType::NativeInt | VType::Int32)
                | (VType::NativeInt | VType::Int32, VType::ByRef(..))
        );
        if mixes_pointer {
            return self.report(
                at,
                Violation::new(Rule::Pointer, "a managed pointer compared with an integer"),
            );
        }
        Ok(())
    }

    // ----- fields -----------------------------------------------------------

    /// `ldfld`, `ldflda`, `stfld`.
    fn instance_field(
        &mut self,
        vh: &mut dyn VerifyHost,
        ins: &Instruction<'_>,
    ) -> Result<(), JitError> {
        let at = ins.offset;
        let f = self.field(vh, ins)?;
        let value = (ins.opcode == Opcode::Stfld).then(|| self.pop());
        let obj = self.pop();
        let write = ins.opcode != Opcode::Ldfld;
        self.check_field_object(vh, at, obj, &f, ins.opcode)?;
        if write && f.is_init_only && !(self.facts.is_ctor && self.facts.owner == f.owner) {
            self.report(
                at,
                Violation::new(
                    Rule::InitOnlyField,
                    format!(
                        "{} of an initonly field outside its type's constructor",
                        ins.opcode.name()
                    ),
                ),
            )?;
        }
        if let VType::ByRef(_, flags) = obj {
            if flags.readonly && ins.opcode != Opcode::Ldfld {
                self.report(
                    at,
                    Violation::new(
                        Rule::ReadOnlyPointer,
                        format!("{} through a read-only managed pointer", ins.opcode.name()),
                    ),
                )?;
            }
        }
        match ins.opcode {
            Opcode::Ldfld => {
                let v = VType::of_sig(f.ty).unwrap_or(VType::Top);
                self.push(v);
            }
            Opcode::Ldflda => {
                let flags = match obj {
                    VType::ByRef(_, flags) => flags,
                    _ => RefFlags::default(),
                };
                self.push(match f.ty {
                    SigType::Val(c) => VType::ByRef(c, flags),
                    _ => VType::Top,
                });
            }
            _ => {
                let r = self.rel.check_assign(
                    vh,
                    value.expect("stfld popped a value"),
                    f.ty,
                    Rule::StoreType,
                );
                self.check(at, r)?;
            }
        }
        Ok(())
    }

    /// The object operand of an instance field access: an object of the
    /// field's class (or a subclass), or a managed pointer to (or a value
    /// of) the field's value type.
    fn check_field_object(
        &mut self,
        vh: &mut dyn VerifyHost,
        at: u32,
        obj: VType,
        f: &FieldFacts,
        opcode: Opcode,
    ) -> Result<(), JitError> {
        let owner_is_value = self.rel.is_value_type(vh, f.owner);
        let mismatch = |rel: &mut super::types::TypeRelations, vh: &mut dyn VerifyHost| {
            let (have, owner) = (rel.name(vh, obj), rel.type_name(vh, f.owner));
            Violation::new(
                Rule::FieldOwner,
                format!("{} of a field of {owner} on {have}", opcode.name()),
            )
        };
        let owner_cell = self.rel.facts(vh, f.owner).cell;
        let result = match obj {
            VType::Null => Ok(()),
            VType::Obj(t, flags) if !owner_is_value => {
                if flags.uninit && t != f.owner && opcode != Opcode::Ldfld {
                    Err(Violation::new(
                        Rule::UninitializedThis,
                        "a field of the base class written before the base constructor ran",
                    ))
                } else if self.rel.can_cast(vh, t, f.owner) {
                    Ok(())
                } else {
                    Err(mismatch(&mut self.rel, vh))
                }
            }
            VType::ByRef(c, _) if owner_is_value && c == owner_cell => Ok(()),
            // `((T*)&s)->f`: a reference-free struct's bits seen as another's.
            VType::ByRef(c, _)
                if owner_is_value
                    && !self.rel.holds_references(vh, c)
                    && !self.rel.holds_references(vh, owner_cell) =>
            {
                Err(Violation::new(
                    Rule::Pointer,
                    format!(
                        "{} of another value type's field through a managed pointer",
                        opcode.name()
                    ),
                ))
            }
            VType::Value(t) if owner_is_value && t == f.owner && opcode == Opcode::Ldfld => Ok(()),
            VType::NativeInt => Err(Violation::new(
                Rule::Pointer,
                format!("{} through an unmanaged pointer", opcode.name()),
            )),
            VType::Top => Err(Violation::new(
                Rule::UnknownType,
                format!("{} on a value of unknown type", opcode.name()),
            )),
            _ => Err(mismatch(&mut self.rel, vh)),
        };
        self.check(at, result)
    }

    /// `ldsfld`, `ldsflda`, `stsfld`.
    fn static_field(
        &mut self,
        vh: &mut dyn VerifyHost,
        ins: &Instruction<'_>,
    ) -> Result<(), JitError> {
        let at = ins.offset;
        let f = self.field(vh, ins)?;
        let in_cctor = self.facts.is_cctor && self.facts.owner == f.owner;
        if ins.opcode != Opcode::Ldsfld && f.is_init_only && !in_cctor {
            self.report(
                at,
                Violation::new(
                    Rule::InitOnlyField,
                    format!(
                        "{} of a static initonly field outside its type's static constructor",
                        ins.opcode.name()
                    ),
                ),
            )?;
        }
        match ins.opcode {
            Opcode::Ldsfld => {
                let v = VType::of_sig(f.ty).unwrap_or(VType::Top);
                self.push(v);
            }
            Opcode::Ldsflda => self.push(match f.ty {
                SigType::Val(c) => VType::ByRef(c, RefFlags::default()),
                _ => VType::Top,
            }),
            _ => {
                let v = self.pop();
                let r = self.rel.check_assign(vh, v, f.ty, Rule::StoreType);
                self.check(at, r)?;
            }
        }
        Ok(())
    }

    // ----- managed pointers ---------------------------------------------------

    /// Checks that `addr` points to a location of type `want` (`None`: any
    /// object reference, for the `.ref` forms) and returns the pointer's
    /// actual target when it is a managed pointer. `write`: the access
    /// writes through it.
    fn check_target(
        &mut self,
        vh: &mut dyn VerifyHost,
        at: u32,
        addr: VType,
        want: Option<Cell>,
        write: bool,
    ) -> Result<Option<Cell>, JitError> {
        match addr {
            VType::ByRef(c, flags) => {
                let fits = match (want, c) {
                    (None, Cell::Obj(_)) => true,
                    (Some(w), _) => w == c,
                    _ => false,
                };
                if !fits {
                    let have = self.rel.cell_name(vh, c);
                    let refs = self.rel.holds_references(vh, c)
                        || want.map_or(true, |w| self.rel.holds_references(vh, w));
                    let want = match want {
                        Some(w) => self.rel.cell_name(vh, w),
                        None => "an object reference".into(),
                    };
                    let what =
                        format!("the pointer's target is {have}, the instruction accesses {want}");
                    if refs {
                        return Err(type_unsafe(at, Rule::PointerTarget, what));
                    }
                    // Bits of one reference-free type read as another: what
                    // `*(long*)&d` compiles to (mcs does not convert `&d`).
                    self.report(at, Violation::new(Rule::Pointer, what))?;
                    return Ok(None);
                }
                if write && flags.readonly {
                    self.report(
                        at,
                        Violation::new(
                            Rule::ReadOnlyPointer,
                            "a write through a read-only managed pointer",
                        ),
                    )?;
                }
                Ok(Some(c))
            }
            VType::NativeInt => {
                self.report(
                    at,
                    Violation::new(Rule::Pointer, "access through an unmanaged pointer"),
                )?;
                Ok(None)
            }
            _ => {
                self.report(
                    at,
                    Violation::new(
                        Rule::UnknownType,
                        "access through a pointer of unknown type",
                    ),
                )?;
                Ok(None)
            }
        }
    }

    /// `ldind.*` and `ldobj`: the value loaded through `addr`. `want`:
    /// what the instruction reads (`None` for `ldind.ref`; `Obj(T)` for
    /// `ldobj` of a reference type `T`, which reads any reference the
    /// pointer's target type is assignable to `T`).
    fn load_through(
        &mut self,
        vh: &mut dyn VerifyHost,
        at: u32,
        addr: VType,
        want: Option<Cell>,
    ) -> Result<VType, JitError> {
        let (target_want, expected_ref) = match want {
            Some(Cell::Obj(t)) => (None, Some(t)),
            w => (w, None),
        };
        let target = self.check_target(vh, at, addr, target_want, false)?;
        Ok(match (target, expected_ref) {
            (Some(Cell::Obj(t)), Some(e)) => {
                if !self.rel.can_cast(vh, t, e) {
                    let (have, w) = (self.rel.type_name(vh, t), self.rel.type_name(vh, e));
                    return Err(type_unsafe(
                        at,
                        Rule::PointerTarget,
                        format!("ldobj of {w} through a pointer to {have}"),
                    ));
                }
                VType::Obj(e, ObjFlags::default())
            }
            (Some(c), _) => VType::of_cell(c),
            (None, Some(e)) => VType::Obj(e, ObjFlags::default()),
            (None, None) => match target_want {
                Some(w) => VType::of_cell(w),
                None => VType::Obj(self.rel.object, ObjFlags::default()),
            },
        })
    }

    /// `stind.*` and `stobj`: `value` stored through `addr`.
    fn store_through(
        &mut self,
        vh: &mut dyn VerifyHost,
        at: u32,
        addr: VType,
        want: Option<Cell>,
        value: VType,
    ) -> Result<(), JitError> {
        let want = match want {
            Some(Cell::Obj(_)) => None,
            w => w,
        };
        let target = self.check_target(vh, at, addr, want, true)?;
        // The value must fit the location actually pointed to.
        let location = target.or(want);
        match location {
            Some(c) => {
                let r = self.rel.check_assign_cell(vh, value, c, Rule::StoreType);
                self.check(at, r)
            }
            None => match value {
                VType::Obj(..) | VType::Null => Ok(()),
                v => {
                    let r = self.rel.check_assign_cell(
                        vh,
                        v,
                        Cell::Obj(self.rel.object),
                        Rule::StoreType,
                    );
                    self.check(at, r)
                }
            },
        }
    }

    // ----- arrays -------------------------------------------------------------

    /// The element type of the single-dimensional array `arr` (`None` for
    /// null or an untracked value).
    fn array_of(
        &mut self,
        vh: &mut dyn VerifyHost,
        at: u32,
        arr: VType,
    ) -> Result<Option<(TypeHandle, Cell)>, JitError> {
        match arr {
            VType::Null => Ok(None),
            VType::Obj(t, f) => {
                if f.uninit {
                    self.report(
                        at,
                        Violation::new(
                            Rule::UninitializedThis,
                            "uninitialized this used as an array",
                        ),
                    )?;
                }
                match self.rel.facts(vh, t).shape {
                    TypeShape::Array {
                        rank: None,
                        element,
                        cell,
                    } => Ok(Some((element, cell))),
                    _ => {
                        let name = self.rel.type_name(vh, t);
                        Err(type_unsafe(
                            at,
                            Rule::ArrayElement,
                            format!("{name} is not a single-dimensional array"),
                        ))
                    }
                }
            }
            VType::Top => {
                self.report(
                    at,
                    Violation::new(Rule::UnknownType, "array access on a value of unknown type"),
                )?;
                Ok(None)
            }
            _ => Err(type_unsafe(
                at,
                Rule::ArrayElement,
                "array access on a value that is not an array",
            )),
        }
    }

    /// `ldelem.*`, `ldelem`, `ldelema`, `stelem.*`, `stelem`.
    fn array_element(
        &mut self,
        vh: &mut dyn VerifyHost,
        ins: &Instruction<'_>,
    ) -> Result<(), JitError> {
        use Opcode as O;
        let at = ins.offset;
        let value = matches!(
            ins.opcode,
            O::StelemI1
                | O::StelemI2
                | O::StelemI4
                | O::StelemI8
                | O::StelemI
                | O::StelemR4
                | O::StelemR8
                | O::StelemRef
                | O::Stelem
        )
        .then(|| self.pop());
        self.pop(); // the index (the importer checked its kind)
        let arr = self.pop();
        let element = self.array_of(vh, at, arr)?;
        // What the instruction says the elements are: `None` for the `.ref`
        // forms (any reference type).
        let (said, said_type) = match ins.opcode {
            O::Ldelem | O::Ldelema | O::Stelem => {
                let (t, c) = self.token_cell(vh, ins)?;
                (Some(c), Some(t))
            }
            _ => match ins.op {
                Op::LdElem(ty) | Op::StElem(ty) | Op::LdElemA(ty, _) => {
                    (cell_of_opcode_type(*ty), None)
                }
                _ => (None, None),
            },
        };
        let elem_cell = match element {
            None => said,
            Some((elem_type, cell)) => {
                let compatible = match (said, cell) {
                    // The `.ref` forms: any array of references.
                    (None, Cell::Obj(_)) => true,
                    // A reference element read or addressed as a base type
                    // (the address is checked exactly at run time unless
                    // `readonly.`; stores are checked at run time).
                    (Some(Cell::Obj(want)), Cell::Obj(_)) => self.rel.can_cast(vh, elem_type, want),
                    (Some(w), c) => w == c,
                    _ => false,
                };
                if !compatible {
                    let have = self.rel.cell_name(vh, cell);
                    let want = match said {
                        Some(w) => self.rel.cell_name(vh, w),
                        None => "object references".into(),
                    };
                    return Err(type_unsafe(
                        at,
                        Rule::ArrayElement,
                        format!("{} of {want} on an array of {have}", ins.opcode.name()),
                    ));
                }
                Some(said.unwrap_or(cell))
            }
        };
        match ins.opcode {
            O::Ldelema => {
                let readonly = Self::has_prefix(ins, O::Readonly);
                let c = elem_cell.unwrap_or(Cell::Obj(self.rel.object));
                self.push(VType::ByRef(
                    c,
                    RefFlags {
                        readonly,
                        local: false,
                    },
                ));
            }
            O::StelemRef => {
                let v = value.expect("stelem popped a value");
                if v != VType::Null {
                    self.check_objref(at, v, "stelem.ref")?;
                }
            }
            _ if value.is_some() => {
                let v = value.expect("checked");
                match elem_cell {
                    // Reference elements: the store is checked at run time
                    // (array covariance); the value must be a reference.
                    Some(Cell::Obj(_)) | None => {
                        if v != VType::Null {
                            self.check_objref(at, v, ins.opcode.name())?;
                        }
                    }
                    Some(c) => {
                        let r = self.rel.check_assign_cell(vh, v, c, Rule::StoreType);
                        self.check(at, r)?;
                    }
                }
            }
            _ => {
                let v = match (element, elem_cell) {
                    (None, _) if arr == VType::Null && said.is_none() => VType::Null,
                    (_, Some(c)) => VType::of_cell(c),
                    (_, None) => {
                        VType::Obj(said_type.unwrap_or(self.rel.object), ObjFlags::default())
                    }
                };
                self.push(v);
            }
        }
        Ok(())
    }

    // ----- calls ----------------------------------------------------------------

    /// The receiver of a call, `ldvirtftn` or delegate: an object of the
    /// method's declaring class (or a subclass, or a boxed value of a value
    /// type deriving from it), an implementation of its interface, or a
    /// managed pointer to its value type.
    fn check_receiver(
        &mut self,
        vh: &mut dyn VerifyHost,
        at: u32,
        this: VType,
        m: &CalleeFacts,
        virtual_dispatch: bool,
    ) -> Result<(), JitError> {
        let owner_facts = self.rel.facts(vh, m.owner);
        let owner_is_value = owner_facts.shape == TypeShape::ValueType;
        let owner_is_interface = owner_facts.shape == TypeShape::Interface;
        let describe = |rel: &mut super::types::TypeRelations, vh: &mut dyn VerifyHost| {
            let (have, owner) = (rel.name(vh, this), rel.type_name(vh, m.owner));
            format!("a method of {owner} called on {have}")
        };
        let result = match this {
            VType::Null => Ok(()),
            VType::Obj(t, flags) if !owner_is_value || t == m.owner => {
                if flags.uninit && !m.is_ctor {
                    Err(Violation::new(
                        Rule::UninitializedThis,
                        "a method called on this before the base constructor ran",
                    ))
                } else if self.rel.obj_can_cast(vh, t, flags, m.owner) {
                    Ok(())
                } else if owner_is_interface && virtual_dispatch {
                    Err(Violation::new(
                        Rule::InterfaceType,
                        describe(&mut self.rel, vh),
                    ))
                } else {
                    Err(Violation::new(Rule::ThisType, describe(&mut self.rel, vh)))
                }
            }
            VType::ByRef(c, _) if owner_is_value && c == owner_facts.cell => Ok(()),
            // A reference-free value type's method called on a pointer to
            // another reference-free value type: its bits read as the
            // other type, as `*(long*)&d` does (the `Pointer` rule of
            // `check_target`). mcs emits it: a lifted conversion between
            // nullable types can call `Nullable<byte>::GetValueOrDefault`
            // on a `Nullable<int>` temporary.
            VType::ByRef(c, _)
                if owner_is_value
                    && !owner_facts.contains_references
                    && !self.rel.holds_references(vh, c) =>
            {
                Err(Violation::new(Rule::Pointer, describe(&mut self.rel, vh)))
            }
            VType::NativeInt if owner_is_value => Err(Violation::new(
                Rule::Pointer,
                "a value type's method called through an unmanaged pointer",
            )),
            VType::Top => Err(Violation::new(
                Rule::UnknownType,
                "a method called on a value of unknown type",
            )),
            _ => Err(Violation::new(Rule::ThisType, describe(&mut self.rel, vh))),
        };
        self.check(at, result)
    }

    /// `call` and `callvirt`: `pops` values (the arguments and `this`).
    fn call(
        &mut self,
        vh: &mut dyn VerifyHost,
        ins: &Instruction<'_>,
        pops: usize,
        virt: bool,
    ) -> Result<(), JitError> {
        let at = ins.offset;
        let opcode = if virt {
            CallOpcode::CallVirt
        } else {
            CallOpcode::Call
        };
        let m = self.callee(vh, ins, opcode)?;
        let args = self.pop_n(pops);
        let (this, params) = if m.has_this && !args.is_empty() {
            (Some(args[0]), &args[1..])
        } else {
            (None, &args[..])
        };
        let tail = Self::has_prefix(ins, Opcode::Tail);
        let mut local_byref_passed = false;
        for (i, (&a, &p)) in params.iter().zip(&m.params).enumerate() {
            let r = self.rel.check_assign(vh, a, p, Rule::ArgumentType);
            if let Err(mut v) = r {
                v.detail = format!("argument {}: {}", i + 1, v.detail);
                self.report(at, v)?;
            }
            if let VType::ByRef(_, f) = a {
                local_byref_passed |= f.local;
            }
        }
        if virt && !m.has_this {
            return Err(type_unsafe(
                at,
                Rule::InstructionKind,
                "callvirt of a static method",
            ));
        }
        if !virt && m.is_abstract {
            self.report(
                at,
                Violation::new(
                    Rule::AbstractMember,
                    "call (not callvirt) of an abstract method",
                ),
            )?;
        }
        if let Some(mut this) = this {
            if let VType::ByRef(_, f) = this {
                local_byref_passed |= f.local;
            }
            if let Some(t) = ins.constrained {
                let ct = self.resolved(at, vh.type_of_token(t))?;
                let cell = self.rel.facts(vh, ct).cell;
                match this {
                    VType::ByRef(c, _) if c == cell => {}
                    VType::NativeInt => self.report(
                        at,
                        Violation::new(
                            Rule::Pointer,
                            "a constrained call through an unmanaged pointer",
                        ),
                    )?,
                    _ => {
                        let (have, want) = (self.rel.name(vh, this), self.rel.type_name(vh, ct));
                        return Err(type_unsafe(
                            at,
                            Rule::ThisType,
                            format!("constrained. {want} callvirt with {have} as this"),
                        ));
                    }
                }
                // The receiver is then the (boxed) constrained type.
                this = VType::Obj(ct, ObjFlags::default());
            } else if virt && self.rel.is_value_type(vh, m.owner) {
                self.report(
                    at,
                    Violation::new(
                        Rule::ValueTypeCallvirt,
                        "callvirt of a value type's method without constrained.",
                    ),
                )?;
            }
            let owner_is_value = self.rel.is_value_type(vh, m.owner);
            if m.is_ctor && !owner_is_value {
                self.constructor_call(vh, at, this, &m)?;
            } else {
                self.check_receiver(vh, at, this, &m, virt)?;
            }
            if !virt && m.is_virtual && !m.is_final && !owner_is_value && ins.constrained.is_none()
            {
                match this {
                    VType::Obj(t, f) if f.this_ptr || self.rel.is_value_type(vh, t) => {
                        if f.this_ptr {
                            self.nonvirtual_on_this.push(at);
                        }
                    }
                    _ => self.report(
                        at,
                        Violation::new(
                            Rule::NonVirtualCall,
                            "call (not callvirt) of a virtual method on an object other than this",
                        ),
                    )?,
                }
            }
        }
        if tail {
            self.tail_call(vh, at, m.ret, local_byref_passed)?;
        }
        if let Some(mut v) = VType::of_sig(m.ret) {
            if let VType::ByRef(_, f) = &mut v {
                f.local = local_byref_passed;
                f.readonly = Self::has_prefix(ins, Opcode::Readonly);
            }
            self.push(v);
        }
        Ok(())
    }

    /// A `tail.` call returning `ret`: it may not pass a managed pointer
    /// into the caller's frame, its result must fit the caller's, and `ret`
    /// must follow.
    fn tail_call(
        &mut self,
        vh: &mut dyn VerifyHost,
        at: u32,
        ret: SigType,
        local_byref_passed: bool,
    ) -> Result<(), JitError> {
        if local_byref_passed {
            self.report(
                at,
                Violation::new(
                    Rule::ByRefEscape,
                    "a tail call passes a managed pointer into the caller's frame",
                ),
            )?;
        }
        let ret_fits = match (ret, self.facts.ret) {
            (SigType::Void, SigType::Void) => true,
            (SigType::Void, _) | (_, SigType::Void) => false,
            (r, want) => match VType::of_sig(r) {
                Some(v) => self.rel.check_assign(vh, v, want, Rule::TailCall).is_ok(),
                None => false,
            },
        };
        if !ret_fits {
            self.report(
                at,
                Violation::new(
                    Rule::TailCall,
                    "the tail call's result does not fit the caller's",
                ),
            )?;
        }
        self.pending_tail = Some(at);
        Ok(())
    }

    /// `calli`: arguments checked against the call site's signature; the
    /// function pointer must be an `ldftn`/`ldvirtftn` result of a method
    /// with that signature (ECMA-335 III.3.20), or the call is unsafe code
    /// (an untracked native int, or an unmanaged calling convention).
    fn calli(
        &mut self,
        vh: &mut dyn VerifyHost,
        ins: &Instruction<'_>,
        pops: usize,
    ) -> Result<(), JitError> {
        let at = ins.offset;
        let t = operand_token(ins, "signature")?;
        let site = self.resolved(at, vh.call_site_facts(t))?;
        let ftn = self.pop();
        let args = self.pop_n(pops);
        let (this, params) = if site.has_this && !site.unmanaged && !args.is_empty() {
            (Some(args[0]), &args[1..])
        } else {
            (None, &args[..])
        };
        let mut local_byref_passed = false;
        for (i, (&a, &p)) in params.iter().zip(&site.params).enumerate() {
            let r = self.rel.check_assign(vh, a, p, Rule::ArgumentType);
            if let Err(mut v) = r {
                v.detail = format!("argument {}: {}", i + 1, v.detail);
                self.report(at, v)?;
            }
            if let VType::ByRef(_, f) = a {
                local_byref_passed |= f.local;
            }
        }
        match ftn {
            VType::Ftn(f) if !site.unmanaged => {
                let m = self.resolved(at, vh.method_facts_of(f.method))?;
                let same =
                    m.has_this == site.has_this && m.params == site.params && m.ret == site.ret;
                if !same {
                    // A type-safety rule: always an error.
                    self.report(
                        at,
                        Violation::new(
                            Rule::CalliSignature,
                            "the function pointer's method does not have the call site's signature",
                        ),
                    )?;
                }
                if let Some(this) = this {
                    self.check_receiver(vh, at, this, &m, f.virt)?;
                }
            }
            VType::Ftn(_) => self.report(
                at,
                Violation::new(
                    Rule::Calli,
                    "calli with an unmanaged calling convention through a managed method's pointer",
                ),
            )?,
            _ => {
                let what = if site.unmanaged {
                    "calli with an unmanaged calling convention"
                } else {
                    "calli through a native int that no ldftn or ldvirtftn produced"
                };
                self.report(at, Violation::new(Rule::Calli, what))?;
                if let Some(this) = this {
                    if !matches!(this, VType::Obj(..) | VType::Null) {
                        let have = self.rel.name(vh, this);
                        self.report(
                            at,
                            Violation::new(
                                Rule::ThisType,
                                format!("calli with this: {have} is not an object reference"),
                            ),
                        )?;
                    }
                }
            }
        }
        if Self::has_prefix(ins, Opcode::Tail) {
            self.tail_call(vh, at, site.ret, local_byref_passed)?;
        }
        if let Some(mut v) = VType::of_sig(site.ret) {
            if let VType::ByRef(_, f) = &mut v {
                f.local = local_byref_passed;
            }
            self.push(v);
        }
        Ok(())
    }

    /// A `call` of a reference type's constructor: only inside a
    /// constructor, on the uninitialized `this`, to the base class's or the
    /// class's own constructor. It initializes `this`.
    fn constructor_call(
        &mut self,
        vh: &mut dyn VerifyHost,
        at: u32,
        this: VType,
        m: &CalleeFacts,
    ) -> Result<(), JitError> {
        let own = self.facts.owner;
        let parent = self.rel.facts(vh, own).parent;
        let on_uninit_this = matches!(this, VType::Obj(_, f) if f.uninit && f.this_ptr);
        let right_type = m.owner == own || Some(m.owner) == parent;
        if !(self.facts.is_ctor && on_uninit_this && right_type) {
            // Still type-check the receiver: running a constructor of one
            // class on an object of another is a type error.
            let plain = match this {
                VType::Obj(t, _) => VType::Obj(t, ObjFlags::default()),
                v => v,
            };
            self.check_receiver(vh, at, plain, m, false)?;
            return self.report(
                at,
                Violation::new(
                    Rule::ConstructorCall,
                    "a constructor called other than as this constructor's base or sibling constructor on the uninitialized this",
                ),
            );
        }
        self.this_init = true;
        for v in &mut self.stack {
            if let VType::Obj(_, f) = v {
                f.uninit = false;
            }
        }
        Ok(())
    }

    /// `newobj`: a constructor call on a new object, or a delegate.
    fn new_obj(
        &mut self,
        vh: &mut dyn VerifyHost,
        ins: &Instruction<'_>,
        pops: usize,
    ) -> Result<(), JitError> {
        let at = ins.offset;
        let m = self.callee(vh, ins, CallOpcode::NewObj)?;
        let owner = self.rel.facts(vh, m.owner);
        let args = self.pop_n(pops);
        if owner.is_delegate {
            if let [target, ftn] = args[..] {
                self.delegate(vh, at, &m, target, ftn)?;
            }
        } else {
            for (i, (&a, &p)) in args.iter().zip(&m.params).enumerate() {
                if let Err(mut v) = self.rel.check_assign(vh, a, p, Rule::ArgumentType) {
                    v.detail = format!("argument {}: {}", i + 1, v.detail);
                    self.report(at, v)?;
                }
            }
            if owner.is_abstract || owner.shape == TypeShape::Interface {
                let name = self.rel.type_name(vh, m.owner);
                self.report(
                    at,
                    Violation::new(
                        Rule::AbstractMember,
                        format!("newobj of the abstract type {name}"),
                    ),
                )?;
            }
        }
        let v = match owner.shape {
            TypeShape::ValueType => VType::of_cell(owner.cell),
            _ => VType::Obj(m.owner, ObjFlags::default()),
        };
        self.push(v);
        Ok(())
    }

    /// `newobj D::.ctor(object, native int)`: the function pointer must come
    /// from the `ldftn` (or `dup; ldvirtftn`) right before, and the method
    /// must fit the delegate's `Invoke` and the target object.
    fn delegate(
        &mut self,
        vh: &mut dyn VerifyHost,
        at: u32,
        ctor: &CalleeFacts,
        target: VType,
        ftn: VType,
    ) -> Result<(), JitError> {
        let VType::Ftn(f) = ftn else {
            return self.report(
                at,
                Violation::new(
                    Rule::DelegatePattern,
                    "a delegate constructed from a value that is not an ldftn or ldvirtftn result",
                ),
            );
        };
        let immediately_before = matches!(self.prev, Some((p, _)) if p == f.at);
        if !immediately_before || (f.virt && !f.dup) {
            self.report(
                at,
                Violation::new(
                    Rule::DelegatePattern,
                    "a delegate constructor must follow ldftn (or dup; ldvirtftn) directly",
                ),
            )?;
        }
        let invoke = self.resolved(at, vh.delegate_invoke(ctor.owner))?;
        let m = self.resolved(at, vh.method_facts_of(f.method))?;
        let sig_error = |what: String| type_unsafe(at, Rule::DelegateSignature, what);
        // Parameters the delegate passes to the method: its own, after a
        // first argument the target supplies for a closed static method.
        let closed_static = !m.has_this && m.params.len() == invoke.params.len() + 1;
        let method_params = if closed_static {
            &m.params[1..]
        } else {
            &m.params[..]
        };
        if method_params.len() != invoke.params.len() {
            return Err(sig_error(format!(
                "the method takes {} parameters, the delegate passes {}",
                method_params.len(),
                invoke.params.len()
            )));
        }
        for (i, (&d, &p)) in invoke.params.iter().zip(method_params).enumerate() {
            if !self.delegate_compatible(vh, d, p) {
                let (dn, pn) = (self.rel.sig_name(vh, d), self.rel.sig_name(vh, p));
                return Err(sig_error(format!(
                    "parameter {}: the delegate passes {dn}, the method takes {pn}",
                    i + 1
                )));
            }
        }
        if !(m.ret == invoke.ret || self.delegate_compatible(vh, m.ret, invoke.ret)) {
            let (mr, dr) = (
                self.rel.sig_name(vh, m.ret),
                self.rel.sig_name(vh, invoke.ret),
            );
            return Err(sig_error(format!(
                "the method returns {mr}, the delegate {dr}"
            )));
        }
        // The target: `this` for an instance method, the first argument of
        // a closed static one, null for an open static one.
        if m.has_this {
            if !f.virt {
                self.check_receiver(vh, at, target, &m, false)?;
                if m.is_virtual && !m.is_final {
                    let ok = matches!(target, VType::Obj(t, fl) if fl.this_ptr || self.rel.is_value_type(vh, t));
                    if !ok {
                        self.report(
                            at,
                            Violation::new(
                                Rule::NonVirtualCall,
                                "a delegate over a virtual method bound with ldftn to an object other than this",
                            ),
                        )?;
                    }
                }
            }
        } else if closed_static {
            let r = self
                .rel
                .check_assign(vh, target, m.params[0], Rule::DelegateSignature);
            self.check(at, r)?;
        } else if target != VType::Null {
            self.report(
                at,
                Violation::new(
                    Rule::DelegatePattern,
                    "a delegate over a static method with a target object",
                ),
            )?;
        }
        Ok(())
    }

    /// Whether a delegate's parameter (or a method's result) of type `from`
    /// may be passed where `to` is expected: the same type, or references
    /// assignable (ECMA-335 II.14.6.1, delegate-assignable-to).
    fn delegate_compatible(&mut self, vh: &mut dyn VerifyHost, from: SigType, to: SigType) -> bool {
        match (from, to) {
            (SigType::Val(Cell::Obj(a)), SigType::Val(Cell::Obj(b))) => {
                !self.rel.is_value_type(vh, a) && self.rel.can_cast(vh, a, b)
            }
            (a, b) => a == b,
        }
    }
}
