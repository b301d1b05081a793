//! The generic workout of `csgen` (a child module, so it shares the
//! generator's state): generic code in every program.
//!
//! Every program declares a fixed set of generic interfaces and helpers
//! (`IGet<out T>`, `ISink<in T>`, `IShow : IVisit` with the generic
//! interface method `Visit<U>`, the class hierarchy `A0 : IComparable<A0>`,
//! `A1 : A0`, `A2 : A1` with generic virtual methods, the struct `SV`, the
//! comparers `Rev<T>` and `Low`) and, shaped by the seed, the generic class
//! `Cell<T> : IGet<T>, ISink<T>` (statics per instantiation, sometimes a
//! static constructor that prints), its subclass `Cell2<T, U> : Cell<...>`
//! (the base instantiated over `U`, `T`, `int` or `Val<T>`), the generic
//! struct `Val<T> : IGet<T>`, and generic methods with random bodies:
//! static ones in `GW`, instance and virtual generic ones in `Cell<T>`
//! (overridden in `Cell2`) and instance ones in `Val<T>`. Their type
//! parameters carry constraints (`struct`, `class`, `IComparable<T>`,
//! `IShow`, the base class `A0`) that the bodies use: constrained calls on
//! `T`, `T?`, `x ?? y`, `CompareTo`, `Bump` mutating a struct `T` in place.
//!
//! Generic code is typed with [`GT`], a small type language over the
//! program's types, the type parameters in scope and the generic types
//! (`Cell<X>`, `Val<X>`, `KeyValuePair<K, V>`, `X[]`, `List<X>`, `X?`,
//! `IGet<X>`, `ISink<X>`, `IEnumerable<X>`, `Func<..>`). Type arguments are
//! drawn from value and reference types alike, nested (`Cell<Val<T>>`,
//! `List<T[]>`), so shared code (dictionary lookups) and specialized code
//! both run; calls to generic methods find their type arguments by
//! unifying the wanted result type with the method's signature, and pass
//! them explicitly or let mcs infer them.
//!
//! Statements and expressions ([`Gen::gen_stmt`], [`Gen::generic_prim`])
//! appear in every method body: values built and taken apart, printed
//! through `G.Sh` (a generic show that boxes, tests for `IEnumerable` and
//! escapes non-ASCII), lifted `Nullable` operators, variance (`IGet<object>`
//! from `Cell<string>`, `ISink<A1>` from `Cell<A0>`, `Func` variance,
//! `is` tests against variant interfaces), lambdas closing over generic
//! locals, delegates over generic methods, LINQ chains (deferred: the
//! source may change before the query runs), and blocks exercising
//! `Dictionary` (with comparers), `HashSet`, `SortedDictionary`,
//! `SortedSet`, `SortedList`, `Queue`, `Stack`, `LinkedList` and sorting.
//!
//! What it avoids (legitimate differences between runtimes): the order of
//! equal elements after an unstable sort (`List.Sort`, `Array.Sort` only
//! over types whose equal values print the same; `OrderBy` is stable and
//! takes any key), the enumeration order of hash-based collections (printed
//! sorted), `ValueType.Equals` on structs holding floating-point fields
//! (CoreCLR compares bits, mono compares values), culture-sensitive string
//! comparison (strings compared in generic code are `w<digits>`, which
//! order the same under ordinal and culture rules), the timing of static
//! constructors of structs (`Val<T>`'s does not print), `BinarySearch` over
//! duplicates, hash codes. Not generated yet: `new T()` (mcs emits
//! `Activator.CreateInstance<T>()`, which corelib does not have) and
//! `yield return` iterators (mcs's code needs `System.Threading.Interlocked`).

use super::*;

/// The number of elements a collection is assumed to hold (cost model).
const SIZE: u64 = 16;
/// The cost budget of a lambda passed to a generic method's `Func`
/// parameter (the callee charges this much per invocation).
const FN_ARG_COST: u64 = 12;

/// A constraint on a type parameter.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(super) enum Cons {
    Any,
    Struct,
    Class,
    /// `IComparable<T>`
    Cmp,
    /// `IShow` (which extends `IVisit`)
    Show,
    /// The base class `A0`
    Base,
}

/// A type parameter: its name, its constraint, and what the body may do
/// with it (`eq`: compare for equality, which call sites must allow;
/// `sort`: sort lists of it, so only types whose equal values print the
/// same may instantiate it).
#[derive(Clone, Debug)]
pub(super) struct TParam {
    pub name: String,
    pub cons: Cons,
    pub eq: bool,
    pub sort: bool,
}

/// A type in generic code.
#[derive(Clone, PartialEq, Eq, Debug)]
pub(super) enum GT {
    Prim(P),
    /// `string`, holding `w<digits>` (or null).
    Str,
    /// A struct of the program (`S<k>`).
    Fs(usize),
    /// The program's class hierarchy (`B0`).
    B0,
    /// `A0` (its values may be `A1` or `A2`).
    A0,
    /// The struct `SV`.
    Sv,
    Obj,
    /// A type parameter in scope, by index.
    Tp(usize),
    Cell(Box<GT>),
    Val(Box<GT>),
    Kv(Box<GT>, Box<GT>),
    Arr(Box<GT>),
    List(Box<GT>),
    /// `X?` for a non-nullable value type `X`.
    Nul(Box<GT>),
    IGet(Box<GT>),
    ISink(Box<GT>),
    /// `IEnumerable<X>`
    Seq(Box<GT>),
    /// `Func<A.., R>`
    Func(Vec<GT>, Box<GT>),
}

use GT::*;

fn bx(t: GT) -> Box<GT> {
    Box::new(t)
}

/// A local (or parameter, or `this.field`) of generic code.
#[derive(Clone, Debug)]
pub(super) struct GVar {
    pub name: String,
    pub ty: GT,
    pub writable: bool,
    pub capturable: bool,
    /// For sequences and delegates: the cost of one enumeration or call.
    pub cost: u64,
}

/// The generic scope of the body being generated.
#[derive(Default)]
pub(super) struct GScope {
    pub tparams: Vec<TParam>,
    pub vars: Vec<GVar>,
    pub marks: Vec<usize>,
    /// Inside a struct's instance method (lambdas cannot capture `this`).
    pub in_struct: bool,
    /// Only generic methods of a higher level may be called.
    pub level: u32,
    /// The return type of the generic method being generated.
    pub ret: Option<GT>,
    /// Inside a generic method's body (generic statements are frequent).
    pub generic_body: bool,
    /// How many lambdas enclose the expression being generated (queries
    /// inside lambdas inside queries stop at 2).
    pub lambda_depth: u32,
}

/// Where a generic method is declared.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(super) enum GOwner {
    /// A static method of `GW`.
    Gw,
    /// An instance method of `Cell<T>` (virtual ones are overridden in `Cell2`).
    Cell,
    /// An instance method of the struct `Val<T>`.
    Val,
}

/// A generic method with a random body.
#[derive(Clone, Debug)]
pub(super) struct GMeth {
    pub name: String,
    pub owner: GOwner,
    pub virt: bool,
    /// Its own type parameters (after the owner's, in its scope).
    pub tparams: Vec<TParam>,
    /// Parameter names and types (over the owner's and its own type parameters).
    pub params: Vec<(String, GT)>,
    pub ret: GT,
    pub level: u32,
    pub cost: u64,
}

/// The seed-dependent shape of the generic declarations.
#[derive(Default)]
pub(super) struct GenericWorkout {
    pub cell_cctor: bool,
    pub val_cctor: bool,
    /// `Cell2<T, U> : Cell<base>`, over Cell2's parameters.
    pub cell2_base: Option<GT>,
    pub meths: Vec<GMeth>,
    /// Method texts: (owner, in Cell2, text).
    pub bodies: Vec<(GOwner, bool, String)>,
}

/// The type parameter of `Cell<T>` and `Val<T>`.
fn class_tparam(name: &str) -> TParam {
    TParam {
        name: name.to_string(),
        cons: Cons::Any,
        eq: false,
        sort: false,
    }
}

/// Replaces `Tp(i)` by `map[i]` (a type of another scope).
fn subst(t: &GT, map: &[GT]) -> GT {
    let s = |x: &GT| bx(subst(x, map));
    match t {
        Tp(i) => map[*i].clone(),
        Cell(x) => Cell(s(x)),
        Val(x) => Val(s(x)),
        Kv(a, b) => Kv(s(a), s(b)),
        Arr(x) => Arr(s(x)),
        List(x) => List(s(x)),
        Nul(x) => Nul(s(x)),
        IGet(x) => IGet(s(x)),
        ISink(x) => ISink(s(x)),
        Seq(x) => Seq(s(x)),
        Func(ps, r) => Func(ps.iter().map(|p| subst(p, map)).collect(), s(r)),
        o => o.clone(),
    }
}

/// Binds the type parameters of `pat` (a signature type) so that it
/// becomes `t` (a type of the caller's scope).
fn unify(pat: &GT, t: &GT, binds: &mut Vec<Option<GT>>) -> bool {
    match (pat, t) {
        (Tp(i), _) => match &binds[*i] {
            Some(b) => b == t,
            None => {
                binds[*i] = Some(t.clone());
                true
            }
        },
        (Cell(a), Cell(b))
        | (Val(a), Val(b))
        | (Arr(a), Arr(b))
        | (List(a), List(b))
        | (Nul(a), Nul(b))
        | (IGet(a), IGet(b))
        | (ISink(a), ISink(b))
        | (Seq(a), Seq(b)) => unify(a, b, binds),
        (Kv(a, b), Kv(c, d)) => unify(a, c, binds) && unify(b, d, binds),
        (Func(ps, r), Func(qs, s)) => {
            ps.len() == qs.len()
                && ps.iter().zip(qs).all(|(p, q)| unify(p, q, binds))
                && unify(r, s, binds)
        }
        (a, b) => a == b,
    }
}

/// Whether `t` mentions `Tp(i)` outside a `Func` (so mcs can infer it).
fn mentions(t: &GT, i: usize) -> bool {
    match t {
        Tp(j) => *j == i,
        Cell(x) | Val(x) | Arr(x) | List(x) | Nul(x) | IGet(x) | ISink(x) | Seq(x) => {
            mentions(x, i)
        }
        Kv(a, b) => mentions(a, i) || mentions(b, i),
        _ => false,
    }
}

fn depth(t: &GT) -> u32 {
    match t {
        Cell(x) | Val(x) | Arr(x) | List(x) | Nul(x) | IGet(x) | ISink(x) | Seq(x) => 1 + depth(x),
        Kv(a, b) => 1 + depth(a).max(depth(b)),
        Func(ps, r) => 1 + ps.iter().map(depth).max().unwrap_or(0).max(depth(r)),
        _ => 0,
    }
}

impl Gen {
    // -----------------------------------------------------------------------
    // Types

    /// The C# name of `t` in the current scope.
    pub(super) fn gcs(&self, t: &GT) -> String {
        self.gcs_in(t, &self.gs.tparams)
    }

    fn gcs_in(&self, t: &GT, tps: &[TParam]) -> String {
        let c = |x: &GT| self.gcs_in(x, tps);
        match t {
            Prim(p) => p.cs().to_string(),
            Str => "string".to_string(),
            Fs(k) => self.structs[*k].name.clone(),
            B0 => "B0".to_string(),
            A0 => "A0".to_string(),
            Sv => "SV".to_string(),
            Obj => "object".to_string(),
            Tp(i) => tps[*i].name.clone(),
            Cell(x) => format!("Cell<{}>", c(x)),
            Val(x) => format!("Val<{}>", c(x)),
            Kv(a, b) => format!("KeyValuePair<{}, {}>", c(a), c(b)),
            Arr(x) => format!("{}[]", c(x)),
            List(x) => format!("List<{}>", c(x)),
            Nul(x) => format!("{}?", c(x)),
            IGet(x) => format!("IGet<{}>", c(x)),
            ISink(x) => format!("ISink<{}>", c(x)),
            Seq(x) => format!("IEnumerable<{}>", c(x)),
            Func(ps, r) => {
                let mut a: Vec<String> = ps.iter().map(c).collect();
                a.push(c(r));
                format!("Func<{}>", a.join(", "))
            }
        }
    }

    /// Whether values of `t` are value types (None: a type parameter that
    /// may be either).
    fn is_value(&self, t: &GT) -> Option<bool> {
        match t {
            Prim(_) | Fs(_) | Sv | Val(_) | Kv(..) | Nul(_) => Some(true),
            Tp(i) => match self.gs.tparams[*i].cons {
                Cons::Struct => Some(true),
                Cons::Class | Cons::Base => Some(false),
                _ => None,
            },
            _ => Some(false),
        }
    }

    /// Whether a value type `t` may hold floating-point fields.
    fn floaty(&self, t: &GT) -> bool {
        match t {
            Prim(p) => p.is_float(),
            Fs(k) => self.structs[*k].fields.iter().any(|(_, ft)| match ft {
                Ty::P(p) => p.is_float(),
                Ty::S(j) => self.floaty(&Fs(*j)),
                _ => false,
            }),
            Tp(_) => true,
            Val(x) | Nul(x) => self.is_value(x) != Some(false) && self.floaty(x),
            Kv(a, b) => {
                (self.is_value(a) != Some(false) && self.floaty(a))
                    || (self.is_value(b) != Some(false) && self.floaty(b))
            }
            _ => false,
        }
    }

    /// Whether `EqualityComparer<t>.Default` gives the same answers on
    /// every runtime (no `ValueType.Equals` over floating-point fields).
    fn eq_safe(&self, t: &GT) -> bool {
        match t {
            Prim(_) | Str | Sv | A0 | B0 | Obj | Cell(_) | Arr(_) | List(_) => true,
            IGet(_) | ISink(_) | Seq(_) | Func(..) => true,
            Fs(_) => !self.floaty(t),
            Tp(i) => self.gs.tparams[*i].eq,
            Nul(x) => self.eq_safe(x),
            Val(_) | Kv(..) => !self.floaty(t) && self.parts_eq_safe(t),
        }
    }

    fn parts_eq_safe(&self, t: &GT) -> bool {
        match t {
            Val(x) => self.eq_safe(x),
            Kv(a, b) => self.eq_safe(a) && self.eq_safe(b),
            _ => true,
        }
    }

    /// Whether `t` satisfies constraint `c` (and equality if `eq`, and
    /// sorting if `sort`) in the current scope.
    fn satisfies(&self, t: &GT, c: Cons, eq: bool, sort: bool) -> bool {
        if eq && !self.eq_safe(t) {
            return false;
        }
        if sort && !self.sortable(t) {
            return false;
        }
        let tp = |t: &GT| match t {
            Tp(i) => Some(self.gs.tparams[*i].cons),
            _ => None,
        };
        match c {
            Cons::Any => true,
            Cons::Struct => self.is_value(t) == Some(true) && !matches!(t, Nul(_)),
            Cons::Class => self.is_value(t) == Some(false) && !matches!(t, Func(..)),
            Cons::Cmp => matches!(t, Prim(_) | Str | Sv | A0) || tp(t) == Some(Cons::Cmp),
            Cons::Show => {
                matches!(t, A0 | Sv) || matches!(tp(t), Some(Cons::Show) | Some(Cons::Base))
            }
            Cons::Base => matches!(t, A0) || tp(t) == Some(Cons::Base),
        }
    }

