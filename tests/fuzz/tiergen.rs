//! A generator of well-typed IL programs for comparing the JIT's tiers
//! (issue 14 item 7): each seed gives an ILAsm program of a few static
//! functions and a `Main` that calls them and prints their results.
//!
//! The functions are what the optimizing tier compiles: no exception
//! clauses, integer (`int32`, `int64`) and `float64` arithmetic in random
//! expression trees over arguments, locals, static fields, an `int32[]`
//! and an object's fields; shifts, divisions and remainders, conversions,
//! comparisons, `if`/`else`, `switch`, counted loops (nested), calls of
//! the functions defined before them, and allocations (a linked list of
//! `Box` objects, so collections move things under GC stress). Everything
//! is defined behaviour in ECMA-335 and the same on every runtime: shift
//! counts are masked, divisors are positive, indexes are masked into the
//! array, floating-point values stay finite and are converted back only
//! when in range. The overflow-checked operators (`add.ovf`, ...) may
//! raise OverflowException: `Main` calls each function inside `try` and
//! prints `overflow` instead of its result.
//!
//! `Main` is baseline code (it has exception clauses); the functions are
//! compiled by whichever tier the run asks for, and `Main`'s hot loops call
//! each function often enough to tier it up in tiered mode.

/// xorshift64*, seeded per program.
struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Rng {
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }
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
    fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.below(items.len() as u64) as usize]
    }
}

/// The type of an expression or a parameter.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
enum Ty {
    I32,
    I64,
    F64,
}

impl Ty {
    fn il(self) -> &'static str {
        match self {
            Ty::I32 => "int32",
            Ty::I64 => "int64",
            Ty::F64 => "float64",
        }
    }
}

/// A generated function's signature: `int64 f<k>(params...)`.
#[derive(Clone, Debug)]
struct Func {
    params: Vec<Ty>,
}

impl Func {
    fn il_params(&self) -> String {
        self.params
            .iter()
            .map(|t| t.il())
            .collect::<Vec<_>>()
            .join(", ")
    }
}

/// The locals every function declares (after `.locals init`).
const LOCALS: &str = "int32 x0, int32 x1, int32 x2, int32 x3, int64 y0, int64 y1, \
                      float64 d0, int32[] arr, class Box bx, int32 c0, int32 c1, int32 c2";
/// The `int32` locals expressions read and statements assign.
const I32_LOCALS: [&str; 4] = ["x0", "x1", "x2", "x3"];
const I64_LOCALS: [&str; 2] = ["y0", "y1"];
/// The loop counters, one per nesting level (never assigned elsewhere).
const COUNTERS: [&str; 3] = ["c0", "c1", "c2"];
/// Constant divisors: powers of two (signed, unsigned and the sign bit),
/// small and large odd numbers, negative ones (never 0 or -1, which may
/// throw).
const DIVISORS_32: [i64; 16] = [
    2,
    3,
    4,
    7,
    10,
    13,
    16,
    100,
    1000,
    100_003,
    (1 << 30) + 1,
    i32::MAX as i64,
    -3,
    -7,
    -8,
    i32::MIN as i64,
];
const DIVISORS_64: [i64; 8] = [2, 3, 8, 10, 1 << 40, -5, -16, i64::MIN];
/// The length of each function's `arr`.
const ARRAY_LEN: i32 = 8;

/// What a program's functions and `Main` are made of.
pub struct Program {
    /// The ILAsm text.
    pub text: String,
    /// The generated functions' names (`P::f0`, ...), the methods the
    /// optimizing tier should compile.
    pub functions: Vec<String>,
}

