//! The JIT never panics, whatever the IL: random method bodies (every
//! opcode, random operands, branch targets, locals, arguments and
//! exception clauses) compiled against a mock host must give `Ok` or a
//! typed `JitError`. A panic prints the failing input (seed, IL bytes,
//! clauses) so it can be replayed with `FUZZ_SEED`.
//!
//! `FUZZ_ITERATIONS` (default 4000) sets how many methods one run tries.

mod common;

use std::panic::{catch_unwind, AssertUnwindSafe};

use osprey_jit::*;
use osprey_metadata::il::{Opcode, OperandKind};
use osprey_metadata::Token;
use smallvec::smallvec;

/// xorshift64*: deterministic, seeded per method.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
    fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }
}

const INT_TYPE: TypeHandle = TypeHandle(0x1000);
const CLASS_TYPE: TypeHandle = TypeHandle(0x2000);
const STRUCT_TYPE: TypeHandle = TypeHandle(0x3000);
const BIG_STRUCT_TYPE: TypeHandle = TypeHandle(0x3800);

/// Answers every question with one of a few simple shapes, chosen by the
/// token's row number, or with an error. When `shared`, the method being
/// compiled is shared generic code, and some answers are runtime lookups.
struct MockHost {
    shared: bool,
}

impl MockHost {
    /// `value`, or (in shared code, for every other row) a lookup.
    fn exact(&self, rid: u32, value: usize) -> RtValue {
        if self.shared && rid % 2 == 0 {
            RtValue::Lookup(RuntimeLookup {
                slot: rid % 7,
                descriptor: 0x8800_0000 + rid as usize,
            })
        } else {
            RtValue::Const(value)
        }
    }
}

/// The generic context of shared code, for seeds that compile some.
fn generic_context(seed: u64) -> Option<GenericContextSource> {
    let kind = match seed % 4 {
        0 => return None,
        1 => GenericContextKind::This,
        2 => GenericContextKind::MethodTable,
        _ => GenericContextKind::MethodDesc,
    };
    Some(GenericContextSource {
        kind,
        dictionary_index: (seed % 3) as u32,
    })
}

fn err() -> HostError {
    HostError {
        kind: HostErrorKind::MissingMethod,
        message: "mock: no such member".into(),
    }
}

impl JitHost for MockHost {
    fn resolve_method(&mut self, token: Token, opcode: CallOpcode) -> Result<CallInfo, HostError> {
        let rid = token.rid();
        let method = MethodHandle(0x9000 + rid as usize);
        let (sig, target) = match rid % 8 {
            0 => return Err(err()),
            1 => (
                CallSig {
                    this: None,
                    params: vec![JitType::I4],
                    ret: JitType::Void,
                },
                CallTarget::Managed { entry: 0x7100_0000 },
            ),
            2 => (
                CallSig {
                    this: Some(ThisKind::Ref),
                    params: vec![],
                    ret: JitType::I4,
                },
                CallTarget::Virtual { slot: 3 },
            ),
            3 => (
                CallSig {
                    this: None,
                    params: vec![JitType::I4, JitType::Ref],
                    ret: JitType::I8,
                },
                CallTarget::FCall {
                    address: 0x7200_0000,
                    pass_thread: true,
                    may_throw: true,
                    helper_frame: rid % 16 == 3,
                },
            ),
            4 => (
                CallSig {
                    this: Some(ThisKind::Ref),
                    params: vec![JitType::R8, JitType::Struct(STRUCT_TYPE)],
                    ret: JitType::Struct(BIG_STRUCT_TYPE),
                },
                CallTarget::Managed { entry: 0x7300_0000 },
            ),
            5 => (
                CallSig {
                    this: Some(ThisKind::Ref),
                    params: vec![JitType::I4, JitType::I4, JitType::I4],
                    ret: JitType::R8,
                },
                CallTarget::DelegateInvoke,
            ),
            6 => (
                CallSig {
                    this: Some(ThisKind::ByRef),
                    params: vec![JitType::Ref],
                    ret: JitType::Ref,
                },
                CallTarget::Managed { entry: 0x7400_0000 },
            ),
            _ => (
                CallSig {
                    this: None,
                    params: vec![JitType::Ref, JitType::Ref],
                    ret: JitType::Bool,
                },
                CallTarget::PInvoke(Box::new(UnmanagedCall {
                    target: if rid % 2 == 0 {
                        NativeTarget::Address(0x7500_0000)
                    } else {
                        NativeTarget::Cell { cell: 0x7500_1000 }
                    },
                    args: vec![NativeArg::PinnedString, NativeArg::Direct],
                    ret: NativeRet::Bool {
                        one_byte: rid % 4 == 1,
                    },
                    suppress_gc_transition: rid % 16 == 7,
                    set_last_error: rid % 5 == 0,
                })),
            ),
        };
        let new_object = match opcode {
            CallOpcode::NewObj => Some(match rid % 4 {
                0 => NewObjectInfo::Value {
                    handle: STRUCT_TYPE,
                },
                1 => NewObjectInfo::Delegate {
                    handle: ExactType {
                        canonical: CLASS_TYPE,
                        exact: self.exact(rid, CLASS_TYPE.0),
                    },
                },
                _ => NewObjectInfo::Object {
                    handle: ExactType {
                        canonical: CLASS_TYPE,
                        exact: self.exact(rid, CLASS_TYPE.0),
                    },
                },
            }),
            _ => None,
        };
        let sig = match (opcode, &new_object) {
            (CallOpcode::NewObj, Some(NewObjectInfo::Delegate { .. })) => CallSig {
                this: Some(ThisKind::Ref),
                params: vec![JitType::Ref, JitType::I],
                ret: JitType::Void,
            },
            (CallOpcode::NewObj, Some(NewObjectInfo::Value { .. })) => CallSig {
                this: Some(ThisKind::ByRef),
                ret: JitType::Void,
                ..sig
            },
            (CallOpcode::NewObj, _) => CallSig {
                this: Some(ThisKind::Ref),
                ret: JitType::Void,
                ..sig
            },
            _ => sig,
        };
        let target = match (opcode, &target) {
            (CallOpcode::NewObj, CallTarget::PInvoke(_) | CallTarget::DelegateInvoke) => {
                CallTarget::Managed { entry: 0x7600_0000 }
            }
            (CallOpcode::LdFtn | CallOpcode::LdVirtFtn, _) => match self.exact(rid, 0x7700_0000) {
                RtValue::Const(entry) => CallTarget::Managed { entry },
                RtValue::Lookup(entry) => CallTarget::ManagedLookup { entry },
            },
            (_, CallTarget::Managed { entry }) => match self.exact(rid, *entry) {
                RtValue::Const(entry) => CallTarget::Managed { entry },
                RtValue::Lookup(entry) => CallTarget::ManagedLookup { entry },
            },
            _ => target,
        };
        Ok(CallInfo {
            method,
            method_exact: self.exact(rid, method.0),
            target,
            sig,
            new_object,
            class_init: None,
        })
    }