    /// Types an unstable sort may order: equal values print the same.
    fn sortable(&self, t: &GT) -> bool {
        match t {
            Prim(_) | Str => true,
            Tp(i) => self.gs.tparams[*i].sort,
            _ => false,
        }
    }

    /// Types an `OrderBy` key (or a sorted collection's key) may have.
    fn key_ok(&self, t: &GT) -> bool {
        self.satisfies(t, Cons::Cmp, true, false)
    }

    fn targ_prim(&mut self) -> P {
        let w = [3, 2, 4, 3, 2, 3, 14, 3, 6, 2, 3, 6];
        let all = [Bool, I1, U1, I2, U2, Ch, I4, U4, I8, U8, R4, R8];
        all[self.rng.weighted(&w)]
    }

    /// A random type (nested up to `d` constructors deep) from the type
    /// arguments' universe: the program's types, the type parameters in
    /// scope and the generic types over them.
    fn rand_gt(&mut self, d: u32) -> GT {
        let np = self.gs.tparams.len() as u32;
        let n = |w: u32| if d > 0 { w } else { 0 };
        let w = [
            30,
            10,
            4,
            2,
            5,
            5,
            if np > 0 { 28 } else { 0 },
            n(6),
            n(6),
            n(3),
            n(5),
            n(6),
            n(4),
            2,
        ];
        match self.rng.weighted(&w) {
            0 => Prim(self.targ_prim()),
            1 => Str,
            2 => Fs(self.rng.below(self.structs.len())),
            3 => B0,
            4 => A0,
            5 => Sv,
            6 => Tp(self.rng.below(np as usize)),
            7 => Cell(bx(self.rand_gt(d - 1))),
            8 => Val(bx(self.rand_gt(d - 1))),
            9 => {
                let k = self.rand_key(0);
                Kv(bx(k), bx(self.rand_gt(d - 1)))
            }
            10 => Arr(bx(self.rand_gt(d - 1))),
            11 => List(bx(self.rand_gt(d - 1))),
            12 => Nul(bx(self.rand_nullable_base(d - 1))),
            _ => Obj,
        }
    }

    /// A non-nullable value type (for `X?`).
    fn rand_nullable_base(&mut self, d: u32) -> GT {
        for _ in 0..8 {
            let t = match self.rng.below(10) {
                0..=5 => Prim(self.targ_prim()),
                6 => Sv,
                7 => Fs(self.rng.below(self.structs.len())),
                8 if d > 0 => Val(bx(self.rand_gt(d - 1))),
                _ => self.rand_gt(0),
            };
            if self.satisfies(&t, Cons::Struct, false, false) {
                return t;
            }
        }
        Prim(I4)
    }

    /// A key type: comparable and equality-safe.
    fn rand_key(&mut self, d: u32) -> GT {
        for _ in 0..8 {
            let t = match self.rng.below(10) {
                0..=5 => Prim(self.targ_prim()),
                6 | 7 => Str,
                8 => Sv,
                _ => self.rand_gt(d),
            };
            if self.key_ok(&t) {
                return t;
            }
        }
        Prim(I4)
    }

    /// A type argument for a parameter with constraint `c`.
    fn rand_targ(&mut self, c: Cons, eq: bool, sort: bool, d: u32) -> GT {
        for _ in 0..12 {
            let t = match c {
                Cons::Any | Cons::Class => self.rand_gt(d),
                Cons::Struct => {
                    if self.rng.pct(70) {
                        self.rand_nullable_base(d)
                    } else {
                        self.rand_gt(d)
                    }
                }
                Cons::Cmp => self.rand_key(d),
                Cons::Show | Cons::Base => {
                    if self.rng.pct(25) {
                        self.rand_gt(0)
                    } else if c == Cons::Show && self.rng.pct(50) {
                        Sv
                    } else {
                        A0
                    }
                }
            };
            if self.satisfies(&t, c, eq, sort) {
                return t;
            }
        }
        match c {
            Cons::Any | Cons::Struct | Cons::Cmp => Prim(I4),
            Cons::Class => Str,
            Cons::Show => Sv,
            Cons::Base => A0,
        }
    }

    // -----------------------------------------------------------------------
    // Declarations

    pub(super) fn declare_generics(&mut self) {
        self.gw.cell_cctor = self.rng.pct(60);
        self.gw.val_cctor = self.rng.pct(50);
        // Cell2<T, U> : Cell<base>
        self.gw.cell2_base = Some(match self.rng.below(5) {
            0 | 1 => Tp(1),
            2 => Tp(0),
            3 => Prim(self.rng.pick(&[I4, I8, R8, U1])),
            _ => Val(bx(Tp(0))),
        });
        let n = self.rng.range(2, 6) as usize;
        for i in 0..n {
            self.declare_gmeth(format!("Gm{i}"), GOwner::Gw);
        }
        for i in 0..self.rng.range(1, 3) as usize {
            self.declare_gmeth(format!("Cm{i}"), GOwner::Cell);
        }
        if self.rng.pct(60) {
            self.declare_gmeth("Vm0".to_string(), GOwner::Val);
        }
        let m = self.gw.meths.len();
        let mut order: Vec<usize> = (0..m).collect();
        for i in (1..m).rev() {
            let j = self.rng.below(i + 1);
            order.swap(i, j);
        }
        for (lvl, &k) in order.iter().enumerate() {
            self.gw.meths[k].level = lvl as u32 + 1;
        }
    }

    fn rand_tparam(&mut self, name: String) -> TParam {
        let cons = match self.rng.weighted(&[30, 12, 12, 16, 10, 8]) {
            0 => Cons::Any,
            1 => Cons::Struct,
            2 => Cons::Class,
            3 => Cons::Cmp,
            4 => Cons::Show,
            _ => Cons::Base,
        };
        let eq =
            matches!(cons, Cons::Any | Cons::Struct | Cons::Class | Cons::Cmp) && self.rng.pct(45);
        let sort = cons == Cons::Cmp && self.rng.pct(50);
        TParam {
            name,
            cons,
            eq,
            sort,
        }
    }

    fn declare_gmeth(&mut self, name: String, owner: GOwner) {
        let outer = match owner {
            GOwner::Gw => vec![],
            GOwner::Cell => vec![class_tparam("T")],
            GOwner::Val => vec![class_tparam("T")],
        };
        let ntp = match owner {
            GOwner::Gw => self.rng.range(1, 2) as usize,
            _ => self.rng.range(0, 2) as usize,
        };
        let names = ["X", "Y", "Z"];
        let mut tps = Vec::new();
        for name in &names[..ntp] {
            tps.push(self.rand_tparam(name.to_string()));
        }
        let saved = std::mem::take(&mut self.gs.tparams);
        self.gs.tparams = outer.iter().cloned().chain(tps.iter().cloned()).collect();
        let base = outer.len();
        let mut params = Vec::new();
        // Every own type parameter appears as a parameter (values to work
        // with, and inference).
        for i in 0..ntp {
            params.push((format!("a{i}"), Tp(base + i)));
        }
        for _ in 0..self.rng.range(0, 2) {
            let t = match self.rng.below(8) {
                0 | 1 => Prim(self.targ_prim()),
                2 if !self.gs.tparams.is_empty() => {
                    let i = self.rng.below(self.gs.tparams.len());
                    Func(vec![Tp(i)], bx(Tp(i)))
                }
                3 if !self.gs.tparams.is_empty() => {
                    let i = self.rng.below(self.gs.tparams.len());
                    Func(vec![Tp(i)], bx(Prim(I4)))
                }
                _ => self.rand_gt(1),
            };
            let n = format!("a{}", params.len());
            params.push((n, t));
        }
        // Shuffle a little.
        if params.len() > 1 && self.rng.pct(50) {
            let j = self.rng.below(params.len());
            params.swap(0, j);
        }
        let ret = match self.rng.below(6) {
            0 => Str,
            1 => Prim(self.targ_prim()),
            _ => self.rand_gt(1),
        };
        let ret = if matches!(ret, Func(..)) { Str } else { ret };
        self.gs.tparams = saved;
        let virt = owner == GOwner::Cell && self.rng.pct(60);
        self.gw.meths.push(GMeth {
            name,
            owner,
            virt,
            tparams: tps,
            params,
            ret,
            level: 0,
            cost: 0,
        });
    }

    /// The scope (type parameters) a method of `owner` sees; for Cell2 the
    /// override's scope and its signature's substitution map.
    fn gmeth_scope(&self, m: &GMeth, in_cell2: bool) -> (Vec<TParam>, Vec<GT>) {
        let mut tps = Vec::new();
        let mut map = Vec::new();
        match m.owner {
            GOwner::Gw => {}
            GOwner::Cell | GOwner::Val if !in_cell2 => {
                tps.push(class_tparam("T"));
                map.push(Tp(0));
            }
            _ => {
                tps.push(class_tparam("T"));
                tps.push(class_tparam("U"));
                map.push(self.gw.cell2_base.clone().unwrap_or(Tp(1)));
            }
        }
        let base = tps.len();
        for (i, tp) in m.tparams.iter().enumerate() {
            tps.push(tp.clone());
            map.push(Tp(base + i));
        }
        (tps, map)
    }

    fn cons_text(&self, tps: &[TParam], from: usize) -> String {
        let mut s = String::new();
        for tp in &tps[from..] {
            let c = match tp.cons {
                Cons::Any => continue,
                Cons::Struct => "struct",
                Cons::Class => "class",
                Cons::Cmp => "IComparable<{}>",
                Cons::Show => "IShow",
                Cons::Base => "A0",
            };
            let _ = write!(s, " where {} : {}", tp.name, c.replace("{}", &tp.name));
        }
        s
    }

    /// Generates the bodies of all generic methods (highest level first, so
    /// that callers know their callees' costs).
    pub(super) fn generate_generic_bodies(&mut self) {
        let mut order: Vec<usize> = (0..self.gw.meths.len()).collect();
        order.sort_by_key(|&k| std::cmp::Reverse(self.gw.meths[k].level));
        for k in order {
            let (text, cost) = self.gmeth_body(k, false, 0);
            let owner = self.gw.meths[k].owner;
            self.gw.bodies.push((owner, false, text));
            let mut c = cost;
            if self.gw.meths[k].virt {
                let (text2, cost2) = self.gmeth_body(k, true, cost);
                self.gw.bodies.push((owner, true, text2));
                c = c.max(cost2);
            }
            self.gw.meths[k].cost = c + 1;
        }
    }

    /// One generic method's text and cost; in Cell2 (`in_cell2`), the
    /// override of a virtual Cell method (which calls the base method,
    /// costing `base_cost`).
    fn gmeth_body(&mut self, k: usize, in_cell2: bool, base_cost: u64) -> (String, u64) {
        let m = self.gw.meths[k].clone();
        let (tps, map) = self.gmeth_scope(&m, in_cell2);
        let budget = self.rng.range(40, 900) as u64;
        let mut fcx = Fcx::new(u32::MAX, Owner::Program, budget);
        fcx.stmts_left = self.rng.range(3, 16);
        let saved_fcx = std::mem::replace(&mut self.fcx, fcx);
        let ret = subst(&m.ret, &map);
        let gs = GScope {
            tparams: tps.clone(),
            in_struct: m.owner == GOwner::Val,
            level: m.level,
            ret: Some(ret.clone()),
            generic_body: true,
            ..GScope::default()
        };
        let saved_gs = std::mem::replace(&mut self.gs, gs);
        let params: Vec<(String, GT)> = m
            .params
            .iter()
            .map(|(n, t)| (n.clone(), subst(t, &map)))
            .collect();
        let own_from = tps.len() - m.tparams.len();
        let tnames: Vec<String> = tps[own_from..].iter().map(|t| t.name.clone()).collect();
        let targs = if tnames.is_empty() {
            String::new()
        } else {
            format!("<{}>", tnames.join(", "))
        };
        let modifiers = match (m.owner, m.virt, in_cell2) {
            (GOwner::Gw, _, _) => "public static",
            (_, true, false) => "public virtual",
            (_, true, true) => "public override",
            _ => "public",
        };
        let ps: Vec<String> = params
            .iter()
            .map(|(n, t)| format!("{} {n}", self.gcs(t)))
            .collect();
        // An override repeats no constraints (it inherits them).
        let cons = if in_cell2 {
            String::new()
        } else {
            self.cons_text(&tps, own_from)
        };
        let mut out = Vec::new();
        line(
            &mut out,
            1,
            format!(
                "{modifiers} {} {}{targs}({}){cons}",
                self.gcs(&ret),
                m.name,
                ps.join(", ")
            ),
        );
        line(&mut out, 1, "{");
        self.push_scope();
        // `this` and its fields.
        let cap = m.owner != GOwner::Val;
        match (m.owner, in_cell2) {
            (GOwner::Cell, false) => {
                self.add_gvar("this", Cell(bx(Tp(0))), false, cap, 0);
                self.add_gvar("this.v", Tp(0), true, cap, 0);
            }
            (GOwner::Cell, true) => {
                let b = self.gw.cell2_base.clone().unwrap_or(Tp(1));
                self.add_gvar("this", Cell(bx(b.clone())), false, cap, 0);
                self.add_gvar("this.v", b, true, cap, 0);
                self.add_gvar("this.w", Tp(0), true, cap, 0);
            }
            (GOwner::Val, _) => {
                self.add_gvar("this.v", Tp(0), true, false, 0);
                self.fcx.vars.push(Var {
                    name: "this.k".to_string(),
                    ty: Ty::P(I4),
                    writable: true,
                    capturable: false,
                    cost: 0,
                });
            }
            _ => {}
        }
        for (n, t) in &params {
            let c = match t {
                Func(..) => FN_ARG_COST,
                _ => 0,
            };
            self.add_gvar(n, t.clone(), true, true, c);
        }
        if in_cell2 {
            let args: Vec<String> = params.iter().map(|(n, _)| n.clone()).collect();
            let tag = self.tag();
            self.fcx.cost += base_cost;
            line(
                &mut out,
                2,
                format!(
                    "Console.WriteLine(\"{tag} base \" + G.Sh(base.{}{targs}({})));",
                    m.name,
                    args.join(", ")
                ),
            );
        } else if self.rng.pct(40) {
            let tag = self.tag();
            let shown: Vec<String> = params
                .iter()
                .filter(|(_, t)| !matches!(t, Func(..)))
                .map(|(n, _)| format!(" + \" \" + G.Sh({n})"))
                .collect();
            let tn: Vec<String> = tnames
                .iter()
                .map(|n| format!(" + \" \" + G.Tn<{n}>()"))
                .collect();
            line(
                &mut out,
                2,
                format!(
                    "Console.WriteLine(\"{tag} {}\"{}{});",
                    m.name,
                    tn.join(""),
                    shown.join("")
                ),
            );
        }
        let n = self.fcx.stmts_left as usize;
        self.block_body(&mut out, 2, n);
        let v = self.gval(&ret, 3);
        line(&mut out, 2, format!("return {v};"));
        self.pop_scope();
        line(&mut out, 1, "}");
        let cost = self.fcx.cost;
        self.fcx = saved_fcx;
        self.gs = saved_gs;
        (out.join("\n"), cost)
    }

    /// Declares a variable of generic code: primitive, struct and `B0`
    /// variables join the main generator's variables (its expressions use
    /// them), the others the generic scope.
    fn add_gvar(&mut self, name: &str, ty: GT, writable: bool, capturable: bool, cost: u64) {
        let legacy = match &ty {
            Prim(p) => Some(Ty::P(*p)),
            Fs(k) => Some(Ty::S(*k)),
            B0 => Some(Ty::Obj),
            _ => None,
        };
        match legacy {
            Some(t) => self.fcx.vars.push(Var {
                name: name.to_string(),
                ty: t,
                writable,
                capturable,
                cost: 0,
            }),
            None => self.gs.vars.push(GVar {
                name: name.to_string(),
                ty,
                writable,
                capturable,
                cost,
            }),
        }
    }

