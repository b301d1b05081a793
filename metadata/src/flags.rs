//! Bit definitions of the flag columns (ECMA-335 II.23.1).
//!
//! Row structs expose flags as raw integers; these constants name the bits.

/// `TypeAttributes` (TypeDef.Flags, ExportedType.Flags; II.23.1.15).
pub mod type_attributes {
    /// Mask of the visibility bits.
    pub const VISIBILITY_MASK: u32 = 0x0000_0007;
    /// Not visible outside the assembly.
    pub const NOT_PUBLIC: u32 = 0x0000_0000;
    /// Visible outside the assembly.
    pub const PUBLIC: u32 = 0x0000_0001;
    /// Nested, public.
    pub const NESTED_PUBLIC: u32 = 0x0000_0002;
    /// Nested, private.
    pub const NESTED_PRIVATE: u32 = 0x0000_0003;
    /// Nested, family.
    pub const NESTED_FAMILY: u32 = 0x0000_0004;
    /// Nested, assembly.
    pub const NESTED_ASSEMBLY: u32 = 0x0000_0005;
    /// Nested, family and assembly.
    pub const NESTED_FAM_AND_ASSEM: u32 = 0x0000_0006;
    /// Nested, family or assembly.
    pub const NESTED_FAM_OR_ASSEM: u32 = 0x0000_0007;
    /// Mask of the layout bits.
    pub const LAYOUT_MASK: u32 = 0x0000_0018;
    /// Fields laid out by the runtime.
    pub const AUTO_LAYOUT: u32 = 0x0000_0000;
    /// Fields laid out sequentially.
    pub const SEQUENTIAL_LAYOUT: u32 = 0x0000_0008;
    /// Field offsets given by FieldLayout.
    pub const EXPLICIT_LAYOUT: u32 = 0x0000_0010;
    /// The type is an interface.
    pub const INTERFACE: u32 = 0x0000_0020;
    /// The type is abstract.
    pub const ABSTRACT: u32 = 0x0000_0080;
    /// The type is sealed.
    pub const SEALED: u32 = 0x0000_0100;
    /// The name is special.
    pub const SPECIAL_NAME: u32 = 0x0000_0400;
    /// The name is special to the runtime.
    pub const RT_SPECIAL_NAME: u32 = 0x0000_0800;
    /// Imported (COM).
    pub const IMPORT: u32 = 0x0000_1000;
    /// Serializable.
    pub const SERIALIZABLE: u32 = 0x0000_2000;
    /// Mask of the string format bits.
    pub const STRING_FORMAT_MASK: u32 = 0x0003_0000;
    /// LPSTR is ANSI.
    pub const ANSI_CLASS: u32 = 0x0000_0000;
    /// LPSTR is Unicode.
    pub const UNICODE_CLASS: u32 = 0x0001_0000;
    /// LPSTR is platform dependent.
    pub const AUTO_CLASS: u32 = 0x0002_0000;
    /// Has declarative security.
    pub const HAS_SECURITY: u32 = 0x0004_0000;
    /// Static constructor may run lazily, before first static field access.
    pub const BEFORE_FIELD_INIT: u32 = 0x0010_0000;
    /// ExportedType: the row is a type forwarder.
    pub const IS_TYPE_FORWARDER: u32 = 0x0020_0000;
}

/// `FieldAttributes` (Field.Flags; II.23.1.5).
pub mod field_attributes {
    /// Mask of the accessibility bits.
    pub const FIELD_ACCESS_MASK: u16 = 0x0007;
    /// Not referenceable.
    pub const COMPILER_CONTROLLED: u16 = 0x0000;
    /// Private.
    pub const PRIVATE: u16 = 0x0001;
    /// Family and assembly.
    pub const FAM_AND_ASSEM: u16 = 0x0002;
    /// Assembly.
    pub const ASSEMBLY: u16 = 0x0003;
    /// Family.
    pub const FAMILY: u16 = 0x0004;
    /// Family or assembly.
    pub const FAM_OR_ASSEM: u16 = 0x0005;
    /// Public.
    pub const PUBLIC: u16 = 0x0006;
    /// Static field.
    pub const STATIC: u16 = 0x0010;
    /// Read-only after initialization.
    pub const INIT_ONLY: u16 = 0x0020;
    /// Compile-time constant (no storage).
    pub const LITERAL: u16 = 0x0040;
    /// Not serialized.
    pub const NOT_SERIALIZED: u16 = 0x0080;
    /// Has a FieldRVA row.
    pub const HAS_FIELD_RVA: u16 = 0x0100;
    /// The name is special.
    pub const SPECIAL_NAME: u16 = 0x0200;
    /// The name is special to the runtime.
    pub const RT_SPECIAL_NAME: u16 = 0x0400;
    /// Has marshalling information.
    pub const HAS_FIELD_MARSHAL: u16 = 0x1000;
    /// Implemented by P/Invoke.
    pub const PINVOKE_IMPL: u16 = 0x2000;
    /// Has a Constant row.
    pub const HAS_DEFAULT: u16 = 0x8000;
}

