//! Verification types on the evaluation stack, and the type relations the
//! rules use: assignability, merging to the closest common supertype.

use std::rc::Rc;

use super::host::{Cell, SigType, TypeFacts, TypeShape, VerifyHost};
use super::rules::{Rule, Violation};
use crate::host::{MethodHandle, TypeHandle};

/// The verification type of an evaluation-stack entry (ECMA-335 III.1.8.1.2),
/// tracked beside the importer's [`crate::StackKind`].
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub(crate) enum VType {
    /// `int32` (and every smaller integer, widened).
    Int32,
    /// `int64`.
    Int64,
    /// `native int` (and unmanaged pointers).
    NativeInt,
    /// `float32` or `float64` (F).
    Float,
    /// `ldnull`: assignable to every reference type.
    Null,
    /// An object reference of this static type.
    Obj(TypeHandle, ObjFlags),
    /// A value type instance (not a primitive or enum).
    Value(TypeHandle),
    /// A managed pointer to a location of this type.
    ByRef(Cell, RefFlags),
    /// A function pointer from `ldftn`/`ldvirtftn`.
    Ftn(Ftn),
    /// A value the verifier cannot type (from unsafe code, or an
    /// [`SigType::Opaque`] signature): usable only where no type is needed.
    Top,
}

/// What is known about an object reference besides its type.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Default)]
pub(crate) struct ObjFlags {
    /// It is the method's `this` argument, loaded by `ldarg.0`.
    pub this_ptr: bool,
    /// It is `this` in a constructor, before the base constructor ran.
    pub uninit: bool,
    /// Interfaces the object is known to implement besides its type's own
    /// (an index into [`TypeRelations`]' interned sets; 0 for none): where
    /// a `Square` and a `Circle` merge to `Shape`, the interfaces both
    /// implement, so that the merged value still passes as one of them
    /// (C# compiles `b ? (ISized)square : circle` to exactly that merge).
    pub also: u16,
}

/// What is known about a managed pointer besides its target's type.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Default)]
pub(crate) struct RefFlags {
    /// From `readonly. ldelema`: may not be written through.
    pub readonly: bool,
    /// It may point into the method's own frame (a local, an argument, or
    /// a field of one): it must not outlive the method.
    pub local: bool,
}

/// A function pointer and where it came from.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub(crate) struct Ftn {
    /// The method.
    pub method: MethodHandle,
    /// IL offset of the `ldftn`/`ldvirtftn` that pushed it.
    pub at: u32,
    /// `ldvirtftn` (resolved against the object at run time).
    pub virt: bool,
    /// For `ldvirtftn`: it was preceded by `dup` of the object it was
    /// resolved against, as the delegate construction pattern requires.
    pub dup: bool,
}

impl VType {
    /// The stack type of a value loaded from a location of type `c`.
    pub fn of_cell(c: Cell) -> VType {
        match c {
            Cell::I1 | Cell::I2 | Cell::I4 => VType::Int32,
            Cell::I8 => VType::Int64,
            Cell::I => VType::NativeInt,
            Cell::R4 | Cell::R8 => VType::Float,
            Cell::Obj(t) => VType::Obj(t, ObjFlags::default()),
            Cell::Value(t) => VType::Value(t),
        }
    }

    /// The stack type of a value of signature type `s` (`None` for void).
    pub fn of_sig(s: SigType) -> Option<VType> {
        match s {
            SigType::Void => None,
            SigType::Val(c) => Some(VType::of_cell(c)),
            SigType::ByRef(c) => Some(VType::ByRef(c, RefFlags::default())),
            SigType::Opaque => Some(VType::Top),
        }
    }

    /// Whether this is an object reference (or null).
    pub fn is_objref(self) -> bool {
        matches!(self, VType::Obj(..) | VType::Null)
    }
}

