//! The JIT's view of types: what a value is made of (its size, its register
//! class, whether the GC must see it), not what it means.

use osprey_metadata::Primitive;

use crate::host::TypeHandle;

/// A type as the JIT sees it: the type of an argument, local, field or return
/// value, resolved by the host.
#[derive(Copy, Clone, PartialEq, Eq, Hash)]
pub enum JitType {
    /// No value (a method's return type only).
    Void,
    /// A primitive: `bool` (one byte, 0 or 1), `char` (an unsigned 16-bit
    /// UTF-16 code unit), the integers (`nint`/`nuint` for `native int`) and
    /// the floats. The associated constants ([`JitType::I4`], ...) name each.
    Prim(Primitive),
    /// An object reference (class, interface, string, array). Reported to the GC.
    Ref,
    /// A managed pointer (`ref`, `out`, `&`). Reported to the GC as an
    /// interior pointer.
    ByRef,
    /// An unmanaged pointer (`T*`, function pointers). Not reported.
    Ptr,
    /// A value type other than the primitives; its layout comes from
    /// [`crate::host::JitHost::struct_layout`].
    Struct(TypeHandle),
}

/// The names of the associated constants (`I4`, `Bool`, `Ref`, ...): what
/// `--jit-dump`, the IR text and the golden tests print.
impl std::fmt::Debug for JitType {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            JitType::Void => f.write_str("Void"),
            JitType::Prim(Primitive::Boolean) => f.write_str("Bool"),
            JitType::Prim(p) => write!(f, "{p:?}"),
            JitType::Ref => f.write_str("Ref"),
            JitType::ByRef => f.write_str("ByRef"),
            JitType::Ptr => f.write_str("Ptr"),
            JitType::Struct(t) => f.debug_tuple("Struct").field(t).finish(),
        }
    }
}

impl JitType {
    /// `bool`: one byte, 0 or 1.
    #[allow(non_upper_case_globals)]
    pub const Bool: JitType = JitType::Prim(Primitive::Boolean);
    /// `char`: an unsigned 16-bit UTF-16 code unit.
    #[allow(non_upper_case_globals)]
    pub const Char: JitType = JitType::Prim(Primitive::Char);
    /// `sbyte`.
    pub const I1: JitType = JitType::Prim(Primitive::I1);
    /// `byte`.
    pub const U1: JitType = JitType::Prim(Primitive::U1);
    /// `short`.
    pub const I2: JitType = JitType::Prim(Primitive::I2);
    /// `ushort`.
    pub const U2: JitType = JitType::Prim(Primitive::U2);
    /// `int`.
    pub const I4: JitType = JitType::Prim(Primitive::I4);
    /// `uint`.
    pub const U4: JitType = JitType::Prim(Primitive::U4);
    /// `long`.
    pub const I8: JitType = JitType::Prim(Primitive::I8);
    /// `ulong`.
    pub const U8: JitType = JitType::Prim(Primitive::U8);
    /// `nint` (`native int`).
    pub const I: JitType = JitType::Prim(Primitive::I);
    /// `nuint`.
    pub const U: JitType = JitType::Prim(Primitive::U);
    /// `float`.
    pub const R4: JitType = JitType::Prim(Primitive::R4);
    /// `double`.
    pub const R8: JitType = JitType::Prim(Primitive::R8);

    /// The type's kind on the CIL evaluation stack (ECMA-335 III.1.1), with
    /// floats kept at their own width as CoreCLR does on x64.
    pub fn stack_kind(self) -> StackKind {
        match self {
            JitType::Void => StackKind::I4, // never pushed; callers check for Void
            JitType::Bool
            | JitType::Char
            | JitType::I1
            | JitType::U1
            | JitType::I2
            | JitType::U2
            | JitType::I4
            | JitType::U4 => StackKind::I4,
            JitType::I8 | JitType::U8 => StackKind::I8,
            JitType::I | JitType::U | JitType::Ptr => StackKind::I,
            JitType::R4 => StackKind::R4,
            JitType::R8 => StackKind::R8,
            JitType::Ref => StackKind::Ref,
            JitType::ByRef => StackKind::ByRef,
            JitType::Struct(h) => StackKind::Struct(h),
        }
    }

    /// Size in bytes of a primitive, reference or pointer type; `None` for
    /// structs (ask the host) and `Void`.
    pub fn primitive_size(self) -> Option<u32> {
        Some(match self {
            JitType::Prim(p) => p.size(),
            JitType::Ref | JitType::ByRef | JitType::Ptr => 8,
            JitType::Void | JitType::Struct(_) => return None,
        })
    }

    /// Whether loading this type from memory sign-extends (as opposed to
    /// zero-extending) to the stack width.
    pub fn is_signed_small(self) -> bool {
        matches!(self, JitType::I1 | JitType::I2)
    }

    /// Whether this is a floating-point type.
    pub fn is_float(self) -> bool {
        matches!(self, JitType::R4 | JitType::R8)
    }
}

/// The kinds of values on the CIL evaluation stack.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
pub enum StackKind {
    /// 32-bit integer (also bool, char, small integers after widening).
    I4,
    /// 64-bit integer.
    I8,
    /// Native integer, including unmanaged pointers.
    I,
    /// 32-bit float.
    R4,
    /// 64-bit float.
    R8,
    /// Object reference.
    Ref,
    /// Managed pointer.
    ByRef,
    /// A value type instance.
    Struct(TypeHandle),
}

impl StackKind {
    /// The class of frame slot that holds a value of this kind.
    pub fn slot_class(self) -> SlotClass {
        match self {
            StackKind::I4 | StackKind::I8 | StackKind::I | StackKind::R4 | StackKind::R8 => {
                SlotClass::Prim
            }
            StackKind::Ref => SlotClass::Ref,
            StackKind::ByRef => SlotClass::ByRef,
            StackKind::Struct(h) => SlotClass::Struct(h),
        }
    }

    /// Whether this kind is an integer kind held in a general register.
    pub fn is_int(self) -> bool {
        matches!(self, StackKind::I4 | StackKind::I8 | StackKind::I)
    }

    /// Whether this kind is floating point.
    pub fn is_float(self) -> bool {
        matches!(self, StackKind::R4 | StackKind::R8)
    }

    /// Whether values of this kind occupy 64 bits in a register (everything
    /// except I4 and R4).
    pub fn is_64(self) -> bool {
        !matches!(self, StackKind::I4 | StackKind::R4)
    }

    /// A short name for error messages.
    pub fn name(self) -> &'static str {
        match self {
            StackKind::I4 => "int32",
            StackKind::I8 => "int64",
            StackKind::I => "native int",
            StackKind::R4 => "float32",
            StackKind::R8 => "float64",
            StackKind::Ref => "object reference",
            StackKind::ByRef => "managed pointer",
            StackKind::Struct(_) => "value type",
        }
    }
}

/// What a frame slot holds, which decides how the GC treats it. Every
/// evaluation-stack depth gets one slot per class it is used with, so a slot
/// never holds a reference at one point and an integer at another: this is
/// what lets the GC info describe slots for the whole method (untracked).
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum SlotClass {
    /// Integers, floats, unmanaged pointers: ignored by the GC.
    Prim,
    /// An object reference.
    Ref,
    /// A managed (interior) pointer.
    ByRef,
    /// A value type: its reference fields are reported.
    Struct(TypeHandle),
}