    // -----------------------------------------------------------------------
    // Values

    /// An expression of exactly type `t`.
    pub(super) fn gval(&mut self, t: &GT, d: u32) -> String {
        match t {
            Prim(p) => return self.prim(*p, d).s,
            Fs(k) => return self.struct_expr(*k, d).s,
            B0 => return self.obj_expr(d).s,
            _ => {}
        }
        if self.rng.pct(45) {
            if let Some(s) = self.gproject(t) {
                return s;
            }
        }
        if d > 0 && !self.fcx.pure && self.rng.pct(15) {
            if let Some(s) = self.gcall(t, d) {
                return s;
            }
        }
        if d > 0 && !self.fcx.pure && self.rng.pct(8) {
            if let Some(s) = self.fn_call(t, d) {
                return s;
            }
        }
        if d > 0 && self.rng.pct(5) && !matches!(t, Func(..)) {
            let c = self.prim(Bool, 1).s;
            let a = self.gval(t, d - 1);
            let b = self.gval(t, d - 1);
            return format!("({c} ? {a} : {b})");
        }
        self.gconstruct(t, d)
    }

    /// A string for `G.W`: `w` and a small number.
    fn wstr(&mut self, d: u32) -> String {
        if self.rng.pct(40) {
            format!("\"w{}\"", self.rng.below(16))
        } else {
            let e = self.prim(I4, d.min(2)).s;
            format!("G.W({e})")
        }
    }

    fn small_int(&mut self) -> String {
        if self.rng.pct(50) {
            self.rng.range(-3, 40).to_string()
        } else {
            self.prim(I4, 1).s
        }
    }

    fn gconstruct(&mut self, t: &GT, d: u32) -> String {
        let d1 = d.saturating_sub(1);
        match t {
            Prim(p) => self.prim(*p, d).s,
            Fs(k) => self.struct_expr(*k, d).s,
            B0 => self.obj_expr(d).s,
            Str => self.wstr(d),
            A0 => {
                let c = self.rng.pick(&["A0", "A1", "A2", "A1", "A2"]);
                let n = self.small_int();
                if self.rng.pct(3) {
                    "((A0)null)".to_string()
                } else {
                    format!("((A0)new {c}({n}))")
                }
            }
            Sv => {
                if self.rng.pct(10) {
                    "default(SV)".to_string()
                } else {
                    let n = self.small_int();
                    let s = self.wstr(d1);
                    format!("new SV({n}, {s})")
                }
            }
            Obj if d == 0 => format!("((object){})", self.small_int()),
            Obj => {
                let u = self.rand_gt(1);
                let v = self.gval(&u, d1);
                format!("((object){})", paren(&v))
            }
            Tp(_) => format!("default({})", self.gcs(t)),
            Cell(x) => {
                let xs = self.gcs(x);
                // Making a Cell changes its statics and may run its static
                // constructor: not in pure code.
                if self.rng.pct(2) || self.fcx.pure {
                    return format!("default(Cell<{xs}>)");
                }
                if self.rng.pct(30) {
                    // A Cell2 instance, seen as Cell<X>.
                    let base = self.gw.cell2_base.clone().unwrap_or(Tp(1));
                    let mut binds = vec![None, None];
                    if unify(&base, x, &mut binds) {
                        let b: Vec<GT> = binds
                            .into_iter()
                            .map(|b| b.unwrap_or_else(|| self.rand_gt(0)))
                            .collect();
                        if subst(&base, &b) == **x {
                            let w = self.gval(&b[0], d1);
                            let u = self.gval(x, d1);
                            return format!(
                                "((Cell<{xs}>)new Cell2<{}, {}>({w}, {u}))",
                                self.gcs(&b[0]),
                                self.gcs(&b[1])
                            );
                        }
                    }
                }
                let v = self.gval(x, d1);
                format!("new Cell<{xs}>({v})")
            }
            Val(x) => {
                let xs = self.gcs(x);
                if self.rng.pct(10) {
                    format!("default(Val<{xs}>)")
                } else if self.fcx.pure {
                    // Without the constructor (which counts in Val<X>.made).
                    let v = self.gval(x, d1);
                    let k = self.small_int();
                    format!("G.Vl<{xs}>({v}, {k})")
                } else {
                    let v = self.gval(x, d1);
                    let k = self.small_int();
                    format!("new Val<{xs}>({v}, {k})")
                }
            }
            Kv(a, b) => {
                let (av, bv) = (self.gval(a, d1), self.gval(b, d1));
                format!(
                    "new KeyValuePair<{}, {}>({av}, {bv})",
                    self.gcs(a),
                    self.gcs(b)
                )
            }
            Arr(x) => {
                let xs = self.gcs(x);
                match self.rng.below(8) {
                    0 => {
                        let n = self.rng.below(4);
                        self.new_array(x, n)
                    }
                    1 if d > 0 => {
                        let v = self.gval(x, d1);
                        format!("G.Rep<{xs}>({v}, {}).ToArray()", self.rng.below(5))
                    }
                    2 if d > 0 => {
                        let l = self.gval(&List(x.clone()), d1);
                        format!("{}.ToArray()", paren(&l))
                    }
                    _ => {
                        let n = self.rng.range(0, 4);
                        let vs: Vec<String> = (0..n).map(|_| self.gval(x, d1.min(1))).collect();
                        format!("new {xs}[] {{ {} }}", vs.join(", "))
                    }
                }
            }
            List(x) => {
                let xs = self.gcs(x);
                match self.rng.below(8) {
                    0 => format!("new List<{xs}>()"),
                    1 if d > 0 => {
                        let v = self.gval(x, d1);
                        format!("G.Rep({v}, {})", self.rng.below(5))
                    }
                    2 if d > 0 => {
                        let a = self.gval(&Arr(x.clone()), d1);
                        format!("new List<{xs}>({a})")
                    }
                    3 if d > 0 => match self.linq_chain(Some(x), d1) {
                        Some((q, _, c)) => {
                            self.charge(c);
                            format!("{}.ToList()", paren(&q))
                        }
                        None => format!("new List<{xs}>()"),
                    },
                    _ => {
                        let n = self.rng.range(0, 4);
                        let vs: Vec<String> = (0..n).map(|_| self.gval(x, d1.min(1))).collect();
                        format!("new List<{xs}> {{ {} }}", vs.join(", "))
                    }
                }
            }
            Nul(x) => {
                let xs = self.gcs(x);
                if let Prim(p) = **x {
                    if d > 0 && self.rng.pct(40) {
                        if let Some(e) = self.lifted(p, d) {
                            return e;
                        }
                    }
                }
                match self.rng.below(8) {
                    0 => format!("default({xs}?)"),
                    1 => format!("(({xs}?)null)"),
                    2 => {
                        let v = self.gval(x, d1);
                        format!("(({xs}?)(object){})", paren(&v))
                    }
                    3 => format!("new {xs}?()"),
                    _ => {
                        let v = self.gval(x, d1);
                        format!("(({xs}?){})", paren(&v))
                    }
                }
            }
            IGet(x) if self.fcx.pure => {
                let v = self.gval(&Val(x.clone()), d1);
                format!("((IGet<{}>){})", self.gcs(x), paren(&v))
            }
            ISink(x) if self.fcx.pure => format!("((ISink<{}>)null)", self.gcs(x)),
            IGet(x) => {
                // Covariance: an IGet<Y> for a reference type Y assignable to X.
                let y = self.sub_of(x);
                let ys = self.gcs(&y);
                if self.is_value(&y) == Some(true) && self.rng.pct(40) {
                    let v = self.gval(&Val(bx(y.clone())), d1);
                    return format!("((IGet<{}>){})", self.gcs(x), paren(&v));
                }
                let c = match self.gproject(&Cell(bx(y.clone()))) {
                    Some(c) if self.rng.pct(50) => c,
                    _ => {
                        let v = self.gval(&y, d1);
                        format!("new Cell<{ys}>({v})")
                    }
                };
                format!("((IGet<{}>){})", self.gcs(x), paren(&c))
            }
            ISink(x) => {
                // Contravariance: a Cell<Y> for Y a supertype of X.
                let y = if self.is_value(x) == Some(false) && self.rng.pct(50) {
                    Obj
                } else {
                    (**x).clone()
                };
                let c = match self.gproject(&Cell(bx(y.clone()))) {
                    Some(c) if self.rng.pct(50) => c,
                    _ => {
                        let v = self.gval(&y, d1);
                        format!("new Cell<{}>({v})", self.gcs(&y))
                    }
                };
                format!("((ISink<{}>){})", self.gcs(x), paren(&c))
            }
            Seq(x) => match self.linq_chain(Some(x), d1) {
                Some((q, _, c)) => {
                    self.charge(c);
                    q
                }
                None => {
                    let a = self.gval(&Arr(x.clone()), d1);
                    format!("((IEnumerable<{}>){})", self.gcs(x), paren(&a))
                }
            },
            Func(ps, r) => match self.glambda(ps, r, FN_ARG_COST, false) {
                Some((l, _)) => l,
                None => format!("(({})null)", self.gcs(t)),
            },
        }
    }

    /// `new X[n]`: for an array element type the length goes first
    /// (`new int[3][]`).
    fn new_array(&self, x: &GT, n: usize) -> String {
        let mut e = x;
        let mut suffix = String::new();
        while let Arr(inner) = e {
            suffix.push_str("[]");
            e = inner;
        }
        format!("new {}[{n}]{suffix}", self.gcs(e))
    }

    /// A type whose values convert to `x` by reference (itself, or, for
    /// `object`, any reference type).
    fn sub_of(&mut self, x: &GT) -> GT {
        if *x == Obj && self.rng.pct(70) {
            for _ in 0..6 {
                let y = self.rand_gt(1);
                if self.is_value(&y) == Some(false) && !matches!(y, Func(..)) {
                    return y;
                }
            }
        }
        x.clone()
    }

    /// Expressions of type `want` reachable from the variables in scope.
    /// Pure code reads lists and arrays it makes itself (never null), no
    /// sequences or delegates, and no `Cell<X>.last` (the first access
    /// runs Cell<X>'s static constructor, which prints).
    fn gproject(&mut self, want: &GT) -> Option<String> {
        let pure = self.fcx.pure;
        if pure && matches!(want, List(_) | Arr(_) | Seq(_) | Func(..)) {
            return None;
        }
        let mut cands: Vec<String> = Vec::new();
        let in_lambda = self.fcx.in_lambda;
        for v in &self.gs.vars {
            if in_lambda && !v.capturable {
                continue;
            }
            if pure && matches!(v.ty, Seq(_) | Func(..)) {
                continue;
            }
            self.gpaths(v.name.clone(), &v.ty, want, 2, &mut cands);
        }
        if !pure && self.rng.pct(10) && !matches!(want, Func(..) | Seq(_)) && depth(want) <= 2 {
            // The per-instantiation static `Cell<X>.last`.
            cands.push(format!("Cell<{}>.last", self.gcs(want)));
        }
        if cands.is_empty() {
            return None;
        }
        let c = self.rng.pick(&cands);
        if c.contains("{IDX}") {
            let i = self.prim(I4, 1).s;
            return Some(c.replace("{IDX}", &i));
        }
        Some(c)
    }

    fn gpaths(&self, base: String, ty: &GT, want: &GT, d: u32, out: &mut Vec<String>) {
        if ty == want {
            out.push(base.clone());
        }
        if d == 0 {
            return;
        }
        // Pure code dereferences through null-safe helpers (and makes no
        // Cell in G.NN).
        let pure = self.fcx.pure;
        let deref = |safe: &str, field: &str| {
            if pure {
                format!("G.{safe}({base})")
            } else {
                format!("{base}.{field}")
            }
        };
        match ty {
            Cell(x) => {
                self.gpaths(deref("V", "v"), x, want, d - 1, out);
                if **x == *want && !pure {
                    out.push(format!("G.NN({base}).Get()"));
                }
            }
            Val(x) => {
                self.gpaths(format!("{base}.v"), x, want, d - 1, out);
                if *want == Prim(I4) {
                    out.push(format!("{base}.k"));
                }
            }
            Kv(a, b) => {
                self.gpaths(format!("{base}.Key"), a, want, d - 1, out);
                self.gpaths(format!("{base}.Value"), b, want, d - 1, out);
            }
            Nul(x) if **x == *want => out.push(format!("{base}.GetValueOrDefault()")),
            Arr(x) => {
                if **x == *want {
                    out.push(format!("G.At({base}, {{IDX}})"));
                }
                if *want == Prim(I4) {
                    out.push(deref("Len", "Length"));
                }
            }
            List(x) => {
                if **x == *want {
                    out.push(format!("G.AtL({base}, {{IDX}})"));
                }
                if *want == Prim(I4) {
                    out.push(deref("Cnt", "Count"));
                }
            }
            IGet(x) if **x == *want => out.push(deref("Get", "Get()")),
            Sv => {
                if *want == Prim(I4) {
                    out.push(format!("{base}.n"));
                }
                if *want == Str {
                    out.push(format!("{base}.s"));
                }
            }
            A0 if *want == Prim(I4) => out.push(deref("N", "n")),
            Tp(i) if *want == Prim(I4) && self.gs.tparams[*i].cons == Cons::Base => {
                out.push(deref("N", "n"))
            }
            Fs(k) => {
                for (n, ft) in &self.structs[*k].fields {
                    let g = match ft {
                        Ty::P(p) => Prim(*p),
                        Ty::S(j) => Fs(*j),
                        _ => continue,
                    };
                    self.gpaths(format!("{base}.{n}"), &g, want, d - 1, out);
                }
            }
            _ => {}
        }
    }

    /// A writable place of generic type (variable, field, array element).
    fn gplace(&mut self) -> Option<(String, GT)> {
        let mut cands: Vec<(String, GT)> = Vec::new();
        for v in &self.gs.vars {
            if self.fcx.in_lambda && !v.capturable {
                continue;
            }
            if v.writable && !matches!(v.ty, Func(..) | Seq(_)) {
                cands.push((v.name.clone(), v.ty.clone()));
            }
            match &v.ty {
                Cell(x) => cands.push((format!("{}.v", v.name), (**x).clone())),
                Val(x) if v.writable => cands.push((format!("{}.v", v.name), (**x).clone())),
                Arr(x) => cands.push((
                    format!("{0}[G.Ix({{IDX}}, {0}.Length)]", v.name),
                    (**x).clone(),
                )),
                _ => {}
            }
        }
        if cands.is_empty() {
            return None;
        }
        let (p, t) = self.rng.pick(&cands);
        let p = if p.contains("{IDX}") {
            let i = self.prim(I4, 1).s;
            p.replace("{IDX}", &i)
        } else {
            p
        };
        Some((p, t))
    }