/// Types as the verifier reasons about them, with the host's facts cached
/// for one compilation.
pub(crate) struct TypeRelations {
    /// The host's facts, by type: a method meets few types, so a short
    /// list searched in order beats hashing.
    facts: Vec<(TypeHandle, Rc<TypeFacts>)>,
    /// Interned interface sets ([`ObjFlags::also`]); set 0 is empty.
    sets: Vec<Vec<TypeHandle>>,
    /// `System.Object`.
    pub object: TypeHandle,
    /// `System.String`.
    pub string: TypeHandle,
    /// `System.Array`.
    pub array: TypeHandle,
}

impl TypeRelations {
    pub fn new(object: TypeHandle, string: TypeHandle, array: TypeHandle) -> TypeRelations {
        TypeRelations {
            facts: Vec::new(),
            sets: vec![Vec::new()],
            object,
            string,
            array,
        }
    }

    /// The host's facts about `t`, cached.
    pub fn facts(&mut self, host: &mut dyn VerifyHost, t: TypeHandle) -> Rc<TypeFacts> {
        if let Some((_, f)) = self.facts.iter().find(|(h, _)| *h == t) {
            return f.clone();
        }
        let f = Rc::new(host.type_facts(t));
        self.facts.push((t, f.clone()));
        f
    }

    /// Whether a location of type `c` holds object references (the
    /// collector must see them, so its bits may not be reinterpreted).
    pub fn holds_references(&mut self, host: &mut dyn VerifyHost, c: Cell) -> bool {
        match c {
            Cell::Obj(_) => true,
            Cell::Value(t) => self.facts(host, t).contains_references,
            _ => false,
        }
    }

    /// Whether `t` is an interface.
    pub fn is_interface(&mut self, host: &mut dyn VerifyHost, t: TypeHandle) -> bool {
        self.facts(host, t).shape == TypeShape::Interface
    }

    /// Whether `t` is a value type (an object of it is a boxed value).
    pub fn is_value_type(&mut self, host: &mut dyn VerifyHost, t: TypeHandle) -> bool {
        self.facts(host, t).shape == TypeShape::ValueType
    }

    /// Whether an object of type `from` may be used as a `to`.
    pub fn can_cast(
        &mut self,
        host: &mut dyn VerifyHost,
        from: TypeHandle,
        to: TypeHandle,
    ) -> bool {
        from == to || to == self.object || host.can_cast(from, to)
    }

    /// Whether an object of type `from`, known to implement the interfaces
    /// of `flags`, may be used as a `to`.
    pub fn obj_can_cast(
        &mut self,
        host: &mut dyn VerifyHost,
        from: TypeHandle,
        flags: ObjFlags,
        to: TypeHandle,
    ) -> bool {
        if self.can_cast(host, from, to) {
            return true;
        }
        let also = self.sets[flags.also as usize].clone();
        also.into_iter().any(|i| self.can_cast(host, i, to))
    }

    /// The interfaces an object of type `t` with `flags` implements: its
    /// type's (and the type itself, if an interface) and those of `flags`.
    fn implemented(
        &mut self,
        host: &mut dyn VerifyHost,
        t: TypeHandle,
        flags: ObjFlags,
    ) -> Vec<TypeHandle> {
        let facts = self.facts(host, t);
        let mut v = facts.interfaces.clone();
        if facts.shape == TypeShape::Interface {
            v.push(t);
        }
        v.extend(self.sets[flags.also as usize].iter().copied());
        v
    }

    /// The index of the interned interface set `v` (0 when empty, or when
    /// too many distinct sets exist: the merged value then only has its
    /// type's interfaces, which is conservative).
    fn intern(&mut self, mut v: Vec<TypeHandle>) -> u16 {
        v.sort();
        v.dedup();
        if v.is_empty() {
            return 0;
        }
        if let Some(i) = self.sets.iter().position(|s| *s == v) {
            return i as u16;
        }
        if self.sets.len() > u16::MAX as usize {
            return 0;
        }
        self.sets.push(v);
        (self.sets.len() - 1) as u16
    }