/// `MethodAttributes` (MethodDef.Flags; II.23.1.10).
pub mod method_attributes {
    /// Mask of the accessibility bits.
    pub const MEMBER_ACCESS_MASK: u16 = 0x0007;
    /// Not referenceable.
    pub const COMPILER_CONTROLLED: u16 = 0x0000;
    /// Private.
    pub const PRIVATE: u16 = 0x0001;
    /// Family and assembly.
    pub const FAM_AND_ASSEM: u16 = 0x0002;
    /// Assembly.
    pub const ASSEMBLY: u16 = 0x0003;
    /// Family.
    pub const FAMILY: u16 = 0x0004;
    /// Family or assembly.
    pub const FAM_OR_ASSEM: u16 = 0x0005;
    /// Public.
    pub const PUBLIC: u16 = 0x0006;
    /// Exported to unmanaged code.
    pub const UNMANAGED_EXPORT: u16 = 0x0008;
    /// Static method.
    pub const STATIC: u16 = 0x0010;
    /// Cannot be overridden.
    pub const FINAL: u16 = 0x0020;
    /// Virtual method.
    pub const VIRTUAL: u16 = 0x0040;
    /// Hidden by name and signature.
    pub const HIDE_BY_SIG: u16 = 0x0080;
    /// Always gets a new vtable slot.
    pub const NEW_SLOT: u16 = 0x0100;
    /// Can only be overridden if also accessible.
    pub const STRICT: u16 = 0x0200;
    /// No implementation.
    pub const ABSTRACT: u16 = 0x0400;
    /// The name is special.
    pub const SPECIAL_NAME: u16 = 0x0800;
    /// The name is special to the runtime.
    pub const RT_SPECIAL_NAME: u16 = 0x1000;
    /// Implemented by P/Invoke.
    pub const PINVOKE_IMPL: u16 = 0x2000;
    /// Has declarative security.
    pub const HAS_SECURITY: u16 = 0x4000;
    /// Calls a method with security code.
    pub const REQUIRE_SEC_OBJECT: u16 = 0x8000;
}

/// `MethodImplAttributes` (MethodDef.ImplFlags; II.23.1.11).
pub mod method_impl_attributes {
    /// Mask of the code type bits.
    pub const CODE_TYPE_MASK: u16 = 0x0003;
    /// IL body.
    pub const IL: u16 = 0x0000;
    /// Native code.
    pub const NATIVE: u16 = 0x0001;
    /// Optimized IL (reserved).
    pub const OPTIL: u16 = 0x0002;
    /// Provided by the runtime.
    pub const RUNTIME: u16 = 0x0003;
    /// Unmanaged code.
    pub const UNMANAGED: u16 = 0x0004;
    /// Must not be inlined.
    pub const NO_INLINING: u16 = 0x0008;
    /// Defined but not implemented (forward reference).
    pub const FORWARD_REF: u16 = 0x0010;
    /// Synchronized (holds the object's lock).
    pub const SYNCHRONIZED: u16 = 0x0020;
    /// Must not be optimized.
    pub const NO_OPTIMIZATION: u16 = 0x0040;
    /// Signature is exported exactly.
    pub const PRESERVE_SIG: u16 = 0x0080;
    /// Should be inlined if possible.
    pub const AGGRESSIVE_INLINING: u16 = 0x0100;
    /// Should be optimized aggressively.
    pub const AGGRESSIVE_OPTIMIZATION: u16 = 0x0200;
    /// Implemented inside the runtime (`[MethodImpl(InternalCall)]`).
    pub const INTERNAL_CALL: u16 = 0x1000;
}

