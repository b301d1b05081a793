//! What the verifier asks the runtime ([`VerifyHost`]), and the answers.
//!
//! The JIT's own host questions ([`crate::JitHost`]) answer in
//! [`crate::JitType`]s, which say how a value travels (a reference, a
//! managed pointer, a struct of some size) but not what it is. The verifier
//! needs the types themselves: the exact class of a reference, the target
//! of a managed pointer, a field's declaring type. A host that can answer
//! implements [`VerifyHost`] and returns it from
//! [`crate::JitHost::verify_host`]; one that cannot (a test's mock host)
//! leaves the default, and nothing is verified.

use osprey_metadata::Token;

use crate::host::{CallOpcode, HostError, MethodHandle, TypeHandle};

/// How much of the verifier runs on a method: the runtime's trust policy
/// decides (docs/verification.md).
#[derive(Copy, Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum VerifyLevel {
    /// Trusted code (corelib): only the importer's own checks.
    Trusted,
    /// Code allowed to be unverifiable (an assembly compiled with
    /// `mcs -unsafe`, in the root process): only the type-safety rules,
    /// whose breach would corrupt memory whatever the code's permissions;
    /// breaking one is invalid IL.
    TypeSafety,
    /// Every rule except those about unsafe code (pointers, `localloc`,
    /// block operations, managed pointers turned into integers): what
    /// `OSPREY_VERIFY=1` applies to code allowed to be unverifiable, so
    /// that the verifier is checked against everything compilers produce.
    AllButUnsafeCode,
    /// Verified code: every rule. Breaking a rule that is not a type-safety
    /// rule raises `System.Security.VerificationException`.
    Full,
}

/// The verification type of a storage location (ECMA-335 III.1.8.1.2.1):
/// what a local, argument, field, array element or managed pointer's target
/// holds. Small integers keep their width (a `ref byte` is not a `ref int`)
/// but not their sign (`bool`, `sbyte` and `byte` are all `I1`); enums are
/// their underlying type; pointers and `IntPtr` are `I`.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
pub enum Cell {
    /// `bool`, `sbyte`, `byte`.
    I1,
    /// `char`, `short`, `ushort`.
    I2,
    /// `int`, `uint`.
    I4,
    /// `long`, `ulong`.
    I8,
    /// `nint`, `nuint`, unmanaged and function pointers.
    I,
    /// `float`.
    R4,
    /// `double`.
    R8,
    /// An object reference of this static type (class, interface, array,
    /// `string`, `object`).
    Obj(TypeHandle),
    /// A value type other than a primitive or an enum.
    Value(TypeHandle),
}

/// A type as a signature names it.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
pub enum SigType {
    /// No value (return types only).
    Void,
    /// A value stored in a location of this type.
    Val(Cell),
    /// A managed pointer to a location of this type (`ref T`, `out T`).
    ByRef(Cell),
    /// A type the verifier cannot reason about (a managed pointer to a
    /// managed pointer, say): values of it are usable only where no type is
    /// needed.
    Opaque,
}

/// What the verifier needs to know about the method it verifies.
#[derive(Clone, Debug)]
pub struct MethodFacts {
    /// How much to verify.
    pub level: VerifyLevel,
    /// The method itself.
    pub method: MethodHandle,
    /// Its declaring type.
    pub owner: TypeHandle,
    /// It is static (has no `this`).
    pub is_static: bool,
    /// It is an instance constructor (`.ctor`).
    pub is_ctor: bool,
    /// It is the type's static constructor (`.cctor`).
    pub is_cctor: bool,
    /// Argument types, `this` first for instance methods (`Val(Obj(owner))`
    /// for classes, `ByRef(Value(owner))` for value types).
    pub args: Vec<SigType>,
    /// Local variable types.
    pub locals: Vec<SigType>,
    /// The return type.
    pub ret: SigType,
    /// `System.Object`.
    pub object: TypeHandle,
    /// `System.String`.
    pub string: TypeHandle,
    /// `System.Array`.
    pub array: TypeHandle,
}

/// What the verifier needs to know about a method it sees called.
#[derive(Clone, Debug)]
pub struct CalleeFacts {
    /// The method.
    pub method: MethodHandle,
    /// Its declaring type (for array accessors, the array type).
    pub owner: TypeHandle,
    /// It takes `this`.
    pub has_this: bool,
    /// Declared parameters, without `this`.
    pub params: Vec<SigType>,
    /// The return type.
    pub ret: SigType,
    /// `virtual`.
    pub is_virtual: bool,
    /// `final` (sealed), or declared by a sealed type.
    pub is_final: bool,
    /// `abstract`.
    pub is_abstract: bool,
    /// An instance constructor.
    pub is_ctor: bool,
}

