//! Coded indexes (ECMA-335 II.24.2.6): a row id and a small tag selecting
//! one of several tables, packed into one column.
//!
//! Each kind has a typed enum (e.g. [`TypeDefOrRef`]) whose variants carry the
//! row id. The null value (row id 0) is represented by `Option::None` in the
//! row structs of columns that allow it.

use crate::error::{MetadataError, Result};
use crate::tables::TableId;
use crate::token::Token;

/// The thirteen coded index kinds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CodedIndexKind {
    /// TypeDef, TypeRef, TypeSpec.
    TypeDefOrRef,
    /// Field, Param, Property.
    HasConstant,
    /// Almost every table (22 of them).
    HasCustomAttribute,
    /// Field, Param.
    HasFieldMarshal,
    /// TypeDef, MethodDef, Assembly.
    HasDeclSecurity,
    /// TypeDef, TypeRef, ModuleRef, MethodDef, TypeSpec.
    MemberRefParent,
    /// Event, Property.
    HasSemantics,
    /// MethodDef, MemberRef.
    MethodDefOrRef,
    /// Field, MethodDef.
    MemberForwarded,
    /// File, AssemblyRef, ExportedType.
    Implementation,
    /// MethodDef, MemberRef (tags 2 and 3; 0, 1, 4 unused).
    CustomAttributeType,
    /// Module, ModuleRef, AssemblyRef, TypeRef.
    ResolutionScope,
    /// TypeDef, MethodDef.
    TypeOrMethodDef,
}

use TableId as T;

impl CodedIndexKind {
    /// Number of low bits holding the tag.
    pub fn tag_bits(self) -> u32 {
        match self {
            Self::HasFieldMarshal
            | Self::HasSemantics
            | Self::MethodDefOrRef
            | Self::MemberForwarded
            | Self::TypeOrMethodDef => 1,
            Self::TypeDefOrRef
            | Self::HasConstant
            | Self::HasDeclSecurity
            | Self::Implementation
            | Self::ResolutionScope => 2,
            Self::MemberRefParent | Self::CustomAttributeType => 3,
            Self::HasCustomAttribute => 5,
        }
    }

    /// The table of each tag value (`None` for unused tags).
    pub fn tables(self) -> &'static [Option<TableId>] {
        match self {
            Self::TypeDefOrRef => &[Some(T::TypeDef), Some(T::TypeRef), Some(T::TypeSpec)],
            Self::HasConstant => &[Some(T::Field), Some(T::Param), Some(T::Property)],
            Self::HasCustomAttribute => &[
                Some(T::MethodDef),
                Some(T::Field),
                Some(T::TypeRef),
                Some(T::TypeDef),
                Some(T::Param),
                Some(T::InterfaceImpl),
                Some(T::MemberRef),
                Some(T::Module),
                Some(T::DeclSecurity),
                Some(T::Property),
                Some(T::Event),
                Some(T::StandAloneSig),
                Some(T::ModuleRef),
                Some(T::TypeSpec),
                Some(T::Assembly),
                Some(T::AssemblyRef),
                Some(T::File),
                Some(T::ExportedType),
                Some(T::ManifestResource),
                Some(T::GenericParam),
                Some(T::GenericParamConstraint),
                Some(T::MethodSpec),
            ],
            Self::HasFieldMarshal => &[Some(T::Field), Some(T::Param)],
            Self::HasDeclSecurity => &[Some(T::TypeDef), Some(T::MethodDef), Some(T::Assembly)],
            Self::MemberRefParent => &[
                Some(T::TypeDef),
                Some(T::TypeRef),
                Some(T::ModuleRef),
                Some(T::MethodDef),
                Some(T::TypeSpec),
            ],
            Self::HasSemantics => &[Some(T::Event), Some(T::Property)],
            Self::MethodDefOrRef => &[Some(T::MethodDef), Some(T::MemberRef)],
            Self::MemberForwarded => &[Some(T::Field), Some(T::MethodDef)],
            Self::Implementation => &[Some(T::File), Some(T::AssemblyRef), Some(T::ExportedType)],
            Self::CustomAttributeType => {
                &[None, None, Some(T::MethodDef), Some(T::MemberRef), None]
            }
            Self::ResolutionScope => &[
                Some(T::Module),
                Some(T::ModuleRef),
                Some(T::AssemblyRef),
                Some(T::TypeRef),
            ],
            Self::TypeOrMethodDef => &[Some(T::TypeDef), Some(T::MethodDef)],
        }
    }

    /// Decodes a raw column value to a table and row id; `None` if the row id is 0.
    ///
    /// The row id is not range-checked (it may even exceed 24 bits).
    pub fn decode(self, raw: u32) -> Result<Option<(TableId, u32)>> {
        let bits = self.tag_bits();
        let tag = raw & ((1 << bits) - 1);
        let rid = raw >> bits;
        if rid == 0 {
            return Ok(None);
        }
        match self.tables().get(tag as usize) {
            Some(Some(table)) => Ok(Some((*table, rid))),
            _ => Err(MetadataError::BadCodedIndexTag { kind: self, raw }),
        }
    }

    /// Encodes a token as a raw column value; `None` if its table is not one
    /// of this kind's tables or its row id does not fit.
    pub fn encode(self, token: Token) -> Option<u32> {
        let table = token.table()?;
        let tag = self.tables().iter().position(|t| *t == Some(table))? as u32;
        let bits = self.tag_bits();
        let rid = token.rid();
        (rid < (1 << (32 - bits))).then(|| (rid << bits) | tag)
    }
}

