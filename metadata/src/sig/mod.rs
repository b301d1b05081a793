//! Signature blobs (ECMA-335 II.23.2): decoding into owned trees.
//!
//! Each `parse_*` function takes the bytes of one blob (as returned by
//! [`crate::heaps::BlobHeap::get`]) and decodes it. The decoder bounds its
//! recursion ([`MAX_DEPTH`]) and rejects element counts larger than the bytes
//! left in the blob, so malicious blobs cannot exhaust the stack or memory.
//! Trailing bytes after a complete signature are ignored, as the CLR does.

mod parser;
mod types;

pub use parser::{
    parse_field_sig, parse_local_sig, parse_member_ref_sig, parse_method_sig, parse_method_spec,
    parse_property_sig, parse_standalone_sig, parse_type, parse_type_spec,
};
pub use types::{
    CallingConvention, FieldSig, LocalSig, MemberRefSig, MethodSig, MethodSpecSig, PropertySig,
    StandAloneSig, TypeSig,
};

/// Deepest nesting of types accepted (each `*`, `&`, `[]`, generic argument,
/// modifier or function pointer adds a level).
pub const MAX_DEPTH: usize = 128;

/// `ELEMENT_TYPE_*` constants (II.23.1.16).
pub mod element_type {
    /// End of a list.
    pub const END: u8 = 0x00;
    /// `void`.
    pub const VOID: u8 = 0x01;
    /// `bool`.
    pub const BOOLEAN: u8 = 0x02;
    /// `char`.
    pub const CHAR: u8 = 0x03;
    /// `int8`.
    pub const I1: u8 = 0x04;
    /// `uint8`.
    pub const U1: u8 = 0x05;
    /// `int16`.
    pub const I2: u8 = 0x06;
    /// `uint16`.
    pub const U2: u8 = 0x07;
    /// `int32`.
    pub const I4: u8 = 0x08;
    /// `uint32`.
    pub const U4: u8 = 0x09;
    /// `int64`.
    pub const I8: u8 = 0x0A;
    /// `uint64`.
    pub const U8: u8 = 0x0B;
    /// `float32`.
    pub const R4: u8 = 0x0C;
    /// `float64`.
    pub const R8: u8 = 0x0D;
    /// `string`.
    pub const STRING: u8 = 0x0E;
    /// Unmanaged pointer, followed by a type.
    pub const PTR: u8 = 0x0F;
    /// Managed pointer, followed by a type.
    pub const BYREF: u8 = 0x10;
    /// Value type, followed by a TypeDefOrRef.
    pub const VALUETYPE: u8 = 0x11;
    /// Class, followed by a TypeDefOrRef.
    pub const CLASS: u8 = 0x12;
    /// Type generic parameter, followed by its number.
    pub const VAR: u8 = 0x13;
    /// General array.
    pub const ARRAY: u8 = 0x14;
    /// Generic instantiation.
    pub const GENERICINST: u8 = 0x15;
    /// `typedref`.
    pub const TYPEDBYREF: u8 = 0x16;
    /// `native int`.
    pub const I: u8 = 0x18;
    /// `native uint`.
    pub const U: u8 = 0x19;
    /// Function pointer, followed by a method signature.
    pub const FNPTR: u8 = 0x1B;
    /// `object`.
    pub const OBJECT: u8 = 0x1C;
    /// Single-dimensional zero-based array.
    pub const SZARRAY: u8 = 0x1D;
    /// Method generic parameter, followed by its number.
    pub const MVAR: u8 = 0x1E;
    /// Required custom modifier.
    pub const CMOD_REQD: u8 = 0x1F;
    /// Optional custom modifier.
    pub const CMOD_OPT: u8 = 0x20;
    /// Runtime-internal type (never valid in files).
    pub const INTERNAL: u8 = 0x21;
    /// Start of the variable arguments of a vararg call site.
    pub const SENTINEL: u8 = 0x41;
    /// Pinned local.
    pub const PINNED: u8 = 0x45;
}

/// First-byte values of non-method signatures and flag bits of method signatures (II.23.2.1–6).
pub mod sig_kind {
    /// Field signature.
    pub const FIELD: u8 = 0x06;
    /// Local variables signature.
    pub const LOCAL_SIG: u8 = 0x07;
    /// Property signature.
    pub const PROPERTY: u8 = 0x08;
    /// Generic method instantiation.
    pub const GENERICINST: u8 = 0x0A;
    /// Method signature flag: generic method.
    pub const GENERIC: u8 = 0x10;
    /// Method signature flag: instance method.
    pub const HASTHIS: u8 = 0x20;
    /// Method signature flag: explicit `this`.
    pub const EXPLICITTHIS: u8 = 0x40;
}