    /// Checks that a value of stack type `v` may be stored in a location of
    /// type `want` (ECMA-335 III.1.8.1.2.3, verifier-assignable-to), with
    /// the rule `rule` for type mismatches. Native integers and managed
    /// pointers passing for each other are unsafe code; a reference that
    /// may not implement an interface is only unverifiable (interface calls
    /// check their receiver).
    pub fn check_assign(
        &mut self,
        host: &mut dyn VerifyHost,
        v: VType,
        want: SigType,
        rule: Rule,
    ) -> Result<(), Violation> {
        match want {
            SigType::Void | SigType::Opaque => Err(Violation::new(
                Rule::UnknownType,
                format!(
                    "{} stored where the verifier cannot know the type",
                    self.name(host, v)
                ),
            )),
            SigType::ByRef(target) => match v {
                VType::ByRef(c, flags) if c == target => {
                    if flags.readonly {
                        Err(Violation::new(
                            Rule::ReadOnlyPointer,
                            "a read-only managed pointer passed as a writable one",
                        ))
                    } else {
                        Ok(())
                    }
                }
                VType::NativeInt => Err(Violation::new(
                    Rule::Pointer,
                    "a native int (unmanaged pointer) used as a managed pointer",
                )),
                _ => {
                    let (have, want) = (self.name(host, v), self.sig_name(host, want));
                    Err(Violation::new(
                        rule,
                        format!("{have} where {want} is expected"),
                    ))
                }
            },
            SigType::Val(cell) => self.check_assign_cell(host, v, cell, rule),
        }
    }

    /// [`TypeRelations::check_assign`] to a location of type `cell`.
    pub fn check_assign_cell(
        &mut self,
        host: &mut dyn VerifyHost,
        v: VType,
        cell: Cell,
        rule: Rule,
    ) -> Result<(), Violation> {
        let fail = |rel: &mut TypeRelations, host: &mut dyn VerifyHost, rule: Rule| {
            let (have, want) = (rel.name(host, v), rel.cell_name(host, cell));
            Err(Violation::new(
                rule,
                format!("{have} where {want} is expected"),
            ))
        };
        match (cell, v) {
            (_, VType::Top) => fail(self, host, Rule::UnknownType),
            (Cell::I1 | Cell::I2 | Cell::I4, VType::Int32 | VType::NativeInt) => Ok(()),
            (Cell::I8, VType::Int64) => Ok(()),
            (Cell::I, VType::NativeInt | VType::Int32) => Ok(()),
            (Cell::I, VType::ByRef(..)) => Err(Violation::new(
                Rule::Pointer,
                "a managed pointer stored as a native int",
            )),
            (Cell::I, VType::Ftn(_)) => Err(Violation::new(
                Rule::DelegatePattern,
                "a function pointer stored as a native int",
            )),
            (
                Cell::I1 | Cell::I2 | Cell::I4 | Cell::I8 | Cell::I,
                VType::Int32 | VType::Int64 | VType::NativeInt,
            ) => fail(self, host, Rule::NumericType),
            (Cell::R4 | Cell::R8, VType::Float) => Ok(()),
            (Cell::Obj(_), VType::Null) => Ok(()),
            (Cell::Obj(to), VType::Obj(from, flags)) => {
                if flags.uninit {
                    return Err(Violation::new(
                        Rule::UninitializedThis,
                        "this stored or passed before the base constructor ran",
                    ));
                }
                if self.obj_can_cast(host, from, flags, to) {
                    Ok(())
                } else if self.is_interface(host, to) {
                    fail(self, host, Rule::InterfaceType)
                } else {
                    fail(self, host, rule)
                }
            }
            (Cell::Value(want), VType::Value(have)) if want == have => Ok(()),
            _ => fail(self, host, rule),
        }
    }