/// `ParamAttributes` (Param.Flags; II.23.1.13).
pub mod param_attributes {
    /// `[In]`.
    pub const IN: u16 = 0x0001;
    /// `[Out]`.
    pub const OUT: u16 = 0x0002;
    /// Optional.
    pub const OPTIONAL: u16 = 0x0010;
    /// Has a Constant row.
    pub const HAS_DEFAULT: u16 = 0x1000;
    /// Has marshalling information.
    pub const HAS_FIELD_MARSHAL: u16 = 0x2000;
}

/// `PInvokeAttributes` (ImplMap.MappingFlags; II.23.1.8).
pub mod pinvoke_attributes {
    /// Use the member name exactly.
    pub const NO_MANGLE: u16 = 0x0001;
    /// Mask of the character set bits.
    pub const CHAR_SET_MASK: u16 = 0x0006;
    /// Character set not specified.
    pub const CHAR_SET_NOT_SPEC: u16 = 0x0000;
    /// ANSI strings.
    pub const CHAR_SET_ANSI: u16 = 0x0002;
    /// Unicode strings.
    pub const CHAR_SET_UNICODE: u16 = 0x0004;
    /// Platform-dependent strings.
    pub const CHAR_SET_AUTO: u16 = 0x0006;
    /// Save the last error after the call.
    pub const SUPPORTS_LAST_ERROR: u16 = 0x0040;
    /// Mask of the calling convention bits.
    pub const CALL_CONV_MASK: u16 = 0x0700;
    /// Platform default.
    pub const CALL_CONV_PLATFORMAPI: u16 = 0x0100;
    /// cdecl.
    pub const CALL_CONV_CDECL: u16 = 0x0200;
    /// stdcall.
    pub const CALL_CONV_STDCALL: u16 = 0x0300;
    /// thiscall.
    pub const CALL_CONV_THISCALL: u16 = 0x0400;
    /// fastcall.
    pub const CALL_CONV_FASTCALL: u16 = 0x0500;
}

/// `MethodSemanticsAttributes` (MethodSemantics.Semantics; II.23.1.12).
pub mod method_semantics {
    /// Property setter.
    pub const SETTER: u16 = 0x0001;
    /// Property getter.
    pub const GETTER: u16 = 0x0002;
    /// Other accessor.
    pub const OTHER: u16 = 0x0004;
    /// Event add.
    pub const ADD_ON: u16 = 0x0008;
    /// Event remove.
    pub const REMOVE_ON: u16 = 0x0010;
    /// Event raise.
    pub const FIRE: u16 = 0x0020;
}

/// `GenericParamAttributes` (GenericParam.Flags; II.23.1.7).
pub mod generic_param_attributes {
    /// Mask of the variance bits.
    pub const VARIANCE_MASK: u16 = 0x0003;
    /// Covariant (`out`).
    pub const COVARIANT: u16 = 0x0001;
    /// Contravariant (`in`).
    pub const CONTRAVARIANT: u16 = 0x0002;
    /// Mask of the special constraint bits.
    pub const SPECIAL_CONSTRAINT_MASK: u16 = 0x001C;
    /// `class` constraint.
    pub const REFERENCE_TYPE_CONSTRAINT: u16 = 0x0004;
    /// `struct` constraint.
    pub const NOT_NULLABLE_VALUE_TYPE_CONSTRAINT: u16 = 0x0008;
    /// `new()` constraint.
    pub const DEFAULT_CONSTRUCTOR_CONSTRAINT: u16 = 0x0010;
}

/// `AssemblyFlags` (Assembly.Flags, AssemblyRef.Flags; II.23.1.2).
pub mod assembly_flags {
    /// The blob holds a full public key (not a token).
    pub const PUBLIC_KEY: u32 = 0x0001;
    /// The reference may be retargeted.
    pub const RETARGETABLE: u32 = 0x0100;
    /// Do not optimize JIT-compiled code.
    pub const DISABLE_JIT_COMPILE_OPTIMIZER: u32 = 0x4000;
    /// Track JIT compilation.
    pub const ENABLE_JIT_COMPILE_TRACKING: u32 = 0x8000;
}