/// Implemented by the typed coded index enums.
pub trait CodedIndex: Sized + Copy {
    /// The kind of coded index.
    const KIND: CodedIndexKind;

    /// Builds the variant for `table`; `None` if the table is not one of the
    /// kind's tables or `rid` is 0.
    fn from_parts(table: TableId, rid: u32) -> Option<Self>;

    /// Converts a token whose table is one of the kind's tables; `None` otherwise
    /// or if the row id is 0.
    fn from_token(token: Token) -> Option<Self> {
        Self::from_parts(token.table()?, token.rid())
    }

    /// The token of the row pointed to.
    fn token(self) -> Token;

    /// Decodes a raw column value; `Ok(None)` for null (row id 0).
    fn decode(raw: u32) -> Result<Option<Self>> {
        Ok(Self::KIND
            .decode(raw)?
            .and_then(|(table, rid)| Self::from_parts(table, rid)))
    }

    /// Encodes as a raw column value (used for binary searches on sorted tables).
    fn encode(self) -> u32 {
        // Every variant's table belongs to the kind and its rid fits in 24 bits,
        // so encoding cannot fail.
        Self::KIND.encode(self.token()).unwrap_or(0)
    }

    /// The table pointed to.
    fn table(self) -> TableId;

    /// The row id pointed to (never 0).
    fn rid(self) -> u32;
}

macro_rules! coded_index {
    ($(#[$doc:meta])* $name:ident { $($variant:ident),+ $(,)? }) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum $name {
            $(
                #[doc = concat!("A row of the ", stringify!($variant), " table.")]
                $variant(u32),
            )+
        }

        impl CodedIndex for $name {
            const KIND: CodedIndexKind = CodedIndexKind::$name;

            fn from_parts(table: TableId, rid: u32) -> Option<Self> {
                if rid == 0 {
                    return None;
                }
                match table {
                    $(TableId::$variant => Some($name::$variant(rid)),)+
                    #[allow(unreachable_patterns)]
                    _ => None,
                }
            }

            fn table(self) -> TableId {
                match self {
                    $($name::$variant(_) => TableId::$variant,)+
                }
            }

            fn rid(self) -> u32 {
                match self {
                    $($name::$variant(rid) => rid,)+
                }
            }

            fn token(self) -> Token {
                match self {
                    $($name::$variant(rid) => Token::new(TableId::$variant, rid),)+
                }
            }
        }

        impl From<$name> for Token {
            fn from(index: $name) -> Token {
                index.token()
            }
        }

        impl std::fmt::Display for $name {
            /// Formats as the token, e.g. `0x02000001`.
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                self.token().fmt(f)
            }
        }
    };
}

