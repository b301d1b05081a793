//! Runtime types: method tables and what the loader knows about a type.
//!
//! A [`RuntimeType`] is created once per (definition, type arguments) and
//! never moves or changes shape afterwards. It begins with the [`MethodTable`]
//! that objects point to and JIT-compiled code reads (`repr(C)`, fixed
//! offsets); the rest is the loader's own bookkeeping (CoreCLR splits these
//! into MethodTable and EEClass).

use std::ptr::NonNull;
use std::sync::atomic::{AtomicU8, AtomicUsize, Ordering};

use osprey_jit::{JitType, StructLayout};
use osprey_metadata::sig::TypeSig;

use super::methods::MethodHandle;
use super::AssemblyId;

/// Method-table flags.
pub mod mt_flags {
    /// The type is a value type.
    pub const VALUE_TYPE: u32 = 1 << 0;
    /// The type is an interface.
    pub const INTERFACE: u32 = 1 << 1;
    /// The type is an array.
    pub const ARRAY: u32 = 1 << 2;
    /// The type is `System.String`.
    pub const STRING: u32 = 1 << 3;
    /// Instances contain object references.
    pub const CONTAINS_GC_REFS: u32 = 1 << 4;
    /// The type overrides `Object.Finalize`.
    pub const HAS_FINALIZER: u32 = 1 << 5;
    /// The type is abstract.
    pub const ABSTRACT: u32 = 1 << 6;
    /// The type is an enum.
    pub const ENUM: u32 = 1 << 7;
    /// The type is an open generic type definition (`List<>`): it names the
    /// definition for `typeof` and `ldtoken`, and is never instantiated.
    pub const GENERIC_DEFINITION: u32 = 1 << 8;
    /// The type is an instantiation of `System.Nullable<T>` (boxing and
    /// unboxing follow the CLR's special rules).
    pub const NULLABLE: u32 = 1 << 9;
}

/// The part of a type that objects point to and generated code reads.
#[repr(C)]
pub struct MethodTable {
    /// [`mt_flags`].
    pub flags: u32,
    /// Bytes from the object reference to the end of the fixed part: the
    /// instance fields for classes; for strings and arrays, everything
    /// before the first element. Boxed value types: 8 + the value's size.
    pub base_size: u32,
    /// Bytes per element (arrays) or per character (strings); 0 otherwise.
    pub component_size: u32,
    /// Number of vtable slots.
    pub num_vtable_slots: u32,
    /// The parent type's method table, or null for `System.Object` and interfaces.
    pub parent: *const MethodTable,
    /// The vtable: one code address per virtual method slot.
    pub vtable: *const AtomicUsize,
    /// For arrays: the element type's method table.
    pub element_type: *const MethodTable,
    /// The generic dictionary cells of the classes in the type's hierarchy,
    /// indexed by their depth (`System.Object` is 0); non-null only at the
    /// depths of generic instantiations. Null when no class in the
    /// hierarchy is generic. Shared generic code reads its class's
    /// dictionary here (docs/generics.md).
    pub dictionaries: *const *const std::sync::atomic::AtomicPtr<usize>,
}

/// Offset of [`MethodTable::dictionaries`], for runtime lookups.
pub const DICTIONARIES_OFFSET: i32 = std::mem::offset_of!(MethodTable, dictionaries) as i32;

/// Offset of [`MethodTable::vtable`], for JIT-compiled virtual calls.
pub const VTABLE_OFFSET: i32 = std::mem::offset_of!(MethodTable, vtable) as i32;

impl MethodTable {
    /// Whether a flag is set.
    pub fn has(&self, flag: u32) -> bool {
        self.flags & flag != 0
    }

    /// The [`RuntimeType`] this method table starts.
    pub fn runtime_type(&self) -> &RuntimeType {
        // SAFETY: every MethodTable is the first field of a `repr(C)`
        // RuntimeType (the loader creates them only that way), so the pointer
        // to one is a pointer to the other.
        unsafe { &*(self as *const MethodTable as *const RuntimeType) }
    }
}

/// A handle to a loaded type: a pointer to its [`RuntimeType`].
///
/// Handles are valid for the life of the runtime that created them: types are
/// boxed, never freed or moved while the runtime lives, and no handle
/// outlives its runtime (they are held by that runtime's loader, its
/// generated code and its objects).
#[derive(Copy, Clone, PartialEq, Eq, Hash)]
pub struct TypeHandle(NonNull<RuntimeType>);