    fn resolve_field(&mut self, token: Token, is_static: bool) -> Result<FieldInfo, HostError> {
        let ty = match token.rid() % 5 {
            0 => return Err(err()),
            1 => JitType::I4,
            2 => JitType::Ref,
            3 => JitType::R8,
            _ => JitType::Struct(STRUCT_TYPE),
        };
        let location = if is_static {
            match self.exact(token.rid(), 0x6000_0000) {
                RtValue::Const(address) => FieldLocation::Static { address },
                RtValue::Lookup(address) => FieldLocation::StaticLookup { address },
            }
        } else {
            FieldLocation::Instance { offset: 8 }
        };
        Ok(FieldInfo {
            ty,
            location,
            class_init: None,
        })
    }

    fn resolve_type(&mut self, token: Token) -> Result<TypeInfo, HostError> {
        let mut info = match token.rid() % 5 {
            0 => return Err(err()),
            1 => TypeInfo {
                handle: INT_TYPE,
                exact: RtValue::Const(INT_TYPE.0),
                ty: JitType::I4,
                nullable_of: None,
            },
            2 => TypeInfo {
                handle: CLASS_TYPE,
                exact: RtValue::Const(CLASS_TYPE.0),
                ty: JitType::Ref,
                nullable_of: None,
            },
            3 => TypeInfo {
                handle: STRUCT_TYPE,
                exact: RtValue::Const(STRUCT_TYPE.0),
                ty: JitType::Struct(STRUCT_TYPE),
                nullable_of: None,
            },
            _ => TypeInfo {
                handle: BIG_STRUCT_TYPE,
                exact: RtValue::Const(BIG_STRUCT_TYPE.0),
                ty: JitType::Struct(BIG_STRUCT_TYPE),
                nullable_of: None,
            },
        };
        info.exact = self.exact(token.rid(), info.handle.0);
        Ok(info)
    }

    fn resolve_token(&mut self, token: Token) -> Result<(RtValue, TypeHandle), HostError> {
        if token.rid() % 3 == 0 {
            return Err(err());
        }
        Ok((self.exact(token.rid(), 0x10), STRUCT_TYPE))
    }

    fn constrained_call(
        &mut self,
        _: Token,
        _: TypeHandle,
        _: Token,
        _: &CallInfo,
    ) -> Result<Option<CallInfo>, HostError> {
        Ok(None)
    }

    fn resolve_array_type(&mut self, token: Token) -> Result<TypeInfo, HostError> {
        if token.rid() % 5 == 0 {
            return Err(err());
        }
        Ok(TypeInfo {
            handle: TypeHandle(0x5000),
            exact: self.exact(token.rid(), 0x5000),
            ty: JitType::Ref,
            nullable_of: None,
        })
    }

    fn resolve_string(&mut self, token: Token) -> Result<usize, HostError> {
        if token.rid() % 4 == 0 {
            return Err(err());
        }
        Ok(0x5800_0000)
    }

    fn struct_layout(&mut self, handle: TypeHandle) -> StructLayout {
        if handle == BIG_STRUCT_TYPE {
            StructLayout {
                size: 24,
                align: 8,
                gc_refs: smallvec![8],
                gc_byrefs: smallvec![],
            }
        } else {
            StructLayout {
                size: 8,
                align: 8,
                gc_refs: smallvec![],
                gc_byrefs: smallvec![],
            }
        }
    }

    fn helper(&self, helper: Helper) -> usize {
        0x7800_0000 + 16 * helper as usize
    }

    fn resolve_signature(&mut self, token: Token) -> Result<CallSiteSig, HostError> {
        // calli: an unmanaged signature with a struct in memory for even
        // rows, a managed one for odd rows.
        let sig = CallSig {
            this: None,
            params: vec![JitType::I4, JitType::R8, JitType::Struct(STRUCT_TYPE)],
            ret: JitType::I4,
        };
        let unmanaged = (token.rid() % 2 == 0).then(|| UnmanagedCall {
            target: NativeTarget::Stack,
            args: vec![
                NativeArg::Direct,
                NativeArg::Direct,
                NativeArg::Struct(NativeStruct {
                    size: 24,
                    class: StructClass::Memory,
                }),
            ],
            ret: NativeRet::Direct,
            suppress_gc_transition: false,
            set_last_error: token.rid() % 3 == 0,
        });
        Ok(CallSiteSig { sig, unmanaged })
    }