/// The program for `seed`.
pub fn generate(seed: u64) -> Program {
    let mut rng = Rng::new(seed);
    let count = 3 + rng.below(4) as usize;
    let mut funcs: Vec<Func> = Vec::new();
    let mut bodies = Vec::new();
    for k in 0..count {
        let n = 1 + rng.below(4) as usize;
        let params = (0..n)
            .map(|_| rng.pick(&[Ty::I32, Ty::I32, Ty::I64, Ty::F64]))
            .collect();
        let func = Func { params };
        let mut g = FuncGen {
            rng: &mut rng,
            callable: &funcs,
            func: &func,
            out: String::new(),
            labels: 0,
            loop_depth: 0,
            calls_left: 2,
        };
        g.body();
        let text = format!(
            ".method public hidebysig static int64 f{k}({}) cil managed noinlining\n{{\n  .maxstack 64\n  .locals init ({LOCALS})\n{}}}\n",
            func.il_params_named(),
            g.out
        );
        bodies.push(text);
        funcs.push(func);
    }
    let main = main_body(&mut rng, &funcs);
    let mut text = String::new();
    text.push_str(&format!(
        ".assembly extern mscorlib {{}}\n.assembly tiergen{seed} {{}}\n.module tiergen{seed}.exe\n\n"
    ));
    text.push_str(
        ".class public auto ansi beforefieldinit Box extends [mscorlib]System.Object\n{\n  \
         .field public int32 a\n  .field public int64 b\n  .field public class Box next\n  \
         .method public hidebysig specialname rtspecialname instance void .ctor() cil managed\n  {\n    \
         ldarg.0\n    call instance void [mscorlib]System.Object::.ctor()\n    ret\n  }\n}\n\n",
    );
    text.push_str(
        ".class public auto ansi abstract sealed beforefieldinit P extends [mscorlib]System.Object\n{\n  \
         .field public static int32 s0\n  .field public static int32 s1\n  .field public static int64 t0\n",
    );
    for b in &bodies {
        text.push_str(b);
    }
    text.push_str(&main);
    text.push_str("}\n");
    Program {
        text,
        functions: (0..count).map(|k| format!("P::f{k}")).collect(),
    }
}

impl Func {
    fn il_params_named(&self) -> String {
        self.params
            .iter()
            .enumerate()
            .map(|(i, t)| format!("{} a{i}", t.il()))
            .collect::<Vec<_>>()
            .join(", ")
    }
}

/// Generates one function's body.
struct FuncGen<'a> {
    rng: &'a mut Rng,
    /// The functions defined before this one (the ones it may call).
    callable: &'a [Func],
    func: &'a Func,
    out: String,
    labels: u32,
    loop_depth: usize,
    /// Call sites this function may still get (bounds the run time: no call
    /// inside a loop, at most two per function).
    calls_left: u32,
}

