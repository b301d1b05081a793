//! `csgen`: a deterministic, csmith-style generator of random C# programs
//! for differential testing of Osprey against mono (`tests/differential.rs`).
//!
//! [`generate`] turns a seed into one self-contained program (`mcs -unsafe`
//! compiles it) that prints many intermediate values and a running
//! checksum, and returns the checksum's low bits as its exit code. The same
//! seed always gives the same text.
//!
//! What a program contains:
//!
//! * expressions over every primitive type (`bool`, `sbyte` .. `ulong`,
//!   `char`, `float`, `double`) with every operator: arithmetic, bitwise,
//!   shifts with any count, division and remainder by values that may be 0
//!   or -1, comparisons, `&&`/`||`, `?:`, `++`/`--`, assignments and
//!   compound assignments used as values, explicit conversions between all
//!   numeric types (float to integer included, with NaN, infinities and
//!   out-of-range values), `checked(...)`/`unchecked(...)`, a few `Math`
//!   functions;
//! * operands from locals, parameters (by value, `ref`, `out`), static
//!   fields, fields of objects, elements of one- and two-dimensional arrays,
//!   fields of structs (nested too), `this`;
//! * structs of many sizes (1 to 80 bytes, some holding a string), passed
//!   and returned by value, with constructors and instance methods, stored
//!   in arrays, statics and objects, one of them implementing an interface
//!   (boxing);
//! * static methods with up to 10 parameters of mixed types, virtual
//!   methods over a small class hierarchy (overrides, `base` calls),
//!   interface methods (a class re-implementing the interface, a struct
//!   implementing it), delegates (method groups, virtual method groups,
//!   lambdas and closures, multicast `+=`/`-=`);
//! * statements: `if`, `switch` (dense and sparse labels over int, long,
//!   char, byte, ...), `for`/`while`/`do`/`foreach` loops with `break` and
//!   `continue`, `checked`/`unchecked` blocks, `try`/`catch`/`finally` with
//!   exception filters that print (two-pass order is visible), rethrow,
//!   `FuzzException` thrown from any depth, runtime faults (division by
//!   zero, overflow, array bounds, null objects, invalid casts);
//! * unsafe code: `fixed` over arrays and object fields, `stackalloc`,
//!   pointers to locals;
//! * a GC workout (see `gc_stmt`): linked lists, arrays of references
//!   (multi-dimensional, jagged, large), strings built in loops, structs
//!   holding references by value and boxed, byrefs into array elements and
//!   fields held across allocating calls, young objects pinned by `fixed`,
//!   exceptions and closures holding young objects; strings in class and
//!   struct fields;
//! * generic code (see `csgen_generics.rs`): generic classes, structs,
//!   interfaces (variant ones), static, instance, virtual and generic
//!   virtual methods with constraints, instantiated over value and
//!   reference types, Nullable and lifted operators, delegates and lambdas
//!   over generic code, the generic collections and LINQ.
//!
//! What it avoids, because mono and a correct runtime may legitimately
//! differ: hash codes, object identity, timing and the environment, NaN
//! payload bits (the checksum maps every NaN to one value), `Math` calls
//! with constant arguments (mono folds `Math.Round(2.5)` to 3 but computes
//! 2 at run time), recursion (calls go strictly from lower to higher
//! "levels", so every program terminates; a cost model bounds loops times
//! calls), exceptions escaping filters (mono 6.8 deviates from ECMA-335
//! there), `int.MinValue / -1` in 32 bits (ECMA-335 allows any
//! ArithmeticException; mono raises DivideByZeroException or
//! OverflowException depending on how the -1 was computed), structs over
//! 80 bytes (mono crashes reading one from a field of a null object) and
//! structs of 48 bytes or more that hold a reference (mono crashes storing
//! one into a field of a null object: see `REF_STRUCT_MAX`),
//! conversions of a ulong tie of 2^63 or more to floating point (mono 6.8
//! rounds it up: see `cast`), and C# that `mcs`
//! rejects: constant subexpressions that would fold to an overflow or a
//! division by zero are replaced by static fields.

#![allow(dead_code)]

use std::fmt::Write as _;

#[path = "csgen_generics.rs"]
mod generics;
use generics::{GScope, GenericWorkout};

// ---------------------------------------------------------------------------
// Random numbers (splitmix64: tiny, fast, and the same everywhere)

pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        let mut r = Rng(seed ^ 0x5DEE_CE66_D1CE_4E5B);
        r.next();
        r
    }

    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (0 when `n` is 0).
    pub fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }

    /// A number in `lo..=hi`.
    pub fn range(&mut self, lo: i64, hi: i64) -> i64 {
        if hi <= lo {
            return lo;
        }
        lo + (self.next() % ((hi - lo) as u64 + 1)) as i64
    }

    /// True with probability `p` percent.
    pub fn pct(&mut self, p: u32) -> bool {
        (self.next() % 100) < p as u64
    }

    pub fn pick<T: Clone>(&mut self, xs: &[T]) -> T {
        xs[self.below(xs.len())].clone()
    }

    /// An index into `weights`, chosen with those relative weights.
    pub fn weighted(&mut self, weights: &[u32]) -> usize {
        let total: u64 = weights.iter().map(|&w| w as u64).sum();
        if total == 0 {
            return 0;
        }
        let mut x = self.next() % total;
        for (i, &w) in weights.iter().enumerate() {
            if x < w as u64 {
                return i;
            }
            x -= w as u64;
        }
        weights.len() - 1
    }
}

// ---------------------------------------------------------------------------
// Types

#[derive(Clone, Copy, PartialEq, Eq, Debug, Hash)]
pub enum P {
    Bool,
    I1,
    U1,
    I2,
    U2,
    Ch,
    I4,
    U4,
    I8,
    U8,
    R4,
    R8,
}

use P::*;

const NUMERIC: [P; 11] = [I1, U1, I2, U2, Ch, I4, U4, I8, U8, R4, R8];
const INTEGRAL: [P; 9] = [I1, U1, I2, U2, Ch, I4, U4, I8, U8];
/// Types a shift count may have (implicitly convertible to int).
const SHIFT_COUNT: [P; 6] = [I4, I1, U1, I2, U2, Ch];
/// The largest struct (bytes): mono 6.8 copies a struct of more than 80
/// bytes with memcpy, and reading one from a field of a null object then
/// crashes mono (SIGSEGV in `Buffer.InternalMemcpy`) instead of raising a
/// NullReferenceException.
const STRUCT_MAX: usize = 80;
/// The largest struct (bytes, counted as for `STRUCT_MAX`) that may hold a
/// reference: mono 6.8 copies such a struct of 48 bytes or more with a
/// native write-barrier copy, and storing one into a field of a null
/// object crashes mono (SIGSEGV in native code) instead of raising a
/// NullReferenceException (found by seeds 10180 and 10212; Osprey raises
/// the NullReferenceException ECMA-335 requires; CoreCLR 2.0 crashes too).
const REF_STRUCT_MAX: usize = 40;

impl P {
    fn cs(self) -> &'static str {
        match self {
            Bool => "bool",
            I1 => "sbyte",
            U1 => "byte",
            I2 => "short",
            U2 => "ushort",
            Ch => "char",
            I4 => "int",
            U4 => "uint",
            I8 => "long",
            U8 => "ulong",
            R4 => "float",
            R8 => "double",
        }
    }
    fn is_float(self) -> bool {
        matches!(self, R4 | R8)
    }
    fn is_integral(self) -> bool {
        !self.is_float() && self != Bool
    }
    fn is_signed_int(self) -> bool {
        matches!(self, I1 | I2 | I4 | I8)
    }
    /// Element counts of arrays holding this type are masked with this.
    fn short(self) -> &'static str {
        match self {
            Bool => "b",
            I1 => "i1",
            U1 => "u1",
            I2 => "i2",
            U2 => "u2",
            Ch => "c",
            I4 => "i4",
            U4 => "u4",
            I8 => "i8",
            U8 => "u8",
            R4 => "r4",
            R8 => "r8",
        }
    }
}

/// C#'s binary numeric promotion (for operands of these declared types);
/// `None` when C# rejects the pair (`ulong` with a signed integer).
fn promote(a: P, b: P) -> Option<P> {
    if a == Bool || b == Bool {
        return None;
    }
    if a == R8 || b == R8 {
        return Some(R8);
    }
    if a == R4 || b == R4 {
        return Some(R4);
    }
    if a == U8 || b == U8 {
        let o = if a == U8 { b } else { a };
        return if o.is_signed_int() { None } else { Some(U8) };
    }
    if a == I8 || b == I8 {
        return Some(I8);
    }
    if a == U4 || b == U4 {
        let o = if a == U4 { b } else { a };
        return Some(if o.is_signed_int() { I8 } else { U4 });
    }
    Some(I4)
}

/// C#'s unary promotion (the type of `-x`, `~x`, `x << n`).
fn unary_promote(a: P) -> P {
    match a {
        I1 | U1 | I2 | U2 | Ch => I4,
        o => o,
    }
}

#[derive(Clone, PartialEq, Eq, Debug)]
enum Ty {
    P(P),
    /// A struct, by index.
    S(usize),
    /// A reference to the class hierarchy's root `B0` (any of B0..B3 or null).
    Obj,
    /// The interface `I0`.
    Iface,
    /// A delegate type, by index.
    Del(usize),
    Str,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Mode {
    Val,
    Ref,
    Out,
}

#[derive(Clone, Debug)]
struct Param {
    name: String,
    ty: Ty,
    mode: Mode,
}

#[derive(Clone, Debug)]
struct Sig {
    params: Vec<Param>,
    ret: Option<Ty>,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum EntKind {
    Static,
    Virtual,
    Iface,
    /// An instance method of struct `n`.
    StructMethod(usize),
}

/// A callable thing: a static method, a virtual slot (with all its
/// overrides), an interface method (with all its implementations) or a
/// struct method. Bodies may only call entities of a higher level.
#[derive(Clone, Debug)]
struct Entity {
    name: String,
    kind: EntKind,
    sig: Sig,
    level: u32,
    /// Upper bound of the statements one call executes (all bodies).
    cost: u64,
}

struct StructDef {
    name: String,
    fields: Vec<(String, Ty)>,
    implements_iface: bool,
}

struct ClassDef {
    name: String,
    base: Option<usize>,
    fields: Vec<(String, Ty)>,
    /// Re-declares `I0` (`class B3 : B0, I0`) with `new` methods.
    reimplements: bool,
}

struct DelegateDef {
    name: String,
    sig: Sig,
}

struct ArrayDef {
    name: String,
    elem: Ty,
    dims: Vec<usize>,
}

/// Where a method body lives.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Owner {
    Program,
    Class(usize),
    Struct(usize),
}

#[derive(Clone, Debug)]
struct Var {
    name: String,
    ty: Ty,
    writable: bool,
    /// May be used inside a lambda (not a ref/out parameter).
    capturable: bool,
    /// For delegate locals: the cost of one invocation.
    cost: u64,
}

#[derive(Clone)]
struct E {
    s: String,
    /// A C# constant expression (mcs folds it).
    k: bool,
}

impl E {
    fn v(s: String) -> E {
        E { s, k: false }
    }
    fn c(s: String) -> E {
        E { s, k: true }
    }
}

/// The state of the method body being generated.
struct Fcx {
    level: u32,
    owner: Owner,
    vars: Vec<Var>,
    marks: Vec<usize>,
    /// How many times the current statement may run per call.
    mult: u64,
    cost: u64,
    budget: u64,
    stmts_left: i64,
    nest: u32,
    loop_depth: u32,
    try_depth: u32,
    break_ok: bool,
    continue_ok: bool,
    /// Inside a finally block: no return/break/continue leaving it.
    in_finally: bool,
    /// Inside a catch or finally block: no stackalloc.
    in_handler: bool,
    in_lambda: bool,
    /// Inside a lambda that a LINQ operator or a collection calls: no side
    /// effects and no exceptions (how often, and for which elements,
    /// corefx's and corelib's operators call it differs), see
    /// `Gen::glambda` in csgen_generics.rs.
    pure: bool,
    /// Inside a catch block (not in a finally inside it): `throw;` allowed.
    in_catch: bool,
    /// In a `checked` context (C# default: unchecked).
    checked: bool,
    is_main: bool,
    ret: Option<Ty>,
    /// In an override: the base implementation `base.X(...)` may call.
    base_call: Option<(usize, u64)>,
}

impl Fcx {
    fn new(level: u32, owner: Owner, budget: u64) -> Fcx {
        Fcx {
            level,
            owner,
            vars: Vec::new(),
            marks: Vec::new(),
            mult: 1,
            cost: 0,
            budget,
            stmts_left: 0,
            nest: 0,
            loop_depth: 0,
            try_depth: 0,
            break_ok: false,
            continue_ok: false,
            in_finally: false,
            in_handler: false,
            in_lambda: false,
            pure: false,
            in_catch: false,
            checked: false,
            is_main: false,
            ret: None,
            base_call: None,
        }
    }
}

/// Places (assignable storage) are found by walking roots and their field
/// paths; array roots get their index expressions only once chosen.
#[derive(Clone)]
enum Cand {
    Path(String),
    Arr {
        base: String,
        dims: Vec<usize>,
        suffix: String,
    },
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Use {
    Read,
    Write,
    /// Passed as `ref`/`out`: must be a variable, not `this` of a class.
    Ref,
}

const FUZZ_CATCHES: [&str; 8] = [
    "FuzzException",
    "DivideByZeroException",
    "OverflowException",
    "IndexOutOfRangeException",
    "NullReferenceException",
    "InvalidCastException",
    "ArithmeticException",
    "Exception",
];

pub struct Gen {
    rng: Rng,
    structs: Vec<StructDef>,
    classes: Vec<ClassDef>,
    ents: Vec<Entity>,
    delegates: Vec<DelegateDef>,
    statics: Vec<Var>,
    arrays: Vec<ArrayDef>,
    /// `public static T kN = <constant>;` holders that keep constants from
    /// folding (declarations, in G).
    konsts: Vec<String>,
    /// Generated method text per entity and owner.
    bodies: Vec<(usize, Owner, String)>,
    fcx: Fcx,
    uniq: u32,
    tags: u32,
    /// Entities overridden in each class (virtual slots and, for B1/B2,
    /// interface methods implemented virtually in B0).
    overrides: Vec<Vec<usize>>,
    idx_depth: u32,
    /// The GC workout types (`Node`, `R`): see [`Gen::gc_stmt`].
    gcw: GcWorkout,
    /// The generic declarations: see `csgen_generics.rs`.
    gw: GenericWorkout,
    /// The generic scope of the body being generated.
    gs: GScope,
}

/// Generates the program for `seed`.
pub fn generate(seed: u64) -> String {
    let mut g = Gen {
        rng: Rng::new(seed),
        structs: Vec::new(),
        classes: Vec::new(),
        ents: Vec::new(),
        delegates: Vec::new(),
        statics: Vec::new(),
        arrays: Vec::new(),
        konsts: Vec::new(),
        bodies: Vec::new(),
        fcx: Fcx::new(0, Owner::Program, 0),
        uniq: 0,
        tags: 0,
        overrides: Vec::new(),
        idx_depth: 0,
        gcw: GcWorkout::default(),
        gw: GenericWorkout::default(),
        gs: GScope::default(),
    };
    g.program(seed)
}

fn line(out: &mut Vec<String>, ind: usize, s: impl AsRef<str>) {
    out.push(format!("{}{}", "    ".repeat(ind), s.as_ref()));
}

/// Wraps `s` in parentheses unless it already is one simple token.
fn paren(s: &str) -> String {
    let simple = s
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '.');
    if simple {
        s.to_string()
    } else {
        format!("({s})")
    }
}

impl Gen {
    fn fresh(&mut self, prefix: &str) -> String {
        self.uniq += 1;
        format!("{prefix}{}", self.uniq)
    }

    fn tag(&mut self) -> String {
        self.tags += 1;
        format!("T{}", self.tags)
    }

    fn ty_cs(&self, t: &Ty) -> String {
        match t {
            Ty::P(p) => p.cs().to_string(),
            Ty::S(i) => self.structs[*i].name.clone(),
            Ty::Obj => "B0".to_string(),
            Ty::Iface => "I0".to_string(),
            Ty::Del(i) => self.delegates[*i].name.clone(),
            Ty::Str => "string".to_string(),
        }
    }

    // -----------------------------------------------------------------------
    // Program skeleton

    fn program(&mut self, seed: u64) -> String {
        self.declare_types();
        self.declare_gc_workout();
        self.declare_entities();
        self.declare_delegates();
        self.declare_statics();
        self.declare_generics();
        self.assign_levels();
        // Generic methods call no other methods, so every method may call
        // them; their costs must be known first.
        self.generate_generic_bodies();
        self.generate_bodies();
        let main = self.main_body();
        self.emit(seed, main)
    }

    fn rand_prim(&mut self) -> P {
        // Biased toward the types arithmetic happens in.
        let w = [3, 4, 4, 3, 3, 3, 10, 5, 8, 5, 5, 8];
        let all = [Bool, I1, U1, I2, U2, Ch, I4, U4, I8, U8, R4, R8];
        all[self.rng.weighted(&w)]
    }

    fn rand_numeric(&mut self) -> P {
        loop {
            let p = self.rand_prim();
            if p != Bool {
                return p;
            }
        }
    }

    fn rand_integral(&mut self) -> P {
        loop {
            let p = self.rand_prim();
            if p.is_integral() {
                return p;
            }
        }
    }

    fn declare_types(&mut self) {
        let nstructs = self.rng.range(2, 5) as usize;
        for i in 0..nstructs {
            let nf = self.rng.range(1, 5) as usize;
            let mut fields = Vec::new();
            // Some shapes on purpose: tiny, odd-sized, big.
            let shape = self.rng.below(6);
            // Bytes so far, counting every primitive as 8: see STRUCT_MAX.
            let mut bound = 0;
            for j in 0..nf {
                let ty = match shape {
                    0 => Ty::P(self.rng.pick(&[U1, I1, Bool])),
                    1 => Ty::P(self.rng.pick(&[I8, R8, U8])),
                    _ => {
                        let k = self.rng.below(i.max(1));
                        if i > 0
                            && self.rng.pct(15)
                            && bound + self.struct_bound(k) + 8 * (nf - j - 1) <= STRUCT_MAX
                        {
                            Ty::S(k)
                        } else if self.rng.pct(12) {
                            Ty::Str
                        } else {
                            Ty::P(self.rand_prim())
                        }
                    }
                };
                bound += match ty {
                    Ty::S(k) => self.struct_bound(k),
                    _ => 8,
                };
                fields.push((format!("f{j}"), ty));
            }
            // See REF_STRUCT_MAX: a big struct keeps no references. This
            // draws nothing from the generator, so every other choice of
            // the program stays as it was.
            if bound > REF_STRUCT_MAX {
                for (_, ty) in &mut fields {
                    let holds_ref = match *ty {
                        Ty::Str => true,
                        Ty::S(k) => self.struct_has_ref(k),
                        _ => false,
                    };
                    if holds_ref {
                        *ty = Ty::P(I8);
                    }
                }
            }
            self.structs.push(StructDef {
                name: format!("S{i}"),
                fields,
                implements_iface: false,
            });
        }
        if self.rng.pct(80) {
            let k = self.rng.below(nstructs);
            self.structs[k].implements_iface = true;
        }
        // B0, B1 : B0, B2 : B1, B3 : B0 (re-implements I0).
        let specs: [(&str, Option<usize>, &str); 4] = [
            ("B0", None, "f"),
            ("B1", Some(0), "g"),
            ("B2", Some(1), "h"),
            ("B3", Some(0), "k"),
        ];
        for (name, base, prefix) in specs {
            let nf = self.rng.range(if base.is_none() { 2 } else { 0 }, 4) as usize;
            let mut fields = Vec::new();
            for j in 0..nf {
                let ty = if self.rng.pct(15) && !self.structs.is_empty() {
                    Ty::S(self.rng.below(self.structs.len()))
                } else if self.rng.pct(12) {
                    Ty::Str
                } else {
                    Ty::P(self.rand_prim())
                };
                fields.push((format!("{prefix}{j}"), ty));
            }
            let reimplements = name == "B3" && self.rng.pct(60);
            self.classes.push(ClassDef {
                name: name.to_string(),
                base,
                fields,
                reimplements,
            });
            self.overrides.push(Vec::new());
        }
    }

