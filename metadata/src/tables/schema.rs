//! The column layout of every table (ECMA-335 II.22), as data.
//!
//! Widths of index columns depend on heap sizes and row counts and are
//! computed in [`super::Tables::parse`]; this module only says what each
//! column holds.

use super::{CodedIndexKind, TableId};

/// What a column holds; determines its width.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ColumnKind {
    /// A 2-byte constant.
    U16,
    /// A 4-byte constant.
    U32,
    /// A `#Strings` heap index (2 or 4 bytes).
    String,
    /// A `#GUID` heap index (2 or 4 bytes).
    Guid,
    /// A `#Blob` heap index (2 or 4 bytes).
    Blob,
    /// A row id of the given table (2 or 4 bytes); never null.
    Index(TableId),
    /// The first row of a run in the given table (`FieldList`, `MethodList`…);
    /// may be one past the last row. Goes through the matching `*Ptr` table if present.
    List(TableId),
    /// A coded index (2 or 4 bytes).
    Coded(CodedIndexKind),
}

/// One column: its name (as in ECMA-335) and kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ColumnDef {
    /// The column name used in the specification, e.g. `"FieldList"`.
    pub name: &'static str,
    /// What the column holds.
    pub kind: ColumnKind,
}

/// Most columns any table has (Assembly and AssemblyRef have 9).
pub const MAX_COLUMNS: usize = 9;

/// Shorthand for a [`ColumnDef`] literal (a macro so the arrays are promoted to statics).
macro_rules! c {
    ($name:literal, $kind:expr) => {
        ColumnDef {
            name: $name,
            kind: $kind,
        }
    };
}

use CodedIndexKind as C;
use ColumnKind::*;
use TableId as T;