    /// Half of the failures are raised where they run (the rest fail the
    /// compilation), so both paths are exercised.
    fn defer_failure(&mut self, _error: &HostError, token: Token) -> Option<usize> {
        (token.rid() % 16 < 8).then_some(token.rid() as usize)
    }

    fn runtime_layout(&self) -> RuntimeLayout {
        common::runtime_layout()
    }
}

const TYPES: [JitType; 8] = [
    JitType::I4,
    JitType::I8,
    JitType::R8,
    JitType::R4,
    JitType::Ref,
    JitType::ByRef,
    JitType::U1,
    JitType::Struct(STRUCT_TYPE),
];

/// A random method: a list of instructions, encoded, plus clauses whose
/// offsets are usually (not always) instruction boundaries.
struct RandomMethod {
    il: Vec<u8>,
    args: Vec<JitType>,
    locals: Vec<LocalVar>,
    ret: JitType,
    eh: Vec<EhClause>,
}

impl RandomMethod {
    /// The JIT's input for this method, as shared code with
    /// `generic_context` or as exact code.
    fn input(&self, generic_context: Option<GenericContextSource>) -> MethodInput<'_> {
        MethodInput {
            il: &self.il,
            args: self.args.clone(),
            locals: self.locals.clone(),
            ret: self.ret,
            class_init: None,
            class_init_lookup: None,
            eh: self.eh.clone(),
            generic_context,
            call_counter: None,
        }
    }
}

fn random_method(rng: &mut Rng) -> RandomMethod {
    let count = 1 + rng.below(40) as usize;
    let args: Vec<JitType> = (0..rng.below(5))
        .map(|_| TYPES[rng.below(8) as usize])
        .collect();
    let locals: Vec<LocalVar> = (0..rng.below(5))
        .map(|_| LocalVar {
            ty: TYPES[rng.below(8) as usize],
            pinned: rng.chance(5),
        })
        .collect();
    let ret = if rng.chance(40) {
        JitType::Void
    } else {
        TYPES[rng.below(8) as usize]
    };
    // First pick opcodes, then encode with branch targets among the
    // instruction starts (sometimes not).
    let ops: Vec<Opcode> = (0..count)
        .map(|_| {
            // Favour the common, stack-shaping opcodes.
            if rng.chance(50) {
                const COMMON: [Opcode; 16] = [
                    Opcode::LdcI40,
                    Opcode::LdcI41,
                    Opcode::Ldarg0,
                    Opcode::Ldloc0,
                    Opcode::Stloc0,
                    Opcode::Add,
                    Opcode::Pop,
                    Opcode::Dup,
                    Opcode::Ret,
                    Opcode::BrS,
                    Opcode::BrtrueS,
                    Opcode::Ldnull,
                    Opcode::LeaveS,
                    Opcode::Endfinally,
                    Opcode::Throw,
                    Opcode::Call,
                ];
                COMMON[rng.below(COMMON.len() as u64) as usize]
            } else {
                Opcode::ALL[rng.below(Opcode::ALL.len() as u64) as usize]
            }
        })
        .collect();
    let size_of = |op: Opcode, switch_n: usize| {
        op.size()
            + op.operand_kind().size()
            + if op.operand_kind() == OperandKind::Switch {
                4 * switch_n
            } else {
                0
            }
    };
    let switch_ns: Vec<usize> = ops.iter().map(|_| rng.below(4) as usize).collect();
    let mut starts = Vec::with_capacity(count + 1);
    let mut at = 0usize;
    for (op, n) in ops.iter().zip(&switch_ns) {
        starts.push(at);
        at += size_of(*op, *n);
    }
    starts.push(at);
    let mut il = Vec::with_capacity(at);
    let target = |rng: &mut Rng, next: usize| -> i64 {
        let t = if rng.chance(90) {
            starts[rng.below(starts.len() as u64) as usize]
        } else {
            rng.below(at as u64 + 8) as usize
        };
        t as i64 - next as i64
    };
    for (i, (op, n)) in ops.iter().zip(&switch_ns).enumerate() {
        let next = starts[i + 1];
        let v = op.value();
        if v > 0xFF {
            il.push(0xFE);
            il.push(v as u8);
        } else {
            il.push(v as u8);
        }
        match op.operand_kind() {
            OperandKind::None => {}
            OperandKind::Int8 | OperandKind::UInt8 => il.push(rng.below(256) as u8),
            OperandKind::ShortVar => il.push(rng.below(6) as u8),
            OperandKind::Var => il.extend_from_slice(&(rng.below(6) as u16).to_le_bytes()),
            OperandKind::Int32 => il.extend_from_slice(&(rng.next() as i32).to_le_bytes()),
            OperandKind::Int64 => il.extend_from_slice(&rng.next().to_le_bytes()),
            OperandKind::Float32 => il.extend_from_slice(&(rng.next() as f32).to_le_bytes()),
            OperandKind::Float64 => il.extend_from_slice(&(rng.next() as f64 / 7.0).to_le_bytes()),
            OperandKind::ShortBranch => {
                let d = target(rng, next).clamp(-128, 127) as i8;
                il.push(d as u8);
            }
            OperandKind::Branch => il.extend_from_slice(&(target(rng, next) as i32).to_le_bytes()),
            OperandKind::Switch => {
                il.extend_from_slice(&(*n as u32).to_le_bytes());
                for _ in 0..*n {
                    il.extend_from_slice(&(target(rng, next) as i32).to_le_bytes());
                }
            }
            kind => {
                let table: u32 = match kind {
                    OperandKind::Method => {
                        if rng.chance(50) {
                            0x06
                        } else {
                            0x0A
                        }
                    }
                    OperandKind::Field => 0x04,
                    OperandKind::Type | OperandKind::Tok => 0x02,
                    OperandKind::String => 0x70,
                    _ => 0x11,
                };
                let token = (table << 24) | (1 + rng.below(32) as u32);
                il.extend_from_slice(&token.to_le_bytes());
            }
        }
    }
    let mut eh = Vec::new();
    for _ in 0..rng.below(4) {
        let pick = |rng: &mut Rng| -> u32 {
            if rng.chance(90) {
                starts[rng.below(starts.len() as u64) as usize] as u32
            } else {
                rng.below(at as u64 + 4) as u32
            }
        };
        let (a, b, c, d) = (pick(rng), pick(rng), pick(rng), pick(rng));
        let kind = match rng.below(4) {
            0 => EhKind::Catch(CLASS_TYPE),
            1 => EhKind::Filter {
                filter_start: pick(rng),
            },
            2 => EhKind::Finally,
            _ => EhKind::Fault,
        };
        eh.push(EhClause {
            kind,
            try_start: a.min(b),
            try_end: a.max(b),
            handler_start: c.min(d),
            handler_end: c.max(d),
        });
    }
    RandomMethod {
        il,
        args,
        locals,
        ret,
        eh,
    }
}