    /// An upper bound of the size of struct `s` (every primitive counted
    /// as 8 bytes).
    /// Whether struct `s` holds a reference anywhere in its fields.
    fn struct_has_ref(&self, s: usize) -> bool {
        self.structs[s].fields.iter().any(|(_, t)| match t {
            Ty::Str => true,
            Ty::S(k) => self.struct_has_ref(*k),
            _ => false,
        })
    }

    fn struct_bound(&self, s: usize) -> usize {
        self.structs[s]
            .fields
            .iter()
            .map(|(_, t)| match t {
                Ty::S(k) => self.struct_bound(*k),
                _ => 8,
            })
            .sum()
    }

    fn rand_param_ty(&mut self, allow_obj: bool) -> Ty {
        let r = self.rng.below(100);
        if r < 75 {
            Ty::P(self.rand_prim())
        } else if r < 93 {
            Ty::S(self.rng.below(self.structs.len()))
        } else if r < 97 && allow_obj {
            Ty::Obj
        } else {
            Ty::Str
        }
    }

    fn rand_sig(&mut self, max_params: usize, allow_void: bool) -> Sig {
        let n = self.rng.range(0, max_params as i64) as usize;
        let mut params = Vec::new();
        for _ in 0..n {
            let ty = self.rand_param_ty(true);
            let mode = match self.rng.below(100) {
                0..=74 => Mode::Val,
                75..=89 => Mode::Ref,
                _ => Mode::Out,
            };
            let name = self.fresh("p");
            params.push(Param { name, ty, mode });
        }
        let r = self.rng.below(100);
        let ret = if r < 70 {
            Some(Ty::P(self.rand_prim()))
        } else if r < 88 || !allow_void {
            Some(Ty::S(self.rng.below(self.structs.len())))
        } else {
            None
        };
        Sig { params, ret }
    }

    /// Adds an entity with a random signature of up to `max_params`
    /// parameters.
    fn declare(&mut self, name: String, kind: EntKind, max_params: usize) {
        let sig = self.rand_sig(max_params, true);
        self.ents.push(Entity {
            name,
            kind,
            sig,
            level: 0,
            cost: 0,
        });
    }

    fn declare_entities(&mut self) {
        let nstatic = self.rng.range(4, 12);
        for i in 0..nstatic {
            self.declare(format!("F{i}"), EntKind::Static, 10);
        }
        let nvirt = self.rng.range(1, 3);
        for i in 0..nvirt {
            self.declare(format!("V{i}"), EntKind::Virtual, 6);
        }
        let nif = self.rng.range(1, 2);
        for i in 0..nif {
            self.declare(format!("M{i}"), EntKind::Iface, 5);
        }
        for s in 0..self.structs.len() {
            if self.rng.pct(50) {
                self.declare(format!("SM{s}"), EntKind::StructMethod(s), 4);
            }
        }
        // Which classes override which virtual slots. B0 declares them all;
        // interface methods are virtual in B0 and may be overridden too.
        for e in 0..self.ents.len() {
            if matches!(self.ents[e].kind, EntKind::Virtual | EntKind::Iface) {
                for c in 1..3 {
                    if self.rng.pct(60) {
                        self.overrides[c].push(e);
                    }
                }
                if self.ents[e].kind == EntKind::Virtual && self.rng.pct(50) {
                    self.overrides[3].push(e);
                }
            }
        }
    }

    fn declare_delegates(&mut self) {
        // Delegate types take the signature of a static method or virtual
        // slot without ref/out parameters, so method groups convert.
        let candidates: Vec<usize> = (0..self.ents.len())
            .filter(|&e| {
                let en = &self.ents[e];
                matches!(en.kind, EntKind::Static | EntKind::Virtual)
                    && en.sig.ret.is_some()
                    && en.sig.params.iter().all(|p| p.mode == Mode::Val)
            })
            .collect();
        let n = self.rng.range(1, 3) as usize;
        for i in 0..n {
            let sig = if !candidates.is_empty() && self.rng.pct(70) {
                let e = self.rng.pick(&candidates);
                self.ents[e].sig.clone()
            } else {
                let mut s = self.rand_sig(4, false);
                for p in &mut s.params {
                    p.mode = Mode::Val;
                    if p.ty == Ty::Obj {
                        p.ty = Ty::P(I4);
                    }
                }
                s
            };
            self.delegates.push(DelegateDef {
                name: format!("D{i}"),
                sig,
            });
        }
    }

    fn literal(&mut self, p: P) -> E {
        let s: String = match p {
            Bool => self.rng.pick(&["true", "false"]).to_string(),
            I1 => {
                let v = self.rng.pick(&[0i64, 1, -1, 127, -128, 2, -100, 64]);
                let v = if self.rng.pct(20) {
                    self.rng.range(-128, 127)
                } else {
                    v
                };
                format!("((sbyte)({v}))")
            }
            U1 => {
                let v = self.rng.pick(&[0i64, 1, 255, 128, 127, 2, 200]);
                let v = if self.rng.pct(20) {
                    self.rng.range(0, 255)
                } else {
                    v
                };
                format!("((byte){v})")
            }
            I2 => {
                let v = self
                    .rng
                    .pick(&[0i64, 1, -1, 32767, -32768, 255, -300, 16384]);
                let v = if self.rng.pct(20) {
                    self.rng.range(-32768, 32767)
                } else {
                    v
                };
                format!("((short)({v}))")
            }
            U2 => {
                let v = self.rng.pick(&[0i64, 1, 65535, 32768, 255, 1000]);
                let v = if self.rng.pct(20) {
                    self.rng.range(0, 65535)
                } else {
                    v
                };
                format!("((ushort){v})")
            }
            Ch => {
                let v = self.rng.pick(&[0i64, 65, 97, 48, 65535, 32768, 255, 1]);
                let v = if self.rng.pct(20) {
                    self.rng.range(0, 65535)
                } else {
                    v
                };
                format!("((char){v})")
            }
            I4 => {
                let named = ["int.MinValue", "int.MaxValue"];
                if self.rng.pct(12) {
                    self.rng.pick(&named).to_string()
                } else {
                    let v = self.rng.pick(&[
                        0i64,
                        1,
                        -1,
                        2,
                        3,
                        7,
                        8,
                        31,
                        32,
                        33,
                        63,
                        64,
                        65,
                        -31,
                        -32,
                        255,
                        256,
                        65535,
                        65536,
                        1000000,
                        -1000000,
                        0x7fff,
                        0x40000000,
                        -0x40000000,
                    ]);
                    let v = if self.rng.pct(20) {
                        self.rng.range(i32::MIN as i64 + 1, i32::MAX as i64)
                    } else {
                        v
                    };
                    if v < 0 {
                        format!("({v})")
                    } else {
                        format!("{v}")
                    }
                }
            }
            U4 => {
                let v = self.rng.pick(&[
                    0u64,
                    1,
                    2,
                    31,
                    32,
                    33,
                    0xffff_ffff,
                    0x8000_0000,
                    0x7fff_ffff,
                    65536,
                    1000,
                ]);
                let v = if self.rng.pct(20) {
                    self.rng.next() & 0xffff_ffff
                } else {
                    v
                };
                format!("{v}U")
            }
            I8 => {
                if self.rng.pct(12) {
                    self.rng
                        .pick(&["long.MinValue", "long.MaxValue"])
                        .to_string()
                } else {
                    let v = self.rng.pick(&[
                        0i64,
                        1,
                        -1,
                        63,
                        64,
                        65,
                        0x1_0000_0000,
                        0xffff_ffff,
                        -0x8000_0000,
                        0x7fff_ffff,
                        0x8000_0000,
                        -0x1_0000_0001,
                        1_000_000_000_000,
                    ]);
                    let v = if self.rng.pct(20) {
                        (self.rng.next() as i64).max(i64::MIN + 1)
                    } else {
                        v
                    };
                    if v < 0 {
                        format!("({v}L)")
                    } else {
                        format!("{v}L")
                    }
                }
            }
            U8 => {
                let v = self.rng.pick(&[
                    0u64,
                    1,
                    u64::MAX,
                    0x8000_0000_0000_0000,
                    0xffff_ffff,
                    0x1_0000_0000,
                    63,
                    64,
                    0x7fff_ffff_ffff_ffff,
                ]);
                let v = if self.rng.pct(20) { self.rng.next() } else { v };
                format!("{v}UL")
            }
            R4 => {
                let named = [
                    "float.NaN",
                    "float.PositiveInfinity",
                    "float.NegativeInfinity",
                    "float.MaxValue",
                    "float.MinValue",
                    "float.Epsilon",
                ];
                if self.rng.pct(15) {
                    self.rng.pick(&named).to_string()
                } else {
                    let v = self.rng.pick(&[
                        "0f",
                        "(-0f)",
                        "1f",
                        "(-1f)",
                        "0.5f",
                        "(-0.5f)",
                        "1.5f",
                        "2.5f",
                        "(-2.5f)",
                        "0.1f",
                        "1e10f",
                        "(-1e10f)",
                        "16777216f",
                        "16777217f",
                        "2147483648f",
                        "(-2147483648f)",
                        "4294967296f",
                        "3e9f",
                        "(-3e9f)",
                        "9.2233720e18f",
                        "1.8446744e19f",
                        "1e30f",
                        "(-1e30f)",
                        "255.9f",
                        "(-128.7f)",
                        "65535.5f",
                        "1e-40f",
                    ]);
                    if self.rng.pct(25) {
                        let m = self.rng.range(-100000, 100000);
                        let e = self.rng.range(0, 3);
                        format!("({}f)", m as f64 / 10f64.powi(e as i32))
                    } else {
                        v.to_string()
                    }
                }
            }
            R8 => {
                let named = [
                    "double.NaN",
                    "double.PositiveInfinity",
                    "double.NegativeInfinity",
                    "double.MaxValue",
                    "double.MinValue",
                    "double.Epsilon",
                ];
                if self.rng.pct(15) {
                    self.rng.pick(&named).to_string()
                } else {
                    let v = self.rng.pick(&[
                        "0.0",
                        "(-0.0)",
                        "1.0",
                        "(-1.0)",
                        "0.5",
                        "(-0.5)",
                        "1.5",
                        "2.5",
                        "(-2.5)",
                        "3.5",
                        "0.1",
                        "(1.0/3)",
                        "1e10",
                        "(-1e10)",
                        "1e300",
                        "(-1e300)",
                        "2147483647.0",
                        "2147483647.5",
                        "2147483648.0",
                        "(-2147483648.0)",
                        "(-2147483648.9)",
                        "(-2147483649.0)",
                        "4294967295.0",
                        "4294967296.0",
                        "9223372036854775807.0",
                        "9.2233720368547758e18",
                        "(-9.2233720368547758e18)",
                        "1.8446744073709552e19",
                        "1e19",
                        "(-1e19)",
                        "4.9e-324",
                        "1e-310",
                        "123456.789",
                        "(-0.75)",
                        "127.5",
                        "(-129.0)",
                        "32767.9",
                        "65536.0",
                    ]);
                    if self.rng.pct(25) {
                        let m = self.rng.range(-10_000_000, 10_000_000);
                        let e = self.rng.range(0, 5);
                        let x = m as f64 / 10f64.powi(e as i32);
                        let s = format!("{x:?}");
                        if x < 0.0 {
                            format!("({s})")
                        } else {
                            s
                        }
                    } else {
                        v.to_string()
                    }
                }
            }
        };
        E::c(s)
    }

    /// A static field holding the constant `e`, so that it is no longer a
    /// C# constant (mcs must not fold it).
    fn nonconst(&mut self, e: E, p: P) -> E {
        if !e.k {
            return e;
        }
        let name = self.fresh("k");
        self.konsts
            .push(format!("public static {} {name} = {};", p.cs(), e.s));
        E::v(format!("G.{name}"))
    }

    fn declare_statics(&mut self) {
        for _ in 0..self.rng.range(8, 16) {
            let p = self.rand_prim();
            let name = self.fresh("s");
            self.statics.push(Var {
                name,
                ty: Ty::P(p),
                writable: true,
                capturable: true,
                cost: 0,
            });
        }
        for _ in 0..self.rng.range(1, 3) {
            let s = self.rng.below(self.structs.len());
            let name = self.fresh("ss");
            self.statics.push(Var {
                name,
                ty: Ty::S(s),
                writable: true,
                capturable: true,
                cost: 0,
            });
        }
        for name in ["o0", "o1", "o2", "o3", "o4"] {
            self.statics.push(Var {
                name: name.to_string(),
                ty: Ty::Obj,
                writable: true,
                capturable: true,
                cost: 0,
            });
        }
        for name in ["i0", "i1", "i2"] {
            self.statics.push(Var {
                name: name.to_string(),
                ty: Ty::Iface,
                writable: true,
                capturable: true,
                cost: 0,
            });
        }
        self.statics.push(Var {
            name: "str0".to_string(),
            ty: Ty::Str,
            writable: true,
            capturable: true,
            cost: 0,
        });
        for _ in 0..self.rng.range(2, 5) {
            let p = self.rand_prim();
            let len = self.rng.pick(&[4usize, 8, 8, 16, 5, 3]);
            let name = self.fresh("a");
            self.arrays.push(ArrayDef {
                name,
                elem: Ty::P(p),
                dims: vec![len],
            });
        }
        for _ in 0..self.rng.range(1, 2) {
            let s = self.rng.below(self.structs.len());
            let name = self.fresh("as");
            let len = self.rng.pick(&[4usize, 3]);
            self.arrays.push(ArrayDef {
                name,
                elem: Ty::S(s),
                dims: vec![len],
            });
        }
        if self.rng.pct(70) {
            let p = self.rand_numeric();
            let name = self.fresh("m");
            self.arrays.push(ArrayDef {
                name,
                elem: Ty::P(p),
                dims: vec![3, 4],
            });
        }
    }

    fn assign_levels(&mut self) {
        let n = self.ents.len();
        let mut order: Vec<usize> = (0..n).collect();
        for i in (1..n).rev() {
            let j = self.rng.below(i + 1);
            order.swap(i, j);
        }
        for (lvl, &e) in order.iter().enumerate() {
            self.ents[e].level = lvl as u32 + 1;
        }
    }

    fn generate_bodies(&mut self) {
        let mut order: Vec<usize> = (0..self.ents.len()).collect();
        order.sort_by_key(|&e| std::cmp::Reverse(self.ents[e].level));
        for e in order {
            let owners: Vec<Owner> = match self.ents[e].kind {
                EntKind::Static => vec![Owner::Program],
                EntKind::StructMethod(s) => vec![Owner::Struct(s)],
                EntKind::Virtual => {
                    let mut v = vec![Owner::Class(0)];
                    for c in 1..4 {
                        if self.overrides[c].contains(&e) {
                            v.push(Owner::Class(c));
                        }
                    }
                    v
                }
                EntKind::Iface => {
                    let mut v = vec![Owner::Class(0)];
                    for c in 1..3 {
                        if self.overrides[c].contains(&e) {
                            v.push(Owner::Class(c));
                        }
                    }
                    if self.classes[3].reimplements {
                        v.push(Owner::Class(3));
                    }
                    for s in 0..self.structs.len() {
                        if self.structs[s].implements_iface {
                            v.push(Owner::Struct(s));
                        }
                    }
                    v
                }
            };
            let mut max_cost = 0;
            let mut impl_costs: Vec<(Owner, u64)> = Vec::new();
            for owner in owners {
                // An override may call the implementation it overrides.
                let base_call = match owner {
                    Owner::Class(c) if c != 0 && self.ents[e].kind == EntKind::Virtual => {
                        let mut b = self.classes[c].base;
                        let mut found = None;
                        while let Some(bc) = b {
                            if let Some(&(_, cost)) =
                                impl_costs.iter().find(|(o, _)| *o == Owner::Class(bc))
                            {
                                found = Some((e, cost));
                                break;
                            }
                            b = self.classes[bc].base;
                        }
                        found
                    }
                    _ => None,
                };
                let (text, cost) = self.method(e, owner, base_call);
                impl_costs.push((owner, cost));
                max_cost = max_cost.max(cost);
                self.bodies.push((e, owner, text));
            }
            self.ents[e].cost = max_cost + 1;
        }
    }
}

// ---------------------------------------------------------------------------
// Method bodies

impl Gen {
    fn params_text(&self, sig: &Sig) -> String {
        sig.params
            .iter()
            .map(|p| {
                let m = match p.mode {
                    Mode::Val => "",
                    Mode::Ref => "ref ",
                    Mode::Out => "out ",
                };
                format!("{m}{} {}", self.ty_cs(&p.ty), p.name)
            })
            .collect::<Vec<_>>()
            .join(", ")
    }

    fn ret_text(&self, sig: &Sig) -> String {
        match &sig.ret {
            Some(t) => self.ty_cs(t),
            None => "void".to_string(),
        }
    }