/// The columns of `table`, in file order.
pub fn columns(table: TableId) -> &'static [ColumnDef] {
    match table {
        T::Module => &[
            c!("Generation", U16),
            c!("Name", String),
            c!("Mvid", Guid),
            c!("EncId", Guid),
            c!("EncBaseId", Guid),
        ],
        T::TypeRef => &[
            c!("ResolutionScope", Coded(C::ResolutionScope)),
            c!("TypeName", String),
            c!("TypeNamespace", String),
        ],
        T::TypeDef => &[
            c!("Flags", U32),
            c!("TypeName", String),
            c!("TypeNamespace", String),
            c!("Extends", Coded(C::TypeDefOrRef)),
            c!("FieldList", List(T::Field)),
            c!("MethodList", List(T::MethodDef)),
        ],
        T::FieldPtr => &[c!("Field", Index(T::Field))],
        T::Field => &[c!("Flags", U16), c!("Name", String), c!("Signature", Blob)],
        T::MethodPtr => &[c!("Method", Index(T::MethodDef))],
        T::MethodDef => &[
            c!("RVA", U32),
            c!("ImplFlags", U16),
            c!("Flags", U16),
            c!("Name", String),
            c!("Signature", Blob),
            c!("ParamList", List(T::Param)),
        ],
        T::ParamPtr => &[c!("Param", Index(T::Param))],
        T::Param => &[c!("Flags", U16), c!("Sequence", U16), c!("Name", String)],
        T::InterfaceImpl => &[
            c!("Class", Index(T::TypeDef)),
            c!("Interface", Coded(C::TypeDefOrRef)),
        ],
        T::MemberRef => &[
            c!("Class", Coded(C::MemberRefParent)),
            c!("Name", String),
            c!("Signature", Blob),
        ],
        // Type is one byte followed by one byte of padding.
        T::Constant => &[
            c!("Type", U16),
            c!("Parent", Coded(C::HasConstant)),
            c!("Value", Blob),
        ],
        T::CustomAttribute => &[
            c!("Parent", Coded(C::HasCustomAttribute)),
            c!("Type", Coded(C::CustomAttributeType)),
            c!("Value", Blob),
        ],
        T::FieldMarshal => &[
            c!("Parent", Coded(C::HasFieldMarshal)),
            c!("NativeType", Blob),
        ],
        T::DeclSecurity => &[
            c!("Action", U16),
            c!("Parent", Coded(C::HasDeclSecurity)),
            c!("PermissionSet", Blob),
        ],
        T::ClassLayout => &[
            c!("PackingSize", U16),
            c!("ClassSize", U32),
            c!("Parent", Index(T::TypeDef)),
        ],
        T::FieldLayout => &[c!("Offset", U32), c!("Field", Index(T::Field))],
        T::StandAloneSig => &[c!("Signature", Blob)],
        T::EventMap => &[
            c!("Parent", Index(T::TypeDef)),
            c!("EventList", List(T::Event)),
        ],
        T::EventPtr => &[c!("Event", Index(T::Event))],
        T::Event => &[
            c!("EventFlags", U16),
            c!("Name", String),
            c!("EventType", Coded(C::TypeDefOrRef)),
        ],
        T::PropertyMap => &[
            c!("Parent", Index(T::TypeDef)),
            c!("PropertyList", List(T::Property)),
        ],
        T::PropertyPtr => &[c!("Property", Index(T::Property))],
        T::Property => &[c!("Flags", U16), c!("Name", String), c!("Type", Blob)],
        T::MethodSemantics => &[
            c!("Semantics", U16),
            c!("Method", Index(T::MethodDef)),
            c!("Association", Coded(C::HasSemantics)),
        ],
        T::MethodImpl => &[
            c!("Class", Index(T::TypeDef)),
            c!("MethodBody", Coded(C::MethodDefOrRef)),
            c!("MethodDeclaration", Coded(C::MethodDefOrRef)),
        ],
        T::ModuleRef => &[c!("Name", String)],
        T::TypeSpec => &[c!("Signature", Blob)],
        T::ImplMap => &[
            c!("MappingFlags", U16),
            c!("MemberForwarded", Coded(C::MemberForwarded)),
            c!("ImportName", String),
            c!("ImportScope", Index(T::ModuleRef)),
        ],
        T::FieldRva => &[c!("RVA", U32), c!("Field", Index(T::Field))],
        T::EncLog => &[c!("Token", U32), c!("FuncCode", U32)],
        T::EncMap => &[c!("Token", U32)],
        T::Assembly => &[
            c!("HashAlgId", U32),
            c!("MajorVersion", U16),
            c!("MinorVersion", U16),
            c!("BuildNumber", U16),
            c!("RevisionNumber", U16),
            c!("Flags", U32),
            c!("PublicKey", Blob),
            c!("Name", String),
            c!("Culture", String),
        ],
        T::AssemblyProcessor => &[c!("Processor", U32)],
        T::AssemblyOs => &[
            c!("OSPlatformID", U32),
            c!("OSMajorVersion", U32),
            c!("OSMinorVersion", U32),
        ],
        T::AssemblyRef => &[
            c!("MajorVersion", U16),
            c!("MinorVersion", U16),
            c!("BuildNumber", U16),
            c!("RevisionNumber", U16),
            c!("Flags", U32),
            c!("PublicKeyOrToken", Blob),
            c!("Name", String),
            c!("Culture", String),
            c!("HashValue", Blob),
        ],
        T::AssemblyRefProcessor => &[
            c!("Processor", U32),
            c!("AssemblyRef", Index(T::AssemblyRef)),
        ],
        T::AssemblyRefOs => &[
            c!("OSPlatformID", U32),
            c!("OSMajorVersion", U32),
            c!("OSMinorVersion", U32),
            c!("AssemblyRef", Index(T::AssemblyRef)),
        ],
        T::File => &[c!("Flags", U32), c!("Name", String), c!("HashValue", Blob)],
        T::ExportedType => &[
            c!("Flags", U32),
            c!("TypeDefId", U32),
            c!("TypeName", String),
            c!("TypeNamespace", String),
            c!("Implementation", Coded(C::Implementation)),
        ],
        T::ManifestResource => &[
            c!("Offset", U32),
            c!("Flags", U32),
            c!("Name", String),
            c!("Implementation", Coded(C::Implementation)),
        ],
        T::NestedClass => &[
            c!("NestedClass", Index(T::TypeDef)),
            c!("EnclosingClass", Index(T::TypeDef)),
        ],
        T::GenericParam => &[
            c!("Number", U16),
            c!("Flags", U16),
            c!("Owner", Coded(C::TypeOrMethodDef)),
            c!("Name", String),
        ],
        T::MethodSpec => &[
            c!("Method", Coded(C::MethodDefOrRef)),
            c!("Instantiation", Blob),
        ],
        T::GenericParamConstraint => &[
            c!("Owner", Index(T::GenericParam)),
            c!("Constraint", Coded(C::TypeDefOrRef)),
        ],
    }
}

/// The key column of a table that ECMA-335 requires to be sorted (II.22),
/// or `None` if the table has no sort requirement.
///
/// The image's `Sorted` mask says which tables actually are sorted.
pub fn sort_key(table: TableId) -> Option<usize> {
    match table {
        T::ClassLayout => Some(2),
        T::Constant => Some(1),
        T::CustomAttribute => Some(0),
        T::DeclSecurity => Some(1),
        T::FieldLayout => Some(1),
        T::FieldMarshal => Some(0),
        T::FieldRva => Some(1),
        T::GenericParam => Some(2),
        T::GenericParamConstraint => Some(0),
        T::ImplMap => Some(1),
        T::InterfaceImpl => Some(0),
        T::MethodImpl => Some(0),
        T::MethodSemantics => Some(2),
        T::NestedClass => Some(0),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn column_counts_fit() {
        for table in TableId::ALL {
            let cols = columns(table);
            assert!(!cols.is_empty() && cols.len() <= MAX_COLUMNS, "{table:?}");
            if let Some(key) = sort_key(table) {
                assert!(key < cols.len(), "{table:?}");
            }
        }
    }
}