impl FuncGen<'_> {
    fn op(&mut self, text: &str) {
        self.out.push_str("  ");
        self.out.push_str(text);
        self.out.push('\n');
    }
    fn label(&mut self) -> String {
        self.labels += 1;
        format!("L{}", self.labels)
    }
    fn place(&mut self, label: &str) {
        self.out.push_str(&format!("  {label}:\n"));
    }

    fn body(&mut self) {
        // The array and the first Box; the locals start from the arguments.
        self.op(&format!("ldc.i4 {ARRAY_LEN}"));
        self.op("newarr [mscorlib]System.Int32");
        self.op("stloc arr");
        self.op("newobj instance void Box::.ctor()");
        self.op("stloc bx");
        for i in 0..self.func.params.len() {
            let target = match self.func.params[i] {
                Ty::I32 => I32_LOCALS[i % 4],
                Ty::I64 => I64_LOCALS[i % 2],
                Ty::F64 => "d0",
            };
            self.op(&format!("ldarg a{i}"));
            self.op(&format!("stloc {target}"));
        }
        let n = 3 + self.rng.below(6);
        for _ in 0..n {
            self.stmt(0);
        }
        // The result mixes every local, the statics and the heap.
        self.op("ldloc y0");
        self.op("ldloc y1");
        self.op("xor");
        for x in I32_LOCALS {
            self.op(&format!("ldloc {x}"));
            self.op("conv.i8");
            self.op("ldc.i8 1000003");
            self.op("mul");
            self.op("add");
        }
        self.op("ldloc d0");
        self.op("ldc.r8 1000.");
        self.op("clt");
        self.op("conv.i8");
        self.op("add");
        self.op("ldloc arr");
        let i = self.rng.below(ARRAY_LEN as u64);
        self.op(&format!("ldc.i4 {i}"));
        self.op("ldelem.i4");
        self.op("conv.i8");
        self.op("add");
        self.op("ldloc bx");
        self.op("ldfld int32 Box::a");
        self.op("conv.i8");
        self.op("add");
        self.op("ldloc bx");
        self.op("ldfld int64 Box::b");
        self.op("add");
        self.op("ret");
    }

    fn stmt(&mut self, depth: u32) {
        let nest = depth < 2;
        match self.rng.below(if nest { 12 } else { 8 }) {
            0 | 1 => {
                let x = self.rng.pick(&I32_LOCALS);
                self.expr(Ty::I32, 0);
                self.op(&format!("stloc {x}"));
            }
            2 => {
                let y = self.rng.pick(&I64_LOCALS);
                self.expr(Ty::I64, 0);
                self.op(&format!("stloc {y}"));
            }
            3 => {
                self.expr(Ty::F64, 0);
                self.op("stloc d0");
            }
            4 => {
                let s = self.rng.pick(&["s0", "s1"]);
                self.expr(Ty::I32, 0);
                self.op(&format!("stsfld int32 P::{s}"));
                if self.rng.chance(30) {
                    self.expr(Ty::I64, 1);
                    self.op("stsfld int64 P::t0");
                }
            }
            5 => {
                self.op("ldloc arr");
                self.index();
                self.expr(Ty::I32, 0);
                self.op("stelem.i4");
            }
            6 => {
                self.op("ldloc bx");
                if self.rng.chance(50) {
                    self.expr(Ty::I32, 0);
                    self.op("stfld int32 Box::a");
                } else {
                    self.expr(Ty::I64, 0);
                    self.op("stfld int64 Box::b");
                }
            }
            7 => {
                // A new head for the list (the old one stays reachable).
                self.op("newobj instance void Box::.ctor()");
                self.op("dup");
                self.op("ldloc bx");
                self.op("stfld class Box Box::next");
                self.op("dup");
                self.op("ldloc bx");
                self.op("ldfld int32 Box::a");
                self.expr(Ty::I32, 1);
                self.op("add");
                self.op("stfld int32 Box::a");
                self.op("stloc bx");
            }
            8 | 9 => {
                let (otherwise, end) = (self.label(), self.label());
                self.cond();
                self.op(&format!("brfalse {otherwise}"));
                self.stmts(depth + 1);
                self.op(&format!("br {end}"));
                self.place(&otherwise);
                if self.rng.chance(60) {
                    self.stmts(depth + 1);
                }
                self.place(&end);
            }
            10 => {
                let labels: Vec<String> = (0..3).map(|_| self.label()).collect();
                let end = self.label();
                self.expr(Ty::I32, 1);
                self.op("ldc.i4 3");
                self.op("and");
                self.op(&format!("switch ({})", labels.join(", ")));
                self.stmts(depth + 1);
                self.op(&format!("br {end}"));
                for l in &labels {
                    self.place(l);
                    self.stmts(depth + 1);
                    self.op(&format!("br {end}"));
                }
                self.place(&end);
            }
            _ => self.counted_loop(depth),
        }
    }

    fn stmts(&mut self, depth: u32) {
        for _ in 0..1 + self.rng.below(3) {
            self.stmt(depth);
        }
    }

    fn counted_loop(&mut self, depth: u32) {
        let c = COUNTERS[self.loop_depth];
        let (body, test) = (self.label(), self.label());
        self.op("ldc.i4.0");
        self.op(&format!("stloc {c}"));
        self.op(&format!("br {test}"));
        self.place(&body);
        self.loop_depth += 1;
        self.stmts(depth + 1);
        self.loop_depth -= 1;
        self.op(&format!("ldloc {c}"));
        self.op("ldc.i4.1");
        self.op("add");
        self.op(&format!("stloc {c}"));
        self.place(&test);
        self.op(&format!("ldloc {c}"));
        if self.rng.chance(70) {
            let trips = 1 + self.rng.below(7);
            self.op(&format!("ldc.i4 {trips}"));
        } else {
            // A trip count computed at run time (0 to 7).
            self.expr(Ty::I32, 2);
            self.op("ldc.i4 7");
            self.op("and");
        }
        self.op(&format!("blt {body}"));
    }

    /// An `int32` index into `arr`.
    fn index(&mut self) {
        if self.rng.chance(30) && self.loop_depth > 0 {
            self.op(&format!("ldloc {}", COUNTERS[self.loop_depth - 1]));
        } else {
            self.expr(Ty::I32, 2);
        }
        self.op(&format!("ldc.i4 {}", ARRAY_LEN - 1));
        self.op("and");
    }

    /// An `int32` that is 0 or 1.
    fn cond(&mut self) {
        let t = self.rng.pick(&[Ty::I32, Ty::I32, Ty::I64, Ty::F64]);
        self.expr(t, 1);
        self.expr(t, 1);
        let cmp = if t == Ty::F64 {
            self.rng.pick(&["ceq", "clt", "cgt"])
        } else {
            self.rng.pick(&["ceq", "clt", "cgt", "clt.un", "cgt.un"])
        };
        self.op(cmp);
    }

    fn leaf(&mut self, ty: Ty) {
        let args: Vec<usize> = (0..self.func.params.len())
            .filter(|&i| self.func.params[i] == ty)
            .collect();
        if !args.is_empty() && self.rng.chance(35) {
            let a = self.rng.pick(&args);
            self.op(&format!("ldarg a{a}"));
            return;
        }
        match ty {
            Ty::I32 => match self.rng.below(7) {
                0 => {
                    let v = self
                        .rng
                        .pick(&[0, 1, -1, 7, 255, 65536, i32::MAX, i32::MIN]);
                    self.op(&format!("ldc.i4 {v}"));
                }
                1 => {
                    let v = self.rng.next() as i32 >> self.rng.below(31);
                    self.op(&format!("ldc.i4 {v}"));
                }
                2 => {
                    let s = self.rng.pick(&["s0", "s1"]);
                    self.op(&format!("ldsfld int32 P::{s}"));
                }
                3 => {
                    self.op("ldloc bx");
                    self.op("ldfld int32 Box::a");
                }
                4 if self.loop_depth > 0 => {
                    let c = COUNTERS[self.rng.below(self.loop_depth as u64) as usize];
                    self.op(&format!("ldloc {c}"));
                }
                _ => {
                    let x = self.rng.pick(&I32_LOCALS);
                    self.op(&format!("ldloc {x}"));
                }
            },
            Ty::I64 => match self.rng.below(5) {
                0 => {
                    let v = self.rng.next() as i64 >> self.rng.below(63);
                    self.op(&format!("ldc.i8 {v}"));
                }
                1 => self.op("ldsfld int64 P::t0"),
                2 => {
                    self.op("ldloc bx");
                    self.op("ldfld int64 Box::b");
                }
                _ => {
                    let y = self.rng.pick(&I64_LOCALS);
                    self.op(&format!("ldloc {y}"));
                }
            },
            Ty::F64 => match self.rng.below(3) {
                0 => {
                    let v = self.rng.pick(&["0.5", "1.", "-2.25", "3.75", "1000.125"]);
                    self.op(&format!("ldc.r8 {v}"));
                }
                1 => self.op("ldloc d0"),
                _ => {
                    self.leaf(Ty::I32);
                    self.op("conv.r8");
                }
            },
        }
    }

    /// An expression of type `ty`, at nesting `depth` (leaves from 3 on).
    fn expr(&mut self, ty: Ty, depth: u32) {
        if depth >= 3 || self.rng.chance(25) {
            return self.leaf(ty);
        }
        let d = depth + 1;
        match ty {
            Ty::I32 => match self.rng.below(17) {
                0..=3 => {
                    self.expr(Ty::I32, d);
                    self.expr(Ty::I32, d);
                    let op = self.rng.pick(&["add", "sub", "mul", "and", "or", "xor"]);
                    self.op(op);
                }
                4 => {
                    self.expr(Ty::I32, d);
                    self.expr(Ty::I32, d);
                    self.op("ldc.i4 31");
                    self.op("and");
                    let op = self.rng.pick(&["shl", "shr", "shr.un"]);
                    self.op(op);
                }
                5 => {
                    self.expr(Ty::I32, d);
                    if self.rng.chance(50) {
                        self.divisor(Ty::I32, d);
                    } else {
                        // A constant divisor (what strength reduction takes).
                        let c = self.rng.pick(&DIVISORS_32);
                        self.op(&format!("ldc.i4 {c}"));
                    }
                    let op = self.rng.pick(&["div", "rem", "div.un", "rem.un"]);
                    self.op(op);
                }
                15 => {
                    // Multiplication by a power of two (or not).
                    self.expr(Ty::I32, d);
                    let c = self.rng.pick(&[2, 4, 8, 1024, 1 << 30, -4, 3, 6]);
                    self.op(&format!("ldc.i4 {c}"));
                    self.op("mul");
                }
                6 => {
                    self.expr(Ty::I32, d);
                    let op = self.rng.pick(&["neg", "not"]);
                    self.op(op);
                }
                7 => {
                    self.expr(Ty::I64, d);
                    self.op("conv.i4");
                }
                8 => {
                    self.expr(Ty::I32, d);
                    let op = self.rng.pick(&["conv.i1", "conv.u1", "conv.i2", "conv.u2"]);
                    self.op(op);
                }
                9 => self.cond(),
                10 => {
                    // A float64 back to int32, in range by construction.
                    self.expr(Ty::I32, d);
                    self.op("conv.r8");
                    let scale = self.rng.pick(&["0.5", "0.25", "-0.75"]);
                    self.op(&format!("ldc.r8 {scale}"));
                    self.op("mul");
                    self.op("conv.i4");
                }
                11 => {
                    self.op("ldloc arr");
                    self.index();
                    self.op("ldelem.i4");
                }
                12 => {
                    self.op("ldloc arr");
                    self.op("ldlen");
                    self.op("conv.i4");
                }
                13 => {
                    // Overflow-checked: may raise OverflowException.
                    self.expr(Ty::I32, d);
                    self.expr(Ty::I32, d);
                    let op = self
                        .rng
                        .pick(&["add.ovf", "sub.ovf", "mul.ovf", "add.ovf.un"]);
                    self.op(op);
                }
                14 if self.calls_left > 0 && self.loop_depth == 0 && !self.callable.is_empty() => {
                    self.call(d);
                    self.op("conv.i4");
                }
                _ => {
                    self.op("ldloc bx");
                    self.op("ldfld class Box Box::next");
                    self.op("ldnull");
                    self.op("ceq");
                }
            },
            Ty::I64 => match self.rng.below(10) {
                0..=2 => {
                    self.expr(Ty::I64, d);
                    self.expr(Ty::I64, d);
                    let op = self.rng.pick(&["add", "sub", "mul", "and", "or", "xor"]);
                    self.op(op);
                }
                3 => {
                    self.expr(Ty::I64, d);
                    self.expr(Ty::I32, d);
                    self.op("ldc.i4 63");
                    self.op("and");
                    let op = self.rng.pick(&["shl", "shr", "shr.un"]);
                    self.op(op);
                }
                4 => {
                    self.expr(Ty::I64, d);
                    if self.rng.chance(50) {
                        self.divisor(Ty::I64, d);
                    } else {
                        let c = self.rng.pick(&DIVISORS_64);
                        self.op(&format!("ldc.i8 {c}"));
                    }
                    let op = self.rng.pick(&["div", "rem", "div.un", "rem.un"]);
                    self.op(op);
                }
                5 => {
                    self.expr(Ty::I32, d);
                    let op = self.rng.pick(&["conv.i8", "conv.u8"]);
                    self.op(op);
                }
                6 => {
                    self.expr(Ty::I64, d);
                    self.op("neg");
                }
                7 if self.calls_left > 0 && self.loop_depth == 0 && !self.callable.is_empty() => {
                    self.call(d)
                }
                8 => {
                    // Overflow-checked: may raise OverflowException.
                    self.expr(Ty::I64, d);
                    self.expr(Ty::I64, d);
                    let op = self.rng.pick(&["add.ovf", "mul.ovf"]);
                    self.op(op);
                }
                _ => {
                    self.expr(Ty::I64, d);
                    self.expr(Ty::I64, d);
                    self.op("add");
                }
            },
            Ty::F64 => match self.rng.below(4) {
                0..=1 => {
                    self.expr(Ty::F64, d);
                    self.expr(Ty::F64, d);
                    let op = self.rng.pick(&["add", "sub", "mul"]);
                    self.op(op);
                }
                2 => {
                    self.expr(Ty::F64, d);
                    let c = self.rng.pick(&["2.", "0.5", "-4."]);
                    self.op(&format!("ldc.r8 {c}"));
                    self.op("div");
                }
                _ => {
                    self.expr(Ty::I32, d);
                    self.op("conv.r8");
                }
            },
        }
    }

    /// A positive divisor of type `ty`: `(e & mask) | 1`.
    fn divisor(&mut self, ty: Ty, depth: u32) {
        self.expr(ty, depth);
        match ty {
            Ty::I64 => {
                self.op("ldc.i8 8388607");
                self.op("and");
                self.op("ldc.i8 1");
            }
            _ => {
                self.op("ldc.i4 32767");
                self.op("and");
                self.op("ldc.i4.1");
            }
        }
        self.op("or");
    }

    /// A call of an earlier function (its `int64` result on the stack).
    fn call(&mut self, depth: u32) {
        self.calls_left -= 1;
        let k = self.rng.below(self.callable.len() as u64) as usize;
        let callee = self.callable[k].clone();
        for &p in &callee.params {
            self.expr(p, depth + 1);
        }
        self.op(&format!("call int64 P::f{k}({})", callee.il_params()));
    }
}