    /// One implementation of entity `e` in `owner`: its text and its cost.
    fn method(&mut self, e: usize, owner: Owner, base_call: Option<(usize, u64)>) -> (String, u64) {
        let ent = self.ents[e].clone();
        let budget = self.rng.range(60, 2500) as u64;
        let mut fcx = Fcx::new(ent.level, owner, budget);
        fcx.ret = ent.sig.ret.clone();
        fcx.base_call = base_call;
        fcx.stmts_left = self.rng.range(3, 28);
        let saved = std::mem::replace(&mut self.fcx, fcx);
        let saved_gs = std::mem::take(&mut self.gs);

        let modifiers = match (ent.kind, owner) {
            (EntKind::Static, _) => "public static",
            (EntKind::Virtual, Owner::Class(0)) | (EntKind::Iface, Owner::Class(0)) => {
                "public virtual"
            }
            (EntKind::Iface, Owner::Class(3)) => "public new",
            (EntKind::Virtual, Owner::Class(_)) | (EntKind::Iface, Owner::Class(_)) => {
                "public override"
            }
            _ => "public",
        };
        let mut out = Vec::new();
        line(
            &mut out,
            1,
            format!(
                "{modifiers} {} {}({})",
                self.ret_text(&ent.sig),
                ent.name,
                self.params_text(&ent.sig)
            ),
        );
        line(&mut out, 1, "{");
        for p in &ent.sig.params {
            if p.mode != Mode::Out {
                self.fcx.vars.push(Var {
                    name: p.name.clone(),
                    ty: p.ty.clone(),
                    writable: true,
                    capturable: p.mode == Mode::Val,
                    cost: 0,
                });
            }
        }
        // Out parameters are assigned first (C# requires it before reads).
        for p in &ent.sig.params {
            if p.mode == Mode::Out {
                let v = self.expr(&p.ty, 2);
                line(&mut out, 2, format!("{} = {};", p.name, v.s));
            }
        }
        for p in &ent.sig.params {
            if p.mode == Mode::Out {
                self.fcx.vars.push(Var {
                    name: p.name.clone(),
                    ty: p.ty.clone(),
                    writable: true,
                    capturable: false,
                    cost: 0,
                });
            }
        }
        if self.rng.pct(30) {
            // Show the arguments as they arrived.
            let tag = self.tag();
            let mut parts = vec![format!("\"{tag} {}\"", ent.name)];
            for p in ent.sig.params.clone() {
                if let Ty::P(pt) = p.ty {
                    let s = self.show(E::v(p.name.clone()), pt);
                    parts.push(format!("\" \" + {s}"));
                }
            }
            line(
                &mut out,
                2,
                format!("Console.WriteLine({});", parts.join(" + ")),
            );
        }
        let n = self.fcx.stmts_left as usize;
        self.block_body(&mut out, 2, n);
        if let Some(rt) = ent.sig.ret.clone() {
            let v = self.expr(&rt, 3);
            line(&mut out, 2, format!("return {};", v.s));
        }
        line(&mut out, 1, "}");
        let cost = self.fcx.cost;
        self.fcx = saved;
        self.gs = saved_gs;
        (out.join("\n"), cost)
    }

    fn push_scope(&mut self) {
        let n = self.fcx.vars.len();
        self.fcx.marks.push(n);
        let g = self.gs.vars.len();
        self.gs.marks.push(g);
    }

    fn pop_scope(&mut self) {
        if let Some(n) = self.fcx.marks.pop() {
            self.fcx.vars.truncate(n);
        }
        if let Some(g) = self.gs.marks.pop() {
            self.gs.vars.truncate(g);
        }
    }

    fn add_var(&mut self, name: &str, ty: Ty, writable: bool, cost: u64) {
        self.fcx.vars.push(Var {
            name: name.to_string(),
            ty,
            writable,
            capturable: true,
            cost,
        });
    }

    // -----------------------------------------------------------------------
    // Expressions

    fn expr(&mut self, ty: &Ty, d: u32) -> E {
        match ty {
            Ty::P(p) => self.prim(*p, d),
            Ty::S(s) => self.struct_expr(*s, d),
            Ty::Obj => self.obj_expr(d),
            Ty::Iface => self.iface_expr(d),
            Ty::Str => self.str_expr(d),
            Ty::Del(k) => match self.del_target(*k) {
                Some((s, _)) => E::v(s),
                None => E::v("null".to_string()),
            },
        }
    }

    fn prim(&mut self, p: P, d: u32) -> E {
        if d == 0 || self.rng.pct(15) {
            return self.prim_leaf(p);
        }
        if p == Bool {
            return self.bool_expr(d);
        }
        for _ in 0..6 {
            let k = self.rng.weighted(&[30, 6, 14, 4, 12, 4, 4, 5, 4, 3, 3, 5]);
            let r = match k {
                0 => Some(self.binary(p, d)),
                1 => self.unary(p, d),
                2 => Some(self.cast_expr(p, d)),
                3 => Some(self.ternary(&Ty::P(p), d)),
                4 => self.call_prim(p, d),
                5 => self.assign_expr(p, d),
                6 => self.incdec_expr(p),
                7 => Some(self.checked_expr(p, d)),
                8 => self.math_expr(p, d),
                9 => self.field_of_value(p, d),
                10 => self.special_prim(p, d),
                _ => self.generic_prim(p, d),
            };
            if let Some(e) = r {
                return e;
            }
        }
        self.prim_leaf(p)
    }

    fn prim_leaf(&mut self, p: P) -> E {
        if self.rng.pct(35) {
            return self.literal(p);
        }
        match self.place(&Ty::P(p), Use::Read) {
            Some(s) => E::v(s),
            None => self.literal(p),
        }
    }

    fn operand_ty(&mut self, p: P, integral: bool) -> P {
        if self.rng.pct(45) && (!integral || p.is_integral()) && p != Bool {
            return p;
        }
        if integral {
            self.rand_integral()
        } else {
            self.rand_numeric()
        }
    }

    fn shift_count(&mut self) -> E {
        let v = self.rng.pick(&[
            0i64, 1, 3, 7, 8, 15, 16, 31, 32, 33, 63, 64, 65, 100, -1, -31, -33, 127, 255,
        ]);
        E::c(if v < 0 {
            format!("({v})")
        } else {
            v.to_string()
        })
    }

    fn binary(&mut self, p: P, d: u32) -> E {
        let kind = if p.is_float() {
            0
        } else {
            self.rng.weighted(&[5, 3, 3])
        };
        let (op, lt, rt) = match kind {
            0 => {
                let op = self.rng.pick(&["+", "-", "*", "/", "%", "+", "-", "*"]);
                (op, self.operand_ty(p, false), self.operand_ty(p, false))
            }
            1 => {
                let op = self.rng.pick(&["&", "|", "^"]);
                (op, self.operand_ty(p, true), self.operand_ty(p, true))
            }
            _ => {
                let op = self.rng.pick(&["<<", ">>"]);
                let rt = if self.rng.pct(70) {
                    I4
                } else {
                    self.rng.pick(&SHIFT_COUNT)
                };
                (op, self.operand_ty(p, true), rt)
            }
        };
        let mut l = self.prim(lt, d - 1);
        let mut r = if kind == 2 && rt == I4 && self.rng.pct(50) {
            self.shift_count()
        } else {
            self.prim(rt, d - 1)
        };
        let (mut lt, mut rt) = (lt, rt);
        let res = if kind == 2 {
            unary_promote(lt)
        } else {
            match promote(lt, rt) {
                Some(t) => t,
                None => {
                    if lt == U8 {
                        r = self.cast(r, rt, U8);
                        rt = U8;
                    } else {
                        l = self.cast(l, lt, U8);
                        lt = U8;
                    }
                    U8
                }
            }
        };
        // A ulong meeting a float converts explicitly (see `cast`).
        if res.is_float() && lt == U8 {
            l = self.cast(l, U8, res);
            lt = res;
        }
        if res.is_float() && rt == U8 {
            r = self.cast(r, U8, res);
            rt = res;
        }
        if l.k && r.k {
            r = self.nonconst(r, rt);
        }
        // mcs folds `x & 0` to a constant (and then rejects an out-of-range
        // conversion of it): keep constants away from `&`.
        if op == "&" {
            l = self.nonconst(l, lt);
            r = self.nonconst(r, rt);
        }
        if (op == "/" || op == "%") && r.k {
            r = self.nonconst(r, rt);
        }
        // int.MinValue / -1 (and % -1): ECMA-335 asks for an
        // ArithmeticException. mono 6.8 raises OverflowException when the
        // -1 was loaded from a variable but DivideByZeroException when it
        // was computed by a 32-bit operation (`x >> 31`, `x | -1`;
        // apparently its SIGFPE handler compares the divisor register with
        // a 64-bit -1). Keep int.MinValue out of 32-bit signed dividends
        // (64-bit division is consistent).
        if (op == "/" || op == "%") && res == I4 && lt == I4 {
            l = E::v(format!("Math.Max({}, -2147483647)", l.s));
        }
        // mono 6.8 bug: a 64-bit multiplication by the constant -2^31 on the
        // right (`x * -2147483648L`) is compiled as `x * 2^31`.
        if op == "*" && matches!(res, I8 | U8) && r.k {
            r = self.nonconst(r, rt);
        }
        // No integer division in pure code (DivideByZeroException).
        let op = if self.fcx.pure && (op == "/" || op == "%") && !res.is_float() {
            "-"
        } else {
            op
        };
        let e = E::v(format!("({} {op} {})", l.s, r.s));
        self.cast(e, res, p)
    }

    fn unary(&mut self, p: P, d: u32) -> Option<E> {
        if p == Bool {
            return None;
        }
        let op = if p.is_float() || self.rng.pct(55) {
            "-"
        } else {
            "~"
        };
        let mut t = if self.rng.pct(50) {
            p
        } else if op == "~" {
            self.rand_integral()
        } else {
            self.rand_numeric()
        };
        if op == "-" && t == U8 {
            t = I8;
        }
        if op == "~" && t.is_float() {
            return None;
        }
        let x = self.prim(t, d - 1);
        let x = self.nonconst(x, t);
        let res = if op == "-" && t == U4 {
            I8
        } else {
            unary_promote(t)
        };
        let e = E::v(format!("({op}{})", x.s));
        Some(self.cast(e, res, p))
    }

    /// `(to)e`; a constant operand first goes through a static field, so
    /// that mcs neither rejects an out-of-range constant nor folds it.
    fn cast(&mut self, e: E, from: P, to: P) -> E {
        if from == to {
            return e;
        }
        let e = self.nonconst(e, from);
        if self.fcx.checked && to == U8 && matches!(from, I1 | I2 | I4) {
            // mono 6.8 bug: `conv.ovf.u8` of a negative int32 computed by an
            // arithmetic instruction (not loaded from memory) does not throw
            // (it sees the zero-extended register). Widen to long first.
            return E::v(format!("((ulong)(long){})", e.s));
        }
        if from == U8 && to.is_float() {
            // mono 6.8 bug: `conv.r.un` of a ulong of 2^63 or more that lies
            // exactly halfway between two doubles (low 11 bits 0x400) rounds
            // up instead of to even. Clearing bit 10 leaves no such tie.
            return E::v(format!(
                "(({})({} & 0xFFFFFFFFFFFFFBFFUL))",
                to.cs(),
                paren(&e.s)
            ));
        }
        E::v(format!("(({}){})", to.cs(), e.s))
    }

    fn cast_expr(&mut self, p: P, d: u32) -> E {
        let from = if self.rng.pct(35) {
            self.rng.pick(&[R4, R8])
        } else {
            self.rand_numeric()
        };
        let x = self.prim(from, d - 1);
        if from == p {
            return x;
        }
        self.cast(x, from, p)
    }

    fn ternary(&mut self, ty: &Ty, d: u32) -> E {
        let c = self.prim(Bool, d.saturating_sub(1));
        let a = self.expr(ty, d.saturating_sub(1));
        let b = self.expr(ty, d.saturating_sub(1));
        E {
            s: format!("({} ? {} : {})", c.s, a.s, b.s),
            k: c.k && a.k && b.k,
        }
    }

    fn call_prim(&mut self, p: P, d: u32) -> Option<E> {
        if let Some(e) = self.call_expr(Some(&Ty::P(p)), d) {
            return Some(e);
        }
        if p != Bool {
            let q = self.rand_numeric();
            if let Some(e) = self.call_expr(Some(&Ty::P(q)), d) {
                return Some(self.cast(e, q, p));
            }
        }
        None
    }

    /// An assignment operator and its right-hand side for a place of type
    /// `p` (the right side always has type `p`, or int for shifts).
    fn compound(&mut self, p: P, d: u32) -> (&'static str, String) {
        if p == Bool {
            let op = self.rng.pick(&["=", "=", "&=", "|=", "^="]);
            return (op, self.prim(Bool, d).s);
        }
        let op = if p.is_float() {
            self.rng
                .pick(&["=", "=", "=", "+=", "-=", "*=", "/=", "%="])
        } else {
            self.rng.pick(&[
                "=", "=", "=", "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "<<=", ">>=",
            ])
        };
        let rhs = match op {
            "<<=" | ">>=" => {
                if self.rng.pct(50) {
                    self.shift_count().s
                } else {
                    self.prim(I4, d).s
                }
            }
            // `*=`: see the mono bug in `binary`.
            "/=" | "%=" | "*=" => {
                let r = self.prim(p, d);
                let r = self.nonconst(r, p).s;
                // int.MinValue / -1: see `binary`. The dividend is a place
                // here, so the divisor avoids -1 instead.
                if p == I4 && op != "*=" {
                    format!("G.NotM1({r})")
                } else {
                    r
                }
            }
            _ => self.prim(p, d).s,
        };
        (op, rhs)
    }

    fn assign_expr(&mut self, p: P, d: u32) -> Option<E> {
        if self.fcx.pure {
            return None;
        }
        let place = self.place(&Ty::P(p), Use::Write)?;
        let (op, rhs) = self.compound(p, d - 1);
        Some(E::v(format!("({place} {op} {rhs})")))
    }

    fn incdec_expr(&mut self, p: P) -> Option<E> {
        if p == Bool || self.fcx.pure {
            return None;
        }
        let place = self.place(&Ty::P(p), Use::Write)?;
        let s = match self.rng.below(4) {
            0 => format!("({place}++)"),
            1 => format!("({place}--)"),
            2 => format!("(++{place})"),
            _ => format!("(--{place})"),
        };
        Some(E::v(s))
    }

    fn checked_expr(&mut self, p: P, d: u32) -> E {
        let checked = self.rng.pct(70) && !self.fcx.pure;
        let w = if checked { "checked" } else { "unchecked" };
        let saved = std::mem::replace(&mut self.fcx.checked, checked);
        let inner = self.prim(p, d - 1);
        self.fcx.checked = saved;
        E {
            s: format!("{w}({})", inner.s),
            k: inner.k,
        }
    }

    /// A non-constant operand of type `p` (Math calls with constant
    /// arguments are folded by mono's JIT, sometimes differently from what
    /// it computes at run time).
    fn nc(&mut self, p: P, d: u32) -> String {
        let e = self.prim(p, d);
        self.nonconst(e, p).s
    }

    fn math_expr(&mut self, p: P, d: u32) -> Option<E> {
        let d1 = d - 1;
        // Math.Abs(int.MinValue) and Math.Sign(NaN) throw.
        if self.fcx.pure && matches!(p, I1 | I2 | I4 | I8) {
            let f = self.rng.pick(&["Max", "Min"]);
            return Some(E::v(format!(
                "Math.{f}({}, {})",
                self.nc(p, d1),
                self.nc(p, d1)
            )));
        }
        let s = match p {
            R8 => match self.rng.below(8) {
                0 => format!("Math.Sqrt({})", self.nc(R8, d1)),
                1 => format!("Math.Floor({})", self.nc(R8, d1)),
                2 => format!("Math.Ceiling({})", self.nc(R8, d1)),
                3 => format!("Math.Abs({})", self.nc(R8, d1)),
                4 => format!("Math.Round({})", self.nc(R8, d1)),
                5 => format!("Math.Truncate({})", self.nc(R8, d1)),
                6 => format!("Math.Max({}, {})", self.nc(R8, d1), self.nc(R8, d1)),
                _ => format!("Math.Min({}, {})", self.nc(R8, d1), self.nc(R8, d1)),
            },
            R4 | I1 | I2 | I4 | I8 => match self.rng.below(3) {
                0 => format!("Math.Abs({})", self.nc(p, d1)),
                1 => format!("Math.Max({}, {})", self.nc(p, d1), self.nc(p, d1)),
                _ => format!("Math.Min({}, {})", self.nc(p, d1), self.nc(p, d1)),
            },
            U1 | U2 | U4 | U8 => {
                let f = self.rng.pick(&["Max", "Min"]);
                format!("Math.{f}({}, {})", self.nc(p, d1), self.nc(p, d1))
            }
            _ => return None,
        };
        if p == I4 && self.rng.pct(25) {
            let q = if self.fcx.pure {
                self.rng.pick(&[I1, I2, I4, I8])
            } else {
                self.rng.pick(&[I1, I2, I4, I8, R4, R8])
            };
            return Some(E::v(format!("Math.Sign({})", self.nc(q, d1))));
        }
        Some(E::v(s))
    }

    /// Field paths of type `want` inside a value of type `ty` (".f0",
    /// ".f2.f1", or "" for the value itself).
    fn field_paths(&self, ty: &Ty, want: &Ty, prefix: String, out: &mut Vec<String>) {
        if ty == want {
            out.push(prefix.clone());
        }
        if let Ty::S(s) = ty {
            for (n, ft) in &self.structs[*s].fields {
                self.field_paths(ft, want, format!("{prefix}.{n}"), out);
            }
        }
    }

    /// A field of a struct value that is not a variable: a call's result or
    /// a freshly constructed struct.
    fn field_of_value(&mut self, p: P, d: u32) -> Option<E> {
        let mut cands = Vec::new();
        for s in 0..self.structs.len() {
            let mut paths = Vec::new();
            self.field_paths(&Ty::S(s), &Ty::P(p), String::new(), &mut paths);
            for path in paths {
                if !path.is_empty() {
                    cands.push((s, path));
                }
            }
        }
        if cands.is_empty() {
            return None;
        }
        let (s, path) = self.rng.pick(&cands);
        let base = if self.rng.pct(50) {
            self.call_expr(Some(&Ty::S(s)), d)?.s
        } else {
            self.struct_ctor(s, d - 1)
        };
        Some(E::v(format!("{base}{path}")))
    }

    fn special_prim(&mut self, p: P, d: u32) -> Option<E> {
        // Pure code reads no string index or downcast field (they throw).
        let n = if self.fcx.pure { 3 } else { 4 };
        match self.rng.below(n) {
            0 if p == I4 => {
                if self.rng.pct(70) && !self.arrays.is_empty() {
                    let a = self.rng.below(self.arrays.len());
                    Some(E::v(format!("G.{}.Length", self.arrays[a].name)))
                } else {
                    Some(E::v("G.str0.Length".to_string()))
                }
            }
            1 if p == Ch && !self.fcx.pure => {
                let i = self.prim(I4, d - 1);
                Some(E::v(format!("G.str0[{}]", i.s)))
            }
            2 if p == I4 => {
                let unmanaged: Vec<usize> = (0..self.structs.len())
                    .filter(|&s| self.is_unmanaged(&Ty::S(s)))
                    .collect();
                if unmanaged.is_empty() {
                    return None;
                }
                let s = self.rng.pick(&unmanaged);
                Some(E::v(format!("sizeof({})", self.structs[s].name)))
            }
            _ => {
                // A field read through a downcast: InvalidCastException or
                // NullReferenceException when the object is something else.
                let mut cands = Vec::new();
                for c in 1..self.classes.len() {
                    for (n, ft) in &self.classes[c].fields {
                        let mut paths = Vec::new();
                        self.field_paths(ft, &Ty::P(p), format!(".{n}"), &mut paths);
                        for path in paths {
                            cands.push((c, path));
                        }
                    }
                }
                if cands.is_empty() {
                    return None;
                }
                let (c, path) = self.rng.pick(&cands);
                let o = self.place(&Ty::Obj, Use::Read)?;
                let how = if self.rng.pct(70) {
                    format!("(({}){o})", self.classes[c].name)
                } else {
                    format!("({o} as {})", self.classes[c].name)
                };
                Some(E::v(format!("{how}{path}")))
            }
        }
    }