/// The seeds to try: `FUZZ_SEED` alone, or 1..=`FUZZ_ITERATIONS` (4000).
fn fuzz_seeds() -> Vec<u64> {
    let iterations: u64 = std::env::var("FUZZ_ITERATIONS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(4000);
    match std::env::var("FUZZ_SEED").ok().and_then(|v| v.parse().ok()) {
        Some(seed) => vec![seed],
        None => (1..=iterations).collect(),
    }
}

#[test]
fn random_il_never_panics() {
    let seeds = fuzz_seeds();
    let (mut ok, mut rejected) = (0u64, 0u64);
    for seed in seeds {
        let mut rng = Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1);
        let m = random_method(&mut rng);
        let input = m.input(generic_context(seed));
        let result = catch_unwind(AssertUnwindSafe(|| {
            compile(
                &mut MockHost {
                    shared: input.generic_context.is_some(),
                },
                &input,
                0x4000_0000,
            )
        }));
        match result {
            Ok(Ok(_)) => ok += 1,
            // Debug builds check each stage's output (jit/src/checks.rs):
            // whatever the IL, a stage must not hand the next an
            // inconsistent result.
            Ok(Err(JitError::StageCheck(e))) => panic!(
                "a stage check failed on seed {seed} (replay with FUZZ_SEED={seed}): {e}\n  il: {:02x?}",
                m.il
            ),
            Ok(Err(_)) => rejected += 1,
            Err(_) => panic!(
                "the JIT panicked on seed {seed} (replay with FUZZ_SEED={seed}):\n  il: {:02x?}\n  args: {:?}\n  locals: {:?}\n  ret: {:?}\n  eh: {:?}",
                m.il, m.args, m.locals, m.ret, m.eh
            ),
        }
    }
    // The generator must reach code generation, not only the IL checks.
    assert!(
        ok > 0 || std::env::var("FUZZ_SEED").is_ok(),
        "no method compiled ({rejected} rejected)"
    );
    eprintln!("{ok} compiled, {rejected} rejected with an error");
}

/// A generator of mostly well-typed IL: it tracks the evaluation stack and
/// picks instructions that fit it, with structured try/catch/finally
/// regions, so that methods get through the importer and exercise code
/// generation. Some choices are deliberately wrong (a few percent), to
/// probe the checks between the two.
struct Typed<'r> {
    rng: &'r mut Rng,
    il: Vec<u8>,
    stack: Vec<JitType>,
    args: Vec<JitType>,
    locals: Vec<JitType>,
    eh: Vec<EhClause>,
    /// How deeply protected regions nest here.
    depth: u32,
}

