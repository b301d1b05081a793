//! The primitive types (ECMA-335 I.8.2.2, II.23.1.16): the one enum of them
//! that signatures ([`crate::sig::TypeSig::Prim`]), the runtime's type system
//! and the JIT's value types all use.

use crate::sig::element_type as et;

/// Declares [`Primitive`] and its per-primitive facts from one table: the
/// variant, its `ELEMENT_TYPE_*` code, its corelib type name (in `System`),
/// its ILAsm keyword, its C# keyword (if any) and its size in bytes.
macro_rules! primitives {
    ($(
        $(#[$doc:meta])*
        $variant:ident = $code:path, $name:literal, $ilasm:literal, $csharp:expr, $size:literal;
    )+) => {
        /// A primitive type: the value types the runtime and the JIT know
        /// without loading them.
        #[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
        pub enum Primitive {
            $( $(#[$doc])* $variant, )+
        }

        impl Primitive {
            /// Every primitive, in `ELEMENT_TYPE_*` order.
            pub const ALL: [Primitive; 14] = [$(Primitive::$variant),+];

            /// The primitive an `ELEMENT_TYPE_*` code denotes.
            pub fn from_element_type(code: u8) -> Option<Primitive> {
                match code {
                    $( $code => Some(Primitive::$variant), )+
                    _ => None,
                }
            }

            /// The `ELEMENT_TYPE_*` code of the primitive.
            pub fn element_type(self) -> u8 {
                match self {
                    $( Primitive::$variant => $code, )+
                }
            }

            /// The corelib type name of the primitive (namespace `System`),
            /// e.g. `"Int32"`.
            pub fn name(self) -> &'static str {
                match self {
                    $( Primitive::$variant => $name, )+
                }
            }

            /// The primitive a corelib type name denotes (`System.Int32`, ...).
            pub fn from_name(namespace: &str, name: &str) -> Option<Primitive> {
                if namespace != "System" {
                    return None;
                }
                match name {
                    $( $name => Some(Primitive::$variant), )+
                    _ => None,
                }
            }

            /// The ILAsm keyword of the primitive, e.g. `"int32"`.
            pub fn ilasm_name(self) -> &'static str {
                match self {
                    $( Primitive::$variant => $ilasm, )+
                }
            }

            /// The C# keyword of the primitive (`"int"`); `None` for the
            /// native integers, which have none in C# of this era.
            pub fn csharp_keyword(self) -> Option<&'static str> {
                match self {
                    $( Primitive::$variant => $csharp, )+
                }
            }

            /// Size of a value in bytes (1, 2, 4 or 8).
            pub fn size(self) -> u32 {
                match self {
                    $( Primitive::$variant => $size, )+
                }
            }
        }
    };
}

primitives! {
    /// `bool`.
    Boolean = et::BOOLEAN, "Boolean", "bool", Some("bool"), 1;
    /// `char` (a UTF-16 code unit).
    Char = et::CHAR, "Char", "char", Some("char"), 2;
    /// `sbyte` (`int8`).
    I1 = et::I1, "SByte", "int8", Some("sbyte"), 1;
    /// `byte` (`uint8`).
    U1 = et::U1, "Byte", "uint8", Some("byte"), 1;
    /// `short` (`int16`).
    I2 = et::I2, "Int16", "int16", Some("short"), 2;
    /// `ushort` (`uint16`).
    U2 = et::U2, "UInt16", "uint16", Some("ushort"), 2;
    /// `int` (`int32`).
    I4 = et::I4, "Int32", "int32", Some("int"), 4;
    /// `uint` (`uint32`).
    U4 = et::U4, "UInt32", "uint32", Some("uint"), 4;
    /// `long` (`int64`).
    I8 = et::I8, "Int64", "int64", Some("long"), 8;
    /// `ulong` (`uint64`).
    U8 = et::U8, "UInt64", "uint64", Some("ulong"), 8;
    /// `float` (`float32`).
    R4 = et::R4, "Single", "float32", Some("float"), 4;
    /// `double` (`float64`).
    R8 = et::R8, "Double", "float64", Some("double"), 8;
    /// `IntPtr` (`native int`).
    I = et::I, "IntPtr", "native int", None, 8;
    /// `UIntPtr` (`native uint`).
    U = et::U, "UIntPtr", "native uint", None, 8;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_and_names_round_trip() {
        for p in Primitive::ALL {
            assert_eq!(Primitive::from_element_type(p.element_type()), Some(p));
            assert_eq!(Primitive::from_name("System", p.name()), Some(p));
            assert_eq!(Primitive::from_name("Other", p.name()), None);
        }
        assert_eq!(Primitive::from_element_type(et::STRING), None);
        assert_eq!(Primitive::from_element_type(et::VOID), None);
    }
}