    fn is_unmanaged(&self, t: &Ty) -> bool {
        match t {
            Ty::P(_) => true,
            Ty::S(s) => self.structs[*s]
                .fields
                .iter()
                .all(|(_, ft)| self.is_unmanaged(ft)),
            _ => false,
        }
    }

    fn bool_expr(&mut self, d: u32) -> E {
        let d1 = d - 1;
        match self.rng.weighted(&[40, 14, 7, 7, 7, 5, 6, 8, 2, 3, 6]) {
            0 => {
                let op = self.rng.pick(&["==", "!=", "<", "<=", ">", ">="]);
                let lt = self.rand_numeric();
                let rt = if self.rng.pct(50) {
                    lt
                } else {
                    self.rand_numeric()
                };
                let mut l = self.prim(lt, d1);
                let mut r = self.prim(rt, d1);
                let mut rt2 = rt;
                match promote(lt, rt) {
                    None => {
                        if lt == U8 {
                            r = self.cast(r, rt, U8);
                            rt2 = U8;
                        } else {
                            l = self.cast(l, lt, U8);
                        }
                    }
                    // A ulong compared with a float converts explicitly
                    // (see `cast`).
                    Some(f) if f.is_float() => {
                        if lt == U8 {
                            l = self.cast(l, U8, f);
                        }
                        if rt == U8 {
                            r = self.cast(r, U8, f);
                            rt2 = f;
                        }
                    }
                    _ => {}
                }
                if l.k && r.k {
                    r = self.nonconst(r, rt2);
                }
                // mcs misparses `x < (F((int)a, b))` as the start of a
                // generic or tuple type; wrapping the right side in the
                // current checked/unchecked context (a no-op) avoids that.
                if op == "<" && r.s.starts_with('(') {
                    let w = if self.fcx.checked {
                        "checked"
                    } else {
                        "unchecked"
                    };
                    r = E {
                        s: format!("{w}{}", r.s),
                        k: r.k,
                    };
                }
                E::v(format!("({} {op} {})", l.s, r.s))
            }
            1 => {
                let op = self.rng.pick(&["&&", "||"]);
                // mcs folds `false && x` and `true || x` to constants.
                let l = self.prim(Bool, d1);
                let l = self.nonconst(l, Bool);
                let r = self.prim(Bool, d1);
                E {
                    s: format!("({} {op} {})", l.s, r.s),
                    k: l.k && r.k,
                }
            }
            2 => {
                let x = self.prim(Bool, d1);
                E {
                    s: format!("(!{})", x.s),
                    k: x.k,
                }
            }
            3 => {
                let op = self.rng.pick(&["&", "|", "^", "==", "!="]);
                let l = self.prim(Bool, d1);
                let r = self.prim(Bool, d1);
                E {
                    s: format!("({} {op} {})", l.s, r.s),
                    k: l.k && r.k,
                }
            }
            4 => {
                let o = match self.place(&Ty::Obj, Use::Read) {
                    Some(o) => o,
                    None => return self.prim_leaf(Bool),
                };
                let s = match self.rng.below(4) {
                    0 => format!("({o} == null)"),
                    1 => format!("({o} != null)"),
                    _ => {
                        let c = self.rng.below(self.classes.len());
                        format!("({o} is {})", self.classes[c].name)
                    }
                };
                E::v(s)
            }
            5 => {
                let (t, f) = if self.rng.pct(50) {
                    ("double", R8)
                } else {
                    ("float", R4)
                };
                let m = self.rng.pick(&[
                    "IsNaN",
                    "IsInfinity",
                    "IsPositiveInfinity",
                    "IsNegativeInfinity",
                ]);
                let x = self.nc(f, d1);
                E::v(format!("{t}.{m}({x})"))
            }
            6 => match self.call_expr(Some(&Ty::P(Bool)), d) {
                Some(e) => e,
                None => self.prim_leaf(Bool),
            },
            7 => self.prim_leaf(Bool),
            8 => self.ternary(&Ty::P(Bool), d),
            9 => match self.assign_expr(Bool, d) {
                Some(e) => e,
                None => self.prim_leaf(Bool),
            },
            _ => match self.generic_prim(Bool, d) {
                Some(e) => e,
                None => self.prim_leaf(Bool),
            },
        }
    }

    fn struct_ctor(&mut self, s: usize, d: u32) -> String {
        let fields = self.structs[s].fields.clone();
        let args: Vec<String> = fields
            .iter()
            .map(|(_, ft)| self.expr(ft, d.min(2)).s)
            .collect();
        format!("(new {}({}))", self.structs[s].name, args.join(", "))
    }

    fn struct_expr(&mut self, s: usize, d: u32) -> E {
        let d1 = d.saturating_sub(1);
        for _ in 0..4 {
            let r = match self.rng.weighted(&[4, 3, 1, 3, 1]) {
                0 => self.place(&Ty::S(s), Use::Read).map(E::v),
                1 => Some(E::v(self.struct_ctor(s, d1))),
                2 => Some(E::v(if self.rng.pct(50) {
                    format!("(new {}())", self.structs[s].name)
                } else {
                    format!("default({})", self.structs[s].name)
                })),
                3 if d > 0 => self.call_expr(Some(&Ty::S(s)), d),
                4 if d > 0 => Some(self.ternary(&Ty::S(s), d1)),
                _ => None,
            };
            if let Some(e) = r {
                return e;
            }
        }
        E::v(format!("default({})", self.structs[s].name))
    }

    /// All fields of class `c`, its own and its bases'.
    fn class_fields(&self, c: usize) -> Vec<(String, Ty)> {
        let mut v = Vec::new();
        let mut k = Some(c);
        while let Some(cc) = k {
            v.extend(self.classes[cc].fields.iter().cloned());
            k = self.classes[cc].base;
        }
        v
    }

    fn new_object(&mut self, c: usize, d: u32) -> String {
        let fields = self.class_fields(c);
        let mut inits = Vec::new();
        for (n, ft) in fields {
            if self.rng.pct(50) {
                let v = self.expr(&ft, d.min(2));
                inits.push(format!("{n} = {}", v.s));
            }
        }
        if inits.is_empty() {
            format!("((B0)new {}())", self.classes[c].name)
        } else {
            format!(
                "((B0)new {} {{ {} }})",
                self.classes[c].name,
                inits.join(", ")
            )
        }
    }

    fn obj_expr(&mut self, d: u32) -> E {
        match self.rng.weighted(&[6, 3, 1, 1]) {
            0 => match self.place(&Ty::Obj, Use::Read) {
                Some(s) => E::v(s),
                None => E::v("G.o0".to_string()),
            },
            1 => {
                let c = self.rng.below(self.classes.len());
                E::v(self.new_object(c, d.saturating_sub(1)))
            }
            2 => E::v("((B0)null)".to_string()),
            _ => self.ternary(&Ty::Obj, d.saturating_sub(1).min(1)),
        }
    }

    fn iface_structs(&self) -> Vec<usize> {
        (0..self.structs.len())
            .filter(|&s| self.structs[s].implements_iface)
            .collect()
    }

    fn iface_expr(&mut self, d: u32) -> E {
        let ss = self.iface_structs();
        match self
            .rng
            .weighted(&[5, 2, if ss.is_empty() { 0 } else { 2 }])
        {
            0 => match self.place(&Ty::Iface, Use::Read) {
                Some(s) => E::v(s),
                None => E::v("G.i0".to_string()),
            },
            1 => {
                let o = self.obj_expr(d.saturating_sub(1));
                E::v(format!("((I0){})", o.s))
            }
            _ => {
                let s = self.rng.pick(&ss);
                let v = self.struct_expr(s, d.saturating_sub(1));
                E::v(format!("((I0){})", v.s))
            }
        }
    }

    fn str_expr(&mut self, d: u32) -> E {
        match self
            .rng
            .weighted(&[3, 3, if d > 0 { 2 } else { 0 }, if d > 0 { 1 } else { 0 }])
        {
            0 => {
                let n = self.rng.below(1000);
                E::c(format!("\"s{n}\""))
            }
            1 => match self.place(&Ty::Str, Use::Read) {
                Some(s) => E::v(s),
                None => E::v("G.str0".to_string()),
            },
            2 => {
                let a = self.str_expr(d - 1);
                let p = self.rand_numeric();
                let x = self.prim(p, d - 1);
                let x = self.show(x, p);
                E::v(format!("({} + {})", a.s, x))
            }
            _ => {
                let p = self.rand_numeric();
                let p = if p == Ch { I4 } else { p };
                let x = self.prim(p, d - 1);
                E::v(format!("{}.ToString()", paren(&x.s)))
            }
        }
    }

    /// `e` (of type `p`) as an operand of string concatenation: chars as
    /// numbers (lone surrogates would make the output encoding the subject),
    /// floating point sometimes with a round-trip or other format.
    fn show(&mut self, e: E, p: P) -> String {
        match p {
            Ch => format!("((int){})", e.s),
            R4 | R8 if self.rng.pct(35) => {
                let f = self
                    .rng
                    .pick(&["R", "R", "E3", "F2", "G9", "N2", "G17", "0.###"]);
                format!("{}.ToString(\"{f}\")", paren(&e.s))
            }
            I4 | I8 | U4 | U8 | I1 | U1 | I2 | U2 if self.rng.pct(15) => {
                let f = self.rng.pick(&["X", "x8", "D4", "N0"]);
                format!("{}.ToString(\"{f}\")", paren(&e.s))
            }
            _ => e.s,
        }
    }

    // -----------------------------------------------------------------------
    // Places

    fn paths(
        &self,
        root: String,
        ty: &Ty,
        want: &Ty,
        w: u32,
        obj_ok: bool,
        out: &mut Vec<(Cand, u32)>,
    ) {
        if ty == want {
            out.push((Cand::Path(root.clone()), w));
        }
        match ty {
            Ty::S(s) => {
                for (n, ft) in &self.structs[*s].fields {
                    self.paths(format!("{root}.{n}"), ft, want, w, obj_ok, out);
                }
            }
            Ty::Obj if obj_ok => {
                for (n, ft) in &self.classes[0].fields {
                    self.paths(format!("{root}.{n}"), ft, want, w, false, out);
                }
            }
            _ => {}
        }
    }

    /// A variable (or field, array element, ...) of exactly type `want`.
    fn place(&mut self, want: &Ty, u: Use) -> Option<String> {
        let mut cands: Vec<(Cand, u32)> = Vec::new();
        let in_lambda = self.fcx.in_lambda;
        for v in &self.fcx.vars {
            if u != Use::Read && !v.writable {
                continue;
            }
            if in_lambda && !v.capturable {
                continue;
            }
            if matches!(v.ty, Ty::Del(_)) {
                continue;
            }
            // Pure code reads no field of a B0 (which may be null).
            let obj_ok = !self.fcx.pure;
            self.paths(v.name.clone(), &v.ty, want, 8, obj_ok, &mut cands);
        }
        match self.fcx.owner {
            Owner::Class(c) => {
                if *want == Ty::Obj && u == Use::Read {
                    cands.push((Cand::Path("((B0)this)".to_string()), 2));
                }
                for (n, ft) in self.class_fields(c) {
                    self.paths(format!("this.{n}"), &ft, want, 4, false, &mut cands);
                }
            }
            Owner::Struct(s) if !in_lambda => {
                self.paths("this".to_string(), &Ty::S(s), want, 5, false, &mut cands);
            }
            _ => {}
        }
        for v in &self.statics {
            let obj_ok = !self.fcx.pure;
            self.paths(format!("G.{}", v.name), &v.ty, want, 2, obj_ok, &mut cands);
        }
        for a in &self.arrays {
            let mut subs = Vec::new();
            self.field_paths(&a.elem, want, String::new(), &mut subs);
            for suffix in subs {
                cands.push((
                    Cand::Arr {
                        base: format!("G.{}", a.name),
                        dims: a.dims.clone(),
                        suffix,
                    },
                    3,
                ));
            }
        }
        if cands.is_empty() {
            return None;
        }
        let weights: Vec<u32> = cands.iter().map(|c| c.1).collect();
        let i = self.rng.weighted(&weights);
        let cand = cands.swap_remove(i).0;
        Some(match cand {
            Cand::Path(s) => s,
            Cand::Arr { base, dims, suffix } => {
                let idx: Vec<String> = dims.iter().map(|&n| self.index(n, false)).collect();
                format!("{base}[{}]{suffix}", idx.join(", "))
            }
        })
    }

    /// An index into a dimension of length `n`: usually forced in range,
    /// sometimes not (IndexOutOfRangeException), never when `safe`.
    fn index(&mut self, n: usize, safe: bool) -> String {
        // Index expressions may contain array accesses; keep that shallow.
        if self.idx_depth >= 2 {
            return "0".to_string();
        }
        self.idx_depth += 1;
        let e = self.prim(I4, 1);
        let s = if !safe && !self.fcx.pure && self.rng.pct(6) {
            e.s
        } else if n.is_power_of_two() {
            format!("({} & {})", e.s, n - 1)
        } else {
            let u = self.cast(e, I4, U4);
            format!("((int)({} % {n}U))", u.s)
        };
        self.idx_depth -= 1;
        s
    }

    // -----------------------------------------------------------------------
    // Calls

    fn sig_matches(a: &Sig, b: &Sig) -> bool {
        a.ret == b.ret
            && a.params.len() == b.params.len()
            && a.params
                .iter()
                .zip(&b.params)
                .all(|(x, y)| x.ty == y.ty && x.mode == Mode::Val && y.mode == Mode::Val)
    }

    /// Charges a call of cost `c` to the current body; false when over
    /// budget.
    fn charge(&mut self, c: u64) -> bool {
        let c = c.saturating_mul(self.fcx.mult);
        if self.fcx.cost.saturating_add(c) > self.fcx.budget {
            return false;
        }
        self.fcx.cost += c;
        true
    }

    fn args(&mut self, sig: &Sig, d: u32) -> Option<String> {
        let d = d.saturating_sub(1).min(2);
        let mut parts = Vec::new();
        for p in &sig.params {
            match p.mode {
                Mode::Val => parts.push(self.expr(&p.ty, d).s),
                Mode::Ref => parts.push(format!("ref {}", self.place(&p.ty, Use::Ref)?)),
                Mode::Out => parts.push(format!("out {}", self.place(&p.ty, Use::Ref)?)),
            }
        }
        Some(parts.join(", "))
    }

    fn obj_receiver(&mut self) -> String {
        match self.place(&Ty::Obj, Use::Read) {
            Some(s) if self.rng.pct(85) => s,
            _ => {
                let c = self.rng.below(self.classes.len());
                self.new_object(c, 1)
            }
        }
    }

    /// A call whose result has type `want` (any type, or none, when `want`
    /// is None).
    fn call_expr(&mut self, want: Option<&Ty>, d: u32) -> Option<E> {
        if self.fcx.pure {
            return None;
        }
        #[derive(Clone)]
        enum Callee {
            Ent(usize),
            Del(String, usize, u64),
            Base(usize, u64),
        }
        let mut cands: Vec<Callee> = Vec::new();
        for (i, en) in self.ents.iter().enumerate() {
            if en.level > self.fcx.level && want.map_or(true, |w| en.sig.ret.as_ref() == Some(w)) {
                cands.push(Callee::Ent(i));
            }
        }
        if !self.fcx.in_lambda {
            for v in &self.fcx.vars {
                if let Ty::Del(k) = v.ty {
                    if want.map_or(true, |w| self.delegates[k].sig.ret.as_ref() == Some(w)) {
                        cands.push(Callee::Del(v.name.clone(), k, v.cost));
                    }
                }
            }
            if let Some((e, cost)) = self.fcx.base_call {
                if want.map_or(true, |w| self.ents[e].sig.ret.as_ref() == Some(w)) {
                    cands.push(Callee::Base(e, cost));
                }
            }
        }
        if cands.is_empty() {
            return None;
        }
        let callee = self.rng.pick(&cands);
        match callee {
            Callee::Ent(e) => {
                let en = self.ents[e].clone();
                if !self.charge(en.cost) {
                    return None;
                }
                let args = self.args(&en.sig, d)?;
                let s = match en.kind {
                    EntKind::Static => format!("Program.{}({args})", en.name),
                    EntKind::Virtual => {
                        let r = self.obj_receiver();
                        format!("{r}.{}({args})", en.name)
                    }
                    EntKind::Iface => {
                        let r = self.iface_expr(1);
                        format!("{}.{}({args})", r.s, en.name)
                    }
                    EntKind::StructMethod(s) => {
                        let r = match self.place(&Ty::S(s), Use::Read) {
                            Some(p) if self.rng.pct(80) => p,
                            _ => self.struct_ctor(s, 1),
                        };
                        format!("{r}.{}({args})", en.name)
                    }
                };
                Some(E::v(s))
            }
            Callee::Del(name, k, cost) => {
                if !self.charge(cost) {
                    return None;
                }
                let sig = self.delegates[k].sig.clone();
                let args = self.args(&sig, d)?;
                Some(E::v(format!("{name}({args})")))
            }
            Callee::Base(e, cost) => {
                if !self.charge(cost) {
                    return None;
                }
                let en = self.ents[e].clone();
                let args = self.args(&en.sig, d)?;
                Some(E::v(format!("base.{}({args})", en.name)))
            }
        }
    }

    /// Something a delegate of type `k` can be made from, and the cost of
    /// invoking it.
    fn del_target(&mut self, k: usize) -> Option<(String, u64)> {
        let sig = self.delegates[k].sig.clone();
        let groups: Vec<usize> = (0..self.ents.len())
            .filter(|&e| {
                let en = &self.ents[e];
                en.level > self.fcx.level
                    && matches!(en.kind, EntKind::Static | EntKind::Virtual)
                    && Self::sig_matches(&en.sig, &sig)
            })
            .collect();
        if !groups.is_empty() && self.rng.pct(50) {
            let e = self.rng.pick(&groups);
            let en = self.ents[e].clone();
            let s = match en.kind {
                EntKind::Static => {
                    if self.rng.pct(50) {
                        format!("Program.{}", en.name)
                    } else {
                        format!("new {}(Program.{})", self.delegates[k].name, en.name)
                    }
                }
                _ => {
                    let r = self.obj_receiver();
                    format!("{r}.{}", en.name)
                }
            };
            return Some((s, en.cost));
        }
        if matches!(self.fcx.owner, Owner::Struct(_)) || self.fcx.in_lambda {
            return None;
        }
        // A lambda, usually closing over locals.
        let saved = (self.fcx.mult, self.fcx.cost, self.fcx.in_lambda);
        self.fcx.mult = 1;
        self.fcx.cost = 0;
        self.fcx.in_lambda = true;
        self.push_scope();
        let explicit = self.rng.pct(50);
        let mut ps = Vec::new();
        for p in &sig.params {
            let n = self.fresh("l");
            ps.push(if explicit {
                format!("{} {n}", self.ty_cs(&p.ty))
            } else {
                n.clone()
            });
            self.fcx.vars.push(Var {
                name: n,
                ty: p.ty.clone(),
                writable: true,
                capturable: true,
                cost: 0,
            });
        }
        let ret = sig.ret.clone().unwrap_or(Ty::P(I4));
        let body = self.expr(&ret, 3);
        self.pop_scope();
        let cost = self.fcx.cost + 1;
        self.fcx.mult = saved.0;
        self.fcx.cost = saved.1;
        self.fcx.in_lambda = saved.2;
        let params = if ps.len() == 1 && !explicit {
            ps[0].clone()
        } else {
            format!("({})", ps.join(", "))
        };
        Some((format!("({params} => {})", body.s), cost))
    }
}

// ---------------------------------------------------------------------------
// Statements

impl Gen {
    fn block_body(&mut self, out: &mut Vec<String>, ind: usize, n: usize) {
        self.push_scope();
        for _ in 0..n {
            if self.fcx.stmts_left <= 0 || self.fcx.cost >= self.fcx.budget {
                break;
            }
            self.stmt(out, ind);
        }
        self.pop_scope();
    }