impl Typed<'_> {
    fn op(&mut self, op: Opcode) {
        let v = op.value();
        if v > 0xFF {
            self.il.push(0xFE);
        }
        self.il.push(v as u8);
    }
    fn i32(&mut self, v: i32) {
        self.il.extend_from_slice(&v.to_le_bytes());
    }
    fn token(&mut self, table: u32, rid: u32) {
        self.i32(((table << 24) | rid) as i32);
    }
    fn pos(&self) -> u32 {
        self.il.len() as u32
    }
    fn is_int(t: JitType) -> bool {
        matches!(t, JitType::I4 | JitType::U1 | JitType::Bool)
    }

    /// One instruction (or a small group) that fits the current stack.
    fn step(&mut self) {
        let top = self.stack.last().copied();
        let second = self.stack.len().checked_sub(2).map(|i| self.stack[i]);
        let choice = self.rng.below(24);
        match choice {
            0 => {
                self.op(Opcode::LdcI4);
                let v = self.rng.next() as i32;
                self.i32(v);
                self.stack.push(JitType::I4);
            }
            1 => {
                self.op(Opcode::LdcI8);
                let v = self.rng.next();
                self.il.extend_from_slice(&v.to_le_bytes());
                self.stack.push(JitType::I8);
            }
            2 => {
                self.op(Opcode::LdcR8);
                let v = self.rng.next() as f64 / 3.0;
                self.il.extend_from_slice(&v.to_le_bytes());
                self.stack.push(JitType::R8);
            }
            3 if !self.args.is_empty() => {
                let n = self.rng.below(self.args.len() as u64) as u8;
                self.op(Opcode::LdargS);
                self.il.push(n);
                self.stack.push(self.args[n as usize]);
            }
            4 if !self.locals.is_empty() => {
                let n = self.rng.below(self.locals.len() as u64) as u8;
                if self.rng.chance(70) {
                    self.op(Opcode::LdlocS);
                    self.stack.push(self.locals[n as usize]);
                } else {
                    self.op(Opcode::LdlocaS);
                    self.stack.push(JitType::ByRef);
                }
                self.il.push(n);
            }
            5 if top.is_some() && !self.locals.is_empty() => {
                let n = self.rng.below(self.locals.len() as u64) as usize;
                if Some(self.locals[n].stack_kind()) == top.map(|t| t.stack_kind())
                    || self.rng.chance(3)
                {
                    self.op(Opcode::StlocS);
                    self.il.push(n as u8);
                    self.stack.pop();
                }
            }
            6 if top.is_some() && second.is_some() => {
                let (a, b) = (top.unwrap(), second.unwrap());
                let same = a.stack_kind() == b.stack_kind();
                if (same && (Self::is_int(a) || matches!(a, JitType::I8 | JitType::R8)))
                    || self.rng.chance(3)
                {
                    const OPS: [Opcode; 10] = [
                        Opcode::Add,
                        Opcode::Sub,
                        Opcode::Mul,
                        Opcode::Div,
                        Opcode::Rem,
                        Opcode::And,
                        Opcode::Or,
                        Opcode::Xor,
                        Opcode::AddOvf,
                        Opcode::MulOvfUn,
                    ];
                    let op = OPS[self.rng.below(OPS.len() as u64) as usize];
                    self.op(op);
                    self.stack.pop();
                }
            }
            7 if top.is_some() && second.is_some() => {
                const CMP: [Opcode; 4] = [Opcode::Ceq, Opcode::Cgt, Opcode::CltUn, Opcode::Clt];
                let op = CMP[self.rng.below(4) as usize];
                self.op(op);
                self.stack.pop();
                self.stack.pop();
                self.stack.push(JitType::I4);
            }
            8 if top.is_some() => {
                const CONV: [(Opcode, JitType); 8] = [
                    (Opcode::ConvI4, JitType::I4),
                    (Opcode::ConvI8, JitType::I8),
                    (Opcode::ConvR8, JitType::R8),
                    (Opcode::ConvU1, JitType::I4),
                    (Opcode::ConvOvfI4, JitType::I4),
                    (Opcode::ConvI, JitType::I),
                    (Opcode::ConvR4, JitType::R4),
                    (Opcode::ConvOvfU8Un, JitType::I8),
                ];
                let (op, to) = CONV[self.rng.below(8) as usize];
                self.op(op);
                self.stack.pop();
                self.stack.push(to);
            }
            9 if top.is_some() => {
                self.op(Opcode::Pop);
                self.stack.pop();
            }
            10 if top.is_some() => {
                self.op(Opcode::Dup);
                self.stack.push(top.unwrap());
            }
            11 => {
                self.op(Opcode::Ldnull);
                self.stack.push(JitType::Ref);
            }
            12 if top == Some(JitType::I4) => {
                // newarr int32 / object
                self.op(Opcode::Newarr);
                let rid = if self.rng.chance(50) { 1 } else { 2 };
                self.token(0x02, rid);
                self.stack.pop();
                self.stack.push(JitType::Ref);
            }
            13 if top == Some(JitType::I4) && second == Some(JitType::Ref) => {
                let op = if self.rng.chance(50) {
                    Opcode::LdelemI4
                } else {
                    Opcode::LdelemRef
                };
                self.op(op);
                self.stack.pop();
                self.stack.pop();
                self.stack.push(JitType::I4);
            }
            14 if top == Some(JitType::Ref) => {
                match self.rng.below(5) {
                    0 => {
                        self.op(Opcode::Ldlen);
                        self.stack.pop();
                        self.stack.push(JitType::I);
                    }
                    1 => {
                        self.op(Opcode::Ldfld);
                        let rid = 1 + self.rng.below(4) as u32;
                        self.token(0x04, rid);
                        self.stack.pop();
                        self.stack.push(
                            [
                                JitType::I4,
                                JitType::Ref,
                                JitType::R8,
                                JitType::Struct(STRUCT_TYPE),
                            ][(rid % 5 - 1) as usize],
                        );
                    }
                    2 => {
                        self.op(Opcode::Isinst);
                        self.token(0x02, 2);
                    }
                    3 => {
                        self.op(Opcode::Callvirt);
                        self.token(0x0A, 2); // int32 instance ()
                        self.stack.pop();
                        self.stack.push(JitType::I4);
                    }
                    _ => {
                        self.op(Opcode::Throw);
                        // What follows is unreachable: it starts empty.
                        self.stack.clear();
                    }
                }
            }
            15 if top.is_some() && Self::is_int(top.unwrap()) => {
                self.op(Opcode::Box);
                self.token(0x02, 1);
                self.stack.pop();
                self.stack.push(JitType::Ref);
            }
            16 if top == Some(JitType::I4) => {
                self.op(Opcode::Call);
                self.token(0x0A, 1); // void (int32)
                self.stack.pop();
            }
            17 if self.stack.len() >= 2
                && top == Some(JitType::Ref)
                && second.is_some_and(Self::is_int) =>
            {
                self.op(Opcode::Call);
                self.token(0x06, 3); // int64 (int32, object) FCall
                self.stack.pop();
                self.stack.pop();
                self.stack.push(JitType::I8);
            }
            18 => {
                self.op(Opcode::Ldstr);
                self.token(0x70, 1);
                self.stack.push(JitType::Ref);
            }
            19 if self.stack.is_empty() && self.depth < 3 => self.protected_region(),
            20 if self.stack.is_empty() => self.loop_(),
            21 if top == Some(JitType::I4) => {
                // if (x) { ... } with an empty stack on both paths.
                self.op(Opcode::Brfalse);
                let patch = self.il.len();
                self.i32(0);
                self.stack.pop();
                let saved = self.stack.clone();
                let start = self.pos();
                for _ in 0..self.rng.below(4) {
                    self.step();
                }
                self.balance(&saved);
                let rel = self.pos() as i32 - start as i32;
                self.il[patch..patch + 4].copy_from_slice(&rel.to_le_bytes());
            }
            22 if self.stack.len() >= 3 => {
                self.op(Opcode::Callvirt);
                self.token(0x0A, 5); // delegate invoke: double (int32, int32, int32) on a ref
                let n = self.stack.len();
                self.stack.truncate(n - 4.min(n));
                self.stack.push(JitType::R8);
            }
            _ => {
                self.op(Opcode::Nop);
            }
        }
    }

    /// Pops or pushes until the stack has the shape `to` (pops, and
    /// constants for missing entries).
    fn balance(&mut self, to: &[JitType]) {
        while self.stack.len() > to.len() {
            self.op(Opcode::Pop);
            self.stack.pop();
        }
        while self.stack.len() < to.len() {
            match to[self.stack.len()] {
                JitType::I8 => {
                    self.op(Opcode::LdcI8);
                    self.il.extend_from_slice(&0u64.to_le_bytes());
                }
                JitType::R8 => {
                    self.op(Opcode::LdcR8);
                    self.il.extend_from_slice(&0f64.to_le_bytes());
                }
                JitType::Ref => self.op(Opcode::Ldnull),
                _ => self.op(Opcode::LdcI40),
            }
            self.stack.push(to[self.stack.len()]);
        }
    }

    /// `try { ... leave } catch/finally { ... leave/endfinally }`.
    fn protected_region(&mut self) {
        self.depth += 1;
        let try_start = self.pos();
        for _ in 0..1 + self.rng.below(5) {
            self.step();
        }
        self.stack.clear();
        self.op(Opcode::Leave);
        let leave1 = self.il.len();
        self.i32(0);
        let try_end = self.pos();
        let finally = self.rng.chance(40);
        let handler_start = self.pos();
        let mut leave2 = None;
        if finally {
            for _ in 0..self.rng.below(4) {
                self.step();
            }
            self.balance(&[]);
            self.op(Opcode::Endfinally);
        } else {
            self.stack = vec![JitType::Ref];
            for _ in 0..self.rng.below(4) {
                self.step();
            }
            self.balance(&[]);
            self.op(Opcode::Leave);
            leave2 = Some(self.il.len());
            self.i32(0);
        }
        let handler_end = self.pos();
        let after = self.pos() as i32;
        self.il[leave1..leave1 + 4].copy_from_slice(&(after - (leave1 as i32 + 4)).to_le_bytes());
        if let Some(l2) = leave2 {
            self.il[l2..l2 + 4].copy_from_slice(&(after - (l2 as i32 + 4)).to_le_bytes());
        }
        self.eh.push(EhClause {
            kind: if finally {
                EhKind::Finally
            } else {
                EhKind::Catch(CLASS_TYPE)
            },
            try_start,
            try_end,
            handler_start,
            handler_end,
        });
        self.stack.clear();
        self.depth -= 1;
    }

    /// `loop: ... ; brtrue loop` with an empty stack at the head.
    fn loop_(&mut self) {
        let head = self.pos();
        for _ in 0..self.rng.below(4) {
            self.step();
        }
        self.balance(&[JitType::I4]);
        self.op(Opcode::Brtrue);
        let rel = head as i32 - (self.pos() as i32 + 4);
        self.i32(rel);
        self.stack.pop();
        self.balance(&[]);
    }
}