    /// A lifted operator over `p?` values, of type `p?`.
    fn lifted(&mut self, p: P, d: u32) -> Option<String> {
        let n = Nul(bx(Prim(p)));
        let d1 = d - 1;
        let a = self.gval(&n, d1);
        if p == Bool {
            let op = self.rng.pick(&["&", "|", "^", "!"]);
            if op == "!" {
                return Some(format!("(!{})", paren(&a)));
            }
            let b = self.gval(&n, d1);
            return Some(format!("({a} {op} {b})"));
        }
        let ops: &[&str] = if p.is_float() {
            &["+", "-", "*", "/", "%", "neg"]
        } else if p == I4 || self.fcx.pure {
            // int.MinValue / -1: see `binary`.
            &["+", "-", "*", "&", "|", "^", "<<", ">>", "neg", "~"]
        } else {
            &[
                "+", "-", "*", "/", "%", "&", "|", "^", "<<", ">>", "neg", "~",
            ]
        };
        let op = self.rng.pick(ops);
        let (e, res) = match op {
            "neg" | "~" => {
                if matches!(p, U4 | U8) || (op == "~" && p.is_float()) {
                    return None;
                }
                let o = if op == "neg" { "-" } else { "~" };
                (format!("({o}{})", paren(&a)), unary_promote(p))
            }
            "<<" | ">>" => {
                // mcs does not lift the shift of a small type's nullable:
                // widen the left operand first.
                let k = self.gval(&Nul(bx(Prim(I4))), d1);
                let r = unary_promote(p);
                let a = if r == p {
                    a
                } else {
                    format!("(({}?){})", r.cs(), paren(&a))
                };
                (format!("({a} {op} {k})"), r)
            }
            _ => {
                let b = self.gval(&n, d1);
                (format!("({a} {op} {b})"), promote(p, p)?)
            }
        };
        if res == p {
            Some(e)
        } else {
            Some(format!("(({}?){e})", p.cs()))
        }
    }

    // -----------------------------------------------------------------------
    // Calls

    /// A call of a generic method whose result has type `want`.
    fn gcall(&mut self, want: &GT, d: u32) -> Option<String> {
        if self.fcx.pure {
            return None;
        }
        let cands: Vec<usize> = (0..self.gw.meths.len())
            .filter(|&k| self.gw.meths[k].level > self.gs.level)
            .collect();
        if cands.is_empty() {
            return None;
        }
        for _ in 0..3 {
            let k = self.rng.pick(&cands);
            if let Some(s) = self.gcall_of(k, Some(want), d) {
                return Some(s);
            }
        }
        None
    }

    /// A call of generic method `k` (its result of type `want` if given).
    fn gcall_of(&mut self, k: usize, want: Option<&GT>, d: u32) -> Option<String> {
        let m = self.gw.meths[k].clone();
        let (tps, _) = self.gmeth_scope(&m, false);
        let mut binds: Vec<Option<GT>> = vec![None; tps.len()];
        if let Some(w) = want {
            if !unify(&m.ret, w, &mut binds) {
                return None;
            }
        }
        // The caller's scope must not deepen types without bound.
        let mut targs = Vec::new();
        for (i, tp) in tps.iter().enumerate() {
            let t = match binds[i].take() {
                Some(t) => t,
                None => self.rand_targ(tp.cons, tp.eq, tp.sort, 1),
            };
            if !self.satisfies(&t, tp.cons, tp.eq, tp.sort) || depth(&t) > 3 {
                return None;
            }
            targs.push(t);
        }
        if !self.charge(m.cost) {
            return None;
        }
        let d1 = d.saturating_sub(1).min(2);
        let mut args = Vec::new();
        for (_, pt) in &m.params {
            let t = subst(pt, &targs);
            let a = match &t {
                Func(ps, r) => match self.glambda(ps, r, FN_ARG_COST, false) {
                    Some((l, _)) => l,
                    None => return None,
                },
                _ => self.gval(&t, d1),
            };
            args.push(a);
        }
        let outer = tps.len() - m.tparams.len();
        let own: Vec<String> = targs[outer..].iter().map(|t| self.gcs(t)).collect();
        let inferable = (0..m.tparams.len()).all(|i| {
            m.params
                .iter()
                .any(|(_, pt)| mentions(pt, outer + i) && !matches!(pt, Func(..)))
        });
        let explicit = if own.is_empty() || (inferable && self.rng.pct(40)) {
            String::new()
        } else {
            format!("<{}>", own.join(", "))
        };
        let recv = match m.owner {
            GOwner::Gw => "GW".to_string(),
            GOwner::Cell => {
                let r = self.gval(&Cell(bx(targs[0].clone())), 1);
                format!("G.NN({r})")
            }
            GOwner::Val => {
                let r = self.gval(&Val(bx(targs[0].clone())), 1);
                paren(&r)
            }
        };
        Some(format!("{recv}.{}{explicit}({})", m.name, args.join(", ")))
    }

    /// A call of a delegate variable returning `want`.
    fn fn_call(&mut self, want: &GT, d: u32) -> Option<String> {
        if self.fcx.pure {
            return None;
        }
        let in_lambda = self.fcx.in_lambda;
        let cands: Vec<GVar> = self
            .gs
            .vars
            .iter()
            .filter(|v| (!in_lambda || v.capturable) && matches!(&v.ty, Func(_, r) if **r == *want))
            .cloned()
            .collect();
        if cands.is_empty() {
            return None;
        }
        let v = self.rng.pick(&cands);
        if !self.charge(v.cost) {
            return None;
        }
        let ps = match &v.ty {
            Func(ps, _) => ps.clone(),
            _ => return None,
        };
        let args: Vec<String> = ps
            .iter()
            .map(|p| self.gval(p, d.saturating_sub(1).min(1)))
            .collect();
        Some(format!("{}({})", v.name, args.join(", ")))
    }

    /// A lambda `(A a, ..) => body` of cost at most `max_cost` per call: its
    /// text and cost. A `pure` lambda (one a LINQ operator or a collection
    /// method calls) has no side effects and throws nothing: corefx's
    /// operators call their lambdas for other elements, other times and in
    /// another order than corelib's (`Select(f).ElementAt(2)` calls `f`
    /// once in corefx), so only pure lambdas give the same output.
    fn glambda(&mut self, ps: &[GT], r: &GT, max_cost: u64, pure: bool) -> Option<(String, u64)> {
        if matches!(self.fcx.owner, Owner::Struct(_)) {
            return None;
        }
        let pure = pure || self.fcx.pure;
        for attempt in 0..2 {
            let saved = (
                self.fcx.mult,
                self.fcx.cost,
                self.fcx.in_lambda,
                self.fcx.budget,
                self.fcx.pure,
                self.fcx.checked,
            );
            self.fcx.mult = 1;
            self.fcx.cost = 0;
            self.fcx.in_lambda = true;
            self.fcx.budget = max_cost;
            self.fcx.pure = pure;
            if pure {
                self.fcx.checked = false;
            }
            self.push_scope();
            let explicit = self.rng.pct(40);
            let mut names = Vec::new();
            for p in ps {
                let n = self.fresh("l");
                names.push(if explicit {
                    format!("{} {n}", self.gcs(p))
                } else {
                    n.clone()
                });
                self.add_gvar(&n, p.clone(), false, true, 0);
            }
            self.gs.lambda_depth += 1;
            let body = if attempt == 0 && self.gs.lambda_depth <= 2 {
                self.gval(r, 2)
            } else {
                self.gconstruct(r, 0)
            };
            self.gs.lambda_depth -= 1;
            // A checked context around the lambda would reach into it.
            let body = if pure {
                format!("unchecked({body})")
            } else {
                body
            };
            self.pop_scope();
            let cost = self.fcx.cost + 1;
            self.fcx.mult = saved.0;
            self.fcx.cost = saved.1;
            self.fcx.in_lambda = saved.2;
            self.fcx.budget = saved.3;
            self.fcx.pure = saved.4;
            self.fcx.checked = saved.5;
            if cost > max_cost && attempt == 0 {
                continue;
            }
            let params = if names.len() == 1 && !explicit {
                names[0].clone()
            } else {
                format!("({})", names.join(", "))
            };
            return Some((format!("({params} => {body})"), cost));
        }
        None
    }

    // -----------------------------------------------------------------------
    // LINQ

    /// A source sequence: (text, element type).
    fn seq_source(&mut self, elem: Option<&GT>, d: u32) -> (String, GT) {
        let in_lambda = self.fcx.in_lambda;
        let vars: Vec<(String, GT)> = self
            .gs
            .vars
            .iter()
            .filter(|v| !in_lambda || v.capturable)
            .filter_map(|v| match &v.ty {
                List(x) | Arr(x) | Seq(x) if elem.map_or(true, |e| **x == *e) => {
                    Some((v.name.clone(), (**x).clone()))
                }
                _ => None,
            })
            .collect();
        if !vars.is_empty() && !self.fcx.pure && self.rng.pct(55) {
            return self.rng.pick(&vars);
        }
        let x = match elem {
            Some(e) => e.clone(),
            None => self.rand_gt(1),
        };
        let xs = self.gcs(&x);
        let s = match self.rng.below(6) {
            0 if x == Prim(I4) => {
                let lo = self.small_int();
                format!("Enumerable.Range({lo}, {})", self.rng.below(9))
            }
            1 => {
                let v = self.gval(&x, d.min(1));
                format!("Enumerable.Repeat({v}, {})", self.rng.below(5))
            }
            2 if self.rng.pct(20) => format!("Enumerable.Empty<{xs}>()"),
            3 => self.gval(&List(bx(x.clone())), d.min(1)),
            _ => self.gval(&Arr(bx(x.clone())), d.min(1)),
        };
        (s, x)
    }

    /// A lambda over one element of type `x` (for query operators).
    fn elem_lambda(&mut self, x: &GT, r: &GT) -> Option<String> {
        self.glambda(std::slice::from_ref(x), r, 30, true)
            .map(|(l, c)| {
                self.fcx.cost += c.saturating_mul(SIZE).saturating_mul(self.fcx.mult) / 4;
                l
            })
    }

    /// A LINQ chain: (text, element type, cost per enumeration). With
    /// `want`, the elements have that type.
    fn linq_chain(&mut self, want: Option<&GT>, d: u32) -> Option<(String, GT, u64)> {
        if matches!(self.fcx.owner, Owner::Struct(_)) || self.gs.lambda_depth >= 2 {
            return None;
        }
        let c0 = self.fcx.cost;
        let from = if want.is_some() && self.rng.pct(40) {
            want
        } else {
            None
        };
        let (mut q, mut x) = self.seq_source(from, d);
        let mut ordered = false;
        let nops = self.rng.range(0, 3);
        for _ in 0..nops {
            let r = self.linq_op(&q, &x, ordered, d)?;
            q = r.0;
            x = r.1;
            ordered = r.2;
        }
        if let Some(w) = want {
            if x != *w {
                let covariant =
                    *w == Obj && self.is_value(&x) == Some(false) && !matches!(x, Func(..));
                if covariant && self.rng.pct(50) {
                    q = format!("((IEnumerable<object>){})", paren(&q));
                } else if *w == Obj && self.rng.pct(50) {
                    q = format!("{}.Cast<object>()", paren(&q));
                } else {
                    let f = self.elem_lambda(&x, w)?;
                    q = format!("{}.Select({f})", paren(&q));
                }
                x = w.clone();
            }
        }
        let cost = self.fcx.cost.saturating_sub(c0) + SIZE;
        self.fcx.cost = c0;
        Some((q, x, cost))
    }

    /// One query operator applied to `q` (elements `x`): (text, element
    /// type, ordered).
    fn linq_op(&mut self, q: &str, x: &GT, ordered: bool, d: u32) -> Option<(String, GT, bool)> {
        let q = paren(q);
        let w = [
            10,
            10,
            6,
            if ordered { 6 } else { 0 },
            if self.eq_safe(x) { 3 } else { 0 },
            4,
            2,
            3,
            3,
            4,
            3,
            2,
            2,
            if self.eq_safe(x) { 2 } else { 0 },
            2,
            2,
        ];
        Some(match self.rng.weighted(&w) {
            0 => {
                let p = self.elem_lambda(x, &Prim(Bool))?;
                (format!("{q}.Where({p})"), x.clone(), false)
            }
            1 => {
                let u = self.rand_gt(1);
                if matches!(u, Func(..)) {
                    return None;
                }
                if self.rng.pct(25) {
                    let (l, c) = self.glambda(&[x.clone(), Prim(I4)], &u, 30, true)?;
                    self.fcx.cost += c * SIZE / 4;
                    (format!("{q}.Select({l})"), u, false)
                } else {
                    let f = self.elem_lambda(x, &u)?;
                    (format!("{q}.Select({f})"), u, false)
                }
            }
            2 => {
                let k = self.rand_key(1);
                let f = self.elem_lambda(x, &k)?;
                let m = self.rng.pick(&["OrderBy", "OrderByDescending"]);
                (format!("{q}.{m}({f})"), x.clone(), true)
            }
            3 => {
                let k = self.rand_key(1);
                let f = self.elem_lambda(x, &k)?;
                let m = self.rng.pick(&["ThenBy", "ThenByDescending"]);
                (format!("{q}.{m}({f})"), x.clone(), true)
            }
            4 => (format!("{q}.Distinct()"), x.clone(), false),
            5 => {
                let n = self.rng.range(0, 5);
                let m = self.rng.pick(&["Skip", "Take"]);
                (format!("{q}.{m}({n})"), x.clone(), false)
            }
            6 => {
                let p = self.elem_lambda(x, &Prim(Bool))?;
                let m = self.rng.pick(&["SkipWhile", "TakeWhile"]);
                (format!("{q}.{m}({p})"), x.clone(), false)
            }
            7 => (format!("Enumerable.Reverse({q})"), x.clone(), false),
            8 => {
                let (o, _) = self.seq_source(Some(x), d.saturating_sub(1));
                let m = if self.eq_safe(x) {
                    self.rng
                        .pick(&["Concat", "Concat", "Union", "Intersect", "Except"])
                } else {
                    "Concat"
                };
                (format!("{q}.{m}({o})"), x.clone(), false)
            }
            9 => {
                // GroupBy, then something per group.
                let mut k = self.rand_key(0);
                if !self.eq_safe(&k) {
                    k = Prim(I4);
                }
                let f = self.elem_lambda(x, &k)?;
                let g = self.fresh("g");
                let ks = self.gcs(&k);
                match self.rng.below(4) {
                    0 => (format!("{q}.GroupBy({f}).Select({g} => {g}.Key)"), k, false),
                    1 => (
                        format!("{q}.GroupBy({f}).Select({g} => new KeyValuePair<{ks}, int>({g}.Key, {g}.Count()))"),
                        Kv(bx(k), bx(Prim(I4))),
                        false,
                    ),
                    2 => (
                        format!("{q}.GroupBy({f}).Select({g} => {g}.ToList())"),
                        List(bx(x.clone())),
                        false,
                    ),
                    _ => (
                        format!("{q}.GroupBy({f}, ({g}k, {g}) => {g}.First())"),
                        x.clone(),
                        false,
                    ),
                }
            }
            10 => {
                let u = self.rand_gt(0);
                let f = self.elem_lambda(x, &Arr(bx(u.clone())))?;
                (format!("{q}.SelectMany({f})"), u, false)
            }
            11 => {
                let (o, y) = self.seq_source(None, d.saturating_sub(1));
                let u = self.rand_gt(1);
                if matches!(u, Func(..)) {
                    return None;
                }
                let (l, c) = self.glambda(&[x.clone(), y], &u, 30, true)?;
                self.fcx.cost += c * SIZE / 4;
                (format!("{q}.Zip({o}, {l})"), u, false)
            }
            12 => {
                let y = self.rand_gt(1);
                if self.is_value(&y).is_none() || matches!(y, Func(..)) {
                    return None;
                }
                (
                    format!("{q}.Cast<object>().OfType<{}>()", self.gcs(&y)),
                    y,
                    false,
                )
            }
            13 => {
                // Join on an equality-safe key.
                let (o, y) = self.seq_source(None, d.saturating_sub(1));
                let k = self.rand_key(0);
                if !self.eq_safe(&k) {
                    return None;
                }
                let fa = self.elem_lambda(x, &k)?;
                let fb = self.elem_lambda(&y, &k)?;
                let u = self.rand_gt(0);
                let (l, c) = self.glambda(&[x.clone(), y], &u, 30, true)?;
                self.fcx.cost += c * SIZE / 4;
                (format!("{q}.Join({o}, {fa}, {fb}, {l})"), u, false)
            }
            14 => (format!("{q}.DefaultIfEmpty()"), x.clone(), false),
            _ => {
                let v = self.gval(x, 1);
                let m = self.rng.pick(&["Append", "Prepend"]);
                (format!("{q}.{m}({v})"), x.clone(), false)
            }
        })
    }