    /// `{ ... }` holding a few statements, one nesting level deeper.
    fn nested_block(&mut self, out: &mut Vec<String>, ind: usize) {
        self.fcx.nest += 1;
        let n = self.rng.range(1, 4) as usize;
        line(out, ind, "{");
        self.block_body(out, ind + 1, n);
        line(out, ind, "}");
        self.fcx.nest -= 1;
    }

    fn stmt(&mut self, out: &mut Vec<String>, ind: usize) {
        self.fcx.stmts_left -= 1;
        self.fcx.cost += self.fcx.mult;
        let f = &self.fcx;
        let deep = f.nest >= 4;
        let w = [
            14,                                              // declaration
            20,                                              // assignment
            12,                                              // print
            8,                                               // checksum
            8,                                               // call
            if deep { 0 } else { 8 },                        // if
            if deep { 0 } else { 4 },                        // switch
            if deep || f.loop_depth >= 2 { 0 } else { 5 },   // loop
            if deep || f.try_depth >= 3 { 0 } else { 6 },    // try
            3,                                               // throw
            if f.break_ok || f.continue_ok { 3 } else { 0 }, // break, continue
            if !f.in_finally && !f.is_main { 2 } else { 0 }, // return
            if deep { 0 } else { 2 },                        // checked block
            3,                                               // unsafe code
            3,                                               // delegates
            4,                                               // GC workout
            if self.gs.generic_body { 36 } else { 7 },       // generic code
        ];
        match self.rng.weighted(&w) {
            0 => self.decl_stmt(out, ind),
            1 => self.assign_stmt(out, ind),
            2 => self.print_stmt(out, ind),
            3 => self.mix_stmt(out, ind),
            4 => {
                if let Some(e) = self.call_expr(None, 3) {
                    line(out, ind, format!("{};", e.s));
                }
            }
            5 => self.if_stmt(out, ind),
            6 => self.switch_stmt(out, ind),
            7 => self.loop_stmt(out, ind),
            8 => self.try_stmt(out, ind),
            9 => self.throw_stmt(out, ind),
            10 => {
                let c = self.prim(Bool, 2);
                let what = if self.fcx.continue_ok && (!self.fcx.break_ok || self.rng.pct(40)) {
                    "continue"
                } else {
                    "break"
                };
                line(out, ind, format!("if ({}) {what};", c.s));
            }
            11 => {
                let c = self.prim(Bool, 2);
                if let Some(t) = self.gs.ret.clone() {
                    let v = self.gval(&t, 2);
                    line(out, ind, format!("if ({}) return {v};", c.s));
                    return;
                }
                match self.fcx.ret.clone() {
                    Some(t) => {
                        let v = self.expr(&t, 2);
                        line(out, ind, format!("if ({}) return {};", c.s, v.s));
                    }
                    None => line(out, ind, format!("if ({}) return;", c.s)),
                }
            }
            12 => {
                let checked = self.rng.pct(70);
                line(out, ind, if checked { "checked" } else { "unchecked" });
                let saved = std::mem::replace(&mut self.fcx.checked, checked);
                self.nested_block(out, ind);
                self.fcx.checked = saved;
            }
            13 => self.unsafe_stmt(out, ind),
            14 => self.delegate_stmt(out, ind),
            15 => self.gc_stmt(out, ind),
            _ => self.gen_stmt(out, ind),
        }
    }

    fn decl_stmt(&mut self, out: &mut Vec<String>, ind: usize) {
        let r = self.rng.below(100);
        let ty = if r < 68 {
            Ty::P(self.rand_prim())
        } else if r < 83 {
            Ty::S(self.rng.below(self.structs.len()))
        } else if r < 87 {
            Ty::Obj
        } else if r < 90 {
            Ty::Iface
        } else if r < 97 {
            Ty::Del(self.rng.below(self.delegates.len()))
        } else {
            Ty::Str
        };
        if let Ty::Del(k) = ty {
            if let Some((s, cost)) = self.del_target(k) {
                let name = self.fresh("d");
                line(
                    out,
                    ind,
                    format!("{} {name} = {s};", self.delegates[k].name),
                );
                self.add_var(&name, ty, true, cost);
            }
            return;
        }
        let e = self.expr(&ty, 3);
        let name = self.fresh("v");
        line(out, ind, format!("{} {name} = {};", self.ty_cs(&ty), e.s));
        self.add_var(&name, ty, true, 0);
    }

    fn assign_stmt(&mut self, out: &mut Vec<String>, ind: usize) {
        let r = self.rng.below(100);
        if r < 80 {
            let p = self.rand_prim();
            let place = match self.place(&Ty::P(p), Use::Write) {
                Some(s) => s,
                None => return,
            };
            if p != Bool && self.rng.pct(12) {
                let op = self.rng.pick(&["++", "--"]);
                line(out, ind, format!("{place}{op};"));
            } else {
                let (op, rhs) = self.compound(p, 3);
                line(out, ind, format!("{place} {op} {rhs};"));
            }
        } else {
            let ty = if r < 90 {
                Ty::S(self.rng.below(self.structs.len()))
            } else if r < 95 {
                Ty::Obj
            } else if r < 97 {
                Ty::Str
            } else {
                Ty::Iface
            };
            let place = match self.place(&ty, Use::Write) {
                Some(s) => s,
                None => return,
            };
            let e = self.expr(&ty, 2);
            line(out, ind, format!("{place} = {};", e.s));
        }
    }

    fn print_stmt(&mut self, out: &mut Vec<String>, ind: usize) {
        let tag = self.tag();
        match self.rng.weighted(&[6, 3, 2, 2, 1, 1]) {
            0 => {
                let n = self.rng.range(1, 4);
                let mut s = format!("\"{tag}\"");
                for _ in 0..n {
                    let p = self.rand_prim();
                    let e = self.prim(p, 3);
                    let v = self.show(e, p);
                    let _ = write!(s, " + \" \" + {v}");
                }
                line(out, ind, format!("Console.WriteLine({s});"));
            }
            1 => {
                let n = self.rng.range(1, 4);
                let mut fmt = tag.clone();
                let mut args = Vec::new();
                for i in 0..n {
                    let p = self.rand_prim();
                    let e = self.prim(p, 3);
                    let (spec, a) = match p {
                        Ch => ("", format!("((int){})", e.s)),
                        R4 | R8 => (
                            self.rng
                                .pick(&["", "", ":R", ":E2", ":F3", ":G5", ":N1", ",12:F1"]),
                            e.s,
                        ),
                        Bool => ("", e.s),
                        _ => (
                            self.rng.pick(&["", "", ":X", ":D3", ":N0", ":x4", ",-6"]),
                            e.s,
                        ),
                    };
                    let _ = write!(fmt, " {{{i}{spec}}}");
                    args.push(a);
                }
                if self.rng.pct(50) {
                    line(
                        out,
                        ind,
                        format!("Console.WriteLine(\"{fmt}\", {});", args.join(", ")),
                    );
                } else {
                    line(
                        out,
                        ind,
                        format!(
                            "Console.WriteLine(string.Format(\"{fmt}\", {}));",
                            args.join(", ")
                        ),
                    );
                }
            }
            2 => {
                let p = self.rand_prim();
                let e = self.prim(p, 3);
                let v = if p == Ch {
                    format!("((int){})", e.s)
                } else {
                    e.s
                };
                line(out, ind, format!("Console.Write(\"{tag} \");"));
                line(out, ind, format!("Console.WriteLine({v});"));
            }
            3 => {
                let s = self.rng.below(self.structs.len());
                let e = self.struct_expr(s, 2);
                line(
                    out,
                    ind,
                    format!("G.Dump{}(\"{tag}\", {});", self.structs[s].name, e.s),
                );
            }
            4 => {
                let e = self.obj_expr(2);
                line(out, ind, format!("G.DumpO(\"{tag}\", {});", e.s));
            }
            _ => {
                let e = self.str_expr(2);
                line(
                    out,
                    ind,
                    format!("Console.WriteLine(\"{tag} \" + {});", e.s),
                );
            }
        }
    }

    fn mix_fn(p: P) -> &'static str {
        match p {
            Bool => "MixB",
            R4 => "MixF",
            R8 => "MixD",
            I1 | I2 | I4 | I8 | Ch => "MixI",
            _ => "MixU",
        }
    }

    fn mix_stmt(&mut self, out: &mut Vec<String>, ind: usize) {
        if self.rng.pct(15) {
            let s = self.rng.below(self.structs.len());
            let e = self.struct_expr(s, 2);
            line(out, ind, format!("G.Mix{}({});", self.structs[s].name, e.s));
            return;
        }
        let p = self.rand_prim();
        let e = self.prim(p, 3);
        line(out, ind, format!("G.{}({});", Self::mix_fn(p), e.s));
    }

    fn if_stmt(&mut self, out: &mut Vec<String>, ind: usize) {
        let c = self.prim(Bool, 3);
        line(out, ind, format!("if ({})", c.s));
        self.nested_block(out, ind);
        if self.rng.pct(50) {
            line(out, ind, "else");
            self.nested_block(out, ind);
        }
    }

    fn switch_stmt(&mut self, out: &mut Vec<String>, ind: usize) {
        let t = self
            .rng
            .pick(&[I4, I4, I4, I4, I8, Ch, U1, U4, I1, I2, U8, U2]);
        let (lo, hi): (i64, i64) = match t {
            I1 => (-128, 127),
            U1 => (0, 255),
            I2 => (-32768, 32767),
            U2 | Ch => (0, 65535),
            U4 | U8 => (0, 1 << 31),
            _ => (-(1 << 31), (1 << 31) - 1),
        };
        let n = self.rng.range(1, 7) as usize;
        let mut vals: Vec<i64> = Vec::new();
        let dense = self.rng.pct(60);
        let start = if dense {
            self.rng.range(lo.max(-3), (lo.max(-3) + 10).min(hi))
        } else {
            0
        };
        for i in 0..n {
            let v = if dense {
                start + i as i64
            } else if self.rng.pct(50) {
                self.rng.range(lo.max(-20), hi.min(40))
            } else {
                self.rng.range(lo, hi)
            };
            if v >= lo && v <= hi && !vals.contains(&v) {
                vals.push(v);
            }
        }
        let sel = if dense && self.rng.pct(60) {
            // Land on the labels often.
            let e = self.prim(I4, 2);
            let m = format!("(({} & 7) + {start})", e.s);
            if t == I4 {
                m
            } else {
                format!("(({}){m})", t.cs())
            }
        } else {
            let e = self.prim(t, 2);
            self.nonconst(e, t).s
        };
        let label = |v: i64| -> String {
            match t {
                Ch => format!("(char){v}"),
                _ => format!("{v}"),
            }
        };
        line(out, ind, format!("switch ({sel})"));
        line(out, ind, "{");
        let saved = self.fcx.break_ok;
        self.fcx.break_ok = true;
        self.fcx.nest += 1;
        let mut i = 0;
        while i < vals.len() {
            line(out, ind + 1, format!("case {}:", label(vals[i])));
            if i + 1 < vals.len() && self.rng.pct(20) {
                i += 1;
                line(out, ind + 1, format!("case {}:", label(vals[i])));
            }
            line(out, ind + 1, "{");
            let n = self.rng.range(1, 3) as usize;
            self.block_body(out, ind + 2, n);
            line(out, ind + 2, "break;");
            line(out, ind + 1, "}");
            i += 1;
        }
        if self.rng.pct(60) {
            line(out, ind + 1, "default:");
            line(out, ind + 1, "{");
            let n = self.rng.range(1, 3) as usize;
            self.block_body(out, ind + 2, n);
            line(out, ind + 2, "break;");
            line(out, ind + 1, "}");
        }
        self.fcx.nest -= 1;
        self.fcx.break_ok = saved;
        line(out, ind, "}");
    }

    fn loop_stmt(&mut self, out: &mut Vec<String>, ind: usize) {
        let k = self.rng.range(0, 5);
        let saved = (
            self.fcx.mult,
            self.fcx.break_ok,
            self.fcx.continue_ok,
            self.fcx.loop_depth,
        );
        self.fcx.loop_depth += 1;
        self.fcx.break_ok = true;
        self.fcx.continue_ok = true;
        self.push_scope();
        let arrays: Vec<usize> = (0..self.arrays.len())
            .filter(|&a| self.arrays[a].dims.len() == 1 && matches!(self.arrays[a].elem, Ty::P(_)))
            .collect();
        match self.rng.below(6) {
            0 | 1 => {
                let i = self.fresh("i");
                self.fcx.mult *= k.max(1) as u64;
                let t = if self.rng.pct(80) { "int" } else { "long" };
                if self.rng.pct(70) {
                    line(out, ind, format!("for ({t} {i} = 0; {i} < {k}; {i}++)"));
                } else {
                    line(
                        out,
                        ind,
                        format!("for ({t} {i} = {}; {i} >= 0; {i}--)", k - 1),
                    );
                }
                let ty = if t == "int" { I4 } else { I8 };
                self.add_var(&i, Ty::P(ty), false, 0);
                self.nested_block(out, ind);
            }
            2 => {
                let w = self.fresh("w");
                self.fcx.mult *= k.max(1) as u64;
                line(out, ind, format!("int {w} = 0;"));
                line(out, ind, format!("while ({w} < {k})"));
                line(out, ind, "{");
                line(out, ind + 1, format!("{w}++;"));
                self.add_var(&w, Ty::P(I4), false, 0);
                self.fcx.nest += 1;
                let n = self.rng.range(1, 4) as usize;
                self.block_body(out, ind + 1, n);
                self.fcx.nest -= 1;
                line(out, ind, "}");
            }
            3 => {
                let w = self.fresh("w");
                self.fcx.mult *= k.max(1) as u64;
                line(out, ind, format!("int {w} = 0;"));
                line(out, ind, "do");
                line(out, ind, "{");
                line(out, ind + 1, format!("{w}++;"));
                self.add_var(&w, Ty::P(I4), false, 0);
                self.fcx.nest += 1;
                let n = self.rng.range(1, 4) as usize;
                self.block_body(out, ind + 1, n);
                self.fcx.nest -= 1;
                line(out, ind, "}");
                line(out, ind, format!("while ({w} < {k});"));
            }
            _ if !arrays.is_empty() => {
                let a = self.rng.pick(&arrays);
                let (name, elem, len) = (
                    self.arrays[a].name.clone(),
                    self.arrays[a].elem.clone(),
                    self.arrays[a].dims[0],
                );
                let x = self.fresh("x");
                self.fcx.mult *= len as u64;
                line(
                    out,
                    ind,
                    format!("foreach ({} {x} in G.{name})", self.ty_cs(&elem)),
                );
                self.add_var(&x, elem, false, 0);
                self.nested_block(out, ind);
            }
            _ => {
                let i = self.fresh("i");
                self.fcx.mult *= k.max(1) as u64;
                line(out, ind, format!("for (int {i} = 0; {i} < {k}; {i}++)"));
                self.add_var(&i, Ty::P(I4), false, 0);
                self.nested_block(out, ind);
            }
        }
        self.pop_scope();
        self.fcx.mult = saved.0;
        self.fcx.break_ok = saved.1;
        self.fcx.continue_ok = saved.2;
        self.fcx.loop_depth = saved.3;
    }

    /// A condition that cannot throw (for exception filters: mono 6.8 and
    /// ECMA-335 disagree about exceptions escaping a filter).
    fn safe_cond(&mut self, exv: &str, ty: &str) -> String {
        let locals: Vec<(String, P)> = self
            .fcx
            .vars
            .iter()
            .filter_map(|v| match v.ty {
                Ty::P(p) => Some((v.name.clone(), p)),
                _ => None,
            })
            .collect();
        if !locals.is_empty() && self.rng.pct(35) {
            let (n, p) = self.rng.pick(&locals);
            return if p == Bool {
                n
            } else {
                format!("((double){n} > 0.5)")
            };
        }
        if ty == "FuzzException" {
            let m = self.rng.range(2, 4);
            let r = self.rng.range(0, m - 1);
            format!("{exv}.Code % {m} == {r}")
        } else {
            let m = self.rng.range(20, 50);
            format!("{exv}.Message.Length > {m}")
        }
    }

    fn try_stmt(&mut self, out: &mut Vec<String>, ind: usize) {
        line(out, ind, "try");
        self.fcx.try_depth += 1;
        self.nested_block(out, ind);
        self.fcx.try_depth -= 1;
        let mut catches = Vec::new();
        for c in FUZZ_CATCHES {
            if self.rng.pct(if c == "FuzzException" || c == "Exception" {
                40
            } else {
                15
            }) {
                catches.push(c);
            }
        }
        let has_finally = catches.is_empty() || self.rng.pct(40);
        let saved = (
            self.fcx.in_catch,
            self.fcx.in_handler,
            self.fcx.in_finally,
            self.fcx.break_ok,
            self.fcx.continue_ok,
        );
        for ty in catches {
            let v = self.fresh("e");
            let filter = if self.rng.pct(30) {
                let cond = self.safe_cond(&v, ty);
                let id = self.tag();
                format!(" when (G.Flt(\"{id}\", {cond}))")
            } else {
                String::new()
            };
            line(out, ind, format!("catch ({ty} {v}){filter}"));
            line(out, ind, "{");
            let tag = self.tag();
            let msg = if ty == "FuzzException" {
                format!("{v}.Code")
            } else {
                format!("{v}.GetType().Name + \" \" + {v}.Message")
            };
            line(
                out,
                ind + 1,
                format!("Console.WriteLine(\"{tag} caught \" + {msg});"),
            );
            self.fcx.in_catch = true;
            self.fcx.in_handler = true;
            self.fcx.nest += 1;
            let n = self.rng.range(0, 3) as usize;
            self.block_body(out, ind + 1, n);
            self.fcx.nest -= 1;
            self.fcx.in_catch = saved.0;
            self.fcx.in_handler = saved.1;
            line(out, ind, "}");
        }
        if has_finally {
            line(out, ind, "finally");
            line(out, ind, "{");
            let tag = self.tag();
            line(
                out,
                ind + 1,
                format!("Console.WriteLine(\"{tag} finally\");"),
            );
            self.fcx.in_catch = false;
            self.fcx.in_handler = true;
            self.fcx.in_finally = true;
            self.fcx.break_ok = false;
            self.fcx.continue_ok = false;
            self.fcx.nest += 1;
            let n = self.rng.range(0, 3) as usize;
            self.block_body(out, ind + 1, n);
            self.fcx.nest -= 1;
            line(out, ind, "}");
        }
        self.fcx.in_catch = saved.0;
        self.fcx.in_handler = saved.1;
        self.fcx.in_finally = saved.2;
        self.fcx.break_ok = saved.3;
        self.fcx.continue_ok = saved.4;
    }