    /// The closest common supertype of two object types (CoreCLR's
    /// `MergeTypeHandlesToCommonParent`): arrays of references merge to an
    /// array of their elements' common type, otherwise `System.Array`;
    /// a class and an interface it implements to the interface; two classes
    /// to their closest common base class, or, when that is `object`, to an
    /// interface both implement.
    pub fn common_supertype(
        &mut self,
        host: &mut dyn VerifyHost,
        a: TypeHandle,
        b: TypeHandle,
    ) -> TypeHandle {
        if a == b {
            return a;
        }
        let (fa, fb) = (self.facts(host, a), self.facts(host, b));
        match (fa.shape, fb.shape) {
            (
                TypeShape::Array {
                    rank: ra,
                    element: ea,
                    cell: Cell::Obj(_),
                },
                TypeShape::Array {
                    rank: rb,
                    element: eb,
                    cell: Cell::Obj(_),
                },
            ) if ra.is_none() && rb.is_none() => {
                let e = self.common_supertype(host, ea, eb);
                return host.array_of(e).unwrap_or(self.array);
            }
            (TypeShape::Array { .. }, TypeShape::Array { .. }) => return self.array,
            _ => {}
        }
        let a_iface = fa.shape == TypeShape::Interface;
        let b_iface = fb.shape == TypeShape::Interface;
        if a_iface || b_iface {
            if b_iface && (fa.interfaces.contains(&b) || self.can_cast(host, a, b)) {
                return b;
            }
            if a_iface && (fb.interfaces.contains(&a) || self.can_cast(host, b, a)) {
                return a;
            }
            return self.common_interface(&fa, &fb).unwrap_or(self.object);
        }
        // Arrays merge with classes through System.Array.
        let a = if matches!(fa.shape, TypeShape::Array { .. }) {
            self.array
        } else {
            a
        };
        let b = if matches!(fb.shape, TypeShape::Array { .. }) {
            self.array
        } else {
            b
        };
        let chain = |rel: &mut TypeRelations, host: &mut dyn VerifyHost, mut t: TypeHandle| {
            let mut v = vec![t];
            while let Some(p) = rel.facts(host, t).parent {
                if v.len() > 1024 {
                    break;
                }
                v.push(p);
                t = p;
            }
            v
        };
        let ca = chain(self, host, a);
        let cb = chain(self, host, b);
        let common = ca
            .iter()
            .find(|t| cb.contains(t))
            .copied()
            .unwrap_or(self.object);
        if common == self.object {
            if let Some(i) = self.common_interface(&fa, &fb) {
                return i;
            }
        }
        common
    }

    /// The first interface of `b`'s list that `a` implements too.
    fn common_interface(&self, a: &TypeFacts, b: &TypeFacts) -> Option<TypeHandle> {
        b.interfaces
            .iter()
            .find(|i| a.interfaces.contains(i))
            .copied()
    }