    /// A value of primitive type `p` computed by a query over a sequence.
    fn linq_scalar(&mut self, p: P, d: u32) -> Option<String> {
        let (q, x, c) = self.linq_chain(None, d.saturating_sub(1))?;
        if !self.charge(c) {
            return None;
        }
        let q = paren(&q);
        // Pure code sums nothing (OverflowException) and takes no minimum,
        // maximum or average (InvalidOperationException when empty).
        let pure = self.fcx.pure;
        Some(match p {
            I4 => match self.rng.below(5) {
                0 => format!("{q}.Count()"),
                2 | 3 if pure => format!("{q}.Count()"),
                1 => {
                    let f = self.elem_lambda(&x, &Prim(Bool))?;
                    format!("{q}.Count({f})")
                }
                2 => {
                    let f = self.elem_lambda(&x, &Prim(I4))?;
                    format!("{q}.Sum({f})")
                }
                3 => {
                    let f = self.elem_lambda(&x, &Prim(I4))?;
                    let m = self.rng.pick(&["Min", "Max"]);
                    format!("{q}.{m}({f})")
                }
                _ => {
                    let a = self.fresh("acc");
                    let e = self.fresh("e");
                    self.push_scope();
                    self.add_gvar(&e, x.clone(), false, true, 0);
                    self.add_gvar(&a, Prim(I4), false, true, 0);
                    let saved = (self.fcx.in_lambda, self.fcx.pure, self.fcx.checked);
                    self.fcx.in_lambda = true;
                    self.fcx.pure = true;
                    self.fcx.checked = false;
                    let body = self.prim(I4, 2).s;
                    (self.fcx.in_lambda, self.fcx.pure, self.fcx.checked) = saved;
                    self.pop_scope();
                    let seed = self.small_int();
                    format!("{q}.Aggregate({seed}, ({a}, {e}) => unchecked({a} * 31 + {body}))")
                }
            },
            I8 if pure => format!("{q}.LongCount()"),
            R8 if pure => return None,
            I8 => {
                let f = self.elem_lambda(&x, &Prim(I8))?;
                let m = self.rng.pick(&["Sum", "Min", "Max"]);
                format!("{q}.{m}({f})")
            }
            R8 => {
                let t = self.rng.pick(&[I4, I8, R8]);
                let f = self.elem_lambda(&x, &Prim(t))?;
                let m = self.rng.pick(&["Average", "Sum", "Max"]);
                let e = format!("{q}.{m}({f})");
                if t == R8 || m == "Average" {
                    e
                } else {
                    format!("((double){e})")
                }
            }
            Bool => match self.rng.below(4) {
                0 => format!("{q}.Any()"),
                1 => {
                    let f = self.elem_lambda(&x, &Prim(Bool))?;
                    let m = self.rng.pick(&["Any", "All"]);
                    format!("{q}.{m}({f})")
                }
                2 if self.eq_safe(&x) => {
                    let v = self.gval(&x, 1);
                    format!("{q}.Contains({v})")
                }
                _ if self.eq_safe(&x) => {
                    let (o, _) = self.seq_source(Some(&x), 1);
                    format!("{q}.SequenceEqual({o})")
                }
                _ => format!("{q}.Any()"),
            },
            _ => {
                let f = self.elem_lambda(&x, &Prim(p))?;
                match self.rng.below(3) {
                    0 => format!("{q}.Select({f}).FirstOrDefault()"),
                    1 => format!("{q}.Select({f}).LastOrDefault()"),
                    _ => {
                        let i = self.rng.below(4);
                        format!("{q}.Select({f}).ElementAtOrDefault({i})")
                    }
                }
            }
        })
    }

    // -----------------------------------------------------------------------
    // Primitive values from generic code (a hook in `prim`)

    /// An expression of primitive type `p` computed by generic code, or
    /// None.
    pub(super) fn generic_prim(&mut self, p: P, d: u32) -> Option<E> {
        if d == 0 {
            return None;
        }
        let d1 = d - 1;
        let own = if matches!(p, I4 | Bool) { 12 } else { 0 };
        let s = match self.rng.weighted(&[8, 3, 3, 3, 3, 3, own]) {
            0 => self.gproject(&Prim(p))?,
            1 => self.gcall(&Prim(p), d)?,
            2 => {
                let e = self.prim(p, d1).s;
                match self.rng.below(4) {
                    0 => format!("G.Id<{}>({e})", p.cs()),
                    1 if self.fcx.pure => format!("G.Vl<{}>({e}, 1).Get()", p.cs()),
                    1 => format!("new Cell<{}>({e}).Get()", p.cs()),
                    2 => format!("(({})(object){})", p.cs(), paren(&e)),
                    _ if self.fcx.pure => format!("((IGet<{0}>)G.Vl<{0}>({e}, 0)).Get()", p.cs()),
                    _ => format!("((IGet<{0}>)new Val<{0}>({e}, 0)).Get()", p.cs()),
                }
            }
            3 => {
                let n = self.gval(&Nul(bx(Prim(p))), d1);
                match self.rng.below(3) {
                    0 => {
                        let e = self.prim(p, d1).s;
                        format!("({} ?? {e})", paren(&n))
                    }
                    1 => format!("{}.GetValueOrDefault()", paren(&n)),
                    _ if p == Bool => format!("{}.HasValue", paren(&n)),
                    _ => {
                        let e = self.prim(p, d1).s;
                        format!("{}.GetValueOrDefault({e})", paren(&n))
                    }
                }
            }
            4 => self.linq_scalar(p, d)?,
            5 => self.fn_call(&Prim(p), d)?,
            _ => match p {
                I4 => self.generic_int(d)?,
                Bool => self.generic_bool(d)?,
                _ => return None,
            },
        };
        Some(E::v(s))
    }

    /// A value of a generic type that may be any type in scope.
    fn any_gval(&mut self, d: u32) -> (String, GT) {
        let t = self.rand_gt(1);
        let t = if matches!(t, Func(..)) { Prim(I4) } else { t };
        let v = self.gval(&t, d);
        (v, t)
    }

    fn generic_int(&mut self, d: u32) -> Option<String> {
        let d1 = d - 1;
        let pure = self.fcx.pure;
        Some(match self.rng.below(8) {
            // Pure code: no CompareTo on a maybe-null receiver, no Cell
            // statics (static constructor), no mutation.
            2 | 3 | 6 if pure => return None,
            0 => {
                let (v, _) = self.any_gval(d1);
                format!("G.Sh({v}).Length")
            }
            1 => {
                let k = self.rand_key(1);
                let (a, b) = (self.gval(&k, d1), self.gval(&k, d1));
                if self.rng.pct(50) || pure {
                    format!("G.Cmp({a}, {b})")
                } else {
                    format!("Math.Sign({}.CompareTo({b}))", paren(&a))
                }
            }
            2 => {
                let t = self.rand_gt(1);
                if matches!(t, Func(..)) || depth(&t) > 2 {
                    return None;
                }
                let w = self.rng.pick(&["Cell", "Val"]);
                format!("{w}<{}>.made", self.gcs(&t))
            }
            3 => {
                // Bump: a mutating call, through a constraint when on `T`.
                let vs: Vec<String> = self
                    .gs
                    .vars
                    .iter()
                    .filter(|v| !self.fcx.in_lambda || v.capturable)
                    .filter(|v| self.satisfies(&v.ty, Cons::Show, false, false))
                    .map(|v| v.name.clone())
                    .collect();
                if vs.is_empty() {
                    let s = self.gval(&Sv, d1);
                    return Some(format!("{}.Bump()", paren(&s)));
                }
                format!("{}.Bump()", self.rng.pick(&vs))
            }
            4 => {
                let t = self.rand_gt(1);
                if !self.eq_safe(&t) || matches!(t, Func(..)) {
                    return None;
                }
                let l = self.gval(&List(bx(t.clone())), d1);
                let v = self.gval(&t, d1);
                if self.rng.pct(50) {
                    format!("{}.IndexOf({v})", paren(&l))
                } else {
                    let a = self.gval(&Arr(bx(t.clone())), d1);
                    format!("Array.IndexOf({a}, {v})")
                }
            }
            5 => {
                let t = self.rand_gt(1);
                if matches!(t, Func(..)) {
                    return None;
                }
                let l = self.gval(&List(bx(t.clone())), d1);
                let f = self.elem_lambda(&t, &Prim(Bool))?;
                let m = self.rng.pick(&["FindIndex", "FindLastIndex", "RemoveAll"]);
                format!("{}.{m}({f})", paren(&l))
            }
            6 => {
                // Contravariance: `ISink<X>.Put` on a Cell of a supertype.
                let x = self.rand_gt(1);
                let s = self.gval(&ISink(bx(x.clone())), d1);
                let a = self.gval(&x, d1);
                format!("{}.Put({a})", paren(&s))
            }
            _ => {
                let (q, _, c) = self.linq_chain(None, d1)?;
                self.charge(c);
                format!("G.ShSeq({q}).Length")
            }
        })
    }

    fn generic_bool(&mut self, d: u32) -> Option<String> {
        let d1 = d - 1;
        Some(match self.rng.below(6) {
            0 => {
                let t = self.rand_gt(1);
                if !self.eq_safe(&t) || matches!(t, Func(..)) {
                    return None;
                }
                let (a, b) = (self.gval(&t, d1), self.gval(&t, d1));
                if self.rng.pct(50) {
                    format!("G.Eq({a}, {b})")
                } else {
                    format!(
                        "EqualityComparer<{}>.Default.Equals({a}, {b})",
                        self.gcs(&t)
                    )
                }
            }
            1 => {
                let t = self.rand_gt(1);
                if !self.eq_safe(&t) || matches!(t, Func(..)) {
                    return None;
                }
                let l = self.gval(&List(bx(t.clone())), d1);
                let v = self.gval(&t, d1);
                format!("{}.Contains({v})", paren(&l))
            }
            2 | 3 => {
                // Runtime type tests, against variant interfaces too.
                let (v, _) = self.any_gval(d1);
                let u = self.rand_gt(1);
                let target = match self.rng.below(6) {
                    0 => format!("IGet<{}>", self.gcs(&u)),
                    1 => format!("ISink<{}>", self.gcs(&u)),
                    2 => format!("IEnumerable<{}>", self.gcs(&u)),
                    3 => "IShow".to_string(),
                    4 => self
                        .rng
                        .pick(&["A1", "A2", "IComparable<A0>", "IVisit"])
                        .to_string(),
                    _ => {
                        if matches!(u, Func(..)) {
                            return None;
                        }
                        self.gcs(&u)
                    }
                };
                format!("((object){} is {target})", paren(&v))
            }
            4 => {
                let x = self.rand_gt(1);
                if matches!(x, Func(..)) {
                    return None;
                }
                let l = self.gval(&List(bx(x.clone())), d1);
                let f = self.elem_lambda(&x, &Prim(Bool))?;
                let m = self.rng.pick(&["Exists", "TrueForAll"]);
                format!("{}.{m}({f})", paren(&l))
            }
            _ => {
                let k = self.rand_key(1);
                let (a, b) = (self.gval(&k, d1), self.gval(&k, d1));
                let op = self.rng.pick(&["<", "<=", ">", ">=", "=="]);
                format!("(G.Cmp({a}, {b}) {op} 0)")
            }
        })
    }

    // -----------------------------------------------------------------------
    // Strings to print

    /// A string expression to print (any text; never compared).
    fn gshow(&mut self, d: u32) -> String {
        let d1 = d.saturating_sub(1);
        match self.rng.weighted(&[14, 3, 3, 3, 2, 3, 4, 2]) {
            0 => {
                let (v, _) = self.any_gval(d1);
                format!("G.Sh({v})")
            }
            1 => {
                // Generic virtual methods.
                let a = self.gval(&A0, d1);
                let (x, xt) = self.any_gval(d1);
                if self.rng.pct(50) {
                    format!("{}.Visit<{}>({x})", paren(&a), self.gcs(&xt))
                } else {
                    let (y, yt) = self.any_gval(d1);
                    format!(
                        "{}.Gv<{}, {}>({x}, {y})",
                        paren(&a),
                        self.gcs(&xt),
                        self.gcs(&yt)
                    )
                }
            }
            2 => {
                // The generic interface method, on a class or a struct.
                let r = if self.rng.pct(50) {
                    self.gval(&A0, d1)
                } else {
                    self.gval(&Sv, d1)
                };
                let (x, xt) = self.any_gval(d1);
                let targs = if self.rng.pct(50) {
                    format!("<{}>", self.gcs(&xt))
                } else {
                    String::new()
                };
                format!("((IVisit){}).Visit{targs}({x})", paren(&r))
            }
            3 => {
                let t = self.rand_gt(1);
                let c = self.gval(&Cell(bx(t)), d1);
                format!("G.NN({c}).Show()")
            }
            4 => {
                let t = self.rand_gt(2);
                format!("G.Tn<{}>()", self.gcs(&t))
            }
            5 => {
                let vs: Vec<GVar> = self
                    .gs
                    .vars
                    .iter()
                    .filter(|v| !self.fcx.in_lambda || v.capturable)
                    .filter(|v| self.satisfies(&v.ty, Cons::Show, false, false))
                    .cloned()
                    .collect();
                if vs.is_empty() {
                    let s = self.gval(&Sv, d1);
                    return format!("{}.Show()", paren(&s));
                }
                let v = self.rng.pick(&vs);
                let (x, xt) = self.any_gval(d1);
                match self.rng.below(3) {
                    0 => format!("{}.Show()", v.name),
                    1 => format!("{}.Visit<{}>({x})", v.name, self.gcs(&xt)),
                    _ => format!("{}.Visit({x})", v.name),
                }
            }
            6 => match self.linq_chain(None, d1) {
                Some((q, x, c)) => {
                    self.charge(c);
                    if self.rng.pct(50) {
                        format!("G.ShSeq({q})")
                    } else {
                        let f = self.fresh("z");
                        let _ = x;
                        format!("string.Join(\",\", {}.Select({f} => G.Sh({f})))", paren(&q))
                    }
                }
                None => "\"-\"".to_string(),
            },
            _ => {
                let vs: Vec<GVar> = self
                    .gs
                    .vars
                    .iter()
                    .filter(|v| !self.fcx.in_lambda || v.capturable)
                    .filter(|v| matches!(v.ty, Tp(i) if self.gs.tparams[i].cons == Cons::Base))
                    .cloned()
                    .collect();
                if vs.is_empty() {
                    let a = self.gval(&A0, d1);
                    return format!("{}.Who()", paren(&a));
                }
                let v = self.rng.pick(&vs);
                let (x, xt) = self.any_gval(d1);
                let (y, yt) = self.any_gval(d1);
                format!(
                    "{}.Who() + {}.Gv<{}, {}>({x}, {y})",
                    v.name,
                    v.name,
                    self.gcs(&xt),
                    self.gcs(&yt)
                )
            }
        }
    }
}