fn typed_method(rng: &mut Rng) -> RandomMethod {
    let args: Vec<JitType> = (0..rng.below(5))
        .map(|_| TYPES[rng.below(6) as usize])
        .collect();
    let locals: Vec<JitType> = (0..1 + rng.below(5))
        .map(|_| TYPES[rng.below(6) as usize])
        .collect();
    let ret = [
        JitType::Void,
        JitType::I4,
        JitType::I8,
        JitType::R8,
        JitType::Ref,
    ][rng.below(5) as usize];
    let mut t = Typed {
        rng,
        il: Vec::new(),
        stack: Vec::new(),
        args: args.clone(),
        locals: locals.clone(),
        eh: Vec::new(),
        depth: 0,
    };
    for _ in 0..1 + t.rng.below(30) {
        t.step();
    }
    let want: Vec<JitType> = if ret == JitType::Void {
        vec![]
    } else {
        vec![ret]
    };
    while t.stack.len() > 1 {
        t.op(Opcode::Pop);
        t.stack.pop();
    }
    if t.stack.len() == 1 && t.stack[0].stack_kind() != ret.stack_kind() {
        t.op(Opcode::Pop);
        t.stack.clear();
    }
    t.balance(&want);
    t.op(Opcode::Ret);
    RandomMethod {
        il: t.il,
        args,
        locals: locals
            .into_iter()
            .map(|ty| LocalVar { ty, pinned: false })
            .collect(),
        ret,
        eh: t.eh,
    }
}