    /// The type at a merge point of a value of type `a` (recorded first)
    /// and one of type `b` (ECMA-335 III.1.8.1.3). `Err` names the rule a
    /// merge breaks; `Ok` may still carry a rule the merged type breaks
    /// without making the merge impossible (a native int meeting a managed
    /// pointer).
    pub fn merge(
        &mut self,
        host: &mut dyn VerifyHost,
        a: VType,
        b: VType,
    ) -> Result<(VType, Option<Violation>), Violation> {
        use VType as V;
        if a == b {
            return Ok((a, None));
        }
        Ok(match (a, b) {
            (V::Top, _) | (_, V::Top) => (V::Top, None),
            (V::Null, V::Obj(t, f)) | (V::Obj(t, f), V::Null) => {
                if f.uninit {
                    return Err(Violation::new(
                        Rule::UninitializedThis,
                        "an uninitialized this meets another reference",
                    ));
                }
                (
                    V::Obj(
                        t,
                        ObjFlags {
                            also: f.also,
                            ..ObjFlags::default()
                        },
                    ),
                    None,
                )
            }
            (V::Obj(x, fx), V::Obj(y, fy)) => {
                if fx.uninit != fy.uninit {
                    return Err(Violation::new(
                        Rule::UninitializedThis,
                        "an uninitialized this meets another reference",
                    ));
                }
                let t = self.common_supertype(host, x, y);
                // The interfaces both sides implement that the merged type
                // does not already.
                let ix = self.implemented(host, x, fx);
                let iy = self.implemented(host, y, fy);
                let known = self.implemented(host, t, ObjFlags::default());
                let common: Vec<TypeHandle> = ix
                    .into_iter()
                    .filter(|i| iy.contains(i) && !known.contains(i) && *i != t)
                    .collect();
                let flags = ObjFlags {
                    this_ptr: fx.this_ptr && fy.this_ptr,
                    uninit: fx.uninit,
                    also: self.intern(common),
                };
                (V::Obj(t, flags), None)
            }
            (V::ByRef(x, fx), V::ByRef(y, fy)) if x == y => {
                let flags = RefFlags {
                    readonly: fx.readonly || fy.readonly,
                    local: fx.local || fy.local,
                };
                (V::ByRef(x, flags), None)
            }
            (V::ByRef(c, f), V::NativeInt) | (V::NativeInt, V::ByRef(c, f)) => (
                V::ByRef(c, RefFlags { local: true, ..f }),
                Some(Violation::new(
                    Rule::Pointer,
                    "a native int (unmanaged pointer) meets a managed pointer",
                )),
            ),
            (V::Ftn(_), V::Ftn(_) | V::NativeInt) | (V::NativeInt, V::Ftn(_)) => (
                V::NativeInt,
                Some(Violation::new(
                    Rule::DelegatePattern,
                    "a function pointer meets another value",
                )),
            ),
            (V::Int32 | V::Int64 | V::NativeInt, V::Int32 | V::Int64 | V::NativeInt) => {
                let text = format!("{} meets {}", self.name(host, a), self.name(host, b));
                (a, Some(Violation::new(Rule::NumericType, text)))
            }
            _ => {
                let text = format!("{} meets {}", self.name(host, a), self.name(host, b));
                return Err(Violation::new(Rule::MergeType, text));
            }
        })
    }
}

impl TypeRelations {
    /// A stack type's name, for messages.
    pub fn name(&mut self, host: &mut dyn VerifyHost, v: VType) -> String {
        match v {
            VType::Int32 => "int32".into(),
            VType::Int64 => "int64".into(),
            VType::NativeInt => "native int".into(),
            VType::Float => "F".into(),
            VType::Null => "null".into(),
            VType::Obj(t, f) if f.uninit => {
                format!("uninitialized this ({})", self.type_name(host, t))
            }
            VType::Obj(t, _) => format!("an object reference ({})", self.type_name(host, t)),
            VType::Value(t) => format!("a value of type {}", self.type_name(host, t)),
            VType::ByRef(c, _) => format!("a managed pointer to {}", self.cell_name(host, c)),
            VType::Ftn(_) => "a function pointer".into(),
            VType::Top => "a value of unknown type".into(),
        }
    }

    /// A location type's name, for messages.
    pub fn cell_name(&mut self, host: &mut dyn VerifyHost, c: Cell) -> String {
        match c {
            Cell::I1 => "int8".into(),
            Cell::I2 => "int16".into(),
            Cell::I4 => "int32".into(),
            Cell::I8 => "int64".into(),
            Cell::I => "native int".into(),
            Cell::R4 => "float32".into(),
            Cell::R8 => "float64".into(),
            Cell::Obj(t) => self.type_name(host, t),
            Cell::Value(t) => self.type_name(host, t),
        }
    }

    /// A signature type's name, for messages.
    pub fn sig_name(&mut self, host: &mut dyn VerifyHost, s: SigType) -> String {
        match s {
            SigType::Void => "void".into(),
            SigType::Val(c) => self.cell_name(host, c),
            SigType::ByRef(c) => format!("{}&", self.cell_name(host, c)),
            SigType::Opaque => "an untracked type".into(),
        }
    }

    /// A type's name, for messages.
    pub fn type_name(&mut self, host: &mut dyn VerifyHost, t: TypeHandle) -> String {
        host.type_name(t)
    }
}