// ---------------------------------------------------------------------------
// Statements

impl Gen {
    /// One statement of generic code.
    pub(super) fn gen_stmt(&mut self, out: &mut Vec<String>, ind: usize) {
        let struct_owner = matches!(self.fcx.owner, Owner::Struct(_));
        let has_tp = !self.gs.tparams.is_empty();
        let w = [
            14,                               // declaration
            8,                                // assignment
            14,                               // print
            8,                                // list and array changes
            5,                                // foreach
            if struct_owner { 0 } else { 8 }, // query
            if struct_owner { 0 } else { 6 }, // collection block
            4,                                // nullable
            if struct_owner { 0 } else { 5 }, // delegates
            if has_tp { 6 } else { 2 },       // constrained calls
            3,                                // statics per instantiation
            if struct_owner { 0 } else { 3 }, // sorting
        ];
        match self.rng.weighted(&w) {
            0 => self.gdecl_stmt(out, ind),
            1 => {
                if let Some((p, t)) = self.gplace() {
                    let v = self.gval(&t, 2);
                    line(out, ind, format!("{p} = {v};"));
                }
            }
            2 => {
                let tag = self.tag();
                let s = self.gshow(3);
                line(out, ind, format!("Console.WriteLine(\"{tag} \" + {s});"));
            }
            3 => self.glist_stmt(out, ind),
            4 => self.gforeach_stmt(out, ind),
            5 => self.gquery_stmt(out, ind),
            6 => self.gcoll_stmt(out, ind),
            7 => self.gnullable_stmt(out, ind),
            8 => self.gdelegate_stmt(out, ind),
            9 => self.gconstrained_stmt(out, ind),
            10 => {
                let t = self.rand_gt(1);
                if matches!(t, Func(..)) || depth(&t) > 2 {
                    return;
                }
                let ts = self.gcs(&t);
                let v = self.gval(&t, 2);
                let tag = self.tag();
                line(out, ind, format!("Cell<{ts}>.last = {v};"));
                line(
                    out,
                    ind,
                    format!("Console.WriteLine(\"{tag} \" + Cell<{ts}>.made + \" \" + Val<{ts}>.made + \" \" + G.Sh(Cell<{ts}>.last));"),
                );
            }
            _ => self.gsort_stmt(out, ind),
        }
    }

    fn gdecl_stmt(&mut self, out: &mut Vec<String>, ind: usize) {
        let t = match self.rng.below(12) {
            0 if !matches!(self.fcx.owner, Owner::Struct(_)) => {
                let x = self.rand_gt(1);
                Seq(bx(x))
            }
            1 => {
                let x = self.rand_gt(1);
                IGet(bx(x))
            }
            2 => {
                let x = self.rand_gt(1);
                ISink(bx(x))
            }
            3 if !matches!(self.fcx.owner, Owner::Struct(_)) => {
                let a = self.rand_gt(1);
                let r = self.rand_gt(1);
                if matches!(a, Func(..)) || matches!(r, Func(..)) {
                    return;
                }
                Func(vec![a], bx(r))
            }
            _ => self.rand_gt(2),
        };
        let name = self.fresh("gv");
        let (v, cost) = match &t {
            Func(ps, r) => match self.glambda(ps, r, 60, false) {
                Some(x) => x,
                None => return,
            },
            Seq(x) => match self.linq_chain(Some(x), 2) {
                Some((q, _, c)) => (q, c),
                None => return,
            },
            _ => (self.gval(&t, 3), 0),
        };
        line(out, ind, format!("{} {name} = {v};", self.gcs(&t)));
        self.add_gvar(&name, t, true, true, cost);
    }

    fn glist_stmt(&mut self, out: &mut Vec<String>, ind: usize) {
        let in_lambda = self.fcx.in_lambda;
        let lists: Vec<GVar> = self
            .gs
            .vars
            .iter()
            .filter(|v| (!in_lambda || v.capturable) && matches!(v.ty, List(_) | Arr(_)))
            .filter(|v| v.name != "this.v")
            .cloned()
            .collect();
        if lists.is_empty() {
            self.gdecl_stmt(out, ind);
            return;
        }
        let v = self.rng.pick(&lists);
        let n = &v.name;
        let tag = self.tag();
        match &v.ty {
            List(x) => {
                let x = (**x).clone();
                match self.rng.below(9) {
                    0 | 1 => {
                        let e = self.gval(&x, 2);
                        line(out, ind, format!("{n}.Add({e});"));
                    }
                    2 => {
                        let e = self.gval(&x, 2);
                        let i = self.small_int();
                        line(
                            out,
                            ind,
                            format!("{n}.Insert(G.Ix({i}, {n}.Count + 1), {e});"),
                        );
                    }
                    3 => {
                        let i = self.small_int();
                        line(
                            out,
                            ind,
                            format!("if ({n}.Count > 0) {n}.RemoveAt(G.Ix({i}, {n}.Count));"),
                        );
                    }
                    4 => {
                        let a = self.gval(&Arr(bx(x.clone())), 1);
                        line(out, ind, format!("{n}.AddRange({a});"));
                    }
                    5 => line(out, ind, format!("{n}.Reverse();")),
                    6 if self.eq_safe(&x) => {
                        let e = self.gval(&x, 2);
                        line(out, ind, format!("Console.WriteLine(\"{tag} \" + {n}.Remove({e}) + \" \" + {n}.Count);"));
                    }
                    7 => {
                        if let Some(f) = self.elem_lambda(&x, &Prim(Bool)) {
                            line(out, ind, format!("Console.WriteLine(\"{tag} \" + {n}.RemoveAll({f}) + \" \" + G.Sh({n}));"));
                        }
                    }
                    _ => {
                        let u = self.rand_gt(1);
                        if matches!(u, Func(..)) {
                            return;
                        }
                        if let Some(f) = self.elem_lambda(&x, &u) {
                            line(out, ind, format!("Console.WriteLine(\"{tag} \" + G.Sh({n}.ConvertAll({f})) + \" \" + G.Sh({n}.Find({})));", self.elem_lambda(&x, &Prim(Bool)).unwrap_or_else(|| "null".to_string())));
                        }
                    }
                }
            }
            Arr(x) => {
                let x = (**x).clone();
                match self.rng.below(4) {
                    0 => {
                        let e = self.gval(&x, 2);
                        line(
                            out,
                            ind,
                            format!(
                                "if ({n}.Length > 0) {n}[G.Ix({}, {n}.Length)] = {e};",
                                self.small_int()
                            ),
                        );
                    }
                    1 => line(out, ind, format!("Array.Reverse({n});")),
                    2 if v.writable => {
                        let k = self.rng.range(0, 6);
                        line(out, ind, format!("Array.Resize(ref {n}, {k});"));
                    }
                    _ => {
                        let u = self.rand_gt(1);
                        if matches!(u, Func(..)) {
                            return;
                        }
                        if let Some(f) = self.elem_lambda(&x, &u) {
                            line(out, ind, format!("Console.WriteLine(\"{tag} \" + G.Sh(Array.ConvertAll({n}, {f})) + \" \" + Array.FindIndex({n}, {}));", self.elem_lambda(&x, &Prim(Bool)).unwrap_or_else(|| "G.No".to_string())));
                        }
                    }
                }
            }
            _ => {}
        }
    }

    fn gforeach_stmt(&mut self, out: &mut Vec<String>, ind: usize) {
        if self.fcx.loop_depth >= 2 || self.fcx.nest >= 4 || !self.charge(SIZE) {
            return;
        }
        let (src, x) = self.seq_source(None, 2);
        let saved = (
            self.fcx.mult,
            self.fcx.loop_depth,
            self.fcx.break_ok,
            self.fcx.continue_ok,
        );
        let e = self.fresh("fe");
        line(out, ind, format!("foreach ({} {e} in {src})", self.gcs(&x)));
        self.fcx.mult = self.fcx.mult.saturating_mul(SIZE / 2);
        self.fcx.loop_depth += 1;
        self.fcx.break_ok = true;
        self.fcx.continue_ok = true;
        self.push_scope();
        self.add_gvar(&e, x.clone(), false, true, 0);
        line(out, ind, "{");
        let tag = self.tag();
        let s = self.gshow(2);
        line(
            out,
            ind + 1,
            format!("Console.WriteLine(\"{tag} \" + G.Sh({e}) + \" \" + {s});"),
        );
        self.fcx.nest += 1;
        let n = self.rng.range(0, 2) as usize;
        self.block_body(out, ind + 1, n);
        self.fcx.nest -= 1;
        line(out, ind, "}");
        self.pop_scope();
        self.fcx.mult = saved.0;
        self.fcx.loop_depth = saved.1;
        self.fcx.break_ok = saved.2;
        self.fcx.continue_ok = saved.3;
    }

    fn gquery_stmt(&mut self, out: &mut Vec<String>, ind: usize) {
        let tag = self.tag();
        let (q, x, c) = match self.linq_chain(None, 3) {
            Some(r) => r,
            None => return,
        };
        if !self.charge(c * 2) {
            return;
        }
        let qv = self.fresh("q");
        line(
            out,
            ind,
            format!("IEnumerable<{}> {qv} = {q};", self.gcs(&x)),
        );
        // Deferred execution: change a source before running the query.
        if self.rng.pct(40) {
            self.glist_stmt(out, ind);
        }
        match self.rng.below(7) {
            0 => line(
                out,
                ind,
                format!("Console.WriteLine(\"{tag} \" + G.ShSeq({qv}));"),
            ),
            1 => line(
                out,
                ind,
                format!(
                    "Console.WriteLine(\"{tag} \" + G.Sh({qv}.ToList()) + \" \" + {qv}.Count());"
                ),
            ),
            2 => {
                // ToDictionary on an index key (unique), printed in key order.
                let v = self.fresh("kv");
                let xs = self.gcs(&x);
                line(out, ind, format!("Dictionary<int, {xs}> {v} = {qv}.Select(({v}e, {v}i) => new KeyValuePair<int, {xs}>({v}i * 3, {v}e)).ToDictionary({v}p => {v}p.Key, {v}p => {v}p.Value);"));
                line(out, ind, format!("Console.WriteLine(\"{tag} \" + {v}.Count + \" \" + string.Join(\";\", {v}.OrderBy({v}p => {v}p.Key).Select({v}p => {v}p.Key + \"=\" + G.Sh({v}p.Value))));"));
            }
            3 => {
                let k = self.rand_key(0);
                if !self.eq_safe(&k) {
                    return;
                }
                if let Some(f) = self.elem_lambda(&x, &k) {
                    let lk = self.fresh("lk");
                    line(
                        out,
                        ind,
                        format!(
                            "ILookup<{}, {}> {lk} = {qv}.ToLookup({f});",
                            self.gcs(&k),
                            self.gcs(&x)
                        ),
                    );
                    line(out, ind, format!("Console.WriteLine(\"{tag} \" + {lk}.Count + \" \" + string.Join(\";\", {lk}.Select({lk}g => G.Sh({lk}g.Key) + \":\" + G.ShSeq({lk}g))));"));
                }
            }
            4 => {
                let m = self.rng.pick(&[
                    "First",
                    "Last",
                    "Single",
                    "FirstOrDefault",
                    "LastOrDefault",
                    "SingleOrDefault",
                ]);
                line(
                    out,
                    ind,
                    format!("Console.WriteLine(\"{tag} \" + G.Sh({qv}.{m}()));"),
                );
            }
            5 => {
                let i = self.rng.below(5);
                line(out, ind, format!("Console.WriteLine(\"{tag} \" + G.Sh({qv}.ElementAt({i})) + \" \" + G.Sh({qv}.ToArray()));"));
            }
            _ => {
                if self.key_ok(&x) {
                    let m = self.rng.pick(&["Min", "Max"]);
                    line(
                        out,
                        ind,
                        format!("Console.WriteLine(\"{tag} \" + G.Sh({qv}.{m}()));"),
                    );
                } else {
                    line(
                        out,
                        ind,
                        format!(
                            "Console.WriteLine(\"{tag} \" + G.Sh({qv}.DefaultIfEmpty().First()));"
                        ),
                    );
                }
            }
        }
        self.add_gvar(&qv, Seq(bx(x)), false, true, c);
    }