coded_index!(
    /// A type: TypeDef, TypeRef or TypeSpec (also used in signatures).
    TypeDefOrRef { TypeDef, TypeRef, TypeSpec }
);
coded_index!(
    /// The owner of a Constant row.
    HasConstant { Field, Param, Property }
);
coded_index!(
    /// The owner of a CustomAttribute row.
    HasCustomAttribute {
        MethodDef,
        Field,
        TypeRef,
        TypeDef,
        Param,
        InterfaceImpl,
        MemberRef,
        Module,
        DeclSecurity,
        Property,
        Event,
        StandAloneSig,
        ModuleRef,
        TypeSpec,
        Assembly,
        AssemblyRef,
        File,
        ExportedType,
        ManifestResource,
        GenericParam,
        GenericParamConstraint,
        MethodSpec,
    }
);
coded_index!(
    /// The owner of a FieldMarshal row.
    HasFieldMarshal { Field, Param }
);
coded_index!(
    /// The owner of a DeclSecurity row.
    HasDeclSecurity { TypeDef, MethodDef, Assembly }
);
coded_index!(
    /// The parent of a MemberRef (where the member is looked up).
    MemberRefParent { TypeDef, TypeRef, ModuleRef, MethodDef, TypeSpec }
);
coded_index!(
    /// The event or property a MethodSemantics row belongs to.
    HasSemantics { Event, Property }
);
coded_index!(
    /// A method definition or reference.
    MethodDefOrRef { MethodDef, MemberRef }
);
coded_index!(
    /// The member an ImplMap (P/Invoke) row describes.
    MemberForwarded { Field, MethodDef }
);
coded_index!(
    /// Where an exported type or manifest resource lives.
    Implementation { File, AssemblyRef, ExportedType }
);
coded_index!(
    /// The constructor of a custom attribute.
    CustomAttributeType { MethodDef, MemberRef }
);
coded_index!(
    /// The scope in which a TypeRef is resolved.
    ResolutionScope { Module, ModuleRef, AssemblyRef, TypeRef }
);
coded_index!(
    /// The owner of a generic parameter.
    TypeOrMethodDef { TypeDef, MethodDef }
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decode_encode() {
        assert_eq!(TypeDefOrRef::decode(0).unwrap(), None);
        assert_eq!(
            TypeDefOrRef::decode(0x0D).unwrap(),
            Some(TypeDefOrRef::TypeRef(3))
        );
        assert_eq!(TypeDefOrRef::TypeRef(3).encode(), 0x0D);
        assert!(TypeDefOrRef::decode(0x0F).is_err());
        assert_eq!(
            CustomAttributeType::decode(0x0A).unwrap(),
            Some(CustomAttributeType::MethodDef(1))
        );
        assert!(CustomAttributeType::decode(0x09).is_err());
        assert_eq!(CustomAttributeType::MemberRef(7).encode(), (7 << 3) | 3);
        assert_eq!(HasCustomAttribute::MethodSpec(2).encode(), (2 << 5) | 21);
        assert_eq!(
            HasCustomAttribute::from_token(Token::new(TableId::Assembly, 1)),
            Some(HasCustomAttribute::Assembly(1))
        );
        assert_eq!(
            TypeOrMethodDef::from_token(Token::new(TableId::Field, 1)),
            None
        );
        assert_eq!(ResolutionScope::AssemblyRef(1).to_string(), "0x23000001");
        for kind in [
            CodedIndexKind::TypeDefOrRef,
            CodedIndexKind::HasCustomAttribute,
        ] {
            assert!(kind.tables().len() <= 1 << kind.tag_bits());
        }
    }
}