    fn throw_stmt(&mut self, out: &mut Vec<String>, ind: usize) {
        if self.fcx.in_catch && self.rng.pct(35) {
            let c = self.prim(Bool, 2);
            line(out, ind, format!("if ({}) throw;", c.s));
            return;
        }
        let code = self.rng.below(1000);
        let ex = if self.rng.pct(85) {
            format!("new FuzzException({code})")
        } else {
            self.rng.pick(&[
                "new OverflowException()".to_string(),
                format!("new InvalidOperationException(\"io{code}\")"),
                format!("new ArgumentException(\"arg{code}\")"),
                "new DivideByZeroException()".to_string(),
            ])
        };
        if self.fcx.try_depth > 0 && self.rng.pct(15) {
            line(out, ind, format!("throw {ex};"));
        } else {
            let c = self.prim(Bool, 2);
            line(out, ind, format!("if ({}) throw {ex};", c.s));
        }
    }

    fn unsafe_stmt(&mut self, out: &mut Vec<String>, ind: usize) {
        let prim_arrays: Vec<usize> = (0..self.arrays.len())
            .filter(|&a| {
                self.arrays[a].dims.len() == 1
                    && matches!(self.arrays[a].elem, Ty::P(p) if p != Bool)
            })
            .collect();
        let obj_fields: Vec<(String, P)> = self.classes[0]
            .fields
            .iter()
            .filter_map(|(n, t)| match t {
                Ty::P(p) if *p != Bool => Some((n.clone(), *p)),
                _ => None,
            })
            .collect();
        let which = self.rng.below(4);
        if which == 0 && !prim_arrays.is_empty() && std::env::var_os("NOFIXED").is_none() {
            let a = self.rng.pick(&prim_arrays);
            let (name, len) = (self.arrays[a].name.clone(), self.arrays[a].dims[0]);
            let t = match self.arrays[a].elem {
                Ty::P(p) => p,
                _ => I4,
            };
            let p = self.fresh("p");
            line(out, ind, format!("fixed ({}* {p} = G.{name})", t.cs()));
            line(out, ind, "{");
            for _ in 0..self.rng.range(1, 3) {
                let i = self.index(len, true);
                match self.rng.below(3) {
                    0 => {
                        let e = self.prim(t, 2);
                        line(out, ind + 1, format!("{p}[{i}] = {};", e.s));
                    }
                    1 => {
                        let (op, rhs) = self.compound(t, 2);
                        line(out, ind + 1, format!("*({p} + {i}) {op} {rhs};"));
                    }
                    _ => {
                        let tag = self.tag();
                        let v = self.show(E::v(format!("{p}[{i}]")), t);
                        line(
                            out,
                            ind + 1,
                            format!("Console.WriteLine(\"{tag} \" + {v});"),
                        );
                    }
                }
            }
            line(out, ind, "}");
        } else if which == 1 && !self.fcx.in_handler {
            let t = self.rand_numeric();
            let q = self.fresh("q");
            let n = self.rng.pick(&[1usize, 2, 4, 8]);
            line(out, ind, "{");
            line(
                out,
                ind + 1,
                format!("{}* {q} = stackalloc {}[{n}];", t.cs(), t.cs()),
            );
            for j in 0..n.min(3) {
                let e = self.prim(t, 2);
                line(out, ind + 1, format!("{q}[{j}] = {};", e.s));
            }
            let i = self.index(n, true);
            let tag = self.tag();
            let v = self.show(E::v(format!("{q}[{i}]")), t);
            line(
                out,
                ind + 1,
                format!("Console.WriteLine(\"{tag} \" + {v});"),
            );
            line(out, ind, "}");
        } else if which == 3 && !obj_fields.is_empty() {
            let (f, t) = self.rng.pick(&obj_fields);
            let o = self.rng.pick(&["o0", "o1", "o2", "o3", "o4"]);
            let p = self.fresh("p");
            line(out, ind, format!("fixed ({}* {p} = &G.{o}.{f})", t.cs()));
            line(out, ind, "{");
            let (op, rhs) = self.compound(t, 2);
            line(out, ind + 1, format!("*{p} {op} {rhs};"));
            line(out, ind, "}");
        } else {
            let t = self.rand_numeric();
            let (v, p) = (self.fresh("t"), self.fresh("p"));
            let e = self.prim(t, 2);
            line(out, ind, "{");
            line(out, ind + 1, format!("{} {v} = {};", t.cs(), e.s));
            line(out, ind + 1, format!("{}* {p} = &{v};", t.cs()));
            let (op, rhs) = self.compound(t, 2);
            line(out, ind + 1, format!("*{p} {op} {rhs};"));
            let tag = self.tag();
            let shown = self.show(E::v(v), t);
            line(
                out,
                ind + 1,
                format!("Console.WriteLine(\"{tag} \" + {shown});"),
            );
            line(out, ind, "}");
        }
    }

    fn delegate_stmt(&mut self, out: &mut Vec<String>, ind: usize) {
        let dels: Vec<usize> = (0..self.fcx.vars.len())
            .filter(|&i| matches!(self.fcx.vars[i].ty, Ty::Del(_)))
            .collect();
        if dels.is_empty() {
            self.decl_stmt(out, ind);
            return;
        }
        let vi = self.rng.pick(&dels);
        let (name, k) = match self.fcx.vars[vi].ty {
            Ty::Del(k) => (self.fcx.vars[vi].name.clone(), k),
            _ => return,
        };
        if self.rng.pct(60) {
            if let Some((s, cost)) = self.del_target(k) {
                let op = if self.rng.pct(75) { "+=" } else { "-=" };
                line(out, ind, format!("{name} {op} {s};"));
                let add = cost.saturating_mul(self.fcx.mult);
                self.fcx.vars[vi].cost = self.fcx.vars[vi].cost.saturating_add(add);
            }
        } else if let Some(e) = self.call_expr(None, 2) {
            line(out, ind, format!("{};", e.s));
        }
    }
}

// ---------------------------------------------------------------------------
// Main and the program text

impl Gen {
    /// A compile-time constant of type `t` for a static initializer.
    fn const_value(&mut self, t: &Ty) -> String {
        match t {
            Ty::P(p) => self.literal(*p).s,
            Ty::S(s) => {
                let fields = self.structs[*s].fields.clone();
                let args: Vec<String> = fields.iter().map(|(_, ft)| self.const_value(ft)).collect();
                format!("new {}({})", self.structs[*s].name, args.join(", "))
            }
            Ty::Str => format!("\"c{}\"", self.rng.below(100)),
            Ty::Obj => "null".to_string(),
            Ty::Iface => "null".to_string(),
            Ty::Del(_) => "null".to_string(),
        }
    }

    fn const_object(&mut self, c: usize) -> String {
        let fields = self.class_fields(c);
        let mut inits = Vec::new();
        for (n, ft) in fields {
            if self.rng.pct(60) {
                let v = self.const_value(&ft);
                inits.push(format!("{n} = {v}"));
            }
        }
        if inits.is_empty() {
            format!("new {}()", self.classes[c].name)
        } else {
            format!("new {} {{ {} }}", self.classes[c].name, inits.join(", "))
        }
    }

    fn main_body(&mut self) -> Vec<String> {
        let mut fcx = Fcx::new(0, Owner::Program, 20_000);
        fcx.is_main = true;
        fcx.stmts_left = self.rng.range(10, 50);
        let saved = std::mem::replace(&mut self.fcx, fcx);
        let saved_gs = std::mem::take(&mut self.gs);
        let mut out = Vec::new();
        line(&mut out, 2, "Console.WriteLine(\"start\");");
        line(&mut out, 2, "try");
        line(&mut out, 2, "{");
        let n = self.fcx.stmts_left as usize;
        self.block_body(&mut out, 3, n);
        line(&mut out, 2, "}");
        line(&mut out, 2, "catch (Exception ex)");
        line(&mut out, 2, "{");
        line(
            &mut out,
            3,
            "Console.WriteLine(\"main \" + ex.GetType().Name + \" \" + ex.Message);",
        );
        line(&mut out, 2, "}");

        // Call every method at least once, on every receiver.
        self.fcx.budget = u64::MAX;
        for e in 0..self.ents.len() {
            let en = self.ents[e].clone();
            let receivers: Vec<String> = match en.kind {
                EntKind::Static => vec!["Program".to_string()],
                EntKind::Virtual => (0..5).map(|i| format!("G.o{i}")).collect(),
                EntKind::Iface => (0..3).map(|i| format!("G.i{i}")).collect(),
                EntKind::StructMethod(s) => {
                    let mut v: Vec<String> = self
                        .statics
                        .iter()
                        .filter(|st| st.ty == Ty::S(s))
                        .map(|st| format!("G.{}", st.name))
                        .collect();
                    if v.is_empty() {
                        v.push(self.struct_ctor(s, 1));
                    }
                    v
                }
            };
            for r in receivers {
                let args = match self.args(&en.sig, 2) {
                    Some(a) => a,
                    None => continue,
                };
                let tag = self.tag();
                let call = format!("{r}.{}({args})", en.name);
                line(&mut out, 2, "try");
                line(&mut out, 2, "{");
                match en.sig.ret.clone() {
                    Some(Ty::P(p)) => {
                        let v = self.show(E::v(call), p);
                        line(&mut out, 3, format!("Console.WriteLine(\"{tag} \" + {v});"));
                    }
                    Some(Ty::S(s)) => {
                        line(
                            &mut out,
                            3,
                            format!("G.Dump{}(\"{tag}\", {call});", self.structs[s].name),
                        );
                    }
                    _ => {
                        line(&mut out, 3, format!("{call};"));
                        line(&mut out, 3, format!("Console.WriteLine(\"{tag} done\");"));
                    }
                }
                line(&mut out, 2, "}");
                line(&mut out, 2, "catch (Exception ex)");
                line(&mut out, 2, "{");
                line(
                    &mut out,
                    3,
                    format!(
                        "Console.WriteLine(\"{tag} \" + ex.GetType().Name + \" \" + ex.Message);"
                    ),
                );
                line(&mut out, 2, "}");
            }
        }

        // Everything the program may have changed.
        for v in self.statics.clone() {
            match v.ty {
                Ty::P(p) => {
                    let shown = if p == Ch {
                        format!("((int)G.{})", v.name)
                    } else if p.is_float() {
                        format!("G.{}.ToString(\"R\")", v.name)
                    } else {
                        format!("G.{}", v.name)
                    };
                    line(&mut out, 2, format!("Console.WriteLine(\"{} \" + {shown});", v.name));
                }
                Ty::S(s) => {
                    line(
                        &mut out,
                        2,
                        format!("G.Dump{}(\"{}\", G.{});", self.structs[s].name, v.name, v.name),
                    );
                }
                Ty::Obj => line(&mut out, 2, format!("G.DumpO(\"{}\", G.{});", v.name, v.name)),
                Ty::Iface => line(
                    &mut out,
                    2,
                    format!(
                        "Console.WriteLine(\"{} \" + (G.{} == null ? \"null\" : G.{}.GetType().Name));",
                        v.name, v.name, v.name
                    ),
                ),
                Ty::Str => line(&mut out, 2, format!("Console.WriteLine(\"{} \" + G.{});", v.name, v.name)),
                Ty::Del(_) => {}
            }
        }
        for a in 0..self.arrays.len() {
            let (name, elem, rank) = (
                self.arrays[a].name.clone(),
                self.arrays[a].elem.clone(),
                self.arrays[a].dims.len(),
            );
            let x = self.fresh("x");
            line(
                &mut out,
                2,
                format!("foreach ({} {x} in G.{name})", self.ty_cs(&elem)),
            );
            match elem {
                Ty::P(p) => line(&mut out, 3, format!("G.{}({x});", Self::mix_fn(p))),
                Ty::S(s) => line(&mut out, 3, format!("G.Mix{}({x});", self.structs[s].name)),
                _ => {}
            }
            if rank == 1 {
                if let Ty::S(s) = elem {
                    line(
                        &mut out,
                        2,
                        format!(
                            "G.Dump{}(\"{name}[0]\", G.{name}[0]);",
                            self.structs[s].name
                        ),
                    );
                }
            }
            line(
                &mut out,
                2,
                format!("Console.WriteLine(\"{name} \" + G.cs);"),
            );
        }
        self.generic_main(&mut out);
        self.gc_final_dump(&mut out);
        line(&mut out, 2, "Console.WriteLine(\"checksum \" + G.cs);");
        line(&mut out, 2, "return (int)(G.cs % 199);");
        self.fcx = saved;
        self.gs = saved_gs;
        out
    }

    /// `v.f0 + " " + v.f1 ...` for every primitive field path of a struct.
    fn flat_fields(&self, ty: &Ty, prefix: &str, out: &mut Vec<(String, Ty)>) {
        match ty {
            Ty::S(s) => {
                for (n, ft) in &self.structs[*s].fields {
                    self.flat_fields(ft, &format!("{prefix}.{n}"), out);
                }
            }
            t => out.push((prefix.to_string(), t.clone())),
        }
    }

    fn show_field(path: &str, t: &Ty) -> String {
        match t {
            Ty::P(Ch) => format!("((int){path})"),
            Ty::P(R4) | Ty::P(R8) => format!("{path}.ToString(\"R\")"),
            Ty::Str => format!("({path} ?? \"null\")"),
            _ => path.to_string(),
        }
    }

    fn mix_field(path: &str, t: &Ty) -> String {
        match t {
            Ty::P(p) => format!("{}({path});", Self::mix_fn(*p)),
            Ty::Str => format!("MixI({path} == null ? -1 : {path}.Length);"),
            _ => String::new(),
        }
    }

    fn emit(&mut self, seed: u64, main: Vec<String>) -> String {
        let mut o = Vec::new();
        line(
            &mut o,
            0,
            format!("// Generated by tests/fuzz/csgen.rs from seed {seed}."),
        );
        line(
            &mut o,
            0,
            format!(
                "// Reproduce: OSPREY_DIFF_SEEDS={seed} cargo test --release --test differential"
            ),
        );
        line(&mut o, 0, "using System;");
        line(&mut o, 0, "using System.Collections.Generic;");
        line(&mut o, 0, "using System.Linq;");
        line(&mut o, 0, "");
        line(&mut o, 0, "public class FuzzException : Exception");
        line(&mut o, 0, "{");
        line(&mut o, 1, "public int Code;");
        line(
            &mut o,
            1,
            "public FuzzException(int code) : base(\"fuzz \" + code) { Code = code; }",
        );
        line(&mut o, 0, "}");
        line(&mut o, 0, "");
        for d in &self.delegates {
            line(
                &mut o,
                0,
                format!(
                    "public delegate {} {}({});",
                    self.ret_text(&d.sig),
                    d.name,
                    self.params_text(&d.sig)
                ),
            );
        }
        line(&mut o, 0, "");
        line(&mut o, 0, "public interface I0");
        line(&mut o, 0, "{");
        for en in self.ents.iter().filter(|e| e.kind == EntKind::Iface) {
            line(
                &mut o,
                1,
                format!(
                    "{} {}({});",
                    self.ret_text(&en.sig),
                    en.name,
                    self.params_text(&en.sig)
                ),
            );
        }
        line(&mut o, 0, "}");
        for s in 0..self.structs.len() {
            let sd = &self.structs[s];
            line(&mut o, 0, "");
            let iface = if sd.implements_iface { " : I0" } else { "" };
            line(
                &mut o,
                0,
                format!("public unsafe struct {}{iface}", sd.name),
            );
            line(&mut o, 0, "{");
            for (n, t) in &sd.fields {
                line(&mut o, 1, format!("public {} {n};", self.ty_cs(t)));
            }
            let ps: Vec<String> = sd
                .fields
                .iter()
                .enumerate()
                .map(|(i, (_, t))| format!("{} a{i}", self.ty_cs(t)))
                .collect();
            let assigns: Vec<String> = sd
                .fields
                .iter()
                .enumerate()
                .map(|(i, (n, _))| format!("{n} = a{i};"))
                .collect();
            line(
                &mut o,
                1,
                format!(
                    "public {}({}) {{ {} }}",
                    sd.name,
                    ps.join(", "),
                    assigns.join(" ")
                ),
            );
            for (_, owner, text) in &self.bodies {
                if *owner == Owner::Struct(s) {
                    o.push(text.clone());
                }
            }
            line(&mut o, 0, "}");
        }
        self.gc_types(&mut o);
        self.generic_types(&mut o);
        for c in 0..self.classes.len() {
            let cd = &self.classes[c];
            line(&mut o, 0, "");
            let bases = match (cd.base, cd.reimplements) {
                (None, _) => " : I0".to_string(),
                (Some(b), false) => format!(" : {}", self.classes[b].name),
                (Some(b), true) => format!(" : {}, I0", self.classes[b].name),
            };
            line(&mut o, 0, format!("public unsafe class {}{bases}", cd.name));
            line(&mut o, 0, "{");
            for (n, t) in &cd.fields {
                line(&mut o, 1, format!("public {} {n};", self.ty_cs(t)));
            }
            for (_, owner, text) in &self.bodies {
                if *owner == Owner::Class(c) {
                    o.push(text.clone());
                }
            }
            line(&mut o, 0, "}");
        }

        // G: the checksum, helpers and all static state.
        let mut g = Vec::new();
        line(&mut g, 1, "public static ulong cs;");
        line(
            &mut g,
            1,
            "public static void MixU(ulong v) { cs = (cs ^ v) * 1099511628211UL + 7UL; }",
        );
        line(
            &mut g,
            1,
            "public static void MixI(long v) { MixU((ulong)v); }",
        );
        line(
            &mut g,
            1,
            "public static void MixB(bool v) { MixU(v ? 3UL : 5UL); }",
        );
        line(
            &mut g,
            1,
            "public static void MixD(double v) { if (v != v) v = -7.25; MixU((ulong)*(long*)&v); }",
        );
        line(
            &mut g,
            1,
            "public static void MixF(float v) { if (v != v) v = -7.25f; MixU((ulong)*(uint*)&v); }",
        );
        line(
            &mut g,
            1,
            "public static bool Flt(string id, bool r) { Console.WriteLine(\"filter \" + id + \" \" + r); return r; }",
        );
        line(
            &mut g,
            1,
            "public static int NotM1(int v) { return v == -1 ? 1 : v; }",
        );
        for s in 0..self.structs.len() {
            let name = self.structs[s].name.clone();
            let mut fl = Vec::new();
            self.flat_fields(&Ty::S(s), "v", &mut fl);
            let shown: Vec<String> = fl.iter().map(|(p, t)| Self::show_field(p, t)).collect();
            line(
                &mut g,
                1,
                format!(
                    "public static void Dump{name}(string t, {name} v) {{ Console.WriteLine(t + \" \" + {}); }}",
                    shown.join(" + \" \" + ")
                ),
            );
            let mixed: Vec<String> = fl.iter().map(|(p, t)| Self::mix_field(p, t)).collect();
            line(
                &mut g,
                1,
                format!(
                    "public static void Mix{name}({name} v) {{ {} }}",
                    mixed.join(" ")
                ),
            );
        }
        {
            let mut fl = Vec::new();
            for (n, t) in self.classes[0].fields.clone() {
                self.flat_fields(&t, &format!("o.{n}"), &mut fl);
            }
            let shown: Vec<String> = fl.iter().map(|(p, t)| Self::show_field(p, t)).collect();
            let mut body = String::from("o.GetType().Name");
            for s in shown {
                let _ = write!(body, " + \" \" + {s}");
            }
            line(
                &mut g,
                1,
                format!(
                    "public static void DumpO(string t, B0 o) {{ if (o == null) {{ Console.WriteLine(t + \" null\"); return; }} Console.WriteLine(t + \" \" + {body}); }}"
                ),
            );
        }
        for v in self.statics.clone() {
            let init = match &v.ty {
                Ty::Obj => match v.name.as_str() {
                    "o0" => self.const_object(0),
                    "o1" => self.const_object(1),
                    "o2" => self.const_object(2),
                    "o3" => self.const_object(3),
                    _ => {
                        if self.rng.pct(50) {
                            "null".to_string()
                        } else {
                            let c = self.rng.below(4);
                            self.const_object(c)
                        }
                    }
                },
                Ty::Iface => {
                    let ss = self.iface_structs();
                    match v.name.as_str() {
                        "i0" => self.const_object(1),
                        "i1" if !ss.is_empty() => {
                            let s = self.rng.pick(&ss);
                            self.const_value(&Ty::S(s))
                        }
                        "i1" => self.const_object(2),
                        _ => self.const_object(3),
                    }
                }
                t => self.const_value(t),
            };
            line(
                &mut g,
                1,
                format!("public static {} {} = {init};", self.ty_cs(&v.ty), v.name),
            );
        }
        for a in 0..self.arrays.len() {
            let (name, elem, dims) = (
                self.arrays[a].name.clone(),
                self.arrays[a].elem.clone(),
                self.arrays[a].dims.clone(),
            );
            let t = self.ty_cs(&elem);
            let init = if dims.len() == 2 {
                let rows: Vec<String> = (0..dims[0])
                    .map(|_| {
                        let cells: Vec<String> =
                            (0..dims[1]).map(|_| self.const_value(&elem)).collect();
                        format!("{{ {} }}", cells.join(", "))
                    })
                    .collect();
                format!(
                    "new {t}[{}, {}] {{ {} }}",
                    dims[0],
                    dims[1],
                    rows.join(", ")
                )
            } else if self.rng.pct(75) {
                let cells: Vec<String> = (0..dims[0]).map(|_| self.const_value(&elem)).collect();
                format!("new {t}[] {{ {} }}", cells.join(", "))
            } else {
                format!("new {t}[{}]", dims[0])
            };
            let arr_t = if dims.len() == 2 {
                format!("{t}[,]")
            } else {
                format!("{t}[]")
            };
            line(&mut g, 1, format!("public static {arr_t} {name} = {init};"));
        }
        for k in &self.konsts {
            line(&mut g, 1, k);
        }
        self.gc_helpers(&mut g);
        self.generic_helpers(&mut g);
        line(&mut o, 0, "");
        line(&mut o, 0, "public static unsafe class G");
        line(&mut o, 0, "{");
        o.extend(g);
        line(&mut o, 0, "}");
        line(&mut o, 0, "");
        line(&mut o, 0, "public static unsafe class Program");
        line(&mut o, 0, "{");
        for (_, owner, text) in &self.bodies {
            if *owner == Owner::Program {
                o.push(text.clone());
            }
        }
        line(&mut o, 1, "public static int Main()");
        line(&mut o, 1, "{");
        o.extend(main);
        line(&mut o, 1, "}");
        line(&mut o, 0, "}");
        let mut text = o.join("\n");
        text.push('\n');
        text
    }
}