/// `Main`: each function called with a few argument sets (each inside
/// `try`, printing `overflow` when it raises OverflowException), then hot
/// loops that tier each function up, then the statics.
fn main_body(rng: &mut Rng, funcs: &[Func]) -> String {
    let mut out = String::new();
    out.push_str(
        ".method public hidebysig static int32 Main() cil managed\n{\n  .entrypoint\n  .maxstack 16\n  .locals init (int64 acc, int32 i)\n",
    );
    let mut label = 0;
    for (k, f) in funcs.iter().enumerate() {
        let sets = 2 + rng.below(3);
        for _ in 0..sets {
            label += 1;
            let args: Vec<String> = f.params.iter().map(|&p| constant(rng, p)).collect();
            out.push_str("  .try\n  {\n");
            for a in &args {
                out.push_str(&format!("    {a}\n"));
            }
            out.push_str(&format!(
                "    call int64 P::f{k}({})\n    call void [mscorlib]System.Console::WriteLine(int64)\n    leave M{label}\n  }}\n",
                f.il_params()
            ));
            out.push_str(&format!(
                "  catch [mscorlib]System.OverflowException\n  {{\n    pop\n    ldstr \"overflow\"\n    call void [mscorlib]System.Console::WriteLine(string)\n    leave M{label}\n  }}\n  M{label}:\n"
            ));
        }
        // The hot loop: 40 calls with the loop counter in the arguments.
        label += 1;
        let (body, test, end) = (label * 10 + 1, label * 10 + 2, label);
        out.push_str(
            "  ldc.i4.0\n  conv.i8\n  stloc acc\n  .try\n  {\n    ldc.i4.0\n    stloc i\n",
        );
        out.push_str(&format!("    br H{test}\n  H{body}:\n    ldloc acc\n"));
        for &p in &f.params {
            out.push_str("    ldloc i\n");
            out.push_str(&format!("    {}\n", constant(rng, Ty::I32)));
            out.push_str("    mul\n");
            match p {
                Ty::I32 => {}
                Ty::I64 => out.push_str("    conv.i8\n"),
                Ty::F64 => out.push_str("    conv.r8\n"),
            }
        }
        out.push_str(&format!(
            "    call int64 P::f{k}({})\n    xor\n    stloc acc\n    ldloc i\n    ldc.i4.1\n    add\n    stloc i\n  H{test}:\n    ldloc i\n    ldc.i4 40\n    blt H{body}\n    leave N{end}\n  }}\n",
            f.il_params()
        ));
        out.push_str(&format!(
            "  catch [mscorlib]System.OverflowException\n  {{\n    pop\n    ldstr \"overflow in the loop\"\n    call void [mscorlib]System.Console::WriteLine(string)\n    leave N{end}\n  }}\n  N{end}:\n  ldloc acc\n  call void [mscorlib]System.Console::WriteLine(int64)\n"
        ));
    }
    for s in [
        "ldsfld int32 P::s0",
        "ldsfld int32 P::s1",
        "ldsfld int64 P::t0",
    ] {
        out.push_str(&format!(
            "  {s}\n  conv.i8\n  call void [mscorlib]System.Console::WriteLine(int64)\n"
        ));
    }
    out.push_str("  ldc.i4.0\n  ret\n}\n");
    out
}

/// A constant argument of type `ty` (one instruction).
fn constant(rng: &mut Rng, ty: Ty) -> String {
    match ty {
        Ty::I32 => format!(
            "ldc.i4 {}",
            rng.pick(&[0, 1, -3, 17, 1000, 123_456, -77_777, i32::MAX])
        ),
        Ty::I64 => format!(
            "ldc.i8 {}",
            rng.pick(&[0i64, 5, -9, 1 << 40, i64::MIN + 1, 987_654_321])
        ),
        Ty::F64 => format!("ldc.r8 {}", rng.pick(&["0.5", "-1.5", "42.", "1000000."])),
    }
}