#[test]
fn well_typed_random_il_compiles_or_fails_cleanly() {
    let seeds = fuzz_seeds();
    let (mut ok, mut rejected) = (0u64, 0u64);
    let mut first_error = None;
    let (mut optimized, mut declined) = (0u64, 0u64);
    for seed in seeds {
        let mut rng = Rng(seed.wrapping_mul(0xD1B5_4A32_D192_ED03) | 1);
        let m = typed_method(&mut rng);
        let input = m.input(generic_context(seed));
        // The optimizing tier must not panic either: it compiles the method
        // or declines it (the baseline tier then compiles it).
        let shared = input.generic_context.is_some();
        match catch_unwind(AssertUnwindSafe(|| {
            compile_optimized(&mut MockHost { shared }, &input, 0x4000_0000)
        })) {
            Ok(Ok(_)) => optimized += 1,
            Ok(Err(_)) => declined += 1,
            Err(_) => panic!(
                "the optimizing tier panicked on seed {seed} (replay with FUZZ_SEED={seed}):\n  il: {:02x?}\n  args: {:?}\n  locals: {:?}\n  ret: {:?}\n  eh: {:?}",
                m.il, m.args, m.locals, m.ret, m.eh
            ),
        }
        match catch_unwind(AssertUnwindSafe(|| compile(&mut MockHost { shared }, &input, 0x4000_0000))) {
            Ok(Ok(_)) => ok += 1,
            Ok(Err(JitError::StageCheck(e))) => panic!(
                "a stage check failed on seed {seed} (replay with FUZZ_SEED={seed}): {e}\n  il: {:02x?}",
                m.il
            ),
            Ok(Err(e)) => {
                rejected += 1;
                first_error.get_or_insert((seed, e));
            }
            Err(_) => panic!(
                "the JIT panicked on seed {seed} (replay with FUZZ_SEED={seed}):\n  il: {:02x?}\n  args: {:?}\n  locals: {:?}\n  ret: {:?}\n  eh: {:?}",
                m.il, m.args, m.locals, m.ret, m.eh
            ),
        }
    }
    eprintln!("{ok} compiled, {rejected} rejected; first rejection: {first_error:?}");
    eprintln!("optimizing tier: {optimized} compiled, {declined} declined");
    assert!(
        ok * 2 > rejected || std::env::var("FUZZ_SEED").is_ok(),
        "the typed generator should mostly produce valid IL ({ok} compiled, {rejected} rejected; first: {first_error:?})"
    );
}

/// [`MockHost`] that also answers the verifier's questions (jit/src/verify),
/// with shapes derived from the mock's JIT answers and the method's own
/// types. Its answers need not agree with everything the JIT was told: the
/// verifier must give `Ok` or a typed error whatever its host says.
struct VerifyingHost {
    inner: MockHost,
    args: Vec<JitType>,
    locals: Vec<JitType>,
    ret: JitType,
}

const ARRAY_TYPE: TypeHandle = TypeHandle(0x5000);
const OBJECT_TYPE: TypeHandle = TypeHandle(0x6000);

fn cell_of(t: JitType) -> verify::Cell {
    use verify::Cell;
    match t {
        JitType::Bool | JitType::I1 | JitType::U1 => Cell::I1,
        JitType::Char | JitType::I2 | JitType::U2 => Cell::I2,
        JitType::I4 | JitType::U4 | JitType::Void => Cell::I4,
        JitType::I8 | JitType::U8 => Cell::I8,
        JitType::I | JitType::U | JitType::Ptr => Cell::I,
        JitType::R4 => Cell::R4,
        JitType::R8 => Cell::R8,
        JitType::Ref | JitType::ByRef => Cell::Obj(CLASS_TYPE),
        JitType::Struct(h) => Cell::Value(h),
    }
}

fn sig_of(t: JitType) -> verify::SigType {
    match t {
        JitType::Void => verify::SigType::Void,
        JitType::ByRef => verify::SigType::ByRef(verify::Cell::I4),
        t => verify::SigType::Val(cell_of(t)),
    }
}

impl VerifyingHost {
    fn callee(&mut self, info: &CallInfo) -> verify::CalleeFacts {
        verify::CalleeFacts {
            method: info.method,
            owner: if info.sig.this == Some(ThisKind::ByRef) {
                STRUCT_TYPE
            } else {
                CLASS_TYPE
            },
            has_this: info.sig.this.is_some(),
            params: info.sig.params.iter().map(|p| sig_of(*p)).collect(),
            ret: sig_of(info.sig.ret),
            is_virtual: info.method.0 % 2 == 0,
            is_final: info.method.0 % 3 == 0,
            is_abstract: info.method.0 % 5 == 0,
            is_ctor: info.new_object.is_some(),
        }
    }
}

impl JitHost for VerifyingHost {
    fn resolve_method(&mut self, token: Token, opcode: CallOpcode) -> Result<CallInfo, HostError> {
        self.inner.resolve_method(token, opcode)
    }
    fn resolve_field(&mut self, token: Token, is_static: bool) -> Result<FieldInfo, HostError> {
        self.inner.resolve_field(token, is_static)
    }
    fn resolve_type(&mut self, token: Token) -> Result<TypeInfo, HostError> {
        self.inner.resolve_type(token)
    }
    fn resolve_token(&mut self, token: Token) -> Result<(RtValue, TypeHandle), HostError> {
        self.inner.resolve_token(token)
    }
    fn constrained_call(
        &mut self,
        constrained_token: Token,
        constrained: TypeHandle,
        method_token: Token,
        call: &CallInfo,
    ) -> Result<Option<CallInfo>, HostError> {
        self.inner
            .constrained_call(constrained_token, constrained, method_token, call)
    }
    fn resolve_array_type(&mut self, element: Token) -> Result<TypeInfo, HostError> {
        self.inner.resolve_array_type(element)
    }
    fn resolve_string(&mut self, token: Token) -> Result<usize, HostError> {
        self.inner.resolve_string(token)
    }
    fn struct_layout(&mut self, handle: TypeHandle) -> StructLayout {
        self.inner.struct_layout(handle)
    }
    fn helper(&self, helper: Helper) -> usize {
        self.inner.helper(helper)
    }
    fn runtime_layout(&self) -> RuntimeLayout {
        self.inner.runtime_layout()
    }
    fn resolve_signature(&mut self, token: Token) -> Result<CallSiteSig, HostError> {
        self.inner.resolve_signature(token)
    }
    fn verify_host(&mut self) -> Option<&mut dyn verify::VerifyHost> {
        Some(self)
    }
}

