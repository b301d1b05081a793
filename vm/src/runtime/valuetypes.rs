//! What `ValueType.Equals` and `ValueType.GetHashCode` need to know about a
//! value type's fields, computed once per type.
//!
//! Mono's scheme, kept because programs print the results: the runtime
//! compares (or hashes) the fields it can handle on its own, in declaration
//! order, and hands the others back to managed code one at a time (boxed
//! when they are value types), which calls their own `Equals`/`GetHashCode`.
//! Native code never calls managed code here. See
//! corelib/src/cs/System/ValueType.cs and vm/src/fcall/valuetype.rs.

use std::sync::Arc;

use osprey_metadata::sig::TypeSig;
use osprey_metadata::Primitive;

use super::{Runtime, RuntimeError};
use crate::loader::TypeHandle;

/// How `ValueType.Equals` compares a field natively (mono's
/// `ves_icall_System_ValueType_Equals`).
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub(crate) enum Compare {
    /// Integers, `char`, `bool` and unmanaged pointers: the `n` bytes.
    Bytes(u8),
    /// `float`: equal, or both NaN.
    F32,
    /// `double`: equal, or both NaN.
    F64,
    /// `string`: the same object, or both non-null with the same characters.
    Str,
}

/// How `ValueType.GetHashCode` hashes a field natively (mono's
/// `ves_icall_System_ValueType_InternalGetHashCode`).
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub(crate) enum Hash {
    /// `int`: the value.
    I4,
    /// An unmanaged pointer: its address, truncated to 32 bits, shifted
    /// right by 3, times 2654435761 (mono's `mono_aligned_addr_hash`).
    Ptr,
    /// `string`: `h = h * 31 + c` over its characters (mono's
    /// `mono_string_hash_internal`; not `String.GetHashCode`); null adds nothing.
    Str,
}

/// A field managed code compares or hashes with its own `Equals`/`GetHashCode`.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub(crate) struct Managed {
    /// Offset in the unboxed value.
    pub offset: u32,
    /// The type to box it as; `None` for a reference (passed as it is).
    pub boxed: Option<TypeHandle>,
}

/// The instance fields of one value type, as Equals and GetHashCode see them.
#[derive(Debug, Default)]
pub(crate) struct ValueFields {
    /// Fields Equals compares natively: (offset in the value, how).
    pub compared: Vec<(u32, Compare)>,
    /// The fields left to managed Equals, in declaration order.
    pub equals_rest: Vec<Managed>,
    /// Fields GetHashCode hashes natively.
    pub hashed: Vec<(u32, Hash)>,
    /// The fields left to managed GetHashCode, in declaration order.
    pub hash_rest: Vec<Managed>,
    /// Where GetHashCode starts: like mono, the address of `System.Int32`'s
    /// type, truncated to 32 bits. It differs from run to run (as mono's
    /// does); the hash of a value is this seed xor what its fields
    /// contribute.
    pub seed: i32,
}

