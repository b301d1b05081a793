//! A generator of type-confused IL programs (issue 10 item 7): each seed
//! gives an ILAsm program whose `Main` runs a few random *confusions* —
//! operations whose operand has the wrong type, which C# cannot express —
//! each in its own method called inside `try`/`catch` (the exception's type
//! is printed), between allocations that make the collector move things.
//!
//! The runtime's contract for them, with or without the IL verifier:
//! a clean error (invalid IL, a verification failure) or a managed
//! exception; never a crash, a hang or a heap-verification failure.
//! Confusions marked [`Confusion::verifier`] are ones only a verifier can
//! catch before they corrupt memory (an `stfld` on an object of an
//! unrelated class, a `callvirt` of an unrelated class's method): they are
//! generated only when asked for (tests/cli.rs, `OSPREY_ILGEN_ALL=1`)
//! until the verifier lands.

/// One kind of type confusion.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Confusion {
    /// `ldfld` of A's field on a B.
    LoadFieldOfOtherClass,
    /// `stfld` of A's field on a (smaller) C: writes past the object.
    StoreFieldOfOtherClass,
    /// `callvirt` of A's virtual method on a B.
    CallVirtOtherClass,
    /// An `int32` where an object is expected (`ret`, argument, `stloc`).
    IntAsObject,
    /// `ldelema` of `object` on a `string[]` (R02: an exact-type check).
    LdelemaCovariant,
    /// `stelem.ref` of an object into a `string[]` seen as `object[]`.
    StelemCovariant,
    /// `unbox.any` and `castclass` of the wrong type.
    BadCasts,
    /// `ldlen` and `ldelem` on a non-array object.
    ArrayOpOnObject,
    /// `box` of a class token applied to an integer.
    BoxClassOfInt,
    /// `ldind.ref` of a pointer to an integer.
    IntPointerAsRef,
    /// `initobj` of a big struct through the address of a small one.
    InitobjBigOnSmall,
    /// A call with fewer arguments on the stack than the callee takes.
    MissingArguments,
}

impl Confusion {
    /// Every confusion.
    pub const ALL: [Confusion; 12] = [
        Confusion::LoadFieldOfOtherClass,
        Confusion::StoreFieldOfOtherClass,
        Confusion::CallVirtOtherClass,
        Confusion::IntAsObject,
        Confusion::LdelemaCovariant,
        Confusion::StelemCovariant,
        Confusion::BadCasts,
        Confusion::ArrayOpOnObject,
        Confusion::BoxClassOfInt,
        Confusion::IntPointerAsRef,
        Confusion::InitobjBigOnSmall,
        Confusion::MissingArguments,
    ];

    /// Only an IL verifier can reject it before it corrupts memory (the
    /// object operand of a field access or virtual call, a byref of the
    /// wrong type): another engineer's work in issue 10.
    pub fn verifier(self) -> bool {
        matches!(
            self,
            Confusion::LoadFieldOfOtherClass
                | Confusion::StoreFieldOfOtherClass
                | Confusion::CallVirtOtherClass
                | Confusion::LdelemaCovariant
                | Confusion::ArrayOpOnObject
                | Confusion::IntPointerAsRef
                | Confusion::InitobjBigOnSmall
        )
    }

    /// The body of a static method `Case<i>` that performs it (ILAsm).
    fn body(self) -> &'static str {
        match self {
            Confusion::LoadFieldOfOtherClass => {
                "newobj instance void B::.ctor()\n ldfld object A::o\n call void Program::Show(object)\n ret"
            }
            Confusion::StoreFieldOfOtherClass => {
                "newobj instance void C::.ctor()\n ldc.i8 0x4141414141414141\n stfld int64 A::l\n ret"
            }
            Confusion::CallVirtOtherClass => {
                "newobj instance void B::.ctor()\n callvirt instance int32 A::V()\n pop\n ret"
            }
            Confusion::IntAsObject => {
                "ldc.i4 0x1000\n call void Program::Show(object)\n ret"
            }
            Confusion::LdelemaCovariant => {
                "ldc.i4.1\n newarr [mscorlib]System.String\n ldc.i4.0\n ldelema [mscorlib]System.Object\n newobj instance void [mscorlib]System.Object::.ctor()\n stobj [mscorlib]System.Object\n ret"
            }
            Confusion::StelemCovariant => {
                "ldc.i4.1\n newarr [mscorlib]System.String\n ldc.i4.0\n newobj instance void [mscorlib]System.Object::.ctor()\n stelem.ref\n ret"
            }
            Confusion::BadCasts => {
                "newobj instance void B::.ctor()\n unbox.any [mscorlib]System.Int32\n pop\n ret"
            }
            Confusion::ArrayOpOnObject => {
                "newobj instance void B::.ctor()\n ldlen\n pop\n ret"
            }
            Confusion::BoxClassOfInt => {
                "ldc.i4 0x1234\n box B\n call void Program::Show(object)\n ret"
            }
            Confusion::IntPointerAsRef => {
                ".locals init (int64 v)\n ldc.i8 0x100000000000\n stloc.0\n ldloca.s v\n ldind.ref\n call void Program::Show(object)\n ret"
            }
            Confusion::InitobjBigOnSmall => {
                ".locals init (valuetype Small s)\n ldloca.s s\n initobj Big\n ret"
            }
            Confusion::MissingArguments => {
                "ldc.i4.1\n call int32 Program::Three(int32, int32, int32)\n pop\n ret"
            }
        }
    }
}