// SAFETY: a RuntimeType is immutable after publication except for atomics,
// so sharing handles between threads is sound.
unsafe impl Send for TypeHandle {}
// SAFETY: as above.
unsafe impl Sync for TypeHandle {}

impl TypeHandle {
    pub(crate) fn new(t: &RuntimeType) -> TypeHandle {
        TypeHandle(NonNull::from(t))
    }

    /// The handle of a type the loader owns through a raw pointer.
    ///
    /// # Safety
    /// `t` must point to a `RuntimeType` that lives, unmoved, as long as
    /// its runtime (one the loader boxed and published).
    pub(crate) unsafe fn from_raw(t: NonNull<RuntimeType>) -> TypeHandle {
        TypeHandle(t)
    }

    /// The raw pointer, for the loader's writes while it builds the type.
    pub(crate) fn as_raw(self) -> *mut RuntimeType {
        self.0.as_ptr()
    }

    /// The method table pointer (what objects hold and the JIT embeds).
    pub fn method_table(self) -> *const MethodTable {
        self.0.as_ptr() as *const MethodTable
    }

    /// The handle of a method table.
    pub fn from_method_table(mt: &MethodTable) -> TypeHandle {
        TypeHandle::new(mt.runtime_type())
    }

    /// As the JIT's opaque handle.
    pub fn to_jit(self) -> osprey_jit::TypeHandle {
        osprey_jit::TypeHandle(self.method_table() as usize)
    }

    /// From the JIT's opaque handle (one this runtime gave it).
    ///
    /// # Safety
    /// `h` must come from [`TypeHandle::to_jit`] of a live runtime: the
    /// JIT's handle is a plain integer anyone can make.
    pub unsafe fn from_jit(h: osprey_jit::TypeHandle) -> TypeHandle {
        // SAFETY: the caller's contract: a method table of a live runtime,
        // which is the start of its RuntimeType.
        unsafe { TypeHandle::from_address(h.0) }
    }

    /// The type whose method table is at `address` (a `RuntimeTypeHandle`
    /// value managed code passes, `RuntimeType.m_handle`, or a JIT handle).
    ///
    /// # Safety
    /// `address` must be the method table of a type of a live runtime (what
    /// [`TypeHandle::method_table`] returned); never 0.
    pub(crate) unsafe fn from_address(address: usize) -> TypeHandle {
        // SAFETY: the caller's contract: a method table starts its
        // RuntimeType, which lives as long as the runtime.
        TypeHandle(unsafe { NonNull::new_unchecked(address as *mut RuntimeType) })
    }
}

impl std::ops::Deref for TypeHandle {
    type Target = RuntimeType;
    fn deref(&self) -> &RuntimeType {
        // SAFETY: see the type's documentation: the pointee lives as long as the runtime.
        unsafe { self.0.as_ref() }
    }
}

impl std::fmt::Debug for TypeHandle {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "TypeHandle({})", self.name)
    }
}

/// A type definition in an assembly.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct TypeDefId {
    /// The assembly.
    pub assembly: AssemblyId,
    /// TypeDef row id.
    pub rid: u32,
}

/// What identifies a runtime type: its definition and type arguments, or its
/// structure for arrays.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum TypeKey {
    /// A type definition with its type arguments (empty when not generic).
    Def(TypeDefId, Vec<TypeHandle>),
    /// A single-dimensional, zero-based array of the element type.
    SzArray(TypeHandle),
    /// A multi-dimensional array (or rank-1 with bounds) of the element type.
    MdArray(TypeHandle, u32),
}

/// The primitive types, which the runtime and the JIT treat specially: the
/// one enum of them, shared with signatures and the JIT.
pub use osprey_metadata::Primitive;

/// The kind of a runtime type.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum TypeKind {
    /// A reference type (class or delegate).
    Class,
    /// An interface.
    Interface,
    /// A user value type.
    ValueType,
    /// An enum, with its underlying primitive.
    Enum(Primitive),
    /// A primitive value type (`System.Int32`, ...).
    Primitive(Primitive),
    /// A single-dimensional, zero-based array.
    SzArray,
    /// A multi-dimensional array of the given rank.
    MdArray(u32),
}

/// The variance of a generic type parameter (ECMA-335 II.9.11).
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Variance {
    /// Neither `in` nor `out`.
    None,
    /// `out T`: `I<Derived>` converts to `I<Base>`.
    Covariant,
    /// `in T`: `I<Base>` converts to `I<Derived>`.
    Contravariant,
}