    /// A block exercising one collection class: filled in a loop from keys
    /// and values computed from the loop counter, changed, printed in an
    /// order every runtime agrees on.
    fn gcoll_stmt(&mut self, out: &mut Vec<String>, ind: usize) {
        if !self.charge(SIZE * 3) {
            return;
        }
        let tag = self.tag();
        let c = self.fresh("c");
        let i = format!("{c}i");
        let p = format!("{c}p");
        let n = self.rng.range(0, 9) as u64;
        let k = self.rand_key(0);
        let v = self.rand_gt(1);
        let (ks, vs) = (self.gcs(&k), self.gcs(&v));
        let i1 = ind + 1;
        line(out, ind, "{");
        self.fcx.nest += 1;
        // Keys and values from the loop counter.
        let saved_mult = self.fcx.mult;
        self.fcx.mult = self.fcx.mult.saturating_mul(n.max(1));
        self.push_scope();
        self.add_gvar(&i, Prim(I4), false, true, 0);
        let ke = self.gval(&k, 1);
        let ve = self.gval(&v, 1);
        self.pop_scope();
        self.fcx.mult = saved_mult;
        let fill = format!("for (int {i} = 0; {i} < {n}; {i}++)");
        match self.rng.below(8) {
            0 | 1 => {
                let cmp = match &k {
                    Str if self.rng.pct(40) => "StringComparer.Ordinal".to_string(),
                    Prim(I4) if self.rng.pct(40) => {
                        format!("new Low({})", self.rng.pick(&[1, 3, 7, 15]))
                    }
                    _ => String::new(),
                };
                line(
                    out,
                    i1,
                    format!("Dictionary<{ks}, {vs}> {c} = new Dictionary<{ks}, {vs}>({cmp});"),
                );
                line(out, i1, format!("{fill} {c}[{ke}] = {ve};"));
                for _ in 0..self.rng.range(1, 4) {
                    let key = self.gval(&k, 1);
                    match self.rng.below(6) {
                        0 => {
                            let val = self.gval(&v, 1);
                            line(out, i1, format!("if (!{c}.ContainsKey({key})) {c}.Add({key}, {val});"));
                        }
                        1 => line(out, i1, format!("Console.WriteLine(\"{tag} rm \" + {c}.Remove({key}));")),
                        2 => {
                            let tv = self.fresh(&format!("{c}t"));
                            line(out, i1, format!("{vs} {tv} = default({vs});"));
                            line(out, i1, format!("Console.WriteLine(\"{tag} tg \" + {c}.TryGetValue({key}, out {tv}) + \" \" + G.Sh({tv}));"));
                        }
                        3 => {
                            let val = self.gval(&v, 1);
                            line(out, i1, format!("{c}[{key}] = {val};"));
                        }
                        4 if self.eq_safe(&v) => {
                            let val = self.gval(&v, 1);
                            line(out, i1, format!("Console.WriteLine(\"{tag} cv \" + {c}.ContainsValue({val}));"));
                        }
                        _ => line(out, i1, format!("Console.WriteLine(\"{tag} ck \" + {c}.ContainsKey({key}) + \" \" + {c}.Count);")),
                    }
                }
                if self.rng.pct(40) {
                    // Order-independent: the checksum of each entry is added.
                    line(out, i1, format!("long {c}s = 0;"));
                    line(out, i1, format!("foreach (KeyValuePair<{ks}, {vs}> {p} in {c}) {c}s += (G.Sh({p}.Key) + G.Sh({p}.Value)).Length;"));
                    line(out, i1, format!("G.MixI({c}s);"));
                }
                line(out, i1, format!("Console.WriteLine(\"{tag} \" + {c}.Count + \" \" + string.Join(\",\", {c}.OrderBy({p} => {p}.Key).Select({p} => G.Sh({p}.Key) + \"=\" + G.Sh({p}.Value))) + \" \" + G.ShSeq({c}.Keys.OrderBy({p} => {p})));"));
            }
            2 => {
                line(out, i1, format!("HashSet<{ks}> {c} = new HashSet<{ks}>();"));
                line(out, i1, format!("{fill} G.MixB({c}.Add({ke}));"));
                for _ in 0..self.rng.range(1, 4) {
                    let m = self.rng.pick(&[
                        "UnionWith",
                        "IntersectWith",
                        "ExceptWith",
                        "SymmetricExceptWith",
                        "Add",
                        "Remove",
                        "Contains",
                        "SetEquals",
                        "IsSubsetOf",
                        "IsSupersetOf",
                        "Overlaps",
                    ]);
                    match m {
                        "Add" | "Remove" | "Contains" => {
                            let key = self.gval(&k, 1);
                            line(
                                out,
                                i1,
                                format!("Console.WriteLine(\"{tag} {m} \" + {c}.{m}({key}));"),
                            )
                        }
                        "SetEquals" | "IsSubsetOf" | "IsSupersetOf" | "Overlaps" => {
                            let o = self.gval(&Arr(bx(k.clone())), 1);
                            line(
                                out,
                                i1,
                                format!("Console.WriteLine(\"{tag} {m} \" + {c}.{m}({o}));"),
                            )
                        }
                        _ => {
                            let o = self.gval(&Arr(bx(k.clone())), 1);
                            line(out, i1, format!("{c}.{m}({o});"))
                        }
                    }
                }
                line(out, i1, format!("Console.WriteLine(\"{tag} \" + {c}.Count + \" \" + G.ShSeq({c}.OrderBy({p} => {p})));"));
            }
            3 => {
                let sorted = self.rng.pick(&["SortedDictionary", "SortedList"]);
                let cmp = if self.rng.pct(30) {
                    format!("new Rev<{ks}>()")
                } else {
                    String::new()
                };
                line(
                    out,
                    i1,
                    format!("{sorted}<{ks}, {vs}> {c} = new {sorted}<{ks}, {vs}>({cmp});"),
                );
                line(out, i1, format!("{fill} {c}[{ke}] = {ve};"));
                let key = self.gval(&k, 1);
                line(
                    out,
                    i1,
                    format!("Console.WriteLine(\"{tag} rm \" + {c}.Remove({key}));"),
                );
                line(out, i1, format!("Console.WriteLine(\"{tag} \" + {c}.Count + \" \" + string.Join(\",\", {c}.Select({p} => G.Sh({p}.Key) + \"=\" + G.Sh({p}.Value))) + \" \" + G.ShSeq({c}.Values));"));
            }
            4 => {
                let cmp = if self.rng.pct(30) {
                    format!("new Rev<{ks}>()")
                } else {
                    String::new()
                };
                line(
                    out,
                    i1,
                    format!("SortedSet<{ks}> {c} = new SortedSet<{ks}>({cmp});"),
                );
                line(out, i1, format!("{fill} G.MixB({c}.Add({ke}));"));
                let key = self.gval(&k, 1);
                line(out, i1, format!("Console.WriteLine(\"{tag} \" + {c}.Remove({key}) + \" \" + {c}.Count + \" \" + G.ShSeq({c}) + \" \" + ({c}.Count > 0 ? G.Sh({c}.Min) + G.Sh({c}.Max) : \"\"));"));
            }
            5 => {
                let (cls, add, take) = if self.rng.pct(50) {
                    ("Queue", "Enqueue", "Dequeue")
                } else {
                    ("Stack", "Push", "Pop")
                };
                line(out, i1, format!("{cls}<{vs}> {c} = new {cls}<{vs}>();"));
                line(out, i1, format!("{fill} {c}.{add}({ve});"));
                for _ in 0..self.rng.range(1, 4) {
                    match self.rng.below(4) {
                        0 => line(out, i1, format!("if ({c}.Count > 0) Console.WriteLine(\"{tag} take \" + G.Sh({c}.{take}()));")),
                        1 => line(out, i1, format!("if ({c}.Count > 0) Console.WriteLine(\"{tag} peek \" + G.Sh({c}.Peek()));")),
                        2 => {
                            let val = self.gval(&v, 1);
                            line(out, i1, format!("{c}.{add}({val});"));
                        }
                        _ => line(out, i1, format!("Console.WriteLine(\"{tag} arr \" + G.Sh({c}.ToArray()));")),
                    }
                }
                line(
                    out,
                    i1,
                    format!("Console.WriteLine(\"{tag} \" + {c}.Count + \" \" + G.ShSeq({c}));"),
                );
            }
            6 => {
                line(
                    out,
                    i1,
                    format!("LinkedList<{vs}> {c} = new LinkedList<{vs}>();"),
                );
                let m = self.rng.pick(&["AddFirst", "AddLast"]);
                line(out, i1, format!("{fill} {c}.{m}({ve});"));
                if self.rng.pct(50) {
                    line(out, i1, format!("if ({c}.Count > 1) {{ {c}.RemoveFirst(); {c}.AddAfter({c}.First, {c}.Last.Value); }}"));
                }
                line(out, i1, format!("Console.WriteLine(\"{tag} \" + {c}.Count + \" \" + G.ShSeq({c}) + \" \" + ({c}.First == null ? \"-\" : G.Sh({c}.First.Value)));"));
            }
            _ => {
                // Key-value pairs grouped in key order.
                line(out, i1, format!("List<KeyValuePair<{ks}, {vs}>> {c} = new List<KeyValuePair<{ks}, {vs}>>();"));
                line(
                    out,
                    i1,
                    format!("{fill} {c}.Add(new KeyValuePair<{ks}, {vs}>({ke}, {ve}));"),
                );
                line(out, i1, format!("Console.WriteLine(\"{tag} \" + string.Join(\";\", {c}.GroupBy({p} => {p}.Key).OrderBy({p}g => {p}g.Key).Select({p}g => G.Sh({p}g.Key) + \":\" + {p}g.Count() + \":\" + G.ShSeq({p}g.Select({p} => {p}.Value)))));"));
            }
        }
        self.fcx.nest -= 1;
        line(out, ind, "}");
    }

    fn gnullable_stmt(&mut self, out: &mut Vec<String>, ind: usize) {
        let tag = self.tag();
        let x = self.rand_nullable_base(1);
        let xs = self.gcs(&x);
        let n = self.fresh("nv");
        let v = self.gval(&Nul(bx(x.clone())), 3);
        line(out, ind, format!("{xs}? {n} = {v};"));
        let o = self.fresh("no");
        line(out, ind, format!("object {o} = {n};"));
        let alt = self.gval(&x, 1);
        line(
            out,
            ind,
            format!("Console.WriteLine(\"{tag} \" + {n}.HasValue + \" \" + G.Sh({n}) + \" \" + ({o} == null) + \" \" + G.Sh({n} ?? {alt}) + \" \" + G.Sh(({xs}?){o}) + \" \" + G.Sh({o} as {xs}?));"),
        );
        if self.rng.pct(30) {
            line(
                out,
                ind,
                format!("Console.WriteLine(\"{tag} v \" + G.Sh({n}.Value));"),
            );
        }
        self.add_gvar(&n, Nul(bx(x)), true, true, 0);
    }

    fn gdelegate_stmt(&mut self, out: &mut Vec<String>, ind: usize) {
        let tag = self.tag();
        match self.rng.below(5) {
            0 => {
                // A delegate over a generic method, explicit or inferred.
                let t = self.rand_gt(1);
                if matches!(t, Func(..)) {
                    return;
                }
                let ts = self.gcs(&t);
                let f = self.fresh("fd");
                let rhs = self.rng.pick(&["G.Id", "G.Id<{}>"]).replace("{}", &ts);
                line(out, ind, format!("Func<{ts}, {ts}> {f} = {rhs};"));
                let v = self.gval(&t, 2);
                line(
                    out,
                    ind,
                    format!("Console.WriteLine(\"{tag} \" + G.Sh({f}({v})));"),
                );
                self.add_gvar(&f, Func(vec![t.clone()], bx(t)), true, true, 1);
            }
            1 => {
                // Variance of Func: Func<object, string> as Func<string, object>.
                let f = self.fresh("fv");
                let t = self.sub_of(&Obj);
                let ts = self.gcs(&t);
                line(
                    out,
                    ind,
                    format!("Func<object, string> {f} = G.Sh<object>;"),
                );
                line(out, ind, format!("Func<{ts}, object> {f}2 = {f};"));
                let v = self.gval(&t, 2);
                line(out, ind, format!("Console.WriteLine(\"{tag} \" + {f}2({v}) + \" \" + ({f}2 is Func<{ts}, object>));"));
            }
            2 => {
                // Action closing over a generic local.
                let t = self.rand_gt(1);
                if matches!(t, Func(..)) {
                    return;
                }
                let ts = self.gcs(&t);
                let acc = self.fresh("ac");
                let init = self.gval(&List(bx(t.clone())), 1);
                line(out, ind, format!("List<{ts}> {acc} = {init};"));
                let a = self.fresh("ad");
                line(out, ind, format!("Action<{ts}> {a} = {acc}.Add;"));
                line(out, ind, format!("{a} += {a}x => {acc}.Insert(0, {a}x);"));
                let v = self.gval(&t, 2);
                line(out, ind, format!("{a}({v});"));
                line(
                    out,
                    ind,
                    format!("Console.WriteLine(\"{tag} \" + G.Sh({acc}));"),
                );
                self.add_gvar(&acc, List(bx(t)), true, true, 0);
            }
            3 => {
                // Predicate, Comparison and Converter.
                let t = self.rand_gt(1);
                if matches!(t, Func(..)) {
                    return;
                }
                let ts = self.gcs(&t);
                let l = self.gval(&List(bx(t.clone())), 2);
                let lv = self.fresh("pl");
                line(out, ind, format!("List<{ts}> {lv} = {l};"));
                if let Some(p) = self.elem_lambda(&t, &Prim(Bool)) {
                    line(out, ind, format!("Predicate<{ts}> {lv}p = {p};"));
                    line(out, ind, format!("Console.WriteLine(\"{tag} \" + G.Sh({lv}.FindAll({lv}p)) + \" \" + {lv}.Exists({lv}p) + \" \" + G.Sh({lv}.FindLast({lv}p)));"));
                }
                let u = self.rand_gt(1);
                if !matches!(u, Func(..)) {
                    if let Some(f) = self.elem_lambda(&t, &u) {
                        line(
                            out,
                            ind,
                            format!("Converter<{ts}, {}> {lv}c = {f};", self.gcs(&u)),
                        );
                        line(
                            out,
                            ind,
                            format!(
                                "Console.WriteLine(\"{tag} c \" + G.Sh({lv}.ConvertAll({lv}c)));"
                            ),
                        );
                    }
                }
                self.add_gvar(&lv, List(bx(t)), true, true, 0);
            }
            _ => {
                // A lambda closing over generic locals, changed after.
                let vars: Vec<GVar> = self
                    .gs
                    .vars
                    .iter()
                    .filter(|v| v.writable && v.capturable && !matches!(v.ty, Func(..) | Seq(_)))
                    .filter(|v| !v.name.starts_with("this"))
                    .cloned()
                    .collect();
                if vars.is_empty() {
                    self.gdecl_stmt(out, ind);
                    return;
                }
                let v = self.rng.pick(&vars);
                let f = self.fresh("cf");
                let ts = self.gcs(&v.ty);
                line(
                    out,
                    ind,
                    format!("Func<string> {f} = () => G.Sh({});", v.name),
                );
                let nv = self.gval(&v.ty, 2);
                line(out, ind, format!("string {f}a = {f}();"));
                line(out, ind, format!("{} = {nv};", v.name));
                line(out, ind, format!("Console.WriteLine(\"{tag} \" + {f}a + \" \" + {f}() + \" \" + G.Tn<{ts}>());"));
            }
        }
    }

    fn gconstrained_stmt(&mut self, out: &mut Vec<String>, ind: usize) {
        let tag = self.tag();
        let in_lambda = self.fcx.in_lambda;
        let vars: Vec<GVar> = self
            .gs
            .vars
            .iter()
            .filter(|v| !in_lambda || v.capturable)
            .filter(|v| matches!(v.ty, Tp(_) | A0 | Sv))
            .cloned()
            .collect();
        if vars.is_empty() {
            let s = self.gshow(2);
            line(out, ind, format!("Console.WriteLine(\"{tag} \" + {s});"));
            return;
        }
        let v = self.rng.pick(&vars);
        let n = &v.name;
        let t = v.ty.clone();
        let ts = self.gcs(&t);
        let mut parts = vec![format!("G.Sh({n})")];
        if self.satisfies(&t, Cons::Show, false, false) {
            // Mutations through a constraint (a struct `T` changes in place)
            // and through a boxed copy (it does not).
            parts.push(format!("{n}.Bump()"));
            parts.push(format!("((IShow){n}).Bump()"));
            parts.push(format!("{n}.Show()"));
            let (x, xt) = self.any_gval(1);
            parts.push(format!("{n}.Visit<{}>({x})", self.gcs(&xt)));
        }
        if self.satisfies(&t, Cons::Cmp, false, false) {
            let o = self.gval(&t, 1);
            parts.push(format!("Math.Sign({n}.CompareTo({o}))"));
            parts.push(format!("G.Sh(G.Max({n}, {o}))"));
        }
        if self.satisfies(&t, Cons::Base, false, false) {
            parts.push(format!("{n}.Who()"));
            parts.push(format!("({n}.n += 2)"));
        }
        if self.is_value(&t) == Some(false) {
            let o = self.gval(&t, 1);
            parts.push(format!("G.Sh({n} ?? {o})"));
            parts.push(format!("({n} == null)"));
            parts.push(format!("G.Sh((object){n} as {ts})"));
        }
        if self.satisfies(&t, Cons::Struct, false, false) {
            parts.push(format!("G.Sh(({ts}?){n})"));
            parts.push(format!("G.Sh(G.Unbox<{ts}>((object){n}))"));
        }
        if self.eq_safe(&t) {
            let o = self.gval(&t, 1);
            parts.push(format!("G.Eq({n}, {o})"));
        }
        parts.push(format!("G.Tn<{ts}>()"));
        parts.push(format!("(({}){n}).GetType().Name", "object"));
        let k = self.rng.range(1, 4) as usize;
        let mut chosen = Vec::new();
        for _ in 0..k {
            chosen.push(self.rng.pick(&parts));
        }
        // The shown value must not be null for GetType.
        let chosen: Vec<String> = chosen
            .into_iter()
            .map(|p| {
                if p.ends_with(".GetType().Name") {
                    format!("((object){n} == null ? \"null\" : {p})")
                } else {
                    p
                }
            })
            .collect();
        line(
            out,
            ind,
            format!(
                "Console.WriteLine(\"{tag} \" + {});",
                chosen.join(" + \" \" + ")
            ),
        );
        if v.writable && self.satisfies(&t, Cons::Show, false, false) && self.rng.pct(40) {
            line(out, ind, format!("G.Swap(ref {n}, ref {n});"));
        }
    }