// ---------------------------------------------------------------------------
// GC workout: object graphs, arrays of references, strings built in loops,
// structs holding references passed by value, byrefs into array elements and
// fields held across calls that allocate. Every program declares a class
// `Node` and a struct `R` (fields shuffled, `R` of random shape with at least
// one reference) and helpers in `G` (`Churn(n)` allocates `n` objects, `Bump*`
// take a `ref` and allocate before and after writing through it). Under
// `OSPREY_GCSTRESS=1` every allocation collects, so every reference the JIT
// or the runtime forgets to report or update shows up as a wrong value or a
// heap verification failure.

/// The kinds of field `R` may have.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum RField {
    Str,
    Node,
    Obj,
    Long,
    Int,
    Double,
    Byte,
}

impl RField {
    fn cs(self) -> &'static str {
        match self {
            RField::Str => "string",
            RField::Node => "Node",
            RField::Obj => "object",
            RField::Long => "long",
            RField::Int => "int",
            RField::Double => "double",
            RField::Byte => "byte",
        }
    }
    fn is_ref(self) -> bool {
        matches!(self, RField::Str | RField::Node | RField::Obj)
    }
    /// A value built from `v` (a long); may allocate.
    fn make(self, v: &str, k: usize) -> String {
        match self {
            RField::Str => format!("\"r{k}_\" + {v}"),
            RField::Node => format!("new Node(null, \"rn{k}\", {v})"),
            RField::Obj => {
                format!("(({v} & 1) == 0 ? (object)(\"ro\" + {v}) : (object)({v} + {k}))")
            }
            RField::Long => format!("{v} * 3 + {k}"),
            RField::Int => format!("(int){v} ^ {k}"),
            RField::Double => format!("{v} * 0.5"),
            RField::Byte => format!("(byte)({v} + {k})"),
        }
    }
    /// A long summarizing the field `f` (never allocates, never throws).
    fn use_(self, f: &str) -> String {
        match self {
            RField::Str => format!("({f} == null ? -1 : {f}.Length * 5 + {f}[{f}.Length - 1])"),
            RField::Node => format!("({f} == null ? -2 : {f}.v + {f}.s.Length)"),
            RField::Obj => {
                format!("({f} is string ? ((string){f}).Length : {f} is long ? (long){f} : -3)")
            }
            RField::Long | RField::Int | RField::Byte => format!("(long){f}"),
            RField::Double => format!("(long){f}"),
        }
    }
    /// A statement changing the field `f` (may allocate).
    fn bump(self, f: &str) -> String {
        match self {
            RField::Str => format!("{f} = {f} + \"!\";"),
            RField::Node => format!("{f} = new Node({f}, \"bn\", v);"),
            RField::Obj => format!("{f} = (object)(v + 1);"),
            RField::Long => format!("{f} += v;"),
            RField::Int => format!("{f} ^= (int)v;"),
            RField::Double => format!("{f} += 1.5;"),
            RField::Byte => format!("{f}++;"),
        }
    }
    fn show(self, f: &str) -> String {
        match self {
            RField::Str => format!("({f} ?? \"null\")"),
            RField::Node => format!("({f} == null ? \"null\" : {f}.s + \":\" + {f}.v)"),
            RField::Obj => format!("({f} == null ? \"null\" : {f}.ToString())"),
            RField::Double => format!("{f}.ToString(\"R\")"),
            _ => f.to_string(),
        }
    }
}

#[derive(Default)]
struct GcWorkout {
    /// `R`'s fields, in declaration order.
    r_fields: Vec<(String, RField)>,
    /// `Node`'s field declarations, in declaration order.
    node_fields: Vec<&'static str>,
}

/// Length of the static arrays `G.nodes`, `G.strs` (a power of two).
const GC_SLOTS: usize = 8;
/// Length of `G.rs`.
const GC_RSLOTS: usize = 4;

impl Gen {
    fn declare_gc_workout(&mut self) {
        let all = [
            RField::Str,
            RField::Node,
            RField::Obj,
            RField::Long,
            RField::Int,
            RField::Double,
            RField::Byte,
        ];
        let n = self.rng.range(1, 5) as usize;
        let mut kinds: Vec<RField> = (0..n).map(|_| self.rng.pick(&all)).collect();
        if !kinds.iter().any(|k| k.is_ref()) {
            let i = self.rng.below(n);
            kinds[i] = self.rng.pick(&[RField::Str, RField::Node, RField::Obj]);
        }
        self.gcw.r_fields = kinds
            .into_iter()
            .enumerate()
            .map(|(i, k)| (format!("x{i}"), k))
            .collect();
        let mut nf = vec![
            "public Node next;",
            "public string s;",
            "public long v;",
            "public object o;",
            "public R r;",
            "public int[] a;",
        ];
        for i in (1..nf.len()).rev() {
            let j = self.rng.below(i + 1);
            nf.swap(i, j);
        }
        self.gcw.node_fields = nf;
    }

    /// The declarations of `Node` and `R` (top level).
    fn gc_types(&self, o: &mut Vec<String>) {
        line(o, 0, "");
        line(o, 0, "public class Node");
        line(o, 0, "{");
        for f in &self.gcw.node_fields {
            line(o, 1, *f);
        }
        line(
            o,
            1,
            "public Node(Node next, string s, long v) { this.next = next; this.s = s; this.v = v; }",
        );
        line(o, 0, "}");
        line(o, 0, "");
        line(o, 0, "public class NodeException : Exception");
        line(o, 0, "{");
        line(o, 1, "public Node N;");
        line(
            o,
            1,
            "public NodeException(Node n) : base(\"node \" + n.s) { N = n; }",
        );
        line(o, 0, "}");
        line(o, 0, "");
        line(o, 0, "public delegate long NodeFn(long x);");
        line(o, 0, "");
        line(o, 0, "public struct R");
        line(o, 0, "{");
        for (n, k) in &self.gcw.r_fields {
            line(o, 1, format!("public {} {n};", k.cs()));
        }
        line(o, 0, "}");
    }

    /// The workout's statics and helpers (members of `G`).
    fn gc_helpers(&self, g: &mut Vec<String>) {
        let rf = &self.gcw.r_fields;
        for l in [
            "public static Node list;".to_string(),
            "public static int listLen;".to_string(),
            format!("public static Node[] nodes = new Node[{GC_SLOTS}];"),
            format!("public static string[] strs = new string[{GC_SLOTS}];"),
            format!("public static R[] rs = new R[{GC_RSLOTS}];"),
            "public static R r0;".to_string(),
            "public static object junk;".to_string(),
            "public static Node[] bigN;".to_string(),
            "public static void Churn(int n) { for (int i = 0; i < n; i++) junk = new Node(null, \"j\" + i, i); }".to_string(),
            "public static long Sum(Node n) { long acc = 17; int c = 0; while (n != null && c < 200) { acc = acc * 31 + n.v + (n.s == null ? 0 : n.s.Length) + UseR(n.r, 0) + (n.o is string ? ((string)n.o).Length : 0) + (n.a == null ? 0 : n.a.Length + n.a[0]); n = n.next; c++; } return acc * 7 + c; }".to_string(),
            "public static void Push(long v, string s) { list = new Node(list, s, v); listLen++; if (listLen > 40) { Node p = list; for (int i = 0; i < 19; i++) p = p.next; p.next = null; listLen = 20; } }".to_string(),
            "public static void BumpNode(ref Node slot, int n, long v) { Churn(n); slot = new Node(slot, \"b\" + v, v); Churn(n); slot.v += n; }".to_string(),
            "public static void BumpStr(ref string slot, int n, long v) { Churn(n); slot = slot + \"+\" + v; Churn(n); if (slot.Length > 60) slot = slot.Substring(slot.Length - 30); }".to_string(),
            "public static void BumpLong(ref long slot, int n, long v) { Churn(n); slot += v; Churn(n); slot = slot * 3 + 1; }".to_string(),
            "public static void ThrowNode(Node n, int k) { Churn(k); throw new NodeException(new Node(n, \"t\" + k, k + 1)); }".to_string(),
            "public static void BumpThrow(ref Node slot, Node n, int k) { Churn(k); slot = new Node(slot, \"bt\", k); Churn(k); throw new NodeException(new Node(n, \"u\", k)); }".to_string(),
        ] {
            line(g, 1, l);
        }
        let makes: Vec<String> = rf
            .iter()
            .enumerate()
            .map(|(k, (n, t))| format!("Churn(n); r.{n} = {};", t.make("v", k)))
            .collect();
        line(
            g,
            1,
            format!(
                "public static R MakeR(long v, int n) {{ R r = new R(); {} return r; }}",
                makes.join(" ")
            ),
        );
        let uses: Vec<String> = rf.iter().map(|(n, t)| t.use_(&format!("r.{n}"))).collect();
        line(
            g,
            1,
            format!(
                "public static long UseR(R r, int n) {{ Churn(n); return 11L + {}; }}",
                uses.join(" * 3 + ")
            ),
        );
        let bumps: Vec<String> = rf
            .iter()
            .map(|(n, t)| format!("{} Churn(n);", t.bump(&format!("r.{n}"))))
            .collect();
        line(
            g,
            1,
            format!(
                "public static void BumpR(ref R r, int n, long v) {{ Churn(n); {} }}",
                bumps.join(" ")
            ),
        );
        line(
            g,
            1,
            "public static R PassR(R r, int n, long v) { BumpR(ref r, n, v); Churn(n); return r; }",
        );
        let shown: Vec<String> = rf.iter().map(|(n, t)| t.show(&format!("r.{n}"))).collect();
        line(
            g,
            1,
            format!(
                "public static void DumpR(string t, R r) {{ Console.WriteLine(t + \" \" + {}); }}",
                shown.join(" + \" \" + ")
            ),
        );
    }

    /// Main's epilogue: everything the workout may have left in statics.
    fn gc_final_dump(&mut self, out: &mut Vec<String>) {
        line(
            out,
            2,
            "Console.WriteLine(\"list \" + G.listLen + \" \" + G.Sum(G.list));",
        );
        line(
            out,
            2,
            format!("for (int gi = 0; gi < {GC_SLOTS}; gi++) Console.WriteLine(\"nodes \" + gi + \" \" + G.Sum(G.nodes[gi]) + \" \" + (G.strs[gi] ?? \"null\"));"),
        );
        line(
            out,
            2,
            format!("for (int gi = 0; gi < {GC_RSLOTS}; gi++) G.DumpR(\"rs\" + gi, G.rs[gi]);"),
        );
        line(out, 2, "G.DumpR(\"r0\", G.r0);");
    }

