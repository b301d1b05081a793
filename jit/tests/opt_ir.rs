//! Golden tests of the optimizing tier's IR: small methods (hand-assembled
//! IL, as mcs emits it) and the IR the tier produces after its passes,
//! compared with `jit/tests/golden/<name>.ir`. After a deliberate change to
//! the IR builder or a pass, `OSPREY_UPDATE_GOLDEN=1 cargo test --release
//! -p osprey-jit --test opt_ir` rewrites the files; read the diff before
//! committing it (docs/jit.md, "The optimizing tier", explains the text).

mod common;

use std::path::PathBuf;

use osprey_jit::*;
use osprey_metadata::Token;

/// Every call token is `static int32 Twice(int32)`; nothing else resolves.
struct GoldenHost;

fn unresolved() -> HostError {
    HostError {
        kind: HostErrorKind::MissingMethod,
        message: "the golden host resolves only calls".into(),
    }
}

impl JitHost for GoldenHost {
    fn resolve_method(
        &mut self,
        _token: Token,
        _opcode: CallOpcode,
    ) -> Result<CallInfo, HostError> {
        Ok(CallInfo {
            method: MethodHandle(0x9000),
            method_exact: RtValue::Const(0x9000),
            target: CallTarget::Managed { entry: 0x7100_0000 },
            sig: CallSig {
                this: None,
                params: vec![JitType::I4],
                ret: JitType::I4,
            },
            new_object: None,
            class_init: None,
        })
    }
    fn resolve_field(&mut self, _token: Token, _is_static: bool) -> Result<FieldInfo, HostError> {
        Err(unresolved())
    }
    fn resolve_type(&mut self, _token: Token) -> Result<TypeInfo, HostError> {
        Err(unresolved())
    }
    fn resolve_token(&mut self, _token: Token) -> Result<(RtValue, TypeHandle), HostError> {
        Err(unresolved())
    }
    fn constrained_call(
        &mut self,
        _constrained_token: Token,
        _constrained: TypeHandle,
        _method_token: Token,
        _method: &CallInfo,
    ) -> Result<Option<CallInfo>, HostError> {
        Err(unresolved())
    }
    fn resolve_array_type(&mut self, _element: Token) -> Result<TypeInfo, HostError> {
        Err(unresolved())
    }
    fn resolve_string(&mut self, _token: Token) -> Result<usize, HostError> {
        Err(unresolved())
    }
    fn struct_layout(&mut self, _handle: TypeHandle) -> StructLayout {
        StructLayout {
            size: 8,
            align: 8,
            gc_refs: Default::default(),
            gc_byrefs: Default::default(),
        }
    }
    fn helper(&self, helper: Helper) -> usize {
        0x7800_0000 + 16 * helper as usize
    }
    fn runtime_layout(&self) -> RuntimeLayout {
        common::runtime_layout()
    }
}

fn local(ty: JitType) -> LocalVar {
    LocalVar { ty, pinned: false }
}