/// A field of a type.
#[derive(Clone, Debug)]
pub struct FieldDesc {
    /// The field's name.
    pub name: String,
    /// Its definition: (assembly, Field row).
    pub assembly: AssemblyId,
    /// Field row id.
    pub rid: u32,
    /// Its signature type (assembly-relative tokens; `!n` refers to the
    /// owner's type arguments).
    pub sig: TypeSig,
    /// Its type, as the JIT sees it.
    pub jit_type: JitType,
    /// Instance fields: offset from the object reference (classes) or from
    /// the start of the value (value types). Static fields: offset in the
    /// type's static storage.
    pub offset: u32,
    /// Static fields: the absolute address of the storage (0 for literals
    /// and instance fields).
    pub address: usize,
    /// Size in bytes of the field's value.
    pub size: u32,
    /// `static`.
    pub is_static: bool,
    /// `literal` (const): no storage.
    pub is_literal: bool,
}

/// How a type implements one interface.
#[derive(Clone, Debug)]
pub struct InterfaceSlots {
    /// The interface.
    pub interface: TypeHandle,
    /// For the interface's method in slot `i`, the implementing vtable slot
    /// of the type (`u32::MAX` in abstract types that leave it to subclasses).
    pub slots: Vec<u32>,
}

/// A type's static field storage: raw memory at a fixed address.
pub struct StaticStorage {
    /// The storage (8-byte aligned, zeroed).
    pub data: Box<[u64]>,
    /// Offsets of object references in it (GC roots).
    pub gc_refs: Vec<u32>,
}

impl StaticStorage {
    /// Address of the byte at `offset`.
    pub fn address(&self, offset: u32) -> usize {
        self.data.as_ptr() as usize + offset as usize
    }
}

/// Static-constructor state of a type.
pub struct ClassInit {
    /// The `.cctor`, if the type has one.
    pub cctor: Option<MethodHandle>,
    /// `beforefieldinit`: the constructor runs before the first static field
    /// access; otherwise it runs at the first access to any static member or
    /// the first instance constructor (ECMA-335 II.10.5.3).
    pub before_field_init: bool,
    /// 1 once the constructor has run (or there is none). Generated code
    /// tests this byte; see `runtime::helpers::run_class_constructor`.
    pub done: AtomicU8,
    /// Set when the constructor failed: every later access raises the
    /// same TypeInitializationException again, without rerunning it (the
    /// runtime keeps the exception: `runtime::helpers::ClassInitLocks`).
    pub failed: std::sync::atomic::AtomicBool,
}

impl ClassInit {
    /// Whether the constructor has run.
    pub fn is_done(&self) -> bool {
        self.done.load(Ordering::Acquire) != 0
    }

    /// Address of the flag byte, for generated checks.
    pub fn flag_address(&self) -> usize {
        &self.done as *const AtomicU8 as usize
    }
}