    /// One GC workout statement (a block of its own).
    fn gc_stmt(&mut self, out: &mut Vec<String>, ind: usize) {
        let n = self.rng.range(2, 24) as u64;
        let k = self.rng.range(0, 5) as u64;
        // Closures (14) stay out of struct methods, like the other lambdas.
        let which = loop {
            let w = self.rng.below(15);
            if w != 14 || !matches!(self.fcx.owner, Owner::Struct(_)) {
                break w;
            }
        };
        // Loops run `n` times and `Churn` allocates `k` objects per call.
        let cost = match which {
            0 => 1,
            9 => n + 4 * k + 8,
            _ => (n + 4 * k) / 2 + 1,
        };
        if !self.charge(cost) {
            return;
        }
        let tag = self.tag();
        let gv = self.fresh("gv");
        let e = self.prim(I8, 2);
        line(out, ind, "{");
        let i1 = ind + 1;
        line(out, i1, format!("long {gv} = {};", e.s));
        let i = self.fresh("i");
        match which {
            0 => {
                let s = self.str_expr(1);
                line(out, i1, format!("G.Push({gv}, {});", s.s));
                if self.rng.pct(30) {
                    line(
                        out,
                        i1,
                        format!(
                            "Console.WriteLine(\"{tag} \" + G.listLen + \" \" + G.Sum(G.list));"
                        ),
                    );
                }
            }
            1 => {
                // A list built in a loop, with strings and arrays hanging off it.
                let h = self.fresh("h");
                let m = self.rng.pick(&[1u64, 3, 7]);
                line(out, i1, format!("Node {h} = null;"));
                line(out, i1, format!("for (int {i} = 0; {i} < {n}; {i}++)"));
                line(out, i1, "{");
                line(
                    out,
                    i1 + 1,
                    format!("{h} = new Node({h}, \"n\" + {i}, {gv} + {i});"),
                );
                match self.rng.below(3) {
                    0 => line(out, i1 + 1, format!("if (({i} & {m}) == 0) {h}.o = \"o\" + ({gv} ^ {i});")),
                    1 => line(out, i1 + 1, format!("if (({i} & {m}) == 0) {{ {h}.a = new int[{i} + 1]; {h}.a[0] = (int){gv}; }}")),
                    _ => line(out, i1 + 1, format!("if (({i} & {m}) == 0) {h}.r = G.MakeR({gv} + {i}, {k});")),
                }
                line(out, i1, "}");
                if self.rng.pct(50) {
                    line(out, i1, format!("G.Churn({k});"));
                }
                line(
                    out,
                    i1,
                    format!("Console.WriteLine(\"{tag} \" + G.Sum({h}));"),
                );
                if self.rng.pct(30) {
                    let idx = self.index(GC_SLOTS, true);
                    line(out, i1, format!("G.nodes[{idx}] = {h};"));
                }
            }
            2 => {
                // An array of references filled in a loop, read after churn.
                let a = self.fresh("ra");
                let acc = self.fresh("acc");
                match self.rng.below(3) {
                    0 => {
                        line(out, i1, format!("string[] {a} = new string[{n}];"));
                        line(out, i1, format!("for (int {i} = 0; {i} < {n}; {i}++) {a}[{i}] = \"e\" + ({gv} * {i});"));
                        line(out, i1, format!("G.Churn({k});"));
                        line(out, i1, format!("long {acc} = 0;"));
                        line(out, i1, format!("for (int {i} = 0; {i} < {n}; {i}++) {acc} = {acc} * 7 + {a}[{i}].Length + {a}[{i}][{a}[{i}].Length - 1];"));
                    }
                    1 => {
                        line(out, i1, format!("Node[] {a} = new Node[{n}];"));
                        line(out, i1, format!("for (int {i} = 0; {i} < {n}; {i}++) {a}[{i}] = new Node({i} > 0 ? {a}[{i} - 1] : null, \"a\" + {i}, {gv} - {i});"));
                        line(out, i1, format!("G.Churn({k});"));
                        line(out, i1, format!("long {acc} = 0;"));
                        line(out, i1, format!("for (int {i} = 0; {i} < {n}; {i} += 3) {acc} = {acc} * 7 + G.Sum({a}[{i}]);"));
                    }
                    _ => {
                        line(out, i1, format!("object[] {a} = new object[{n}];"));
                        line(out, i1, format!("for (int {i} = 0; {i} < {n}; {i}++) {a}[{i}] = ({i} % 3 == 0) ? (object)(\"x\" + {i}) : ({i} % 3 == 1) ? (object)new Node(null, \"y\", {gv} + {i}) : (object)({gv} * {i});"));
                        line(out, i1, format!("G.Churn({k});"));
                        line(out, i1, format!("long {acc} = 0;"));
                        line(out, i1, format!("for (int {i} = 0; {i} < {n}; {i}++) {{ object ob = {a}[{i}]; {acc} = {acc} * 7 + (ob is string ? ((string)ob).Length : ob is Node ? ((Node)ob).v : (long)ob); }}"));
                    }
                }
                line(out, i1, format!("Console.WriteLine(\"{tag} \" + {acc});"));
            }
            3 => {
                // A string built in a loop.
                let sv = self.fresh("sb");
                if self.rng.pct(50) {
                    let s = self.str_expr(1);
                    line(out, i1, format!("string {sv} = {};", s.s));
                    line(out, i1, format!("for (int {i} = 0; {i} < {n}; {i}++)"));
                    line(out, i1, "{");
                    line(
                        out,
                        i1 + 1,
                        format!("{sv} = {sv} + ({gv} + {i}).ToString() + \";\";"),
                    );
                    line(
                        out,
                        i1 + 1,
                        format!("if ({sv}.Length > 90) {sv} = {sv}.Substring(45);"),
                    );
                    line(out, i1, "}");
                    line(out, i1, format!("Console.WriteLine(\"{tag} \" + {sv});"));
                } else {
                    line(
                        out,
                        i1,
                        format!(
                            "System.Text.StringBuilder {sv} = new System.Text.StringBuilder();"
                        ),
                    );
                    line(out, i1, format!("for (int {i} = 0; {i} < {n}; {i}++) {{ {sv}.Append({gv} ^ {i}); {sv}.Append(','); if (({i} & 3) == 0) G.Churn({k}); }}"));
                    line(out, i1, format!("string {sv}s = {sv}.ToString();"));
                    line(out, i1, format!("Console.WriteLine(\"{tag} \" + {sv}s.Length + \" \" + {sv}s.Substring({sv}s.Length / 2));"));
                }
            }
            4 => {
                // Structs holding references, by value, across allocations.
                let r = self.fresh("rv");
                line(out, i1, format!("R {r} = G.MakeR({gv}, {k});"));
                line(out, i1, format!("G.Churn({k});"));
                match self.rng.below(4) {
                    0 => line(
                        out,
                        i1,
                        format!("Console.WriteLine(\"{tag} \" + G.UseR({r}, {k}));"),
                    ),
                    1 => {
                        line(out, i1, format!("{r} = G.PassR({r}, {k}, {gv});"));
                        line(out, i1, format!("G.DumpR(\"{tag}\", {r});"));
                    }
                    2 => {
                        let idx = self.index(GC_RSLOTS, true);
                        line(out, i1, format!("G.rs[{idx}] = {r};"));
                        line(
                            out,
                            i1,
                            format!("G.DumpR(\"{tag}\", G.PassR(G.rs[{idx}], {k}, {gv}));"),
                        );
                    }
                    _ => {
                        line(out, i1, format!("G.r0 = G.PassR({r}, {k}, {gv});"));
                        line(out, i1, format!("Console.WriteLine(\"{tag} \" + G.UseR(G.r0, {k}) + \" \" + G.UseR({r}, 0));"));
                    }
                }
            }
            5 => {
                // Byrefs into array elements and fields, held across allocation.
                let idx = self.index(GC_SLOTS, true);
                match self.rng.below(6) {
                    0 => {
                        line(
                            out,
                            i1,
                            format!("G.BumpNode(ref G.nodes[{idx}], {k}, {gv});"),
                        );
                        line(
                            out,
                            i1,
                            format!("Console.WriteLine(\"{tag} \" + G.Sum(G.nodes[{idx}]));"),
                        );
                    }
                    1 => {
                        line(out, i1, format!("G.BumpStr(ref G.strs[{idx}], {k}, {gv});"));
                        line(
                            out,
                            i1,
                            format!("Console.WriteLine(\"{tag} \" + G.strs[{idx}]);"),
                        );
                    }
                    2 => {
                        let la = self.fresh("la");
                        line(out, i1, format!("long[] {la} = new long[{GC_SLOTS}];"));
                        line(out, i1, format!("for (int {i} = 0; {i} < {GC_SLOTS}; {i}++) {la}[{i}] = {gv} + {i};"));
                        line(out, i1, format!("G.BumpLong(ref {la}[{idx}], {k}, {gv});"));
                        line(
                            out,
                            i1,
                            format!(
                                "G.BumpLong(ref {la}[{}], {k}, {gv});",
                                (n as usize) % GC_SLOTS
                            ),
                        );
                        line(
                            out,
                            i1,
                            format!(
                                "for (int {i} = 0; {i} < {GC_SLOTS}; {i}++) G.MixI({la}[{i}]);"
                            ),
                        );
                        line(
                            out,
                            i1,
                            format!("Console.WriteLine(\"{tag} \" + {la}[{idx}]);"),
                        );
                    }
                    3 => {
                        let ri = self.index(GC_RSLOTS, true);
                        if self.rng.pct(50) {
                            line(out, i1, format!("G.BumpR(ref G.rs[{ri}], {k}, {gv});"));
                            line(out, i1, format!("G.DumpR(\"{tag}\", G.rs[{ri}]);"));
                        } else {
                            let ra = self.fresh("rr");
                            line(out, i1, format!("R[] {ra} = new R[{GC_RSLOTS}];"));
                            line(out, i1, format!("{ra}[{ri}] = G.MakeR({gv}, {k});"));
                            line(out, i1, format!("G.BumpR(ref {ra}[{ri}], {k}, {gv});"));
                            line(out, i1, format!("G.DumpR(\"{tag}\", {ra}[{ri}]);"));
                        }
                    }
                    4 => {
                        let nd = self.fresh("nd");
                        line(
                            out,
                            i1,
                            format!("Node {nd} = new Node(G.list, \"f\", {gv});"),
                        );
                        line(out, i1, format!("G.BumpStr(ref {nd}.s, {k}, {gv});"));
                        line(out, i1, format!("G.BumpR(ref {nd}.r, {k}, {gv});"));
                        line(out, i1, format!("G.BumpNode(ref {nd}.next, {k}, {gv});"));
                        line(
                            out,
                            i1,
                            format!(
                                "Console.WriteLine(\"{tag} \" + {nd}.s + \" \" + G.Sum({nd}));"
                            ),
                        );
                    }
                    _ => {
                        // A byref to a local held across churn.
                        let s = self.fresh("ls");
                        line(out, i1, format!("string {s} = \"l\" + {gv};"));
                        line(out, i1, format!("G.BumpStr(ref {s}, {k}, {gv});"));
                        line(out, i1, format!("G.BumpLong(ref {gv}, {k}, 3);"));
                        line(
                            out,
                            i1,
                            format!("Console.WriteLine(\"{tag} \" + {s} + \" \" + {gv});"),
                        );
                    }
                }
            }
            6 => {
                // Young objects stored into old ones (the write barrier).
                let idx = self.index(GC_SLOTS, true);
                line(
                    out,
                    i1,
                    format!("G.nodes[{idx}] = new Node(G.nodes[{idx}], \"y\" + {gv}, {gv});"),
                );
                line(out, i1, format!("G.Churn({k});"));
                match self.rng.below(3) {
                    0 => line(out, i1, format!("G.nodes[{idx}].r = G.MakeR({gv}, {k});")),
                    1 => line(
                        out,
                        i1,
                        format!("G.nodes[{idx}].o = G.strs[{idx}] = \"z\" + {gv};"),
                    ),
                    _ => line(
                        out,
                        i1,
                        format!("G.nodes[{idx}].a = new int[] {{ (int){gv}, {k} }};"),
                    ),
                }
                line(out, i1, format!("G.Churn({k});"));
                line(
                    out,
                    i1,
                    format!("Console.WriteLine(\"{tag} \" + G.Sum(G.nodes[{idx}]));"),
                );
            }
            8 => {
                // Multi-dimensional arrays of references, and byrefs into them.
                let (d0, d1) = (self.rng.range(1, 4), self.rng.range(1, 5));
                let j = self.fresh("j");
                let (x, y) = (self.rng.range(0, d0 - 1), self.rng.range(0, d1 - 1));
                let md = self.fresh("md");
                match self.rng.below(3) {
                    0 => {
                        line(out, i1, format!("Node[,] {md} = new Node[{d0}, {d1}];"));
                        line(out, i1, format!("for (int {i} = 0; {i} < {d0}; {i}++) for (int {j} = 0; {j} < {d1}; {j}++) {md}[{i}, {j}] = new Node({j} > 0 ? {md}[{i}, {j} - 1] : null, \"m\" + {i} + {j}, {gv} + {i} * 10 + {j});"));
                        line(
                            out,
                            i1,
                            format!("G.BumpNode(ref {md}[{x}, {y}], {k}, {gv});"),
                        );
                        line(out, i1, format!("Console.WriteLine(\"{tag} \" + G.Sum({md}[{x}, {y}]) + \" \" + G.Sum({md}[{}, {}]));", d0 - 1, d1 - 1));
                    }
                    1 => {
                        line(out, i1, format!("string[,] {md} = new string[{d0}, {d1}];"));
                        line(out, i1, format!("for (int {i} = 0; {i} < {d0}; {i}++) for (int {j} = 0; {j} < {d1}; {j}++) {md}[{i}, {j}] = \"q\" + ({gv} - {i} * {j});"));
                        line(
                            out,
                            i1,
                            format!("G.BumpStr(ref {md}[{x}, {y}], {k}, {gv});"),
                        );
                        line(out, i1, format!("G.Churn({k});"));
                        line(out, i1, format!("string {md}s = \"\";"));
                        line(
                            out,
                            i1,
                            format!("foreach (string {j} in {md}) {md}s = {md}s + {j} + \"/\";"),
                        );
                        line(out, i1, format!("Console.WriteLine(\"{tag} \" + {md}s);"));
                    }
                    _ => {
                        line(out, i1, format!("R[,] {md} = new R[{d0}, {d1}];"));
                        line(out, i1, format!("for (int {i} = 0; {i} < {d0}; {i}++) for (int {j} = 0; {j} < {d1}; {j}++) {md}[{i}, {j}] = G.MakeR({gv} + {i} + {j}, {k});"));
                        line(out, i1, format!("G.BumpR(ref {md}[{x}, {y}], {k}, {gv});"));
                        line(out, i1, format!("G.Churn({k});"));
                        line(out, i1, format!("for (int {i} = 0; {i} < {d0}; {i}++) for (int {j} = 0; {j} < {d1}; {j}++) G.MixI(G.UseR({md}[{i}, {j}], 0));"));
                        line(out, i1, format!("G.DumpR(\"{tag}\", {md}[{x}, {y}]);"));
                    }
                }
            }
            9 => {
                // Large arrays (their own blocks, old at once) holding young
                // references in different cards.
                let big = self.fresh("big");
                let stride = self.rng.pick(&[61u64, 97, 128, 200]);
                if self.rng.pct(60) {
                    let len = self.rng.range(1100, 2100);
                    line(out, i1, format!("if (G.bigN == null || G.bigN.Length != {len}) G.bigN = new Node[{len}];"));
                    line(out, i1, format!("Node[] {big} = G.bigN;"));
                    line(out, i1, format!("for (int {i} = {}; {i} < {big}.Length; {i} += {stride}) {{ {big}[{i}] = new Node({big}[{i}], \"L\" + {i}, {gv} + {i}); G.Churn({k}); }}", n % stride));
                    if self.rng.pct(50) {
                        line(out, i1, format!("Node[] {big}c = (Node[]){big}.Clone();"));
                        line(out, i1, format!("G.Churn({k});"));
                        line(
                            out,
                            i1,
                            format!("Array.Copy({big}c, 0, {big}, 1, {big}.Length - 1);"),
                        );
                    }
                    line(out, i1, format!("long {big}a = 0;"));
                    line(out, i1, format!("for (int {i} = 0; {i} < {big}.Length; {i}++) if ({big}[{i}] != null) {big}a = {big}a * 3 + {i} + {big}[{i}].v + {big}[{i}].s.Length;"));
                    line(out, i1, format!("Console.WriteLine(\"{tag} \" + {big}a);"));
                } else {
                    let len = self.rng.range(300, 700);
                    line(out, i1, format!("R[] {big} = new R[{len}];"));
                    line(out, i1, format!("for (int {i} = {}; {i} < {len}; {i} += {stride}) {{ {big}[{i}] = G.MakeR({gv} + {i}, {k}); G.BumpR(ref {big}[{i}], 1, {i}); }}", n % stride));
                    line(out, i1, format!("G.Churn({k});"));
                    line(out, i1, format!("long {big}a = 0;"));
                    line(out, i1, format!("for (int {i} = 0; {i} < {len}; {i}++) {big}a = {big}a * 3 + G.UseR({big}[{i}], 0);"));
                    line(out, i1, format!("Console.WriteLine(\"{tag} \" + {big}a);"));
                }
            }
            10 => {
                // Structs holding references, boxed and unboxed; a static one by ref.
                let r = self.fresh("rb");
                line(out, i1, format!("object {r} = G.MakeR({gv}, {k});"));
                line(out, i1, format!("G.Churn({k});"));
                line(out, i1, format!("R {r}u = (R){r};"));
                line(out, i1, format!("G.BumpR(ref {r}u, {k}, {gv});"));
                line(out, i1, format!("G.BumpR(ref G.r0, {k}, {gv});"));
                line(out, i1, format!("G.DumpR(\"{tag}\", (R){r});"));
                line(out, i1, format!("G.DumpR(\"{tag}\", {r}u);"));
            }
            11 => {
                // Jagged arrays of strings.
                let jg = self.fresh("jg");
                let j = self.fresh("j");
                let rows = self.rng.range(1, 5);
                line(out, i1, format!("string[][] {jg} = new string[{rows}][];"));
                line(out, i1, format!("for (int {i} = 0; {i} < {rows}; {i}++) {{ {jg}[{i}] = new string[{i} + 1]; for (int {j} = 0; {j} <= {i}; {j}++) {jg}[{i}][{j}] = \"g\" + ({gv} + {j}); G.Churn({k}); }}"));
                line(
                    out,
                    i1,
                    format!("G.BumpStr(ref {jg}[{}][0], {k}, {gv});", rows - 1),
                );
                line(out, i1, format!("Console.WriteLine(\"{tag} \" + string.Concat({jg}[{}]) + \" \" + {jg}[0][0]);", rows - 1));
            }
            12 => {
                // Young objects pinned by `fixed` across allocations (their
                // nursery block is promoted whole), next to unpinned ones.
                let pa = self.fresh("pa");
                let len = n.max(2);
                line(
                    out,
                    i1,
                    format!("Node {pa}n = new Node(null, \"pre\" + {gv}, {gv});"),
                );
                line(out, i1, format!("int[] {pa} = new int[{len}];"));
                line(out, i1, format!("string {pa}s = \"pin\" + {gv};"));
                line(out, i1, format!("fixed (int* {pa}p = {pa})"));
                line(out, i1, format!("fixed (char* {pa}c = {pa}s)"));
                line(out, i1, "{");
                line(out, i1 + 1, format!("G.Churn({});", k + 1));
                line(
                    out,
                    i1 + 1,
                    format!("{pa}p[{}] = (int){gv} + {pa}c[1];", n % len),
                );
                line(
                    out,
                    i1 + 1,
                    format!("Node {pa}m = new Node({pa}n, \"mid\" + {pa}c[0], {pa}p[0]);"),
                );
                line(out, i1 + 1, format!("G.Churn({k});"));
                line(
                    out,
                    i1 + 1,
                    format!("{pa}p[0] += {pa}m.next.s.Length + {pa}c[2];"),
                );
                line(out, i1 + 1, format!("{pa}n.next = {pa}m;"));
                line(out, i1, "}");
                line(out, i1, format!("G.Churn({k});"));
                line(out, i1, format!("{pa}n.next.next = null;"));
                line(out, i1, format!("Console.WriteLine(\"{tag} \" + {pa}[0] + \" \" + {pa}[{}] + \" \" + {pa}s + \" \" + G.Sum({pa}n));", n % len));
            }
            13 => {
                // An exception holding young objects, thrown across frames
                // whose finally blocks and filters allocate.
                let en = self.fresh("en");
                let fl = self.tag();
                let idx = self.index(GC_SLOTS, true);
                line(
                    out,
                    i1,
                    format!("Node {en} = new Node(null, \"ex\" + {gv}, {gv});"),
                );
                line(out, i1, "try");
                line(out, i1, "{");
                line(out, i1 + 1, "try");
                line(out, i1 + 1, "{");
                line(out, i1 + 2, format!("G.Churn({k});"));
                if self.rng.pct(50) {
                    line(out, i1 + 2, format!("G.ThrowNode({en}, {k});"));
                } else {
                    line(
                        out,
                        i1 + 2,
                        format!("G.BumpThrow(ref G.nodes[{idx}], {en}, {k});"),
                    );
                }
                line(out, i1 + 1, "}");
                line(out, i1 + 1, "finally");
                line(out, i1 + 1, "{");
                line(out, i1 + 2, format!("G.Churn({k});"));
                line(out, i1 + 2, format!("{en}.s = {en}.s + \"f\";"));
                line(out, i1 + 1, "}");
                line(out, i1, "}");
                line(out, i1, format!("catch (NodeException ne) when (G.Flt(\"{fl}\", ne.N.v % 2 == 0) || ne.N.next != null)"));
                line(out, i1, "{");
                line(out, i1 + 1, format!("G.Churn({k});"));
                line(out, i1 + 1, format!("Console.WriteLine(\"{tag} \" + ne.Message + \" \" + ne.N.s + \" \" + ne.N.next.s + \" \" + G.Sum(ne.N));"));
                line(out, i1, "}");
                line(out, i1, format!("Console.WriteLine(\"{tag} \" + G.Sum({en}) + \" \" + G.Sum(G.nodes[{idx}]));"));
            }
            14 => {
                // Closures over young objects, called after they moved.
                let cl = self.fresh("cl");
                line(
                    out,
                    i1,
                    format!("Node {cl}n = new Node(null, \"c\" + {gv}, {gv});"),
                );
                line(out, i1, format!("string {cl}s = \"cs\" + ({gv} & 255);"));
                line(out, i1, format!("NodeFn {cl} = x => {{ {cl}n = new Node({cl}n, {cl}s + x, x); return G.Sum({cl}n) + {cl}s.Length; }};"));
                line(out, i1, format!("G.Churn({k});"));
                line(out, i1, format!("for (int {i} = 0; {i} < {}; {i}++) {{ G.MixI({cl}({gv} + {i})); G.Churn({k}); }}", n.min(6)));
                if self.rng.pct(50) {
                    line(out, i1, format!("{cl} += x => x * 3 + {cl}n.v;"));
                }
                line(
                    out,
                    i1,
                    format!("Console.WriteLine(\"{tag} \" + {cl}(7) + \" \" + {cl}n.s);"),
                );
            }
            _ => {
                // The long-lived list, changed in a loop.
                line(
                    out,
                    i1,
                    format!("for (int {i} = 0; {i} < {n}; {i}++) G.Push({gv} + {i}, \"p\" + {i});"),
                );
                line(
                    out,
                    i1,
                    format!(
                        "if (G.list.next != null) G.list.next.o = new Node(null, \"q\", {gv});"
                    ),
                );
                line(out, i1, format!("G.Churn({k});"));
                line(
                    out,
                    i1,
                    format!("Console.WriteLine(\"{tag} \" + G.listLen + \" \" + G.Sum(G.list));"),
                );
            }
        }
        line(out, ind, "}");
    }
}