/// xorshift64*.
struct Rng(u64);

impl Rng {
    fn below(&mut self, bound: usize) -> usize {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        ((self.0.wrapping_mul(0x2545_F491_4F6C_DD1D) >> 33) as usize) % bound.max(1)
    }
}

/// The program for `seed`, drawing from `allowed` confusions. Returns the
/// ILAsm text and the confusions used, in order.
pub fn generate(seed: u64, allowed: &[Confusion]) -> (String, Vec<Confusion>) {
    let mut rng = Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1);
    let n = 2 + rng.below(4);
    let cases: Vec<Confusion> = (0..n).map(|_| allowed[rng.below(allowed.len())]).collect();
    let mut il = String::from(PRELUDE);
    il.push_str(".class public auto ansi Program extends [mscorlib]System.Object\n{\n");
    il.push_str(HELPERS);
    for (i, c) in cases.iter().enumerate() {
        il.push_str(&format!(
            "  .method static void Case{i}() cil managed\n  {{\n    .maxstack 8\n    {}\n  }}\n",
            c.body()
        ));
    }
    il.push_str(
        "  .method static int32 Main() cil managed\n  {\n    .entrypoint\n    .maxstack 8\n",
    );
    for i in 0..cases.len() {
        let junk = 1 + rng.below(50);
        il.push_str(&format!(
            "    ldc.i4 {junk}\n    call void Program::Churn(int32)\n    .try {{\n      call void Program::Case{i}()\n      ldstr \"case {i}: no exception\"\n      call void [mscorlib]System.Console::WriteLine(string)\n      leave.s L{i}\n    }} catch [mscorlib]System.Exception {{\n      call void Program::Caught(object)\n      leave.s L{i}\n    }}\n  L{i}:\n"
        ));
    }
    il.push_str("    ldc.i4.0\n    ret\n  }\n}\n");
    (il, cases)
}

const PRELUDE: &str = r#".assembly extern mscorlib {}
.assembly ilgen {}
.module ilgen.exe
.class public auto ansi beforefieldinit A extends [mscorlib]System.Object
{
  .field public object o
  .field public int64 l
  .field public int32 i
  .method public hidebysig specialname rtspecialname instance void .ctor() cil managed
  { ldarg.0 call instance void [mscorlib]System.Object::.ctor() ret }
  .method public hidebysig newslot virtual instance int32 V() cil managed
  { ldarg.0 ldfld int32 A::i ret }
}
.class public auto ansi beforefieldinit B extends [mscorlib]System.Object
{
  .field public int32 x
  .method public hidebysig specialname rtspecialname instance void .ctor() cil managed
  { ldarg.0 call instance void [mscorlib]System.Object::.ctor() ret }
}
.class public auto ansi beforefieldinit C extends [mscorlib]System.Object
{
  .method public hidebysig specialname rtspecialname instance void .ctor() cil managed
  { ldarg.0 call instance void [mscorlib]System.Object::.ctor() ret }
}
.class public sequential ansi sealed beforefieldinit Small extends [mscorlib]System.ValueType
{ .field public int32 a }
.class public sequential ansi sealed beforefieldinit Big extends [mscorlib]System.ValueType
{ .field public int64 a .field public int64 b .field public int64 c .field public int64 d
  .field public int64 e .field public int64 f .field public int64 g .field public int64 h }
"#;

const HELPERS: &str = r#"  .method static void Show(object o) cil managed
  {
    .maxstack 2
    ldarg.0
    brtrue.s NotNull
    ldstr "null"
    call void [mscorlib]System.Console::WriteLine(string)
    ret
  NotNull:
    ldarg.0
    callvirt instance class [mscorlib]System.Type [mscorlib]System.Object::GetType()
    callvirt instance string [mscorlib]System.Object::ToString()
    call void [mscorlib]System.Console::WriteLine(string)
    ret
  }
  .method static void Caught(object e) cil managed
  {
    .maxstack 2
    ldstr "caught "
    ldarg.0
    callvirt instance class [mscorlib]System.Type [mscorlib]System.Object::GetType()
    callvirt instance string [mscorlib]System.Object::ToString()
    call string [mscorlib]System.String::Concat(string, string)
    call void [mscorlib]System.Console::WriteLine(string)
    ret
  }
  .method static int32 Three(int32 a, int32 b, int32 c) cil managed
  { ldarg.0 ldarg.1 add ldarg.2 add ret }
  .method static void Churn(int32 n) cil managed
  {
    .maxstack 3
    .locals init (object[] keep, int32 i)
    ldc.i4.8
    newarr [mscorlib]System.Object
    stloc.0
  Loop:
    ldloc.1
    ldarg.0
    bge.s Done
    ldloc.0
    ldloc.1
    ldc.i4.7
    and
    ldloc.1
    box [mscorlib]System.Int32
    callvirt instance string [mscorlib]System.Object::ToString()
    stelem.ref
    ldloc.1
    ldc.i4.1
    add
    stloc.1
    br.s Loop
  Done:
    ret
  }
"#;