impl verify::VerifyHost for VerifyingHost {
    fn method_facts(&mut self) -> Result<verify::MethodFacts, HostError> {
        let is_static = self.args.first() != Some(&JitType::Ref);
        Ok(verify::MethodFacts {
            level: verify::VerifyLevel::Full,
            method: MethodHandle(0x9999),
            owner: CLASS_TYPE,
            is_static,
            is_ctor: !is_static && self.locals.len() % 2 == 1,
            is_cctor: false,
            args: self.args.iter().map(|a| sig_of(*a)).collect(),
            locals: self.locals.iter().map(|l| sig_of(*l)).collect(),
            ret: sig_of(self.ret),
            object: OBJECT_TYPE,
            string: CLASS_TYPE,
            array: ARRAY_TYPE,
        })
    }
    fn callee_facts(
        &mut self,
        token: Token,
        opcode: CallOpcode,
    ) -> Result<verify::CalleeFacts, HostError> {
        let info = self.inner.resolve_method(token, opcode)?;
        Ok(self.callee(&info))
    }
    fn method_facts_of(&mut self, m: MethodHandle) -> Result<verify::CalleeFacts, HostError> {
        let token = Token::new(osprey_metadata::TableId::MethodDef, (m.0 & 0xfff) as u32);
        let info = self.inner.resolve_method(token, CallOpcode::Call)?;
        Ok(self.callee(&info))
    }
    fn call_site_facts(&mut self, token: Token) -> Result<verify::CallSiteFacts, HostError> {
        let site = self.inner.resolve_signature(token)?;
        Ok(verify::CallSiteFacts {
            has_this: site.sig.this.is_some(),
            params: site.sig.params.iter().map(|p| sig_of(*p)).collect(),
            ret: sig_of(site.sig.ret),
            unmanaged: site.unmanaged.is_some(),
        })
    }
    fn field_facts(&mut self, token: Token) -> Result<verify::FieldFacts, HostError> {
        let info = self.inner.resolve_field(token, token.rid() % 2 == 0)?;
        Ok(verify::FieldFacts {
            owner: if token.rid() % 3 == 0 {
                STRUCT_TYPE
            } else {
                CLASS_TYPE
            },
            ty: sig_of(info.ty),
            is_static: matches!(info.location, FieldLocation::Static { .. }),
            is_init_only: token.rid() % 7 == 0,
        })
    }
    fn type_of_token(&mut self, token: Token) -> Result<TypeHandle, HostError> {
        Ok(self.inner.resolve_type(token)?.handle)
    }
    fn type_facts(&mut self, t: TypeHandle) -> verify::TypeFacts {
        use verify::{Cell, TypeShape};
        let (cell, shape) = match t {
            INT_TYPE => (Cell::I4, TypeShape::ValueType),
            STRUCT_TYPE | BIG_STRUCT_TYPE => (Cell::Value(t), TypeShape::ValueType),
            ARRAY_TYPE => (
                Cell::Obj(t),
                TypeShape::Array {
                    rank: None,
                    element: INT_TYPE,
                    cell: Cell::I4,
                },
            ),
            _ => (Cell::Obj(t), TypeShape::Class),
        };
        verify::TypeFacts {
            cell,
            shape,
            parent: (t != OBJECT_TYPE).then_some(OBJECT_TYPE),
            interfaces: Vec::new(),
            contains_references: t == BIG_STRUCT_TYPE || matches!(cell, Cell::Obj(_)),
            is_sealed: t.0 % 2 == 0,
            is_abstract: false,
            is_delegate: t == CLASS_TYPE,
        }
    }
    fn type_name(&mut self, t: TypeHandle) -> String {
        format!("T{:x}", t.0)
    }
    fn can_cast(&mut self, from: TypeHandle, to: TypeHandle) -> bool {
        from == to || to == OBJECT_TYPE
    }
    fn array_of(&mut self, _: TypeHandle) -> Option<TypeHandle> {
        Some(ARRAY_TYPE)
    }
    fn delegate_invoke(&mut self, _: TypeHandle) -> Result<verify::CalleeFacts, HostError> {
        let info = self.inner.resolve_method(
            Token::new(osprey_metadata::TableId::MethodDef, 5),
            CallOpcode::Call,
        )?;
        Ok(self.callee(&info))
    }
}

/// Both generators' methods, compiled with the verifier on: `Ok` or a typed
/// error, never a panic.
#[test]
fn the_verifier_never_panics() {
    let (mut ok, mut rejected) = (0u64, 0u64);
    for seed in fuzz_seeds() {
        for typed in [false, true] {
            let mut rng = Rng(seed.wrapping_mul(0xA24B_AED4_963E_E407) | 1);
            let m = if typed {
                typed_method(&mut rng)
            } else {
                random_method(&mut rng)
            };
            let input = m.input(None);
            let mut host = VerifyingHost {
                inner: MockHost { shared: false },
                args: m.args.clone(),
                locals: m.locals.iter().map(|l| l.ty).collect(),
                ret: m.ret,
            };
            match catch_unwind(AssertUnwindSafe(|| compile(&mut host, &input, 0x4000_0000))) {
                Ok(Ok(_)) => ok += 1,
                Ok(Err(_)) => rejected += 1,
                Err(_) => panic!(
                    "the verifier panicked on seed {seed} (typed: {typed}; replay with FUZZ_SEED={seed}):\n  il: {:02x?}\n  args: {:?}\n  locals: {:?}\n  ret: {:?}\n  eh: {:?}",
                    m.il, m.args, m.locals, m.ret, m.eh
                ),
            }
        }
    }
    eprintln!("verified: {ok} compiled, {rejected} rejected with an error");
    assert!(
        ok > 0 || std::env::var("FUZZ_SEED").is_ok(),
        "no method got through the verifier ({rejected} rejected)"
    );
}