/// Everything the loader knows about a type.
#[repr(C)]
pub struct RuntimeType {
    /// The method table; must stay the first field (see [`MethodTable::runtime_type`]).
    pub mt: MethodTable,
    /// The key this type is registered under.
    pub key: TypeKey,
    /// Its definition, for non-array types.
    pub def: Option<TypeDefId>,
    /// Full name as the CLR prints it (`Namespace.Outer+Inner`, `System.Int32[]`).
    pub name: String,
    /// The name without namespace or enclosing types (`Inner`, `Int32[]`): `Type.Name`.
    pub simple_name: String,
    /// The namespace (of the outermost enclosing type for nested types): `Type.Namespace`.
    pub namespace: String,
    /// What kind of type this is.
    pub kind: TypeKind,
    /// The type arguments of a generic instantiation (empty otherwise);
    /// `!n` in the definition's signatures means `instantiation[n]`.
    pub instantiation: Vec<TypeHandle>,
    /// The variance of each of the definition's type parameters (empty for
    /// non-generic types).
    pub variance: Vec<Variance>,
    /// How deeply type arguments nest in this type (0 for a non-generic
    /// type, `List<List<int>>` is 2): bounded, so that a polymorphic
    /// recursion cannot instantiate ever deeper types.
    pub depth: u32,
    /// Whether `System.__Canon` appears in the type (it is, or is built
    /// from, the canonical form shared code is compiled for).
    pub mentions_canon: bool,
    /// The number of classes above this one (0 for `System.Object` and
    /// interfaces): the index of its dictionary cell in
    /// [`MethodTable::dictionaries`].
    pub hierarchy_depth: u32,
    /// For a generic instantiation: the cell holding its generic
    /// dictionary (`[capacity, slot 0, ...]`), which grows as shared code
    /// asks for more slots.
    pub dictionary: std::sync::atomic::AtomicPtr<usize>,
    /// The array [`MethodTable::dictionaries`] points to, when this type
    /// owns it (generic instantiations; other types use their parent's).
    pub dictionary_cells: Box<[*const std::sync::atomic::AtomicPtr<usize>]>,
    /// For arrays: the element type.
    pub element: Option<TypeHandle>,
    /// The type's own instance fields (not the parent's).
    pub instance_fields: Vec<FieldDesc>,
    /// The type's static fields.
    pub static_fields: Vec<FieldDesc>,
    /// The type's own methods, in declaration order.
    pub methods: Vec<MethodHandle>,
    /// The method in each vtable slot.
    pub vtable_methods: Vec<MethodHandle>,
    /// The vtable itself (code addresses); `mt.vtable` points here.
    pub vtable: Box<[AtomicUsize]>,
    /// All interfaces the type implements, including inherited ones.
    pub interfaces: Vec<TypeHandle>,
    /// For each implemented interface, the vtable slot implementing each of
    /// its methods (what interface dispatch uses).
    pub interface_map: Vec<InterfaceSlots>,
    /// For value types: the unboxed layout (size, alignment, references).
    pub value_layout: Option<StructLayout>,
    /// Offsets (from the object reference) of every object reference in an
    /// instance, parents' included. What the GC scans.
    pub instance_gc_refs: Vec<u32>,
    /// Static field storage.
    pub statics: StaticStorage,
    /// Static-constructor state.
    pub class_init: ClassInit,
}

impl RuntimeType {
    /// The handle of this type.
    pub fn handle(&self) -> TypeHandle {
        TypeHandle::new(self)
    }

    /// Whether this is a value type (including primitives and enums).
    pub fn is_value_type(&self) -> bool {
        self.mt.has(mt_flags::VALUE_TYPE)
    }

    /// Whether this is an interface.
    pub fn is_interface(&self) -> bool {
        self.kind == TypeKind::Interface
    }

    /// Whether this is an open generic type definition (`List<>`).
    pub fn is_generic_definition(&self) -> bool {
        self.mt.has(mt_flags::GENERIC_DEFINITION)
    }

    /// Whether this is an instantiation of `System.Nullable<T>`.
    pub fn is_nullable(&self) -> bool {
        self.mt.has(mt_flags::NULLABLE)
    }

    /// The type arguments `!n` of this type's signatures refer to.
    pub fn generic_context(&self) -> super::context::GenericContext {
        super::context::GenericContext::of_type(self.instantiation.clone())
    }

    /// The parent type.
    pub fn parent(&self) -> Option<TypeHandle> {
        if self.mt.parent.is_null() {
            None
        } else {
            // SAFETY: non-null parent pointers point at live method tables.
            Some(TypeHandle::from_method_table(unsafe { &*self.mt.parent }))
        }
    }

    /// How a value of this type travels in the JIT: primitives and enums as
    /// themselves, other value types as structs, everything else as a reference.
    pub fn jit_type(&self) -> JitType {
        match self.kind {
            TypeKind::Primitive(p) | TypeKind::Enum(p) => JitType::Prim(p),
            TypeKind::ValueType => JitType::Struct(self.handle().to_jit()),
            _ => JitType::Ref,
        }
    }

    /// Whether `self` is `other` or derives from it (classes only; no interfaces yet).
    pub fn is_subclass_of(&self, other: TypeHandle) -> bool {
        let mut t = Some(self.handle());
        while let Some(cur) = t {
            if cur == other {
                return true;
            }
            t = cur.parent();
        }
        false
    }

    /// Finds an instance or static field by name, in this type or its parents.
    pub fn find_field(&self, name: &str) -> Option<(TypeHandle, &FieldDesc)> {
        let mut t = Some(self.handle());
        while let Some(cur) = t {
            // SAFETY: (of the lifetime) `cur` lives as long as `self`'s runtime.
            let cur_ref: &RuntimeType = unsafe { &*(cur.method_table() as *const RuntimeType) };
            if let Some(f) = cur_ref
                .instance_fields
                .iter()
                .chain(cur_ref.static_fields.iter())
                .find(|f| f.name == name)
            {
                return Some((cur, f));
            }
            t = cur.parent();
        }
        None
    }
}