    fn gsort_stmt(&mut self, out: &mut Vec<String>, ind: usize) {
        let tag = self.tag();
        let t = {
            let mut t = Prim(I4);
            for _ in 0..6 {
                let c = self.rand_gt(0);
                if self.sortable(&c) {
                    t = c;
                    break;
                }
            }
            t
        };
        let ts = self.gcs(&t);
        let l = self.fresh("sl");
        let init = self.gval(&List(bx(t.clone())), 2);
        line(out, ind, format!("List<{ts}> {l} = {init};"));
        if self.rng.pct(50) {
            let more = self.gval(&Arr(bx(t.clone())), 1);
            line(out, ind, format!("{l}.AddRange({more});"));
        }
        // The comparer a binary search may use afterwards (None: the list
        // is not in that order).
        let order = match self.rng.below(6) {
            0 => {
                line(out, ind, format!("{l}.Sort();"));
                Some(format!("Comparer<{ts}>.Default"))
            }
            1 => {
                line(out, ind, format!("{l}.Sort(new Rev<{ts}>());"));
                Some(format!("new Rev<{ts}>()"))
            }
            2 => {
                line(
                    out,
                    ind,
                    format!("{l}.Sort(({l}x, {l}y) => G.Cmp({l}y, {l}x));"),
                );
                None
            }
            3 => {
                line(out, ind, format!("{l}.Sort(Comparer<{ts}>.Default);"));
                Some(format!("Comparer<{ts}>.Default"))
            }
            4 => {
                line(out, ind, format!("{ts}[] {l}a = {l}.ToArray();"));
                line(out, ind, format!("Array.Sort({l}a);"));
                line(out, ind, format!("{l} = new List<{ts}>({l}a);"));
                Some(format!("Comparer<{ts}>.Default"))
            }
            _ => {
                // Distinct keys sort their items (no ties).
                line(out, ind, format!("{ts}[] {l}k = {l}.Distinct().ToArray();"));
                line(out, ind, format!("int[] {l}i = new int[{l}k.Length];"));
                line(
                    out,
                    ind,
                    format!(
                        "for (int {l}j = 0; {l}j < {l}i.Length; {l}j++) {l}i[{l}j] = {l}j * 7;"
                    ),
                );
                line(out, ind, format!("Array.Sort({l}k, {l}i);"));
                line(
                    out,
                    ind,
                    format!("Console.WriteLine(\"{tag} ki \" + G.Sh({l}k) + \" \" + G.Sh({l}i));"),
                );
                line(out, ind, format!("{l} = new List<{ts}>({l}k);"));
                Some(format!("Comparer<{ts}>.Default"))
            }
        };
        let v = self.gval(&t, 1);
        let search = match order {
            // Over distinct elements the index found is the only one.
            Some(c) => format!(" + \" \" + {l}.Distinct().ToList().BinarySearch({v}, {c})"),
            None => String::new(),
        };
        line(
            out,
            ind,
            format!("Console.WriteLine(\"{tag} \" + G.Sh({l}){search});"),
        );
    }
}

// ---------------------------------------------------------------------------
// Program text

impl Gen {
    /// The generic declarations (top level).
    pub(super) fn generic_types(&self, o: &mut Vec<String>) {
        for l in [
            "",
            "public interface IGet<out T> { T Get(); }",
            "public interface ISink<in T> { int Put(T x); }",
            "public interface IVisit { string Visit<U>(U x); }",
            "public interface IShow : IVisit { string Show(); int Bump(); }",
            "",
            "public class A0 : IShow, IComparable<A0>",
            "{",
            "    public int n;",
            "    public A0(int n) { this.n = n; }",
            "    public virtual string Who() { return \"A0:\" + n; }",
            "    public string Show() { return Who(); }",
            "    public int Bump() { return ++n; }",
            "    public virtual string Visit<U>(U x) { return \"A0.Visit<\" + G.Tn<U>() + \">(\" + G.Sh(x) + \")\"; }",
            "    public virtual string Gv<U, W>(U x, W y) { return \"A0.Gv<\" + G.Tn<U>() + \",\" + G.Tn<W>() + \">\" + G.Sh(x) + \"|\" + G.Sh(y); }",
            "    public int CompareTo(A0 o) { return o == null ? 1 : n.CompareTo(o.n); }",
            "    public override string ToString() { return Who(); }",
            "}",
            "public class A1 : A0",
            "{",
            "    public A1(int n) : base(n) { }",
            "    public override string Who() { return \"A1:\" + n; }",
            "    public override string Visit<U>(U x) { return \"A1+\" + base.Visit<U>(x) + G.Sh(new Cell<U>(x)); }",
            "}",
            "public class A2 : A1",
            "{",
            "    public A2(int n) : base(n) { }",
            "    public override string Gv<U, W>(U x, W y) { List<W> l = new List<W>(); l.Add(y); return \"A2.Gv \" + G.Sh(l) + base.Gv<W, U>(y, x); }",
            "}",
            "",
            "public struct SV : IShow, IComparable<SV>, IEquatable<SV>",
            "{",
            "    public int n;",
            "    public string s;",
            "    public SV(int n, string s) { this.n = n; this.s = s; }",
            "    public string Show() { return \"SV:\" + n + \":\" + (s ?? \"null\"); }",
            "    public int Bump() { n += 3; return n; }",
            "    public string Visit<U>(U x) { return \"SV.Visit<\" + G.Tn<U>() + \">\" + n + G.Sh(x); }",
            "    public int CompareTo(SV o) { return n.CompareTo(o.n); }",
            "    public bool Equals(SV o) { return n == o.n && s == o.s; }",
            "    public override bool Equals(object o) { return o is SV && Equals((SV)o); }",
            "    public override int GetHashCode() { return n; }",
            "    public override string ToString() { return \"SV(\" + n + \",\" + (s ?? \"null\") + \")\"; }",
            "}",
            "",
            "public class Rev<T> : IComparer<T> where T : IComparable<T>",
            "{",
            "    public int Compare(T a, T b) { return Comparer<T>.Default.Compare(b, a); }",
            "}",
            "/// Equality on the low bits of an int.",
            "public class Low : IEqualityComparer<int>",
            "{",
            "    int mask;",
            "    public Low(int mask) { this.mask = mask; }",
            "    public bool Equals(int a, int b) { return (a & mask) == (b & mask); }",
            "    public int GetHashCode(int a) { return a & mask; }",
            "}",
        ] {
            line(o, 0, l);
        }
        // Cell<T>
        line(o, 0, "");
        line(o, 0, "public unsafe class Cell<T> : IGet<T>, ISink<T>");
        line(o, 0, "{");
        line(o, 1, "public T v;");
        if self.gw.cell_cctor {
            line(o, 1, "public static int made;");
            line(o, 1, "public static T last;");
            line(o, 1, "static Cell() { Console.WriteLine(\"cctor Cell<\" + G.Tn<T>() + \">\"); made = 100; }");
        } else {
            line(o, 1, "public static int made = 100;");
            line(o, 1, "public static T last = default(T);");
        }
        line(o, 1, "public Cell(T v) { this.v = v; made++; last = v; }");
        line(o, 1, "public T Get() { return v; }");
        line(o, 1, "public int Put(T x) { v = x; return ++made; }");
        line(
            o,
            1,
            "public virtual string Show() { return \"Cell \" + G.Sh(v); }",
        );
        line(
            o,
            1,
            "public override string ToString() { return \"Cell(\" + G.Sh(v) + \")\"; }",
        );
        for (owner, in2, text) in &self.gw.bodies {
            if *owner == GOwner::Cell && !in2 {
                o.push(text.clone());
            }
        }
        line(o, 0, "}");
        // Cell2<T, U>
        let base = self.gcs_in(
            self.gw.cell2_base.as_ref().unwrap_or(&Tp(1)),
            &[class_tparam("T"), class_tparam("U")],
        );
        line(
            o,
            0,
            format!("public unsafe class Cell2<T, U> : Cell<{base}>"),
        );
        line(o, 0, "{");
        line(o, 1, "public T w;");
        line(
            o,
            1,
            format!("public Cell2(T w, {base} u) : base(u) {{ this.w = w; }}"),
        );
        line(o, 1, "public override string Show() { return \"Cell2<\" + G.Tn<T>() + \",\" + G.Tn<U>() + \"> \" + G.Sh(w) + \" \" + base.Show(); }");
        for (owner, in2, text) in &self.gw.bodies {
            if *owner == GOwner::Cell && *in2 {
                o.push(text.clone());
            }
        }
        line(o, 0, "}");
        // Val<T>
        line(o, 0, "public unsafe struct Val<T> : IGet<T>");
        line(o, 0, "{");
        line(o, 1, "public T v;");
        line(o, 1, "public int k;");
        if self.gw.val_cctor {
            line(o, 1, "public static int made;");
            line(o, 1, "static Val() { made = 1000; }");
        } else {
            line(o, 1, "public static int made = 1000;");
        }
        line(
            o,
            1,
            "public Val(T v, int k) { this.v = v; this.k = k; made++; }",
        );
        line(o, 1, "public T Get() { return v; }");
        line(
            o,
            1,
            "public override string ToString() { return \"Val(\" + G.Sh(v) + \",\" + k + \")\"; }",
        );
        for (owner, _, text) in &self.gw.bodies {
            if *owner == GOwner::Val {
                o.push(text.clone());
            }
        }
        line(o, 0, "}");
        // GW
        line(o, 0, "");
        line(o, 0, "public static unsafe class GW");
        line(o, 0, "{");
        for (owner, _, text) in &self.gw.bodies {
            if *owner == GOwner::Gw {
                o.push(text.clone());
            }
        }
        line(o, 0, "}");
    }

    /// The generic helpers (members of `G`).
    pub(super) fn generic_helpers(&self, g: &mut Vec<String>) {
        for l in [
            "/// Shows any value: null, escaped text, elements of collections.",
            "public static string Sh<T>(T x) { object o = x; if (o == null) return \"null\"; if (o is char) return \"c\" + (int)(char)o; string s = o as string; if (s == null) { System.Collections.IEnumerable en = o as System.Collections.IEnumerable; if (en != null) { s = \"[\"; int c = 0; foreach (object e in en) { if (c++ > 0) s += \",\"; if (c > 40) { s += \"...\"; break; } s += Sh(e); } s += \"]\"; } else if (o is double) s = ((double)o).ToString(\"R\"); else if (o is float) s = ((float)o).ToString(\"R\"); else s = o.ToString(); } return Esc(s); }",
            "public static string Esc(string s) { for (int i = 0; i < s.Length; i++) if (s[i] < ' ' || s[i] > '~') { string r = \"\"; foreach (char c in s) r += c < ' ' || c > '~' ? \"\\\\\" + (int)c : c.ToString(); return r; } return s; }",
            "public static string ShSeq<T>(IEnumerable<T> xs) { string s = \"<\"; int c = 0; foreach (T x in xs) { if (c++ > 0) s += \",\"; if (c > 40) { s += \"...\"; break; } s += Sh(x); } return s + \">\"; }",
            "public static string W(int v) { return \"w\" + (v & 15); }",
            "public static T At<T>(T[] a, int i) { return a == null || a.Length == 0 ? default(T) : a[Ix(i, a.Length)]; }",
            "public static T AtL<T>(List<T> a, int i) { return a == null || a.Count == 0 ? default(T) : a[Ix(i, a.Count)]; }",
            "public static int Ix(int i, int n) { return n <= 0 ? 0 : (i & 0x7fffffff) % n; }",
            "public static T Id<T>(T x) { return x; }",
            "/// Method calls on a Cell go through this: mono 6.8 runs the static constructor of Cell<X> when shared generic code calls an instance method of it on null (ECMA-335 and CoreCLR do not).",
            "public static Cell<T> NN<T>(Cell<T> c) { return c ?? new Cell<T>(default(T)); }",
            "public static T Unbox<T>(object o) { return (T)o; }",
            "/// Null-safe reads for the lambdas LINQ calls (which must not throw).",
            "public static T V<T>(Cell<T> c) { return c == null ? default(T) : c.v; }",
            "public static int Len<T>(T[] a) { return a == null ? -1 : a.Length; }",
            "public static int Cnt<T>(List<T> l) { return l == null ? -1 : l.Count; }",
            "public static T Get<T>(IGet<T> g) { return g == null ? default(T) : g.Get(); }",
            "public static int N<T>(T a) where T : A0 { return a == null ? -1 : a.n; }",
            "/// A Val made without its constructor (which counts in Val<T>.made).",
            "public static Val<T> Vl<T>(T v, int k) { Val<T> r = default(Val<T>); r.v = v; r.k = k; return r; }",
            "public static bool No<T>(T x) { return false; }",
            "public static T Max<T>(T a, T b) where T : IComparable<T> { return a.CompareTo(b) >= 0 ? a : b; }",
            "public static List<T> Rep<T>(T x, int n) { List<T> l = new List<T>(); for (int i = 0; i < n; i++) l.Add(x); return l; }",
            "public static void Swap<T>(ref T a, ref T b) { T t = a; a = b; b = t; }",
            "public static bool Eq<T>(T a, T b) { return EqualityComparer<T>.Default.Equals(a, b); }",
            "public static int Cmp<T>(T a, T b) { return Math.Sign(Comparer<T>.Default.Compare(a, b)); }",
            "public static string Tn<T>() { return typeof(T).Name; }",
            "public static void MixS(string s) { foreach (char c in s) MixU(c); }",
        ] {
            line(g, 1, l);
        }
    }

    /// Main's epilogue: every generic method called over a few
    /// instantiations, and the statics per instantiation.
    pub(super) fn generic_main(&mut self, out: &mut Vec<String>) {
        for k in 0..self.gw.meths.len() {
            for _ in 0..self.rng.range(1, 3) {
                let call = match self.gcall_of(k, None, 2) {
                    Some(c) => c,
                    None => continue,
                };
                let tag = self.tag();
                line(out, 2, "try");
                line(out, 2, "{");
                line(
                    out,
                    3,
                    format!("Console.WriteLine(\"{tag} \" + G.Sh({call}));"),
                );
                line(out, 2, "}");
                line(out, 2, "catch (Exception ex)");
                line(out, 2, "{");
                line(
                    out,
                    3,
                    format!(
                        "Console.WriteLine(\"{tag} \" + ex.GetType().Name + \" \" + ex.Message);"
                    ),
                );
                line(out, 2, "}");
            }
        }
        let ts: Vec<String> = [
            "int",
            "string",
            "A0",
            "SV",
            "double",
            "Val<int>",
            "Cell<string>",
        ]
        .iter()
        .map(|t| format!(" + \" \" + Cell<{t}>.made + \"/\" + Val<{t}>.made"))
        .collect();
        line(
            out,
            2,
            format!("Console.WriteLine(\"made\"{});", ts.join("")),
        );
    }
}