/// What the verifier needs to know about the signature of a `calli`.
#[derive(Clone, Debug)]
pub struct CallSiteFacts {
    /// The signature has `this` (a managed instance method's pointer).
    pub has_this: bool,
    /// Declared parameters, without `this`.
    pub params: Vec<SigType>,
    /// The return type.
    pub ret: SigType,
    /// An unmanaged calling convention (`calli unmanaged cdecl ...`).
    pub unmanaged: bool,
}

/// What the verifier needs to know about a field.
#[derive(Clone, Debug)]
pub struct FieldFacts {
    /// The declaring type.
    pub owner: TypeHandle,
    /// The field's type.
    pub ty: SigType,
    /// `static`.
    pub is_static: bool,
    /// `initonly` (C# `readonly`).
    pub is_init_only: bool,
}

/// What kind of type a [`TypeFacts`] describes.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum TypeShape {
    /// A class (including `object`, `string` and delegates).
    Class,
    /// An interface.
    Interface,
    /// A value type (struct, enum or primitive).
    ValueType,
    /// An array.
    Array {
        /// `None` for single-dimensional zero-based arrays (`T[]`), else
        /// the rank of a multi-dimensional one.
        rank: Option<u32>,
        /// The element type's handle.
        element: TypeHandle,
        /// How elements are stored.
        cell: Cell,
    },
}

/// What the verifier needs to know about a type.
#[derive(Clone, Debug)]
pub struct TypeFacts {
    /// How a value of the type is stored.
    pub cell: Cell,
    /// The kind of type.
    pub shape: TypeShape,
    /// The base type (`None` for `object` and interfaces).
    pub parent: Option<TypeHandle>,
    /// Every interface the type implements (or, for an interface, extends).
    pub interfaces: Vec<TypeHandle>,
    /// Values (or, for reference types, instances) hold object references.
    pub contains_references: bool,
    /// `sealed`.
    pub is_sealed: bool,
    /// `abstract`.
    pub is_abstract: bool,
    /// A delegate type (derives from `System.MulticastDelegate`).
    pub is_delegate: bool,
}

/// The runtime's answers to the verifier's questions. Every method may be
/// called many times per compilation with the same arguments; the verifier
/// caches [`VerifyHost::type_facts`] but nothing else.
pub trait VerifyHost {
    /// The method being compiled; [`VerifyLevel::Trusted`] turns the
    /// verifier off for it.
    fn method_facts(&mut self) -> Result<MethodFacts, HostError>;

    /// The method a `call`, `callvirt`, `newobj`, `ldftn` or `ldvirtftn`
    /// token names (what [`crate::JitHost::resolve_method`] resolved).
    fn callee_facts(&mut self, token: Token, opcode: CallOpcode) -> Result<CalleeFacts, HostError>;

    /// A method by handle (the target of a `constrained.` call the host
    /// resolved to a value type's own implementation).
    fn method_facts_of(&mut self, method: MethodHandle) -> Result<CalleeFacts, HostError>;

    /// The signature a `calli`'s StandAloneSig token names.
    fn call_site_facts(&mut self, token: Token) -> Result<CallSiteFacts, HostError>;

    /// The field a `ldfld`, `ldflda`, `stfld`, `ldsfld`, `ldsflda` or
    /// `stsfld` token names.
    fn field_facts(&mut self, token: Token) -> Result<FieldFacts, HostError>;

    /// The type a type token names (`ldobj`, `initobj`, `constrained.`, ...).
    fn type_of_token(&mut self, token: Token) -> Result<TypeHandle, HostError>;

    /// A type's kind, storage, base type and interfaces.
    fn type_facts(&mut self, t: TypeHandle) -> TypeFacts;

    /// A type's full name, for messages (`System.String`, `Node[]`).
    fn type_name(&mut self, t: TypeHandle) -> String;

    /// Whether an object of type `from` may be used as a `to`
    /// (`castclass` would succeed): the same type, a base class, an
    /// implemented interface, or an array covariantly compatible.
    fn can_cast(&mut self, from: TypeHandle, to: TypeHandle) -> bool;

    /// The single-dimensional array type of `element` (to merge arrays of
    /// different element types), if it can be loaded.
    fn array_of(&mut self, element: TypeHandle) -> Option<TypeHandle>;

    /// The `Invoke` method of a delegate type.
    fn delegate_invoke(&mut self, delegate: TypeHandle) -> Result<CalleeFacts, HostError>;
}