/// The IR of a method, compared with its golden file.
fn golden(name: &str, il: &[u8], args: &[JitType], locals: &[JitType], ret: JitType) {
    let input = MethodInput {
        il,
        args: args.to_vec(),
        locals: locals.iter().copied().map(local).collect(),
        ret,
        class_init: None,
        class_init_lookup: None,
        eh: Vec::new(),
        generic_context: None,
        call_counter: None,
    };
    let text = optimized_ir_text(&mut GoldenHost, &input)
        .unwrap_or_else(|e| panic!("{name}: the optimizing tier declined: {e}"));
    // The whole pipeline must also compile it.
    compile_optimized(&mut GoldenHost, &input, 0x4000_0000)
        .unwrap_or_else(|e| panic!("{name}: code generation failed: {e}"));
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(format!("tests/golden/{name}.ir"));
    if std::env::var_os("OSPREY_UPDATE_GOLDEN").is_some() {
        std::fs::write(&path, &text).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{}: {e} (OSPREY_UPDATE_GOLDEN=1 writes it)", path.display()));
    assert_eq!(
        text,
        expected,
        "{name}: the IR changed; if that is intended, OSPREY_UPDATE_GOLDEN=1 rewrites {}",
        path.display()
    );
}

// IL opcodes used below.
const LDARG_0: u8 = 0x02;
const LDARG_1: u8 = 0x03;
const LDLOC_0: u8 = 0x06;
const LDLOC_1: u8 = 0x07;
const STLOC_0: u8 = 0x0a;
const STLOC_1: u8 = 0x0b;
const LDNULL: u8 = 0x14;
const LDC_I4_0: u8 = 0x16;
const LDC_I4_1: u8 = 0x17;
const LDC_I4_2: u8 = 0x18;
const LDC_I4_3: u8 = 0x19;
const LDC_I4_S: u8 = 0x1f;
const CALL: u8 = 0x28;
const RET: u8 = 0x2a;
const BR_S: u8 = 0x2b;
const BRFALSE_S: u8 = 0x2c;
const BGE_S: u8 = 0x2f;
const BLT_S: u8 = 0x32;
const ADD: u8 = 0x58;
const MUL: u8 = 0x5a;
const DIV: u8 = 0x5b;
const REM: u8 = 0x5d;
const CONV_I4: u8 = 0x69;
const LDLEN: u8 = 0x8e;
const LDELEM_I4: u8 = 0x94;
const CEQ: [u8; 2] = [0xfe, 0x01];

/// `static int Fold(int x) { int a = 2 * 3; if (a == 6) return x + a; return 0; }`:
/// the product, the comparison and the branch fold away.
#[test]
fn constants_fold_and_the_branch_goes() {
    let il = [
        LDC_I4_2, LDC_I4_3, MUL, STLOC_0, // a = 2 * 3
        LDLOC_0, LDC_I4_S, 6, CEQ[0], CEQ[1], BRFALSE_S, 4, // if (a == 6)
        LDARG_0, LDLOC_0, ADD, RET, // return x + a
        LDC_I4_0, RET,
    ];
    golden("fold", &il, &[JitType::I4], &[JitType::I4], JitType::I4);
}

/// `static int Digits(int x) => x / 10 + x % 8;`: the division by 10
/// becomes a multiplication by the magic number and shifts (with `x`'s
/// sign applied around it), the remainder by 8 a bias, a mask and a
/// subtraction: no `idiv` is left.
#[test]
fn division_by_constants_is_strength_reduced() {
    let il = [
        LDARG_0, LDC_I4_S, 10, DIV, // x / 10
        LDARG_0, LDC_I4_S, 8, REM, // x % 8
        ADD, RET,
    ];
    golden("divconst", &il, &[JitType::I4], &[], JitType::I4);
}

/// `static int Sum(int[] a) { int s = 0; for (int i = 0; i < a.Length; i++) s += a[i]; return s; }`:
/// a loop with its induction variable and sum as block parameters, the
/// bounds check of the counted loop removed.
#[test]
fn counted_loop_over_an_array() {
    let il = [
        LDC_I4_0, STLOC_0, LDC_I4_0, STLOC_1, BR_S, 10, // s = 0; i = 0
        // LOOP (IL_0006):
        LDLOC_0, LDARG_0, LDLOC_1, LDELEM_I4, ADD, STLOC_0, // s += a[i]
        LDLOC_1, LDC_I4_1, ADD, STLOC_1, // i++
        // COND (IL_0010):
        LDLOC_1, LDARG_0, LDLEN, CONV_I4, BLT_S, 0xf0, // i < a.Length
        LDLOC_0, RET,
    ];
    golden(
        "sum",
        &il,
        &[JitType::Ref],
        &[JitType::I4, JitType::I4],
        JitType::I4,
    );
}

/// `static int Max(int a, int b) => Twice(a >= b ? a : b);` (the
/// conditional's value a block parameter) and a dead `null` load.
#[test]
fn a_join_and_a_call() {
    let il = [
        LDNULL, 0x26, // ldnull; pop (dead)
        LDARG_0, LDARG_1, BGE_S, 3, // a >= b ?
        LDARG_1, BR_S, 1,       // : b
        LDARG_0, // a
        CALL, 0x01, 0x00, 0x00, 0x06, // Twice
        RET,
    ];
    golden("join", &il, &[JitType::I4, JitType::I4], &[], JitType::I4);
}