impl Runtime {
    /// The field plan of value type `t` (computed once per type).
    pub(crate) fn value_fields(&self, t: TypeHandle) -> Result<Arc<ValueFields>, RuntimeError> {
        let cache = || self.value_fields.lock().unwrap_or_else(|p| p.into_inner());
        if let Some(f) = cache().get(&t) {
            return Ok(f.clone());
        }
        let mut plan = ValueFields::default();
        {
            let mut loader = self.loader();
            plan.seed =
                loader.corelib_type("System", "Int32")?.method_table() as usize as u32 as i32;
            let ctx = t.generic_context();
            for f in t.instance_fields.iter() {
                let sig = f.sig.strip_modifiers();
                let compare = match sig {
                    TypeSig::Prim(Primitive::Boolean)
                    | TypeSig::Prim(Primitive::I1)
                    | TypeSig::Prim(Primitive::U1) => Some(Compare::Bytes(1)),
                    TypeSig::Prim(Primitive::Char)
                    | TypeSig::Prim(Primitive::I2)
                    | TypeSig::Prim(Primitive::U2) => Some(Compare::Bytes(2)),
                    TypeSig::Prim(Primitive::I4) | TypeSig::Prim(Primitive::U4) => {
                        Some(Compare::Bytes(4))
                    }
                    TypeSig::Prim(Primitive::I8)
                    | TypeSig::Prim(Primitive::U8)
                    | TypeSig::Ptr(_) => Some(Compare::Bytes(8)),
                    TypeSig::Prim(Primitive::R4) => Some(Compare::F32),
                    TypeSig::Prim(Primitive::R8) => Some(Compare::F64),
                    TypeSig::String => Some(Compare::Str),
                    _ => None,
                };
                let hash = match sig {
                    TypeSig::Prim(Primitive::I4) => Some(Hash::I4),
                    TypeSig::Ptr(_) => Some(Hash::Ptr),
                    TypeSig::String => Some(Hash::Str),
                    _ => None,
                };
                let managed = if compare.is_none() || hash.is_none() {
                    let boxed = match sig {
                        s if s.is_reference() => None,
                        // Mono boxes a function pointer as IntPtr.
                        TypeSig::FnPtr(_) => Some(loader.type_of_sig(
                            f.assembly,
                            &TypeSig::Prim(Primitive::I),
                            &ctx,
                        )?),
                        other => {
                            let ty = loader.type_of_sig(f.assembly, other, &ctx)?;
                            ty.is_value_type().then_some(ty)
                        }
                    };
                    Some(Managed {
                        offset: f.offset,
                        boxed,
                    })
                } else {
                    None
                };
                // `managed` is Some whenever `compare` or `hash` is None.
                match (compare, managed) {
                    (Some(c), _) => plan.compared.push((f.offset, c)),
                    (None, Some(m)) => plan.equals_rest.push(m),
                    (None, None) => {}
                }
                match (hash, managed) {
                    (Some(h), _) => plan.hashed.push((f.offset, h)),
                    (None, Some(m)) => plan.hash_rest.push(m),
                    (None, None) => {}
                }
            }
        }
        let plan = Arc::new(plan);
        cache().insert(t, plan.clone());
        Ok(plan)
    }
}

/// Mono's `mono_string_hash_internal`: `h = h * 31 + c` over the UTF-16
/// units, wrapping (as the C code's unsigned arithmetic does).
pub(crate) fn mono_string_hash(units: &[u16]) -> u32 {
    units.iter().fold(0u32, |h, &c| {
        // Wrapping: mono's unsigned arithmetic, whose result programs print.
        (h << 5).wrapping_sub(h).wrapping_add(u32::from(c))
    })
}

/// Mono's `mono_aligned_addr_hash`: `(GPOINTER_TO_UINT(p) >> 3) *
/// 2654435761`, in wrapping unsigned arithmetic (the address truncated to
/// 32 bits first).
pub(crate) fn mono_aligned_addr_hash(address: usize) -> u32 {
    // Truncation and wrapping: mono's guint arithmetic, whose result programs print.
    ((address as u32) >> 3).wrapping_mul(2_654_435_761)
}

#[cfg(test)]
mod tests {
    use super::{mono_aligned_addr_hash, mono_string_hash};

    /// Mono 6.8 prints these for `unsafe struct { int* P; long K; }` with
    /// K = 3, xor the seed (K's hash is 3).
    #[test]
    fn pointer_hash_matches_mono() {
        assert_eq!(
            mono_aligned_addr_hash(0x12_3456_789A) as i32 ^ 3,
            1492002592
        );
        assert_eq!(mono_aligned_addr_hash(0xFFFF_FFF8) as i32 ^ 3, -2117564852);
    }

    /// Values printed by mono 6.8 (a struct with one string field, hash
    /// xor the seed).
    #[test]
    fn string_hash_matches_mono() {
        let units = |s: &str| s.encode_utf16().collect::<Vec<u16>>();
        assert_eq!(mono_string_hash(&units("abc")), 96354);
        assert_eq!(mono_string_hash(&units("")), 0);
        assert_eq!(mono_string_hash(&units("s")), 115);
    }
}
